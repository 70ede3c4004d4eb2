import type { Problem } from '../model/load-report.js';
import { mapColumns, type ColumnMap } from './columns.js';
import type { Table } from './source.js';

/**
 * Check a table's header against the accepted column names of each field:
 * the table's own problems (not text, empty) come first; a missing required
 * column or two columns meaning one field are errors naming the accepted
 * names and the actual header. Returns the column map, or `undefined` when
 * the file cannot be read (every row is then rejected).
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
  for (const field of required) {
    if (columns.fields[field] !== undefined) continue;
    fatal = true;
    problems.push({
      file: table.file,
      row: table.headerRow,
      reason: `missing required column "${spec[field][0]}" (accepted names: ${spec[field].join(', ')}); the header has: ${table.header.join(', ') || '(nothing)'}`,
      severity: 'error',
    });
  }
  for (const d of columns.duplicates) {
    fatal = true;
    problems.push({
      file: table.file,
      row: table.headerRow,
      column: d.columns.join(', '),
      reason: `columns ${d.columns.map((c) => `"${c}"`).join(' and ')} all mean "${spec[d.field][0]}"; keep one`,
      severity: 'error',
    });
  }
  if (!fatal && options.warnNoRows && table.records.length === 0) {
    problems.push({ file: table.file, row: 0, reason: 'the file has a header but no data rows', severity: 'warning' });
  }
  return fatal ? undefined : columns;
}
