import { z } from 'zod';
import { cmp, indexGeography } from '../model/geography.js';
import { requireGeography, type CooperationNetwork } from '../model/network.js';
import { withColumns, type Rows } from '../model/table.js';
import { joinNames, kindCount, kindWords, someNames } from '../model/words.js';
import { LangSchema, message, messageCount, resolveLang, type Lang } from '../model/i18n/index.js';
import { networkFeatures } from './recommend.js';
import { CandidateOptionsShape, candidatesOf, componentArrays, ScoreOptionsShape, weightedScores, type Components } from './score.js';
import { KindListSchema, KindOptionSchema, SmallPopulationSchema, parseOptions, said, saidIn } from '../model/options.js';
import { CapabilitySet } from '../model/capabilities.js';
import { ArgumentError } from '../model/errors.js';
import { unknownCountyError } from '../model/scope.js';
import { capabilityWithArticle } from './competence.js';

/** The objectives {@link planLinks} can improve. */
export const PLAN_OBJECTIVES = ['small-coverage', 'county-connectivity', 'kind-reach', 'capability-reach'] as const;
export type PlanObjective = (typeof PLAN_OBJECTIVES)[number];

export const PlanOptionsSchema = z.strictObject({
  ...ScoreOptionsShape,
  ...CandidateOptionsShape,
  /** Number of new links to plan. Default 5. */
  budget: z.number().int().nonnegative().default(5),
  /** What to improve (see {@link planLinks}). Default `'small-coverage'`. */
  objective: z.enum(PLAN_OBJECTIVES).default('small-coverage'),
  /** The partner kind of `kind-reach`. Default `'religious'`. */
  kind: KindOptionSchema.default('religious'),
  /**
   * `small-coverage` only: partner kinds a small municipality must also reach
   * (itself or through a tied municipality) to count as covered. Default none:
   * one municipality tie is enough.
   */
  reachKinds: KindListSchema.default([]),
  /** Municipalities with fewer inhabitants are small. Default 15 000. */
  smallPopulation: SmallPopulationSchema,
  /** Plan for one county (code or name): the objective counts its municipalities, and every planned link has an end there. Default: the whole country. */
  county: z.string().optional(),
  /** `capability-reach` only: the capability records (`loadCapabilities`), read on the network's date. */
  capabilities: z.instanceof(CapabilitySet, { message: 'expected a CapabilitySet (from loadCapabilities)' }).optional(),
  /** `capability-reach` only: the capability (code or label) to bring within reach. */
  capability: z.string().min(1).optional(),
  /** The language of the reasons: `'sv'` or `'en'`. Default: the geography's (Swedish for Sweden), else English. */
  lang: LangSchema.optional(),
});
export type PlanOptions = z.input<typeof PlanOptionsSchema>;

export interface PlanStepRow {
  /** 1, 2, … in the order the links were chosen. */
  step: number;
  objective: PlanObjective;
  /** The municipality the link was proposed for (see {@link planLinks}). */
  source: string;
  sourceName: string;
  /** The proposed partner. */
  target: string;
  targetName: string;
  /** Improvement of the objective by this link, given the links of the earlier steps. */
  gain: number;
  /** The objective after this step (`small-coverage`, `kind-reach`: municipalities; `county-connectivity`: groups, lower is better). */
  value: number;
  /** The recommendation score of `target` for `source` (tie-breaker). */
  score: number;
  reason: string;
}

interface CandidateLink {
  s: number;
  t: number;
  score: number;
}

