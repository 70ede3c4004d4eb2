import { z } from 'zod';
import { cmp, geographyWords, indexGeography } from '../model/geography.js';
import { checkNetwork, requireGeography, scopeSet, type CooperationNetwork } from '../model/network.js';
import { municipalitySuggestionHint } from '../model/suggest.js';
import { withColumns, type Rows } from '../model/table.js';
import { joinNames, kindCount, someNames } from '../model/words.js';
import { LangSchema, message, messageCount, resolveLang, type Lang } from '../model/i18n/index.js';
import { haversineKm } from '../geo/distance.js';
import { evidenceOf, featuresOf, pairKey, stepsFrom, type Features } from './evidence.js';
import { FIELDS, findField } from '../model/fields.js';
import { fieldMembership, groupRoles } from './group-cases.js';
import { reasonSentence, topicOf, type ReasonTopic } from './model-reasons.js';
import { candidatesOf as untiedCandidatesOf, kmBetween, tieGraph, withoutTie, type GeoArrays, type TieGraph } from './pair-features.js';
import { geographyRecommender, networkEvidence, RecommenderModelSchema, scoreCandidates, type ModelVariant, type RecommenderModel } from './recommender-model.js';
import {
  CandidateOptionsShape,
  candidatesOf,
  componentArrays,
  COMPONENTS,
  ScoreOptionsShape,
  weightedScores,
  type Candidate,
  type Component,
  type Components,
} from './score.js';
import { OptionsError, SmallPopulationSchema, ViaSchema, parseOptions, refuseIgnoredOptions, said } from '../model/options.js';
import { cached } from '../model/cache.js';
import { CompetenceOptionsShape, competenceNeed, competenceOffered, competenceReason, offersAsked, type CompetenceNeed } from './competence.js';
import { ArgumentError } from '../model/errors.js';
import { describeScope, unknownCountyError } from '../model/scope.js';

export const RecommendOptionsSchema = z.strictObject({
  /**
   * `'model'`: the learned recommender (see `fitRecommender`), which ranks
   * every municipality not yet tied to this one; `'weighted'`: the
   * hand-weighted scorer of six components over the candidates within
   * `hops` border steps or `maxKm` km (`weights`, `hops`, `maxKm`,
   * `atLeast`, `partnerKinds`, `distanceScaleKm`, `sharedScale` and
   * `countyPreference` apply to it alone). Default: `'model'` when a model
   * is at hand (`model`, or the one the network's country ships), else
   * `'weighted'`: no country's model is used for another's network unasked.
   */
  scorer: z.enum(['model', 'weighted']).optional(),
  /** The fitted model of the `'model'` scorer. Default: the one the network's country ships (`geography.country`; Sweden's is `defaultRecommender()`, fitted on its real bodies). */
  model: RecommenderModelSchema.optional(),
  /**
   * A field of cooperation (a code, or Swedish or English words:
   * `'räddningstjänst'`, `'fire and rescue'`, `'fire_rescue'`; see
   * `FIELDS`): "who should we form a fire-and-rescue association with?".
   * Uses the model's field variant, which also weighs whether a candidate
   * already has a body in that field.
   */
  field: z.string().min(1).optional(),
  /** County-wide groups (all municipalities of a county): `'ignore'` (default; an obligation, not a choice: neither a tie nor evidence) or `'count'`. */
  countyWide: z.enum(['ignore', 'count']).default('ignore'),
  ...ScoreOptionsShape,
  ...CandidateOptionsShape,
  /**
   * Existing partners (municipalities already tied to this one): `'exclude'`
   * (default) leaves them out; `'flag'` returns them too, with
   * `existing: true` and a first reason saying what the tie is, as ties to
   * strengthen (every existing partner, also beyond the candidate rule).
   * Under the learned model the new candidates keep their scores, and a
   * partner is scored as a candidate of the network without that one tie.
   */
  existing: z.enum(['exclude', 'flag']).default('exclude'),
  /** Rows per municipality, best first. Default 10. */
  limit: z.number().int().positive().default(10),
  /**
   * Called with a warning that does not stop the answer: a learned model
   * used on another geography than the one it was fitted on (its
   * coefficients and feature scales are that geography's). Default:
   * `process.emitWarning` (code `SAMVERKAN_MODEL_GEOGRAPHY`), once per model
   * and geography.
   */
  onWarning: z.custom<(message: string) => void>((v) => typeof v === 'function', 'onWarning must be a function').optional(),
  /**
   * Reasons per row: the strongest components by weighted contribution;
   * capacity and access only with a value of at least {@link REASON_THRESHOLD}
   * (unless strongest). Default 3.
   */
  maxReasons: z.number().int().nonnegative().default(3),
  ...CompetenceOptionsShape,
  /** The language of the reasons: `'sv'` or `'en'`. Default: the geography's (Swedish for Sweden), else English. */
  lang: LangSchema.optional(),
});
export type RecommendOptions = z.input<typeof RecommendOptionsSchema>;

