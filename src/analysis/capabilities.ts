import { z } from 'zod';
import { CAPABILITY_STATES, CapabilitySet, type CapabilityRecord, type CapabilityState } from '../model/capabilities.js';
import { cmp, indexGeography } from '../model/geography.js';
import { nodeKey } from '../model/keys.js';
import { requireGeography, sharedProjection, type CooperationNetwork } from '../model/network.js';
import { parseOptions, ViaSchema } from '../model/options.js';
import { LangSchema, resolveLang } from '../model/i18n/index.js';
import type { Municipality } from '../model/schema.js';
import { withColumns, type Rows } from '../model/table.js';
import { borderGraph, borderStepArray, haversineKm } from '../geo/distance.js';

/**
 * Capability analyses: coverage of each capability per county, competence
 * reach (who nearby has what a municipality lacks) and capability gaps.
 *
 * Conventions, everywhere:
 * - Four states are kept apart: `yes`, `planned`, `no` and `unknown` (no
 *   record). `unknown` is never counted as lacking, unless the capability
 *   set is a declared census (`loadCapabilities(…, { census: true })`), where
 *   a municipality without a record is `no`.
 * - Dates: capabilities are read on the network's date (`net.asOf(date)`)
 *   unless the set has its own (`caps.asOf(date)`); two different dates are
 *   an error. Without a date, the latest record holds (see `CapabilitySet`).
 * - Distances are centroid-to-centroid great-circle km; border steps count
 *   land borders (1 = bordering). An actor is located at its municipality;
 *   one without a municipality but with a county serves the county, so it
 *   is placed at the county's municipalities (0 km and 0 steps from each of
 *   them, else the distance to the nearest of them); one with neither has
 *   no distance and comes last.
 * - A municipality that is a member of an actor that has a capability (a
 *   link of kind `member`, e.g. of a regional competence network serving
 *   its members) reaches that capability as a member (`via: 'member'`),
 *   before any other source. Other links to the actor (a project, a
 *   dialogue) make them `cooperating`, not members.
 * - For `regional_network` (membership of a regional competence network)
 *   the source is the network itself: only actors that have it are
 *   sources, never the member municipalities, which cannot lend their
 *   membership.
 */

/** Link kinds that make a municipality a member of the actor at the other end. */
export const MEMBERSHIP_LINK_KINDS: readonly string[] = Object.freeze(['member', 'membership', 'medlem', 'medlemskap']);

/** The capability whose sources are the networks themselves (see the conventions above). */
const NETWORK_CAPABILITY = 'regional_network';

const CapabilityListSchema = z.array(z.string().min(1)).min(1).optional();

/** The capabilities asked about: those given (each known to the vocabulary), or those the records use. */
function capabilitiesOf(caps: CapabilitySet, given: readonly string[] | undefined, fn: string): string[] {
  if (given === undefined) return caps.capabilities();
  return [...new Set(given.map((word) => caps.vocabulary.requireCode(word, fn)))];
}

/** The capability set read on the network's date (see the conventions above). */
function onNetworkDate(net: CooperationNetwork, caps: CapabilitySet, fn: string): CapabilitySet {
  return CapabilitySet.check(caps, fn).onNetworkDate(net.date, fn);
}

// ---------------------------------------------------------------------------
// Coverage

export const CapabilityCoverageOptionsSchema = z.strictObject({
  /** Only these capabilities (codes or labels). Default: every capability the records use, in vocabulary order. */
  capabilityCodes: CapabilityListSchema,
  /** Append a row per capability for the whole scope (county `total`). Default true. */
  total: z.boolean().default(true),
});
export type CapabilityCoverageOptions = z.input<typeof CapabilityCoverageOptionsSchema>;

/**
 * One row per county and capability. `…Count` columns count the county's
 * municipalities in each state; `…Share` columns are those counts over
 * `municipalityCount`; `…PopulationShare` the same weighted by population.
 * The four states add up to the whole: `yesCount + plannedCount + noCount +
 * unknownCount === municipalityCount`.
 */
export interface CapabilityCoverageRow {
  county: string;
  name: string;
  capability: string;
  municipalityCount: number;
  population: number;
  yesCount: number;
  plannedCount: number;
  noCount: number;
  unknownCount: number;
  yesShare: number;
  plannedShare: number;
  noShare: number;
  unknownShare: number;
  yesPopulationShare: number;
  plannedPopulationShare: number;
  noPopulationShare: number;
  unknownPopulationShare: number;
}

