import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'samverkan-explore-cli-'));
writeFileSync(join(dir, 'links.csv'), 'source,target,kind,since\nUmeå,Vännäs,agreement,2015-01-01\nUmeå,Skellefteå,project,2019-03-01\n');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('samverkan explore', () => {
  it('writes the explorer for the area of the data, in Swedish by default', async () => {
    // No --lang: the data's language, Swedish, for the explorer and for the command's own messages.
    const r = await cli(['explore', '--links', 'links.csv', '--out', 'e.html'], { cwd: dir, lang: null });
    expect(r.stderr).toMatch(/^samverkan: datan omfattar Västerbottens län/);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Utforskare för .*: 15 kommuner\n/);
    expect(r.stdout).toContain(`Skrev ${join(dir, 'e.html')}`);
    const html = readFileSync(join(dir, 'e.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>\n<html lang="sv">/);
    expect(html.match(/class="municipality"/g)).toHaveLength(15);
    expect(html).toContain('Samverkansutforskaren');
  });

  it('takes --lang, --title, --suggestions and --quiet', async () => {
    const r = await cli(['explore', '--links', 'links.csv', '--out', 'en.html', '--lang', 'en', '--title', 'Västerbotten <3', '--suggestions', '0', '--quiet'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${join(dir, 'en.html')}\n`);
    const html = readFileSync(join(dir, 'en.html'), 'utf8');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<title>Västerbotten &lt;3</title>');
    expect(html).toContain('"suggestions":{}');
  });

  it('refuses an unknown language', async () => {
    // Said in the default language (Swedish for the embedded data's country), naming the flag and the languages.
    const r = await cli(['explore', '--links', 'links.csv', '--lang', 'de'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^samverkan: --lang måste vara ett av sv, en, fick "de"\ntips: --lang sv \(svenska\) eller --lang en \(engelska\)\n$/);
  });

  it('has help with an example', async () => {
    const r = await cli(['explore', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/samverkan explore --county/);
  });
});

describe('samverkan explore with another country', () => {
  it('draws the polygons of a --geography folder, and says what to do when none fit', async () => {
    writeFileSync(join(dir, 'testland.csv'), 'source,target,kind\nAlby,Berga,agreement\nT3,T4,project\n');
    const r = await cli(['explore', '--geography', resolve('test/fixtures/countries/testland'), '--links', 'testland.csv', '--out', 't.html', '--lang', 'en', '--suggestions', '0'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(join(dir, 't.html'), 'utf8');
    expect([...html.matchAll(/class="municipality" data-m="\d+" data-code="([^"]+)"/g)].map((m) => m[1])).toEqual(['T1', 'T2', 'T3', 'T4']);
    writeFileSync(join(dir, 'elsewhere.json'), JSON.stringify({ type: 'FeatureCollection', features: [] }));
    const none = await cli(['explore', '--geography', resolve('test/fixtures/countries/testland'), '--links', 'testland.csv', '--features', 'elsewhere.json', '--out', 'n.html'], { cwd: dir });
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/the map polygons cover none of the municipalities of .*; pass `features`/);
  });
});
