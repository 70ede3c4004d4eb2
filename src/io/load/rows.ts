/**
 * The one row loop: a file's bytes (or text), in one chunk or chunk by
 * chunk, through the byte-to-text reader (`TextReader`), the tokenizer
 * (`TableStream`) and a row sink: a record reader (the row validator and
 * accumulator, see `RecordReader`) or the collector of a table in memory
 * (`readTable`). The loop is a generator that asks for its chunks
 * ({@link ChunkRequest}), so that one loop serves bytes in memory, a
 * synchronous reader (`fs.readSync`) and a stream alike ({@link drive}):
 * the readings, the encoding fallback, the progress, the whole-file problems
 * and the accounting are the same by construction.
 */
import { because, type Problem, type ProblemReason } from '../../model/load-report.js';
import { TableStream, type ByteRowSink, type RecordIssue, type TableRecord } from '../csv.js';
import { NotTextError, NotUtf8Error, READINGS, TextReader } from '../text.js';
import { cannotRead, fileProblem, issueProblem, type TableHead } from './table.js';

/** Where a pass sends a table's rows, in order, once its head is known; `finish` gives the result. */
export interface RowSink {
  add(record: TableRecord): void;
  blank(row: number): void;
  finish(): unknown;
}

/** Makes the record reader of a file once its head (header, delimiter, encoding, whole-file problems) is known. */
export type ReaderFactory<R extends RowSink> = (head: TableHead, problems: Problem[]) => R;

/** What one reading of a file gave: its reader's result, and the problems in the order they were found. */
export interface PassResult<T> {
  result: T;
  problems: Problem[];
}

type Finished<R extends RowSink> = ReturnType<R['finish']>;

/** A file that gave no records (not found, not text, empty): its reader finishes on a head with the problem alone. */
export function wholeFileProblem<R extends RowSink>(file: string, reason: ProblemReason, makeReader: ReaderFactory<R>): PassResult<Finished<R>> {
  const problems: Problem[] = [];
  const head: TableHead = { file, header: [], headerRow: 0, problems: [fileProblem(file, reason)], hasRecords: false };
  return { result: makeReader(head, problems).finish() as Finished<R>, problems };
}

/**
 * One reading of a table: bytes in (`push`, decoded here) or text
 * (`pushText`), rows out to the sink the factory makes at the first record
 * (or at the end), when the header check knows whether records follow. With
 * bytes it throws `NotTextError` or `NotUtf8Error` (then the file is read
 * again as Windows-1252; rows already validated by the abandoned reading
 * are discarded with its problems).
 */
export class TablePass<R extends RowSink> {
  readonly problems: Problem[] = [];
  private nonBlank = false;
  private readonly text: TextReader;
  private readonly table: TableStream;
  private header: { cells: string[]; row: number; issues?: RecordIssue[] } | undefined;
  private reader: R | undefined;
  /** Blank rows before the sink is made. */
  private blanks: number[] = [];
  private bytes = 0;

  /** Whether the table comes as bytes (decoded here) rather than as text. */
  private readonly bytesIn: boolean;

  /** `windows1252`: how bytes are decoded (the reading, see `READINGS`); `undefined` for a table given as text ({@link pushText}). */
  /**
   * `simpleLines`: read the bytes of simple lines without decoding them when
   * the reader takes byte rows (see {@link ByteRowSink}); the rows, problems
   * and accounting are the same.
   */
  constructor(
    private readonly file: string,
    windows1252: boolean | undefined,
    private readonly makeReader: ReaderFactory<R>,
    private readonly simpleLines = false,
  ) {
    this.bytesIn = windows1252 !== undefined;
    this.table = new TableStream({
      header: (cells, row, issues) => {
        this.header = issues ? { cells, row, issues } : { cells, row };
      },
      record: (record) => this.open(true).add(record),
      blank: (row) => {
        if (this.reader) this.reader.blank(row);
        else this.blanks.push(row);
      },
    });
    this.text = new TextReader((text) => this.pushText(text), windows1252 === true);
  }