/** One row per municipality and capability: its state and the record it comes from. */
export interface MunicipalityCapabilityRow {
  municipality: string;
  name: string;
  county: string;
  capability: string;
  state: CapabilityState;
  since: string | null;
  until: string | null;
  source: string | null;
}

const COVERAGE_COLUMNS = [
  'county', 'name', 'capability', 'municipalityCount', 'population',
  'yesCount', 'plannedCount', 'noCount', 'unknownCount',
  'yesShare', 'plannedShare', 'noShare', 'unknownShare',
  'yesPopulationShare', 'plannedPopulationShare', 'noPopulationShare', 'unknownPopulationShare',
] as const satisfies ReadonlyArray<keyof CapabilityCoverageRow>;

/**
 * The state of each capability for every municipality in scope, in code
 * order, then capability order (see the module conventions for `unknown`).
 *
 * @example
 * capabilitiesByMunicipality(net, caps).filter((r) => r.state === 'no');
 */
export function capabilitiesByMunicipality(net: CooperationNetwork, caps: CapabilitySet, options: Pick<CapabilityCoverageOptions, 'capabilityCodes'> = {}): Rows<MunicipalityCapabilityRow> {
  requireGeography(net, 'capabilitiesByMunicipality');
  const o = parseOptions(CapabilityCoverageOptionsSchema.pick({ capabilityCodes: true }), options, 'capabilitiesByMunicipality', net);
  const read = onNetworkDate(net, caps, 'capabilitiesByMunicipality');
  const codes = capabilitiesOf(read, o.capabilityCodes, 'capabilitiesByMunicipality');
  const rows: MunicipalityCapabilityRow[] = [];
  for (const m of net.municipalities()) {
    for (const capability of codes) {
      const { state, record } = read.fact(m.code, capability);
      rows.push({ municipality: m.code, name: m.name, county: m.county, capability, state, since: record?.since ?? null, until: record?.until ?? null, source: record?.source ?? null });
    }
  }
  return withColumns(rows, ['municipality', 'name', 'county', 'capability', 'state', 'since', 'until', 'source']);
}

/**
 * How each county is covered by each capability: the municipalities with it
 * (`yes`), setting it up (`planned`), without it (`no`) and those of which
 * nothing is known (`unknown`), as counts, shares and population shares.
 * One row per county (code order) and capability, then the scope's `total`
 * rows. With partial evidence most municipalities are `unknown`: read
 * `unknownShare` before `yesShare`.
 *
 * @example
 * capabilityCoverage(net, caps).filter((r) => r.capability === 'action_plan');
 */
export function capabilityCoverage(net: CooperationNetwork, caps: CapabilitySet, options: CapabilityCoverageOptions = {}): Rows<CapabilityCoverageRow> {
  requireGeography(net, 'capabilityCoverage');
  const o = parseOptions(CapabilityCoverageOptionsSchema, options, 'capabilityCoverage', net);
  const read = onNetworkDate(net, caps, 'capabilityCoverage');
  const codes = capabilitiesOf(read, o.capabilityCodes, 'capabilityCoverage');
  const ix = indexGeography(net.geography);
  const byCounty = new Map<string, Municipality[]>();
  for (const m of net.municipalities()) {
    const list = byCounty.get(m.county);
    if (list) list.push(m);
    else byCounty.set(m.county, [m]);
  }
  const groups: [string, string, Municipality[]][] = [...byCounty.keys()].sort(cmp).map((c) => [c, ix.county.get(c)?.name ?? c, byCounty.get(c)!]);
  if (o.total) groups.push(['total', 'total', net.municipalities()]);
  const rows: CapabilityCoverageRow[] = [];
  for (const [county, name, municipalities] of groups) {
    for (const capability of codes) rows.push(coverageRow(county, name, capability, municipalities, read));
  }
  return withColumns(rows, [...COVERAGE_COLUMNS]);
}

