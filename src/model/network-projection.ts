import { UndirectedGraph } from 'graphology';
import { z } from 'zod';
import { cached } from './cache.js';
import { cmp, indexGeography } from './geography.js';
import { nodeKey } from './keys.js';
import type { PairCounts, PairEdgeAttributes } from './network-storage.js';
import { KindOptionSchema, parseOptions } from './options.js';
import type { Actor, Geography } from './schema.js';

/** A municipality–municipality cooperation tie and what lies behind it. */
export interface MunicipalityTie {
  /** Municipality code, `a < b`. */
  a: string;
  b: string;
  /** Number of direct cross-municipal links between actors of `a` and actors of `b`. */
  direct: number;
  /** Ids of the shared bodies (e.g. a fire-and-rescue association) both municipalities are linked to. */
  bodies: string[];
  /** Indices of the links behind the tie: the direct links and the links to the shared bodies. */
  links: number[];
  /** Summed weight of the direct links plus 1 per shared body. */
  weight: number;
  /** `a` and `b` are in different counties. */
  crossCounty: boolean;
}

export const MunicipalityProjectionOptionsSchema = z.strictObject({
  /**
   * Actor kinds whose members cooperate with each other: two municipalities
   * linked to the same actor of one of these kinds are tied. Default `['joint_body']`.
   */
  via: z.array(KindOptionSchema).readonly().optional(),
  /**
   * Which direct links count: `'any'` (default) counts every cross-municipal
   * link, whatever actors it joins (a civil-society group in one municipality
   * working with a congregation in another ties the two municipalities);
   * `'municipalities'` counts only links between two municipality actors.
   */
  endpoints: z.enum(['any', 'municipalities']).optional(),
});
export type MunicipalityProjectionOptions = z.input<typeof MunicipalityProjectionOptionsSchema>;

/** Municipality–municipality cooperation, as a graph and as tidy rows. */
export interface MunicipalityProjection {
  /** One node per municipality of the geography (key: `nodeKey(code)`), one edge per tie, with the tie's fields as attributes. */
  readonly graph: UndirectedGraph<{ name: string; county: string; population: number }, MunicipalityTie>;
  /** The ties, sorted by `a` then `b` (frozen: shared between calls). */
  readonly ties: readonly Readonly<MunicipalityTie>[];
}

/**
 * What the projection reads of a network: its public accessors, so this
 * module needs no import of the network class (a `CooperationNetwork` is one).
 */
export interface ProjectionSource {
  readonly geography: Geography;
  actor(id: string): Actor | undefined;
  pairCounts(): PairCounts;
  actors(): Actor[];
  forEachPartner(id: string, callback: (partner: Actor, pair: Readonly<PairEdgeAttributes>) => void): void;
}

/**
 * The projection a caller asks for (`CooperationNetwork.municipalityProjection`):
 * options checked, kinds named as in files (`Kommunalförbund` is
 * joint_body, as every other function reads them). The ties are frozen and
 * shared; the graph is the caller's own copy.
 */
export function municipalityProjection(net: ProjectionSource, options: MunicipalityProjectionOptions = {}): MunicipalityProjection {
  const o = parseOptions(MunicipalityProjectionOptionsSchema, options, 'municipalityProjection', net);
  const via = o.via;
  const shared = sharedProjection(net, { ...(via && { via }), ...(o.endpoints && { endpoints: o.endpoints }) });
  return { ties: shared.ties, graph: shared.graph.copy() };
}

/**
 * @internal The municipality projection, computed once per network and
 * options and shared by the analyses (coverage, gaps, recommendations all
 * need it). Its ties are frozen; its graph must not be changed, which is why
 * {@link municipalityProjection} hands callers a copy instead.
 */
export function sharedProjection(net: ProjectionSource, options: MunicipalityProjectionOptions = {}): MunicipalityProjection {
  const via = [...(options.via ?? ['joint_body'])].sort(cmp);
  const endpoints = options.endpoints ?? 'any';
  return cached(net, `projection:${JSON.stringify([via, endpoints])}`, () => computeProjection(net, via, endpoints));
}

/**
 * Two municipalities are tied when a cross-municipal link joins their
 * actors (of any kind, or municipalities only with `endpoints:
 * 'municipalities'`), or when both are linked to the same actor of a `via`
 * kind (members of one fire-and-rescue association cooperate with each other).
 */
function computeProjection(net: ProjectionSource, via: readonly string[], endpoints: 'any' | 'municipalities'): MunicipalityProjection {
  const ties = new Map<string, MunicipalityTie>();
  const tie = (x: string, y: string): MunicipalityTie => {
    const [a, b] = x < y ? [x, y] : [y, x];
    const k = `${a}\u0000${b}`;
    let t = ties.get(k);
    if (!t) {
      const crossCounty = net.actor(a)!.county !== net.actor(b)!.county;
      ties.set(k, (t = { a, b, direct: 0, bodies: [], links: [], weight: 0, crossCounty }));
    }
    return t;
  };

  // The links in link order, read from the pair and link columns (no link objects: a million of them cost hundreds of MB).
  const actors = net.actors();
  const { ends, cross, linkPair, linkWeight } = net.pairCounts();
  for (let index = 0; index < linkPair.length; index++) {
    const p = linkPair[index]!;
    if ((cross[p]! & 1) === 0) continue;
    const s = actors[ends[2 * p]!]!;
    const t = actors[ends[2 * p + 1]!]!;
    if (endpoints === 'municipalities' && (s.kind !== 'municipality' || t.kind !== 'municipality')) continue;
    const entry = tie(s.municipality!, t.municipality!);
    entry.direct += 1;
    entry.weight += linkWeight[index]!;
    entry.links.push(index);
  }

  const viaKinds = new Set(via);
  for (const body of actors) {
    if (!viaKinds.has(body.kind)) continue;
    const members: { code: string; links: number[] }[] = [];
    net.forEachPartner(body.id, (partner, pair) => {
      if (partner.kind === 'municipality') members.push({ code: partner.id, links: pair.links });
    });
    members.sort((p, q) => cmp(p.code, q.code));
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        const entry = tie(members[i]!.code, members[j]!.code);
        entry.bodies.push(body.id);
        entry.weight += 1;
        entry.links.push(...members[i]!.links, ...members[j]!.links);
      }
    }
  }

  const sorted = [...ties.values()].sort((p, q) => cmp(p.a, q.a) || cmp(p.b, q.b));
  const graph = new UndirectedGraph<{ name: string; county: string; population: number }, MunicipalityTie>();
  // Every municipality actor: the scope's, and those outside it that the data names (a tie may reach them).
  const ix = indexGeography(net.geography);
  for (const a of actors) {
    if (a.kind !== 'municipality') continue;
    const m = ix.municipality.get(a.id)!;
    graph.addNode(nodeKey(m.code), { name: m.name, county: m.county, population: m.population });
  }
  for (const t of sorted) {
    t.bodies.sort(cmp);
    t.links = [...new Set(t.links)].sort((x, y) => x - y);
    Object.freeze(t.bodies);
    Object.freeze(t.links);
    graph.addEdge(nodeKey(t.a), nodeKey(t.b), Object.freeze(t));
  }
  return { graph, ties: Object.freeze(sorted) };
}
