import type { Csr } from './csr.js';

/**
 * Degree centrality as a **raw count**: the number of distinct neighbours of
 * each node.
 *
 * Reference: L. C. Freeman, "Centrality in networks: I. Conceptual
 * clarification", Social Networks 1(3):215–239, 1979 (degree `C_D(v)`).
 *
 * Conventions:
 * - This is **not** NetworkX's `nx.degree_centrality(G)`, which divides by
 *   `n - 1`. It equals `dict(G.degree())`. Divide by `n - 1` yourself for the
 *   normalised variant.
 * - Parallel edges were merged and self-loops dropped by `toCsr`, so this
 *   counts distinct neighbours; weights are ignored (see {@link strength}).
 * - Isolated node → 0. One node → `[0]`. Empty graph → empty array.
 *
 * @returns One value per node, aligned with `csr.ids`.
 */
export function degreeCentrality(csr: Csr): Float64Array {
  const { n, offsets } = csr;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = offsets[i + 1]! - offsets[i]!;
  return out;
}

/**
 * Node strength: the sum of the weights of a node's edges,
 * `s(v) = Σ_u w(v, u)`.
 *
 * Reference: A. Barrat, M. Barthélemy, R. Pastor-Satorras and A. Vespignani,
 * "The architecture of complex weighted networks", PNAS 101(11):3747–3752,
 * 2004.
 *
 * Conventions:
 * - Equals NetworkX's `dict(G.degree(weight='weight'))` on a simple graph.
 * - Weights come from `toCsr` (missing or non-positive weights count as 1,
 *   parallel edges are summed), so on an unweighted graph strength = degree.
 * - Weights are summed in ascending neighbour index order (deterministic).
 * - A sum beyond `Number.MAX_VALUE` is `Infinity` (never NaN), as in NetworkX.
 * - Isolated node → 0. One node → `[0]`. Empty graph → empty array.
 *
 * @returns One value per node, aligned with `csr.ids`.
 */
export function strength(csr: Csr): Float64Array {
  const { n, offsets, weights } = csr;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    const end = offsets[i + 1]!;
    for (let k = offsets[i]!; k < end; k++) s += weights[k]!;
    out[i] = s;
  }
  return out;
}
