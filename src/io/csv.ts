import { because, hint, type ProblemReason } from '../model/load-report.js';
import { checkHeap, HEAP_RESERVE_PER_ROW } from '../model/runtime.js';
import { said } from '../model/options.js';

/** A field delimiter samverkan reads: comma, semicolon, tab, or (after an Excel `sep=|` line, or detected) a vertical bar. */
export type Delimiter = ',' | ';' | '\t' | '|';

/**
 * Something wrong with one record (or the header) as the row parser read
 * it: a quote never closed, text after a closing quote, a quoted field that
 * swallowed lines that look like rows. `column` is the 0-based field index.
 * Errors reject the row; warnings keep it.
 */
export interface RecordIssue extends ProblemReason {
  column: number;
  severity: 'error' | 'warning';
}

/** One record as read: its spreadsheet row, its fields (trimmed, NFC) and what went wrong reading it. */
export interface TableRecord {
  row: number;
  fields: string[];
  /** Present only when the parser found something wrong. */
  issues?: RecordIssue[];
}

/** A delimited table as read, with every record's spreadsheet row number. */
export interface ParsedTable {
  delimiter: Delimiter;
  /** Header cells, trimmed and NFC-normalised. */
  header: string[];
  /** Spreadsheet row of the header (1 unless blank lines precede it). */
  headerRow: number;
  /** Problems reading the header line itself (a quote never closed, text after a quote), as for records. Absent when there are none. */
  headerIssues?: RecordIssue[];
  /** Data records: `row` is the spreadsheet row (header is row 1), `fields` are trimmed and NFC-normalised. */
  records: TableRecord[];
  /** Spreadsheet rows that were empty. */
  blankRows: number[];
}

const DELIMITERS: readonly Delimiter[] = [',', ';', '\t', '|'];

/** Count each candidate delimiter outside double quotes in one line. */
function countOutsideQuotes(line: string): Record<Delimiter, number> {
  const counts: Record<Delimiter, number> = { ',': 0, ';': 0, '\t': 0, '|': 0 };
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t' || ch === '|')) counts[ch]++;
  }
  return counts;
}

/**
 * Detect the field delimiter from the header line: the candidate (comma,
 * semicolon, tab, vertical bar) that occurs most often outside quotes. Ties
 * go to tab, then semicolon, then comma (a comma in a Swedish header is more
 * likely a decimal or part of a name); a bar must occur more often than all
 * of them. A header with none of them is comma-separated (one column).
 */
export function detectDelimiter(headerLine: string): Delimiter {
  const counts = countOutsideQuotes(headerLine);
  let best: Delimiter = ',';
  for (const d of ['\t', ';', ',', '|'] as const) if (counts[d] > counts[best]) best = d;
  return best;
}

/** An Excel `sep=X` first line (any line end): the delimiter it names and its length, or the unsupported character. */
function sepLine(text: string): { delimiter?: Delimiter; other?: string; length: number } | undefined {
  const m = /^sep=(.)(\r\n|\n|\r|$)/.exec(text);
  if (!m) return undefined;
  const c = m[1]!;
  return (DELIMITERS as readonly string[]).includes(c) ? { delimiter: c as Delimiter, length: m[0].length } : { other: c, length: m[0].length };
}

/** The end of the first line (CR, LF or CRLF all end a line), from `from`; -1 when the text has no line end yet. */
function lineEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || c === CR) return i;
  }
  return -1;
}

/**
 * Parse delimited text (RFC 4180 quoting: quoted fields may hold delimiters,
 * doubled quotes and line breaks; CRLF, LF or CR line ends). An Excel
 * `sep=;` first line sets the delimiter and is skipped. Fields are trimmed
 * and normalised to Unicode NFC, so names typed on a Mac (decomposed å)
 * match. Nothing is dropped silently: a quote that is never closed, text
 * after a closing quote and a quoted field that swallowed what look like
 * rows are reported in the record's `issues` (see {@link TableStream}).
 */
