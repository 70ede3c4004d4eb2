/**
 * Should samverkan read Apache Arrow / Parquet input (GitHub issue 16)?
 * Measures, on the links file bench/load-scale.ts writes, what reading the
 * same links from Parquet (hyparquet) and from Arrow IPC (apache-arrow)
 * costs against samverkan's own CSV load of them, in the same run.
 *
 *   npx tsx bench/columnar-input.ts --dir DIR --modules PATH
 *
 * `DIR` holds `links.csv`, `actors.csv` and the geography files
 * (`writeSyntheticNetwork`); `PATH` is a `node_modules` folder where
 * `hyparquet`, `hyparquet-writer` and `apache-arrow` are installed (they are
 * not dependencies of samverkan: `npm i hyparquet hyparquet-writer
 * apache-arrow` in a scratch folder). The columnar files are written from
 * the CSV first (not timed). Timed: file → columns in memory (ids still
 * strings), and samverkan's `loadNetworkInChunks` (CSV → validated network).
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({ options: { dir: { type: 'string' }, modules: { type: 'string' } } });
if (!args.dir || !args.modules) throw new Error('usage: npx tsx bench/columnar-input.ts --dir DIR --modules PATH/node_modules');
const dir = args.dir;
const requireFrom = createRequire(join(args.modules, 'x.js'));
const load = async (name: string) => import(requireFrom.resolve(name));

const time = <T>(f: () => T): { value: T; seconds: number } => {
  const t0 = performance.now();
  const value = f();
  return { value, seconds: (performance.now() - t0) / 1000 };
};
const timeAsync = async <T>(f: () => Promise<T>): Promise<{ value: T; seconds: number }> => {
  const t0 = performance.now();
  const value = await f();
  return { value, seconds: (performance.now() - t0) / 1000 };
};

// samverkan first, before the columns below fill the heap.
const { loadNetworkInChunks } = await import('../src/io/load/index.js');
const csv = time(() => loadNetworkInChunks({ geography: dir, actors: join(dir, 'actors.csv'), links: join(dir, 'links.csv') }).pairTable().weights.length);

// The links as columns (from the CSV, not timed).
const lines = readFileSync(join(dir, 'links.csv'), 'utf8').trimEnd().split('\n').slice(1);
const cols = { source: [] as string[], target: [] as string[], kind: [] as string[], weight: new Float64Array(lines.length), since: [] as (string | null)[], until: [] as (string | null)[] };
lines.forEach((line, i) => {
  const [s, t, k, w, a, b] = line.split(',');
  cols.source.push(s!);
  cols.target.push(t!);
  cols.kind.push(k!);
  cols.weight[i] = Number(w || 1);
  cols.since.push(a || null);
  cols.until.push(b || null);
});

const { parquetWriteBuffer } = await load('hyparquet-writer');
const parquetFile = join(dir, 'links.parquet');
writeFileSync(
  parquetFile,
  new Uint8Array(
    parquetWriteBuffer({
      columnData: [
        { name: 'source', data: cols.source, type: 'STRING' },
        { name: 'target', data: cols.target, type: 'STRING' },
        { name: 'kind', data: cols.kind, type: 'STRING' },
        { name: 'weight', data: cols.weight, type: 'DOUBLE' },
        { name: 'since', data: cols.since, type: 'STRING' },
        { name: 'until', data: cols.until, type: 'STRING' },
      ],
    }),
  ),
);
const arrow = await load('apache-arrow');
const arrowFile = join(dir, 'links.arrow');
const table = arrow.tableFromArrays({ source: cols.source, target: cols.target, kind: cols.kind, weight: cols.weight, since: cols.since.map((x) => x ?? ''), until: cols.until.map((x) => x ?? '') });
writeFileSync(arrowFile, arrow.tableToIPC(table, 'file'));

const { parquetReadObjects, parquetRead } = await load('hyparquet');
const parquet = await timeAsync(async () => {
  const bytes = readFileSync(parquetFile);
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  // Column chunks as decoded (no rows assembled): the least a loader would take.
  let values = 0;
  await parquetRead({ file, onChunk: (chunk: { columnData: ArrayLike<unknown> }) => (values += chunk.columnData.length) });
  return values / 6;
});
void parquetReadObjects;
const ipc = time(() => {
  const t = arrow.tableFromIPC(readFileSync(arrowFile));
  // Materialise the id columns as JavaScript strings, as a loader must.
  const s = t.getChild('source')!.toArray();
  const g = t.getChild('target')!.toArray();
  return s.length + g.length * 0;
});

const mb = (f: string) => (statSync(f).size / 1e6).toFixed(1);
const version = (name: string) => JSON.parse(readFileSync(join(args.modules!, name, 'package.json'), 'utf8')).version as string;
console.log(`links: ${lines.length}; links.csv ${mb(join(dir, 'links.csv'))} MB, links.parquet ${mb(parquetFile)} MB, links.arrow ${mb(arrowFile)} MB`);
console.log(`hyparquet ${version('hyparquet')}, apache-arrow ${version('apache-arrow')}`);
console.log(`hyparquet: Parquet file → decoded column chunks: ${parquet.seconds.toFixed(2)} s (${parquet.value} rows)`);
console.log(`apache-arrow: Arrow IPC file → table, id columns as strings: ${ipc.seconds.toFixed(2)} s`);
console.log(`samverkan: links.csv + actors.csv → validated network (loadNetworkInChunks): ${csv.seconds.toFixed(2)} s (${csv.value} pairs)`);