function coverageRow(county: string, name: string, capability: string, municipalities: readonly Municipality[], caps: CapabilitySet): CapabilityCoverageRow {
  const count: Record<CapabilityState, number> = { yes: 0, planned: 0, no: 0, unknown: 0 };
  const people: Record<CapabilityState, number> = { yes: 0, planned: 0, no: 0, unknown: 0 };
  let population = 0;
  for (const m of municipalities) {
    const state = caps.state(m.code, capability);
    count[state]++;
    people[state] += m.population;
    population += m.population;
  }
  const n = municipalities.length;
  const share = (k: number, of: number) => (of > 0 ? k / of : 0);
  const row = { county, name, capability, municipalityCount: n, population } as CapabilityCoverageRow;
  for (const s of CAPABILITY_STATES) row[`${s}Count`] = count[s];
  for (const s of CAPABILITY_STATES) row[`${s}Share`] = share(count[s], n);
  for (const s of CAPABILITY_STATES) row[`${s}PopulationShare`] = share(people[s], population);
  return row;
}

export const CapabilityStateCountsOptionsSchema = z.strictObject({
  /** One row per `county` (code order, then the scope's `total`) or per `municipality` (code order). Default `county`. */
  by: z.enum(['county', 'municipality']).default('county'),
  /** Only these capabilities (codes or labels). Default: every capability the records use. */
  capabilityCodes: CapabilityListSchema,
});
export type CapabilityStateCountsOptions = z.input<typeof CapabilityStateCountsOptionsSchema>;

/**
 * Capability states counted over a county's (or one municipality's)
 * municipality–capability pairs: `capabilityYesCount + capabilityPlannedCount
 * + capabilityNoCount + capabilityUnknownCount === municipalityCount ×
 * capabilityCount`. `capabilityGapMunicipalityCount`: municipalities that
 * lack at least one (state `no`), as `capabilityGaps` lists them.
 */
export interface CapabilityStateCountRow {
  /** County code, or `total` for the scope's row. */
  county: string;
  /** Municipality code (`by: 'municipality'`), else `null`. */
  municipality: string | null;
  municipalityCount: number;
  capabilityCount: number;
  capabilityYesCount: number;
  capabilityPlannedCount: number;
  capabilityNoCount: number;
  capabilityUnknownCount: number;
  capabilityGapMunicipalityCount: number;
}

/** The count columns of {@link CapabilityStateCountRow}, for tables that take them in. */
export const CAPABILITY_STATE_COUNT_COLUMNS = ['capabilityCount', 'capabilityYesCount', 'capabilityPlannedCount', 'capabilityNoCount', 'capabilityUnknownCount', 'capabilityGapMunicipalityCount'] as const;

/**
 * The four capability states counted per county (and the scope's total) or
 * per municipality, over every capability of the records: a summary's
 * column set, unknown apart from no (see the module conventions).
 *
 * @example
 * capabilityStateCounts(net, caps).find((r) => r.county === 'total')!.capabilityUnknownCount;
 */
export function capabilityStateCounts(net: CooperationNetwork, caps: CapabilitySet, options: CapabilityStateCountsOptions = {}): Rows<CapabilityStateCountRow> {
  requireGeography(net, 'capabilityStateCounts');
  const o = parseOptions(CapabilityStateCountsOptionsSchema, options, 'capabilityStateCounts', net);
  const read = onNetworkDate(net, caps, 'capabilityStateCounts');
  const codes = capabilitiesOf(read, o.capabilityCodes, 'capabilityStateCounts');
  const rows = new Map<string, CapabilityStateCountRow>();
  const add = (key: string, county: string, municipality: string | null, states: readonly CapabilityState[]) => {
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { county, municipality, municipalityCount: 0, capabilityCount: codes.length, capabilityYesCount: 0, capabilityPlannedCount: 0, capabilityNoCount: 0, capabilityUnknownCount: 0, capabilityGapMunicipalityCount: 0 }));
    row.municipalityCount++;
    for (const s of states) row[`capability${s[0]!.toUpperCase()}${s.slice(1)}Count` as 'capabilityYesCount']++;
    if (states.includes('no')) row.capabilityGapMunicipalityCount++;
  };
  const municipalities = [...net.municipalities()].sort((a, b) => cmp(a.code, b.code));
  for (const m of municipalities) {
    const states = codes.map((c) => read.state(m.code, c));
    if (o.by === 'municipality') add(m.code, m.county, m.code, states);
    else {
      add(m.county, m.county, null, states);
      add('total', 'total', null, states);
    }
  }
  const order = o.by === 'county' ? [...new Set(municipalities.map((m) => m.county))].sort(cmp).concat(municipalities.length > 0 ? ['total'] : []) : municipalities.map((m) => m.code);
  return withColumns(order.map((k) => rows.get(k)!), ['county', 'municipality', 'municipalityCount', ...CAPABILITY_STATE_COUNT_COLUMNS]);
}

