import { z } from 'zod';
import { CompetenceOptionsShape, competenceNeed, competenceOffered } from './competence.js';
import { cmp, geographyWords } from '../model/geography.js';
import { ArgumentError } from '../model/errors.js';
import { GroupInputSchema, resolveGroupsOf } from '../model/groups.js';
import { requireGeography, type CooperationNetwork } from '../model/network.js';
import { IsoDateSchema } from '../model/schema.js';
import { withColumns, type Rows } from '../model/table.js';
import { linkScores as linkScoresKernel } from '../metrics/link-prediction.js';
import { createRng, shuffled } from '../metrics/random.js';
import { evidenceOf, featuresOf, withTies, type Features } from './evidence.js';
import { fieldMembership, groupCases, groupRoles, knownFields, type GroupCase } from './group-cases.js';
import { attributeCodes, FeatureSpecSchema, hasAttribute, kmBetween, type FeatureSpec, type TieEvidence } from './pair-features.js';
import {
  availableFeatures,
  DEFAULT_FEATURES,
  DEFAULT_L2_GRID,
  FIELD_FEATURE,
  fitCases,
  networkEvidence,
  RecommenderModelSchema,
  scoreCandidates,
  toVariant,
  type ModelVariant,
} from './recommender-model.js';
import { componentArrays, ScoreOptionsSchema, weightedScores, type Components } from './score.js';
import { OptionsError, ProgressSchema, ViaSchema, parseOptions, refuseIgnoredOptions, said, saidIn } from '../model/options.js';

/**
 * The methods of the body protocol: the learned recommender (refitted per
 * fold, and its field variant, told the hidden group's field), the
 * hand-weighted scorer, and simple baselines. Every method ranks a member's
 * candidates by its score, ties broken by distance (nearest first), then
 * code: so `same_county_nearest` is "same county first, then nearest", and
 * the neighbourhood scores are "…, then nearest" too.
 */
export const BODY_METHODS = [
  'samverkan',
  'samverkan_field',
  'weighted',
  'nearest',
  'same_county_nearest',
  'same_region_nearest',
  'common_neighbours',
  'jaccard',
  'adamic_adar',
  'resource_allocation',
  'preferential_attachment',
  'random',
] as const;
export type BodyMethod = (typeof BODY_METHODS)[number];

/** The per-case metrics, in the order of the summary columns. */
export const BODY_METRICS = ['precisionAtK', 'recallAtK', 'mrr', 'ndcgAtK', 'auc'] as const;
export type BodyMetric = (typeof BODY_METRICS)[number];

