import { z } from 'zod';
import { defaultGeography } from '../io/country.js';
import { cached } from '../model/cache.js';
import type { CountryText } from '../model/country.js';
import type { Geography } from '../model/schema.js';
import { groupsOf, resolveGroupsOf, GroupInputSchema, type Group } from '../model/groups.js';
import { requireGeography, scopeSet, sharedProjection, type CooperationNetwork } from '../model/network.js';
import { createRng, shuffled } from '../metrics/random.js';
import { fitConditionalLogit, logLikelihood, type ConditionalLogitFit } from './conditional-logit.js';
import { groupCases, groupRoles, knownFields, type GroupCase } from './group-cases.js';
import { AttributeFeatureSpecSchema, FeatureSpecSchema, PlainFeatureSpecSchema, featureMatrix, hasAttribute, tieEvidence, type FeatureContext, type FeatureSpec, type TieEvidence } from './pair-features.js';
import { ViaSchema, parseOptions, said, saidIn } from '../model/options.js';
import { ArgumentError, FitError } from '../model/errors.js';

/** A feature of a fitted model: its spec, its coefficient (raw scale) and the training mean and sd. */
const fitted = {
  /** Coefficient on the raw feature scale: the score is `Σ coefficient · value`. */
  coefficient: z.number(),
  /** Mean and population sd of the feature over the training rows (the standardisation of the fit). */
  mean: z.number(),
  sd: z.number().positive(),
};
export const ModelFeatureSchema = z.discriminatedUnion('kind', [PlainFeatureSpecSchema.extend(fitted), AttributeFeatureSpecSchema.extend(fitted)]);
export type ModelFeature = z.infer<typeof ModelFeatureSchema>;

/** One fitted variant of a model: the default, or the one that knows the field asked for. */
export const ModelVariantSchema = z.strictObject({
  features: z.array(ModelFeatureSchema).min(1),
  /** The L2 penalty λ of the fit (on standardised coefficients). */
  l2: z.number().nonnegative(),
  /** How λ was chosen, in words. */
  l2Selection: z.string(),
  /** Cases (a member of a hidden group asking) and candidate rows fitted. */
  cases: z.number().int().nonnegative(),
  rows: z.number().int().nonnegative(),
  /** Log-likelihood at the solution, without the penalty. */
  logLikelihood: z.number(),
  iterations: z.number().int().nonnegative(),
  /** Whether the fit converged (see `fitConditionalLogit`); a model is only made from a converged fit. */
  converged: z.literal(true),
});
export type ModelVariant = z.infer<typeof ModelVariantSchema>;

/**
 * A fitted recommender: a versioned, self-describing JSON document. The
 * file format is this schema; `version` changes when it does.
 */
export const RecommenderModelSchema = z.strictObject({
  format: z.literal('samverkan-recommender'),
  version: z.literal(1),
  /** A name for the model, e.g. `sweden-bodies-2026`. */
  id: z.string().min(1),
  description: z.string(),
  /** What the model was fitted on. */
  trainedOn: z.strictObject({
    /** The data, in words (and how to load it). */
    dataset: z.string(),
    /** Files and their SHA-256, when the data came from files. */
    files: z.array(z.strictObject({ path: z.string(), sha256: z.string() })),
    /** Groups hidden one at a time to make the cases. */
    groups: z.number().int().nonnegative(),
    /**
     * The name of the geography the model was fitted on (`Geography.name`).
     * Its coefficients and feature scales belong to that geography: used on
     * another, recommendations warn (see `onWarning` of `recommendPartners`).
     */
    geography: z.string().min(1),
    /** Whether county-wide groups counted as ties. */
    countyWide: z.enum(['ignore', 'count']),
    /** Features of the default list left out, with why. */
    notes: z.array(z.string()),
  }),
  default: ModelVariantSchema,
  /** Present when the training groups had fields: used for `field` requests. */
  field: ModelVariantSchema.optional(),
});
export type RecommenderModel = z.infer<typeof RecommenderModelSchema>;

/**
 * The default feature list (see `FeatureSpec` for each definition): geography
 * (distance, border, county, the labour-market region and SKR's main
 * municipality group where the geography has them, size), the ties the two
 * already have (how many partners the candidate has, shared partners,
 * proximity in the tie network, how near each one's partners are to the
 * other).
 */
