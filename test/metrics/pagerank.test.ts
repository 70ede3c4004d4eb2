import { describe, expect, it } from 'vitest';
import { pagerank, pagerankDetailed } from '../../src/metrics/pagerank.js';
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

/** Iterate to the exact stationary vector for the closed forms below. */
const exact = { tolerance: 1e-15, maxIterations: 100_000 } as const;
const sum = (xs: Float64Array) => xs.reduce((a, b) => a + b, 0);

// Notation: α = 0.85, n nodes, teleport (1 − α)/n; a node v receives
// α · x_u / k_u from each neighbour u (unweighted) plus its teleport share.
describe('pagerank: hand-computed (α = 0.85)', () => {
  it('path P4', () => {
    // Ends a, inner b; teleport 0.15/4 = 0.0375.
    //   a = 0.0375 + 0.85 · b/2,  and 2a + 2b = 1 ⇒ 0.5 − b = 0.0375 + 0.425b
    //   ⇒ b = 0.4625/1.425 = 0.324561…, a = 0.5 − b = 0.175438…
    const b = 0.4625 / 1.425;
    const a = 0.5 - b;
    expectClose(pagerank(HAND.p4(), exact), [a, b, b, a], 1e-12);
  });

  it('path P5', () => {
    // Ends a, next b, centre c; teleport 0.03.
    //   a = 0.03 + 0.425b,  c = 0.03 + 0.85b (two neighbours × b/2),
    //   b = 0.03 + 0.85a + 0.425c = 0.06825 + 0.7225b ⇒ b = 0.06825/0.2775.
    const b = 0.06825 / 0.2775; // 0.245945…
    const a = 0.03 + 0.425 * b; // 0.134527…
    const c = 0.03 + 0.85 * b; // 0.239054…
    expectClose(pagerank(HAND.p5(), exact), [a, b, c, b, a], 1e-12);
  });

  it('star K1,4', () => {
    // Centre c, leaves l; teleport 0.03.
    //   c = 0.03 + 0.85 · 4l,  l = 0.03 + 0.85 · c/4
    //   ⇒ c = 0.03 + 0.102 + 0.7225c ⇒ c = 0.132/0.2775 = 0.475675…, l = (1 − c)/4.
    const c = 0.132 / 0.2775;
    const l = (1 - c) / 4;
    expectClose(pagerank(HAND.star(), exact), [c, l, l, l, l], 1e-12);
  });

  it('barbell', () => {
    // Clique nodes a (degree 3), gates g (degree 4), middle m (degree 2); t = 0.15/9.
    //   a = t + 0.85 (2a/3 + g/4)
    //   g = t + 0.85 (3a/3 + m/2)
    //   m = t + 0.85 (2g/4)
    // Substituting m = t + 0.425g into g: g (1 − 0.180625) = 1.425t + 0.85a.
    // Substituting g into a: a (1 − 0.85·2/3) = t + 0.2125 (1.425t + 0.85a)/0.819375.
    const t = 0.15 / 9;
    const a = (t + (0.2125 * 1.425 * t) / 0.819375) / (1 - (0.85 * 2) / 3 - (0.2125 * 0.85) / 0.819375);
    const g = (1.425 * t + 0.85 * a) / 0.819375;
    const m = t + 0.425 * g;
    expect(6 * a + 2 * g + m).toBeCloseTo(1, 12); // a distribution
    // a ≈ 0.107220, g ≈ 0.140213, m ≈ 0.076257
    expectClose(pagerank(HAND.barbell(), exact), [a, a, a, g, m, g, a, a, a], 1e-12);
  });

  it('two triangles joined by a bridge', () => {
    // Degree-2 nodes a, bridge ends g (degree 3); teleport 0.15/6 = 0.025.
    //   a = 0.025 + 0.85 (a/2 + g/3), with 4a + 2g = 1 ⇒ g = (1 − 4a)/2:
    //   a = 0.025 + 0.425a + 0.85(1 − 4a)/6 ⇒ a (1 − 0.425 + 3.4/6) = 0.025 + 0.85/6
    //   ⇒ a = 20/137 = 0.145985…, g = 57/274 = 0.208029…
    expectClose(pagerank(HAND.bridge(), exact), [20 / 137, 20 / 137, 57 / 274, 57 / 274, 20 / 137, 20 / 137], 1e-12);
  });

  it('disconnected and dangling (isolated) nodes', () => {
    // Two pairs: symmetric, 1/4 each (already the start vector: converges at once).
    expectClose(pagerank(HAND.pairs()), [0.25, 0.25, 0.25, 0.25], 1e-15);
    // Triangle + isolated node 3 (dangling: its mass is spread over all 4 nodes).
    //   i = 0.0375 + 0.85 · i/4  ⇒ i = 0.0375/0.7875 = 1/21
    //   t = (1 − i)/3 = 20/63; check: 0.0375 + 0.85 (2 · t/2 + i/4) = 20/63.
    const tri = pagerank(csrOf(4, [[0, 1], [0, 2], [1, 2]]), exact);
    expectClose(tri, [20 / 63, 20 / 63, 20 / 63, 1 / 21], 1e-12);
    // Edgeless graph: every node dangling, 0.85 · (1 · 1/3) + 0.05 = 1/3.
    expectClose(pagerank(csrOf(3, [])), [1 / 3, 1 / 3, 1 / 3], 1e-15);
  });

  it('single node, empty graph', () => {
    // One dangling node: 0.85 · 1 + 0.15 = 1.
    expectClose(pagerank(HAND.single()), [1], 1e-15);
    const empty = pagerankDetailed(HAND.empty());
    expect(empty.values).toEqual(new Float64Array(0));
    expect(empty.converged).toBe(true);
  });

  it('weights are strengths and used by default', () => {
    // P3 with w(0,1) = 1, w(1,2) = 3: node 1 sends 1/4 of its mass to 0, 3/4 to 2.
    //   x0 = 0.05 + 0.85 · x1/4,  x2 = 0.05 + 0.85 · 3x1/4,  x1 = 0.05 + 0.85 (x0 + x2)
    //   ⇒ x1 = 0.05 + 0.85 (1 − x1) ⇒ x1 = 0.9/1.85 = 0.486486…,
    //   x0 = 0.05 + 0.2125 x1 = 0.153378…, x2 = 0.05 + 0.6375 x1 = 0.360135…
    const csr = csrOf(3, [[0, 1, 1], [1, 2, 3]]);
    const x1 = 0.9 / 1.85;
    expectClose(pagerank(csr, exact), [0.05 + 0.2125 * x1, x1, 0.05 + 0.6375 * x1], 1e-12);
    // weighted: false: symmetric P3, ends (1 − x1)/2 each.
    expectClose(pagerank(csr, { ...exact, weighted: false }), [(1 - x1) / 2, x1, (1 - x1) / 2], 1e-12);
  });

  it('alpha: 0 gives the uniform vector; the result is always a distribution', () => {
    expectClose(pagerank(HAND.star(), { alpha: 0 }), [0.2, 0.2, 0.2, 0.2, 0.2], 1e-15);
    for (const make of Object.values(HAND)) {
      const x = pagerank(make());
      if (x.length > 0) expect(sum(x)).toBeCloseTo(1, 12);
    }
  });

  it('no convergence: no throw, last iterate, converged = false', () => {
    const r = pagerankDetailed(HAND.star(), { maxIterations: 2 });
    expect(r.converged).toBe(false);
    expect(r.iterations).toBe(2);
    expectFinite(r.values);
    expect(sum(r.values)).toBeCloseTo(1, 12);
  });

  it('huge weights do not overflow to NaN', () => {
    const csr = csrOf(3, [[0, 1, 1e308], [1, 2, 1e308]]);
    const x = pagerank(csr, exact);
    expectFinite(x);
    expectClose(x, pagerank(csrOf(3, [[0, 1], [1, 2]]), exact), 1e-12);
  });

  it('rejects nonsense options', () => {
    expect(() => pagerank(HAND.p4(), { alpha: 1.5 })).toThrow(RangeError);
    expect(() => pagerank(HAND.p4(), { alpha: Number.NaN })).toThrow(RangeError);
    expect(() => pagerank(HAND.p4(), { tolerance: Number.NaN })).toThrow(RangeError);
    expect(() => pagerank(HAND.p4(), { maxIterations: -1 })).toThrow(RangeError);
  });
});

