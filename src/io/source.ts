import { ArgumentError, describeValue } from '../model/errors.js';
import { said, saidIn } from '../model/options.js';
import { because, hint, type ProblemMessage, type ProblemReason } from '../model/load-report.js';
import { nodeBuiltin } from '../model/runtime.js';
import { memoryChunks } from './load/files.js';
import { chunkedRows, drive, TablePass, wholeFileProblem, type ReaderFactory, type RowSink } from './load/rows.js';
import { cannotRead, issueProblem, type Table } from './load/table.js';

export { cannotRead, fileProblem, issueProblem, type Table } from './load/table.js';

/**
 * Where a table comes from:
 * - `{ path, name? }`: a file, by path or `file:` URL, whatever the path
 *   looks like (the explicit form; the CLI always uses it);
 * - `{ text, name? }`: CSV text, whatever it looks like;
 * - a bare string, by one rule that does not guess from the file system: a
 *   string with a line break (CR or LF) is CSV text, any other string is a
 *   file path; a `URL` is a file;
 * - file bytes (`Uint8Array`), or `{ bytes, name }`;
 * - an array of plain row objects, whose keys are read like header cells.
 */
export type TableSource =
  | string
  | URL
  | Uint8Array
  | { readonly path: string | URL; readonly name?: string }
  | { readonly text: string; readonly name?: string }
  | { readonly bytes: Uint8Array; readonly name?: string }
  | ReadonlyArray<Readonly<Record<string, unknown>>>;

/**
 * Files larger than this (256 MiB) are not read into memory as one text: a
 * JavaScript string holds at most about 512 million characters, and the
 * parsed rows take several times the file's size. `loadNetworkStream` (and
 * the CLI, which streams links files over 16 MiB) reads larger links files.
 */
export const MAX_IN_MEMORY_BYTES = 256 * 1024 * 1024;

type NodeFs = typeof import('node:fs');

/** A size in words: `629 MiB`, `12 KiB`, `900 bytes`. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 * 1024) return `${(bytes / 1024 ** 3).toFixed(1)} GiB`;
  if (bytes >= 1024 * 1024) return `${Math.round(bytes / 1024 ** 2)} MiB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KiB`;
  return `${bytes} bytes`;
}

/**
 * Check that a path names a regular file that can be read, without opening
 * it (opening a FIFO blocks until something writes to it): the file system
 * module, the file's size, or why not, in words.
 */
export function checkFile(path: string | URL, what: string): { fs: NodeFs; size: number } | ProblemReason {
  // Paths are a Node feature; text and rows work everywhere.
  const fs = nodeBuiltin('node:fs');
  if (!fs) return because('file.needs_node', { what });
  let stat: import('node:fs').Stats;
  try {
    stat = fs.statSync(path);
  } catch (error) {
    return cannotRead(error);
  }
  if (stat.isDirectory()) return because('file.folder');
  if (!stat.isFile()) {
    const kind = stat.isFIFO() ? 'fifo' : stat.isCharacterDevice() ? 'character_device' : stat.isBlockDevice() ? 'block_device' : stat.isSocket() ? 'socket' : 'irregular';
    return because('file.not_regular', { kind: hint(`file.kind.${kind}`) });
  }
  return { fs, size: stat.size };
}

/**
 * The bytes of a regular file of at most `limit` bytes, or why they cannot
 * be had ({@link checkFile}, then the size: a clear message instead of
 * running out of memory).
 */
export function readFileBytes(path: string | URL, what: string, limit = MAX_IN_MEMORY_BYTES, larger: ProblemMessage | '' = ''): { bytes: Uint8Array } | ProblemReason {
  const checked = checkFile(path, what);
  if ('reason' in checked) return checked;
  if (checked.size > limit) return because('file.too_large', { size: formatBytes(checked.size), limit: formatBytes(limit), larger });
  try {
    return { bytes: checked.fs.readFileSync(path) };
  } catch (error) {
    return cannotRead(error);
  }
}

