import { z } from 'zod';
import { cmp, indexGeography } from '../model/geography.js';
import type { Group } from '../model/groups.js';
import type { Geography } from '../model/schema.js';
import { borderGraph, EARTH_RADIUS_KM, type BorderGraph } from '../geo/distance.js';
import { csrFromEdges, type Csr } from '../model/csr.js';
import { cached } from '../model/cache.js';

/**
 * Named pair features of the learned recommender: numbers that describe a
 * candidate municipality `c` for a municipality `m`, computed from the
 * geography and from the ties `m` and `c` already have (never from the
 * group being predicted). Each is one kind of the catalogue below; a model
 * lists the features it uses by name and kind.
 *
 * Conventions: distances are great-circle km between centroids; `ln` is the
 * natural logarithm; "ties" are the municipality ties of the evidence (see
 * {@link TieGraph}); `N(x)` are the municipalities tied to `x` and
 * `deg(x) = |N(x)|`.
 */
/** The feature kinds that take no parameter. */
const PLAIN_FEATURE_KINDS = [
  'logDistance',
  'border',
  'sameCounty',
  'sameCountyLogDistance',
  'sizeDifference',
  'candidatePopulation',
  'candidatePartners',
  'commonPartners',
  'sharedPartners',
  'networkProximity',
  'partnerDistance',
  'candidatePartnerDistance',
  'candidatePartnersOnYourBorder',
  'candidateHasField',
] as const;
/** Every feature kind of the catalogue. */
export const FEATURE_KINDS = [...PLAIN_FEATURE_KINDS, 'sameAttribute'] as const;
export type FeatureKind = (typeof FEATURE_KINDS)[number];

/**
 * One feature of a model. Definitions (for `m` and candidate `c`):
 *
 * - `logDistance`: `ln(1 + km(m, c))`.
 * - `border`: 1 when `m` and `c` share a border, else 0.
 * - `sameCounty`: 1 when they are in the same county.
 * - `sameCountyLogDistance`: `sameCounty · logDistance` (how much less
 *   distance counts inside the county).
 * - `sameAttribute`: 1 when the municipality attribute `attribute` (see
 *   `Municipality.attributes`) has the same value for both, or, with
 *   `prefix`, the same first `prefix` characters; 0 when it differs or
 *   either lacks it.
 * - `sizeDifference`: `|ln P_m − ln P_c|`, populations at least 1.
 * - `candidatePopulation`: `ln P_c`.
 * - `candidatePartners`: `ln(1 + deg(c))`.
 * - `commonPartners`: `ln(1 + |N(m) ∩ N(c)|)`.
 * - `sharedPartners`: `ln(1 + RA)`, with `RA = Σ_{z ∈ N(m) ∩ N(c)} 1/deg(z)`,
 *   the resource-allocation index (Zhou, Lü & Zhang 2009).
 * - `networkProximity`: `ln(π_m(c) + 10⁻⁶)`, with `π_m` the personalised
 *   PageRank of the tie graph from `m` (Page et al. 1999; Jeh & Widom 2003):
 *   restart probability {@link PROXIMITY_RESTART} = 0.15, exactly
 *   {@link PROXIMITY_ITERATIONS} = 40 power iterations from `π = e_m`,
 *   `π ← α·e_m + (1 − α)·π·D⁻¹A`; a municipality without ties passes no
 *   mass on (so the values sum to less than 1).
 * - `partnerDistance`: `ln(1 + min(km(m, c), min_{p ∈ N(m)} km(p, c)))`:
 *   how near `c` is to you or to one of your partners.
 * - `candidatePartnerDistance`: `ln(1 + min(km(m, c), min_{q ∈ N(c)} km(m, q)))`:
 *   how near one of `c`'s partners is to you.
 * - `candidatePartnersOnYourBorder`: `ln(1 + |{q ∈ N(c) : q borders m}|)`.
 * - `candidateHasField`: 1 when `c` is a member of a group (of the
 *   evidence) in the field asked for; only in a model's field variant.
 */
export const PlainFeatureSpecSchema = z.strictObject({ name: z.string().min(1), kind: z.enum(PLAIN_FEATURE_KINDS) });
export const AttributeFeatureSpecSchema = z.strictObject({
  name: z.string().min(1),
  kind: z.literal('sameAttribute'),
  attribute: z.string().min(1),
  prefix: z.number().int().positive().optional(),
});
export const FeatureSpecSchema = z.discriminatedUnion('kind', [PlainFeatureSpecSchema, AttributeFeatureSpecSchema]);
export type FeatureSpec = z.infer<typeof FeatureSpecSchema>;

/** Restart probability of the `networkProximity` feature's personalised PageRank. */
export const PROXIMITY_RESTART = 0.15;
/** Power iterations of the `networkProximity` feature (a fixed number, so values are reproducible). */
export const PROXIMITY_ITERATIONS = 40;

