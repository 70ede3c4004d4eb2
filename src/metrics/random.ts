/**
 * Seeded pseudo-random numbers for reproducible analyses (community
 * detection, sampling, permutation tests).
 *
 * The generator is Tommy Ettinger's **mulberry32**: a 32-bit state advanced by
 * the Weyl increment `0x6D2B79F5`, followed by an xorshift-multiply output
 * mix. It has period 2^32, passes gjrand and PractRand up to a few GB of
 * output, and costs a handful of integer operations per call. It is *not*
 * cryptographically secure, and 2^32 distinct streams is plenty for
 * seeding analyses but not for simulations that need many independent
 * long streams.
 *
 * @module
 */

/** A function returning uniform floats in `[0, 1)`, like `Math.random`. */
export type Rng = () => number;

/**
 * Create a seeded generator returning uniform floats in `[0, 1)`.
 *
 * Conventions:
 * - The seed is reduced to an unsigned 32-bit integer: it is truncated
 *   towards zero and taken modulo 2^32 (`ToUint32`), so `1.9` and `1` give
 *   the same stream and so do `-1` and `4294967295`. Non-finite seeds
 *   (`NaN`, `±Infinity`) behave as `0`.
 * - Every value is a multiple of 2^-32, so `1` is never returned.
 * - Two generators with the same seed produce the same sequence, on every
 *   platform (only 32-bit integer arithmetic is involved).
 *
 * @param seed - Any number; see the reduction above.
 * @returns A stateful function; each call advances the stream by one.
 */
export function createRng(seed: number): Rng {
  let state = Number.isFinite(seed) ? Math.trunc(seed) >>> 0 : 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates shuffle of a copy of `items`, driven by `rng`. */
export function shuffled<T>(items: readonly T[], rng: Rng): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
