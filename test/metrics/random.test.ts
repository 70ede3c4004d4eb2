import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/metrics/random.js';

/** mulberry32 as published (bryc/code, PRNGs.md), for comparison. */
function mulberry32Reference(a: number): () => number {
  return function () {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('createRng (mulberry32)', () => {
  it('matches the reference mulberry32 stream', () => {
    for (const seed of [0, 1, 42, 123456789, 0xffffffff]) {
      const a = createRng(seed);
      const b = mulberry32Reference(seed);
      for (let i = 0; i < 1000; i++) expect(a()).toBe(b());
    }
  });

  it('first outputs are pinned (values from an independent Python port of mulberry32)', () => {
    const firstThree = (seed: number) => {
      const r = createRng(seed);
      return [r(), r(), r()].map((x) => x * 4294967296);
    };
    expect(firstThree(1)).toEqual([2693262067, 11749833, 2265367787]);
    expect(firstThree(0)).toEqual([1144304738, 1416247, 958946056]);
  });

  it('is deterministic, seed-dependent, and in [0, 1)', () => {
    const a = Array.from({ length: 5 }, createRng(7));
    const b = Array.from({ length: 5 }, createRng(7));
    const c = Array.from({ length: 5 }, createRng(8));
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    const r = createRng(3);
    let sum = 0;
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < 100_000; i++) {
      const x = r();
      sum += x;
      if (x < min) min = x;
      if (x > max) max = x;
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    expect(sum / 100_000).toBeCloseTo(0.5, 2);
  });

  it('reduces seeds with ToUint32; non-finite seeds act as 0', () => {
    const first = (seed: number) => createRng(seed)();
    expect(first(1.9)).toBe(first(1));
    expect(first(-1)).toBe(first(4294967295));
    expect(first(2 ** 32 + 5)).toBe(first(5));
    expect(first(Number.NaN)).toBe(first(0));
    expect(first(Number.POSITIVE_INFINITY)).toBe(first(0));
  });
});
