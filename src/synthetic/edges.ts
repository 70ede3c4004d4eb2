/**
 * The links of a synthetic network as parallel typed arrays, with the pair
 * set that keeps each pair at most once: at ten million links, objects per
 * link would cost gigabytes. Dates are days after FIRST_DATE (shape.ts).
 *
 * @module
 */
import type { Rng } from '../metrics/random.js';
import { DATA_DATE, dayOf, FIRST_DATE, isoOf, POLICE_REGIONS_SINCE } from './shape.js';

// Dates are days after FIRST_DATE (Int16 in the edge list), up to DATA_DATE; police regions exist from POLICE_REGIONS_SINCE.
const FIRST_DAY = dayOf(FIRST_DATE);
const LAST_DAY = dayOf(DATA_DATE) - FIRST_DAY;
export const POLICE_DAY = dayOf(POLICE_REGIONS_SINCE) - FIRST_DAY;

/** Link kinds, by their index in the edge list's `kind` array. */
export const SYNTHETIC_LINK_KINDS = ['agreement', 'dialogue', 'member', 'network', 'project'] as const;
export type SyntheticLinkKind = (typeof SYNTHETIC_LINK_KINDS)[number];
export const AGREEMENT = 0;
export const DIALOGUE = 1;
export const MEMBER = 2;
export const NETWORK = 3;
export const PROJECT = 4;

/** A set of unordered node pairs, open addressing over a Float64Array (0 = empty). */
class PairSet {
  private keys: Float64Array;
  private mask: number;
  size = 0;
  constructor(expected: number) {
    let cap = 1024;
    while (cap < expected * 2) cap *= 2;
    this.keys = new Float64Array(cap);
    this.mask = cap - 1;
  }
  private static slot(lo: number, hi: number, mask: number): number {
    let h = Math.imul(lo, 0x9e3779b1) ^ Math.imul(hi + 0x7f4a7c15, 0x85ebca77);
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    h ^= h >>> 12;
    return h & mask;
  }
  /** Add the pair; false when it was there already. */
  add(u: number, v: number): boolean {
    const lo = u < v ? u : v;
    const hi = u < v ? v : u;
    const key = lo * 67_108_864 + hi + 1;
    let i = PairSet.slot(lo, hi, this.mask);
    for (;;) {
      const k = this.keys[i]!;
      if (k === 0) break;
      if (k === key) return false;
      i = (i + 1) & this.mask;
    }
    this.keys[i] = key;
    if (++this.size * 2 > this.keys.length) this.grow();
    return true;
  }
  has(u: number, v: number): boolean {
    const lo = u < v ? u : v;
    const hi = u < v ? v : u;
    const key = lo * 67_108_864 + hi + 1;
    for (let i = PairSet.slot(lo, hi, this.mask); ; i = (i + 1) & this.mask) {
      const k = this.keys[i]!;
      if (k === 0) return false;
      if (k === key) return true;
    }
  }
  private grow(): void {
    const old = this.keys;
    this.keys = new Float64Array(old.length * 2);
    this.mask = this.keys.length - 1;
    for (const key of old) {
      if (key === 0) continue;
      const lo = Math.floor((key - 1) / 67_108_864);
      const hi = key - 1 - lo * 67_108_864;
      let i = PairSet.slot(lo, hi, this.mask);
      while (this.keys[i] !== 0) i = (i + 1) & this.mask;
      this.keys[i] = key;
    }
  }
}

/** How a generator's configuration keeps its links (see {@link EdgeList}). */
export interface LinkPolicy {
  /** At most this many links (the scale sizes ask for exactly this many); without it the arrays grow. */
  readonly limit?: number;
  /** Each unordered pair at most once (the scale sizes); otherwise parallel links are kept (the demo's project on top of an agreement). */
  readonly distinctPairs: boolean;
  /** `drawn`: every weight is drawn 1–5 (1 most common), whatever a stage gives (the scale sizes' integers); `given`: as the stage gives it (the demo's 0.5 steps). */
  readonly weights: 'given' | 'drawn';
  /** The stream of the drawn weights and of the dates that {@link EdgeList.add} draws (the scale sizes'); a configuration that gives them (the demo) has none. */
  readonly draws?: Rng;
}

/** The day offset (after FIRST_DATE) of an ISO date, -1 for none: how the edge list keeps a date given as text. */
export function dayIndex(iso: string | undefined): number {
  return iso === undefined ? -1 : dayOf(iso) - FIRST_DAY;
}

/**
 * The links as parallel typed arrays, one store for every configuration:
 * `since`/`until` are days after FIRST_DATE, -1 for none; weights are kept
 * in halves (`weightOf`), so the demo's 0.5 steps and the scale sizes'
 * integers 1–5 fit one byte.
 */
