/**
 * Loading at research scale (GitHub issue 16): CSV → analysable graph
 * (load + CSR view) against igraph's `Read_Ncol` and NetworkX's
 * `read_weighted_edgelist` on the same synthetic files, at 10k, 100k and 1M
 * links, every figure a ratio measured in the same run, with the peak RSS
 * of each side per size.
 *
 *   npx tsx bench/load-scale.ts [--sizes 10k,100k,1m] [--dir DIR] [--peers igraph,networkx|none] [--repeat 3]
 *                               [--out bench/results/load-scale.md | none]
 *
 * - The inputs are `writeSyntheticNetwork(dir, { links, seed: 1 })` (as in
 *   bench/scale.ts): samverkan loads `actors.csv` + `links.csv` over the
 *   folder's geography, validating every row; the peers read `edges.txt`
 *   (`u v w`, one line per pair) and `nodes.txt`. A folder that already has
 *   the files is reused (`--dir`, default a fresh temporary folder).
 * - samverkan runs in a child process per size (its peak RSS is the size's
 *   own): `loadNetwork` below 100 000 links, `loadNetworkInChunks` from
 *   there (as the CLI and bench/scale.ts), then `actorView(net)` (the CSR);
 *   timed as bench/scale.ts times (`adaptiveTime`), after a warm-up load
 *   below 1M links; CPU seconds (user + system) are reported beside the
 *   wall-clock seconds on both sides, as they move far less when other work
 *   shares the machine. The peers' load is the
 *   median of `--repeat` runs in their own process (bench/peers/).
 * - The table and the verdicts on the targets are written to `--out`, which
 *   bench/scale.ts puts in bench/README.md.
 */
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { adaptiveTime, formatTable, machine, runInChild, type Cell } from './lib/measure.js';
import { isSkipped, runPeer, type PeerLibrary } from './lib/peers.js';

const SIZES = { '10k': 10_000, '100k': 100_000, '1m': 1_000_000 } as const;
type Size = keyof typeof SIZES;
/** As bench/scale.ts: files of this many links or more are loaded in chunks. */
const CHUNKED_FROM_LINKS = 100_000;

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10k,100k,1m' },
    dir: { type: 'string' },
    peers: { type: 'string', default: 'igraph,networkx' },
    repeat: { type: 'string', default: '3' },
    child: { type: 'string' },
    links: { type: 'string' },
    out: { type: 'string', default: 'bench/results/load-scale.md' },
  },
});

interface ChildReport {
  loader: string;
  load: number;
  csr: number;
  graph: number;
  /** CPU seconds of the process (user + system, all its threads) for load + CSR: on a shared machine they move far less than wall-clock seconds. */
  cpu: number;
  runs: number;
  n: number;
  links: number;
}

/** The links loaded (first links of their pairs and repeats), from the load report: `net.links` would make a million link objects. */
function linkCount(net: { loadReport?: { files: { role: string; loaded: number; merged: number }[] } | undefined }): number {
  return net.loadReport!.files.filter((f) => f.role === 'links').reduce((n, f) => n + f.loaded + f.merged, 0);
}

async function child(dir: string): Promise<void> {
  const { loadNetwork, loadNetworkInChunks } = await import('../src/io/load/index.js');
  const { actorView } = await import('../src/analysis/view.js');
  const input = { geography: dir, actors: join(dir, 'actors.csv'), links: join(dir, 'links.csv') };
  const size = Number(args.links);
  const chunked = size >= CHUNKED_FROM_LINKS;
  let load = 0;
  let csr = 0;
  const cpu: number[] = [];
  // A warm-up load below a million links (as bench/scale.ts's convention says; adaptiveTime alone reports a first run of 0.5 s or more as it is, cold, which a busy machine makes of a 10 000-link load).
  if (size < 1_000_000) (chunked ? loadNetworkInChunks : loadNetwork)(input);
  const timed = adaptiveTime(() => {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const net = chunked ? loadNetworkInChunks(input) : loadNetwork(input);
    const t1 = performance.now();
    const view = actorView(net);
    load = (t1 - t0) / 1000;
    csr = (performance.now() - t1) / 1000;
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1e6);
    return { net, view };
  }, size < 1_000_000);
  const { net, view } = timed.value;
  // With repeats the split is the last run's; the total is the median.
  // CPU seconds: the median over the runs (the warm-up's included: adaptiveTime does not say which run it was).
  const sorted = [...cpu].sort((a, b) => a - b);
  const report: ChildReport = { loader: chunked ? 'loadNetworkInChunks' : 'loadNetwork', load, csr, graph: timed.figure.seconds, cpu: sorted[Math.floor(sorted.length / 2)]!, runs: timed.figure.runs, n: view.csr.n, links: linkCount(net) };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

