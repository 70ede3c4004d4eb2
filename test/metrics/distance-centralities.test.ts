import { UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { toCsr } from '../../src/metrics/csr.js';
import { distanceCentralities } from '../../src/metrics/distance-centralities.js';
import { NX_TOL, expectClose, expected, expectNonTrivial, fixtureCsr, networkxFixture } from './centrality-helpers.js';

describe('distanceCentralities (closeness and harmonic from one search per source)', () => {
  it('equals NetworkX closeness_centrality and harmonic_centrality, weighted (distance 1/w) and not, on every fixture graph', () => {
    const { graphs } = networkxFixture();
    expect(graphs.length).toBeGreaterThan(3);
    for (const g of graphs) {
      const csr = fixtureCsr(g);
      for (const weighted of [false, true]) {
        const both = distanceCentralities(csr, { weighted });
        const suffix = weighted ? '_weighted' : '';
        for (const measure of ['closeness', 'harmonic'] as const) {
          const key = `${measure}${suffix}` as const;
          expectNonTrivial(expected(g, key), `${g.name} ${key}`);
          expectClose(both[measure], expected(g, key), NX_TOL, `${g.name} ${key}`);
        }
      }
    }
  });

  it('is empty for the empty graph', () => {
    const both = distanceCentralities(toCsr(new UndirectedGraph()));
    expect([both.closeness.length, both.harmonic.length]).toEqual([0, 0]);
  });
});
