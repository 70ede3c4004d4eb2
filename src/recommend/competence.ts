import { z } from 'zod';
import { CapabilitySet, type CapabilityRecord } from '../model/capabilities.js';
import { ArgumentError } from '../model/errors.js';
import { said, saidIn } from '../model/options.js';
import { formatList, message, type Lang } from '../model/i18n/index.js';

/**
 * The recommender's `competence` component: a candidate that has (`yes`)
 * capabilities the municipality lacks scores higher, by `competenceWeight`
 * per such capability (learned model: added to the linear score, so each
 * capability multiplies the odds by `e^competenceWeight`; weighted scorer:
 * the share of the lacking capabilities the candidate has, as one more
 * component of weight `competenceWeight`).
 *
 * What the municipality lacks: the capabilities it has as `no` or
 * `planned` (setting up; help is still wanted). `unknown` is not lacking
 * (unless the set is a declared census). With `capability` (one asked
 * for: "who could help us set up support for relatives?"), that one is
 * lacking whatever the records say of the municipality, and only candidates
 * that have it are returned.
 *
 * The weight is not fitted: the benchmark bodies say nothing of
 * capabilities, so held-out bodies cannot check it. `bench/recommend-quality.ts`
 * measures that the default weight does not lower the body-level figures.
 */

/**
 * Default weight of the competence component (see above): 0.25, the
 * largest tried that costs nothing on the body protocol when the
 * capabilities are pure noise (a random census of three capabilities:
 * P@5 0.426 at 0.25 and 0.400 at 1, against 0.426 without; real evidence:
 * 0.426 either way; `bench/recommend-quality.ts --competence`).
 */
export const DEFAULT_COMPETENCE_WEIGHT = 0.25;

export const CompetenceOptionsShape = {
  /** Capability records (from `loadCapabilities`). Without them, no competence component. */
  capabilities: z.instanceof(CapabilitySet, { message: 'expected a CapabilitySet (from loadCapabilities)' }).optional(),
  /** Weight of the competence component. Default 0.25 (`DEFAULT_COMPETENCE_WEIGHT`). 0 keeps the ranking and only adds the reason. */
  competenceWeight: z.number().nonnegative().finite().default(DEFAULT_COMPETENCE_WEIGHT),
  /** Ask for partners for one capability (code or label): only candidates that have it. Needs `capabilities`. */
  capability: z.string().min(1).optional(),
};

/** What one municipality lacks, and who has it. */
export interface CompetenceNeed {
  readonly caps: CapabilitySet;
  /** Lacking capability codes, in vocabulary order. */
  readonly lacking: readonly string[];
  /** The capability asked for, if any (then candidates must have it). */
  readonly asked: string | undefined;
  readonly weight: number;
}

/** The competence need of municipality `code`, read on the network's `date`; undefined without capabilities. */
export function competenceNeed(
  o: { capabilities?: CapabilitySet | undefined; competenceWeight: number; capability?: string | undefined },
  code: string,
  date: string | undefined,
  fn: string,
): CompetenceNeed | undefined {
  if (!o.capabilities) {
    if (o.capability !== undefined) throw new ArgumentError(saidIn(fn, said('errors.capability.needsRecords')));
    return undefined;
  }
  const caps = o.capabilities.onNetworkDate(date, fn);
  let asked: string | undefined;
  if (o.capability !== undefined) {
    asked = caps.vocabulary.requireCode(o.capability, fn);
  }
  const known = caps.vocabulary.codes;
  const lacking = known.filter((c) => c === asked || ['no', 'planned'].includes(caps.state(code, c)));
  return { caps, lacking, asked, weight: o.competenceWeight };
}

/** The records by which `candidate` has what the municipality lacks. */
export function competenceOffered(need: CompetenceNeed, candidate: string): CapabilityRecord[] {
  const out: CapabilityRecord[] = [];
  for (const c of need.lacking) {
    const fact = need.caps.fact(candidate, c);
    if (fact.state === 'yes') out.push(fact.record!);
  }
  return out;
}

/** Whether a candidate may be returned: with a capability asked for, only those that have it. */
export function offersAsked(need: CompetenceNeed | undefined, candidate: string): boolean {
  return need?.asked === undefined || need.caps.state(candidate, need.asked) === 'yes';
}

/** A capability with its article, as the object of "has": `an action plan`, `en handlingsplan` (its code when the vocabulary has no definition). */
export function capabilityWithArticle(vocabulary: CapabilitySet['vocabulary'], code: string, lang: Lang): string {
  const d = vocabulary.definition(code);
  if (!d) return code;
  return lang === 'en' ? d.enHas : `${d.svGender} ${d.sv}`;
}

/**
 * The reason, e.g. "Umeå has a coordinator (since 2019) and an action plan
 * (since 2021); you have neither" (Swedish: "Umeå har en samordnare (sedan
 * 2019) och en handlingsplan (sedan 2021); ni har ingetdera"), or undefined
 * when it offers nothing. English by default.
 */
export function competenceReason(need: CompetenceNeed, candidateName: string, candidate: string, municipality: string, lang: Lang = 'en'): string | undefined {
  const offered = competenceOffered(need, candidate);
  if (offered.length === 0) return undefined;
  const vocabulary = need.caps.vocabulary;
  const label = (r: CapabilityRecord) => vocabulary.label(r.capability, lang);
  const withArticle = (r: CapabilityRecord) => capabilityWithArticle(vocabulary, r.capability, lang);
  const parts = offered.map((r) => (r.since ? message(lang, 'reasons.competence.since', { capability: withArticle(r), year: r.since.slice(0, 4) }) : withArticle(r)));
  // What the municipality's side is, per capability offered: lacking (no), setting up (planned), or asked about.
  const own = offered.map((r) => need.caps.state(municipality, r.capability));
  let you: string;
  if (own.every((s) => s === 'no')) {
    you = message(lang, offered.length === 1 ? 'reasons.competence.youDoNot' : offered.length === 2 ? 'reasons.competence.youHaveNeither' : 'reasons.competence.youHaveNone');
  } else {
    const clauses: string[] = [];
    const of = (state: (s: string) => boolean, word: (r: CapabilityRecord) => string) => offered.filter((_, k) => state(own[k]!)).map(word);
    const lacking = of((s) => s === 'no', label);
    const planned = of((s) => s === 'planned', withArticle);
    const asked = of((s) => s !== 'no' && s !== 'planned', withArticle);
    // Only asked about: "you asked about it".
    if (asked.length === offered.length) asked.splice(0, asked.length, message(lang, offered.length === 1 ? 'reasons.competence.it' : 'reasons.competence.them'));
    if (lacking.length > 0) clauses.push(message(lang, 'reasons.competence.lacking', { capabilities: formatList(lang, lacking) }));
    if (planned.length > 0) clauses.push(message(lang, 'reasons.competence.planned', { capabilities: formatList(lang, planned) }));
    if (asked.length > 0) clauses.push(message(lang, 'reasons.competence.asked', { capabilities: formatList(lang, asked) }));
    you = message(lang, 'reasons.competence.you', { clauses: formatList(lang, clauses) });
  }
  return message(lang, 'reasons.competence', { name: candidateName, offered: formatList(lang, parts), you });
}
