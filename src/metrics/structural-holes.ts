import { z } from 'zod';
import { parseKernelOptions } from '../model/options.js';
import { arcIndex, type Csr } from './csr.js';

/**
 * Burt's structural-hole measures: constraint and effective size.
 *
 * Definitions follow Burt, R. S. (1992), *Structural Holes: The Social
 * Structure of Competition*, Harvard University Press, ch. 2 (and Burt 2004,
 * "Structural holes and good ideas", AJS 110:349–399), in the form NetworkX
 * implements them (`networkx.constraint`, `networkx.effective_size`,
 * NetworkX 3.x), which the test-suite checks to 1e-6.
 *
 * For an undirected graph with edge strengths `w(u, v)` (all 1 when
 * unweighted), write `N(u)` for the neighbours of `u`,
 *
 * - proportional tie strength `p(u, v) = w(u, v) / Σ_{x ∈ N(u)} w(u, x)`
 *   (NetworkX's "normalized mutual weight" with `norm=sum`; the mutual weight
 *   of an undirected edge is `2·w(u, v)` and the factor 2 cancels), and
 * - marginal tie strength `m(v, w) = w(v, w) / max_{x ∈ N(v)} w(v, x)`
 *   (`norm=max`).
 *
 * Then
 *
 * - **local constraint** `ℓ(u, v) = (p(u, v) + Σ_{w ∈ N(u) ∩ N(v)} p(u, w) p(w, v))²`,
 * - **constraint** `c(u) = Σ_{v ∈ N(u)} ℓ(u, v)`,
 * - **effective size** `e(u) = Σ_{v ∈ N(u)} (1 − Σ_{w ∈ N(u) ∩ N(v)} p(u, w) m(v, w))`.
 *
 * Unweighted, effective size reduces to Borgatti's (1997) `n − 2t/n` with
 * `n = deg(u)` and `t` the number of ties among `u`'s neighbours.
 *
 * Conventions shared by both functions:
 * - **Weights.** Unweighted by default (`weighted: false`), which equals
 *   `nx.constraint(G)` / `nx.effective_size(G)`. With `weighted: true` the CSR
 *   weights (positive strengths; see {@link Csr}) are used, equal to
 *   `weight='weight'` in NetworkX. Scaling all weights by a constant changes
 *   nothing. Caveat: for weighted *effective size* the reference is
 *   `nx.effective_size(G, nodes=list(G), weight='weight')` (NetworkX's
 *   per-node code path, which implements the formula above). NetworkX ≤ 3.6.1's
 *   default vectorised path (`nodes=None`) divides `m(v, w)` by the maximum
 *   of the wrong node (row/column broadcasting bug, networkx/networkx PR
 *   #8906) and so disagrees for weighted graphs; unweighted values and
 *   constraint are unaffected.
 * - **Self-loops** never reach the kernel: the CSR drops them. (NetworkX
 *   counts a self-loop in the normalisation; the fixtures have none.)
 * - **Isolated nodes** (degree 0): NetworkX returns NaN. Here constraint is
 *   `null` (undefined: there are no ties to be constrained by) and effective
 *   size is `0` (an empty ego network has no non-redundant contacts). No NaN
 *   is ever returned.
 * - **Disconnected graphs** need nothing special: both measures only look at
 *   a node's ego network (distance ≤ 2).
 * - **Empty graph** (no nodes): empty results.
 * - **Cost:** `O(Σ_{(u,v) ∈ E} min(deg u, deg v) · log Δ)` time (Δ the
 *   largest degree), `O(n)` extra memory: each tie's common neighbours are
 *   found from the end with fewer neighbours, so a hub with a million
 *   leaves costs a million steps, not a million squared (`O(m^1.5 log Δ)` in
 *   the worst case). Deterministic: neighbour lists are sorted, so the
 *   common neighbours are summed in the same (ascending) order whichever
 *   end they are found from, and the values are bit-for-bit those of the
 *   direct `O(Σ_v deg(v)²)` sums.
 *
 * @module
 */

/** Options of {@link burtConstraint} and {@link effectiveSize}. Strict: a wrong value or an unknown key throws a `KernelOptionsError` (a `RangeError`) naming it. */
export const StructuralHoleOptionsSchema = z.strictObject({
  /**
   * Use the CSR edge weights as tie strengths. Default `false` (every tie
   * counts 1, as in `nx.constraint(G)` with `weight=None`).
   */
  weighted: z.boolean().default(false),
});
/** Options of {@link burtConstraint} and {@link effectiveSize}, as given (see {@link StructuralHoleOptionsSchema}). */
export type StructuralHoleOptions = z.input<typeof StructuralHoleOptionsSchema>;

/**
 * `Σ_{w ∈ N(u) ∩ N(v)} pu[w] · w(w, v) / scale[w]` for the tie `u`–`v`
 * (`pu[w]` non-zero exactly for `w ∈ N(u)`), walking the shorter of the two
 * neighbour lists: `N(v)` directly, or `N(u)` with a binary search for the
 * tie `w`–`v` in `N(w)`. Both walks meet the common neighbours in ascending
 * order, so the sum is the same to the last bit.
 */
