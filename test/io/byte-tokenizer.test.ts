import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TableStream, type ByteRowSink, type TableRecord } from '../../src/io/csv.js';
import { ByteInterner, hashOf } from '../../src/io/load/intern.js';
import { decodeText } from '../../src/io/text.js';
import { weightFromBytes } from '../../src/io/load/cells.js';
import { loadNetworkInChunks } from '../../src/io/load-network-stream.js';
import { loadNetwork, type CooperationNetwork, type LoadNetworkInput } from '../../src/index.js';

/**
 * The byte-level reader of simple lines (issue 16) reads a links file read
 * in chunks, or in memory by `loadNetwork`; the same files given as CSV
 * text are read as a table of text records, every row as text. On
 * random files that mix simple rows with every kind of row the byte reader
 * leaves to the text path (quotes, spaces, CRLF, non-ASCII, errors,
 * attributes, decimal commas, implicit ends), cut into chunks of many
 * sizes, both must give the same network and the same report.
 */

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ENDS = ['2480', '2460', '0180', 'Umeå', 'Vännäs', 'Stockholm', 'polis-1', 'polis-2', 'förening-3', 'Nowhere', '180', '', ' 2482 ', 'polis-1 '];
const WEIGHTS = ['', '1', '2', '0.5', '.25', '3.', '1e2', '+2', '-1', '0', 'abc', '"1,5"', '1,5', '12345678901234567', '1e16', ' 4 '];
// The edges of the byte reader's table of days too (years 1800–2199, months 01–12, days 01–31; outside it a date is read by the table of words), with the dates a month 00 or a day 32 would be taken for were the edges wrong.
const DATES = ['', '', '2021-01-01', '2022-06-30', '2021-02-30', '2022-01-01 00:00', '2021-01-01 12:30', 'x', '2020-13-01', '1800-01-01', '1799-12-31', '2199-12-31', '2200-01-01', '2021-00-10', '2021-01-00', '2021-01-32', '2021-1-01', '２０２１-01-01', '2020-12-10', '2021-02-01'];
const KINDS = ['', 'agreement', 'project', 'dialogue', 'Avtal', '"quoted"'];

function linksFile(seed: number, rows: number, crlf: boolean, delimiter = ','): string {
  const next = random(seed);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!;
  const line = (...cells: string[]) => cells.join(delimiter);
  const lines = [line('source', 'target', 'kind', 'weight', 'since', 'until', 'note')];
  for (let r = 0; r < rows; r++) {
    const roll = next();
    if (roll < 0.03) lines.push('');
    else if (roll < 0.05) lines.push(line(`"${pick(ENDS)}"`, `"${pick(ENDS)}"`, 'agreement', '1', '', '', '"two\nlines"'));
    else if (roll < 0.07) lines.push(line(pick(ENDS), pick(ENDS), 'agreement', '1', '', '', `note ${r}`));
    else if (roll < 0.08) lines.push(line(pick(ENDS), pick(ENDS), 'agreement', '1', '', '', '', 'extra'));
    else lines.push(line(pick(ENDS), pick(ENDS), pick(KINDS), pick(WEIGHTS), pick(DATES), pick(DATES)));
  }
  return lines.join(crlf ? '\r\n' : '\n') + (next() < 0.5 ? '\n' : '');
}

/** What a load gives, as plain data. */
function outcome(net: CooperationNetwork) {
  return { report: net.loadReport, actors: net.actors(), links: net.links.map((l) => ({ ...l })) };
}

function both(input: LoadNetworkInput, highWaterMark: number, mode: 'strict' | 'lenient') {
  const run = (f: () => CooperationNetwork) => {
    try {
      return outcome(f());
    } catch (error) {
      return { error: String(error) };
    }
  };
  const bytes = run(() => loadNetworkInChunks(input, { mode, highWaterMark }));
  const memory = run(() => loadNetwork(input, { mode }));
  // What only bytes have, checked here before asOfText leaves it out: each file is read in the encoding decodeText finds, with one Windows-1252 warning per file so read.
  for (const read of [bytes, memory]) if (!('error' in read)) expect(encodingsOf(read), 'the encodings of the byte readings').toEqual(decodedEncodings(input, read));
  // The byte readings as text would give them (`encoded`: as they are, for what only bytes have).
  return { text: run(() => loadNetwork(asText(input), { mode })), bytes: asOfText(bytes), memory: asOfText(memory), encoded: { bytes, memory } };
}

/**
 * The input with its files given as their text, decoded as the loader
 * decodes bytes (`decodeText`) and named as the files: read as tables of
 * text records, every row by the text tokenizer.
 */
