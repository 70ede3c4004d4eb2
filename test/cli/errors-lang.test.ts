/**
 * Errors that were plain `Error`s, as a CLI user meets them (issues 13 and
 * 15): Swedish by default on Swedish data, English with `--lang en`; a
 * value a flag set is bad usage naming the flag (exit 2), what the data
 * cannot do is exit 1, with the message alone (no "--debug" line).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultRecommender } from '../../src/recommend.js';
import { tmpDir } from '../helpers/files.js';
import { cli } from './helpers.js';

const lastLine = (text: string) => text.trimEnd().split('\n').at(-1)!;

/** Runs `args` in Swedish (the default) and with --lang en: both exit `code` and end with `samverkan: ` and the sentence; returns the English run. */
async function saysInBoth(args: string[], cwd: string | undefined, code: number, sv: string, en: string) {
  const swedish = await cli(args, { ...(cwd && { cwd }), lang: null });
  expect(swedish.code).toBe(code);
  expect(lastLine(swedish.stderr)).toBe(`samverkan: ${sv}`);
  const english = await cli(args, cwd ? { cwd } : {});
  expect(english.code).toBe(code);
  expect(lastLine(english.stderr)).toBe(`samverkan: ${en}`);
  return english;
}

describe('errors of the library in the CLI’s language', () => {
  it('an export of ids XML cannot hold: Swedish by default, English with --lang en, exit 1', async () => {
    const dir = tmpDir();
    // U+FFFF is valid UTF-8 (the file is text) but not a character XML 1.0 can hold; the message writes it as its code.
    writeFileSync(join(dir, 'actors.csv'), 'id,name,kind,municipality\na,Alfa,authority,2480\na\uFFFF,Beta,authority,2480\n');
    writeFileSync(join(dir, 'links.csv'), 'source,target\na,2480\n');
    const args = ['export', '--to', 'gexf', '--actors', 'actors.csv', '--links', 'links.csv', '--metrics', 'none', '--out', 'out.gexf'];
    const en = await saysInBoth(
      args,
      dir,
      1,
      'aktörs-id:na "a" och "a\\uffff" skiljer sig bara i tecken som XML inte kan innehålla; byt namn på ett av dem före exporten',
      'actor ids "a" and "a\\uffff" differ only in characters XML cannot hold; rename one before exporting',
    );
    expect(en.stderr).not.toContain('--debug');
  });

  it('recommend --field (and evaluate --methods samverkan_field) with a model that has no field variant is bad usage naming the flag', async () => {
    const dir = tmpDir();
    const { field: _f, ...noField } = defaultRecommender();
    writeFileSync(join(dir, 'model.json'), JSON.stringify(noField));
    const args = ['recommend', '--municipality', 'Bjurholm', '--field', 'fire_rescue', '--model', 'model.json', '--dataset', 'bodies'];
    const sv = await cli(args, { cwd: dir, lang: null });
    expect(sv.code).toBe(2);
    expect(sv.stderr.split('\n')[0]).toBe('samverkan: --field: modellen "sweden-bodies-2026" har ingen variant för verksamhetsområden (den anpassades till grupper utan område), så den kan inte svara för ett område');
    const en = await cli(args, { cwd: dir });
    expect(en.code).toBe(2);
    expect(en.stderr.split('\n')[0]).toBe('samverkan: --field: the model "sweden-bodies-2026" has no field variant (it was fitted on groups without fields), so it cannot answer for one field');
    // evaluate passes --methods on itself (a flag of the command line only): its errors name it too.
    const evaluate = ['evaluate', '--protocol', 'body', '--methods', 'samverkan_field', '--model', 'model.json', '--dataset', 'bodies'];
    const methods = await cli(evaluate, { cwd: dir, lang: null });
    expect(methods.code).toBe(2);
    expect(methods.stderr.split('\n')[0]).toBe('samverkan: --methods: modellen "sweden-bodies-2026" har ingen variant för verksamhetsområden (den anpassades till grupper utan område), så den kan inte svara för ett område');
  });

  it('evaluate --since after every tie or body: what the data cannot answer, exit 1, in both protocols', async () => {
    for (const [protocol, sv, en] of [
      ['body', 'evaluateBodies: ingen grupp som startade efter 2999-01-01 har något fall; välj ett tidigare datum', 'evaluateBodies: no group started after 2999-01-01 has a case; choose an earlier date'],
      ['ties', 'evaluateRecommender: inget kommunband bildades efter 2999-01-01; välj ett tidigare datum', 'evaluateRecommender: no municipality tie was formed after 2999-01-01; choose an earlier date'],
    ]) {
      await saysInBoth(['evaluate', '--protocol', protocol!, '--since', '2999-01-01', '--dataset', 'bodies'], undefined, 1, sv!, en!);
    }
  });

  it('a failure that is not samverkan’s own points to --debug in the CLI’s language', async () => {
    // A bug stands in for one: the command throws a plain Error.
    const { run } = await import('../../src/cli/run.js');
    let stderr = '';
    const io = { stdout: { write: () => true }, stderr: { write: (t: string) => (stderr += t) }, env: { CI: '1' } };
    const { COMMANDS } = await import('../../src/cli/commands/index.js');
    const summary = COMMANDS.find((c) => c.name === 'summary')!;
    const original = summary.run;
    (summary as { run: typeof original }).run = () => {
      throw new Error('boom');
    };
    try {
      expect(await run(['summary', '--dataset', 'demo'], io)).toBe(1);
      expect(stderr).toBe('samverkan: boom\n(kör med --debug för detaljer)\n');
      stderr = '';
      expect(await run(['summary', '--dataset', 'demo', '--lang', 'en'], io)).toBe(1);
      expect(stderr).toBe('samverkan: boom\n(run with --debug for details)\n');
    } finally {
      (summary as { run: typeof original }).run = original;
    }
  });

  it('fit on a network without joint bodies says there is nothing to learn from, exit 1', async () => {
    const dir = tmpDir();
    writeFileSync(join(dir, 'links.csv'), 'source,target\n2480,2460\n');
    const args = ['fit', '--links', 'links.csv', '--ids', 'municipality-codes'];
    await saysInBoth(
      args,
      dir,
      1,
      'fitRecommender: inga fall att lära av: 0 grupper kan döljas, och ingen har en medlem med en medlemskollega som inget annat band förenar den med (ge grupper, eller ett nätverk med gemensamma organ)',
      'fitRecommender: no cases to learn from: 0 groups can be hidden, and none has a member with a co-member that no other tie joins to it (give groups, or a network with joint bodies)',
    );
  });
});
