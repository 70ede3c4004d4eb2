import { describe, expect, it } from 'vitest';
import { betweennessCentrality } from '../../src/metrics/betweenness.js';
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

const raw = { normalized: false } as const;

describe('betweennessCentrality: hand-computed (unweighted)', () => {
  it('path P4', () => {
    // 0-1-2-3. Node 1 is inside the shortest paths of {0,2} and {0,3}: 2 pairs.
    // Node 2 likewise ({1,3}, {0,3}). Ends: 0.
    expectClose(betweennessCentrality(HAND.p4(), raw), [0, 2, 2, 0]);
    // Normalised: divide by (n-1)(n-2)/2 = 3·2/2 = 3 → 2/3.
    expectClose(betweennessCentrality(HAND.p4()), [0, 2 / 3, 2 / 3, 0]);
  });

  it('path P5', () => {
    // Node 1: {0,2},{0,3},{0,4} = 3. Node 2: {0,3},{0,4},{1,3},{1,4} = 4. Node 3: 3.
    expectClose(betweennessCentrality(HAND.p5(), raw), [0, 3, 4, 3, 0]);
    // (n-1)(n-2)/2 = 4·3/2 = 6 → 3/6, 4/6, 3/6.
    expectClose(betweennessCentrality(HAND.p5()), [0, 0.5, 2 / 3, 0.5, 0]);
  });

  it('star K1,4', () => {
    // Centre is on every leaf pair: C(4,2) = 6. Normalised 6 / (4·3/2) = 1.
    expectClose(betweennessCentrality(HAND.star(), raw), [6, 0, 0, 0, 0]);
    expectClose(betweennessCentrality(HAND.star()), [1, 0, 0, 0, 0]);
  });

  it('barbell (two K4 through a middle node)', () => {
    // Gate 3: pairs {0,1,2} × {4,5,6,7,8} = 3·5 = 15. Middle 4: {0,1,2,3} ×
    // {5,6,7,8} = 16. Gate 5: 15. Clique nodes: 0 (their pairs are adjacent
    // or go through the gate). Normaliser (n-1)(n-2)/2 = 8·7/2 = 28.
    expectClose(betweennessCentrality(HAND.barbell(), raw), [0, 0, 0, 15, 16, 15, 0, 0, 0]);
    expectClose(betweennessCentrality(HAND.barbell()), [0, 0, 0, 15 / 28, 16 / 28, 15 / 28, 0, 0, 0]);
  });

  it('two triangles joined by a bridge', () => {
    // Node 2: pairs {0,1} × {3,4,5} = 6; node 3 likewise. Normaliser 5·4/2 = 10.
    expectClose(betweennessCentrality(HAND.bridge(), raw), [0, 0, 6, 6, 0, 0]);
    expectClose(betweennessCentrality(HAND.bridge()), [0, 0, 0.6, 0.6, 0, 0]);
  });

  it('two disconnected pairs, single node, empty graph', () => {
    // No node lies between two others.
    expectClose(betweennessCentrality(HAND.pairs()), [0, 0, 0, 0]);
    expectClose(betweennessCentrality(HAND.pairs(), raw), [0, 0, 0, 0]);
    // n ≤ 2: no rescaling (NetworkX returns 0 without dividing by (n-1)(n-2) = 0).
    expectClose(betweennessCentrality(HAND.single()), [0]);
    expectClose(betweennessCentrality(csrOf(2, [[0, 1]])), [0, 0]);
    expectClose(betweennessCentrality(csrOf(2, [[0, 1]]), raw), [0, 0]);
    expect(betweennessCentrality(HAND.empty())).toEqual(new Float64Array(0));
    expect(betweennessCentrality(HAND.empty(), { weighted: true })).toEqual(new Float64Array(0));
  });

  it('disconnected graph with an isolated node keeps the whole-graph normaliser', () => {
    // P3 0-1-2 plus isolated node 3: node 1 is on {0,2} → 1 (unnormalised);
    // normalised by (n-1)(n-2)/2 = 3·2/2 = 3 (n = 4, not the component size 3).
    const csr = csrOf(4, [[0, 1], [1, 2]]);
    expectClose(betweennessCentrality(csr, raw), [0, 1, 0, 0]);
    expectClose(betweennessCentrality(csr), [0, 1 / 3, 0, 0]);
  });
});

