import { readFileSync } from 'node:fs';
import { UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { closenessCentrality } from '../../src/metrics/closeness.js';
import { toCsr } from '../../src/metrics/csr.js';
import { distanceCentralities } from '../../src/metrics/distance-centralities.js';
import { harmonicCentrality } from '../../src/metrics/harmonic.js';

interface FixtureGraph {
  name: string;
  nodes: string[];
  /** `[u, v, weight]` with node indices into `nodes`. */
  edges: [number, number, number][];
}

const fixture = JSON.parse(readFileSync('test/fixtures/networkx/centrality.json', 'utf8')) as { graphs: FixtureGraph[] };

describe('distanceCentralities', () => {
  it('equals closenessCentrality and harmonicCentrality bit for bit, weighted and not, on every fixture graph', () => {
    expect(fixture.graphs.length).toBeGreaterThan(3);
    for (const g of fixture.graphs) {
      const graph = new UndirectedGraph();
      g.nodes.forEach((_id, i) => graph.addNode(`k${i}`));
      for (const [a, b, w] of g.edges) graph.addEdge(`k${a}`, `k${b}`, { weight: w });
      const csr = toCsr(graph);
      for (const weighted of [false, true]) {
        const both = distanceCentralities(csr, { weighted });
        expect(Array.from(both.closeness), g.name).toEqual(Array.from(closenessCentrality(csr, { weighted })));
        expect(Array.from(both.harmonic), g.name).toEqual(Array.from(harmonicCentrality(csr, { weighted })));
      }
    }
  });

  it('is empty for the empty graph', () => {
    const both = distanceCentralities(toCsr(new UndirectedGraph()));
    expect([both.closeness.length, both.harmonic.length]).toEqual([0, 0]);
  });
});