function asText(input: LoadNetworkInput): LoadNetworkInput {
  const text = (path: unknown) => (typeof path === 'string' ? { text: decodeText(readFileSync(path)).text, name: path } : path);
  return { ...input, ...(input.actors !== undefined && { actors: text(input.actors) }), ...(input.links !== undefined && { links: text(input.links) }) } as LoadNetworkInput;
}

/** Each file's encoding in a reading's report, and how many Windows-1252 warnings it has. */
function encodingsOf(o: ReturnType<typeof outcome>) {
  const report = o.report!;
  return { files: report.files.map((f) => [f.file, f.encoding]), windows1252: report.problems.filter((p) => p.code === 'text.windows1252').length };
}

/** What {@link encodingsOf} must give for `input`'s files, as `decodeText` reads them. */
function decodedEncodings(input: LoadNetworkInput, o: ReturnType<typeof outcome>) {
  const paths = [input.actors, input.links].filter((p): p is string => typeof p === 'string');
  const encoding = new Map(paths.map((path) => [path, decodeText(readFileSync(path)).encoding]));
  const files = o.report!.files.map((f) => [f.file, encoding.has(f.file) ? encoding.get(f.file) : 'not a file of the input']);
  return { files, windows1252: files.filter(([, e]) => e === 'windows-1252').length };
}

/** An outcome of bytes without what text has not: each file's encoding and the Windows-1252 warning. */
function asOfText<T extends ReturnType<typeof outcome> | { error: string }>(o: T): T {
  if ('error' in o) return o;
  const report = o.report!;
  return { ...o, report: { ...report, files: report.files.map(({ encoding: _encoding, ...file }) => file), problems: report.problems.filter((p) => p.code !== 'text.windows1252') } };
}

describe('the byte-level reader of simple lines', () => {
  const dir = mkdtempSync(join(tmpdir(), 'samverkan-bytes-'));
  writeFileSync(join(dir, 'actors.csv'), 'id,name,kind,municipality\npolis-1,Polisregion 1,authority,\npolis-2,Polisregion 2,authority,2480\nförening-3,Förening,civil_society,2460\n');

  // Seeds 7 and 8: a semicolon and a tab as the delimiter (the byte reader's table of bytes is made per delimiter).
  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
    it(`gives what the text path gives (seed ${seed})`, () => {
      const crlf = seed % 3 === 0;
      const file = join(dir, `links-${seed}.csv`);
      writeFileSync(file, linksFile(seed, 400, crlf, seed === 7 ? ';' : seed === 8 ? '\t' : ','));
      const withActors = seed % 2 === 0;
      const input: LoadNetworkInput = withActors ? { actors: join(dir, 'actors.csv'), links: file } : { links: file };
      for (const mode of ['lenient', 'strict'] as const) {
        for (const chunk of [1, 5, 64, 1000, 1 << 16]) {
          const { text, bytes, memory } = both(input, chunk, mode);
          expect(bytes, `chunks of ${chunk}, ${mode}`).toEqual(text);
          if (chunk === 1) expect(memory, `in memory, ${mode}`).toEqual(text);
        }
      }
    });
  }

  it('reads a plain edge list (implicit actors) and a CRLF file the same way', () => {
    const rows = ['a,b,w', ...Array.from({ length: 300 }, (_, i) => `n${i % 37},m${(i * 7 + 3) % 41},${(i % 5) + 1}`)];
    for (const eol of ['\n', '\r\n']) {
      const file = join(dir, `plain-${eol.length}.csv`);
      writeFileSync(file, `source,target,weight${eol}${rows.slice(1).join(eol)}${eol}`);
      const { text, bytes, memory } = both({ links: file }, 100, 'lenient');
      expect('error' in text).toBe(false);
      expect(bytes).toEqual(text);
      expect(memory).toEqual(text);
      expect((text as ReturnType<typeof outcome>).links.length).toBe(300);
    }
  });
});

