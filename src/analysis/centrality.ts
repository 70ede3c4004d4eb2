import { z } from 'zod';
import { cmp } from '../model/geography.js';
import { requireGeography, type CooperationNetwork } from '../model/network.js';
import { withColumns, type Rows } from '../model/table.js';
import type { Actor } from '../model/schema.js';
import { formatCount } from '../model/words.js';
import { message, type Lang } from '../model/i18n/index.js';
import { degreeCentrality, strength } from '../metrics/degree.js';
import { eigenvectorCentrality } from '../metrics/eigenvector.js';
import { pathCentralities, type PathSampling } from '../metrics/path-centralities.js';
import { pagerank } from '../metrics/pagerank.js';
import { ACTOR_BASE_COLUMNS, actorRowBase, memo, networkView, type ActorRowBase } from './view.js';
import { actorKindsOnly, KindListSchema, NetworkSchema, ProgressSchema, SampleCountSchema, SeedSchema, ThreadCountSchema, parseOptions } from '../model/options.js';

export const CENTRALITY_MEASURES = ['degree', 'strength', 'betweenness', 'closeness', 'harmonic', 'eigenvector', 'pagerank'] as const;
export type CentralityMeasure = (typeof CENTRALITY_MEASURES)[number];

/**
 * Betweenness, closeness and harmonic centrality come from shortest-path
 * searches, one per source node. `'auto'` (default): from every node up to
 * `AUTO_EXACT_WORK` (nodes × links = 100 million, 2–4 s), else from a
 * seeded sample of `max(500, 100 million / links)` sources. `'exact'`:
 * always every node. A number: about that many sources (exact if it is at
 * least the number of nodes). Sampled values are unbiased estimates (see
 * `kernels.pathCentralities`), and centrality rows' `sampling` says how they
 * were computed.
 */
export const SamplesSchema = SampleCountSchema.default('auto');

/**
 * Worker threads for the shortest-path searches (Node.js): `'auto'`
 * (default) uses 2 threads when a sweep's work (sources × links) is at least
 * 20 million (`kernels.AUTO_WORKERS_WORK`; every network of Sweden's size
 * stays below it) and 1 otherwise; a number fixes the count (1: no threads).
 * Values computed on threads differ from one thread's only in the last bits
 * of their sums, and are the same on every machine for the same count.
 */
export const WorkersSchema = ThreadCountSchema.default('auto');

/**
 * A sentence saying that path measures were estimated, for reports and the
 * command line; `null` when they were exact (or not computed). In `lang`
 * (the catalogue's `sampling.estimated`); English, with counts as before
 * (a no-break space between thousands), when no language is given.
 *
 * @example
 * describeSampling(centrality(net).sampling); // null on the demo: exact
 */
export function describeSampling(sampling: PathSampling | null, lang?: Lang): string | null {
  if (!sampling || sampling.exact) return null;
  const bound = sampling.betweennessErrorBound.toPrecision(2);
  return message(lang ?? 'en', 'sampling.estimated', {
    sources: formatCount(sampling.sources, lang),
    nodes: formatCount(sampling.nodes, lang),
    seed: String(sampling.seed),
    bound: lang === 'sv' ? bound.replace('.', ',') : bound,
  });
}

const CentralityBaseSchema = z.strictObject({
  /** Which measures to compute (and which columns the rows have). Default: all seven. */
  measures: z.array(z.enum(CENTRALITY_MEASURES)).min(1).default([...CENTRALITY_MEASURES]),
  /**
   * Use link weights in betweenness, closeness, harmonic and eigenvector
   * centrality. Weights are strengths: a path's length is the sum of
   * `1 / weight` over its links, so strong ties are short. Default false,
   * NetworkX's default. (graphology-metrics reads weights as distances.)
   */
  weighted: z.boolean().default(false),
  /** Normalise betweenness by the number of pairs, `(n−1)(n−2)/2`, as NetworkX. Default true. */
  normalized: z.boolean().default(true),
  /**
   * Iteration cap of eigenvector centrality and PageRank. NetworkX stops at
   * 100 and raises when that is not enough, which happens on real networks
   * (the demo needs 197 for eigenvector centrality); samverkan allows 1 000,
   * so results equal NetworkX's with `max_iter=1000` (and its defaults
   * whenever those converge). Default 1000.
   */
  maxIterations: z.number().int().positive().default(1000),
  /** PageRank damping factor. Default 0.85. */
  alpha: z.number().min(0).max(1).default(0.85),
  /** PageRank uses weights (always, unless false). Default true, as `nx.pagerank`. */
  pagerankWeighted: z.boolean().default(true),
  /** Compute on the subgraph of actors of these kinds (e.g. `['municipality']`). Default: all actors. */
  kinds: KindListSchema.optional(),
  /** `'actors'` (default) or `'municipalities'`: the municipality projection, one row per municipality (see `NetworkSchema`). */
  network: NetworkSchema,
  samples: SamplesSchema,
  /** Seed of the source sample. Default 1. */
  seed: SeedSchema,
  workers: WorkersSchema,
  /** Progress of the shortest-path searches, `(done, total)` sources (for progress bars). */
  onProgress: ProgressSchema,
});

