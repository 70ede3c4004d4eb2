import { z } from 'zod';
import { cmp, findCounty, findMunicipality, geographyName, geographyWords, indexGeography } from './geography.js';
import type { Actor, Geography } from './schema.js';
import { ArgumentError, ScopeError } from './errors.js';
import { OptionsError, parseOptions, saidIn } from './options.js';
import { countySuggestionHint, municipalitySuggestionHint } from './suggest.js';
import { hint, messageText, type ProblemMessage } from './i18n/problem.js';
import { message, messageCount, type Lang } from './i18n/index.js';

/**
 * The area a network's data covers: the counties and municipalities its
 * analyses, coverage tables, gap lists, maps and reports are about. A
 * Västerbotten analyst's file is about Västerbotten: the other 275
 * municipalities of Sweden are neither gaps nor empty shapes on a map, and
 * they are not added to the network as isolated actors.
 */
export interface Scope {
  /** The whole geography. */
  readonly national: boolean;
  /** Counties in scope (codes, sorted): whole counties, or the counties of the municipalities given. */
  readonly counties: readonly string[];
  /** Municipalities in scope (codes, sorted). */
  readonly municipalities: readonly string[];
  /** `'given'` (an option), `'inferred'` (from the data) or `'all'` (the default of `CooperationNetwork.create`). */
  readonly source: 'given' | 'inferred' | 'all';
  /** The scope in words: `all of Sweden`, `Västerbottens län`, `2 counties: …`, `5 municipalities in …`. */
  readonly description: string;
  /** How an inferred scope was inferred, in words (English). */
  readonly basis?: string;
  /** What an inferred scope was inferred from: the data's own actors, or the municipalities its links name (`basis` as a code, for {@link describeScopeBasis}). */
  readonly inferredFrom?: 'actors' | 'links';
}

/**
 * A scope as an option: `'all'` (the whole geography), `'infer'` (from the
 * data, see {@link inferScope}), or the counties and/or municipalities it
 * covers, by code or name.
 */
export const ScopeOptionSchema = z.union([
  z.literal('all'),
  z.literal('infer'),
  z.strictObject({
    counties: z.array(z.string().min(1)).optional(),
    municipalities: z.array(z.string().min(1)).optional(),
  }),
]);
export type ScopeOption = z.input<typeof ScopeOptionSchema>;

/** The words of a scope in `lang`: `all of Sweden`, `Västerbottens län`, `2 counties: …`, `5 municipalities (…) in …`. */
function scopeWords(geography: Geography, counties: readonly string[], municipalities: readonly string[], national: boolean, lang: Lang): string {
  const ix = indexGeography(geography);
  if (geography.municipalities.length === 0) return message(lang, 'scope.words.plain');
  if (national) return message(lang, 'scope.words.national', { name: lang === 'en' ? geography.name : geographyName(geography, lang) });
  const countyName = (c: string) => ix.county.get(c)?.name ?? c;
  const countyList = counties.map(countyName).join(', ');
  const whole = counties.every((c) => (ix.municipalitiesOf.get(c) ?? []).every((m) => municipalities.includes(m.code)));
  if (whole) return counties.length === 1 ? countyName(counties[0]!) : message(lang, 'scope.words.counties', { n: String(counties.length), counties: countyList });
  const names = municipalities.map((m) => ix.municipality.get(m)?.name ?? m);
  const shown = names.length <= 4 ? names.join(', ') : message(lang, 'scope.words.more', { names: names.slice(0, 4).join(', '), n: String(names.length - 4) });
  return messageCount(lang, 'scope.words.municipalities', municipalities.length, { n: String(municipalities.length), names: shown, counties: countyList });
}

/**
 * A scope in words, in `lang`: what `scope.description` says in English
 * (`all of Sweden`; Swedish `hela Sverige`, `2 län: …`).
 *
 * @example
 * describeScope(net.scope, net.geography, 'sv'); // 'Västerbottens län'
 */
export function describeScope(scope: Pick<Scope, 'counties' | 'municipalities' | 'national'>, geography: Geography, lang: Lang): string {
  return scopeWords(geography, scope.counties, scope.municipalities, scope.national, lang);
}

/** How an inferred scope was inferred, in `lang` (`basis` is the English); `undefined` for a scope that was not inferred. */
export function describeScopeBasis(scope: Pick<Scope, 'inferredFrom'>, lang: Lang): string | undefined {
  return scope.inferredFrom === undefined ? undefined : message(lang, `scope.basis.${scope.inferredFrom}`);
}