export const DEFAULT_FEATURES: readonly FeatureSpec[] = Object.freeze([
  { name: 'logDistance', kind: 'logDistance' },
  { name: 'border', kind: 'border' },
  { name: 'sameCounty', kind: 'sameCounty' },
  { name: 'sameCountyLogDistance', kind: 'sameCountyLogDistance' },
  { name: 'sameLabourMarketRegion', kind: 'sameAttribute', attribute: 'la_region_2023' },
  { name: 'sameMunicipalityGroup', kind: 'sameAttribute', attribute: 'skr_kommungrupp_2023', prefix: 1 },
  { name: 'sizeDifference', kind: 'sizeDifference' },
  { name: 'candidatePartners', kind: 'candidatePartners' },
  { name: 'sharedPartners', kind: 'sharedPartners' },
  { name: 'networkProximity', kind: 'networkProximity' },
  { name: 'partnerDistance', kind: 'partnerDistance' },
  { name: 'candidatePartnerDistance', kind: 'candidatePartnerDistance' },
  { name: 'candidatePartnersOnYourBorder', kind: 'candidatePartnersOnYourBorder' },
] satisfies FeatureSpec[]);

/** The feature the field variant adds. */
export const FIELD_FEATURE: FeatureSpec = Object.freeze({ name: 'candidateHasField', kind: 'candidateHasField' });

/** The L2 penalties tried by cross-validation (`l2: 'cv'`). */
export const DEFAULT_L2_GRID: readonly number[] = Object.freeze([0.3, 1, 3, 10, 30, 100]);

export const FitRecommenderOptionsSchema = z.strictObject({
  /** Groups to learn from instead of the network's joint bodies (the network still gives its direct ties). */
  groups: z.array(GroupInputSchema).optional(),
  /** Actor kinds that are groups. Default `['joint_body']`. */
  via: ViaSchema,
  /** Features to fit. Default {@link DEFAULT_FEATURES}, without `sameAttribute` features whose attribute no municipality has. */
  features: z.array(FeatureSpecSchema).min(1).optional(),
  /** The L2 penalty, or `'cv'` (default): chosen from `l2Grid` by grouped cross-validation (held-out log-likelihood). */
  l2: z.union([z.number().nonnegative().finite(), z.literal('cv')]).default('cv'),
  l2Grid: z.array(z.number().positive().finite()).min(1).default([...DEFAULT_L2_GRID]),
  /** Folds of the cross-validation, grouped by group. Default 5. */
  folds: z.number().int().min(2).default(5),
  /** Seed of the fold assignment. Default 1. */
  seed: z.number().int().default(1),
  /** Also fit the field variant, when some group has a known field. Default true. */
  field: z.boolean().default(true),
  /** County-wide groups: `'ignore'` (default: neither ties nor cases) or `'count'`. */
  countyWide: z.enum(['ignore', 'count']).default('ignore'),
  id: z.string().min(1).default('custom'),
  description: z.string().default(''),
  /** The data, in words, for `trainedOn.dataset`. */
  dataset: z.string().default('a user network'),
  files: z.array(z.strictObject({ path: z.string(), sha256: z.string() })).default([]),
});
export type FitRecommenderOptions = z.input<typeof FitRecommenderOptionsSchema>;

/**
 * The groups and ties of a network as recommender evidence (see
 * `TieEvidence`). The direct ties come from `directFrom` (default `net`): the
 * temporal protocol passes `net.asOf(since)`, so a later agreement is not
 * evidence. @internal
 */
export function networkEvidence(net: CooperationNetwork, via: readonly string[], groups?: readonly Group[], directFrom: CooperationNetwork = net): TieEvidence {
  const direct = sharedProjection(directFrom, { via }).ties.filter((t) => t.direct > 0).map((t) => [t.a, t.b] as const);
  return tieEvidence(net.geography, direct, groups ?? groupsOf(net, { via: [...via] }), net.scope.national ? undefined : scopeSet(net));
}

/** The outcome of fitting on cases: the fit, λ, and the cross-validation curve. */
export interface CaseFit {
  readonly fit: ConditionalLogitFit;
  readonly l2: number;
  readonly selection: string;
  /** Held-out log-likelihood per λ tried (empty with a fixed λ). */
  readonly curve: readonly { l2: number; heldOutLogLikelihood: number }[];
}

