import { z } from 'zod';
import { cmp, indexGeography } from '../model/geography.js';
import { KNOWN_ACTOR_KINDS } from '../model/schema.js';
import { nodeKey } from '../model/keys.js';
import { requireGeography, sharedProjection, type CooperationNetwork } from '../model/network.js';
import type { Actor } from '../model/schema.js';
import { withColumns, type Rows } from '../model/table.js';
import { formatCount as fmt, joinNames as list, kindWords } from '../model/words.js';
import { articulationPoints as articulationKernel } from '../metrics/articulation.js';
import { connectedComponents } from '../metrics/components.js';
import { csrFromEdges, toCsr } from '../metrics/csr.js';
import { SamplesSchema, WorkersSchema } from './centrality.js';
import { coverageByCounty, coverageByMunicipality } from './coverage.js';
import { DEFAULT_PARTNER_KINDS } from '../model/options.js';
import { actorViewsByGroup, camelKind } from './view.js';
import { KindListSchema, ProgressSchema, SmallPopulationSchema, ViaSchema, parseOptions } from '../model/options.js';

export { DEFAULT_SMALL_POPULATION } from '../model/options.js';

/** The gap types, in the order they are listed within one severity. */
export const GAP_TYPES = [
  'isolated_municipality',
  'no_municipal_cooperation',
  'single_point_of_failure',
  'fragmented_county',
  'no_cross_county_link',
  'missing_partner_kind',
  'uncooperative_border_pair',
] as const;
export type GapType = (typeof GAP_TYPES)[number];

/**
 * Severity scale, from 4 to 1:
 * - 4 `critical`: a small municipality with no cooperation at all.
 * - 3 `high`: a municipality with no cooperation at all (not small), a small
 *   municipality with no other municipality to work with, a single point of
 *   failure cutting off two or more municipalities, a fragmented county.
 * - 2 `medium`: a municipality with no other municipality to work with (not
 *   small), a single point of failure cutting off one municipality, a county
 *   with no cross-county cooperation, a missing partner kind, a small
 *   municipality that does not cooperate with a neighbour.
 * - 1 `low`: two larger bordering municipalities that do not cooperate.
 */
export const SEVERITY_LEVELS = { 4: 'critical', 3: 'high', 2: 'medium', 1: 'low' } as const;
export type Severity = keyof typeof SEVERITY_LEVELS;

export const GapsOptionsSchema = z.strictObject({
  /** Partner kinds every municipality should have. Default religious, civil_society, authority. A kind named twice counts once. */
  partnerKinds: KindListSchema.default([...DEFAULT_PARTNER_KINDS]),
  /** Municipalities with fewer inhabitants are small. Default 15 000. */
  smallPopulation: SmallPopulationSchema,
  /** Only these gap types. Default: all. */
  types: z.array(z.enum(GAP_TYPES)).optional(),
  /** Actor kinds through which members cooperate. Default `['joint_body']`. */
  via: ViaSchema,
  /** Betweenness (behind coverage) from every actor or a sample of sources: `'auto'` (default), `'exact'` or a number (see `centrality`). */
  samples: SamplesSchema,
  /** Worker threads for betweenness (see `centrality`). Default `'auto'`. */
  workers: WorkersSchema,
  /** Progress of the betweenness computation, `(done, total)` (for progress bars). */
  onProgress: ProgressSchema,
});
export type GapsOptions = z.input<typeof GapsOptionsSchema>;

export interface GapRow {
  /** 4 critical, 3 high, 2 medium, 1 low (see {@link SEVERITY_LEVELS}). */
  severity: Severity;
  level: (typeof SEVERITY_LEVELS)[Severity];
  type: GapType;
  /** The partner kind a `missing_partner_kind` gap is about; `null` for the other types. */
  kind: string | null;
  /** County code the gap belongs to (for a border pair across counties: the smaller municipality's). */
  county: string;
  /** What the gap is about: a municipality code, an actor id, a county code, or `a–b` for a pair. */
  subject: string;
  /** Its name in words. */
  name: string;
  /** The gap explained in a sentence an official can read. */
  reason: string;
  /** Codes of the municipalities concerned (for maps and recommendations). */
  municipalities: string[];
}

