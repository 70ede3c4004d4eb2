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

/** The links as parallel typed arrays; `since`/`until` are days after 2010-01-01, -1 for none. */
export class EdgeList {
  src: Int32Array;
  dst: Int32Array;
  kind: Uint8Array;
  weight: Uint8Array;
  since: Int16Array;
  until: Int16Array;
  count = 0;
  readonly pairs: PairSet;
  constructor(
    readonly limit: number,
    private rng: Rng,
  ) {
    const cap = limit + 16;
    this.src = new Int32Array(cap);
    this.dst = new Int32Array(cap);
    this.kind = new Uint8Array(cap);
    this.weight = new Uint8Array(cap);
    this.since = new Int16Array(cap);
    this.until = new Int16Array(cap);
    this.pairs = new PairSet(limit);
  }
  get full(): boolean {
    return this.count >= this.limit;
  }
  /**
   * Add a link between nodes u and v with a random weight 1–5 (1 most
   * common), a `since` date from `fromDay` on (3 % undated) and, for
   * `endedShare` of them, an `until` date. False for a self-loop, a pair
   * already linked, or when the target count is reached.
   */
  add(u: number, v: number, kind: number, endedShare = 0.05, fromDay = 0): boolean {
    if (u === v || this.count >= this.limit || !this.pairs.add(u, v)) return false;
    const rng = this.rng;
    const i = this.count++;
    this.src[i] = u;
    this.dst[i] = v;
    this.kind[i] = kind;
    const r = rng();
    this.weight[i] = 1 + Math.floor(5 * r * r);
    if (rng() < 0.03 && fromDay === 0) {
      this.since[i] = -1;
      this.until[i] = -1;
      return true;
    }
    const since = fromDay + Math.floor(rng() * (LAST_DAY - fromDay + 1));
    this.since[i] = since;
    let until = -1;
    if (rng() < endedShare) {
      const end = since + 120 + Math.floor(rng() * 1_400);
      if (end <= LAST_DAY) until = end;
    }
    this.until[i] = until;
    return true;
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