export function parseTable(input: string): ParsedTable {
  const records: TableRecord[] = [];
  const blankRows: number[] = [];
  let header: string[] = [];
  let headerRow = 0;
  let headerIssues: RecordIssue[] | undefined;
  const stream = new TableStream({
    header: (cells, row, issues) => {
      header = cells;
      headerRow = row;
      headerIssues = issues;
    },
    record: (record) => records.push(record),
    blank: (row) => blankRows.push(row),
  });
  stream.push(input);
  stream.end();
  const table: ParsedTable = { delimiter: stream.delimiter!, header, headerRow, records, blankRows };
  if (headerIssues) table.headerIssues = headerIssues;
  if (stream.sepIssue) table.headerIssues = [stream.sepIssue, ...(table.headerIssues ?? [])];
  return table;
}

/**
 * A number cell with a decimal comma (`1,5`) rewritten with a point, when
 * commas cannot be the field delimiter (semicolon-, tab- or bar-separated
 * files, as Swedish Excel writes them); other text is returned as it is.
 */
export function decimalPoint(text: string, delimiter: string | undefined): string {
  return delimiter !== ',' ? text.replace(/^([+-]?\d*),(\d+)$/, '$1.$2') : text;
}

const NON_ASCII = /[^\x00-\x7f]/;
const QUOTE = 34;
const LF = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;

/** Classes of bytes in a simple line (see `TableStream.simpleLine`): part of a field, the delimiter or LF (a field's end), CR, or anything else (a quote, a control byte, a byte of UTF-8 above ASCII). */
const PLAIN = 0;
const FIELD_END = 1;
const CR_BYTE = 2;
const SPECIAL = 3;

/** The class of every byte for a delimiter: printable ASCII but the quote is {@link PLAIN}. */
function byteClassesFor(delimiter: number): Uint8Array {
  const classes = new Uint8Array(256).fill(SPECIAL);
  for (let c = SPACE; c <= 126; c++) classes[c] = PLAIN;
  classes[QUOTE] = SPECIAL;
  classes[CR] = CR_BYTE;
  classes[LF] = FIELD_END;
  // A tab is part of a simple line only as its delimiter.
  classes[delimiter] = FIELD_END;
  return classes;
}

/** Where {@link TableStream} sends what it reads, in order. */
export interface TableSink {
  /** The header (trimmed, NFC) and its spreadsheet row; the delimiter is known by then. `issues` as for a record. */
  header(header: string[], row: number, issues?: RecordIssue[]): void;
  /** A data record, as in {@link ParsedTable}'s `records`. */
  record(record: TableRecord): void;
  /** A blank row after the header. (Blank rows before it are not rows of the table.) */
  blank(row: number): void;
}

/**
 * A sink that takes simple rows as byte ranges (see
 * {@link TableStream.pushSimpleLines}): field `k` is ASCII text at
 * `bytes[starts[k]] … bytes[ends[k] - 1]`, already trimmed. It returns
 * `false` to have the row sent to the table's sink as a record instead
 * (with those fields as text), as if it had not been offered.
 */
export interface ByteRowSink {
  byteRow(row: number, bytes: Uint8Array, starts: Int32Array, ends: Int32Array, count: number): boolean;
  /**
   * A simple line with UTF-8 sequences of more than one byte (see
   * `TableStream.pushSimpleLines`'s `utf8`), as {@link byteRow} but its
   * fields read by {@link cellText}; without it (or when it returns `false`)
   * the row is sent to the table's sink as a record.
   */
  utf8Row?(row: number, bytes: Uint8Array, starts: Int32Array, ends: Int32Array, count: number): boolean;
}

/**
 * A field of a simple line (see `TableStream.pushSimpleLines`) as text,
 * cleaned as the text path cleans a row that is not ASCII: a field of ASCII
 * as it is; one with UTF-8 sequences decoded, NFC, then trimmed (the spaces
 * its byte range left out are among what `trim` removes, and a space
 * composes with nothing under NFC).
 */
export function cellText(bytes: Uint8Array, start: number, end: number): string {
  if (isAscii(bytes, start, end)) return asciiText(bytes, start, end);
  // Validated UTF-8 (see utf8Sequence): Node's reader gives the decoder's text, without a view of the range.
  const text = UTF8_SLICE !== undefined ? UTF8_SLICE.call(bytes, start, end) : UTF8.decode(bytes.subarray(start, end));
  return text.normalize('NFC').trim();
}

/** Whether `bytes[start … end - 1]` are all ASCII. */
function isAscii(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (bytes[i]! >= 0x80) return false;
  return true;
}

