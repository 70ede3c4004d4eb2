import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { run } from '../../src/cli/run.js';
import { parseTable, TableStream, type ParsedTable, type TableRecord } from '../../src/io/csv.js';
import { loadNetworkInChunks } from '../../src/io/load-network-stream.js';
import { LoadError, loadNetwork, type CooperationNetwork, type LoadNetworkInput, type Problem } from '../../src/index.js';
import { loadNetworkStream } from '../../src/io.js';

/**
 * The streaming loader must give what `loadNetwork` gives for the same file:
 * every fixture is loaded both ways, the stream with chunks of 1, 7 and 64
 * bytes (so every chunk boundary falls inside a BOM, a UTF-8 or UTF-16
 * character, a quoted field, a CRLF) and the default, and the load reports,
 * actors and links (or the strict mode's error) must be deeply equal. A few
 * fixtures also have hand-written expectations, so that both paths being
 * wrong the same way is caught too.
 */

// The real loader, watched: the CLI test checks that a large --links file takes the chunked path.
vi.mock('../../src/io/load-network-stream.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/io/load-network-stream.js')>();
  return { ...actual, loadNetworkInChunks: vi.fn(actual.loadNetworkInChunks) };
});

const enc = new TextEncoder();
const utf8 = (text: string) => enc.encode(text);
const cp1252 = (text: string) => Uint8Array.from(text, (ch) => {
  const code = ch.charCodeAt(0);
  if (code > 0xff) throw new Error(`not Latin-1: ${ch}`);
  return code;
});
const utf16le = (text: string) => new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);
const utf16be = (text: string) => {
  const le = Buffer.from(text, 'utf16le');
  const be = new Uint8Array(le.length);
  for (let i = 0; i < le.length; i += 2) {
    be[i] = le[i + 1]!;
    be[i + 1] = le[i]!;
  }
  return new Uint8Array([0xfe, 0xff, ...be]);
};

const TRICKY = [
  'source,target,kind,weight,since,until,note',
  '2480,2460,agreement,2,2021-01-01,,"plain"',
  '2480,Nowhere,agreement,1,,,',
  '2480,2480,agreement,1,,,self',
  'Umeå,Vännäs,project,abc,,,',
  '2480,2460,dialogue,1.5,2022-01-01 00:00,2023-12-31,"multi',
  'line, with ""quotes"""',
  '2482,2480,agreement,-1,2021-02-30,,',
  '2482,2480,agreement,1,2021-01-01 12:30,,',
  '2482,2480,agreement,1,2022-01-01,2021-01-01,',
  '2482,2460,agreement,"1,5",,,',
  '2482,2460,agreement,1,,,,extra',
  '',
  '2482,2460,agreement,1,,,,,',
  ' 2460 , 0180 ,agreement, 3 ,,, ',
].join('\n') + '\n';

const SWEDISH = '\uFEFFkälla;mål;typ;vikt;startdatum\r\n2480;Vännäs;avtal;1,5;2021-01-01\r\n"Umeå kommun";2460;"avtal; skriftligt";2;\r\n\r\n2480;2482;"två\r\nrader";0,5;2022-01-01\r\n';

const ASCII_ROWS = Array.from({ length: 150 }, (_, i) => `2480,${i % 2 === 0 ? '2460' : '2482'},agreement,${i + 1}`).join('\n');

