/**
 * Loading a network whose links file is too large to hold as text: the file
 * is read in chunks, decoded and parsed as it comes, and each record is
 * validated by the same reader as `loadNetwork`'s (see `linkReader`), so
 * rows, problems and counts are the same as the small path's.
 */
import { z } from 'zod';
import { ProgressSchema } from '../model/options.js';
import type { FileReport, Problem } from '../model/load-report.js';
import type { CooperationNetwork } from '../model/network.js';
import type { Actor } from '../model/schema.js';
import { TableStream, type RecordIssue } from './csv.js';
import {
  checkLoadArguments,
  finishLoad,
  geographyOf,
  kindVocabularyOf,
  linkReader,
  loadActors,
  loadNetwork,
  resolutionFor,
  type EndResolution,
  type LinkReadResult,
  type LinkRecordReader,
  type LoadNetworkInput,
  LoadNetworkOptionsSchema,
  type LoadNetworkOptions,
  type TableHead,
  type IdTrail,
} from './load-network.js';
import { cannotRead, checkFile, fileProblem, filePathOf, issueProblem, readTable } from './source.js';
import { BinaryCheck, byteOrderMark, decodeWindows1252, NotTextError, WINDOWS_1252_WARNING } from './text.js';

export const LoadNetworkStreamOptionsSchema = LoadNetworkOptionsSchema.extend({
  /**
   * Called with `(done, total)` as the input is processed. For a streamed
   * links file: bytes of the file read so far and its size, after each
   * mebibyte and at the end (a Windows-1252 file, read twice, counts from 0
   * again on its second reading). For input loaded in memory: rows, as
   * {@link loadNetwork} reports them.
   */
  onProgress: ProgressSchema,
  /** Bytes read from the links file at a time (`fs.createReadStream`'s `highWaterMark`). Default 65 536. */
  highWaterMark: z.number().int().positive().optional(),
});
export type LoadNetworkStreamOptions = z.input<typeof LoadNetworkStreamOptionsSchema>;

/** The options of {@link loadNetwork} among stream options (for input that is loaded in memory). */
function withoutStreamOptions(options: LoadNetworkStreamOptions): LoadNetworkOptions {
  const { highWaterMark: _bytes, ...rest } = options;
  return rest;
}

/** Bytes read at a time unless `highWaterMark` says otherwise. */
export const DEFAULT_HIGH_WATER_MARK = 64 * 1024;

const PROGRESS_STEP = 1024 * 1024;

/** Thrown inside a first reading when the bytes are not valid UTF-8: the file is read again as Windows-1252. */
class NotUtf8 extends Error {}

/** What the links file gave: its links, its report and its problems (in the order the small path pushes them). */
interface LinksResult {
  links: LinkReadResult;
  problems: Problem[];
}

/** What every reading of the links file needs to validate its records. */
type LinkContext = EndResolution;

/** A links file that gave no records: not found, not text, empty. */
function wholeFileProblem(file: string, problem: Problem, context: LinkContext): LinksResult {
  const problems: Problem[] = [];
  const head: TableHead = { file, header: [], headerRow: 0, problems: [problem], hasRecords: false };
  return { links: linkReader(head, context, problems).finish(), problems };
}

/**
 * One reading of the links file: bytes in, records out to a link reader.
 *
 * Encoding, as `decodeText` decides it for the whole file: a byte-order mark
 * (UTF-8, UTF-16 LE/BE) in the first bytes decides; a workbook signature
 * there rejects the file. Otherwise the first reading decodes strictly as
 * UTF-8 and throws {@link NotUtf8} at the first invalid byte, and the file
 * is read again from its start as Windows-1252 (`windows1252`), with the
 * same warning as the small path; both readings reject NUL bytes and, at
 * the end, a file of more than 1 % control bytes. Rows already validated by
 * an abandoned reading are discarded with its problems.
 */
