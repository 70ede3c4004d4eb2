import { z } from 'zod';
import { ArgumentError, countAsSamverkanError, describeValue } from './errors.js';
import { cached, PROCESS } from './cache.js';
import { DEFAULT_KINDS, geographyKindVocabulary, isUnknownKindWord, kindWord, VOCABULARY_KINDS, type KindVocabulary, type KindWords } from './kinds.js';
import { closestWords, didYouMean } from './suggest.js';
import { CATALOGUES, message, type CountKey, type Lang, type MessageKey } from './i18n/index.js';
import { sayMessage, type ProblemParam } from './i18n/problem.js';
import { geographyWords } from './geography.js';
import type { Geography } from './schema.js';

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
  /** Why, in words (an unknown key: `unknown option; did you mean …? (options: …)`), in English. */
  readonly reason: string;
  /** The reason in a language (English: `reason`). */
  reasonIn(lang: Lang): string;
  /** The message in a language (English: `message`): `fn: option <option>: <reason>`. */
  describe(lang: Lang): string;
}

/**
 * A reason in words of every language: its text in `lang`. What the
 * options' checks refuse is said this way, so the CLI can say it in its
 * language; English is the error's `reason`.
 */
export type Said = (lang: Lang) => string;

/**
 * A value of a {@link said} message's placeholder, as in the loader's
 * messages (`ProblemParam`): text as written, a number (digits, never
 * grouped), words by language (`{ en: 'Sweden', sv: 'Sverige' }`) or a
 * {@link Said} of its own, rendered in the same language.
 */
export type SaidParam = ProblemParam;

/**
 * The catalogue message `key` as a {@link Said} (said by `sayMessage`, as the
 * loader's problems are): a message in `.one`/`.other` forms is counted by
 * `params.n`. Numbers are written as digits (never grouped).
 */
export function said(key: MessageKey | CountKey, params: Readonly<Record<string, SaidParam>> = {}): Said {
  return (lang) => sayMessage(key, params, lang);
}

/** `fn: reason` as a {@link Said} (`errors.where`): a sentence of a function's error, with the function it is about. */
export function saidIn(fn: string, reason: SaidParam): Said {
  return said('errors.where', { fn, reason });
}

/**
 * A refinement's message for a zod check (`.refine(check, refusal('options.ticks'))`,
 * `ctx.addIssue({ code: 'custom', ...refusal(key, params), path })`): the English
 * text as the issue's message, and the {@link Said} in its params, so an
 * {@link OptionsError} from it is said in every language.
 */
export function refusal(key: MessageKey, params: Readonly<Record<string, SaidParam>> = {}): { message: string; params: { said: Said } } {
  const say = said(key, params);
  return { message: say('en'), params: { said: say } };
}

/** A {@link Said} whose every language is the same text (a reason from outside the catalogues). */
const asIs = (text: string): Said => () => text;

