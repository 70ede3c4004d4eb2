/**
 * Shared types, options and the iteration loop of the power-iteration kernels
 * (eigenvector centrality, PageRank).
 */
import { z } from 'zod';

/** Outcome of a power iteration, for callers that want to know whether it converged. */
export interface PowerIterationResult {
  /** One value per node, aligned with `csr.ids`. Never NaN. */
  readonly values: Float64Array;
  /** Number of iterations performed (0 for the empty graph). */
  readonly iterations: number;
  /**
   * Whether the L1 change of the last iteration fell below `n × tolerance`.
   * When `false`, `values` is the last iterate (NetworkX would raise
   * `PowerIterationFailedConvergence` instead).
   */
  readonly converged: boolean;
}

/**
 * The options every power-iteration kernel takes (eigenvector centrality and
 * PageRank extend it), with NetworkX's defaults.
 */
export const PowerIterationOptionsSchema = z.strictObject({
  /**
   * Maximum number of power iterations (NetworkX `max_iter`), an integer
   * ≥ 0 (0 returns the start vector). Default 100, as NetworkX; the
   * `centrality` analysis allows 1 000.
   */
  maxIterations: z.number().int().nonnegative().default(100),
  /**
   * Stop when the L1 change between two iterates is below `n × tolerance`
   * (NetworkX `tol`), a finite number ≥ 0. Default `1e-6`.
   */
  tolerance: z.number().nonnegative().finite().default(1e-6),
});

/**
 * The iteration both kernels share: `step(x, next)` writes the next iterate
 * into `next` and returns its L1 change from `x`; the two buffers swap
 * after each step, until the change is below `limit` or `maxIterations`
 * steps are done. The last iterate is returned whether or not it converged.
 */
export function powerIterate(start: Float64Array, maxIterations: number, limit: number, step: (x: Float64Array, next: Float64Array) => number): PowerIterationResult {
  let x: Float64Array = start;
  let next: Float64Array = new Float64Array(start.length);
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    iterations++;
    const err = step(x, next);
    const previous = x;
    x = next;
    next = previous;
    if (err < limit) {
      converged = true;
      break;
    }
  }
  return { values: x, iterations, converged };
}
