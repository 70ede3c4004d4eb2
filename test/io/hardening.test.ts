/**
 * Issue 12 (hardening), the loading side: each test reproduces one item of
 * the issue as it was on main (a row lost without a word, a crash, a hang,
 * a message that hid the cause) and checks what happens now.
 */
import { execFileSync } from 'node:child_process';
import { truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArgumentError, CooperationNetwork, demoDataset, LoadError, loadNetwork, recommendPartners, swedenGeography, type Geography, type LoadNetworkInput, type Problem, SWEDISH_NAME_RULES } from '../../src/index.js';
import { loadNetworkStream } from '../../src/io.js';
import { formatProblem } from '../../src/model.js';
import { decodeText, MAX_IN_MEMORY_BYTES, parseXml, readGraphFile, toGexf, toGraphml } from '../../src/io.js';
import { centrality } from '../../src/analysis/centrality.js';
import { PROJECT_ROOT, tmpDir, tmpFile, tsxScript } from '../helpers/files.js';

const lenient = (input: LoadNetworkInput) => loadNetwork(input, { ids: 'municipality-codes', mode: 'lenient' });
const errorsOf = (problems: readonly Problem[]) => problems.filter((p) => p.severity === 'error');
const warningsOf = (problems: readonly Problem[]) => problems.filter((p) => p.severity === 'warning');
const bytes = (...parts: (string | number[])[]) => new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));

/** Every file report's counts add up to its rows. */
function expectAccounted(net: CooperationNetwork) {
  for (const f of net.loadReport!.files) expect(f.loaded + f.merged + f.rejected + f.blank, f.file).toBe(f.rows);
}

/** The same input through the in-memory loader (as bytes) and the streaming one (as a file, in pieces of 1 byte and of the default size). */
async function bothPaths(name: string, content: Uint8Array): Promise<CooperationNetwork[]> {
  const path = tmpFile(name, content);
  return [
    loadNetwork({ links: { bytes: content, name } }, { ids: 'municipality-codes', mode: 'lenient' }),
    await loadNetworkStream({ links: path }, { ids: 'municipality-codes', mode: 'lenient', highWaterMark: 1 }),
    await loadNetworkStream({ links: path }, { ids: 'municipality-codes', mode: 'lenient' }),
  ];
}

describe('quotes: nothing swallowed without a word', () => {
  it('an unterminated quote is an error on the row where it opened, naming the line (the issue: 1 row, "No problems")', async () => {
    const text = 'source,target,note\n2480,2460,"oops\n' + Array.from({ length: 1000 }, (_, i) => `2481,2482,ok ${i}`).join('\n') + '\n';
    for (const net of await bothPaths('q.csv', Buffer.from(text))) {
      const [p] = errorsOf(net.loadReport!.problems);
      expect(p).toMatchObject({ row: 2, column: 'note', severity: 'error' });
      expect(p!.reason).toMatch(/quote opened on line 2 is never closed/);
      expect(p!.reason).toMatch(/1\s?001 lines/);
      expect(net.loadReport!.files[0]).toMatchObject({ rows: 1, loaded: 0, rejected: 1 });
      expect(net.links).toHaveLength(0);
    }
    expect(() => loadNetwork({ links: text }, { ids: 'municipality-codes' })).toThrow(LoadError);
  });

  it('text after a closing quote is an error, not dropped ("2460"1)', async () => {
    const text = 'source,target\n2480,"2460"1\n2481,2482\n';
    for (const net of await bothPaths('after.csv', Buffer.from(text))) {
      expect(errorsOf(net.loadReport!.problems)[0]).toMatchObject({ row: 2, column: 'target', reason: expect.stringMatching(/text after the closing quote .*"1"/) });
      expect(net.loadReport!.files[0]).toMatchObject({ rows: 2, loaded: 1, rejected: 1 });
    }
  });

  it('text after a quote that closes lines later says where the field opened (it swallowed the rows between)', () => {
    const net = lenient({ links: 'source,target,note\n2480,2460,"oops\n2481,2482,a\n2483,2484,b\n2480,2482,"x"\n2485,2486,ok\n' });
    expect(errorsOf(net.loadReport!.problems)[0]!.reason).toMatch(/text after the closing quote .*; the quoted field opened on line 2 and ran over 4 lines/);
  });

  it('spaces after a closing quote are allowed', () => {
    const net = loadNetwork({ links: 'source,target\n"2480" , "2460"  \n' }, { ids: 'municipality-codes' });
    expect(net.linksBetween('2480', '2460')).toHaveLength(1);
  });

  it('a quoted field whose later lines look like rows is a warning naming where it opened', () => {
    const net = lenient({ links: 'source,target,note\n2480,2460,"first\n2481,2482,second\n2483,2484,third"\n2480,2482,ok\n' });
    const [w] = warningsOf(net.loadReport!.problems);
    expect(w).toMatchObject({ row: 2, column: 'note' });
    expect(w!.reason).toMatch(/opened on line 2 runs over 3 lines/);
    expect(net.loadReport!.files[0]).toMatchObject({ rows: 2, loaded: 2 });
  });
});