class LinkPass {
  readonly problems: Problem[] = [];
  private head: Uint8Array[] = [];
  private headLength = 0;
  private bytes = 0;
  /** Bytes to text: a `TextDecoder`, or samverkan's own Windows-1252 table (one character per byte: nothing to carry over). */
  private decoder: { decode(bytes?: Uint8Array, options?: { stream?: boolean }): string } | undefined;
  private check: BinaryCheck | undefined;
  /** A UTF-16 file's check runs on its text (half its bytes are zeros). */
  private checkText = false;
  private encoding: string | undefined;
  private nonBlank = false;
  private readonly table: TableStream;
  private header: { cells: string[]; row: number; issues?: RecordIssue[] } | undefined;
  private reader: LinkRecordReader | undefined;
  private blanks = 0;

  constructor(
    private readonly file: string,
    private readonly windows1252: boolean,
    private readonly context: LinkContext,
  ) {
    this.table = new TableStream({
      header: (cells, row, issues) => {
        this.header = issues ? { cells, row, issues } : { cells, row };
      },
      record: (record) => this.open(true).add(record),
      blank: () => {
        if (this.reader) this.reader.blank();
        else this.blanks++;
      },
    });
  }

  /** The next chunk of the file. Throws {@link NotTextError} or {@link NotUtf8}. */
  push(chunk: Uint8Array): void {
    this.bytes += chunk.length;
    if (this.decoder) {
      this.decode(chunk);
      return;
    }
    // The encoding is decided on the first 4 bytes (the longest signature); chunks may be smaller.
    this.head.push(chunk.slice());
    this.headLength += chunk.length;
    if (this.headLength >= 4) this.begin();
  }

  /** The end of the file: the links, the report and the problems. */
  end(): LinksResult {
    if (!this.decoder) {
      if (this.bytes === 0) return wholeFileProblem(this.file, fileProblem(this.file, 'the file is empty'), this.context);
      this.begin();
    }
    let rest: string;
    try {
      rest = this.decoder!.decode();
    } catch {
      throw new NotUtf8();
    }
    this.text(rest);
    this.check?.finish();
    this.table.end();
    return { links: this.open(false).finish(), problems: this.problems };
  }

  private begin(): void {
    const head = new Uint8Array(this.headLength);
    let at = 0;
    for (const part of this.head) {
      head.set(part, at);
      at += part.length;
    }
    this.head = [];
    const bom = byteOrderMark(head);
    // The binary check runs whatever the byte-order mark says: a BOM does not make NUL bytes text.
    this.check = new BinaryCheck();
    if (bom) {
      this.decoder = new TextDecoder(bom.encoding);
      this.encoding = bom.encoding;
      this.checkText = bom.encoding !== 'utf-8';
      this.decode(head.subarray(bom.skip));
      return;
    }
    this.encoding = this.windows1252 ? 'windows-1252' : 'utf-8';
    this.decoder = this.windows1252 ? { decode: (bytes?: Uint8Array) => (bytes ? decodeWindows1252(bytes) : '') } : new TextDecoder('utf-8', { fatal: true });
    this.decode(head);
  }

  private decode(bytes: Uint8Array): void {
    if (!this.checkText) this.check?.add(bytes);
    let text: string;
    try {
      text = this.decoder!.decode(bytes, { stream: true });
    } catch {
      throw new NotUtf8();
    }
    this.text(text);
  }

  private text(text: string): void {
    if (this.checkText) this.check?.addText(text);
    if (!this.nonBlank && /\S/.test(text)) this.nonBlank = true;
    this.table.push(text);
  }

