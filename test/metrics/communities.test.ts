import { UndirectedGraph } from 'graphology';
import graphologyLouvain from 'graphology-communities-louvain';
import { describe, expect, it } from 'vitest';
import graphologyModularity from 'graphology-metrics/graph/modularity.js';
import {
  communityCrosstab,
  louvainCommunities,
  modularity,
  renumberCommunities,
} from '../../src/metrics/communities.js';
import { createRng } from '../../src/metrics/random.js';
import { csrOf, graphOf, randomEdges, small, withIds, type Edge } from './structure-graphs.js';

describe('modularity: hand-computed', () => {
  it('two triangles joined by a bridge', () => {
    const csr = small('twoTriangles');
    // m = 7; each triangle: L_c = 3, d_c = 2 + 2 + 3 = 7.
    // Q = 2 · (3/7 − (7/14)²) = 6/7 − 1/2 = 5/14.
    expect(modularity(csr, [0, 0, 0, 1, 1, 1])).toBeCloseTo(5 / 14, 12);
    // γ = 2: 2 · (3/7 − 2 · 1/4) = −1/7.
    expect(modularity(csr, [0, 0, 0, 1, 1, 1], { resolution: 2 })).toBeCloseTo(-1 / 7, 12);
    // One community: L/m − (2m/2m)² = 1 − 1 = 0.
    expect(modularity(csr, [5, 5, 5, 5, 5, 5])).toBeCloseTo(0, 12);
    // Labels are arbitrary numbers.
    expect(modularity(csr, [-3, -3, -3, 7.5, 7.5, 7.5])).toBeCloseTo(5 / 14, 12);
  });

  it('path: singletons and a weighted split', () => {
    // Singletons: Q = −Σ (d_i / 2m)² = −(1 + 4 + 4 + 1)/36 = −5/18.
    expect(modularity(small('path'), [0, 1, 2, 3])).toBeCloseTo(-5 / 18, 12);
    // Weights 1, 10, 1 and split {0,1} | {2,3}:
    //   weighted:   m = 12, L = 1 each, d = 1 + 11 = 12 each → 2 · (1/12 − 1/4) = −1/3
    //   unweighted: m = 3,  L = 1 each, d = 3 each            → 2 · (1/3 − 1/4)  = 1/6
    const weighted = csrOf(4, [[0, 1, 1], [1, 2, 10], [2, 3, 1]]);
    expect(modularity(weighted, [0, 0, 1, 1])).toBeCloseTo(-1 / 3, 12);
    expect(modularity(weighted, [0, 0, 1, 1], { weighted: false })).toBeCloseTo(1 / 6, 12);
  });

  it('barbell, star, two pairs, single, empty', () => {
    // Barbell K4 – 4 – K4, m = 14, 2m = 28:
    //   {0..4} | {5..8}: L = 7, d = 15; L = 6, d = 13 → 13/14 − (225 + 169)/784 = 167/392
    //   {0..3} | {4} | {5..8}: 12/14 − (2 · 169 + 4)/784 = 165/392
    const b = small('barbell');
    expect(modularity(b, [0, 0, 0, 0, 0, 1, 1, 1, 1])).toBeCloseTo(167 / 392, 12);
    expect(modularity(b, [0, 0, 0, 0, 1, 2, 2, 2, 2])).toBeCloseTo(165 / 392, 12);
    // Star, centre + 1 leaf | 2 leaves as singletons: m = 3, 2m = 6;
    //   {0,1}: L = 1, d = 4 → 1/3 − 4/9; {2}, {3}: −1/36 each → −1/9 − 1/18 = −1/6.
    expect(modularity(small('star'), [0, 0, 1, 2])).toBeCloseTo(-1 / 6, 12);
    // Two pairs, one community each: 2 · (1/2 − (2/4)²) = 1/2.
    expect(modularity(small('twoPairs'), [0, 0, 1, 1])).toBeCloseTo(0.5, 12);
    // No edges: 0 by convention (NetworkX divides by zero).
    expect(modularity(small('single'), [0])).toBe(0);
    expect(modularity(small('empty'), [])).toBe(0);
    expect(modularity(csrOf(3, []), [0, 0, 1])).toBe(0);
  });

  it('agrees with graphology-metrics on random weighted graphs', () => {
    const rng = createRng(5);
    for (let t = 0; t < 10; t++) {
      const n = 5 + Math.floor(rng() * 30);
      const edges: Edge[] = randomEdges(n, 0.2, rng).map(([u, v]) => [u, v, 0.5 + 4 * rng()] as const);
      if (edges.length === 0) continue;
      const g = graphOf(n, edges);
      const labels = Array.from({ length: n }, () => Math.floor(rng() * 4));
      g.forEachNode((node) => g.setNodeAttribute(node, 'community', labels[Number(node)]));
      const csr = csrOf(n, edges);
      for (const resolution of [1, 0.5, 2]) {
        expect(modularity(csr, labels, { resolution })).toBeCloseTo(graphologyModularity(g, { resolution }), 10);
        expect(modularity(csr, labels, { resolution, weighted: false })).toBeCloseTo(
          graphologyModularity(g, { resolution, getEdgeWeight: null }),
          10,
        );
      }
    }
  });

  it('rejects a short label array and a non-finite resolution', () => {
    expect(() => modularity(small('path'), [0, 0])).toThrow(RangeError);
    expect(() => modularity(small('path'), [0, 0, 0, 0], { resolution: Number.NaN })).toThrow(RangeError);
  });
});