describe('Windows-1252', () => {
  /** Unicode's mapping of cp1252 bytes 0x80–0x9F (CP1252.TXT); the five undefined bytes are the C1 control of the same number, as the WHATWG standard has them. */
  const HIGH: Record<number, number> = {
    0x80: 0x20ac, 0x81: 0x81, 0x82: 0x201a, 0x83: 0x192, 0x84: 0x201e, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021,
    0x88: 0x2c6, 0x89: 0x2030, 0x8a: 0x160, 0x8b: 0x2039, 0x8c: 0x152, 0x8d: 0x8d, 0x8e: 0x17d, 0x8f: 0x8f,
    0x90: 0x90, 0x91: 0x2018, 0x92: 0x2019, 0x93: 0x201c, 0x94: 0x201d, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014,
    0x98: 0x2dc, 0x99: 0x2122, 0x9a: 0x161, 0x9b: 0x203a, 0x9c: 0x153, 0x9d: 0x9d, 0x9e: 0x17e, 0x9f: 0x178,
  };
  const expected = (b: number) => String.fromCharCode(b < 0xa0 ? HIGH[b]! : b);
  const all = Array.from({ length: 128 }, (_, i) => 0x80 + i);
  // One row per byte, the byte between two letters (so that trimming cannot touch a no-break space).
  const file = bytes('source,target,note\n', ...all.flatMap((b) => ['2480,2460,x', [b], 'y\n']));

  it('decodes every byte 0x80–0xFF with the table (the in-memory loader deleted € ’ “ ” – … ™)', () => {
    const decoded = decodeText(bytes('x', all, 'y'));
    expect(decoded.encoding).toBe('windows-1252');
    expect([...decoded.text.slice(1, -1)].map((c) => c.charCodeAt(0))).toEqual(all.map((b) => expected(b).charCodeAt(0)));
  });

  it('gives every byte the same character in memory and streamed, in pieces of any size', async () => {
    for (const net of await bothPaths('cp1252.csv', file)) {
      expect(net.loadReport!.files[0]).toMatchObject({ encoding: 'windows-1252', rows: 128, loaded: 1, merged: 127 });
      expect(net.links.map((l) => l.attributes!.note)).toEqual(all.map((b) => `x${expected(b)}y`.normalize('NFC')));
    }
  });
});