describe('pagerank vs NetworkX', () => {
  const fixture = networkxFixture();
  for (const g of fixture.graphs) {
    it(g.name, () => {
      const csr = fixtureCsr(g);
      for (const [key, options] of [
        ['pagerank', {}], // nx.pagerank(G, alpha=0.85), weight='weight'
        ['pagerank_unweighted', { weighted: false }],
        ['pagerank_tight', { tolerance: fixture.tight_tolerance, maxIterations: 100_000 }],
        ['pagerank_alpha_0_6_unweighted', { alpha: 0.6, weighted: false }],
      ] as const) {
        const r = pagerankDetailed(csr, options);
        expect(r.converged, key).toBe(true);
        expectFinite(r.values);
        expectNonTrivial(expected(g, key), `${g.name} ${key}`);
        expectClose(r.values, expected(g, key), NX_TOL, `${g.name} ${key}`);
        expect(sum(r.values)).toBeCloseTo(1, 9);
        expect(sameBits(r.values, pagerank(csr, options)), 'deterministic').toBe(true);
      }
    });
  }

  it('the reference discriminates the conventions (a wrong one would fail)', () => {
    let weighted = 0;
    let alpha = 0;
    let stopping = 0;
    for (const g of fixture.graphs) {
      weighted = Math.max(weighted, maxAbsDiff(expected(g, 'pagerank'), expected(g, 'pagerank_unweighted')));
      alpha = Math.max(alpha, maxAbsDiff(expected(g, 'pagerank_unweighted'), expected(g, 'pagerank_alpha_0_6_unweighted')));
      stopping = Math.max(stopping, maxAbsDiff(expected(g, 'pagerank'), expected(g, 'pagerank_tight')));
    }
    expect(weighted).toBeGreaterThan(1e-3);
    expect(alpha).toBeGreaterThan(1e-3);
    // NetworkX's default stopping rule leaves a few 1e-6 of truncation error.
    expect(stopping).toBeGreaterThan(1e-6);
  });
});
