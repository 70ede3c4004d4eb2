import { fieldDefinition } from '../model/fields.js';
import { indexGeography } from '../model/geography.js';
import { message, messageCount, type Lang, type MessageKey } from '../model/i18n/index.js';
import { kindCount, someNames } from '../model/words.js';
import { kmBetween, type GeoArrays, type TieGraph } from './pair-features.js';
import type { ModelFeature } from './recommender-model.js';

/**
 * The reasons of a learned-model suggestion, in plain words. Features are
 * gathered into topics (the place, the county, the region, the kind of
 * municipality, size, how free the candidate is, the network, your
 * partners' neighbourhood, the field); a topic's contribution to a
 * candidate is the sum of `coefficient · (value − mean value over this
 * municipality's candidates)` of its features: how much it lifts this
 * candidate above the others. The topics that lift it most, positive
 * only, become its reasons, strongest first; a topic whose fact does not
 * hold for the pair (not in the same county, no shared partner, sizes far
 * apart) gives no sentence, so every reason states something true of it.
 */
export type ReasonTopic = 'place' | 'county' | 'region' | 'group' | 'size' | 'free' | 'network' | 'partners' | 'field' | 'attribute';

/** The topic of each feature kind (a `sameAttribute` feature is `region`, `group` or `attribute` by its name). */
export function topicOf(feature: ModelFeature): ReasonTopic {
  switch (feature.kind) {
    case 'logDistance':
    case 'border':
      return 'place';
    case 'sameCounty':
    case 'sameCountyLogDistance':
      return 'county';
    case 'sameAttribute':
      return feature.name === 'sameLabourMarketRegion' ? 'region' : feature.name === 'sameMunicipalityGroup' ? 'group' : 'attribute';
    case 'sizeDifference':
    case 'candidatePopulation':
      return 'size';
    case 'candidatePartners':
      return 'free';
    case 'commonPartners':
    case 'sharedPartners':
    case 'networkProximity':
      return 'network';
    case 'partnerDistance':
    case 'candidatePartnerDistance':
    case 'candidatePartnersOnYourBorder':
      return 'partners';
    case 'candidateHasField':
      return 'field';
  }
}

/** What a reason sentence may read about the pair. */
export interface ReasonFacts {
  readonly geo: GeoArrays;
  readonly ties: TieGraph;
  readonly m: number;
  readonly c: number;
  readonly km: number;
  readonly field: string | undefined;
  /** Per municipality: 1 when it is already in a body of `field`. */
  readonly inField: Uint8Array | undefined;
  readonly features: readonly ModelFeature[];
  /** The language of the sentence. */
  readonly lang: Lang;
}

/** Sizes within this factor of each other are "similar". */
export const SIMILAR_SIZE_RATIO = 2;
/** A candidate with at most this many partner municipalities "cooperates with few". */
export const FEW_PARTNERS = 3;

/** SKR's three main municipality groups (the first letter of `skr_kommungrupp_2023`), described by the catalogue's `reasons.skrGroup.<letter>`. */
const SKR_MAIN_GROUPS: ReadonlySet<string> = new Set(['A', 'B', 'C']);

const names = (geo: GeoArrays, indices: readonly number[]) => {
  const ix = indexGeography(geo.geography);
  return indices.map((i) => ix.municipality.get(geo.codes[i]!)!.name);
};
const neighboursOf = (t: TieGraph, i: number) => [...t.targets.subarray(t.offsets[i]!, t.offsets[i + 1]!)];
function bordersOf(geo: GeoArrays, i: number, j: number): boolean {
  for (let k = geo.offsets[i]!; k < geo.offsets[i + 1]!; k++) if (geo.targets[k] === j) return true;
  return false;
}

type Attributed = { attributes?: Readonly<Record<string, string>> };
/** The value of a municipality attribute (its first `prefix` characters, as the feature compares) that `own` and `cand` share, if they do. */
function sharedValue(own: Attributed, cand: Attributed, attribute: string, prefix: number | undefined): string | undefined {
  const cut = (v: string | undefined) => (v === undefined || v === '' ? undefined : prefix === undefined ? v : v.slice(0, prefix));
  const value = cut(own.attributes?.[attribute]);
  return value !== undefined && cut(cand.attributes?.[attribute]) === value ? value : undefined;
}