/** Options that only the hand-weighted scorer reads. */
const WEIGHTED_ONLY = ['hops', 'maxKm', 'atLeast', 'weights', 'partnerKinds', 'distanceScaleKm', 'sharedScale', 'countyPreference'] as const;
/** Options that only the learned model reads. */
const MODEL_ONLY = ['model', 'field', 'countyWide'] as const;

/**
 * Refuse an option the chosen scorer would ignore: a caller who sets
 * `weights` under the learned model, or `field` under the weighted scorer,
 * expects it to change the answer.
 */
function rejectIgnoredScorerOptions(fn: string, options: Readonly<Record<string, unknown>>, scorer: 'model' | 'weighted'): void {
  if (scorer === 'weighted') {
    refuseIgnoredOptions(fn, options, MODEL_ONLY, 'options.why.learnedModel');
  } else {
    refuseIgnoredOptions(fn, options, WEIGHTED_ONLY, 'options.why.weightedScorer');
  }
}
type ParsedRecommendOptions = z.output<typeof RecommendOptionsSchema> & { scorer: 'model' | 'weighted' };

/**
 * The options with the scorer a call uses: the one asked for, else the
 * learned model when one is at hand (`model`, or the network's country's),
 * else the hand-weighted scorer. The learned model asked for with none at
 * hand is refused rather than borrowed from another country. Options the
 * scorer would ignore are refused too.
 */
function withScorer<T extends z.output<typeof RecommendOptionsSchema>>(net: CooperationNetwork, o: T, options: Readonly<Record<string, unknown>>, fn: string): T & { scorer: 'model' | 'weighted' } {
  const model = o.model ?? geographyRecommender(net.geography);
  if (o.scorer === 'model' && model === undefined) throw new OptionsError(fn, 'model', said('options.noRecommender', { geography: geographyWords(net.geography) }));
  const scorer = o.scorer ?? (model === undefined ? 'weighted' : 'model');
  rejectIgnoredScorerOptions(fn, options, scorer);
  return { ...o, scorer };
}

/**
 * A suggested partner municipality.
 *
 * With the learned model (`scorer: 'model'`): `score` is the model's
 * probability that this candidate is the one chosen, among all the
 * candidates (`exp(sᵢ) / Σ exp(s)`, `s` the linear score), and
 * `components` holds each feature's contribution to the candidate's score
 * relative to the average candidate (`coefficient · (value − mean)`).
 * With the weighted scorer: `components` holds one number in [0, 1] per
 * component (see {@link componentArrays}) and `score` is their weighted
 * mean, `Σ wᵢ·cᵢ / Σ wᵢ`, also in [0, 1].
 */
export interface RecommendationRow {
  /** Code of the municipality the suggestion is for. */
  municipality: string;
  /** Code of the suggested partner. */
  candidate: string;
  /** The candidate's name. */
  name: string;
  /** The candidate's county code. */
  county: string;
  /** 1 = best, per municipality. */
  rank: number;
  score: number;
  /** Centroid-to-centroid great-circle distance. */
  distanceKm: number;
  /** 1 = shares a border; `null` when not reachable over land borders. */
  borderSteps: number | null;
  /** Already tied (only with `existing: 'flag'`): a tie to strengthen. */
  existing: boolean;
  /** The terms of the score: feature contributions (model) or component values (weighted); see above. */
  components: Record<string, number>;
  /** Plain-language reasons, strongest component first. */
  reasons: string[];
}

export const RECOMMENDATION_COLUMNS = [
  'municipality',
  'candidate',
  'name',
  'county',
  'rank',
  'score',
  'distanceKm',
  'borderSteps',
  'existing',
  'components',
  'reasons',
] as const satisfies readonly (keyof RecommendationRow)[];

/** The recommender's features of a network (cached per network and `via`; networks are immutable). */
export function networkFeatures(net: CooperationNetwork, via: readonly string[]): Features {
  return cached(net, `recommend:features:${JSON.stringify([...via].sort(cmp))}`, () => featuresOf(evidenceOf(net, via)));
}

