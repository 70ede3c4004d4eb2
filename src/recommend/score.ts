import { z } from 'zod';
import { ViaSchema, PartnerKindsSchema, refusal } from '../model/options.js';
import { indexGeography } from '../model/geography.js';
import type { Geography } from '../model/schema.js';
import { linkScores as linkScoresKernel } from '../metrics/link-prediction.js';
import { haversineKm } from '../geo/distance.js';
import { neighbours } from '../geo/neighbours.js';
import { stepsFrom, type Features } from './evidence.js';

/** The named components of a recommendation score, in the order they are listed everywhere. */
export const COMPONENTS = ['shared', 'complementarity', 'capacity', 'access', 'distance', 'county'] as const;
export type Component = (typeof COMPONENTS)[number];
/** One number in [0, 1] per component. */
export type Components = Record<Component, number>;

/**
 * Default component weights, chosen by held-out evaluation, not by taste
 * (`npx tsx bench/recommend-quality.ts --tune` reproduces the choice; it uses
 * seeds 1001–1005, while the reported evaluation uses seeds 1–20):
 *
 * 1. `shared`, `capacity`, `distance` and `county` (with
 *    {@link DEFAULT_DISTANCE_SCALE_KM} and {@link DEFAULT_SHARED_SCALE}): a
 *    grid (shared 1–8, capacity 0–2, distance 0–4, county 0–4, distance scale
 *    25/50/100 km, shared scale 0.1–1; 3 072 points). Of the 365 points that
 *    beat the best baseline on AUC, MRR, precision@5 and recall@5 on both the
 *    synthetic demo and the real cooperation bodies, the one with the largest
 *    summed (AUC + MRR) / 2 over the two datasets. The demo alone would choose
 *    more distance and capacity and lose to resource allocation on the real
 *    bodies.
 * 2. `complementarity` and `access` say what a tie would *add* (partner kinds
 *    the municipality lacks, a way into the wider network), which held-out
 *    ties cannot show. They get the largest weights on {0, 0.25, 0.5, 1, 2}
 *    that keep every stage-1 constraint and cost at most 0.005 of its
 *    objective (here 0.004).
 *
 * Only ratios matter: the score is `Σ wᵢ·cᵢ / Σ wᵢ`.
 */
export const DEFAULT_WEIGHTS: Readonly<Components> = Object.freeze({
  shared: 4,
  complementarity: 2,
  capacity: 1,
  access: 0.5,
  distance: 4,
  county: 1,
});

/** Kilometres over which the distance component's kilometre half falls to 1/e (chosen with the weights). */
export const DEFAULT_DISTANCE_SCALE_KM = 50;

/** Resource-allocation index at which the shared component reaches 1 − 1/e (chosen with the weights). */
export const DEFAULT_SHARED_SCALE = 0.5;

const weight = (c: Component) => z.number().nonnegative().finite().default(DEFAULT_WEIGHTS[c]);

/** Component weights; each defaults to {@link DEFAULT_WEIGHTS}. Only their ratios matter (the score divides by their sum). */
export const WeightsSchema = z
  .object({
    shared: weight('shared'),
    complementarity: weight('complementarity'),
    capacity: weight('capacity'),
    access: weight('access'),
    distance: weight('distance'),
    county: weight('county'),
  })
  .refine((w) => COMPONENTS.some((c) => w[c] > 0), refusal('options.positiveWeight'));
export type Weights = z.input<typeof WeightsSchema>;

/** Options of the scorer itself (shared by every recommend function and by the evaluation). */
export const ScoreOptionsShape = {
  /** Component weights (see {@link DEFAULT_WEIGHTS}). */
  weights: WeightsSchema.prefault({}),
  /** Partner kinds the complementarity component looks at. Default religious, civil_society, authority. */
  partnerKinds: PartnerKindsSchema,
  /** Scale of the distance decay, km (see {@link DEFAULT_DISTANCE_SCALE_KM}). Default 50. */
  distanceScaleKm: z.number().positive().finite().default(DEFAULT_DISTANCE_SCALE_KM),
  /** Scale of the shared component: `shared = 1 − exp(−RA / sharedScale)` (see {@link DEFAULT_SHARED_SCALE}). Default 0.5. */
  sharedScale: z.number().positive().finite().default(DEFAULT_SHARED_SCALE),
  /**
   * The county component: `'same'` (default) scores 1 for a candidate in the
   * municipality's own county; `'bridge'` also scores 1 for a candidate in a
   * county that no municipality of the municipality's county is tied to yet
   * (a deliberate cross-county bridge).
   */
  countyPreference: z.enum(['same', 'bridge']).default('same'),
  /** Actor kinds through which members cooperate (see `municipalityProjection`). Default `['joint_body']`. */
  via: ViaSchema,
} as const;
export const ScoreOptionsSchema = z.strictObject(ScoreOptionsShape);
export type ScoreOptions = z.input<typeof ScoreOptionsSchema>;
export type ParsedScoreOptions = z.output<typeof ScoreOptionsSchema>;

/** Options choosing the candidates of a municipality. */
export const CandidateOptionsShape = {
  /** Candidates within this many border steps (1 = bordering only). Default 2. */
  hops: z.number().int().nonnegative().default(2),
  /** Also candidates whose centroid is within this many km, border or not. Default 60. */
  maxKm: z.number().nonnegative().default(60),
  /**
   * At least this many candidates (after excluding existing partners), by
   * adding the nearest other municipalities, so islands (Gotland) and remote
   * municipalities get candidates too. Default 3.
   */
  atLeast: z.number().int().nonnegative().default(3),
} as const;
export const CandidateOptionsSchema = z.strictObject(CandidateOptionsShape);
export type CandidateOptions = z.input<typeof CandidateOptionsSchema>;

