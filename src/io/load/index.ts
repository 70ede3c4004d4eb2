/**
 * The loaders: `loadNetwork` (input in memory), `loadNetworkStream` and
 * `loadNetworkInChunks` (a links file read in chunks, by the one loop of
 * `rows.ts`, with a stream or with `fs.readSync`). Every input row is
 * validated by the same record readers (`actors.ts`, `links.ts`) and
 * accounted for in the same report (`report.ts`).
 */
import { LinkColumnsBuilder } from '../../model/link-columns.js';
import type { CooperationNetwork } from '../../model/network.js';
import type { ActorColumns } from '../../model/actor-columns.js';
import { checkFile, filePathOf } from '../source.js';
import { streamChunks, syncChunks } from './files.js';
import { finishLoad } from './finish.js';
import { loadGraphInput } from './graph.js';
import { linkReader, loadLinks } from './links.js';
import type { LinkReadResult } from './ends.js';
import { checkLoadArguments, LoadNetworkStreamOptionsSchema, type LoadNetworkInput, type LoadNetworkOptions, type LoadNetworkStreamOptions } from './options.js';
import { chunkedRows, drive, wholeFileProblem, type ChunkFile, type PassResult, type ReaderFactory } from './rows.js';
import { prepareTable, readInLoop, rowProgress, startActors, startLoad, type LoadStart } from './start.js';

export { LoadError } from './report.js';
export { KIND_FILE_COLUMNS, kindVocabularyOf } from './kinds.js';
export { loadActors } from './actors.js';
export { linkReader, loadLinks } from './links.js';
export { finishLoad } from './finish.js';
export { resolveGeography, defaultGeography } from './geography.js';
export { resolutionFor, EndResolver, type EndResolution, type IdTrail, type LinkReadResult, type LinkRecordReader } from './ends.js';
export type { RecordReader, TableHead } from './record.js';
export {
  checkLoadArguments,
  LoadNetworkOptionsSchema,
  LoadNetworkStreamOptionsSchema,
  type LoadNetworkInput,
  type LoadNetworkOptions,
  type LoadNetworkStreamOptions,
} from './options.js';

/** The links of a load without a links file (fresh each time: the network keeps its arrays). */
const noLinks = (): LinkReadResult => ({ links: new LinkColumnsBuilder('').build([]), report: { file: '', role: 'links', rows: 0, loaded: 0, merged: 0, rejected: 0, blank: 0 }, implicit: [], municipalityEnds: 0 });

/**
 * Load a cooperation network from actors and links (file paths, CSV text,
 * bytes or arrays of rows) over a geography (Sweden by default).
 *
 * Every input row is accounted for: loaded, merged (a repeat, counted) or
 * rejected with a reason naming file, row, column and value. CSV may be
 * comma-, semicolon- or tab-separated (detected), UTF-8 with or without BOM
 * (UTF-16 and Windows-1252 are read too), with CRLF line ends and quoted
 * fields. Header names are matched case-insensitively with Swedish and
 * English aliases (see `ACTOR_COLUMNS`, `LINK_COLUMNS`).
 *
 * Or from a graph file: `loadNetwork({ graph: 'network.gexf' })` reads GEXF,
 * GraphML or JSON (graphology, NetworkX node-link) with `readGraphFile`;
 * nodes are reported as the file's `actors` rows and edges as its `links`
 * rows (`node 3`, `edge 12`, with the line), validated exactly as CSV rows.
 *
 * @example
 * const net = loadNetwork({ actors: 'actors.csv', links: 'links.csv' });
 * const fromGephi = loadNetwork({ graph: 'gephi-export.gexf' }, { mode: 'lenient' });
 * const lenient = loadNetwork({ links: 'links.csv' }, { mode: 'lenient' });
 * console.table(lenient.loadReport?.files);
 */
export function loadNetwork(input: LoadNetworkInput, options: LoadNetworkOptions = {}): CooperationNetwork {
  checkLoadArguments('loadNetwork', input, options);
  const start = startLoad(input, options);
  const progress = rowProgress(options.onProgress);
  if (input.graph !== undefined) return loadGraphInput({ ...input, graph: input.graph }, start, options, progress);
  // Files and bytes through the one chunked loop (CSV text and rows as tables in memory); with row progress, their records counted first.
  const counted = progress.tick !== undefined;
  const actorInput = prepareTable(input.actors, '(actors)', counted);
  const linkInput = prepareTable(input.links, '(links)', counted);
  progress.total = actorInput.records + linkInput.records;
  const { actors, resolution } = startActors(start, actorInput.input, options, progress.tick);
  const given = linkInput.input;
  if (given !== undefined && 'bytes' in given) return finishLinks(start, actors, readInLoop(given, (head, problems) => linkReader(head, resolution, problems, undefined, progress.tick)), options);
  let links = noLinks();
  if (given !== undefined) {
    links = loadLinks(given.table, resolution, start.problems, undefined, progress.tick);
    start.files.push(links.report);
  }
  return finishLoad(start.geography, actors, links, start.files, start.problems, options, start.explicit, start.vocabulary);
}