describe('TableStream.pushSimpleLines', () => {
  it('offers simple lines as byte ranges and takes the rest as text, with the same rows', () => {
    const text = 'a,b,c\n1, 2 ,3\n"q",x,y\n\n4,5\r\n6,7,8\r\nå,9,10\n11,12';
    const bytes = new TextEncoder().encode(text);
    const got: (TableRecord | string)[] = [];
    const stream = new TableStream({ header: () => {}, record: (r) => got.push(r), blank: (row) => got.push(`blank ${row}`) });
    stream.push('a,b,c\n');
    const offered: number[] = [];
    const sink: ByteRowSink = {
      byteRow: (row, b, s, e, n) => {
        offered.push(row);
        // Decline every other row: it must come as a record of the same fields.
        if (row % 2 === 0) return false;
        got.push({ row, fields: Array.from({ length: n }, (_, k) => new TextDecoder().decode(b.subarray(s[k], e[k]))) });
        return true;
      },
    };
    let at = 6;
    const decoder = new TextDecoder();
    while (at < bytes.length) {
      if (stream.atRowStart) at = stream.pushSimpleLines(bytes, at, sink);
      const end = stream.skipComplexLines(bytes, at);
      if (end === at) break;
      stream.push(decoder.decode(bytes.subarray(at, end)));
      at = end;
    }
    stream.push(decoder.decode(bytes.subarray(at)));
    stream.end();
    const reference: (TableRecord | string)[] = [];
    const whole = new TableStream({ header: () => {}, record: (r) => reference.push(r), blank: (row) => reference.push(`blank ${row}`) });
    whole.push(text);
    whole.end();
    expect(got).toEqual(reference);
    // Rows 2 and 6 ("1, 2 ,3" and "6,7,8") are simple; "4,5" ends in CRLF and is simple too.
    expect(offered).toEqual([2, 5, 6]);
  });
});

const ACTOR_IDS = ['polis-1', 'polis-2', 'förening-3', 'f\u043erening-3', 'foo', 'f\u043eo', '2480', 'Umeå', 'umea', 'Vindeln', 'stockholm', 'x y', '', ' pad ', 'kyrka-9', 'kyrka-9 ', 'BODEN', 'vindeln kommun'];
const ACTOR_KINDS = ['authority', 'Authority', 'religious', 'Religiös', 'civil_society', 'föreningar', 'mystery', 'Mystery kind', 'municipality', '', '---', 'joint_body'];
const ACTOR_PLACES = ['', '', '2480', '2460', '0180', '180', 'Umeå', 'Nowhere', 'stockholms kommun'];
const ACTOR_COUNTIES = ['', '', '', '24', 'Västerbottens län', '01', 'Stockholm', '99'];

function actorsFile(seed: number, rows: number, crlf: boolean): string {
  const next = random(seed);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!;
  const lines = ['id,name,kind,municipality,county,note'];
  for (let r = 0; r < rows; r++) {
    const roll = next();
    const id = next() < 0.5 ? pick(ACTOR_IDS) : `actor-${Math.floor(next() * rows)}`;
    const name = next() < 0.3 ? '' : next() < 0.5 ? `Name ${Math.floor(next() * 5)}` : 'Namn på förening';
    if (roll < 0.03) lines.push('');
    else if (roll < 0.05) lines.push(`"${id}","${name}, quoted",${pick(ACTOR_KINDS)},,,`);
    else if (roll < 0.07) lines.push(`${id},${name},${pick(ACTOR_KINDS)},${pick(ACTOR_PLACES)},,note ${r % 3}`);
    else if (roll < 0.08) lines.push(`${id},${name},${pick(ACTOR_KINDS)},,,,extra`);
    else lines.push([id, name, pick(ACTOR_KINDS), pick(ACTOR_PLACES), pick(ACTOR_COUNTIES)].join(','));
  }
  return lines.join(crlf ? '\r\n' : '\n') + (next() < 0.5 ? '\n' : '');
}

describe('the byte-level reader of simple actor rows', () => {
  const dir = mkdtempSync(join(tmpdir(), 'samverkan-actor-bytes-'));

  for (const seed of [11, 12, 13, 14]) {
    it(`gives what the text path gives (seed ${seed})`, () => {
      const actors = join(dir, `actors-${seed}.csv`);
      writeFileSync(actors, actorsFile(seed, 300, seed % 2 === 0));
      const links = join(dir, `links-${seed}.csv`);
      const next = random(seed + 100);
      const ends = [...ACTOR_IDS, ...Array.from({ length: 40 }, (_, i) => `actor-${i * 7}`)];
      const pick = () => ends[Math.floor(next() * ends.length)]!;
      writeFileSync(links, ['source,target', ...Array.from({ length: 200 }, () => `${pick()},${pick()}`)].join('\n'));
      for (const mode of ['lenient', 'strict'] as const) {
        for (const chunk of [3, 1 << 16]) {
          const { text, bytes, memory } = both({ actors, links }, chunk, mode);
          expect(bytes, `chunks of ${chunk}, ${mode}`).toEqual(text);
          expect(memory, `in memory, ${mode}`).toEqual(text);
        }
      }
      // The actors alone (no links file) and as bytes in memory read the same way too.
      const text = outcome(loadNetwork(asText({ actors }), { mode: 'lenient' }));
      expect(asOfText(outcome(loadNetwork({ actors }, { mode: 'lenient' })))).toEqual(text);
      expect(asOfText(outcome(loadNetwork({ actors: new Uint8Array(readFileSync(actors)) }, { mode: 'lenient' })))).toEqual({ ...text, report: { ...text.report!, files: text.report!.files.map((f) => ({ ...f, file: '(actors)' })), problems: text.report!.problems.map((p) => ({ ...p, file: '(actors)' })) } });
    });
  }
});