describe('louvainCommunities', () => {
  it('finds the two triangles, numbered by size then smallest index', () => {
    const r = louvainCommunities(small('twoTriangles'));
    expect([...r.community]).toEqual([0, 0, 0, 1, 1, 1]);
    expect(r.count).toBe(2);
    expect(r.modularity).toBeCloseTo(5 / 14, 12);
  });

  it('barbell: the best split, 5 | 4', () => {
    const r = louvainCommunities(small('barbell'));
    expect(r.count).toBe(2);
    expect(r.modularity).toBeCloseTo(167 / 392, 12);
    // The larger community (with the bridge node 4) is community 0.
    expect([...r.community].filter((c) => c === 0).length).toBe(5);
    expect(r.community[4]).toBe(0);
  });

  it('two pairs, isolated nodes, single node, empty graph', () => {
    expect([...louvainCommunities(small('twoPairs')).community]).toEqual([0, 0, 1, 1]);
    expect(louvainCommunities(small('twoPairs')).modularity).toBeCloseTo(0.5, 12);
    // Isolated nodes are singletons, after the larger communities.
    const withIsolates = louvainCommunities(csrOf(5, [[1, 2], [2, 3], [1, 3]]));
    expect([...withIsolates.community]).toEqual([1, 0, 0, 0, 2]);
    const single = louvainCommunities(small('single'));
    expect([...single.community]).toEqual([0]);
    expect(single.modularity).toBe(0);
    expect(single.count).toBe(1);
    const empty = louvainCommunities(small('empty'));
    expect(empty.community.length).toBe(0);
    expect(empty.count).toBe(0);
    expect(empty.modularity).toBe(0);
    // No edges at all: every node alone, modularity 0 (not NaN).
    const edgeless = louvainCommunities(csrOf(3, []));
    expect([...edgeless.community]).toEqual([0, 1, 2]);
    expect(edgeless.modularity).toBe(0);
  });

  it('is deterministic for a seed and reports the partition modularity', () => {
    const rng = createRng(11);
    const n = 300;
    const edges: Edge[] = randomEdges(n, 0.02, rng).map(([u, v]) => [u, v, 1 + Math.floor(rng() * 5)] as const);
    const csr = csrOf(n, edges);
    const a = louvainCommunities(csr, { seed: 42 });
    const b = louvainCommunities(csr, { seed: 42 });
    expect([...a.community]).toEqual([...b.community]);
    expect(a.modularity).toBe(b.modularity);
    expect(a.modularity).toBe(modularity(csr, a.community));
    // Default seed is 1.
    expect([...louvainCommunities(csr).community]).toEqual([...louvainCommunities(csr, { seed: 1 }).community]);
    // Renumbering invariants: sizes non-increasing, ties by smallest index.
    const sizes = new Array<number>(a.count).fill(0);
    const first = new Array<number>(a.count).fill(-1);
    a.community.forEach((c, i) => {
      sizes[c]!++;
      if (first[c] === -1) first[c] = i;
    });
    for (let c = 1; c < a.count; c++) {
      expect(sizes[c - 1]! > sizes[c]! || (sizes[c - 1] === sizes[c] && first[c - 1]! < first[c]!)).toBe(true);
    }
    // Louvain on a sparse random graph finds real structure.
    expect(a.modularity).toBeGreaterThan(0.4);
    // Different seeds are allowed to differ but must stay good.
    const c = louvainCommunities(csr, { seed: 7 });
    expect(c.modularity).toBeGreaterThan(a.modularity - 0.05);
  });

  it('resolution and weights are passed through', () => {
    // Path weighted 1, 10, 1: weighted, the heavy middle edge holds 1 and 2 together.
    const csr = csrOf(4, [[0, 1, 1], [1, 2, 10], [2, 3, 1]]);
    const w = louvainCommunities(csr);
    expect(w.community[1]).toBe(w.community[2]);
    expect(w.modularity).toBe(modularity(csr, w.community));
    const u = louvainCommunities(csr, { weighted: false });
    expect(u.modularity).toBe(modularity(csr, u.community, { weighted: false }));
    // A tiny resolution merges everything in a connected graph; a huge one splits it.
    expect(louvainCommunities(small('barbell'), { resolution: 0.01 }).count).toBe(1);
    expect(louvainCommunities(small('barbell'), { resolution: 10 }).count).toBeGreaterThan(2);
  });

  it('finds partitions as good as graphology-communities-louvain and NetworkX-style planted structure', () => {
    // Planted partition: 8 groups of 40 nodes, dense inside, sparse across.
    const rng = createRng(5);
    const groups = 8;
    const size = 40;
    const edges: Edge[] = [];
    for (let u = 0; u < groups * size; u++) {
      for (let v = u + 1; v < groups * size; v++) {
        const same = Math.floor(u / size) === Math.floor(v / size);
        if (rng() < (same ? 0.25 : 0.004)) edges.push([u, v, 1 + Math.floor(rng() * 3)] as const);
      }
    }
    const csr = csrOf(groups * size, edges);
    const ours = louvainCommunities(csr);
    // The planted groups are recovered (up to a few nodes).
    const planted = Int32Array.from({ length: groups * size }, (_, i) => Math.floor(i / size));
    expect(ours.modularity).toBeGreaterThanOrEqual(modularity(csr, planted) - 1e-9);
    // And as good as graphology-communities-louvain on the same graph, over several seeds.
    for (const g of [csr, csrOf(300, randomEdges(300, 0.02, createRng(3)))]) {
      const graph = new UndirectedGraph();
      for (let i = 0; i < g.n; i++) graph.addNode(String(i));
      for (let u = 0; u < g.n; u++) for (let k = g.offsets[u]!; k < g.offsets[u + 1]!; k++) if (g.targets[k]! > u) graph.addEdge(String(u), String(g.targets[k]!), { weight: g.weights[k]! });
      for (const seed of [1, 2, 3]) {
        const mapping = graphologyLouvain(graph, { rng: createRng(seed) });
        const theirs = modularity(g, Int32Array.from({ length: g.n }, (_, i) => mapping[String(i)]!));
        expect(louvainCommunities(g, { seed }).modularity).toBeGreaterThan(theirs - 0.01);
      }
    }
  });

  it('does not depend on node keys', () => {
    const ids = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'x'];
    const r = louvainCommunities(withIds(small('twoTriangles'), ids));
    expect([...r.community]).toEqual([0, 0, 0, 1, 1, 1]);
  });
});

