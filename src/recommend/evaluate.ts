import { z } from 'zod';
import { geographyWords, indexGeography, isPlainGeography } from '../model/geography.js';
import type { CooperationNetwork } from '../model/network.js';
import { csrFromEdges } from '../model/csr.js';
import { IsoDateSchema } from '../model/schema.js';
import { withColumns, type Rows } from '../model/table.js';
import { linkScores as linkScoresKernel, type LinkPredictionMethod } from '../metrics/link-prediction.js';
import { createRng, shuffled, type Rng } from '../metrics/random.js';
import { haversineKm } from '../geo/distance.js';
import { evidenceOf, featuresOf, pairKey, withoutPairs, type Evidence, type Features } from './evidence.js';
import { evaluateBodies, type BodyEvaluateOptions, type BodyEvaluation } from './evaluate-bodies.js';
import { PLAIN_METHODS, plainScores, plainSplits, type PlainMethod, type PlainSplit } from './evaluate-plain.js';
import { geoArrays } from './pair-features.js';
import { geographyRecommender, RecommenderModelSchema, scoreCandidates, type RecommenderModel } from './recommender-model.js';
import {
  CandidateOptionsShape,
  candidatesOf,
  componentArrays,
  ScoreOptionsShape,
  weightedScores,
  type ComponentArrays,
  type Components,
  type ParsedScoreOptions,
} from './score.js';
import { OptionsError, ProgressSchema, parseOptions, refuseIgnoredOptions, said, saidIn } from '../model/options.js';
import { ArgumentError } from '../model/errors.js';

/** The classic link-prediction baselines the evaluation runs next to the samverkan scorer. */
export const BASELINES = [
  'common_neighbours',
  'jaccard',
  'adamic_adar',
  'resource_allocation',
  'preferential_attachment',
  'nearest',
  'random',
] as const;
export type Baseline = (typeof BASELINES)[number];

/**
 * Every method the tie protocols of {@link evaluateRecommender} can run: the
 * learned recommender (`samverkan`, the model given or the shipped one, not
 * refitted), the hand-weighted scorer (`weighted`), then the baselines.
 */
export const EVALUATION_METHODS = ['samverkan', 'weighted', ...BASELINES] as const;
export type EvaluationMethod = (typeof EVALUATION_METHODS)[number];

export const EvaluateOptionsSchema = z.strictObject({
  /** `'ties'` (default): hide random ties, or with `since` the later ones. `'body'`: hide whole groups; see {@link evaluateBodies}. */
  protocol: z.literal('ties').default('ties'),
  /** The learned model of the `samverkan` method. Default: the one the network's country ships (`geography.country`); without one, `samverkan` is left out of the default methods. */
  model: RecommenderModelSchema.optional(),
  ...ScoreOptionsShape,
  ...CandidateOptionsShape,
  /** Share of the municipality ties hidden in each repeat (ignored with `since`). Default 0.2. */
  fraction: z.number().gt(0).lt(1).default(0.2),
  /** Number of repeats (random splits), each with seed `seed + r`. Default 5. */
  repeats: z.number().int().positive().default(5),
  /** Seed of the first repeat. Default 1. */
  seed: z.number().int().default(1),
  /**
   * Temporal split instead of a random one: train on `net.asOf(since)` and
   * predict the ties formed later: ties of the links still running after
   * `since` (links that had ended by then do not count) that `net.asOf(since)`
   * lacks (pass `net.filterLinks(…)` to end the test period). Every repeat
   * then has the same split; only the `random` baseline varies. Throws when no
   * tie was formed after `since`.
   */
  since: IsoDateSchema.optional(),
  /** Cut-off of precision@k and recall@k. Default 5. */
  k: z.number().int().positive().default(5),
  /** Methods to run, in the order of the output rows. Default: all of {@link EVALUATION_METHODS}. */
  methods: z.array(z.enum(EVALUATION_METHODS)).min(1).default([...EVALUATION_METHODS]),
  /**
   * The graph the neighbourhood baselines (common neighbours … preferential
   * attachment) run on: `'cooperation'` (default), the same graph as the
   * samverkan scorer's shared component (municipality ties plus each
   * municipality's direct partner actors); or `'projection'`, the municipality
   * ties alone.
   */
  baselineGraph: z.enum(['cooperation', 'projection']).default('cooperation'),
  /** Called after each method of each repeat with `(done, total)`, `total = repeats × methods`. */
  onProgress: ProgressSchema,
});
export type EvaluateOptions = z.input<typeof EvaluateOptionsSchema>;
export type ParsedEvaluateOptions = z.output<typeof EvaluateOptionsSchema>;

