/**
 * Memory of the streaming loader: a large links CSV loaded with
 * `loadNetworkStream` (read in chunks) and with `loadNetwork` (read whole),
 * each in its own child process, so that each peak resident set size
 * (`process.resourceUsage().maxRSS`) is its own.
 *
 *   npx tsx bench/stream.ts                 # a 300 MB links file
 *   npx tsx bench/stream.ts --mb 20         # a smaller one
 *   npx tsx bench/stream.ts --mb 50 --keep  # keep the generated file (its path is printed)
 *   npx tsx bench/stream.ts --heap 8192     # the children's --max-old-space-size (MB; default 12288)
 *
 * The file is generated in a temporary folder, written in blocks (never held
 * whole): random pairs of Swedish municipality codes (every end exists) with
 * kind, weight and since columns, from a fixed seed. Every row is valid, so
 * both loaders keep every link: what differs is the text and the parsed
 * table that `loadNetwork` holds besides. The loaded links and the graph are
 * in memory either way, so the ratio is below what the text alone would
 * suggest. Over about 500 MB `loadNetwork` cannot load the file at all (a
 * JavaScript string holds at most 2^29 − 24 characters); the table says so.
 *
 * Wall time is the load inside the child (not Node's start-up); RSS is the
 * child's peak, start-up included.
 *
 * Expect both to be large: the network keeps about 0.8 KB per link (links,
 * pairs, graph; building it is most of the time), streamed or not, so a
 * 300 MB file (≈ 9.6 million links) takes minutes and several GB per child.
 * On a small run (2 cores, Node 20): 5 MB: 280 vs 338 MB peak RSS; 20 MB:
 * 636 vs 860 MB; 60 MB: 1 590 vs 1 893 MB; times within ±30 % of each other.
 */
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadNetwork, swedenGeography } from '../src/index.js';
import { loadNetworkStream } from '../src/io.js';
import { createRng } from '../src/kernels.js';
import { runInChild } from './lib/measure.js';

interface ChildReport {
  loader: string;
  seconds: number;
  links: number;
  pairs: number;
  maxRssMb: number;
}

const { values } = parseArgs({
  options: {
    mb: { type: 'string', default: '300' },
    heap: { type: 'string', default: '12288' },
    keep: { type: 'boolean', default: false },
    child: { type: 'string' },
    file: { type: 'string' },
  },
});

/** In a child: load the file one way, print what it took as JSON. */
async function child(loader: string, file: string): Promise<void> {
  const t0 = performance.now();
  const net = loader === 'stream' ? await loadNetworkStream({ links: file }) : loadNetwork({ links: file });
  const seconds = (performance.now() - t0) / 1000;
  const report: ChildReport = { loader, seconds, links: net.links.length, pairs: net.graph.size, maxRssMb: process.resourceUsage().maxRSS / 1024 };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

/** Write about `mb` MB of valid links to `path`, in blocks. Returns the number of links. */
function generate(path: string, mb: number): number {
  const rng = createRng(2024);
  const codes = swedenGeography().municipalities.map((m) => m.code);
  const kinds = ['agreement', 'project', 'network', 'dialogue'];
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rng() * xs.length)]!;
  const target = mb * 1024 * 1024;
  const fd = openSync(path, 'w');
  let written = 0;
  let links = 0;
  try {
    let block = 'source,target,kind,weight,since\n';
    while (written + block.length < target) {
      const s = pick(codes);
      let t = pick(codes);
      while (t === s) t = pick(codes);
      const month = String(1 + Math.floor(rng() * 12)).padStart(2, '0');
      block += `${s},${t},${pick(kinds)},${1 + Math.floor(rng() * 8) / 2},20${10 + Math.floor(rng() * 15)}-${month}-15\n`;
      links++;
      if (block.length >= 1 << 20) {
        written += writeSync(fd, block);
        block = '';
      }
    }
    written += writeSync(fd, block);
  } finally {
    closeSync(fd);
  }
  return links;
}

async function main(): Promise<void> {
  const mb = Number(values.mb);
  const heap = Number(values.heap);
  if (!(mb > 0) || !(heap > 0)) throw new Error('--mb and --heap need positive numbers');
  const dir = mkdtempSync(join(tmpdir(), 'samverkan-stream-bench-'));
  const file = join(dir, 'links.csv');
  try {
    const t0 = performance.now();
    const links = generate(file, mb);
    const size = statSync(file).size;
    console.log(`links file: ${(size / 2 ** 20).toFixed(1)} MB, ${links.toLocaleString('en')} links (generated in ${((performance.now() - t0) / 1000).toFixed(1)} s)${values.keep ? ` at ${file}` : ''}`);
    const self = fileURLToPath(import.meta.url);
    const rows: Record<string, string | number>[] = [];
    const reports: Partial<Record<string, ChildReport>> = {};
    for (const loader of ['stream', 'whole']) {
      const result = await runInChild<ChildReport>(self, ['--child', loader, '--file', file], {
        nodeFlags: [`--max-old-space-size=${heap}`],
        rssFrom: 'child',
        forwardStderr: false,
      });
      const name = loader === 'stream' ? 'loadNetworkStream (chunks)' : 'loadNetwork (whole text)';
      const report = result.json;
      if (result.code !== 0 || !report) {
        const why = result.stderr.split('\n').find((l) => /RangeError|Error:|heap out of memory/.test(l)) ?? `exit ${result.code ?? result.signal}`;
        rows.push({ loader: name, 'load s': '—', 'peak RSS MB': result.peakRssMb !== null ? Math.round(result.peakRssMb) : '—', links: `failed: ${why.trim()}` });
        continue;
      }
      reports[loader] = report;
      rows.push({ loader: name, 'load s': Number(report.seconds.toFixed(2)), 'peak RSS MB': Math.round(report.maxRssMb), links: report.links });
    }
    console.table(rows);
    const [s, w] = [reports.stream, reports.whole];
    if (s && w) {
      if (s.links !== w.links || s.pairs !== w.pairs) throw new Error(`the loaders disagree: ${s.links} vs ${w.links} links, ${s.pairs} vs ${w.pairs} pairs`);
      console.log(`peak RSS whole / stream: ${(w.maxRssMb / s.maxRssMb).toFixed(2)}×; time stream / whole: ${(s.seconds / w.seconds).toFixed(2)}×`);
    }
  } finally {
    if (!values.keep) rmSync(dir, { recursive: true, force: true });
  }
}

if (values.child !== undefined) await child(values.child, values.file!);
else await main();
