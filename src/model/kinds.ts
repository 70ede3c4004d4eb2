/**
 * The vocabulary of organisation types: the words files use for what an
 * actor is, each mapped to one of the kinds samverkan measures
 * (`KNOWN_ACTOR_KINDS`). The model knows the kind codes and English words
 * (`faith community`, `sports club`, `county administrative board`); a
 * country adds the words of its languages with its kinds file, carried by
 * its geography (`Geography.kinds`): in Sweden `Idrottsförening` is civil
 * society, `moské` a religious community and `länsstyrelse` an authority.
 * The loaders and every option that names kinds read them with the words
 * of the network's geography ({@link geographyKindVocabulary}).
 *
 * Matching is case- and diacritic-insensitive (`Forsamling` is
 * `församling`), spaces, hyphens and underscores are one (`IOP partner`,
 * `iop-partner`), and plurals are listed (`associations`). A kind outside
 * the vocabulary is kept as written (as a snake_case word) and reported,
 * once per kind, by the loader. Users add words with a kinds file
 * (`loadNetwork(…, { kindsFile })`, CLI `--kinds-file`).
 */
import { cached } from './cache.js';
import { foldWord } from './suggest.js';

/**
 * The model's vocabulary: each known kind and the English words that mean it.
 * A country's words (Sweden's `myndighet`, `trossamfund`, `kommunalförbund`
 * …) are its own, in its kinds file (`Country.kinds`, carried by its
 * geography as `Geography.kinds`).
 */
export const KIND_VOCABULARY: Readonly<Record<string, readonly string[]>> = Object.freeze({
  municipality: ['municipality', 'municipalities', 'local authority', 'local authorities'],
  county: ['county', 'counties'],
  authority: [
    'government agency',
    'government agencies',
    'agency',
    'agencies',
    'authority',
    'authorities',
    'public authority',
    'public authorities',
    'police',
    'county administrative board',
    'county administrative boards',
    'county council',
    'county councils',
    'regional council',
    'school',
    'schools',
    'social services',
    'fire and rescue service',
  ],
  religious: [
    'religious',
    'religious community',
    'religious communities',
    'religious organisation',
    'religious organization',
    'faith',
    'faith community',
    'faith communities',
    'faith-based organisation',
    'church',
    'churches',
    'parish',
    'parishes',
    'congregation',
    'congregations',
    'mosque',
    'mosques',
    'synagogue',
    'synagogues',
    'temple',
    'temples',
    'gurdwara',
  ],
  civil_society: [
    'civil society',
    'civil society organisation',
    'civil society organisations',
    'civil society organization',
    'civil society organizations',
    'ngo',
    'ngos',
    'cso',
    'csos',
    'association',
    'associations',
    'voluntary organisation',
    'voluntary organisations',
    'voluntary organization',
    'non-profit',
    'nonprofit',
    'non-profit organisation',
    'sports club',
    'sports clubs',
    'study association',
    'study associations',
    'charity',
    'foundation',
  ],
  joint_body: ['joint body', 'joint bodies', 'joint authority', 'joint committee'],
  other: ['other', 'others'],
});

/** A word folded for the vocabulary: diacritics and case away, separators as `_`. */
export function foldKind(word: string): string {
  return foldWord(word).replace(/[^\p{L}\p{N}]+/gu, '_').replace(/^_+|_+$/g, '');
}

/** Folded word → [kind, the word as written in the vocabulary], built once. */
const BUILT_IN: ReadonlyMap<string, readonly [string, string]> = (() => {
  const map = new Map<string, readonly [string, string]>();
  for (const [kind, words] of Object.entries(KIND_VOCABULARY)) {
    map.set(foldKind(kind), [kind, kind]);
    for (const w of words) map.set(foldKind(w), [kind, w]);
  }
  return map;
})();

/** The kinds samverkan knows by name (those of the vocabulary). */
export const VOCABULARY_KINDS: readonly string[] = Object.freeze(Object.keys(KIND_VOCABULARY));

/** Words → kinds: a record, a map, or rows of a kinds file (`Geography.kinds`). */
export type KindWords = Readonly<Record<string, string>> | ReadonlyMap<string, string> | readonly { readonly word: string; readonly kind: string }[];