/** Name → file bytes (`null`: no such file; `'dir'`: a folder). */
const FIXTURES: Record<string, Uint8Array | null | 'dir'> = {
  'tricky.csv': utf8(TRICKY),
  'swedish.csv': utf8(SWEDISH),
  'sep.csv': utf8('sep=;\nsource;target;weight\n2480;2460;1,5\n\n2480;Nowhere;1\n'),
  'sep-crlf-tab.csv': utf8('sep=\t\r\nsource\ttarget, with comma\n2480\t2460\n'),
  'cp1252.csv': cp1252('källa,mål,typ\n2480,Vännäs,avtal\nUmeå,Nordmaling,möte\nUmeå,Ingenstans,möte\n'),
  'cp1252-late.csv': new Uint8Array([...utf8(`source,target,kind,weight\n${ASCII_ROWS}\n`), ...cp1252('2480,Vännäs,möte,1\n2480,Ingenstans,x,1\n')]),
  'utf8-late-truncated.csv': new Uint8Array([...utf8(`source,target\n2480,2460\n`), 0xc3]),
  'utf16le.csv': utf16le('source,target,note\n2480,Vännäs,🤝 samverkan\nUmeå,Nowhere,\u00e5\u0301\n'),
  'utf16be.csv': utf16be('source;target;weight\r\n2480;Vännäs;2,5\r\n"Umeå";2460;0\r\n'),
  'blank.csv': utf8('\n \n;;\nsource;target\n\n2480;2460\n \t \n;\n\n'),
  'empty.csv': new Uint8Array(0),
  'spaces.csv': utf8(' \n\t\r\n'),
  'bom-only.csv': new Uint8Array([0xef, 0xbb, 0xbf]),
  'short.csv': utf8('a\n'),
  'header-only.csv': utf8('source,target\n'),
  'no-newline.csv': utf8('source,target\n2480,2460'),
  'cr.csv': utf8('source,target\r2480,2460\r2482,2460\r\r2480,Nowhere\r'),
  'quirks.csv': utf8('"source",target,note\n"2480"x,2460,a\n2482,"2460"\n"2480","24"80",b\n"2480",2460,"un,terminated\n2480,2460\n'),
  'nfd.csv': utf8('source,target\nUme\u0061\u030a,2460\nVa\u0308nna\u0308s,2480\n'),
  'missing-column.csv': utf8('from,weight\n2480,1\n2482,2\n'),
  'duplicate-columns.csv': utf8('source,from,target\n2480,2480,2460\n'),
  'wide-header.csv': utf8('source,target,,extra\n2480,2460,x,y\n2480,2482,,\n'),
  'actors-links.csv': utf8('source,target,kind\nmoske-umea,2480,dialogue\nidrott,2460,\nmoske-umea,idrott,\nunknown-actor,2480,\n'),
  'nul.csv': new Uint8Array([...utf8(`source,target\n${ASCII_ROWS}\n`), 0, ...utf8('2480,2460\n')]),
  'control.csv': new Uint8Array([...utf8('source,target\n2480,2460\n'), ...new Array<number>(10).fill(0x01)]),
  'workbook.xlsx': new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]),
  'missing.csv': null,
  'folder.csv': 'dir',
};

const ACTORS = 'id,name,kind,municipality\nmoske-umea,Moské i Umeå,religious,2480\nidrott,Idrott,civil_society,Vännäs\nidrott,Idrott,authority,Vännäs\n';

let dir = '';
const path = (name: string) => join(dir, name);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'samverkan-stream-'));
  for (const [name, bytes] of Object.entries(FIXTURES)) {
    if (bytes === 'dir') mkdirSync(path(name));
    else if (bytes !== null) writeFileSync(path(name), bytes);
  }
  writeFileSync(path('actors.csv'), ACTORS);
});

/** What a load gave, comparable with toEqual: the report and the network's actors and links, or the strict error. */
function outcome(net: CooperationNetwork) {
  return { report: net.loadReport, actors: net.actors(), links: net.links };
}
function failure(error: unknown) {
  if (!(error instanceof LoadError)) throw error;
  return { error: error.message, problems: error.problems, report: error.report };
}
function small(input: LoadNetworkInput, mode: 'strict' | 'lenient') {
  try {
    return outcome(loadNetwork(input, { ids: 'municipality-codes', mode }));
  } catch (error) {
    return failure(error);
  }
}
async function streamed(input: LoadNetworkInput, mode: 'strict' | 'lenient', highWaterMark?: number) {
  try {
    return outcome(await loadNetworkStream(input, { ids: 'municipality-codes', ...highWaterMark === undefined ? { mode } : { mode, highWaterMark } }));
  } catch (error) {
    return failure(error);
  }
}
function chunked(input: LoadNetworkInput, mode: 'strict' | 'lenient', highWaterMark?: number) {
  try {
    return outcome(loadNetworkInChunks(input, { ids: 'municipality-codes', ...highWaterMark === undefined ? { mode } : { mode, highWaterMark } }));
  } catch (error) {
    return failure(error);
  }
}

