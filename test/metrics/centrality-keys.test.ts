import { UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { betweennessCentrality } from '../../src/metrics/betweenness.js';
import { closenessCentrality } from '../../src/metrics/closeness.js';
import { toCsr } from '../../src/metrics/csr.js';
import { degreeCentrality, strength } from '../../src/metrics/degree.js';
import { eigenvectorCentrality } from '../../src/metrics/eigenvector.js';
import { harmonicCentrality } from '../../src/metrics/harmonic.js';
import { LINK_PREDICTION_METHODS, linkScores } from '../../src/metrics/link-prediction.js';
import { pagerank } from '../../src/metrics/pagerank.js';
import { sameBits } from './centrality-helpers.js';

/**
 * Node keys such as `__proto__` must not change any result: the kernels work
 * on CSR indices and `toCsr` maps keys with a `Map`.
 *
 * Note: graphology 0.26 itself cannot add an edge whose *target* key is an
 * Object.prototype member ("__proto__", "constructor", "toString", …): its
 * per-node adjacency maps are plain objects, so `addEdge('a', 'constructor')`
 * throws "an edge … already exists" (and `mergeEdge` silently adds nothing).
 * The graph below adds such nodes only as edge sources, which graphology
 * accepts; `forEachEdge` (what `toCsr` reads) then reports every edge.
 */
describe('awkward node keys', () => {
  const awkward = ['__proto__', 'constructor', 'a', 'toString', 'b', 'hasOwnProperty'];
  const plain = ['k0', 'k1', 'k2', 'k3', 'k4', 'k5'];
  // Edges as [source index, target index, weight]; sources first so that
  // awkward keys are never targets.
  const edges: [number, number, number][] = [
    [0, 2, 2],
    [1, 2, 1],
    [2, 4, 3],
    [3, 4, 1],
    [5, 4, 0.5],
    [0, 4, 4],
  ];
  const build = (ids: string[]) => {
    const graph = new UndirectedGraph();
    for (const id of ids) graph.addNode(id);
    for (const [u, v, w] of edges) graph.addEdge(ids[u]!, ids[v]!, { weight: w });
    return toCsr(graph);
  };

  it('toCsr indexes them with a Map', () => {
    const csr = build(awkward);
    expect(csr.n).toBe(6);
    expect(csr.m).toBe(6);
    awkward.forEach((id, i) => expect(csr.index.get(id)).toBe(i));
    expect(csr.index.get('valueOf')).toBeUndefined();
  });

  it('every kernel gives bit-identical results to the same graph with plain keys', () => {
    const a = build(awkward);
    const p = build(plain);
    const pairs = [[0, 1], [1, 3], [5, 0], [2, 2]] as const;
    const kernels = [
      degreeCentrality,
      strength,
      (c: typeof a) => betweennessCentrality(c),
      (c: typeof a) => betweennessCentrality(c, { weighted: true }),
      (c: typeof a) => closenessCentrality(c, { weighted: true }),
      (c: typeof a) => harmonicCentrality(c, { weighted: true }),
      (c: typeof a) => eigenvectorCentrality(c, { weighted: true }),
      (c: typeof a) => pagerank(c),
      ...LINK_PREDICTION_METHODS.map((m) => (c: typeof a) => linkScores(c, pairs, m)),
    ];
    for (const kernel of kernels) {
      const x = kernel(a);
      expect(x.some((v) => v !== 0)).toBe(true);
      expect(sameBits(x, kernel(p))).toBe(true);
    }
  });
});