// ---------------------------------------------------------------------------
// Sources and reach

/** A subject that has a capability (`yes`), where it is. */
interface Source {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  /** Municipalities it is located at: its own code for a municipality, an actor's municipality, or every municipality of an actor's county; none when unplaced. */
  readonly at: readonly string[];
  readonly record: CapabilityRecord;
}

/** Every subject with `yes` for `capability`, municipalities and actors (for `regional_network` actors only), in id order. */
function sourcesOf(net: CooperationNetwork, caps: CapabilitySet, capability: string): Source[] {
  const ix = indexGeography(net.geography);
  const out: Source[] = [];
  for (const subject of caps.subjects()) {
    const { state, record } = caps.fact(subject, capability);
    if (state !== 'yes') continue;
    const m = ix.municipality.get(subject);
    const actor = net.actor(subject);
    if (m && (!actor || actor.kind === 'municipality')) {
      if (capability !== NETWORK_CAPABILITY) out.push({ id: m.code, name: m.name, kind: 'municipality', at: [m.code], record: record! });
    } else if (actor) {
      const at = actor.municipality !== undefined ? [actor.municipality] : actor.county !== undefined ? (ix.municipalitiesOf.get(actor.county) ?? []).map((x) => x.code) : [];
      out.push({ id: actor.id, name: actor.name, kind: actor.kind, at, record: record! });
    }
  }
  return out;
}

/** A municipality's way to a source: as a member (linked to it), or over borders and km. */
interface Reach {
  readonly source: Source;
  readonly via: 'member' | 'border' | 'distance';
  readonly borderSteps: number | null;
  readonly distanceKm: number | null;
  readonly cooperating: boolean;
}

const byMember = (a: Reach, b: Reach) => Number(b.via === 'member') - Number(a.via === 'member');
/** Smaller first; `null` (unreachable, no place) last. */
const byValue = (x: number | null, y: number | null) => (x === y ? 0 : x === null ? 1 : y === null ? -1 : x - y);

/** Order of reach: members first, then fewer border steps, then fewer km, then id. */
function nearer(a: Reach, b: Reach): number {
  return byMember(a, b) || byValue(a.borderSteps, b.borderSteps) || byValue(a.distanceKm, b.distanceKm) || cmp(a.source.id, b.source.id);
}

/** Order of the gaps, which speak in km: members first, then fewer km, then id. */
function nearerByKm(a: Reach, b: Reach): number {
  return byMember(a, b) || byValue(a.distanceKm, b.distanceKm) || cmp(a.source.id, b.source.id);
}

/** Per-network distances from one municipality: border steps and km to every municipality, and its ties. */
class Surroundings {
  readonly #steps: Int32Array;
  readonly #index: ReadonlyMap<string, number>;
  readonly #lat: Float64Array;
  readonly #lon: Float64Array;
  readonly #from: number;
  readonly #tied: ReadonlySet<string>;
  readonly #linked: ReadonlySet<string>;
  readonly #memberOf: ReadonlySet<string>;
  readonly code: string;

  constructor(net: CooperationNetwork, code: string, via: readonly string[]) {
    const graph = borderGraph(net.geography);
    this.code = code;
    this.#index = graph.index;
    this.#lat = graph.lat;
    this.#lon = graph.lon;
    this.#from = graph.index.get(code)!;
    this.#steps = borderStepArray(graph, this.#from).steps;
    const projection = sharedProjection(net, { via });
    const key = nodeKey(code);
    this.#tied = new Set(projection.graph.hasNode(key) ? projection.graph.neighbors(key) : []);
    const linked = new Set<string>();
    const memberOf = new Set<string>();
    net.forEachPartner(code, (partner, pair) => {
      linked.add(partner.id);
      if (pair.kinds.some((k) => MEMBERSHIP_LINK_KINDS.includes(k.toLowerCase()))) memberOf.add(partner.id);
    });
    this.#linked = linked;
    this.#memberOf = memberOf;
  }

