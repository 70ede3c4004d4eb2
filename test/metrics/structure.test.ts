import { describe, expect, it } from 'vitest';
import { connectedComponents } from '../../src/metrics/components.js';
import { articulationPoints, bridges } from '../../src/metrics/articulation.js';
import { coreNumbers } from '../../src/metrics/k-core.js';
import type { Csr } from '../../src/metrics/csr.js';
import { createRng } from '../../src/metrics/random.js';
import { csrOf, randomEdges, small, type Edge } from './structure-graphs.js';

describe('connectedComponents', () => {
  it('hand fixtures', () => {
    for (const name of ['path', 'star', 'triangle', 'barbell', 'twoTriangles'] as const) {
      const c = connectedComponents(small(name));
      expect(c.count, name).toBe(1);
      expect([...c.labels].every((x) => x === 0), name).toBe(true);
    }
    // Two pairs: equal sizes → ordered by smallest index.
    const pairs = connectedComponents(small('twoPairs'));
    expect(pairs.count).toBe(2);
    expect(pairs.components).toEqual([[0, 1], [2, 3]]);
    expect([...pairs.labels]).toEqual([0, 0, 1, 1]);
    expect(connectedComponents(small('single')).components).toEqual([[0]]);
    const empty = connectedComponents(small('empty'));
    expect(empty.count).toBe(0);
    expect(empty.components).toEqual([]);
  });

  it('orders by size descending, then smallest index', () => {
    // {0,5} pair, {1,3,4} path, {2} isolated, {6,7} pair
    const c = connectedComponents(csrOf(8, [[0, 5], [1, 3], [3, 4], [6, 7]]));
    expect(c.components).toEqual([[1, 3, 4], [0, 5], [6, 7], [2]]);
    expect([...c.labels]).toEqual([1, 0, 3, 0, 0, 1, 2, 2]);
  });
});

describe('articulationPoints and bridges: hand fixtures', () => {
  it('path 0–1–2–3', () => {
    // Every edge is a bridge; inner nodes cut off one end each.
    expect(bridges(small('path'))).toEqual([[0, 1], [1, 2], [2, 3]]);
    expect(articulationPoints(small('path'))).toEqual([
      // removing 1 leaves {0} and {2,3}: main part {2,3}, 1 node cut off
      { node: 1, componentSize: 4, parts: 2, mainPartSize: 2, cutOff: 1, cutOffNodes: 1 },
      { node: 2, componentSize: 4, parts: 2, mainPartSize: 2, cutOff: 1, cutOffNodes: 1 },
    ]);
  });

  it('star: the centre splits into its leaves', () => {
    expect(bridges(small('star'))).toEqual([[0, 1], [0, 2], [0, 3]]);
    // Three singleton parts: main part is one leaf (tie → smallest index), 2 cut off.
    expect(articulationPoints(small('star'))).toEqual([
      { node: 0, componentSize: 4, parts: 3, mainPartSize: 1, cutOff: 2, cutOffNodes: 2 },
    ]);
  });

  it('triangle: none', () => {
    expect(bridges(small('triangle'))).toEqual([]);
    expect(articulationPoints(small('triangle'))).toEqual([]);
  });

  it('barbell K4 – 4 – K4', () => {
    expect(bridges(small('barbell'))).toEqual([[3, 4], [4, 5]]);
    expect(articulationPoints(small('barbell'))).toEqual([
      // 3: parts {0,1,2} and {4,…,8} → main 5 nodes, 3 cut off
      { node: 3, componentSize: 9, parts: 2, mainPartSize: 5, cutOff: 3, cutOffNodes: 3 },
      // 4: parts {0..3} and {5..8}, a tie → the part with the smaller index is main, 4 cut off
      { node: 4, componentSize: 9, parts: 2, mainPartSize: 4, cutOff: 4, cutOffNodes: 4 },
      { node: 5, componentSize: 9, parts: 2, mainPartSize: 5, cutOff: 3, cutOffNodes: 3 },
    ]);
  });

  it('two triangles joined by a bridge', () => {
    expect(bridges(small('twoTriangles'))).toEqual([[2, 3]]);
    expect(articulationPoints(small('twoTriangles'))).toEqual([
      // 2: parts {0,1} and {3,4,5} → 2 cut off; 3 mirrors it
      { node: 2, componentSize: 6, parts: 2, mainPartSize: 3, cutOff: 2, cutOffNodes: 2 },
      { node: 3, componentSize: 6, parts: 2, mainPartSize: 3, cutOff: 2, cutOffNodes: 2 },
    ]);
  });

  it('two pairs, single node, empty graph', () => {
    // Each pair's edge is a bridge, but removing a node of a pair leaves one part.
    expect(bridges(small('twoPairs'))).toEqual([[0, 1], [2, 3]]);
    expect(articulationPoints(small('twoPairs'))).toEqual([]);
    expect(bridges(small('single'))).toEqual([]);
    expect(articulationPoints(small('single'))).toEqual([]);
    expect(bridges(small('empty'))).toEqual([]);
    expect(articulationPoints(small('empty'))).toEqual([]);
  });

  it('countable restricts the count and picks the main part', () => {
    const barbell = small('barbell');
    // Only the right clique {5,6,7,8} counts. Removing 4 leaves {0..3} (0 countable) and
    // {5..8} (4 countable): the main part is the countable one despite the size tie,
    // so 0 countable nodes are cut off (4 nodes in all).
    const right = [5, 6, 7, 8];
    const r = articulationPoints(barbell, { countable: Array.from({ length: 9 }, (_, i) => right.includes(i)) });
    expect(r.find((x) => x.node === 4)).toEqual({ node: 4, componentSize: 9, parts: 2, mainPartSize: 4, cutOff: 0, cutOffNodes: 4 });
    // Removing 3 leaves {0,1,2} (0 countable) and {4..8} (4 countable) → 0 cut off.
    expect(r.find((x) => x.node === 3)).toMatchObject({ mainPartSize: 5, cutOff: 0, cutOffNodes: 3 });
    // Removing 5 leaves {0..4} (0 countable) and {6,7,8} (3 countable): the smaller
    // part is main because it holds the countable nodes → 0 cut off, 5 nodes cut off.
    expect(r.find((x) => x.node === 5)).toMatchObject({ mainPartSize: 3, cutOff: 0, cutOffNodes: 5 });

    // Star 0–{1,2,3} where only 1 and 2 count: main part {1} (1 countable, tie with {2}
    // broken by index); cut off: {2} countable, {2,3} nodes. The centre itself never counts.
    const s = articulationPoints(small('star'), { countable: [true, true, true, false] });
    expect(s).toEqual([{ node: 0, componentSize: 4, parts: 3, mainPartSize: 1, cutOff: 1, cutOffNodes: 2 }]);
    // A short countable array: missing entries are false.
    expect(articulationPoints(small('star'), { countable: [true] })[0]).toMatchObject({ cutOff: 0, cutOffNodes: 2 });
  });
});

