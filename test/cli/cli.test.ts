import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadNetwork, summaryByCounty, swedenCooperationBodies } from '../../src/index.js';
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

  it('prints --help for a command, with an example', async () => {
    for (const command of ['summary', 'validate']) {
      const r = await cli([command, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^samverkan ${command}`));
      expect(r.stdout).toMatch(/Example:\n {2}samverkan /);
    }
  });

  it('exits 2 with a hint on bad usage', async () => {
    const unknown = await cli(['sumary']);
    expect(unknown).toMatchObject({ code: 2, stdout: '' });
    expect(unknown.stderr).toMatch(/unknown command "sumary"\nhint: commands: /);
    const option = await cli(['summary', '--bogus']);
    expect(option.code).toBe(2);
    expect(option.stderr).toMatch(/hint: see: samverkan summary --help/);
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
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(summaryByCounty(loadNetwork(swedenCooperationBodies())))));
  });

  it('reads semicolon files relative to the working directory and writes --out', async () => {
    const r = await cli(['summary', '--links', 'links.csv', '--format', 'csv', '--out', 'summary.csv'], { cwd: dir });
    expect(r.code).toBe(0);
    const csv = readFileSync(join(dir, 'summary.csv'), 'utf8').split('\n');
    expect(csv[0]).toBe('county,name,municipalities,population,actors,links,crossMunicipalLinks,crossCountyLinks,linkedMunicipalities,isolatedMunicipalities');
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
    const ok = await cli(['validate', '--links', 'links.csv', '--format', 'json'], { cwd: dir });
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
