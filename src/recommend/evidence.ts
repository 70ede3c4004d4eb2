import { cmp, indexGeography } from '../model/geography.js';
import { nodeKey } from '../model/keys.js';
import { scopeSet, sharedProjection, type CooperationNetwork } from '../model/network.js';
import type { Geography } from '../model/schema.js';
import { betweennessCentrality } from '../metrics/betweenness.js';
import { csrFromLists, type Csr } from '../model/csr.js';
import { borderGraph, borderStepArray } from '../geo/distance.js';
import { cached } from '../model/cache.js';

/** A partner actor as the recommender sees it: static facts, no links. */
export interface PartnerActor {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  /** The municipality the actor belongs to, if any. */
  readonly municipality: string | undefined;
}

/** What lies behind an existing municipality tie (for the reasons of a flagged tie). */
export interface TieInfo {
  /** Direct cross-municipal links between the two municipalities' actors. */
  readonly direct: number;
  /** Names of the shared bodies. */
  readonly bodies: readonly string[];
}

/**
 * Everything the recommender's scorer may look at, and nothing else: the
 * municipality-level picture of a network.
 *
 * - `ties`: the municipality projection (a tie when a cross-municipal link
 *   joins the two municipalities' actors, or both are linked to a shared body
 *   of a `via` kind), as adjacency sets over municipality indices.
 * - `partners`: each municipality's direct partners in the actor graph: the
 *   actors other than municipalities, and other than the `via` kinds (shared
 *   bodies are already ties in the projection, so they are not counted a
 *   second time), linked to the municipality actor itself.
 *
 * Held-out evaluation removes the evidence of hidden ties from an
 * `Evidence` ({@link withoutPairs}); scorers never read the network's links.
 */
export interface Evidence {
  readonly geography: Geography;
  /** Every municipality code of the geography, in code order; municipality `i` is `codes[i]`. */
  readonly codes: readonly string[];
  /**
   * The codes of the network's scope (see `CooperationNetwork.scope`): the
   * municipalities the data covers. Candidates and evaluation pairs are
   * drawn from them; the others are indexed only so that links the data
   * names to them count.
   */
  readonly scope: ReadonlySet<string>;
  readonly index: ReadonlyMap<string, number>;
  /** `ties[i]`: indices of the municipalities tied to `i`. */
  readonly ties: readonly ReadonlySet<number>[];
  /** `partners[i]`: ids of the direct partner actors of municipality `i`. */
  readonly partners: readonly ReadonlySet<string>[];
  /** Every partner actor by id (static facts only). */
  readonly actors: ReadonlyMap<string, PartnerActor>;
  /** Key `${i},${j}` with `i < j` → what lies behind the tie. */
  readonly tieInfo: ReadonlyMap<string, TieInfo>;
}

/** The key of an unordered municipality pair in {@link Evidence.tieInfo}. */
export function pairKey(i: number, j: number): string {
  return i < j ? `${i},${j}` : `${j},${i}`;
}

/** The evidence of a network (see {@link Evidence}); `via` as in `municipalityProjection`. */
export function evidenceOf(net: CooperationNetwork, via: readonly string[]): Evidence {
  // Indexed over the whole geography, not the scope: snapshots (asOf) and
  // filtered copies of a network then share indices whatever their links name.
  const codes = [...indexGeography(net.geography).municipality.keys()].sort(cmp);
  const index = new Map(codes.map((c, i) => [c, i]));
  const ties = codes.map(() => new Set<number>());
  const tieInfo = new Map<string, TieInfo>();
  for (const t of sharedProjection(net, { via }).ties) {
    const i = index.get(t.a)!;
    const j = index.get(t.b)!;
    ties[i]!.add(j);
    ties[j]!.add(i);
    tieInfo.set(pairKey(i, j), { direct: t.direct, bodies: t.bodies.map((b) => net.actor(b)?.name ?? b) });
  }
  const viaKinds = new Set(via);
  const actors = new Map<string, PartnerActor>();
  const partners = codes.map((code) => {
    const set = new Set<string>();
    net.forEachPartner(code, (partner) => {
      if (partner.kind === 'municipality' || viaKinds.has(partner.kind)) return;
      const id = partner.id;
      set.add(id);
      if (!actors.has(id)) actors.set(id, { id, name: partner.name, kind: partner.kind, municipality: partner.municipality });
    });
    return set;
  });
  return { geography: net.geography, codes, scope: scopeSet(net), index, ties, partners, actors, tieInfo };
}

/**
 * The evidence with the given municipality pairs hidden: each pair's tie is
 * removed from the projection, and so is every partner entry that is itself
 * evidence of the tie (an actor of one municipality linked directly to the
 * other municipality: such a link is what ties the pair). Co-membership of a
 * shared body leaves no other trace, since bodies are not partners (see
 * {@link Evidence}). The other members of the body keep their ties to both:
 * that is ordinary structure (triadic closure), not evidence of the pair.
 */
export function withoutPairs(ev: Evidence, pairs: readonly (readonly [number, number])[]): Evidence {
  const ties = ev.ties.map((s) => new Set(s));
  const partners = ev.partners.map((s) => new Set(s));
  const tieInfo = new Map(ev.tieInfo);
  for (const [i, j] of pairs) {
    ties[i]!.delete(j);
    ties[j]!.delete(i);
    tieInfo.delete(pairKey(i, j));
    for (const [x, y] of [[i, j], [j, i]] as const) {
      const other = ev.codes[y]!;
      for (const id of ev.partners[x]!) if (ev.actors.get(id)!.municipality === other) partners[x]!.delete(id);
    }
  }
  return { ...ev, ties, partners, tieInfo };
}