/**
 * One row per method: each metric's mean over the repeats and its sample
 * standard deviation (`null` with a single repeat).
 */
export interface EvaluationRow {
  method: EvaluationMethod;
  auc: number;
  aucSd: number | null;
  precisionAtK: number;
  precisionAtKSd: number | null;
  recallAtK: number;
  recallAtKSd: number | null;
  mrr: number;
  mrrSd: number | null;
  k: number;
  repeats: number;
  /** Mean number of hidden ties inside the candidate universe (the positives). */
  positives: number;
  /** Mean number of negatives: candidate pairs that are not tied. */
  negatives: number;
  /** Mean number of hidden ties outside the candidate universe (misses for recall, left out of AUC). */
  outside: number;
  /**
   * Mean number of queries: the municipalities (on a plain graph, the nodes)
   * with at least one hidden tie, over which the top-k metrics are averaged.
   */
  queries: number;
}

/**
 * One held-out split: the training evidence and the pairs to score.
 * @internal Exported for the benchmark's weight tuning.
 */
export interface Split {
  readonly training: Evidence;
  readonly features: Features;
  /** Candidate pairs `[i, j]` (`i < j`) that are not training ties: positives and negatives. */
  readonly pairs: readonly (readonly [number, number])[];
  /** 1 for a hidden (positive) pair, 0 for a negative. */
  readonly labels: Uint8Array;
  /** Per municipality: its hidden ties, inside the universe or not (recall's denominator). */
  readonly hiddenCount: Int32Array;
  /** Hidden ties outside the candidate universe. */
  readonly outside: number;
  /** The split's own generator (the random baseline draws from it). */
  readonly rng: Rng;
}

/** The candidate universe: every unordered pair `{a, b}` with `b` a candidate of `a` or `a` of `b` (geography only). */
function universe(ev: Evidence, o: ParsedEvaluateOptions): [number, number][] {
  const keys = new Set<string>();
  const pairs: [number, number][] = [];
  // Pairs within the scope only: outside it, the data cannot say who is tied.
  const outside = new Set(ev.codes.filter((c) => !ev.scope.has(c)));
  for (let i = 0; i < ev.codes.length; i++) {
    if (outside.has(ev.codes[i]!)) continue;
    for (const c of candidatesOf(ev.geography, ev.codes[i]!, o, outside)) {
      const j = ev.index.get(c.code)!;
      const key = pairKey(i, j);
      if (keys.has(key)) continue;
      keys.add(key);
      pairs.push(i < j ? [i, j] : [j, i]);
    }
  }
  return pairs.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
}

function tiePairs(ev: Evidence): [number, number][] {
  const out: [number, number][] = [];
  ev.ties.forEach((set, i) => {
    for (const j of set) if (i < j) out.push([i, j]);
  });
  return out.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
}

/** The options of the `weighted` method alone. */
const WEIGHTED_ONLY = ['weights', 'partnerKinds', 'distanceScaleKm', 'sharedScale', 'countyPreference'] as const;

