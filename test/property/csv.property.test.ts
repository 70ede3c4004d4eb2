/**
 * Property tests (fast-check, fixed seeds: the same cases on every run) of
 * the loader on generated CSV files: random delimiters, quoting, line ends,
 * encodings and row mutations (quotes left open, text after a closing
 * quote, blank lines, short and long rows, bad values). For each file:
 *
 * - every row is accounted for: loaded + merged + rejected + blank = rows,
 *   and rows is the number of records an independent reference parser
 *   (below, written from the documented rules, character by character) sees
 *   after the header, blank ones included;
 * - the in-memory loader and the streaming one, in random pieces, give the
 *   same report, and the same input gives the same report twice.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadNetwork, type LoadReport } from '../../src/index.js';
import { parseTable } from '../../src/io.js';
import { loadNetworkStream } from '../../src/io/load-network-stream.js';
import { tmpFile } from '../helpers/files.js';

type Delimiter = ',' | ';' | '\t' | '|';

interface ReferenceRecord {
  fields: string[];
  /** A quote was never closed. */
  open: boolean;
  /** Text after a closing quote. */
  after: boolean;
}

/** The documented CSV rules, as simply as they can be written: the records after the header, which are blank, and each record. */
function reference(text: string): { records: number; blank: number; delimiter: string; data: ReferenceRecord[] } {
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  let delimiter: string | undefined;
  const sep = /^sep=([,;\t|])(\r\n|\n|\r|$)/.exec(text);
  if (sep) {
    delimiter = sep[1]!;
    text = text.slice(sep[0].length);
  }
  if (delimiter === undefined) {
    const first = text.split(/\r\n|\r|\n/).find((l) => l.trim() !== '') ?? '';
    const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0, '|': 0 };
    let quoted = false;
    for (const c of first) {
      if (c === '"') quoted = !quoted;
      else if (!quoted && c in counts) counts[c]!++;
    }
    delimiter = ',';
    for (const d of ['\t', ';', ',', '|']) if (counts[d]! > counts[delimiter]!) delimiter = d;
  }
  const rows: ReferenceRecord[] = [];
  let i = 0;
  const n = text.length;
  const isEnd = (c: string | undefined) => c === '\n' || c === '\r';
  while (i < n) {
    const fields: string[] = [];
    let open = false;
    let after = false;
    for (;;) {
      // One field.
      let value = '';
      let j = i;
      while (j < n && (text[j] === ' ' || (text[j] === '\t' && delimiter !== '\t'))) j++;
      if (text[j] === '"') {
        i = j + 1;
        for (;;) {
          if (i >= n) {
            open = true;
            break;
          }
          if (text[i] === '"') {
            if (text[i + 1] === '"') {
              value += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          value += text[i++];
        }
        while (!open && i < n && text[i] !== delimiter && !isEnd(text[i])) {
          if (text[i] !== ' ' && text[i] !== '\t') after = true;
          value += text[i++];
        }
      } else {
        while (i < n && text[i] !== delimiter && !isEnd(text[i])) value += text[i++];
      }
      fields.push(value);
      if (i < n && text[i] === delimiter) {
        i++;
        continue;
      }
      break;
    }
    if (text[i] === '\r') i++;
    if (text[i - 1] === '\r' && text[i] === '\n') i++;
    else if (text[i] === '\n') i++;
    rows.push({ fields, open, after });
  }
  const blank = (r: (typeof rows)[number]) => !r.open && !r.after && r.fields.every((f) => f.trim() === '');
  const header = rows.findIndex((r) => !blank(r));
  const data = header < 0 ? [] : rows.slice(header + 1);
  return { records: data.length, blank: data.filter(blank).length, delimiter, data: data.filter((r) => !blank(r)) };
}

const referenceRecords = (text: string) => {
  const { records, blank, delimiter } = reference(text);
  return { records, blank, delimiter };
};

const WINDOWS_1252_HIGH: Record<string, number> = { '€': 0x80, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96 };
const encoders = {
  'utf-8': (t: string) => new Uint8Array(Buffer.from(t, 'utf8')),
  'utf-8 BOM': (t: string) => new Uint8Array(Buffer.from('\uFEFF' + t, 'utf8')),
  'utf-16le BOM': (t: string) => new Uint8Array([0xff, 0xfe, ...Buffer.from(t, 'utf16le')]),
  'utf-16be BOM': (t: string) => {
    const le = Buffer.from(t, 'utf16le');
    return new Uint8Array([0xfe, 0xff, ...le.map((_, i) => le[i ^ 1]!)]);
  },
  'windows-1252': (t: string) => Uint8Array.from([...t], (c) => WINDOWS_1252_HIGH[c] ?? c.charCodeAt(0)),
};
type Encoding = keyof typeof encoders;

const CODES = ['2480', '2460', '2482', '0180', '0114', '1880', 'Umeå', 'Vännäs', 'Atlantis', ''];
/** Text that any of the encodings can hold, with the characters CSV has to quote. */
const cellText = fc.stringMatching(/^[a-zA-Z0-9 åäöÅÄÖé€’“”–,;|\t"\n\r]{0,12}$/);

interface Row {
  fields: string[];
  quote: boolean[];
}

const rowArb = fc.record({
  source: fc.constantFrom(...CODES),
  target: fc.constantFrom(...CODES),
  weight: fc.constantFrom('', '1', '2.5', '-1', 'x', '1e308', '3,5'),
  note: cellText,
  extra: fc.option(cellText, { nil: undefined }),
  short: fc.boolean(),
  quote: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
});

const mutation = fc.constantFrom('none', 'none', 'none', 'open-quote', 'after-quote', 'blank', 'spaces', 'space-quote');

const fileArb = fc.record({
  delimiter: fc.constantFrom<Delimiter>(',', ';', '\t', '|'),
  sepLine: fc.boolean(),
  lineEnd: fc.constantFrom('\n', '\r\n', '\r'),
  encoding: fc.constantFrom<Encoding>('utf-8', 'utf-8 BOM', 'utf-16le BOM', 'utf-16be BOM', 'windows-1252'),
  rows: fc.array(fc.tuple(rowArb, mutation), { maxLength: 25 }),
  finalLineEnd: fc.boolean(),
});

type File = typeof fileArb extends fc.Arbitrary<infer T> ? T : never;

/** A cell as a CSV writer would write it (quoted when asked or needed), then the row mutation. */
function render(file: File): string {
  const d = file.delimiter;
  const cell = (value: string, quote: boolean) => (quote || /[",;|\t\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  const lines: string[] = [];
  // A `|` file names its delimiter in an Excel sep= line when the header alone would not say so.
  if (file.sepLine || d === '|') lines.push(`sep=${d}`);
  lines.push(['source', 'target', 'weight', 'note'].join(d));
  for (const [row, m] of file.rows) {
    const values: Row = { fields: [row.source, row.target, row.weight, row.note, ...(row.extra !== undefined ? [row.extra] : [])], quote: row.quote };
    if (row.short) values.fields.length = 2;
    let line = values.fields.map((v, i) => cell(v, values.quote[i] ?? false)).join(d);
    if (m === 'open-quote') line = `${line}${d}"open`;
    else if (m === 'after-quote') line = `${line}${d}"closed"trailing`;
    else if (m === 'blank') line = '';
    else if (m === 'spaces') line = `  ${d}  `;
    else if (m === 'space-quote') line = `${line}${d}  "a${d} b"  `;
    lines.push(line);
  }
  return lines.join(file.lineEnd) + (file.finalLineEnd ? file.lineEnd : '');
}

const strip = (report: LoadReport) => JSON.parse(JSON.stringify(report).replaceAll(/"file":"[^"]*"/g, '"file":"f"')) as LoadReport;

describe('generated CSV files', () => {
  it('every row is loaded, merged, rejected or blank, and the rows are the records of a reference parser; the same input gives the same report', async () => {
    await fc.assert(
      fc.asyncProperty(fileArb, fc.integer({ min: 1, max: 64 }), async (file, piece) => {
        const text = render(file);
        const bytes = encoders[file.encoding](text);
        const ref = reference(text);
        // The parser itself: the same fields (trimmed, NFC) and an error exactly where a quote is left open or text follows one.
        const parsed = parseTable(text);
        expect(parsed.records.map((r) => r.fields)).toEqual(ref.data.map((r) => r.fields.map((f) => f.normalize('NFC').trim())));
        expect(parsed.records.map((r) => (r.issues ?? []).filter((i) => i.severity === 'error').length > 0)).toEqual(ref.data.map((r) => r.open || r.after));
        const net = loadNetwork({ links: { bytes, name: 'gen.csv' } }, { mode: 'lenient' });
        const report = net.loadReport!;
        const [f] = report.files;
        expect(f!.loaded + f!.merged + f!.rejected + f!.blank).toBe(f!.rows);
        expect(f!.rows).toBe(ref.records);
        expect(f!.blank).toBe(ref.blank);
        expect(f!.delimiter).toBe(ref.delimiter);
        expect(f!.delimiter).toBe(file.delimiter);
        // Every rejected row has an error naming it.
        const rejectedRows = new Set(report.problems.filter((p) => p.severity === 'error' && p.row > 0).map((p) => p.row));
        expect(rejectedRows.size).toBe(f!.rejected);
        // Deterministic, and the streamed loader agrees, in pieces of any size.
        expect(strip(loadNetwork({ links: { bytes, name: 'gen.csv' } }, { mode: 'lenient' }).loadReport!)).toEqual(strip(report));
        const streamed = await loadNetworkStream({ links: tmpFile('gen.csv', bytes) }, { mode: 'lenient', highWaterMark: piece });
        expect(strip(streamed.loadReport!)).toEqual(strip(report));
      }),
      { seed: 20260412, numRuns: 300 },
    );
  }, 120_000);

  it('the reference parser agrees with the hand-counted cases of the issue', () => {
    expect(referenceRecords('source,target,note\n2480,2460,"oops\n2481,2482,ok\n')).toEqual({ records: 1, blank: 0, delimiter: ',' });
    expect(referenceRecords('source;target;note\r2480;2460;a, b, c\r2481;2482;x\r')).toEqual({ records: 2, blank: 0, delimiter: ';' });
    expect(referenceRecords('a,b\n\n1,2\n \n')).toEqual({ records: 3, blank: 2, delimiter: ',' });
  });
});