/**
 * A greedy plan of up to `budget` new municipality–municipality links that
 * most improve an objective, so a county coordinator sees which few new
 * agreements matter most.
 *
 * Objectives (over the municipalities of `county`, or the whole country):
 * - `small-coverage`: the number of small municipalities (population below
 *   `smallPopulation`) that are covered: they have at least one municipality
 *   tie and, for each of `reachKinds`, a partner of that kind themselves
 *   or in a tied municipality. Candidate links: each small municipality with
 *   its recommendation candidates.
 * - `county-connectivity`: the number of groups (connected components) the
 *   municipalities of each county form using ties within the county, summed
 *   over the counties; lower is better, and `gain` is the reduction.
 *   Candidate links: each municipality with its candidates in the same county.
 * - `kind-reach`: the number of municipalities that reach partner `kind`:
 *   they have a direct partner of that kind, or are tied to a municipality
 *   that has one. Candidate links: each municipality with its candidates.
 * - `capability-reach` (with `capabilities` and `capability`): the number
 *   of municipalities that lack `capability` (state `no` or `planned`;
 *   `unknown` is not lacking) and are tied to a municipality that has it
 *   (`yes`). Candidate links: each municipality with its candidates.
 *
 * Candidates follow the recommender's rule (`hops`, `maxKm`, `atLeast`;
 * existing partners excluded) and each link is scored once, on the current
 * network, by {@link recommendPartners}' score; a pair proposed from both
 * ends keeps the direction with the higher score (then the lower source
 * code).
 *
 * Greedy: at each step the candidate link with the largest marginal gain is
 * added, ties broken by higher score, then source code, then target code
 * (code-point order); the gains of the remaining links are recomputed with
 * it. The plan stops early when no link improves the objective. Greedy is
 * not always optimal for a budget above 1, but each step is the best single
 * next agreement given the earlier ones.
 *
 * @example
 * planLinks(net, { budget: 3, objective: 'county-connectivity', county: 'Uppsala' });
 */
export function planLinks(net: CooperationNetwork, options: PlanOptions = {}): Rows<PlanStepRow> {
  requireGeography(net, 'planLinks');
  const o = parseOptions(PlanOptionsSchema, options, 'planLinks', net);
  const lang = resolveLang(o.lang, net.geography);
  let county: string | undefined;
  if (o.county !== undefined) {
    const c = net.county(o.county);
    if (!c) throw unknownCountyError(net.geography, o.county, 'planLinks', 'county');
    county = c.code;
  }
  const p = planContext(net, o, county, capabilityTests(net, o, lang));
  const links = candidateLinks(net, o, p);
  const objective = planObjective(net, o, p, county, lang);
  const { codes, muni } = p;

  const rows: PlanStepRow[] = [];
  let current = objective.value();
  const used = new Set<CandidateLink>();
  for (let step = 1; step <= o.budget; step++) {
    let best: CandidateLink | undefined;
    let bestGain = 0;
    for (const l of links) {
      if (used.has(l)) continue;
      const g = objective.gainOf(l);
      if (g <= 0) continue;
      if (
        !best ||
        g > bestGain ||
        (g === bestGain && (l.score > best.score || (l.score === best.score && (cmp(codes[l.s]!, codes[best.s]!) || cmp(codes[l.t]!, codes[best.t]!)) < 0)))
      ) {
        best = l;
        bestGain = g;
      }
    }
    if (!best) break;
    const reason = objective.reasonOf(best, current);
    objective.add(best.s, best.t);
    used.add(best);
    current = objective.value();
    const [ms, mt] = [muni[best.s]!, muni[best.t]!];
    rows.push({
      step,
      objective: o.objective,
      source: ms.code,
      sourceName: ms.name,
      target: mt.code,
      targetName: mt.name,
      gain: bestGain,
      value: current,
      score: best.score,
      reason,
    });
  }
  return withColumns(rows, ['step', 'objective', 'source', 'sourceName', 'target', 'targetName', 'gain', 'value', 'score', 'reason']);
}

type ParsedPlanOptions = z.output<typeof PlanOptionsSchema>;

/** For `capability-reach`: whether a municipality holds the capability, whether it lacks it (no, or planned), and the capability's words; refused without the capabilities, or with them for another objective. */
function capabilityTests(net: CooperationNetwork, o: ParsedPlanOptions, lang: Lang): { holds: (code: string) => boolean; lacks: (code: string) => boolean; label: string } | undefined {
  if (o.objective === 'capability-reach') {
    if (!o.capabilities || o.capability === undefined) throw new ArgumentError(saidIn('planLinks', said('errors.plan.capabilityReachNeeds')));
    const caps = o.capabilities.onNetworkDate(net.date, 'planLinks');
    const code = caps.vocabulary.requireCode(o.capability, 'planLinks');
    return {
      holds: (c) => caps.state(c, code) === 'yes',
      lacks: (c) => ['no', 'planned'].includes(caps.state(c, code)),
      label: capabilityWithArticle(caps.vocabulary, code, lang),
    };
  }
  if (o.capabilities !== undefined || o.capability !== undefined) {
    throw new ArgumentError(saidIn('planLinks', said('errors.plan.capabilityOptionsOnly', { objective: o.objective })));
  }
  return undefined;
}

