import { z } from 'zod';
import { parseKernelOptions } from '../model/options.js';
import type { Csr } from './csr.js';
import { PowerIterationOptionsSchema, powerIterate, type PowerIterationResult } from './power-iteration.js';

/**
 * Options of {@link eigenvectorCentrality}, with NetworkX's defaults:
 * `maxIterations` (100) and `tolerance` (`1e-6`) of every power iteration,
 * and `weighted`. Strict: a wrong value or an unknown key throws a
 * `KernelOptionsError` (a `RangeError`) naming it.
 *
 * NetworkX's default tolerance stops well before the fixed point: on the
 * reference graphs its result differs from the exact eigenvector by up to
 * 1e-4 on disconnected graphs and ~1e-5 on connected ones. The defaults
 * reproduce NetworkX's numbers; pass e.g. `tolerance: 1e-12` (and a larger
 * `maxIterations`) for the exact eigenvector.
 */
export const EigenvectorOptionsSchema = PowerIterationOptionsSchema.extend({
  /**
   * Use edge weights (as strengths: `A[u][v] = weight`). Default `false`
   * (adjacency matrix of 0/1, as `nx.eigenvector_centrality(G)` whose
   * `weight` defaults to `None`). `true` equals `weight='weight'`.
   */
  weighted: z.boolean().default(false),
});
/** Options of {@link eigenvectorCentrality}, as given (see {@link EigenvectorOptionsSchema}). */
export type EigenvectorOptions = z.input<typeof EigenvectorOptionsSchema>;

/**
 * Eigenvector centrality: the entries of the principal eigenvector `x` of the
 * adjacency matrix, `λ x_v = Σ_u A_uv x_u`, scaled to unit Euclidean norm.
 *
 * References: P. Bonacich, "Factoring and weighting approaches to status
 * scores and clique identification", J. Mathematical Sociology
 * 2(1):113–120, 1972; P. Bonacich, "Power and centrality: a family of
 * measures", American J. Sociology 92(5):1170–1182, 1987; M. E. J. Newman,
 * *Networks: An Introduction*, Oxford University Press, 2010, §7.2.
 *
 * Algorithm and conventions (equal to NetworkX 3.x
 * `nx.eigenvector_centrality(G)`, same iteration, same stopping rule):
 * - Power iteration on `A + I` (the shift makes bipartite graphs converge
 *   and does not change the eigenvector), starting from the uniform vector
 *   `1/n`, each iterate divided by its Euclidean norm (a zero norm is
 *   replaced by 1, as NetworkX). Stops when `Σ_v |x_v − x'_v| < n × tolerance`.
 * - Normalisation: unit Euclidean norm (`Σ x_v² = 1`), values in `[0, 1]`.
 * - Disconnected graphs: the principal eigenvector is not unique; the result
 *   is what the iteration from the uniform start gives: components whose
 *   largest eigenvalue is smaller decay towards 0 (but, as in NetworkX,
 *   retain whatever mass is left when the stopping rule fires), and
 *   components with equal largest eigenvalue (e.g. two disjoint edges) share
 *   the mass in proportion to their start mass.
 * - Isolated nodes: `A + I` keeps their start value, which decays relative
 *   to any edge; in an edgeless graph every node gets `1/√n`.
 * - One node → `[1]`. Empty graph → empty array (NetworkX raises
 *   `NetworkXPointlessConcept`).
 * - No convergence within `maxIterations` (e.g. long paths or cycles, whose
 *   spectral gap is tiny): **no throw** (NetworkX raises
 *   `PowerIterationFailedConvergence`); the last normalised iterate is
 *   returned. Use {@link eigenvectorCentralityDetailed} to see `converged`.
 * - Weighted: if the node strengths overflow to `Infinity`, all weights are
 *   first divided by the largest weight (the eigenvector is scale invariant).
 * - Never NaN; deterministic (bit-identical output for the same CSR).
 *
 * @returns One value per node, aligned with `csr.ids`.
 */
export function eigenvectorCentrality(csr: Csr, options: EigenvectorOptions = {}): Float64Array {
  return eigenvector(csr, parseKernelOptions(EigenvectorOptionsSchema, options, 'eigenvectorCentrality')).values;
}

/**
 * {@link eigenvectorCentrality} plus the number of iterations and whether
 * the iteration converged.
 */
export function eigenvectorCentralityDetailed(
  csr: Csr,
  options: EigenvectorOptions = {},
): PowerIterationResult {
  return eigenvector(csr, parseKernelOptions(EigenvectorOptionsSchema, options, 'eigenvectorCentralityDetailed'));
}

function eigenvector(csr: Csr, { weighted, maxIterations, tolerance }: z.output<typeof EigenvectorOptionsSchema>): PowerIterationResult {
  const { n, offsets, targets } = csr;
  if (n === 0) return { values: new Float64Array(0), iterations: 0, converged: true };

  const weights = weighted ? safeWeights(csr) : null;
  return powerIterate(new Float64Array(n).fill(1 / n), maxIterations, n * tolerance, (x, next) => {
    // next = (A + I) x, summed as NetworkX does: x_v first, then neighbours
    // in ascending index order.
    for (let v = 0; v < n; v++) {
      let acc = x[v]!;
      const end = offsets[v + 1]!;
      if (weights) for (let k = offsets[v]!; k < end; k++) acc += x[targets[k]!]! * weights[k]!;
      else for (let k = offsets[v]!; k < end; k++) acc += x[targets[k]!]!;
      next[v] = acc;
    }
    const norm = euclideanNorm(next) || 1;
    let err = 0;
    for (let v = 0; v < n; v++) {
      const value = next[v]! / norm;
      next[v] = value;
      err += Math.abs(value - x[v]!);
    }
    return err;
  });
}

/** Euclidean norm, scaled by the largest entry so it cannot overflow. */
function euclideanNorm(x: Float64Array): number {
  let max = 0;
  for (let i = 0; i < x.length; i++) {
    const a = Math.abs(x[i]!);
    if (a > max) max = a;
  }
  if (max === 0 || !Number.isFinite(max)) return max;
  let sum = 0;
  for (let i = 0; i < x.length; i++) {
    const r = x[i]! / max;
    sum += r * r;
  }
  return max * Math.sqrt(sum);
}

/** The CSR weights, divided by the largest weight if some strength overflows. */
function safeWeights(csr: Csr): Float64Array {
  const { n, offsets, weights } = csr;
  for (let v = 0; v < n; v++) {
    // x_v ≤ 1 after normalisation, so (A + I)x stays finite iff 1 + s(v) does.
    let s = 1;
    for (let k = offsets[v]!; k < offsets[v + 1]!; k++) s += weights[k]!;
    if (!Number.isFinite(s)) {
      let max = 0;
      for (let k = 0; k < weights.length; k++) if (weights[k]! > max) max = weights[k]!;
      const scaled = new Float64Array(weights.length);
      for (let k = 0; k < weights.length; k++) scaled[k] = weights[k]! / max;
      return scaled;
    }
  }
  return weights;
}