/** Refuse an option the tie protocol would ignore (a caller who sets it expects it to change the figures). */
function rejectIgnoredTieOptions(options: EvaluateOptions, methods: readonly EvaluationMethod[]): void {
  const fn = 'evaluateRecommender';
  if (!methods.includes('weighted')) refuseIgnoredOptions(fn, options, WEIGHTED_ONLY, 'options.why.weightedMethod');
  if (options.model !== undefined && !methods.includes('samverkan')) throw new OptionsError(fn, 'model', said('options.modelWithoutSamverkan'), ['model', 'methods']);
  if (options.since !== undefined && options.fraction !== undefined) {
    throw new OptionsError(fn, 'fraction', said('options.fractionWithSince'), ['fraction', 'since']);
  }
}

/**
 * The held-out splits of an evaluation, one per repeat (see
 * {@link evaluateRecommender} for the protocol).
 * @internal Exported for the benchmark's weight tuning.
 */
export function evaluationSplits(net: CooperationNetwork, options: EvaluateOptions = {}): Split[] {
  const o = parseOptions(EvaluateOptionsSchema, options, 'evaluationSplits', net);
  const full = evidenceOf(net, o.via);
  const allTies = tiePairs(full);
  if (o.since === undefined && allTies.length < 2) {
    throw new ArgumentError(saidIn('evaluateRecommender', said('errors.evaluate.tooFewTies', { n: allTies.length })));
  }
  const candidates = universe(full, o);
  const temporal = o.since !== undefined ? evidenceOf(net.asOf(o.since), o.via) : undefined;
  // The ties that came later: tied by links still running after the date
  // (not by links that had already ended), and not tied on the date itself.
  const since = o.since;
  const later =
    temporal && since !== undefined
      ? tiePairs(evidenceOf(net.filterLinks((l) => l.until === undefined || l.until > since), o.via)).filter(([i, j]) => !temporal.ties[i]!.has(j))
      : [];
  if (temporal && later.length === 0) {
    throw new ArgumentError(saidIn('evaluateRecommender', said('errors.evaluate.noTieSince', { date: since! })));
  }
  const splits: Split[] = [];
  for (let r = 0; r < o.repeats; r++) {
    const rng = createRng(o.seed + r);
    let training: Evidence;
    let hidden: [number, number][];
    if (temporal) {
      training = temporal;
      hidden = later;
    } else {
      // At least one tie hidden and at least one kept, whatever the fraction.
      const count = Math.min(allTies.length - 1, Math.max(1, Math.round(o.fraction * allTies.length)));
      hidden = shuffled(allTies, rng).slice(0, count);
      training = withoutPairs(full, hidden);
    }
    const hiddenKeys = new Set(hidden.map(([i, j]) => pairKey(i, j)));
    const hiddenCount = new Int32Array(full.codes.length);
    // Recall is asked of the municipalities in the scope (the others are asked nothing).
    for (const [i, j] of hidden) {
      if (full.scope.has(full.codes[i]!)) hiddenCount[i]!++;
      if (full.scope.has(full.codes[j]!)) hiddenCount[j]!++;
    }
    const pairs = candidates.filter(([i, j]) => !training.ties[i]!.has(j));
    const labels = Uint8Array.from(pairs, ([i, j]) => (hiddenKeys.has(pairKey(i, j)) ? 1 : 0));
    const inside = labels.reduce((s, x) => s + x, 0);
    // Every candidate pair that is not a training tie is either hidden (a
    // positive) or not tied in `net` at all (a negative).
    splits.push({ training, features: featuresOf(training), pairs, labels, hiddenCount, outside: hidden.length - inside, rng });
  }
  return splits;
}

/** Directed pairs of a split: `2e` is `(i → j)` and `2e + 1` is `(j → i)` for pair `e = [i, j]`. */
export function directedPairs(split: Split): [number, number][] {
  return split.pairs.flatMap(([i, j]) => [
    [i, j],
    [j, i],
  ]);
}

