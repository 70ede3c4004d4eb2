import { describe, expect, it } from 'vitest';
import { eigenvectorCentrality, eigenvectorCentralityDetailed } from '../../src/metrics/eigenvector.js';
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
  pathEdges,
  sameBits,
} from './centrality-helpers.js';

/** Iterate to the exact fixed point for the closed forms below. */
const exact = { tolerance: 1e-14, maxIterations: 100_000 } as const;

describe('eigenvectorCentrality: hand-computed (exact eigenvectors, unit Euclidean norm)', () => {
  it('paths', () => {
    // P4: λ = φ = (1 + √5)/2, x ∝ (1, φ, φ, 1); |x|² = 2 + 2φ² = 2φ + 4 (φ² = φ + 1).
    const phi = (1 + Math.sqrt(5)) / 2;
    const end = 1 / Math.sqrt(2 * phi + 4); // 0.371748…
    expectClose(eigenvectorCentrality(HAND.p4(), exact), [end, phi * end, phi * end, end], 1e-12);
    // P5: λ = √3, x ∝ (1, √3, 2, √3, 1); |x|² = 1 + 3 + 4 + 3 + 1 = 12.
    const s = Math.sqrt(12);
    expectClose(
      eigenvectorCentrality(HAND.p5(), exact),
      [1 / s, Math.sqrt(3) / s, 2 / s, Math.sqrt(3) / s, 1 / s],
      1e-12,
    );
  });

  it('star K1,4', () => {
    // λc = 4l, λl = c → λ = 2, c = 2l; c² + 4l² = 8l² = 1 → l = 1/(2√2), c = 1/√2.
    const l = 1 / (2 * Math.SQRT2);
    expectClose(eigenvectorCentrality(HAND.star(), exact), [2 * l, l, l, l, l], 1e-12);
  });

  it('barbell', () => {
    // By symmetry: clique nodes a, gates g, middle m.
    //   λa = 2a + g,  λg = 3a + m,  λm = 2g  ⇒  λ³ − 2λ² − 5λ + 4 = 0.
    // Largest root by bisection on [3, 4] (p(3) = −2, p(4) = 16): λ ≈ 3.177410.
    const p = (x: number) => x ** 3 - 2 * x ** 2 - 5 * x + 4;
    let lo = 3;
    let hi = 4;
    for (let i = 0; i < 200; i++) {
      const mid = (lo + hi) / 2;
      if (p(mid) < 0) lo = mid;
      else hi = mid;
    }
    const lambda = lo;
    expect(lambda).toBeCloseTo(3.17741, 5);
    // a = 1, g = λ − 2, m = 2g/λ, then divide by √(6a² + 2g² + m²).
    const g = lambda - 2;
    const m = (2 * g) / lambda;
    const norm = Math.sqrt(6 + 2 * g * g + m * m);
    const [A, G, M] = [1 / norm, g / norm, m / norm]; // 0.327529, 0.385635, 0.242736
    expectClose(eigenvectorCentrality(HAND.barbell(), exact), [A, A, A, G, M, G, A, A, A], 1e-12);
  });

  it('two triangles joined by a bridge', () => {
    // Degree-2 nodes a, bridge ends g: λa = a + g, λg = 2a + g ⇒ (λ − 1)² = 2,
    // λ = 1 + √2, g = √2 a; 4a² + 2·2a² = 8a² = 1 ⇒ a = 1/(2√2), g = 1/2.
    const a = 1 / (2 * Math.SQRT2);
    expectClose(eigenvectorCentrality(HAND.bridge(), exact), [a, a, 0.5, 0.5, a, a], 1e-12);
  });

  it('disconnected: the iteration from the uniform start decides (as NetworkX)', () => {
    // Two pairs: (A + I)x keeps x uniform, so every node stays 1/√4 = 0.5.
    const pairs = eigenvectorCentralityDetailed(HAND.pairs());
    expect(pairs.converged).toBe(true);
    expectClose(pairs.values, [0.5, 0.5, 0.5, 0.5], 1e-15);

    // Triangle + isolated node 3. Start 1/4 each; each step multiplies the
    // triangle by 3 (1 + 2 neighbours) and the isolated node by 1, so after k
    // steps x ∝ (1, 1, 1, 3^−k): x = (1, 1, 1, 3^−k) / √(3 + 3^−2k). The L1 change
    // ≈ 2·3^−k/√3 drops below n·tol = 4e−6 first at k = 12 (k = 11: 6.5e−6),
    // leaving 3^−12/√3 ≈ 1.0864e−6 on the isolated node — NetworkX returns
    // exactly 1.0863863894379338e−06 here.
    const tri = eigenvectorCentralityDetailed(csrOf(4, [[0, 1], [0, 2], [1, 2]]));
    expect(tri.iterations).toBe(12);
    const k = 3 ** -12;
    const d = Math.sqrt(3 + k * k);
    expectClose(tri.values, [1 / d, 1 / d, 1 / d, k / d], 1e-15);
    expect(tri.values[3]).toBeCloseTo(1.0863863894379338e-6, 15);
    // Iterated to convergence the isolated node tends to 0.
    const triExact = eigenvectorCentrality(csrOf(4, [[0, 1], [0, 2], [1, 2]]), exact);
    expectClose(triExact, [1 / Math.sqrt(3), 1 / Math.sqrt(3), 1 / Math.sqrt(3), 0], 1e-12);
  });

  it('edgeless graphs, single node, empty graph', () => {
    // No edges: (A + I)x = x, every node 1/√n after normalisation.
    expectClose(eigenvectorCentrality(csrOf(3, [])), [1, 1, 1].map((x) => x / Math.sqrt(3)), 1e-15);
    expectClose(eigenvectorCentrality(HAND.single()), [1]);
    const empty = eigenvectorCentralityDetailed(HAND.empty());
    expect(empty.values).toEqual(new Float64Array(0));
    expect(empty.converged).toBe(true);
  });

  it('weighted P3 (weights are strengths)', () => {
    // A = [[0,1,0],[1,0,3],[0,3,0]]: λ = √10, x ∝ (1, √10, 3), |x|² = 20.
    const csr = csrOf(3, [[0, 1, 1], [1, 2, 3]]);
    const r = Math.sqrt(20);
    expectClose(eigenvectorCentrality(csr, { ...exact, weighted: true }), [1 / r, Math.sqrt(10) / r, 3 / r], 1e-12);
    // Unweighted (default) ignores the weights: symmetric P3, (1, √2, 1)/2.
    expectClose(eigenvectorCentrality(csr, exact), [0.5, Math.SQRT1_2, 0.5], 1e-12);
  });

  it('no convergence: no throw, last iterate, converged = false', () => {
    // Long path P300: λ_k = 2cos(kπ/301), so the symmetric start vector loses
    // its λ3 component by a factor (λ3 + 1)/(λ1 + 1) ≈ 1 − 3e−4 per step: far
    // from converging in 100 iterations (NetworkX raises
    // PowerIterationFailedConvergence).
    const csr = csrOf(300, pathEdges(300));
    const r = eigenvectorCentralityDetailed(csr);
    expect(r.converged).toBe(false);
    expect(r.iterations).toBe(100);
    expectFinite(r.values);
    let sq = 0;
    for (const x of r.values) sq += x * x;
    expect(sq).toBeCloseTo(1, 12);
    // maxIterations 0 returns the uniform start vector.
    const none = eigenvectorCentralityDetailed(HAND.p4(), { maxIterations: 0 });
    expect(none.converged).toBe(false);
    expectClose(none.values, [0.25, 0.25, 0.25, 0.25], 0);
  });

  it('huge weights do not overflow to NaN', () => {
    const csr = csrOf(3, [[0, 1, 1e308], [1, 2, 1e308]]);
    const values = eigenvectorCentrality(csr, { weighted: true, ...exact });
    expectFinite(values);
    expectClose(values, [0.5, Math.SQRT1_2, 0.5], 1e-9);
  });

  it('rejects nonsense options', () => {
    expect(() => eigenvectorCentrality(HAND.p4(), { tolerance: -1 })).toThrow(RangeError);
    expect(() => eigenvectorCentrality(HAND.p4(), { maxIterations: 1.5 })).toThrow(RangeError);
  });
});