/** ASCII bytes as text (a field of a simple line). */
export function asciiText(bytes: Uint8Array, start: number, end: number): string {
  if (end - start === 0) return '';
  if (LATIN1_SLICE !== undefined) return LATIN1_SLICE.call(bytes, start, end);
  return String.fromCharCode.apply(null, bytes.subarray(start, end) as unknown as number[]);
}

/**
 * Node's own reader of single-byte text from a byte range (absent in
 * browsers): it makes no view of the range, two and a half times faster
 * than `fromCharCode` over a `subarray` (a million and a half cells at a
 * million links, issue 16). The same text for ASCII bytes.
 */
const NODE_BUFFER = (globalThis as { Buffer?: { prototype: Record<'latin1Slice' | 'utf8Slice', ((this: Uint8Array, start: number, end: number) => string) | undefined> } }).Buffer?.prototype;
const LATIN1_SLICE = NODE_BUFFER?.latin1Slice;
/** The same for UTF-8 (see {@link cellText}). */
const UTF8_SLICE = NODE_BUFFER?.utf8Slice;

/** The decoder of the UTF-8 fields of simple lines (validated by {@link utf8Sequence}; a U+FEFF inside a file is a character, as in the text reader's stream). */
const UTF8 = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * The length of the UTF-8 sequence of more than one byte at `bytes[i]`, as
 * the WHATWG decoder validates it (no overlong forms, no surrogates, nothing
 * above U+10FFFF): 2 to 4; -1 when it is not valid; 0 when it runs past `n`
 * (the line is not complete).
 */
function utf8Sequence(bytes: Uint8Array, i: number, n: number): number {
  const b = bytes[i]!;
  let length: number;
  let low = 0x80;
  let high = 0xbf;
  if (b >= 0xc2 && b <= 0xdf) length = 2;
  else if (b >= 0xe0 && b <= 0xef) {
    length = 3;
    if (b === 0xe0) low = 0xa0;
    else if (b === 0xed) high = 0x9f;
  } else if (b >= 0xf0 && b <= 0xf4) {
    length = 4;
    if (b === 0xf0) low = 0x90;
    else if (b === 0xf4) high = 0x8f;
  } else return -1;
  for (let k = 1; k < length; k++) {
    if (i + k >= n) return 0;
    const c = bytes[i + k]!;
    if (c < low || c > high) return -1;
    low = 0x80;
    high = 0xbf;
  }
  return length;
}

/** Row parser states. */
const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
/** A quote inside a quoted field: a doubled quote or the closing one, as the next character says. */
const QUOTE_IN_QUOTED = 3;
/** After the closing quote: spaces may follow before the delimiter; anything else is an error. */
const AFTER_QUOTED = 4;

/** How much of a value to quote in a reason. */
const SNIPPET = 40;

/**
 * {@link parseTable} fed in pieces of text, for files too large to hold:
 * the same rows, fields, row numbers, blank rows, issues and delimiter, sent
 * to a {@link TableSink} as they are complete instead of collected.
 *
 * The text is held only until the delimiter is known: after an Excel `sep=`
 * line, or until the first non-blank line is complete (a line end or the
 * end), as the delimiter is detected from that line. After that, only the
 * current row is held.
 *
 * The rules, as RFC 4180 with the usual tolerance: a quote opens a quoted
 * field only as its first character (after spaces, which are dropped); inside, a doubled quote is a quote and
 * line breaks are part of the field; CR, LF and CRLF each end a line; a final
 * line break does not start another row. What the RFC leaves open is an
 * issue of the record, never silent:
 * - a quote that is never closed runs to the end of the text: an error
 *   naming the row and line where it opened and how many lines it took;
 * - text after a closing quote (`"2460"1`) is kept in the field (as Python's
 *   `csv` does) and is an error; spaces there are allowed;
 * - a quoted field with a later line that has as many delimiters as a row
 *   (rows swallowed by a quote closed much later) is a warning naming where
 *   it opened.
 */
