import { tmpFile } from '../helpers/files.js';
import { describe, expect, it } from 'vitest';
import { LoadError, loadNetwork, type LoadNetworkInput, type Problem } from '../../src/index.js';
import { nodeKey } from '../../src/model.js';

const lenient = (input: LoadNetworkInput) => loadNetwork(input, { ids: 'municipality-codes', mode: 'lenient' });
// The problems' fields these tests state; `code` and `params` (the message as data) are checked in test/io/load-messages.test.ts.
const errors = (problems: readonly Problem[] | undefined) => (problems ?? []).filter((p) => p.severity === 'error').map(({ code: _code, params: _params, ...p }) => p);


/** Every file report's counts add up to its rows. */
function expectAccounted(net: ReturnType<typeof lenient>) {
  for (const f of net.loadReport!.files) expect(f.loaded + f.merged + f.rejected + f.blank).toBe(f.rows);
}

describe('delimiters and encodings', () => {
  const actors = (d: string) =>
    ['id,name,kind,municipality', 'moske-umea,Moské i Umeå,religious,2480', 'idrott,Idrottsföreningen,civil_society,Vännäs'].map((l) => l.replaceAll(',', d)).join('\n') + '\n';
  const links = (d: string) => ['source,target,kind,weight', 'moske-umea,2480,dialog,2', 'idrott,2460,,1', '2480,2460,avtal,3'].map((l) => l.replaceAll(',', d)).join('\n') + '\n';

  for (const [label, d] of [
    ['comma', ','],
    ['semicolon', ';'],
    ['tab', '\t'],
  ] as const) {
    it(`reads ${label}-separated files`, () => {
      const net = loadNetwork({ actors: actors(d), links: links(d) }, { ids: 'municipality-codes' });
      expect(net.actor('moske-umea')).toMatchObject({ name: 'Moské i Umeå', kind: 'religious', municipality: '2480', county: '24' });
      expect(net.actor('idrott')?.municipality).toBe('2460');
      expect(net.links).toHaveLength(3);
      expect(net.loadReport!.files.map((f) => f.delimiter)).toEqual([d, d]);
    });
  }

  it('reads UTF-8 with a byte-order mark and CRLF line ends from a file', () => {
    const text = '\uFEFFid;namn;typ;kommun\r\nförs-1;Församling Å;trossamfund;Åre\r\n';
    const path = tmpFile('aktörer.csv', text);
    const net = loadNetwork({ actors: path }, { ids: 'municipality-codes' });
    expect(net.actor('förs-1')).toMatchObject({ name: 'Församling Å', kind: 'religious', municipality: '2321' });
    expect(net.loadReport!.files[0]).toMatchObject({ file: path, encoding: 'utf-8', delimiter: ';', rows: 1, loaded: 1 });
  });

  it('reads UTF-16 (Excel "Unicode text") files', () => {
    const text = 'source\ttarget\nÖrebro\tKumla\n';
    const bytes = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(text, 'utf16le'))]);
    const net = loadNetwork({ links: bytes }, { ids: 'municipality-codes' });
    expect(net.linksBetween('1880', '1881')).toHaveLength(1);
    expect(net.loadReport!.files[0]!.encoding).toBe('utf-16le');
  });

  it('reads Windows-1252 files with a warning instead of garbling å, ä and ö', () => {
    const bytes = Buffer.from('source;target\nGällivare;Jokkmokk\n', 'latin1');
    const net = loadNetwork({ links: new Uint8Array(bytes) }, { ids: 'municipality-codes' });
    expect(net.linksBetween('2523', '2510')).toHaveLength(1);
    const [warning] = net.loadReport!.problems;
    expect(warning).toMatchObject({ severity: 'warning', row: 0 });
    expect(warning!.reason).toMatch(/Windows-1252/);
  });

  it('keeps quoted fields with delimiters, quotes and line breaks, and numbers rows as a spreadsheet does', () => {
    const text = [
      'id,name,kind,municipality,note',
      'a1,"Förening ""Vi, tillsammans""",civil_society,0180,"line one',
      'line two"',
      'a2,Other,civil_society,0180,',
      'a3,Bad,civil_society,9999,',
    ].join('\r\n');
    const net = lenient({ actors: text });
    expect(net.actor('a1')?.name).toBe('Förening "Vi, tillsammans"');
    expect(net.actor('a1')?.attributes).toEqual({ note: 'line one\r\nline two' });
    // a1 spans two lines but is one spreadsheet row (2), so a3 is on row 4.
    expect(errors(net.loadReport?.problems)).toEqual([
      {
        file: '(actors)',
        row: 4,
        column: 'municipality',
        value: '9999',
        reason: 'unknown municipality: not a code or name in the Sweden geography',
        severity: 'error',
      },
    ]);
  });

  it('matches names typed in decomposed Unicode (macOS) to the geography', () => {
    const net = loadNetwork({ links: `source,target\n${'Åre'.normalize('NFD')},${'Östersund'.normalize('NFD')}\n` }, { ids: 'municipality-codes' });
    expect(net.linksBetween('2321', '2380')).toHaveLength(1);
  });

  it('accepts an Excel sep= line', () => {
    const net = loadNetwork({ links: 'sep=;\nsource;target;weight\n0180;0114;2,5\n' }, { ids: 'municipality-codes' });
    expect(net.links[0]!.weight).toBe(2.5);
  });
});