/**
 * The geography as typed arrays, municipality `i` being `codes[i]` in code
 * order: the border graph (geo's `BorderGraph`: codes, index, centroids, and
 * the border neighbours as CSR `offsets`/`targets`, sorted) and what the
 * features add. Built once per geography.
 */
export interface GeoArrays extends BorderGraph {
  readonly geography: Geography;
  readonly n: number;
  readonly cosLat: Float64Array;
  /** County of each municipality, as an index into `countyCodes`. */
  readonly county: Int32Array;
  readonly countyCodes: readonly string[];
  readonly logPopulation: Float64Array;
}


/** @internal The {@link GeoArrays} of a geography (cached). */
export function geoArrays(geography: Geography): GeoArrays {
  return cached(geography, 'recommend:geoArrays', () => buildGeoArrays(geography));
}

function buildGeoArrays(geography: Geography): GeoArrays {
  const ix = indexGeography(geography);
  const municipalities = [...ix.municipality.values()];
  const n = municipalities.length;
  const countyCodes = [...new Set(municipalities.map((m) => m.county))].sort(cmp);
  const countyIndex = new Map(countyCodes.map((c, i) => [c, i]));
  const rad = Math.PI / 180;
  // The geography's border graph (geo), whose municipalities are in the same code order.
  return {
    ...borderGraph(geography),
    geography,
    n,
    cosLat: Float64Array.from(municipalities, (m) => Math.cos(m.lat * rad)),
    county: Int32Array.from(municipalities, (m) => countyIndex.get(m.county)!),
    countyCodes,
    logPopulation: Float64Array.from(municipalities, (m) => Math.log(Math.max(1, m.population))),
  };
}

/** Great-circle km between municipalities `i` and `j` (haversine, as `haversineKm`). */
export function kmBetween(g: GeoArrays, i: number, j: number): number {
  const rad = Math.PI / 180;
  const dLat = (g.lat[j]! - g.lat[i]!) * rad;
  const dLon = (g.lon[j]! - g.lon[i]!) * rad;
  const h = Math.sin(dLat / 2) ** 2 + g.cosLat[i]! * g.cosLat[j]! * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}


/** Each municipality's value of an attribute (first `prefix` characters) as an integer code; -1 when absent. @internal */
export function attributeCodes(g: GeoArrays, attribute: string, prefix: number | undefined): Int32Array {
  return cached(g.geography, `recommend:attribute:${JSON.stringify([attribute, prefix ?? null])}`, () => {
    const ix = indexGeography(g.geography);
    const values = new Map<string, number>();
    return Int32Array.from(g.codes, (c) => {
      const raw = ix.municipality.get(c)!.attributes;
      const value = raw !== undefined && Object.hasOwn(raw, attribute) ? raw[attribute]! : undefined;
      if (value === undefined || value === '') return -1;
      const v = prefix === undefined ? value : value.slice(0, prefix);
      let code = values.get(v);
      if (code === undefined) values.set(v, (code = values.size));
      return code;
    });
  });
}

/** Whether some municipality of the geography has the attribute. */
export function hasAttribute(geography: Geography, attribute: string): boolean {
  return geography.municipalities.some((m) => m.attributes !== undefined && Object.hasOwn(m.attributes, attribute) && m.attributes[attribute] !== '');
}

/**
 * The municipality ties a recommender sees: an undirected simple graph over
 * the geography's municipalities (index order of {@link GeoArrays}, ids the
 * codes), as a CSR with sorted neighbour lists and unit weights, so the
 * metric kernels (link prediction, betweenness) run on it directly.
 */
export type TieGraph = Csr;

/**
 * What ties the municipalities: direct ties (cross-municipal links between
 * their actors) and groups. The tie graph of any subset of the groups is
 * built from it (see {@link tieGraph}), which is how a group is hidden.
 */
export interface TieEvidence {
  readonly geo: GeoArrays;
  /** Direct ties: pair keys `i·n + j` (`i < j`). */
  readonly direct: readonly number[];
  readonly groups: readonly EvidenceGroup[];
  /**
   * Per municipality: 1 when it is in the network's scope (the area the data
   * covers). Only those are candidates; absent for a national scope.
   */
  readonly inScope?: Uint8Array;
}

/** A group with its members as municipality indices. */
export interface EvidenceGroup {
  readonly group: Group;
  readonly members: Int32Array;
}