/** The network of a load whose links file was read by the chunked loop. */
function finishLinks(start: LoadStart, actors: ActorColumns, links: PassResult<LinkReadResult>, options: LoadNetworkOptions): CooperationNetwork {
  start.problems.push(...links.problems);
  start.files.push(links.result.report);
  return finishLoad(start.geography, actors, links.result, start.files, start.problems, options, start.explicit, start.vocabulary);
}

/** Bytes read at a time unless `highWaterMark` says otherwise. */
export const DEFAULT_HIGH_WATER_MARK = 64 * 1024;

type NodeFs = typeof import('node:fs');

/**
 * The chunked load, whatever reads the chunks: `open` makes the file from
 * the file system module, the path and the chunk size. Input that has no
 * links file to read in chunks (CSV text, bytes, rows, a graph file, no
 * links) is loaded by {@link loadNetwork}, so the call is the same whatever
 * the source.
 */
function loadChunked<F extends ChunkFile>(
  fn: string,
  input: LoadNetworkInput,
  options: LoadNetworkStreamOptions,
  open: (fs: NodeFs, path: string | URL, chunkSize: number) => F,
): CooperationNetwork | Promise<CooperationNetwork> {
  checkLoadArguments(fn, input, options, LoadNetworkStreamOptionsSchema);
  const { highWaterMark, ...inMemory } = options;
  const file = input.graph === undefined && input.links !== undefined ? filePathOf(input.links) : undefined;
  if (!file) return loadNetwork(input, inMemory);
  const start = startLoad(input, options);
  const { actors, resolution } = startActors(start, prepareTable(input.actors, '(actors)', false).input, options);
  const makeReader: ReaderFactory<ReturnType<typeof linkReader>> = (head, problems) => linkReader(head, resolution, problems);
  const finish = (links: PassResult<LinkReadResult>) => finishLinks(start, actors, links, options);
  const checked = checkFile(file.path, 'CSV text or rows to loadNetwork');
  // Not a regular file (a FIFO would block the read for ever, a device could be endless): said before opening it.
  if ('reason' in checked) return finish(wholeFileProblem(file.file, checked, makeReader));
  const read = drive(chunkedRows(file.file, makeReader, checked.size, options.onProgress, true), open(checked.fs, file.path, highWaterMark ?? DEFAULT_HIGH_WATER_MARK));
  return read instanceof Promise ? read.then(finish) : finish(read);
}

/**
 * {@link loadNetwork} for links files too large to hold as text (hundreds of
 * megabytes): a links file given as a path or `file:` URL is read with
 * `fs.createReadStream` in chunks of `highWaterMark` bytes, decoded and
 * parsed as it comes, and every record is validated as it is complete, by
 * the same code as `loadNetwork`'s. The load report, the problems (file,
 * row, column, value, reason), the actors and the links are the same as
 * `loadNetwork`'s for the same file; so are strict and lenient mode.
 *
 * Streamed: the links file's text. Still in memory: the actors file (read
 * the normal way), the loaded links themselves, the set of linked pairs and
 * the graph built from them. Held only for a moment: the text up to the
 * first complete non-blank line (the delimiter is detected from it, as
 * `parseTable` does) and the current row. A file without valid UTF-8 and
 * without a byte-order mark is read a second time, as Windows-1252, since
 * that needs the whole file to decide.
 *
 * Other input (CSV text, bytes, rows, a graph file, no links) is loaded by
 * `loadNetwork`, so the call is the same whatever the source.
 *
 * @example
 * const net = await loadNetworkStream({ actors: 'actors.csv', links: 'links.csv' }, { mode: 'lenient' });
 * console.table(net.loadReport!.files);
 */
export async function loadNetworkStream(input: LoadNetworkInput, options: LoadNetworkStreamOptions = {}): Promise<CooperationNetwork> {
  return loadChunked('loadNetworkStream', input, options, streamChunks);
}

/**
 * {@link loadNetworkStream} for synchronous callers (the command line): the
 * links file is read in chunks with `fs.readSync` instead of a stream; the
 * readings, the validation and the result are the same.
 */
export function loadNetworkInChunks(input: LoadNetworkInput, options: LoadNetworkStreamOptions = {}): CooperationNetwork {
  return loadChunked('loadNetworkInChunks', input, options, syncChunks) as CooperationNetwork;
}
