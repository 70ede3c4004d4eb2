/**
 * Loading speed: `loadNetwork` on a large synthetic input against the floor
 * of just parsing the same CSV text with d3-dsv (loadNetwork has its own parser, which reports what d3-dsv drops), in
 * the same run. The ratio is the cost of validation, resolution of
 * municipalities, row accounting and building the graph.
 *
 *   npx tsx bench/load.ts [links]      # default 200 000 links
 */
import { csvParse } from 'd3-dsv';
import { loadNetwork, swedenGeography } from '../src/index.js';
import { createRng } from '../src/kernels.js';

const LINKS = Number(process.argv[2] ?? 200_000);
const ACTORS = Math.round(LINKS / 10);
const rng = createRng(7);
const codes = swedenGeography().municipalities.map((m) => m.code);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rng() * xs.length)]!;

const actorLines = ['id,name,kind,municipality'];
for (let i = 0; i < ACTORS; i++) actorLines.push(`a${i},Actor ${i},${pick(['religious', 'civil_society', 'other'])},${pick(codes)}`);
const ids = [...Array.from({ length: ACTORS }, (_, i) => `a${i}`), ...codes];
const linkLines = ['source,target,kind,weight,since'];
for (let i = 0; linkLines.length <= LINKS; i++) {
  const s = pick(ids);
  const t = pick(ids);
  if (s !== t) linkLines.push(`${s},${t},${pick(['agreement', 'project', 'network'])},${(1 + Math.floor(rng() * 8) / 2).toFixed(1)},20${10 + Math.floor(rng() * 15)}-0${1 + Math.floor(rng() * 9)}-15`);
}
const actors = actorLines.join('\n') + '\n';
const links = linkLines.join('\n') + '\n';

function time<T>(label: string, f: () => T, runs = 3): { ms: number; result: T } {
  let best = Infinity;
  let result!: T;
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    result = f();
    best = Math.min(best, performance.now() - t);
  }
  return { ms: best, result };
}

const mb = () => process.memoryUsage().heapUsed / 2 ** 20;
globalThis.gc?.();
const base = time('d3-dsv csvParse', () => [csvParse(actors), csvParse(links)]);
const ours = time('loadNetwork', () => loadNetwork({ actors, links }));
globalThis.gc?.();
const before = mb();
const kept = loadNetwork({ actors, links });
globalThis.gc?.();
const heap = mb() - before;

console.log(`input: ${ACTORS.toLocaleString('en')} actors, ${LINKS.toLocaleString('en')} links (${((actors.length + links.length) / 2 ** 20).toFixed(1)} MB of CSV)`);
console.table([
  { step: 'baseline: d3-dsv csvParse of both files', ms: Math.round(base.ms), ratio: 1 },
  { step: 'loadNetwork (parse, validate, resolve, build graph)', ms: Math.round(ours.ms), ratio: Number((ours.ms / base.ms).toFixed(2)) },
]);
console.log(
  `network: ${kept.order.toLocaleString('en')} actors, ${kept.graph.size.toLocaleString('en')} pairs; ` +
    (globalThis.gc ? `retained heap ≈ ${heap.toFixed(0)} MB` : 'retained heap: run with `node --expose-gc --import tsx bench/load.ts` to measure it'),
);
