/**
 * From a {@link Country} to what the loaders use: its geography (built once
 * per country object), the default geography, and a country read from a
 * folder of CSV files. Nothing here knows a country by name: the default is
 * `src/countries/default.ts`'s.
 */
import { LangSchema, type Lang } from '../model/i18n/index.js';
import { DEFAULT_COUNTRY } from '../countries/default.js';
import { cached } from '../model/cache.js';
import { deepFrozen } from '../model/frozen.js';
import { countryWordsIn, NameRulesSchema, type Country, type CountryText } from '../model/country.js';
import { SamverkanError } from '../model/errors.js';
import { messageText, type ProblemMessage } from '../model/i18n/problem.js';
import { parseOptions } from '../model/options.js';
import { geographyKindVocabulary, normaliseKind as normaliseKindIn } from '../model/kinds.js';
import type { Geography } from '../model/schema.js';
import { fileExists, folderName, GEOGRAPHY_FOLDER_FILES, joinPath, loadGeography } from './geography.js';
import { readFileBytes, type TableSource } from './source.js';
import { decodeText } from './text.js';
import { z } from 'zod';

/** Input for `loadNetwork`: actors and links as tables. */
export interface DatasetInput {
  actors: TableSource;
  links: TableSource;
}

/**
 * The geography of `country`, built from its files with its name, source
 * and name rules. The same object on every call for one country: treat it
 * as read-only.
 *
 * @example
 * countryGeography(loadCountry('data/sweden')).municipalities.length; // 290
 */
export function countryGeography(country: Country): Geography {
  // Shared by every call: frozen, so one caller's change cannot reach another's analyses.
  return cached(country, 'country:geography', () =>
    deepFrozen({
      ...loadGeography(country.geography, {
        name: country.name,
        ...(country.names !== undefined && { names: country.names }),
        ...(country.language !== undefined && { language: country.language }),
        ...(country.kinds !== undefined && { kindsFile: country.kinds }),
      }),
      ...(country.displayName !== undefined && { displayName: country.displayName }),
      ...(country.source !== undefined && { source: country.source }),
      // What the maps and the recommender of its networks read (texts: the geography stays plain data).
      ...(country.mapFeatures !== undefined && { mapFeatures: country.mapFeatures }),
      ...(country.mapMeridian !== undefined && { mapMeridian: country.mapMeridian }),
      ...(country.recommender !== undefined && { recommender: country.recommender }),
    }),
  );
}

/**
 * An actor kind as the loaders store it, read with the words of
 * `geography` (default: the default country's, as the loaders): a word of
 * its vocabulary (the kind codes, English words and its country's kinds
 * file) is that kind, anything else a kind of one's own in snake_case.
 *
 * @example
 * normaliseKind('Faith community'); // 'religious'
 * normaliseKind('Imam'); // 'imam', a kind of your own
 */
export function normaliseKind(kind: string, geography: Pick<Geography, 'kinds'> = defaultGeography()): string {
  return normaliseKindIn(kind, geographyKindVocabulary(geography));
}

/**
 * The geography of the default country (`DEFAULT_COUNTRY`): what the
 * loaders use when none is given. The one place the library reads the
 * default country; everything else takes what a country ships from the
 * network's geography (`countryGeography` keeps its polygons, meridian and
 * recommender there), so a network of another country meets nothing of the
 * default's.
 */
export function defaultGeography(): Geography {
  return countryGeography(DEFAULT_COUNTRY);
}

/** A dataset the country ships (`demo`, `bodies`) as loader input, or undefined when it has none of that name. */
export function countryDataset(country: Country, name: string): DatasetInput | undefined {
  const dataset = Object.hasOwn(country.datasets ?? {}, name) ? country.datasets![name] : undefined;
  return dataset?.input();
}

/**
 * The capability records a dataset the country ships goes with (the demo's
 * synthetic ones), as `loadCapabilities` input, with what they are in
 * words; undefined when the dataset has none.
 *
 * @example
 * const demo = countryDatasetCapabilities(SWEDEN, 'demo');
 * const caps = demo && loadCapabilities(demo.source, loadNetwork(countryDataset(SWEDEN, 'demo')!));
 */
