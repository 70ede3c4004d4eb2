import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { GapsOptionsSchema } from '../../src/analysis/gaps.js';
import { COMMANDS } from '../../src/cli/commands/index.js';
import { UsageError } from '../../src/cli/context.js';
import { cliFlag, convertFlags, flagHelp, flagOfOption, libraryFlag, optionsOf, parseArgsOptions } from '../../src/cli/flags.js';
import { CATALOGUES, LANGUAGES } from '../../src/model/i18n/index.js';
import { cli } from './helpers.js';

describe('flag tables', () => {
  const table = {
    small: libraryFlag(GapsOptionsSchema, 'smallPopulation', { value: 'N', help: 'population below which a municipality is small' }),
    type: libraryFlag(GapsOptionsSchema, 'types', { value: 'LIST', help: 'only these gap types' }),
    top: cliFlag({ type: 'integer', min: 1, value: 'N', help: 'keep the first N rows' }),
    level: cliFlag({ type: 'choice', choices: ['county', 'municipality'], value: 'NAME', help: 'the rows', default: 'county' }),
    quiet: cliFlag({ type: 'boolean', short: 'q', help: 'say less' }),
  };

  it('give parseArgs its options: booleans as booleans, every other flag as a string', () => {
    expect(parseArgsOptions(table)).toEqual({ small: { type: 'string' }, type: { type: 'string' }, top: { type: 'string' }, level: { type: 'string' }, quiet: { type: 'boolean', short: 'q' } });
  });

  it('convert by the type the schema gives, and map flags to library options', () => {
    const flags = convertFlags(table, { small: '5000', type: 'isolated_municipality, fragmented_county', top: '3', quiet: true }, 'en');
    expect({ ...flags }).toEqual({ small: 5000, type: ['isolated_municipality', 'fragmented_county'], top: 3, quiet: true });
    // Only the flags that name a library option, under that option's name.
    expect(optionsOf(table, flags)).toEqual({ smallPopulation: 5000, types: ['isolated_municipality', 'fragmented_county'] });
    expect(flagOfOption(table, 'smallPopulation')).toBe('--small');
    expect(flagOfOption(table, 'types.0')).toBe('--type');
    expect(flagOfOption(table, 'partnerKinds')).toBeUndefined();
  });

  it('refuse a bad value naming the flag: conversion, choices from the enum, and the option’s own schema', () => {
    const refused = (values: Record<string, string>) => {
      try {
        convertFlags(table, values, 'en');
      } catch (error) {
        expect(error).toBeInstanceOf(UsageError);
        return (error as UsageError).message;
      }
      throw new Error('not refused');
    };
    expect(refused({ top: '0' })).toBe('--top needs a whole number ≥ 1, got "0"');
    expect(refused({ top: '2.5' })).toBe('--top needs a whole number ≥ 1, got "2.5"');
    expect(refused({ small: 'many' })).toBe('--small needs a number, got "many"');
    expect(refused({ small: '-5' })).toBe('--small: Too small: expected number to be >=0, got a number (-5)');
    expect(refused({ type: 'boring' })).toBe('--type: unknown value "boring"');
    expect(refused({ type: ' , ' })).toBe('--type needs a comma-separated list');
    expect(refused({ level: 'country' })).toBe('--level must be one of county, municipality, got "country"; did you mean "county"?');
    // In Swedish too.
    expect(() => convertFlags(table, { top: '0' }, 'sv')).toThrow('--top kräver ett heltal ≥ 1, fick "0"');
  });

  it('print the help line with the choices of an enum and the default of the schema', () => {
    expect(flagHelp('small', table.small, 'en')).toBe('  --small N           population below which a municipality is small (default\n                      15000)');
    expect(flagHelp('small', table.small, 'sv')).toMatch(/\(standard\n\s+15000\)$/);
    expect(flagHelp('level', table.level, 'en')).toBe('  --level NAME        the rows (county | municipality; default county)');
    expect(flagHelp('quiet', table.quiet, 'en')).toBe('  --quiet, -q         say less');
    // A schema default that changes changes the help: it is read, not written twice.
    const other = libraryFlag(z.strictObject({ n: z.number().default(7) }), 'n', { value: 'N', help: 'a number' });
    expect(flagHelp('n', other, 'en')).toBe('  --n N               a number (default 7)');
    // A help line from the catalogue, in each language; a key it lacks is an error, not printed.
    const keyed = cliFlag({ type: 'string', value: 'FILE', help: 'cli.flag.actors' });
    expect(flagHelp('actors', keyed, 'sv')).toBe('  --actors FIL        aktörer som CSV (id, namn, typ, kommun, län, …)');
    expect(flagHelp('actors', keyed, 'en')).toBe('  --actors FILE       actors CSV (id, name, kind, municipality, county, …)');
    // A placeholder's words are said in the language; letters are kept.
    const listed = cliFlag({ type: 'string', value: 'C[,C…] DATE', help: 'cli.flag.county' });
    expect(flagHelp('county', listed, 'sv').startsWith('  --county C[,C…] DATUM ')).toBe(true);
    expect(flagHelp('county', listed, 'en').startsWith('  --county C[,C…] DATE ')).toBe(true);
    expect(() => flagHelp('x', cliFlag({ type: 'string', help: 'cli.flag.nothing' }), 'en')).toThrow(/no message "cli.flag.nothing"/);
  });
});