export const BodyEvaluateOptionsSchema = z.strictObject({
  /** Groups to evaluate on instead of the network's joint bodies (the network still gives its direct ties). */
  groups: z.array(GroupInputSchema).optional(),
  /** Actor kinds that are groups. Default `['joint_body']`. */
  via: ViaSchema,
  /** Cut-off of precision, recall and nDCG. Default 5. */
  k: z.number().int().positive().default(5),
  /**
   * Folds of the learned model's refit, grouped by group: `'loo'` refits
   * without each group in turn; a number `K` (default 10) refits `K` times,
   * each without one fold of groups (a seeded shuffle); `'county'` refits
   * without every group of one county at a time (every group that could be hidden, with a case or not; a group's county is the
   * one most of its members are in, the lowest code on a tie), so each is
   * judged by a model that has seen no body of its county. Every case is
   * still scored on the evidence without its own group only.
   */
  folds: z.union([z.literal('loo'), z.literal('county'), z.number().int().min(2)]).default(10),
  /** Seed of the folds, the random baseline and the bootstrap. Default 1. */
  seed: z.number().int().default(1),
  /** Methods to run, in output order. Default: every method that applies (see {@link BODY_METHODS}). */
  methods: z.array(z.enum(BODY_METHODS)).min(1).optional(),
  /** The method the differences are measured from; one of `methods`. Default `'samverkan'`, or the first method when samverkan is not run. */
  reference: z.enum(BODY_METHODS).optional(),
  /** Municipality attribute of `same_region_nearest`. Default `'la_region_2023'` (SCB's local labour-market regions). */
  regionAttribute: z.string().min(1).default('la_region_2023'),
  /** The learned model's penalty per refit: a number, or `'cv'` (default) for grouped cross-validation inside the training folds. */
  l2: z.union([z.number().nonnegative().finite(), z.literal('cv')]).default('cv'),
  l2Grid: z.array(z.number().positive().finite()).min(1).default([...DEFAULT_L2_GRID]),
  /** Folds of that inner cross-validation. Default 5. */
  innerFolds: z.number().int().min(2).default(5),
  /** Features of the learned model. Default its default list (see `DEFAULT_FEATURES`). */
  features: z.array(FeatureSpecSchema).min(1).optional(),
  /**
   * A fitted model to evaluate as `samverkan` instead of refitting (for
   * example `defaultRecommender()`); when it was fitted on these groups the
   * figures are in-sample, not held out.
   */
  model: RecommenderModelSchema.optional(),
  /** Bootstrap resamples (of groups, paired across methods). Default 2000. */
  bootstrap: z.number().int().min(0).default(2000),
  /** Level of the bootstrap intervals. Default 0.95. */
  confidence: z.number().gt(0).lt(1).default(0.95),
  /**
   * Temporal protocol: the evidence is the groups that exist on this date
   * (started on or before it, or with no start date; not ended before it)
   * and the direct ties of `net.asOf(since)`, the learned model is fitted on
   * them once, and the cases are the groups started after it (so `folds`
   * does not apply).
   */
  since: IsoDateSchema.optional(),
  /** County-wide groups: `'ignore'` (default: neither ties nor cases) or `'count'`. */
  countyWide: z.enum(['ignore', 'count']).default('ignore'),
  /**
   * Capability records: the samverkan method adds the recommender's
   * competence component (see `recommendPartners`). The hidden bodies say
   * nothing of capabilities, so this measures only that the component does
   * not lower the figures, not that it helps.
   */
  capabilities: CompetenceOptionsShape.capabilities,
  /** Weight of the competence component (with `capabilities`). Default 0.25 (`DEFAULT_COMPETENCE_WEIGHT`). */
  competenceWeight: CompetenceOptionsShape.competenceWeight,
  /** Called as folds are done, with `(done, total)`. */
  onProgress: ProgressSchema,
});
export type BodyEvaluateOptions = z.input<typeof BodyEvaluateOptionsSchema>;
type ParsedOptions = z.output<typeof BodyEvaluateOptionsSchema>;

/**
 * One row per method: each metric's mean over the cases, and its paired
 * difference from the reference method (`reference − method`) with a
 * cluster-bootstrap interval (`…Low`, `…High`; `null` for the reference
 * itself, or with `bootstrap: 0`).
 */
export interface BodyEvaluationRow {
  method: BodyMethod;
  cases: number;
  groups: number;
  k: number;
  precisionAtK: number;
  recallAtK: number;
  mrr: number;
  ndcgAtK: number;
  auc: number;
  precisionAtKDifference: number | null;
  precisionAtKLow: number | null;
  precisionAtKHigh: number | null;
  recallAtKDifference: number | null;
  recallAtKLow: number | null;
  recallAtKHigh: number | null;
  mrrDifference: number | null;
  mrrLow: number | null;
  mrrHigh: number | null;
  ndcgAtKDifference: number | null;
  ndcgAtKLow: number | null;
  ndcgAtKHigh: number | null;
  aucDifference: number | null;
  aucLow: number | null;
  aucHigh: number | null;
}

/** One case under one method. */
export interface BodyCaseRow {
  method: BodyMethod;
  /** The hidden group's id. */
  group: string;
  /** The member asking (municipality code). */
  municipality: string;
  /** The fold whose model scored the case (from 0; the learned model of a fold never saw its groups). */
  fold: number;
  candidates: number;
  hits: number;
  /** Rank of the first hit, from 1. */
  firstHit: number;
  precisionAtK: number;
  recallAtK: number;
  reciprocalRank: number;
  ndcgAtK: number;
  auc: number;
}

/** The evaluation's rows, with the per-case rows as a non-enumerable `caseRows` property. */
export type BodyEvaluation = Rows<BodyEvaluationRow> & { readonly caseRows: Rows<BodyCaseRow> };

