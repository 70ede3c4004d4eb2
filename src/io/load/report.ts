/** The accounting of a load: a file report per input, problems in file order, and the strict mode's error. */
import { SamverkanError } from '../../model/errors.js';
import { message, pluralForm, type Lang } from '../../model/i18n/index.js';
import { formatProblem, type FileReport, type LoadReport, type Problem } from '../../model/load-report.js';
import type { TableHead } from './record.js';

/** Thrown in strict mode when input rows are rejected. `problems` holds all of them; `report` the full load report. */
export class LoadError extends SamverkanError {
  readonly problems: Problem[];
  readonly report: LoadReport;
  private readonly listed: { maxListed: number; unreadable: boolean };
  /** `unreadable`: files that cannot be read at all, which `--lenient` cannot help with (no advice to use it). */
  constructor(report: LoadReport, maxListed: number, unreadable = false) {
    const errors = report.problems.filter((p) => p.severity === 'error');
    super(
      'LOAD',
      loadErrorText(errors, maxListed, unreadable, 'en'),
      // The first problem's place, for code that shows one.
      errors[0] ? { file: errors[0].file, row: errors[0].row, ...(errors[0].column !== undefined && { column: errors[0].column }) } : {},
    );
    this.name = 'LoadError';
    this.problems = errors;
    this.report = report;
    this.listed = { maxListed, unreadable };
  }

  /** The message in `lang`: the problems from their codes (the error's `message` is English). */
  override describe(lang: Lang): string {
    return loadErrorText(this.problems, this.listed.maxListed, this.listed.unreadable, lang);
  }
}

/** The lines of a {@link LoadError}: the count, the first problems, how many more, and what to do. */
function loadErrorText(errors: readonly Problem[], maxListed: number, unreadable: boolean, lang: Lang): string {
  const listed = errors.slice(0, maxListed).map((p) => `  - ${formatProblem(p, { lang })}`);
  const rest = errors.length - listed.length;
  return [
    message(lang, `load.error.summary.${pluralForm(lang, errors.length)}`, { n: String(errors.length) }),
    ...listed,
    ...(rest > 0 ? [`  ${message(lang, 'load.error.more', { n: String(rest) })}`] : []),
    ...(unreadable ? [message(lang, 'load.error.unreadable')] : [message(lang, 'load.error.validate'), message(lang, 'load.error.lenient')]),
  ].join('\n');
}

/** A file report with no rows yet: readers count them as they come. */
export function emptyReport(head: TableHead, role: 'actors' | 'links'): FileReport {
  const report: FileReport = { file: head.file, role, rows: 0, loaded: 0, merged: 0, rejected: 0, blank: 0 };
  if (head.delimiter !== undefined) report.delimiter = head.delimiter;
  if (head.encoding !== undefined) report.encoding = head.encoding;
  return report;
}

/** Count one blank row. */
export function countBlank(report: FileReport): void {
  report.rows++;
  report.blank++;
}

/**
 * Problems in file order, then in the order of the file (the line of a
 * graph file's element, else the row): some problems (an end that names
 * nothing) are only known once every row is read.
 */
export function orderProblems(problems: Problem[], files: readonly FileReport[]): void {
  const fileOrder = new Map(files.map((f, i) => [f.file, i]));
  const position = new Map(problems.map((p, i) => [p, i]));
  const place = (p: Problem) => (p.element !== undefined ? (p.line ?? 0) : p.row);
  problems.sort((p, q) => (fileOrder.get(p.file) ?? files.length) - (fileOrder.get(q.file) ?? files.length) || place(p) - place(q) || position.get(p)! - position.get(q)!);
}