/** The common neighbours of municipalities `m` and `c` in the cooperation graph, as names: municipalities first, then partner actors, each by name. */
function sharedPartners(f: Features, m: number, c: number): string[] {
  const ix = indexGeography(f.ev.geography);
  const municipalities = [...f.ev.ties[m]!].filter((j) => f.ev.ties[c]!.has(j)).map((j) => ix.municipality.get(f.ev.codes[j]!)!.name);
  const actors = [...f.ev.partners[m]!].filter((id) => f.ev.partners[c]!.has(id)).map((id) => f.ev.actors.get(id)!.name);
  return [...municipalities.sort(cmp), ...actors.sort(cmp)];
}

/** Capacity and access are put into words as a reason only from this value up (unless strongest). */
export const REASON_THRESHOLD = 0.25;
const WEAK_WHEN_LOW: ReadonlySet<Component> = new Set(['capacity', 'access']);

function reasonFor(f: Features, component: Component, m: number, c: number, o: ParsedRecommendOptions, where: Candidate, lang: Lang): string {
  const ix = indexGeography(f.ev.geography);
  const own = ix.municipality.get(f.ev.codes[m]!)!;
  const cand = ix.municipality.get(f.ev.codes[c]!)!;
  switch (component) {
    case 'shared': {
      const names = sharedPartners(f, m, c);
      return message(lang, 'reasons.shared', { name: cand.name, count: names.length, names: someNames(names, lang) });
    }
    case 'complementarity': {
      const gained = o.partnerKinds.filter((k) => !f.kindCounts[m]!.has(k) && f.kindCounts[c]!.has(k));
      const parts = gained.map((k) => kindCount(k, f.kindCounts[c]!.get(k)!, lang));
      return message(lang, gained.length > 1 ? 'reasons.complementarity.several' : 'reasons.complementarity.single', { name: cand.name, partners: joinNames(parts, lang) });
    }
    case 'capacity': {
      const partners = f.partnerCount[c]!;
      return message(lang, 'reasons.capacity', { name: cand.name, population: Math.round(cand.population), partners: partners > 0 ? messageCount(lang, 'reasons.capacity.partners', partners) : '' });
    }
    case 'access': {
      const tied = [...f.ev.ties[c]!].map((j) => ix.municipality.get(f.ev.codes[j]!)!);
      const counties = new Set(tied.map((t) => t.county)).size;
      return message(lang, 'reasons.access', { name: cand.name, municipalities: kindCount('municipality', tied.length, lang), counties: counties > 1 ? message(lang, 'reasons.access.counties', { n: counties }) : '' });
    }
    case 'distance': {
      const km = Math.round(where.distanceKm);
      if (where.borderSteps === 1) return message(lang, 'reasons.distance.border', { km });
      if (where.borderSteps === null) return message(lang, 'reasons.distance.noLand', { km });
      return message(lang, 'reasons.distance.steps', { km, steps: where.borderSteps });
    }
    case 'county': {
      const countyName = (code: string) => ix.county.get(code)?.name ?? code;
      if (own.county === cand.county) return message(lang, 'reasons.sameCounty', { county: countyName(own.county) });
      return message(lang, 'reasons.bridge', { county: countyName(cand.county), ownCounty: countyName(own.county) });
    }
  }
}

function existingReason(f: Features, m: number, c: number, lang: Lang): string {
  const info = f.ev.tieInfo.get(pairKey(m, c));
  const parts: string[] = [];
  if (info && info.direct > 0) parts.push(messageCount(lang, 'reasons.directLinks.count', info.direct));
  if (info && info.bodies.length > 0) parts.push(sharedBodies([...info.bodies], lang));
  return alreadyCooperate(parts, lang);
}

/** "shared body X", "shared bodies X and Y". */
const sharedBodies = (bodies: readonly string[], lang: Lang) => messageCount(lang, 'reasons.sharedBodies', bodies.length, { names: joinNames(bodies, lang) });

/** The first reason of an existing partner: "You already cooperate (…): a tie to strengthen". */
const alreadyCooperate = (parts: readonly string[], lang: Lang) => (parts.length > 0 ? message(lang, 'reasons.existing.with', { ties: parts.join('; ') }) : message(lang, 'reasons.existing'));

