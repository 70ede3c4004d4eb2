import { z } from 'zod';
import { indexGeography } from '../model/geography.js';
import { LangSchema } from '../model/i18n/index.js';
import { nodeKey } from '../model/keys.js';
import { requireGeography, scopeSet, sharedProjection, type CooperationNetwork } from '../model/network.js';
import { withColumns, type Rows } from '../model/table.js';
import { connectedComponents } from '../metrics/components.js';
import { csrFromEdges, toCsr } from '../metrics/csr.js';
import { centralityValues, withSampling, type CentralityRows, SamplesSchema, WorkersSchema } from './centrality.js';
import type { PathSampling } from '../metrics/path-centralities.js';
import { camelKind, memo, totalRowName } from './view.js';
import { KindListSchema, ProgressSchema, ViaSchema, parseOptions, refusal } from '../model/options.js';

import { DEFAULT_PARTNER_KINDS } from '../model/options.js';
export { DEFAULT_PARTNER_KINDS };

/** Fixed columns of the county rows that a `<kind>Share` column must not shadow. */
const RESERVED_SHARE_COLUMNS: ReadonlySet<string> = new Set(['linkedShare', 'linkedPopulationShare', 'borderPairShare']);

export const CoverageOptionsSchema = z.strictObject({
  /**
   * Partner kinds to report a share for (columns `<kind>Share`, camelCase). Default religious, civil_society, authority.
   * May be empty: no partner columns, and `coverage` is then just "has a municipality tie".
   * A kind named twice counts once.
   */
  partnerKinds: KindListSchema.refine((kinds) => kinds.every((k) => !RESERVED_SHARE_COLUMNS.has(`${camelKind(k)}Share`)), refusal('options.partnerKindColumn')).default([...DEFAULT_PARTNER_KINDS]),
  /** Betweenness with link weights as strengths (distance 1/weight). Default false (NetworkX's default). */
  weighted: z.boolean().default(false),
  /** Actor kinds through which members cooperate (see `municipalityProjection`). Default `['joint_body']`. */
  via: ViaSchema,
  /** Append a national row (county `total`). Default true. */
  total: z.boolean().default(true),
  /**
   * The language of the national total row's `name`: the geography's display name in it (`Sverige`, `Sweden`),
   * the word the report writes. Default the geography's language (Sweden's is Swedish).
   */
  lang: LangSchema.optional(),
  /** Betweenness from every actor or a sample of sources: `'auto'` (default), `'exact'` or a number (see `centrality`). */
  samples: SamplesSchema,
  /** Worker threads for betweenness (see `centrality`). Default `'auto'`. */
  workers: WorkersSchema,
  /** Progress of the betweenness computation, `(done, total)` (for progress bars). */
  onProgress: ProgressSchema,
});
export type CoverageOptions = z.input<typeof CoverageOptionsSchema>;

/**
 * One row per municipality. Definitions:
 * - `municipalityTies`: municipalities it cooperates with, directly (a
 *   cross-municipal link between their actors) or through a shared body.
 * - `<kind>Partners`: actors of that kind the municipality itself is linked to.
 * - `kindsCovered`: partner kinds with at least one partner.
 * - `borderNeighbours` / `cooperatingBorderNeighbours`: municipalities it
 *   borders, and how many of them it cooperates with; `borderShare` is their
 *   ratio (`null` for a municipality without land borders).
 * - `coverage`: the mean of "has a municipality tie" and one indicator per
 *   partner kind, from 0 (no cooperation) to 1 (a tie and every kind).
 * - `betweenness`: betweenness of the municipality in the whole actor
 *   network (as `centrality`).
 */
export interface MunicipalityCoverageRow {
  municipality: string;
  name: string;
  county: string;
  population: number;
  /** Links of any kind touching the municipality itself. */
  linkCount: number;
  municipalityTies: number;
  borderNeighbours: number;
  cooperatingBorderNeighbours: number;
  borderShare: number | null;
  kindsCovered: number;
  coverage: number;
  betweenness: number;
  /** `<kind>Partners` columns, one per partner kind. */
  [partners: `${string}Partners`]: number;
}