  /** The link reader, made at the first record (or at the end), when the header check knows whether records follow. */
  private open(hasRecords: boolean): LinkRecordReader {
    if (this.reader) return this.reader;
    const problems: Problem[] = [];
    if (this.windows1252 && this.encoding === 'windows-1252') problems.push(fileProblem(this.file, WINDOWS_1252_WARNING, 'warning'));
    if (!this.nonBlank) problems.push(fileProblem(this.file, 'the file is empty'));
    const headerIssues = [...(this.table.sepIssue ? [this.table.sepIssue] : []), ...(this.header?.issues ?? [])];
    for (const issue of headerIssues) problems.push(issueProblem(this.file, this.header?.cells ?? [], this.header?.row ?? 0, issue));
    const head: TableHead = {
      file: this.file,
      header: this.header?.cells ?? [],
      headerRow: this.header?.row ?? 0,
      delimiter: this.table.delimiter!,
      problems,
      hasRecords,
    };
    if (this.encoding !== undefined) head.encoding = this.encoding;
    this.reader = linkReader(head, this.context, this.problems);
    for (; this.blanks > 0; this.blanks--) this.reader.blank();
    return this.reader;
  }
}

/**
 * Settle a reading that threw: not text gives the whole-file problem,
 * invalid UTF-8 asks for the Windows-1252 reading (`undefined`), anything
 * else is a bug and is thrown on.
 */
function settle(error: unknown, file: string, context: LinkContext): LinksResult | undefined {
  if (error instanceof NotUtf8) return undefined;
  if (error instanceof NotTextError) return wholeFileProblem(file, fileProblem(file, error.message), context);
  throw error;
}

function progress(onProgress: ((done: number, total: number) => void) | undefined, size: number) {
  let next = PROGRESS_STEP;
  return (done: number, end = false) => {
    if (!onProgress || (!end && done < next)) return;
    next = done + PROGRESS_STEP;
    onProgress(done, Math.max(size, done));
  };
}

/** Stream the links file with `fs.createReadStream`. */
async function streamLinks(
  path: string | URL,
  file: string,
  context: LinkContext,
  highWaterMark: number,
  onProgress?: (done: number, total: number) => void,
): Promise<LinksResult> {
  const checked = checkFile(path, 'CSV text or rows to loadNetwork');
  // Not a regular file (a FIFO would block the read for ever, a device could be endless): said before opening it.
  if ('reason' in checked) return wholeFileProblem(file, fileProblem(file, checked.reason), context);
  const fs = checked.fs;
  const size = checked.size;
  for (const windows1252 of [false, true]) {
    const pass = new LinkPass(file, windows1252, context);
    const report = progress(onProgress, size);
    let stream: import('node:fs').ReadStream;
    try {
      stream = fs.createReadStream(path, { highWaterMark });
    } catch (error) {
      return wholeFileProblem(file, fileProblem(file, cannotRead(error)), context);
    }
    const chunks = stream[Symbol.asyncIterator]() as AsyncIterator<Uint8Array>;
    let done = 0;
    try {
      for (;;) {
        let next: IteratorResult<Uint8Array>;
        try {
          next = await chunks.next();
        } catch (error) {
          return wholeFileProblem(file, fileProblem(file, cannotRead(error)), context);
        }
        if (next.done) break;
        pass.push(next.value);
        done += next.value.length;
        report(done);
      }
      const result = pass.end();
      report(done, true);
      return result;
    } catch (error) {
      const settled = settle(error, file, context);
      if (settled) return settled;
    } finally {
      stream.destroy();
    }
  }
  throw new Error('unreachable: the Windows-1252 reading always settles');
}