/** Recommendations for municipality index `m` on prepared features. */
function recommendFor(f: Features, m: number, o: ParsedRecommendOptions, need: CompetenceNeed | undefined, lang: Lang): RecommendationRow[] {
  const ix = indexGeography(f.ev.geography);
  const code = f.ev.codes[m]!;
  const tied = new Set([...f.ev.ties[m]!].map((j) => f.ev.codes[j]!).filter((c) => f.ev.scope.has(c)));
  // Municipalities outside the scope are no candidates: the data says nothing about them.
  const outside = f.ev.codes.filter((c) => !f.ev.scope.has(c));
  const candidates = candidatesOf(f.ev.geography, code, o, new Set([...tied, ...outside])).filter((c) => offersAsked(need, c.code));
  if (o.existing === 'flag') {
    const own = ix.municipality.get(code)!;
    const steps = stepsFrom(f.ev.geography, code);
    for (const t of [...tied].filter((c) => offersAsked(need, c)).sort(cmp)) {
      const other = ix.municipality.get(t)!;
      candidates.push({ code: t, borderSteps: steps.get(t) ?? null, distanceKm: haversineKm(own.lat, own.lon, other.lat, other.lon) });
    }
  }
  const pairs = candidates.map((c) => [m, f.ev.index.get(c.code)!] as const);
  const arrays = componentArrays(f, pairs, o);
  const weights = o.weights as Components;
  const total = COMPONENTS.reduce((s, c) => s + weights[c], 0);
  // Competence as one more component: the share of the lacking capabilities the candidate has.
  const competence = need && need.lacking.length > 0 ? Float64Array.from(candidates, (c) => competenceOffered(need, c.code).length / need.lacking.length) : undefined;
  const scores = competence ? weightedScores(arrays, weights).map((s, i) => (s * total + need!.weight * competence[i]!) / (total + need!.weight)) : weightedScores(arrays, weights);
  const order = candidates
    .map((_, i) => i)
    .sort(
      (p, q) =>
        scores[q]! - scores[p]! ||
        (candidates[p]!.borderSteps ?? Infinity) - (candidates[q]!.borderSteps ?? Infinity) ||
        candidates[p]!.distanceKm - candidates[q]!.distanceKm ||
        cmp(candidates[p]!.code, candidates[q]!.code),
    )
    .slice(0, o.limit);
  return order.map((i, r) => {
    const cand = candidates[i]!;
    const c = pairs[i]![1];
    const components = Object.fromEntries(COMPONENTS.map((k) => [k, arrays[k][i]!])) as Components;
    // Capacity and access are reasons only when they speak for the candidate
    // (value at least REASON_THRESHOLD): "has 2 335 inhabitants and 0
    // partners" is no reason to choose a partner. The other components state
    // facts (shared partners, kinds gained, distance, county) and always can.
    const ranked = COMPONENTS.map((k, position) => ({ k, position, contribution: (weights[k] * components[k]) / total }))
      .filter((x) => x.contribution > 0)
      .sort((p, q) => q.contribution - p.contribution || p.position - q.position);
    const strongest = ranked.filter((x, i) => i === 0 || !WEAK_WHEN_LOW.has(x.k) || components[x.k] >= REASON_THRESHOLD).slice(0, o.maxReasons);
    const existing = tied.has(cand.code);
    const reasons = strongest.map((x) => reasonFor(f, x.k, m, c, o, cand, lang));
    if (need) {
      (components as Record<string, number>).competence = competence?.[i] ?? 0;
      const sentence = competenceReason(need, ix.municipality.get(cand.code)!.name, cand.code, code, lang);
      if (sentence !== undefined) reasons.unshift(sentence);
      if (reasons.length > o.maxReasons) reasons.length = o.maxReasons;
    }
    if (existing) reasons.unshift(existingReason(f, m, c, lang));
    const muni = ix.municipality.get(cand.code)!;
    return {
      municipality: code,
      candidate: cand.code,
      name: muni.name,
      county: muni.county,
      rank: r + 1,
      score: scores[i]!,
      distanceKm: cand.distanceKm,
      borderSteps: cand.borderSteps,
      existing,
      components,
      reasons,
    };
  });
}

function resolveMunicipality(net: CooperationNetwork, municipality: string): string {
  checkNetwork(net, 'recommendPartners');
  const m = net.municipality(municipality);
  if (!m) throw new ArgumentError(said('errors.recommend.unknownMunicipality', { value: JSON.stringify(municipality), suggestion: municipalitySuggestionHint(net.geography, municipality) }));
  if (!scopeSet(net).has(m.code)) throw new ArgumentError(said('errors.recommend.outsideScope', { name: m.name, scope: (lang) => describeScope(net.scope, net.geography, lang) }));
  return m.code;
}