/**
 * One row per county, then a national `total` row. Definitions:
 * - `linkedMunicipalities`: municipalities with at least one municipality
 *   tie (a cross-municipal link between their actors, or a shared body);
 *   `linkedShare` their share of the county's municipalities and
 *   `linkedPopulationShare` their share of its population.
 * - `<kind>Share`: share of the county's municipalities linked directly to
 *   at least one actor of that kind.
 * - `borderPairs`: pairs of bordering municipalities both in the county;
 *   `cooperatingBorderPairs` those that cooperate; `borderPairShare` their
 *   ratio (`null` when the county has no internal border pair, as Gotland).
 * - `crossCountyLinks`: links with one end in the county and the other in
 *   another county (ends without a county, as a police region, never count).
 * - `crossCountyTies`: municipality ties between this county and another;
 *   `countiesReached` the other counties reached by either (`null` in the
 *   total row).
 * - `componentCount`: connected components among the county's municipalities,
 *   using only ties within the county (an unconnected municipality is a
 *   component of its own; 1 means one connected county network).
 * - `meanBetweenness`, `maxBetweenness`: of the county's municipalities, in
 *   the whole actor network.
 * - `meanCoverage`: mean municipality `coverage` (see {@link coverageByMunicipality}).
 */
export interface CountyCoverageRow {
  county: string;
  name: string;
  municipalityCount: number;
  population: number;
  linkedMunicipalities: number;
  linkedShare: number;
  linkedPopulationShare: number;
  borderPairs: number;
  cooperatingBorderPairs: number;
  borderPairShare: number | null;
  crossCountyLinks: number;
  crossCountyTies: number;
  countiesReached: number | null;
  componentCount: number;
  meanBetweenness: number;
  maxBetweenness: number;
  meanCoverage: number;
  /** `<kind>Share` columns, one per partner kind. */
  [share: `${string}Share`]: number | null;
}

/**
 * The rows, each copied with its keys in `columns` order, with `columns`
 * attached: the tidy-row contract (`Object.keys(row)` equals `columns`).
 * The `<kind>…` columns are added after the fixed ones while computing.
 */
function inColumnOrder<T extends object>(rows: readonly T[], columns: ReadonlyArray<keyof T & string>): Rows<T> {
  return withColumns(
    rows.map((row) => Object.fromEntries(columns.map((c) => [c, row[c]])) as T),
    columns,
  );
}

interface Computed {
  municipal: MunicipalityCoverageRow[];
  /** How the betweenness column was computed (see `CentralityRows`). */
  sampling: PathSampling | null;
  options: z.output<typeof CoverageOptionsSchema>;
}

function compute(net: CooperationNetwork, options: CoverageOptions, fn: string): Computed {
  const o = parseOptions(CoverageOptionsSchema, options, fn, net);
  // Per network and options: a report asks for coverage four times (itself,
  // per county, and twice through findGaps). The rows are shared, so the
  // public functions hand out copies.
  const key = JSON.stringify([o.partnerKinds, o.weighted, o.via, o.samples, o.workers]);
  const { municipal, sampling } = memo(net, `coverage:${key}`, () => computeRows(net, o));
  return { municipal, sampling, options: o };
}

