/**
 * The vocabulary of organisation types: the words Swedish and English files
 * use for what an actor is, each mapped to one of the kinds samverkan
 * measures (`KNOWN_ACTOR_KINDS`). `Idrottsförening`, `studieförbund` and
 * `IOP-partner` are civil society; `Svenska kyrkan`, `moské` and
 * `frikyrka` religious communities; `länsstyrelse`, `region`, `polis`,
 * `Försäkringskassan` and `skola` authorities.
 *
 * Matching is case- and diacritic-insensitive (`Forsamling` is
 * `församling`), spaces, hyphens and underscores are one (`IOP partner`,
 * `iop-partner`), and plurals are listed (`föreningar`, `moskéer`,
 * `associations`). A kind outside the vocabulary is kept as written (as a
 * snake_case word) and reported, once per kind, by the loader. Users add
 * words with a kinds file (`loadNetwork(…, { kinds })`, CLI `--kinds-file`).
 */
import { foldWord } from './suggest.js';

/** The vocabulary: each known kind and the words that mean it. */
export const KIND_VOCABULARY: Readonly<Record<string, readonly string[]>> = Object.freeze({
  municipality: ['kommun', 'kommuner', 'kommunen', 'municipality', 'municipalities', 'local authority', 'local authorities', 'primärkommun'],
  county: ['län', 'lan', 'county', 'counties'],
  authority: [
    'myndighet',
    'myndigheter',
    'statlig myndighet',
    'statliga myndigheter',
    'government agency',
    'government agencies',
    'agency',
    'agencies',
    'authority',
    'authorities',
    'public authority',
    'public authorities',
    'polis',
    'polisen',
    'polismyndigheten',
    'polisregion',
    'polisområde',
    'lokalpolisområde',
    'police',
    'länsstyrelse',
    'länsstyrelsen',
    'länsstyrelser',
    'county administrative board',
    'county administrative boards',
    'region',
    'regionen',
    'regioner',
    'landsting',
    'landstinget',
    'county council',
    'county councils',
    'regional council',
    'försäkringskassan',
    'arbetsförmedlingen',
    'migrationsverket',
    'kriminalvården',
    'säkerhetspolisen',
    'säpo',
    'tullverket',
    'kustbevakningen',
    'skatteverket',
    'socialstyrelsen',
    'skola',
    'skolan',
    'skolor',
    'grundskola',
    'gymnasieskola',
    'gymnasium',
    'school',
    'schools',
    'socialtjänst',
    'socialtjänsten',
    'social services',
    'räddningstjänst',
    'räddningstjänsten',
    'fire and rescue service',
  ],
  religious: [
    'religiös',
    'religiöst samfund',
    'religiösa samfund',
    'religious',
    'religious community',
    'religious communities',
    'religious organisation',
    'religious organization',
    'faith',
    'faith community',
    'faith communities',
    'faith-based organisation',
    'trossamfund',
    'samfund',
    'församling',
    'församlingar',
    'församlingen',
    'svenska kyrkan',
    'kyrka',
    'kyrkan',
    'kyrkor',
    'pastorat',
    'frikyrka',
    'frikyrkor',
    'frikyrkoförsamling',
    'katolska kyrkan',
    'katolsk församling',
    'ortodox församling',
    'ortodoxa kyrkan',
    'moské',
    'moskén',
    'moskéer',
    'moskeförening',
    'islamisk förening',
    'islamiskt förbund',
    'muslimsk församling',
    'synagoga',
    'synagogan',
    'synagogor',
    'judisk församling',
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
    'tempel',
    'gurdwara',
  ],
  civil_society: [
    'civil society',
    'civil society organisation',
    'civil society organisations',
    'civil society organization',
    'civil society organizations',
    'civilsamhälle',
    'civilsamhället',
    'civilsamhällesorganisation',
    'civilsamhällesorganisationer',
    'förening',
    'föreningar',
    'föreningen',
    'ideell förening',
    'ideella föreningar',
    'ideell',
    'ideell organisation',
    'ideella organisationer',
    'idéburen organisation',
    'idéburna organisationer',
    'idéburen',
    'iop',
    'iop partner',
    'iop partners',
    'iop-partner',
    'idrottsförening',
    'idrottsföreningar',
    'idrottsklubb',
    'idrottsklubbar',
    'sportklubb',
    'studieförbund',
    'studieförbunden',
    'folkbildning',
    'folkhögskola',
    'frivilligorganisation',
    'frivilligorganisationer',
    'volontärorganisation',
    'ungdomsförening',
    'kulturförening',
    'invandrarförening',
    'stiftelse',
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
  joint_body: [
    'joint body',
    'joint bodies',
    'joint authority',
    'joint committee',
    'kommunalförbund',
    'kommunalförbundet',
    'samordningsförbund',
    'samordningsförbundet',
    'räddningstjänstförbund',
    'gemensam nämnd',
    'gemensamma nämnder',
    'förbund',
    'kommunalt bolag',
    'delregionalt samarbete',
  ],
  other: ['annan', 'annat', 'övrigt', 'övrig', 'övriga', 'other', 'others'],
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

/**
 * A vocabulary: the built-in words plus a user's (`extra`: word → kind; a
 * user's word wins over a built-in one).
 */
export class KindVocabulary {
  private readonly words: Map<string, readonly [string, string]>;
  constructor(extra: Readonly<Record<string, string>> | ReadonlyMap<string, string> = {}) {
    this.words = new Map(BUILT_IN);
    const entries = extra instanceof Map ? [...extra] : Object.entries(extra);
    for (const [word, kind] of entries) this.words.set(foldKind(word), [kindWord(kind), word]);
  }

  /** Words as written → their kind (null: unknown), since a file spells its kinds a handful of ways over many rows. */
  private readonly seen = new Map<string, string | null>();

  /** The kind a word names, or `undefined` when the vocabulary does not know it. */
  lookup(word: string): string | undefined {
    let kind = this.seen.get(word);
    if (kind === undefined) {
      kind = this.words.get(foldKind(word))?.[0] ?? null;
      if (this.seen.size < 10_000) this.seen.set(word, kind);
    }
    return kind ?? undefined;
  }

  /**
   * The kind of a word as the loader stores it: its vocabulary kind, else
   * the word itself as a snake_case kind (lower case, runs of other
   * characters as `_`, diacritics kept).
   */
  kindOf(word: string): string {
    return this.lookup(word) ?? kindWord(word);
  }

  /** Every word the vocabulary knows, as written, with its kind (for suggestions). */
  entries(): [string, string][] {
    return [...this.words.values()].map(([kind, word]) => [word, kind]);
  }
}

/** A word as a kind: NFC, lower case, runs of non-letters and non-digits as `_`. */
export function kindWord(word: string): string {
  return word
    .normalize('NFC')
    .toLocaleLowerCase('sv')
    .replace(/[^\p{L}\p{N}]+/gu, '_')
    .replace(/^_+|_+$/g, '');
}

/** The built-in vocabulary. */
export const DEFAULT_KINDS = new KindVocabulary();

/**
 * Normalise an actor kind as written in a file: a word of the vocabulary
 * (see {@link KIND_VOCABULARY}; `Trossamfund` → `religious`,
 * `Idrottsförening` → `civil_society`, `Länsstyrelsen` → `authority`), else
 * the word as a snake_case kind (lower case, runs of non-letters/digits as
 * `_`). `vocabulary` adds a user's words.
 */
export function normaliseKind(kind: string, vocabulary: KindVocabulary = DEFAULT_KINDS): string {
  // A file spells its kinds a handful of ways over hundreds of thousands of rows.
  if (vocabulary !== DEFAULT_KINDS) return vocabulary.kindOf(kind);
  let normalised = normalisedKinds.get(kind);
  if (normalised === undefined) {
    normalised = vocabulary.kindOf(kind);
    if (normalisedKinds.size < 10_000) normalisedKinds.set(kind, normalised);
  }
  return normalised;
}
const normalisedKinds = new Map<string, string>();