/**
 * Fit on prepared cases, with λ fixed or chosen by `folds`-fold
 * cross-validation grouped by `case.group` (a seeded shuffle of the groups;
 * the λ with the largest summed held-out log-likelihood, the larger λ on a
 * tie). @internal
 */
export function fitCases(cases: readonly GroupCase[], features: number, l2: number | 'cv', grid: readonly number[], folds: number, seed: number): CaseFit {
  if (l2 !== 'cv') return { fit: fitConditionalLogit(cases, features, { l2 }), l2, selection: `fixed at ${l2}`, curve: [] };
  const groups = [...new Set(cases.map((c) => c.group))].sort((a, b) => a - b);
  const k = Math.min(folds, groups.length);
  if (k < 2) {
    const fallback = grid[Math.floor(grid.length / 2)]!;
    return { fit: fitConditionalLogit(cases, features, { l2: fallback }), l2: fallback, selection: `middle of the grid (${fallback}): too few groups to cross-validate`, curve: [] };
  }
  const fold = new Map(shuffled(groups, createRng(seed)).map((g, i) => [g, i % k]));
  // Largest λ first, each fit starting from the previous one's solution (the path is smooth in λ).
  const order = [...grid].sort((a, b) => b - a);
  const heldOut = new Map(order.map((lambda) => [lambda, 0]));
  for (let j = 0; j < k; j++) {
    const train = cases.filter((c) => fold.get(c.group) !== j);
    const test = cases.filter((c) => fold.get(c.group) === j);
    if (train.length === 0 || test.length === 0) continue;
    let start: number[] | undefined;
    for (const lambda of order) {
      // Only the held-out likelihood is used: a looser tolerance changes it by far less than the λ steps do.
      const fit = fitConditionalLogit(train, features, { l2: lambda, tolerance: 1e-6, ...(start && { start }) });
      start = fit.coefficients;
      heldOut.set(lambda, heldOut.get(lambda)! + logLikelihood(test, fit.coefficients));
    }
  }
  const curve = grid.map((lambda) => ({ l2: lambda, heldOutLogLikelihood: heldOut.get(lambda)! }));
  let best = curve[0]!;
  for (const point of curve) if (point.heldOutLogLikelihood > best.heldOutLogLikelihood || (point.heldOutLogLikelihood === best.heldOutLogLikelihood && point.l2 > best.l2)) best = point;
  return {
    fit: fitConditionalLogit(cases, features, { l2: best.l2 }),
    l2: best.l2,
    selection: `${k}-fold cross-validation grouped by group (seed ${seed}) over λ ∈ {${grid.join(', ')}}: largest held-out log-likelihood`,
    curve,
  };
}

/** A fitted variant as stored in a model. @internal */
export function toVariant(specs: readonly FeatureSpec[], result: CaseFit): ModelVariant {
  if (!result.fit.converged) {
    throw new FitError(said('errors.fit.notConverged', { iterations: result.fit.iterations, l2: result.l2 }));
  }
  return {
    features: specs.map((spec, f) => ({ ...spec, coefficient: result.fit.coefficients[f]!, mean: result.fit.mean[f]!, sd: result.fit.sd[f]! })),
    l2: result.l2,
    l2Selection: result.selection,
    cases: result.fit.cases,
    rows: result.fit.rows,
    logLikelihood: result.fit.logLikelihood,
    iterations: result.fit.iterations,
    converged: true,
  };
}

/** The default features a geography can compute (sameAttribute only where the attribute exists), and notes on the ones left out. @internal */
export function availableFeatures(net: CooperationNetwork, specs: readonly FeatureSpec[]): { specs: FeatureSpec[]; notes: string[] } {
  const notes: string[] = [];
  const kept = specs.filter((s) => {
    if (s.kind !== 'sameAttribute' || hasAttribute(net.geography, s.attribute)) return true;
    notes.push(`${s.name} left out: no municipality of the ${net.geography.name} geography has the attribute ${s.attribute}`);
    return false;
  });
  return { specs: kept, notes };
}

