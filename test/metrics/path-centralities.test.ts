import { describe, expect, it } from 'vitest';
import { betweennessCentrality } from '../../src/metrics/betweenness.js';
import type { Csr } from '../../src/metrics/csr.js';
import { distanceCentralities } from '../../src/metrics/distance-centralities.js';
import {
  AUTO_EXACT_WORK,
  AUTO_MIN_SAMPLES,
  AUTO_WORKERS,
  AUTO_WORKERS_WORK,
  SMALL_COMPONENT,
  autoSamples,
  pathCentralities,
  planSources,
} from '../../src/metrics/path-centralities.js';
import { createRng } from '../../src/metrics/random.js';
import { NX_TOL, csrOf, expectClose, expected, fixtureCsr, networkxFixture, sameBits, type WeightedEdge } from './centrality-helpers.js';

/**
 * A graph with one component larger than SMALL_COMPONENT (so it is sampled),
 * a small path component (always exact) and an isolated node: a seeded
 * random graph on `big` nodes made connected by a spanning path.
 */
function mixedGraph(big = 120, seed = 3): Csr {
  const rng = createRng(seed);
  const edges: WeightedEdge[] = [];
  const seen = new Set<string>();
  const add = (a: number, b: number) => {
    const key = a < b ? `${a}-${b}` : `${b}-${a}`;
    if (a === b || seen.has(key)) return;
    seen.add(key);
    edges.push([a, b, 1 + Math.floor(rng() * 4)]);
  };
  for (let i = 1; i < big; i++) add(i - 1, i);
  for (let e = 0; e < big * 2; e++) add(Math.floor(rng() * big), Math.floor(rng() * big));
  for (let i = big + 1; i < big + 10; i++) add(i - 1, i); // path of 10 nodes
  return csrOf(big + 11, edges); // node big + 10 is isolated
}

/**
 * Brute-force reference, independent of the kernel: all-pairs BFS distances
 * and path counts, then δ_s(v) = Σ_t σ_sv σ_vt / σ_st over t with
 * d(s,v) + d(v,t) = d(s,t) (Brandes 2001, eq. 2).
 */
function bruteForce(csr: Csr): { dist: number[][]; dependency: (s: number, v: number) => number } {
  const { n, offsets, targets } = csr;
  const dist: number[][] = [];
  const sigma: number[][] = [];
  for (let s = 0; s < n; s++) {
    const d = new Array<number>(n).fill(Infinity);
    const c = new Array<number>(n).fill(0);
    d[s] = 0;
    c[s] = 1;
    const queue = [s];
    for (let head = 0; head < queue.length; head++) {
      const v = queue[head]!;
      for (let k = offsets[v]!; k < offsets[v + 1]!; k++) {
        const w = targets[k]!;
        if (d[w] === Infinity) {
          d[w] = d[v]! + 1;
          queue.push(w);
        }
        if (d[w] === d[v]! + 1) c[w]! += c[v]!;
      }
    }
    dist.push(d);
    sigma.push(c);
  }
  const dependency = (s: number, v: number) => {
    let total = 0;
    if (v === s) return 0;
    for (let t = 0; t < n; t++) {
      if (t === s || t === v || dist[s]![t] === Infinity) continue;
      if (dist[s]![v]! + dist[v]![t]! === dist[s]![t]) total += (sigma[s]![v]! * sigma[v]![t]!) / sigma[s]![t]!;
    }
    return total;
  };
  return { dist, dependency };
}

