import type { Geography } from './schema.js';
import type { Lang } from './i18n/index.js';
import { messageText, type ProblemMessage } from './i18n/problem.js';
import { NO_NAME_RULES } from './country.js';
import { dropSuffix, withoutGenitive } from './geography.js';
/**
 * "Did you mean …?": the closest known words to a misspelt one, for
 * municipality names, actor kinds, commands and options. Words are compared
 * folded (lower case, without diacritics: `Vännäs`, `vannas` and `VANNAS`
 * are the same; for a municipality, a suffix of the geography's name rules,
 * such as `kommun`, is dropped)
 * by the optimal-string-alignment distance (Damerau–Levenshtein without
 * repeated edits of a substring): insertions, deletions, substitutions and
 * transpositions of two neighbours each cost 1.
 */

/** A word folded for matching: NFD without combining marks, lower case, runs of spaces, `_` and `-` as one space. */
export function foldWord(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ')
    .trim();
}

/** The optimal-string-alignment distance between two strings (by UTF-16 code units). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const m = a.length;
  const n = b.length;
  if (m === 0) return n;
  if (n === 0) return m;
  let before = new Array<number>(n + 1).fill(0);
  let previous = Array.from({ length: n + 1 }, (_, j) => j);
  let current = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= m; i++) {
    current[0] = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      current[j] = d;
    }
    [before, previous, current] = [previous, current, before];
  }
  return previous[n]!;
}

/**
 * The known words closest to `word` (folded), best first, ties in the
 * order given: those at the smallest distance, if it is at most `max`
 * (default: 1 for words of up to 4 letters, 2 up to 8, else 3).
 *
 * @example
 * closestWords('Skelleftea', ['Skellefteå', 'Skövde']); // ['Skellefteå']
 */
export function closestWords(word: string, known: readonly string[], max?: number): string[] {
  const folded = foldWord(word);
  const limit = max ?? (folded.length <= 4 ? 1 : folded.length <= 8 ? 2 : 3);
  // A word much longer than any known one (a pasted paragraph) has no suggestion: say so at once.
  if (folded.length > 200) return [];
  let best = Infinity;
  let found: string[] = [];
  for (const k of known) {
    const other = foldWord(k);
    if (Math.abs(other.length - folded.length) > limit) continue;
    const d = editDistance(folded, other);
    if (d > limit || d > best) continue;
    if (d < best) {
      best = d;
      found = [];
    }
    if (!found.includes(k)) found.push(k);
  }
  return found;
}

/**
 * `; did you mean X?` (or `X or Y`) for a message, or '' when no known word
 * is close. `describe` turns a word into its text in the message.
 */
export function didYouMean(word: string, known: readonly string[], describe: (k: string) => string = (k) => JSON.stringify(k), lang: Lang = 'en'): string {
  return suggestionText(closestWords(word, known).slice(0, 3).map(describe), lang);
}

/** {@link didYouMean} as a part of a message (`suggest.1` … `suggest.3`), or '' for no suggestion. */
export function suggestionHint(word: string, known: readonly string[], describe: (k: string) => string = (k) => JSON.stringify(k)): ProblemMessage | '' {
  return suggestionOf(closestWords(word, known).slice(0, 3).map(describe));
}

/** `; did you mean A?`, `; did you mean A, B or C?` (at most three), or '' for no suggestion. */
function suggestionOf(said: readonly string[]): ProblemMessage | '' {
  const [a, b, c] = said;
  if (a === undefined) return '';
  if (b === undefined) return { code: 'suggest.1', params: { a } };
  return c === undefined ? { code: 'suggest.2', params: { a, b } } : { code: 'suggest.3', params: { a, b, c } };
}

function suggestionText(said: readonly string[], lang: Lang = 'en'): string {
  const m = suggestionOf(said);
  return m === '' ? '' : messageText(m, lang);
}

/**
 * `; did you mean Vännäs (2460)?` for a value that names no municipality
 * but is close to a municipality's name (Swedish letters folded, `kommun`
 * dropped: `Umea kommun`, `Skelleftea`, `Lyksele`), or ''.
 */
export function municipalitySuggestion(geography: Geography, raw: string, lang: Lang): string {
  const m = municipalitySuggestionHint(geography, raw);
  return m === '' ? '' : messageText(m, lang);
}

/** {@link municipalitySuggestion} as a part of a message, or ''. */
export function municipalitySuggestionHint(geography: Geography, raw: string): ProblemMessage | '' {
  if (raw === '' || /^\d+$/.test(raw.trim())) return '';
  const byName = new Map(geography.municipalities.map((m) => [m.name, m] as const));
  // `Lyksele kommun` is compared as `Lyksele`: the geography's own suffixes (Sweden's `kommun`, `stad`), and `municipality` in any country.
  const rules = geography.names ?? NO_NAME_RULES;
  const folded = foldWord(raw);
  const bare = dropSuffix(dropSuffix(folded, rules.municipalitySuffixes?.map(foldWord)), ['municipality']);
  return suggestionHint(bare === folded ? raw : bare, [...byName.keys()], (name) => `${name} (${byName.get(name)!.code})`);
}

/**
 * `; did you mean Västerbottens län (24)?` for a value that names no county
 * but is close to one's name, with or without the county suffix and its
 * genitive under the geography's name rules (`län`, `s` in Sweden), or ''.
 */
export function countySuggestion(geography: Geography, raw: string, lang: Lang): string {
  const m = countySuggestionHint(geography, raw);
  return m === '' ? '' : messageText(m, lang);
}

/** {@link countySuggestion} as a part of a message, or '' for no suggestion. */
export function countySuggestionHint(geography: Geography, raw: string): ProblemMessage | '' {
  if (raw === '' || /^\d+$/.test(raw.trim())) return '';
  const rules = geography.names ?? NO_NAME_RULES;
  const names = new Map<string, { name: string; code: string }>();
  for (const c of geography.counties) {
    names.set(c.name, c);
    const bare = dropSuffix(c.name, rules.countySuffixes);
    const short = bare === c.name ? bare : (withoutGenitive(bare, rules) ?? bare);
    if (short !== c.name) names.set(short, c);
  }
  const seen = new Set<string>();
  const counties = closestWords(raw, [...names.keys()])
    .map((w) => names.get(w)!)
    .filter((c) => !seen.has(c.code) && seen.add(c.code))
    .slice(0, 3);
  return suggestionOf(counties.map((c) => `${c.name} (${c.code})`));
}