/** @internal Evidence from direct tie pairs (codes) and groups. */
export function tieEvidence(geography: Geography, direct: readonly (readonly [string, string])[], groups: readonly Group[], scope?: ReadonlySet<string>): TieEvidence {
  const geo = geoArrays(geography);
  const inScope = scope === undefined ? undefined : Uint8Array.from(geo.codes, (c) => (scope.has(c) ? 1 : 0));
  const keys = new Set<number>();
  for (const [a, b] of direct) {
    const i = geo.index.get(a);
    const j = geo.index.get(b);
    if (i === undefined || j === undefined || i === j) continue;
    keys.add(i < j ? i * geo.n + j : j * geo.n + i);
  }
  return {
    geo,
    direct: [...keys].sort((x, y) => x - y),
    groups: groups.map((group) => ({ group, members: Int32Array.from(group.members.map((c) => geo.index.get(c)!).filter((i) => i !== undefined)).sort() })),
    ...(inScope && { inScope }),
  };
}

/**
 * The tie graph of the evidence with the groups for which `useGroup` is
 * false left out: `i` and `j` are tied when they have a direct tie or are
 * both members of a group that is used.
 */
export function tieGraph(ev: TieEvidence, useGroup: (index: number) => boolean = () => true): TieGraph {
  const n = ev.geo.n;
  const keys = new Set<number>(ev.direct);
  ev.groups.forEach((g, index) => {
    if (!useGroup(index)) return;
    const m = g.members;
    for (let a = 0; a < m.length; a++) for (let b = a + 1; b < m.length; b++) keys.add(m[a]! * n + m[b]!);
  });
  // Each pair once (the set), as edges in pair order: the one CSR builder sorts each row and gives unit weights.
  const ends = new Int32Array(2 * keys.size);
  let e = 0;
  for (const k of [...keys].sort((x, y) => x - y)) {
    ends[e++] = Math.floor(k / n);
    ends[e++] = k % n;
  }
  return csrFromEdges(ev.geo.codes, ends, null, ev.geo.index);
}

/** The tie graph without the one tie `a`–`b` (the same graph when they are not tied). */
export function withoutTie(t: TieGraph, a: number, b: number): TieGraph {
  if (!tied(t, a, b)) return t;
  const offsets = new Int32Array(t.offsets.length);
  const targets = new Int32Array(t.targets.length - 2);
  let w = 0;
  for (let i = 0; i < t.n; i++) {
    offsets[i] = w;
    for (let k = t.offsets[i]!; k < t.offsets[i + 1]!; k++) {
      const j = t.targets[k]!;
      if ((i === a && j === b) || (i === b && j === a)) continue;
      targets[w++] = j;
    }
  }
  offsets[t.n] = w;
  return { ...t, m: t.m - 1, offsets, targets, weights: new Float64Array(targets.length).fill(1) };
}