/** The samverkan scorer's component values for {@link directedPairs}. @internal */
export function splitComponents(split: Split, o: ParsedScoreOptions): ComponentArrays {
  return componentArrays(split.features, directedPairs(split), o);
}

/** Scores of one method for a split: per pair (symmetric, for AUC) and per directed pair (for each municipality's list). */
export interface MethodScores {
  pair: Float64Array;
  directed: Float64Array;
}

/** Samverkan scores from precomputed components: the pair score is the mean of the two directions. @internal */
export function samverkanScores(components: ComponentArrays, weights: Readonly<Components>): MethodScores {
  const directed = weightedScores(components, weights);
  const pair = new Float64Array(directed.length / 2);
  for (let e = 0; e < pair.length; e++) pair[e] = 0.5 * (directed[2 * e]! + directed[2 * e + 1]!);
  return { pair, directed };
}

function symmetric(pair: Float64Array): MethodScores {
  const directed = new Float64Array(pair.length * 2);
  for (let e = 0; e < pair.length; e++) directed[2 * e] = directed[2 * e + 1] = pair[e]!;
  return { pair, directed };
}

/** Scores of any method on a split. @internal Exported for the benchmark. */
export function splitScores(split: Split, method: EvaluationMethod, o: ParsedEvaluateOptions): MethodScores {
  if (method === 'samverkan') return modelScores(split, o.model!);
  return method === 'weighted' ? samverkanScores(splitComponents(split, o), o.weights as Components) : baselineScores(split, method, o.baselineGraph);
}

/**
 * The learned model's scores on a split: its linear score of `a → b` on the
 * training ties (the municipality projection of the training evidence);
 * a pair's score is the mean of its two directions.
 */
function modelScores(split: Split, model: RecommenderModel): MethodScores {
  const ev = split.training;
  const geo = geoArrays(ev.geography);
  // The training ties as edges, each pair once (i < j; `ties` holds both directions), for the one CSR builder.
  const ends: number[] = [];
  ev.ties.forEach((set, i) => {
    for (const j of set) if (i < j) ends.push(i, j);
  });
  const ties = csrFromEdges(geo.codes, Int32Array.from(ends), null, geo.index);
  const directed = directedPairs(split);
  const bySource = new Map<number, number[]>();
  directed.forEach(([i], d) => {
    let list = bySource.get(i);
    if (!list) bySource.set(i, (list = []));
    list.push(d);
  });
  const out = new Float64Array(directed.length);
  for (const [i, ds] of bySource) {
    const { scores } = scoreCandidates(model.default, { geo, ties }, i, Int32Array.from(ds, (d) => directed[d]![1]));
    ds.forEach((d, r) => (out[d] = scores[r]!));
  }
  const pair = new Float64Array(directed.length / 2);
  for (let e = 0; e < pair.length; e++) pair[e] = 0.5 * (out[2 * e]! + out[2 * e + 1]!);
  return { pair, directed: out };
}

function baselineScores(split: Split, method: Baseline, graph: 'cooperation' | 'projection'): MethodScores {
  const { features, pairs } = split;
  if (method === 'random') return symmetric(Float64Array.from(pairs, () => split.rng()));
  if (method === 'nearest') {
    const ix = indexGeography(features.ev.geography);
    const muni = features.ev.codes.map((c) => ix.municipality.get(c)!);
    return symmetric(Float64Array.from(pairs, ([i, j]) => -haversineKm(muni[i]!.lat, muni[i]!.lon, muni[j]!.lat, muni[j]!.lon)));
  }
  const csr = graph === 'cooperation' ? features.star : features.projection;
  return symmetric(linkScoresKernel(csr, pairs, method satisfies LinkPredictionMethod));
}

/**
 * Area under the ROC curve: the probability that a random positive scores
 * above a random negative, ties counting 1/2 (Mann–Whitney U with midranks).
 * `NaN` when there is no positive or no negative.
 *
 * @example
 * rocAuc([0.9, 0.5, 0.5, 0.1], [1, 1, 0, 0]); // (1 + 1 + 0.5 + 1) / 4 = 0.875
 */
