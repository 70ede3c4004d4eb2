import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadNetwork, summaryByCounty } from '../../src/index.js';
import { syntheticNetwork } from '../../src/io.js';
import { cli } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'samverkan-generate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('samverkan generate', () => {
  it('writes the folder: a geography, actors and links the other commands read, and an edge list', async () => {
    const r = await cli(['generate', '--links', '3000', '--seed', '4', '--municipalities', '150', '--counties', '9', '--out', 'net'], { cwd: dir });
    expect(r.stderr).toBe(`Wrote ${join(dir, 'net')}: 150 municipalities, 9 counties, ${syntheticNetwork({ links: 3000, seed: 4, municipalities: 150, counties: 9 }).actors.length} actors, 3000 links (seed 4)\n`);
    expect(r).toMatchObject({ code: 0, stdout: '' });
    expect(readdirSync(join(dir, 'net')).sort()).toEqual(['actors.csv', 'adjacency.csv', 'counties.csv', 'edges.txt', 'links.csv', 'municipalities.csv', 'nodes.txt']);
    expect(readFileSync(join(dir, 'net', 'edges.txt'), 'utf8').split('\n')).toHaveLength(3001);

    // The library gives the same network.
    const expected = syntheticNetwork({ links: 3000, seed: 4, municipalities: 150, counties: 9 });
    const loaded = loadNetwork({ geography: join(dir, 'net'), actors: join(dir, 'net', 'actors.csv'), links: join(dir, 'net', 'links.csv') });
    expect(loaded.links.map((l) => `${l.source} ${l.target} ${l.weight}`)).toEqual(expected.links.map((l) => `${l.source} ${l.target} ${l.weight}`));

    // Another command reads it through --geography.
    const summary = await cli(['summary', '--geography', 'net', '--actors', 'net/actors.csv', '--links', 'net/links.csv', '--format', 'json'], { cwd: dir });
    expect(summary.code).toBe(0);
    expect(JSON.parse(summary.stdout)).toEqual(JSON.parse(JSON.stringify(summaryByCounty(loaded))));
  });

  it('writes byte-identical files for the same options, and uses the defaults (seed 1, links / 16 municipalities)', async () => {
    await cli(['generate', '--links', '2000', '--out', 'a'], { cwd: dir });
    const r = await cli(['generate', '--links', '2000', '--seed', '1', '-o', join(dir, 'b')], { cwd: dir });
    expect(r.stderr).toMatch(/: 125 municipalities, 9 counties, \d+ actors, 2000 links \(seed 1\)\n$/);
    for (const file of readdirSync(join(dir, 'a'))) expect(readFileSync(join(dir, 'b', file), 'utf8'), file).toBe(readFileSync(join(dir, 'a', file), 'utf8'));
    const other = await cli(['generate', '--links', '2000', '--seed', '2', '--out', 'c'], { cwd: dir });
    expect(other.code).toBe(0);
    expect(readFileSync(join(dir, 'c', 'links.csv'), 'utf8')).not.toBe(readFileSync(join(dir, 'a', 'links.csv'), 'utf8'));
  });

  it('exits 2 with a hint on bad usage', async () => {
    const cases: [string[], RegExp][] = [
      [['generate', '--out', 'x'], /--links is required/],
      [['generate', '--links', '5000'], /--out is required/],
      [['generate', '--links', 'many', '--out', 'x'], /--links needs a whole number/],
      [['generate', '--links', '500', '--out', 'x'], /--links: .*1000/],
      [['generate', '--links', '5000', '--municipalities', '600', '--out', 'x'], /--municipalities: 600 municipalities need at least 6000 links/],
      [['generate', '--links', '5000', '--municipalities', '30', '--counties', '40', '--out', 'x'], /--counties: more counties/],
    ];
    for (const [args, message] of cases) {
      const r = await cli(args, { cwd: dir });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      if (!args.includes('many')) expect(r.stderr).toMatch(/\nhint: /);
    }
    expect(readdirSync(dir)).not.toContain('x');
    // The checks across options are said in the command's language.
    const sv = await cli(['generate', '--links', '5000', '--municipalities', '600', '--out', 'x', '--lang', 'sv'], { cwd: dir });
    expect(sv.code).toBe(2);
    expect(sv.stderr).toMatch(/--municipalities: 600 kommuner behöver minst 6000 länkar \(10 var\)/);
  });

  it('has help with an example', async () => {
    const r = await cli(['generate', '--help']);
    expect(r.code).toBe(0);
    for (const option of ['--links', '--out', '--seed', '--municipalities', '--counties']) expect(r.stdout).toContain(option);
    expect(r.stdout).toMatch(/Example:\n {2}samverkan generate /);
  });
});