/**
 * Partner municipalities to suggest to one municipality, best first.
 *
 * **Candidates**: the municipalities within `hops` border steps (bordering
 * ones first) or within `maxKm` km of centroid distance; when fewer than
 * `atLeast` remain after excluding existing partners, the nearest others are
 * added, so islands without land borders (Gotland, Tjörn, Öckerö, Ekerö)
 * get candidates too. Existing partners (municipalities tied in the
 * municipality projection) are excluded, or with `existing: 'flag'` returned
 * flagged, as ties to strengthen.
 *
 * **Score**: the weighted mean `Σ wᵢ·cᵢ / Σ wᵢ` of six components in [0, 1]
 * (definitions in {@link componentArrays}): `shared` partners (resource
 * allocation over the cooperation graph of municipality ties and direct
 * partner actors), `complementarity` (partner kinds the candidate has and
 * the municipality lacks), `capacity` (population and partners of the
 * candidate), `access` (the candidate's betweenness among municipalities),
 * `distance` (kilometres and border steps) and `county` (same county, or a
 * deliberate bridge with `countyPreference: 'bridge'`). Default weights
 * {@link DEFAULT_WEIGHTS}, chosen by held-out evaluation
 * ({@link evaluateRecommender}; see `bench/recommend-quality.ts`).
 *
 * **Reasons**: one sentence for each of the `maxReasons` components with the
 * largest weighted contribution (`wᵢ·cᵢ / Σ w`, positive only), strongest
 * first, e.g. "Umeå already works with 3 of your partners (…)", "Umeå
 * cooperates with 4 religious communities; you work with none", "32 km
 * away, shares a border"; in `lang` (default the geography's language, so
 * Swedish for Sweden: "32 km bort, gränsar till er"). The language changes
 * only the words, never the scores, the order or which reasons are given.
 *
 * **Order** (deterministic): score descending, then border steps ascending
 * (unreachable last), then distance ascending, then candidate code (code
 * point order); `rank` is the position, from 1. The same network and options
 * give identical rows.
 *
 * @param municipality - A code (`2480`, or `480`) or an unambiguous name (`Umeå`).
 * @example
 * const rows = recommendPartners(loadNetwork(demoDataset()), 'Dorotea', { limit: 5 });
 * rows[0].name; // 'Vilhelmina'
 * rows[0].reasons; // ['46 km bort, gränsar till er', 'i samma län (Västerbottens län)', 'Vilhelmina har 6 188 invånare och 4 samverkanspartner'] (with scorer: 'weighted')
 */
export function recommendPartners(net: CooperationNetwork, municipality: string, options: RecommendOptions = {}): Rows<RecommendationRow> {
  requireGeography(net, 'recommendPartners');
  const o = withScorer(net, parseOptions(RecommendOptionsSchema, options, 'recommendPartners', net), options, 'recommendPartners');
  const code = resolveMunicipality(net, municipality);
  return withColumns(recommenderFor(net, o, 'recommendPartners')(code), RECOMMENDATION_COLUMNS);
}

/** The recommendations of one municipality (by code) under the parsed options, with what can be shared across municipalities prepared once. */
function recommenderFor(net: CooperationNetwork, o: ParsedRecommendOptions, fn: string): (code: string) => RecommendationRow[] {
  const need = (code: string) => competenceNeed(o, code, net.date, 'recommendPartners');
  const lang = resolveLang(o.lang, net.geography);
  if (o.scorer === 'weighted') {
    const f = networkFeatures(net, o.via);
    return (code) => recommendFor(f, f.ev.index.get(code)!, o, need(code), lang);
  }
  const ctx = modelContext(net, o, fn);
  return (code) => recommendWithModel(ctx, ctx.geo.index.get(code)!, o, need(code), lang);
}

/** What the learned model's recommendations of a network share: the evidence, its ties, the variant, and who is in the field asked for. */
interface ModelContext {
  readonly geo: GeoArrays;
  readonly ties: TieGraph;
  readonly variant: ModelVariant;
  readonly field: string | undefined;
  readonly inField: Uint8Array | undefined;
  /** Per tie `i,j`: names of the shared groups, for the reason of an existing tie. */
  readonly groupsOf: (i: number, j: number) => string[];
  readonly direct: ReadonlySet<number>;
  /** Per municipality: 1 when in the network's scope; absent for a national scope. */
  readonly inScope: Uint8Array | undefined;
}


