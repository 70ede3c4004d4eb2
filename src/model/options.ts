import { z } from 'zod';
import { ArgumentError, describeValue } from './errors.js';
import { normaliseKind } from './kinds.js';
import { didYouMean } from './suggest.js';

/**
 * A library function was given an option it does not know, or a value its
 * schema refuses (`loadNetwork(…, { mode: 'strickt' })`,
 * `findGaps(net, { smallPopulation: -5 })`). `option` names it (a dotted
 * path for nested options; empty when the options are not an object), so
 * the CLI can name its flag instead. Code `OPTIONS`.
 */
export class OptionsError extends ArgumentError {
  /** Every option the error is about: `option` alone, or (options that conflict) each of them, `option` first. */
  readonly options: readonly string[];
  /**
   * @param conflicting The options that conflict, when there are several
   *   (`option` is one of them); the reason then names them itself.
   */
  constructor(
    readonly fn: string,
    readonly option: string,
    readonly reason: string,
    conflicting?: readonly string[],
  ) {
    super(`${fn}: ${option === '' || conflicting ? '' : `option ${option}: `}${reason}`, 'OPTIONS');
    this.name = 'OptionsError';
    this.options = conflicting ?? (option === '' ? [] : [option]);
  }
}

/**
 * Refuse the given `keys` of `options` that the other options make
 * meaningless (`hops` under the learned recommender, `l2` with a model that is
 * not refitted): a caller who sets one expects it to change the answer.
 * `why` completes "hops is an option …" / "hops, maxKm are options …", with
 * `it` or `them` for the options.
 */
export function refuseIgnoredOptions(fn: string, options: object, keys: readonly string[], why: (it: 'it' | 'them') => string): void {
  const given = keys.filter((key) => (options as Record<string, unknown>)[key] !== undefined);
  if (given.length === 0) return;
  const one = given.length === 1;
  throw new OptionsError(fn, given[0]!, `${given.join(', ')} ${one ? 'is an option' : 'are options'} ${why(one ? 'it' : 'them')}`, given);
}

/** The keys of an object schema (through `.default`, `.optional`, `.pipe` and `.refine` wrappers), for "did you mean". */
function keysOf(schema: z.ZodType): string[] {
  let s: unknown = schema;
  for (let depth = 0; depth < 8 && s; depth++) {
    if (s instanceof z.ZodObject) return Object.keys(s.shape);
    const def = (s as { def?: { innerType?: unknown; in?: unknown; schema?: unknown } }).def;
    s = def?.innerType ?? def?.in ?? def?.schema;
  }
  return [];
}

/** The value at `path` of `options`, for the message. */
function valueAt(options: unknown, path: readonly PropertyKey[]): unknown {
  let v = options;
  for (const key of path) {
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, key)) return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

/**
 * Parse a function's options with its (strict) schema: the parsed options
 * with their defaults, or an {@link OptionsError} naming the function, the
 * option and the reason (an unknown key with the closest known one).
 * `undefined` is no options.
 */
export function parseOptions<S extends z.ZodType>(schema: S, options: unknown, fn: string): z.output<S> {
  if (options !== undefined && (options === null || typeof options !== 'object' || Array.isArray(options))) {
    throw new OptionsError(fn, '', `options must be an object, got ${describeValue(options)}`);
  }
  // Own keys only: a host whose Object.prototype was polluted (`Object.prototype.x = …`) must not make every call fail.
  const result = schema.safeParse(Object.assign(Object.create(null) as object, options));
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  if (issue.code === 'unrecognized_keys') {
    const path = issue.path.map(String);
    const key = issue.keys[0]!;
    const known = path.length === 0 ? keysOf(schema) : [];
    const option = [...path, key].join('.');
    throw new OptionsError(fn, option, `unknown option${didYouMean(key, known)}${known.length > 0 ? ` (options: ${known.join(', ')})` : ''}`);
  }
  const option = issue.path.map(String).join('.');
  // A check of the whole object (no path) says nothing more by showing it.
  const value = issue.path.length === 0 ? undefined : valueAt(options, issue.path);
  throw new OptionsError(fn, option, `${issue.message}${value === undefined ? '' : `, got ${describeValue(value)}`}`);
}

// Shared option fragments: one definition of each concept, used by every function that takes it.

/** Municipalities below this population are "small" by default (about half of Sweden's 290). */
export const DEFAULT_SMALL_POPULATION = 15_000;

/** Partner kinds every municipality should reach, by default (coverage, gaps, the report). */
export const DEFAULT_PARTNER_KINDS = ['religious', 'civil_society', 'authority'] as const;

/**
 * An actor kind given as an option (`partnerKinds`, `reachKinds`, `kinds`,
 * `via` …): normalised like kinds in files, so `Trossamfund`, `religious` and
 * `Religious` name the same kind.
 */
export const KindOptionSchema = z
  .string()
  .min(1)
  .transform((kind) => normaliseKind(kind))
  .pipe(z.string().min(1, 'a kind needs a letter or a digit'));

/** A list of kinds as an option: each normalised, a kind named twice counts once. */
export const KindListSchema = z.array(KindOptionSchema).transform((kinds) => [...new Set(kinds)]);

/** `via`: actor kinds through which member municipalities cooperate (see `municipalityProjection`). Default `['joint_body']`. */
export const ViaSchema = KindListSchema.default(['joint_body']);

/** `partnerKinds`: the partner kinds every municipality should reach. Default {@link DEFAULT_PARTNER_KINDS}. */
export const PartnerKindsSchema = KindListSchema.pipe(z.array(z.string()).min(1)).default([...DEFAULT_PARTNER_KINDS]);

/** `smallPopulation`: municipalities with fewer inhabitants are small. Default {@link DEFAULT_SMALL_POPULATION}. */
export const SmallPopulationSchema = z.number().nonnegative().default(DEFAULT_SMALL_POPULATION);

/**
 * `network`: the graph an analysis runs on. `'actors'` (default): the actor
 * network; `'municipalities'`: the municipality projection (ties direct or
 * through shared bodies, weighted by the tie weight), one node per municipality.
 */
export const NetworkSchema = z.enum(['actors', 'municipalities']).default('actors');

/**
 * `kinds` restricts the actor network, so it cannot come with `network:
 * 'municipalities'`: `.refine(...ACTOR_KINDS_ONLY)` on a schema with both.
 */
export const ACTOR_KINDS_ONLY: [(o: { network?: string; kinds?: unknown }) => boolean, { message: string; path: PropertyKey[] }] = [
  (o) => !(o.network === 'municipalities' && o.kinds !== undefined),
  { message: '`kinds` restricts the actor network; the municipality network has only municipalities', path: ['kinds'] },
];

/** `onProgress`: called with `(done, total)` as work is done, for progress bars. */
export const ProgressSchema = z.custom<(done: number, total: number) => void>((v) => typeof v === 'function', 'expected a function').optional();