export class TableStream {
  /** The delimiter, once known (always after {@link end}). */
  delimiter: Delimiter | undefined;
  /** An Excel `sep=` line that names a delimiter samverkan does not read (the line is skipped; the header line decides). */
  sepIssue: RecordIssue | undefined;
  /** The text held until the delimiter is known, in pieces (joined only when a line may be complete: no quadratic copying). */
  private pending: string[] = [];
  private started = false;
  private sepChecked = false;
  private lineStart = 0;
  private rows = 0;
  private hasHeader = false;
  private state = FIELD_START;
  private field = '';
  private row: string[] = [];
  private issues: RecordIssue[] | undefined;
  private skipLf = false;
  private delimiterCode = 44;
  /** Physical line the parser is on (1-based), and where the current quoted field began. */
  private line = 1;
  private quoteLine = 1;
  /** Text after a closing quote, for the message (the start of it). */
  private trailing = '';

  constructor(private readonly sink: TableSink) {}

  /**
   * Whether the stream is between two rows of the table, its header read:
   * then {@link pushSimpleLines} may read the next bytes instead of
   * {@link push}.
   */
  get atRowStart(): boolean {
    return this.hasHeader && this.delimiter !== undefined && this.state === FIELD_START && this.row.length === 0 && this.field === '' && !this.skipLf && this.pending.length === 0;
  }

  /** Field ranges of the last simple line (see {@link simpleLine}). */
  private starts = new Int32Array(64);
  private ends = new Int32Array(64);
  private fieldCount = 0;
  /** Whether the last simple line had UTF-8 sequences of more than one byte. */
  private lineWide = false;

  /**
   * The byte-level fast path of the tokenizer (issue 16), for a stream
   * {@link atRowStart}: reads complete simple lines of `bytes` from `from`
   * straight from the bytes, and returns where it stopped (the start of the
   * first line that is not simple, or of an incomplete last line). A simple
   * line is printable ASCII (a tab only as the delimiter), without a quote,
   * ended by LF or CRLF: one whose every field this tokenizer reads as
   * exactly the bytes between delimiters, trimmed of spaces (ASCII is its own
   * NFC). Each is one row, numbered, checked and sent as {@link push} would:
   * a blank row to `blank`, any other to `sink.byteRow` with the trimmed
   * field ranges, or, when that declines it, as a record of the same fields
   * as text. Everything else (quotes, other bytes, a lone CR) is for
   * {@link push}, which reads it by the general rules.
   *
   * `utf8` (the bytes are read as UTF-8): a line may also hold valid UTF-8
   * sequences of more than one byte (Swedish names, say). Such a line is not
   * offered to `sink.byteRow` (its fields are not ASCII): its fields are
   * decoded and cleaned as {@link push} cleans them (NFC, trimmed) and it is
   * sent as a blank row or a record, without the text reader and the
   * character-by-character parser. Invalid UTF-8 is left to {@link push}
   * (and the text reader's verdict on it).
   */
  pushSimpleLines(bytes: Uint8Array, from: number, sink: ByteRowSink, utf8 = false): number {
    let at = from;
    for (;;) {
      const next = this.simpleLine(bytes, at, utf8);
      if (next < 0) return at;
      this.line++;
      const row = ++this.rows;
      if ((row & 16383) === 0) checkHeap(said('errors.capacity.atCsvRow', { row }), row * HEAP_RESERVE_PER_ROW);
      const { starts, ends, fieldCount } = this;
      if (this.lineWide) {
        this.wideRow(row, bytes, sink);
        at = next;
        continue;
      }
      let blank = true;
      for (let k = 0; k < fieldCount; k++) {
        if (ends[k]! > starts[k]!) {
          blank = false;
          break;
        }
      }
      if (blank) this.sink.blank(row);
      else if (!sink.byteRow(row, bytes, starts, ends, fieldCount)) {
        const fields: string[] = new Array(fieldCount);
        for (let k = 0; k < fieldCount; k++) fields[k] = asciiText(bytes, starts[k]!, ends[k]!);
        this.sink.record({ row, fields });
      }
      at = next;
    }
  }

