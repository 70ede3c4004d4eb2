import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'samverkan-explore-cli-'));
writeFileSync(join(dir, 'links.csv'), 'source,target,kind,since\nUmeå,Vännäs,agreement,2015-01-01\nUmeå,Skellefteå,project,2019-03-01\n');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('samverkan explore', () => {
  it('writes the explorer for the area of the data, in Swedish by default', async () => {
    const r = await cli(['explore', '--links', 'links.csv', '--out', 'e.html'], { cwd: dir });
    expect(r.stderr).toMatch(/^samverkan: the data covers Västerbottens län/);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Explorer for .*: 15 municipalities\n/);
    expect(r.stdout).toContain(`Wrote ${join(dir, 'e.html')}`);
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
    const r = await cli(['explore', '--links', 'links.csv', '--lang', 'de'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--lang must be one of sv, en/);
  });

  it('has help with an example', async () => {
    const r = await cli(['explore', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/samverkan explore --county/);
  });
});
