/**
 * A small seeded pseudo-random generator, so that everything random in
 * samverkan (Louvain, held-out sampling, the demo generator) is reproducible
 * byte for byte across runs and platforms.
 *
 * mulberry32 (Tommy Ettinger, public domain): 32-bit state, period 2^32,
 * passes gjrand/PractRand to 2^32 outputs; plenty for sampling, not for
 * cryptography. Seeds are reduced to 32 bits.
 */
export function createRng(seed: number): () => number {
  let state = (Math.trunc(seed) ^ 0x9e3779b9) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates shuffle of a copy of `items`, driven by `rng`. */
export function shuffled<T>(items: readonly T[], rng: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