export class EdgeList {
  src: Int32Array;
  dst: Int32Array;
  kind: Uint8Array;
  /** Twice each weight. */
  halves: Uint8Array;
  since: Int16Array;
  until: Int16Array;
  count = 0;
  readonly limit: number;
  private readonly pairs: PairSet | undefined;
  private readonly draws: Rng | undefined;
  private readonly drawnWeights: boolean;
  constructor(policy: LinkPolicy) {
    this.draws = policy.draws;
    this.drawnWeights = policy.weights === 'drawn';
    this.limit = policy.limit ?? Infinity;
    const cap = policy.limit === undefined ? 1024 : policy.limit + 16;
    this.src = new Int32Array(cap);
    this.dst = new Int32Array(cap);
    this.kind = new Uint8Array(cap);
    this.halves = new Uint8Array(cap);
    this.since = new Int16Array(cap);
    this.until = new Int16Array(cap);
    this.pairs = policy.distinctPairs ? new PairSet(policy.limit ?? 1024) : undefined;
  }
  get full(): boolean {
    return this.count >= this.limit;
  }
  weightOf(i: number): number {
    return this.halves[i]! / 2;
  }
  /**
   * Keep a link between nodes u and v as given (weight, and days after
   * FIRST_DATE or -1). False for a self-loop, a pair already linked when
   * pairs are distinct, or when the limit is reached.
   */
  put(u: number, v: number, kind: number, weight: number, since: number, until: number): boolean {
    if (!this.admit(u, v)) return false;
    this.store(u, v, kind, this.drawnWeights ? this.drawWeight() : weight, since, until);
    return true;
  }
  /** A weight 1–5, 1 most common. */
  private drawWeight(): number {
    const rng = this.draws;
    if (rng === undefined) throw new Error('unreachable: a configuration that draws weights or dates has a stream for them (LinkPolicy.draws)');
    const r = rng();
    return 1 + Math.floor(5 * r * r);
  }
  /**
   * Add a link between nodes u and v with a drawn weight 1–5 (1 most
   * common), a `since` date from `fromDay` on (3 % undated) and, for
   * `endedShare` of them, an `until` date: the draws of the scale sizes.
   * False as {@link EdgeList.put}; a refused link draws nothing.
   */
  add(u: number, v: number, kind: number, endedShare = 0.05, fromDay = 0): boolean {
    if (!this.admit(u, v)) return false;
    const weight = this.drawWeight();
    const rng = this.draws!;
    if (rng() < 0.03 && fromDay === 0) {
      this.store(u, v, kind, weight, -1, -1);
      return true;
    }
    const since = fromDay + Math.floor(rng() * (LAST_DAY - fromDay + 1));
    let until = -1;
    if (rng() < endedShare) {
      const end = since + 120 + Math.floor(rng() * 1_400);
      if (end <= LAST_DAY) until = end;
    }
    this.store(u, v, kind, weight, since, until);
    return true;
  }
  /** May u–v be added (not a self-loop, under the limit, a new pair when pairs are distinct)? Takes the pair. */
  private admit(u: number, v: number): boolean {
    return u !== v && this.count < this.limit && (this.pairs === undefined || this.pairs.add(u, v));
  }
  private store(u: number, v: number, kind: number, weight: number, since: number, until: number): void {
    if (this.count === this.src.length) this.grow();
    const i = this.count++;
    this.src[i] = u;
    this.dst[i] = v;
    this.kind[i] = kind;
    this.halves[i] = Math.round(weight * 2);
    this.since[i] = since;
    this.until[i] = until;
  }
  /** Twice the room: only without a limit (the demo), whose count is not known ahead. */
  private grow(): void {
    const cap = this.src.length * 2;
    const bigger = <T extends Int32Array | Uint8Array | Int16Array>(a: T, make: new (n: number) => T): T => {
      const b = new make(cap);
      b.set(a);
      return b;
    };
    this.src = bigger(this.src, Int32Array);
    this.dst = bigger(this.dst, Int32Array);
    this.kind = bigger(this.kind, Uint8Array);
    this.halves = bigger(this.halves, Uint8Array);
    this.since = bigger(this.since, Int16Array);
    this.until = bigger(this.until, Int16Array);
  }
}

/** ISO dates of day offsets, computed once each. */
export function dayStrings(): (day: number) => string | undefined {
  const cache: string[] = [];
  return (day) => {
    if (day < 0) return undefined;
    return (cache[day] ??= isoOf(FIRST_DAY + day));
  };
}
