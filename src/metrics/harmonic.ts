import { z } from 'zod';
import { parseKernelOptions } from '../model/options.js';
import type { Csr } from './csr.js';
import { distanceSweep } from './distance-centralities.js';
import { PathCentralitiesOptionsSchema } from './path-centralities.js';

/**
 * Options of {@link harmonicCentrality}: `weighted` (default `false`, every edge has
 * length 1). Strict: a wrong value or an unknown key throws a
 * `KernelOptionsError` (a `RangeError`) naming it.
 *
 * **Weights are strengths**: with `weighted: true`, an edge of weight `w`
 * has length `1 / w` (Dijkstra with a binary heap). This equals
 * `nx.harmonic_centrality(G, distance='distance')` with
 * `G[u][v]['distance'] = 1 / G[u][v]['weight']`.
 */
export const HarmonicOptionsSchema = PathCentralitiesOptionsSchema.pick({ weighted: true });
/** Options of {@link harmonicCentrality}, as given (see {@link HarmonicOptionsSchema}). */
export type HarmonicOptions = z.input<typeof HarmonicOptionsSchema>;

/**
 * Harmonic centrality: the sum of reciprocal shortest-path distances to every
 * other node,
 *
 * ```text
 * H(v) = Σ_{u ≠ v} 1 / d(u, v),   with 1 / ∞ = 0
 * ```
 *
 * References: M. Marchiori and V. Latora, "Harmony in the small-world",
 * Physica A 285(3–4):539–546, 2000; P. Boldi and S. Vigna, "Axioms for
 * centrality", Internet Mathematics 10(3–4):222–262, 2014.
 *
 * Conventions (equal to NetworkX 3.x `nx.harmonic_centrality(G)`):
 * - **Not normalised**: values range from 0 to `n - 1` (unweighted). Divide
 *   by `n - 1` yourself for a `[0, 1]` scale.
 * - Disconnected graphs are handled naturally: unreachable nodes contribute 0
 *   (no Wasserman–Faust style correction is needed).
 * - Isolated node → 0. One node → `[0]`. Empty graph → empty array.
 * - Weighted: edge length `1 / weight` (strength → distance); values are in
 *   units of 1 / length. As NetworkX, `H(v)` accumulates `1 / d(s, v)` over
 *   sources `s` in node order, with `d(s, v)` as found by the search from `s`.
 * - Weighted values are in units of weight (1 / length); with weights near
 *   `Number.MAX_VALUE` they can overflow to `Infinity` (never NaN).
 * - Deterministic: the same CSR gives bit-identical output.
 *
 * O(nm) unweighted, O(nm log n) weighted; O(n + m) memory.
 *
 * @returns One value per node, aligned with `csr.ids`.
 */
export function harmonicCentrality(csr: Csr, options: HarmonicOptions = {}): Float64Array {
  // The search dominates the cost; the closeness sums computed alongside are cheap.
  return distanceSweep(csr, parseKernelOptions(HarmonicOptionsSchema, options, 'harmonicCentrality')).harmonic;
}
