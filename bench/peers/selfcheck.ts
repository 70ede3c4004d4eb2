/**
 * Self-check of the peer benchmarks: writes a seeded Barabási–Albert graph to
 * a temporary edges.txt / nodes.txt, runs bench/peers/igraph_bench.py and
 * bench/peers/networkx_bench.py on it (one after the other, never in
 * parallel), prints their timings and checks that igraph's and NetworkX's
 * values_sample agree once igraph's output is converted to NetworkX's
 * conventions.
 *
 *   npx tsx bench/peers/selfcheck.ts [--nodes 2000] [--per-node 4] [--seed 1]
 *       [--repeat 3] [--timeout 300] [--tasks load,betweenness,...]
 *       [--edges-file edges.txt --nodes-file nodes.txt] [--out DIR] [--no-samverkan] [--no-exact]
 *
 * Graph: node i ≥ per-node+1 links to `per-node` distinct earlier nodes
 * chosen in proportion to degree (so m ≈ per-node × n), integer weights
 * 1..10, and the last 1 % of the nodes isolated (so the graph is
 * disconnected and the closeness conversion is exercised).
 *
 * Agreement checks (max |igraph − NetworkX| over nodes 0..9):
 * - betweenness, closeness, harmonic: must be < 1e-6 (same algorithms up to
 *   float rounding; expect ~1e-13);
 * - pagerank: NetworkX stops at tol 1e-6 (L1 change < n·tol), igraph solves
 *   exactly (PRPACK), so the default runs differ by a few 1e-6; the check is
 *   repeated against NetworkX with tol 1e-12 (NX_BENCH_TOL), which must
 *   agree < 1e-9 — that shows the convention is the same;
 * - eigenvector: igraph uses ARPACK, NetworkX power iteration with tol 1e-6:
 *   differences ~1e-5..1e-4 are expected (reported, checked < 1e-3); with
 *   NetworkX at tol 1e-12 they must agree < 1e-6;
 * - kcore values, components (count, largest), articulation points: equal;
 * - louvain: different implementations, modularities are only reported.
 * With samverkan available (default) its values for the same nodes are
 * compared with NetworkX's too.
 *
 * The graph and each peer's JSON (igraph.json, networkx.json) are left in
 * --out DIR (default: a new temporary directory, printed).
 *
 * Exit code 1 when a check fails; a missing Python module is reported and skipped.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { formatTable, machine, type Cell } from '../lib/measure.js';
import { createRng } from '../../src/metrics/random.js';
import {
  PEER_TASKS,
  isSkipped,
  maxAbsDiff,
  runPeer,
  sampleOf,
  type PeerFiles,
  type PeerLibrary,
  type PeerResult,
  type PeerTask,
} from '../lib/peers.js';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
function num(name: string, fallback: number): number {
  const raw = option(name);
  const v = raw === undefined ? fallback : Number(raw);
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name} must be a positive number`);
  return v;
}
const flag = (name: string) => process.argv.includes(`--${name}`);

const NODES = Math.floor(num('nodes', 2000));
const PER_NODE = Math.floor(num('per-node', 4));
const SEED = Math.floor(num('seed', 1));
const REPEAT = Math.floor(num('repeat', 3));
const TIMEOUT = num('timeout', 300);
const TASKS = (option('tasks') ?? PEER_TASKS.join(',')).split(',').filter(Boolean) as PeerTask[];
for (const t of TASKS) if (!PEER_TASKS.includes(t)) throw new Error(`unknown task ${t}`);


/** Seeded Barabási–Albert graph, written as edges.txt / nodes.txt in `dir`. */
export function writeBarabasiAlbert(dir: string, n: number, perNode: number, seed: number): PeerFiles & { m: number } {
  const random = createRng(seed);
  const isolated = Math.floor(n / 100);
  const connected = n - isolated;
  const lines: string[] = [];
  const endpoints: number[] = [];
  const add = (u: number, v: number) => {
    lines.push(`${u} ${v} ${1 + Math.floor(random() * 10)}`);
    endpoints.push(u, v);
  };
  const core = Math.min(perNode + 1, connected);
  for (let i = 0; i < core; i++) for (let j = i + 1; j < core; j++) add(i, j);
  for (let i = core; i < connected; i++) {
    const chosen = new Set<number>();
    while (chosen.size < perNode) chosen.add(endpoints[Math.floor(random() * endpoints.length)]!);
    for (const j of [...chosen].sort((a, b) => a - b)) add(j, i);
  }
  const edges = path.join(dir, 'edges.txt');
  const nodes = path.join(dir, 'nodes.txt');
  writeFileSync(edges, `${lines.join('\n')}\n`);
  writeFileSync(nodes, `${Array.from({ length: n }, (_, i) => `actor-${i}`).join('\n')}\n`);
  return { edges, nodes, m: lines.length };
}