describe('columns', () => {
  it('a repeated extra column name keeps both values: the second is renamed, with a warning (note,note kept only the second)', () => {
    const net = lenient({ links: 'source,target,note,note\n2480,2460,first,second\n' });
    expect(net.links[0]!.attributes).toEqual({ note: 'first', note_2: 'second' });
    expect(warningsOf(net.loadReport!.problems)).toEqual([
      expect.objectContaining({ row: 1, column: 'note', reason: expect.stringMatching(/columns 3 and 4 are both named "note".*"note_2"/) }),
    ]);
  });

  it('a value in a column without a header is kept and said, not dropped', () => {
    const net = lenient({ links: 'source,target,,note\n2480,2460,lost?,n\n' });
    expect(net.links[0]!.attributes).toEqual({ column_3: 'lost?', note: 'n' });
    expect(warningsOf(net.loadReport!.problems)[0]!.reason).toMatch(/column 3 has no name/);
  });

  it('zero-width characters in a header are shown in the message, with what the cell would be without them', () => {
    const error = (() => {
      try {
        loadNetwork({ links: 'source,target\u200b\n2480,2460\n' }, { ids: 'municipality-codes' });
      } catch (e) {
        return e as LoadError;
      }
    })()!;
    expect(error).toBeInstanceOf(LoadError);
    expect(error.message).toContain('target<U+200B>');
    expect(error.message).toMatch(/invisible characters: without them it would be "target"/);
  });
});

describe('delimiters', () => {
  it('a CR-only file takes its delimiter from the header line, not from commas in the free text', async () => {
    // More commas in the notes than semicolons in the whole file: only the header line may decide.
    const text = 'source;target;note\r2480;2460;a, b, c, d, e\r2481;2482;f, g, h, i, j, k\r';
    for (const net of await bothPaths('cr.csv', Buffer.from(text))) {
      expect(net.loadReport!.files[0]).toMatchObject({ delimiter: ';', rows: 2, loaded: 2, rejected: 0 });
      expect(net.links[1]!.attributes).toEqual({ note: 'f, g, h, i, j, k' });
    }
  });

  it('obeys an Excel sep=| line (it was read as the header)', async () => {
    for (const net of await bothPaths('bar.csv', Buffer.from('sep=|\r\nsource|target|note\r\n2480|2460|a, b\r\n'))) {
      expect(net.loadReport!.files[0]).toMatchObject({ delimiter: '|', rows: 1, loaded: 1 });
      expect(net.loadReport!.problems).toEqual([]);
    }
  });
});

describe('binary data and encodings', () => {
  it('a byte-order mark does not turn off the NUL check', async () => {
    const content = bytes([0xef, 0xbb, 0xbf], 'source,target\n2480,2460\n', [0, 0, 0, 1, 2, 0, 0], '\n');
    for (const net of await bothPaths('bom-nul.csv', content)) {
      expect(errorsOf(net.loadReport!.problems)).toEqual([expect.objectContaining({ row: 0, reason: expect.stringMatching(/not a text file/) })]);
      expect(net.links).toHaveLength(0);
    }
  });

  it('UTF-16 with a byte-order mark and NUL characters in its text is not text either', () => {
    const content = new Uint8Array([0xff, 0xfe, ...Buffer.from('source,target\n2480,\u00002460\n', 'utf16le')]);
    expect(errorsOf(lenient({ links: content }).loadReport!.problems)[0]!.reason).toMatch(/NUL characters/);
  });

  it('UTF-16 without a byte-order mark is recognised and said (it was "NUL bytes"), little- and big-endian', async () => {
    const le = new Uint8Array(Buffer.from('source,target\n2480,2460\n', 'utf16le'));
    const be = le.map((_, i) => le[i ^ 1]!);
    for (const [content, order] of [
      [le, 'little-endian'],
      [be, 'big-endian'],
    ] as const) {
      for (const net of await bothPaths('utf16.csv', content)) {
        expect(errorsOf(net.loadReport!.problems)[0]!.reason).toMatch(new RegExp(`UTF-16 text \\(${order}\\) without a byte-order mark`));
      }
    }
  });
});