/**
 * Gaps in the cooperation network, each with a type, the county, a severity
 * on a documented scale ({@link SEVERITY_LEVELS}) and a plain-language reason:
 *
 * - `isolated_municipality`: a municipality with no link at all.
 * - `no_municipal_cooperation`: a municipality with links, but no tie to any
 *   other municipality (direct, or through a shared body).
 * - `single_point_of_failure`: a municipality whose removal splits its
 *   county's municipality network (ties between the county's municipalities),
 *   or any actor whose removal splits the county's actor network (the actors
 *   that belong to the county), cutting municipalities off from the rest.
 *   Reported once per actor, first from the municipality network.
 * - `fragmented_county`: the county's municipalities that cooperate at all
 *   form two or more groups with no tie between them, counting ties within
 *   the county only (so a municipality that cooperates only across the county
 *   border is a group of its own: it is cut off from its county's network).
 * - `no_cross_county_link`: no actor of the county cooperates with an actor
 *   or municipality of another county.
 * - `missing_partner_kind`: a municipality that is not isolated (it has
 *   links, or a tie through its local actors) but is not linked itself to
 *   any actor of a required kind.
 * - `uncooperative_border_pair`: two bordering municipalities that do not
 *   cooperate; small municipalities first.
 *
 * Sorted by severity (highest first), then type in the order above, then
 * population (smallest first) and subject: deterministic.
 *
 * @example
 * findGaps(net).filter((g) => g.severity >= 3);
 */
const KNOWN_KINDS: ReadonlySet<string> = new Set(KNOWN_ACTOR_KINDS);

