/**
 * The report's words that are made of parts: actor kinds, gap levels, the
 * area in words, shares and numbers in the report's language. Every piece is
 * a key of the `report` section of the catalogue (`src/model/i18n/<lang>/report.ts`).
 */
import { formatList, formatNumber, formatPercent, message, messageCount, type Lang, type MessageKey } from '../model/i18n/index.js';
import type { Scope } from '../model/scope.js';

/** Kinds with their own words in the catalogue; any other kind is named as written. */
const KINDS: ReadonlySet<string> = new Set(['religious', 'civil_society', 'authority', 'joint_body', 'county', 'municipality']);

/**
 * An actor kind in words: `a` with its article ("a religious community",
 * "ett trossamfund"), `name` for a table cell, `many` for the plural.
 */
export function kindPhrase(lang: Lang, kind: string, form: 'a' | 'name' | 'many'): string {
  return KINDS.has(kind) ? message(lang, `report.kind.${kind}.${form}` as MessageKey) : message(lang, `report.kind.any.${form}`, { kind: kind.replace(/_/g, ' ') });
}

/** A gap's level (`critical`, `high`, `medium`, `low`) in words. */
export function levelWord(lang: Lang, level: string): string {
  return ['critical', 'high', 'medium', 'low'].includes(level) ? message(lang, `report.level.${level}` as MessageKey) : level;
}

/** A share (0–1) as a whole percentage in the language's format; missing as an en dash. */
export function share(lang: Lang, value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '–' : formatPercent(lang, value);
}

/** A number in the language's format with at most `decimals` decimals; missing as an en dash. */
export function num(lang: Lang, value: number | null | undefined, decimals = 0): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '–' : formatNumber(lang, value, decimals);
}

/** Names for a scope's area: county and municipality names by code. */
export interface AreaNames {
  geographyName: string;
  county(code: string): string;
  municipality(code: string): string;
  /** How many municipalities the county has in the geography. */
  countySize(code: string): number;
  /** The county of a municipality. */
  countyOf(code: string): string | undefined;
}

/** The area of a (non-national) scope in words: `Västerbottens län`, `2 län: A och B`, `3 kommuner (a, b och c) i A`. */
export function areaWords(lang: Lang, scope: Scope, names: AreaNames): string {
  if (scope.national) return names.geographyName;
  const counties = scope.counties.map((c) => names.county(c));
  const inScope = new Map<string, number>();
  for (const m of scope.municipalities) {
    const c = names.countyOf(m);
    if (c !== undefined) inScope.set(c, (inScope.get(c) ?? 0) + 1);
  }
  const whole = scope.counties.every((c) => (inScope.get(c) ?? 0) === names.countySize(c));
  if (whole && counties.length === 1) return counties[0]!;
  const countyList = formatList(lang, counties);
  if (whole) return message(lang, 'report.area.counties', { n: counties.length, names: countyList });
  const municipalities = scope.municipalities.map((m) => names.municipality(m));
  const shown = municipalities.length <= 4 ? municipalities : [...municipalities.slice(0, 4), messageCount(lang, 'report.area.more', municipalities.length - 4)];
  return messageCount(lang, 'report.area.municipalities', municipalities.length, { names: formatList(lang, shown), counties: countyList });
}

/**
 * The sentence that names the first of ranked actors and then the others:
 * "Umeå links most other actors in the county. After it come Vindeln and
 * Skellefteå." (`central`, by betweenness; `broker`, by bridging roles).
 * Empty rows: the sentence that says no actor does.
 */
export function leadSentence(lang: Lang, rows: readonly { name: string }[], measure: 'central' | 'broker'): string {
  const [first, ...next] = rows;
  if (!first) return message(lang, measure === 'central' ? 'report.words.centralNone' : 'report.words.brokerNone');
  const lead = message(lang, measure === 'central' ? 'report.words.central' : 'report.words.broker', { name: first.name });
  return next.length === 0 ? lead : `${lead} ${message(lang, measure === 'central' ? 'report.words.centralNext' : 'report.words.brokerNext', { names: formatList(lang, next.map((r) => r.name)) })}`;
}