function modelContext(net: CooperationNetwork, o: ParsedRecommendOptions, fn: string): ModelContext {
  // withScorer chose this scorer only with a model at hand.
  const model = o.model ?? geographyRecommender(net.geography)!;
  const field = o.field === undefined ? undefined : findField(o.field);
  if (o.field !== undefined && field === undefined) {
    throw new ArgumentError(said('errors.field.unknown', { value: JSON.stringify(o.field), codes: FIELDS.map((f) => f.code).join(', ') }));
  }
  if (field !== undefined && !model.field) throw new OptionsError(fn, 'field', said('errors.model.noFieldVariant', { model: JSON.stringify(model.id) }));
  warnOtherGeography(model, net.geography.name, o.onWarning);
  // A model passed in is keyed by identity: two equal models still share nothing.
  const key = JSON.stringify([[...o.via].sort(cmp), o.countyWide, field ?? null, o.model ? modelKey(o.model) : 'default']);
  return cached(net, `recommend:model:${key}`, (): ModelContext => {
    const ev = networkEvidence(net, o.via);
    const roles = groupRoles(ev, o.countyWide);
    const ties = tieGraph(ev, roles.evidence);
    const n = ev.geo.n;
    const direct = new Set(ev.direct);
    const shared = new Map<number, string[]>();
    ev.groups.forEach((g, i) => {
      if (!roles.evidence(i)) return;
      const m = g.members;
      for (let a = 0; a < m.length; a++) {
        for (let b = a + 1; b < m.length; b++) {
          const k = m[a]! * n + m[b]!;
          let list = shared.get(k);
          if (!list) shared.set(k, (list = []));
          list.push(g.group.name);
        }
      }
    });
    return {
      geo: ev.geo,
      ties,
      variant: field !== undefined ? model.field! : model.default,
      field,
      inField: field !== undefined ? fieldMembership(ev, [field], roles.evidence) : undefined,
      groupsOf: (i, j) => [...(shared.get(i < j ? i * n + j : j * n + i) ?? [])].sort(cmp),
      direct,
      inScope: ev.inScope,
    };
  });
}

/** Warn when a model is used on another geography than it was fitted on (names compared without case: `loadGeography('data/sweden')` is `sweden`). */
function warnOtherGeography(model: RecommenderModel, geography: string, onWarning: ((message: string) => void) | undefined): void {
  const trained = model.trainedOn.geography;
  if (trained.toLowerCase() === geography.toLowerCase()) return;
  const message = `the model ${JSON.stringify(model.id)} was fitted on the ${trained} geography and is used on ${geography}: its coefficients and feature scales are ${trained}'s, so the ranking is a transfer, not a fit (fit one on this network's bodies with fitRecommender, or use scorer: 'weighted')`;
  if (onWarning) return onWarning(message);
  // The geographies already warned about for this model, through the default channel.
  const seen = cached(model, 'recommend:warned-geographies', () => new Set<string>());
  if (seen.has(geography)) return;
  seen.add(geography);
  process.emitWarning(message, { code: 'SAMVERKAN_MODEL_GEOGRAPHY' });
}

/** A number per model object, for cache keys (models are compared by identity). */
let nextModelId = 1;
function modelKey(model: object): number {
  return cached(model, 'recommend:model-id', () => nextModelId++);
}

/**
 * Learned-model recommendations for municipality index `m`. The new
 * candidates are scored as with `existing: 'exclude'` (softmax over them);
 * with `'flag'`, each existing partner is scored as a candidate of the
 * network without that one tie (how the model would rank it were the two
 * not tied yet), its probability taken over the new candidates and itself.
 */