export const CentralityOptionsSchema = CentralityBaseSchema.refine(...actorKindsOnly());
export type CentralityOptions = z.input<typeof CentralityOptionsSchema>;

export const MunicipalityCentralityOptionsSchema = CentralityBaseSchema.omit({ network: true }).extend({
  /** How a municipality's actors' values are summarised: `sum` (default), `max` or `mean`. */
  aggregate: z.enum(['sum', 'max', 'mean']).default('sum'),
});
export type MunicipalityCentralityOptions = z.input<typeof MunicipalityCentralityOptionsSchema>;

export type CentralityRow = ActorRowBase & Partial<Record<CentralityMeasure, number>>;

/**
 * Centrality rows, plus `sampling` (non-enumerable, like `columns`): how
 * betweenness, closeness and harmonic were computed (`exact`, `sources`,
 * `nodes`, `seed`, `betweennessErrorBound`), or `null` when none of them was
 * asked for. Every result that holds betweenness carries it: centrality,
 * coverage (its `betweenness` column) and gaps (coverage behind them).
 */
export type CentralityRows<T extends object = CentralityRow> = Rows<T> & { readonly sampling: PathSampling | null };

const PATH_MEASURE_SET: ReadonlySet<CentralityMeasure> = new Set(['betweenness', 'closeness', 'harmonic']);

export interface MunicipalityCentralityRow extends Partial<Record<CentralityMeasure, number>> {
  municipality: string;
  name: string;
  county: string;
  /** Actors summarised: the municipality and the actors that belong to it. */
  actorCount: number;
}

/**
 * Centrality of every actor, with NetworkX 3 defaults so analysts moving from
 * NetworkX get the same numbers:
 *
 * - `degree`: number of distinct partners (not divided by n − 1);
 *   `strength`: sum of the (summed per pair) link weights.
 * - `betweenness` = `nx.betweenness_centrality(G)`: Brandes (2001), normalised
 *   by `(n−1)(n−2)/2` (option `normalized`), unweighted unless `weighted`.
 * - `closeness` = `nx.closeness_centrality(G)`: `(r−1)/Σd` scaled by
 *   `(r−1)/(n−1)` (Wasserman & Faust) where `r` is the size of the actor's
 *   component, so disconnected networks are handled; isolated actors 0.
 * - `harmonic` = `nx.harmonic_centrality(G)`: `Σ 1/d` over the other actors
 *   (unreachable ones add 0), not normalised (Marchiori & Latora 2000).
 * - `eigenvector` = `nx.eigenvector_centrality(G)`: power iteration on A + I
 *   from a uniform start, unit Euclidean norm, tolerance 1e-6 (Bonacich
 *   1972), with up to `maxIterations` (1 000) iterations where NetworkX stops
 *   at 100 and raises. On a disconnected network the values reflect that
 *   start; a network that still does not converge returns the last iterate.
 * - `pagerank` = `nx.pagerank(G, alpha=0.85)` with weights (Brin & Page
 *   1998); isolated actors share the dangling mass uniformly.
 *
 * With `weighted: true`, the path measures read weights as strengths
 * (distance = 1/weight) and eigenvector centrality uses the weights.
 * Isolated actors, disconnected, single-actor and empty networks give
 * defined values, never NaN. Rows in network order (municipalities by code,
 * then the other actors in input order).
 *
 * @example
 * const rows = centrality(net, { measures: ['betweenness', 'degree'] });
 * rows.sort((a, b) => b.betweenness! - a.betweenness!).slice(0, 10);
 */
export function centrality(net: CooperationNetwork, options: CentralityOptions = {}): CentralityRows {
  return computeCentrality(net, parseOptions(CentralityOptionsSchema, options, 'centrality', net));
}

function computeCentrality(net: CooperationNetwork, o: z.output<typeof CentralityOptionsSchema>): CentralityRows {
  const { actors, values, sampling } = valuesOf(net, o);
  const measures = CENTRALITY_MEASURES.filter((m) => values.has(m));
  const rows = actors.map((actor, i) => {
    const row: CentralityRow = actorRowBase(actor);
    for (const m of measures) row[m] = values.get(m)![i]!;
    return row;
  });
  return withSampling(withColumns(rows, [...ACTOR_BASE_COLUMNS, ...measures]), sampling);
}

/**
 * The measures of {@link centrality} as the cached arrays (shared: do not
 * mutate), aligned with the view's `actors`, without a row per actor: for
 * analyses that read a few actors' values (issue 16: half a million rows
 * for the 290 municipalities' betweenness was 100 MB of garbage).
 * Options as {@link centrality}'s (and refused in its name). @internal
 */
export function centralityValues(net: CooperationNetwork, options: CentralityOptions = {}): CentralityValues {
  return valuesOf(net, parseOptions(CentralityOptionsSchema, options, 'centrality', net));
}