  /**
   * A simple line with UTF-8 sequences of more than one byte (see
   * {@link pushSimpleLines}): each field read by {@link cellText} (as
   * {@link emit} cleans a row that is not ASCII), then sent as {@link emit}
   * sends a blank row, or offered to `sink.utf8Row`, or sent as a record.
   */
  private wideRow(row: number, bytes: Uint8Array, sink: ByteRowSink): void {
    const { starts, ends, fieldCount } = this;
    // A field of ASCII bytes is not empty (its spaces are left out of its range): then the row is not blank, else its text says.
    let blank = true;
    for (let k = 0; k < fieldCount && blank; k++) {
      const s = starts[k]!;
      const e = ends[k]!;
      if (e > s && isAscii(bytes, s, e)) blank = false;
    }
    let fields: string[] | undefined;
    if (blank) {
      fields = this.fieldsOf(bytes);
      blank = fields.every((f) => f === '');
    }
    if (blank) this.sink.blank(row);
    else if (sink.utf8Row === undefined || !sink.utf8Row(row, bytes, starts, ends, fieldCount)) this.sink.record({ row, fields: fields ?? this.fieldsOf(bytes) });
  }

  /** The fields of the last simple line, as text (see {@link cellText}). */
  private fieldsOf(bytes: Uint8Array): string[] {
    const { starts, ends, fieldCount } = this;
    const fields: string[] = new Array(fieldCount);
    for (let k = 0; k < fieldCount; k++) fields[k] = cellText(bytes, starts[k]!, ends[k]!);
    return fields;
  }

  /**
   * The end of the line of a block of lines that are not simple, from `from`
   * (a line start): the start of the next simple line, or of the incomplete
   * last line, or `bytes.length`.
   */
  skipComplexLines(bytes: Uint8Array, from: number, utf8 = false): number {
    let at = from;
    while (at < bytes.length && this.simpleLine(bytes, at, utf8) === -1) {
      const lf = bytes.indexOf(LF, at);
      if (lf < 0) return at;
      at = lf + 1;
    }
    return at;
  }

  /**
   * One simple line from `at`: the start of the next line, its trimmed field
   * ranges in `starts`/`ends` and their number in `fieldCount`; -1 for a line
   * that is not simple, -2 for one not complete in `bytes`. With `utf8`, a
   * valid UTF-8 sequence of more than one byte is part of a simple line
   * (`lineWide` then says the line has one).
   */
  private simpleLine(bytes: Uint8Array, at: number, utf8: boolean): number {
    const classes = this.byteClasses;
    const n = bytes.length;
    this.lineWide = false;
    let count = 0;
    let start = at;
    let i = at;
    for (;;) {
      if (i === n) return -2;
      const c = bytes[i]!;
      const cls = classes[c]!;
      // Most bytes are of a field: one look-up in the table says so.
      if (cls === PLAIN) {
        i++;
        continue;
      }
      if (cls === FIELD_END || (cls === CR_BYTE && i + 1 < n && bytes[i + 1] === LF)) {
        let s = start;
        let e = i;
        while (s < e && bytes[s] === SPACE) s++;
        while (e > s && bytes[e - 1] === SPACE) e--;
        if (count === this.starts.length) {
          const grow = (a: Int32Array) => {
            const b = new Int32Array(a.length * 2);
            b.set(a);
            return b;
          };
          this.starts = grow(this.starts);
          this.ends = grow(this.ends);
        }
        this.starts[count] = s;
        this.ends[count] = e;
        count++;
        if (c !== LF && c !== CR) {
          start = i + 1;
          i++;
          continue;
        }
        this.fieldCount = count;
        return c === LF ? i + 1 : i + 2;
      }
      if (c === CR && i + 1 === n) return -2;
      if (c < 0x80 || !utf8) return -1;
      const length = utf8Sequence(bytes, i, n);
      if (length === 0) return -2;
      if (length < 0) return -1;
      this.lineWide = true;
      i += length;
    }
  }

