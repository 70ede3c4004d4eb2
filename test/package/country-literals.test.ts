import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SWEDEN_DEMO_WORDS as W } from '../../src/countries/sweden/demo-words.js';
import { foldKind } from '../../src/model/kinds.js';

// The country seam: Sweden is named in code only in its own folder (comments and docs may say it).
const HOME = 'src/countries/sweden/';
/** Files another branch of issue 13 rewrites (io/load/), whose messages still say `--geography sweden`. */
const PENDING = new Set<string>();

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** The string literals of a line of code: comments, and module paths after `from`, left out. */
function literals(line: string): string[] {
  const trimmed = line.trim();
  if (trimmed.startsWith('//') || trimmed.startsWith('*') || trimmed.startsWith('/*')) return [];
  const code = line.replace(/(^|[^:'"`\\])\/\/.*$/, '$1').replace(/\bfrom\s+'[^']*'/g, '').replace(/\bimport\('[^']*'\)/g, '');
  return [...code.matchAll(/(['"`])(?:\\.|(?!\1).)*\1/g)].map((m) => m[0]);
}

/** Sweden's words for organisation types (its kinds file), folded as the vocabulary matches them. */
const SWEDISH_KIND_WORDS = new Set(
  readFileSync('data/sweden/kinds.csv', 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => foldKind(line.split(',')[0]!)),
);
/** The Swedish catalogue of messages: a language's words, for every country that writes Swedish. */
const SWEDISH_CATALOGUE = 'src/model/i18n/sv/';
/** Words of Sweden's kinds file that another vocabulary of a file shares, meaning something else there. */
const OTHER_VOCABULARIES: Readonly<Record<string, readonly string[]>> = {
  'src/io/columns.ts': ['kommun', 'län', 'lan'], // header names of actors, links and membership files
  'src/io/geography.ts': ['län', 'lan'], // header names of the geography files
  'src/io/capabilities.ts': ['kommun'], // a header name of capability files
  'src/model/capabilities.ts': ['iop'], // an alias of a capability
  'src/model/fields.ts': ['räddningstjänst', 'annat'], // fields of cooperation of the bodies
};
/** Words of Sweden's kinds file that are English words too (`region`, a reason's topic). */
const ENGLISH_TOO = new Set(['region']);

/** The Swedish kind words among the string literals of a file's code, as `file:line: literal`. */
function swedishKindWords(file: string, text: string): string[] {
  const allowed = new Set([...(OTHER_VOCABULARIES[file] ?? []), ...ENGLISH_TOO].map(foldKind));
  const found: string[] = [];
  text.split('\n').forEach((line, i) => {
    for (const literal of literals(line)) {
      const word = foldKind(literal.slice(1, -1));
      if (SWEDISH_KIND_WORDS.has(word) && !allowed.has(word)) found.push(`${file}:${i + 1}: ${literal}`);
    }
  });
  return found;
}

/** The words of the default country's demo words (names and ids they make), three letters or more, English ones aside. */
const DEMO_WORDS = new Set(
  [
    W.policeRegionName(1), W.policeId(W.policeRegionName(1)), W.boardId('01'), W.boardName('X'), W.regionId('01'), W.regionName('X'),
    W.nationalAuthorityId(1), W.nationalAuthorityName(1), W.municipalityName('0001'), W.countyName('01'), W.religiousName(1, 'X'),
    W.associationName(1, 'X'), W.countyBodyName(1, 'X'), W.numberedBody(W.bodyNames[0]!('X'), 2), W.crossBorderBodyName('X', 'Y'),
    ...W.bodyNames.map((name) => name('X')), ...W.civilTopics.map((t) => t.noun),
  ]
    .flatMap((text) => text.toLowerCase().split(/[^\p{L}]+/u))
    .filter((word) => word.length >= 3 && !['region', 'demo'].includes(word)),
);

/** String literals of the generators' code holding a word of the demo words, as `file:line: literal`. */
function demoWordsIn(file: string, text: string): string[] {
  const found: string[] = [];
  text.split('\n').forEach((line, i) => {
    for (const literal of literals(line)) {
      if (literal.toLowerCase().split(/[^\p{L}]+/u).some((word) => DEMO_WORDS.has(word))) found.push(`${file}:${i + 1}: ${literal}`);
    }
  });
  return found;
}

describe('the country seam', () => {
  it('no string literal in src/synthetic/ holds a word of a country\'s demo words: names and ids come through DemoWords', () => {
    expect([...DEMO_WORDS]).toEqual(expect.arrayContaining(['polisregion', 'länsstyrelsen', 'kommun', 'län', 'myndighet', 'trossamfund', 'förening', 'polis', 'lst']));
    const found = files('src/synthetic')
      .map((f) => relative('.', f).replaceAll('\\', '/'))
      .flatMap((file) => demoWordsIn(file, readFileSync(file, 'utf8')));
    expect(found).toEqual([]);
    // The check itself: the literals the scale generator had.
    expect(demoWordsIn('x.ts', "  const name = `Polisregion ${p + 1}`, id = `lst-${code}`; // Kommun")).toEqual(["x.ts:1: `Polisregion ${p + 1}`", 'x.ts:1: `lst-${code}`']);
  });


  it('no string literal outside src/countries/sweden/ names Sweden', () => {
    const found: string[] = [];
    for (const file of files('src').map((f) => relative('.', f).replaceAll('\\', '/'))) {
      if (file.startsWith(HOME) || PENDING.has(file)) continue;
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          for (const literal of literals(line)) if (/sweden/i.test(literal)) found.push(`${file}:${i + 1}: ${literal}`);
        });
    }
    expect(found).toEqual([]);
  });

  it('no string literal outside src/countries/sweden/ is a Swedish word for an organisation type: the words are Sweden\'s kinds file', () => {
    expect(SWEDISH_KIND_WORDS.size).toBeGreaterThan(100);
    const found = files('src')
      .map((f) => relative('.', f).replaceAll('\\', '/'))
      .filter((file) => !file.startsWith(HOME) && !file.startsWith(SWEDISH_CATALOGUE))
      .flatMap((file) => swedishKindWords(file, readFileSync(file, 'utf8')));
    expect(found).toEqual([]);
    // The model reads kinds without a Swedish locale.
    expect(readFileSync('src/model/kinds.ts', 'utf8')).not.toMatch(/toLocaleLowerCase\('sv'\)/);
  });

  it('finds a Swedish kind word when there is one (the check itself)', () => {
    expect(swedishKindWords('src/model/kinds.ts', "  authority: ['myndighet', 'Länsstyrelsen', 'agency'], // polis")).toEqual([
      "src/model/kinds.ts:1: 'myndighet'",
      "src/model/kinds.ts:1: 'Länsstyrelsen'",
    ]);
    expect(swedishKindWords('src/io/columns.ts', "  county: ['county', 'län'],")).toEqual([]);
    expect(swedishKindWords('src/analysis/x.ts', "  county: ['county', 'län'],")).toEqual(["src/analysis/x.ts:1: 'län'"]);
  });

  it('one module says which country is the default: src/countries/default.ts', () => {
    const defining = files('src')
      .map((f) => relative('.', f).replaceAll('\\', '/'))
      .filter((f) => /\bas DEFAULT_COUNTRY\b|\bDEFAULT_COUNTRY\s*[:=]/.test(readFileSync(f, 'utf8')));
    expect(defining).toEqual(['src/countries/default.ts']);
  });

  it('finds a literal when there is one (the check itself)', () => {
    expect(literals("const name = 'Sweden'; // Sweden")).toEqual(["'Sweden'"]);
    expect(literals("import { SWEDEN } from '../countries/sweden/index.js';")).toEqual([]);
    expect(literals(' * Sweden is the default')).toEqual([]);
  });
});

describe('the default country is injected in one place', () => {
  /**
   * Who may import `src/countries/default.ts`: the loaders' default geography
   * (`defaultGeography`, io), the CLI's context (the country of a command
   * without `--geography`) and the root, which exports `DEFAULT_COUNTRY`.
   * The synthetic generator's invented country names its places with the
   * default country's words when none are given (`src/synthetic/country.ts`,
   * the generator's own entry).
   */
  const ALLOWED = new Set(['src/io/country.ts', 'src/cli/context.ts', 'src/index.ts', 'src/synthetic/country.ts']);

  it('every other module takes the country from the network or the command line', () => {
    const importers = files('src')
      .filter((f) => !f.startsWith('src/countries/'))
      .filter((f) => /from '[./]*\/countries\/default\.js'|from '\.\/countries\/default\.js'/.test(readFileSync(f, 'utf8')))
      .map((f) => relative('.', f));
    expect(importers.length).toBeGreaterThan(1);
    expect(importers.filter((f) => !ALLOWED.has(f))).toEqual([]);
  });
});
