import type { County, Geography, Municipality } from './schema.js';
import { cached } from './cache.js';
import { frozenListMap, frozenMap } from './frozen.js';
import { countryWordsIn, NO_NAME_RULES, type NameRules } from './country.js';
import type { Lang } from './i18n/index.js';

/**
 * The geography's name in `lang`, as reports and tables write it: its
 * `displayName` in that language (`Sverige`), else in English, else its `name`.
 *
 * @example
 * geographyName(swedenGeography(), 'sv'); // 'Sverige'
 */
export function geographyName(geography: Pick<Geography, 'name' | 'displayName'>, lang: Lang): string {
  return geography.displayName === undefined ? geography.name : countryWordsIn(geography.displayName, lang);
}

/**
 * The geography's name in every language it has, for a message rendered
 * later in its reader's language (a loader problem's `geography` value):
 * its `displayName` as words by language, else its `name`.
 *
 * @example
 * geographyWords(swedenGeography()); // { en: 'Sweden', sv: 'Sverige' }
 */
export function geographyWords(geography: Pick<Geography, 'name' | 'displayName'>): { readonly en: string; readonly sv?: string } {
  const d = geography.displayName;
  return d === undefined ? { en: geography.name } : typeof d === 'string' ? { en: d } : d;
}

/**
 * Lookup tables over a {@link Geography}, built once per geography object and
 * cached (geographies are treated as immutable plain data).
 */
export interface GeographyIndex {
  readonly geography: Geography;
  /** Municipality code → municipality. */
  readonly municipality: ReadonlyMap<string, Municipality>;
  /** County code → county. */
  readonly county: ReadonlyMap<string, County>;
  /** County code → its municipalities, in code order. */
  readonly municipalitiesOf: ReadonlyMap<string, readonly Municipality[]>;
  /** Municipality code → codes of the municipalities it borders, sorted. */
  readonly bordersOf: ReadonlyMap<string, readonly string[]>;
  /** Normalised name (see {@link normaliseName}) → municipality; names shared by two municipalities are absent. */
  readonly municipalityByName: ReadonlyMap<string, Municipality>;
  /** Normalised name → county, with and without a county suffix and genitive of the geography's name rules (`Stockholms län`, `Stockholms`, `Stockholm`). */
  readonly countyByName: ReadonlyMap<string, County>;
  /** The geography's name rules (`geography.names`, else none). */
  readonly names: NameRules;
  /** Width of the municipality codes when they are all digits of one width (4 in Sweden), else 0. */
  readonly codeWidth: number;
  /** Width of the county codes when they are all digits of one width (2 in Sweden), else 0. */
  readonly countyCodeWidth: number;
}


/**
 * Normalise a place name for matching: Unicode NFC, lower case (in the
 * rules' locale), collapsed spaces, and without a trailing municipality
 * suffix of `rules` (a geography's `names`), so under Sweden's rules
 * `Umeå kommun`, `UMEÅ` and `Umeå` all match. Without rules only case,
 * spaces and Unicode form are ignored.
 */
export function normaliseName(name: string, rules: NameRules = NO_NAME_RULES): string {
  // Printable ASCII with single spaces between words only (most ids) is its own NFC, with no spaces to fold or trim: only lowered (issue 16).
  if (PLAIN_WORDS.test(name)) return dropSuffix(rules.locale ? name.toLocaleLowerCase(rules.locale) : name.toLowerCase(), rules.municipalitySuffixes);
  const nfc = name.normalize('NFC');
  return dropSuffix((rules.locale ? nfc.toLocaleLowerCase(rules.locale) : nfc.toLowerCase()).replace(/\s+/g, ' ').trim(), rules.municipalitySuffixes);
}

/** Printable ASCII words (no space at either end), one space between two. */
const PLAIN_WORDS = /^[!-~]+(?: [!-~]+)*$/;

/** `key` without a trailing ` <suffix>` word of `suffixes` (the first that matches). */
export function dropSuffix(key: string, suffixes: readonly string[] | undefined): string {
  for (const suffix of suffixes ?? []) if (key.endsWith(` ${suffix}`)) return key.slice(0, -suffix.length - 1);
  return key;
}

/** A name without the rules' genitive ending (`göteborgs` → `göteborg`), or undefined when it has none. */
export function withoutGenitive(key: string, rules: NameRules): string | undefined {
  return rules.genitive !== undefined && key.endsWith(rules.genitive) ? key.slice(0, -rules.genitive.length) : undefined;
}

/**
 * The normalised forms a municipality name is looked up by: the name, then
 * without its genitive (`Göteborgs stad` is Göteborg) under `rules`.
 */
export function municipalityNameKeys(name: string, rules: NameRules = NO_NAME_RULES): string[] {
  const key = normaliseName(name, rules);
  const bare = withoutGenitive(key, rules);
  return bare === undefined ? [key] : [key, bare];
}

/** The width of `codes` when they are all digits of one width (Sweden's `0114`: 4), else 0. */
export function uniformDigitWidth(codes: readonly string[]): number {
  if (codes.length === 0) return 0;
  const width = codes[0]!.length;
  return codes.every((c) => c.length === width && /^\d+$/.test(c)) ? width : 0;
}

/** Lookup tables for `geography` (cached per object). */
export function indexGeography(geography: Geography): GeographyIndex {
  return cached(geography, 'geography:index', () => buildIndex(geography));
}

