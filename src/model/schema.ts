import { LangSchema } from './i18n/index.js';
import { z } from 'zod';
import { NameRulesSchema } from './country.js';

/**
 * The data model as zod schemas: the single source of truth. Every type the
 * library exposes for actors, links and geography is inferred from these.
 */

/** Actor kinds samverkan knows by name. Users may add their own (any snake_case word). */
export const KNOWN_ACTOR_KINDS = [
  'municipality',
  'county',
  'authority',
  'religious',
  'civil_society',
  'joint_body',
  'other',
] as const;

export type KnownActorKind = (typeof KNOWN_ACTOR_KINDS)[number];

/**
 * An actor kind: one of {@link KNOWN_ACTOR_KINDS} or a user-defined kind.
 * Kinds are compared as lower-case snake_case words (`Civil society` and
 * `civil_society` are the same kind); the CSV loader normalises them.
 */
export const ActorKindSchema = z
  .string()
  .regex(/^[\p{Ll}\p{Lo}\p{N}_]+$/u, 'a kind is a lower-case word (letters, digits, underscores)');
export type ActorKind = KnownActorKind | (string & {});

const isAttributeRecord = (value: unknown): value is Record<string, string> =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.values(value).every((v) => typeof v === 'string');

/**
 * Free-form extra attributes (columns of the actors file that samverkan does
 * not interpret). Validated in place rather than copied, because copying by
 * assignment would drop or misinterpret a key such as `__proto__`.
 */
export const AttributesSchema = z.custom<Record<string, string>>(isAttributeRecord, {
  message: 'attributes must be an object of strings',
});

const code = z.string().min(1);

/** An ISO calendar date, `YYYY-MM-DD`, checked to exist (no 2023-02-30). */
export const IsoDateSchema = z.iso.date();

export const ActorSchema = z.object({
  /** Unique id; any non-empty string. Municipalities use their code. */
  id: z.string().min(1),
  /** Display name. */
  name: z.string().min(1),
  kind: ActorKindSchema,
  /** Code of the municipality the actor belongs to; absent for regional and national actors. */
  municipality: code.optional(),
  /** Code of the county; derived from `municipality` when absent. */
  county: code.optional(),
  attributes: AttributesSchema.optional(),
});
export type Actor = z.infer<typeof ActorSchema>;

export const LinkSchema = z
  .object({
    source: z.string().min(1),
    target: z.string().min(1),
    /** What the cooperation is: agreement, joint body membership, network, project… */
    kind: z.string().min(1).optional(),
    /** Tie strength, a positive number. Repeated links between a pair add up. */
    weight: z.number().positive().finite().default(1),
    since: IsoDateSchema.optional(),
    until: IsoDateSchema.optional(),
    attributes: AttributesSchema.optional(),
  })
  .refine((l) => l.source !== l.target, { message: 'a link cannot join an actor to itself', path: ['target'] })
  .refine((l) => !l.since || !l.until || l.until >= l.since, {
    message: '`until` is before `since`',
    path: ['until'],
  });
export type Link = z.infer<typeof LinkSchema>;
export type LinkInput = z.input<typeof LinkSchema>;

export const MunicipalitySchema = z.object({
  code,
  name: z.string().min(1),
  /** County code. */
  county: code,
  population: z.number().int().nonnegative(),
  /** Year of the population figure. */
  populationYear: z.number().int(),
  /** Exact reference date of the population figure, when known. */
  populationDate: IsoDateSchema.optional(),
  /** Centroid latitude, WGS84 degrees. */
  lat: z.number().min(-90).max(90),
  /** Centroid longitude, WGS84 degrees. */
  lon: z.number().min(-180).max(180),
  /** Area in km², approximate (includes inland water in the Swedish data). */
  areaKm2: z.number().nonnegative().optional(),
  /** True when the municipality shares no border with another (an island such as Gotland). */
  island: z.boolean(),
  /**
   * Attributes any country can supply, as text: regions (Sweden: the local
   * labour-market region `la_region_2023`), municipality groups, political
   * rule … Keys are normalised header names (lower case, `_` for spaces).
   * The recommender's `sameAttribute` features compare them.
   */
  attributes: AttributesSchema.optional(),
});
export type Municipality = z.infer<typeof MunicipalitySchema>;

export const CountySchema = z.object({ code, name: z.string().min(1) });
export type County = z.infer<typeof CountySchema>;

/** An unordered pair of municipalities that share a border, stored with `a < b`. */
export const BorderSchema = z.object({ a: code, b: code });
export type Border = z.infer<typeof BorderSchema>;

/** A word for an organisation type and the kind it means (a row of a kinds file). */
export const KindWordSchema = z.object({ word: z.string().min(1), kind: ActorKindSchema.min(1) });
export type KindWord = z.infer<typeof KindWordSchema>;

/** Words in each language (English always, the others where known), or one text for every language: a `CountryWords`. */
export const WordsSchema = z.union([z.string().min(1), z.strictObject({ en: z.string().min(1), sv: z.string().min(1).optional() })]);

/** A file a country ships, as text, with the name messages show (`CountryText`). */
const CountryTextSchema = z.object({ text: z.string(), name: z.string() });

export const GeographySchema = z.object({
  /** Name of the country or region, e.g. `Sweden`. */
  name: z.string().min(1),
  /** The name as reports and tables write it, in each language (`{ en: 'Sweden', sv: 'Sverige' }`: see `geographyName`); none: `name` in every language. */
  displayName: WordsSchema.optional(),
  municipalities: z.array(MunicipalitySchema),
  counties: z.array(CountySchema),
  borders: z.array(BorderSchema),
  /** Where the data comes from and how old it is, in a sentence or two; in each language (`{ en, sv }`), or one text for all. */
  source: WordsSchema.optional(),
  /** How the country writes its place names (`kommun`, `län` suffixes, collation locale); none: names match as written. */
  names: NameRulesSchema.optional(),
  /** The language sentences about this geography are written in when none is asked for (`lang`); none: English. */
  language: LangSchema.optional(),
  /**
   * The country's words for organisation types, each with the kind it means
   * (Sweden's `{ word: 'trossamfund', kind: 'religious' }`, from its kinds
   * file): added to the model's English words wherever actor kinds are
   * read, in files and in options. None: the model's words only.
   */
  kinds: z.array(KindWordSchema).optional(),
  /**
   * What its country ships for maps and recommendations, kept with the
   * geography by `countryGeography` (as its kinds are), so a function on a
   * network finds its own country's without assuming one: map polygons
   * (GeoJSON text with a `code` property per municipality), the central
   * meridian of the whole map, and a fitted recommender (`RecommenderModel`
   * JSON). Texts, so a geography stays plain data (`structuredClone`,
   * `JSON.stringify`). None for a geography read alone (`loadGeography`):
   * its maps need `features` and its learned recommender a `model`.
   */
  mapFeatures: CountryTextSchema.optional(),
  mapMeridian: z.number().finite().optional(),
  recommender: CountryTextSchema.optional(),
});
export type Geography = z.infer<typeof GeographySchema>;
