/**
 * Option errors in both languages (issue 15): a refused option is said in
 * English exactly as before (zod's own message, the library's check) and in
 * Swedish from the catalogue, through the API (`describe(lang)`,
 * `reasonIn(lang)`) and the CLI.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { issueReason, OptionsError, parseOptions, ProgressSchema, SampleCountSchema, KindListSchema, refusal } from '../../src/model/options.js';
import { loadNetwork } from '../../src/io/load/index.js';
import { demoDataset } from '../../src/io/sweden.js';
import { coverageByCounty } from '../../src/analysis/coverage.js';
import { renderMap } from '../../src/report/map/render.js';
import { cli } from '../cli/helpers.js';

/** English words of zod's messages: a Swedish text that has one has fallen back to zod's English. */
const ZOD_ENGLISH = /\b(Too small|Too big|Invalid|expected|received|option|input|number|string|array)\b/;

/** The first issue of a schema's refusal of `value`. */
function issueOf(schema: z.ZodType, value: unknown) {
  const result = schema.safeParse(value);
  if (result.success) throw new Error(`expected ${JSON.stringify(value)} to be refused`);
  return result.error.issues[0]!;
}

// zod's built-in checks, one per kind of issue the option schemas raise.
const ZOD_CASES: [string, z.ZodType, unknown][] = [
  ['too_small, number', z.number().min(0), -5],
  ['too_small, exclusive', z.number().positive(), 0],
  ['too_big, number', z.number().max(1), 2],
  ['too_small, array', z.array(z.string()).min(1), []],
  ['too_big, array', z.array(z.string()).max(1), ['a', 'b']],
  ['too_small, string', z.string().min(2), 'a'],
  ['invalid_type', z.number(), 'x'],
  ['invalid_type, array', z.array(z.number()), 3],
  ['invalid_value, one', z.literal('a'), 'b'],
  ['invalid_value, many', z.enum(['strict', 'lenient']), 'strickt'],
  ['not_multiple_of', z.number().multipleOf(5), 3],
  ['invalid_union', z.union([z.string(), z.number()]), true],
];

/** The OptionsError `f` throws (the test fails when it throws none, or another error). */
function refusedBy(f: () => unknown): OptionsError {
  try {
    f();
  } catch (error) {
    expect(error).toBeInstanceOf(OptionsError);
    return error as OptionsError;
  }
  throw new Error('expected an OptionsError');
}

describe("zod's issues in both languages", () => {
  it.each(ZOD_CASES)('%s: English is zod\'s message, Swedish is the catalogue\'s, without English', (_name, schema, value) => {
    const issue = issueOf(schema, value);
    const en = issueReason(issue, value, 'en');
    const sv = issueReason(issue, value, 'sv');
    // zod's own message (independent of samverkan) opens the English reason; a "got" may follow.
    expect(en.startsWith(issue.message)).toBe(true);
    // Swedish falls back to zod's English text when the catalogue's rendering does not reproduce zod's message.
    expect(sv).not.toMatch(ZOD_ENGLISH);
    expect(sv).not.toContain(issue.message);
    expect(sv).toMatch(/fick|inget värde/);
  });

  it('a message the catalogue does not know is kept, marked, in Swedish', () => {
    const issue = issueOf(z.number().refine((n) => n > 10, 'must exceed ten'), 3);
    expect(issueReason(issue, 3, 'en')).toBe('must exceed ten, got a number (3)');
    expect(issueReason(issue, 3, 'sv')).toBe('ogiltigt värde (must exceed ten), fick talet 3');
  });

  it('a did-you-mean for a word among choices is in the language', () => {
    const issue = issueOf(z.enum(['strict', 'lenient']), 'strickt');
    expect(issueReason(issue, 'strickt', 'en')).toMatch(/did you mean "strict"\?/);
    expect(issueReason(issue, 'strickt', 'sv')).toMatch(/menade du "strict"\?/);
  });
});

