import type { Lang } from './i18n/index.js';
import { z } from 'zod';
import type { DemoWords } from './demo-words.js';

/**
 * What samverkan knows of one country: its geography files, map polygons,
 * name rules, words for organisation types, default datasets and a fitted
 * recommender. A `Country` is plain data (file texts or paths, and
 * functions that build loader input), so every layer can read the part it
 * needs: io builds the geography (`countryGeography`), report parses the
 * map polygons, recommend the model. The countries samverkan ships live in
 * `src/countries/<country>/`; `loadCountry(folder)` makes one from a folder.
 */

/** A file a country ships, as text, with the name messages show (`data/<country>/municipalities.csv`). */
export interface CountryText {
  readonly text: string;
  readonly name: string;
}

/** A table of a country: embedded text, or a path to read. */
export type CountryTable = string | CountryText;

/** A table of municipality attributes, with headers renamed (`note` → `political_rule_note`). */
export type CountryAttributeTable = CountryTable | { readonly table: CountryTable; readonly rename?: Readonly<Record<string, string>> };

/** A row of an actors or links table, as the loader accepts it. */
export type Row = Record<string, string | number>;

/** Words a country writes, for messages: one text (written in English), or one per language, English among them. */
export type CountryWords = string | (Readonly<Partial<Record<Lang, string>>> & { readonly en: string });

/** The words in `lang`, else in English. */
export function countryWordsIn(words: CountryWords, lang: Lang): string {
  return typeof words === 'string' ? words : (words[lang] ?? words.en);
}

/** A dataset a country ships (the CLI's `--dataset NAME`). */
export interface CountryDataset {
  /** What it is, in words, for messages: `the embedded demo dataset (synthetic)` (per language, or English). */
  readonly description: CountryWords;
  /** The loader's input: its actors and links, as tables or rows. */
  readonly input: () => { readonly actors: CountryTable | readonly Row[]; readonly links: CountryTable | readonly Row[] };
  /** Capability records that go with it (`loadCapabilities`), loaded with it by default; say in `capabilitiesDescription` what they are. */
  readonly capabilities?: CountryTable;
  /** What the capability records are, in words, for messages: `synthetic capabilities (not real)`. */
  readonly capabilitiesDescription?: CountryWords;
}

/**
 * How a country writes its place names, so `Umeå kommun`, `Göteborgs stad`
 * and `Stockholms län` find Umeå, Göteborg and Stockholms län. Without
 * rules a name matches only as written (case, spaces and Unicode form
 * aside): another country's suffixes never apply.
 */
export const NameRulesSchema = z.strictObject({
  /** Words a municipality's name may end with that are not part of it, lower case: `kommun`, `stad`. */
  municipalitySuffixes: z.array(z.string().min(1)).optional(),
  /** Words a county's name may end with, lower case: `län`. */
  countySuffixes: z.array(z.string().min(1)).optional(),
  /** A genitive ending a name may carry before its suffix, tried without it: `s` (`Göteborgs stad`, `Stockholms län`). */
  genitive: z.string().min(1).optional(),
  /** BCP 47 locale for lower case and alphabetical order: `sv`. Default: the root locale. */
  locale: z.string().min(1).optional(),
});
export type NameRules = z.infer<typeof NameRulesSchema>;

/** No name rules: names match as written, in the root locale. */
export const NO_NAME_RULES: NameRules = Object.freeze({});

export interface Country {
  /** The country's name, e.g. the geography's `name`; `--geography NAME` matches it without case. */
  readonly name: string;
  /** The country's name as reports and tables write it, per language: `{ en: 'Sweden', sv: 'Sverige' }`. Default: `name`. */
  readonly displayName?: CountryWords;
  /** Where the data comes from, kept with the geography and shown in reports (in the report's language). */
  readonly source?: CountryWords;
  /** The three geography files and any tables of municipality attributes (see `loadGeography`). */
  readonly geography: {
    readonly municipalities: CountryTable;
    readonly counties: CountryTable;
    readonly adjacency: CountryTable;
    readonly attributes?: readonly CountryAttributeTable[];
  };
  /** Map polygons: a GeoJSON FeatureCollection with a `code` property per municipality. */
  readonly mapFeatures?: CountryText;
  /** Central meridian of its whole map's transverse Mercator projection, in degrees east (Sweden: 15). Default: the middle of the polygons' longitudes. */
  readonly mapMeridian?: number;
  /** How its place names are written (suffixes, genitive, collation locale). */
  readonly names?: NameRules;
  /** The language reports, gaps and reasons are written in when none is asked for (Sweden: `sv`). Default: English. */
  readonly language?: Lang;
  /**
   * Its words for organisation types, in its languages: a kinds file
   * (columns word, kind; Sweden's `data/sweden/kinds.csv`), kept with its
   * geography (`Geography.kinds`), so files and options of its networks
   * read `Trossamfund` as religious. The model knows the kind codes and
   * English words only.
   */
  readonly kinds?: CountryTable;
  /** Datasets by name (`demo`, `bodies`): the CLI's `--dataset`. */
  readonly datasets?: Readonly<Record<string, CountryDataset>>;
  /** A recommender fitted on the country's own bodies (`RecommenderModel` JSON). */
  readonly recommender?: CountryText;
  /** Its words for the synthetic generator (authorities, generic names of invented actors and places): the demo dataset's and `syntheticNetwork`'s names. */
  readonly demoWords?: DemoWords;
}