function recommendWithModel(ctx: ModelContext, m: number, o: ParsedRecommendOptions, need: CompetenceNeed | undefined, lang: Lang): RecommendationRow[] {
  const { geo, ties, variant } = ctx;
  const n = geo.n;
  const inScope = ctx.inScope;
  const untied = untiedCandidatesOf(ties, m, inScope).filter((c) => offersAsked(need, geo.codes[c]!));
  const partners = o.existing === 'flag' ? [...ties.targets.subarray(ties.offsets[m]!, ties.offsets[m + 1]!)].filter((c) => (inScope === undefined || inScope[c] === 1) && offersAsked(need, geo.codes[c]!)) : [];
  if (untied.length === 0 && partners.length === 0) return [];
  const F = variant.features.length;
  const contextOf = (t: TieGraph) => (ctx.inField ? { geo, ties: t, inField: ctx.inField } : { geo, ties: t });
  const fresh = withCompetence(scoreCandidates(variant, contextOf(ties), m, untied), need, geo.codes, untied);
  const scored = Array.from(untied, (c, r) => ({ c, s: fresh.scores[r]!, x: fresh.x.subarray(r * F, (r + 1) * F), ties, existing: false, km: kmBetween(geo, m, c) }));
  for (const c of partners) {
    const without = withoutTie(ties, m, c);
    const one = withCompetence(scoreCandidates(variant, contextOf(without), m, Int32Array.of(c)), need, geo.codes, Int32Array.of(c));
    scored.push({ c, s: one.scores[0]!, x: one.x, ties: without, existing: true, km: kmBetween(geo, m, c) });
  }
  // Log of the softmax denominator over the new candidates (−∞ without any).
  let max = -Infinity;
  for (const v of fresh.scores) if (v > max) max = v;
  let sum = 0;
  for (const v of fresh.scores) sum += Math.exp(v - max);
  const logSum = untied.length > 0 ? max + Math.log(sum) : -Infinity;
  const probability = (v: number, existing: boolean) => (existing ? 1 / (1 + Math.exp(logSum - v)) : Math.exp(v - logSum));
  // Contributions are relative to the average new candidate (the partners' average when there is none).
  const base = untied.length > 0 ? scored.filter((e) => !e.existing) : scored;
  const mean = new Float64Array(F);
  for (const e of base) for (let f = 0; f < F; f++) mean[f]! += e.x[f]! / base.length;
  const rows = scored
    .sort((p, q) => q.s - p.s || p.km - q.km || p.c - q.c)
    .slice(0, o.limit);
  const ix = indexGeography(geo.geography);
  const steps = stepsFrom(geo.geography, geo.codes[m]!);
  const meanOffered = need ? base.reduce((s, e) => s + competenceOffered(need, geo.codes[e.c]!).length, 0) / Math.max(base.length, 1) : 0;
  return rows.map((e, rank) => {
    const { c, x, km } = e;
    const t = e.ties;
    const components: Record<string, number> = {};
    const byTopic = new Map<ReasonTopic, number>();
    // Without partners on either side, the partner-distance features only restate the distance.
    const partnerFacts = t.offsets[m + 1]! > t.offsets[m]! || t.offsets[c + 1]! > t.offsets[c]!;
    variant.features.forEach((feature, f) => {
      const contribution = feature.coefficient * (x[f]! - mean[f]!);
      components[feature.name] = contribution;
      const topic = topicOf(feature);
      const into = topic === 'partners' && !partnerFacts ? 'place' : topic;
      byTopic.set(into, (byTopic.get(into) ?? 0) + contribution);
    });
    const ranked = [...byTopic].filter(([, v]) => v > 0).sort((p, q) => q[1] - p[1] || cmp(p[0], q[0]));
    const facts = { geo, ties: t, m, c, km, field: ctx.field, inField: ctx.inField, features: variant.features, lang };
    // A topic speaks only where its fact holds (reasonSentence gives undefined otherwise).
    const holds = ranked.map(([topic]) => topic).filter((topic) => reasonSentence(topic, facts, false) !== undefined);
    // "In the same county and labour-market region": one sentence when both speak for the candidate.
    const both = holds.includes('county') && holds.includes('region');
    const reasons = holds
      .filter((topic) => !(both && topic === 'region'))
      .slice(0, o.maxReasons)
      .map((topic) => reasonSentence(topic, facts, both && topic === 'county')!);
    const existing = e.existing;
    if (need) {
      const offered = competenceOffered(need, geo.codes[c]!).length;
      components.competence = need.weight * (offered - meanOffered);
      const sentence = competenceReason(need, ix.municipality.get(geo.codes[c]!)!.name, geo.codes[c]!, geo.codes[m]!, lang);
      if (sentence !== undefined) reasons.unshift(sentence);
      if (reasons.length > o.maxReasons) reasons.length = o.maxReasons;
    }
    if (existing) {
      const bodies = ctx.groupsOf(m, c);
      const direct = ctx.direct.has(m < c ? m * n + c : c * n + m);
      const parts = [...(direct ? [message(lang, 'reasons.directLinks')] : []), ...(bodies.length > 0 ? [sharedBodies(bodies, lang)] : [])];
      reasons.unshift(alreadyCooperate(parts, lang));
    }
    const muni = ix.municipality.get(geo.codes[c]!)!;
    return {
      municipality: geo.codes[m]!,
      candidate: muni.code,
      name: muni.name,
      county: muni.county,
      rank: rank + 1,
      score: probability(e.s, existing),
      distanceKm: km,
      borderSteps: steps.get(muni.code) ?? null,
      existing,
      components,
      reasons,
    };
  });
}

export const SmallOptionsSchema = z.strictObject({
  /** Municipalities with fewer inhabitants are small. Default 15 000 (`DEFAULT_SMALL_POPULATION`: about half of Sweden's 290, 132 of them). */
  smallPopulation: SmallPopulationSchema,
  /** Only this county (code or name). Default: every county. */
  county: z.string().optional(),
  /** Actor kinds through which members cooperate (see `municipalityProjection`). Default `['joint_body']`. */
  via: ViaSchema,
});
export type SmallOptions = z.input<typeof SmallOptionsSchema>;

