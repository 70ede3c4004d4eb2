/**
 * The row-validator seam: a table's records are validated one at a time by
 * a {@link RecordReader}, whatever produced them (a table in memory, a file
 * tokenized in chunks). `readRecord` reads one record through a column map.
 */
import { because, type FileReport, type Problem, type ProblemReason } from '../../model/load-report.js';
import { checkHeap, HEAP_RESERVE_PER_ROW } from '../../model/runtime.js';
import { said } from '../../model/options.js';
import { clipText } from '../../model/text.js';
import { setOwn } from '../../model/own.js';
import type { ColumnMap } from '../columns.js';
import type { TableRecord } from '../csv.js';
import { checkHeader, showCell } from '../header.js';
import { issueProblem, type Table, type TableHead } from './table.js';

export type { TableHead } from './table.js';


/**
 * Reads a table's records one at a time, so that a table in memory and a
 * file streamed in chunks are validated by the same code: `add` each data
 * record in order, `blank` each blank row, then `finish`.
 */
export interface RecordReader<T> {
  add(record: TableRecord): void;
  blank(): void;
  finish(): { items: T[]; report: FileReport };
}

/** The head of a table in memory. */
export function headOf(table: Table): TableHead {
  const { records, blankRows: _blank, ...head } = table;
  return { ...head, hasRecords: records.length > 0 };
}

/** Read a whole table in memory through a reader. */
export function readAll<R extends Omit<RecordReader<unknown>, 'finish'> & { finish(): unknown }>(reader: R, table: Table): ReturnType<R['finish']> {
  for (const record of table.records) reader.add(record);
  for (let i = 0; i < table.blankRows.length; i++) reader.blank();
  return reader.finish() as ReturnType<R['finish']>;
}

/** The header check of {@link checkHeader} for a table head (it only asks the records whether there are any). */
export function checkHead<F extends string>(
  head: TableHead,
  spec: Readonly<Record<F, readonly string[]>>,
  required: readonly F[],
  problems: Problem[],
): ColumnMap<F> | undefined {
  const { hasRecords, ...rest } = head;
  return checkHeader<F>({ ...rest, records: [], blankRows: [] }, spec, required, problems, { warnNoRows: !hasRecords });
}

function tooWide(table: Pick<Table, 'header'>, record: { fields: string[] }): boolean {
  return record.fields.length > table.header.length && record.fields.slice(table.header.length).some((f) => f !== '');
}

/**
 * One data record read through a column map: `cell(field)` is the field's
 * text ('' when the column is absent), `error(…)` records a problem naming
 * file, row, column and value (clipped, see `clipText`), and a row wider
 * than the header, and what the CSV parser found wrong in the record (a
 * quote never closed, text after a quote), are already errors; the parser's
 * warnings are pushed to `problems` at once. Actors and links read their
 * records the same way.
 */
export function readRecord<F extends string>(table: Pick<Table, 'file' | 'header'>, columns: ColumnMap<F>, record: TableRecord, problems: Problem[]) {
  return new RecordCells(table, columns, problems).read(record);
}

/**
 * {@link readRecord} for a reader of many records: one object whose `cell`
 * and `error` are made once, not once per row (at a million rows the
 * closures cost seconds). `read(record)` starts the next record; its
 * `errors` starts empty (a fresh array after a record that had errors).
 */
export class RecordCells<F extends string> {
  errors: Problem[] = [];
  private record: TableRecord = { row: 0, fields: [] };
  constructor(
    private readonly table: Pick<Table, 'file' | 'header'>,
    private readonly columns: ColumnMap<F>,
    private readonly problems: Problem[],
  ) {}

  read(record: TableRecord): this {
    this.record = record;
    // A fresh array after a row with errors (the caller has them); an empty one is kept.
    if (this.errors.length > 0) this.errors = [];
    if (record.issues !== undefined) for (const issue of record.issues) (issue.severity === 'error' ? this.errors : this.problems).push(issueProblem(this.table.file, this.table.header, record.row, issue));
    if (tooWide(this.table, record)) this.error(undefined, undefined, because('row.too_wide'));
    return this;
  }