export function findGaps(net: CooperationNetwork, options: GapsOptions = {}): Rows<GapRow> {
  requireGeography(net, 'findGaps');
  const o = parseOptions(GapsOptionsSchema, options, 'findGaps');
  const wanted = new Set<GapType>(o.types ?? GAP_TYPES);
  const ix = indexGeography(net.geography);
  const countyName = (code: string) => ix.county.get(code)?.name ?? code;
  const small = (population: number) => population < o.smallPopulation;
  const coverage = coverageByMunicipality(net, { partnerKinds: o.partnerKinds, via: o.via, samples: o.samples, workers: o.workers, ...(o.onProgress && { onProgress: o.onProgress }) });
  const byCode = new Map(coverage.map((r) => [r.code, r]));
  const projection = sharedProjection(net, { via: o.via });
  const gaps: (GapRow & { order: number })[] = [];
  const add = (g: Omit<GapRow, 'level' | 'kind'> & { kind?: string }, order: number) => {
    // Keys in column order: the keys of a row follow its columns.
    if (!wanted.has(g.type)) return;
    const { severity, type, county, subject, name, reason, municipalities } = g;
    gaps.push({ severity, level: SEVERITY_LEVELS[severity], type, kind: g.kind ?? null, county, subject, name, reason, municipalities, order });
  };

  for (const r of coverage) {
    const inhabitants = `${fmt(r.population)} inhabitants`;
    if (r.links === 0 && r.municipalityTies === 0) {
      const local = net.actorsInMunicipality(r.code).length;
      add(
        {
          severity: small(r.population) ? 4 : 3,
          type: 'isolated_municipality',
          county: r.county,
          subject: r.code,
          name: r.name,
          reason: `${r.name} (${inhabitants}) has no cooperation link at all: no other municipality${o.partnerKinds.map((k) => `, no ${kindWords(k)}`).join('')}${local > 0 ? `, although ${local} local actor${local === 1 ? ' is' : 's are'} registered there` : ''}.`,
          municipalities: [r.code],
        },
        r.population,
      );
      continue;
    }
    if (r.municipalityTies === 0) {
      add(
        {
          severity: small(r.population) ? 3 : 2,
          type: 'no_municipal_cooperation',
          county: r.county,
          subject: r.code,
          name: r.name,
          reason: `${r.name} (${inhabitants}) cooperates with no other municipality, neither directly nor through a shared body${r.borderNeighbours > 0 ? `; it borders ${r.borderNeighbours} ${kindWords('municipality', r.borderNeighbours)}` : ''}.`,
          municipalities: [r.code],
        },
        r.population,
      );
    }
    // Partners of kinds outside the vocabulary are not counted as any required kind: say so, rather than "no partner".
    const uncounted = new Map<string, number>();
    net.forEachPartner(r.code, (partner) => {
      if (!KNOWN_KINDS.has(partner.kind)) uncounted.set(partner.kind, (uncounted.get(partner.kind) ?? 0) + 1);
    });
    const unknownNote =
      uncounted.size === 0
        ? ''
        : `; it does work with ${[...uncounted].map(([k, n]) => `${n} ${n === 1 ? 'actor' : 'actors'} of the kind "${k}"`).join(' and ')}, which samverkan does not count as any of these kinds (map the kind with a kinds file)`;
    for (const kind of o.partnerKinds) {
      if (r[`${camelKind(kind)}Partners`]! > 0) continue;
      const present = net.actorsInMunicipality(r.code).filter((a) => a.kind === kind).length;
      add(
        {
          severity: 2,
          type: 'missing_partner_kind',
          kind,
          county: r.county,
          subject: r.code,
          name: r.name,
          reason: `${r.name} works with no ${kindWords(kind)}${present > 0 ? `, although ${present} ${kindWords(kind, present)} ${present === 1 ? 'is' : 'are'} registered in the municipality` : ''}${unknownNote}.`,
          municipalities: [r.code],
        },
        r.population,
      );
    }
  }

  // Bordering pairs that do not cooperate, smallest municipality first.
  for (const { a, b } of net.geography.borders) {
    // Both in the scope: the data says nothing of a municipality outside it.
    if (!byCode.has(a) || !byCode.has(b)) continue;
    if (projection.graph.hasEdge(nodeKey(a), nodeKey(b))) continue;
    const [p, q] = [byCode.get(a)!, byCode.get(b)!].sort((x, y) => x.population - y.population || cmp(x.code, y.code)) as [
      (typeof coverage)[number],
      (typeof coverage)[number],
    ];
    add(
      {
        severity: small(p.population) ? 2 : 1,
        type: 'uncooperative_border_pair',
        county: p.county,
        subject: `${p.code}–${q.code}`,
        name: `${p.name} – ${q.name}`,
        reason: `${p.name} (${fmt(p.population)} inhabitants) and ${q.name} share a border but do not cooperate${p.county !== q.county ? ` (across the border between ${countyName(p.county)} and ${countyName(q.county)})` : ''}.`,
        municipalities: [p.code, q.code],
      },
      p.population,
    );
  }

  // Single points of failure and fragmentation, county by county: first in
  // the county's municipality network (who holds the municipalities
  // together), then in its whole actor network (any actor, e.g. a
  // länsstyrelse that is the only link of some municipalities).
  const countyViews = actorViewsByGroup(net, (a) => a.county);
  const noActors = { csr: csrFromEdges([], new Int32Array(0), null), actors: [] as Actor[] };
  for (const county of net.counties()) {
    const seen = new Set<string>();
    const countyMunicipalities = net.municipalitiesOfCounty(county.code);
    const projectionCsr = toCsr(projection.graph, { nodes: countyMunicipalities.map((m) => nodeKey(m.code)) });
    const municipalActors = countyMunicipalities.map((m) => net.actor(m.code)!);
    const views: { csr: ReturnType<typeof toCsr>; actors: Actor[]; network: string }[] = [
      { csr: projectionCsr, actors: municipalActors, network: 'municipalities' },
      { ...(countyViews.get(county.code) ?? noActors), network: 'actors' },
    ];
    for (const { csr, actors, network } of views) {
      const municipal = actors.map((a) => a.kind === 'municipality');
      for (const p of articulationKernel(csr, { countable: municipal })) {
        const actor = actors[p.node]!;
        if (p.cutOff === 0 || seen.has(actor.id)) continue;
        seen.add(actor.id);
        const { main, cut } = cutOffMunicipalities(csr, actors, p.node);
        const nameOf = (c: string) => ix.municipality.get(c)!.name;
        const names = list(cut.map(nameOf));
        const who = p.cutOff === 1 ? names : `${p.cutOff} municipalities (${names})`;
        const they = p.cutOff === 1 ? names : p.cutOff === 2 ? 'both' : `all ${p.cutOff}`;
        // When what would remain is no bigger than what is cut off, "the rest"
        // is misleading: say that the actor holds them together.
        const heldTogether = main.length <= cut.length ? [...main, ...cut].filter((c) => c !== actor.id).sort(cmp) : undefined;
        add(
          {
            severity: p.cutOff >= 2 ? 3 : 2,
            type: 'single_point_of_failure',
            county: county.code,
            subject: actor.id,
            name: actor.name,
            reason: heldTogether
              ? `${actor.name} holds ${heldTogether.length} municipalities of ${county.name} together (${list(heldTogether.map(nameOf))}): if its cooperation stopped, they would fall apart into ${p.parts} separate parts.`
              : network === 'municipalities'
                ? `${actor.name} is the only tie between ${who} and the other municipalities of ${county.name}: if its cooperation stopped, ${they} would be cut off.`
                : `If ${actor.name}'s cooperation stopped, ${who} would be cut off from the rest of ${county.name}'s network.`,
            municipalities: actor.kind === 'municipality' ? [actor.id, ...cut] : cut,
          },
          -p.cutOff,
        );
      }
    }

    // The county's cooperating municipalities, grouped by ties within the
    // county. A municipality whose only ties cross the county border is a
    // group of its own: it is cut off from the county's own network.
    const members = net.municipalitiesOfCounty(county.code).filter((m) => (byCode.get(m.code)?.municipalityTies ?? 0) > 0);
    const within = toCsr(projection.graph, { nodes: members.map((m) => nodeKey(m.code)) });
    const groups = connectedComponents(within).components.filter((c) => c.length > 0);
    if (groups.length >= 2) {
      const names = groups.map((g) => g.map((i) => members[i]!.name));
      add(
        {
          severity: 3,
          type: 'fragmented_county',
          county: county.code,
          subject: county.code,
          name: county.name,
          reason: `The cooperating municipalities of ${county.name} form ${groups.length} separate groups with no tie between them inside the county: ${names.map((n) => `{${n.join(', ')}}`).join('; ')}.`,
          municipalities: members.map((m) => m.code),
        },
        -groups.length,
      );
    }
  }

  if (wanted.has('no_cross_county_link')) {
    for (const row of coverageByCounty(net, { partnerKinds: o.partnerKinds, via: o.via, total: false, samples: o.samples, workers: o.workers })) {
      if (row.crossCountyLinks > 0 || row.crossCountyTies > 0) continue;
      add(
        {
          severity: 2,
          type: 'no_cross_county_link',
          county: row.county,
          subject: row.county,
          name: row.name,
          reason: `No actor or municipality in ${row.name} cooperates with one in another county.`,
          municipalities: net.municipalitiesOfCounty(row.county).map((m) => m.code),
        },
        row.population,
      );
    }
  }

  const typeOrder = new Map(GAP_TYPES.map((t, i) => [t, i]));
  gaps.sort((p, q) => q.severity - p.severity || typeOrder.get(p.type)! - typeOrder.get(q.type)! || p.order - q.order || cmp(p.subject, q.subject));
  return withColumns(
    gaps.map(({ order: _order, ...g }) => g),
    ['severity', 'level', 'type', 'kind', 'county', 'subject', 'name', 'reason', 'municipalities'],
  );
}

