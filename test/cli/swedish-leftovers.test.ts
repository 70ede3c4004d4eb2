/**
 * The English words that were left in Swedish output (issue 15): the
 * geography's name in messages and total rows, and the national report's
 * heading. Each check fails on the code before the mend.
 */
import { describe, expect, it } from 'vitest';
import { coverageByCounty } from '../../src/analysis/coverage.js';
import { summaryByCounty } from '../../src/analysis/summary.js';
import { loadNetwork } from '../../src/io/load/index.js';
import { formatProblem } from '../../src/model/load-report.js';
import { demoDataset } from '../../src/io/sweden.js';
import { buildReport } from '../../src/report/model.js';
import { renderReportMarkdownFromModel } from '../../src/report/markdown.js';
import { SWEDEN_SOURCE } from '../../src/io/sweden.js';
import { cli } from './helpers.js';

const lastLine = (text: string) => text.trimEnd().split('\n').at(-1)!;

describe('the geography is named in the language of the output', () => {
  it('a loader problem names "geografin Sverige" in Swedish and "the Sweden geography" in English', () => {
    const actors = 'id,name,kind,municipality,county\na1,A,authority,Umea,\na5,E,authority,,Nolän\n';
    const problems = loadNetwork({ actors: { text: actors, name: 'actors.csv' }, links: { text: 'source,target\na1,a5\n', name: 'links.csv' } }, { mode: 'lenient' }).loadReport!.problems;
    const named = problems.filter((p) => p.code === 'municipality.unknown' || p.code === 'county.unknown');
    expect(named).toHaveLength(2);
    for (const p of named) {
      expect(formatProblem(p, { lang: 'sv' })).toContain('geografin Sverige');
      expect(formatProblem(p, { lang: 'sv' })).not.toContain('Sweden');
      expect(formatProblem(p, { lang: 'en' })).toContain('the Sweden geography');
      // English stays the problem's reason, word for word
      expect(p.reason).toContain('the Sweden geography');
    }
  });

  it('the total rows of coverageByCounty and summaryByCounty say the word the report says, in each language', () => {
    const net = loadNetwork(demoDataset());
    expect(coverageByCounty(net, { samples: 50 }).at(-1)!.name).toBe('Sverige');
    expect(coverageByCounty(net, { samples: 50, lang: 'en' }).at(-1)!.name).toBe('Sweden');
    expect(summaryByCounty(net).at(-1)!.name).toBe('Sverige');
    expect(summaryByCounty(net, { lang: 'en' }).at(-1)!.name).toBe('Sweden');
    expect(summaryByCounty(net, { lang: 'en' }).at(-1)!.county).toBe('total');
  });

  it('samverkan coverage and summary: the total row in the CLI language', async () => {
    for (const command of ['coverage', 'summary']) {
      const sv = await cli([command, '--lang', 'sv']);
      expect(sv.code).toBe(0);
      expect(lastLine(sv.stdout)).toMatch(/^total\s+Sverige\s+290/);
      const en = await cli([command]);
      expect(lastLine(en.stdout)).toMatch(/^total\s+Sweden\s+290/);
    }
  }, 120_000);
});

describe('the report command heading', () => {
  it('the national report is not called a county report', async () => {
    const sv = await cli(['report', '--format', 'md', '--out', '/dev/null'], { lang: 'sv' });
    expect(sv.code).toBe(0);
    expect(sv.stdout).toMatch(/^Nationell rapport för /);
    expect(sv.stdout).not.toContain('Länsrapport');
    const en = await cli(['report', '--format', 'md', '--out', '/dev/null']);
    expect(en.stdout).toMatch(/^National report for /);
    const county = await cli(['report', '--format', 'md', '--out', '/dev/null', '--county', '24'], { lang: 'sv' });
    expect(county.code).toBe(0);
    expect(county.stdout).toMatch(/^Länsrapport för /);
  }, 180_000);
});