/** Reference: remove each node / edge and count components (O(n·(n+m)), small graphs only). */
function bruteForce(n: number, edges: [number, number][]) {
  const comps = (skipNode: number, skipEdge: number) => {
    const adj = Array.from({ length: n }, () => [] as number[]);
    edges.forEach(([u, v], k) => {
      if (k === skipEdge || u === skipNode || v === skipNode) return;
      adj[u]!.push(v);
      adj[v]!.push(u);
    });
    const seen = new Int32Array(n).fill(-1);
    const sizes: number[] = [];
    for (let r = 0; r < n; r++) {
      if (r === skipNode || seen[r] !== -1) continue;
      const stack = [r];
      seen[r] = sizes.length;
      let size = 0;
      while (stack.length) {
        const v = stack.pop()!;
        size++;
        for (const w of adj[v]!) if (seen[w] === -1) (seen[w] = sizes.length), stack.push(w);
      }
      sizes.push(size);
    }
    return { count: sizes.length, seen, sizes };
  };
  const base = comps(-1, -1);
  const points: { node: number; parts: number; cutOffNodes: number }[] = [];
  for (let x = 0; x < n; x++) {
    const after = comps(x, -1);
    // x's own component lost x; parts = components (after) that were in x's component.
    const own = base.seen[x]!;
    const parts: number[] = [];
    after.sizes.forEach((size, k) => {
      const member = [...after.seen].findIndex((c) => c === k);
      if (base.seen[member] === own) parts.push(size);
    });
    if (parts.length >= 2) {
      points.push({ node: x, parts: parts.length, cutOffNodes: parts.reduce((a, b) => a + b, 0) - Math.max(...parts) });
    }
  }
  const cut: [number, number][] = [];
  edges.forEach(([u, v], k) => {
    if (comps(-1, k).count > base.count) cut.push(u < v ? [u, v] : [v, u]);
  });
  cut.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return { points, bridges: cut };
}