/** Whether `i` and `j` are tied (binary search in `i`'s sorted list). */
export function tied(t: TieGraph, i: number, j: number): boolean {
  let lo = t.offsets[i]!;
  let hi = t.offsets[i + 1]! - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = t.targets[mid]!;
    if (v === j) return true;
    if (v < j) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** Everything a feature may read for one municipality `m`: the geography, the ties, and for `candidateHasField` who is in a group of the field. */
export interface FeatureContext {
  readonly geo: GeoArrays;
  readonly ties: TieGraph;
  /** Per municipality: 1 when it is a member of a used group of the field asked for (field variant only). */
  readonly inField?: Uint8Array;
}

/**
 * The candidates of `m`: every other municipality not tied to it (and in
 * the scope, when `inScope` is given), in index (code) order.
 */
export function candidatesOf(ties: TieGraph, m: number, inScope?: Uint8Array): Int32Array {
  const out = new Int32Array(ties.n - 1 - (ties.offsets[m + 1]! - ties.offsets[m]!));
  let k = 0;
  let p = ties.offsets[m]!;
  const end = ties.offsets[m + 1]!;
  for (let c = 0; c < ties.n; c++) {
    if (c === m || (inScope !== undefined && inScope[c] === 0)) continue;
    while (p < end && ties.targets[p]! < c) p++;
    if (p < end && ties.targets[p] === c) continue;
    out[k++] = c;
  }
  return k === out.length ? out : out.slice(0, k);
}

/** The personalised PageRank of `m` over the tie graph (see `networkProximity`). */
export function proximityFrom(ties: TieGraph, m: number): Float64Array {
  const n = ties.n;
  let v = new Float64Array(n);
  let next = new Float64Array(n);
  v[m] = 1;
  const alpha = PROXIMITY_RESTART;
  for (let it = 0; it < PROXIMITY_ITERATIONS; it++) {
    next.fill(0);
    for (let i = 0; i < n; i++) {
      const mass = v[i]!;
      const deg = ties.offsets[i + 1]! - ties.offsets[i]!;
      if (mass === 0 || deg === 0) continue;
      const share = ((1 - alpha) * mass) / deg;
      for (let k = ties.offsets[i]!; k < ties.offsets[i + 1]!; k++) next[ties.targets[k]!]! += share;
    }
    next[m]! += alpha;
    [v, next] = [next, v];
  }
  return v;
}

/**
 * The feature matrix of `m`'s candidates: row `r` (candidate `cands[r]`),
 * column `f` (feature `specs[f]`) at `r · specs.length + f`.
 */
export function featureMatrix(ctx: FeatureContext, m: number, cands: Int32Array, specs: readonly FeatureSpec[]): Float64Array {
  const { geo, ties } = ctx;
  const n = geo.n;
  const F = specs.length;
  const rows = cands.length;
  const out = new Float64Array(rows * F);
  const degree = (x: number) => ties.offsets[x + 1]! - ties.offsets[x]!;
  const kinds = new Set(specs.map((s) => s.kind));
  const km = Float64Array.from(cands, (c) => kmBetween(geo, m, c));
  // Lazily computed per-m quantities, each O(n + ties) at most.
  let common: Float64Array | undefined;
  let resource: Float64Array | undefined;
  if (kinds.has('commonPartners') || kinds.has('sharedPartners')) {
    common = new Float64Array(n);
    resource = new Float64Array(n);
    for (let k = ties.offsets[m]!; k < ties.offsets[m + 1]!; k++) {
      const z = ties.targets[k]!;
      const w = 1 / degree(z);
      for (let q = ties.offsets[z]!; q < ties.offsets[z + 1]!; q++) {
        common[ties.targets[q]!]! += 1;
        resource[ties.targets[q]!]! += w;
      }
    }
  }
  const proximity = kinds.has('networkProximity') ? proximityFrom(ties, m) : undefined;
  const bordersM = new Uint8Array(n);
  for (let k = geo.offsets[m]!; k < geo.offsets[m + 1]!; k++) bordersM[geo.targets[k]!] = 1; // m's border neighbours
  let nearPartner: Float64Array | undefined;
  if (kinds.has('partnerDistance')) {
    nearPartner = Float64Array.from(km);
    for (let k = ties.offsets[m]!; k < ties.offsets[m + 1]!; k++) {
      const p = ties.targets[k]!;
      for (let r = 0; r < rows; r++) {
        const d = kmBetween(geo, p, cands[r]!);
        if (d < nearPartner[r]!) nearPartner[r] = d;
      }
    }
  }
  let kmFromM: Float64Array | undefined;
  if (kinds.has('candidatePartnerDistance')) {
    kmFromM = new Float64Array(n);
    for (let x = 0; x < n; x++) kmFromM[x] = x === m ? 0 : kmBetween(geo, m, x);
  }
  const attributes = specs.map((s) => (s.kind === 'sameAttribute' ? attributeCodes(geo, s.attribute, s.prefix) : undefined));
  for (let r = 0; r < rows; r++) {
    const c = cands[r]!;
    const base = r * F;
    const logKm = Math.log1p(km[r]!);
    const sameCounty = geo.county[m] === geo.county[c] ? 1 : 0;
    for (let f = 0; f < F; f++) {
      const spec = specs[f]!;
      let x = 0;
      switch (spec.kind) {
        case 'logDistance':
          x = logKm;
          break;
        case 'border':
          x = bordersM[c]!;
          break;
        case 'sameCounty':
          x = sameCounty;
          break;
        case 'sameCountyLogDistance':
          x = sameCounty * logKm;
          break;
        case 'sameAttribute': {
          const codes = attributes[f]!;
          x = codes[m]! >= 0 && codes[m] === codes[c] ? 1 : 0;
          break;
        }
        case 'sizeDifference':
          x = Math.abs(geo.logPopulation[m]! - geo.logPopulation[c]!);
          break;
        case 'candidatePopulation':
          x = geo.logPopulation[c]!;
          break;
        case 'candidatePartners':
          x = Math.log1p(degree(c));
          break;
        case 'commonPartners':
          x = Math.log1p(common![c]!);
          break;
        case 'sharedPartners':
          x = Math.log1p(resource![c]!);
          break;
        case 'networkProximity':
          x = Math.log(proximity![c]! + 1e-6);
          break;
        case 'partnerDistance':
          x = Math.log1p(nearPartner![r]!);
          break;
        case 'candidatePartnerDistance': {
          let d = km[r]!;
          for (let k = ties.offsets[c]!; k < ties.offsets[c + 1]!; k++) d = Math.min(d, kmFromM![ties.targets[k]!]!);
          x = Math.log1p(d);
          break;
        }
        case 'candidatePartnersOnYourBorder': {
          let count = 0;
          for (let k = ties.offsets[c]!; k < ties.offsets[c + 1]!; k++) count += bordersM[ties.targets[k]!]!;
          x = Math.log1p(count);
          break;
        }
        case 'candidateHasField':
          x = ctx.inField ? ctx.inField[c]! : 0;
          break;
      }
      out[base + f] = x;
    }
  }
  return out;
}