describe('messages', () => {
  const geography: Geography = {
    name: 'Tvåland',
    municipalities: [
      { code: '01', name: 'Bro', county: 'A', population: 100, populationYear: 2024, lat: 59, lon: 17, island: false },
      { code: '02', name: 'Bro', county: 'B', population: 200, populationYear: 2024, lat: 58, lon: 16, island: false },
      { code: '03', name: 'Ås', county: 'B', population: 300, populationYear: 2024, lat: 57, lon: 15, island: false },
    ],
    counties: [
      { code: 'A', name: 'Norra' },
      { code: 'B', name: 'Södra' },
    ],
    borders: [],
    // "Bro kommun" below: the suffix rules are Sweden's, and a geography has them only when given.
    names: SWEDISH_NAME_RULES,
  };

  it('an ambiguous municipality name is said to be ambiguous, with the matches (it was "not a name")', () => {
    const net = lenient({ links: 'source,target\nBro,Ås\n', geography });
    const [p] = errorsOf(net.loadReport!.problems);
    expect(p!.reason).toBe('ambiguous municipality name: 2 municipalities of the Tvåland geography are called that: 01 Bro (Norra), 02 Bro (Södra); write the code of the one meant');
    const actors = lenient({ actors: 'id,kind,municipality\nx,other,Bro kommun\n', geography });
    expect(errorsOf(actors.loadReport!.problems)[0]!.reason).toMatch(/^ambiguous municipality name: 2 municipalities/);
  });

  it('a code Excel wrote in scientific notation gets a hint', () => {
    const [p] = errorsOf(lenient({ links: 'source,target\n1.18E+03,2480\n' }).loadReport!.problems);
    expect(p!.reason).toMatch(/scientific notation \(1\.18E\+03 is 1180\): format the column as text/);
  });

  it('a look-alike duplicate actor id (Latin o, Cyrillic о) is a warning naming both rows and the character', () => {
    const net = lenient({ actors: 'id,kind\nKommunförbund,joint_body\nK\u043emmunförbund,joint_body\n', links: 'source,target\nK\u043emmunförbund,2480\n' });
    expect(net.actors().filter((a) => a.kind === 'joint_body')).toHaveLength(2);
    const [w] = warningsOf(net.loadReport!.problems);
    expect(w).toMatchObject({ row: 3, value: 'K\u043emmunförbund' });
    expect(w!.reason).toMatch(/looks the same as the id "Kommunförbund" of row 2 but is a different id: it has U\+043E \(Cyrillic\) at character 2 where the other has "o"/);
    // A link end that looks like a declared id, but is not it, says which one.
    const linkOnly = lenient({ actors: 'id,kind\nKommunförbund,joint_body\n', links: 'source,target\nK\u043emmunförbund,2480\n' });
    expect(errorsOf(linkOnly.loadReport!.problems)[0]!.reason).toMatch(/it looks like the id "Kommunförbund" but is spelt with other characters: it has U\+043E \(Cyrillic\)/);
  });

  it('a 1 MB value is clipped in messages, with its length', () => {
    const huge = 'x'.repeat(1_048_576);
    const net = lenient({ links: `source,target\n2480,${huge}\n` });
    const [p] = errorsOf(net.loadReport!.problems);
    expect(p!.value!.length).toBeLessThan(300);
    expect(p!.value).toMatch(/^x{200}… \(1\u00a0048\u00a0576 characters\)$/);
    expect(formatProblem(p!).length).toBeLessThan(600);
    try {
      loadNetwork({ links: `source,target\n2480,${huge}\n` }, { ids: 'municipality-codes' });
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message.length).toBeLessThan(1000);
    }
  });

  it('control characters and bidi overrides in a value are shown by their code point in a message', () => {
    const [p] = errorsOf(lenient({ links: 'source,target\n2480,evil\u001b]0;pwned\u0007\u202eabc\n' }).loadReport!.problems);
    const line = formatProblem(p!);
    expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(line).toContain('evil\\u001b]0;pwned\\u0007<U+202E>abc');
  });
});

