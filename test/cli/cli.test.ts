import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articulationPoints, bridges, brokerage, centrality, coverageByCounty, findGaps, loadNetwork, summaryByCounty } from '../../src/index.js';
import { swedenCooperationBodies } from '../../src/geo.js';
import { progressBar } from '../../src/cli/progress.js';
import { cli } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'samverkan-cli-'));
writeFileSync(join(dir, 'links.csv'), 'source;target;vikt\nUmeå;Vännäs;2\n0180;0114;1\n');
writeFileSync(join(dir, 'bad.csv'), 'source,target,weight\nUmeå,Atlantis,1\nUmeå,Vännäs,-1\n');

describe('samverkan command line', () => {
  it('prints help with every command, and exits 2 without a command', async () => {
    const r = await cli([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/Usage: samverkan <command>/);
    expect(r.stdout).toMatch(/summary/);
    expect(r.stdout).toMatch(/validate/);
  });

  it('prints --help for every command, with an example', async () => {
    const list = (await cli(['--help'])).stdout;
    const names = [...list.matchAll(/^  ([a-z]+)  /gm)].map((m) => m[1]!);
    expect(names).toEqual(expect.arrayContaining(['summary', 'centrality', 'brokerage', 'communities', 'coverage', 'gaps', 'report', 'map', 'validate']));
    for (const command of names) {
      const r = await cli([command, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^samverkan ${command}`));
      expect(r.stdout).toMatch(/Example:\n {2}samverkan /);
    }
  });

  it('exits 2 with a hint on bad usage', async () => {
    const unknown = await cli(['sumary']);
    expect(unknown).toMatchObject({ code: 2, stdout: '' });
    expect(unknown.stderr).toMatch(/unknown command "sumary"; did you mean "summary"\?\nhint: commands: /);
    const option = await cli(['summary', '--bogus']);
    expect(option.code).toBe(2);
    expect(option.stderr).toMatch(/hint: see: samverkan summary --help/);
    const typo = await cli(['summary', '--lenent']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/--lenent.*did you mean --lenient\?/);
    const format = await cli(['summary', '--format', 'xml', '--dataset', 'bodies']);
    expect(format.code).toBe(2);
  });

  it('exits 1 on bad input with row-level messages on stderr and no stack trace', async () => {
    const r = await cli(['summary', '--links', 'bad.csv'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${join(dir, 'bad.csv')}, row 2, column target: link to an undeclared actor`);
    expect(r.stderr).toContain(`${join(dir, 'bad.csv')}, row 3, column weight: the weight must be a positive number (value "-1")`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const debug = await cli(['summary', '--links', 'bad.csv', '--debug'], { cwd: dir });
    expect(debug.stderr).toMatch(/\n\s+at /);
  });

  it('summary --format json prints exactly the library rows', async () => {
    const r = await cli(['summary', '--dataset', 'bodies', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(summaryByCounty(loadNetwork(swedenCooperationBodies()), { lang: 'en' }))));
  });

  it('reads semicolon files relative to the working directory and writes --out', async () => {
    // 0180 and 0114 are codes (Stockholm, Upplands Väsby): read as municipalities only when asked to.
    const codes = await cli(['summary', '--links', 'links.csv'], { cwd: dir });
    expect(codes.code).toBe(1);
    expect(codes.stderr).toMatch(/row 3, column source: .*the code of Stockholm.*--ids municipality-codes.*"0180"/);
    const r = await cli(['summary', '--links', 'links.csv', '--ids', 'municipality-codes', '--format', 'csv', '--out', 'summary.csv'], { cwd: dir });
    expect(r.code).toBe(0);
    // The data covers the two counties its links name.
    expect(r.stderr).toMatch(/the data covers 2 counties: Stockholms län, Västerbottens län \(inferred from the municipalities its links name\)/);
    const csv = readFileSync(join(dir, 'summary.csv'), 'utf8').split('\n');
    expect(csv[0]).toBe('county,name,municipalityCount,population,actorCount,linkCount,crossMunicipalLinks,crossCountyLinks,linkedMunicipalities,isolatedMunicipalities');
    expect(csv.find((l) => l.startsWith('24,'))).toMatch(/^24,Västerbottens län,15,\d+,0,1,1,0,2,13$/);
  });

  it('says which data it used when none was given', async () => {
    const r = await cli(['summary', '--format', 'json']);
    expect(r.stderr).toMatch(/no input given; using the embedded demo dataset/);
    expect(() => JSON.parse(r.stdout)).not.toThrow();
  });

  it('validate prints the load report and exits 1 when rows are rejected', async () => {
    const r = await cli(['validate', '--links', 'bad.csv'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/2 problem\(s\):/);
    expect(r.stdout).toMatch(/error: .*row 2, column target/);
    const ok = await cli(['validate', '--links', 'links.csv', '--ids', 'municipality-codes', '--format', 'json'], { cwd: dir });
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).files[0]).toMatchObject({ rows: 2, loaded: 2, delimiter: ';' });
  });

  it('--as-of selects the links active on a date', async () => {
    const before = await cli(['summary', '--dataset', 'bodies', '--as-of', '2022-06-01', '--format', 'json']);
    const after = await cli(['summary', '--dataset', 'bodies', '--as-of', '2023-06-01', '--format', 'json']);
    const vg = (out: string) => (JSON.parse(out) as { county: string; links: number }[]).find((r) => r.county === '14')!.links;
    // Södra Bohuslän's 3 memberships end in 2022, Storgöteborg's 3 new ones start in 2023.
    expect(vg(before.stdout)).toBe(vg(after.stdout));
    const bad = await cli(['summary', '--as-of', 'yesterday']);
    expect(bad.code).toBe(2);
  });
});

describe('analysis subcommands', () => {
  const bodies = loadNetwork(swedenCooperationBodies());
  const json = async (args: string[]) => {
    const r = await cli([...args, '--dataset', 'bodies', '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    return JSON.parse(r.stdout);
  };

  it('centrality --format json prints the library rows, and --sort/--top shape them', async () => {
    expect(await json(['centrality'])).toEqual(JSON.parse(JSON.stringify(centrality(bodies))));
    const top = await json(['centrality', '--measures', 'degree', '--sort', 'degree', '--top', '3']);
    // Skånes Kommuner has all 33 municipalities of Skåne as members, Storsthlm all 26 of
    // Stockholms län; Arbetsförmedlingen is a member of 19 Finsam associations.
    expect(top.map((r: { id: string; degree: number }) => [r.id, r.degree])).toEqual([
      ['skanes-kommuner', 33],
      ['storsthlm', 26],
      ['arbetsformedlingen', 19],
    ]);
    expect(Object.keys(top[0])).toEqual(['id', 'name', 'kind', 'municipality', 'county', 'degree']);
  });

  it('coverage and gaps print the library rows; gaps filter by county and severity', async () => {
    expect(await json(['coverage'])).toEqual(JSON.parse(JSON.stringify(coverageByCounty(bodies, { lang: 'en' }))));
    const gaps = await json(['gaps', '--county', 'Västerbotten', '--min-severity', '3', '--lang', 'sv']);
    // --county is the scope: the gaps of Västerbotten as an area of its own (no pair with another county).
    const expected = findGaps(bodies.withScope({ counties: ['24'] })).filter((g) => g.severity >= 3);
    expect(expected.every((g) => g.county === '24')).toBe(true);
    expect(gaps).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(gaps.length).toBeGreaterThan(0);
    // --lang: the same gaps, the reasons in that language (Swedish is the data's default).
    const english = await json(['gaps', '--county', 'Västerbotten', '--min-severity', '3', '--lang', 'en']);
    expect(english).toEqual(JSON.parse(JSON.stringify(findGaps(bodies.withScope({ counties: ['24'] }), { lang: 'en' }).filter((g) => g.severity >= 3))));
    expect(english.map((g: { subject: string }) => g.subject)).toEqual(gaps.map((g: { subject: string }) => g.subject));
    expect(english[0].reason).not.toBe(gaps[0].reason);
    const bad = await cli(['gaps', '--lang', 'de', '--dataset', 'bodies']);
    expect(bad.code).toBe(2);
    // A language the catalogues lack cannot be the refusal's: it is said in the default one (Swedish, the embedded data's).
    expect(bad.stderr).toMatch(/--lang måste vara ett av sv, en, fick "de"/);
  });

  it('structure --within sets articulationPoints\' within (--scope before 0.2.0 is refused naming it)', async () => {
    const rows = await json(['structure', '--within', 'network']);
    expect(rows).toEqual(JSON.parse(JSON.stringify(articulationPoints(bodies, { within: 'network' }))));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r: { scope: string }) => r.scope === 'network')).toBe(true);
    for (const args of [['structure', '--scope', 'network'], ['structure', '--show', 'kcore', '--within', 'network']]) {
      const r = await cli([...args, '--dataset', 'bodies']);
      expect(r.code, args.join(' ')).toBe(2);
    }
    expect((await cli(['structure', '--scope', 'network', '--dataset', 'bodies'])).stderr).toMatch(/--scope is now --within in samverkan structure/);
  });

  it('structure --show bridges and brokerage take --network municipalities: the library rows on the projection', async () => {
    const projected = await json(['structure', '--show', 'bridges', '--network', 'municipalities']);
    expect(projected).toEqual(JSON.parse(JSON.stringify(bridges(bodies, { network: 'municipalities' }))));
    expect(projected.length).toBeGreaterThan(0);
    expect(await json(['brokerage', '--network', 'municipalities'])).toEqual(JSON.parse(JSON.stringify(brokerage(bodies, { network: 'municipalities' }))));
    const both = await cli(['brokerage', '--network', 'municipalities', '--group-by', 'municipality', '--dataset', 'bodies']);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/--group-by/);
  });

  it('rejects unknown measures, gap types and counties with exit 2', async () => {
    for (const args of [['centrality', '--measures', 'fame'], ['gaps', '--type', 'boring'], ['gaps', '--county', 'Atlantis'], ['centrality', '--top', '0']]) {
      const r = await cli([...args, '--dataset', 'bodies']);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^samverkan: /);
    }
    const typo = await cli(['summary', '--county', 'Vasterboten', '--dataset', 'bodies']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/unknown county "Vasterboten".*did you mean Västerbottens län \(24\)\?/);
  });

  it('communities prints modularity and a summary; the seed makes it reproducible', async () => {
    const a = await json(['communities', '--seed', '3']);
    const b = await json(['communities', '--seed', '3']);
    expect(a).toEqual(b);
    expect(a.modularity).toBeGreaterThan(0.5);
    expect(a.communities.length).toBe(a.count);
  });
});