export function rocAuc(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const n = scores.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  let positives = 0;
  let rankSum = 0;
  for (let s = 0; s < n; ) {
    let e = s;
    while (e + 1 < n && scores[order[e + 1]!] === scores[order[s]!]) e++;
    const midrank = (s + e) / 2 + 1;
    for (let t = s; t <= e; t++) {
      if (labels[order[t]!]) {
        positives++;
        rankSum += midrank;
      }
    }
    s = e + 1;
  }
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** Ranking quality of one list, see {@link rankingMetrics}. */
export interface RankingMetrics {
  precision: number;
  recall: number;
  reciprocalRank: number;
}

/**
 * Precision@k, recall@k and reciprocal rank of one ranked list, with ties in
 * score resolved by expectation (as if broken uniformly at random, the same
 * convention as AUC's 1/2):
 *
 * - `precision = hits / k`, where `hits` is the expected number of positives
 *   in the top `k` (a list shorter than `k` has empty, missed slots);
 * - `recall = hits / relevant`, `relevant` being every positive of the list's
 *   owner, including ones the list cannot contain (default: the positives in
 *   the list); 0 when `relevant` is 0;
 * - `reciprocalRank`: the expected `1 / rank` of the first positive, 0 when
 *   the list has none.
 *
 * @example
 * rankingMetrics([0.9, 0.8, 0.8, 0.1], [0, 1, 0, 0], 2); // hits 0.5: precision 0.25, recall 0.5, RR (1/2 + 1/3)/2
 */
export function rankingMetrics(scores: ArrayLike<number>, labels: ArrayLike<number>, k: number, relevant?: number): RankingMetrics {
  const n = scores.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[b]! - scores[a]!);
  let hits = 0;
  let reciprocalRank = 0;
  let found = false;
  let total = 0;
  for (let i = 0; i < n; i++) total += labels[i] ? 1 : 0;
  for (let s = 0; s < n; ) {
    let e = s;
    while (e + 1 < n && scores[order[e + 1]!] === scores[order[s]!]) e++;
    const g = e - s + 1;
    let p = 0;
    for (let t = s; t <= e; t++) p += labels[order[t]!] ? 1 : 0;
    if (s < k) hits += (p * Math.min(g, k - s)) / g;
    if (!found && p > 0) {
      found = true;
      // First positive at position j of the group: P = (no positive in the first j−1) · p / (g − j + 1).
      let none = 1;
      for (let j = 1; j <= g - p + 1; j++) {
        reciprocalRank += (none * p) / (g - j + 1) / (s + j);
        none *= (g - p - (j - 1)) / (g - (j - 1));
      }
    }
    if (s + g >= k && found) break;
    s = e + 1;
  }
  const denominator = relevant ?? total;
  return { precision: hits / k, recall: denominator > 0 ? hits / denominator : 0, reciprocalRank };
}

/** AUC and mean top-k metrics of one method on one split (a municipality split, or a plain graph's). @internal */
export function splitMetrics(split: Pick<Split, 'pairs' | 'labels' | 'hiddenCount'>, scores: MethodScores, k: number): { auc: number; precision: number; recall: number; mrr: number; municipalities: number } {
  const auc = rocAuc(scores.pair, split.labels);
  const lists = new Map<number, number[]>();
  split.pairs.forEach(([i, j], e) => {
    for (const [m, d] of [
      [i, 2 * e],
      [j, 2 * e + 1],
    ] as const) {
      if (split.hiddenCount[m]! === 0) continue;
      let list = lists.get(m);
      if (!list) lists.set(m, (list = []));
      list.push(d);
    }
  });
  let precision = 0;
  let recall = 0;
  let mrr = 0;
  let count = 0;
  for (let m = 0; m < split.hiddenCount.length; m++) {
    if (split.hiddenCount[m]! === 0) continue;
    count++;
    const list = lists.get(m) ?? [];
    const r = rankingMetrics(
      list.map((d) => scores.directed[d]!),
      list.map((d) => split.labels[d >> 1]!),
      k,
      split.hiddenCount[m]!,
    );
    precision += r.precision;
    recall += r.recall;
    mrr += r.reciprocalRank;
  }
  return count === 0
    ? { auc, precision: NaN, recall: NaN, mrr: NaN, municipalities: 0 }
    : { auc, precision: precision / count, recall: recall / count, mrr: mrr / count, municipalities: count };
}

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const sd = (xs: readonly number[]) => {
  if (xs.length < 2) return null;
  const mu = mean(xs);
  return Math.sqrt(xs.reduce((s, x) => s + (x - mu) ** 2, 0) / (xs.length - 1));
};

