import { fieldDefinition } from '../model/fields.js';
import { indexGeography } from '../model/geography.js';
import { formatCount as fmt, joinNames as list, plural } from '../model/words.js';
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
 * only, become its reasons, strongest first.
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
  readonly features: readonly ModelFeature[];
}

/** SKR's three main municipality groups (the first letter of `skr_kommungrupp_2023`). */
const SKR_MAIN_GROUPS: Readonly<Record<string, string>> = {
  A: 'large cities and municipalities near them',
  B: 'medium-sized towns and municipalities near them',
  C: 'smaller towns, urban areas and rural municipalities',
};

const names = (geo: GeoArrays, indices: readonly number[]) => {
  const ix = indexGeography(geo.geography);
  return indices.map((i) => ix.municipality.get(geo.codes[i]!)!.name);
};
const someNames = (all: readonly string[]) => (all.length <= 3 ? list(all) : `${all.slice(0, 3).join(', ')} and ${all.length - 3} more`);
const neighboursOf = (t: TieGraph, i: number) => [...t.targets.subarray(t.offsets[i]!, t.offsets[i + 1]!)];
function bordersOf(geo: GeoArrays, i: number, j: number): boolean {
  for (let k = geo.borderOffsets[i]!; k < geo.borderOffsets[i + 1]!; k++) if (geo.borderTargets[k] === j) return true;
  return false;
}

/** The sentence of one topic for the pair. */
export function reasonSentence(topic: ReasonTopic, facts: ReasonFacts, alsoRegion: boolean): string {
  const { geo, ties, m, c } = facts;
  const ix = indexGeography(geo.geography);
  const own = ix.municipality.get(geo.codes[m]!)!;
  const cand = ix.municipality.get(geo.codes[c]!)!;
  switch (topic) {
    case 'place': {
      const km = `${fmt(Math.round(facts.km))} km away`;
      return bordersOf(geo, m, c) ? `${km}, shares a border` : km;
    }
    case 'county': {
      const county = ix.county.get(own.county)?.name ?? own.county;
      return alsoRegion ? `in the same county and labour-market region (${county})` : `in the same county (${county})`;
    }
    case 'region':
      return 'in the same labour-market region';
    case 'group': {
      const letter = own.attributes?.skr_kommungrupp_2023?.slice(0, 1) ?? '';
      const words = SKR_MAIN_GROUPS[letter];
      return words ? `the same kind of municipality as you (SKR group ${letter}: ${words})` : 'the same kind of municipality as you';
    }
    case 'attribute': {
      const feature = facts.features.find((f) => f.kind === 'sameAttribute' && topicOf(f) === 'attribute');
      const attribute = feature?.kind === 'sameAttribute' ? feature.attribute : '';
      return `the same ${attribute.replace(/_/g, ' ')} as you (${own.attributes?.[attribute] ?? ''})`;
    }
    case 'size':
      return `of a similar size (${fmt(cand.population)} inhabitants; you have ${fmt(own.population)})`;
    case 'free': {
      const d = ties.offsets[c + 1]! - ties.offsets[c]!;
      return d === 0 ? `${cand.name} is in no joint body or agreement with another municipality yet` : `${cand.name} cooperates with few municipalities yet (${plural(d, 'municipality', 'municipalities')})`;
    }
    case 'network': {
      const mine = new Set(neighboursOf(ties, m));
      const shared = neighboursOf(ties, c).filter((z) => mine.has(z));
      const count = shared.length === 1 ? 'one of your partners' : `${fmt(shared.length)} of your partners`;
      if (shared.length > 0) return `${cand.name} already works with ${count} (${someNames(names(geo, shared).sort())})`;
      return `${cand.name} is close to you in the cooperation network`;
    }
    case 'partners': {
      // The closest link between the two networks: a partner of the candidate on your border,
      // else the nearer of your partner nearest the candidate and its partner nearest you.
      const onBorder = neighboursOf(ties, c).filter((q) => bordersOf(geo, m, q));
      if (onBorder.length > 0) return `its ${onBorder.length === 1 ? 'partner' : 'partners'} ${someNames(names(geo, onBorder))} ${onBorder.length === 1 ? 'borders' : 'border'} you`;
      const nearest = (from: readonly number[], to: number) => from.reduce<{ i: number; km: number } | undefined>((best, i) => {
        const km = kmBetween(geo, i, to);
        return !best || km < best.km ? { i, km } : best;
      }, undefined);
      const yours = nearest(neighboursOf(ties, m), c);
      const theirs = nearest(neighboursOf(ties, c), m);
      if (yours && (!theirs || yours.km <= theirs.km)) return `near your partner ${names(geo, [yours.i])[0]} (${fmt(Math.round(yours.km))} km)`;
      if (theirs) return `its partner ${names(geo, [theirs.i])[0]} is ${fmt(Math.round(theirs.km))} km from you`;
      return `${fmt(Math.round(facts.km))} km away`;
    }
    case 'field': {
      const label = facts.field ? (fieldDefinition(facts.field)?.en ?? facts.field) : 'this field';
      return `${cand.name} is in no joint body for ${label} yet`;
    }
  }
}