describe('every command on the flag tables', () => {
  it('prints its help in Swedish and in English, with every flag and no missing message', async () => {
    for (const command of COMMANDS) {
      for (const lang of LANGUAGES) {
        const r = await cli([command.name, '--help', '--lang', lang]);
        expect(r.code, `${command.name} --lang ${lang}`).toBe(0);
        expect(r.stdout).toMatch(new RegExp(`^samverkan ${command.name} `));
        expect(r.stdout, `${command.name} --lang ${lang}`).toContain(`\n\n${lang === 'sv' ? 'Exempel' : 'Example'}:\n  samverkan ${command.name}`);
        // The summary line of the catalogue, and a line for every flag the command takes.
        expect(r.stdout).toContain(CATALOGUES[lang][`cli.summary.${command.name}` as keyof (typeof CATALOGUES)['en']].slice(1, 30));
        for (const flag of Object.keys(command.options)) expect(r.stdout, `${command.name} --${flag}`).toMatch(new RegExp(`\\n  --${flag}[ ,]`));
        expect(r.stdout).not.toMatch(/\{\w+\}|undefined|\bcli\.\w/);
        // Swedish help names its placeholders in Swedish (FIL, DATUM), not as the English help does.
        if (lang === 'sv') expect(r.stdout, command.name).not.toMatch(/\b(FILE|DATE|DIR|NAME|LIST|COLUMN|FIELD|KIND|METHOD|CODE|LANG|HOW|WHAT)\b|standard output/);
      }
      const sv = (await cli([command.name, '--help'], { lang: null })).stdout;
      expect(sv, `${command.name}: Swedish by default`).toContain('Exempel:');
      expect(sv).toBe((await cli([command.name, '--help', '--lang', 'sv'])).stdout);
    }
  });

  it('prints the main help in either language, Swedish by default', async () => {
    const en = await cli(['--help', '--lang', 'en']);
    const sv = await cli(['--help'], { lang: null });
    expect(en.stdout).toMatch(/^samverkan: analyse cross-municipal cooperation networks\n\nUsage: samverkan <command> \[options\]/);
    expect(sv.stdout).toMatch(/^samverkan: analysera samverkan mellan kommuner\n\nAnvändning: samverkan <kommando> \[flaggor\]/);
    expect(sv.stdout).toContain('  gaps             isolerade kommuner, saknade partner, sårbara punkter …');
    // --lang before the command, or alone with --help.
    expect((await cli(['--lang', 'en', '--help'])).stdout).toBe(en.stdout);
    expect((await cli(['--lang=sv', 'summary', '--help'])).stdout).toBe((await cli(['summary', '--help', '--lang', 'sv'])).stdout);
  });

  it('refuses an unknown language on every command, naming the flag, exit 2', async () => {
    for (const command of COMMANDS) {
      const r = await cli([command.name, '--lang', 'xx', '--dataset', 'demo']);
      expect(r, command.name).toMatchObject({ code: 2, stdout: '' });
      expect(r.stderr).toMatch(/^samverkan: --lang måste vara ett av sv, en, fick "xx"\ntips: --lang sv \(svenska\) eller --lang en \(engelska\)\n$/);
    }
    expect((await cli(['--help', '--lang', 'de'])).code).toBe(2);
    expect((await cli(['summary', '--lang'])).stderr).toMatch(/^samverkan: --lang kräver ett värde/);
  });

  it('says its notes and usage errors in the data’s language, or the one asked for', async () => {
    const sv = await cli(['summary', '--format', 'json', '--top', '1'], { lang: null });
    // summary counts the demo's synthetic capabilities too, and says so.
    expect(sv.stderr).toBe('samverkan: ingen indata angiven; använder det inbäddade demodatasetet (syntetiskt)\nsamverkan: med demodatasetets syntetiska förmågor (inte verkliga uppgifter) (--capabilities FIL för egna, --capabilities none för inga)\n');
    const en = await cli(['summary', '--format', 'json', '--top', '1'], { lang: 'en' });
    expect(en.stderr).toBe('samverkan: no input given; using the embedded demo dataset (synthetic)\nsamverkan: with the demo dataset’s synthetic capabilities (not real data) (--capabilities FILE for your own, --capabilities none for none)\n');
    expect(en.stdout).toBe(sv.stdout);
    const bad = await cli(['gaps', '--dataset', 'demo', '--min-severity', '0'], { lang: null });
    expect(bad).toMatchObject({ code: 2, stderr: 'samverkan: --min-severity kräver ett heltal ≥ 1, fick "0"\ntips: se: samverkan gaps --help\n' });
    // A plain graph has no geography, so no language of its own: English.
    const dir = mkdtempSync(join(tmpdir(), 'samverkan-flags-'));
    writeFileSync(join(dir, 'links.csv'), 'source,target\n1,2\n2,3\n');
    const plain = await cli(['centrality', '--links', 'links.csv', '--measures', 'degree', '--format', 'json'], { cwd: dir, lang: null });
    expect(plain.code).toBe(0);
    expect(plain.stderr).toMatch(/^samverkan: the input names no municipality, so it is read as a plain graph/);
  });
});
