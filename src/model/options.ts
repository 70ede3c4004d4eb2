import { z } from 'zod';
import { ArgumentError, countAsSamverkanError, describeValue } from './errors.js';
import { DEFAULT_KINDS, geographyKindVocabulary, isUnknownKindWord, kindWord, VOCABULARY_KINDS, type KindVocabulary, type KindWords } from './kinds.js';
import { closestWords, didYouMean } from './suggest.js';

/**
 * What an options error carries, whichever class throws it
 * ({@link OptionsError} from the analyses, io and report;
 * {@link KernelOptionsError} from the kernels): code `OPTIONS`, the
 * function, the option (a dotted path for nested options; empty when the
 * options are not an object), every option it is about, and the reason
 * (for an unknown key, with the closest known option). The message is
 * `fn: option <option>: <reason>`.
 */
export interface OptionsProblem {
  readonly code: string;
  /** The function whose options are wrong. */
  readonly fn: string;
  /** The option (dotted path), or `''` when the options are not an object. */
  readonly option: string;
  /** Every option the error is about: `option` alone, or (options that conflict) each of them, `option` first. */
  readonly options: readonly string[];
  /** Why, in words (an unknown key: `unknown option; did you mean …? (options: …)`). */
  readonly reason: string;
}

/** The message and the `options` of an {@link OptionsProblem}: one wording for both classes. */
function optionsProblem(fn: string, option: string, reason: string, conflicting?: readonly string[]): { message: string; options: readonly string[] } {
  return {
    message: `${fn}: ${option === '' || conflicting ? '' : `option ${option}: `}${reason}`,
    options: conflicting ?? (option === '' ? [] : [option]),
  };
}

/**
 * A library function was given an option it does not know, or a value its
 * schema refuses (`loadNetwork(…, { mode: 'strickt' })`,
 * `findGaps(net, { smallPopulation: -5 })`). `option` names it (a dotted
 * path for nested options; empty when the options are not an object), so
 * the CLI can name its flag instead. Code `OPTIONS`. The kernels throw
 * {@link KernelOptionsError}, which `instanceof OptionsError` also matches.
 */
export class OptionsError extends ArgumentError implements OptionsProblem {
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
    const problem = optionsProblem(fn, option, reason, conflicting);
    super(problem.message, 'OPTIONS');
    this.name = 'OptionsError';
    this.options = problem.options;
  }
}

/**
 * The options error of the kernels (`samverkan/kernels`): a `RangeError`, as
 * the kernels have always thrown for a wrong option, with everything an
 * {@link OptionsError} carries (code `OPTIONS`, `fn`, `option`, `options`,
 * `reason`) and made from the same arguments. It also answers `instanceof
 * OptionsError`, `ArgumentError` and `SamverkanError`, so one `catch`
 * handles the options errors of every layer.
 */
export class KernelOptionsError extends RangeError {
  readonly code = 'OPTIONS';
  constructor(...problem: ConstructorParameters<typeof OptionsError>) {
    const [fn, option, reason] = problem;
    const { message, options } = optionsProblem(...problem);
    super(message);
    this.name = 'KernelOptionsError';
    Object.assign(this, { fn, option, reason, options });
  }
}
// The fields Object.assign sets, declared for the type (an interface merged with the class).
export interface KernelOptionsError extends OptionsProblem {
  readonly code: 'OPTIONS';
}
countAsSamverkanError(KernelOptionsError, OptionsError);

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
 * What options are read in: the geography of the network a function runs
 * on (a `CooperationNetwork` is one), whose words name kinds (its country's
 * kinds file, `Geography.kinds`), so `via: ['Kommunalförbund']` is
 * `joint_body` on a Swedish network and refused on one whose country has no
 * such word.
 */
export interface OptionsContext {
  readonly geography?: { readonly name?: string; readonly municipalities?: readonly unknown[]; readonly kinds?: KindWords | undefined } | undefined;
}

/**
 * Parse a function's options with its (strict) schema: the parsed options
 * with their defaults, or an {@link OptionsError} naming the function, the
 * option and the reason (an unknown key with the closest known one).
 * `undefined` is no options. `context`: the network (or `{ geography }`)
 * whose geography's words read kinds in the options ({@link KindOptionSchema});
 * without it, the model's words only, and an unknown word is kept as a kind.
 */
export function parseOptions<S extends z.ZodType>(schema: S, options: unknown, fn: string, context?: OptionsContext): z.output<S> {
  return parseWith(schema, options, fn, OptionsError, context);
}

/**
 * {@link parseOptions} for a kernel (`src/metrics/`): the same parse and
 * reasons, thrown as a {@link KernelOptionsError} (a `RangeError`). A kernel
 * parses once, at its public entry; what it calls inside takes the parsed
 * options.
 */
export function parseKernelOptions<S extends z.ZodType>(schema: S, options: unknown, fn: string): z.output<S> {
  return parseWith(schema, options, fn, KernelOptionsError);
}