  reach(source: Source): Reach {
    const member = source.kind !== 'municipality' && this.#memberOf.has(source.id);
    // The nearest of the places it is at: fewest border steps, and fewest km (each on its own).
    let steps: number | null = null;
    let km: number | null = null;
    for (const place of source.at) {
      const at = this.#index.get(place);
      if (at === undefined) continue;
      const s = this.#steps[at]!;
      if (s >= 0 && (steps === null || s < steps)) steps = s;
      const d = at === this.#from ? 0 : haversineKm(this.#lat[this.#from]!, this.#lon[this.#from]!, this.#lat[at]!, this.#lon[at]!);
      if (km === null || d < km) km = d;
    }
    const cooperating = source.kind === 'municipality' ? this.#tied.has(nodeKey(source.id)) : this.#linked.has(source.id);
    const via = member ? 'member' : steps !== null ? 'border' : 'distance';
    return { source, via, borderSteps: steps, distanceKm: km, cooperating };
  }

  /** The nearest of `sources` (not the municipality itself) by `order` (default: {@link nearer}), or undefined. */
  nearest(sources: readonly Source[], order: (a: Reach, b: Reach) => number = nearer): Reach | undefined {
    let best: Reach | undefined;
    for (const s of sources) {
      if (s.id === this.code) continue;
      const r = this.reach(s);
      if (best === undefined || order(r, best) < 0) best = r;
    }
    return best;
  }

}

/** What reach and gaps start from: the parsed options, the set on the network's date, the capabilities asked about and who has each. */
function prepared<S extends z.ZodType<{ capabilityCodes?: string[] | undefined }>>(net: CooperationNetwork, caps: CapabilitySet, schema: S, options: unknown, fn: string) {
  requireGeography(net, fn);
  const o: z.output<S> = parseOptions(schema, options, fn, net);
  const read = onNetworkDate(net, caps, fn);
  const codes = capabilitiesOf(read, o.capabilityCodes, fn);
  return { o, read, codes, sources: new Map(codes.map((c) => [c, sourcesOf(net, read, c)])) };
}

export const CompetenceReachOptionsSchema = z.strictObject({
  /** Only these capabilities (codes or labels). Default: every capability the records use. */
  capabilityCodes: CapabilityListSchema,
  /** Also list capabilities the municipality has (`yes`), with the nearest other source. Default false: only those it lacks (`no`, `planned`, `unknown`). */
  includeHeld: z.boolean().default(false),
  /** Actor kinds through which municipalities cooperate, for `cooperating` (see `municipalityProjection`). Default `['joint_body']`. */
  via: ViaSchema,
});
export type CompetenceReachOptions = z.input<typeof CompetenceReachOptionsSchema>;

/**
 * One row per municipality and capability it does not have: the nearest
 * municipality or actor that has it. `state` is the municipality's own state
 * (`no`, `planned` or `unknown`, kept apart). `source…` columns are `null`
 * when no subject has the capability. `via`: `member` (the municipality is
 * linked to the source actor, e.g. a regional competence network),
 * `border` (reachable over land borders) or `distance` (no border path:
 * islands). `cooperating`: the two already cooperate (a municipality tie,
 * direct or through a shared body, or a link to the actor).
 */
export interface CompetenceReachRow {
  municipality: string;
  name: string;
  county: string;
  capability: string;
  state: CapabilityState;
  source: string | null;
  sourceName: string | null;
  sourceKind: string | null;
  sourceSince: string | null;
  via: 'member' | 'border' | 'distance' | null;
  borderSteps: number | null;
  distanceKm: number | null;
  cooperating: boolean | null;
}

/**
 * Competence reach: for every municipality in scope and every capability it
 * lacks, the nearest municipality or actor that has it, by membership, then
 * border steps, then km (ties by id), whether or not they already
 * cooperate. Sources may lie outside the scope: competence is borrowed
 * across county borders too.
 *
 * @example
 * competenceReach(net, caps, { capabilityCodes: ['relatives_support'] });
 */
