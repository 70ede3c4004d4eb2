import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadNetwork } from '../../src/io/load/index.js';
import { CATALOGUES } from '../../src/model/i18n/index.js';
import { formatProblem, knownProblemCode, problemText, type Problem } from '../../src/model/load-report.js';
import { cli } from '../cli/helpers.js';

const lenient = (input: Parameters<typeof loadNetwork>[0]) => loadNetwork(input, { mode: 'lenient' }).loadReport!.problems;

/** Bad inputs that reach many of the loader's messages. */
const BAD_INPUTS: Parameters<typeof loadNetwork>[0][] = [
  { links: { text: 'source,target,weight,since,until\n2480,2460,abc,2021-02-30,\n2480,2480,1,,\n2480,2460,-1,2021-01-01 12:30,\n2480,2460,1,2022-01-01,2021-01-01\n2480,2460,"1,5",,\n2480,2460,1e400,,\n2480,2460,1,,,extra\n,2460,1,,\n', name: 'links.csv' } },
  { actors: { text: 'id,name,kind,municipality,county\na1,A,authority,Umea,\na2,B,,,\na3,C,religous,2480,\n2480,D,authority,,\na5,E,authority,2480,Stockholms län\n1.18E+03,F,municipality,,\na1,A2,authority,,\n,G,authority,,\nа1,H,authority,,\nUmeå,I,authority,,\n', name: 'actors.csv' }, links: { text: 'source,target\na1,nowhere\na2,0180\na9,a1\n', name: 'links.csv' } },
  { actors: { text: 'id,name,kind\na1,"open quote,authority\n', name: 'quote.csv' } },
  { links: { text: 'source,target\n"2480"x,2460\n', name: 'after.csv' } },
  { links: { text: 'from,to\n', name: 'header.csv' } },
  { links: { text: 'a;b;c\n1;2;3\n', name: 'nocolumn.csv' } },
  { links: { bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]), name: 'book.xlsx' } },
  { links: { bytes: new Uint8Array([0x61, 0, 0x62, 0x00, 0x63, 0, 0, 0, 1, 2]), name: 'binary.bin' } },
  { links: { text: '', name: 'empty.csv' } },
  { links: { path: '/no/such/file.csv' } },
  { links: { text: 'source,target,source\n2480,2460,x\n', name: 'dup.csv' } },
  { graph: { text: '<graphml><graph edgedefault="directed"><node id="a"/><edge source="a" target="b"/></graph></graphml>', name: 'g.graphml' } },
  { graph: { text: '{"nodes": 3}', name: 'g.json' } },
  { graph: { text: '<gexf><graph><nodes><node id="1"><attvalues><attvalue for="x" value="1"/></attvalues></node></nodes></graph></gexf>', name: 'g.gexf' } },
];

function fixtureProblems(): Problem[] {
  const problems: Problem[] = [];
  for (const input of BAD_INPUTS) problems.push(...lenient(input));
  const graphs = join(__dirname, '..', 'fixtures', 'graphs');
  for (const f of readdirSync(graphs)) problems.push(...lenient({ graph: { path: join(graphs, f) } }));
  const standard = join(__dirname, '..', 'fixtures', 'standard');
  for (const f of readdirSync(standard)) problems.push(...lenient(f.endsWith('.csv') ? { links: { path: join(standard, f) } } : { graph: { path: join(standard, f) } }));
  return problems;
}

describe('problems as data: code and params', () => {
  const problems = fixtureProblems();

  it('the inputs reach many messages', () => {
    expect(new Set(problems.map((p) => p.code)).size).toBeGreaterThan(30);
  });

  it('every problem has a code the catalogues have, and its English text is exactly its reason', () => {
    const wrong = problems.filter((p) => p.code === undefined || !knownProblemCode(p.code) || problemText(p, 'en') !== p.reason);
    expect(wrong).toEqual([]);
  });

  it('the Swedish text is made from the params (no placeholder left, never the English reason)', () => {
    for (const p of problems) {
      const sv = problemText(p, 'sv');
      expect(sv).not.toMatch(/\{\w+\}/);
      expect({ code: p.code, sv }).not.toEqual({ code: p.code, sv: p.reason });
    }
  });

  it('params are plain data: a JSON round trip gives the same texts', () => {
    for (const p of problems) {
      const copy = JSON.parse(JSON.stringify(p)) as Problem;
      expect(formatProblem(copy, { lang: 'sv' })).toBe(formatProblem(p, { lang: 'sv' }));
    }
  });
});