const lenientStream = async (name: string, highWaterMark = 7) => (await loadNetworkStream({ links: path(name) }, { ids: 'municipality-codes', mode: 'lenient', highWaterMark })).loadReport!;
const errorsOf = (problems: readonly Problem[]) => problems.filter((p) => p.severity === 'error');

describe('loadNetworkStream gives what loadNetwork gives', () => {
  const cases: [string, () => LoadNetworkInput][] = [
    ...Object.keys(FIXTURES).map((name): [string, () => LoadNetworkInput] => [name, () => ({ links: path(name) })]),
    ['actors.csv + actors-links.csv', () => ({ actors: path('actors.csv'), links: path('actors-links.csv') })],
    ['tricky.csv as a file: URL', () => ({ links: pathToFileURL(path('tricky.csv')) })],
  ];
  for (const [name, input] of cases) {
    it(`${name}: same report, actors and links (or error), chunks of 1, 7, 64 bytes and the default`, async () => {
      for (const mode of ['lenient', 'strict'] as const) {
        const expected = small(input(), mode);
        for (const hwm of [1, 7, 64, undefined]) {
          expect(await streamed(input(), mode, hwm), `${mode}, highWaterMark ${hwm}`).toEqual(expected);
          expect(chunked(input(), mode, hwm), `${mode}, chunks of ${hwm} with readSync`).toEqual(expected);
        }
      }
    });
  }
});

