/**
 * Numbers, lists and kinds in words, for the plain-language reasons of gaps,
 * recommendations and plans, and for reports. One place, so every sentence
 * samverkan writes formats numbers the same way. Each helper takes an
 * optional language (`'sv'`, `'en'`); without one it writes as it always
 * has (English words, a no-break space between thousands).
 */
import { formatList, formatNumber, message, type Lang, type MessageKey } from './i18n/index.js';

/**
 * A whole number with its thousands grouped: for a language, its locale's
 * format (`130 224` in Swedish, `130,224` in English); without one, a
 * no-break space between thousands, as Swedish style writes it: `130 224`.
 */
export function formatCount(n: number, lang?: Lang): string {
  if (lang !== undefined) return formatNumber(lang, Math.round(n), 0);
  const sign = n < 0 ? '-' : '';
  return sign + String(Math.round(Math.abs(n))).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
}

/** `a`, `a and b`, `a, b and c` (Swedish: `a, b och c`). */
export function joinNames(names: readonly string[], lang: Lang = 'en'): string {
  return names.length <= 1 ? (names[0] ?? '') : formatList(lang, names);
}

/** At most three names, then "and N more": `a, b, c and 2 more` (Swedish: `a, b, c och 2 till`). */
export function someNames(names: readonly string[], lang: Lang = 'en'): string {
  return names.length <= 3 ? joinNames(names, lang) : message(lang, 'names.more', { names: names.slice(0, 3).join(', '), n: names.length - 3 });
}

/** `1 partner`, `3 partners` (the count formatted with {@link formatCount}). English words: for sentences in a language, use its catalogue's counted keys. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** The kinds with words of their own in the catalogues (`kind.<kind>.*`); any other kind is an "actor of the kind …". */
const WORDED_KINDS: ReadonlySet<string> = new Set(['religious', 'civil_society', 'authority', 'joint_body', 'county', 'municipality']);

/**
 * How a kind is said: `count` 1 or more, or, with `'none'`, denied ("no
 * religious community", "inget religiöst samfund") and, with `'negated'`,
 * as the object of a denied verb ("works with no religious community",
 * "samverkar inte med något religiöst samfund").
 */
export type KindForm = number | 'none' | 'negated';

/**
 * An actor kind in words, singular (`count` 1) or plural, in `lang`
 * (default English): `civil_society` → `civil-society organisation(s)`,
 * Swedish `civilsamhällesorganisation(er)`; `religious` in Swedish →
 * `religiöst samfund` / `religiösa samfund`. A kind without words of its
 * own is an actor of that kind (`youth_club` → `youth club actor`,
 * `aktör av typen ”youth club”`). See {@link KindForm} for the denied forms.
 */
export function kindWords(kind: string, count: KindForm = 1, lang: Lang = 'en'): string {
  const form = count === 'none' || count === 'negated' ? count : count === 1 ? 'one' : 'other';
  if (WORDED_KINDS.has(kind)) return message(lang, `kind.${kind}.${form}` as MessageKey);
  return message(lang, `kind.generic.${form}` as MessageKey, { kind: kind.replace(/_/g, ' ') });
}

/** A count of actors of a kind: `3 religious communities`, `1 myndighet` (the count in the locale's format). */
export function kindCount(kind: string, n: number, lang: Lang = 'en'): string {
  return `${formatCount(n, lang)} ${kindWords(kind, n, lang)}`;
}