  /** The next chunk of the file's bytes. */
  push(chunk: Uint8Array): void {
    this.bytes += chunk.length;
    if (!this.simpleLines) {
      this.text.push(chunk);
      return;
    }
    this.pushLines(chunk);
  }

  /** The incomplete last line of the chunks so far (a copy: a caller may reuse its buffer), with {@link simpleLines}. */
  private carry: Uint8Array | undefined;

  /**
   * A chunk of a pass that reads simple lines from the bytes (issue 16):
   * whole lines only, each either read by the byte-level tokenizer
   * (`TableStream.pushSimpleLines`, when the table is between rows, the
   * reader takes byte rows and ASCII reads as itself) or given to the text
   * reader and tokenizer as before, so that every row is read by the same
   * rules whichever path reads it. The incomplete last line waits for the
   * next chunk.
   */
  private pushLines(chunk: Uint8Array): void {
    let bytes = chunk;
    if (this.carry !== undefined) {
      const lf = chunk.indexOf(10);
      if (lf >= 0 && lf + 1 < chunk.length) {
        // The carried line is completed by the chunk's first line alone, and the rest is read where it is: a copy
        // of every chunk with the carry was as many bytes of garbage as the file (issue 16: each 64 MB of them
        // starts a full GC).
        this.pushLines(chunk.subarray(0, lf + 1));
        this.pushLines(chunk.subarray(lf + 1));
        return;
      }
      bytes = new Uint8Array(this.carry.length + chunk.length);
      bytes.set(this.carry);
      bytes.set(chunk, this.carry.length);
      this.carry = undefined;
    }
    const { text, table } = this;
    let at = 0;
    while (at < bytes.length) {
      const sink = this.reader as (R & Partial<ByteRowSink>) | undefined;
      if (sink?.byteRow !== undefined && table.atRowStart && text.readsAscii) {
        const utf8 = text.readsUtf8;
        const stop = table.pushSimpleLines(bytes, at, sink as ByteRowSink, utf8);
        if (stop > at) text.skipAscii(bytes.subarray(at, stop));
        at = stop;
        // Lines that are not simple, as one piece, to the text reader.
        const end = table.skipComplexLines(bytes, at, utf8);
        if (end > at) {
          text.push(bytes.subarray(at, end));
          at = end;
          continue;
        }
        break;
      }
      // Until the reader is made (the header and the first record), and while a row runs over lines: line by line.
      const lf = bytes.indexOf(10, at);
      if (lf < 0) break;
      text.push(bytes.subarray(at, lf + 1));
      at = lf + 1;
    }
    if (at < bytes.length) this.carry = bytes.slice(at);
  }

  /** The next piece of a table given as text (no bytes to decode: no encoding). */
  pushText(text: string): void {
    if (!this.nonBlank && /\S/.test(text)) this.nonBlank = true;
    this.table.push(text);
  }

  /** The end of the file: the reader's result and the problems. A file of no bytes is empty as a whole (no header, no delimiter). */
  end(): PassResult<Finished<R>> {
    if (this.bytesIn) {
      if (this.bytes === 0) return wholeFileProblem(this.file, because('file.empty'), this.makeReader);
      if (this.carry !== undefined) this.text.push(this.carry);
      this.carry = undefined;
      this.text.end();
    }
    this.table.end();
    return { result: this.open(false).finish() as Finished<R>, problems: this.problems };
  }

  private open(hasRecords: boolean): R {
    if (this.reader) return this.reader;
    const { file, text, table, header } = this;
    const problems: Problem[] = [];
    if (text.warning) problems.push(fileProblem(file, because('text.windows1252'), 'warning'));
    if (!this.nonBlank) problems.push(fileProblem(file, because('file.empty')));
    for (const issue of [...(table.sepIssue ? [table.sepIssue] : []), ...(header?.issues ?? [])]) problems.push(issueProblem(file, header?.cells ?? [], header?.row ?? 0, issue));
    const head: TableHead = { file, header: header?.cells ?? [], headerRow: header?.row ?? 0, delimiter: table.delimiter!, problems, hasRecords };
    if (text.encoding !== undefined) head.encoding = text.encoding;
    this.reader = this.makeReader(head, this.problems);
    for (const row of this.blanks) this.reader.blank(row);
    this.blanks = [];
    return this.reader;
  }
}