describe('loadNetworkStream: hand-written expectations', () => {
  it('reads the tricky file: every rejected row with its reason, multi-line quoted fields one row', async () => {
    const report = await lenientStream('tricky.csv', 1);
    const file = path('tricky.csv');
    expect(report.files).toEqual([{ file, role: 'links', rows: 13, loaded: 3, merged: 1, rejected: 8, blank: 1, delimiter: ',', encoding: 'utf-8' }]);
    const p = (row: number, column: string | undefined, value: string | undefined, reason: string): Problem => ({
      file,
      row,
      reason,
      severity: 'error',
      ...(column !== undefined && { column }),
      ...(value !== undefined && { value }),
    });
    // `code` and `params` (the message as data) are checked in test/io/load-messages.test.ts.
    expect(report.problems.map(({ code: _code, params: _params, ...rest }) => rest)).toEqual([
      p(3, 'target', 'Nowhere', 'link to an undeclared actor: not an id in the actors file, nor a municipality code or name of the Sweden geography'),
      p(4, 'target', '2480', 'self-loop: the link joins an actor to itself'),
      p(5, 'weight', 'abc', 'the weight is not a number'),
      p(7, 'weight', '-1', 'the weight must be a positive number'),
      p(7, 'since', '2021-02-30', 'the since date is not a valid date (expected YYYY-MM-DD)'),
      p(8, 'since', '2021-01-01 12:30', 'the since date has a time of day (expected a date YYYY-MM-DD)'),
      p(9, 'until', '2021-01-01', 'until is before since (2022-01-01)'),
      p(10, 'weight', '1,5', 'the weight is not a number (a decimal comma is ambiguous in a comma-separated file; write 1.5)'),
      p(11, undefined, undefined, 'the row has more fields than the header'),
    ]);
  });

  it('keeps the loaded links with their rows, dates, trimmed ends and multi-line attributes', async () => {
    const net = await loadNetworkStream({ links: path('tricky.csv') }, { ids: 'municipality-codes', mode: 'lenient', highWaterMark: 1 });
    expect(net.links.map((l) => [l.origin?.row, l.source, l.target, l.weight])).toEqual([
      [2, '2480', '2460', 2],
      [6, '2480', '2460', 1.5],
      [13, '2482', '2460', 1],
      [14, '2460', '0180', 3],
    ]);
    const multi = net.links[1]!;
    expect(multi).toMatchObject({ kind: 'dialogue', since: '2022-01-01', until: '2023-12-31', attributes: { note: 'multi\nline, with "quotes"' } });
  });

  it('reads Swedish Excel: BOM, semicolons, decimal commas, CRLF, quoted semicolons and line breaks', async () => {
    const net = await loadNetworkStream({ links: path('swedish.csv') }, { ids: 'municipality-codes', highWaterMark: 1 });
    expect(net.loadReport!.files[0]).toMatchObject({ rows: 4, loaded: 2, merged: 1, rejected: 0, blank: 1, delimiter: ';', encoding: 'utf-8' });
    expect(net.links.map((l) => [l.origin?.row, l.source, l.target, l.weight, l.kind])).toEqual([
      [2, '2480', '2460', 1.5, 'avtal'],
      [3, '2480', '2460', 2, 'avtal; skriftligt'],
      [5, '2480', '2482', 0.5, 'två\r\nrader'],
    ]);
  });

  it('obeys a sep= line and numbers rows after it', async () => {
    const report = await lenientStream('sep.csv', 1);
    expect(report.files[0]).toMatchObject({ rows: 3, loaded: 1, rejected: 1, blank: 1, delimiter: ';' });
    expect(errorsOf(report.problems).map((p) => [p.row, p.value])).toEqual([[4, 'Nowhere']]);
  });

  it('reads Windows-1252 with the warning, also when the first non-UTF-8 byte is far into the file', async () => {
    for (const name of ['cp1252.csv', 'cp1252-late.csv']) {
      const report = await lenientStream(name, 7);
      expect(report.files[0]!.encoding).toBe('windows-1252');
      expect(report.problems[0]).toMatchObject({ row: 0, severity: 'warning' });
      expect(report.problems[0]!.reason).toMatch(/not valid UTF-8; it was read as Windows-1252/);
      expect(errorsOf(report.problems).map((p) => p.value)).toEqual(['Ingenstans']);
    }
    const late = await lenientStream('cp1252-late.csv', 64);
    // 150 ASCII rows (pairs 2480–2460 and 2480–2482) and two Windows-1252 rows (Vännäs is 2460): the first reading's rows are not counted twice.
    expect(late.files[0]).toMatchObject({ rows: 152, loaded: 2, merged: 149, rejected: 1 });
    expect(late.problems).toHaveLength(2);
  });

  it('reads UTF-16 LE and BE by their BOM, characters split across chunks', async () => {
    const le = await loadNetworkStream({ links: path('utf16le.csv') }, { ids: 'municipality-codes', mode: 'lenient', highWaterMark: 1 });
    expect(le.loadReport!.files[0]).toMatchObject({ encoding: 'utf-16le', rows: 2, loaded: 1, rejected: 1 });
    expect(le.links[0]!.attributes).toEqual({ note: '🤝 samverkan' });
    const be = await lenientStream('utf16be.csv', 3);
    expect(be.files[0]).toMatchObject({ encoding: 'utf-16be', delimiter: ';', rows: 2, loaded: 1, rejected: 1 });
    expect(be.problems.map((p) => [p.row, p.column, p.value])).toEqual([[3, 'weight', '0']]);
  });

  it('counts blank lines after the header as blank rows, not those before it', async () => {
    const report = await lenientStream('blank.csv', 1);
    expect(report.files[0]).toMatchObject({ rows: 5, loaded: 1, blank: 4, delimiter: ';' });
  });

  it('reports empty, missing, binary and header-only files on row 0', async () => {
    const only = async (name: string) => {
      const report = await lenientStream(name, 1);
      return { problems: report.problems.map((p) => [p.row, p.severity, p.reason]), rows: report.files[0]!.rows };
    };
    expect(await only('empty.csv')).toEqual({ problems: [[0, 'error', 'the file is empty']], rows: 0 });
    expect(await only('spaces.csv')).toEqual({ problems: [[0, 'error', 'the file is empty']], rows: 0 });
    expect(await only('bom-only.csv')).toEqual({ problems: [[0, 'error', 'the file is empty']], rows: 0 });
    expect(await only('missing.csv')).toEqual({ problems: [[0, 'error', 'no such file']], rows: 0 });
    expect(await only('folder.csv')).toEqual({ problems: [[0, 'error', 'this is a folder, not a file']], rows: 0 });
    expect(await only('nul.csv')).toEqual({ problems: [[0, 'error', 'this is not a text file (it contains NUL bytes)']], rows: 0 });
    expect(await only('control.csv')).toEqual({ problems: [[0, 'error', 'this is not a text file (it contains binary control bytes)']], rows: 0 });
    expect((await only('workbook.xlsx')).problems[0]![2]).toMatch(/spreadsheet workbook/);
    expect(await only('header-only.csv')).toEqual({ problems: [[0, 'warning', 'the file has a header but no data rows']], rows: 0 });
  });

  it('matches decomposed å and ä (NFC) across chunk boundaries', async () => {
    const net = await loadNetworkStream({ links: path('nfd.csv') }, { ids: 'municipality-codes', highWaterMark: 1 });
    expect(net.links.map((l) => [l.source, l.target])).toEqual([
      ['2480', '2460'],
      ['2460', '2480'],
    ]);
  });

  it('validates links against an actors file read the normal way, actors problems first', async () => {
    const report = (await loadNetworkStream({ actors: path('actors.csv'), links: path('actors-links.csv') }, { ids: 'municipality-codes', mode: 'lenient', highWaterMark: 1 })).loadReport!;
    expect(report.files.map((f) => [f.role, f.rows, f.loaded, f.rejected])).toEqual([
      ['actors', 3, 2, 1],
      ['links', 4, 3, 1],
    ]);
    expect(errorsOf(report.problems).map((p) => [p.file, p.row, p.value])).toEqual([
      [path('actors.csv'), 4, 'idrott'],
      [path('actors-links.csv'), 5, 'unknown-actor'],
    ]);
  });

  it('throws the LoadError of loadNetwork in strict mode', async () => {
    await expect(loadNetworkStream({ links: path('tricky.csv') }, { ids: 'municipality-codes', maxListed: 2 })).rejects.toThrow(/9 problems\n.*\n.*\n {2}… and 7 more\nTo see every problem: samverkan validate/);
  });
});