/** A scope of these municipalities (codes); national when they are every municipality. */
export function scopeOf(geography: Geography, codes: Iterable<string>, source: Scope['source'], inferredFrom?: 'actors' | 'links'): Scope {
  const ix = indexGeography(geography);
  const municipalities = [...new Set(codes)].filter((c) => ix.municipality.has(c)).sort(cmp);
  const counties = [...new Set(municipalities.map((c) => ix.municipality.get(c)!.county))].sort(cmp);
  const national = municipalities.length === ix.municipality.size;
  const scope: Scope = { national, counties, municipalities, source, description: scopeWords(geography, counties, municipalities, national, 'en') };
  return inferredFrom === undefined ? scope : { ...scope, basis: message('en', `scope.basis.${inferredFrom}`), inferredFrom };
}

/** The whole geography as a scope. */
export function nationalScope(geography: Geography, source: Scope['source'] = 'all'): Scope {
  return scopeOf(geography, indexGeography(geography).municipality.keys(), source);
}

/** `unknown county "Upsala": not a code or name of the Sweden geography; did you mean Uppsala län (03)?`, as data: a scope's, an option's and an argument's sentence. */
export function unknownCountySentence(geography: Geography, name: string): ProblemMessage {
  return hint('scope.unknown_county', { value: JSON.stringify(name), geography: geographyWords(geography), suggestion: countySuggestionHint(geography, name) });
}

/**
 * A county that `fn` was given and the geography does not have: an
 * `OptionsError` naming `option` (the CLI names its flag), or, for an
 * argument, an `ArgumentError`; both say {@link unknownCountySentence} in
 * every language.
 */
export function unknownCountyError(geography: Geography, name: string, fn: string, option?: string): ArgumentError {
  const sentence = unknownCountySentence(geography, name);
  return option === undefined ? new ArgumentError(saidIn(fn, sentence)) : new OptionsError(fn, option, (lang) => messageText(sentence, lang));
}

/**
 * The scope an option names. Counties and municipalities are codes or names;
 * an unknown one throws an error naming it (with the closest names when
 * there are any).
 */
export function resolveScope(geography: Geography, option: Exclude<ScopeOption, 'infer'>): Scope {
  if (option === 'all') return nationalScope(geography, 'given');
  // A scope given by hand (`net.withScope({ countys: … })`) is refused naming what is wrong, as any option.
  const parsed = parseOptions(ScopeOptionSchema, option, 'scope') as { counties?: string[]; municipalities?: string[] };
  const ix = indexGeography(geography);
  const codes = new Set<string>();
  for (const name of parsed.counties ?? []) {
    const county = findCounty(geography, name);
    if (!county) throw new ScopeError(unknownCountySentence(geography, name));
    for (const m of ix.municipalitiesOf.get(county.code) ?? []) codes.add(m.code);
  }
  for (const name of parsed.municipalities ?? []) {
    const m = findMunicipality(geography, name);
    if (!m) throw new ScopeError(hint('scope.unknown_municipality', { value: JSON.stringify(name), geography: geographyWords(geography), suggestion: municipalitySuggestionHint(geography, name) }));
    codes.add(m.code);
  }
  if (codes.size === 0) throw new ScopeError(hint('scope.empty'));
  return scopeOf(geography, codes, 'given');
}

/**
 * The area a network's data is about, inferred from the data:
 *
 * 1. the counties where the data has actors of its own (actors located in
 *    a municipality, and municipality rows of the actors table);
 * 2. if it has none, the counties of the municipalities its links name
 *    (as ends, or as members of a joint body).
 *
 * A link to a municipality of another county makes that municipality a
 * partner, not a county in scope. When the counties found are more than
 * half of the geography's (or nothing names a municipality), the scope is
 * the whole geography: a national dataset that misses a county shows that
 * county as uncovered, rather than leaving it out.
 */
export function inferScope(geography: Geography, actors: readonly Actor[], linkEnds: Iterable<string>): Scope {
  const ix = indexGeography(geography);
  if (ix.municipality.size === 0) return nationalScope(geography, 'inferred');
  const own = new Set<string>();
  for (const a of actors) if (a.municipality !== undefined && ix.municipality.has(a.municipality)) own.add(a.municipality);
  let inferredFrom: 'actors' | 'links' = 'actors';
  let places = own;
  if (own.size === 0) {
    places = new Set<string>();
    for (const end of linkEnds) if (ix.municipality.has(end)) places.add(end);
    inferredFrom = 'links';
  }
  const counties = new Set([...places].map((c) => ix.municipality.get(c)!.county));
  const codes = counties.size === 0 || counties.size > ix.county.size / 2 ? ix.municipality.keys() : [...counties].flatMap((c) => (ix.municipalitiesOf.get(c) ?? []).map((m) => m.code));
  return scopeOf(geography, codes, 'inferred', inferredFrom);
}