describe('columns, aliases and values', () => {
  it('matches headers case-insensitively with Swedish aliases', () => {
    const net = loadNetwork({
      actors: 'ID;Namn;Typ;Kommunkod\nkyrka;Kyrkan;Församling;2480\n',
      links: 'Från;Till;Typ;Vikt;Start;Slutdatum\nkyrka;0180;Avtal;1,5;2021-03-01;2024-12-31\n',
    }, { ids: 'municipality-codes' });
    expect(net.actor('kyrka')?.kind).toBe('religious');
    expect(net.links[0]).toMatchObject({ source: 'kyrka', target: '0180', kind: 'Avtal', weight: 1.5, since: '2021-03-01', until: '2024-12-31' });
  });

  it('resolves municipalities by code, by code without its leading zero, and by name with or without "kommun"', () => {
    const net = loadNetwork({ links: 'source,target\n0114,Vallentuna\n114,Österåker kommun\nGöteborgs stad,MÖLNDAL\n' }, { ids: 'municipality-codes' });
    expect(net.linksBetween('0114', '0115')).toHaveLength(1);
    expect(net.linksBetween('0114', '0117')).toHaveLength(1);
    expect(net.linksBetween('1480', '1481')).toHaveLength(1);
  });

  it('derives the county from the municipality and resolves county names', () => {
    const net = loadNetwork({ actors: 'id,name,kind,municipality,county\nx,X,other,Umeå,\nlst,Länsstyrelsen,authority,,Västerbottens län\ny,Y,other,,Stockholm\n' }, { ids: 'municipality-codes' });
    expect(net.actor('x')?.county).toBe('24');
    expect(net.actor('lst')).toMatchObject({ county: '24' });
    expect(net.actor('lst')?.municipality).toBeUndefined();
    expect(net.actor('y')?.county).toBe('01');
  });

  it('normalises kinds and keeps user-defined kinds', () => {
    const net = loadNetwork({
      actors: 'id,name,kind\na,A,Civil society\nb,B,Trossamfund\nc,C,Skola\nd,D,kommunalförbund\ne,E,Polis\nf,F,Lokalt nätverk\n',
    }, { ids: 'municipality-codes' });
    expect(['a', 'b', 'c', 'd', 'e', 'f'].map((id) => net.actor(id)?.kind)).toEqual(['civil_society', 'religious', 'authority', 'joint_body', 'authority', 'lokalt_nätverk']);
  });

  it('keeps extra columns as attributes and defaults the name to the id', () => {
    const net = loadNetwork({ actors: 'id,kind,focus,contact\nungdom,civil_society,youth,\n' }, { ids: 'municipality-codes' });
    expect(net.actor('ungdom')).toEqual({ id: 'ungdom', name: 'ungdom', kind: 'civil_society', attributes: { focus: 'youth' } });
  });

  it('takes the default weight 1 and sums repeated links in the graph while keeping each as data', () => {
    const net = lenient({ links: 'source,target,kind,weight\n0180,0114,avtal,\n0114,0180,projekt,2\n0180,0114,avtal,0.5\n' });
    expect(net.links.map((l) => l.weight)).toEqual([1, 2, 0.5]);
    expect(net.graph.getEdgeAttributes('0180', '0114')).toMatchObject({ weight: 3.5, count: 3, kinds: ['avtal', 'projekt'], links: [0, 1, 2] });
    expect(net.loadReport!.files[0]).toMatchObject({ rows: 3, loaded: 1, merged: 2, rejected: 0 });
  });

  it('accepts arrays of row objects, with numbers and an attributes object', () => {
    const net = loadNetwork({
      actors: [{ id: 'f1', name: 'F1', kind: 'civil_society', municipality: 2480, attributes: { focus: 'sport' } }],
      links: [{ source: 'f1', target: '2480', weight: 2 }],
    }, { ids: 'municipality-codes' });
    expect(net.actor('f1')).toMatchObject({ municipality: '2480', attributes: { focus: 'sport' } });
    expect(net.links[0]!.weight).toBe(2);
  });

  it('lets a municipality row add attributes to the geography municipality (counted as merged)', () => {
    const net = lenient({ actors: 'id,name,kind,contact\n2480,Umeå kommun,municipality,samordnare@example.se\n' });
    expect(net.actor('2480')).toMatchObject({ name: 'Umeå', kind: 'municipality', attributes: { contact: 'samordnare@example.se' } });
    expect(net.loadReport!.files[0]).toMatchObject({ rows: 1, merged: 1, loaded: 0, rejected: 0 });
  });
});