/** What {@link centralityValues} gives: `values.get(m)[i]` is measure `m` of `actors[i]`. @internal */
export interface CentralityValues {
  actors: Actor[];
  values: Map<CentralityMeasure, Float64Array>;
  sampling: PathSampling | null;
}

function valuesOf(net: CooperationNetwork, o: z.output<typeof CentralityOptionsSchema>): CentralityValues {
  const { csr, actors } = networkView(net, o);
  const view = JSON.stringify([o.network, o.kinds ?? null]);
  const values = new Map<CentralityMeasure, Float64Array>();
  // Each measure is cached per network, view and the options it depends on.
  const cached = (measure: CentralityMeasure, key: unknown, compute: () => Float64Array) =>
    values.set(measure, memo(net, `centrality:${measure}:${view}:${JSON.stringify(key)}`, compute));
  let sampling: PathSampling | null = null;
  if (o.measures.some((m) => PATH_MEASURE_SET.has(m))) {
    // Betweenness, closeness and harmonic come from the same searches: one sweep, cached.
    const samples = o.samples === 'exact' ? undefined : o.samples;
    const paths = memo(net, `centrality:paths:${view}:${JSON.stringify([o.weighted, o.normalized, samples, o.seed, o.workers])}`, () =>
      pathCentralities(csr, {
        weighted: o.weighted,
        normalized: o.normalized,
        ...(samples !== undefined && { samples }),
        seed: o.seed,
        workers: o.workers,
        ...(o.onProgress && { onProgress: o.onProgress }),
      }),
    );
    sampling = paths.sampling;
    for (const m of ['betweenness', 'closeness', 'harmonic'] as const) if (o.measures.includes(m)) values.set(m, paths[m]!);
  }
  for (const measure of o.measures) {
    if (values.has(measure)) continue;
    switch (measure) {
      case 'degree':
        cached(measure, null, () => degreeCentrality(csr));
        break;
      case 'strength':
        cached(measure, null, () => strength(csr));
        break;
      case 'eigenvector':
        cached(measure, [o.weighted, o.maxIterations], () => eigenvectorCentrality(csr, { weighted: o.weighted, maxIterations: o.maxIterations }));
        break;
      case 'pagerank':
        cached(measure, [o.alpha, o.pagerankWeighted, o.maxIterations], () => pagerank(csr, { alpha: o.alpha, weighted: o.pagerankWeighted, maxIterations: o.maxIterations }));
        break;
    }
  }
  return { actors, values, sampling };
}

/** Give rows their non-enumerable `sampling` (see {@link CentralityRows}). @internal */
export function withSampling<T extends object>(rows: Rows<T>, sampling: PathSampling | null): CentralityRows<T> {
  Object.defineProperty(rows, 'sampling', { value: sampling, enumerable: false, writable: false, configurable: true });
  return rows as CentralityRows<T>;
}

/**
 * Centrality summarised per municipality: computes {@link centrality} on the
 * actor network, then gives one row per municipality with the `sum`
 * (default), `max` or `mean` of the values of its actors: the municipality
 * itself and the actors that belong to it. Actors without a municipality
 * (regional and national actors) are left out. In code order.
 *
 * @example
 * centralityByMunicipality(net, { aggregate: 'max', measures: ['betweenness'] });
 */
export function centralityByMunicipality(net: CooperationNetwork, options: MunicipalityCentralityOptions = {}): CentralityRows<MunicipalityCentralityRow> {
  requireGeography(net, 'centralityByMunicipality');
  const { aggregate, ...o } = parseOptions(MunicipalityCentralityOptionsSchema, options, 'centralityByMunicipality', net);
  const rows = computeCentrality(net, { ...o, network: 'actors' });
  const measures = (rows.columns as string[]).filter((c): c is CentralityMeasure => (CENTRALITY_MEASURES as readonly string[]).includes(c));
  const groups = new Map<string, CentralityRow[]>();
  for (const row of rows) {
    if (row.municipality === null) continue;
    const list = groups.get(row.municipality) ?? [];
    list.push(row);
    groups.set(row.municipality, list);
  }
  const out: MunicipalityCentralityRow[] = [];
  for (const m of net.municipalities()) {
    const members = groups.get(m.code) ?? [];
    const row: MunicipalityCentralityRow = { municipality: m.code, name: m.name, county: m.county, actorCount: members.length };
    for (const measure of measures) {
      const xs = members.map((r) => r[measure] ?? 0);
      row[measure] =
        xs.length === 0 ? 0 : aggregate === 'max' ? Math.max(...xs) : aggregate === 'mean' ? xs.reduce((s, x) => s + x, 0) / xs.length : xs.reduce((s, x) => s + x, 0);
    }
    out.push(row);
  }
  out.sort((p, q) => cmp(p.municipality, q.municipality));
  return withSampling(withColumns(out, ['municipality', 'name', 'county', 'actorCount', ...measures]), rows.sampling);
}
