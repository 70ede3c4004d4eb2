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

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** Where {@link TableStream} sends what it reads, in order. */
export interface TableSink {
  /** The header (trimmed, NFC) and its spreadsheet row; the delimiter is known by then. */
  header(header: string[], row: number): void;
  /** A data record, as in {@link ParsedTable}'s `records`. */
  record(record: { row: number; fields: string[] }): void;
  /** A blank row after the header. (Blank rows before it are not rows of the table.) */
  blank(row: number): void;
}

/**
 * {@link parseTable} fed in pieces of text, for files too large to hold:
 * the same rows, fields, row numbers, blank rows and delimiter, sent to a
 * {@link TableSink} as they are complete instead of collected.
 *
 * The text is held only until the delimiter is known: after an Excel `sep=`
 * line, or until the first non-blank line is complete (a line feed or the
 * end), as `parseTable` detects the delimiter from that line. After that,
 * only the current row is held. The row parser reproduces d3-dsv's (which
 * `parseTable` uses) exactly, quirks included: a quote opens a quoted field
 * only as its first character, the character after a closing quote is
 * consumed as the separator whatever it is, a lone CR ends a line, an
 * unterminated quote runs to the end of the text, and a final line break
 * does not start another row.
 */
export class TableStream {
  /** The delimiter, once known (always after {@link end}). */
  delimiter: ',' | ';' | '\t' | undefined;
  /** The text held until the delimiter is known, in pieces (joined only when a line may be complete: no quadratic copying). */
  private pending: string[] = [];
  private started = false;
  private sepChecked = false;
  private lineStart = 0;
  private rows = 0;
  private hasHeader = false;
  // Row parser state: 0 at the start of a field, 1 in an unquoted field, 2 in a quoted field, 3 after a quote in a quoted field.
  private state = 0;
  private field = '';
  private row: string[] = [];
  private skipLf = false;
  private delimiterCode = 44;

  constructor(private readonly sink: TableSink) {}

  /** Feed the next piece of text. */
  push(text: string): void {
    if (text === '') return;
    if (this.delimiter !== undefined) {
      this.parse(text);
      return;
    }
    if (!this.started) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    this.pending.push(text);
    // A line can only have been completed by this piece's line feed.
    if (text.includes('\n')) this.detect(false);
  }

  /** The end of the text: the last row is sent. */
  end(): void {
    if (this.delimiter === undefined) this.detect(true);
    if (this.state === 0 && this.row.length === 0) return;
    this.row.push(this.field);
    this.emit();
  }

  /** Look for the `sep=` line and the first non-blank line in the text held so far. */
  private detect(atEnd: boolean): void {
    let text = this.pending.join('');
    this.pending = [text];
    for (;;) {
      const lf = text.indexOf('\n', this.lineStart);
      if (lf < 0 && !atEnd) return;
      if (!this.sepChecked) {
        this.sepChecked = true;
        const sep = /^sep=(.)\r?\n/.exec(text);
        if (sep && (DELIMITERS as readonly string[]).includes(sep[1]!)) {
          text = text.slice(sep[0].length);
          this.start(sep[1] as ',' | ';' | '\t', text);
          return;
        }
      }
      if (lf < 0) {
        // The end: the last line decides, or nothing does.
        const line = text.slice(this.lineStart);
        this.start(detectDelimiter(line.trim() !== '' ? line : ''), text);
        return;
      }
      const line = text.slice(this.lineStart, lf > this.lineStart && text.charCodeAt(lf - 1) === CR ? lf - 1 : lf);
      if (line.trim() !== '') {
        this.start(detectDelimiter(line), text);
        return;
      }
      this.lineStart = lf + 1;
    }
  }

  private start(delimiter: ',' | ';' | '\t', text: string): void {
    this.delimiter = delimiter;
    this.delimiterCode = delimiter.charCodeAt(0);
    this.pending = [];
    this.parse(text);
  }

  private emit(): void {
    const fields = this.row;
    this.row = [];
    this.field = '';
    this.state = 0;
    const row = ++this.rows;
    if (fields.every((f) => f.trim() === '')) {
      if (this.hasHeader) this.sink.blank(row);
      return;
    }
    const clean = fields.map((s) => s.normalize('NFC').trim());
    if (!this.hasHeader) {
      this.hasHeader = true;
      this.sink.header(clean, row);
    } else this.sink.record({ row, fields: clean });
  }

  private parse(s: string): void {
    const n = s.length;
    const d = this.delimiterCode;
    let i = 0;
    if (this.skipLf && n > 0) {
      this.skipLf = false;
      if (s.charCodeAt(0) === LF) i = 1;
    }
    while (i < n) {
      if (this.state === 0) {
        if (s.charCodeAt(i) === QUOTE) {
          this.state = 2;
          i++;
          continue;
        }
        this.state = 1;
      }
      if (this.state === 1) {
        let j = i;
        let c = 0;
        while (j < n) {
          c = s.charCodeAt(j);
          if (c === d || c === LF || c === CR) break;
          j++;
        }
        if (j > i) this.field += s.slice(i, j);
        if (j === n) return;
        i = this.separator(s, j, c);
        continue;
      }
      if (this.state === 2) {
        const q = s.indexOf('"', i);
        if (q < 0) {
          this.field += s.slice(i);
          return;
        }
        if (q > i) this.field += s.slice(i, q);
        this.state = 3;
        i = q + 1;
        continue;
      }
      // After a quote in a quoted field: a doubled quote, or the field ends and the next character is its separator.
      const c = s.charCodeAt(i);
      if (c === QUOTE) {
        this.field += '"';
        this.state = 2;
        i++;
        continue;
      }
      i = this.separator(s, i, c);
    }
  }

  /** The field ends at `s[j]` (`c`): a line break ends the row too. Returns where to go on. */
  private separator(s: string, j: number, c: number): number {
    this.row.push(this.field);
    this.field = '';
    this.state = 0;
    let i = j + 1;
    if (c === LF || c === CR) {
      this.emit();
      if (c === CR) {
        if (i < s.length) {
          if (s.charCodeAt(i) === LF) i++;
        } else this.skipLf = true;
      }
    }
    return i;
  }
}
