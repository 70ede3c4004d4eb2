import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { toCsv, type CsvOptions } from '../io/write-csv.js';
import { formatMarkdownTable, formatTextTable } from '../report/table.js';
import { UsageError, type CliIO, type OptionSpec, type ParsedArgs } from './context.js';

export const OUTPUT_OPTIONS: OptionSpec = {
  format: { type: 'string', short: 'f' },
  out: { type: 'string', short: 'o' },
  delimiter: { type: 'string' },
  bom: { type: 'boolean' },
};

export const OUTPUT_HELP = `Output:
  --format, -f FMT    text (default: an aligned table), json, csv or md
  --out, -o FILE      write to FILE instead of the terminal
  --delimiter D       csv: comma (default), semicolon (Swedish Excel: also
                      decimal commas) or tab
  --bom               csv: start with a byte-order mark, so Excel reads å, ä, ö`;

export type Format = 'text' | 'json' | 'csv' | 'md';

export function formatOf(values: ParsedArgs['values']): Format {
  const format = (values.format as string | undefined) ?? 'text';
  if (!['text', 'json', 'csv', 'md'].includes(format)) throw new UsageError(`unknown format ${JSON.stringify(format)}`, 'formats: text, json, csv, md');
  return format as Format;
}

/** `--delimiter` and `--bom` as CSV options (`comma`, `semicolon`, `tab`, or the character itself). */
export function csvOptions(values: ParsedArgs['values']): CsvOptions {
  const raw = values.delimiter as string | undefined;
  const delimiters: Record<string, ',' | ';' | '\t'> = { comma: ',', ',': ',', semicolon: ';', ';': ';', tab: '\t', '\t': '\t' };
  if (raw !== undefined && !Object.prototype.hasOwnProperty.call(delimiters, raw)) {
    throw new UsageError(`unknown delimiter ${JSON.stringify(raw)}`, 'delimiters: comma, semicolon, tab');
  }
  return { ...(raw !== undefined && { delimiter: delimiters[raw]! }), bom: values.bom === true };
}

/** Render tidy rows in the chosen format. JSON is exactly the rows, with no wrapper. */
export function renderRows(rows: readonly object[], format: Format, csv: CsvOptions = {}): string {
  switch (format) {
    case 'json':
      return JSON.stringify(rows, null, 2) + '\n';
    case 'csv':
      return toCsv(rows, csv);
    case 'md':
      return formatMarkdownTable(rows);
    case 'text':
      return formatTextTable(rows);
  }
}

/** Write a file, turning file-system errors into a clear message (exit 1). */
export function writeOutput(path: string, text: string): void {
  try {
    writeFileSync(path, text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'its folder does not exist' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw new Error(`cannot write ${path}: ${reason}`);
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
  writeOutput(path, text);
  return path;
}