describe('pathCentralities: exact', () => {
  it('equals the NetworkX fixtures for all three measures from one sweep, with one or two threads', () => {
    for (const g of networkxFixture().graphs) {
      const csr = fixtureCsr(g);
      for (const weighted of [false, true]) {
        const suffix = weighted ? '_weighted' : '';
        // The weighted fixtures are NetworkX with distance = 1 / weight (weights are strengths).
        const one = pathCentralities(csr, { weighted });
        const two = pathCentralities(csr, { weighted, workers: 2 });
        expect(one.sampling).toEqual({ exact: true, sources: csr.n, nodes: csr.n, seed: null, betweennessErrorBound: 0 });
        for (const result of [one, two]) {
          expectClose(result.closeness!, expected(g, `closeness${suffix}` as 'closeness'), NX_TOL, `${g.name} closeness${suffix}`);
          expectClose(result.harmonic!, expected(g, `harmonic${suffix}` as 'harmonic'), NX_TOL, `${g.name} harmonic${suffix}`);
          expectClose(result.betweenness!, expected(g, `betweenness${suffix}` as 'betweenness'), NX_TOL, `${g.name} betweenness${suffix}`);
        }
      }
    }
  });

  it('is what the single-measure kernels return, bit for bit', () => {
    const csr = mixedGraph();
    for (const weighted of [false, true]) {
      const all = pathCentralities(csr, { weighted });
      const distances = distanceCentralities(csr, { weighted });
      expect(sameBits(all.betweenness!, betweennessCentrality(csr, { weighted }))).toBe(true);
      expect(sameBits(all.closeness!, distances.closeness)).toBe(true);
      expect(sameBits(all.harmonic!, distances.harmonic)).toBe(true);
    }
  });

  it('computes only the measures asked for', () => {
    const result = pathCentralities(mixedGraph(), { measures: ['harmonic'] });
    expect(Object.keys(result).sort()).toEqual(['harmonic', 'sampling', 'threads']);
  });

  it('samples at least n, or all components small, is exact', () => {
    const csr = mixedGraph();
    expect(pathCentralities(csr, { samples: csr.n }).sampling.exact).toBe(true);
    const small = csrOf(30, [[0, 1], [1, 2], [5, 6]]);
    expect(pathCentralities(small, { samples: 2 }).sampling).toMatchObject({ exact: true, seed: null });
  });

  it('rejects a sample size that is not a positive integer', () => {
    expect(() => pathCentralities(mixedGraph(), { samples: 0 })).toThrow(/positive integer/);
    expect(() => pathCentralities(mixedGraph(), { samples: 2.5 })).toThrow(/positive integer/);
  });
});

describe('pathCentralities: worker threads', () => {
  it('two and three threads agree with one thread to rounding, and are deterministic', () => {
    const csr = mixedGraph(300, 9);
    for (const weighted of [false, true]) {
      const one = pathCentralities(csr, { weighted });
      for (const workers of [2, 3]) {
        const a = pathCentralities(csr, { weighted, workers });
        const b = pathCentralities(csr, { weighted, workers });
        for (const m of ['betweenness', 'closeness', 'harmonic'] as const) {
          expect(sameBits(a[m]!, b[m]!), `${m} deterministic with ${workers} threads`).toBe(true);
          for (let i = 0; i < csr.n; i++) expect(Math.abs(a[m]![i]! - one[m]![i]!)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(one[m]![i]!)));
        }
      }
    }
  });

  it('sampled runs split over threads give the same estimate', () => {
    const csr = mixedGraph(300, 9);
    const one = pathCentralities(csr, { samples: 40, seed: 5 });
    const two = pathCentralities(csr, { samples: 40, seed: 5, workers: 2 });
    expect(two.sampling).toEqual(one.sampling);
    for (let i = 0; i < csr.n; i++) expect(two.betweenness![i]!).toBeCloseTo(one.betweenness![i]!, 12);
  });

  it("'auto' uses AUTO_WORKERS threads from AUTO_WORKERS_WORK on, one thread below", () => {
    // A ring lattice: every node linked to its 4 nearest on each side.
    const n = 3000;
    const edges: WeightedEdge[] = [];
    for (let i = 0; i < n; i++) for (let d = 1; d <= 4; d++) edges.push([i, (i + d) % n]);
    const big = csrOf(n, edges);
    expect(big.n * big.m).toBeGreaterThanOrEqual(AUTO_WORKERS_WORK);
    const auto = pathCentralities(big, { workers: 'auto', measures: ['betweenness'] });
    expect(auto.threads).toBe(AUTO_WORKERS);
    const one = pathCentralities(big, { measures: ['betweenness'] });
    expect(one.threads).toBe(1);
    for (let i = 0; i < n; i++) expect(auto.betweenness![i]).toBeCloseTo(one.betweenness![i]!, 12);
    const small = mixedGraph();
    expect(small.n * small.m).toBeLessThan(AUTO_WORKERS_WORK);
    expect(pathCentralities(small, { workers: 'auto' }).threads).toBe(1);
  });

  it('reports progress up to the number of sources', () => {
    const csr = mixedGraph(300, 9);
    const seen: [number, number][] = [];
    pathCentralities(csr, { workers: 2, onProgress: (done, total) => seen.push([done, total]) });
    expect(seen.at(-1)).toEqual([csr.n, csr.n]);
    for (let i = 1; i < seen.length; i++) expect(seen[i]![0]).toBeGreaterThan(seen[i - 1]![0]);
  });
});