let files: PeerFiles;
let outDir: string | undefined;
if (option('edges-file') && option('nodes-file')) {
  files = { edges: path.resolve(option('edges-file')!), nodes: path.resolve(option('nodes-file')!) };
  console.log(`graph: ${files.edges} / ${files.nodes}`);
} else {
  const out = option('out');
  const dir = out ? path.resolve(out) : mkdtempSync(path.join(os.tmpdir(), 'samverkan-peers-'));
  mkdirSync(dir, { recursive: true });
  outDir = dir;
  const written = writeBarabasiAlbert(dir, NODES, PER_NODE, SEED);
  files = written;
  console.log(
    `graph: Barabási–Albert, ${NODES} nodes (1 % isolated), ${written.m} edges, per-node ${PER_NODE}, seed ${SEED}, in ${dir}`,
  );
}
console.log(`machine: ${machine().summary}`);
console.log(`repeat ${REPEAT} (median; 1 run when a run takes > 5 s), timeout ${TIMEOUT} s per task\n`);

const results: Partial<Record<PeerLibrary, PeerResult>> = {};
for (const library of ['igraph', 'networkx'] as const) {
  const r = await runPeer(library, files, TASKS, { repeat: REPEAT, timeoutPerTask: TIMEOUT });
  if (isSkipped(r)) console.log(`${library}: SKIPPED — ${r.skipped}`);
  else {
    results[library] = r;
    if (outDir) writeFileSync(path.join(outDir, `${library}.json`), `${JSON.stringify(r, null, 2)}\n`);
  }
}
const ig = results.igraph;
const nx = results.networkx;

// NetworkX at tol 1e-12 for pagerank / eigenvector (convention check).
let nxExact: PeerResult | undefined;
const exactTasks = TASKS.filter((t) => t === 'pagerank' || t === 'eigenvector');
if (ig && nx && exactTasks.length && !flag('no-exact')) {
  const r = await runPeer('networkx', files, exactTasks, {
    repeat: 1,
    timeoutPerTask: TIMEOUT,
    env: { NX_BENCH_TOL: '1e-12' },
  });
  if (!isSkipped(r)) nxExact = r;
}

// --- timings -------------------------------------------------------------------
const show = (r: PeerResult | undefined, t: PeerTask): Cell => {
  const x = r?.tasks[t];
  if (!x) return null;
  if (x.skipped) return x.skipped;
  if (x.error) return `error: ${x.error}`;
  return x.seconds ?? null;
};
const timingRows = TASKS.map((t) => {
  const a = show(ig, t);
  const b = show(nx, t);
  return {
    task: t,
    'igraph s': a,
    'networkx s': b,
    'networkx / igraph': typeof a === 'number' && typeof b === 'number' && a > 0 ? b / a : null,
  };
});
console.log(`\nversions: igraph ${ig?.version ?? '—'} (${ig?.python_executable ?? '—'}), networkx ${nx?.version ?? '—'} (${nx?.python_executable ?? '—'})`);
console.log(`n, m: igraph ${ig ? `${ig.n}, ${ig.m}` : '—'}; networkx ${nx ? `${nx.n}, ${nx.m}` : '—'}`);
console.log(`peak RSS MB: igraph ${ig?.peak_rss_mb ?? '—'}, networkx ${nx?.peak_rss_mb ?? '—'}`);
if (ig?.tasks.load?.method) console.log(`igraph load: ${ig.tasks.load.method}`);
if (nx?.tasks.load?.method) console.log(`networkx load: ${nx.tasks.load.method}`);
console.log(`\n${formatTable(timingRows)}\n`);
for (const r of [ig, nx]) {
  const parts = r?.tasks.all_centralities?.parts;
  if (parts) console.log(`${r!.library} all_centralities parts (s): ${Object.entries(parts).map(([k, v]) => `${k} ${v.toFixed(3)}`).join(', ')}`);
}

// --- agreement ---------------------------------------------------------------------
let failed = false;
const checks: Record<string, Cell>[] = [];
function check(what: string, diff: number | null, limit: number, note = ''): void {
  const ok = diff === null ? null : diff < limit;
  if (ok === false) failed = true;
  checks.push({ check: what, 'max abs diff': diff, limit, result: ok === null ? 'n/a' : ok ? 'ok' : 'FAIL', note });
}
function checkEqual(what: string, a: unknown, b: unknown): void {
  const known = a !== undefined && b !== undefined;
  const ok = JSON.stringify(a) === JSON.stringify(b);
  if (known && !ok) failed = true;
  checks.push({
    check: what,
    'max abs diff': null,
    limit: null,
    result: !known ? 'n/a' : ok ? 'ok' : 'FAIL',
    note: `igraph ${JSON.stringify(a)}, networkx ${JSON.stringify(b)}`,
  });
}

