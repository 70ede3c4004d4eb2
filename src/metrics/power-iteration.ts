/**
 * Shared types and option checks for the power-iteration kernels
 * (eigenvector centrality, PageRank).
 */

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

/** @internal Validate `tolerance` and `maxIterations`; throws `RangeError` on nonsense. */
export function checkIterationOptions(kernel: string, tolerance: number, maxIterations: number): void {
  if (!(tolerance >= 0) || !Number.isFinite(tolerance)) {
    throw new RangeError(`${kernel}: tolerance must be a finite number ≥ 0, got ${tolerance}`);
  }
  if (!Number.isInteger(maxIterations) || maxIterations < 0) {
    throw new RangeError(`${kernel}: maxIterations must be an integer ≥ 0, got ${maxIterations}`);
  }
}