export interface SmallMunicipalityRow {
  municipality: string;
  name: string;
  county: string;
  population: number;
  /** Municipalities it cooperates with (municipality projection). */
  municipalityTies: number;
  /** Direct partner actors other than municipalities and shared bodies. */
  partnerCount: number;
}

/** The code of `county` (a code or name), else an error of `fn`: an `OptionsError` naming `option`, or (an argument) an `ArgumentError`. */
function resolveCounty(net: CooperationNetwork, county: string, fn: string, option?: string): string {
  checkNetwork(net, 'samverkan');
  const c = net.county(county);
  if (!c) throw unknownCountyError(net.geography, county, fn, option);
  return c.code;
}

/**
 * The small municipalities: population strictly below `smallPopulation`
 * (default 15 000; 132 of Sweden's 290 municipalities with the 2025
 * figures), in code order, with their municipality ties and direct partners.
 *
 * @example
 * smallMunicipalities(net, { county: 'Västerbotten' });
 */
export function smallMunicipalities(net: CooperationNetwork, options: SmallOptions = {}): Rows<SmallMunicipalityRow> {
  requireGeography(net, 'smallMunicipalities');
  const o = parseOptions(SmallOptionsSchema, options, 'smallMunicipalities', net);
  const county = o.county === undefined ? undefined : resolveCounty(net, o.county, 'smallMunicipalities', 'county');
  const f = networkFeatures(net, o.via);
  const rows = net
    .municipalities()
    .filter((m) => m.population < o.smallPopulation && (county === undefined || m.county === county))
    .map((m) => {
      const i = f.ev.index.get(m.code)!;
      return {
        municipality: m.code,
        name: m.name,
        county: m.county,
        population: m.population,
        municipalityTies: f.ev.ties[i]!.size,
        partnerCount: f.ev.partners[i]!.size,
      };
    });
  return withColumns(rows, ['municipality', 'name', 'county', 'population', 'municipalityTies', 'partnerCount']);
}

export const BatchOptionsSchema = RecommendOptionsSchema.extend({
  /** Municipalities with fewer inhabitants are small. Default 15 000. */
  smallPopulation: SmallPopulationSchema,
  /** `'small'` (default): suggestions for the small municipalities; `'all'`: for every municipality. */
  only: z.enum(['small', 'all']).default('small'),
});
export type BatchOptions = z.input<typeof BatchOptionsSchema>;

function batch(net: CooperationNetwork, county: string | undefined, options: BatchOptions, fn: string): Rows<RecommendationRow> {
  const o = withScorer(net, parseOptions(BatchOptionsSchema, options, fn, net), options, fn);
  const recommend = recommenderFor(net, o, fn);
  const rows: RecommendationRow[] = [];
  for (const m of net.municipalities()) {
    if (county !== undefined && m.county !== county) continue;
    if (o.only === 'small' && !(m.population < o.smallPopulation)) continue;
    rows.push(...recommend(m.code));
  }
  return withColumns(rows, RECOMMENDATION_COLUMNS);
}

/**
 * {@link recommendPartners} for every small municipality of one county (or
 * every municipality, with `only: 'all'`), as one table: municipalities in
 * code order, each with its `limit` best candidates by rank.
 *
 * @param county - A county code (`24`) or name (`Västerbottens län`, `Västerbotten`).
 * @example
 * recommendForCounty(net, 'Jämtland', { limit: 3 });
 */
export function recommendForCounty(net: CooperationNetwork, county: string, options: BatchOptions = {}): Rows<RecommendationRow> {
  requireGeography(net, 'recommendForCounty');
  return batch(net, resolveCounty(net, county, 'recommendForCounty'), options, 'recommendForCounty');
}

/**
 * {@link recommendPartners} for every small municipality in the country (or
 * every municipality, with `only: 'all'`), as one table in municipality code
 * order. The network's features are computed once.
 *
 * @example
 * const rows = recommendAll(loadNetwork(demoDataset()), { limit: 3 });
 */
export function recommendAll(net: CooperationNetwork, options: BatchOptions = {}): Rows<RecommendationRow> {
  requireGeography(net, 'recommendAll');
  return batch(net, undefined, options, 'recommendAll');
}

/** Scores with the competence component added (learned model: `weight` per lacking capability the candidate has, on the linear score). */
function withCompetence<T extends { scores: Float64Array }>(scored: T, need: CompetenceNeed | undefined, codes: readonly string[], candidates: Int32Array): T {
  if (!need || need.weight === 0) return scored;
  const scores = Float64Array.from(scored.scores, (s, r) => s + need.weight * competenceOffered(need, codes[candidates[r]!]!).length);
  return { ...scored, scores };
}