/**
 * Held-out evaluation of the recommender against classic link-prediction
 * baselines, on any network.
 *
 * **Protocol.**
 * 1. Ties: the municipality ties of `net` (the municipality projection:
 *    direct cross-municipal links and shared bodies of a `via` kind).
 * 2. Split: in each repeat `r` (seed `seed + r`), a random `fraction` of the
 *    ties is hidden (a Fisher–Yates shuffle of the ties in code order). Or,
 *    with `since`, the training network is `net.asOf(since)` and the hidden
 *    ties are those of the links still running after `since` that it lacks
 *    (ties formed later; a link that had already ended is not a later tie).
 * 3. Training evidence (the only thing the scorers see): the network's
 *    evidence with each hidden pair's tie removed from the projection and
 *    every direct link between the pair's actors removed from the partner
 *    lists; a shared body, which is not a partner but a source of ties, then
 *    leaves no trace of the pair. Other members of the body stay tied to
 *    both, as triadic closure would have it. (Temporal split: the evidence of
 *    `net.asOf(since)`.)
 * 4. Candidates (the same for every method): the unordered pairs `{a, b}`
 *    where `b` is a candidate of `a` or `a` of `b` under the recommender's
 *    candidate rule (`hops`, `maxKm`, `atLeast`, geography only), minus the
 *    training ties. Positives: the hidden ties among them; negatives: the
 *    rest, which are not tied in `net`. Hidden ties outside the candidate
 *    universe (e.g. far apart in a large body) are reported as `outside`:
 *    they are left out of AUC and count as misses for recall.
 * 5. Scores: the samverkan scorer scores `a → b` and `b → a`; a pair's score
 *    is their mean. The baselines are symmetric: `common_neighbours`,
 *    `jaccard`, `adamic_adar`, `resource_allocation` and
 *    `preferential_attachment` on the training graph chosen by
 *    `baselineGraph` (as NetworkX), `nearest` = minus the centroid distance,
 *    `random` = a uniform draw per pair.
 * 6. Metrics: AUC over all positive and negative pairs (ties 1/2, see
 *    {@link rocAuc}); per municipality with at least one hidden tie, its
 *    candidates ranked by the method (samverkan: by `m → c`), precision@k,
 *    recall@k and reciprocal rank, ties resolved by expectation (see
 *    {@link rankingMetrics}), averaged over those municipalities (MRR is the
 *    mean reciprocal rank). Each metric: mean and sample standard deviation
 *    over the repeats.
 *
 * Deterministic: the same network, options and seed give identical rows.
 *
 * @example
 * const rows = evaluateRecommender(loadNetwork(demoDataset()), { repeats: 3 });
 * console.table(rows); // one row per method: auc, precisionAtK, recallAtK, mrr (mean and sd)
 */
