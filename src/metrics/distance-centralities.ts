import type { Csr } from './csr.js';
import { pathCentralities } from './path-centralities.js';

/** Options of {@link distanceCentralities}. */
export interface DistanceCentralitiesOptions {
  /** Edge length `1 / weight` (weights are strengths), as `closenessCentrality` and `harmonicCentrality`. Default `false`. */
  weighted?: boolean;
  /** Worker threads (Node.js); see `pathCentralities`. Default 1. */
  workers?: number;
}

/**
 * Closeness and harmonic centrality from one shortest-path search per
 * source: {@link closenessCentrality} and {@link harmonicCentrality} are this
 * kernel's two halves, so asking for both costs one search per source, not
 * two. See those kernels for the definitions and conventions. Closeness sums
 * distances in settling order (the source's 0 first), as NetworkX's
 * `sum(sp.values())`; harmonic skips the source.
 *
 * @returns Both measures, aligned with `csr.ids`.
 */
export function distanceCentralities(csr: Csr, options: DistanceCentralitiesOptions = {}): { closeness: Float64Array; harmonic: Float64Array } {
  const { closeness, harmonic } = pathCentralities(csr, { ...options, measures: ['closeness', 'harmonic'] });
  return { closeness: closeness!, harmonic: harmonic! };
}
