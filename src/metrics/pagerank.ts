import { z } from 'zod';
import { parseKernelOptions } from '../model/options.js';
import type { Csr } from './csr.js';
import { PowerIterationOptionsSchema, powerIterate, type PowerIterationResult } from './power-iteration.js';

/**
 * Options of {@link pagerank}, with NetworkX's defaults: `maxIterations`
 * (100) and `tolerance` (`1e-6`) of every power iteration, `alpha` and
 * `weighted`. Strict: a wrong value or an unknown key throws a
 * `KernelOptionsError` (a `RangeError`) naming it.
 */
export const PagerankOptionsSchema = PowerIterationOptionsSchema.extend({
  /**
   * Damping factor, in `[0, 1]`: the probability of following an edge rather
   * than teleporting. Default `0.85`.
   */
  alpha: z.number().min(0).max(1).default(0.85),
  /**
   * Use edge weights (as strengths: a walker leaves `v` along edge `(v, u)`
   * with probability `w(v, u) / s(v)`). Default `true`, as
   * `nx.pagerank(G)` (whose `weight` defaults to `'weight'`; edges without a
   * weight count as 1 in both). `false` equals `weight=None`.
   */
  weighted: z.boolean().default(true),
});
/** Options of {@link pagerank}, as given (see {@link PagerankOptionsSchema}). */
export type PagerankOptions = z.input<typeof PagerankOptionsSchema>;

/**
 * PageRank: the stationary distribution of a random walk that, at each step,
 * follows an edge with probability `alpha` (chosen in proportion to its
 * weight) and jumps to a uniformly random node with probability `1 − alpha`:
 *
 * ```text
 * x_v = alpha · (Σ_u x_u · w(u, v) / s(u)  +  Σ_{dangling d} x_d / n)  +  (1 − alpha) / n
 * ```
 *
 * References: L. Page, S. Brin, R. Motwani and T. Winograd, "The PageRank
 * citation ranking: Bringing order to the Web", Stanford InfoLab technical
 * report 1999-66, 1999; A. N. Langville and C. D. Meyer, "Deeper inside
 * PageRank", Internet Mathematics 1(3):335–380, 2004.
 *
 * Conventions (equal to NetworkX 3.x `nx.pagerank(G, alpha=0.85)`, same
 * iteration as its SciPy implementation):
 * - The undirected graph is read as a directed graph with both directions of
 *   every edge. Weights are strengths (transition probabilities ∝ weight).
 * - Power iteration from the uniform vector `1/n`; stops when
 *   `Σ_v |x_v − x'_v| < n × tolerance`. With the default tolerance the
 *   result differs from the exact fixed point by up to ~1e-5 (NetworkX's
 *   own truncation error); pass a smaller tolerance for more accuracy.
 * - Values sum to 1 (a probability distribution; not rescaled to max 1).
 * - Dangling nodes (isolated nodes: no edge to leave by) redistribute their
 *   whole mass uniformly over all `n` nodes, as NetworkX's default
 *   (`dangling=None`, uniform personalisation).
 * - Disconnected graphs are fine: the teleport makes the chain irreducible.
 * - One node → `[1]`. Empty graph → empty array (as NetworkX's `{}`).
 * - No convergence within `maxIterations`: **no throw** (NetworkX raises
 *   `PowerIterationFailedConvergence`); the last iterate is returned. Use
 *   {@link pagerankDetailed} to see `converged`.
 * - Weighted: if a node strength overflows to `Infinity` (or its reciprocal
 *   does, for subnormal weights), transition probabilities are computed as
 *   `(w / w_max) / (s / w_max)` instead (they are scale invariant), so
 *   extreme weights never produce NaN.
 * - Invalid options (alpha outside `[0, 1]`, negative tolerance, negative or
 *   fractional `maxIterations`, an unknown key) throw a `KernelOptionsError`
 *   (a `RangeError`) naming the option.
 * - Never NaN; deterministic (bit-identical output for the same CSR).
 *
 * @returns One value per node, aligned with `csr.ids`.
 */
