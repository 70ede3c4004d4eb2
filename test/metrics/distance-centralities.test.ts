import { readFileSync } from 'node:fs';
import { UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { toCsr } from '../../src/metrics/csr.js';
import { distanceCentralities } from '../../src/metrics/distance-centralities.js';

interface FixtureGraph {
  name: string;
  nodes: string[];
  /** `[u, v, weight]` with node indices into `nodes`. */
  edges: [number, number, number][];
  expected: Record<'closeness' | 'closeness_weighted' | 'harmonic' | 'harmonic_weighted', number[]>;
}

const fixture = JSON.parse(readFileSync('test/fixtures/networkx/centrality.json', 'utf8')) as { graphs: FixtureGraph[] };

describe('distanceCentralities (closeness and harmonic from one search per source)', () => {
  it('equals NetworkX closeness_centrality and harmonic_centrality, weighted (distance 1/w) and not, on every fixture graph', () => {
    expect(fixture.graphs.length).toBeGreaterThan(3);
    for (const g of fixture.graphs) {
      const graph = new UndirectedGraph();
      g.nodes.forEach((_id, i) => graph.addNode(`k${i}`));
      for (const [a, b, w] of g.edges) graph.addEdge(`k${a}`, `k${b}`, { weight: w });
      const csr = toCsr(graph);
      for (const weighted of [false, true]) {
        const both = distanceCentralities(csr, { weighted });
        const suffix = weighted ? '_weighted' : '';
        Array.from(both.closeness).forEach((x, i) => expect(x, `${g.name} closeness${suffix} ${i}`).toBeCloseTo(g.expected[`closeness${suffix}`]![i]!, 6));
        Array.from(both.harmonic).forEach((x, i) => expect(x, `${g.name} harmonic${suffix} ${i}`).toBeCloseTo(g.expected[`harmonic${suffix}`]![i]!, 6));
      }
    }
  });

  it('is empty for the empty graph', () => {
    const both = distanceCentralities(toCsr(new UndirectedGraph()));
    expect([both.closeness.length, both.harmonic.length]).toEqual([0, 0]);
  });
});
