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
 * Classes built on another base that count as subclasses of one of this
 * hierarchy's classes: their instances answer `instanceof` for it and its
 * ancestors (see {@link SamverkanError}). Filled by {@link countAsSamverkanError}.
 */
const kin = new Map<abstract new (...args: never[]) => unknown, abstract new (...args: never[]) => SamverkanError>();

/**
 * The base of every error samverkan throws on purpose: `code` says which
 * kind (`ARGUMENT`, `OPTIONS`, `CAPACITY`, `GEOGRAPHY_REQUIRED`, `SCOPE`,
 * `LOAD`, `GEOGRAPHY`, `XML`), and `file`, `row` and `column` where the
 * input was wrong, when it is one place. Anything else thrown is a bug.
 *
 * One class is built on another base and still counts as one of these: the
 * kernels' `KernelOptionsError` is a `RangeError` (the kernels' contract)
 * and answers `instanceof OptionsError`, `ArgumentError` and
 * `SamverkanError` too, with the same fields as an `OptionsError`.
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
  constructor(code: string, message: string, place: ErrorPlace = {}) {
    super(message);
    this.name = 'SamverkanError';
    this.code = code;
    if (place.file !== undefined) this.file = place.file;
    if (place.row !== undefined) this.row = place.row;
    if (place.column !== undefined) this.column = place.column;
  }

  /**
   * The message in a language. Errors whose sentence is data (options,
   * scope, the loader's) say it in `lang`; the others have English only and
   * give their `message`.
   */
  describe(_lang: Lang): string {
    return this.message;
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
  constructor(message: string, code = 'ARGUMENT') {
    super(code, message);
    this.name = 'ArgumentError';
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
  constructor(message: string) {
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
  constructor(fn: string) {
    super(
      'GEOGRAPHY_REQUIRED',
      `${fn} needs a geography, and this network is a plain graph (no municipality; loaded from a graph file or links that name none, with no geography given). ` +
        // Names no country: the model layer does not know which are shipped (src/countries/).
        'Give one: loadNetwork(input, …) with geography: defaultGeography() (the embedded country), countryGeography(country) or a folder of municipalities.csv, counties.csv and adjacency.csv (CLI --geography COUNTRY, a shipped country by name, or --geography DIR), ' +
        "and ids: 'municipality-codes' (CLI --ids municipality-codes) if its ids are municipality codes. Centrality, brokerage, structure, communities and link prediction work on a plain graph.",
    );
    this.name = 'GeographyRequiredError';
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