function computeRows(net: CooperationNetwork, o: z.output<typeof CoverageOptionsSchema>): { municipal: MunicipalityCoverageRow[]; sampling: PathSampling | null } {
  const projection = sharedProjection(net, { via: o.via });
  const ix = indexGeography(net.geography);
  // The same (cached) betweenness as `centrality`, so a report computes it once.
  const central = centralityValues(net, { measures: ['betweenness'], weighted: o.weighted, samples: o.samples, workers: o.workers, ...(o.onProgress && { onProgress: o.onProgress }) });
  // The municipalities' values only: not a row per actor.
  const betweenness = central.values.get('betweenness')!;
  const municipalities = net.municipalities();
  const betweennessOf = new Map<string, number>(municipalities.map((m) => [m.code, 0]));
  central.actors.forEach((a, i) => {
    if (betweennessOf.has(a.id)) betweennessOf.set(a.id, betweenness[i]!);
  });

  const inScope = scopeSet(net);
  const municipal: MunicipalityCoverageRow[] = municipalities.map((m) => {
    const key = nodeKey(m.code);
    const partners = new Map<string, number>();
    // Its links counted by pair (each pair's count), not by making the link objects.
    let linkCount = 0;
    net.forEachPartner(m.code, (partner, pair) => {
      partners.set(partner.kind, (partners.get(partner.kind) ?? 0) + 1);
      linkCount += pair.count;
    });
    const tied = new Set(projection.graph.hasNode(key) ? projection.graph.neighbors(key) : []);
    // Border neighbours within the scope: the data says nothing of a neighbour outside it.
    const borders = (ix.bordersOf.get(m.code) ?? []).filter((b) => inScope.has(b));
    const cooperating = borders.filter((b) => tied.has(nodeKey(b))).length;
    const kindsCovered = o.partnerKinds.filter((k) => (partners.get(k) ?? 0) > 0).length;
    const row: MunicipalityCoverageRow = {
      municipality: m.code,
      name: m.name,
      county: m.county,
      population: m.population,
      linkCount,
      municipalityTies: tied.size,
      borderNeighbours: borders.length,
      cooperatingBorderNeighbours: cooperating,
      borderShare: borders.length > 0 ? cooperating / borders.length : null,
      kindsCovered,
      coverage: ((tied.size > 0 ? 1 : 0) + kindsCovered) / (1 + o.partnerKinds.length),
      betweenness: betweennessOf.get(m.code)!,
    };
    for (const k of o.partnerKinds) row[`${camelKind(k)}Partners`] = partners.get(k) ?? 0;
    return row;
  });
  return { municipal, sampling: central.sampling };
}

/**
 * Coverage per municipality: its municipality ties, partners of each kind,
 * cooperation with its border neighbours, and a 0–1 `coverage` score (see
 * {@link MunicipalityCoverageRow} for definitions). In code order.
 *
 * @example
 * coverageByMunicipality(net).filter((r) => r.coverage < 0.5);
 */
export function coverageByMunicipality(net: CooperationNetwork, options: CoverageOptions = {}): CentralityRows<MunicipalityCoverageRow> {
  requireGeography(net, 'coverageByMunicipality');
  const { municipal, sampling, options: o } = compute(net, options, 'coverageByMunicipality');
  return withSampling(inColumnOrder(municipal, [
    'municipality',
    'name',
    'county',
    'population',
    'linkCount',
    'municipalityTies',
    ...o.partnerKinds.map((k) => `${camelKind(k)}Partners` as const),
    'kindsCovered',
    'borderNeighbours',
    'cooperatingBorderNeighbours',
    'borderShare',
    'coverage',
    'betweenness',
  ]), sampling);
}

/**
 * How well each county is covered by cooperation: municipalities reached by
 * cross-municipal cooperation (also weighted by population), reach of each
 * partner kind, cooperation between bordering municipalities, links across
 * the county border, fragmentation and brokerage. One row per county in code
 * order, then a national `total` row. See {@link CountyCoverageRow} for the
 * definition of every column.
 *
 * @example
 * console.table(coverageByCounty(loadNetwork(demoDataset())));
 */
