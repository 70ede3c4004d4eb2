/**
 * Unordered pairs of ordinals numbered in the order they are first seen:
 * an open-addressing hash table on typed arrays. A `Map<number, number>`
 * keyed by `a × n + b` holds a heap number per key once `a × n` passes 2³¹;
 * at a million links that is seconds and tens of MB. The loaders count
 * repeated pairs with it, the network storage numbers its pairs with it.
 */
export class PairIndex {
  /** Number of distinct pairs. */
  size = 0;
  #mask: number;
  /** Per slot: the smaller ordinal + 1 (0: empty), the larger, the pair's number. */
  #low: Int32Array;
  #high: Int32Array;
  #pair: Int32Array;

  constructor(expected = 16) {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    this.#mask = capacity - 1;
    this.#low = new Int32Array(capacity);
    this.#high = new Int32Array(capacity);
    this.#pair = new Int32Array(capacity);
  }

  /** The number of the pair {a, b}: a new one (`size - 1` afterwards) when the pair is new. Test `size` before and after to know which. */
  add(a: number, b: number): number {
    if ((this.size + 1) * 2 > this.#mask + 1) this.#grow();
    const low = a < b ? a : b;
    const high = a < b ? b : a;
    const mask = this.#mask;
    const lows = this.#low;
    const highs = this.#high;
    let slot = (Math.imul(low, 0x9e3779b1) ^ Math.imul(high + 0x7f4a7c15, 0x85ebca6b)) & mask;
    for (;;) {
      const stored = lows[slot]!;
      if (stored === 0) {
        lows[slot] = low + 1;
        highs[slot] = high;
        this.#pair[slot] = this.size;
        return this.size++;
      }
      if (stored === low + 1 && highs[slot] === high) return this.#pair[slot]!;
      slot = (slot + 1) & mask;
    }
  }

  #grow(): void {
    const lows = this.#low;
    const highs = this.#high;
    const pairs = this.#pair;
    const capacity = (this.#mask + 1) * 2;
    const mask = capacity - 1;
    const newLows = new Int32Array(capacity);
    const newHighs = new Int32Array(capacity);
    const newPairs = new Int32Array(capacity);
    for (let s = 0; s < lows.length; s++) {
      const stored = lows[s]!;
      if (stored === 0) continue;
      const low = stored - 1;
      const high = highs[s]!;
      let slot = (Math.imul(low, 0x9e3779b1) ^ Math.imul(high + 0x7f4a7c15, 0x85ebca6b)) & mask;
      while (newLows[slot] !== 0) slot = (slot + 1) & mask;
      newLows[slot] = stored;
      newHighs[slot] = high;
      newPairs[slot] = pairs[s]!;
    }
    this.#mask = mask;
    this.#low = newLows;
    this.#high = newHighs;
    this.#pair = newPairs;
  }
}

/**
 * The unordered pair of each of `count` links (`source[i]`, `target[i]`,
 * ordinals ≥ 0), numbered in the order of their first links, as
 * {@link PairIndex} would number them one link at a time, and how many
 * pairs there are. Made in one go after a load (issue 16): the links
 * bucketed by their smaller end (a counting sort), the repeats of a larger
 * end within a bucket found by a mark per ordinal. Its arrays are the
 * size of the ordinals, not a hash table twice the size of the links, so
 * it stays in cache where the table's probes did not: half the time of
 * the table alone, and a third of it within a load.
 */
export function numberPairs(source: Int32Array, target: Int32Array, count: number): { pair: Int32Array; pairs: number } {
  let n = 0;
  for (let i = 0; i < count; i++) {
    const a = source[i]!;
    const b = target[i]!;
    if (a >= n) n = a + 1;
    if (b >= n) n = b + 1;
  }
  // start[v] … start[v + 1] - 1: the links whose smaller end is v, in link order.
  const start = new Int32Array(n + 1);
  for (let i = 0; i < count; i++) {
    const a = source[i]!;
    const b = target[i]!;
    start[(a < b ? a : b) + 1]!++;
  }
  for (let v = 0; v < n; v++) start[v + 1]! += start[v]!;
  const next = start.slice(0, n);
  const order = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const a = source[i]!;
    const b = target[i]!;
    order[next[a < b ? a : b]!++] = i;
  }
  // Per larger end: the smaller end whose bucket last saw it (+ 1; 0: none yet) and the first link of that pair.
  const seenWith = new Int32Array(n);
  const firstLink = new Int32Array(n);
  const pair = new Int32Array(count);
  // First, each link's first link of its pair (kept in `pair`, renumbered below).
  for (let v = 0; v < n; v++) {
    for (let k = start[v]!, end = start[v + 1]!; k < end; k++) {
      const i = order[k]!;
      const a = source[i]!;
      const b = target[i]!;
      const high = a < b ? b : a;
      if (seenWith[high] !== v + 1) {
        seenWith[high] = v + 1;
        firstLink[high] = i;
        pair[i] = i;
      } else pair[i] = firstLink[high]!;
    }
  }
  // Links in order: a first link takes the next number, a repeat its first link's (an earlier link, already numbered).
  let pairs = 0;
  for (let i = 0; i < count; i++) {
    const first = pair[i]!;
    pair[i] = first === i ? pairs++ : pair[first]!;
  }
  return { pair, pairs };
}