/**
 * What a plan reads: the municipalities by index (the features' order), which
 * are in the plan's scope and small, their ties (grown as the plan adds
 * links), the partner kinds each has and reaches, and, for
 * `capability-reach`, who holds and who lacks the capability.
 */
function planContext(net: CooperationNetwork, o: ParsedPlanOptions, county: string | undefined, capability: ReturnType<typeof capabilityTests>) {
  const ix = indexGeography(net.geography);
  const f = networkFeatures(net, o.via);
  const { codes } = f.ev;
  const muni = codes.map((c) => ix.municipality.get(c)!);
  const inScope = (i: number) => f.ev.scope.has(codes[i]!) && (county === undefined || muni[i]!.county === county);
  const small = (i: number) => muni[i]!.population < o.smallPopulation;
  const ties = f.ev.ties.map((s) => new Set(s));
  const has = (i: number, kind: string) => f.kindCounts[i]!.has(kind);
  const reaches = (i: number, kind: string, extra = -1) => has(i, kind) || (extra >= 0 && has(extra, kind)) || [...ties[i]!].some((j) => has(j, kind));
  const holder = (i: number) => capability!.holds(codes[i]!);
  const lacking = (i: number) => inScope(i) && capability!.lacks(codes[i]!);
  const capabilityReached = (i: number) => [...ties[i]!].some(holder);
  return { ix, f, codes, n: codes.length, muni, inScope, small, ties, has, reaches, holder, lacking, capabilityReached, capabilityLabel: capability?.label ?? '' };
}
type PlanContext = ReturnType<typeof planContext>;

/** The candidate links of the municipalities in scope (small ones only for `small-coverage`, within their county for `county-connectivity`), scored once; a pair proposed from both ends keeps its better score. */
function candidateLinks(net: CooperationNetwork, o: ParsedPlanOptions, p: PlanContext): CandidateLink[] {
  const { f, codes, n, muni, inScope, small, ties } = p;
  const outside = codes.filter((c) => !f.ev.scope.has(c));
  const proposals: [number, number][] = [];
  for (let s = 0; s < n; s++) {
    if (!inScope(s)) continue;
    if (o.objective === 'small-coverage' && !small(s)) continue;
    const tied = new Set([...ties[s]!].map((j) => codes[j]!));
    for (const c of candidatesOf(net.geography, codes[s]!, o, new Set([...tied, ...outside]))) {
      const t = f.ev.index.get(c.code)!;
      if (o.objective === 'county-connectivity' && muni[t]!.county !== muni[s]!.county) continue;
      proposals.push([s, t]);
    }
  }
  const scores = weightedScores(componentArrays(f, proposals, o), o.weights as Components);
  const byPair = new Map<string, CandidateLink>();
  proposals.forEach(([s, t], i) => {
    const key = s < t ? `${s},${t}` : `${t},${s}`;
    const link = { s, t, score: scores[i]! };
    const old = byPair.get(key);
    if (!old || link.score > old.score || (link.score === old.score && cmp(codes[s]!, codes[old.s]!) < 0)) byPair.set(key, link);
  });
  return [...byPair.values()];
}

/**
 * The objective over the plan's state: its value (municipalities covered or
 * reached, or groups of tied municipalities per county), a link's marginal
 * gain, the reason for choosing a link, and the state grown by a link (its
 * ties, and the groups of the same county joined).
 */
