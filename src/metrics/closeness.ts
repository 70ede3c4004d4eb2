import { z } from 'zod';
import { parseKernelOptions } from '../model/options.js';
import type { Csr } from './csr.js';
import { distanceSweep } from './distance-centralities.js';
import { PathCentralitiesOptionsSchema } from './path-centralities.js';

/**
 * Options of {@link closenessCentrality}: `weighted` (default `false`, every edge has
 * length 1). Strict: a wrong value or an unknown key throws a
 * `KernelOptionsError` (a `RangeError`) naming it.
 *
 * **Weights are strengths**: with `weighted: true`, an edge of weight `w`
 * has length `1 / w` (Dijkstra with a binary heap). This equals
 * `nx.closeness_centrality(G, distance='distance')` with
 * `G[u][v]['distance'] = 1 / G[u][v]['weight']`.
 */
export const ClosenessOptionsSchema = PathCentralitiesOptionsSchema.pick({ weighted: true });
/** Options of {@link closenessCentrality}, as given (see {@link ClosenessOptionsSchema}). */
export type ClosenessOptions = z.input<typeof ClosenessOptionsSchema>;

/**
 * Closeness centrality with the Wasserman–Faust correction for disconnected
 * graphs:
 *
 * ```text
 * C(v) = (r - 1) / Σ_{u reachable from v} d(v, u)  ×  (r - 1) / (n - 1)
 * ```
 *
 * where `r` is the number of nodes reachable from `v` (including `v`) and
 * `n` the number of nodes in the graph. In a connected graph the second
 * factor is 1 and `C(v)` is the reciprocal of the mean distance from `v`.
 *
 * References: A. Bavelas, "Communication patterns in task-oriented groups",
 * J. Acoustical Society of America 22(6):725–730, 1950; L. C. Freeman,
 * "Centrality in networks: I. Conceptual clarification", Social Networks
 * 1(3):215–239, 1979; S. Wasserman and K. Faust, *Social Network Analysis:
 * Methods and Applications*, Cambridge University Press, 1994, p. 201
 * (the `(r - 1) / (n - 1)` scaling).
 *
 * Conventions (equal to NetworkX 3.x `nx.closeness_centrality(G)`, i.e.
 * `wf_improved=True`, `distance=None`):
 * - Disconnected graphs: distances are summed over the nodes `v` can reach
 *   only, then scaled by `(r - 1) / (n - 1)` (Wasserman–Faust). A node in a
 *   small component therefore scores lower than the same node in a graph
 *   made only of that component. (graphology-metrics' `closeness` needs
 *   `wassermanFaust: true` to match this; its default omits the scaling.)
 * - Isolated node (reaches nothing, distance sum 0) → 0.
 * - One node → `[0]`. Empty graph → empty array.
 * - Weighted: edge length `1 / weight` (strength → distance). Distances are
 *   summed in the order nodes are settled by Dijkstra, as NetworkX does.
 * - Values are already normalised to `[0, 1]` for unweighted graphs;
 *   weighted values are in units of 1 / length and may exceed 1.
 * - Weighted values are in units of weight (1 / length); with weights near
 *   `Number.MAX_VALUE` they can overflow to `Infinity` (never NaN).
 * - Deterministic: the same CSR gives bit-identical output.
 *
 * O(nm) unweighted, O(nm log n) weighted; O(n + m) memory.
 *
 * @returns One value per node, aligned with `csr.ids`.
 */
export function closenessCentrality(csr: Csr, options: ClosenessOptions = {}): Float64Array {
  // The search dominates the cost; the harmonic sums computed alongside are cheap.
  return distanceSweep(csr, parseKernelOptions(ClosenessOptionsSchema, options, 'closenessCentrality')).closeness;
}
