/**
 * User text in messages and tables: characters that would act on a terminal
 * or reorder the text around them, and characters that cannot be seen, made
 * visible; overlong values clipped with a count. One place, so every message
 * and every table samverkan prints treats them alike.
 */
import type { Lang } from './i18n/index.js';
import { messageText, type ProblemMessage } from './i18n/problem.js';

/**
 * Characters that act instead of showing: C0 controls other than tab, line
 * feed and carriage return (ESC starts terminal escape sequences, BEL
 * rings), DEL, the C1 controls (U+009B is a one-character CSI), and the
 * bidirectional formatting characters (overrides, embeddings, isolates,
 * marks), which reorder the text that follows them.
 */
const ACTING = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** {@link ACTING}, plus tab and line breaks and the characters that take no space: soft hyphen, zero-width space, joiners, word joiner, invisible operators, byte-order mark. */
const INVISIBLE = /[\u0000-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]/g;

const codePoint = (c: string) => `<U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`;

/**
 * Text for a terminal table or a Markdown document: every character that
 * would act (terminal controls such as ESC and BEL, C1 controls, bidi
 * overrides and isolates) is shown as its code point, `<U+001B>`. Other
 * text, zero-width joiners in emoji included, is left as it is.
 *
 * @example
 * neutraliseControls('Kyrka\u001b]0;pwned\u0007'); // 'Kyrka<U+001B>]0;pwned<U+0007>'
 */
export function neutraliseControls(text: string): string {
  return text.replace(ACTING, codePoint);
}

/**
 * Text for a message: what {@link neutraliseControls} shows, and also tabs,
 * line breaks and the characters that take no space (zero-width space,
 * joiners, soft hyphen, byte-order mark), so `target\u200b` is shown as
 * `target<U+200B>` and a header that looks right but does not match says why.
 */
export function visibleText(text: string): string {
  return text.replace(INVISIBLE, codePoint);
}

/** Whether the text holds a character {@link visibleText} would show by its code point. */
export function hasInvisible(text: string): boolean {
  INVISIBLE.lastIndex = 0;
  const found = INVISIBLE.test(text);
  INVISIBLE.lastIndex = 0;
  return found;
}

const CLIPPED = /… \([\d\u00a0]+ characters\)$/;

/** How many characters of a value a message quotes. */
export const MAX_QUOTED = 200;

/**
 * A value for a message, at most `max` characters of it followed by how
 * long it is: `aaaa… (1 048 576 characters)`. Shorter text, and text
 * clipped so already, is returned as it is.
 */
export function clipText(text: string, max = MAX_QUOTED): string {
  if (text.length <= max) return text;
  // Clipped already (a loader's problem value, formatted again): as it is.
  if (text.length <= max + 40 && CLIPPED.test(text)) return text;
  // Never cut a surrogate pair in half.
  let end = max;
  const c = text.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return `${text.slice(0, end)}… (${String(text.length).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0')} characters)`;
}

/**
 * Letters of other scripts that look like Latin ones in most fonts (the
 * common part of Unicode's confusables for Cyrillic and Greek), and the
 * Latin letter each looks like.
 */
const CONFUSABLE: Readonly<Record<string, string>> = {
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', Х: 'X', У: 'Y', І: 'I', Ј: 'J', Ѕ: 'S', Ү: 'Y', Ԁ: 'D', Ԛ: 'Q', Ԝ: 'W',
  а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', у: 'y', х: 'x', і: 'i', ј: 'j', ѕ: 's', һ: 'h', ԁ: 'd', ԛ: 'q', ԝ: 'w', ӏ: 'l', ё: 'ë', ї: 'ï',
  Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X',
  ο: 'o', ν: 'v', ι: 'i', κ: 'k', ρ: 'p', α: 'a', ı: 'i',
};
const CONFUSABLE_RE = new RegExp(`[${Object.keys(CONFUSABLE).join('')}]`, 'gu');
const NO_SPACE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]/g;

/**
 * What a text looks like: compatibility forms folded (NFKC: full-width
 * letters, ligatures), characters that take no space removed, and Cyrillic
 * and Greek look-alikes replaced by the Latin letter they resemble. Two ids
 * with one skeleton and different spellings look the same on screen but
 * are different ids. Plain ASCII is its own skeleton.
 */
export function skeleton(text: string): string {
  if (/^[\x20-\x7E]*$/.test(text)) return text;
  return text.normalize('NFKC').replace(NO_SPACE, '').replace(CONFUSABLE_RE, (c) => CONFUSABLE[c]!).normalize('NFC');
}

/**
 * Where two texts with one {@link skeleton} differ, in words: `U+043E
 * (Cyrillic) where the other has "o"`, or the characters that take no space.
 */
export function describeLookalike(text: string, other: string, lang: Lang = 'en'): string {
  return messageText(lookalikeHint(text, other), lang);
}

/** {@link describeLookalike} as a part of a message (`lookalike.character`, `lookalike.alike`). */
export function lookalikeHint(text: string, other: string): ProblemMessage {
  const a = [...text];
  const b = [...other];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] === b[i]) continue;
    const c = a[i];
    if (c === undefined) break;
    const code = `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    const script = /\p{Script=Cyrillic}/u.test(c) ? 'cyrillic' : /\p{Script=Greek}/u.test(c) ? 'greek' : new RegExp(NO_SPACE.source).test(c) ? 'no_space' : undefined;
    return {
      code: 'lookalike.character',
      params: { char: code, script: script === undefined ? '' : { code: `lookalike.script.${script}` }, at: i + 1, other: b[i] === undefined ? { code: 'lookalike.nothing' } : { code: 'lookalike.quoted', params: { text: visibleText(b[i]!) } } },
    };
  }
  return { code: 'lookalike.alike' };
}

/** An ASCII id from a name: no diacritics, lower case, runs of other characters as `-` (`Region Östergötland` → `region-ostergotland`). */
export function asciiSlug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