describe('report and map', () => {
  it('report writes the HTML file and prints a summary per county and where the file is', async () => {
    const r = await cli(['report', '--dataset', 'bodies', '--out', 'r.html'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^National report for the real cooperation bodies/);
    expect(r.stdout).toContain(`Wrote ${join(dir, 'r.html')}`);
    expect(r.stdout.split('\n').filter((l) => / län /.test(l))).toHaveLength(21);
    expect(readFileSync(join(dir, 'r.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/);
    const quiet = await cli(['report', '--dataset', 'bodies', '--format', 'md', '--out', 'r.md', '--quiet'], { cwd: dir, lang: null });
    expect(quiet.stdout).toBe(`${join(dir, 'r.md')}\n`);
    // Swedish data: a Swedish report by default, English with --lang en.
    expect(readFileSync(join(dir, 'r.md'), 'utf8')).toMatch(/^# Rapport om samverkansnätverket/);
    await cli(['report', '--dataset', 'bodies', '--format', 'md', '--lang', 'en', '--out', 'r.en.md', '--quiet'], { cwd: dir });
    expect(readFileSync(join(dir, 'r.en.md'), 'utf8')).toMatch(/^# Cooperation network report/);
  });

  it('map writes a standalone SVG with one shape per municipality', async () => {
    const r = await cli(['map', '--dataset', 'bodies', '--metric', 'linked', '--level', 'county'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^<svg /);
    expect(r.stdout.match(/class="municipality"/g)).toHaveLength(290);
  });
});

describe('progress bar', () => {
  const sink = (tty: boolean) => {
    let text = '';
    return { io: { stdout: { write: () => true }, stderr: { write: (t: string) => (text += t), isTTY: tty }, env: {} }, text: () => text };
  };

  it('draws on a terminal', () => {
    const s = sink(true);
    const bar = progressBar(s.io, 'Work');
    bar.update(5, 10);
    bar.update(10, 10);
    bar.finish();
    expect(s.text()).toContain('Work [');
    expect(s.text()).toContain('100%');
  });

  it('stays quiet when piped or in CI', () => {
    const piped = sink(false);
    progressBar(piped.io, 'Work').update(10, 10);
    expect(piped.text()).toBe('');
    const ci = sink(true);
    progressBar({ ...ci.io, env: { CI: 'true' } }, 'Work').update(10, 10);
    expect(ci.text()).toBe('');
  });
});

describe('export and --graph', () => {
  it('exports GraphML that every subcommand reads back with --graph', async () => {
    const r = await cli(['export', '--to', 'graphml', '--dataset', 'bodies', '--out', 'bodies.graphml'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`Wrote ${join(dir, 'bodies.graphml')}`);
    const fromGraph = await cli(['summary', '--graph', 'bodies.graphml', '--format', 'json'], { cwd: dir });
    const fromCsv = await cli(['summary', '--dataset', 'bodies', '--format', 'json']);
    expect(fromGraph.code).toBe(0);
    expect(JSON.parse(fromGraph.stdout)).toEqual(JSON.parse(fromCsv.stdout));
  });

  it('exports CSV node and edge tables with metric columns, neutralising formulas', async () => {
    writeFileSync(join(dir, 'evil-actors.csv'), 'id,name,kind,municipality\nx,=HYPERLINK("http://evil"),civil_society,2480\n');
    writeFileSync(join(dir, 'evil-links.csv'), 'source,target\nx,2480\n2480,2460\n');
    const r = await cli(['export', '--to', 'csv', '--actors', 'evil-actors.csv', '--links', 'evil-links.csv', '--metrics', 'degree,betweenness', '--out', 'net'], { cwd: dir });
    expect(r.code).toBe(0);
    const nodes = readFileSync(join(dir, 'net-nodes.csv'), 'utf8');
    expect(nodes.split('\n')[0]).toMatch(/,degree,betweenness$/);
    expect(nodes).toContain(`'=HYPERLINK`);
    expect(readFileSync(join(dir, 'net-edges.csv'), 'utf8').split('\n')[0]).toMatch(/^source,target,weight,count,/);
  });

  it('estimates the path measures from a sample with --samples, and says so; exact by default on small data, with no note', async () => {
    const sampled = await cli(['export', '--to', 'json', '--metrics', 'betweenness', '--samples', '50', '--out', 'sampled.json'], { cwd: dir });
    expect(sampled.code, sampled.stderr).toBe(0);
    expect(sampled.stderr).toMatch(/Betweenness, closeness and harmonic centrality are estimates from shortest paths out of \d+ of the 2,257 actors/);
    const exact = await cli(['export', '--to', 'json', '--metrics', 'betweenness', '--out', 'exact.json'], { cwd: dir });
    expect(exact.stderr).not.toMatch(/estimates/);
    const values = (file: string) => (JSON.parse(readFileSync(join(dir, file), 'utf8')) as { nodes: { attributes: { betweenness: number } }[] }).nodes.map((n) => n.attributes.betweenness);
    expect(values('sampled.json')).not.toEqual(values('exact.json'));
    // No path measure asked for: nothing to say.
    const degree = await cli(['export', '--to', 'json', '--metrics', 'degree', '--samples', '50', '--out', 'degree.json'], { cwd: dir });
    expect(degree.stderr).not.toMatch(/estimates/);
  });

  it('rejects --graph with --links, and a missing --to', async () => {
    expect((await cli(['summary', '--graph', 'x.gexf', '--links', 'links.csv'], { cwd: dir })).code).toBe(2);
    expect((await cli(['export', '--dataset', 'bodies'])).code).toBe(2);
  });
});

describe('recommend, plan and evaluate', () => {
  it('recommend --format json prints exactly the library rows', async () => {
    const { recommendPartners } = await import('../../src/index.js');
    const r = await cli(['recommend', '--municipality', 'Tjörn', '--dataset', 'bodies', '--format', 'json', '--limit', '4']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(recommendPartners(loadNetwork(swedenCooperationBodies()), '1419', { limit: 4, lang: 'en' }))));
    expect(JSON.parse(r.stdout)).toHaveLength(4);
  });

  it('recommend --county lists suggestions for the county’s small municipalities; csv flattens components', async () => {
    const r = await cli(['recommend', '--county', 'Jämtland', '--dataset', 'bodies', '--format', 'csv', '--limit', '2']);
    expect(r.code).toBe(0);
    const [header, ...lines] = r.stdout.trim().split('\n');
    const { DEFAULT_FEATURES } = await import('../../src/recommend.js');
    expect(header).toBe(`municipality,candidate,name,county,rank,score,distanceKm,borderSteps,existing,${DEFAULT_FEATURES.map((f) => `score_${f.name}`).join(',')},reasons`);
    // The hand-weighted scorer counts Jämtland's county-wide bodies as ties, so within Jämtland every pair is tied: said, not silent.
    const tiedAll = await cli(['recommend', '--county', 'Jämtland', '--dataset', 'bodies', '--format', 'csv', '--limit', '2', '--scorer', 'weighted']);
    expect(tiedAll.code).toBe(0);
    expect(tiedAll.stderr).toMatch(/no candidate partner within Jämtlands län: .*widen it with --county/);
    const weighted = await cli(['recommend', '--county', 'Västerbotten', '--dataset', 'bodies', '--format', 'csv', '--limit', '2', '--scorer', 'weighted']);
    expect(weighted.stdout.split('\n')[0]).toBe(
      'municipality,candidate,name,county,rank,score,distanceKm,borderSteps,existing,score_shared,score_complementarity,score_capacity,score_access,score_distance,score_county,reasons',
    );
    // Candidates come from the scope: Västerbotten's.
    expect(weighted.stdout.trim().split('\n').slice(1).every((l) => /^24\d\d,24\d\d,/.test(l))).toBe(true);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((l) => l.startsWith('23'))).toBe(true);
    expect(lines.every((l) => /^23\d\d,\d{4},[^,]+,\d\d,/.test(l))).toBe(true); // candidate's county code, not a component
  });

  it('a value the library refuses is bad usage naming the flag, not a raw schema error', async () => {
    const r = await cli(['gaps', '--dataset', 'demo', '--small=-5']);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toBe('samverkan: --small: Too small: expected number to be >=0, got a number (-5)\nhint: see: samverkan gaps --help\n');
  });

  it('evaluate refuses flags that would be ignored, and takes --folds county', async () => {
    const since = await cli(['evaluate', '--protocol', 'body', '--dataset', 'bodies', '--since', '2020-01-01', '--folds', '3']);
    expect(since).toMatchObject({ code: 2, stdout: '' });
    expect(since.stderr).toMatch(/--folds, --since: folds does not apply with since/);
    const reference = await cli(['evaluate', '--protocol', 'body', '--dataset', 'bodies', '--methods', 'nearest,random', '--reference', 'samverkan']);
    expect(reference).toMatchObject({ code: 2, stdout: '' });
    expect(reference.stderr).toMatch(/--reference samverkan is not among --methods nearest,random/);
    const fraction = await cli(['evaluate', '--dataset', 'demo', '--since', '2023-01-01', '--fraction', '0.3']);
    expect(fraction).toMatchObject({ code: 2, stdout: '' });
    const county = await cli(['evaluate', '--protocol', 'body', '--dataset', 'bodies', '--folds', 'county', '--methods', 'same_county_nearest,nearest', '--bootstrap', '0', '--format', 'csv']);
    expect(county.code).toBe(0);
    expect(county.stdout.split('\n')[1]).toMatch(/^same_county_nearest,361,64,5,0\.391/);
  });

  it('recommend refuses weighted-scorer flags under the learned model (they would be ignored)', async () => {
    const r = await cli(['recommend', '--municipality', 'Bjurholm', '--dataset', 'bodies', '--hops', '1', '--weights', 'distance=3']);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toMatch(/--hops, --weights: hops, weights are options of scorer: 'weighted' only/);
    expect((await cli(['recommend', '--municipality', 'Bjurholm', '--dataset', 'bodies', '--hops', '1', '--scorer', 'weighted', '--limit', '1'])).code).toBe(0);
  });

  it('recommend needs exactly one target, and a known municipality', async () => {
    expect((await cli(['recommend', '--dataset', 'bodies'])).code).toBe(2);
    expect((await cli(['recommend', '--all', '--municipality', 'Umeå', '--dataset', 'bodies'])).code).toBe(2);
    expect((await cli(['recommend', '--municipality', 'Atlantis', '--dataset', 'bodies'])).code).toBe(2);
    const typo = await cli(['recommend', '--municipality', 'Lyksele', '--dataset', 'bodies']);
    expect(typo).toMatchObject({ code: 2, stdout: '' });
    expect(typo.stderr).toMatch(/unknown municipality "Lyksele"; did you mean Lycksele \(2481\)\?/);
    const typoSv = await cli(['recommend', '--municipality', 'Lyksele', '--dataset', 'bodies', '--lang', 'sv']);
    expect(typoSv).toMatchObject({ code: 2, stdout: '' });
    expect(typoSv.stderr).toMatch(/okänd kommun "Lyksele"; menade du Lycksele \(2481\)\?/);
    // A municipality outside the area the data is said to cover is refused, not answered from nothing.
    const outside = await cli(['recommend', '--municipality', 'Umeå', '--county', 'Jämtland', '--dataset', 'bodies']);
    expect(outside).toMatchObject({ code: 2, stdout: '' });
    expect(outside.stderr).toMatch(/Umeå is outside the area the data covers \(Jämtlands län\)/);
    const inside = await cli(['recommend', '--municipality', 'Umeå', '--county', 'Västerbotten', '--dataset', 'bodies', '--format', 'json']);
    expect(inside.code).toBe(0);
    expect(JSON.parse(inside.stdout).every((r: { county: string }) => r.county === '24')).toBe(true);
    expect((await cli(['recommend', '--municipality', 'Umeå', '--weights', 'fame=3', '--dataset', 'bodies'])).code).toBe(2);
  });

  it('plan prints each step with its marginal gain', async () => {
    const r = await cli(['plan', '--budget', '2', '--dataset', 'bodies', '--format', 'json']);
    expect(r.code).toBe(0);
    const steps = JSON.parse(r.stdout);
    expect(steps.map((s: { step: number }) => s.step)).toEqual([1, 2]);
    for (const s of steps) expect(s.gain).toBeGreaterThan(0);
  });

  it('recommend --field and --model are the library’s field and model; unknown ones are refused with the choices', async () => {
    const { recommendPartners } = await import('../../src/index.js');
    const { fitRecommender } = await import('../../src/recommend.js');
    const bodies = loadNetwork(swedenCooperationBodies());
    const fire = await cli(['recommend', '--municipality', 'Dorotea', '--field', 'räddningstjänst', '--dataset', 'bodies', '--format', 'json', '--limit', '3']);
    expect(fire.code).toBe(0);
    expect(JSON.parse(fire.stdout)).toEqual(JSON.parse(JSON.stringify(recommendPartners(bodies, 'Dorotea', { field: 'räddningstjänst', limit: 3, lang: 'en' }))));
    const unknown = await cli(['recommend', '--municipality', 'Dorotea', '--field', 'astronomy', '--dataset', 'bodies']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown field "astronomy"[\s\S]*fire_rescue \(räddningstjänst\)/);
    const fitted = await cli(['fit', '--dataset', 'bodies', '--l2', '1', '--id', 'mine', '--out', 'model.json'], { cwd: dir });
    expect(fitted.code).toBe(0);
    expect(fitted.stderr).toMatch(/Wrote .*model\.json: 361 cases from 163 bodies, λ 1/);
    const model = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8'));
    expect(model).toEqual(JSON.parse(JSON.stringify(fitRecommender(bodies, { l2: 1, id: 'mine', dataset: 'the real cooperation bodies in data/sweden (partial)' }))));
    const withModel = await cli(['recommend', '--municipality', 'Dorotea', '--model', 'model.json', '--dataset', 'bodies', '--format', 'json', '--limit', '3'], { cwd: dir });
    expect(JSON.parse(withModel.stdout)).toEqual(JSON.parse(JSON.stringify(recommendPartners(bodies, 'Dorotea', { model, limit: 3, lang: 'en' }))));
    writeFileSync(join(dir, 'not-a-model.json'), '{"format": "something else"}');
    const bad = await cli(['recommend', '--municipality', 'Dorotea', '--model', 'not-a-model.json', '--dataset', 'bodies'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/the model not-a-model\.json is not a samverkan model: format/);
    // A given model is evaluated as it is: an --l2 for a refit, even `cv`, is refused naming the flag, not ignored.
    const refit = await cli(['evaluate', '--protocol', 'body', '--dataset', 'bodies', '--model', 'model.json', '--l2', 'cv'], { cwd: dir });
    expect(refit.code).toBe(2);
    expect(refit.stderr).toMatch(/--l2\b.*refit/);
  });

  it('evaluate --protocol body prints the library’s rows; options of the other protocol are refused', async () => {
    const { evaluateRecommender } = await import('../../src/index.js');
    const args = ['--l2', '1', '--folds', '3', '--methods', 'samverkan,same_county_nearest,nearest', '--bootstrap', '50'];
    const r = await cli(['evaluate', '--protocol', 'body', '--dataset', 'bodies', ...args, '--format', 'json']);
    expect(r.code).toBe(0);
    const expected = evaluateRecommender(loadNetwork(swedenCooperationBodies()), { protocol: 'body', l2: 1, folds: 3, bootstrap: 50, methods: ['samverkan', 'same_county_nearest', 'nearest'] });
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(expected)));
    const text = await cli(['evaluate', '--protocol', 'body', '--dataset', 'bodies', ...args]);
    expect(text.stdout).toMatch(/^method +cases +P@5 +recall@5 +MRR +nDCG@5 +AUC +samverkan − method, P@5 \[95 %\]/);
    expect(text.stderr).toMatch(/361 cases from 64 bodies; intervals from 50 bootstrap resamples/);
    const cases = await cli(['evaluate', '--protocol', 'body', '--dataset', 'bodies', ...args, '--cases', '--format', 'json']);
    expect(JSON.parse(cases.stdout)).toHaveLength(3 * 361);
    expect((await cli(['evaluate', '--protocol', 'body', '--dataset', 'bodies', '--repeats', '2'])).code).toBe(2);
    expect((await cli(['evaluate', '--dataset', 'bodies', '--folds', '3'])).code).toBe(2);
    expect((await cli(['evaluate', '--protocol', 'body', '--dataset', 'bodies', '--methods', 'common_neighbors'])).code).toBe(2);
  });

  it('evaluate compares samverkan with the baselines', async () => {
    const r = await cli(['evaluate', '--dataset', 'bodies', '--repeats', '2', '--methods', 'samverkan,random', '--format', 'json']);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout);
    expect(rows.map((x: { method: string }) => x.method)).toEqual(['samverkan', 'random']);
    expect(rows[0].auc).toBeGreaterThan(rows[1].auc);
  });
});

describe('what a county analyst meets', () => {
  it('says on stderr what --lenient left out, on every command', async () => {
    const r = await cli(['summary', '--links', 'bad.csv', '--lenient', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^samverkan: 2 of 2 rows rejected while loading:\n {2}error: .*row 2, column target/m);
    expect(() => JSON.parse(r.stdout)).not.toThrow();
  });

  it('writes CSV for Swedish Excel: semicolons, decimal commas and a byte-order mark', async () => {
    const r = await cli(['coverage', '--dataset', 'bodies', '--format', 'csv', '--delimiter', 'semicolon', '--bom', '--top', '1']);
    expect(r.stdout.startsWith('\uFEFFcounty;name;municipalityCount;')).toBe(true);
    expect(r.stdout.split('\n')[1]).toMatch(/^01;Stockholms län;26;\d+;26;1;1;/);
    expect((await cli(['coverage', '--dataset', 'bodies', '--format', 'csv', '--delimiter', 'pipe'])).code).toBe(2);
  });

  it('refuses --geography without your own data, and an out-of-range severity', async () => {
    const alone = await cli(['summary', '--geography', dir]);
    expect(alone.code, alone.stderr).toBe(2);
    expect(alone.stderr).toMatch(/ships no dataset: give your own --links/);
    expect((await cli(['gaps', '--dataset', 'bodies', '--min-severity', '7'])).code).toBe(2);
  });

  it('refuses the renamed --kinds of coverage and gaps, naming --partner-kinds', async () => {
    for (const command of ['coverage', 'gaps']) {
      const r = await cli([command, '--dataset', 'bodies', '--kinds=religious']);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`--kinds is now --partner-kinds in samverkan ${command}`));
    }
    // centrality's --kinds is still its actor filter.
    expect((await cli(['centrality', '--dataset', 'bodies', '--kinds', 'municipality', '--measures', 'degree', '--top', '1'])).code).toBe(0);
  });

  it('warns about kinds no actor has, and about an export whose extension says another format', async () => {
    const kinds = await cli(['gaps', '--dataset', 'bodies', '--partner-kinds', 'religous', '--top', '1']);
    expect(kinds.stderr).toMatch(/warning: no actor of kind "religous" in this network \(--partner-kinds\)/);
    const ext = await cli(['export', '--dataset', 'bodies', '--to', 'gexf', '--out', 'x.graphml', '--metrics', 'none'], { cwd: dir });
    expect(ext.stderr).toMatch(/warning: writing GEXF to a \.graphml file/);
  });

  it('explains a file it cannot write, without a stack trace', async () => {
    const r = await cli(['summary', '--dataset', 'bodies', '--out', 'no/such/folder/x.txt'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`cannot write ${join(dir, 'no/such/folder/x.txt')}: its folder does not exist`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('says a file it cannot write in the data\'s language in validate as in the other commands', async () => {
    // A plain graph (ids that are no municipality): the data's language is English, whatever the default country's is.
    writeFileSync(join(dir, 'plain.csv'), 'source,target\nA,B\nB,C\n');
    const out = (command: string) => cli([command, '--links', 'plain.csv', '--out', 'no/such/folder/x.txt'], { cwd: dir, lang: null });
    const [validate, centrality] = [await out('validate'), await out('centrality')];
    const expected = `cannot write ${join(dir, 'no/such/folder/x.txt')}: its folder does not exist`;
    expect(centrality.stderr).toContain(expected);
    expect(validate.stderr).toContain(expected);
  });
});
