import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../cli/helpers.js';
import { coverageByMunicipality, DEFAULT_COUNTRY, evaluateRecommender, loadGeography, loadNetwork, recommendPartners, renderExplorer, renderReport, SWEDEN, swedenGeography, SWEDISH_NAME_RULES } from '../../src/index.js';
import { loadCountry } from '../../src/geo.js';
import { renderMap } from '../../src/report.js';
import { findCounty, findMunicipality } from '../../src/model.js';
import type { Country } from '../../src/model/country.js';
import { countryGeography, countryMapFeatures, defaultGeography } from '../../src/geo.js';

// A second country is a folder of CSVs (and, here, map polygons): nothing Swedish applies to it.
const FOLDER = 'test/fixtures/countries/testland';

describe('a second country from a folder', () => {
  const testland = loadCountry(FOLDER, { name: 'Testland', source: 'made up for the tests' });
  const geo = countryGeography(testland);

  it('is a Country: its geography, polygons and no name rules', () => {
    expect(testland.name).toBe('Testland');
    expect(geo).toBe(countryGeography(testland)); // built once per country
    expect(geo).toMatchObject({ name: 'Testland', source: 'made up for the tests' });
    expect(geo.names).toBeUndefined();
    expect(geo.municipalities.map((m) => m.code)).toEqual(['T1', 'T2', 'T3', 'T4']);
    expect(countryMapFeatures(testland)!.features).toHaveLength(4);
    expect(loadCountry(FOLDER).name).toBe('testland'); // the folder's name by default
  });

  it('does not use the Swedish name rules: `kommun` and `län` are part of a name there', () => {
    expect(findMunicipality(geo, 'ALBY')?.code).toBe('T1');
    expect(findMunicipality(geo, 'Alby kommun')).toBeUndefined();
    expect(findCounty(geo, 'Norra län')?.code).toBe('N');
    expect(findCounty(geo, 'Norra')).toBeUndefined();
    // The same rules as Sweden's, given, do apply.
    const swedishRules = countryGeography(loadCountry(FOLDER, { names: SWEDISH_NAME_RULES }));
    expect(findMunicipality(swedishRules, 'Alby kommun')?.code).toBe('T1');
    expect(findCounty(swedishRules, 'Norra')?.code).toBe('N');
  });

  it('loads a network, analyses it and draws its map with its own data only', () => {
    const net = loadNetwork({
      actors: 'id,name,kind,county\nnorr,Norrförbundet,joint_body,N\n',
      links: 'source,target,kind\nnorr,Alby,member\nnorr,T2,member\nT3,Ekby,agreement\n',
      geography: geo,
    });
    expect(net.geography).toBe(geo);
    expect(net.loadReport!.problems).toEqual([]);
    // Rows are matched by name, which no branch of issue 13 renames.
    const rows = coverageByMunicipality(net);
    expect(rows.map((r) => r.name)).toEqual(['Alby', 'Berga', 'Dalby', 'Ekby']);
    const linked = new Map(rows.map((r) => [findMunicipality(geo, r.name)!.code, r.municipalityTies]));
    expect(linked).toEqual(new Map([['T1', 1], ['T2', 1], ['T3', 1], ['T4', 1]]));

    const svg = renderMap({ features: countryMapFeatures(testland)!, geography: geo, values: linked, domain: [0, 2] });
    expect([...svg.matchAll(/data-code="([^"]+)"/g)].map((m) => m[1])).toEqual(['T1', 'T2', 'T3', 'T4']);
    expect(svg).toContain('<title>Alby (Norra län): 1</title>');
    expect(svg).not.toMatch(/0180|Stockholm/);
    // Without `features`, its map draws its country's polygons, which its geography keeps; not Sweden's.
    expect(renderMap({ geography: geo, values: linked, domain: [0, 2] })).toBe(svg);
    // A geography read alone (no country) has none: its map is refused rather than drawn with another country's.
    const alone = loadGeography(FOLDER, { name: 'Testland' });
    expect(alone.mapFeatures).toBeUndefined();
    expect(() => renderMap({ geography: alone, values: linked })).toThrow(
      'renderMap: option features: the Testland geography has no map polygons of its own (its country ships none); pass `features`: GeoJSON with a `code` property per municipality',
    );
    // A geography with no language of its own: the report and the explorer both speak English, not the default country's Swedish.
    expect(renderReport(net, { suggestions: 0 })).toMatch(/^<!doctype html>\n<html lang="en">/i);
    expect(renderExplorer(net, { suggestions: 0, features: countryMapFeatures(testland)! })).toMatch(/^<!doctype html>\n<html lang="en">/i);
  });

  it('makes its report, explorer and suggestions with nothing of Sweden: its own polygons, no borrowed model', () => {
    const net = loadNetwork({
      actors: 'id,name,kind,county\nnorr,Norrförbundet,joint_body,N\n',
      links: 'source,target,kind\nnorr,Alby,member\nnorr,T2,member\nT3,Ekby,agreement\n',
      geography: geo,
    });
    const swedish = /0180|2480|Stockholm|Sverige|Sweden|kommun/;
    const codes = (html: string) => [...new Set([...html.matchAll(/data-code="([^"]+)"/g)].map((m) => m[1]))].sort();
    const warnings: string[] = [];
    const onWarning = (w: string | Error) => warnings.push(String(w));
    process.on('warning', onWarning);
    try {
      const report = renderReport(net);
      expect(codes(report)).toEqual(['T1', 'T2', 'T3', 'T4']);
      expect(report).not.toMatch(swedish);
      expect(report).not.toContain('No maps');
      const explorer = renderExplorer(net);
      expect(codes(explorer)).toEqual(['T1', 'T2', 'T3', 'T4']);
      expect(explorer).not.toMatch(swedish);
      // Testland ships no recommender: the hand-weighted scorer answers, Sweden's model is not used (it would warn).
      const rows = recommendPartners(net, 'Dalby', { onWarning: (w) => warnings.push(w) });
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => ['T1', 'T2', 'T3', 'T4'].includes(r.candidate))).toBe(true);
      expect(() => recommendPartners(net, 'Dalby', { scorer: 'model' })).toThrow(/option model: the Testland geography has no fitted recommender of its own/);
      expect(evaluateRecommender(net, { repeats: 1 }).map((r) => r.method)).not.toContain('samverkan');
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings).toEqual([]);
  });

  it('reads organisation types with its own words (its kinds.csv), not Sweden\'s', () => {
    expect(geo.kinds).toEqual([
      { word: 'zelvo', kind: 'religious' },
      { word: 'zelvos', kind: 'religious' },
      { word: 'brakka', kind: 'civil_society' },
      { word: 'tumbe', kind: 'authority' },
      { word: 'norrlag', kind: 'joint_body' },
    ]);
    const actors = 'id,name,kind,municipality\nz,Zelvo of Alby,Zelvo,T1\nb,Brakka of Berga,Brakka,T2\nk,Kyrkan,Trossamfund,T2\nf,Fellowship,Faith community,T3\n';
    const links = 'source,target\nT1,z\nT2,b\nT2,k\nT3,f\nT1,T2\n';
    const net = loadNetwork({ actors, links, geography: geo });
    expect(Object.fromEntries(net.actors().filter((a) => a.kind !== 'municipality').map((a) => [a.id, a.kind]))).toEqual({ z: 'religious', b: 'civil_society', k: 'trossamfund', f: 'religious' });
    const unknown = net.loadReport!.problems.filter((p) => p.severity === 'warning' && /not in samverkan's vocabulary/.test(p.reason));
    expect(unknown.map((p) => p.value)).toEqual(['Trossamfund']);
    // Options read the network's words too: Zelvo is religious in Testland, Trossamfund is refused there.
    expect(coverageByMunicipality(net, { partnerKinds: ['Zelvo'] })).toEqual(coverageByMunicipality(net, { partnerKinds: ['religious'] }));
    expect(() => coverageByMunicipality(net, { partnerKinds: ['Trossamfund'] })).toThrow(/option partnerKinds\.0: not a kind the Testland geography knows/);
    // And in Sweden, Testland's words are nobody's: Zelvo is a kind of its own, Trossamfund religious.
    const sweden = loadNetwork({ actors: 'id,name,kind,municipality\nz,Z,Zelvo,0180\nk,K,Trossamfund,0180\n', links: 'source,target\nz,k\n' });
    expect(net.geography.kinds).not.toEqual(sweden.geography.kinds);
    expect(sweden.actors().filter((a) => a.kind !== 'municipality').map((a) => a.kind)).toEqual(['zelvo', 'religious']);
  });

  it('refuses a kinds.csv row without a kind, naming file, row and column', () => {
    const dir = mkdtempSync(join(tmpdir(), 'samverkan-kinds-'));
    for (const name of ['municipalities.csv', 'counties.csv', 'adjacency.csv']) writeFileSync(join(dir, name), readFileSync(join(FOLDER, name)));
    writeFileSync(join(dir, 'kinds.csv'), 'word,kind\nzelvo,religious\nbrakka,\n');
    expect(() => countryGeography(loadCountry(dir))).toThrow(/kinds\.csv, row 3, column kind: the kind is empty/);
  });

  it('leaves the default country as it is: Sweden, with its name rules', () => {
    expect(DEFAULT_COUNTRY).toBe(SWEDEN);
    expect(defaultGeography()).toBe(swedenGeography());
    expect(swedenGeography().names).toEqual(SWEDISH_NAME_RULES);
    expect(findMunicipality(swedenGeography(), 'Umeå kommun')?.code).toBe('2480');
  });

  it('the CLI reads the folder as a country: --geography DIR draws its own polygons', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'samverkan-country-'));
    writeFileSync(join(dir, 'links.csv'), 'source,target\nAlby,Berga\nT3,T4\n');
    const r = await cli(['map', '--geography', resolve(FOLDER), '--links', 'links.csv', '--metric', 'linked'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect([...r.stdout.matchAll(/data-code="([^"]+)"/g)].map((m) => m[1])).toEqual(['T1', 'T2', 'T3', 'T4']);
    // Its kinds file is its vocabulary: a Swedish word given to a flag is refused, naming the flag (exit 2).
    const swedish = await cli(['gaps', '--geography', resolve(FOLDER), '--links', 'links.csv', '--partner-kinds', 'Trossamfund', '--lang', 'en'], { cwd: dir });
    expect(swedish.code).toBe(2);
    expect(swedish.stderr).toMatch(/--partner-kinds: not a kind the testland geography knows; known kinds: municipality, county, authority/);
    expect((await cli(['gaps', '--geography', resolve(FOLDER), '--links', 'links.csv', '--partner-kinds', 'Zelvo', '--lang', 'en'], { cwd: dir })).code).toBe(0);
    // A shipped country is found by its name, without case.
    const named = await cli(['summary', '--geography', 'SWEDEN', '--links', 'links.csv', '--format', 'json'], { cwd: dir });
    expect(named.code, named.stderr).toBe(1); // Alby is not a Swedish municipality: Sweden's geography was used
    expect(named.stderr).toMatch(/Alby/);
  });
});

describe('--dataset offers the datasets of the country in use', () => {
  const folder = resolve(FOLDER);

  it('a country without datasets: --geography alone or with --dataset is refused, naming it', async () => {
    const alone = await cli(['summary', '--geography', folder]);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain('samverkan: testland ships no dataset: give your own --links (or --actors, or --graph)');
    const named = await cli(['summary', '--geography', folder, '--dataset', 'demo']);
    expect(named.code).toBe(2);
    expect(named.stderr).toContain('unknown dataset "demo": not one of the datasets of testland');
    expect(named.stderr).not.toMatch(/bodies/);
    const sv = await cli(['summary', '--geography', folder, '--dataset', 'demo', '--lang', 'sv']);
    expect(sv.stderr).toContain('okänd datamängd "demo": inte en av datamängderna för testland');
  });

  it('the help lists the datasets of the country --geography names', async () => {
    const own = (await cli(['summary', '--geography', folder, '--help'])).stdout;
    expect(own).toMatch(/--dataset NAME\s+an\s+embedded\s+dataset\s+of\s+the\s+country\s+\(--geography,\s+else\s+the\s+default\):\s+none\s+\(testland\s+ships\s+none\)\n/);
    const sweden = (await cli(['summary', '--help'])).stdout;
    expect(sweden).toMatch(/--dataset NAME\s+an\s+embedded\s+dataset\s+of\s+the\s+country[^]*?:\s+demo,\s+the\s+embedded\s+demo\s+dataset\s+\(synthetic\);\s+bodies,\s+[^]*?\(default\s+demo\)\n/);
    expect((await cli(['summary', '--geography', 'sweden', '--help'])).stdout).toBe(sweden);
  });

  it("reads a country's own datasets, over its geography", async () => {
    const { flagHelp } = await import('../../src/cli/flags.js');
    const { INPUT_FLAGS } = await import('../../src/cli/input.js');
    const withData: Country = { ...loadCountry(FOLDER, { name: 'Testland' }), datasets: { alpha: { description: { en: 'the alpha set', sv: 'alfamängden' }, input: () => ({ actors: [], links: [] }) } } };
    expect(flagHelp('dataset', INPUT_FLAGS.dataset, 'en', withData)).toMatch(/: alpha, the alpha set \(default\s+alpha\)$/);
    expect(flagHelp('dataset', INPUT_FLAGS.dataset, 'sv', withData)).toMatch(/: alpha, alfamängden \(standard\s+alpha\)$/);
    // Sweden's, named: loaded over Sweden given, as a folder's data would be.
    const r = await cli(['summary', '--geography', 'sweden', '--dataset', 'bodies', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).at(-1).county).toBe('total');
  });
});

describe('a country file that cannot be read', () => {
  it('is a CountryError naming the file, said in English and Swedish', async () => {
    const { cpSync, mkdirSync, rmSync } = await import('node:fs');
    const folder = join(mkdtempSync(join(tmpdir(), 'samverkan-country-')), 'land');
    cpSync(FOLDER, folder, { recursive: true });
    const polygons = join(folder, 'municipalities.geojson');
    rmSync(polygons);
    mkdirSync(polygons); // there, but a folder: it cannot be read as a file
    let error: unknown;
    try {
      loadCountry(folder);
    } catch (e) {
      error = e;
    }
    const { CountryError } = await import('../../src/io/country.js');
    expect(error).toBeInstanceOf(CountryError);
    const e = error as InstanceType<typeof CountryError>;
    expect(e).toMatchObject({ code: 'COUNTRY', file: polygons });
    expect(e.message).toBe(`${polygons}: this is a folder, not a file`);
    expect(e.describe('en')).toBe(`${polygons}: this is a folder, not a file`);
    expect(e.describe('sv')).toBe(`${polygons}: detta är en mapp, inte en fil`);
  });
});
