/**
 * Benchmark of the structure kernels against straightforward baselines, run
 * in the same process on the same seeded graph:
 *
 *   npx tsx bench/structure.ts [nodes] [edgesPerNode]
 *
 * - constraint: `burtConstraint` (CSR, typed arrays) vs a Map/Set
 *   implementation over the graphology graph written below;
 * - brokerage roles: `brokerageRoles` vs enumerating every neighbour pair
 *   with Set look-ups;
 * - Louvain: `louvainCommunities` (copies the CSR into a fresh graphology
 *   graph, renumbers, computes modularity) vs calling
 *   graphology-communities-louvain directly on the original graph with the
 *   same seeded RNG;
 * - modularity: `modularity` vs graphology-metrics' `modularity`.
 *
 * Each timing is the median of several runs after one warm-up. Results of
 * kernel and baseline are compared, so the bench also fails loudly if they
 * disagree. No timing is asserted anywhere in the test-suite.
 */
import { performance } from 'node:perf_hooks';
import { UndirectedGraph } from 'graphology';
import louvain from 'graphology-communities-louvain';
import graphologyModularity from 'graphology-metrics/graph/modularity.js';
import { toCsr } from '../src/metrics/csr.js';
import { burtConstraint, effectiveSize } from '../src/metrics/structural-holes.js';
import { brokerageRoles } from '../src/metrics/brokerage-roles.js';
import { louvainCommunities, modularity } from '../src/metrics/communities.js';
import { articulationPoints, bridges } from '../src/metrics/articulation.js';
import { connectedComponents } from '../src/metrics/components.js';
import { coreNumbers } from '../src/metrics/k-core.js';
import { createRng } from '../src/metrics/random.js';

const N = Number(process.argv[2] ?? 4000);
const M = Number(process.argv[3] ?? 4);
const RUNS = 5;

/** Seeded preferential-attachment graph (Barabási–Albert style) with weights 1..5 and 21 groups. */
function buildGraph(n: number, m: number, seed: number): UndirectedGraph {
  const rng = createRng(seed);
  const g = new UndirectedGraph();
  const ends: number[] = [];
  for (let i = 0; i < n; i++) {
    g.addNode(`n${i}`, { group: `county-${Math.floor(rng() * 21)}` });
    if (i === 0) continue;
    const chosen = new Set<number>();
    const want = Math.min(m, i);
    while (chosen.size < want) {
      const t = ends.length > 0 && rng() < 0.8 ? ends[Math.floor(rng() * ends.length)]! : Math.floor(rng() * i);
      chosen.add(t);
    }
    for (const t of chosen) {
      g.addEdge(`n${i}`, `n${t}`, { weight: 1 + Math.floor(rng() * 5) });
      ends.push(i, t);
    }
  }
  return g;
}

function time<T>(fn: () => T): { ms: number; value: T } {
  let value = fn(); // warm-up
  const times: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    value = fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)]!, value };
}

/** Baseline: Burt's constraint straight from the definition with Maps and Sets. */
function constraintBaseline(g: UndirectedGraph, weighted: boolean): Map<string, number | null> {
  const strength = new Map<string, number>();
  const w = (u: string, v: string): number => (weighted ? (g.getEdgeAttribute(u, v, 'weight') as number) : 1);
  g.forEachNode((u) => {
    let s = 0;
    g.forEachNeighbor(u, (v) => (s += w(u, v)));
    strength.set(u, s);
  });
  const p = (u: string, v: string): number => w(u, v) / strength.get(u)!;
  const out = new Map<string, number | null>();
  g.forEachNode((u) => {
    const nu = new Set(g.neighbors(u));
    if (nu.size === 0) return out.set(u, null);
    let c = 0;
    for (const v of nu) {
      let l = p(u, v);
      for (const q of nu) if (q !== v && g.hasEdge(q, v)) l += p(u, q) * p(q, v);
      c += l * l;
    }
    out.set(u, c);
  });
  return out;
}

/** Baseline: brokerage by enumerating every neighbour pair with Set look-ups. */
function brokerageBaseline(g: UndirectedGraph): Map<string, number[]> {
  const out = new Map<string, number[]>();
  g.forEachNode((b, attr) => {
    const gb = attr.group as string;
    const nb = g.neighbors(b);
    const counts = [0, 0, 0, 0, 0]; // coordinator, gatekeeper, representative, consultant, liaison
    for (let i = 0; i < nb.length; i++) {
      const a = nb[i]!;
      const adjA = new Set(g.neighbors(a));
      const ga = g.getNodeAttribute(a, 'group') as string;
      for (let j = i + 1; j < nb.length; j++) {
        const c = nb[j]!;
        if (adjA.has(c)) continue;
        const gc = g.getNodeAttribute(c, 'group') as string;
        if (ga === gb && gc === gb) counts[0]!++;
        else if (ga === gb || gc === gb) (counts[1]!++, counts[2]!++);
        else if (ga === gc) counts[3]!++;
        else counts[4]!++;
      }
    }
    out.set(b, counts);
  });
  return out;
}