  readonly cell = (field: F): string => {
    const index = this.columns.fields[field];
    return index === undefined ? '' : (this.record.fields[index] ?? '');
  };

  readonly error = (field: F | undefined, value: string | undefined, reason: ProblemReason): void => {
    const { fields } = this.columns;
    const p: Problem = { file: this.table.file, row: this.record.row, ...reason, severity: 'error' };
    if (field !== undefined && fields[field] !== undefined) p.column = showCell(this.table.header[fields[field]!]!);
    if (value !== undefined) p.value = clipText(value);
    this.errors.push(p);
  };
}

/**
 * The record's extra columns (those that are not a known field) as
 * attributes; `undefined` when all are empty. The first value in a column
 * without a header is a warning (its name is made up: `column_4`):
 * `unnamed` holds the columns not yet warned about ({@link unnamedColumns}).
 */
export function extraAttributes(table: Pick<Table, 'file'>, columns: ColumnMap<string>, record: TableRecord, problems: Problem[], unnamed: Set<number>): Record<string, string> | undefined {
  let attributes: Record<string, string> | undefined;
  for (const { index, name } of columns.extra) {
    const value = record.fields[index] ?? '';
    if (value === '') continue;
    attributes ??= {};
    setOwn(attributes, name, value);
    if (unnamed.has(index)) {
      unnamed.delete(index);
      problems.push({ file: table.file, row: record.row, column: name, value: clipText(value), ...because('column.unnamed', { column: index + 1, name }), severity: 'warning' });
    }
  }
  return attributes;
}

/** The columns without a header, for {@link extraAttributes}'s warning. */
export function unnamedColumns(columns: ColumnMap<string> | undefined): Set<number> {
  return new Set((columns?.renamed ?? []).filter((r) => r.header === '').map((r) => r.index));
}

/** How often (in rows) the readers check that the heap has room (see `checkHeap`). */
const HEAP_CHECK_ROWS = 16384;

/** Count one data row, checking every {@link HEAP_CHECK_ROWS} rows that the heap has room. */
export function countRow(report: FileReport, file: string, row: number): void {
  // The row a number, not a record: the byte-level readers' rows are no objects, and one made per row to say its number is garbage.
  if (++report.rows % HEAP_CHECK_ROWS === 0) checkHeap(said('errors.capacity.atFileRow', { file, row }), report.rows * HEAP_RESERVE_PER_ROW);
}

/**
 * The cells of a simple row that the byte-level readers (`byteRow` of the
 * actors and links readers) do not read: the extra columns (attributes,
 * unnamed columns) and any cell past the header's width.
 */
export interface UnreadCells {
  /** Columns whose non-empty cells are attributes (or unnamed columns to warn about). */
  readonly extra: Int32Array;
  /** The header's width. */
  readonly width: number;
}

/** The {@link UnreadCells} of a table read with these columns. */
export function unreadCells(columns: ColumnMap<string>, table: Pick<Table, 'header'>): UnreadCells {
  return { extra: Int32Array.from(columns.extra, (e) => e.index), width: table.header.length };
}

/**
 * Whether a simple row (its cells as byte ranges) has a non-empty cell the
 * byte-level reader does not read: such a row is read as text, with its
 * attributes and messages.
 */
export function hasUnreadCell(unread: UnreadCells, starts: Int32Array, ends: Int32Array, count: number): boolean {
  for (let k = unread.width; k < count; k++) if (ends[k]! > starts[k]!) return true;
  const extra = unread.extra;
  for (let k = 0; k < extra.length; k++) {
    const x = extra[k]!;
    if (x < count && ends[x]! > starts[x]!) return true;
  }
  return false;
}
