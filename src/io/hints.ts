/**
 * Hints for values the loader cannot resolve: what the value most likely
 * is, so the message says what to do. Each returns a part of a message
 * (its text starts with "; "), or '' when it has nothing to say.
 */
import { cmp, geographyWords, indexGeography, municipalityNameKeys, normaliseName } from '../model/geography.js';
import type { Geography, Municipality } from '../model/schema.js';
import { lookalikeHint, skeleton, visibleText } from '../model/text.js';
import { municipalitySuggestionHint } from '../model/suggest.js';
import { because, hint, type ProblemMessage, type ProblemReason } from '../model/load-report.js';
import { cached } from '../model/cache.js';

export { municipalitySuggestionHint };

/**
 * A code that Excel turned into a number: `1.18E+03` (scientific notation)
 * or `1180.0`. Says so, with the number it stands for.
 */
export function excelHint(raw: string): ProblemMessage | '' {
  const scientific = /^([+-]?\d+(?:[.,]\d+)?)[eE]\+?(\d+)$/.exec(raw);
  if (scientific) {
    const value = Number(`${scientific[1]!.replace(',', '.')}e${scientific[2]}`);
    const shown = Number.isFinite(value) && Number.isInteger(value) && Math.abs(value) < 1e21 ? hint('hint.excel_scientific.value', { raw, value: String(value) }) : '';
    return hint('hint.excel_scientific', { shown });
  }
  if (/^\d+[.,]0+$/.test(raw)) return hint('hint.excel_decimal');
  return '';
}

/** The municipalities whose normalised name is the one given (with the genitive of "Göteborgs stad" tried as well, under the geography's name rules). */
function municipalitiesNamed(geography: Geography, raw: string): Municipality[] {
  const rules = geography.names;
  for (const key of municipalityNameKeys(raw, rules)) {
    const found = geography.municipalities.filter((m) => normaliseName(m.name, rules) === key);
    if (found.length > 0) return found;
  }
  return [];
}

/**
 * A name that several municipalities of the geography share: the reason
 * for it, listing each with its code and county, or `undefined` when the
 * name is not ambiguous.
 */
export function ambiguousMunicipality(geography: Geography, raw: string): ProblemReason | undefined {
  const matches = municipalitiesNamed(geography, raw).sort((a, b) => cmp(a.code, b.code));
  if (matches.length < 2) return undefined;
  const ix = indexGeography(geography);
  const list = matches.map((m) => `${m.code} ${m.name} (${ix.county.get(m.county)?.name ?? m.county})`).join(', ');
  return because('municipality.ambiguous', { n: matches.length, geography: geographyWords(geography), list });
}


/** A municipality whose name looks the same as `raw` (Cyrillic "е" in "Umеå"), as a hint. */
export function lookalikeMunicipality(geography: Geography, raw: string): ProblemMessage | '' {
  const normal = (name: string) => normaliseName(name, geography.names);
  const key = skeleton(normal(raw));
  const map = cached(geography, 'io:skeletons', () => new Map(geography.municipalities.map((m) => [skeleton(normal(m.name)), m] as const)));
  const m = map.get(key);
  if (!m || normal(m.name) === normal(raw)) return '';
  return hint('hint.lookalike_municipality', { name: m.name, code: m.code, lookalike: lookalikeHint(normal(raw), normal(m.name)) });
}

/**
 * Ids by what they look like ({@link skeleton}), to warn when a new id looks
 * the same as an earlier one but is not (Latin "o" and Cyrillic "о").
 */
export class Lookalikes {
  private readonly bySkeleton = new Map<string, { id: string; row: number }>();

  /**
   * `known`: the ids added so far with their rows, when the caller keeps
   * them anyway (the actors reader does): an id of printable ASCII is its
   * own skeleton, so it is looked up there rather than stored again (half a
   * million ids make a map of their own cost a quarter of a second).
   */
  constructor(private readonly known?: Pick<ReadonlyMap<string, { row: number }>, 'get' | 'has'>) {}

  /**
   * Add an id (with `known`, after adding it there); returns the earlier id
   * that looks the same, if any. `printable`: the caller knows the id is
   * printable ASCII (read from such bytes), so it is not tested again.
   */
  add(id: string, row: number, printable = false): { id: string; row: number } | undefined {
    const { known } = this;
    const ascii = known !== undefined && (printable || PRINTABLE_ASCII.test(id));
    // An ASCII id's only twins are the ids of other text stored so far (the others are in `known`): none yet, nothing to look up.
    if (ascii && this.bySkeleton.size === 0) return undefined;
    const key = ascii ? id : skeleton(id);
    let earlier = this.bySkeleton.get(key);
    if (earlier === undefined && known !== undefined && key !== id && PRINTABLE_ASCII.test(key)) {
      const before = known.get(key);
      if (before !== undefined) earlier = { id: key, row: before.row };
    }
    if (earlier && earlier.id !== id) return earlier;
    if (!earlier && !ascii) this.bySkeleton.set(key, { id, row });
    return undefined;
  }

  /** An id that looks like `value` but is not it, if any. */
  find(value: string): string | undefined {
    const key = skeleton(value);
    const earlier = this.bySkeleton.get(key)?.id ?? (this.known?.has(key) && PRINTABLE_ASCII.test(key) ? key : undefined);
    return earlier !== undefined && earlier !== value ? earlier : undefined;
  }
}

const PRINTABLE_ASCII = /^[\x20-\x7E]*$/;

/** The hint for a link end that looks like a declared id. */
export function lookalikeIdHint(value: string, id: string): ProblemMessage {
  return hint('hint.lookalike_id', { id: visibleText(id), lookalike: lookalikeHint(value, id) });
}

