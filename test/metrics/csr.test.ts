import { MultiUndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { csrFromEdges, toCsr, type Csr } from '../../src/metrics/csr.js';
import { createRng } from '../../src/metrics/random.js';

/** Naive reference: per node a Map neighbour → summed weight, then sorted (the old toCsr). */
function naive(n: number, edges: [number, number, number][]): { neighbours: number[][]; weights: number[][] } {
  const lists = Array.from({ length: n }, () => new Map<number, number>());
  for (const [a, b, raw] of edges) {
    if (a < 0 || b < 0 || a === b) continue;
    const w = Number.isFinite(raw) && raw > 0 ? raw : 1;
    lists[a]!.set(b, (lists[a]!.get(b) ?? 0) + w);
    lists[b]!.set(a, (lists[b]!.get(a) ?? 0) + w);
  }
  const sorted = lists.map((l) => [...l.entries()].sort((x, y) => x[0] - y[0]));
  return { neighbours: sorted.map((l) => l.map(([t]) => t)), weights: sorted.map((l) => l.map(([, w]) => w)) };
}

function rows(csr: Csr): { neighbours: number[][]; weights: number[][] } {
  const neighbours: number[][] = [];
  const weights: number[][] = [];
  for (let i = 0; i < csr.n; i++) {
    neighbours.push([...csr.targets.subarray(csr.offsets[i]!, csr.offsets[i + 1]!)]);
    weights.push([...csr.weights.subarray(csr.offsets[i]!, csr.offsets[i + 1]!)]);
  }
  return { neighbours, weights };
}

describe('csrFromEdges', () => {
  it('equals a naive adjacency build on random multigraphs (parallel edges summed, self-loops and dropped ends skipped)', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const rng = createRng(seed);
      const n = 1 + Math.floor(rng() * 40);
      const edges: [number, number, number][] = [];
      const count = Math.floor(rng() * 120);
      for (let e = 0; e < count; e++) {
        const pick = () => (rng() < 0.05 ? -1 : Math.floor(rng() * n));
        const w = [1, 2, 0.5, -3, 0, Infinity, NaN, 7][Math.floor(rng() * 8)]!;
        edges.push([pick(), pick(), w]);
      }
      const ids = Array.from({ length: n }, (_, i) => `v${i}`);
      const csr = csrFromEdges(ids, Int32Array.from(edges.flatMap(([a, b]) => [a, b])), Float64Array.from(edges, ([, , w]) => w));
      const expected = naive(n, edges);
      expect(rows(csr), `seed ${seed}`).toEqual(expected);
      expect(csr.m).toBe(expected.neighbours.reduce((s, l) => s + l.length, 0) / 2);
      expect(csr.offsets[n]).toBe(csr.targets.length);
      ids.forEach((id, i) => expect(csr.index.get(id)).toBe(i));
    }
  });

  it('null weights are all 1', () => {
    const csr = csrFromEdges(['a', 'b', 'c'], Int32Array.from([0, 1, 1, 0, 1, 2]), null);
    expect(rows(csr)).toEqual({ neighbours: [[1], [0, 2], [1]], weights: [[2], [2, 1], [1]] });
  });
});

describe('toCsr', () => {
  it('merges the parallel edges of a multigraph and reads non-numeric weights as 1', () => {
    const g = new MultiUndirectedGraph();
    for (const k of ['x', 'y', 'z']) g.addNode(k);
    g.addEdge('x', 'y', { weight: 2 });
    g.addEdge('y', 'x', { weight: 3 });
    g.addEdge('y', 'z', { weight: '5' });
    g.addEdge('z', 'z', { weight: 4 });
    const csr = toCsr(g);
    expect(rows(csr)).toEqual({ neighbours: [[1], [0, 2], [1]], weights: [[5], [5, 1], [1]] });
    const sub = toCsr(g, { nodes: ['z', 'y'] });
    expect(sub.ids).toEqual(['z', 'y']);
    expect(rows(sub)).toEqual({ neighbours: [[1], [0]], weights: [[1], [1]] });
  });
});
