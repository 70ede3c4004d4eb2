import { dsvFormat } from 'd3-dsv';

/** A delimited table as read, with every record's spreadsheet row number. */
export interface ParsedTable {
  delimiter: ',' | ';' | '\t';
  /** Header cells, trimmed and NFC-normalised. */
  header: string[];
  /** Spreadsheet row of the header (1 unless blank lines precede it). */
  headerRow: number;
  /** Data records: `row` is the spreadsheet row (header is row 1), `fields` are trimmed and NFC-normalised. */
  records: { row: number; fields: string[] }[];
  /** Spreadsheet rows that were empty. */
  blankRows: number[];
}

const DELIMITERS = [',', ';', '\t'] as const;

/** Count each candidate delimiter outside double quotes in one line. */
function countOutsideQuotes(line: string): Record<(typeof DELIMITERS)[number], number> {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
  }
  return counts;
}

/**
 * Detect the field delimiter from the header line: the candidate (comma,
 * semicolon, tab) that occurs most often outside quotes. Ties go to tab, then
 * semicolon, since a comma in a Swedish header is more likely a decimal or
 * part of a name. A header with none of them is comma-separated (one column).
 */
export function detectDelimiter(headerLine: string): ',' | ';' | '\t' {
  const counts = countOutsideQuotes(headerLine);
  let best: ',' | ';' | '\t' = ',';
  for (const d of ['\t', ';', ','] as const) if (counts[d] > counts[best]) best = d;
  return best;
}

/**
 * Parse delimited text (RFC 4180 quoting: quoted fields may hold delimiters,
 * doubled quotes and line breaks; CRLF or LF). An Excel `sep=;` first line
 * sets the delimiter and is skipped. Fields are trimmed and normalised to
 * Unicode NFC, so names typed on a Mac (decomposed å) match.
 */
export function parseTable(input: string): ParsedTable {
  let text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  let forced: ',' | ';' | '\t' | undefined;
  const sep = /^sep=(.)\r?\n/.exec(text);
  if (sep && (DELIMITERS as readonly string[]).includes(sep[1]!)) {
    forced = sep[1] as ',' | ';' | '\t';
    text = text.slice(sep[0].length);
  }
  const firstLine = text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  const delimiter = forced ?? detectDelimiter(firstLine);
  const raw = dsvFormat(delimiter).parseRows(text);
  const clean = (s: string) => s.normalize('NFC').trim();

  const blankRows: number[] = [];
  const records: { row: number; fields: string[] }[] = [];
  let header: string[] | undefined;
  let headerRow = 0;
  raw.forEach((fields, i) => {
    const row = i + 1;
    if (fields.every((f) => f.trim() === '')) {
      // A blank line before the header is not a data row.
      if (header) blankRows.push(row);
      return;
    }
    if (!header) {
      header = fields.map(clean);
      headerRow = row;
      return;
    }
    records.push({ row, fields: fields.map(clean) });
  });
  return { delimiter, header: header ?? [], headerRow, records, blankRows };
}

/**
 * A number cell with a decimal comma (`1,5`) rewritten with a point, when
 * commas cannot be the field delimiter (semicolon- or tab-separated files,
 * as Swedish Excel writes them); other text is returned as it is.
 */
export function decimalPoint(text: string, delimiter: string | undefined): string {
  return delimiter !== ',' ? text.replace(/^([+-]?\d*),(\d+)$/, '$1.$2') : text;
}