/**
 * When node `removed` is taken out: the municipalities of the main part (the
 * part with most municipalities, as the articulation kernel chooses it) and
 * those cut off from it.
 */
function cutOffMunicipalities(csr: ReturnType<typeof toCsr>, actors: readonly Actor[], removed: number): { main: string[]; cut: string[] } {
  const seen = new Int32Array(csr.n).fill(-1);
  seen[removed] = -2;
  const parts: number[][] = [];
  for (let start = 0; start < csr.n; start++) {
    if (seen[start] !== -1) continue;
    const part: number[] = [];
    const stack = [start];
    seen[start] = parts.length;
    while (stack.length > 0) {
      const v = stack.pop()!;
      part.push(v);
      for (let j = csr.offsets[v]!; j < csr.offsets[v + 1]!; j++) {
        const w = csr.targets[j]!;
        if (seen[w] === -1) {
          seen[w] = parts.length;
          stack.push(w);
        }
      }
    }
    parts.push(part);
  }
  // Only the parts of the removed node's own component matter.
  const neighbourParts = new Set<number>();
  for (let j = csr.offsets[removed]!; j < csr.offsets[removed + 1]!; j++) neighbourParts.add(seen[csr.targets[j]!]!);
  const municipalitiesIn = (p: number) => parts[p]!.filter((i) => actors[i]!.kind === 'municipality');
  const smallest = new Map([...neighbourParts].map((p) => [p, Math.min(...parts[p]!)]));
  const ranked = [...neighbourParts].sort((x, y) => municipalitiesIn(y).length - municipalitiesIn(x).length || parts[y]!.length - parts[x]!.length || smallest.get(x)! - smallest.get(y)!);
  const ids = (ps: number[]) => ps.flatMap((p) => municipalitiesIn(p).map((i) => actors[i]!.id)).sort(cmp);
  return { main: ids(ranked.slice(0, 1)), cut: ids(ranked.slice(1)) };
}