describe('articulation points and bridges vs brute force', () => {
  it('on 40 sparse random graphs', () => {
    const rng = createRng(7);
    let seen = 0;
    for (let t = 0; t < 40; t++) {
      const n = 2 + Math.floor(rng() * 25);
      const edges = randomEdges(n, 1.6 / n + rng() * 0.1, rng) as [number, number][];
      const csr = csrOf(n, edges);
      const ref = bruteForce(n, edges);
      expect(bridges(csr), `trial ${t}`).toEqual(ref.bridges);
      const got = articulationPoints(csr).map(({ node, parts, cutOffNodes }) => ({ node, parts, cutOffNodes }));
      expect(got, `trial ${t}`).toEqual(ref.points);
      seen += ref.points.length;
    }
    expect(seen).toBeGreaterThan(50);
  });

  it('handles a 200 000-node path and a 100 000-node cycle without recursion', () => {
    const n = 200_000;
    const path = pathCsr(n, false);
    const b = bridges(path);
    expect(b.length).toBe(n - 1);
    const ap = articulationPoints(path);
    expect(ap.length).toBe(n - 2);
    // Removing node k leaves parts of k and n − k − 1 nodes.
    expect(ap[0]).toEqual({ node: 1, componentSize: n, parts: 2, mainPartSize: n - 2, cutOff: 1, cutOffNodes: 1 });
    expect(ap[n / 2 - 1]!.cutOffNodes).toBe(n / 2 - 1);
    const cycle = pathCsr(100_000, true);
    expect(bridges(cycle)).toEqual([]);
    expect(articulationPoints(cycle)).toEqual([]);
    expect(connectedComponents(path).count).toBe(1);
    expect(coreNumbers(cycle).every((k) => k === 2)).toBe(true);
  });
});

/** Path 0–1–…–(n−1) (or cycle) built directly as a CSR: fast for large n. */
function pathCsr(n: number, cycle: boolean): Csr {
  const edges: Edge[] = [];
  for (let i = 0; i + 1 < n; i++) edges.push([i, i + 1]);
  if (cycle) edges.push([0, n - 1]);
  const lists = Array.from({ length: n }, () => [] as number[]);
  for (const [u, v] of edges) lists[u]!.push(v), lists[v]!.push(u);
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i]! + lists[i]!.length;
  const targets = new Int32Array(offsets[n]!);
  for (let i = 0; i < n; i++) targets.set(lists[i]!.sort((a, b) => a - b), offsets[i]!);
  const ids = Array.from({ length: n }, (_, i) => String(i));
  return {
    n,
    m: edges.length,
    ids,
    index: new Map(ids.map((id, i) => [id, i])),
    offsets,
    targets,
    weights: new Float64Array(targets.length).fill(1),
  };
}

describe('coreNumbers', () => {
  it('hand fixtures', () => {
    expect([...coreNumbers(small('path'))]).toEqual([1, 1, 1, 1]);
    expect([...coreNumbers(small('star'))]).toEqual([1, 1, 1, 1]);
    expect([...coreNumbers(small('triangle'))]).toEqual([2, 2, 2]);
    // K4 nodes: 3. Node 4 has degree 2 and both neighbours stay in the 2-core → 2.
    expect([...coreNumbers(small('barbell'))]).toEqual([3, 3, 3, 3, 2, 3, 3, 3, 3]);
    expect([...coreNumbers(small('twoTriangles'))]).toEqual([2, 2, 2, 2, 2, 2]);
    expect([...coreNumbers(small('twoPairs'))]).toEqual([1, 1, 1, 1]);
    expect([...coreNumbers(small('single'))]).toEqual([0]);
    expect(coreNumbers(small('empty')).length).toBe(0);
    // Triangle with a pendant and an isolated node: 2,2,2 | 1 | 0.
    expect([...coreNumbers(csrOf(5, [[0, 1], [1, 2], [0, 2], [2, 3]]))]).toEqual([2, 2, 2, 1, 0]);
  });

  it('matches the definition (repeated peeling) on random graphs', () => {
    const rng = createRng(99);
    for (let t = 0; t < 20; t++) {
      const n = 1 + Math.floor(rng() * 30);
      const edges = randomEdges(n, rng() * 0.4, rng);
      const csr = csrOf(n, edges);
      // k-core by peeling: core(v) = max k such that v survives removing nodes of degree < k.
      const expected = new Array<number>(n).fill(0);
      for (let k = 1; k <= n; k++) {
        const alive = new Array<boolean>(n).fill(true);
        let changed = true;
        while (changed) {
          changed = false;
          for (let v = 0; v < n; v++) {
            if (!alive[v]) continue;
            let d = 0;
            for (let j = csr.offsets[v]!; j < csr.offsets[v + 1]!; j++) if (alive[csr.targets[j]!]) d++;
            if (d < k) (alive[v] = false), (changed = true);
          }
        }
        alive.forEach((a, v) => a && (expected[v] = k));
      }
      expect([...coreNumbers(csr)], `trial ${t}`).toEqual(expected);
    }
  });
});