/** What the chunked loop asks of its file: open it (again, for a second reading), the next chunk (`undefined` at its end), or close it. */
export type ChunkRequest = 'open' | 'next' | 'close';

/** The file could not be opened or read: the loop's whole-file problem says why. */
export class ChunkReadError extends Error {
  constructor(readonly reason: unknown) {
    super('the file could not be read');
  }
}

const PROGRESS_STEP = 1024 * 1024;

/** Progress in bytes: after each mebibyte and at the end. */
function byteProgress(onProgress: ((done: number, total: number) => void) | undefined, size: number) {
  let next = PROGRESS_STEP;
  return (done: number, end = false) => {
    if (!onProgress || (!end && done < next)) return;
    next = done + PROGRESS_STEP;
    onProgress(done, Math.max(size, done));
  };
}

/**
 * The loop: each reading of the file (as UTF-8, then as Windows-1252 if
 * that fails; see `READINGS`) feeds every chunk to a {@link TablePass}. A
 * file that cannot be read, or is not text, settles as a whole-file problem.
 */
export function* chunkedRows<R extends RowSink>(
  file: string,
  makeReader: ReaderFactory<R>,
  size: number,
  onProgress?: (done: number, total: number) => void,
  simpleLines = false,
  readings: readonly boolean[] = READINGS,
): Generator<ChunkRequest, PassResult<Finished<R>>, Uint8Array | undefined> {
  for (const windows1252 of readings) {
    const pass = new TablePass(file, windows1252, makeReader, simpleLines);
    const progress = byteProgress(onProgress, size);
    let done = 0;
    try {
      yield 'open';
      for (let chunk = yield 'next'; chunk !== undefined; chunk = yield 'next') {
        pass.push(chunk);
        done += chunk.length;
        progress(done);
      }
      const result = pass.end();
      progress(done, true);
      return result;
    } catch (error) {
      if (error instanceof ChunkReadError) return wholeFileProblem(file, cannotRead(error.reason), makeReader);
      if (error instanceof NotTextError) return wholeFileProblem(file, error.problem, makeReader);
      if (!(error instanceof NotUtf8Error)) throw error;
    } finally {
      yield 'close';
    }
  }
  throw new Error('unreachable: the Windows-1252 reading always settles');
}

/** A file the loop reads: synchronously (each call returns) or asynchronously (`open` and `next` may return promises). */
export interface ChunkFile<Sync extends boolean = boolean> {
  open(): Sync extends true ? void : void | Promise<void>;
  next(): Sync extends true ? Uint8Array | undefined : Uint8Array | undefined | Promise<Uint8Array | undefined>;
  close(): void;
}

/**
 * Run the loop on a file: synchronously as long as the file answers at
 * once, asynchronously from its first promise on. A failure to open or read
 * is thrown into the loop as a {@link ChunkReadError}.
 */
export function drive<T>(steps: Generator<ChunkRequest, T, Uint8Array | undefined>, file: ChunkFile<true>): T;
export function drive<T>(steps: Generator<ChunkRequest, T, Uint8Array | undefined>, file: ChunkFile): T | Promise<T>;
export function drive<T>(steps: Generator<ChunkRequest, T, Uint8Array | undefined>, file: ChunkFile): T | Promise<T> {
  const resume = (step: IteratorResult<ChunkRequest, T>): T | Promise<T> => {
    while (!step.done) {
      if (step.value === 'close') {
        file.close();
        step = steps.next();
        continue;
      }
      let answer: void | Uint8Array | undefined | Promise<void | Uint8Array | undefined>;
      try {
        answer = step.value === 'open' ? file.open() : file.next();
      } catch (error) {
        step = steps.throw(new ChunkReadError(error));
        continue;
      }
      if (answer instanceof Promise) {
        return answer.then(
          (chunk) => resume(steps.next(chunk ?? undefined)),
          (error: unknown) => resume(steps.throw(new ChunkReadError(error))),
        );
      }
      step = steps.next(answer ?? undefined);
    }
    return step.value;
  };
  return resume(steps.next());
}
