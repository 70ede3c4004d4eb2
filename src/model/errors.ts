import { message, type Lang } from './i18n/index.js';
import { messageText, type ProblemMessage } from './i18n/problem.js';

/** Where an error is, in the input, when it is about one place. */
export interface ErrorPlace {
  /** The file (or the label of in-memory input). */
  readonly file?: string;
  /** The row (CSV: the line where the record starts; XML: the line). */
  readonly row?: number;
  /** The column: its header name (CSV) or its position on the line (XML). */
  readonly column?: string | number;
}

/**
 * A sentence in every language: its text in `lang` (English is the error's
 * `message`). Made from the catalogue by `said(key, params)` (`options.ts`).
 */
export type ErrorSentence = (lang: Lang) => string;

/**
 * Classes built on another base that count as subclasses of one of this
 * hierarchy's classes: their instances answer `instanceof` for it and its
 * ancestors (see {@link SamverkanError}). Filled by {@link countAsSamverkanError}.
 */
const kin = new Map<abstract new (...args: never[]) => unknown, abstract new (...args: never[]) => SamverkanError>();

/**
 * The base of every error samverkan throws on purpose: `code` says which
 * kind (`ARGUMENT`, `OPTIONS`, `CAPACITY`, `GEOGRAPHY_REQUIRED`, `SCOPE`,
 * `LOAD`, `GEOGRAPHY`, `XML`, `COUNTRY`, `NOT_TEXT`, `FIT`, `WORKER`), and `file`, `row`
 * and `column` where the input was wrong, when it is one place. Anything
 * else thrown is a bug.
 *
 * The message is English; {@link SamverkanError.describe} says it in a
 * language: an error made from an {@link ErrorSentence} (a catalogue
 * message) in that language, else its `message`.
 *
 * Two classes are built on another base and still count as one of these:
 * the kernels' `KernelOptionsError` and {@link KernelArgumentError} are
 * `RangeError`s (the kernels' contract) and answer `instanceof` for
 * `OptionsError` / `ArgumentError` and `SamverkanError` too, with their fields.
 */
export class SamverkanError extends Error implements ErrorPlace {
  /** `instanceof` by the prototype chain, or as a class that counts as this one (see {@link countAsSamverkanError}). */
  static override [Symbol.hasInstance](value: unknown): boolean {
    if (Function.prototype[Symbol.hasInstance].call(this, value)) return true;
    if (typeof value !== 'object' || value === null) return false;
    for (const [other, as] of kin) {
      if ((as === this || Object.prototype.isPrototypeOf.call(this.prototype, as.prototype)) && Function.prototype[Symbol.hasInstance].call(other, value)) return true;
    }
    return false;
  }

  readonly code: string;
  readonly file?: string;
  readonly row?: number;
  readonly column?: string | number;
  readonly #sentence: ErrorSentence | undefined;
  /** @param message English text, or the sentence in every language (its English is the message). */
  constructor(code: string, message: string | ErrorSentence, place: ErrorPlace = {}) {
    super(typeof message === 'string' ? message : message('en'));
    this.name = 'SamverkanError';
    this.code = code;
    this.#sentence = typeof message === 'string' ? undefined : message;
    if (place.file !== undefined) this.file = place.file;
    if (place.row !== undefined) this.row = place.row;
    if (place.column !== undefined) this.column = place.column;
  }

  /**
   * The message in a language. Errors whose sentence is data (options,
   * scope, the loader's, and every error made from an {@link ErrorSentence})
   * say it in `lang`; the others have English only and give their `message`.
   */
  describe(lang: Lang): string {
    return this.#sentence === undefined ? this.message : this.#sentence(lang);
  }
}

/**
 * Make instances of `other`, a class built on another base (a `RangeError`),
 * answer `instanceof` for `as` and its ancestors: for an error that must keep
 * another base for compatibility and is otherwise one of samverkan's. `other`
 * must carry `as`'s fields.
 */
export function countAsSamverkanError(other: abstract new (...args: never[]) => unknown, as: abstract new (...args: never[]) => SamverkanError): void {
  kin.set(other, as);
}

/**
 * A library function was called with an argument of the wrong type or shape
 * (`loadNetwork(null)`, `{ links: 42 }`, a number where a municipality is
 * expected). The message names the function, the argument and what it
 * expected. Code `ARGUMENT`.
 */
export class ArgumentError extends SamverkanError {
  /** @param message English text, or the sentence in every language ({@link ErrorSentence}). */
  constructor(message: string | ErrorSentence, code = 'ARGUMENT', place: ErrorPlace = {}) {
    super(code, message, place);
    this.name = 'ArgumentError';
  }
}