  /** What each byte is to {@link simpleLine}, for this stream's delimiter (made when the delimiter is known). */
  private byteClasses: Uint8Array = byteClassesFor(44);

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
    // A line can only have been completed by a line end in this piece.
    if (text.includes('\n') || text.includes('\r')) this.detect(false);
  }

  /** The end of the text: the last row is sent. */
  end(): void {
    if (this.delimiter === undefined) this.detect(true);
    if (this.state === FIELD_START && this.row.length === 0 && this.field === '') return;
    if (this.state === QUOTED) {
      const last = this.field.charCodeAt(this.field.length - 1);
      const lines = this.line - this.quoteLine + (last === LF || last === CR ? 0 : 1);
      this.issue(because('csv.quote_not_closed', { line: this.quoteLine, n: lines }), 'error');
    }
    this.closeField();
    this.emit();
  }

  /** Look for the `sep=` line and the first non-blank line in the text held so far. */
  private detect(atEnd: boolean): void {
    let text = this.pending.join('');
    this.pending = [text];
    for (;;) {
      const end = lineEnd(text, this.lineStart);
      if (end < 0 && !atEnd) return;
      // A CR at the very end of the text so far may be the first half of a CRLF: wait for the next piece.
      if (!this.sepChecked) {
        if (end >= 0 && text.charCodeAt(end) === CR && end === text.length - 1 && !atEnd) return;
        this.sepChecked = true;
        const sep = sepLine(text);
        if (sep) {
          text = text.slice(sep.length);
          this.line = 2;
          if (sep.delimiter) {
            this.start(sep.delimiter, text);
            return;
          }
          this.sepIssue = { column: 0, ...because('csv.sep_unknown', { sep: String(sep.other) }), severity: 'warning' };
          this.pending = [text];
          this.detect(atEnd);
          return;
        }
      }
      if (end < 0) {
        // The end: the last line decides, or nothing does.
        const line = text.slice(this.lineStart);
        this.start(detectDelimiter(line.trim() !== '' ? line : ''), text);
        return;
      }
      const line = text.slice(this.lineStart, end);
      if (line.trim() !== '') {
        this.start(detectDelimiter(line), text);
        return;
      }
      this.lineStart = end + 1;
      if (text.charCodeAt(end) === CR && text.charCodeAt(end + 1) === LF) this.lineStart++;
    }
  }

  private start(delimiter: Delimiter, text: string): void {
    this.delimiter = delimiter;
    this.delimiterCode = delimiter.charCodeAt(0);
    this.byteClasses = byteClassesFor(this.delimiterCode);
    this.pending = [];
    this.parse(text);
  }

  private issue(reason: ProblemReason, severity: RecordIssue['severity']): void {
    (this.issues ??= []).push({ column: this.row.length, ...reason, severity });
  }

  /** The current field is complete: check a quoted one for swallowed rows, and add it to the row. */
  private closeField(): void {
    if (this.state === AFTER_QUOTED || this.state === QUOTE_IN_QUOTED) {
      if (this.trailing !== '') {
        const shown = this.trailing.length > SNIPPET ? `${this.trailing.slice(0, SNIPPET)}…` : this.trailing;
        // A field that ran over lines before its "closing" quote most likely swallowed rows: say where it opened.
        const span = this.line > this.quoteLine ? hint('csv.text_after_quote.span', { line: this.quoteLine, lines: this.line - this.quoteLine + 1 }) : '';
        this.issue(because('csv.text_after_quote', { text: JSON.stringify(shown), span }), 'error');
        this.trailing = '';
      } else if (this.line > this.quoteLine && this.swallowedRows()) {
        this.issue(because('csv.quoted_rows', { line: this.quoteLine, lines: this.line - this.quoteLine + 1 }), 'warning');
      }
    }
    this.row.push(this.field);
    this.field = '';
    this.state = FIELD_START;
  }

  /** Whether one of a quoted field's lines after its first has as many delimiters as a row of the table (the header's cells less one). */
  private swallowedRows(): boolean {
    if (this.headerCells < 2) return false;
    const f = this.field;
    const d = this.delimiterCode;
    let i = lineEnd(f, 0);
    while (i >= 0) {
      const next = lineEnd(f, i + 1);
      const stop = next < 0 ? f.length : next;
      let count = 0;
      for (let k = i + 1; k < stop; k++) if (f.charCodeAt(k) === d) count++;
      if (count >= this.headerCells - 1) return true;
      i = next;
    }
    return false;
  }
  /** Cells of the header (0 until it is read). */
  private headerCells = 0;

  private emit(): void {
    const fields = this.row;
    const issues = this.issues;
    this.row = [];
    this.field = '';
    this.issues = undefined;
    this.state = FIELD_START;
    const row = ++this.rows;
    // Rows held by a caller (parseTable keeps them all) fill the heap: stop with a message before it is full.
    if ((row & 16383) === 0) checkHeap(said('errors.capacity.atCsvRow', { row }), row * HEAP_RESERVE_PER_ROW);
    // The fields are cleaned in place (trimmed, NFC; NFC leaves ASCII as it
    // is, so a row read from ASCII text alone is only trimmed); a row whose
    // fields are all empty then is blank.
    let blank = !issues;
    const ascii = this.rowAscii;
    this.rowAscii = this.chunkAscii;
    for (let k = 0; k < fields.length; k++) {
      const f = ascii ? fields[k]!.trim() : fields[k]!.normalize('NFC').trim();
      fields[k] = f;
      if (f !== '') blank = false;
    }
    if (blank) {
      if (this.hasHeader) this.sink.blank(row);
      return;
    }
    const clean = fields;
    if (!this.hasHeader) {
      this.hasHeader = true;
      this.headerCells = clean.length;
      if (issues) this.sink.header(clean, row, issues);
      else this.sink.header(clean, row);
    } else if (issues) this.sink.record({ row, fields: clean, issues });
    else this.sink.record({ row, fields: clean });
  }

  /** Whether the piece being parsed, and every piece the current row was read from, are ASCII (see `emit`). */
  private chunkAscii = true;
  private rowAscii = true;

  private parse(s: string): void {
    this.chunkAscii = !NON_ASCII.test(s);
    if (!this.chunkAscii) this.rowAscii = false;
    const n = s.length;
    const d = this.delimiterCode;
    let i = 0;
    if (this.skipLf && n > 0) {
      this.skipLf = false;
      if (s.charCodeAt(0) === LF) i = 1;
    }
    while (i < n) {
      const state = this.state;
      if (state === FIELD_START) {
        // Spaces before an opening quote (`a, "b"`) belong to no field; before other text they are trimmed anyway.
        let c = s.charCodeAt(i);
        while ((c === SPACE || (c === TAB && d !== TAB)) && i < n) {
          this.field += s[i];
          c = s.charCodeAt(++i);
        }
        if (i === n) return;
        if (c === QUOTE) {
          this.field = '';
          this.state = QUOTED;
          this.quoteLine = this.line;
          i++;
          continue;
        }
        this.state = UNQUOTED;
      }
      if (this.state === UNQUOTED) {
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
      if (this.state === QUOTED) {
        const q = s.indexOf('"', i);
        const stop = q < 0 ? n : q;
        this.countQuoted(s, i, stop);
        if (stop > i) this.field += s.slice(i, stop);
        if (q < 0) return;
        this.pendingCr = false;
        this.state = QUOTE_IN_QUOTED;
        i = q + 1;
        continue;
      }
      const c = s.charCodeAt(i);
      if (this.state === QUOTE_IN_QUOTED) {
        if (c === QUOTE) {
          // A doubled quote.
          this.field += '"';
          this.state = QUOTED;
          i++;
          continue;
        }
        this.state = AFTER_QUOTED;
      }
      // After the closing quote: the delimiter or a line end closes the field; spaces are skipped; other text is kept and reported.
      if (c === d || c === LF || c === CR) {
        i = this.separator(s, i, c);
        continue;
      }
      if ((c === SPACE || c === TAB) && this.trailing === '') {
        i++;
        continue;
      }
      let j = i;
      while (j < n) {
        const x = s.charCodeAt(j);
        if (x === d || x === LF || x === CR) break;
        j++;
      }
      const text = s.slice(i, j);
      this.field += text;
      if (this.trailing.length < SNIPPET + 1) this.trailing += text;
      i = j;
    }
  }

  /** Line ends inside a quoted field (for the line numbers of later messages). */
  private countQuoted(s: string, from: number, to: number): void {
    for (let k = from; k < to; k++) {
      const c = s.charCodeAt(k);
      if (c === CR) {
        this.line++;
        this.pendingCr = true;
      } else {
        if (c === LF && !this.pendingCr) this.line++;
        this.pendingCr = false;
      }
    }
  }
  private pendingCr = false;

  /** The field ends at `s[j]` (`c`): a line break ends the row too. Returns where to go on. */
  private separator(s: string, j: number, c: number): number {
    this.closeField();
    this.pendingCr = false;
    let i = j + 1;
    if (c === LF || c === CR) {
      this.line++;
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