/**
 * The sentence of one topic for the pair, or `undefined` when the topic's
 * fact does not hold for it (the model may still rank the candidate up on
 * that topic, e.g. a nearer partner network, but a reason must be true).
 */
export function reasonSentence(topic: ReasonTopic, facts: ReasonFacts, alsoRegion: boolean): string | undefined {
  const { geo, ties, m, c, lang } = facts;
  const ix = indexGeography(geo.geography);
  const own = ix.municipality.get(geo.codes[m]!)!;
  const cand = ix.municipality.get(geo.codes[c]!)!;
  switch (topic) {
    case 'place': {
      const km = Math.round(facts.km);
      return message(lang, bordersOf(geo, m, c) ? 'reasons.distance.border' : 'reasons.distance', { km });
    }
    case 'county': {
      if (own.county !== cand.county) return undefined;
      const county = ix.county.get(own.county)?.name ?? own.county;
      return message(lang, alsoRegion ? 'reasons.sameCountyAndRegion' : 'reasons.sameCounty', { county });
    }
    case 'region':
    case 'group':
    case 'attribute': {
      const feature = facts.features.find((f) => f.kind === 'sameAttribute' && topicOf(f) === topic);
      if (feature?.kind !== 'sameAttribute') return undefined;
      const value = sharedValue(own, cand, feature.attribute, feature.prefix);
      if (value === undefined) return undefined;
      if (topic === 'region') return message(lang, 'reasons.sameRegion');
      if (topic === 'group') {
        const letter = value.slice(0, 1);
        return SKR_MAIN_GROUPS.has(letter)
          ? message(lang, 'reasons.skrGroup', { letter, group: message(lang, `reasons.skrGroup.${letter}` as MessageKey) })
          : message(lang, 'reasons.sameGroup', { value });
      }
      return message(lang, 'reasons.sameAttribute', { attribute: feature.attribute.replace(/_/g, ' '), value });
    }
    case 'size': {
      const ratio = Math.max(cand.population, own.population) / Math.max(1, Math.min(cand.population, own.population));
      return ratio <= SIMILAR_SIZE_RATIO ? message(lang, 'reasons.similarSize', { population: Math.round(cand.population), ownPopulation: Math.round(own.population) }) : undefined;
    }
    case 'free': {
      const d = ties.offsets[c + 1]! - ties.offsets[c]!;
      if (d > FEW_PARTNERS) return undefined;
      return d === 0 ? message(lang, 'reasons.free.none', { name: cand.name }) : message(lang, 'reasons.free.few', { name: cand.name, municipalities: kindCount('municipality', d, lang) });
    }
    case 'network': {
      const mine = new Set(neighboursOf(ties, m));
      const shared = neighboursOf(ties, c).filter((z) => mine.has(z));
      if (shared.length === 0) return undefined;
      return messageCount(lang, 'reasons.network', shared.length, { name: cand.name, names: someNames(names(geo, shared).sort(), lang) });
    }
    case 'partners': {
      // The closest link between the two networks: a partner of the candidate on your border,
      // else the nearer of your partner nearest the candidate and its partner nearest you.
      const onBorder = neighboursOf(ties, c).filter((q) => bordersOf(geo, m, q));
      if (onBorder.length > 0) return messageCount(lang, 'reasons.partnersOnBorder', onBorder.length, { names: someNames(names(geo, onBorder), lang) });
      const nearest = (from: readonly number[], to: number) => from.reduce<{ i: number; km: number } | undefined>((best, i) => {
        const km = kmBetween(geo, i, to);
        return !best || km < best.km ? { i, km } : best;
      }, undefined);
      const yours = nearest(neighboursOf(ties, m), c);
      const theirs = nearest(neighboursOf(ties, c), m);
      if (yours && (!theirs || yours.km <= theirs.km)) return message(lang, 'reasons.nearYourPartner', { partner: names(geo, [yours.i])[0]!, km: Math.round(yours.km) });
      if (theirs) return message(lang, 'reasons.theirPartnerNear', { partner: names(geo, [theirs.i])[0]!, km: Math.round(theirs.km) });
      return undefined;
    }
    case 'field': {
      if (!facts.inField) return undefined;
      const label = facts.field ? (fieldDefinition(facts.field)?.[lang] ?? facts.field) : message(lang, 'reasons.field.thisField');
      return message(lang, facts.inField[c] === 1 ? 'reasons.field.in' : 'reasons.field.notIn', { name: cand.name, field: label });
    }
  }
}