function buildIndex(geography: Geography): GeographyIndex {
  const names = geography.names ?? NO_NAME_RULES;
  const municipality = new Map<string, Municipality>();
  const municipalitiesOf = new Map<string, Municipality[]>();
  const county = new Map<string, County>();
  for (const c of geography.counties) {
    county.set(c.code, c);
    municipalitiesOf.set(c.code, []);
  }
  const sorted = [...geography.municipalities].sort((a, b) => cmp(a.code, b.code));
  for (const m of sorted) {
    municipality.set(m.code, m);
    let list = municipalitiesOf.get(m.county);
    if (!list) municipalitiesOf.set(m.county, (list = []));
    list.push(m);
  }

  const borderSets = new Map<string, Set<string>>();
  for (const m of sorted) borderSets.set(m.code, new Set());
  for (const { a, b } of geography.borders) {
    borderSets.get(a)?.add(b);
    borderSets.get(b)?.add(a);
  }
  const bordersOf = new Map<string, string[]>();
  for (const [c, set] of borderSets) bordersOf.set(c, [...set].sort(cmp));

  const byName = new Map<string, Municipality | null>();
  for (const m of sorted) {
    const key = normaliseName(m.name, names);
    byName.set(key, byName.has(key) ? null : m);
  }
  const municipalityByName = new Map<string, Municipality>();
  for (const [k, m] of byName) if (m) municipalityByName.set(k, m);

  const countyByName = new Map<string, County>();
  for (const c of geography.counties) {
    const key = normaliseName(c.name, names);
    countyByName.set(key, c);
    // "Stockholms län" is also found as "Stockholms" and "Stockholm" (Sweden's rules).
    const bare = dropSuffix(key, names.countySuffixes);
    if (!countyByName.has(bare)) countyByName.set(bare, c);
    const base = withoutGenitive(bare, names) ?? bare;
    if (!countyByName.has(base)) countyByName.set(base, c);
  }

  // Cached and handed to callers as is (indexGeography is public): frozen, so no caller's change reaches the next call.
  const index: GeographyIndex = {
    geography,
    municipality: frozenMap(municipality),
    county: frozenMap(county),
    municipalitiesOf: frozenListMap(municipalitiesOf),
    bordersOf: frozenListMap(bordersOf),
    municipalityByName: frozenMap(municipalityByName),
    countyByName: frozenMap(countyByName),
    names,
    codeWidth: uniformDigitWidth(sorted.map((m) => m.code)),
    countyCodeWidth: uniformDigitWidth(geography.counties.map((c) => c.code)),
  };
  return Object.freeze(index);
}

/**
 * The geography of a plain graph: no municipalities, no counties. A network
 * over it is a graph of actors only (a NetworkX or Gephi file, an edge list
 * of integer ids); the geographic analyses refuse it with a message saying
 * how to give a geography.
 */
export const NO_GEOGRAPHY: Geography = Object.freeze({ name: 'none', municipalities: Object.freeze([]) as unknown as Geography['municipalities'], counties: Object.freeze([]) as unknown as Geography['counties'], borders: Object.freeze([]) as unknown as Geography['borders'] });

/** Whether a geography has no municipalities (a plain graph's, see {@link NO_GEOGRAPHY}). */
export function isPlainGeography(geography: Geography): boolean {
  return geography.municipalities.length === 0;
}

/**
 * A municipality named by a code (when `codes`) or an unambiguous name (when
 * `names`); see {@link findMunicipality}.
 */
export function findMunicipalityBy(geography: Geography, text: string, by: { codes: boolean; names: boolean }): Municipality | undefined {
  if (by.codes && by.names) return findMunicipality(geography, text);
  if (!by.codes && !by.names) return undefined;
  const ix = indexGeography(geography);
  const raw = text.normalize('NFC').trim();
  if (by.codes) {
    const direct = ix.municipality.get(raw);
    if (direct) return direct;
    return ix.codeWidth > 0 && /^\d+$/.test(raw) && raw.length < ix.codeWidth ? ix.municipality.get(raw.padStart(ix.codeWidth, '0')) : undefined;
  }
  // Names only: a code, or a bare number, is never read as a name.
  if (ix.municipality.has(raw) || /^\d+$/.test(raw)) return undefined;
  return findMunicipality(geography, raw);
}

/** Code-point string comparison: locale-independent, so orderings are deterministic everywhere. */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The entry of a code as written, or with the leading zeros a spreadsheet dropped (`114` for `0114`, when every code has `width` digits). */
function byPaddedCode<T>(byCode: ReadonlyMap<string, T>, width: number, raw: string): T | undefined {
  const direct = byCode.get(raw);
  if (direct !== undefined || width === 0 || !/^\d+$/.test(raw) || raw.length >= width) return direct;
  return byCode.get(raw.padStart(width, '0'));
}

/**
 * Find a municipality by code or by name. Codes written without their leading
 * zero (as spreadsheets do: `114` for `0114`) are padded when the geography's
 * codes are all digits of one width. Returns `undefined` when nothing matches
 * or a name is ambiguous.
 */
export function findMunicipality(geography: Geography, codeOrName: string): Municipality | undefined {
  const ix = indexGeography(geography);
  const raw = codeOrName.normalize('NFC').trim();
  const byCode = byPaddedCode(ix.municipality, ix.codeWidth, raw);
  if (byCode) return byCode;
  // "Göteborgs stad", "Västerås stad": the genitive s before "stad" (Sweden's rules).
  for (const key of municipalityNameKeys(raw, ix.names)) {
    const found = ix.municipalityByName.get(key);
    if (found) return found;
  }
  return undefined;
}

/** Find a county by code (leading zero optional) or by name (`Stockholms län`, `Stockholm`). */
export function findCounty(geography: Geography, codeOrName: string): County | undefined {
  const ix = indexGeography(geography);
  const raw = codeOrName.normalize('NFC').trim();
  return byPaddedCode(ix.county, ix.countyCodeWidth, raw) ?? ix.countyByName.get(normaliseName(raw, ix.names));
}