/**
 * The metrics of one ranked list: `order` holds candidate positions, best
 * first; `y[r]` marks the hits. P@k = hits in the top k / k; recall@k =
 * hits in the top k / all hits; RR = 1 / rank of the first hit; nDCG@k =
 * DCG@k / ideal DCG@k with binary gains (`Σ 1/log₂(rank + 1)`); AUC = the
 * share of (hit, non-hit) pairs with the hit ranked first.
 *
 * @example
 * rankedListMetrics(Int32Array.of(2, 0, 1), Uint8Array.of(0, 1, 1), 2);
 * // hits at ranks 2 and 3: P@2 0.5, recall@2 0.5, RR 0.5, AUC 0
 */
export function rankedListMetrics(order: Int32Array, y: Uint8Array, k: number): { precision: number; recall: number; reciprocalRank: number; ndcg: number; auc: number; firstHit: number } {
  const n = order.length;
  let hits = 0;
  let total = 0;
  for (let r = 0; r < n; r++) total += y[r]!;
  let topHits = 0;
  let dcg = 0;
  let firstHit = 0;
  let above = 0;
  let pairsWon = 0;
  for (let i = 0; i < n; i++) {
    const hit = y[order[i]!]! === 1;
    if (hit) {
      hits++;
      if (firstHit === 0) firstHit = i + 1;
      if (i < k) {
        topHits++;
        dcg += 1 / Math.log2(i + 2);
      }
      pairsWon += n - total - above;
    } else above++;
  }
  let ideal = 0;
  for (let i = 0; i < Math.min(k, total); i++) ideal += 1 / Math.log2(i + 2);
  const negatives = n - total;
  return {
    precision: topHits / k,
    recall: total > 0 ? topHits / total : 0,
    reciprocalRank: firstHit > 0 ? 1 / firstHit : 0,
    ndcg: ideal > 0 ? dcg / ideal : 0,
    auc: total > 0 && negatives > 0 ? pairsWon / (total * negatives) : NaN,
    firstHit: hits > 0 ? firstHit : 0,
  };
}

/** Candidate positions by score (descending), then distance from `m` (ascending), then index. */
function rankOrder(scores: Float64Array, km: Float64Array, cands: Int32Array): Int32Array {
  const order = Int32Array.from(cands, (_, r) => r);
  return order.sort((p, q) => scores[q]! - scores[p]! || km[p]! - km[q]! || cands[p]! - cands[q]!);
}

