import { z } from 'zod';
import { parseKernelOptions, said, saidIn } from '../model/options.js';
import { KernelArgumentError } from '../model/errors.js';
import type { Csr } from './csr.js';

/** Link-prediction scores implemented by {@link linkScores}. */
export type LinkPredictionMethod =
  | 'common_neighbours'
  | 'jaccard'
  | 'adamic_adar'
  | 'resource_allocation'
  | 'preferential_attachment';

/** Every {@link LinkPredictionMethod}, in documentation order. */
export const LINK_PREDICTION_METHODS: readonly LinkPredictionMethod[] = [
  'common_neighbours',
  'jaccard',
  'adamic_adar',
  'resource_allocation',
  'preferential_attachment',
];

/**
 * The `method` argument of {@link linkScores}, checked as an option: an
 * unknown method throws a `KernelOptionsError` (a `RangeError`) naming
 * `method`, with the closest method.
 */
export const LinkScoresArgumentsSchema = z.strictObject({ method: z.enum(LINK_PREDICTION_METHODS as readonly [LinkPredictionMethod, ...LinkPredictionMethod[]]) });

/**
 * Neighbourhood-based link-prediction scores for node pairs `(u, v)` given as
 * CSR indices. With `Γ(x)` the neighbours of `x`, `k_x = |Γ(x)|` its degree
 * and `Z = Γ(u) ∩ Γ(v)` the common neighbours:
 *
 * - `common_neighbours`: `#Z` — NetworkX `len(nx.common_neighbors(G, u, v))`.
 * - `jaccard`: `#Z / #(Γ(u) ∪ Γ(v))` — `nx.jaccard_coefficient`.
 * - `adamic_adar`: `Σ_{z ∈ Z} 1 / ln k_z` — `nx.adamic_adar_index`.
 * - `resource_allocation`: `Σ_{z ∈ Z} 1 / k_z` — `nx.resource_allocation_index`.
 * - `preferential_attachment`: `k_u · k_v` — `nx.preferential_attachment`.
 *
 * (`#` is set size.) Spelling: "neighbours" (British) in the method name;
 * NetworkX writes `common_neighbors`.
 *
 * References: D. Liben-Nowell and J. Kleinberg, "The link-prediction problem
 * for social networks", JASIST 58(7):1019–1031, 2007 (common neighbours,
 * Jaccard, Adamic–Adar, preferential attachment); L. A. Adamic and E. Adar,
 * "Friends and neighbors on the Web", Social Networks 25(3):211–230, 2003;
 * T. Zhou, L. Lü and Y.-C. Zhang, "Predicting missing links via local
 * information", European Physical Journal B 71(4):623–630, 2009 (resource
 * allocation).
 *
 * Conventions:
 * - Unweighted: edge weights are ignored; degrees count distinct neighbours.
 * - Pairs may be adjacent or not; `(u, v)` and `(v, u)` score the same.
 * - A pair with no neighbours at all (both nodes isolated): Jaccard is
 *   `0 / 0`, defined as 0 (as NetworkX); every other score is 0 too.
 *   Any pair without a common neighbour scores 0 except for preferential
 *   attachment.
 * - Adamic–Adar: a common neighbour of two distinct nodes has degree ≥ 2,
 *   so `ln k_z > 0`. For a self-pair `(u, u)` NetworkX's set semantics make
 *   `Z = Γ(u)`; a neighbour of degree 1 would give `1 / ln 1 = 1/0`
 *   (NetworkX raises `ZeroDivisionError`): here it contributes 0 instead.
 *   Otherwise self-pairs follow NetworkX (`Z = Γ(u)`, Jaccard 1 unless `u`
 *   is isolated).
 * - Floating-point sums run over common neighbours in ascending index order.
 * - Empty `pairs` → empty array (also for the empty graph).
 * - A pair with an index that is not an integer in `[0, n)` throws a
 *   `RangeError`, and an unknown `method` a `KernelOptionsError` (a
 *   `RangeError` naming `method`): programming errors.
 *
 * Efficiency: the neighbours of `u` are stamped in a reusable `Int32Array`
 * (no per-pair sets), then `Γ(v)` is scanned: O(k_u + k_v) per pair. When
 * consecutive pairs share their first node (e.g. all candidates for one
 * municipality), the stamp is reused and the cost drops to O(k_v).
 *
 * @returns One score per pair, aligned with `pairs`. Never NaN.
 */
export function linkScores(
  csr: Csr,
  pairs: ReadonlyArray<readonly [number, number]>,
  method: LinkPredictionMethod,
): Float64Array {
  parseKernelOptions(LinkScoresArgumentsSchema, { method }, 'linkScores');
  const { n, offsets, targets } = csr;
  const out = new Float64Array(pairs.length);
  const check = (x: number, i: number): void => {
    if (!Number.isInteger(x) || x < 0 || x >= n) {
      throw new KernelArgumentError(saidIn('linkScores', said('errors.kernel.pairIndex', { pair: i, value: String(x), n })));
    }
  };

  if (method === 'preferential_attachment') {
    for (let i = 0; i < pairs.length; i++) {
      const [u, v] = pairs[i]!;
      check(u, i);
      check(v, i);
      out[i] = (offsets[u + 1]! - offsets[u]!) * (offsets[v + 1]! - offsets[v]!);
    }
    return out;
  }

  // Per-node term for the weighted sums over common neighbours.
  let term: Float64Array | null = null;
  if (method === 'adamic_adar' || method === 'resource_allocation') {
    term = new Float64Array(n);
    for (let z = 0; z < n; z++) {
      const k = offsets[z + 1]! - offsets[z]!;
      if (method === 'resource_allocation') term[z] = k > 0 ? 1 / k : 0;
      else term[z] = k > 1 ? 1 / Math.log(k) : 0;
    }
  }

  // stamp[z] === u + 1 ⇔ z ∈ Γ(u) for the currently stamped node u.
  const stamp = new Int32Array(n);
  let stamped = -1;
  for (let i = 0; i < pairs.length; i++) {
    let [u, v] = pairs[i]!;
    check(u, i);
    check(v, i);
    if (v === stamped) [u, v] = [v, u]; // symmetric scores: reuse the stamp
    if (u !== stamped) {
      // Marker u + 1 is only ever written on Γ(u), and all of Γ(u) is
      // (re)written here, so stale markers of other nodes never read as set:
      // no clearing pass is needed between pairs.
      const mark = u + 1;
      for (let k = offsets[u]!; k < offsets[u + 1]!; k++) stamp[targets[k]!] = mark;
      stamped = u;
    }
    const mark = u + 1;
    let common = 0;
    let sum = 0;
    // Scan Γ(v) in ascending order so float sums are deterministic.
    for (let k = offsets[v]!; k < offsets[v + 1]!; k++) {
      const z = targets[k]!;
      if (stamp[z] === mark) {
        common++;
        if (term) sum += term[z]!;
      }
    }
    if (method === 'common_neighbours') out[i] = common;
    else if (method === 'jaccard') {
      const union = offsets[u + 1]! - offsets[u]! + (offsets[v + 1]! - offsets[v]!) - common;
      out[i] = union === 0 ? 0 : common / union;
    } else out[i] = sum;
  }
  return out;
}