describe('bad input: every problem names file, row, column, value and reason', () => {
  const actors = 'id,name,kind,municipality\nmoske,Moské,religious,2480\n';

  const cases: { name: string; input: LoadNetworkInput; expected: Partial<Problem> }[] = [
    {
      name: 'unknown municipality',
      input: { actors: 'id,name,kind,municipality\nx,X,religious,Atlantis\n' },
      expected: { file: '(actors)', row: 2, column: 'municipality', value: 'Atlantis', reason: 'unknown municipality: not a code or name in the Sweden geography' },
    },
    {
      name: 'link to an undeclared actor',
      input: { actors, links: 'source,target\nmoske,ghost\n' },
      expected: {
        file: '(links)',
        row: 2,
        column: 'target',
        value: 'ghost',
        reason: 'link to an undeclared actor: not an id in the actors file, nor a municipality code or name of the Sweden geography',
      },
    },
    {
      name: 'self-loop',
      input: { links: 'source,target\n2480,Umeå\n' },
      expected: { row: 2, column: 'target', value: 'Umeå', reason: 'self-loop: the link joins an actor to itself' },
    },
    {
      name: 'non-positive weight',
      input: { links: 'source,target,weight\n2480,2460,0\n' },
      expected: { row: 2, column: 'weight', value: '0', reason: 'the weight must be a positive number' },
    },
    {
      name: 'negative weight',
      input: { links: 'source,target,weight\n2480,2460,-2\n' },
      expected: { row: 2, column: 'weight', value: '-2', reason: 'the weight must be a positive number' },
    },
    {
      name: 'non-numeric weight',
      input: { links: 'source,target,weight\n2480,2460,strong\n' },
      expected: { row: 2, column: 'weight', value: 'strong', reason: 'the weight is not a number' },
    },
    {
      name: 'decimal comma in a comma-separated file',
      input: { links: 'source,target,weight\n2480,2460,"1,5"\n' },
      expected: { row: 2, column: 'weight', value: '1,5', reason: 'the weight is not a number (a decimal comma is ambiguous in a comma-separated file; write 1.5)' },
    },
    {
      name: 'bad date',
      input: { links: 'source,target,since\n2480,2460,2023-02-30\n' },
      expected: { row: 2, column: 'since', value: '2023-02-30', reason: 'the since date is not a valid date (expected YYYY-MM-DD)' },
    },
    {
      name: 'until before since',
      input: { links: 'source,target,since,until\n2480,2460,2024-01-01,2023-06-30\n' },
      expected: { row: 2, column: 'until', value: '2023-06-30', reason: 'until is before since (2024-01-01)' },
    },
    {
      name: 'duplicate actor id with conflicting attributes',
      input: { actors: 'id,name,kind,municipality\nx,X,religious,2480\nx,X,civil_society,2480\n' },
      expected: {
        row: 3,
        column: 'id',
        value: 'x',
        reason: 'duplicate actor id with conflicting attributes (first seen on row 2): kind "religious" vs "civil_society"',
      },
    },
    {
      name: 'missing required column',
      input: { links: 'from_actor,target\n2480,2460\n' },
      expected: { file: '(links)', row: 1, reason: expect.stringMatching(/^missing required column "source" \(accepted names: source, from, /) as unknown as string },
    },
    {
      name: 'empty file',
      input: { links: { bytes: new Uint8Array(0), name: 'links.csv' } },
      expected: { file: 'links.csv', row: 0, reason: 'the file is empty' },
    },
    {
      name: 'a file that is not text',
      input: { links: { bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), name: 'links.png' } },
      expected: { file: 'links.png', row: 0, reason: 'this is not a text file (it contains NUL bytes)' },
    },
    {
      name: 'an Excel workbook instead of CSV',
      input: { links: { bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0, 6, 0]), name: 'links.xlsx' } },
      expected: { file: 'links.xlsx', row: 0, reason: expect.stringMatching(/spreadsheet workbook/) as unknown as string },
    },
    {
      name: 'an id that is a municipality code',
      input: { actors: 'id,name,kind\n2480,Something,religious\n' },
      expected: { row: 2, column: 'id', value: '2480', reason: expect.stringMatching(/is the code of the municipality Umeå/) as unknown as string },
    },
    {
      name: 'county that contradicts the municipality',
      input: { actors: 'id,name,kind,municipality,county\nx,X,other,2480,01\n' },
      expected: { row: 2, column: 'county', value: '01', reason: 'the county does not match the municipality: Umeå is in Västerbottens län' },
    },
    {
      name: 'row wider than the header',
      input: { links: 'source,target\n2480,2460,extra\n' },
      expected: { row: 2, reason: 'the row has more fields than the header' },
    },
  ];

  for (const c of cases) {
    it(`rejects ${c.name} with an exact reason`, () => {
      const net = lenient(c.input);
      const problems = errors(net.loadReport?.problems);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({ severity: 'error', ...c.expected });
      expectAccounted(net);
      // Strict mode (the default) throws the same problem.
      expect(() => loadNetwork(c.input, { ids: 'municipality-codes' })).toThrow(LoadError);
    });
  }

  it('rejects a missing file with its path', () => {
    const net = lenient({ links: '/no/such/links.csv' });
    expect(errors(net.loadReport?.problems)).toEqual([{ file: '/no/such/links.csv', row: 0, reason: 'no such file', severity: 'error' }]);
  });

  it('reports every problem of a row, and rejects the row once', () => {
    const net = lenient({ links: 'source,target,weight,since\nghost,2460,-1,yesterday\n' });
    expect(errors(net.loadReport?.problems).map((p) => p.column)).toEqual(['source', 'weight', 'since']);
    expect(net.loadReport!.files[0]).toMatchObject({ rows: 1, rejected: 1, loaded: 0 });
  });

  it('strict mode throws one error listing problems, capped, with a count of the rest', () => {
    const rows = Array.from({ length: 30 }, (_, i) => `ghost${i},2480`);
    const input = { links: ['source,target', ...rows].join('\n') };
    let thrown: unknown;
    try {
      loadNetwork(input, { ids: 'municipality-codes', maxListed: 5 });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(LoadError);
    const error = thrown as LoadError;
    expect(error.problems).toHaveLength(30);
    const lines = error.message.split('\n');
    expect(lines[0]).toBe('samverkan could not load the input: 30 problems');
    expect(lines[1]).toBe(
      '  - (links), row 2, column source: link to an undeclared actor: not an id in the actors file, nor a municipality code or name of the Sweden geography (value "ghost0")',
    );
    expect(lines).toHaveLength(1 + 5 + 1 + 2);
    expect(lines[6]).toBe('  … and 25 more');
    // It ends with how to see every problem and how to load the rest.
    expect(lines[7]).toMatch(/^To see every problem: samverkan validate .*\{ mode: 'lenient' \}/);
    expect(lines[8]).toMatch(/^To load the rows that are fine and leave these out: --lenient/);
  });

  it('lenient mode loads the good rows and accounts for every row, blank lines included', () => {
    const net = lenient({
      actors: 'id,name,kind,municipality\na,A,religious,2480\na,A,religious,2480\nb,B,religious,Atlantis\n\nc,C,civil_society,2460\n',
      links: 'source,target\na,c\nc,ghost\na,2480\n\n',
    });
    expect(net.loadReport!.files).toEqual([
      { file: '(actors)', role: 'actors', rows: 5, loaded: 2, merged: 1, rejected: 1, blank: 1, delimiter: ',' },
      { file: '(links)', role: 'links', rows: 4, loaded: 2, merged: 0, rejected: 1, blank: 1, delimiter: ',' },
    ]);
    expectAccounted(net);
    expect(net.hasActor('b')).toBe(false);
    expect(net.links).toHaveLength(2);
  });
});

