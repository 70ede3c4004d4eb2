import { describe, expect, it } from 'vitest';
import { degreeCentrality, strength } from '../../src/metrics/degree.js';
import {
  HAND,
  NX_TOL,
  csrOf,
  expectClose,
  expected,
  expectNonTrivial,
  fixtureCsr,
  networkxFixture,
  sameBits,
} from './centrality-helpers.js';

describe('degreeCentrality (raw neighbour count)', () => {
  it('hand-computed graphs', () => {
    // P4 0-1-2-3: ends have 1 neighbour, inner nodes 2.
    expectClose(degreeCentrality(HAND.p4()), [1, 2, 2, 1]);
    // P5: 1, 2, 2, 2, 1.
    expectClose(degreeCentrality(HAND.p5()), [1, 2, 2, 2, 1]);
    // K1,4: centre 4 (NOT 4 / (n-1) = 1 as nx.degree_centrality), leaves 1.
    expectClose(degreeCentrality(HAND.star()), [4, 1, 1, 1, 1]);
    // Barbell: clique nodes 3, gates 3 + 1 = 4, middle 2.
    expectClose(degreeCentrality(HAND.barbell()), [3, 3, 3, 4, 2, 4, 3, 3, 3]);
    // Two triangles + bridge: 2, 2, 3 | 3, 2, 2.
    expectClose(degreeCentrality(HAND.bridge()), [2, 2, 3, 3, 2, 2]);
    expectClose(degreeCentrality(HAND.pairs()), [1, 1, 1, 1]);
    expectClose(degreeCentrality(HAND.single()), [0]);
    expect(degreeCentrality(HAND.empty())).toEqual(new Float64Array(0));
  });

  it('counts distinct neighbours, ignoring weights', () => {
    // Weighted star: degree is still the neighbour count.
    const csr = csrOf(3, [[0, 1, 5], [0, 2, 0.5]]);
    expectClose(degreeCentrality(csr), [2, 1, 1]);
  });
});

describe('strength (sum of incident weights)', () => {
  it('hand-computed graphs', () => {
    // Unweighted graphs: every weight is 1, strength = degree.
    expectClose(strength(HAND.star()), [4, 1, 1, 1, 1]);
    expectClose(strength(HAND.barbell()), [3, 3, 3, 4, 2, 4, 3, 3, 3]);
    expectClose(strength(HAND.single()), [0]);
    expect(strength(HAND.empty())).toEqual(new Float64Array(0));
    // Weighted P4 with weights 2, 0.5, 3: node 1 = 2 + 0.5 = 2.5, node 2 = 0.5 + 3 = 3.5.
    expectClose(strength(csrOf(4, [[0, 1, 2], [1, 2, 0.5], [2, 3, 3]])), [2, 2.5, 3.5, 3]);
    // Two disconnected pairs, weights 4 and 0.25.
    expectClose(strength(csrOf(4, [[0, 1, 4], [2, 3, 0.25]])), [4, 4, 0.25, 0.25]);
    // Bridge graph with the bridge weighted 10: 2, 2, 2 + 10 = 12 | 12, 2, 2.
    const bridge = csrOf(6, [[0, 1], [0, 2], [1, 2], [2, 3, 10], [3, 4], [3, 5], [4, 5]]);
    expectClose(strength(bridge), [2, 2, 12, 12, 2, 2]);
  });
});

describe('degree and strength vs NetworkX', () => {
  for (const g of networkxFixture().graphs) {
    it(g.name, () => {
      const csr = fixtureCsr(g);
      const deg = degreeCentrality(csr);
      const str = strength(csr);
      expectNonTrivial(expected(g, 'degree'), 'degree');
      expectClose(deg, expected(g, 'degree'), NX_TOL, 'degree');
      expectClose(str, expected(g, 'strength'), NX_TOL, 'strength');
      expect(sameBits(str, strength(csr))).toBe(true);
    });
  }
});
