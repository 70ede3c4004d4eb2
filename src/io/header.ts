import type { Problem } from '../model/load-report.js';
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
    const accepted = `missing required column "${spec[field][0]}" (accepted names: ${spec[field].join(', ')})`;
    // A header cell that would be the field without its invisible characters (a zero-width space, a byte-order mark pasted in).
    const hidden = table.header.find((cell) => hasInvisible(cell) && (spec[field] as readonly string[]).includes(normaliseHeader(cell.replace(/[\p{Cf}\p{Cc}]/gu, ''))));
    const hint = hidden !== undefined ? `; the header cell "${showCell(hidden)}" holds invisible characters: without them it would be "${spec[field][0]}"` : '';
    problems.push({
      file: table.file,
      row: table.headerRow,
      reason:
        listed !== undefined
          ? `${accepted}; the header has: ${listed}${hint}`
          : `${accepted}; the first line has no column samverkan knows and ${table.header.length === 1 ? 'no comma, semicolon, tab or |' : 'cells that are not column names (= or :, or very long)'}, so this does not look like a CSV file with a header (its content is not shown)`,
      severity: 'error',
    });
  }
  for (const d of columns.duplicates) {
    fatal = true;
    problems.push({
      file: table.file,
      row: table.headerRow,
      column: d.columns.map(showCell).join(', '),
      reason: `columns ${d.columns.map((c) => `"${showCell(c)}"`).join(' and ')} all mean "${spec[d.field][0]}"; keep one`,
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
      reason:
        later.length === 1
          ? `columns ${first + 1} and ${one!.index + 1} are both named "${cell}": the values of column ${one!.index + 1} are kept as the attribute "${showCell(one!.name)}" (rename one of them to choose)`
          : `${later.length + 1} columns are named "${cell}" (columns ${[first, ...later.slice(0, 5).map((l) => l.index)].map((i) => i + 1).join(', ')}${later.length > 5 ? ' …' : ''}): the values of the later ones are kept as the attributes ${later
              .slice(0, 5)
              .map((l) => `"${showCell(l.name)}"`)
              .join(', ')}${later.length > 5 ? ' …' : ''} (rename them to choose)`,
      severity: 'warning',
    });
  }
  if (!fatal && options.warnNoRows && table.records.length === 0) {
    problems.push({ file: table.file, row: 0, reason: 'the file has a header but no data rows', severity: 'warning' });
  }
  return fatal ? undefined : columns;
}