describe('paths and CSV text', () => {
  it('{ path } reads a file whatever its name looks like, even with a line break (a bare string with one is text)', () => {
    const dir = tmpDir();
    const path = join(dir, 'links\nwith a line break.csv');
    writeFileSync(path, 'source,target\n2480,2460\n');
    expect(loadNetwork({ links: { path } }, { ids: 'municipality-codes' }).linksBetween('2480', '2460')).toHaveLength(1);
    expect(loadNetwork({ links: { text: 'source,target' } }, { ids: 'municipality-codes', mode: 'lenient' }).loadReport!.files[0]).toMatchObject({ file: '(links)', rows: 0 });
  });

  it('never echoes the content of a file that is not CSV (loadNetwork({ links: "/etc/passwd" }))', () => {
    const secret = 'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n';
    const path = tmpFile('passwd', secret);
    try {
      loadNetwork({ links: path }, { ids: 'municipality-codes' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(LoadError);
      expect((error as Error).message).not.toContain('root');
      expect((error as Error).message).not.toContain('daemon');
      expect((error as Error).message).toMatch(/does not look like a CSV file with a header \(its content is not shown\)/);
    }
  });

  it('nor of a file of settings whose first line has a comma or semicolon (API_KEY=…, password: …)', () => {
    for (const secret of ['API_KEY=hunter2 secret,token value\nOTHER=1\n', 'password: hunter2; user: bob\n']) {
      const path = tmpFile('settings.env', secret);
      const report = loadNetwork({ links: path }, { ids: 'municipality-codes', mode: 'lenient' }).loadReport!;
      const text = report.problems.map((p) => p.reason).join('\n');
      expect(text).not.toContain('hunter2');
      expect(text).toMatch(/cells that are not column names \(= or :, or very long\), so this does not look like a CSV file with a header \(its content is not shown\)/);
    }
    // A header of column names is still shown, to help find the missing one.
    const csv = tmpFile('links.csv', 'start,slut\n2480,2460\n');
    expect(loadNetwork({ links: csv }, { ids: 'municipality-codes', mode: 'lenient' }).loadReport!.problems[0]!.reason).toMatch(/the header has: start, slut/);
  });
});

describe('files that are not regular files, and size limits', () => {
  it('a FIFO is refused at once instead of blocking for ever, in memory and streamed, links and graph', async () => {
    const fifo = join(tmpDir(), 'pipe.csv');
    execFileSync('mkfifo', [fifo]);
    const reason = /named pipe \(FIFO\), not a regular file/;
    expect(errorsOf(lenient({ links: fifo }).loadReport!.problems)[0]!.reason).toMatch(reason);
    expect(errorsOf((await loadNetworkStream({ links: fifo }, { ids: 'municipality-codes', mode: 'lenient' })).loadReport!.problems)[0]!.reason).toMatch(reason);
    expect(readGraphFile(fifo).problems[0]!.reason).toMatch(reason);
  }, 10_000);

  it('a device such as /dev/zero is refused (it grew to 5 GB and crashed)', async () => {
    expect(errorsOf(lenient({ links: '/dev/zero' }).loadReport!.problems)[0]!.reason).toMatch(/character device, not a regular file/);
    expect(errorsOf((await loadNetworkStream({ links: '/dev/zero' }, { ids: 'municipality-codes', mode: 'lenient' })).loadReport!.problems)[0]!.reason).toMatch(/character device/);
  }, 10_000);

  it('a file over the in-memory limit is refused with the limit and what to use instead, before it is read', () => {
    const path = join(tmpDir(), 'huge.csv');
    writeFileSync(path, 'source,target\n');
    truncateSync(path, MAX_IN_MEMORY_BYTES + 1); // sparse: no disk used
    const [p] = errorsOf(lenient({ links: path }).loadReport!.problems);
    expect(p!.reason).toBe('the file is 256 MiB, larger than the 256 MiB samverkan reads into memory; use loadNetworkStream for a larger links file (the command line streams links files over 16 MiB)');
    expect(readGraphFile(path).problems[0]!.reason).toMatch(/larger than the 256 MiB samverkan reads into memory/);
  });
});

describe('graph files never throw', () => {
  it('a 5 000-deep JSON array is a problem with its line, not a RangeError', () => {
    const deep = '{"nodes":[{"id":"a",\n"x":' + '['.repeat(5000) + ']'.repeat(5000) + '}]}';
    const graph = readGraphFile({ text: deep, name: 'deep.json' });
    expect(graph.problems).toEqual([expect.objectContaining({ severity: 'error', line: 2, reason: expect.stringMatching(/nested more than 512 levels deep/) })]);
    expect(graph.nodes).toEqual([]);
    expect(errorsOf(lenient({ graph: { text: deep, name: 'deep.json' } }).loadReport!.problems)).toHaveLength(1);
  });

  it('deeply nested XML is a problem, not a RangeError', () => {
    const deep = '<graphml>\n' + '<a>'.repeat(20_000) + '</a>'.repeat(20_000) + '</graphml>';
    const graph = readGraphFile({ text: deep, name: 'deep.graphml' });
    expect(graph.problems).toEqual([expect.objectContaining({ severity: 'error', line: 2, reason: expect.stringMatching(/elements nested more than 512 deep/) })]);
  });

  it('reads a long line in linear time: characters scanned grow with the text, not with its square', () => {
    // The demo network as GraphML, with and without line breaks; the reader
    // scanned the rest of the text for a line break at every step (17.8 s for
    // the demo on one line, 0.66 s with its lines). Count the characters
    // String.prototype.indexOf scans while parsing, instead of timing.
    const graphml = toGraphml(loadNetwork(demoDataset(), { ids: 'municipality-codes' }), { edges: 'links' });
    const oneLine = graphml.replace(/\n\s*/g, ' ');
    const original = String.prototype.indexOf;
    let scanned = 0;
    String.prototype.indexOf = function (this: string, search: string, from?: number) {
      const at = original.call(this, search, from);
      if (this.length > 10_000) scanned += (at < 0 ? this.length : at) - (from ?? 0);
      return at;
    };
    const count = (text: string) => {
      scanned = 0;
      parseXml(text);
      return scanned;
    };
    let flat: number;
    let lines: number;
    try {
      lines = count(graphml);
      flat = count(oneLine);
    } finally {
      String.prototype.indexOf = original;
    }
    expect(flat).toBeLessThan(4 * oneLine.length);
    expect(flat).toBeLessThan(2 * lines);
  });
});

describe('weights that overflow when summed', () => {
  it('a weight above 1e15 is rejected on its row, so two links of 1e308 never make a pair of weight Infinity', () => {
    const text = 'source,target,weight\n2480,2460,1e308\n2480,2460,1e308\n2480,2482,1e15\n2480,2482,1e15\n';
    const net = lenient({ links: text });
    expect(errorsOf(net.loadReport!.problems).map((p) => [p.row, p.column, p.reason.slice(0, 40)])).toEqual([
      [2, 'weight', 'the weight is too large: at most 1e15 (w'],
      [3, 'weight', 'the weight is too large: at most 1e15 (w'],
    ]);
    const gexf = toGexf(net);
    expect(gexf).not.toMatch(/Infinity/);
    expect(gexf).toContain('weight="2000000000000000"');
    expect(readGraphFile({ text: gexf, name: 'round.gexf' }).problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('CooperationNetwork.create refuses such a weight too', () => {
    expect(() => CooperationNetwork.create({ geography: swedenGeography(), links: [{ source: '2480', target: '2460', weight: 1e308 }, { source: '2480', target: '2460', weight: 1e308 }] })).toThrow(
      /links\[0\]: weight: at most 1000000000000000/,
    );
  });
});

describe('Date values in row input', () => {
  it('use the UTC date, in every time zone (new Date("2023-05-01") was 2023-04-30 in Los Angeles)', () => {
    const script = `
      import { loadNetwork } from ${JSON.stringify(join(PROJECT_ROOT, 'src', 'index.ts'))};
      const utc = loadNetwork({ links: [{ source: '2480', target: '2460', since: new Date('2023-05-01'), until: new Date(Date.UTC(2024, 0, 31)) }] }, { ids: 'municipality-codes' });
      const local = loadNetwork({ links: [{ source: '2480', target: '2460', since: new Date(2023, 4, 1) }] }, { ids: 'municipality-codes', mode: 'lenient' });
      console.log(JSON.stringify({ since: utc.links[0].since, until: utc.links[0].until, local: local.loadReport.problems.map((p) => p.reason) }));
    `;
    for (const TZ of ['America/Los_Angeles', 'Asia/Tokyo', 'UTC']) {
      const out = JSON.parse(tsxScript(script, { TZ })) as { since: string; until: string; local: string[] };
      expect(out.since, TZ).toBe('2023-05-01');
      expect(out.until, TZ).toBe('2024-01-31');
      // A local midnight is another instant in each zone: at midnight UTC it is a date, else it has a time of day (never silently a day off).
      if (TZ === 'UTC') expect(out.local).toEqual([]);
      else expect(out.local, TZ).toEqual([expect.stringMatching(/^the since date has a time of day .*midnight UTC/)]);
    }
  }, 60_000);
});

describe('wrong-typed library arguments get samverkan’s own errors', () => {
  const net = loadNetwork(demoDataset());
  const cases: [string, () => unknown, RegExp][] = [
    ['loadNetwork(null)', () => loadNetwork(null as never), /^loadNetwork: expected an object \{ actors\?, links\?, graph\?, geography\? \}, got null$/],
    ['loadNetwork({ links: 42 })', () => loadNetwork({ links: 42 as never }), /^loadNetwork: links: expected a file path, .*got a number \(42\)$/],
    ['loadNetwork({ actors: {} })', () => loadNetwork({ actors: {} as never }), /^loadNetwork: actors: expected .*got an object$/],
    ['loadNetwork({ links: [1] })', () => loadNetwork({ links: [1] as never }), /row 1 of the array is a number \(1\)/],
    ['loadNetwork({}, { mode: "lax" })', () => loadNetwork({}, { mode: 'lax' as never }), /^loadNetwork: option mode: Invalid option: expected one of "strict"\|"lenient", got a string \("lax"\)$/],
    ['loadNetwork({}, { mdoe: "lenient" })', () => loadNetwork({}, { mdoe: 'lenient' } as never), /^loadNetwork: option mdoe: unknown option; did you mean "mode"\?/],
    ['loadNetwork({ geography: 7 })', () => loadNetwork({ geography: 7 as never }), /geography: expected a geography object or the path of a folder/],
    ['recommendPartners(net, 123)', () => recommendPartners(net, 123 as never), /^municipality: expected a code or name \(a string\), got a number \(123\)$/],
    ['recommendPartners(null, "Umeå")', () => recommendPartners(null as never, 'Umeå'), /^recommendPartners: expected a CooperationNetwork/],
    ['centrality(undefined)', () => centrality(undefined as never), /expected a CooperationNetwork .*got undefined/],
    ['readGraphFile(42)', () => readGraphFile(42 as never), /^readGraphFile: expected a file path, .*got a number \(42\)$/],
  ];
  for (const [label, call, message] of cases) {
    it(label, () => {
      expect(call).toThrow(ArgumentError);
      expect(call).toThrow(message);
    });
  }

  it('loadNetworkStream(null) rejects with one', async () => {
    await expect(loadNetworkStream(null as never)).rejects.toThrow(ArgumentError);
  });
});

describe('loaded rows stay accounted for', () => {
  it('in every input above', () => {
    for (const links of ['source,target,note\n2480,2460,"oops\n2481,2482\n', 'source,target\n2480,"2460"1\n', 'source;target\r2480;2460\r', 'source,target,,\n2480,2460,x,\n']) {
      expectAccounted(lenient({ links }));
    }
  });
});