describe('betweennessCentrality: weighted (weight = strength, length = 1/weight)', () => {
  it('strong ties are short: the strong detour wins over the weak direct route', () => {
    // Square 0-1-2-3-0: weights 0-1: 2, 1-2: 2 (lengths 0.5 + 0.5 = 1) and
    // 2-3: 1, 3-0: 1 (lengths 1 + 1 = 2). Pair {0,2}: only via 1 → node 1
    // gets 1; pair {1,3}: via 0 (0.5 + 1 = 1.5) or via 2 (0.5 + 1 = 1.5), a
    // tie → 0.5 each to nodes 0 and 2. Node 3: 0.
    const csr = csrOf(4, [[0, 1, 2], [1, 2, 2], [2, 3, 1], [3, 0, 1]]);
    expectClose(betweennessCentrality(csr, { weighted: true, normalized: false }), [0.5, 1, 0.5, 0]);
    // Unweighted, {0,2} and {1,3} both split 0.5 / 0.5.
    expectClose(betweennessCentrality(csr, raw), [0.5, 0.5, 0.5, 0.5]);
    // Read as distances (graphology-metrics' convention) node 3 would carry {0,2}.
  });

  it('exact floating-point ties are counted as two shortest paths', () => {
    // Cycle 0-1-2-3-4-0: weights 3 on 0-1, 1-2, 2-3 (length 1/3 each) and 2 on
    // 3-4, 4-0 (length 1/2). Pair {0,3}: 1/3 + 1/3 + 1/3 === 1 in doubles, and
    // 1/2 + 1/2 === 1: two shortest paths, σ = 2 → nodes 1, 2, 4 get 0.5 each.
    // {0,2}: via 1 = 2/3 < via 4,3 = 4/3 → node 1 +1. {1,3}: via 2 = 2/3 → node 2 +1.
    // {1,4}: via 0 = 1/3 + 1/2 = 5/6 < via 2,3 = 7/6 → node 0 +1.
    // {2,4}: via 3 = 5/6 → node 3 +1. Totals: [1, 1.5, 1.5, 1, 0.5] (= NetworkX).
    const csr = csrOf(5, [[0, 1, 3], [1, 2, 3], [2, 3, 3], [3, 4, 2], [4, 0, 2]]);
    expect(1 / 3 + 1 / 3 + 1 / 3).toBe(1);
    expectClose(betweennessCentrality(csr, { weighted: true, normalized: false }), [1, 1.5, 1.5, 1, 0.5], 0);
    // Normalised by (n-1)(n-2) = 12 for the ordered-pair sum = 2 × the above.
    expectClose(
      betweennessCentrality(csr, { weighted: true }),
      [2 / 12, 3 / 12, 3 / 12, 2 / 12, 1 / 12],
      1e-15,
    );
  });

  it('mathematically equal but float-unequal paths are NOT ties (as NetworkX)', () => {
    // Triangle: 0-1 weight 10 (length 0.1), 1-2 weight 5 (length 0.2), 0-2 weight
    // 1/0.3 (length 1/(1/0.3) = 0.3). 0.1 + 0.2 = 0.30000000000000004 > 0.3, so the
    // direct edge is the only shortest 0-2 path and node 1 scores 0 (NetworkX: 0).
    expect(0.1 + 0.2).toBeGreaterThan(1 / (1 / 0.3));
    const inexact = csrOf(3, [[0, 1, 10], [1, 2, 5], [0, 2, 1 / 0.3]]);
    expectClose(betweennessCentrality(inexact, { weighted: true, normalized: false }), [0, 0, 0], 0);
    // Control: lengths 0.25 + 0.25 === 0.5 exactly (weights 4, 4 vs 2): a real
    // tie, so node 1 is on one of the two shortest 0-2 paths → 0.5 (NetworkX: 0.5).
    const exact = csrOf(3, [[0, 1, 4], [1, 2, 4], [0, 2, 2]]);
    expectClose(betweennessCentrality(exact, { weighted: true, normalized: false }), [0, 0.5, 0], 0);
  });

  it('hand graphs with unit weights equal the unweighted values', () => {
    for (const [name, make] of Object.entries(HAND)) {
      const csr = make();
      expectClose(
        betweennessCentrality(csr, { weighted: true }),
        betweennessCentrality(csr),
        1e-12,
        name,
      );
    }
  });
});

describe('betweennessCentrality vs NetworkX', () => {
  const fixture = networkxFixture();
  for (const g of fixture.graphs) {
    it(g.name, () => {
      const csr = fixtureCsr(g);
      const cases = [
        ['betweenness', {}],
        ['betweenness_unnormalized', { normalized: false }],
        ['betweenness_weighted', { weighted: true }],
        ['betweenness_weighted_unnormalized', { weighted: true, normalized: false }],
      ] as const;
      for (const [key, options] of cases) {
        const values = betweennessCentrality(csr, options);
        expectFinite(values);
        expectNonTrivial(expected(g, key), `${g.name} ${key}`);
        expectClose(values, expected(g, key), NX_TOL, `${g.name} ${key}`);
        expect(sameBits(values, betweennessCentrality(csr, options)), 'deterministic').toBe(true);
      }
    });
  }

  it('the reference discriminates the conventions (a wrong one would fail)', () => {
    let weightedVsUnweighted = 0;
    let distanceConvention = 0;
    for (const g of fixture.graphs) {
      const reference = expected(g, 'betweenness_weighted');
      weightedVsUnweighted = Math.max(weightedVsUnweighted, maxAbsDiff(reference, expected(g, 'betweenness')));
      // Reading weights as distances (graphology-metrics' convention) = feeding
      // 1/w to our strength-based kernel.
      const asDistance = betweennessCentrality(fixtureCsr(g, (w) => 1 / w), { weighted: true });
      distanceConvention = Math.max(distanceConvention, maxAbsDiff(asDistance, reference));
      // Normalised vs raw differ by the factor 2 / ((n-1)(n-2)).
      expect(maxAbsDiff(expected(g, 'betweenness'), expected(g, 'betweenness_unnormalized'))).toBeGreaterThan(1e-3);
    }
    expect(weightedVsUnweighted).toBeGreaterThan(1e-2);
    expect(distanceConvention).toBeGreaterThan(1e-2);
  });
});
