import { describe, expect, it } from 'vitest';
import { closenessCentrality } from '../../src/metrics/closeness.js';
import {
  HAND,
  NX_TOL,
  csrOf,
  expectClose,
  expected,
  expectFinite,
  expectNonTrivial,
  fixtureCsr,
  maxAbsDiff,
  networkxFixture,
  sameBits,
} from './centrality-helpers.js';

describe('closenessCentrality: hand-computed (unweighted)', () => {
  it('paths', () => {
    // P4 0-1-2-3: node 0 distances 1 + 2 + 3 = 6 → (n-1)/6 = 3/6 = 0.5;
    // node 1: 1 + 1 + 2 = 4 → 3/4.
    expectClose(closenessCentrality(HAND.p4()), [0.5, 0.75, 0.75, 0.5]);
    // P5: node 0: 1+2+3+4 = 10 → 4/10; node 1: 1+1+2+3 = 7 → 4/7; node 2: 1+1+2+2 = 6 → 4/6.
    expectClose(closenessCentrality(HAND.p5()), [0.4, 4 / 7, 2 / 3, 4 / 7, 0.4]);
  });

  it('star K1,4', () => {
    // Centre: 4 × 1 = 4 → 4/4 = 1. Leaf: 1 (centre) + 3 × 2 = 7 → 4/7.
    expectClose(closenessCentrality(HAND.star()), [1, 4 / 7, 4 / 7, 4 / 7, 4 / 7]);
  });

  it('barbell', () => {
    // Clique node 0: 3 × 1 (own K4, incl. gate 3) + 2 (middle) + 3 (gate 5)
    // + 3 × 4 (far clique) = 20 → 8/20 = 0.4.
    // Gate 3: 3 × 1 + 1 (middle) + 2 (gate 5) + 3 × 3 = 15 → 8/15.
    // Middle 4: 2 × 1 (gates) + 6 × 2 = 14 → 8/14 = 4/7.
    expectClose(closenessCentrality(HAND.barbell()), [0.4, 0.4, 0.4, 8 / 15, 4 / 7, 8 / 15, 0.4, 0.4, 0.4]);
  });

  it('two triangles joined by a bridge', () => {
    // Node 0: 1 + 1 (own triangle) + 2 (node 3) + 3 + 3 = 10 → 5/10.
    // Node 2: 1 + 1 + 1 (node 3) + 2 + 2 = 7 → 5/7.
    expectClose(closenessCentrality(HAND.bridge()), [0.5, 0.5, 5 / 7, 5 / 7, 0.5, 0.5]);
  });

  it('disconnected: Wasserman–Faust scaling', () => {
    // Two pairs, n = 4: node 0 reaches r - 1 = 1 node at total distance 1:
    // (1 / 1) × (r - 1)/(n - 1) = 1 × 1/3.
    expectClose(closenessCentrality(HAND.pairs()), [1 / 3, 1 / 3, 1 / 3, 1 / 3]);
    // P3 + isolated node 3 (n = 4): node 1: 2/2 × 2/3 = 2/3; node 0: 2/3 × 2/3 = 4/9;
    // isolated node: distance sum 0 → 0.
    expectClose(closenessCentrality(csrOf(4, [[0, 1], [1, 2]])), [4 / 9, 2 / 3, 4 / 9, 0]);
  });

  it('single node, empty graph', () => {
    expectClose(closenessCentrality(HAND.single()), [0]);
    expectClose(closenessCentrality(HAND.single(), { weighted: true }), [0]);
    expect(closenessCentrality(HAND.empty())).toEqual(new Float64Array(0));
    expect(closenessCentrality(HAND.empty(), { weighted: true })).toEqual(new Float64Array(0));
  });
});

describe('closenessCentrality: weighted (length = 1/weight)', () => {
  it('P3 with strengths 2 and 4', () => {
    // 0-1 weight 2 (length 0.5), 1-2 weight 4 (length 0.25).
    // Node 0: 0.5 + 0.75 = 1.25 → 2/1.25 = 1.6. Node 1: 0.5 + 0.25 = 0.75 → 2/0.75.
    // Node 2: 0.25 + 0.75 = 1 → 2.
    const csr = csrOf(3, [[0, 1, 2], [1, 2, 4]]);
    expectClose(closenessCentrality(csr, { weighted: true }), [1.6, 2 / 0.75, 2]);
  });

  it('disconnected weighted pairs', () => {
    // Pair 0-1 weight 4 (length 0.25): (1 / 0.25) × 1/3 = 4/3; pair 2-3 weight 1: 1/3.
    const csr = csrOf(4, [[0, 1, 4], [2, 3, 1]]);
    expectClose(closenessCentrality(csr, { weighted: true }), [4 / 3, 4 / 3, 1 / 3, 1 / 3]);
  });

  it('unit weights equal the unweighted values on every hand graph', () => {
    for (const [name, make] of Object.entries(HAND)) {
      const csr = make();
      expectClose(closenessCentrality(csr, { weighted: true }), closenessCentrality(csr), 1e-12, name);
    }
  });
});

describe('closenessCentrality vs NetworkX', () => {
  const fixture = networkxFixture();
  for (const g of fixture.graphs) {
    it(g.name, () => {
      const csr = fixtureCsr(g);
      for (const [key, options] of [
        ['closeness', {}],
        ['closeness_weighted', { weighted: true }],
      ] as const) {
        const values = closenessCentrality(csr, options);
        expectFinite(values);
        expectNonTrivial(expected(g, key), `${g.name} ${key}`);
        expectClose(values, expected(g, key), NX_TOL, `${g.name} ${key}`);
        expect(sameBits(values, closenessCentrality(csr, options)), 'deterministic').toBe(true);
      }
    });
  }

  it('the reference discriminates the conventions (a wrong one would fail)', () => {
    let weighted = 0;
    let distance = 0;
    let withoutWf = 0;
    for (const g of fixture.graphs) {
      weighted = Math.max(weighted, maxAbsDiff(expected(g, 'closeness'), expected(g, 'closeness_weighted')));
      const asDistance = closenessCentrality(fixtureCsr(g, (w) => 1 / w), { weighted: true });
      distance = Math.max(distance, maxAbsDiff(asDistance, expected(g, 'closeness_weighted')));
      if (g.components > 1) {
        // Without the (r-1)/(n-1) factor (graphology's default) values differ.
        const ours = closenessCentrality(fixtureCsr(g));
        const reachable = reachableCounts(g.nodes.length, g.edges);
        const noWf = Array.from(ours, (c, i) =>
          reachable[i]! > 1 ? (c * (g.nodes.length - 1)) / (reachable[i]! - 1) : 0,
        );
        withoutWf = Math.max(withoutWf, maxAbsDiff(noWf, expected(g, 'closeness')));
      }
    }
    expect(weighted).toBeGreaterThan(1e-2);
    expect(distance).toBeGreaterThan(1e-2);
    expect(withoutWf).toBeGreaterThan(1e-2);
  });
});

/** Component size of each node (union–find). */
function reachableCounts(n: number, edges: readonly [number, number, number][]): number[] {
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x]!)));
  for (const [u, v] of edges) parent[find(u)] = find(v);
  const size = new Map<number, number>();
  for (let i = 0; i < n; i++) size.set(find(i), (size.get(find(i)) ?? 0) + 1);
  return Array.from({ length: n }, (_, i) => size.get(find(i))!);
}