describe('ByteInterner and weightFromBytes', () => {
  it('finds keys given as ASCII text by their bytes, and refuses other text', () => {
    const enc = new TextEncoder();
    const table = new ByteInterner(2);
    for (let i = 0; i < 3000; i++) expect(table.setAscii(`id-${i}`, i)).toBe(true);
    expect(table.setAscii('id-7', 99)).toBe(false);
    expect(table.setAscii('förening', 1)).toBe(false);
    expect(table.setAscii('tab\there', 1)).toBe(false);
    for (let i = 0; i < 3000; i++) {
      const key = enc.encode(`,id-${i},`);
      expect(table.get(key, 1, key.length - 1)).toBe(i);
    }
    const other = enc.encode('förening');
    expect(table.get(other, 0, other.length)).toBeUndefined();
    expect(table.size).toBe(3000);
  });

  it('finds each key by its bytes through growth', () => {
    const enc = new TextEncoder();
    const table = new ByteInterner(2);
    for (let i = 0; i < 5000; i++) {
      const key = enc.encode(`id-${i}`);
      expect(table.get(key, 0, key.length)).toBeUndefined();
      table.set(key, 0, key.length, i * 3);
    }
    for (let i = 0; i < 5000; i++) {
      const key = enc.encode(`xx id-${i} yy`);
      expect(table.get(key, 3, key.length - 3)).toBe(i * 3);
    }
    expect(table.size).toBe(5000);
  });

  it('tells apart keys of every length from 0 to 40 bytes, by bytes and by text, through growth and copy', () => {
    const enc = new TextEncoder();
    // Keys of 0 to 40 bytes sharing long prefixes (so a key is told from its neighbours by its last bytes), a few thousand in all.
    const keys: string[] = [];
    for (let length = 0; length <= 40; length++) for (let v = 0; v < 80; v++) keys.push(`${'k'.repeat(Math.max(0, length - 2))}${String.fromCharCode(48 + (v % 10), 65 + Math.floor(v / 10))}`.slice(0, length));
    const distinct = [...new Set(keys)];
    const table = new ByteInterner(2);
    distinct.forEach((key, i) => {
      const bytes = enc.encode(`<${key}>`);
      if (i % 2 === 0) table.set(bytes, 1, bytes.length - 1, i);
      else expect(table.internText(key, i)).toBe(-1);
    });
    expect(table.size).toBe(distinct.length);
    const doubled = table.copy((v) => 2 * v);
    distinct.forEach((key, i) => {
      const bytes = enc.encode(`..${key}`);
      expect(table.get(bytes, 2, bytes.length)).toBe(i);
      expect(table.getText(key)).toBe(i);
      expect(table.internText(key, 99_999)).toBe(i);
      expect(doubled.get(bytes, 2, bytes.length)).toBe(2 * i);
      // One byte more or less, or another last byte, is another key.
      const longer = enc.encode(`${key}~`);
      expect(table.get(longer, 0, longer.length)).toBeUndefined();
      if (key.length > 0) {
        expect(table.get(bytes, 2, bytes.length - 1) === i).toBe(false);
        const changed = enc.encode(`${key.slice(0, -1)}~`);
        expect(table.get(changed, 0, changed.length)).toBeUndefined();
      }
    });
    expect(table.size).toBe(distinct.length);
  });

  it('tells apart two keys of one hash and length, short ones and long ones', () => {
    const enc = new TextEncoder();
    /** Two keys `prefix` + eight seeded random letters, of one length and one hash (a birthday search: a few hundred thousand keys make a pair near certain). */
    const collision = (prefix: string): [Uint8Array, Uint8Array] => {
      const seen = new Map<number, Uint8Array>();
      const next = random(16);
      for (let i = 0; i < 2_000_000; i++) {
        const key = enc.encode(prefix + Array.from({ length: 8 }, () => String.fromCharCode(97 + Math.floor(next() * 26))).join(''));
        const h = hashOf(key, 0, key.length);
        const other = seen.get(h);
        if (other) return [other, key];
        seen.set(h, key);
      }
      throw new Error('no collision found');
    };
    for (const [a, b] of [collision('id-'), collision('a-longer-id-prefix-')]) {
      expect(a.length).toBe(b.length);
      const table = new ByteInterner(2);
      table.set(a, 0, a.length, 1);
      expect(table.get(b, 0, b.length)).toBeUndefined();
      table.set(b, 0, b.length, 2);
      expect([table.get(a, 0, a.length), table.get(b, 0, b.length)]).toEqual([1, 2]);
      const text = new ByteInterner(2);
      expect(text.internText(new TextDecoder().decode(b), 7)).toBe(-1);
      expect(text.get(a, 0, a.length)).toBeUndefined();
      expect(text.getText(new TextDecoder().decode(a))).toBeUndefined();
    }
  });

  it('reads weights as Number reads them, and leaves the rest to the text path', () => {
    const enc = new TextEncoder();
    const w = (s: string) => weightFromBytes(enc.encode(s), 0, s.length);
    for (const s of ['1', '2', '0.1', '0.3', '.5', '3.', '123456789012345', '999999999999999', '0.00000000000001', '2.675', '1.1']) expect(w(s)).toBe(Number(s));
    for (const s of ['', '.', '0', '0.0', '-1', '+1', '1e3', '1,5', '1234567890123456', '0.000000000000001', 'x']) expect(w(s)).toBeNaN();
  });
});

