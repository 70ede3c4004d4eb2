import { describe, expect, it } from 'vitest';
import { betweennessCentrality } from '../../src/metrics/betweenness.js';
import { closenessCentrality } from '../../src/metrics/closeness.js';
import type { Csr } from '../../src/metrics/csr.js';
import { degreeCentrality, strength } from '../../src/metrics/degree.js';
import { eigenvectorCentrality } from '../../src/metrics/eigenvector.js';
import { harmonicCentrality } from '../../src/metrics/harmonic.js';
import { LINK_PREDICTION_METHODS, linkScores } from '../../src/metrics/link-prediction.js';
import { pagerank } from '../../src/metrics/pagerank.js';
import { HAND, csrOf, expectFinite, sameBits } from './centrality-helpers.js';

/** Every kernel with every option combination. */
const KERNELS: [string, (csr: Csr) => Float64Array][] = [
  ['degree', degreeCentrality],
  ['strength', strength],
  ...[true, false].flatMap((weighted) => [
    ...[true, false].map(
      (normalized) =>
        [`betweenness w=${weighted} norm=${normalized}`, (c: Csr) => betweennessCentrality(c, { weighted, normalized })] as [
          string,
          (csr: Csr) => Float64Array,
        ],
    ),
    [`closeness w=${weighted}`, (c: Csr) => closenessCentrality(c, { weighted })] as [string, (csr: Csr) => Float64Array],
    [`harmonic w=${weighted}`, (c: Csr) => harmonicCentrality(c, { weighted })] as [string, (csr: Csr) => Float64Array],
    [`eigenvector w=${weighted}`, (c: Csr) => eigenvectorCentrality(c, { weighted })] as [string, (csr: Csr) => Float64Array],
    [`pagerank w=${weighted}`, (c: Csr) => pagerank(c, { weighted })] as [string, (csr: Csr) => Float64Array],
  ]),
];

const GRAPHS: [string, () => Csr][] = [
  ...Object.entries(HAND),
  ['edgeless (5 isolated nodes)', () => csrOf(5, [])],
  ['edge + isolated nodes', () => csrOf(4, [[1, 2]])],
  // Extreme strengths: lengths 1/w overflow to Infinity or underflow; strengths overflow.
  ['subnormal weights', () => csrOf(4, [[0, 1, 5e-324], [1, 2, 1], [2, 3, 1e-310]])],
  ['huge weights', () => csrOf(4, [[0, 1, Number.MAX_VALUE], [1, 2, Number.MAX_VALUE], [2, 3, 1]])],
  ['mixed extreme weights', () => csrOf(5, [[0, 1, 1e-300], [1, 2, 1e300], [2, 3, 1], [3, 4, 1e-20], [4, 0, 1e20]])],
];

describe('every kernel on every awkward shape: finite, right length, deterministic, no throw', () => {
  for (const [graphName, make] of GRAPHS) {
    it(graphName, () => {
      const csr = make();
      for (const [name, kernel] of KERNELS) {
        const values = kernel(csr);
        expect(values.length, `${name} length`).toBe(csr.n);
        try {
          // Values measured in units of weight (strength, weighted closeness
          // and harmonic: 1 / length = weight) honestly overflow to Infinity
          // when the true value exceeds Number.MAX_VALUE (documented); they
          // are never NaN. Everything else stays finite.
          const scalesWithWeight = name === 'strength' || /^(closeness|harmonic) w=true/.test(name);
          if (graphName === 'huge weights' && scalesWithWeight) expect(values.some(Number.isNaN)).toBe(false);
          else expectFinite(values);
        } catch (error) {
          throw new Error(`${graphName} / ${name}: ${(error as Error).message}`);
        }
        expect(sameBits(values, kernel(make())), `${name} deterministic`).toBe(true);
      }
      const pairs: [number, number][] = [];
      for (let u = 0; u < csr.n; u++) for (let v = 0; v < csr.n; v++) pairs.push([u, v]);
      for (const method of LINK_PREDICTION_METHODS) {
        const scores = linkScores(csr, pairs, method);
        expect(scores.length).toBe(pairs.length);
        expectFinite(scores);
      }
    });
  }

  it('pagerank stays a distribution with extreme weights', () => {
    for (const [, make] of GRAPHS.slice(-3)) {
      const x = pagerank(make(), { tolerance: 1e-12, maxIterations: 10_000 });
      expect(x.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    }
  });
});
