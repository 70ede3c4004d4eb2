import type { LinkEnds } from './network-storage.js';
import { numberPairs } from './pair-index.js';
import { float64s, int32s } from './grown.js';

/**
 * A loader's links as columns, not one object per link (issue 16): ends as
 * numbers of the resolver's interning table ({@link LinkEnds}), weights, kind
 * and dates as codes of one table of words, the spreadsheet row of each
 * link, attributes as a sparse column. The network stores them so and makes
 * the link objects (`links`, `linksOf`, `linksBetween`) on first use.
 */
export interface LinkColumns {
  readonly count: number;
  readonly ends: LinkEnds;
  readonly weight: Float64Array;
  /** Codes into `words`; -1: absent. */
  readonly kind: Int32Array;
  readonly since: Int32Array;
  readonly until: Int32Array;
  /** Kinds and dates, each stored once. */
  readonly words: readonly string[];
  /** The file every link was read from, and each link's row in it. */
  readonly file: string;
  readonly row: Int32Array;
  /** Link index → its attributes (frozen), for the links that have any. */
  readonly attributes: ReadonlyMap<number, Readonly<Record<string, string>>>;
  /**
   * Link index → its linked pair, the pairs numbered in the order of their
   * first links (the ends' unordered pair), and how many pairs there are:
   * the network's pairs, so that it need not number them again.
   */
  readonly pair: Int32Array;
  readonly pairs: number;
}

/** A typed array that grows by doubling (a `number[]` of a million links costs twice the memory, and a copy at the end). */
class Growable<A extends Int32Array | Float64Array> {
  length = 0;
  constructor(
    public array: A,
    private readonly make: (size: number) => A,
  ) {}

  push(value: number): void {
    if (this.length === this.array.length) {
      const bigger = this.make(this.array.length * 2);
      bigger.set(this.array);
      this.array = bigger;
    }
    this.array[this.length++] = value;
  }

  /** The values, in an array of their own length. */
  done(): A {
    return this.array.slice(0, this.length) as A;
  }
}

const ints = () => new Growable(new Int32Array(1024), int32s);

/** Builds {@link LinkColumns} one link at a time. */
export class LinkColumnsBuilder {
  #count = 0;
  readonly #source = ints();
  readonly #target = ints();
  readonly #weight = new Growable(new Float64Array(1024), float64s);
  readonly #kind = ints();
  readonly #since = ints();
  readonly #until = ints();
  readonly #row = ints();
  readonly #words: string[] = [];
  readonly #codes = new Map<string, number>();
  #attributes = new Map<number, Readonly<Record<string, string>>>();

  constructor(private readonly file: string) {}

  get count(): number {
    return this.#count;
  }

  /** The spreadsheet row of link `i`. */
  rowOf(i: number): number {
    return this.#row.array[i]!;
  }

  /** The code of a kind or date in the table of words (given the first time it is seen); -1 for `undefined`. */
  code(word: string | undefined): number {
    return this.#code(word);
  }

  /** The word of a code (see {@link code}). */
  word(code: number): string {
    return this.#words[code]!;
  }

  #code(word: string | undefined): number {
    if (word === undefined) return -1;
    let code = this.#codes.get(word);
    if (code === undefined) {
      code = this.#words.length;
      this.#words.push(word);
      this.#codes.set(word, code);
    }
    return code;
  }

  /**
   * One link: its ends (numbers of the resolver's table), weight, kind and
   * dates (absent: undefined), row and attributes. Its pair is numbered by
   * {@link build} (a repeat of a pair is counted as merged from there).
   */
  add(source: number, target: number, weight: number, kind: string | undefined, since: string | undefined, until: string | undefined, row: number, attributes: Readonly<Record<string, string>> | undefined): void {
    const i = this.#count++;
    this.#source.push(source);
    this.#target.push(target);
    this.#weight.push(weight);
    this.#kind.push(this.#code(kind));
    this.#since.push(this.#code(since));
    this.#until.push(this.#code(until));
    this.#row.push(row);
    if (attributes !== undefined) this.#attributes.set(i, Object.isFrozen(attributes) ? attributes : Object.freeze(attributes));
  }

  /** {@link add} with kind and dates already codes of the table of words ({@link code}; -1: absent), and no attributes. */
  addCoded(source: number, target: number, weight: number, kind: number, since: number, until: number, row: number): void {
    this.#count++;
    this.#source.push(source);
    this.#target.push(target);
    this.#weight.push(weight);
    this.#kind.push(kind);
    this.#since.push(since);
    this.#until.push(until);
    this.#row.push(row);
  }

  /** Only the links for which `keep(i)` is true, in order. */
  filter(keep: (i: number) => boolean): void {
    let to = 0;
    const attributes = new Map<number, Readonly<Record<string, string>>>();
    const columns = [this.#source, this.#target, this.#weight, this.#kind, this.#since, this.#until, this.#row];
    for (let i = 0; i < this.#count; i++) {
      if (!keep(i)) continue;
      for (const column of columns) column.array[to] = column.array[i]!;
      const a = this.#attributes.get(i);
      if (a !== undefined) attributes.set(to, a);
      to++;
    }
    for (const column of columns) column.length = to;
    this.#attributes = attributes;
    this.#count = to;
  }

  /** The columns, with `ids` the resolver's table the ends are numbers of. */
  build(ids: readonly string[]): LinkColumns {
    const source = this.#source.done();
    const target = this.#target.done();
    const { pair, pairs } = numberPairs(source, target, this.#count);
    return {
      count: this.#count,
      ends: { ids, source, target },
      weight: this.#weight.done(),
      kind: this.#kind.done(),
      since: this.#since.done(),
      until: this.#until.done(),
      words: this.#words,
      file: this.file,
      row: this.#row.done(),
      attributes: this.#attributes,
      pair,
      pairs,
    };
  }
}