export function evaluateRecommender(net: CooperationNetwork, options: BodyEvaluateOptions & { protocol: 'body' }): BodyEvaluation;
export function evaluateRecommender(net: CooperationNetwork, options?: EvaluateOptions): Rows<EvaluationRow>;
export function evaluateRecommender(net: CooperationNetwork, options: EvaluateOptions | (BodyEvaluateOptions & { protocol: 'body' }) = {}): Rows<EvaluationRow> | BodyEvaluation {
  if (options.protocol === 'body') {
    const { protocol: _body, ...rest } = options as BodyEvaluateOptions & { protocol: 'body' };
    return evaluateBodies(net, rest);
  }
  const o = parseOptions(EvaluateOptionsSchema, options, 'evaluateRecommender', net);
  rejectIgnoredTieOptions(options, o.methods);
  const plain = isPlainGeography(net.geography);
  // A plain graph has no geography: only the neighbourhood indices and random apply (on the actor graph).
  const given = options.methods !== undefined;
  const methods = o.methods.filter((m, i, all) => all.indexOf(m) === i);
  if (plain) {
    const wrong = methods.filter((m) => !(PLAIN_METHODS as readonly string[]).includes(m));
    if (given && wrong.length > 0) {
      const reason = said('errors.evaluate.needsGeography', { n: wrong.length, methods: wrong.join(', '), plain: PLAIN_METHODS.join(', ') });
      throw new ArgumentError(saidIn('evaluateRecommender', reason));
    }
  }
  // The samverkan method needs a model: the one given, else the network's country's; it is not borrowed from another country.
  const model = o.model ?? (plain ? undefined : geographyRecommender(net.geography));
  if (!plain && model === undefined && given && methods.includes('samverkan')) throw new OptionsError('evaluateRecommender', 'model', said('options.noRecommender', { geography: geographyWords(net.geography) }), ['model', 'methods']);
  const used = plain ? methods.filter((m) => (PLAIN_METHODS as readonly string[]).includes(m)) : methods.filter((m) => m !== 'samverkan' || model !== undefined);
  const splits: Pick<Split, 'pairs' | 'labels' | 'hiddenCount' | 'outside'>[] = plain ? plainSplits(net, o) : evaluationSplits(net, o);
  const scoring = model ? { ...o, model } : o;
  const results = new Map<EvaluationMethod, ReturnType<typeof splitMetrics>[]>(used.map((m) => [m, []]));
  const total = splits.length * used.length;
  let done = 0;
  for (const split of splits) {
    for (const method of used) {
      const scores = plain ? plainScores(split as PlainSplit, method as PlainMethod) : splitScores(split as Split, method, scoring);
      results.get(method)!.push(splitMetrics(split, scores, o.k));
      o.onProgress?.(++done, total);
    }
  }
  const positives = mean(splits.map((s) => s.labels.reduce((a, x) => a + x, 0)));
  const negatives = mean(splits.map((s) => s.labels.length - s.labels.reduce((a, x) => a + x, 0)));
  const outside = mean(splits.map((s) => s.outside));
  const rows: EvaluationRow[] = used.map((method) => {
    const rs = results.get(method)!;
    const column = (key: 'auc' | 'precision' | 'recall' | 'mrr') => rs.map((r) => r[key]);
    return {
      method,
      auc: mean(column('auc')),
      aucSd: sd(column('auc')),
      precisionAtK: mean(column('precision')),
      precisionAtKSd: sd(column('precision')),
      recallAtK: mean(column('recall')),
      recallAtKSd: sd(column('recall')),
      mrr: mean(column('mrr')),
      mrrSd: sd(column('mrr')),
      k: o.k,
      repeats: o.repeats,
      positives,
      negatives,
      outside,
      queries: mean(rs.map((r) => r.municipalities)),
    };
  });
  return withColumns(rows, [
    'method',
    'auc',
    'aucSd',
    'precisionAtK',
    'precisionAtKSd',
    'recallAtK',
    'recallAtKSd',
    'mrr',
    'mrrSd',
    'k',
    'repeats',
    'positives',
    'negatives',
    'outside',
    'queries',
  ]);
}
