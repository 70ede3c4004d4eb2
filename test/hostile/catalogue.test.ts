/**
 * Runs the catalogue of hostile inputs (test/hostile/catalogue.ts) through
 * the command line, in-process, each in a fresh folder, and checks its
 * outcome: exit code, message, no stack trace, no internal error, no raw
 * control character, and (through the library) every row accounted for.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadNetwork } from '../../src/index.js';
import { cli } from '../cli/helpers.js';
import { tmpDir } from '../helpers/files.js';
import { CATALOGUE, type HostileCase } from './catalogue.js';

/** Characters that act on a terminal or reorder text; none may reach the output raw. */
const ACTING = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

function prepare(c: HostileCase): string {
  const dir = tmpDir('samverkan-hostile-');
  for (const [name, content] of Object.entries(c.files ?? {})) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  for (const fifo of c.fifos ?? []) execFileSync('mkfifo', [join(dir, fifo)]);
  return dir;
}

/**
 * The catalogue's links files name municipalities by code, as a Swedish
 * analyst's often do: read them so (`--ids municipality-codes`) unless the
 * case says otherwise. Without it a links file alone of integer ids is a
 * plain graph (a case of its own).
 */
function argsOf(c: HostileCase): string[] {
  return c.args.includes('--links') && !c.args.includes('--ids') ? [...c.args, '--ids', 'municipality-codes'] : c.args;
}

/** The load report of the case's input options, through the library (lenient, so nothing throws on bad rows). */
function reportOf(c: HostileCase, dir: string) {
  const option = (name: string) => {
    const i = c.args.indexOf(`--${name}`);
    return i >= 0 ? { path: join(dir, c.args[i + 1]!), name: c.args[i + 1]! } : undefined;
  };
  const [actors, links, graph] = [option('actors'), option('links'), option('graph')];
  const ids = argsOf(c).includes('--ids') ? (argsOf(c)[argsOf(c).indexOf('--ids') + 1] as 'auto' | 'actors' | 'municipality-codes') : undefined;
  return loadNetwork({ ...(actors && { actors }), ...(links && { links }), ...(graph && { graph }) }, { mode: 'lenient', ...(ids && { ids }) }).loadReport!;
}

describe(`the hostile-input catalogue (${CATALOGUE.length} cases)`, () => {
  it('has at least 100 cases, each with its own name', () => {
    expect(CATALOGUE.length).toBeGreaterThanOrEqual(100);
    expect(new Set(CATALOGUE.map((c) => c.name)).size).toBe(CATALOGUE.length);
  });

  it('the README says its size', () => {
    const said = /holds a catalogue of \*\*(\d+) hostile/.exec(readFileSync('README.md', 'utf8'));
    expect(Number(said?.[1])).toBe(CATALOGUE.length);
  });

  for (const c of CATALOGUE) {
    it(c.name, async () => {
      const dir = prepare(c);
      const r = await cli(argsOf(c), { cwd: dir });
      const output = `${r.stdout}\n${r.stderr}`;
      expect(output, 'message').toMatch(c.message);
      expect(r.code, `exit code; stderr: ${r.stderr.slice(0, 400)}`).toBe(c.code);
      if (c.not) expect(output).not.toMatch(c.not);
      expect(output, 'a stack trace').not.toMatch(/\n\s+at .*[:(]\d+:\d+/);
      expect(output, 'an internal error').not.toMatch(/\b(TypeError|RangeError|ReferenceError|SyntaxError|Maximum call stack)\b/);
      expect(output, 'a raw control character').not.toMatch(ACTING);
      if (c.report) {
        const report = reportOf(c, dir);
        for (const f of report.files) expect(f.loaded + f.merged + f.rejected + f.blank, `${f.file} adds up`).toBe(f.rows);
        const file = report.files.find((f) => f.file === c.report!.file && (c.args.includes('--graph') || f.role === (c.args.includes('--actors') && c.report!.file === c.args[c.args.indexOf('--actors') + 1] ? 'actors' : 'links')));
        expect(file, `a report for ${c.report.file}`).toBeDefined();
        const { file: _name, ...counts } = c.report;
        expect(file).toMatchObject({ loaded: 0, merged: 0, rejected: 0, blank: 0, ...counts });
      }
    });
  }
});