/** A candidate municipality and where it lies. */
export interface Candidate {
  code: string;
  /** Border steps (1 = shares a border), `null` when not reachable over land borders. */
  borderSteps: number | null;
  distanceKm: number;
}

/**
 * The candidate partners of `code`: the municipalities within `hops` border
 * steps or `maxKm` km, and, while there are fewer than `atLeast` of them that
 * are not in `exclude`, the nearest others (by distance, then code). Returned
 * in border-steps order (bordering first, unreachable last), then distance,
 * then code. Candidates in `exclude` are left out. This is {@link neighbours}
 * with the recommender's options.
 */
export function candidatesOf(
  geography: Geography,
  code: string,
  options: z.output<typeof CandidateOptionsSchema>,
  exclude: ReadonlySet<string> = new Set(),
): Candidate[] {
  return neighbours(geography, code, { hops: options.hops, maxKm: options.maxKm, atLeast: options.atLeast, exclude: [...exclude] }).map((r) => ({
    code: r.neighbour,
    borderSteps: r.borderSteps,
    distanceKm: r.distanceKm,
  }));
}

/** Component values of many (municipality, candidate) pairs: one array per component, aligned with the pairs. */
export type ComponentArrays = Record<Component, Float64Array>;

/**
 * The components of each pair `[m, c]` (municipality indices of the
 * evidence): how good a partner `c` is for `m`. Definitions (each in [0, 1]):
 *
 * - `shared = 1 − exp(−RA / sharedScale)`, with `RA` the resource-allocation index of `m`
 *   and `c` (Zhou, Lü & Zhang 2009): `Σ 1/k_z` over their common neighbours
 *   `z` in the cooperation graph {@link Features.star} (municipality ties
 *   plus each municipality's direct partner actors), `k_z` the degree of `z`
 *   there. So a shared partner that works with few others counts more.
 * - `complementarity`: the share of the `partnerKinds` that `m` has no
 *   partner of and `c` has at least one.
 * - `capacity = ½·(ln P_c − ln P_min)/(ln P_max − ln P_min) + ½·ln(1 + p_c)/ln(1 + p_max)`,
 *   with `P` populations (at least 1; min and max over the geography) and
 *   `p` partners (degree in the cooperation graph; max over the
 *   municipalities). A half with a zero range is 0.
 * - `access = B_c / B_max`: `c`'s betweenness in the municipality
 *   projection over the largest betweenness there (0 when all are 0).
 * - `distance = ½·exp(−km/distanceScaleKm) + ½·(1/steps)`, with `km` the
 *   centroid distance and `steps` the border steps (the second half is 0
 *   when `c` cannot be reached over land borders, e.g. from an island).
 * - `county`: 1 when `c` is in `m`'s county; with `countyPreference:
 *   'bridge'`, also 1 when `c`'s county is one that no municipality of `m`'s
 *   county is tied to yet; else 0.
 */
export function componentArrays(f: Features, pairs: readonly (readonly [number, number])[], o: ParsedScoreOptions): ComponentArrays {
  const { ev } = f;
  const ix = indexGeography(ev.geography);
  const muni = ev.codes.map((c) => ix.municipality.get(c)!);
  const k = pairs.length;
  const out: ComponentArrays = {
    shared: linkScoresKernel(f.star, pairs, 'resource_allocation'),
    complementarity: new Float64Array(k),
    capacity: new Float64Array(k),
    access: new Float64Array(k),
    distance: new Float64Array(k),
    county: new Float64Array(k),
  };
  const logPartnerMax = Math.log1p(f.maxPartnerCount);
  const capacityOf = (c: number) => {
    const pop = f.logPopRange > 0 ? (Math.log(Math.max(1, muni[c]!.population)) - f.logPopMin) / f.logPopRange : 0;
    const partners = logPartnerMax > 0 ? Math.log1p(f.partnerCount[c]!) / logPartnerMax : 0;
    return 0.5 * pop + 0.5 * partners;
  };
  for (let i = 0; i < k; i++) {
    const [m, c] = pairs[i]!;
    out.shared[i] = 1 - Math.exp(-out.shared[i]! / o.sharedScale);
    let gained = 0;
    for (const kind of o.partnerKinds) if (!f.kindCounts[m]!.has(kind) && f.kindCounts[c]!.has(kind)) gained++;
    out.complementarity[i] = gained / o.partnerKinds.length;
    out.capacity[i] = capacityOf(c);
    out.access[i] = f.maxBetweenness > 0 ? f.betweenness[c]! / f.maxBetweenness : 0;
    const pm = muni[m]!;
    const pc = muni[c]!;
    const km = haversineKm(pm.lat, pm.lon, pc.lat, pc.lon);
    const steps = stepsFrom(ev.geography, pm.code).get(pc.code);
    out.distance[i] = 0.5 * Math.exp(-km / o.distanceScaleKm) + 0.5 * (steps !== undefined && steps > 0 ? 1 / steps : 0);
    out.county[i] =
      pm.county === pc.county || (o.countyPreference === 'bridge' && !(f.countiesReached.get(pm.county)?.has(pc.county) ?? false)) ? 1 : 0;
  }
  return out;
}

/** The weighted score `Σ w_i·c_i / Σ w_i` of each pair. */
export function weightedScores(arrays: ComponentArrays, weights: Readonly<Components>): Float64Array {
  const k = arrays.shared.length;
  const total = COMPONENTS.reduce((s, c) => s + weights[c], 0);
  const out = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    let s = 0;
    for (const c of COMPONENTS) s += weights[c] * arrays[c][i]!;
    out[i] = s / total;
  }
  return out;
}