export function countryDatasetCapabilities(country: Country, name: string, lang: Lang = 'en'): { source: TableSource; description: string } | undefined {
  const dataset = Object.hasOwn(country.datasets ?? {}, name) ? country.datasets![name] : undefined;
  if (dataset?.capabilities === undefined) return undefined;
  return { source: dataset.capabilities, description: dataset.capabilitiesDescription !== undefined ? countryWordsIn(dataset.capabilitiesDescription, lang) : `the capabilities of the dataset ${name}` };
}

export const LoadCountryOptionsSchema = z.strictObject({
  /** The country's name. Default: the folder's name. */
  name: z.string().min(1).optional(),
  /** Where the data comes from, kept with the geography. */
  source: z.string().optional(),
  /** How its place names are written (`NameRules`, e.g. from a module of its own). Default: none, names match as written. */
  names: NameRulesSchema.optional(),
  /** The language its sentences are written in when none is asked for. Default: none (English). */
  language: LangSchema.optional(),
});
export type LoadCountryOptions = z.input<typeof LoadCountryOptionsSchema>;

/** Thrown when an optional file of a country's folder is there but cannot be read; `describe(lang)` says why in a language. */
export class CountryError extends SamverkanError {
  /** Why, as data (a catalogue code and its values). */
  readonly said: ProblemMessage;
  constructor(file: string, said: ProblemMessage) {
    super('COUNTRY', `${file}: ${messageText(said, 'en')}`, { file });
    this.name = 'CountryError';
    this.said = said;
  }

  override describe(lang: Lang): string {
    return `${this.file}: ${messageText(this.said, lang)}`;
  }
}

/**
 * A country from a folder: `municipalities.csv`, `counties.csv` and
 * `adjacency.csv` (see `loadGeography`), and when present
 * `attributes.csv` (more municipality attributes), `municipalities.geojson`
 * (map polygons with a `code` per municipality) and `kinds.csv` (words for
 * organisation types: word, kind). The geography files are read when the
 * geography is first asked for (`countryGeography`); the polygons at once.
 *
 * @example
 * const testland = loadCountry('data/testland', { name: 'Testland' });
 * const net = loadNetwork({ links: 'source,target\n101,102\n', geography: countryGeography(testland) });
 */
export function loadCountry(folder: string, options: LoadCountryOptions = {}): Country {
  const o = parseOptions(LoadCountryOptionsSchema, options, 'loadCountry');
  const file = (name: string) => joinPath(folder, name);
  const present = (name: string) => fileExists(file(name));
  const country: Country = {
    name: o.name ?? folderName(folder),
    ...(o.source !== undefined && { source: o.source }),
    geography: {
      municipalities: file(GEOGRAPHY_FOLDER_FILES.municipalities),
      counties: file(GEOGRAPHY_FOLDER_FILES.counties),
      adjacency: file(GEOGRAPHY_FOLDER_FILES.adjacency),
      ...(present(GEOGRAPHY_FOLDER_FILES.attributes) && { attributes: [file(GEOGRAPHY_FOLDER_FILES.attributes)] }),
    },
    ...(present('municipalities.geojson') && { mapFeatures: readText(file('municipalities.geojson')) }),
    ...(o.names !== undefined && { names: o.names }),
    ...(o.language !== undefined && { language: o.language }),
    ...(present(GEOGRAPHY_FOLDER_FILES.kinds) && { kinds: file(GEOGRAPHY_FOLDER_FILES.kinds) }),
  };
  return Object.freeze(country);
}

/** A small text file of a country's folder, decoded like every table. */
function readText(path: string): CountryText {
  const read = readFileBytes(path, 'file');
  if ('reason' in read) throw new CountryError(path, { code: read.code, ...(read.params !== undefined && { params: read.params }) });
  return { text: decodeText(read.bytes).text, name: path };
}
