import { z } from 'zod';
import { parseOptions } from '../model/options.js';
/**
 * Cells a spreadsheet would run as a formula when the file is opened (CSV
 * injection, OWASP): starting with `=`, `+`, `-`, `@`, a tab or a carriage
 * return. Such text cells get a leading apostrophe, which Excel and
 * LibreOffice show as text. Numbers are written as numbers (a negative
 * number is not text, so it is left alone).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Neutralise one text cell against formula injection (see {@link FORMULA_START}). */
export function safeCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return safeCell(value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join('; '));
  if (typeof value === 'object') return safeCell(JSON.stringify(value));
  return safeCell(String(value));
}

/** A CSV field: quoted (quotes doubled) only when it holds the delimiter, a quote or a line break, or has surrounding spaces. */
export function quoteCsvField(text: string, delimiter = ','): string {
  return text.includes(delimiter) || /["\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

export const CsvOptionsSchema = z.strictObject({
  /** Field delimiter. Default `,`; use `;` for Swedish Excel. */
  delimiter: z.enum([',', ';', '\t']).default(','),
  /** Columns in order. Default: the rows' `columns` property, else the keys of all rows in first-seen order. */
  columns: z.array(z.string()).readonly().optional(),
  /** Prefix a UTF-8 byte-order mark so Excel reads å, ä and ö right. Default false. */
  bom: z.boolean().default(false),
});
export type CsvOptions = z.input<typeof CsvOptionsSchema>;

/**
 * Write tidy rows as CSV (RFC 4180, LF line ends), safe to open in a
 * spreadsheet: text cells that would start a formula are prefixed with `'`.
 * Arrays become `; `-joined text, objects JSON, null/undefined/NaN empty.
 * With `delimiter: ';'`, numbers use a decimal comma, as Swedish Excel expects.
 *
 * @example
 * writeFileSync('coverage.csv', toCsv(coverageByCounty(net)));
 */
export function toCsv(rows: readonly object[], options: CsvOptions = {}): string {
  const { delimiter, bom } = parseOptions(CsvOptionsSchema, options, 'toCsv');
  const declared = options.columns ?? (rows as { columns?: readonly string[] }).columns;
  let columns: string[];
  if (declared) columns = [...declared];
  else {
    const seen = new Set<string>();
    for (const row of rows) for (const key of Object.keys(row)) seen.add(key);
    columns = [...seen];
  }
  const format = (value: unknown) => {
    const text = cellText(value);
    return delimiter === ';' && typeof value === 'number' ? text.replace('.', ',') : text;
  };
  const lines = [columns.map((c) => quoteCsvField(safeCell(c), delimiter)).join(delimiter)];
  for (const row of rows) {
    const record = row as Record<string, unknown>;
    lines.push(columns.map((c) => quoteCsvField(format(Object.prototype.hasOwnProperty.call(record, c) ? record[c] : undefined), delimiter)).join(delimiter));
  }
  return (bom ? '\uFEFF' : '') + lines.join('\n') + '\n';
}
