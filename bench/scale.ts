/**
 * The scale benchmark (GitHub issue 6): samverkan against graphology-metrics,
 * graphology-communities-louvain, igraph and NetworkX on the demo network and
 * on synthetic networks of 10 000, 100 000 and 1 000 000 links. Every figure
 * is a ratio measured in the same run.
 *
 *   npx tsx bench/scale.ts [--sizes demo,10k,100k,1m] [--quick] [--peers igraph,networkx|none]
 *                          [--out bench/results/scale.json] [--readme bench/README.md | --no-readme]
 *                          [--peer-timeout 120] [--exact-max 10000] [--keep]
 *
 * `--quick`: demo and 10k only. `--exact-max L`: exact shortest-path measures
 * up to L links, `samples: 'auto'` above (default 10 000).
 *
 * Per size:
 * 1. The network is written to a temporary folder: `writeSyntheticNetwork`
 *    for the synthetic sizes; for the demo, the embedded demo's actors.csv and
 *    links.csv, plus nodes.txt / edges.txt in the CSR node order of
 *    `actorView(net)`, so every library reads the same graph.
 * 2. samverkan runs in a child process (`--child sam`) so its peak RSS is the
 *    size's own: load (`loadNetwork`, or `loadNetworkInChunks` for the files
 *    of 100 000 links and more), CSR, each centrality kernel, the combined
 *    sweep, Louvain, and the analyses `communities`, `coverageByCounty`,
 *    `findGaps`, `recommendAll`.
 * 3. graphology-metrics and graphology-communities-louvain run in another
 *    child (`--child graphology`) on the loaded network's `net.graph`.
 * 4. igraph and NetworkX run bench/peers/*.py on edges.txt (bench/lib/peers.ts).
 * 5. The whole `report` job runs as a process (`npm start` on the demo; the
 *    same command with `--geography/--actors/--links` on synthetic sizes).
 *
 * Prints a table per size, then the targets of the issue with the measured
 * ratios; writes the JSON and bench/README.md. Ratios are samverkan's time
 * divided by the peer's: below 1, samverkan is faster.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { AbstractGraph } from 'graphology-types';
import { adaptiveTime as timed, formatTable, machine, median, runCommand, runInChild, tsxLoaderUrl, type Cell, type ChildResult } from './lib/measure.js';
import { isSkipped, maxAbsDiff, runPeer, sampleOf, type PeerLibrary, type PeerResult, type PeerTask } from './lib/peers.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SELF = fileURLToPath(import.meta.url);

const SIZES = ['demo', '10k', '100k', '1m'] as const;
type Size = (typeof SIZES)[number];
const LINKS: Record<Size, number | null> = { demo: null, '10k': 10_000, '100k': 100_000, '1m': 1_000_000 };
/** Files of this many links or more are loaded with `loadNetworkInChunks` (the CLI streams above 64 MB). */
const CHUNKED_FROM_LINKS = 100_000;
/** graphology's O(nm) betweenness and closeness only up to this many links (100 000 would take many minutes). */
const GRAPHOLOGY_PATH_MAX_LINKS = 10_000;
const SAMPLE = 10;

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string' },
    quick: { type: 'boolean', default: false },
    peers: { type: 'string', default: 'igraph,networkx' },
    out: { type: 'string', default: 'bench/results/scale.json' },
    readme: { type: 'string', default: 'bench/README.md' },
    'no-readme': { type: 'boolean', default: false },
    'peer-timeout': { type: 'string', default: '120' },
    'exact-max': { type: 'string', default: '10000' },
    keep: { type: 'boolean', default: false },
    reuse: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
    // internal: child modes
    child: { type: 'string' },
    dir: { type: 'string' },
    size: { type: 'string' },
  },
});

// ============================================================ child: samverkan

interface Figure {
  seconds: number;
  runs: number;
  note?: string;
}

interface SamReport {
  size: string;
  n: number;
  m: number;
  loader: string;
  exact: boolean;
  nodeOrderMatches: boolean;
  figures: Record<string, Figure>;
  samples: Record<string, number[]>;
  sampling: unknown;
  eigenvector: { iterations: number; converged: boolean };
  pagerank: { iterations: number; converged: boolean };
  louvain: { communities: number; modularity: number };
  sampledError?: { sources: number; maxAbsError: number; bound: number };
  counts: Record<string, number>;
  maxRssMb: number;
}

async function loadFor(dir: string, size: Size) {
  const { loadNetwork } = await import('../src/io/load-network.js');
  const { loadNetworkInChunks } = await import('../src/io/load-network-stream.js');
  const input =
    size === 'demo'
      ? { actors: join(dir, 'actors.csv'), links: join(dir, 'links.csv') }
      : { geography: dir, actors: join(dir, 'actors.csv'), links: join(dir, 'links.csv') };
  const chunked = (LINKS[size] ?? 0) >= CHUNKED_FROM_LINKS;
  return {
    loader: chunked ? 'loadNetworkInChunks' : 'loadNetwork',
    load: () => (chunked ? loadNetworkInChunks(input) : loadNetwork(input)),
  };
}