function fmt(ms: number): string {
  return ms < 10 ? ms.toFixed(2) : ms.toFixed(1);
}

const graph = buildGraph(N, M, 2024);
console.log(`graph: ${graph.order} nodes, ${graph.size} edges (seeded preferential attachment, m = ${M}); median of ${RUNS} runs`);

const csrT = time(() => toCsr(graph));
const csr = csrT.value;
const groups = csr.ids.map((id) => graph.getNodeAttribute(id, 'group') as string);
const rows: [string, number, number | null, string][] = [];

// Constraint.
for (const weighted of [false, true]) {
  const ours = time(() => burtConstraint(csr, { weighted }));
  const base = time(() => constraintBaseline(graph, weighted));
  let maxDiff = 0;
  csr.ids.forEach((id, i) => (maxDiff = Math.max(maxDiff, Math.abs((ours.value[i] ?? 0) - (base.value.get(id) ?? 0)))));
  if (maxDiff > 1e-9) throw new Error(`constraint mismatch ${maxDiff}`);
  rows.push([`constraint (${weighted ? 'weighted' : 'unweighted'})`, ours.ms, base.ms, `Map/Set baseline; max |diff| ${maxDiff.toExponential(1)}`]);
}
rows.push(['effective size (weighted)', time(() => effectiveSize(csr, { weighted: true })).ms, null, '']);

// Brokerage roles.
{
  const ours = time(() => brokerageRoles(csr, groups));
  const base = time(() => brokerageBaseline(graph));
  csr.ids.forEach((id, i) => {
    const b = base.value.get(id)!;
    const o = [ours.value.coordinator[i], ours.value.gatekeeper[i], ours.value.representative[i], ours.value.consultant[i], ours.value.liaison[i]];
    if (o.some((x, k) => x !== b[k])) throw new Error(`brokerage mismatch at ${id}`);
  });
  rows.push(['brokerage roles', ours.ms, base.ms, 'pair-enumeration baseline; counts identical']);
}

// Louvain.
{
  const ours = time(() => louvainCommunities(csr, { seed: 1 }));
  const base = time(() => louvain.detailed(graph, { rng: createRng(1), getEdgeWeight: 'weight' }));
  rows.push([
    'louvain (weighted)',
    ours.ms,
    base.ms,
    `graphology-communities-louvain direct; Q ours ${ours.value.modularity.toFixed(4)} (${ours.value.count} communities), direct ${base.value.modularity.toFixed(4)} (${base.value.count})`,
  ]);
  // Modularity of that partition.
  const labels = ours.value.community;
  graph.forEachNode((id) => graph.setNodeAttribute(id, 'community', labels[csr.index.get(id)!]));
  const q = time(() => modularity(csr, labels));
  const qb = time(() => graphologyModularity(graph, { getNodeCommunity: 'community' }));
  if (Math.abs(q.value - qb.value) > 1e-9) throw new Error(`modularity mismatch ${q.value} vs ${qb.value}`);
  rows.push(['modularity (weighted)', q.ms, qb.ms, `graphology-metrics; Q = ${q.value.toFixed(6)} both`]);
}

rows.push(['articulation points', time(() => articulationPoints(csr)).ms, null, `${articulationPoints(csr).length} points`]);
rows.push(['bridges', time(() => bridges(csr)).ms, null, `${bridges(csr).length} bridges`]);
rows.push(['connected components', time(() => connectedComponents(csr)).ms, null, '']);
rows.push(['core numbers', time(() => coreNumbers(csr)).ms, null, `max core ${Math.max(...coreNumbers(csr))}`]);
rows.push(['toCsr (for reference)', csrT.ms, null, '']);

const header = ['kernel', 'samverkan ms', 'baseline ms', 'speed-up', 'notes'];
const table = rows.map(([name, ours, base, note]) => [
  name,
  fmt(ours),
  base === null ? '—' : fmt(base),
  base === null ? '—' : `${(base / ours).toFixed(1)}×`,
  note,
]);
const widths = header.map((h, c) => Math.max(h.length, ...table.map((r) => r[c]!.length)));
const line = (cells: string[]) => cells.map((x, c) => (c === 0 || c === 4 ? x.padEnd(widths[c]!) : x.padStart(widths[c]!))).join('  ');
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of table) console.log(line(r));
