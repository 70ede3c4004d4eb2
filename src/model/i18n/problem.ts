/**
 * The loader's messages as data: a problem's `code` (a key of the
 * catalogues' `problem` section without its prefix) and `params`, and their
 * text in each language. English is the problem's `reason`.
 */
import { CATALOGUES, message, pluralForm, type Lang, type MessageKey } from './index.js';

/** A problem's code: a key of the catalogues' `problem` section without its `problem.` prefix (and without `.one`/`.other`). */
export type ProblemCode = ProblemCodeOf<Extract<MessageKey, `problem.${string}`>>;
type ProblemCodeOf<K> = K extends `problem.${infer C}` ? (C extends `${infer B}.one` | `${infer B}.other` ? B : C) : never;

/**
 * A message of the loader as data: a catalogue code and the values of its
 * placeholders. A value is text as written, a number (written as digits,
 * never grouped: rows and columns are counted, not measured), or a message
 * of its own (a hint, a suggestion), rendered in the same language, or words
 * in each language (`{ en: 'Sweden', sv: 'Sverige' }`, a geography's
 * `displayName`), written in the message's language, else English. A code
 * whose message comes in `.one`/`.other` forms is counted by `params.n`.
 */
export interface ProblemMessage {
  readonly code: string;
  readonly params?: ProblemParams;
}
export type ProblemParam = string | number | ProblemMessage | ProblemWords | ((lang: Lang) => string);
/** Words in each language a value may have: English always, the others where known. */
export type ProblemWords = Readonly<Partial<Record<Lang, string>>> & { readonly en: string };
export type ProblemParams = { readonly [name: string]: ProblemParam };

/** A problem's reason, code and values: what {@link because} makes. */
export interface ProblemReason {
  reason: string;
  code: ProblemCode;
  params?: ProblemParams;
}

/**
 * A problem's reason with its code and values, for making a problem:
 * `{ file, row, ...because('weight.not_number'), severity }`. The reason is
 * the English message of the code, so `reason` and `problemText(p, 'en')`
 * are the same text. Made only when a problem happens.
 */
export function because(code: ProblemCode, params?: ProblemParams): ProblemReason {
  const m = params === undefined ? { code } : { code, params };
  return { reason: messageText(m, 'en'), ...m };
}

/** A part of a message (a hint, a suggestion): a value of another message's placeholder, rendered in its language. */
export function hint(code: ProblemCode, params?: ProblemParams): ProblemMessage {
  return params === undefined ? { code } : { code, params };
}

/** The catalogue key of the message `key` in `lang` (its plural form chosen by `params.n` when it has one), or `undefined` when the catalogues have none. */
function catalogueKey(lang: Lang, key: string, params: ProblemParams | undefined): MessageKey | undefined {
  const catalogue = CATALOGUES[lang];
  if (Object.hasOwn(catalogue, key)) return key as MessageKey;
  const n = params?.n;
  const counted = `${key}.${pluralForm(lang, typeof n === 'number' ? n : Number.NaN)}`;
  return Object.hasOwn(catalogue, counted) ? (counted as MessageKey) : undefined;
}

/** Whether the catalogues have a message for the code (in every plural form it has). */
export function knownProblemCode(code: string): boolean {
  return catalogueKey('en', `problem.${code}`, { n: 1 }) !== undefined && catalogueKey('en', `problem.${code}`, { n: 2 }) !== undefined;
}

/**
 * The catalogue message `key` in `lang`, its placeholders' values given as
 * data ({@link ProblemParam}: text, digits, words by language, a message or
 * a function of the language); a message in `.one`/`.other` forms is
 * counted by `params.n`. A key the catalogues do not have throws (a bug, not
 * output). The loader's problems and the options' refusals are said with it.
 */
export function sayMessage(key: string, params: ProblemParams | undefined, lang: Lang): string {
  const found = catalogueKey(lang, key, params);
  if (found === undefined) throw new RangeError(`no message "${key}" in the ${lang} catalogue`);
  const values: Record<string, string> = {};
  if (params !== undefined) for (const [name, value] of Object.entries(params)) values[name] = paramText(value, lang);
  return message(lang, found, values);
}

/** The text of a {@link ProblemMessage} in `lang`; a code the catalogues do not have throws (a bug, not output). */
export function messageText(m: ProblemMessage, lang: Lang): string {
  return sayMessage(`problem.${m.code}`, m.params, lang);
}

/** The text of one placeholder's value in `lang` (a function: its text in the language, as an option's reason is said). */
export function paramText(value: ProblemParam, lang: Lang): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'function') return value(lang);
  if ('code' in value) return messageText(value, lang);
  return value[lang] ?? value.en;
}