describe('Swedish and English lines of a set of loader problems', () => {
  const first = (input: Parameters<typeof loadNetwork>[0], code: string) => {
    const p = lenient(input).find((q) => q.code === code);
    expect(p, code).toBeDefined();
    return p!;
  };
  const cases: [string, Parameters<typeof loadNetwork>[0], string, string][] = [
    ['weight.not_number', { links: { text: 'source,target,weight\n2480,2460,abc\n', name: 'l.csv' } }, 'l.csv, row 2, column weight: the weight is not a number (value "abc")', 'l.csv, rad 2, kolumn weight: vikten är inte ett tal (värde "abc")'],
    ['date.invalid', { links: { text: 'source,target,since\n2480,2460,2021-02-30\n', name: 'l.csv' } }, 'l.csv, row 2, column since: the since date is not a valid date (expected YYYY-MM-DD) (value "2021-02-30")', 'l.csv, rad 2, kolumn since: datumet i since är inte ett giltigt datum (ÅÅÅÅ-MM-DD väntades) (värde "2021-02-30")'],
    ['municipality.unknown', { actors: { text: 'id,kind,municipality\na,authority,Umea\n', name: 'a.csv' } }, 'a.csv, row 2, column municipality: unknown municipality: not a code or name in the Sweden geography; did you mean Umeå (2480)? (value "Umea")', 'a.csv, rad 2, kolumn municipality: okänd kommun: varken en kod eller ett namn i geografin Sverige; menade du Umeå (2480)? (värde "Umea")'],
    ['header.missing', { links: { text: 'from,too\n1,2\n', name: 'l.csv' } }, 'l.csv, row 1: missing required column "target" (accepted names: ', 'l.csv, rad 1: den obligatoriska kolumnen ”target” saknas (godtagna namn: '],
    ['text.nul_bytes', { links: { bytes: new Uint8Array([0x61, 0x2c, 0x62, 0x0a, 0, 0, 0, 0x0a]), name: 'l.csv' } }, 'l.csv: this is not a text file (it contains NUL bytes)', 'l.csv: detta är inte en textfil (den innehåller NUL-byte)'],
    ['csv.text_after_quote', { links: { text: 'source,target\n"2480"x,2460\n', name: 'l.csv' } }, 'l.csv, row 2, column source: text after the closing quote of a quoted field ("x")', 'l.csv, rad 2, kolumn source: text efter det avslutande citattecknet i ett citerat fält ("x")'],
  ];
  for (const [code, input, en, sv] of cases) {
    it(code, () => {
      const p = first(input, code);
      expect(formatProblem(p)).toContain(en);
      expect(formatProblem(p, { lang: 'en' })).toBe(formatProblem(p));
      expect(formatProblem(p, { lang: 'sv' })).toContain(sv);
    });
  }

  it('an unknown kind, counted, with its suggestion', () => {
    const p = first({ actors: { text: 'id,kind\na,religous\nb,religous\n', name: 'a.csv' } }, 'kind.unknown');
    expect(p.reason).toMatch(/^the kind "religous" is not in samverkan's vocabulary \(rows 2, 3\): .*these 2 actors do not count.*; did you mean "religious" \(religious\)\?$/);
    expect(formatProblem(p, { lang: 'sv' })).toMatch(/typen ”religous” finns inte i samverkans ordförråd \(rader 2, 3\): .*dessa 2 aktörer.*; menade du "religious" \(religious\)\?/);
  });

  it('a problem made by hand (no code) keeps its reason in every language', () => {
    const p: Problem = { file: 'f', row: 2, reason: 'my own reason', severity: 'error' };
    expect(formatProblem(p, { lang: 'sv' })).toBe('f, rad 2: my own reason');
    expect(formatProblem(p)).toBe('f, row 2: my own reason');
    expect(() => formatProblem(p, { lang: 'de' } as never)).toThrow(/formatProblem: option lang/);
  });
});

describe('every code the sources use has both catalogue entries', () => {
  const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : []));
  const src = files(join(__dirname, '..', '..', 'src')).map((f) => readFileSync(f, 'utf8')).join('\n');
  // Messages made as plain objects where `because` cannot be imported (the model's suggestions and look-alikes).
  const parts = ['model/suggest.ts', 'model/text.ts'].map((f) => readFileSync(join(__dirname, '..', '..', 'src', f), 'utf8')).join('\n');
  const codes = [...src.matchAll(/\b(?:because|hint)\(\s*'([\w.]+)'/g), ...parts.matchAll(/\bcode: '([\w.]+)'/g)].map((m) => m[1]!);
  const prefixes = [...src.matchAll(/\b(?:because|hint)\(\s*`([\w.]+)\$\{/g), ...parts.matchAll(/\bcode: `([\w.]+)\$\{/g)].map((m) => m[1]!);

  it('finds the codes', () => {
    expect(codes.length).toBeGreaterThan(100);
    expect(prefixes.length).toBeGreaterThan(2);
  });

  it('each literal code, and each prefix of a code made from a value, is in English and Swedish', () => {
    const keys = (lang: 'en' | 'sv') => Object.keys(CATALOGUES[lang]);
    const has = (lang: 'en' | 'sv', code: string) => keys(lang).some((k) => k === `problem.${code}` || k === `problem.${code}.one` || k === `problem.${code}.other`);
    const missing = [...new Set(codes)].filter((c) => !has('en', c) || !has('sv', c) || !knownProblemCode(c));
    expect(missing).toEqual([]);
    const noPrefix = [...new Set(prefixes)].filter((p) => !keys('en').some((k) => k.startsWith(`problem.${p}`)) || !keys('sv').some((k) => k.startsWith(`problem.${p}`)));
    expect(noPrefix).toEqual([]);
  });
});

describe('the command line in Swedish writes no English sentence of the loader', () => {
  /** The English catalogue's fixed fragments (between placeholders) of the loader's and output's messages, that the Swedish text does not share. */
  const english = Object.entries(CATALOGUES.en)
    .filter(([k]) => /^(problem|load|output|input)\./.test(k))
    .flatMap(([k, v]) => v.split(/\{\w+\}/).map((f) => f.trim()).filter((f) => f.length >= 14 && !(CATALOGUES.sv as Record<string, string>)[k]!.includes(f)));

  it('bad actors and links files, strict and validate', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const tmp = mkdtempSync(join(tmpdir(), 'samverkan-sv-'));
    writeFileSync(join(tmp, 'actors.csv'), 'id,name,kind,municipality\na1,Röda Korset,civil_society,Umea\na2,"Kyrkan,religious,0180\na3,X,religous,2480\n');
    writeFileSync(join(tmp, 'links.csv'), 'source,target,weight,since\na1,0180,abc,2020-13-01\na3,a3,1,\n');
    const runs = [
      await cli(['summary', '--actors', 'actors.csv', '--links', 'links.csv', '--lang', 'sv'], { cwd: tmp }),
      await cli(['validate', '--actors', 'actors.csv', '--links', 'links.csv', '--lang', 'sv'], { cwd: tmp }),
      await cli(['summary', '--actors', 'missing.csv', '--lang', 'sv'], { cwd: tmp }),
      await cli(['summary', '--out', 'nowhere/x.csv', '--lang', 'sv'], { cwd: tmp }),
    ];
    for (const r of runs) {
      const text = r.stderr + r.stdout;
      expect(r.code).toBe(1);
      for (const fragment of english) expect(text, fragment).not.toContain(fragment);
    }
    expect(runs[0]!.stderr).toContain('samverkan kunde inte läsa in indata');
    expect(runs[1]!.stdout).toMatch(/fel: \S*actors\.csv, rad 2, kolumn municipality: okänd kommun/);
    expect(runs[2]!.stderr).toContain('missing.csv: filen finns inte');
    expect(runs[3]!.stderr).toContain('kan inte skriva');
    // The same runs in English say the English sentences the test looks for.
    const en = await cli(['summary', '--actors', 'actors.csv', '--links', 'links.csv', '--lang', 'en'], { cwd: tmp });
    expect(english.filter((f) => en.stderr.includes(f)).length).toBeGreaterThan(3);
  });
});