/** The message, the reason and the `options` of an {@link OptionsProblem}, in a language: one wording for both classes. */
function optionsProblem(fn: string, option: string, reason: string | Said, conflicting?: readonly string[]) {
  const say = typeof reason === 'string' ? asIs(reason) : reason;
  const bare = option === '' || conflicting !== undefined;
  return {
    say,
    describe: (lang: Lang) => message(lang, bare ? 'options.whereBare' : 'options.where', { fn, option, reason: say(lang) }),
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
  readonly reason: string;
  readonly #problem: ReturnType<typeof optionsProblem>;
  /**
   * @param reason Why: English text, or a {@link Said} (from the catalogue) to be said in every language.
   * @param conflicting The options that conflict, when there are several
   *   (`option` is one of them); the reason then names them itself.
   */
  constructor(
    readonly fn: string,
    readonly option: string,
    reason: string | Said,
    conflicting?: readonly string[],
  ) {
    const problem = optionsProblem(fn, option, reason, conflicting);
    super(problem.describe('en'), 'OPTIONS');
    this.name = 'OptionsError';
    this.#problem = problem;
    this.reason = problem.say('en');
    this.options = problem.options;
  }

  reasonIn(lang: Lang): string {
    return this.#problem.say(lang);
  }

  override describe(lang: Lang): string {
    return this.#problem.describe(lang);
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
  readonly #problem: ReturnType<typeof optionsProblem>;
  constructor(...args: ConstructorParameters<typeof OptionsError>) {
    const [fn, option] = args;
    const problem = optionsProblem(...args);
    super(problem.describe('en'));
    this.name = 'KernelOptionsError';
    this.#problem = problem;
    Object.assign(this, { fn, option, reason: problem.say('en'), options: problem.options });
  }

  reasonIn(lang: Lang): string {
    return this.#problem.say(lang);
  }

  describe(lang: Lang): string {
    return this.#problem.describe(lang);
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
 * `why` completes "hops is an option …" / "hops, maxKm are options …": a
 * catalogue message (`options.why.*`), in `.one`/`.other` forms where it
 * says "it" or "them" for the options.
 */
export function refuseIgnoredOptions(fn: string, options: object, keys: readonly string[], why: MessageKey | CountKey): void {
  const given = keys.filter((key) => (options as Record<string, unknown>)[key] !== undefined);
  if (given.length === 0) return;
  const n = given.length;
  throw new OptionsError(fn, given[0]!, said('options.ignored', { n, options: given.join(', '), why: said(why, { n }) }), given);
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
  readonly geography?:
    | { readonly name?: string; readonly displayName?: Geography['displayName']; readonly municipalities?: readonly unknown[]; readonly kinds?: KindWords | undefined }
    | undefined;
  /**
   * The words that name kinds, when they are more than the geography's: a
   * network's `kindVocabulary` (with the words of a user's kinds file, the
   * loader's `kindsFile` option). Default: the geography's words.
   */
  readonly kindVocabulary?: KindVocabulary | undefined;
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

function parseWith<S extends z.ZodType>(schema: S, options: unknown, fn: string, Problem: new (fn: string, option: string, reason: string | Said) => OptionsProblem & Error, context?: OptionsContext): z.output<S> {
  if (options !== undefined && (options === null || typeof options !== 'object' || Array.isArray(options))) {
    throw new Problem(fn, '', said('options.notObject', { value: (lang) => describeValue(options, lang) }));
  }
  // Own keys only: a host whose Object.prototype was polluted (`Object.prototype.x = …`) must not make every call fail.
  const input = Object.assign(Object.create(null) as object, options);
  const result = context?.geography ? withOptionKinds(context.geography, context.kindVocabulary, () => schema.safeParse(input)) : schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  if (issue.code === 'unrecognized_keys') {
    const path = issue.path.map(String);
    const key = issue.keys[0]!;
    const known = path.length === 0 ? keysOf(schema) : [];
    const option = [...path, key].join('.');
    throw new Problem(
      fn,
      option,
      said('options.unknown', { suggestion: (lang) => didYouMean(key, known, undefined, lang), known: known.length > 0 ? said('options.knownList', { list: known.join(', ') }) : '' }),
    );
  }
  const option = issue.path.map(String).join('.');
  // A check of the whole object (no path) says nothing more by showing it.
  const value = issue.path.length === 0 ? undefined : valueAt(options, issue.path);
  throw new Problem(fn, option, (lang) => issueReason(issue, value, lang));
}

/**
 * Why a zod issue refused `value`, in `lang`: the issue's text, the value
 * (`, got a number (-5)`) unless it is `undefined`, and for a misspelt word
 * among known ones (`jacard`) the closest. English is zod's own message, as
 * it has always been; other languages say zod's issues from the catalogue
 * (`options.issue.*`), and the library's own checks by their {@link refusal}.
 */
export function issueReason(issue: z.core.$ZodIssue, value: unknown, lang: Lang): string {
  const words = issue.code === 'invalid_value' && typeof value === 'string' && issue.values.every((v) => typeof v === 'string') ? (issue.values as string[]) : [];
  return message(lang, value === undefined ? 'options.noValue' : 'options.got', {
    issue: issueText(issue, value, lang),
    value: describeValue(value, lang),
    suggestion: words.length > 0 ? didYouMean(value as string, words, undefined, lang) : '',
  });
}

/** The English texts of the options section without placeholders, to the key: how a check's fixed message (`z.number().int(text)`) is found again in another language. */
function fixedTextKey(text: string): MessageKey | undefined {
  const fixedTexts = cached(PROCESS, 'options:fixedTexts', () =>
    new Map((Object.entries(CATALOGUES.en) as [MessageKey, string][]).filter(([key, t]) => key.startsWith('options.') && !t.includes('{')).map(([key, t]) => [t, key])),
  );
  return fixedTexts.get(text);
}

/** zod's name of a value's type, as its messages say it (`util.parsedType`). */
function typeOfValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  // As zod 4 names them: NaN and the infinities are not "a number" to a reader.
  if (typeof value === 'number') return Number.isNaN(value) ? 'nan' : Number.isFinite(value) ? 'number' : String(value);
  if (typeof value === 'object') return value instanceof Date ? 'date' : value instanceof Map ? 'map' : value instanceof Set ? 'set' : 'object';
  return typeof value;
}

/** A word of the catalogue's `options.<group>.<word>` in `lang`, or the word itself when the catalogue has none. */
function wordIn(lang: Lang, group: 'type' | 'origin' | 'unit', word: string): string {
  const key = `options.${group}.${word}`;
  return Object.hasOwn(CATALOGUES.en, key) ? message(lang, key as MessageKey) : word;
}

const SIZE_UNITS: Readonly<Record<string, string>> = { string: 'characters', file: 'bytes', array: 'items', set: 'items', map: 'entries' };

/**
 * The text of a zod issue in `lang`. English: the issue's message. Else, in
 * order: the library's own check ({@link refusal}: its {@link Said}; a fixed
 * text of the catalogue: that key), zod's own issues (rendered from the
 * catalogue when the issue's message is zod's, which a test checks
 * word for word in English), and anything else as "invalid value" with the
 * English text.
 */
function issueText(issue: z.core.$ZodIssue, value: unknown, lang: Lang): string {
  const say = (issue as { params?: { said?: unknown } }).params?.said;
  if (typeof say === 'function') return (say as Said)(lang);
  if (lang === 'en') return issue.message;
  const fixed = fixedTextKey(issue.message);
  if (fixed !== undefined) return message(lang, fixed);
  const rendered = (l: Lang) => zodIssueText(issue, value, l);
  const english = rendered('en');
  return english !== undefined && english === issue.message ? rendered(lang)! : message(lang, 'options.issue.fallback', { detail: issue.message });
}

/** zod's own issues from the catalogue, or `undefined` for a kind of issue it does not say. */
function zodIssueText(issue: z.core.$ZodIssue, value: unknown, lang: Lang): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return message(lang, 'options.issue.invalidType', { expected: wordIn(lang, 'type', issue.expected), received: wordIn(lang, 'type', typeOfValue(value)) });
    case 'invalid_value':
      return issue.values.length === 1
        ? message(lang, 'options.issue.invalidValue', { value: shownPrimitive(issue.values[0]) })
        : message(lang, 'options.issue.invalidChoice', { values: issue.values.map(shownPrimitive).join('|') });
    case 'too_small':
    case 'too_big': {
      const small = issue.code === 'too_small';
      const unit = SIZE_UNITS[issue.origin ?? ''];
      const bound = issue.exact
        ? 'options.bound.exactly'
        : issue.inclusive
          ? small ? 'options.bound.atLeast' : 'options.bound.atMost'
          : small ? (unit ? 'options.bound.sizeMoreThan' : 'options.bound.moreThan') : unit ? 'options.bound.sizeLessThan' : 'options.bound.lessThan';
      const n = String(small ? (issue as { minimum: unknown }).minimum : (issue as { maximum: unknown }).maximum);
      const origin = wordIn(lang, 'origin', issue.origin ?? 'value');
      if (unit) return message(lang, small ? 'options.issue.tooSmallSize' : 'options.issue.tooBigSize', { origin, bound: message(lang, bound), n, unit: wordIn(lang, 'unit', unit) });
      return message(lang, small ? 'options.issue.tooSmall' : 'options.issue.tooBig', { origin, bound: message(lang, bound), n });
    }
    case 'not_multiple_of':
      return message(lang, 'options.issue.notMultiple', { divisor: String(issue.divisor) });
    case 'invalid_union':
      return message(lang, 'options.issue.invalid');
    default:
      return undefined;
  }
}

/** A primitive as zod's messages show it: strings quoted, bigints with `n`. */
function shownPrimitive(v: unknown): string {
  return typeof v === 'bigint' ? `${v}n` : typeof v === 'string' ? JSON.stringify(v) : String(v);
}

// Shared option fragments: one definition of each concept, used by every function that takes it.

/** Municipalities below this population are "small" by default (about half of Sweden's 290). */
export const DEFAULT_SMALL_POPULATION = 15_000;

/** Partner kinds every municipality should reach, by default (coverage, gaps, the report). */
export const DEFAULT_PARTNER_KINDS = ['religious', 'civil_society', 'authority'] as const;

/** The words kinds in options are read with while {@link parseOptions} parses them with a context (a parse is synchronous). */
let optionKinds: { vocabulary: KindVocabulary; place: Said } | undefined;

/** Run `parse` with the words of `geography` (or `vocabulary`, a network's, when given) naming kinds in options. */
function withOptionKinds<T>(geography: NonNullable<OptionsContext['geography']>, vocabulary: KindVocabulary | undefined, parse: () => T): T {
  const previous = optionKinds;
  const place =
    geography.municipalities?.length === 0 ? said('options.place.none') : geography.name === undefined ? said('options.place.unnamed') : said('options.place.named', { name: { ...geographyWords({ name: geography.name, displayName: geography.displayName }), en: geography.name } });
  optionKinds = { vocabulary: vocabulary ?? geographyKindVocabulary(geography), place };
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
      const closest = close.length > 0 ? said('options.closest', { words: close.map((w) => JSON.stringify(w)).join(', ') }) : '';
      ctx.addIssue({ code: 'custom', ...refusal('options.notAKind', { place: optionKinds.place, closest, kinds: VOCABULARY_KINDS.join(', ') }) });
      return z.NEVER;
    }
    return kindWord(word);
  })
  .pipe(z.string().min(1, refusal('options.kindNeedsLetter')));

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
 * 'municipalities'`: `.refine(...actorKindsOnly())` on a schema with both.
 * A new pair each call: zod takes over the object it is given (it moves
 * `message` to `error`), so one object must not serve several schemas.
 */
export function actorKindsOnly(): [(o: { network?: string; kinds?: unknown }) => boolean, { message: string; params: { said: Said }; path: PropertyKey[] }] {
  return [(o) => !(o.network === 'municipalities' && o.kinds !== undefined), { ...refusal('options.kindsActorsOnly'), path: ['kinds'] }];
}

/** `onProgress`: called with `(done, total)` as work is done, for progress bars. */
export const ProgressSchema = z.custom<(done: number, total: number) => void>((v) => typeof v === 'function', refusal('options.expectedFunction')).optional();

/** `seed` of a seeded generator (samples, random orders, splits; see `kernels.createRng`): an integer. Default 1. */
export const SeedSchema = z.number().int().default(1);

/**
 * How many sources the shortest-path searches start from (betweenness,
 * closeness, harmonic): `'auto'` (exact up to `kernels.AUTO_EXACT_WORK`,
 * else a seeded sample), `'exact'` (every node) or about that many sources
 * (exact if at least the number of nodes). No default here: the analyses
 * default to `'auto'` (`SamplesSchema`), the kernels to `'exact'`.
 */
export const SampleCountSchema = countOr(['auto', 'exact'], 'options.countOrAutoExact');

/**
 * Worker threads of the shortest-path searches: `'auto'` (2 threads from
 * `kernels.AUTO_WORKERS_WORK` on, else 1) or a count. No default here: the
 * analyses default to `'auto'` (`WorkersSchema`), the kernels to 1.
 */
export const ThreadCountSchema = countOr(['auto'], 'options.countOrAuto');

/** A positive integer or one of `words`, with one message for every wrong value (a fraction, 0, another word). */
function countOr<const W extends readonly [string, ...string[]]>(words: W, key: MessageKey) {
  const text = refusal(key).message; // zod's checks take the message out of the object they are given
  return z.union([z.literal(words), z.number().int(text).positive(text)], { error: text });
}
