/**
 * Centrality benchmark: samverkan's CSR kernels vs graphology-metrics on the
 * same seeded random graph, in the same process.
 *
 *   npx tsx bench/centrality.ts [--nodes 3000] [--edges-per-node 4] [--seed 1] [--runs 3]
 *
 * The graph grows by preferential attachment (each new node links to
 * `edges-per-node` distinct earlier nodes, chosen in proportion to degree, so
 * the mean degree is ≈ 2 × edges-per-node), has integer weights 1..10 (tie
 * strengths), and 1 % isolated nodes. Times are medians over `runs` runs after
 * one warm-up. "ours" excludes the one-off `toCsr` conversion, which is timed
 * on its own row; "ratio" is ours / graphology (< 1: we are faster).
 *
 * Where both libraries use the same convention the values are compared and
 * the max absolute difference printed:
 * - betweenness, unweighted: graphology with `getEdgeWeight: null`;
 * - betweenness, weighted: graphology reads weights as *distances*, so it gets
 *   `getEdgeWeight: (_, a) => 1 / a.weight` to match our strength convention;
 * - closeness: graphology with `wassermanFaust: true` (NetworkX's default);
 * - PageRank: both weighted by `weight` (strength), α = 0.85, tol 1e-6;
 * - eigenvector: both unweighted, tol 1e-6.
 */
import { UndirectedGraph } from 'graphology';
import graphologyBetweenness from 'graphology-metrics/centrality/betweenness.js';
import graphologyCloseness from 'graphology-metrics/centrality/closeness.js';
import graphologyEigenvector from 'graphology-metrics/centrality/eigenvector.js';
import graphologyPagerank from 'graphology-metrics/centrality/pagerank.js';
import { betweennessCentrality } from '../src/metrics/betweenness.js';
import { closenessCentrality } from '../src/metrics/closeness.js';
import { toCsr, type Csr } from '../src/metrics/csr.js';
import { eigenvectorCentrality } from '../src/metrics/eigenvector.js';
import { harmonicCentrality } from '../src/metrics/harmonic.js';
import { pagerank } from '../src/metrics/pagerank.js';
import { createRng } from '../src/metrics/random.js';
import { positiveArg } from './lib/measure.js';


const NODES = Math.floor(positiveArg('nodes', 3000));
const PER_NODE = Math.floor(positiveArg('edges-per-node', 4));
const SEED = Math.floor(positiveArg('seed', 1));
const RUNS = Math.floor(positiveArg('runs', 3));


function buildGraph(): UndirectedGraph {
  const random = createRng(SEED);
  const graph = new UndirectedGraph();
  const isolated = Math.floor(NODES / 100);
  const connected = NODES - isolated;
  // Node keys look like municipality / organisation ids.
  const key = (i: number) => `org-${i.toString().padStart(5, '0')}`;
  for (let i = 0; i < NODES; i++) graph.addNode(key(i));
  // Preferential attachment over a "repeated endpoints" list.
  const endpoints: number[] = [];
  const core = PER_NODE + 1;
  for (let i = 0; i < core; i++) {
    for (let j = i + 1; j < core; j++) {
      graph.addEdge(key(i), key(j), { weight: 1 + Math.floor(random() * 10) });
      endpoints.push(i, j);
    }
  }
  for (let i = core; i < connected; i++) {
    const chosen = new Set<number>();
    while (chosen.size < PER_NODE) chosen.add(endpoints[Math.floor(random() * endpoints.length)]!);
    for (const j of [...chosen].sort((a, b) => a - b)) {
      graph.addEdge(key(i), key(j), { weight: 1 + Math.floor(random() * 10) });
      endpoints.push(i, j);
    }
  }
  return graph;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time<T>(fn: () => T): { ms: number; value: T } {
  fn(); // warm-up (JIT)
  const times: number[] = [];
  let value!: T;
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    value = fn();
    times.push(performance.now() - t0);
  }
  return { ms: median(times), value };
}

function maxAbsDiff(csr: Csr, ours: Float64Array, theirs: Record<string, number>): number {
  let m = 0;
  for (let i = 0; i < csr.n; i++) m = Math.max(m, Math.abs(ours[i]! - theirs[csr.ids[i]!]!));
  return m;
}

interface Row {
  measure: string;
  ours: number;
  baseline: number | null;
  diff: number | null;
}

const graph = buildGraph();
const build = time(() => toCsr(graph));
const csr = build.value;
console.log(
  `graph: ${csr.n} nodes, ${csr.m} edges (mean degree ${((2 * csr.m) / csr.n).toFixed(2)}), ` +
    `seed ${SEED}, median of ${RUNS} runs after 1 warm-up, node ${process.version}`,
);

const rows: Row[] = [];
function compare(
  measure: string,
  ours: () => Float64Array,
  baseline: (() => Record<string, number>) | null,
): void {
  const a = time(ours);
  if (!baseline) {
    rows.push({ measure, ours: a.ms, baseline: null, diff: null });
    return;
  }
  const b = time(baseline);
  rows.push({ measure, ours: a.ms, baseline: b.ms, diff: maxAbsDiff(csr, a.value, b.value) });
}

rows.push({ measure: 'toCsr (one-off conversion)', ours: build.ms, baseline: null, diff: null });
compare(
  'betweenness (unweighted)',
  () => betweennessCentrality(csr),
  () => graphologyBetweenness(graph, { getEdgeWeight: null }),
);
compare(
  'betweenness (weighted, length 1/w)',
  () => betweennessCentrality(csr, { weighted: true }),
  () => graphologyBetweenness(graph, { getEdgeWeight: (_e, attr) => 1 / (attr.weight as number) }),
);
compare(
  'closeness (unweighted, WF)',
  () => closenessCentrality(csr),
  () => graphologyCloseness(graph, { wassermanFaust: true }),
);
compare('closeness (weighted, 1/w)', () => closenessCentrality(csr, { weighted: true }), null);
compare('harmonic (unweighted)', () => harmonicCentrality(csr), null);
compare(
  'pagerank (weighted, α 0.85)',
  () => pagerank(csr),
  () => graphologyPagerank(graph, { getEdgeWeight: 'weight' }),
);
compare(
  'eigenvector (unweighted)',
  () => eigenvectorCentrality(csr),
  () => graphologyEigenvector(graph, { getEdgeWeight: null }),
);

const header = ['measure', 'ours ms', 'graphology ms', 'ratio', 'max |Δ|'];
const table = rows.map((r) => [
  r.measure,
  r.ours.toFixed(1),
  r.baseline === null ? '—' : r.baseline.toFixed(1),
  r.baseline === null ? '—' : (r.ours / r.baseline).toFixed(3),
  r.diff === null ? '—' : r.diff.toExponential(2),
]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
const line = (cells: string[]) =>
  cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of table) console.log(line(row));