function planObjective(net: CooperationNetwork, o: ParsedPlanOptions, p: PlanContext, county: string | undefined, lang: Lang) {
  const { f, n, muni, ix, inScope, small, ties, has, reaches, holder, lacking, capabilityReached, capabilityLabel } = p;
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]!]!;
    return x;
  };
  for (let i = 0; i < n; i++) for (const j of ties[i]!) if (muni[i]!.county === muni[j]!.county) parent[find(i)] = find(j);
  const covered = (i: number, extra = -1) =>
    small(i) && inScope(i) && (ties[i]!.size > 0 || extra >= 0) && o.reachKinds.every((k) => reaches(i, k, extra));
  const value = (): number => {
    let v = 0;
    for (let i = 0; i < n; i++) {
      if (!inScope(i)) continue;
      if (o.objective === 'small-coverage') v += covered(i) ? 1 : 0;
      else if (o.objective === 'kind-reach') v += reaches(i, o.kind) ? 1 : 0;
      else if (o.objective === 'capability-reach') v += lacking(i) && capabilityReached(i) ? 1 : 0;
      else v += find(i) === i ? 1 : 0;
    }
    return v;
  };
  const gainOf = (l: CandidateLink): number => {
    if (o.objective === 'small-coverage') return (covered(l.s, l.t) ? 1 : 0) - (covered(l.s) ? 1 : 0) + (covered(l.t, l.s) ? 1 : 0) - (covered(l.t) ? 1 : 0);
    if (o.objective === 'kind-reach') {
      let g = 0;
      if (inScope(l.s) && !reaches(l.s, o.kind) && has(l.t, o.kind)) g++;
      if (inScope(l.t) && !reaches(l.t, o.kind) && has(l.s, o.kind)) g++;
      return g;
    }
    if (o.objective === 'capability-reach') return (lacking(l.s) && !capabilityReached(l.s) && holder(l.t) ? 1 : 0) + (lacking(l.t) && !capabilityReached(l.t) && holder(l.s) ? 1 : 0);
    return muni[l.s]!.county === muni[l.t]!.county && find(l.s) !== find(l.t) ? 1 : 0;
  };
  const groupOf = (x: number) => {
    const root = find(x);
    const names: string[] = [];
    for (let i = 0; i < n; i++) if (muni[i]!.county === muni[x]!.county && find(i) === root) names.push(muni[i]!.name);
    return names.sort(cmp);
  };
  /** Why the link `s`–`t` is the step's, given the objective's value `before` it. */
  const reasonOf = ({ s, t }: CandidateLink, before: number): string => {
    if (o.objective === 'small-coverage') {
      const gained = [s, t].filter((i) => covered(i, i === s ? t : s) && !covered(i)).map((i) => muni[i]!);
      const municipalities = joinNames(gained.map((m) => message(lang, 'reasons.plan.inhabitants', { name: m.name, population: Math.round(m.population) })), lang);
      return o.reachKinds.length === 0
        ? messageCount(lang, 'reasons.plan.firstTie', gained.length, { municipalities })
        : messageCount(lang, 'reasons.plan.covered', gained.length, { municipalities, kinds: o.reachKinds.map((k) => kindWords(k, 2, lang)).join(', ') });
    }
    if (o.objective === 'kind-reach') {
      const parts: string[] = [];
      for (const [x, y] of [
        [s, t],
        [t, s],
      ] as const) {
        if (inScope(x) && !reaches(x, o.kind) && has(y, o.kind)) {
          const k = f.kindCounts[y]!.get(o.kind)!;
          parts.push(message(lang, 'reasons.plan.reaches', { name: muni[x]!.name, kinds: kindWords(o.kind, 2, lang), partner: muni[y]!.name, count: kindCount(o.kind, k, lang) }));
        }
      }
      return parts.join('; ');
    }
    if (o.objective === 'capability-reach') {
      const parts = ([[s, t], [t, s]] as const).filter(([x, y]) => lacking(x) && !capabilityReached(x) && holder(y)).map(([x, y]) => message(lang, 'reasons.plan.capability', { name: muni[x]!.name, partner: muni[y]!.name, capability: capabilityLabel }));
      return parts.join('; ');
    }
    const ms = muni[s]!;
    return messageCount(lang, 'reasons.plan.joins', before - 1, {
      // A group in words: `Arjeplog och Arvidsjaur`, `Boden, Kalix, Luleå och 2 till`.
      group: someNames(groupOf(s), lang),
      otherGroup: someNames(groupOf(t), lang),
      county: ix.county.get(ms.county)?.name ?? ms.county,
      // One county planned for, or a network of one county: "the county goes".
      scope: message(lang, county === undefined && net.scope.counties.length !== 1 ? 'reasons.plan.scope.counties' : 'reasons.plan.scope.county'),
      before,
    });
  };
  /** The state with the link `s`–`t` added. */
  const add = (s: number, t: number): void => {
    ties[s]!.add(t);
    ties[t]!.add(s);
    if (muni[s]!.county === muni[t]!.county) parent[find(s)] = find(t);
  };
  return { value, gainOf, reasonOf, add };
}

