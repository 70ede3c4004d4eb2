import { UndirectedGraph } from 'graphology';
import type { NetworkStorage, PairEdgeAttributes } from './network-storage.js';

/** Node attributes of {@link CooperationNetwork.graph}. */
export interface ActorNodeAttributes {
  /** The actor id (the node key is the id too, except for ids escaped by {@link nodeKey}). */
  id: string;
  name: string;
  kind: string;
  municipality?: string;
  county?: string;
}

/**
 * The graphology view of a network's storage: one node per actor (key
 * `nodeKey(id)`), one edge per linked pair (key `e<pair>`, in the order of
 * the pairs' first links) with the pair's aggregated attributes. Only for
 * callers who want graphology: the analyses run on the pair table.
 */
export function buildActorGraph(storage: NetworkStorage): UndirectedGraph<ActorNodeAttributes, PairEdgeAttributes> {
  const graph = new UndirectedGraph<ActorNodeAttributes, PairEdgeAttributes>({ allowSelfLoops: false });
  const { keys, ends } = storage.pairTable();
  storage.actorList.forEach((actor, i) => {
    const attributes: ActorNodeAttributes = { id: actor.id, name: actor.name, kind: actor.kind };
    if (actor.municipality !== undefined) attributes.municipality = actor.municipality;
    if (actor.county !== undefined) attributes.county = actor.county;
    graph.addNode(keys[i]!, attributes);
  });
  // Copies: the graph is the caller's to change (graphology algorithms write attributes), the pair table is not.
  storage.pairAttributes.forEach((a, p) =>
    graph.addEdgeWithKey(`e${p}`, keys[ends[2 * p]!]!, keys[ends[2 * p + 1]!]!, { weight: a.weight, count: a.count, kinds: a.kinds, links: [...a.links], crossMunicipal: a.crossMunicipal, crossCounty: a.crossCounty }),
  );
  return graph;
}
