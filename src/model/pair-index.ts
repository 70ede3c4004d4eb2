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
