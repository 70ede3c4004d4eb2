import { z } from 'zod';
import { parseKernelOptions } from '../model/options.js';
import type { Csr } from './csr.js';
import { PathCentralitiesOptionsSchema, sweepCentralities } from './path-centralities.js';

/**
 * Options of {@link betweennessCentrality}: those of `pathCentralities`
 * without `measures` (`normalized` true, `weighted` false, `samples`
 * `'exact'`, `seed` 1, `workers` 1, `onProgress`). Strict: a wrong value or
 * an unknown key throws a `KernelOptionsError` (a `RangeError`) naming it.
 *
 * **Weights are strengths, not distances.** With `weighted: true`, an edge
 * of weight `w` has path length `1 / w`, so strong ties are short: this is
 * `nx.betweenness_centrality(G, weight='distance')` with
 * `G[u][v]['distance'] = 1 / G[u][v]['weight']`. ⚠️ graphology-metrics
 * (`graphology-metrics/centrality/betweenness`) reads its weight attribute
 * as a *distance* and, by default, reads the `weight` attribute: on a
 * samverkan network (where `weight` = cooperation strength) it would treat
 * the strongest ties as the longest.
 *
 * Use {@link pathCentralities} to learn whether a sampled result was sampled.
 */
export const BetweennessOptionsSchema = PathCentralitiesOptionsSchema.omit({ measures: true });
/** Options of {@link betweennessCentrality}, as given (see {@link BetweennessOptionsSchema}). */
export type BetweennessOptions = z.input<typeof BetweennessOptionsSchema>;

/**
 * Betweenness centrality of every node: the sum over node pairs `{s, t}`
 * (`s ≠ v ≠ t`) of the fraction of shortest `s`–`t` paths that pass through
 * `v`,
 *
 * ```text
 * B(v) = Σ_{s ≠ v ≠ t} σ_st(v) / σ_st
 * ```
 *
 * computed with Brandes' algorithm: one breadth-first search (unweighted) or
 * Dijkstra search with a binary heap (weighted) per source, followed by the
 * dependency accumulation `δ_s(v) = Σ_{w : v ∈ P_s(w)} σ_sv / σ_sw (1 + δ_s(w))`.
 * O(nm) time unweighted, O(nm log n) weighted; O(n + m) memory, allocated
 * once and reused for every source.
 *
 * References: U. Brandes, "A faster algorithm for betweenness centrality",
 * Journal of Mathematical Sociology 25(2):163–177, 2001; L. C. Freeman,
 * "A set of measures of centrality based on betweenness", Sociometry
 * 40(1):35–41, 1977.
 *
 * ⚠️ **Weights: samverkan reads edge weights as STRENGTHS** (bigger =
 * stronger tie = shorter path, length `1 / weight`). graphology-metrics'
 * betweenness reads them as DISTANCES (and uses the `weight` attribute by
 * default), so on the same graph the two disagree unless graphology is given
 * `getEdgeWeight: (_, a) => 1 / a.weight`. NetworkX also reads `weight=` as a
 * distance: our weighted result equals NetworkX with a `1 / weight` attribute.
 *
 * Conventions (equal to NetworkX 3.x `nx.betweenness_centrality(G)`, i.e.
 * `normalized=True`, `weight=None`, `endpoints=False`, `k=None`):
 * - Endpoints are excluded: `s` and `t` never collect credit for their own pair.
 * - `normalized: true` (default) multiplies the ordered-pair sum by
 *   `1 / ((n - 1)(n - 2))` — the same as dividing the unordered-pair sum by
 *   `(n - 1)(n - 2) / 2`. So the centre of a star scores 1.
 * - `normalized: false` multiplies the ordered-pair sum by 0.5, so each
 *   unordered pair counts once (a path's middle node in P3 scores 1).
 * - `n ≤ 2`: no rescaling (every value is 0 anyway), as NetworkX.
 * - Disconnected graphs: pairs in different components have no shortest path
 *   and contribute nothing; the normalisation still uses the whole `n`
 *   (NetworkX's convention), so values in a small component are small.
 * - Isolated nodes score 0. One node → `[0]`. Empty graph → empty array.
 * - Weighted: path length of an edge is `1 / weight` (see
 *   {@link BetweennessOptionsSchema}). Path lengths are summed and compared
 *   exactly in floating point, as NetworkX does: two paths count as equally
 *   short only if their float sums are `===`. E.g. lengths `0.1 + 0.2`
 *   (weights 10 and 5) give `0.30000000000000004`, which is longer than a
 *   direct edge of length `0.3`, so only the direct edge is a shortest path.
 *   Nodes at equal distance are settled in the order NetworkX's heap settles
 *   them (by the time of their last improvement), so even the dependency sums
 *   are accumulated in the same order: on the reference graphs the result is
 *   bit-identical to NetworkX's when both iterate neighbours in index order.
 * - Deterministic: the same CSR gives bit-identical output.
 *
 * @returns One value per node, aligned with `csr.ids`.
 */
export function betweennessCentrality(csr: Csr, options: BetweennessOptions = {}): Float64Array {
  const o = parseKernelOptions(BetweennessOptionsSchema, options, 'betweennessCentrality');
  return sweepCentralities(csr, { ...o, measures: ['betweenness'] }).betweenness!;
}