describe('pathCentralities: sampled sources', () => {
  const csr = mixedGraph();
  const big = 120;

  it('draws k_C sources from each large component and every node of the small ones', () => {
    const plan = planSources(csr, 40, 7);
    expect(plan.exact).toBe(false);
    const sources = [...plan.sources];
    const inBig = sources.filter((v) => v < big);
    // k_C = round(40 · 120 / 131) = 37; the 10-node path and the isolated node are all sources.
    expect(inBig).toHaveLength(Math.round((40 * big) / csr.n));
    expect(new Set(inBig).size).toBe(inBig.length);
    expect(sources.filter((v) => v >= big)).toEqual(Array.from({ length: 11 }, (_, i) => big + i));
    expect(sources).toEqual([...sources].sort((a, b) => a - b));
    // Weights: |C| / k_C in the sampled component, 1 in the exact ones.
    plan.sources.forEach((v, i) => expect(plan.weights![i]).toBe(v < big ? big / inBig.length : 1));
    expect(big).toBeGreaterThan(SMALL_COMPONENT);
  });

  it('is deterministic per seed and differs between seeds', () => {
    expect([...planSources(csr, 40, 7).sources]).toEqual([...planSources(csr, 40, 7).sources]);
    expect([...planSources(csr, 40, 7).sources]).not.toEqual([...planSources(csr, 40, 8).sources]);
    const a = pathCentralities(csr, { samples: 40, seed: 7 });
    const b = pathCentralities(csr, { samples: 40, seed: 7 });
    for (const m of ['betweenness', 'closeness', 'harmonic'] as const) expect(sameBits(a[m]!, b[m]!)).toBe(true);
    expect(a.sampling).toMatchObject({ exact: false, seed: 7, nodes: csr.n, sources: planSources(csr, 40, 7).sources.length });
  });

  it('matches the estimators computed by brute force from the same sources', () => {
    const { dist, dependency } = bruteForce(csr);
    const n = csr.n;
    const plan = planSources(csr, 40, 7);
    const result = pathCentralities(csr, { samples: 40, seed: 7 });
    const isSource = new Set(plan.sources);
    const component = (v: number) => (v < big ? { size: big, k: plan.sources.filter((s) => s < big).length } : null);
    for (let v = 0; v < n; v++) {
      // Betweenness: Σ_s (|C| / k_C) δ_s(v), normalised by (n − 1)(n − 2).
      let b = 0;
      plan.sources.forEach((s, i) => (b += plan.weights![i]! * dependency(s, v)));
      expect(result.betweenness![v]).toBeCloseTo(b / ((n - 1) * (n - 2)), 12);

      const reach = dist[v]!.filter((d) => d !== Infinity);
      const r = reach.length;
      const c = component(v);
      if (isSource.has(v) || c === null) {
        // Sources and small components: exact.
        const total = reach.reduce((s, d) => s + d, 0);
        expect(result.closeness![v]).toBeCloseTo(total > 0 ? ((r - 1) / total) * ((r - 1) / (n - 1)) : 0, 12);
        expect(result.harmonic![v]).toBeCloseTo(reach.reduce((s, d) => s + (d > 0 ? 1 / d : 0), 0), 10);
      } else {
        const fromSources = plan.sources.filter((s) => s < big).map((s) => dist[s]![v]!);
        const estimatedSum = ((c.size - 1) / c.k) * fromSources.reduce((s, d) => s + d, 0);
        expect(result.closeness![v]).toBeCloseTo(((r - 1) / estimatedSum) * ((r - 1) / (n - 1)), 12);
        expect(result.harmonic![v]).toBeCloseTo(((c.size - 1) / c.k) * fromSources.reduce((s, d) => s + 1 / d, 0), 10);
      }
    }
  });

  it('betweenness and harmonic estimates are unbiased: their mean over seeds approaches the exact values', () => {
    const exact = pathCentralities(csr);
    const runs = 300;
    const sum = { betweenness: new Float64Array(csr.n), harmonic: new Float64Array(csr.n) };
    const sumSq = { betweenness: new Float64Array(csr.n), harmonic: new Float64Array(csr.n) };
    for (let seed = 1; seed <= runs; seed++) {
      const r = pathCentralities(csr, { samples: 20, seed, measures: ['betweenness', 'harmonic'] });
      for (let v = 0; v < csr.n; v++) {
        sum.betweenness[v]! += r.betweenness![v]!;
        sum.harmonic[v]! += r.harmonic![v]!;
        sumSq.betweenness[v]! += r.betweenness![v]! ** 2;
        sumSq.harmonic[v]! += r.harmonic![v]! ** 2;
      }
    }
    for (const m of ['betweenness', 'harmonic'] as const) {
      for (let v = 0; v < csr.n; v++) {
        const mean = sum[m][v]! / runs;
        const sd = Math.sqrt(Math.max(0, sumSq[m][v]! / runs - mean * mean));
        // Five standard errors (plus rounding): a biased scale (say n/k instead of |C|/k_C) is far outside.
        expect(Math.abs(mean - exact[m]![v]!), `${m} of node ${v}`).toBeLessThanOrEqual((5 * sd) / Math.sqrt(runs) + 1e-9);
      }
    }
  });

  it('stays within the stated 95 % error bound for (nearly) every node', () => {
    const exact = pathCentralities(csr).betweenness!;
    let outside = 0;
    let total = 0;
    for (let seed = 1; seed <= 50; seed++) {
      const r = pathCentralities(csr, { samples: 20, seed, measures: ['betweenness'] });
      expect(r.sampling.betweennessErrorBound).toBeGreaterThan(0);
      for (let v = 0; v < csr.n; v++) {
        total++;
        if (Math.abs(r.betweenness![v]! - exact[v]!) > r.sampling.betweennessErrorBound) outside++;
      }
    }
    expect(outside / total).toBeLessThanOrEqual(0.05);
  });
});

describe('autoSamples', () => {
  it('is exact up to AUTO_EXACT_WORK and samples above it', () => {
    expect(autoSamples({ n: 10_000, m: AUTO_EXACT_WORK / 10_000 })).toBeNull();
    expect(autoSamples({ n: 100_000, m: 400_000 })).toBe(Math.max(AUTO_MIN_SAMPLES, Math.floor(AUTO_EXACT_WORK / 400_000)));
    expect(autoSamples({ n: 500_000, m: 1_000_000 })).toBe(AUTO_MIN_SAMPLES);
    // A sample as large as the graph is no sample.
    expect(autoSamples({ n: AUTO_MIN_SAMPLES, m: AUTO_EXACT_WORK })).toBeNull();
  });

  it("samples: 'auto' on a small graph is exact", () => {
    expect(pathCentralities(mixedGraph(), { samples: 'auto' }).sampling.exact).toBe(true);
  });
});