async function main(): Promise<void> {
  const sizes = args.sizes!.split(',').map((s) => s.trim().toLowerCase()) as Size[];
  for (const s of sizes) if (!(s in SIZES)) throw new Error(`unknown size ${s}: use ${Object.keys(SIZES).join(', ')}`);
  const peers = (args.peers === 'none' ? [] : args.peers!.split(',')) as PeerLibrary[];
  const root = args.dir ?? mkdtempSync(join(tmpdir(), 'samverkan-load-'));
  const { writeSyntheticNetwork } = await import('../src/synthetic/files.js');
  const self = fileURLToPath(import.meta.url);
  const rows: Record<string, Cell>[] = [];
  const started = new Date();
  const loadStart = loadavg()[0]!;
  for (const size of sizes) {
    const dir = join(root, size);
    if (!existsSync(join(dir, 'links.csv')) || !existsSync(join(dir, 'edges.txt'))) {
      console.error(`== ${size}: writing inputs to ${dir}`);
      writeSyntheticNetwork(dir, { links: SIZES[size], seed: 1 });
    }
    console.error(`== ${size}: samverkan`);
    const sam = await runInChild<ChildReport>(self, ['--child', dir, '--links', String(SIZES[size])], { nodeFlags: ['--max-old-space-size=12288'], timeoutMs: 20 * 60_000 });
    if (!sam.json) throw new Error(`samverkan child failed: ${sam.stderr.trim().split('\n').slice(-3).join(' ')}`);
    const peer: Partial<Record<PeerLibrary, { seconds: number | null; cpu: number | null; peak: number | null; note?: string }>> = {};
    for (const library of peers) {
      console.error(`== ${size}: ${library}`);
      const r = await runPeer(library, { edges: join(dir, 'edges.txt'), nodes: join(dir, 'nodes.txt') }, ['load'], { repeat: Number(args.repeat), timeoutPerTask: 600, progress: false });
      peer[library] = isSkipped(r) ? { seconds: null, cpu: null, peak: null, note: r.skipped } : { seconds: r.tasks.load?.seconds ?? null, cpu: r.tasks.load?.cpu_seconds ?? null, peak: r.peak_rss_mb };
    }
    const s = sam.json;
    const ratio = (p: PeerLibrary) => (peer[p]?.seconds ? Number((s.graph / peer[p]!.seconds!).toFixed(2)) : null);
    const cpuRatio = (p: PeerLibrary) => (peer[p]?.cpu ? Number((s.cpu / peer[p]!.cpu!).toFixed(2)) : null);
    rows.push({
      size,
      links: s.links,
      nodes: s.n,
      'samverkan s (load + CSR)': Number(s.graph.toPrecision(3)),
      'of which load s': Number(s.load.toPrecision(3)),
      'igraph s': peer.igraph?.seconds == null ? null : Number(peer.igraph.seconds.toPrecision(3)),
      'NetworkX s': peer.networkx?.seconds == null ? null : Number(peer.networkx.seconds.toPrecision(3)),
      '÷ igraph': ratio('igraph'),
      '÷ NetworkX': ratio('networkx'),
      'CPU s samverkan / igraph / NetworkX': [s.cpu, peer.igraph?.cpu, peer.networkx?.cpu].map((x) => (x == null ? '—' : x.toPrecision(3))).join(' / '),
      'CPU ÷ igraph': cpuRatio('igraph'),
      'CPU ÷ NetworkX': cpuRatio('networkx'),
      'peak MB samverkan': sam.peakRssMb === null ? null : Math.round(sam.peakRssMb),
      'peak MB igraph': peer.igraph?.peak == null ? null : Math.round(peer.igraph.peak),
      'peak MB NetworkX': peer.networkx?.peak == null ? null : Math.round(peer.networkx.peak),
    });
  }
  const load = [loadStart, loadavg()[0]!];
  const head = `${started.toISOString().slice(0, 16).replace('T', ' ')} UTC; ${machine().summary}; load average ${load.map((x) => x.toFixed(1)).join(' → ')}`;
  console.log(`${head}; inputs in ${root}`);
  console.log('Ratios: samverkan time ÷ the peer\'s, same files, same run (below 1: samverkan is faster).\n');
  const table = formatTable(rows);
  console.log(table);
  // The targets of issue 16, pass or FAIL per size, and the file bench/scale.ts puts in bench/README.md.
  const verdict = (ratio: Cell, pass: (x: number) => boolean) => (typeof ratio !== 'number' ? 'not measured' : `${pass(ratio) ? 'pass' : 'FAIL'} (${ratio}×; CPU`);
  const verdicts = rows.map((r) => {
    const cpu = (key: string) => `${typeof r[key] === 'number' ? `${r[key]}×` : '—'})`;
    const igraph = r.size === '1m' ? ` within 2× of igraph: ${verdict(r['÷ igraph']!, (x) => x <= 2)} ${cpu('CPU ÷ igraph')};` : '';
    return `- ${r.size}:${igraph} faster than NetworkX: ${verdict(r['÷ NetworkX']!, (x) => x < 1)} ${cpu('CPU ÷ NetworkX')}`;
  });
  console.log(`\n${verdicts.join('\n')}`);
  if (args.out !== 'none') {
    const out = resolve(dirname(fileURLToPath(import.meta.url)), '..', args.out!);
    mkdirSync(dirname(out), { recursive: true });
    const busy = load.some((x) => x > machine().cores) ? ' (the load average was above the number of cores: other work shared the machine, and every time, samverkan\'s and the peers\', is slower than on a quiet machine; the ratios move by tens of percent)' : '';
    writeFileSync(out, `Written by \`npx tsx bench/load-scale.ts\` on ${head}${busy}. Ratios: samverkan's time ÷ the peer's, same files, same run (below 1: samverkan is faster).\n\n${table}\n\nTargets of issue 16:\n\n${verdicts.join('\n')}\n`);
  }
}

if (args.child !== undefined) await child(args.child);
else await main();