export function coverageByCounty(net: CooperationNetwork, options: CoverageOptions = {}): CentralityRows<CountyCoverageRow> {
  requireGeography(net, 'coverageByCounty');
  const { municipal, sampling, options: o } = compute(net, options, 'coverageByCounty');
  const projection = sharedProjection(net, { via: o.via });
  const t = countyTallies(net, municipal, projection, o.total);
  const row = (county: string, name: string, rows: MunicipalityCoverageRow[], internal: readonly { a: string; b: string }[], crossLinks: number, crossTies: number, reached: number | null, components: number) =>
    countyRow(projection, o.partnerKinds, { county, name, rows, internal, crossLinks, crossTies, reached, components });
  const graphOf = (ends: number[]) => csrFromEdges(municipal.map((r) => r.municipality), Int32Array.from(ends), null);
  const { labels } = connectedComponents(graphOf(t.withinEnds));
  const rows: CountyCoverageRow[] = [];
  for (const county of net.counties()) {
    const { members, internal, reached, crossLinks, crossTies } = t.perCounty.get(county.code)!;
    const components = new Set(members.map((r) => labels[t.position.get(r.municipality)!])).size;
    rows.push(row(county.code, county.name, members, internal, crossLinks, crossTies, reached.size, components));
  }
  if (o.total) {
    // Components of the scope's ties among the scope's municipalities.
    rows.push(row('total', totalRowName(net, o.lang), municipal, t.scopeBorders, t.totalCrossLinks, t.totalCrossTies, null, connectedComponents(graphOf(t.scopeEnds)).count));
  }
  return withSampling(inColumnOrder(rows, [
    'county',
    'name',
    'municipalityCount',
    'population',
    'linkedMunicipalities',
    'linkedShare',
    'linkedPopulationShare',
    ...o.partnerKinds.map((k) => `${camelKind(k)}Share` as const),
    'borderPairs',
    'cooperatingBorderPairs',
    'borderPairShare',
    'crossCountyLinks',
    'crossCountyTies',
    'countiesReached',
    'componentCount',
    'meanBetweenness',
    'maxBetweenness',
    'meanCoverage',
  ]), sampling);
}

/** A county's (or the total's) row of {@link coverageByCounty}, from its municipalities' rows and what {@link countyTallies} counted. */
function countyRow(
  projection: ReturnType<typeof sharedProjection>,
  partnerKinds: readonly string[],
  c: { county: string; name: string; rows: MunicipalityCoverageRow[]; internal: readonly { a: string; b: string }[]; crossLinks: number; crossTies: number; reached: number | null; components: number },
): CountyCoverageRow {
  const { rows, internal } = c;
  const population = rows.reduce((s, r) => s + r.population, 0);
  const linked = rows.filter((r) => r.municipalityTies > 0);
  const cooperatingPairs = internal.filter((p) => projection.graph.hasEdge(nodeKey(p.a), nodeKey(p.b))).length;
  const b = rows.map((r) => r.betweenness);
  const out: CountyCoverageRow = {
    county: c.county,
    name: c.name,
    municipalityCount: rows.length,
    population,
    linkedMunicipalities: linked.length,
    linkedShare: rows.length > 0 ? linked.length / rows.length : 0,
    linkedPopulationShare: population > 0 ? linked.reduce((s, r) => s + r.population, 0) / population : 0,
    borderPairs: internal.length,
    cooperatingBorderPairs: cooperatingPairs,
    borderPairShare: internal.length > 0 ? cooperatingPairs / internal.length : null,
    crossCountyLinks: c.crossLinks,
    crossCountyTies: c.crossTies,
    countiesReached: c.reached,
    componentCount: c.components,
    meanBetweenness: b.length > 0 ? b.reduce((s, x) => s + x, 0) / b.length : 0,
    maxBetweenness: b.length > 0 ? Math.max(...b) : 0,
    meanCoverage: rows.length > 0 ? rows.reduce((s, r) => s + r.coverage, 0) / rows.length : 0,
  };
  for (const k of partnerKinds) {
    const column = `${camelKind(k)}Partners` as const;
    out[`${camelKind(k)}Share`] = rows.length > 0 ? rows.filter((r) => r[column]! > 0).length / rows.length : null;
  }
  return out;
}

