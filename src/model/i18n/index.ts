/**
 * The languages samverkan speaks, its message catalogues and the locale's
 * number, percent, date and list formats.
 *
 * One catalogue per language (`en/`, `sv/`), each made of sections (common,
 * gaps, reasons, report, cli). English is the reference: the Swedish
 * catalogue's type requires exactly its keys, and a test checks both
 * catalogues have the same keys and the same `{placeholders}` per key.
 * Every user-facing sentence is a key; code never writes a sentence itself.
 *
 * Which language applies when none is asked for: the geography's
 * `language` (Sweden's is Swedish), else English (`resolveLang`).
 */
import { z } from 'zod';
import { en } from './en/index.js';
import { sv } from './sv/index.js';
import { cached, PROCESS } from '../cache.js';

/** The languages of the catalogues. */
export const LANGUAGES = ['sv', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];

/** The `lang` option every function that writes sentences takes. */
export const LangSchema = z.enum(LANGUAGES);

/** A key of the catalogues. */
export type MessageKey = keyof typeof en;

/** A key whose message comes in `.one` / `.other` forms, without the suffix. */
export type CountKey = { [K in MessageKey]: K extends `${infer Base}.one` ? (`${Base}.other` extends MessageKey ? Base : never) : never }[MessageKey];

/** The catalogue of each language, by key. */
export const CATALOGUES: Readonly<Record<Lang, Readonly<Record<MessageKey, string>>>> = Object.freeze({ en, sv });

/** BCP 47 locale of each language for `Intl` formats (British English: day before month, no Oxford comma). */
const LOCALES: Readonly<Record<Lang, string>> = Object.freeze({ en: 'en-GB', sv: 'sv-SE' });

const PLURAL_RULES: Readonly<Record<Lang, Intl.PluralRules>> = { en: new Intl.PluralRules(LOCALES.en), sv: new Intl.PluralRules(LOCALES.sv) };

/** The language to write in: the one asked for, else the geography's, else English. */
export function resolveLang(lang: Lang | undefined, geography?: { readonly language?: Lang | undefined }): Lang {
  return lang ?? geography?.language ?? 'en';
}

/** A value a placeholder takes: text as written, a number in the locale's format. */
export type MessageValue = string | number;

/**
 * The message of `key` in `lang`, with each `{name}` replaced by `params.name`
 * (numbers formatted with {@link formatNumber}). A placeholder without a value
 * throws: a sentence with a hole in it is a bug, not output.
 */
export function message(lang: Lang, key: MessageKey, params: Readonly<Record<string, MessageValue>> = {}): string {
  const template = CATALOGUES[lang][key];
  if (template === undefined) throw new RangeError(`no message "${key}" in the ${lang} catalogue`);
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!Object.prototype.hasOwnProperty.call(params, name)) throw new RangeError(`message "${key}" needs a value for {${name}}`);
    const value = params[name]!;
    return typeof value === 'number' ? formatNumber(lang, value) : value;
  });
}

/** The plural form of `count` in `lang` the catalogues have: `one` or `other`. */
export function pluralForm(lang: Lang, count: number): 'one' | 'other' {
  return PLURAL_RULES[lang].select(count) === 'one' ? 'one' : 'other';
}

/** The `.one` or `.other` form of `key` for `count`, with `{n}` set to the count. */
export function messageCount(lang: Lang, key: CountKey, count: number, params: Readonly<Record<string, MessageValue>> = {}): string {
  return message(lang, `${key}.${pluralForm(lang, count)}` as MessageKey, { n: count, ...params });
}

/** The placeholders of a template, sorted: `'{a} of {b}'` → `['a', 'b']`. */
export function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort();
}

/** `Intl.NumberFormat`s by language, style and decimals: building one costs far more than formatting (maps format thousands of numbers). */
function numberFormat(lang: Lang, style: 'decimal' | 'percent', min: number, max: number): Intl.NumberFormat {
  return cached(PROCESS, `i18n:numberFormat:${lang} ${style} ${min} ${max}`, () => new Intl.NumberFormat(LOCALES[lang], { style, minimumFractionDigits: min, maximumFractionDigits: max }));
}

/** A number in the locale's format: `12 345` / `12,345`, `0,5` / `0.5`; at most `digits` decimals (default 0 for whole numbers, else 2). */
export function formatNumber(lang: Lang, n: number, digits = Number.isInteger(n) ? 0 : 2): string {
  if (!Number.isFinite(n)) return String(n);
  // A plain hyphen-minus, not U+2212, so numbers stay searchable and copy into spreadsheets.
  return numberFormat(lang, 'decimal', 0, digits).format(n).replace('\u2212', '-');
}

/** A share (0–1) as a percentage in the locale's format: `93 %` / `93%`, with `digits` decimals (default 0). */
export function formatPercent(lang: Lang, share: number, digits = 0): string {
  if (!Number.isFinite(share)) return String(share);
  return numberFormat(lang, 'percent', digits, digits).format(share).replace('\u2212', '-');
}

/** An ISO date (`2021-03-04`) in words: `4 mars 2021` / `4 March 2021`. Not a date: returned as written. */
export function formatDate(lang: Lang, iso: string): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T00:00:00Z`) : undefined;
  if (date === undefined || Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** Text in the language's alphabetical order (Swedish: Å, Ä, Ö last), for tables people read. */
export function textCollator(lang: Lang): Intl.Collator {
  return new Intl.Collator(LOCALES[lang]);
}

/** Items joined as a list: `a, b och c` / `a, b and c` (`or` for a disjunction). */
export function formatList(lang: Lang, items: readonly string[], type: 'and' | 'or' = 'and'): string {
  return new Intl.ListFormat(LOCALES[lang], { type: type === 'and' ? 'conjunction' : 'disjunction' }).format(items);
}