/** How {@link readTable} reports what the CSV parser found wrong in a record. */
export interface ReadTableOptions {
  /**
   * `true`: on the record (`issues`), for a loader that rejects or keeps the
   * row itself. Default: as problems of the table (with the row), so a
   * reader that knows nothing of them (the geography loader) still stops.
   */
  recordIssues?: boolean;
}

/**
 * Collects the rows of a pass into a {@link Table}. Without `recordIssues`,
 * what the parser found wrong in a record becomes a problem of the table
 * (after the head's own problems, in row order).
 */
function tableCollector(options: ReadTableOptions): ReaderFactory<RowSink & { finish(): Table }> {
  return (head) => {
    const { hasRecords: _has, ...rest } = head;
    const table: Table = { ...rest, records: [], blankRows: [] };
    return {
      add(record) {
        if (options.recordIssues || !record.issues) {
          table.records.push(record);
          return;
        }
        for (const issue of record.issues) table.problems.push(issueProblem(table.file, table.header, record.row, issue));
        table.records.push({ row: record.row, fields: record.fields });
      },
      blank(row) {
        table.blankRows.push(row);
      },
      finish: () => table,
    };
  };
}

/** A table given as text: the row loop's pass, fed the text as one piece. */
function fromText(file: string, text: string, options: ReadTableOptions): Table {
  const pass = new TablePass(file, undefined, tableCollector(options));
  pass.pushText(text);
  return pass.end().result;
}

/** A file's bytes: the row loop (`chunkedRows`) fed the bytes as one chunk, so they decode and parse as a file read in chunks does. */
function fromBytes(file: string, bytes: Uint8Array, options: ReadTableOptions): Table {
  return drive(chunkedRows(file, tableCollector(options), bytes.length), memoryChunks(bytes)).result;
}

/**
 * A date of row input as text. A `Date` at midnight UTC (`new Date('2023-05-01')`,
 * `Date.UTC(…)`) is its UTC calendar date, in every time zone. Any other
 * instant has a time of day, which the loader rejects rather than guess the
 * time zone it was meant in (a spreadsheet reader's local midnight in
 * Stockholm is 22:00 or 23:00 UTC the day before).
 */
function dateText(value: Date): string {
  if (Number.isNaN(value.getTime())) return 'Invalid Date';
  const iso = value.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

function cellText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value.normalize('NFC').trim();
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value instanceof Date) return dateText(value);
  return JSON.stringify(value) ?? String(value);
}

function fromRows(file: string, rows: ReadonlyArray<Readonly<Record<string, unknown>>>): Table {
  const header: string[] = [];
  const position = new Map<string, number>();
  const flat = rows.map((row, i) => {
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      throw new ArgumentError(saidIn(file, said('errors.source.rowNotObject', { row: i + 1, value: (lang) => describeValue(row, lang) })));
    }
    const entries: [string, unknown][] = [];
    for (const key of Object.keys(row)) {
      const value = row[key];
      // An `attributes` object contributes its keys as extra columns.
      if (key === 'attributes' && value && typeof value === 'object' && !Array.isArray(value)) {
        for (const k of Object.keys(value)) entries.push([k, (value as Record<string, unknown>)[k]]);
      } else entries.push([key, value]);
    }
    for (const [key] of entries) {
      if (!position.has(key)) {
        position.set(key, header.length);
        header.push(key);
      }
    }
    return entries;
  });
  const records = flat.map((entries, i) => {
    const fields = header.map(() => '');
    for (const [key, value] of entries) fields[position.get(key)!] = cellText(value);
    return { row: i + 1, fields };
  });
  return { file, header, headerRow: 0, records, blankRows: [], problems: [] };
}

/**
 * Read any {@link TableSource} into a {@link Table}. `label` names in-memory
 * input in messages. A source of the wrong type is an {@link ArgumentError}.
 */