function parseWith<S extends z.ZodType>(schema: S, options: unknown, fn: string, Problem: new (fn: string, option: string, reason: string) => OptionsProblem & Error, context?: OptionsContext): z.output<S> {
  if (options !== undefined && (options === null || typeof options !== 'object' || Array.isArray(options))) {
    throw new Problem(fn, '', `options must be an object, got ${describeValue(options)}`);
  }
  // Own keys only: a host whose Object.prototype was polluted (`Object.prototype.x = …`) must not make every call fail.
  const input = Object.assign(Object.create(null) as object, options);
  const result = context?.geography ? withOptionKinds(context.geography, () => schema.safeParse(input)) : schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  if (issue.code === 'unrecognized_keys') {
    const path = issue.path.map(String);
    const key = issue.keys[0]!;
    const known = path.length === 0 ? keysOf(schema) : [];
    const option = [...path, key].join('.');
    throw new Problem(fn, option, `unknown option${didYouMean(key, known)}${known.length > 0 ? ` (options: ${known.join(', ')})` : ''}`);
  }
  const option = issue.path.map(String).join('.');
  // A check of the whole object (no path) says nothing more by showing it.
  const value = issue.path.length === 0 ? undefined : valueAt(options, issue.path);
  // A misspelt word among known ones (`jacard`): the closest, as for a misspelt key.
  const words = issue.code === 'invalid_value' && typeof value === 'string' && issue.values.every((v) => typeof v === 'string') ? (issue.values as string[]) : [];
  throw new Problem(fn, option, `${issue.message}${value === undefined ? '' : `, got ${describeValue(value)}`}${words.length > 0 ? didYouMean(value as string, words) : ''}`);
}

// Shared option fragments: one definition of each concept, used by every function that takes it.

/** Municipalities below this population are "small" by default (about half of Sweden's 290). */
export const DEFAULT_SMALL_POPULATION = 15_000;

/** Partner kinds every municipality should reach, by default (coverage, gaps, the report). */
export const DEFAULT_PARTNER_KINDS = ['religious', 'civil_society', 'authority'] as const;

/** The words kinds in options are read with while {@link parseOptions} parses them with a context (a parse is synchronous). */
let optionKinds: { vocabulary: KindVocabulary; place: string } | undefined;

/** Run `parse` with the words of `geography` naming kinds in options. */
function withOptionKinds<T>(geography: NonNullable<OptionsContext['geography']>, parse: () => T): T {
  const previous = optionKinds;
  const place = geography.municipalities?.length === 0 ? 'a network without a geography' : geography.name === undefined ? 'this geography' : `the ${geography.name} geography`;
  optionKinds = { vocabulary: geographyKindVocabulary(geography), place };
  try {
    return parse();
  } finally {
    optionKinds = previous;
  }
}

/**
 * An actor kind given as an option (`partnerKinds`, `reachKinds`, `kinds`,
 * `via` …): normalised like kinds in files, with the words of the
 * network's geography (see {@link parseOptions}), so `religious`,
 * `Religious`, `Faith community` and, on a Swedish network, `Trossamfund`
 * name the same kind. A word the vocabulary does not know is a kind of
 * one's own when written in lower case (`youth_club`, `youth club`); read
 * in a geography, a word with capitals that it does not know (`Myndighet`
 * where the country has no Swedish words) is refused, naming the known
 * kinds: it is a word of some language, and as a kind of its own it would
 * match no actor. Without a geography (a schema parsed on its own) only
 * the model's words are known, and such a word is kept as a kind.
 */
export const KindOptionSchema = z
  .string()
  .min(1)
  .transform((word, ctx) => {
    const known = (optionKinds?.vocabulary ?? DEFAULT_KINDS).lookup(word);
    if (known !== undefined) return known;
    if (optionKinds && isUnknownKindWord(word, optionKinds.vocabulary)) {
      const close = closestWords(word, optionKinds.vocabulary.entries().map(([w]) => w)).slice(0, 3);
      ctx.addIssue({
        code: 'custom',
        message:
          `not a kind ${optionKinds.place} knows${close.length > 0 ? ` (closest: ${close.map((w) => JSON.stringify(w)).join(', ')})` : ''}; ` +
          `known kinds: ${VOCABULARY_KINDS.join(', ')}, their English words and those of its kinds file; a kind of your own is written in lower case`,
      });
      return z.NEVER;
    }
    return kindWord(word);
  })
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

/** `seed` of a seeded generator (samples, random orders, splits; see `kernels.createRng`): an integer. Default 1. */
export const SeedSchema = z.number().int().default(1);

/**
 * How many sources the shortest-path searches start from (betweenness,
 * closeness, harmonic): `'auto'` (exact up to `kernels.AUTO_EXACT_WORK`,
 * else a seeded sample), `'exact'` (every node) or about that many sources
 * (exact if at least the number of nodes). No default here: the analyses
 * default to `'auto'` (`SamplesSchema`), the kernels to `'exact'`.
 */
export const SampleCountSchema = countOr(['auto', 'exact'], "expected a positive integer, 'auto' or 'exact'");

/**
 * Worker threads of the shortest-path searches: `'auto'` (2 threads from
 * `kernels.AUTO_WORKERS_WORK` on, else 1) or a count. No default here: the
 * analyses default to `'auto'` (`WorkersSchema`), the kernels to 1.
 */
export const ThreadCountSchema = countOr(['auto'], "expected a positive integer or 'auto'");

/** A positive integer or one of `words`, with one message for every wrong value (a fraction, 0, another word). */
function countOr<const W extends readonly [string, ...string[]]>(words: W, message: string) {
  return z.union([z.literal(words), z.number().int(message).positive(message)], { error: message });
}