/**
 * The evidence with its ties replaced by those of a tie graph over the same
 * municipalities (code order): what the hand-weighted scorer sees when a
 * group is hidden. Partners stay: a joint body is not a partner (see
 * {@link Evidence}), so hiding one changes only the ties.
 */
export function withTies(ev: Evidence, ties: Csr): Evidence {
  const sets = ev.codes.map((_, i) => new Set(ties.targets.subarray(ties.offsets[i]!, ties.offsets[i + 1]!)));
  const tieInfo = new Map([...ev.tieInfo].filter(([key]) => {
    const [i, j] = key.split(',').map(Number);
    return sets[i!]!.has(j!);
  }));
  return { ...ev, ties: sets, tieInfo };
}

/**
 * Quantities derived once from an {@link Evidence} and shared by every
 * scored pair.
 */
export interface Features {
  readonly ev: Evidence;
  /**
   * The cooperation graph the shared-partner component runs on: nodes
   * `0..n-1` are the municipalities (in code order), then the partner actors
   * (by id, code-point order); edges are the municipality ties and each
   * municipality's links to its direct partners. Unweighted.
   */
  readonly star: Csr;
  /** The municipality projection alone (nodes `0..n-1`), unweighted. */
  readonly projection: Csr;
  /** Betweenness of each municipality in `projection` (NetworkX normalisation). */
  readonly betweenness: Float64Array;
  readonly maxBetweenness: number;
  /** Partners of each municipality: its degree in `star` (municipality ties plus partner actors). */
  readonly partnerCount: Int32Array;
  readonly maxPartnerCount: number;
  /** Per municipality: partner kind → number of direct partners of that kind. */
  readonly kindCounts: readonly ReadonlyMap<string, number>[];
  /** Per county code: the other counties its municipalities are tied to. */
  readonly countiesReached: ReadonlyMap<string, ReadonlySet<string>>;
  /** Natural log of the smallest population (at least 1), and the log-range to the largest. */
  readonly logPopMin: number;
  readonly logPopRange: number;
}

export function featuresOf(ev: Evidence): Features {
  const n = ev.codes.length;
  const ix = indexGeography(ev.geography);
  const actorIds = [...new Set(ev.partners.flatMap((s) => [...s]))].sort(cmp);
  const actorIndex = new Map(actorIds.map((id, k) => [id, n + k]));
  const starLists: number[][] = Array.from({ length: n + actorIds.length }, () => []);
  const projLists: number[][] = Array.from({ length: n }, () => []);
  for (let i = 0; i < n; i++) {
    for (const j of ev.ties[i]!) {
      starLists[i]!.push(j);
      projLists[i]!.push(j);
    }
    for (const id of ev.partners[i]!) {
      const k = actorIndex.get(id)!;
      starLists[i]!.push(k);
      starLists[k]!.push(i);
    }
  }
  const star = csrFromLists([...ev.codes.map(nodeKey), ...actorIds.map((id) => `actor:${id}`)], starLists);
  const projection = csrFromLists(ev.codes.map(nodeKey), projLists);
  const betweenness = betweennessCentrality(projection);
  const partnerCount = new Int32Array(n);
  for (let i = 0; i < n; i++) partnerCount[i] = star.offsets[i + 1]! - star.offsets[i]!;
  const kindCounts = ev.partners.map((set) => {
    const counts = new Map<string, number>();
    for (const id of set) {
      const kind = ev.actors.get(id)!.kind;
      counts.set(kind, (counts.get(kind) ?? 0) + 1);
    }
    return counts;
  });
  const countiesReached = new Map<string, Set<string>>();
  for (const c of ev.geography.counties) countiesReached.set(c.code, new Set());
  for (let i = 0; i < n; i++) {
    const ci = ix.municipality.get(ev.codes[i]!)!.county;
    for (const j of ev.ties[i]!) {
      const cj = ix.municipality.get(ev.codes[j]!)!.county;
      if (ci !== cj) countiesReached.get(ci)?.add(cj);
    }
  }
  const pops = ev.codes.map((c) => Math.max(1, ix.municipality.get(c)!.population));
  const logPopMin = Math.log(Math.min(...pops));
  const logPopMax = Math.log(Math.max(...pops));
  let maxBetweenness = 0;
  for (const b of betweenness) if (b > maxBetweenness) maxBetweenness = b;
  let maxPartnerCount = 0;
  for (const p of partnerCount) if (p > maxPartnerCount) maxPartnerCount = p;
  return {
    ev,
    star,
    projection,
    betweenness,
    maxBetweenness,
    partnerCount,
    maxPartnerCount,
    kindCounts,
    countiesReached,
    logPopMin,
    logPopRange: logPopMax - logPopMin,
  };
}


/**
 * Border steps from `code` to every municipality reachable over land borders
 * (`get` is `undefined` for the others), cached per geography and code as a
 * compact array (a map per municipality would hold millions of entries on a
 * country of thousands of municipalities).
 */
export function stepsFrom(geography: Geography, code: string): { get(code: string): number | undefined } {
  return cached(geography, `recommend:steps:${code}`, () => {
    const graph = borderGraph(geography);
    const start = graph.index.get(code);
    const array = start === undefined ? null : Int16Array.from(borderStepArray(graph, start).steps, (s) => Math.min(s, 32767));
    return {
      get: (other: string) => {
        const i = graph.index.get(other);
        const s = i === undefined || array === null ? -1 : array[i]!;
        return s < 0 ? undefined : s;
      },
    };
  });
}