/**
 * Fit the learned recommender on a network's groups (its joint bodies, or
 * `groups`): every eligible group (not a proposal, not county-wide, at
 * least two members) is hidden in turn, and each member of it becomes a
 * case whose candidates are the municipalities not tied to it by the other
 * groups and direct ties, and whose hits are its co-members among them (see
 * the body protocol of `evaluateRecommender`). A conditional logit over the
 * named features is fitted to those cases (see `fitConditionalLogit`), with
 * λ chosen by cross-validation grouped by group. With fields on the groups,
 * a second variant adds `candidateHasField` for requests in one field.
 *
 * The result is a plain JSON-serialisable model (see
 * {@link RecommenderModelSchema}) for `recommendPartners(net, m, { model })`:
 * another country, another field of cooperation, or newer data.
 *
 * @example
 * const model = fitRecommender(loadNetwork(swedenCooperationBodies()), { id: 'bodies' });
 * recommendPartners(net, 'Bjurholm', { model });
 */
export function fitRecommender(net: CooperationNetwork, options: FitRecommenderOptions = {}): RecommenderModel {
  requireGeography(net, 'fitRecommender');
  const o = parseOptions(FitRecommenderOptionsSchema, options, 'fitRecommender', net);
  const groups = o.groups ? resolveGroupsOf(net.geography, o.groups, 'fitRecommender') : undefined;
  const ev = networkEvidence(net, o.via, groups);
  const roles = groupRoles(ev, o.countyWide);
  const { specs, notes } = o.features ? { specs: o.features, notes: [] as string[] } : availableFeatures(net, DEFAULT_FEATURES);
  const eligible = ev.groups.map((_, i) => i).filter(roles.eligible);
  const cases = eligible.flatMap((g) => groupCases(ev, g, roles.evidence, specs));
  if (cases.length === 0) {
    throw new ArgumentError(saidIn('fitRecommender', said('errors.fit.noCases', { n: eligible.length })));
  }
  const variant = toVariant(specs, fitCases(cases, specs.length, o.l2, o.l2Grid, o.folds, o.seed));
  let field: ModelVariant | undefined;
  if (o.field && eligible.some((g) => knownFields(ev.groups[g]!.group).length > 0)) {
    const fieldSpecs = [...specs, FIELD_FEATURE];
    const fieldCases = eligible.flatMap((g) => groupCases(ev, g, roles.evidence, fieldSpecs, true));
    field = toVariant(fieldSpecs, fitCases(fieldCases, fieldSpecs.length, o.l2, o.l2Grid, o.folds, o.seed));
  }
  const model: RecommenderModel = {
    format: 'samverkan-recommender',
    version: 1,
    id: o.id,
    description: o.description,
    trainedOn: { dataset: o.dataset, files: o.files, groups: eligible.length, geography: net.geography.name, countyWide: o.countyWide, notes },
    default: variant,
  };
  if (field) model.field = field;
  return model;
}

/** A recommender's JSON parsed once per text object (a country's, and the geographies built from it, share one). */
function parsedModel(file: CountryText): RecommenderModel {
  return cached(file, 'recommender', () => RecommenderModelSchema.parse(JSON.parse(file.text)));
}

/** The model a geography's country ships (`geography.recommender`, kept by `countryGeography`), or undefined: what the learned scorer uses when no `model` is given. */
export function geographyRecommender(geography: Pick<Geography, 'recommender'>): RecommenderModel | undefined {
  return geography.recommender && parsedModel(geography.recommender);
}

/**
 * The shipped model: the default country's (that of the loaders' default
 * geography, `defaultGeography()`), fitted on its embedded real cooperation
 * bodies (`data/models/recommender-sweden.json`, made by
 * `npx tsx scripts/fit-default-model.ts`; see its `trainedOn`). The same
 * object on every call: treat it as read-only.
 *
 * @example
 * defaultRecommender().default.features.map((f) => f.name);
 */
export function defaultRecommender(): RecommenderModel {
  return geographyRecommender(defaultGeography())!;
}

/** Scores (`Σ coefficient · value`) and feature rows of `m`'s candidates under a variant. @internal */
export function scoreCandidates(variant: ModelVariant, ctx: FeatureContext, m: number, cands: Int32Array): { scores: Float64Array; x: Float64Array } {
  const F = variant.features.length;
  const x = featureMatrix(ctx, m, cands, variant.features);
  const scores = new Float64Array(cands.length);
  for (let r = 0; r < cands.length; r++) {
    let s = 0;
    for (let f = 0; f < F; f++) s += variant.features[f]!.coefficient * x[r * F + f]!;
    scores[r] = s;
  }
  return { scores, x };
}