/** Read the links file in chunks with `fs.readSync`: the same readings as {@link streamLinks}, for synchronous callers. */
function readLinksInChunks(
  path: string | URL,
  file: string,
  context: LinkContext,
  chunkSize: number,
  onProgress?: (done: number, total: number) => void,
): LinksResult {
  const checked = checkFile(path, 'CSV text or rows to loadNetwork');
  if ('reason' in checked) return wholeFileProblem(file, fileProblem(file, checked.reason), context);
  const fs = checked.fs;
  const buffer = new Uint8Array(chunkSize);
  for (const windows1252 of [false, true]) {
    const pass = new LinkPass(file, windows1252, context);
    let fd: number;
    try {
      fd = fs.openSync(path, 'r');
    } catch (error) {
      return wholeFileProblem(file, fileProblem(file, cannotRead(error)), context);
    }
    try {
      let size = 0;
      try {
        size = fs.fstatSync(fd).size;
      } catch {
        // The size is only for progress.
      }
      const report = progress(onProgress, size);
      let done = 0;
      for (;;) {
        let n: number;
        try {
          n = fs.readSync(fd, buffer, 0, chunkSize, null);
        } catch (error) {
          return wholeFileProblem(file, fileProblem(file, cannotRead(error)), context);
        }
        if (n === 0) break;
        pass.push(buffer.subarray(0, n));
        done += n;
        report(done);
      }
      const result = pass.end();
      report(done, true);
      return result;
    } catch (error) {
      const settled = settle(error, file, context);
      if (settled) return settled;
    } finally {
      fs.closeSync(fd);
    }
  }
  throw new Error('unreachable: the Windows-1252 reading always settles');
}

const chunkSizeOf = (options: LoadNetworkStreamOptions): number => options.highWaterMark ?? DEFAULT_HIGH_WATER_MARK;

/** The links file to stream, or `undefined` when the input is loaded in memory by {@link loadNetwork}. */
function streamed(input: LoadNetworkInput): { path: string | URL; file: string } | undefined {
  if (input.graph !== undefined || input.links === undefined) return undefined;
  return filePathOf(input.links);
}

/** Everything before the links: geography, actors (in memory), how link ends resolve. */
function prepare(input: LoadNetworkInput, options: LoadNetworkOptions) {
  const { geography, explicit } = geographyOf(input);
  const problems: Problem[] = [];
  const files: FileReport[] = [];
  const vocabulary = kindVocabularyOf(options.kinds, problems, files);
  let actors: Actor[] = [];
  let rejected: Map<string, IdTrail> | undefined;
  if (input.actors !== undefined) {
    const result = loadActors(readTable(input.actors, '(actors)', { recordIssues: true }), geography, problems, undefined, undefined, vocabulary);
    actors = result.actors;
    rejected = result.rejected;
    files.push(result.report);
  }
  const context = resolutionFor(geography, actors, options, { explicit, actorsTable: input.actors !== undefined, ...(rejected && { rejected }) });
  return { geography, explicit, problems, files, actors, context };
}

function finish(prepared: ReturnType<typeof prepare>, links: LinksResult, options: LoadNetworkOptions): CooperationNetwork {
  const { geography, problems, files, actors } = prepared;
  problems.push(...links.problems);
  files.push(links.links.report);
  return finishLoad(geography, actors, links.links, files, problems, options, prepared.explicit);
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
  checkLoadArguments('loadNetworkStream', input, options, LoadNetworkStreamOptionsSchema);
  const chunkSize = chunkSizeOf(options);
  const file = streamed(input);
  if (!file) return loadNetwork(input, withoutStreamOptions(options));
  const prepared = prepare(input, options);
  const links = await streamLinks(file.path, file.file, prepared.context, chunkSize, options.onProgress);
  return finish(prepared, links, options);
}

/**
 * {@link loadNetworkStream} for synchronous callers (the command line): the
 * links file is read in chunks with `fs.readSync` instead of a stream; the
 * readings, the validation and the result are the same.
 */
export function loadNetworkInChunks(input: LoadNetworkInput, options: LoadNetworkStreamOptions = {}): CooperationNetwork {
  checkLoadArguments('loadNetworkInChunks', input, options, LoadNetworkStreamOptionsSchema);
  const chunkSize = chunkSizeOf(options);
  const file = streamed(input);
  if (!file) return loadNetwork(input, withoutStreamOptions(options));
  const prepared = prepare(input, options);
  const links = readLinksInChunks(file.path, file.file, prepared.context, chunkSize, options.onProgress);
  return finish(prepared, links, options);
}