/**
 * A kernel (`samverkan/kernels`, `fitConditionalLogit`) was given an argument
 * it cannot use (no case with a chosen row, labels for the wrong number of
 * nodes): a `RangeError`, as the kernels have always thrown for a bad
 * argument, with code `ARGUMENT` and `describe(lang)`; it answers
 * `instanceof ArgumentError` and `SamverkanError` too.
 */
export class KernelArgumentError extends RangeError {
  readonly code = 'ARGUMENT';
  readonly #sentence: ErrorSentence;
  constructor(message: ErrorSentence) {
    super(message('en'));
    this.name = 'KernelArgumentError';
    this.#sentence = message;
  }

  describe(lang: Lang): string {
    return this.#sentence(lang);
  }
}
countAsSamverkanError(KernelArgumentError, ArgumentError);

/**
 * A model could not be fitted to the cases given: the Newton iterations did
 * not converge, or the Hessian is singular (features that never vary, a
 * choice the features separate). The message says what to change (a larger
 * `l2`). Code `FIT`.
 */
export class FitError extends SamverkanError {
  constructor(message: ErrorSentence) {
    super('FIT', message);
    this.name = 'FitError';
  }
}

/**
 * A worker thread of a parallel computation (`workers > 1`) failed; the
 * message carries the thread's own error. Code `WORKER`.
 */
export class WorkerError extends SamverkanError {
  constructor(message: ErrorSentence) {
    super('WORKER', message);
    this.name = 'WorkerError';
  }
}

/** What a value is, in a word, for an {@link ArgumentError}'s message: `null`, `a number (42)`, `an array`; in `lang` (default English). */
export function describeValue(value: unknown, lang: Lang = 'en'): string {
  if (value === null) return message(lang, 'options.value.null');
  if (value === undefined) return message(lang, 'options.value.undefined');
  if (Array.isArray(value)) return message(lang, 'options.value.array');
  if (value instanceof Uint8Array) return message(lang, 'options.value.bytes');
  switch (typeof value) {
    case 'number':
    case 'bigint':
    case 'boolean':
      return message(lang, `options.value.${typeof value}`, { value: String(value) });
    case 'string':
      return message(lang, 'options.value.string', { value: JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value) });
    case 'function':
      return message(lang, 'options.value.function');
    case 'symbol':
      return message(lang, 'options.value.symbol');
    default:
      return value.constructor && value.constructor !== Object ? message(lang, 'options.value.objectOf', { name: value.constructor.name }) : message(lang, 'options.value.object');
  }
}

/**
 * The input is too large for the memory this process has: thrown before the
 * JavaScript heap runs out (which would abort the process with no way to
 * catch it), with what was being done and how to get more room.
 */
export class CapacityError extends SamverkanError {
  /** @param message English text, or the sentence in every language ({@link ErrorSentence}). */
  constructor(message: string | ErrorSentence) {
    super('CAPACITY', message);
    this.name = 'CapacityError';
  }
}

/**
 * A geographic analysis (coverage, gaps, recommendations, maps, the county
 * report) was asked of a plain graph: a network without municipalities.
 * The message says how to give a geography.
 */
export class GeographyRequiredError extends SamverkanError {
  /** The sentence as data (a catalogue code and its values), for {@link GeographyRequiredError.describe}. */
  readonly said: ProblemMessage;
  constructor(fn: string) {
    // Names no country: the model layer does not know which are shipped (src/countries/).
    const said = { code: 'geography.required', params: { fn } };
    super('GEOGRAPHY_REQUIRED', messageText(said, 'en'));
    this.name = 'GeographyRequiredError';
    this.said = said;
  }

  override describe(lang: Lang): string {
    return messageText(this.said, lang);
  }
}

/**
 * A scope (the area the data covers) names a county or municipality the
 * geography does not have, or nothing at all. The message names the value,
 * with the closest names when there are any.
 */
export class ScopeError extends SamverkanError {
  /** The sentence as data (a catalogue code and its values), for {@link ScopeError.describe}. */
  readonly said: ProblemMessage;
  constructor(said: ProblemMessage) {
    super('SCOPE', `scope: ${messageText(said, 'en')}`);
    this.name = 'ScopeError';
    this.said = said;
  }

  /** The message in `lang`, without the `scope: ` prefix of `message` (which is English). */
  override describe(lang: Lang): string {
    return messageText(this.said, lang);
  }
}