describe('loadNetworkStream: options and other sources', () => {
  it('loads text, bytes and rows with loadNetwork, so the call is the same for every source', async () => {
    const text = 'source,target\n2480,2460\n2480,Nowhere\n';
    for (const links of [text, { text, name: 'mine.csv' }, utf8(text), { bytes: utf8(text), name: 'b.csv' }, [{ source: '2480', target: 'Nowhere' }]]) {
      expect(await streamed({ links }, 'lenient', 1)).toEqual(small({ links }, 'lenient'));
    }
    expect(await streamed({}, 'strict')).toEqual(small({}, 'strict'));
  });

  it('reports progress in bytes of the links file, ending with (size, size)', async () => {
    const calls: [number, number][] = [];
    await loadNetworkStream({ links: path('tricky.csv') }, { ids: 'municipality-codes', mode: 'lenient', highWaterMark: 7, onProgress: (done, total) => calls.push([done, total]) });
    const size = FIXTURES['tricky.csv']!.length as number;
    expect(calls.at(-1)).toEqual([size, size]);
    for (let i = 1; i < calls.length; i++) expect(calls[i]![0]).toBeGreaterThanOrEqual(calls[i - 1]![0]);
  });

  it('rejects a highWaterMark that is not a whole number of bytes', async () => {
    await expect(loadNetworkStream({ links: path('tricky.csv') }, { ids: 'municipality-codes', highWaterMark: 0 })).rejects.toThrow(/^loadNetworkStream: option highWaterMark: Too small: expected number to be >0, got a number \(0\)$/);
    await expect(loadNetworkStream({ links: path('tricky.csv') }, { ids: 'municipality-codes', highWaterMark: 1.5 })).rejects.toThrow(/^loadNetworkStream: option highWaterMark: .*got a number \(1\.5\)$/);
  });
});