export function readTable(source: TableSource, label: string, options: ReadTableOptions = {}): Table {
  const named = filePathOf(source);
  if (named) return fromPath(named.path, named.file, options);
  if (typeof source === 'string') return fromText(label, source, options);
  if (source instanceof Uint8Array) return fromBytes(label, source, options);
  if (Array.isArray(source)) return fromRows(label, source as ReadonlyArray<Readonly<Record<string, unknown>>>);
  const s = source as { text?: unknown; bytes?: unknown; name?: unknown };
  const name = typeof s.name === 'string' ? s.name : label;
  if (typeof s.text === 'string') return fromText(name, s.text, options);
  if (s.bytes instanceof Uint8Array) return fromBytes(name, s.bytes, options);
  throw new ArgumentError(saidIn(label, said('errors.source.expectedRows', { value: (lang) => describeValue(source, lang) })));
}

/** Check that a value is a {@link TableSource} (else an {@link ArgumentError} naming `label`). */
export function checkTableSource(source: unknown, label: string): void {
  if (typeof source === 'string' || source instanceof URL || source instanceof Uint8Array || Array.isArray(source)) return;
  if (typeof source === 'object' && source !== null) {
    const s = source as { path?: unknown; text?: unknown; bytes?: unknown };
    if (typeof s.path === 'string' || s.path instanceof URL || typeof s.text === 'string' || s.bytes instanceof Uint8Array) return;
  }
  throw new ArgumentError(saidIn(label, said('errors.source.expectedRows', { value: (lang) => describeValue(source, lang) })));
}

/**
 * A table source that names a file, with the name messages use for it:
 * `{ path, name? }`, a URL, or a string without a line break (a path).
 * Other sources are in memory.
 */
export function filePathOf(source: TableSource): { path: string | URL; file: string } | undefined {
  if (typeof source === 'string') return /[\r\n]/.test(source) ? undefined : { path: source, file: source };
  if (source instanceof URL) return { path: source, file: urlFile(source) };
  if (typeof source === 'object' && source !== null && !Array.isArray(source) && !(source instanceof Uint8Array) && 'path' in source) {
    const { path, name } = source as { path: unknown; name?: unknown };
    if (typeof path === 'string' || path instanceof URL) return { path, file: typeof name === 'string' ? name : path instanceof URL ? urlFile(path) : path };
  }
  return undefined;
}

function urlFile(url: URL): string {
  try {
    return decodeURIComponent(url.pathname);
  } catch {
    return url.pathname;
  }
}

function fromPath(path: string | URL, file: string, options: ReadTableOptions): Table {
  const read = readPathBytes(path);
  if ('reason' in read) return wholeFileProblem(file, read, tableCollector(options)).result;
  return fromBytes(file, read.bytes, options);
}

function readPathBytes(path: string | URL): { bytes: Uint8Array } | ProblemReason {
  return readFileBytes(path, 'CSV text or rows', MAX_IN_MEMORY_BYTES, hint('file.too_large.stream'));
}

/**
 * The bytes of a table source given as a file or as bytes, as
 * {@link readTable} reads them (the same size limit and messages), with the
 * name messages use; `undefined` for text and rows (nothing to read as bytes).
 */
export function tableBytes(source: TableSource, label: string): { file: string; bytes: Uint8Array } | ({ file: string } & ProblemReason) | undefined {
  const named = filePathOf(source);
  if (named) return { file: named.file, ...readPathBytes(named.path) };
  if (source instanceof Uint8Array) return { file: label, bytes: source };
  if (typeof source === 'object' && source !== null && !Array.isArray(source)) {
    const s = source as { text?: unknown; bytes?: unknown; name?: unknown };
    if (typeof s.text !== 'string' && s.bytes instanceof Uint8Array) return { file: typeof s.name === 'string' ? s.name : label, bytes: s.bytes };
  }
  return undefined;
}