describe('renumberCommunities', () => {
  it('orders by size descending, then smallest index', () => {
    expect(renumberCommunities([9, 4, 4, 9, 7, 4, 7])).toEqual({ community: Int32Array.from([1, 0, 0, 1, 2, 0, 2]), count: 3 });
    expect(renumberCommunities([])).toEqual({ community: new Int32Array(0), count: 0 });
  });
});

describe('communityCrosstab', () => {
  it('tidy rows and per-community summaries', () => {
    const t = communityCrosstab([0, 0, 0, 1, 1, 1, 2], ['X', 'X', 'Y', 'Y', 'Y', undefined, '__proto__']);
    expect(t.rows).toEqual([
      { community: 0, group: 'X', count: 2 },
      { community: 0, group: 'Y', count: 1 },
      { community: 1, group: 'Y', count: 2 },
      { community: 1, group: null, count: 1 },
      { community: 2, group: '__proto__', count: 1 },
    ]);
    expect(t.communities).toEqual([
      { community: 0, size: 3, groups: 2, ungrouped: 0, crossesGroups: true, dominantGroup: 'X' },
      { community: 1, size: 3, groups: 1, ungrouped: 1, crossesGroups: false, dominantGroup: 'Y' },
      { community: 2, size: 1, groups: 1, ungrouped: 0, crossesGroups: false, dominantGroup: '__proto__' },
    ]);
  });

  it('ties in the dominant group go to the smaller label; short group arrays read as ungrouped', () => {
    const t = communityCrosstab([3, 3, 3, 3], ['b', 'a', 'constructor']);
    expect(t.rows).toEqual([
      { community: 3, group: 'a', count: 1 },
      { community: 3, group: 'b', count: 1 },
      { community: 3, group: 'constructor', count: 1 },
      { community: 3, group: null, count: 1 },
    ]);
    expect(t.communities[0]).toEqual({ community: 3, size: 4, groups: 3, ungrouped: 1, crossesGroups: true, dominantGroup: 'a' });
    expect(communityCrosstab([], [])).toEqual({ rows: [], communities: [] });
  });

  it('counts add up on a Louvain partition', () => {
    const r = louvainCommunities(small('barbell'));
    const groups = ['A', 'A', 'A', 'A', 'B', 'C', 'C', 'C', 'C'];
    const t = communityCrosstab(r.community, groups);
    expect(t.rows.reduce((s, row) => s + row.count, 0)).toBe(9);
    expect(t.communities.map((c) => c.size)).toEqual([5, 4]);
    // Node 4 (group B) joins one of the cliques (which one depends on the seed):
    // that community crosses groups, the other does not.
    const [big, other] = r.community[0] === 0 ? ['A', 'C'] : ['C', 'A'];
    expect(t.communities[0]).toMatchObject({ groups: 2, crossesGroups: true, dominantGroup: big });
    expect(t.communities[1]).toMatchObject({ groups: 1, crossesGroups: false, dominantGroup: other });
  });
});
