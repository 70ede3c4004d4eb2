import { describe, expect, it } from 'vitest';
import { numberPairs, PairIndex } from '../../src/model/pair-index.js';

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The reference: pairs numbered one link at a time by a string-keyed map of the unordered pair. */
function byMap(source: Int32Array, target: Int32Array): { pair: number[]; pairs: number } {
  const seen = new Map<string, number>();
  const pair = Array.from(source, (a, i) => {
    const b = target[i]!;
    const key = a < b ? `${a},${b}` : `${b},${a}`;
    if (!seen.has(key)) seen.set(key, seen.size);
    return seen.get(key)!;
  });
  return { pair, pairs: seen.size };
}

describe('numbering the pairs of links', () => {
  it('numbers {a, b} and {b, a} as one pair, in the order of first links', () => {
    // Links: 0–1, 2–0, 1–0 (repeat of the first, reversed), 2–2 (a loop), 0–2 (repeat of the second).
    const source = Int32Array.from([0, 2, 1, 2, 0]);
    const target = Int32Array.from([1, 0, 0, 2, 2]);
    const { pair, pairs } = numberPairs(source, target, 5);
    expect([...pair]).toEqual([0, 1, 0, 2, 1]);
    expect(pairs).toBe(3);
  });

  it('agrees with a map of the pairs and with PairIndex on random multigraphs', () => {
    const next = rng(7);
    for (const [n, m] of [[1, 0], [2, 5], [10, 200], [300, 2_000], [5_000, 20_000]] as const) {
      const source = Int32Array.from({ length: m }, () => Math.floor(next() * n));
      const target = Int32Array.from({ length: m }, () => Math.floor(next() * n));
      const expected = byMap(source, target);
      const got = numberPairs(source, target, m);
      expect([...got.pair], `${n} nodes, ${m} links`).toEqual(expected.pair);
      expect(got.pairs).toBe(expected.pairs);
      const index = new PairIndex();
      expect(Array.from(source, (a, i) => index.add(a, target[i]!))).toEqual(expected.pair);
      expect(index.size).toBe(expected.pairs);
    }
  });

  it('reads only the first `count` links of longer columns', () => {
    const source = Int32Array.from([0, 0, 9, 9]);
    const target = Int32Array.from([1, 1, 8, 8]);
    const { pair, pairs } = numberPairs(source, target, 2);
    expect([...pair]).toEqual([0, 0]);
    expect(pairs).toBe(1);
  });
});