if (ig && nx) {
  const pair = (t: PeerTask) => maxAbsDiff(sampleOf(ig, t), sampleOf(nx, t));
  for (const t of ['betweenness', 'closeness', 'harmonic'] as const)
    if (TASKS.includes(t)) check(`${t}: igraph vs networkx`, pair(t), 1e-6, 'same algorithm, float rounding');
  if (TASKS.includes('pagerank')) {
    check('pagerank: igraph vs networkx (tol 1e-6)', pair('pagerank'), 1e-5, 'NetworkX stops at tol 1e-6; igraph PRPACK exact');
    if (nxExact)
      check('pagerank: igraph vs networkx tol 1e-12', maxAbsDiff(sampleOf(ig, 'pagerank'), sampleOf(nxExact, 'pagerank')), 1e-9, 'convention check');
  }
  if (TASKS.includes('eigenvector')) {
    check('eigenvector: igraph vs networkx (tol 1e-6)', pair('eigenvector'), 1e-3, 'ARPACK vs power iteration: ~1e-5..1e-4 expected');
    if (nxExact)
      check('eigenvector: igraph vs networkx tol 1e-12', maxAbsDiff(sampleOf(ig, 'eigenvector'), sampleOf(nxExact, 'eigenvector')), 1e-6, 'convention check');
  }
  if (TASKS.includes('all_centralities'))
    for (const mm of ['betweenness', 'closeness', 'harmonic', 'pagerank'])
      check(`all_centralities ${mm}: igraph vs networkx`, maxAbsDiff(sampleOf(ig, 'all_centralities', mm), sampleOf(nx, 'all_centralities', mm)), mm === 'pagerank' ? 1e-5 : 1e-6);
  if (TASKS.includes('kcore')) checkEqual('kcore values_sample', sampleOf(ig, 'kcore'), sampleOf(nx, 'kcore'));
  if (TASKS.includes('components'))
    checkEqual('components count/largest/isolated', pick(ig, 'components', ['count', 'largest', 'isolated']), pick(nx, 'components', ['count', 'largest', 'isolated']));
  if (TASKS.includes('articulation'))
    checkEqual('articulation count/first', pick(ig, 'articulation', ['count', 'first']), pick(nx, 'articulation', ['count', 'first']));
  if (TASKS.includes('louvain')) {
    const a = ig.tasks.louvain;
    const b = nx.tasks.louvain;
    checks.push({
      check: 'louvain modularity (weighted)',
      'max abs diff': null,
      limit: null,
      result: 'report',
      note: `igraph ${a?.modularity?.toFixed(4) ?? '—'} (${a?.communities ?? '—'} communities), networkx ${b?.modularity?.toFixed(4) ?? '—'} (${b?.communities ?? '—'} communities)`,
    });
  }
}

function pick(r: PeerResult, t: PeerTask, keys: string[]): Record<string, unknown> | undefined {
  const x = r.tasks[t] as Record<string, unknown> | undefined;
  if (!x || x.skipped || x.error) return undefined;
  return Object.fromEntries(keys.map((k) => [k, x[k]]));
}

// --- samverkan vs NetworkX (same sample nodes) ------------------------------------------
if (nx && !flag('no-samverkan')) {
  try {
    const { readFileSync } = await import('node:fs');
    const { UndirectedGraph } = await import('graphology');
    const { toCsr } = await import('../../src/metrics/csr.js');
    const { betweennessCentrality } = await import('../../src/metrics/betweenness.js');
    const { closenessCentrality } = await import('../../src/metrics/closeness.js');
    const { harmonicCentrality } = await import('../../src/metrics/harmonic.js');
    const { eigenvectorCentrality } = await import('../../src/metrics/eigenvector.js');
    const { pagerank } = await import('../../src/metrics/pagerank.js');
    const { coreNumbers } = await import('../../src/metrics/k-core.js');
    const n = readFileSync(files.nodes, 'utf8').replace(/\n$/, '').split('\n').length;
    const g = new UndirectedGraph();
    for (let i = 0; i < n; i++) g.addNode(String(i));
    for (const line of readFileSync(files.edges, 'utf8').split('\n')) {
      const [u, v, w] = line.trim().split(/\s+/);
      if (u === undefined || v === undefined || u === '') continue;
      g.mergeEdge(u, v, { weight: Number(w ?? 1) });
    }
    const csr = toCsr(g);
    const kernels: Array<[PeerTask, () => ArrayLike<number>, number]> = [
      ['betweenness', () => betweennessCentrality(csr), 1e-9],
      ['closeness', () => closenessCentrality(csr), 1e-9],
      ['harmonic', () => harmonicCentrality(csr), 1e-9],
      ['eigenvector', () => eigenvectorCentrality(csr), 1e-6],
      ['pagerank', () => pagerank(csr), 1e-6],
      ['kcore', () => coreNumbers(csr), 0.5],
    ];
    for (const [t, fn, limit] of kernels) {
      const theirs = sampleOf(nx, t);
      if (!theirs) continue;
      const ours = Array.from(fn()).slice(0, theirs.length);
      check(`${t}: samverkan vs networkx`, maxAbsDiff(ours, theirs), limit, 'samverkan defaults');
    }
  } catch (e) {
    console.log(`samverkan comparison not run: ${(e as Error).message}`);
  }
}

if (checks.length) console.log(`\nagreement on nodes 0..9:\n\n${formatTable(checks)}\n`);
if (!ig || !nx) console.log('one peer was skipped: no cross-library agreement check');
console.log(failed ? 'SELF-CHECK FAILED' : 'self-check passed');
process.exitCode = failed ? 1 : 0;