/**
 * One pass over links, ties, borders and municipalities, grouped by county
 * (a country may have hundreds of counties and a million links): per county
 * its municipalities' rows, its internal border pairs, the counties it
 * reaches and its cross-county links and ties; the scope's totals; and the
 * ends of the ties among the scope's municipalities, within a county and in
 * all, by their positions in `municipal`.
 */
function countyTallies(net: CooperationNetwork, municipal: MunicipalityCoverageRow[], projection: ReturnType<typeof sharedProjection>, total: boolean) {
  const ix = indexGeography(net.geography);
  const countyOfMunicipality = new Map(municipal.map((r) => [r.municipality, r.county]));
  const perCounty = new Map(
    net.counties().map((c) => [c.code, { members: [] as MunicipalityCoverageRow[], internal: [] as { a: string; b: string }[], reached: new Set<string>(), crossLinks: 0, crossTies: 0 }]),
  );
  for (const r of municipal) perCounty.get(r.county)?.members.push(r);
  const scopeBorders = net.geography.borders.filter((p) => countyOfMunicipality.has(p.a) && countyOfMunicipality.has(p.b));
  for (const p of scopeBorders) {
    const ca = countyOfMunicipality.get(p.a);
    if (ca !== undefined && ca === countyOfMunicipality.get(p.b)) perCounty.get(ca)?.internal.push(p);
  }
  // The total row's links and ties: those with an end in the scope (an actor of one of its municipalities, or of one of its counties).
  const scopeCounties = new Set(net.scope.counties);
  const inScope = (a: { municipality?: string | undefined; county?: string | undefined } | undefined) =>
    a !== undefined && (a.municipality !== undefined ? countyOfMunicipality.has(a.municipality) : a.county !== undefined && scopeCounties.has(a.county));
  let totalCrossLinks = 0;
  let totalCrossTies = 0;
  // Cross-county links counted per linked pair (a pair's links share its ends), not one link object at a time.
  const actorList = net.actors();
  const pairs = net.pairCounts();
  for (let p = 0; p < pairs.count.length; p++) {
    if ((pairs.cross[p]! & 2) === 0) continue;
    const source = actorList[pairs.ends[2 * p]!]!;
    const target = actorList[pairs.ends[2 * p + 1]!]!;
    for (const [own, other] of [[source.county!, target.county!], [target.county!, source.county!]] as const) {
      const entry = perCounty.get(own);
      if (!entry) continue;
      entry.crossLinks += pairs.count[p]!;
      entry.reached.add(other);
    }
    if (total && (inScope(source) || inScope(target))) totalCrossLinks += pairs.count[p]!;
  }
  // One pass over the ties: cross-county ties per county and in all, and the ends of the ties
  // among the scope's municipalities, within a county (each county's components) and in all (the total's).
  const position = new Map(municipal.map((r, i) => [r.municipality, i]));
  const withinEnds: number[] = [];
  const scopeEnds: number[] = [];
  for (const t of projection.ties) {
    // A tie's end outside the scope has its county from the geography.
    const ca = countyOfMunicipality.get(t.a) ?? ix.municipality.get(t.a)!.county;
    const cb = countyOfMunicipality.get(t.b) ?? ix.municipality.get(t.b)!.county;
    const [a, b] = [position.get(t.a), position.get(t.b)];
    if (a !== undefined && b !== undefined) {
      scopeEnds.push(a, b);
      if (ca === cb) withinEnds.push(a, b);
    }
    if (ca === cb) continue;
    if (countyOfMunicipality.has(t.a) || countyOfMunicipality.has(t.b)) totalCrossTies++;
    for (const [own, other] of [[ca, cb], [cb, ca]] as const) {
      const entry = perCounty.get(own);
      if (!entry) continue;
      entry.crossTies++;
      entry.reached.add(other);
    }
  }
  return { perCounty, scopeBorders, totalCrossLinks, totalCrossTies, position, withinEnds, scopeEnds };
}
