import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { toCsv } from '../io/write-csv.js';
import { formatMarkdownTable, formatTextTable } from '../report/table.js';
import { UsageError, type CliIO, type OptionSpec, type ParsedArgs } from './context.js';

export const OUTPUT_OPTIONS: OptionSpec = {
  format: { type: 'string', short: 'f' },
  out: { type: 'string', short: 'o' },
};

export const OUTPUT_HELP = `Output:
  --format, -f FMT    text (default: an aligned table), json, csv or md
  --out, -o FILE      write to FILE instead of the terminal`;

export type Format = 'text' | 'json' | 'csv' | 'md';

export function formatOf(values: ParsedArgs['values']): Format {
  const format = (values.format as string | undefined) ?? 'text';
  if (!['text', 'json', 'csv', 'md'].includes(format)) throw new UsageError(`unknown format ${JSON.stringify(format)}`, 'formats: text, json, csv, md');
  return format as Format;
}

/** Render tidy rows in the chosen format. JSON is exactly the rows, with no wrapper. */
export function renderRows(rows: readonly object[], format: Format): string {
  switch (format) {
    case 'json':
      return JSON.stringify(rows, null, 2) + '\n';
    case 'csv':
      return toCsv(rows);
    case 'md':
      return formatMarkdownTable(rows);
    case 'text':
      return formatTextTable(rows);
  }
}

/** Write output to `--out` or stdout. Returns the path written, if any. */
export function emit(text: string, values: ParsedArgs['values'], io: CliIO): string | undefined {
  const out = values.out as string | undefined;
  if (out === undefined) {
    io.stdout.write(text);
    return undefined;
  }
  const path = resolve(io.cwd ?? process.cwd(), out);
  writeFileSync(path, text);
  return path;
}