describe("the geography's source line in the report's language", () => {
  it('a Swedish report cites its sources in Swedish, an English one in English', () => {
    const net = loadNetwork(demoDataset());
    const sv = buildReport(net, { suggestions: 0, lang: 'sv' });
    const en = buildReport(net, { suggestions: 0, lang: 'en' });
    expect(sv.geographySource).toBe(SWEDEN_SOURCE.sv);
    expect(en.geographySource).toBe(SWEDEN_SOURCE.en);
    const md = renderReportMarkdownFromModel(sv);
    expect(md).toContain('Folkmängd: SCB, 30 september 2025');
    expect(md).not.toContain('Population: SCB');
    expect(renderReportMarkdownFromModel(en)).toContain('Population: SCB, 30 September 2025');
  });
});

describe('usage errors in Swedish: flags, commands and choices', () => {
  const firstLine = async (args: string[], lang: 'sv' | 'en') => {
    const r = await cli(args, { lang });
    expect(r.code).toBe(2);
    return r.stderr.split('\n')[0]!;
  };

  it('an unknown flag, a flag without its value, a switch with one, an unknown command, a misspelt choice', async () => {
    const cases: [string[], string, string][] = [
      [['summary', '--lenint'], 'samverkan: okänd flagga --lenint; menade du --lenient?', 'samverkan: unknown option --lenint; did you mean --lenient?'],
      [['summary', '--lenient=3'], 'samverkan: --lenient är en växel och tar inget värde', 'samverkan: --lenient is a switch and takes no value'],
      [['sumary'], 'samverkan: okänt kommando "sumary"; menade du "summary"?', 'samverkan: unknown command "sumary"; did you mean "summary"?'],
      [['summary', '--ids', 'autp'], 'samverkan: --ids måste vara ett av auto, actors, municipality-codes, fick "autp"; menade du "auto"?', 'samverkan: --ids must be one of auto, actors, municipality-codes, got "autp"; did you mean "auto"?'],
    ];
    for (const [args, sv, en] of cases) {
      expect(await firstLine(args, 'sv')).toBe(sv);
      expect(await firstLine(args, 'en')).toBe(en);
    }
    // Node's own words never reach a Swedish reader
    const out = await cli(['summary', '--lang', 'sv', '--out'], { lang: null });
    expect(out.stderr.split('\n')[0]).toBe('samverkan: --out kräver ett värde');
    const dash = await cli(['summary', '--out', '--lang', 'sv'], { lang: null });
    expect(dash.stderr).toContain('--out kräver ett värde men följs av en flagga');
    expect(dash.stderr).not.toMatch(/Option|argument|ambiguous/);
  });
});

describe('scope errors in the language of the output', () => {
  it('ScopeError keeps its English message and says it in Swedish with describe', async () => {
    const { resolveScope } = await import('../../src/model/scope.js');
    const { ScopeError } = await import('../../src/model/errors.js');
    const geography = loadNetwork(demoDataset()).geography;
    let error: unknown;
    try {
      resolveScope(geography, { counties: ['24', 'Upsala'] } as never);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ScopeError);
    const e = error as InstanceType<typeof ScopeError>;
    expect(e.message).toMatch(/^scope: unknown county "Upsala": not a code or name of the Sweden geography; did you mean Uppsala län \(03\)\?$/);
    expect(e.describe('sv')).toBe('okänt län "Upsala": varken en kod eller ett namn i geografin Sverige; menade du Uppsala län (03)?');
  });

  it('samverkan --county with an unknown county says so in Swedish', async () => {
    const r = await cli(['summary', '--county', 'Upsala'], { lang: 'sv' });
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('samverkan: --county/--municipalities: okänt län "Upsala": varken en kod eller ett namn i geografin Sverige; menade du Uppsala län (03)?');
    const en = await cli(['summary', '--county', 'Upsala']);
    expect(en.stderr.split('\n')[0]).toBe('samverkan: --county/--municipalities: unknown county "Upsala": not a code or name of the Sweden geography; did you mean Uppsala län (03)?');
  });
});