describe('simple lines with UTF-8 cells (issue 16)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'samverkan-utf8-lines-'));
  // Decomposed å (NFC makes it one character), a no-break space and a U+FEFF at a cell's edges (trimmed by the text path), a cell of only a no-break space (empty), 2- to 4-byte sequences, and a row of only no-break spaces (blank).
  const cells = ['Umea\u030a', '\u00a0Vännäs\u00a0', '\ufeffpolis-1', '\u00a0', '日本', '😀 x', 'förening-3', 'Östra Göinge'];
  const lines = (seed: number, rows: number) => {
    const next = random(seed);
    const pick = () => cells[Math.floor(next() * cells.length)]!;
    const out = ['id,name,kind,municipality'];
    for (let r = 0; r < rows; r++) {
      const roll = next();
      if (roll < 0.05) out.push('\u00a0,\u00a0,\u00a0,');
      else out.push(`${next() < 0.5 ? pick() : `actor-${r % 50}`},${pick()},${next() < 0.8 ? 'authority' : pick()},${next() < 0.3 ? pick() : ''}`);
    }
    return `${out.join('\n')}\n`;
  };

  it('gives what the text path gives, cut anywhere (inside a sequence too)', () => {
    for (const seed of [21, 22]) {
      const actors = join(dir, `actors-${seed}.csv`);
      writeFileSync(actors, lines(seed, 300));
      const links = join(dir, `links-${seed}.csv`);
      writeFileSync(links, 'source,target\nactor-1,actor-2\nförening-3,actor-4\n');
      for (const chunk of [1, 2, 3, 7, 1 << 16]) {
        const { text, bytes, memory } = both({ actors, links }, chunk, 'lenient');
        expect('error' in text).toBe(false);
        expect(bytes, `chunks of ${chunk}`).toEqual(text);
        expect(memory).toEqual(text);
      }
    }
  });

  it('leaves invalid UTF-8 to the text reader: the file is read as Windows-1252, as before', () => {
    const actors = join(dir, 'actors-1252.csv');
    // Valid UTF-8 lines, then an overlong sequence, a lone continuation byte and a surrogate: not UTF-8.
    const head = new TextEncoder().encode('id,name,kind\nföreningen-1,Förening,civil_society\n');
    for (const bad of [[0xc0, 0xaf], [0x80], [0xed, 0xa0, 0x80], [0xe9]]) {
      writeFileSync(actors, Buffer.concat([head, Buffer.from('x-2,'), Buffer.from(bad), Buffer.from(',authority\n')]));
      const { text, bytes, memory, encoded } = both({ actors }, 5, 'lenient');
      expect('error' in text).toBe(false);
      expect(bytes).toEqual(text);
      expect(memory).toEqual(text);
      for (const read of [encoded.bytes, encoded.memory]) {
        const report = (read as ReturnType<typeof outcome>).report!;
        expect(report.files[0]!.encoding).toBe('windows-1252');
        expect(report.problems.filter((p) => p.code === 'text.windows1252')).toHaveLength(1);
      }
    }
  });
});
