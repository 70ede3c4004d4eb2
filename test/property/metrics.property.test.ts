/**
 * Invariants of the metric kernels on generated graphs (fast-check, fixed
 * seeds): PageRank sums to 1; betweenness does not depend on how nodes are
 * numbered; the k-cores nest and each is the largest subgraph of minimum
 * degree k; modularity lies in [−1/2, 1].
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { csrFromEdges, type Csr } from '../../src/metrics/csr.js';
import { pagerank } from '../../src/metrics/pagerank.js';
import { betweennessCentrality } from '../../src/metrics/betweenness.js';
import { coreNumbers } from '../../src/metrics/k-core.js';
import { louvainCommunities, modularity } from '../../src/metrics/communities.js';

/** A random graph: n nodes, edges as pairs (self-loops and repeats included: the CSR drops and merges them), weights 1–5. */
const graphArb = fc.integer({ min: 1, max: 40 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    edges: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.integer({ min: 1, max: 5 })), { maxLength: 120 }),
  }),
);

function build(n: number, edges: readonly [number, number, number][], label: (i: number) => number = (i) => i): Csr {
  const ids = Array.from({ length: n }, (_, i) => `v${i}`);
  const ends = new Int32Array(edges.flatMap(([a, b]) => [label(a), label(b)]));
  return csrFromEdges(ids, ends, Float64Array.from(edges, (e) => e[2]));
}

const OPTIONS = { seed: 4242, numRuns: 300 } as const;

describe('metric invariants', () => {
  it('PageRank sums to 1 (weighted and not)', () => {
    fc.assert(
      fc.property(graphArb, fc.boolean(), ({ n, edges }, weighted) => {
        const pr = pagerank(build(n, edges), { weighted });
        expect(pr.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 9);
        expect(pr.every((x) => x >= 0)).toBe(true);
      }),
      OPTIONS,
    );
  });

  it('betweenness is invariant under relabelling the nodes', () => {
    fc.assert(
      fc.property(
        graphArb.chain((g) => fc.record({ g: fc.constant(g), perm: fc.shuffledSubarray([...Array(g.n).keys()], { minLength: g.n, maxLength: g.n }), weighted: fc.boolean() })),
        ({ g, perm, weighted }) => {
          const a = betweennessCentrality(build(g.n, g.edges), { weighted });
          const b = betweennessCentrality(build(g.n, g.edges, (i) => perm[i]!), { weighted });
          for (let i = 0; i < g.n; i++) expect(b[perm[i]!]).toBeCloseTo(a[i]!, 9);
        },
      ),
      OPTIONS,
    );
  });

  it('the k-cores nest, and each is what peeling nodes of degree below k leaves', () => {
    fc.assert(
      fc.property(graphArb, ({ n, edges }) => {
        const csr = build(n, edges);
        const core = coreNumbers(csr);
        const max = Math.max(0, ...core);
        let previous: Set<number> | undefined;
        for (let k = 0; k <= max + 1; k++) {
          // Peel: remove nodes with fewer than k neighbours left, until none.
          const alive = new Set([...Array(n).keys()]);
          for (let changed = true; changed; ) {
            changed = false;
            for (const v of [...alive]) {
              let d = 0;
              for (let j = csr.offsets[v]!; j < csr.offsets[v + 1]!; j++) if (alive.has(csr.targets[j]!)) d++;
              if (d < k) {
                alive.delete(v);
                changed = true;
              }
            }
          }
          const fromCore = new Set([...Array(n).keys()].filter((v) => core[v]! >= k));
          expect([...fromCore].sort((x, y) => x - y)).toEqual([...alive].sort((x, y) => x - y));
          if (previous) for (const v of fromCore) expect(previous.has(v)).toBe(true);
          previous = fromCore;
        }
      }),
      OPTIONS,
    );
  });

  it('modularity lies in [−1/2, 1] for any partition, and Louvain’s is at least that of one community', () => {
    fc.assert(
      fc.property(
        graphArb.chain((g) => fc.record({ g: fc.constant(g), labels: fc.array(fc.nat(5), { minLength: g.n, maxLength: g.n }), weighted: fc.boolean() })),
        ({ g, labels, weighted }) => {
          const csr = build(g.n, g.edges);
          const q = modularity(csr, labels, { weighted });
          expect(q).toBeGreaterThanOrEqual(-0.5);
          expect(q).toBeLessThanOrEqual(1);
          const louvain = louvainCommunities(csr, { weighted, seed: 3 });
          expect(louvain.modularity).toBeGreaterThanOrEqual(-0.5);
          expect(louvain.modularity).toBeLessThanOrEqual(1);
          expect(louvain.modularity).toBeGreaterThanOrEqual(modularity(csr, new Array(g.n).fill(0), { weighted }) - 1e-12);
        },
      ),
      OPTIONS,
    );
  });
});
