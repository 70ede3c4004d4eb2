/**
 * The demo shape, defined once: the parameters and the seeded streams
 * that both synthetic generators share, the demonstration dataset's
 * (`scripts/generate-demo.ts`, on the Swedish geography) and
 * `syntheticNetwork`'s (on an invented country, at any size). A
 * change here moves both.
 *
 * @module
 */
import { createRng, type Rng } from '../metrics/random.js';

/** Small municipalities (isolated ones, bridge dependents) have fewer inhabitants than this; hubs at least as many. */
export const SMALL_POPULATION = 15_000;
/** No date is earlier than this: the first established ties. */
export const FIRST_DATE = '2010-01-01';
/** No date is later than this (the population figures' date). */
export const DATA_DATE = '2025-09-30';
/** The police regions were formed on this date; no link to one starts earlier. */
export const POLICE_REGIONS_SINCE = '2015-01-01';

/** Factor of a municipality–municipality tie 1, 2 and 3 border steps apart (further: the demo's `BORDER_STEP_FACTOR_FAR`, beyond the scale sizes' reach). */
export const BORDER_STEP_FACTORS = [1, 0.16, 0.035] as const;
/** Factor of a municipality–municipality tie across a county border. */
export const CROSS_COUNTY_FACTOR = 0.3;
/** Planned number of municipalities in a joint body within a county. */
export const JOINT_BODY_SIZE = { min: 3, max: 6 } as const;

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of an ISO date (`YYYY-MM-DD`, UTC). */
export function dayOf(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;
}

/** The ISO date of a day since 1970-01-01 (the inverse of {@link dayOf}). */
export function isoOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The random stream of one stage of a generator: independent streams per
 * stage, so tuning one stage leaves the others' draws alone.
 */
export function stageStream(seed: number, stage: number): Rng {
  return createRng((Math.trunc(seed) * 1_000_003 + stage * 7_919) % 4_294_967_296);
}