describe('the library\'s own checks in both languages', () => {
  it('a refusal keeps its English message and reason, and says itself in Swedish', () => {
    const error = refusedBy(() => parseOptions(z.strictObject({ onProgress: ProgressSchema }), { onProgress: 3 }, 'f'));
    expect(error.message).toBe('f: option onProgress: expected a function, got a number (3)');
    expect(error.reason).toBe('expected a function, got a number (3)');
    expect(error.reasonIn('en')).toBe('expected a function, got a number (3)');
    expect(error.describe('en')).toBe('f: option onProgress: expected a function, got a number (3)');
    expect(error.reasonIn('sv')).toBe('väntade en funktion, fick talet 3');
    expect(error.describe('sv')).toBe('f: alternativet onProgress: väntade en funktion, fick talet 3');
  });

  it('a count-or-word option says one sentence for every wrong value, in each language', () => {
    for (const value of [0, 0.5, -1, 'x']) {
      const issue = issueOf(SampleCountSchema, value);
      expect(issueReason(issue, value, 'en')).toMatch(/^expected a positive integer, 'auto' or 'exact', got /);
      expect(issueReason(issue, value, 'sv')).toMatch(/^väntade ett positivt heltal, 'auto' eller 'exact', fick /);
    }
  });

  it('a kind the geography does not know is refused in the language, naming the geography by its name there', () => {
    const net = loadNetwork(demoDataset());
    const error = refusedBy(() => coverageByCounty(net, { partnerKinds: ['Myndigheten'] }));
    expect(error.option).toBe('partnerKinds.0');
    expect(error.reason).toMatch(/^not a kind the Sweden geography knows/);
    const sv = error.reasonIn('sv');
    expect(sv).toMatch(/^inte en aktörstyp som geografin Sverige känner till/);
    expect(sv).not.toMatch(/\b(not a kind|known kinds|closest)\b/);
  });

  it('refusal gives zod the English text and the sentence as data', () => {
    const r = refusal('options.nodeTwice');
    expect(r.message).toBe('names a node twice');
    expect(r.params.said('sv')).toBe('nämner en nod två gånger');
    expect(r.params.said('en')).toBe('names a node twice');
    const issue = issueOf(z.array(z.string()).refine((a) => new Set(a).size === a.length, refusal('options.nodeTwice')), ['a', 'a']);
    expect(issueReason(issue, ['a', 'a'], 'sv')).toMatch(/^nämner en nod två gånger\b/);
    expect(issueReason(issue, ['a', 'a'], 'en')).toMatch(/^names a node twice\b/);
  });

  it('a kind list with no letter in a word is refused in the language', () => {
    const issue = issueOf(KindListSchema, ['!!']);
    expect(issueReason(issue, '!!', 'en')).toMatch(/^a kind needs a letter or a digit/);
    expect(issueReason(issue, '!!', 'sv')).not.toMatch(/\ba kind\b/);
  });
});

describe('the CLI says a refused flag value in its language', () => {
  it('gaps --small=-5 in Swedish: the flag, the bound, the value, no English', async () => {
    const r = await cli(['gaps', '--dataset', 'demo', '--small=-5', '--lang', 'sv']);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    const first = r.stderr.split('\n')[0]!;
    expect(first).toBe('samverkan: --small: för litet: talet ska vara minst 0, fick talet -5');
  });

  it('an option the library refuses after the flags are read (--l2 cv with --model) in Swedish', async () => {
    const model = join(mkdtempSync(join(tmpdir(), 'samverkan-l2-')), 'model.json');
    expect((await cli(['fit', '--dataset', 'demo', '--out', model])).code).toBe(0);
    const r = await cli(['evaluate', '--protocol', 'body', '--model', model, '--l2', 'cv', '--lang', 'sv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--l2: l2 är ett alternativ för omanpassningen/);
    expect(r.stderr).not.toMatch(/\bof the refit\b/);
  });

  it('an infinite number is named as zod names it, in Swedish too', () => {
    const error = refusedBy(() => parseOptions(z.strictObject({ name: z.string() }), { name: Infinity }, 'f'));
    expect(error.reason).toMatch(/^Invalid input: expected string, received Infinity\b/);
    expect(error.reasonIn('sv')).toMatch(/^fel sorts värde: väntade en text, fick Infinity\b/);
    expect(error.reasonIn('sv')).not.toContain('ett tal');
  });

  it("a map's categories that miss a value are refused in the language", () => {
    const values = new Map([['2480', 0.5], ['0180', 2]]);
    const error = refusedBy(() => renderMap({ values, scale: 'categorical', categories: [{ value: 0.5, label: 'half' }] }));
    expect(error.option).toBe('categories');
    expect(error.describe('en')).toBe('renderMap: option categories: has no category for the value 2 (the categories: 0.5)');
    expect(error.describe('sv')).toBe('renderMap: alternativet categories: saknar en kategori för värdet 2 (kategorierna: 0.5)');
  });
});