/** Quantile of sorted values (linear interpolation, type 7). */
function quantile(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

const FN = 'evaluateBodies';

/**
 * Body-level evaluation of the recommender against baselines: each group
 * (joint body) is hidden in turn and each of its members asks for partners
 * (see `evaluateRecommender` with `protocol: 'body'` for the protocol in
 * full). Returns one row per method; `caseRows` holds every case.
 *
 * @example
 * const rows = evaluateBodies(loadNetwork(swedenCooperationBodies()), { folds: 10 });
 * console.table(rows); // samverkan first, then the baselines, with paired intervals
 */
export function evaluateBodies(net: CooperationNetwork, options: BodyEvaluateOptions = {}): BodyEvaluation {
  requireGeography(net, FN);
  const o = parseOptions(BodyEvaluateOptionsSchema, options, 'evaluateBodies', net);
  rejectIgnoredBodyOptions(options);
  const groups = o.groups ? resolveGroupsOf(net.geography, o.groups, FN) : undefined;
  // The temporal protocol sees the network as it was on `since`: its direct ties and the weighted scorer's
  // evidence; the groups come from the whole network, as the later ones are the cases.
  const before = o.since !== undefined ? net.asOf(o.since) : net;
  const ev = networkEvidence(net, o.via, groups, before);
  const roles = groupRoles(ev, o.countyWide);
  const specs: FeatureSpec[] = o.features ?? availableFeatures(net, DEFAULT_FEATURES).specs;
  const { methods, reference } = bodyMethods(net, o, ev, roles);

  // Which groups are cases, which are evidence, and the folds.
  const at = o.since;
  const exists = (i: number) => {
    const g = ev.groups[i]!.group;
    return at === undefined || ((g.since === undefined || g.since <= at) && (g.until === undefined || g.until >= at));
  };
  const evidence = (i: number) => roles.evidence(i) && exists(i);
  const tested = ev.groups.map((_, i) => i).filter((i) => roles.eligible(i) && (at === undefined || (ev.groups[i]!.group.since !== undefined && ev.groups[i]!.group.since! > at)));
  const testCases = new Map(tested.map((g) => [g, groupCases(ev, g, evidence)] as const));
  const caseGroups = tested.filter((g) => testCases.get(g)!.length > 0);
  if (caseGroups.length === 0) {
    // An ArgumentError, as the ties protocol's (test/model/errors.test.ts): the network cannot answer on that date.
    throw new ArgumentError(saidIn(FN, at === undefined ? said('errors.evaluate.noCase', { n: tested.length }) : said('errors.evaluate.noCaseSince', { date: at })));
  }
  const folds = bodyFolds(ev, o, tested, caseGroups, testCases);

  const modelOf = foldModels(ev, o, roles, folds, methods, specs, evidence);

  // Score every case with every method.
  const full = methods.includes('weighted') ? evidenceOf(before, o.via) : undefined;
  const weightedOptions = ScoreOptionsSchema.parse({ via: o.via });
  const random = createRng(o.seed);
  const caseRows: BodyCaseRow[] = [];
  const perMethod = new Map<BodyMethod, Float64Array[]>(methods.map((m) => [m, []]));
  const clusterOf: number[] = [];
  const foldOf = new Map(folds.flatMap((fold, f) => fold.map((g) => [g, f] as const)));
  for (const g of caseGroups) {
    const cases = testCases.get(g)!;
    let weightedFeatures: Features | undefined;
    for (const c of cases) {
      clusterOf.push(g);
      const km = Float64Array.from(c.cands, (x) => kmBetween(ev.geo, c.m, x));
      for (const method of methods) {
        const scores = methodScores(method, c, ev, o, evidence, modelOf.get(g), random, () => (weightedFeatures ??= featuresOf(withTies(full!, c.ties))), weightedOptions);
        const r = rankedListMetrics(rankOrder(scores, km, c.cands), c.y, o.k);
        perMethod.get(method)!.push(Float64Array.of(r.precision, r.recall, r.reciprocalRank, r.ndcg, r.auc));
        caseRows.push({
          method,
          group: ev.groups[g]!.group.id,
          municipality: ev.geo.codes[c.m]!,
          fold: foldOf.get(g)!,
          candidates: c.rows,
          hits: c.y.reduce((s, v) => s + v, 0),
          firstHit: r.firstHit,
          precisionAtK: r.precision,
          recallAtK: r.recall,
          reciprocalRank: r.reciprocalRank,
          ndcgAtK: r.ndcg,
          auc: r.auc,
        });
      }
    }
  }

  const rows = summarise(methods, perMethod, clusterOf, o, reference);
  const out = withColumns(rows, [
    'method',
    'cases',
    'groups',
    'k',
    ...BODY_METRICS,
    ...BODY_METRICS.flatMap((m) => [`${m}Difference`, `${m}Low`, `${m}High`] as const),
  ] as (keyof BodyEvaluationRow & string)[]);
  Object.defineProperty(out, 'caseRows', {
    value: withColumns(caseRows, ['method', 'group', 'municipality', 'fold', 'candidates', 'hits', 'firstHit', 'precisionAtK', 'recallAtK', 'reciprocalRank', 'ndcgAtK', 'auc']),
    enumerable: false,
  });
  return out as BodyEvaluation;
}

type ParsedBodyOptions = z.output<typeof BodyEvaluateOptionsSchema>;

/** The methods to run (the options' or every one the network can run: the field variant with fields of cooperation, the region baseline with the region attribute) and the reference of the paired differences; refused when one asked for cannot run. */
function bodyMethods(net: CooperationNetwork, o: ParsedBodyOptions, ev: ReturnType<typeof networkEvidence>, roles: ReturnType<typeof groupRoles>): { methods: BodyMethod[]; reference: BodyMethod } {
  const hasFields = ev.groups.some((g, i) => roles.eligible(i) && knownFields(g.group).length > 0);
  const regionKnown = hasAttribute(net.geography, o.regionAttribute);
  const methods = (o.methods ?? BODY_METHODS.filter((m) => (m !== 'samverkan_field' || (hasFields && !o.model)) && (m !== 'same_region_nearest' || regionKnown))).filter(
    (m, i, all) => all.indexOf(m) === i,
  );
  if (o.reference !== undefined && !methods.includes(o.reference)) throw new OptionsError(FN, 'reference', said('errors.evaluate.referenceNotRun', { reference: o.reference, methods: methods.join(', ') }));
  const reference: BodyMethod = o.reference ?? (methods.includes('samverkan') ? 'samverkan' : methods[0]!);
  if (methods.includes('samverkan_field') && !hasFields) throw new OptionsError(FN, 'methods', said('errors.evaluate.fieldNeedsFields'));
  if (methods.includes('samverkan_field') && o.model && !o.model.field) throw new OptionsError(FN, 'methods', said('errors.model.noFieldVariant', { model: JSON.stringify(o.model.id) }));
  if (methods.includes('same_region_nearest') && !regionKnown) {
    throw new OptionsError(FN, 'methods', said('errors.evaluate.regionMissing', { attribute: JSON.stringify(o.regionAttribute), geography: geographyWords(net.geography) }));
  }
  return { methods, reference };
}

/**
 * The folds: the groups each refit leaves out. The temporal protocol has one
 * (every case group); the county folds leave out every eligible group of the
 * county, with or without a case, so the model of a county's cases has seen
 * no group of it; K folds deal the case groups out by a seeded shuffle.
 */
function bodyFolds(ev: ReturnType<typeof networkEvidence>, o: ParsedBodyOptions, tested: readonly number[], caseGroups: number[], testCases: ReadonlyMap<number, readonly unknown[]>): number[][] {
  if (o.since !== undefined) return [caseGroups];
  if (o.folds === 'loo') return caseGroups.map((g) => [g]);
  if (o.folds === 'county') return countyFolds(ev, tested).filter((fold) => fold.some((g) => testCases.get(g)!.length > 0));
  const K = Math.min(o.folds as number, caseGroups.length);
  const out: number[][] = Array.from({ length: K }, () => []);
  shuffled(caseGroups, createRng(o.seed)).forEach((g, i) => out[i % K]!.push(g));
  return out.map((f) => f.sort((a, b) => a - b));
}

/** The learned models, per case group: fitted on the cases of the groups outside its fold, computed without the fold's groups (or the given model for all). */
function foldModels(ev: ReturnType<typeof networkEvidence>, o: ParsedBodyOptions, roles: ReturnType<typeof groupRoles>, folds: readonly number[][], methods: readonly BodyMethod[], specs: FeatureSpec[], evidence: (i: number) => boolean) {
  const learned = methods.includes('samverkan') || methods.includes('samverkan_field');
  const modelOf = new Map<number, { default?: ModelVariant; field?: ModelVariant }>();
  const fieldSpecs = [...specs, FIELD_FEATURE];
  folds.forEach((fold, done) => {
    if (learned && !o.model) {
      const inFold = new Set(fold);
      const trainingEvidence = (i: number) => evidence(i) && !inFold.has(i);
      const training = ev.groups.map((_, i) => i).filter((i) => roles.eligible(i) && trainingEvidence(i));
      const fit = (s: FeatureSpec[], field: boolean) => {
        const cases = training.flatMap((g) => groupCases(ev, g, trainingEvidence, s, field));
        return toVariant(s, fitCases(cases, s.length, o.l2, o.l2Grid, o.innerFolds, o.seed));
      };
      const models = {
        ...(methods.includes('samverkan') && { default: fit(specs, false) }),
        ...(methods.includes('samverkan_field') && { field: fit(fieldSpecs, true) }),
      };
      for (const g of fold) modelOf.set(g, models);
    } else if (o.model) {
      for (const g of fold) modelOf.set(g, { default: o.model.default, ...(o.model.field && { field: o.model.field }) });
    }
    o.onProgress?.(done + 1, folds.length);
  });
  return modelOf;
}

/** Refuse an option the body protocol would ignore (a caller who sets it expects it to change the figures). */
function rejectIgnoredBodyOptions(options: BodyEvaluateOptions): void {
  const fn = 'evaluateBodies';
  if (options.model !== undefined) refuseIgnoredOptions(fn, options, ['l2', 'l2Grid', 'innerFolds', 'features', 'folds'], 'options.why.refit');
  if (options.since !== undefined && options.folds !== undefined) {
    throw new OptionsError(fn, 'folds', said('options.foldsWithSince'), ['folds', 'since']);
  }
}

/**
 * The groups by county, counties in code order: a group's county is the one
 * most of its members are in, the lowest county index on a tie.
 */
function countyFolds(ev: TieEvidence, groups: readonly number[]): number[][] {
  const byCounty = new Map<number, number[]>();
  for (const g of groups) {
    const counts = new Map<number, number>();
    for (const m of ev.groups[g]!.members) counts.set(ev.geo.county[m]!, (counts.get(ev.geo.county[m]!) ?? 0) + 1);
    const county = [...counts].sort((p, q) => q[1] - p[1] || p[0] - q[0])[0]![0];
    let list = byCounty.get(county);
    if (!list) byCounty.set(county, (list = []));
    list.push(g);
  }
  return [...byCounty].sort((p, q) => p[0] - q[0]).map(([, list]) => list);
}

/** One method's scores of one case's candidates (higher is better). */
function methodScores(
  method: BodyMethod,
  c: GroupCase,
  ev: TieEvidence,
  o: ParsedOptions,
  evidence: (index: number) => boolean,
  models: { default?: ModelVariant; field?: ModelVariant } | undefined,
  random: () => number,
  weightedFeatures: () => Features,
  weightedOptions: z.output<typeof ScoreOptionsSchema>,
): Float64Array {
  const geo = ev.geo;
  switch (method) {
    case 'samverkan':
    case 'samverkan_field': {
      const variant = method === 'samverkan' ? models?.default : models?.field;
      if (!variant) throw new Error(`unreachable: no fitted ${method} model (each fold fits the learned methods run, and a given model's field variant is checked above)`);
      // The field variant is told the hidden group's field, as a user asking for that field would.
      const inField = method === 'samverkan_field' ? fieldMembership(ev, knownFields(ev.groups[c.group]!.group), (i) => i !== c.group && evidence(i)) : undefined;
      const scores = scoreCandidates(variant, inField ? { geo, ties: c.ties, inField } : { geo, ties: c.ties }, c.m, c.cands).scores;
      const need = competenceNeed(o, geo.codes[c.m]!, o.since, 'evaluateBodies');
      if (need && need.weight > 0) for (let r = 0; r < scores.length; r++) scores[r]! += need.weight * competenceOffered(need, geo.codes[c.cands[r]!]!).length;
      return scores;
    }
    case 'weighted':
      return weightedScores(
        componentArrays(
          weightedFeatures(),
          Array.from(c.cands, (x) => [c.m, x] as const),
          weightedOptions,
        ),
        weightedOptions.weights as Components,
      );
    case 'nearest':
      return new Float64Array(c.cands.length);
    case 'same_county_nearest':
      return Float64Array.from(c.cands, (x) => (geo.county[x] === geo.county[c.m] ? 1 : 0));
    case 'same_region_nearest': {
      const region = attributeCodes(geo, o.regionAttribute, undefined);
      return Float64Array.from(c.cands, (x) => (region[c.m]! >= 0 && region[x] === region[c.m] ? 1 : 0));
    }
    case 'random':
      return Float64Array.from(c.cands, () => random());
    default:
      return linkScoresKernel(
        c.ties,
        Array.from(c.cands, (x) => [c.m, x] as const),
        method,
      );
  }
}

/**
 * Means and paired cluster-bootstrap differences per method. A cluster is
 * a hidden group (its members' cases are not independent). Each resample
 * draws the clusters with replacement; a metric's mean in a resample is
 * `Σ_c w_c·sum_c / Σ_c w_c·count_c` with `w_c` the draws of cluster `c`, the
 * same draws for every method (paired). AUC averages over the cases where
 * it is defined (a hit and a non-hit among the candidates).
 */
function summarise(methods: readonly BodyMethod[], perMethod: ReadonlyMap<BodyMethod, Float64Array[]>, clusterOf: readonly number[], o: ParsedOptions, referenceMethod: BodyMethod): BodyEvaluationRow[] {
  const clusters = [...new Set(clusterOf)];
  const clusterIndex = new Map(clusters.map((g, i) => [g, i]));
  const C = clusters.length;
  const M = BODY_METRICS.length;
  // Per method: per cluster and metric, the summed value and the number of cases where it is defined.
  const totals = new Map<BodyMethod, { sum: Float64Array; count: Float64Array }>();
  for (const method of methods) {
    const sum = new Float64Array(C * M);
    const count = new Float64Array(C * M);
    perMethod.get(method)!.forEach((v, i) => {
      const c = clusterIndex.get(clusterOf[i]!)!;
      for (let j = 0; j < M; j++) {
        if (Number.isNaN(v[j]!)) continue;
        sum[c * M + j]! += v[j]!;
        count[c * M + j]!++;
      }
    });
    totals.set(method, { sum, count });
  }
  const weightedMean = (t: { sum: Float64Array; count: Float64Array }, j: number, w: Float64Array | undefined) => {
    let total = 0;
    let n = 0;
    for (let c = 0; c < C; c++) {
      const weight = w ? w[c]! : 1;
      total += weight * t.sum[c * M + j]!;
      n += weight * t.count[c * M + j]!;
    }
    return n > 0 ? total / n : NaN;
  };
  const rng = createRng(o.seed + 1);
  const draws = Array.from({ length: o.bootstrap }, () => {
    const w = new Float64Array(C);
    for (let i = 0; i < C; i++) w[Math.floor(rng() * C)]!++;
    return w;
  });
  const alpha = (1 - o.confidence) / 2;
  const reference = totals.get(referenceMethod);
  return methods.map((method) => {
    const t = totals.get(method)!;
    const row: Record<string, unknown> = { method, cases: clusterOf.length, groups: C, k: o.k };
    BODY_METRICS.forEach((metric, j) => (row[metric] = weightedMean(t, j, undefined)));
    BODY_METRICS.forEach((metric, j) => {
      let difference: number | null = null;
      let low: number | null = null;
      let high: number | null = null;
      if (reference && method !== referenceMethod) {
        // Per-case differences: both methods are scored on the same cases, so the counts agree.
        const diff = { sum: Float64Array.from(reference.sum, (v, i) => v - t.sum[i]!), count: reference.count };
        difference = weightedMean(diff, j, undefined);
        if (draws.length > 0) {
          const values = Float64Array.from(draws, (w) => weightedMean(diff, j, w)).sort();
          low = quantile(values, alpha);
          high = quantile(values, 1 - alpha);
        }
      }
      row[`${metric}Difference`] = difference;
      row[`${metric}Low`] = low;
      row[`${metric}High`] = high;
    });
    return row as unknown as BodyEvaluationRow;
  });
}

/** @internal For tests: the cases of a network's body protocol, as (group id, member code, hit codes). */
export function bodyProtocolCases(net: CooperationNetwork, options: Pick<BodyEvaluateOptions, 'via' | 'groups' | 'countyWide'> = {}): { group: string; municipality: string; hits: string[]; candidates: number }[] {
  const via = options.via ?? ['joint_body'];
  const ev = networkEvidence(net, via, options.groups ? resolveGroupsOf(net.geography, options.groups, 'bodyProtocolCases') : undefined);
  const roles = groupRoles(ev, options.countyWide ?? 'ignore');
  return ev.groups
    .map((_, i) => i)
    .filter(roles.eligible)
    .flatMap((g) =>
      groupCases(ev, g, roles.evidence).map((c) => ({
        group: ev.groups[g]!.group.id,
        municipality: ev.geo.codes[c.m]!,
        hits: [...c.cands].filter((_, r) => c.y[r] === 1).map((x) => ev.geo.codes[x]!).sort(cmp),
        candidates: c.rows,
      })),
    );
}