function commonSum(csr: Csr, u: number, v: number, pu: Float64Array, weighted: boolean, scale: Float64Array, perV: boolean): number {
  const { offsets, targets, weights } = csr;
  let sum = 0;
  const va = offsets[v]!;
  const vb = offsets[v + 1]!;
  const ua = offsets[u]!;
  const ub = offsets[u + 1]!;
  if (vb - va <= ub - ua) {
    for (let j = va; j < vb; j++) {
      const w = targets[j]!;
      const puw = pu[w]!;
      if (puw !== 0) sum += (puw * (weighted ? weights[j]! : 1)) / scale[perV ? v : w]!;
    }
    return sum;
  }
  for (let k = ua; k < ub; k++) {
    const w = targets[k]!;
    if (w === v) continue;
    const j = arcIndex(csr, w, v);
    if (j < 0) continue;
    sum += (pu[w]! * (weighted ? weights[j]! : 1)) / scale[perV ? v : w]!;
  }
  return sum;
}

/** Per node: Σ of incident strengths (1 each when unweighted). */
function strengths(csr: Csr, weighted: boolean): Float64Array {
  const { n, offsets, weights } = csr;
  const s = new Float64Array(n);
  for (let u = 0; u < n; u++) {
    const a = offsets[u]!;
    const b = offsets[u + 1]!;
    if (!weighted) {
      s[u] = b - a;
      continue;
    }
    let sum = 0;
    for (let k = a; k < b; k++) sum += weights[k]!;
    s[u] = sum;
  }
  return s;
}

/**
 * Burt's constraint `c(u)` for every node, aligned with `csr.ids`.
 *
 * At least `Σ_v p(u, v)² ≥ 1/deg(u)` (equality for an unweighted star
 * centre: no contact tied to another), exactly 1 for a node with a single
 * contact, and above 1 in dense cliques (a triangle gives 9/8). Low
 * constraint = many structural holes.
 * See the module documentation for the formula and conventions.
 *
 * @returns `(number | null)[]`: `null` exactly for isolated nodes.
 *
 * @example
 * // Star with centre 0 and three leaves: c(0) = 3·(1/3)² = 1/3, each leaf 1.
 * // Triangle: p = 1/2, ℓ = (1/2 + 1/2·1/2)² = 9/16, c = 2·9/16 = 9/8.
 */
export function burtConstraint(csr: Csr, options: StructuralHoleOptions = {}): (number | null)[] {
  const { weighted } = parseKernelOptions(StructuralHoleOptionsSchema, options, 'burtConstraint');
  const { n, offsets, targets, weights } = csr;
  const strength = strengths(csr, weighted);
  // pu[x] = p(u, x) while x ∈ N(u), else 0 (reset after each u).
  const pu = new Float64Array(n);
  const out: (number | null)[] = new Array<number | null>(n);

  for (let u = 0; u < n; u++) {
    const a = offsets[u]!;
    const b = offsets[u + 1]!;
    const su = strength[u]!;
    if (a === b || !(su > 0)) {
      out[u] = null;
      continue;
    }
    for (let k = a; k < b; k++) pu[targets[k]!] = (weighted ? weights[k]! : 1) / su;

    let c = 0;
    for (let k = a; k < b; k++) {
      const v = targets[k]!;
      // indirect = Σ_{w ∈ N(u) ∩ N(v)} p(u, w) p(w, v); p(w, v) = w(w, v) / s(w)
      const indirect = commonSum(csr, u, v, pu, weighted, strength, false);
      const l = pu[v]! + indirect;
      c += l * l;
    }
    out[u] = c;

    for (let k = a; k < b; k++) pu[targets[k]!] = 0;
  }
  return out;
}

/**
 * Burt's effective size `e(u)` for every node, aligned with `csr.ids`: the
 * number of contacts minus their redundancy. Between 1 and `deg(u)` for
 * non-isolated nodes; `0` for isolated nodes (NetworkX: NaN). Divide by the
 * degree for Burt's *efficiency*. See the module documentation for the
 * formula and conventions.
 *
 * @example
 * // Star centre with 3 leaves: 3 (no redundancy). Triangle: 2 − 2·1/2 = 1.
 */
export function effectiveSize(csr: Csr, options: StructuralHoleOptions = {}): Float64Array {
  const { weighted } = parseKernelOptions(StructuralHoleOptionsSchema, options, 'effectiveSize');
  const { n, offsets, targets, weights } = csr;
  const strength = strengths(csr, weighted);
  // Maximum incident strength per node (for m(v, w)).
  const maxW = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    let mx = 0;
    for (let k = offsets[v]!; k < offsets[v + 1]!; k++) {
      const w = weighted ? weights[k]! : 1;
      if (w > mx) mx = w;
    }
    maxW[v] = mx;
  }
  const pu = new Float64Array(n);
  const out = new Float64Array(n);

  for (let u = 0; u < n; u++) {
    const a = offsets[u]!;
    const b = offsets[u + 1]!;
    const su = strength[u]!;
    if (a === b || !(su > 0)) continue; // isolated: 0
    for (let k = a; k < b; k++) pu[targets[k]!] = (weighted ? weights[k]! : 1) / su;

    let e = 0;
    for (let k = a; k < b; k++) {
      const v = targets[k]!;
      // redundancy of v = Σ_{w ∈ N(u) ∩ N(v)} p(u, w) m(v, w), m(v, w) = w(v, w) / max_v
      const r = commonSum(csr, u, v, pu, weighted, maxW, true);
      e += 1 - r;
    }
    out[u] = e;

    for (let k = a; k < b; k++) pu[targets[k]!] = 0;
  }
  return out;
}