describe('the command line', () => {
  async function cli(args: string[], env: Record<string, string>) {
    let stdout = '';
    let stderr = '';
    // English, as the tests assert (the CLI's default is the data's language, Swedish).
    const code = await run([...args, '--lang', 'en'], { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, env: { CI: '1', ...env }, cwd: dir });
    return { code, stdout, stderr };
  }
  const chunkedCalls = () => vi.mocked(loadNetworkInChunks).mock.calls.length;

  it('reads a --links file over the threshold in chunks, with the same output', async () => {
    for (const args of [
      ['validate', '--links', 'tricky.csv', '--ids', 'municipality-codes'],
      ['validate', '--actors', 'actors.csv', '--links', 'actors-links.csv'],
      ['validate', '--links', 'cp1252-late.csv', '--ids', 'municipality-codes'],
      ['centrality', '--links', 'swedish.csv', '--top', '3', '--ids', 'municipality-codes'],
      ['centrality', '--links', 'tricky.csv', '--ids', 'municipality-codes'],
      ['centrality', '--links', 'tricky.csv'],
    ]) {
      const before = chunkedCalls();
      const whole = await cli(args, {});
      expect(chunkedCalls(), `${args.join(' ')}: small file read whole`).toBe(before);
      const chunks = await cli(args, { SAMVERKAN_STREAM_LINKS_BYTES: '0' });
      expect(chunkedCalls(), `${args.join(' ')}: read in chunks`).toBe(before + 1);
      expect(chunks, args.join(' ')).toEqual(whole);
    }
    const tricky = await cli(['centrality', '--links', 'tricky.csv', '--ids', 'municipality-codes'], { SAMVERKAN_STREAM_LINKS_BYTES: '0' });
    expect(tricky.code).toBe(1);
    expect(tricky.stderr).toContain('tricky.csv, row 3, column target: link to an undeclared actor');
  });

  it('reads files up to the threshold whole', async () => {
    const before = chunkedCalls();
    await cli(['validate', '--links', 'tricky.csv'], { SAMVERKAN_STREAM_LINKS_BYTES: String(FIXTURES['tricky.csv']!.length) });
    expect(chunkedCalls()).toBe(before);
  });
});

describe('TableStream', () => {
  it('gives parseTable’s header, records, row numbers, blank rows and delimiter for random text in random pieces', () => {
    let seed = 20240601;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const atoms = ['a', 'b c', ',', ';', '\t', '"', '""', '\n', '\r', '\r\n', ' ', 'sep=;\n', 'sep=\t\r\n', '\uFEFF', 'e\u0301', '🤝'];
    for (let t = 0; t < 5000; t++) {
      let text = '';
      for (let k = Math.floor(random() * 16); k > 0; k--) text += atoms[Math.floor(random() * atoms.length)];
      const got = { delimiter: undefined as string | undefined, header: [] as string[], headerRow: 0, records: [] as TableRecord[], blankRows: [] as number[] } as ParsedTable;
      const stream = new TableStream({
        header: (header, row, issues) => Object.assign(got, { header, headerRow: row }, issues && { headerIssues: issues }),
        record: (record) => got.records.push(record),
        blank: (row) => got.blankRows.push(row),
      });
      for (let i = 0; i < text.length; ) {
        const n = 1 + Math.floor(random() * 5);
        stream.push(text.slice(i, i + n));
        i += n;
      }
      stream.end();
      got.delimiter = stream.delimiter!;
      if (stream.sepIssue) got.headerIssues = [stream.sepIssue, ...(got.headerIssues ?? [])];
      expect(got, JSON.stringify(text)).toEqual(parseTable(text));
    }
  });
});