describe('graph files that cannot be parsed, in Swedish', () => {
  const graphProblem = (text: string, name: string) => loadNetwork({ graph: { text, name } }, { mode: 'lenient' }).loadReport!.problems[0]!;

  it('XML syntax details are in the catalogue: Swedish in Swedish, the English message unchanged', async () => {
    const { parseXml, XmlError } = await import('../../src/io/xml.js');
    const cases: [string, string, string][] = [
      ['<graphml><graph><node id="a"></graph></graphml>', 'sluttaggen </graph> passar inte starttaggen <node> på rad 1', 'the end tag </graph> does not match the start tag <node> on line 1'],
      ['<graphml a="1" a="2"/>', 'attributet a förekommer två gånger i <graphml>', 'the attribute a appears twice in <graphml>'],
      ['<graphml>&nbsp;</graphml>', 'en okänd entitet &nbsp;', 'an unknown entity &nbsp;'],
      ['<graphml><!-- open', 'en kommentar avslutas inte', 'a comment is not closed'],
      ['<graphml', 'starttaggen <graphml> avslutas inte', 'the start tag <graphml> is not closed'],
      ['<graphml x=1/>', 'värdet av attributet x står inte inom citattecken', 'the value of the attribute x is not quoted'],
    ];
    for (const [text, sv, en] of cases) {
      let error: unknown;
      try {
        parseXml(text);
      } catch (e) {
        error = e;
      }
      expect(error, text).toBeInstanceOf(XmlError);
      expect((error as Error).message, text).toMatch(new RegExp(`^${en.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(line \\d+, column \\d+\\)$`));
      const p = graphProblem(text, 'g.graphml');
      expect(formatProblem(p, { lang: 'sv' }), text).toContain(`filen är inte välformad XML: ${sv}`);
      expect(formatProblem(p, { lang: 'en' }), text).toContain(`the file is not well-formed XML: ${en}`);
    }
  });

  it('a JSON syntax error says where it stopped, in Swedish', () => {
    const end = graphProblem('{"nodes": [1,', 'g.json');
    expect(formatProblem(end, { lang: 'sv' })).toContain('filen är inte giltig JSON (texten tar slut mitt i ett värde)');
    expect(formatProblem(end, { lang: 'en' })).toMatch(/the file is not valid JSON \(.*JSON.*\)/);
    const at = graphProblem('{"a" 1}', 'g.json');
    expect(formatProblem(at, { lang: 'sv' })).toMatch(/filen är inte giltig JSON \(fel syntax (vid tecken 6|på rad 1, kolumn \d+)\)/);
  });
});

describe('the sampling note in the CLI language', () => {
  it('centrality with sampled betweenness says so in Swedish, and in English with --lang en', async () => {
    const sv = await cli(['centrality', '--dataset', 'demo', '--samples', '20', '--measures', 'betweenness', '--top', '1', '--lang', 'sv']);
    expect(sv.code).toBe(0);
    const note = sv.stderr.split('\n').find((l) => /Betweenness/.test(l));
    expect(note).toMatch(/uppskattningar/);
    expect(note).not.toMatch(/\b(estimates|shortest paths|every actor)\b/);
    const en = await cli(['centrality', '--dataset', 'demo', '--samples', '20', '--measures', 'betweenness', '--top', '1']);
    expect(en.stderr).toMatch(/Betweenness.*estimate/);
  });
});

describe('help lists in the CLI language', () => {
  it("export's --to lists its formats with the language's word for or", async () => {
    const sv = await cli(['export', '--help', '--lang', 'sv']);
    const line = sv.stdout.split('\n').find((l) => l.trimStart().startsWith('--to'))!;
    expect(line).toMatch(/gexf, graphml, json eller csv/);
    const en = await cli(['export', '--help', '--lang', 'en']);
    expect(en.stdout).toMatch(/--to FORMAT +gexf, graphml, json or csv/);
  });
});