async function childSam(dir: string, size: Size): Promise<void> {
  const { actorIdOf } = await import('../src/model/keys.js');
  const { actorView } = await import('../src/analysis/view.js');
  const { pathCentralities } = await import('../src/metrics/path-centralities.js');
  const { eigenvectorCentralityDetailed } = await import('../src/metrics/eigenvector.js');
  const { pagerankDetailed } = await import('../src/metrics/pagerank.js');
  const { louvainCommunities } = await import('../src/metrics/communities.js');
  const { communities } = await import('../src/analysis/communities.js');
  const { coverageByCounty } = await import('../src/analysis/coverage.js');
  const { findGaps } = await import('../src/analysis/gaps.js');
  const { recommendAll } = await import('../src/recommend/recommend.js');
  const { defaultRecommender } = await import('../src/recommend/recommender-model.js');
  const exactMax = Number(args['exact-max']);
  const links = LINKS[size];
  const exact = links === null || links <= exactMax;
  const small = links === null || links <= 10_000;
  const figures: Record<string, Figure> = {};
  const samples: Record<string, number[]> = {};
  const counts: Record<string, number> = {};
  const progress = (what: string) => process.stderr.write(`  [samverkan ${size}] ${what}\n`);

  const { loader, load } = await loadFor(dir, size);
  progress(`load (${loader})`);
  const loaded = timed(load, small);
  figures.load = { ...loaded.figure, note: loader };
  const net = loaded.value;
  progress('CSR');
  // The view every analysis uses: built from the network's pair table (not
  // from net.graph, which would build the graphology graph).
  const built = timed(() => actorView(net, (a) => a !== undefined), small);
  figures.csr = built.figure;
  const csr = built.value.csr;
  figures.graph = { seconds: figures.load.seconds + figures.csr.seconds, runs: Math.min(figures.load.runs, figures.csr.runs), note: 'load + CSR' };
  const firstNodes = readFileSync(join(dir, 'nodes.txt'), 'utf8').split('\n').slice(0, 50);
  const nodeOrderMatches = firstNodes.every((id, i) => id === '' || actorIdOf(csr.ids[i]!) === id);
  const head = (xs: ArrayLike<number>) => Array.from({ length: Math.min(SAMPLE, xs.length) }, (_, i) => xs[i]!);

  const pathOpts = exact ? {} : { samples: 'auto' as const, seed: 1 };
  const how = exact ? 'exact' : "samples: 'auto'";
  if (exact) {
    for (const measure of ['betweenness', 'closeness', 'harmonic'] as const) {
      progress(`${measure} (${how})`);
      const r = timed(() => pathCentralities(csr, { measures: [measure], ...pathOpts }));
      figures[measure] = { ...r.figure, note: how };
      samples[measure] = head(r.value[measure]!);
    }
  }
  progress(`combined sweep (${how})`);
  const sweep = timed(() => pathCentralities(csr, pathOpts));
  figures.sweep = { ...sweep.figure, note: how };
  const sampling = sweep.value.sampling;
  progress('combined sweep, 2 workers');
  figures.sweep2 = { ...timed(() => pathCentralities(csr, { ...pathOpts, workers: 2 })).figure, note: `${how}, 2 worker threads` };
  let sampledError: SamReport['sampledError'];
  if (exact && csr.n > 2000) {
    // How far a 500-source estimate is from the exact values (README: "measured errors are far smaller").
    const est = pathCentralities(csr, { measures: ['betweenness'], samples: 500, seed: 1 });
    const exactB = sweep.value.betweenness!;
    let worst = 0;
    for (let i = 0; i < csr.n; i++) worst = Math.max(worst, Math.abs(est.betweenness![i]! - exactB[i]!));
    sampledError = { sources: est.sampling.sources, maxAbsError: worst, bound: est.sampling.betweennessErrorBound };
  }
  progress('eigenvector');
  const eig = timed(() => eigenvectorCentralityDetailed(csr, { maxIterations: 1000 }));
  figures.eigenvector = { ...eig.figure, note: `power iteration, ${eig.value.iterations} iterations${eig.value.converged ? '' : ', not converged'}` };
  samples.eigenvector = head(eig.value.values);
  progress('pagerank');
  const pr = timed(() => pagerankDetailed(csr, { maxIterations: 1000 }));
  figures.pagerank = { ...pr.figure, note: `${pr.value.iterations} iterations` };
  samples.pagerank = head(pr.value.values);
  if (exact) {
    progress('default centrality set');
    figures.centralitySet = {
      ...timed(() => {
        pathCentralities(csr, pathOpts);
        eigenvectorCentralityDetailed(csr, { maxIterations: 1000 });
        pagerankDetailed(csr, { maxIterations: 1000 });
      }).figure,
      note: `one sweep (${how}) + eigenvector + PageRank`,
    };
  } else {
    // Sampled sizes have no peer for the path measures: no separate runs per measure, and the set is the sum of its parts.
    figures.centralitySet = { seconds: figures.sweep.seconds + figures.eigenvector.seconds + figures.pagerank.seconds, runs: 1, note: 'sum: sweep + eigenvector + PageRank' };
  }
  progress('louvain kernel');
  const lv = timed(() => louvainCommunities(csr, { seed: 1 }));
  figures.louvain = { ...lv.figure, note: 'louvainCommunities(csr): copy to graphology + louvain + modularity' };

  // Analyses. Small sizes: each on a freshly loaded network (cold caches), median of 3.
  // Large sizes: once each, in this order, on the one loaded network.
  const analyses: [string, (n: typeof net) => { length: number } | { count: number }][] = [
    ['communities', (x) => communities(x)],
    ['coverage', (x) => coverageByCounty(x)],
    ['gaps', (x) => findGaps(x)],
    // The synthetic country ships no model, so its networks would get the weighted scorer: the shipped model is passed, the workload of earlier rounds.
    ['recommendations', (x) => recommendAll(x, { model: defaultRecommender(), onWarning: () => {} })],
  ];
  for (const [name, fn] of analyses) {
    progress(name);
    if (small) {
      const all: number[] = [];
      let count = 0;
      for (let r = 0; r < 4; r++) {
        const fresh = load();
        const t0 = performance.now();
        const out = fn(fresh);
        const s = (performance.now() - t0) / 1000;
        if (r > 0) all.push(s); // the first is a warm-up
        count = 'length' in out ? out.length : out.count;
      }
      figures[name] = { seconds: median(all), runs: all.length, note: 'fresh network per run' };
      counts[name] = count;
    } else {
      const t0 = performance.now();
      const out = fn(net);
      figures[name] = { seconds: (performance.now() - t0) / 1000, runs: 1, note: 'one run, shared network' };
      counts[name] = 'length' in out ? out.length : out.count;
    }
  }

  const report: SamReport = {
    size,
    n: csr.n,
    m: csr.m,
    loader,
    exact,
    nodeOrderMatches,
    figures,
    samples,
    sampling,
    eigenvector: { iterations: eig.value.iterations, converged: eig.value.converged },
    pagerank: { iterations: pr.value.iterations, converged: pr.value.converged },
    louvain: { communities: lv.value.count, modularity: lv.value.modularity },
    ...(sampledError && { sampledError }),
    counts,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

// ============================================================ child: graphology

interface GraphologyReport {
  figures: Record<string, Figure | { skipped: string }>;
  maxRssMb: number;
}

async function childGraphology(dir: string, size: Size): Promise<void> {
  const { default: betweenness } = await import('graphology-metrics/centrality/betweenness.js');
  const { default: closeness } = await import('graphology-metrics/centrality/closeness.js');
  const { default: eigenvector } = await import('graphology-metrics/centrality/eigenvector.js');
  const { default: pagerank } = await import('graphology-metrics/centrality/pagerank.js');
  const { default: louvain } = await import('graphology-communities-louvain');
  const { createRng } = await import('../src/metrics/random.js');
  const { load } = await loadFor(dir, size);
  const net = load();
  const graph = net.graph as unknown as AbstractGraph;
  const links = LINKS[size];
  const small = links === null || links <= 10_000;
  const paths = links === null || links <= GRAPHOLOGY_PATH_MAX_LINKS;
  const figures: GraphologyReport['figures'] = {};
  const progress = (what: string) => process.stderr.write(`  [graphology ${size}] ${what}\n`);
  const run = (name: string, note: string, fn: () => unknown) => {
    progress(name);
    try {
      figures[name] = { ...timed(fn, small).figure, note };
    } catch (error) {
      figures[name] = { skipped: `failed: ${(error as Error).message.split('\n')[0]}` };
    }
  };
  const why = `skipped: O(nm) on ${links?.toLocaleString('en')} links would take many minutes`;
  if (paths) {
    run('betweennessDefault', 'betweenness(graph): default options, weighted (weight read as a distance, Dijkstra)', () => betweenness(graph));
    run('betweenness', "betweenness(graph, { getEdgeWeight: null }): unweighted, samverkan's convention", () => betweenness(graph, { getEdgeWeight: null }));
    run('closeness', 'closeness(graph, { wassermanFaust: true })', () => closeness(graph, { wassermanFaust: true }));
  } else {
    for (const k of ['betweennessDefault', 'betweenness', 'closeness']) figures[k] = { skipped: why };
  }
  run('eigenvector', 'eigenvector(graph, { getEdgeWeight: null, maxIterations: 1000 })', () => eigenvector(graph, { getEdgeWeight: null, maxIterations: 1000 }));
  run('pagerank', "pagerank(graph, { getEdgeWeight: 'weight' })", () => pagerank(graph, { getEdgeWeight: 'weight' }));
  run('louvain', 'louvain(net.graph, { rng: seeded }) called directly', () => louvain(graph, { rng: createRng(1) }));
  const report: GraphologyReport = { figures, maxRssMb: process.resourceUsage().maxRSS / 1024 };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

// ============================================================ parent

interface ProcessFigure {
  command: string;
  seconds: number | null;
  all?: number[];
  peakRssMb: number | null;
  error?: string;
}

interface SizeResult {
  size: Size;
  links: number;
  n: number | null;
  dir: string;
  linksFileMb: number;
  sam: SamReport | { error: string; peakRssMb: number | null };
  samPeakRssMb: number | null;
  graphology: GraphologyReport | { error: string };
  peers: Partial<Record<PeerLibrary, PeerResult | { skipped: string } | { error: string }>>;
  report: Record<string, ProcessFigure>;
  /** `git describe --always --dirty` of the working tree when the size started (src/ may change during a run). */
  commit: string;
  /** Set when the size was not run this time but taken from an earlier result file (`--reuse`). */
  reused?: string;
}

function commitOf(): string {
  const r = spawnSync('git', ['describe', '--always', '--dirty', '--exclude', '*'], { cwd: ROOT, encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : 'unknown';
}

async function writeInputs(size: Size, dir: string): Promise<{ links: number }> {
  mkdirSync(dir, { recursive: true });
  if (size === 'demo') {
    const { demoDataset } = await import('../src/io/sweden.js');
    const { loadNetwork } = await import('../src/io/load-network.js');
    const { actorView } = await import('../src/analysis/view.js');
    const { actorIdOf } = await import('../src/model/keys.js');
    const demo = demoDataset();
    writeFileSync(join(dir, 'actors.csv'), (demo.actors as { text: string }).text);
    writeFileSync(join(dir, 'links.csv'), (demo.links as { text: string }).text);
    const net = loadNetwork({ actors: join(dir, 'actors.csv'), links: join(dir, 'links.csv') });
    const { csr } = actorView(net);
    writeFileSync(join(dir, 'nodes.txt'), csr.ids.map((k) => `${actorIdOf(k)}\n`).join(''));
    const lines: string[] = [];
    for (let u = 0; u < csr.n; u++) {
      for (let k = csr.offsets[u]!; k < csr.offsets[u + 1]!; k++) {
        const v = csr.targets[k]!;
        if (v > u) lines.push(`${u} ${v} ${csr.weights[k]}\n`);
      }
    }
    writeFileSync(join(dir, 'edges.txt'), lines.join(''));
    return { links: net.links.length };
  }
  const { writeSyntheticNetwork } = await import('../src/synthetic/files.js');
  return { links: writeSyntheticNetwork(dir, { links: LINKS[size]!, seed: 1 }).links };
}

function peerTasks(size: Size, library: PeerLibrary, exact: boolean): { tasks: PeerTask[]; skippedNote?: string } {
  if (exact) {
    const base: PeerTask[] = ['load', 'betweenness', 'closeness', 'harmonic', 'eigenvector', 'pagerank', 'louvain'];
    return { tasks: library === 'igraph' ? [...base, 'all_centralities'] : base };
  }
  const base: PeerTask[] = ['load', 'eigenvector', 'pagerank', 'louvain'];
  if (library === 'networkx' && size === '1m') return { tasks: ['load', 'eigenvector', 'pagerank'], skippedNote: 'NetworkX Louvain at 1M links: not run (many minutes)' };
  return { tasks: base };
}

async function processFigure(label: string, exe: string, argv: string[], runs: number, timeoutMs: number): Promise<ProcessFigure> {
  const all: number[] = [];
  let peak: number | null = null;
  const command = `${label}`;
  for (let r = 0; r < runs; r++) {
    const res: ChildResult = await runCommand(exe, argv, { cwd: ROOT, timeoutMs, forwardStderr: false });
    if (res.code !== 0) {
      const why = res.timedOut ? `timeout after ${timeoutMs / 1000} s` : `exit ${res.code ?? res.signal}: ${res.stderr.trim().split('\n').filter((l) => !/non-zero status|--debug/.test(l)).slice(-3).join(' ')}`;
      return { command, seconds: null, peakRssMb: res.peakRssMb, error: why };
    }
    all.push(res.wallSeconds);
    peak = Math.max(peak ?? 0, res.peakRssMb ?? 0);
  }
  return { command, seconds: median(all), all, peakRssMb: peak };
}

async function runSize(size: Size, root: string, peers: PeerLibrary[]): Promise<SizeResult> {
  const dir = join(root, size);
  const commit = commitOf();
  const t0 = performance.now();
  console.error(`\n== ${size}: writing inputs to ${dir}`);
  const { links } = await writeInputs(size, dir);
  const linksFileMb = statSync(join(dir, 'links.csv')).size / 2 ** 20;
  console.error(`   ${links.toLocaleString('en')} links, links.csv ${linksFileMb.toFixed(1)} MB (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  const heap = ['--max-old-space-size=12288'];
  const childArgs = ['--dir', dir, '--size', size];

  const samRun = await runInChild<SamReport>(SELF, ['--child', 'sam', ...childArgs], { nodeFlags: heap, timeoutMs: 30 * 60_000 });
  const sam = samRun.json ?? { error: `exit ${samRun.code ?? samRun.signal}${samRun.timedOut ? ' (timeout)' : ''}: ${samRun.stderr.trim().split('\n').slice(-3).join(' ')}`, peakRssMb: samRun.peakRssMb };
  const exact = 'exact' in sam ? sam.exact : (LINKS[size] ?? 0) <= Number(args['exact-max']);

  const grRun = await runInChild<GraphologyReport>(SELF, ['--child', 'graphology', ...childArgs], { nodeFlags: heap, timeoutMs: 20 * 60_000 });
  const graphology = grRun.json ?? { error: `exit ${grRun.code ?? grRun.signal}${grRun.timedOut ? ' (timeout)' : ''}` };

  const peerResults: SizeResult['peers'] = {};
  for (const library of peers) {
    const { tasks, skippedNote } = peerTasks(size, library, exact);
    console.error(`  [${library} ${size}] tasks ${tasks.join(',')}${skippedNote ? ` (${skippedNote})` : ''}`);
    try {
      const r = await runPeer(library, { edges: join(dir, 'edges.txt'), nodes: join(dir, 'nodes.txt') }, tasks, {
        repeat: 3,
        slow: 2,
        timeoutPerTask: Number(args['peer-timeout']),
        progress: false,
      });
      peerResults[library] = r;
      if (isSkipped(r)) console.error(`  [${library}] skipped: ${r.skipped}`);
    } catch (error) {
      peerResults[library] = { error: (error as Error).message };
      console.error(`  [${library}] failed: ${(error as Error).message}`);
    }
  }

  // The whole job as a process.
  const report: Record<string, ProcessFigure> = {};
  const out = join(dir, 'report.html');
  const tsx = ['--import', tsxLoaderUrl(), 'src/cli/main.ts', 'report', '--out', out];
  if (size === 'demo') {
    console.error('  [report] npm start, node --import tsx, node dist/cli.js (3 runs each)');
    report.npmStart = await processFigure(`npm start -- --out ${relative(ROOT, out) || out}`, 'npm', ['start', '--silent', '--', '--out', out], 3, 120_000);
    report.tsx = await processFigure('node --import tsx src/cli/main.ts report --out …', process.execPath, tsx, 3, 120_000);
    if (existsSync(join(ROOT, 'dist/cli.js'))) {
      report.dist = await processFigure('node dist/cli.js report --out …', process.execPath, ['dist/cli.js', 'report', '--out', out], 3, 120_000);
    }
  } else {
    console.error('  [report] node --import tsx src/cli/main.ts report --geography … (1 run)');
    const input = ['--geography', dir, '--actors', join(dir, 'actors.csv'), '--links', join(dir, 'links.csv'), '--quiet'];
    report.tsx = await processFigure('node --import tsx src/cli/main.ts report --geography DIR --actors … --links … --out …', process.execPath, [...tsx, ...input], 1, 10 * 60_000);
  }
  console.error(`== ${size} done in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  return {
    size,
    links,
    n: 'n' in sam ? sam.n : null,
    dir,
    linksFileMb,
    sam,
    samPeakRssMb: samRun.peakRssMb,
    graphology,
    peers: peerResults,
    report,
    commit,
  };
}

// ------------------------------------------------------------ tables

type PeerCol = 'graphology' | 'igraph' | 'networkx';

function peerTask(r: SizeResult, lib: PeerLibrary, task: PeerTask): { seconds: number | null; why?: string } {
  const p = r.peers[lib];
  if (!p) return { seconds: null, why: 'not run' };
  if ('skipped' in p) return { seconds: null, why: 'not installed' };
  if ('error' in p) return { seconds: null, why: 'failed' };
  const t = p.tasks[task];
  if (!t) return { seconds: null, why: 'not run' };
  if (t.skipped) return { seconds: null, why: t.skipped };
  if (t.error) return { seconds: null, why: 'error' };
  return { seconds: t.seconds ?? null };
}

function graphologyFigure(r: SizeResult, name: string): { seconds: number | null; why?: string } {
  const g = r.graphology;
  if ('error' in g) return { seconds: null, why: 'failed' };
  const f = g.figures[name];
  if (!f) return { seconds: null, why: 'not run' };
  if ('skipped' in f) return { seconds: null, why: f.skipped.startsWith('skipped: O(nm)') ? 'skipped (O(nm))' : f.skipped };
  return { seconds: f.seconds };
}

function samFigure(r: SizeResult, name: string): number | null {
  return 'figures' in r.sam ? (r.sam.figures[name]?.seconds ?? null) : null;
}

interface Row {
  figure: string;
  sam: number | null;
  graphology?: { seconds: number | null; why?: string };
  igraph?: { seconds: number | null; why?: string };
  networkx?: { seconds: number | null; why?: string };
  note?: string;
}

function sumOf(parts: { seconds: number | null; why?: string }[]): { seconds: number | null; why?: string } {
  if (parts.some((p) => p.seconds === null)) return { seconds: null, why: parts.find((p) => p.seconds === null)!.why };
  return { seconds: parts.reduce((s, p) => s + p.seconds!, 0) };
}

function rowsOf(r: SizeResult): Row[] {
  const how = 'exact' in r.sam && !r.sam.exact ? " (samples: 'auto')" : ' (exact)';
  const pt = (lib: PeerLibrary, task: PeerTask) => peerTask(r, lib, task);
  const loader = 'figures' in r.sam ? r.sam.figures.load?.note : undefined;
  const igAll = pt('igraph', 'all_centralities');
  const nxAll = sumOf((['betweenness', 'closeness', 'harmonic', 'eigenvector', 'pagerank'] as const).map((t) => pt('networkx', t)));
  const rows: Row[] = [
    { figure: `load: CSV → network (${loader ?? '?'})`, sam: samFigure(r, 'load'), igraph: pt('igraph', 'load'), networkx: pt('networkx', 'load') },
    { figure: 'CSR view', sam: samFigure(r, 'csr') },
    { figure: 'CSV → analysable graph (load + CSR)', sam: samFigure(r, 'graph'), igraph: pt('igraph', 'load'), networkx: pt('networkx', 'load') },
    { figure: `betweenness${how}`, sam: samFigure(r, 'betweenness'), graphology: graphologyFigure(r, 'betweenness'), igraph: pt('igraph', 'betweenness'), networkx: pt('networkx', 'betweenness') },
    { figure: `betweenness${how} vs graphology default (weighted)`, sam: samFigure(r, 'betweenness'), graphology: graphologyFigure(r, 'betweennessDefault') },
    { figure: `closeness${how}`, sam: samFigure(r, 'closeness'), graphology: graphologyFigure(r, 'closeness'), igraph: pt('igraph', 'closeness'), networkx: pt('networkx', 'closeness') },
    { figure: `harmonic${how}`, sam: samFigure(r, 'harmonic'), igraph: pt('igraph', 'harmonic'), networkx: pt('networkx', 'harmonic') },
    {
      figure: `one sweep: betweenness + closeness + harmonic${how} vs 3 calls`,
      sam: samFigure(r, 'sweep'),
      igraph: sumOf([pt('igraph', 'betweenness'), pt('igraph', 'closeness'), pt('igraph', 'harmonic')]),
      networkx: sumOf([pt('networkx', 'betweenness'), pt('networkx', 'closeness'), pt('networkx', 'harmonic')]),
    },
    { figure: `the same sweep on 2 worker threads`, sam: samFigure(r, 'sweep2') },
    { figure: 'eigenvector', sam: samFigure(r, 'eigenvector'), graphology: graphologyFigure(r, 'eigenvector'), igraph: pt('igraph', 'eigenvector'), networkx: pt('networkx', 'eigenvector') },
    { figure: 'PageRank', sam: samFigure(r, 'pagerank'), graphology: graphologyFigure(r, 'pagerank'), igraph: pt('igraph', 'pagerank'), networkx: pt('networkx', 'pagerank') },
    { figure: `default centrality set${how}`, sam: samFigure(r, 'centralitySet'), igraph: igAll, networkx: nxAll },
    { figure: 'Louvain (kernel)', sam: samFigure(r, 'louvain'), graphology: graphologyFigure(r, 'louvain'), igraph: pt('igraph', 'louvain'), networkx: pt('networkx', 'louvain') },
    { figure: 'communities(net) (analysis)', sam: samFigure(r, 'communities') },
    { figure: 'coverageByCounty(net)', sam: samFigure(r, 'coverage') },
    { figure: 'findGaps(net)', sam: samFigure(r, 'gaps') },
    { figure: 'recommendAll(net): all small municipalities', sam: samFigure(r, 'recommendations') },
    ...Object.entries(r.report).map(([k, p]) => ({
      figure: `whole report job as a process: ${k === 'npmStart' ? '`npm start`' : k === 'dist' ? '`node dist/cli.js report`' : '`node --import tsx src/cli/main.ts report`'}`,
      sam: p.seconds,
      note: p.error,
    })),
  ];
  return rows.filter((row) => row.sam !== null || row.note !== undefined || 'error' in r.sam);
}

const fmtS = (s: number | null | undefined): string => (s === null || s === undefined ? '—' : s >= 100 ? s.toFixed(0) : s >= 10 ? s.toFixed(1) : s >= 1 ? s.toFixed(2) : s >= 0.01 ? s.toFixed(3) : s.toFixed(4));
const fmtRatio = (a: number | null, b: number | null): string => (a === null || b === null || b === 0 ? '—' : (a / b).toFixed(2));

function sizeTable(r: SizeResult, peers: PeerLibrary[]): string {
  const cols: PeerCol[] = ['graphology', ...peers];
  const label: Record<PeerCol, string> = { graphology: 'graphology', igraph: 'igraph', networkx: 'NetworkX' };
  const rows = rowsOf(r).map((row) => {
    const out: Record<string, Cell> = { figure: row.figure, 'samverkan s': row.sam === null ? (row.note ? `failed: ${row.note}` : '—') : fmtS(row.sam) };
    for (const c of cols) {
      const p = row[c];
      out[`${label[c]} s`] = p === undefined ? '' : p.seconds === null ? (p.why ?? '—') : fmtS(p.seconds);
    }
    for (const c of cols) {
      const p = row[c];
      out[`÷ ${label[c]}`] = p === undefined ? '' : fmtRatio(row.sam, p.seconds);
    }
    return out;
  });
  const rss: Record<string, Cell> = { figure: 'peak RSS, MB (the measuring process)', 'samverkan s': r.samPeakRssMb === null ? '—' : Math.round(r.samPeakRssMb) };
  const blank = (row: Record<string, Cell>) => {
    for (const c of cols) {
      row[`${label[c]} s`] ??= '';
      row[`÷ ${label[c]}`] = '';
    }
    return row;
  };
  const g = r.graphology;
  rss['graphology s'] = 'error' in g ? '—' : Math.round(g.maxRssMb);
  for (const lib of peers) {
    const p = r.peers[lib];
    rss[`${label[lib]} s`] = p && 'peak_rss_mb' in p ? Math.round(p.peak_rss_mb) : '—';
  }
  rows.push(blank(rss));
  for (const [k, p] of Object.entries(r.report)) {
    rows.push(blank({ figure: `peak RSS, MB: report job (${k === 'npmStart' ? 'npm start' : k})`, 'samverkan s': p.peakRssMb === null ? '—' : Math.round(p.peakRssMb) }));
  }
  return formatTable(rows);
}

interface Target {
  target: string;
  size: string;
  measured: string;
  pass: boolean | null;
}

function targets(results: SizeResult[]): Target[] {
  const out: Target[] = [];
  const ratioRow = (target: string, r: SizeResult, ours: number | null, theirs: number | null, limit: (x: number) => boolean | null, show: (x: number) => string, why?: string) => {
    if (ours === null || theirs === null) {
      out.push({ target, size: r.size, measured: why ?? 'not measured', pass: null });
      return;
    }
    const x = ours / theirs;
    out.push({ target, size: r.size, measured: show(x), pass: limit(x) });
  };
  for (const r of results) {
    if (!('exact' in r.sam) || !r.sam.exact) continue;
    const b = samFigure(r, 'betweenness');
    const ig = peerTask(r, 'igraph', 'betweenness');
    ratioRow('exact betweenness within 1.3× of igraph', r, b, ig.seconds, (x) => x <= 1.3, (x) => `${x.toFixed(2)}× igraph's time (${fmtS(b)} s vs ${fmtS(ig.seconds)} s)`, ig.why);
    const gd = graphologyFigure(r, 'betweennessDefault');
    ratioRow('exact betweenness ≥ 5× faster than graphology-metrics default', r, gd.seconds, b, (x) => x >= 5, (x) => `${x.toFixed(1)}× faster (${fmtS(b)} s vs ${fmtS(gd.seconds)} s)`, gd.why);
    const gn = graphologyFigure(r, 'betweenness');
    ratioRow('  (for reference, same convention: graphology `getEdgeWeight: null`)', r, gn.seconds, b, () => null, (x) => `${x.toFixed(1)}× faster (${fmtS(b)} s vs ${fmtS(gn.seconds)} s)`, gn.why);
    const set = samFigure(r, 'centralitySet');
    const igAll = peerTask(r, 'igraph', 'all_centralities');
    ratioRow('default centrality set faster than igraph', r, set, igAll.seconds, (x) => x < 1, (x) => `${x.toFixed(2)}× igraph's time (${fmtS(set)} s vs ${fmtS(igAll.seconds)} s)`, igAll.why);
  }
  for (const r of results) {
    for (const [name, task] of [['PageRank', 'pagerank'], ['eigenvector', 'eigenvector']] as const) {
      const ours = samFigure(r, task);
      const ig = peerTask(r, 'igraph', task);
      ratioRow(`${name} within 2× of igraph`, r, ours, ig.seconds, (x) => x <= 2, (x) => `${x.toFixed(2)}× (${fmtS(ours)} s vs ${fmtS(ig.seconds)} s)`, ig.why);
    }
  }
  for (const r of results) {
    const ours = samFigure(r, 'graph');
    const ig = peerTask(r, 'igraph', 'load');
    ratioRow("CSV → analysable graph within 2× of igraph's edge-list read", r, ours, ig.seconds, (x) => x <= 2, (x) => `${x.toFixed(2)}× (${fmtS(ours)} s vs ${fmtS(ig.seconds)} s)`, ig.why);
    const nx = peerTask(r, 'networkx', 'load');
    ratioRow("CSV → analysable graph faster than NetworkX's edge-list read", r, ours, nx.seconds, (x) => x < 1, (x) => `${x.toFixed(2)}× (${fmtS(ours)} s vs ${fmtS(nx.seconds)} s)`, nx.why);
  }
  const demo = results.find((r) => r.size === 'demo');
  if (demo) {
    for (const [k, p] of Object.entries(demo.report)) {
      const label = k === 'npmStart' ? '`npm start`' : k === 'dist' ? '`node dist/cli.js report`' : '`node --import tsx src/cli/main.ts report`';
      out.push({ target: `whole main job on the demo < 2 s wall as a process: ${label}`, size: 'demo', measured: p.seconds === null ? `failed: ${p.error}` : `${p.seconds.toFixed(2)} s (median of ${p.all?.length ?? 0}; ${p.all?.map((s) => s.toFixed(2)).join(', ')})`, pass: p.seconds === null ? false : p.seconds < 2 });
    }
  }
  const big = results.find((r) => r.size === '1m');
  if (big) {
    const mb = big.samPeakRssMb;
    out.push({ target: '1 000 000 links loaded and analysed (all but exact betweenness) ≤ 1 GB peak', size: '1m', measured: mb === null ? 'not measured' : `${Math.round(mb)} MB peak RSS (bench child: load, CSR, sampled path measures, eigenvector, PageRank, Louvain, communities, coverage, gaps, recommendations)`, pass: mb === null ? null : mb <= 1024 });
    const rep = big.report.tsx;
    if (rep) out.push({ target: '  (for reference: the whole `report` CLI job)', size: '1m', measured: rep.seconds === null ? `failed: ${rep.error} (peak ${rep.peakRssMb ?? '?'} MB)` : `${Math.round(rep.peakRssMb ?? 0)} MB peak RSS, ${rep.seconds.toFixed(0)} s wall`, pass: null });
  }
  return out;
}

function targetTable(ts: Target[]): string {
  return formatTable(ts.map((t) => ({ target: t.target, size: t.size, measured: t.measured, result: t.pass === null ? (t.target.startsWith('  (') ? 'info' : 'n/a') : t.pass ? 'pass' : 'FAIL' })));
}

function valueChecks(results: SizeResult[]): string {
  const rows: Record<string, Cell>[] = [];
  for (const r of results) {
    if (!('samples' in r.sam)) continue;
    const sam = r.sam;
    for (const lib of ['igraph', 'networkx'] as const) {
      const p = r.peers[lib];
      if (!p || 'skipped' in p || 'error' in p) continue;
      const row: Record<string, Cell> = { size: r.size, peer: lib };
      for (const m of ['betweenness', 'closeness', 'harmonic', 'eigenvector', 'pagerank'] as const) {
        const ours = sam.samples[m] ?? null;
        const d = sam.exact || m === 'eigenvector' || m === 'pagerank' ? maxAbsDiff(ours, sampleOf(p, m as PeerTask)) : null;
        row[m] = d === null ? '—' : d.toExponential(1);
      }
      rows.push(row);
    }
  }
  return rows.length ? formatTable(rows) : '(no peer values)';
}

function describeSize(r: SizeResult): string {
  if (!('figures' in r.sam)) return `**${r.size}**: samverkan child failed: ${r.sam.error}`;
  const s = r.sam;
  const sampling = s.sampling as { exact: boolean; sources: number; betweennessErrorBound: number } | null;
  const parts = [
    `${s.n.toLocaleString('en')} nodes, ${s.m.toLocaleString('en')} edges (${r.links.toLocaleString('en')} links; links.csv ${r.linksFileMb.toFixed(1)} MB)`,
    `loaded with \`${s.loader}\``,
    sampling?.exact === false ? `path measures sampled: ${sampling.sources} sources (betweenness error bound ${sampling.betweennessErrorBound.toExponential(1)})` : 'path measures exact',
    `eigenvector ${s.eigenvector.iterations} iterations${s.eigenvector.converged ? '' : ' (not converged)'}, PageRank ${s.pagerank.iterations}`,
    `Louvain ${s.louvain.communities} communities, modularity ${s.louvain.modularity.toFixed(3)}`,
    `${s.counts.recommendations ?? '?'} recommendations, ${s.counts.gaps ?? '?'} gaps`,
  ];
  parts.push(`code ${r.commit ?? '?'}${r.reused ? `, measured in an earlier run (${r.reused.slice(0, 16).replace('T', ' ')} UTC) and reused with --reuse` : ''}`);
  if (!s.nodeOrderMatches) parts.push('**warning: nodes.txt order differs from the CSR order**');
  if (s.sampledError) parts.push(`500-source betweenness estimate: max error ${s.sampledError.maxAbsError.toExponential(1)} vs bound ${s.sampledError.bound.toExponential(1)}`);
  return `**${r.size}**: ${parts.join('; ')}.`;
}

/** A section written by another benchmark into bench/results/ (empty when that file is absent), for bench/README.md. */
function included(file: string, heading: string): string {
  const path = join(ROOT, 'bench', 'results', file);
  return existsSync(path) ? `\n${heading}\n\n${readFileSync(path, 'utf8').trim()}\n` : '';
}

function readme(results: SizeResult[], peers: PeerLibrary[], command: string, startedAt: Date, minutes: number, load: number[]): string {
  const m = machine();
  const versions = peers
    .map((lib) => {
      const p = results.map((r) => r.peers[lib]).find((x) => x && 'version' in x) as PeerResult | undefined;
      return p ? `${lib === 'igraph' ? 'python-igraph' : 'NetworkX'} ${p.version} (Python ${p.python}, ${p.python_executable})` : `${lib}: not available`;
    })
    .join('; ');
  const pkg = (name: string) => {
    try {
      return (JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
    } catch {
      return '?';
    }
  };
  const ts = targets(results);
  const loading = included('load-scale.md', '## Loading (issue 16): `bench/load-scale.ts`') + included('columnar-input.md', '### Arrow / Parquet input (issue 16)');
  return `# Benchmarks

Written by \`bench/scale.ts\` (GitHub issue 6); rerun it to refresh this file. The other
benchmarks (\`bench/load.ts\`, \`centrality.ts\`, \`structure.ts\`, \`recommend-quality.ts\`,
\`stream.ts\`, \`load-scale.ts\`: loading against igraph and NetworkX, issue 16) print their own tables; \`npm run bench\` runs them all, this one last.

- **Date**: ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC, ${minutes.toFixed(0)} minutes
- **Machine**: ${m.summary}
- **Load average** at the start and the end: ${load.map((x) => x.toFixed(2)).join(' → ')} (above about 1 on this 2-core machine, other work competed with the benchmark and small timings move by tens of percent)
- **Peers**: graphology-metrics ${pkg('graphology-metrics')}, graphology-communities-louvain ${pkg('graphology-communities-louvain')}, graphology ${pkg('graphology')}; ${versions}
- **Command**: \`${command}\`

Every ratio is **samverkan's time ÷ the peer's time, measured in the same run** (below 1:
samverkan is faster). Times are seconds: after a warm-up run, the median of 21 runs
when a run takes under 10 ms, of 7 under 0.1 s, of 3 under 0.5 s, else that one run
(peers: median of up to 3, one run when a run takes over 2 s).

## Targets

${targetTable(ts)}

## Results per size

${results.map((r) => `### ${r.size}\n\n${describeSize(r)}\n\n${sizeTable(r, peers)}`).join('\n\n')}

### Values agree

Largest |difference| over nodes 0–9 between samverkan and each peer (sampled path
measures are not compared):

${valueChecks(results)}
${loading}
## Conventions

- **Same graph everywhere.** samverkan loads \`actors.csv\` + \`links.csv\` (validating
  every row, resolving municipalities, building the network's link records and pair
  table; the graphology graph is only built for the graphology column); the peers read
  \`edges.txt\` (\`u v weight\`, one line per pair) with \`nodes.txt\`, written in the
  node order of \`actorView(net)\`, so node *i* is the same actor everywhere. graphology
  runs on the loaded network's own \`net.graph\`. Synthetic sizes come from
  \`writeSyntheticNetwork(dir, { links, seed: 1 })\`; the demo is the embedded demo
  dataset.
- **Load.** \`loadNetwork\` below ${CHUNKED_FROM_LINKS.toLocaleString('en')} links,
  \`loadNetworkInChunks\` (the synchronous streaming loader the CLI uses for big files)
  from there. "CSV → analysable graph" is load + CSR view, against igraph's
  \`Read_Ncol\` (+ permutation to file order) and NetworkX's \`read_weighted_edgelist\`,
  which parse a bare edge list and validate nothing.
- **Path measures** (betweenness, closeness, harmonic) are exact up to
  ${Number(args['exact-max']).toLocaleString('en')} links. Above that samverkan uses
  \`samples: 'auto'\` (a seeded, component-stratified sample of sources), which has no
  counterpart in igraph or graphology, so those rows have no peer and no ratio;
  graphology's betweenness and closeness are not run above
  ${GRAPHOLOGY_PATH_MAX_LINKS.toLocaleString('en')} links (O(nm): many minutes). Each
  path measure alone is \`pathCentralities(csr, { measures: [m] })\`; "one sweep" is all
  three from one Brandes pass, against the sum of the peers' three calls.
- **Betweenness conventions.** samverkan's default is unweighted and normalised (as
  NetworkX). graphology-metrics' *default* reads \`weight\` as a distance (Dijkstra),
  so it is slower and computes something else; the row "(same convention)" uses
  \`getEdgeWeight: null\`. igraph is converted to the same normalisation.
- **Eigenvector / PageRank**: power iteration to tolerance 1e-6 with up to 1 000
  iterations (as \`centrality()\`); igraph uses ARPACK and PRPACK (exact solvers),
  NetworkX \`max_iter=1000\` / scipy PageRank. igraph runs with \`OMP_NUM_THREADS=1\`.
  samverkan stops as NetworkX does, when the L1 change is below *n* × 1e-6, so on
  large graphs few iterations suffice (PageRank: 2 at a million links) and the
  values match NetworkX's to ~1e-20 but igraph's exact solution only to ~1e-5 (see
  "Values agree"): the speed-up over igraph there is partly a looser answer.
- **Default centrality set**: one sweep + eigenvector + PageRank, against igraph's
  \`all_centralities\` task (its five calls in sequence) and the sum of NetworkX's five.
- **Louvain**: samverkan's kernel runs on the CSR (seeded local moves and
  aggregation) and computes modularity; the graphology column calls
  graphology-communities-louvain directly on \`net.graph\`.
  Partitions differ between libraries (other implementations and RNGs).
- **Analyses** (\`communities\`, \`coverageByCounty\`, \`findGaps\`, \`recommendAll\`):
  up to 10 000 links each runs on a freshly loaded network (cold caches), median of 3;
  above, once each, in this order, on the one loaded network, so views built by an
  earlier step (the CSR view, the municipality projection) are reused.
- **Peak memory** is the peak RSS of the child process that did all of samverkan's
  measurements for the size (GNU \`time -v\`), Node start-up included; the peers'
  peaks are the script's and its forked task children's maximum; the report job's is
  the CLI process's.
- **The whole job** is \`report\` (what \`npm start\` runs) as a process, wall clock,
  start-up and tsx compilation included; \`node dist/cli.js\` is the built CLI (built
  earlier: it may lag behind \`src/\`).
- NetworkX tasks that exceed ${args['peer-timeout']} s are killed and shown as "timeout".
`;
}

function printAndCollect(results: SizeResult[], peers: PeerLibrary[]): void {
  for (const r of results) {
    console.log(`\n### ${r.size}\n\n${describeSize(r)}\n\n${sizeTable(r, peers)}`);
  }
  console.log(`\n### Values agree (max |Δ| over nodes 0–9)\n\n${valueChecks(results)}`);
  console.log(`\n### Targets\n\n${targetTable(targets(results))}`);
}

async function main(): Promise<void> {
  if (args.help) {
    console.log(readFileSync(SELF, 'utf8').split('*/')[0]!.replace(/^\/\*\*\n?/, '').replace(/^ \* ?/gm, ''));
    return;
  }
  const sizes = (args.quick ? ['demo', '10k'] : (args.sizes ?? SIZES.join(',')).split(',').map((s) => s.trim().toLowerCase())) as Size[];
  for (const s of sizes) if (!SIZES.includes(s)) throw new Error(`unknown size ${s}: use ${SIZES.join(', ')}`);
  const peers = (args.peers === 'none' ? [] : args.peers!.split(',').map((s) => s.trim())) as PeerLibrary[];
  for (const p of peers) if (p !== 'igraph' && p !== 'networkx') throw new Error(`unknown peer ${p}: igraph, networkx or none`);
  const startedAt = new Date();
  const loadAvg = [(await import('node:os')).loadavg()[0]!];
  const root = mkdtempSync(join(tmpdir(), 'samverkan-scale-'));
  console.error(`inputs in ${root}; machine: ${machine().summary}`);
  const results: SizeResult[] = [];
  const previous = args.reuse ? (JSON.parse(readFileSync(resolve(ROOT, args.reuse), 'utf8')) as { startedAt: string; results: SizeResult[] }) : null;
  const order = SIZES.filter((s) => sizes.includes(s) || previous?.results.some((r) => r.size === s));
  try {
    for (const size of order) {
      const old = sizes.includes(size) ? undefined : previous!.results.find((r) => r.size === size)!;
      results.push(old ? { ...old, reused: old.reused ?? previous!.startedAt } : await runSize(size, root, peers));
      const outPath = resolve(ROOT, args.out!);
      mkdirSync(dirname(outPath), { recursive: true });
      writeFileSync(outPath, `${JSON.stringify({ startedAt, machine: machine(), argv: process.argv.slice(2), results, targets: targets(results) }, null, 1)}\n`);
    }
  } finally {
    if (!args.keep) rmSync(root, { recursive: true, force: true });
  }
  loadAvg.push((await import('node:os')).loadavg()[0]!);
  printAndCollect(results, peers);
  const minutes = (Date.now() - startedAt.getTime()) / 60_000;
  const command = `npx tsx bench/scale.ts ${process.argv.slice(2).join(' ')}`.trim();
  if (!args['no-readme']) {
    const path = resolve(ROOT, args.readme!);
    writeFileSync(path, readme(results, peers, command, startedAt, minutes, loadAvg));
    console.error(`\nwrote ${relative(ROOT, path)} and ${args.out}`);
  }
  console.error(`total ${minutes.toFixed(1)} min`);
}

if (args.child === 'sam') await childSam(args.dir!, args.size as Size);
else if (args.child === 'graphology') await childGraphology(args.dir!, args.size as Size);
else await main();
