/**
 * A table as the loaders read it: its head (file, header, delimiter,
 * encoding, whole-file problems) and its records, and the problems that
 * name a file or a cell. The seam between the tokenizer and the row
 * validators: `source.ts` (tables in memory) and `rows.ts` (tables read in
 * chunks) both make them.
 */
import { because, type Problem, type ProblemReason } from '../../model/load-report.js';
import { clipText, visibleText } from '../../model/text.js';
import type { RecordIssue, TableRecord } from '../csv.js';

/** A table read from any {@link TableSource}, before its columns are interpreted. */
export interface Table {
  /** File name or label, used in every message. */
  file: string;
  header: string[];
  /** Spreadsheet row of the header: 1 for text (unless blank lines precede it), 0 for arrays of rows. */
  headerRow: number;
  /** Records; `issues` are what the CSV parser found wrong in one (with {@link ReadTableOptions.recordIssues}). */
  records: TableRecord[];
  blankRows: number[];
  delimiter?: string;
  encoding?: string;
  /** Problems with the whole file (row 0) or its header: not text, empty, a quote never closed. Errors here reject every row. */
  problems: Problem[];
}

/**
 * What a record reader needs of a table before its records: file, header,
 * delimiter, encoding and whole-file problems, and whether any data record
 * follows the header (a header alone is a warning). A streamed file knows
 * this at its first record; a table in memory at once.
 */
export type TableHead = Omit<Table, 'records' | 'blankRows'> & { hasRecords: boolean };

/** Why a file could not be read, in words, from the error reading it. */
export function cannotRead(error: unknown): ProblemReason {
  const code = (error as { code?: string }).code;
  return code === 'ENOENT'
    ? because('file.missing')
    : code === 'EISDIR'
      ? because('file.folder')
      : code === 'EACCES' || code === 'EPERM'
        ? because('file.permission')
        : because('file.unreadable', { error: (error as Error).message });
}

/** A problem with a whole file (row 0). */
export function fileProblem(file: string, reason: ProblemReason, severity: Problem['severity'] = 'error'): Problem {
  const p: Problem = { file, row: 0, reason: reason.reason, code: reason.code, severity };
  if (reason.params !== undefined) p.params = reason.params;
  return p;
}

/** A parser issue as a problem of a table (row and column named). */
export function issueProblem(file: string, header: readonly string[], row: number, issue: RecordIssue): Problem {
  const { column: _column, severity, ...reason } = issue;
  const p: Problem = { file, row, ...reason, severity };
  const name = header[issue.column];
  // A column without a header is named as its values are kept (`column_4`, see `mapColumns`).
  p.column = name !== undefined && name !== '' ? clipText(visibleText(name), 60) : `column_${issue.column + 1}`;
  return p;
}