/**
 * A vocabulary: the model's words (the kind codes and English), then a
 * country's, then a user's: `extra` (word → kind) added to `base` (default:
 * the model's words), a later word winning over an earlier one.
 */
export class KindVocabulary {
  private readonly words: Map<string, readonly [string, string]>;
  constructor(extra: KindWords = {}, base?: KindVocabulary) {
    this.words = new Map(base ? base.words : BUILT_IN);
    const entries: [string, string][] = Array.isArray(extra) ? extra.map((w) => [w.word, w.kind]) : extra instanceof Map ? [...extra] : Object.entries(extra);
    for (const [word, kind] of entries) this.words.set(foldKind(word), [kindWord(kind), word]);
  }

  /** This vocabulary with more words (a user's kinds file over a country's words). */
  with(extra: KindWords): KindVocabulary {
    return new KindVocabulary(extra, this);
  }

  /**
   * Words as written → the kind the vocabulary gives them (undefined: it
   * does not know the word) and the kind as stored: a file spells its kinds
   * a handful of ways over many rows.
   */
  private readonly seen = new Map<string, readonly [string | undefined, string]>();

  /** A word's entry in {@link seen}, made on first use. */
  private entry(word: string): readonly [string | undefined, string] {
    let entry = this.seen.get(word);
    if (entry === undefined) {
      const known = this.words.get(foldKind(word))?.[0];
      entry = [known, known ?? kindWord(word)];
      if (this.seen.size < 10_000) this.seen.set(word, entry);
    }
    return entry;
  }

  /** The kind a word names, or `undefined` when the vocabulary does not know it. */
  lookup(word: string): string | undefined {
    return this.entry(word)[0];
  }

  /**
   * The kind of a word as the loader stores it: its vocabulary kind, else
   * the word itself as a snake_case kind (lower case, runs of other
   * characters as `_`, diacritics kept).
   */
  kindOf(word: string): string {
    return this.entry(word)[1];
  }

  /** Every word the vocabulary knows, as written, with its kind (for suggestions). */
  entries(): [string, string][] {
    return [...this.words.values()].map(([kind, word]) => [word, kind]);
  }
}

/**
 * Whether a kind given as an option is a word `vocabulary` does not know,
 * written with capitals: a word of some language (`Myndighet` where the
 * country has no Swedish words), not a kind of one's own (written in lower
 * case). Options refuse it (`KindOptionSchema`).
 */
export function isUnknownKindWord(word: string, vocabulary: KindVocabulary): boolean {
  return word !== word.toLowerCase() && vocabulary.lookup(word) === undefined;
}

/** A word as a kind: NFC, lower case, runs of non-letters and non-digits as `_`. */
export function kindWord(word: string): string {
  return word
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '_')
    .replace(/^_+|_+$/g, '');
}

/** The model's vocabulary: the kind codes and their English words, no country's. */
export const DEFAULT_KINDS = new KindVocabulary();

/**
 * The kind vocabulary of a geography: the model's words (kind codes,
 * English) and the words of its country (`geography.kinds`, from the
 * country's kinds file). Built once per geography's words.
 *
 * @example
 * geographyKindVocabulary(swedenGeography()).lookup('Trossamfund'); // 'religious'
 */
export function geographyKindVocabulary(geography: { readonly kinds?: KindWords | undefined }): KindVocabulary {
  const words = geography.kinds;
  if (words === undefined) return DEFAULT_KINDS;
  // Keyed by the words object, not the geography: a geography copied with the same words (a scope, a folder read again) shares it.
  return cached(words, 'kinds:vocabulary', () => new KindVocabulary(words));
}

/**
 * Normalise an actor kind as written in a file: a word of the vocabulary
 * (see {@link KIND_VOCABULARY}; `Faith community` → `religious`,
 * `Sports club` → `civil_society`, and with a country's words, Sweden's
 * `Trossamfund` → `religious`), else the word as a snake_case kind (lower
 * case, runs of non-letters/digits as `_`). `vocabulary`: the model's words
 * by default; a geography's with {@link geographyKindVocabulary}.
 */
export function normaliseKind(kind: string, vocabulary: KindVocabulary = DEFAULT_KINDS): string {
  // A file spells its kinds a handful of ways over hundreds of thousands of rows: each vocabulary remembers them.
  return vocabulary.kindOf(kind);
}