export function competenceReach(net: CooperationNetwork, caps: CapabilitySet, options: CompetenceReachOptions = {}): Rows<CompetenceReachRow> {
  const { o, read, codes, sources } = prepared(net, caps, CompetenceReachOptionsSchema, options, 'competenceReach');
  const rows: CompetenceReachRow[] = [];
  for (const m of net.municipalities()) {
    const around = new Surroundings(net, m.code, o.via);
    for (const capability of codes) {
      const state = read.state(m.code, capability);
      if (state === 'yes' && !o.includeHeld) continue;
      const best = around.nearest(sources.get(capability)!);
      rows.push({
        municipality: m.code,
        name: m.name,
        county: m.county,
        capability,
        state,
        source: best?.source.id ?? null,
        sourceName: best?.source.name ?? null,
        sourceKind: best?.source.kind ?? null,
        sourceSince: best?.source.record.since ?? null,
        via: best?.via ?? null,
        borderSteps: best?.borderSteps ?? null,
        distanceKm: best?.distanceKm ?? null,
        cooperating: best ? best.cooperating : null,
      });
    }
  }
  return withColumns(rows, ['municipality', 'name', 'county', 'capability', 'state', 'source', 'sourceName', 'sourceKind', 'sourceSince', 'via', 'borderSteps', 'distanceKm', 'cooperating']);
}

// ---------------------------------------------------------------------------
// Gaps

export const CapabilityGapsOptionsSchema = z.strictObject({
  /** Only these capabilities (codes or labels). Default: every capability the records use. */
  capabilityCodes: CapabilityListSchema,
  /** A source within this many km (or a network the municipality is a member of) is "nearby". Default 60. */
  radiusKm: z.number().positive().default(60),
  /** Actor kinds through which municipalities cooperate (see `competenceReach`). Default `['joint_body']`. */
  via: ViaSchema,
  /** Language of `reason`. Default: the language of the network's geography (Swedish for Sweden), else English, as `findGaps`. */
  lang: LangSchema.optional(),
});
export type CapabilityGapsOptions = z.input<typeof CapabilityGapsOptionsSchema>;

/**
 * A municipality that lacks capabilities (state `no`, or no record in a
 * declared census). `severity`: `high` when no lacking capability has a
 * source nearby (within `radiusKm`, or a network it is a member of),
 * `medium` when some have, `low` when all have (help is at hand, unused).
 * `nearestWithAll…` is the nearest single municipality or actor that has
 * every lacking capability (`null` when none has all).
 */
export interface CapabilityGapRow {
  municipality: string;
  name: string;
  county: string;
  /** Lacking capability codes, in vocabulary order. */
  capabilities: string[];
  capabilityCount: number;
  /** Of those, the ones with a source nearby. */
  nearbyCount: number;
  severity: 'high' | 'medium' | 'low';
  nearestWithAll: string | null;
  nearestWithAllName: string | null;
  nearestWithAllKm: number | null;
  reason: string;
}

const SEVERITY_ORDER = { high: 0, medium: 1, low: 2 } as const;

/**
 * Capability gaps: municipalities in scope that lack one or more
 * capabilities, where the data says `no` (or the set is a declared census),
 * with a severity and a reason in plain words, e.g. "Bjurholm has no action
 * plan and no coordinator, and no municipality or actor within 60 km has
 * either; the nearest with both is Umeå (63 km)." Kept apart from the link
 * gaps of `findGaps`: a municipality whose capabilities are `unknown` has no
 * capability gap. Sorted by severity, then lacking count (most first), then
 * code.
 *
 * @example
 * capabilityGaps(net, caps, { radiusKm: 60 }).filter((g) => g.severity === 'high');
 */
export function capabilityGaps(net: CooperationNetwork, caps: CapabilitySet, options: CapabilityGapsOptions = {}): Rows<CapabilityGapRow> {
  const { o, read, codes, sources } = prepared(net, caps, CapabilityGapsOptionsSchema, options, 'capabilityGaps');
  const lang = resolveLang(o.lang, net.geography);
  const rows: CapabilityGapRow[] = [];
  for (const m of net.municipalities()) {
    const lacking = codes.filter((c) => read.state(m.code, c) === 'no');
    if (lacking.length === 0) continue;
    const around = new Surroundings(net, m.code, o.via);
    const isNearby = (r: Reach) => r.via === 'member' || (r.distanceKm !== null && r.distanceKm <= o.radiusKm);
    const nearby = lacking.filter((c) => sources.get(c)!.some((s) => s.id !== m.code && isNearby(around.reach(s))));
    const withAll = sources.get(lacking[0]!)!.filter((s) => lacking.every((c) => read.state(s.id, c) === 'yes'));
    const best = around.nearest(withAll, nearerByKm);
    const severity = nearby.length === 0 ? 'high' : nearby.length < lacking.length ? 'medium' : 'low';
    rows.push({
      municipality: m.code,
      name: m.name,
      county: m.county,
      capabilities: lacking,
      capabilityCount: lacking.length,
      nearbyCount: nearby.length,
      severity,
      nearestWithAll: best?.source.id ?? null,
      nearestWithAllName: best?.source.name ?? null,
      nearestWithAllKm: best?.distanceKm ?? null,
      reason: gapReason(m.name, lacking, nearby, best, o.radiusKm, read, lang),
    });
  }
  rows.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || b.capabilityCount - a.capabilityCount || cmp(a.municipality, b.municipality));
  return withColumns(rows, ['municipality', 'name', 'county', 'capabilities', 'capabilityCount', 'nearbyCount', 'severity', 'nearestWithAll', 'nearestWithAllName', 'nearestWithAllKm', 'reason']);
}