export function pagerank(csr: Csr, options: PagerankOptions = {}): Float64Array {
  return pagerankOf(csr, parseKernelOptions(PagerankOptionsSchema, options, 'pagerank')).values;
}

/** {@link pagerank} plus the number of iterations and whether the iteration converged. */
export function pagerankDetailed(csr: Csr, options: PagerankOptions = {}): PowerIterationResult {
  return pagerankOf(csr, parseKernelOptions(PagerankOptionsSchema, options, 'pagerankDetailed'));
}

function pagerankOf(csr: Csr, { alpha, weighted, tolerance, maxIterations }: z.output<typeof PagerankOptionsSchema>): PowerIterationResult {
  const { n, offsets, targets } = csr;
  if (n === 0) return { values: new Float64Array(0), iterations: 0, converged: true };

  // Transition probabilities w(u, v) / s(u), stored in pull orientation:
  // entry k of row v (neighbour u = targets[k]) holds w(u, v) · (1 / s(u)),
  // the same product NetworkX's Q @ A forms. Isolated nodes are dangling.
  const pull = new Float64Array(targets.length);
  const dangling: number[] = [];
  if (!weighted || !transitionsByReciprocal(csr, pull, dangling)) {
    dangling.length = 0;
    transitionsByDivision(csr, weighted, pull, dangling);
  }

  const p = 1 / n;
  const teleport = (1 - alpha) * p;
  return powerIterate(new Float64Array(n).fill(p), maxIterations, n * tolerance, (x, next) => {
    let danglingMass = 0;
    for (const d of dangling) danglingMass += x[d]!;
    const spread = danglingMass * p;
    let err = 0;
    for (let v = 0; v < n; v++) {
      let acc = 0;
      const end = offsets[v + 1]!;
      for (let k = offsets[v]!; k < end; k++) acc += x[targets[k]!]! * pull[k]!;
      const value = alpha * (acc + spread) + teleport;
      next[v] = value;
      err += Math.abs(value - x[v]!);
    }
    return err;
  });
}

/**
 * NetworkX's arithmetic: `w · (1 / s(u))`. Returns false (and leaves `pull`
 * unusable) when a strength or its reciprocal is not finite — weights near
 * `Number.MAX_VALUE` or subnormal weights — where that product would overflow.
 */
function transitionsByReciprocal(csr: Csr, pull: Float64Array, dangling: number[]): boolean {
  const { n, offsets, targets, weights } = csr;
  const inv = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    let s = 0;
    for (let k = offsets[v]!; k < offsets[v + 1]!; k++) s += weights[k]!;
    if (s === 0) dangling.push(v);
    else inv[v] = 1 / s;
    if (!Number.isFinite(s) || !Number.isFinite(inv[v]!)) return false;
  }
  for (let k = 0; k < pull.length; k++) pull[k] = weights[k]! * inv[targets[k]!]!;
  return true;
}

/**
 * Overflow-safe fallback, also used unweighted (where it equals NetworkX's
 * `1 · (1 / k_u)` exactly, since `1 / k` is the same double either way):
 * weights divided by the largest weight, then `w / s(u)`.
 */
function transitionsByDivision(csr: Csr, weighted: boolean, pull: Float64Array, dangling: number[]): void {
  const { n, offsets, targets, weights } = csr;
  let max = 0;
  if (weighted) for (let k = 0; k < weights.length; k++) if (weights[k]! > max) max = weights[k]!;
  const w = (k: number) => (weighted ? weights[k]! / max : 1);
  const strength = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    let s = 0;
    for (let k = offsets[v]!; k < offsets[v + 1]!; k++) s += w(k);
    strength[v] = s;
    if (s === 0) dangling.push(v);
  }
  for (let k = 0; k < pull.length; k++) pull[k] = w(k) / strength[targets[k]!]!;
}
