import { describe, expect, it } from 'vitest';
import { harmonicCentrality } from '../../src/metrics/harmonic.js';
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

describe('harmonicCentrality: hand-computed (unweighted, not normalised)', () => {
  it('paths', () => {
    // P4: node 0: 1 + 1/2 + 1/3 = 11/6; node 1: 1 + 1 + 1/2 = 5/2.
    expectClose(harmonicCentrality(HAND.p4()), [11 / 6, 2.5, 2.5, 11 / 6]);
    // P5: node 0: 1 + 1/2 + 1/3 + 1/4 = 25/12; node 1: 1 + 1 + 1/2 + 1/3 = 17/6;
    // node 2: 1 + 1 + 1/2 + 1/2 = 3.
    expectClose(harmonicCentrality(HAND.p5()), [25 / 12, 17 / 6, 3, 17 / 6, 25 / 12]);
  });

  it('star K1,4', () => {
    // Centre: 4 × 1 = 4. Leaf: 1 + 3 × 1/2 = 2.5.
    expectClose(harmonicCentrality(HAND.star()), [4, 2.5, 2.5, 2.5, 2.5]);
  });

  it('barbell', () => {
    // Clique node: 3 × 1 + 1/2 (middle) + 1/3 (gate 5) + 3 × 1/4 = 55/12.
    // Gate: 3 × 1 + 1 (middle) + 1/2 (gate 5) + 3 × 1/3 = 5.5.
    // Middle: 2 × 1 + 6 × 1/2 = 5.
    const a = 55 / 12;
    expectClose(harmonicCentrality(HAND.barbell()), [a, a, a, 5.5, 5, 5.5, a, a, a]);
  });

  it('two triangles joined by a bridge', () => {
    // Node 0: 1 + 1 + 1/2 + 1/3 + 1/3 = 19/6. Node 2: 1 + 1 + 1 + 1/2 + 1/2 = 4.
    const a = 19 / 6;
    expectClose(harmonicCentrality(HAND.bridge()), [a, a, 4, 4, a, a]);
  });

  it('disconnected graphs: unreachable nodes contribute 0', () => {
    // Two pairs: each node reaches one node at distance 1.
    expectClose(harmonicCentrality(HAND.pairs()), [1, 1, 1, 1]);
    // P3 + isolated node: 1 + 1/2, 2, 1 + 1/2, 0.
    expectClose(harmonicCentrality(csrOf(4, [[0, 1], [1, 2]])), [1.5, 2, 1.5, 0]);
  });

  it('single node, empty graph', () => {
    expectClose(harmonicCentrality(HAND.single()), [0]);
    expect(harmonicCentrality(HAND.empty())).toEqual(new Float64Array(0));
    expect(harmonicCentrality(HAND.empty(), { weighted: true })).toEqual(new Float64Array(0));
  });
});

describe('harmonicCentrality: weighted (length = 1/weight)', () => {
  it('P3 with strengths 2 and 4', () => {
    // Lengths 0.5 and 0.25. Node 0: 1/0.5 + 1/0.75 = 2 + 4/3. Node 1: 2 + 4 = 6.
    // Node 2: 4 + 4/3.
    const csr = csrOf(3, [[0, 1, 2], [1, 2, 4]]);
    expectClose(harmonicCentrality(csr, { weighted: true }), [2 + 4 / 3, 6, 4 + 4 / 3]);
  });

  it('unit weights equal the unweighted values on every hand graph', () => {
    for (const [name, make] of Object.entries(HAND)) {
      const csr = make();
      expectClose(harmonicCentrality(csr, { weighted: true }), harmonicCentrality(csr), 1e-12, name);
    }
  });
});

describe('harmonicCentrality vs NetworkX', () => {
  const fixture = networkxFixture();
  for (const g of fixture.graphs) {
    it(g.name, () => {
      const csr = fixtureCsr(g);
      for (const [key, options] of [
        ['harmonic', {}],
        ['harmonic_weighted', { weighted: true }],
      ] as const) {
        const values = harmonicCentrality(csr, options);
        expectFinite(values);
        expectNonTrivial(expected(g, key), `${g.name} ${key}`);
        expectClose(values, expected(g, key), NX_TOL, `${g.name} ${key}`);
        expect(sameBits(values, harmonicCentrality(csr, options)), 'deterministic').toBe(true);
      }
    });
  }

  it('the reference discriminates the conventions (a wrong one would fail)', () => {
    let weighted = 0;
    let distance = 0;
    let normalised = 0;
    for (const g of fixture.graphs) {
      const reference = expected(g, 'harmonic_weighted');
      weighted = Math.max(weighted, maxAbsDiff(expected(g, 'harmonic'), reference));
      const asDistance = harmonicCentrality(fixtureCsr(g, (w) => 1 / w), { weighted: true });
      distance = Math.max(distance, maxAbsDiff(asDistance, reference));
      const n = g.nodes.length;
      normalised = Math.max(
        normalised,
        maxAbsDiff(expected(g, 'harmonic').map((h) => h / (n - 1)), expected(g, 'harmonic')),
      );
    }
    expect(weighted).toBeGreaterThan(1e-2);
    expect(distance).toBeGreaterThan(1e-2);
    expect(normalised).toBeGreaterThan(1e-2);
  });
});
