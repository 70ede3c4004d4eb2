/**
 * Plain-text and Markdown tables of tidy rows, for terminals and documents.
 */
import { neutraliseControls } from '../model/text.js';
import { parseOptions } from '../model/options.js';
import { z } from 'zod';

export const TableFormatOptionsSchema = z.strictObject({
  /** Columns in order. Default: the rows' `columns`, else the keys of the first row. */
  columns: z.array(z.string()).readonly().optional(),
  /** Significant decimals for non-integer numbers. Default 3. */
  decimals: z.number().int().nonnegative().optional(),
  /** Cap on rows shown; a last line says how many were left out. Default: all. */
  maxRows: z.number().int().nonnegative().optional(),
});
export type TableFormatOptions = z.input<typeof TableFormatOptionsSchema>;

function columnsOf(rows: readonly object[], options: TableFormatOptions): string[] {
  const declared = options.columns ?? (rows as { columns?: readonly string[] }).columns;
  if (declared) return [...declared];
  const seen = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) seen.add(key);
  return [...seen];
}

/** One cell as display text: numbers rounded, arrays joined, null/undefined empty. */
export function displayValue(value: unknown, decimals = 3): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    if (Number.isInteger(value)) return String(value);
    const fixed = value.toFixed(decimals);
    return fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
  }
  if (Array.isArray(value)) return value.map((v) => displayValue(v, decimals)).join('; ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function cells(rows: readonly object[], columns: readonly string[], decimals: number): string[][] {
  return rows.map((row) => columns.map((c) => displayValue(Object.prototype.hasOwnProperty.call(row, c) ? (row as Record<string, unknown>)[c] : undefined, decimals)));
}

const width = (s: string) => [...s].length;

/**
 * Columns to right-align: those whose values are all numbers (or missing), or
 * text percentages such as `85%` or `85 %` (Swedish: a no-break space, a decimal comma). Codes are text (`2403`, `0980`), so they
 * stay left-aligned whatever they look like.
 */
function numericColumns(rows: readonly object[], columns: readonly string[]): boolean[] {
  return columns.map(
    (c) =>
      rows.length > 0 &&
      rows.every((row) => {
        const v = Object.prototype.hasOwnProperty.call(row, c) ? (row as Record<string, unknown>)[c] : undefined;
        return v === null || v === undefined || typeof v === 'number' || (typeof v === 'string' && (/^-?\d+([.,]\d+)?\u00a0?%$/.test(v) || v === '–'));
      }),
  );
}

/**
 * An aligned plain-text table (numbers right-aligned), for a terminal. Line
 * breaks and tabs in cells become spaces, and characters that would act on
 * the terminal or reorder the text (ESC, BEL, C1 controls, bidi overrides)
 * are shown by their code point, `<U+001B>` (`neutraliseControls`).
 *
 * @example
 * process.stdout.write(formatTextTable(coverageByCounty(net)));
 */
export function formatTextTable(rows: readonly object[], options: TableFormatOptions = {}): string {
  parseOptions(TableFormatOptionsSchema, options, 'formatTextTable');
  const columns = columnsOf(rows, options);
  const shown = options.maxRows !== undefined ? rows.slice(0, options.maxRows) : rows;
  const plain = (c: string) => neutraliseControls(c.replace(/[\r\n\t]+/g, ' '));
  const body = cells(shown, columns, options.decimals ?? 3).map((r) => r.map(plain));
  const heads = columns.map(plain);
  const widths = heads.map((c, i) => Math.max(width(c), ...body.map((r) => width(r[i]!))));
  const numeric = numericColumns(shown, columns);
  const pad = (s: string, i: number) => (numeric[i] ? s.padStart(widths[i]! + s.length - width(s)) : s.padEnd(widths[i]! + s.length - width(s)));
  const lines = [heads.map(pad).join('  ').trimEnd(), widths.map((w) => '─'.repeat(w)).join('  ')];
  for (const r of body) lines.push(r.map(pad).join('  ').trimEnd());
  if (shown.length < rows.length) lines.push(`… ${rows.length - shown.length} more rows`);
  return lines.join('\n') + '\n';
}

/**
 * Escape text for Markdown (a table cell, a heading, a paragraph): pipes,
 * backslashes and Markdown punctuation (links, emphasis, code) get a
 * backslash, HTML-significant characters become entities, URLs are kept from
 * autolinking, a leading list or heading marker is escaped, and line breaks
 * become spaces. Characters that would act on a terminal showing the file
 * or reorder the text (ESC, BEL, C1 controls, bidi overrides) are shown by
 * their code point (`neutraliseControls`). So user text renders as the same
 * text, never as a link, markup, a broken table or a terminal command.
 */
export function escapeMarkdownCell(text: string): string {
  return neutraliseControls(text)
    .replace(/[\\`*_[\]()|~!]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\b([a-z][a-z0-9+.-]*):(?=\/\/|[a-z0-9])/gi, (m, scheme: string) => (/^(https?|ftp|mailto|javascript|data|file|vbscript)$/i.test(scheme) ? `${scheme}\\:` : m))
    .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}\\.`)
    .replace(/^(\s*)(#+|[+-])(?=\s|$)/, (_m, space: string, marker: string) => `${space}\\${marker}`)
    .replace(/^(\s*\d+)([.)])(?=\s|$)/, (_m, digits: string, mark: string) => `${digits}\\${mark}`)
    .replace(/[\r\n]+/g, ' ');
}

/**
 * A GitHub-flavoured Markdown table, for pasting into documents. Every cell
 * is escaped, so user text cannot break the table or inject HTML.
 */
export function formatMarkdownTable(rows: readonly object[], options: TableFormatOptions = {}): string {
  parseOptions(TableFormatOptionsSchema, options, 'formatMarkdownTable');
  const columns = columnsOf(rows, options);
  const shown = options.maxRows !== undefined ? rows.slice(0, options.maxRows) : rows;
  const body = cells(shown, columns, options.decimals ?? 3);
  const numeric = numericColumns(shown, columns);
  const lines = [
    `| ${columns.map(escapeMarkdownCell).join(' | ')} |`,
    `| ${numeric.map((n) => (n ? '---:' : '---')).join(' | ')} |`,
    ...body.map((r) => `| ${r.map(escapeMarkdownCell).join(' | ')} |`),
  ];
  if (shown.length < rows.length) lines.push('', `… ${rows.length - shown.length} more rows`);
  return lines.join('\n') + '\n';
}
