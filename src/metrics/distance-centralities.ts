import type { Csr } from './csr.js';
import { DistanceSearch, inverseWeightLengths } from './shortest-paths.js';

/** Options of {@link distanceCentralities}. */
export interface DistanceCentralitiesOptions {
  /** Edge length `1 / weight` (weights are strengths), as `closenessCentrality` and `harmonicCentrality`. Default `false`. */
  weighted?: boolean;
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
  const n = csr.n;
  const closeness = new Float64Array(n);
  const harmonic = new Float64Array(n);
  if (n === 0) return { closeness, harmonic };
  const search = new DistanceSearch(csr, options.weighted ? inverseWeightLengths(csr) : null);
  const { dist, order } = search;
  for (let v = 0; v < n; v++) {
    const count = search.run(v);
    let total = 0;
    for (let i = 0; i < count; i++) total += dist[order[i]!]!;
    if (total > 0 && n > 1) {
      const reached = count - 1;
      closeness[v] = (reached / total) * (reached / (n - 1));
    }
    for (let i = 1; i < count; i++) {
      const u = order[i]!;
      harmonic[u]! += 1 / dist[u]!;
    }
  }
  return { closeness, harmonic };
}