/** Words of the reasons; Swedish pronouns follow the labels' gender (`ingen handlingsplan`, `inget anhörigstöd`). */
function words(lang: 'en' | 'sv', caps: CapabilitySet, codes: readonly string[]) {
  const neuter = codes.map((c) => caps.vocabulary.definition(c)?.svGender === 'ett');
  const allNeuter = neuter.every(Boolean);
  const noneNeuter = neuter.every((x) => !x);
  if (lang === 'en') {
    const n = codes.length;
    return { and: 'and', no: () => 'no', either: n === 1 ? 'one' : n === 2 ? 'either' : 'any of them', both: n === 1 ? 'it' : n === 2 ? 'both' : `all ${n}`, it: n === 1 ? 'it' : 'each', member: 'which it is a member of' };
  }
  const n = codes.length;
  const one = allNeuter ? 'något' : 'någon';
  return {
    and: 'och',
    no: (c: string) => (caps.vocabulary.definition(c)?.svGender === 'ett' ? 'inget' : 'ingen'),
    either: n === 1 ? one : n === 2 && allNeuter ? 'någotdera' : n === 2 && noneNeuter ? 'någondera' : 'något av dem',
    both: n === 1 ? (allNeuter ? 'det' : 'den') : n === 2 ? 'båda' : `alla ${n}`,
    it: n === 1 ? (allNeuter ? 'det' : 'den') : 'var och en',
    member: 'som den är medlem i',
  };
}

function listWords(items: readonly string[], and: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}

const km = (d: number) => `${Math.round(d)} km`;

function gapReason(name: string, lacking: readonly string[], nearby: readonly string[], best: Reach | undefined, radiusKm: number, caps: CapabilitySet, lang: 'en' | 'sv'): string {
  const w = words(lang, caps, lacking);
  const label = (c: string) => caps.vocabulary.label(c, lang);
  const has = lang === 'en' ? 'has' : 'har';
  const lacks = listWords(lacking.map((c) => `${w.no(c)} ${label(c)}`), w.and);
  let text = `${name} ${has} ${lacks}`;
  if (nearby.length === 0) {
    text += lang === 'en'
      ? `, and no municipality or actor within ${km(radiusKm)} has ${w.either}`
      : `, och ingen kommun eller aktör inom ${km(radiusKm)} har ${w.either}`;
  } else if (nearby.length < lacking.length) {
    const helped = nearby.map((c) => (lang === 'en' ? (caps.vocabulary.definition(c)?.enHas ?? label(c)) : label(c)));
    text += lang === 'en' ? `; within ${km(radiusKm)} there is help with ${listWords(helped, w.and)} only` : `; inom ${km(radiusKm)} finns stöd bara för ${listWords(helped, w.and)}`;
  } else {
    text += lang === 'en' ? `; help with ${w.it} is within ${km(radiusKm)}` : `; stöd för ${w.it} finns inom ${km(radiusKm)}`;
  }
  if (best) {
    const where = best.via === 'member' ? w.member : best.distanceKm !== null ? km(best.distanceKm) : lang === 'en' ? 'location unknown' : 'okänd plats';
    text += lang === 'en' ? `; the nearest with ${w.both} is ${best.source.name} (${where})` : `; närmast med ${w.both} är ${best.source.name} (${where})`;
  } else if (lacking.length > 1) {
    text += lang === 'en' ? '; no municipality or actor has all of them' : '; ingen kommun eller aktör har alla';
  } else {
    text += lang === 'en' ? '; no municipality or actor in the data has it' : `; ingen kommun eller aktör i datan har ${w.it}`;
  }
  return `${text}.`;
}