describe('eigenvectorCentrality vs NetworkX', () => {
  const fixture = networkxFixture();
  for (const g of fixture.graphs) {
    it(g.name, () => {
      const csr = fixtureCsr(g);
      const tight = { tolerance: fixture.tight_tolerance, maxIterations: 100_000 };
      for (const [key, options] of [
        // Defaults = nx.eigenvector_centrality(G): same iteration, same stopping rule.
        ['eigenvector', {}],
        ['eigenvector_weighted', { weighted: true }],
        // Tight tolerance on both sides: the exact eigenvector.
        ['eigenvector_tight', tight],
        ['eigenvector_weighted_tight', { ...tight, weighted: true }],
      ] as const) {
        const r = eigenvectorCentralityDetailed(csr, options);
        expect(r.converged, key).toBe(true);
        expectFinite(r.values);
        expectNonTrivial(expected(g, key), `${g.name} ${key}`);
        expectClose(r.values, expected(g, key), NX_TOL, `${g.name} ${key}`);
        expect(sameBits(r.values, eigenvectorCentrality(csr, options)), 'deterministic').toBe(true);
      }
    });
  }

  it('the reference discriminates the conventions (a wrong one would fail)', () => {
    let stopping = 0;
    let weighted = 0;
    for (const g of fixture.graphs) {
      // NetworkX's default tolerance stops measurably short of the fixed point,
      // so matching `eigenvector` at 1e-6 requires replicating its stopping rule.
      stopping = Math.max(stopping, maxAbsDiff(expected(g, 'eigenvector'), expected(g, 'eigenvector_tight')));
      weighted = Math.max(weighted, maxAbsDiff(expected(g, 'eigenvector_tight'), expected(g, 'eigenvector_weighted_tight')));
    }
    expect(stopping).toBeGreaterThan(1e-5);
    expect(weighted).toBeGreaterThan(1e-2);
  });
});
