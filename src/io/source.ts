import type { Problem } from '../model/load-report.js';
import { parseTable } from './csv.js';
import { decodeText, NotTextError } from './text.js';
import { nodeBuiltin } from '../model/runtime.js';

/**
 * Where a table comes from:
 * - a file path (a string without a line break) or a `file:` URL;
 * - CSV text (a string with at least one line break), or `{ text, name }` to
 *   give it a name for messages;
 * - file bytes (`Uint8Array`), or `{ bytes, name }`;
 * - an array of plain row objects, whose keys are read like header cells.
 */
export type TableSource =
  | string
  | URL
  | Uint8Array
  | { readonly text: string; readonly name?: string }
  | { readonly bytes: Uint8Array; readonly name?: string }
  | ReadonlyArray<Readonly<Record<string, unknown>>>;

/** A table read from any {@link TableSource}, before its columns are interpreted. */
export interface Table {
  /** File name or label, used in every message. */
  file: string;
  header: string[];
  /** Spreadsheet row of the header: 1 for text (unless blank lines precede it), 0 for arrays of rows. */
  headerRow: number;
  records: { row: number; fields: string[] }[];
  blankRows: number[];
  delimiter?: string;
  encoding?: string;
  /** Problems with the whole file (row 0): not text, empty. Errors here reject every row. */
  problems: Problem[];
}

function readBytes(path: string | URL): Uint8Array {
  // Paths are a Node feature; text and rows work everywhere.
  const fs = nodeBuiltin('node:fs');
  if (!fs) throw new Error('reading files needs Node.js; pass CSV text or rows instead');
  return fs.readFileSync(path);
}

/** A problem with a whole file (row 0). */
export function fileProblem(file: string, reason: string, severity: Problem['severity'] = 'error'): Problem {
  return { file, row: 0, reason, severity };
}

function fromText(file: string, text: string, extra: Partial<Table> = {}): Table {
  const parsed = parseTable(text);
  const problems: Problem[] = [...(extra.problems ?? [])];
  if (text.replace(/^\uFEFF/, '').trim() === '') problems.push(fileProblem(file, 'the file is empty'));
  const table: Table = {
    file,
    header: parsed.header,
    headerRow: parsed.headerRow,
    records: parsed.records,
    blankRows: parsed.blankRows,
    delimiter: parsed.delimiter,
    problems,
  };
  if (extra.encoding) table.encoding = extra.encoding;
  return table;
}

function fromBytes(file: string, bytes: Uint8Array): Table {
  if (bytes.length === 0) return { file, header: [], headerRow: 0, records: [], blankRows: [], problems: [fileProblem(file, 'the file is empty')] };
  try {
    const decoded = decodeText(bytes);
    const problems = decoded.warning ? [fileProblem(file, decoded.warning, 'warning')] : [];
    return fromText(file, decoded.text, { encoding: decoded.encoding, problems });
  } catch (error) {
    if (error instanceof NotTextError) return { file, header: [], headerRow: 0, records: [], blankRows: [], problems: [fileProblem(file, error.message)] };
    throw error;
  }
}

function cellText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value.normalize('NFC').trim();
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  // Spreadsheet readers give dates as local midnight: take the local calendar
  // date (toISOString would shift it a day back east of Greenwich).
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return 'Invalid Date';
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
  }
  return JSON.stringify(value);
}

function fromRows(file: string, rows: ReadonlyArray<Readonly<Record<string, unknown>>>): Table {
  const header: string[] = [];
  const position = new Map<string, number>();
  const flat = rows.map((row) => {
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

/** Read any {@link TableSource} into a {@link Table}. `label` names in-memory input in messages. */
export function readTable(source: TableSource, label: string): Table {
  const named = filePathOf(source);
  if (named) return fromPath(named.path, named.file);
  if (typeof source === 'string') return fromText(label, source);
  if (source instanceof Uint8Array) return fromBytes(label, source);
  if (Array.isArray(source)) return fromRows(label, source as ReadonlyArray<Readonly<Record<string, unknown>>>);
  if ('text' in source && typeof source.text === 'string') return fromText(source.name ?? label, source.text);
  if ('bytes' in source && source.bytes instanceof Uint8Array) return fromBytes(source.name ?? label, source.bytes);
  throw new TypeError(`${label}: expected a file path, CSV text, bytes or an array of rows`);
}

/** Why a file could not be read, in words, from the error reading it. */
export function cannotRead(error: unknown): string {
  const code = (error as { code?: string }).code;
  return code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'this is a folder, not a file' : `cannot read the file (${(error as Error).message})`;
}

/**
 * A table source that names a file, with the name messages use for it: a
 * string without a line break (a path) or a URL. Other sources are in memory.
 */
export function filePathOf(source: TableSource): { path: string | URL; file: string } | undefined {
  if (typeof source === 'string') return /[\r\n]/.test(source) ? undefined : { path: source, file: source };
  if (source instanceof URL) return { path: source, file: decodeURIComponent(source.pathname) };
  return undefined;
}

function fromPath(path: string | URL, file: string): Table {
  let bytes: Uint8Array;
  try {
    bytes = readBytes(path);
  } catch (error) {
    return { file, header: [], headerRow: 0, records: [], blankRows: [], problems: [fileProblem(file, cannotRead(error))] };
  }
  return fromBytes(file, bytes);
}
