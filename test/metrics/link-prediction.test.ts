import { describe, expect, it } from 'vitest';
import type { Csr } from '../../src/metrics/csr.js';
import {
  LINK_PREDICTION_METHODS,
  linkScores,
  type LinkPredictionMethod,
} from '../../src/metrics/link-prediction.js';
import {
  HAND,
  NX_TOL,
  csrOf,
  expectClose,
  expectFinite,
  expectNonTrivial,
  fixtureCsr,
  maxAbsDiff,
  networkxFixture,
  sameBits,
} from './centrality-helpers.js';

type Pair = readonly [number, number];

/** Scores of every method for the given pairs, as [CN, Jaccard, AA, RA, PA] per pair. */
function allScores(csr: Csr, pairs: readonly Pair[]): number[][] {
  const byMethod = LINK_PREDICTION_METHODS.map((m) => linkScores(csr, pairs, m));
  return pairs.map((_, i) => byMethod.map((scores) => scores[i]!));
}

const ln = Math.log;

describe('linkScores: hand-computed', () => {
  it('path P4', () => {
    // Γ0 = {1}, Γ1 = {0,2}, Γ2 = {1,3}, Γ3 = {2}.
    // (0,2): Z = {1}; |Γ0 ∪ Γ2| = |{1,3}| = 2 → J = 1/2; AA = 1/ln 2; RA = 1/2; PA = 1·2.
    // (0,3): Z = ∅; ∪ = {1,2} → J = 0; PA = 1·1.
    // (1,2) adjacent: Z = ∅; ∪ = {0,1,2,3} → J = 0; PA = 2·2.
    expectClose(allScores(HAND.p4(), [[0, 2], [0, 3], [1, 2]]).flat(), [
      1, 0.5, 1 / ln(2), 0.5, 2,
      0, 0, 0, 0, 1,
      0, 0, 0, 0, 4,
    ], 1e-15);
  });

  it('path P5', () => {
    // (0,4): Z = ∅, J = 0/2 = 0, PA = 1. (1,3): Z = {2} (degree 2); ∪ = {0,2,4} →
    // J = 1/3, AA = 1/ln 2, RA = 1/2, PA = 4.
    expectClose(allScores(HAND.p5(), [[0, 4], [1, 3]]).flat(), [
      0, 0, 0, 0, 1,
      1, 1 / 3, 1 / ln(2), 0.5, 4,
    ], 1e-15);
  });

  it('star K1,4', () => {
    // Leaves (1,2): Z = {0} (degree 4); ∪ = {0} → J = 1; AA = 1/ln 4; RA = 1/4; PA = 1.
    // Centre–leaf (0,1): Z = ∅; ∪ = {0,1,2,3,4} → J = 0; PA = 4·1.
    expectClose(allScores(HAND.star(), [[1, 2], [0, 1]]).flat(), [
      1, 1, 1 / ln(4), 0.25, 1,
      0, 0, 0, 0, 4,
    ], 1e-15);
  });

  it('barbell', () => {
    // (0,1) in a K4: Γ0 = {1,2,3}, Γ1 = {0,2,3}: Z = {2 (deg 3), 3 (deg 4)};
    //   ∪ = {0,1,2,3} → J = 2/4; AA = 1/ln 3 + 1/ln 4; RA = 1/3 + 1/4; PA = 3·3.
    // (3,5) gates: Γ3 = {0,1,2,4}, Γ5 = {4,6,7,8}: Z = {4 (deg 2)}; ∪ has 7 →
    //   J = 1/7; AA = 1/ln 2; RA = 1/2; PA = 4·4.
    // (0,4): Γ4 = {3,5}: Z = {3 (deg 4)}; ∪ = {1,2,3,5} → J = 1/4; AA = 1/ln 4;
    //   RA = 1/4; PA = 3·2.
    expectClose(allScores(HAND.barbell(), [[0, 1], [3, 5], [0, 4]]).flat(), [
      2, 0.5, 1 / ln(3) + 1 / ln(4), 1 / 3 + 1 / 4, 9,
      1, 1 / 7, 1 / ln(2), 0.5, 16,
      1, 0.25, 1 / ln(4), 0.25, 6,
    ], 1e-15);
  });

  it('two triangles joined by a bridge', () => {
    // (0,3): Γ0 = {1,2}, Γ3 = {2,4,5}: Z = {2 (deg 3)}; ∪ = {1,2,4,5} → J = 1/4;
    //   AA = 1/ln 3; RA = 1/3; PA = 2·3. (1,4): Z = ∅, J = 0, PA = 2·2.
    expectClose(allScores(HAND.bridge(), [[0, 3], [1, 4]]).flat(), [
      1, 0.25, 1 / ln(3), 1 / 3, 6,
      0, 0, 0, 0, 4,
    ], 1e-15);
  });

  it('disconnected pairs and isolated nodes: Jaccard 0/0 → 0', () => {
    // Two pairs, (0,2): Z = ∅, ∪ = {1,3} → 0; PA = 1.
    expectClose(allScores(HAND.pairs(), [[0, 2]]).flat(), [0, 0, 0, 0, 1], 0);
    // Edge 0-1 plus isolated 2 and 3: (2,3) has no neighbours at all:
    // Jaccard 0/0 → 0 (NetworkX), PA = 0·0. (2,0): Z = ∅, ∪ = {1} → 0; PA = 0.
    const csr = csrOf(4, [[0, 1]]);
    const scores = allScores(csr, [[2, 3], [2, 0]]);
    expectClose(scores.flat(), [0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 0);
    expectFinite(Float64Array.from(scores.flat()));
  });

  it('single node and self-pairs follow NetworkX set semantics', () => {
    // Single node, pair (0,0): Γ0 = ∅ → all 0 (Jaccard 0/0 → 0).
    expectClose(allScores(HAND.single(), [[0, 0]]).flat(), [0, 0, 0, 0, 0], 0);
    // Star, (1,1): Z = Γ1 = {0} → CN 1, J 1/1, AA 1/ln 4, RA 1/4, PA 1.
    // Star, (0,0): Z = Γ0 = {1,2,3,4}, all of degree 1 → CN 4, J 1, RA 4 × 1/1,
    // PA 16, and AA: 1/ln 1 = 1/0 for each (NetworkX raises) → 0 here.
    expectClose(allScores(HAND.star(), [[1, 1], [0, 0]]).flat(), [
      1, 1, 1 / ln(4), 0.25, 1,
      4, 1, 0, 4, 16,
    ], 1e-15);
  });

  it('empty graph and empty pair lists', () => {
    for (const method of LINK_PREDICTION_METHODS) {
      expect(linkScores(HAND.empty(), [], method)).toEqual(new Float64Array(0));
      expect(linkScores(HAND.p4(), [], method)).toEqual(new Float64Array(0));
    }
  });

  it('invalid input throws RangeError', () => {
    expect(() => linkScores(HAND.empty(), [[0, 0]], 'jaccard')).toThrow(RangeError);
    expect(() => linkScores(HAND.p4(), [[0, 4]], 'jaccard')).toThrow(RangeError);
    expect(() => linkScores(HAND.p4(), [[-1, 2]], 'preferential_attachment')).toThrow(RangeError);
    expect(() => linkScores(HAND.p4(), [[0.5, 2]], 'adamic_adar')).toThrow(RangeError);
    expect(() => linkScores(HAND.p4(), [[0, 2]], 'katz' as LinkPredictionMethod)).toThrow(RangeError);
  });
});

/** Straightforward Set-based scores, to cross-check the stamping optimisation. */
function naive(csr: Csr, [u, v]: Pair, method: LinkPredictionMethod): number {
  const nbrs = (x: number) => new Set(csr.targets.subarray(csr.offsets[x]!, csr.offsets[x + 1]!));
  const gu = nbrs(u);
  const gv = nbrs(v);
  const z = [...gu].filter((x) => gv.has(x)).sort((a, b) => a - b);
  const deg = (x: number) => csr.offsets[x + 1]! - csr.offsets[x]!;
  switch (method) {
    case 'common_neighbours':
      return z.length;
    case 'jaccard': {
      const union = new Set([...gu, ...gv]).size;
      return union === 0 ? 0 : z.length / union;
    }
    case 'adamic_adar':
      return z.reduce((s, x) => s + (deg(x) > 1 ? 1 / Math.log(deg(x)) : 0), 0);
    case 'resource_allocation':
      return z.reduce((s, x) => s + 1 / deg(x), 0);
    case 'preferential_attachment':
      return deg(u) * deg(v);
  }
}

describe('linkScores vs NetworkX', () => {
  const fixture = networkxFixture();
  for (const g of fixture.graphs) {
    it(g.name, () => {
      const csr = fixtureCsr(g);
      const { pairs } = g.link_prediction;
      for (const method of LINK_PREDICTION_METHODS) {
        const reference = g.link_prediction[method];
        const scores = linkScores(csr, pairs, method);
        expectFinite(scores);
        expectNonTrivial(reference, `${g.name} ${method}`);
        expectClose(scores, reference, NX_TOL, `${g.name} ${method}`);
        expect(sameBits(scores, linkScores(csr, pairs, method))).toBe(true);
      }
    });
  }

  it('the fixture covers adjacent, non-adjacent and 0/0 pairs, and methods differ', () => {
    const disconnected = fixture.graphs.find((g) => g.isolates >= 2)!;
    const { pairs, jaccard } = disconnected.link_prediction;
    const csr = fixtureCsr(disconnected);
    const degree = (x: number) => csr.offsets[x + 1]! - csr.offsets[x]!;
    const zeroZero = pairs.findIndex(([u, v]) => degree(u) === 0 && degree(v) === 0);
    expect(zeroZero).toBeGreaterThanOrEqual(0);
    expect(jaccard[zeroZero]).toBe(0);
    for (const g of fixture.graphs) {
      const lp = g.link_prediction;
      expect(maxAbsDiff(lp.adamic_adar, lp.resource_allocation), g.name).toBeGreaterThan(1e-2);
    }
  });

  it('stamp reuse gives the same scores as a naive implementation, in any pair order', () => {
    // All ordered pairs of a graph, in an order that hits every reuse branch:
    // runs sharing u, runs sharing v (swap), alternating nodes and self-pairs.
    const g = fixture.graphs.find((x) => x.name === 'karate_club')!;
    const csr = fixtureCsr(g);
    const pairs: Pair[] = [];
    for (let u = 0; u < csr.n; u++) for (let v = 0; v < csr.n; v++) pairs.push([u, v]);
    for (let v = 0; v < csr.n; v++) for (let u = 0; u < csr.n; u++) pairs.push([u, v]);
    for (let i = 0; i < csr.n; i++) pairs.push([i, (i * 7) % csr.n], [(i * 13) % csr.n, i]);
    for (const method of LINK_PREDICTION_METHODS) {
      const scores = linkScores(csr, pairs, method);
      const reference = pairs.map((p) => naive(csr, p, method));
      expectClose(scores, reference, 1e-12, method);
    }
  });
});
