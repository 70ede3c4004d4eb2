import { because, hint, type Problem, type ProblemParam } from '../model/load-report.js';
import { clipText, hasInvisible, visibleText } from '../model/text.js';
import { mapColumns, normaliseHeader, type ColumnMap } from './columns.js';
import type { Table } from './source.js';

/** How many header cells a message lists. */
const LISTED_CELLS = 20;

/** A header cell as a message shows it: invisible characters by their code point, a long one clipped. */
export function showCell(cell: string): string {
  return clipText(visibleText(cell), 60);
}

/**
 * The header as a message lists it, or `undefined` when it should not be
 * echoed: a first line without a single delimiter and without a known column
 * is most likely not a CSV file at all (a path to `/etc/passwd`, a README),
 * and its content is none of the message's business.
 */
/**
 * Whether a header cell could be a column name: at most 64 characters and
 * no `=` or `:` (which a line of settings, `API_KEY=…` or `password: …`,
 * has and a CSV header does not).
 */
function couldBeColumnName(cell: string): boolean {
  return cell.length <= 64 && !/[=:]/.test(cell);
}

function listedHeader<F extends string>(table: Table, columns: ColumnMap<F>): string | undefined {
  if (table.header.length === 0) return '(nothing)';
  // A first line with no known column that does not read as column names is not echoed: it may be a file of secrets.
  const known = Object.keys(columns.fields).length > 0;
  if (!known && (table.header.length === 1 || !table.header.every(couldBeColumnName))) return undefined;
  const shown = table.header.slice(0, LISTED_CELLS).map(showCell).join(', ');
  return table.header.length > LISTED_CELLS ? `${shown} … (${table.header.length} columns)` : shown;
}

/**
 * Check a table's header against the accepted column names of each field:
 * the table's own problems (not text, empty) come first; a missing required
 * column or two columns meaning one field are errors naming the accepted
 * names and the actual header (unless the first line does not look like a
 * header at all: then it is not echoed). Repeated names of extra columns are
 * a warning (the later column gets a name of its own). Returns the column
 * map, or `undefined` when the file cannot be read (every row is then rejected).
 */
export function checkHeader<F extends string>(
  table: Table,
  spec: Readonly<Record<F, readonly string[]>>,
  required: readonly F[],
  problems: Problem[],
  options: { warnNoRows?: boolean } = {},
): ColumnMap<F> | undefined {
  problems.push(...table.problems);
  if (table.problems.some((p) => p.severity === 'error')) return undefined;
  const columns = mapColumns(table.header, spec);
  let fatal = false;
  const listed = listedHeader(table, columns);
  for (const field of required) {
    if (columns.fields[field] !== undefined) continue;
    fatal = true;
    const accepted = { column: spec[field][0]!, names: spec[field].join(', ') };
    // A header cell that would be the field without its invisible characters (a zero-width space, a byte-order mark pasted in).
    const hidden = table.header.find((cell) => hasInvisible(cell) && (spec[field] as readonly string[]).includes(normaliseHeader(cell.replace(/[\p{Cf}\p{Cc}]/gu, ''))));
    const invisible = hidden !== undefined ? hint('header.missing.invisible', { cell: showCell(hidden), column: spec[field][0]! }) : '';
    problems.push({
      file: table.file,
      row: table.headerRow,
      ...(listed !== undefined
        ? because('header.missing', { ...accepted, header: listed, invisible })
        : because('header.missing.not_csv', { ...accepted, cells: hint(table.header.length === 1 ? 'header.missing.no_delimiter' : 'header.missing.not_names') })),
      severity: 'error',
    });
  }
  for (const d of columns.duplicates) {
    fatal = true;
    problems.push({
      file: table.file,
      row: table.headerRow,
      column: d.columns.map(showCell).join(', '),
      ...because('header.duplicate', { columns: d.columns.map((c): ProblemParam => `"${showCell(c)}"`).reduce((a, b) => hint('and', { a, b })), column: spec[d.field][0]! }),
      severity: 'error',
    });
  }
  // One warning per repeated name, however often it repeats.
  const repeated = new Map<string, { first: number; later: { index: number; name: string }[] }>();
  for (const r of columns.renamed ?? []) {
    if (r.first === undefined) continue;
    let entry = repeated.get(r.header);
    if (!entry) repeated.set(r.header, (entry = { first: r.first, later: [] }));
    entry.later.push({ index: r.index, name: r.name });
  }
  for (const [header, { first, later }] of repeated) {
    const cell = showCell(header);
    const [one] = later;
    problems.push({
      file: table.file,
      row: table.headerRow,
      column: cell,
      ...(later.length === 1
        ? because('header.repeated_two', { first: first + 1, second: one!.index + 1, name: cell, attribute: showCell(one!.name) })
        : because('header.repeated', {
            n: later.length + 1,
            name: cell,
            columns: `${[first, ...later.slice(0, 5).map((l) => l.index)].map((i) => i + 1).join(', ')}${later.length > 5 ? ' …' : ''}`,
            attributes: `${later
              .slice(0, 5)
              .map((l) => `"${showCell(l.name)}"`)
              .join(', ')}${later.length > 5 ? ' …' : ''}`,
          })),
      severity: 'warning',
    });
  }
  if (!fatal && options.warnNoRows && table.records.length === 0) {
    problems.push({ file: table.file, row: 0, ...because('header.no_rows'), severity: 'warning' });
  }
  return fatal ? undefined : columns;
}
