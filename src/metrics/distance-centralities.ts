import { z } from 'zod';
import { parseKernelOptions } from '../model/options.js';
import type { Csr } from './csr.js';
import { PATH_DEFAULTS, PathCentralitiesOptionsSchema, sweepCentralities } from './path-centralities.js';

/**
 * Options of {@link distanceCentralities}: `weighted` (edge length
 * `1 / weight`, weights are strengths; default `false`) and `workers`
 * (default 1), as `pathCentralities`. Strict.
 */
export const DistanceCentralitiesOptionsSchema = PathCentralitiesOptionsSchema.pick({ weighted: true, workers: true });
/** Options of {@link distanceCentralities}, as given. */
export type DistanceCentralitiesOptions = z.input<typeof DistanceCentralitiesOptionsSchema>;

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
  return distanceSweep(csr, parseKernelOptions(DistanceCentralitiesOptionsSchema, options, 'distanceCentralities'));
}

/** {@link distanceCentralities} on parsed options (closeness and harmonic parse their own). Internal. */
export function distanceSweep(csr: Csr, options: Partial<z.output<typeof DistanceCentralitiesOptionsSchema>>): { closeness: Float64Array; harmonic: Float64Array } {
  const { closeness, harmonic } = sweepCentralities(csr, { ...PATH_DEFAULTS, ...options, measures: ['closeness', 'harmonic'] });
  return { closeness: closeness!, harmonic: harmonic! };
}