describe('ids are arbitrary strings', () => {
  it('accepts __proto__, constructor and toString as actor ids and attribute names without touching prototypes', () => {
    const net = loadNetwork({
      actors: 'id,name,kind,municipality,__proto__,constructor\n__proto__,Proto,civil_society,2480,polluted,yes\nconstructor,Ctor,religious,2480,,\ntoString,TS,other,,,\n',
      links: 'source,target,__proto__\n__proto__,constructor,x\nconstructor,toString,\n__proto__,2480,\n',
    }, { ids: 'municipality-codes' });
    expect(net.actor('__proto__')).toMatchObject({ name: 'Proto', kind: 'civil_society' });
    expect(net.actor('constructor')?.name).toBe('Ctor');
    expect(net.actor('toString')?.kind).toBe('other');
    const attrs = net.actor('__proto__')!.attributes!;
    expect(Object.getPrototypeOf(attrs)).toBe(Object.prototype);
    expect(Object.keys(attrs)).toEqual(['__proto__', 'constructor']);
    expect(JSON.parse(JSON.stringify(attrs))).toEqual(JSON.parse('{"__proto__":"polluted","constructor":"yes"}'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
    expect(net.linksBetween('__proto__', 'constructor')).toHaveLength(1);
    expect(net.graph.degree(nodeKey('__proto__'))).toBe(2);
    expect(net.graph.getNodeAttribute(nodeKey('constructor'), 'id')).toBe('constructor');
    expect(net.graph.hasEdge(nodeKey('toString'), nodeKey('__proto__'))).toBe(false);
    expect(net.linksOf('toString')).toHaveLength(1);
  });
});

describe('progress', () => {
  it('reports progress over all input rows, ending at the total', () => {
    const links = ['source,target', ...Array.from({ length: 2500 }, (_, i) => `a${i % 50},2480`)].join('\n');
    const actors = ['id,name,kind', ...Array.from({ length: 50 }, (_, i) => `a${i},A${i},other`)].join('\n');
    const calls: [number, number][] = [];
    loadNetwork({ actors, links }, { ids: 'municipality-codes', onProgress: (done, total) => calls.push([done, total]) });
    expect(calls).toEqual([
      [1000, 2550],
      [2000, 2550],
      [2550, 2550],
    ]);
  });

  it('reports the same progress for files and bytes (read by the chunked loop, the rows counted first), a Windows-1252 file once', () => {
    const links = ['source,target,kind', ...Array.from({ length: 2500 }, (_, i) => `a${i % 50},2480,${i > 2400 && i % 7 === 0 ? 'samråd' : 'avtal'}`)].join('\n');
    const actors = ['id,name,kind', ...Array.from({ length: 50 }, (_, i) => `a${i},A${i} ${i === 49 ? 'förening' : ''},other`)].join('\n');
    const progress = (input: LoadNetworkInput) => {
      const calls: [number, number][] = [];
      const net = loadNetwork(input, { ids: 'municipality-codes', mode: 'lenient', onProgress: (done, total) => calls.push([done, total]) });
      return { calls, links: net.loadReport!.files.map((f) => f.loaded + f.merged + f.rejected) };
    };
    const expected = progress({ actors, links });
    expect(expected.calls).toEqual([
      [1000, 2550],
      [2000, 2550],
      [2550, 2550],
    ]);
    expect(progress({ actors: tmpFile('actors.csv', actors), links: tmpFile('links.csv', links) })).toEqual(expected);
    expect(progress({ actors: new TextEncoder().encode(actors), links: { bytes: new TextEncoder().encode(links) } })).toEqual(expected);
    // Windows-1252 (å and ö as one byte each): the UTF-8 reading of the links fails late, after 2 400 rows; the rows are counted once.
    const cp1252 = (text: string) => Uint8Array.from(text, (c) => (c === 'å' ? 0xe5 : c === 'ö' ? 0xf6 : c.charCodeAt(0)));
    expect(progress({ actors: cp1252(actors), links: cp1252(links) })).toEqual(expected);
  });
});

describe('spreadsheet quirks', () => {
  it('accepts a date written with a midnight time, and names a real time of day as the problem', () => {
    const net = lenient({ links: 'source,target,since,until\n2480,2460,2023-02-28 00:00,2024-01-01T00:00:00\n2480,2403,2023-02-28 14:30,\n' });
    expect(net.links[0]).toMatchObject({ since: '2023-02-28', until: '2024-01-01' });
    expect(errors(net.loadReport?.problems)).toEqual([
      { file: '(links)', row: 3, column: 'since', value: '2023-02-28 14:30', reason: 'the since date has a time of day (expected a date YYYY-MM-DD)', severity: 'error' },
    ]);
  });

  it('warns when an actor id is also a municipality name, since links naming it go to the actor', () => {
    const net = loadNetwork({ actors: 'id,name,kind\nVännäs,Vännäs IK,civil_society\n', links: 'source,target\nUmeå,Vännäs\n' }, { ids: 'municipality-codes' });
    expect(net.linksBetween('2480', 'Vännäs')).toHaveLength(1);
    const [warning] = net.loadReport!.problems;
    expect(warning).toMatchObject({ severity: 'warning', row: 2, column: 'id', value: 'Vännäs' });
    expect(warning!.reason).toContain('write 2460 for the municipality');
  });

  it('takes Date objects in rows as local calendar dates', () => {
    const net = loadNetwork({ links: [{ source: '2480', target: '2460', since: new Date(2023, 4, 1) }] }, { ids: 'municipality-codes' });
    expect(net.links[0]!.since).toBe('2023-05-01');
  });
});
