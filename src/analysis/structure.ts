import { z } from 'zod';
import { cmp } from '../model/geography.js';
import { sharedProjection, type CooperationNetwork } from '../model/network.js';
import { nodeKey } from '../model/keys.js';
import type { Actor } from '../model/schema.js';
import { withColumns, type Rows } from '../model/table.js';
import { articulationPoints as articulationKernel, bridges as bridgeKernel } from '../metrics/articulation.js';
import { connectedComponents } from '../metrics/components.js';
import { coreNumbers } from '../metrics/k-core.js';
import { inducedCsr } from '../metrics/csr.js';
import { ACTOR_BASE_COLUMNS, actorRow, actorView, kindFilter, municipalityView, networkView, type ActorRowBase, type ActorView } from './view.js';
import { actorKindsOnly, KindListSchema, NetworkSchema, parseOptions } from '../model/options.js';

/** The subgraph of a view induced by the actors that pass `include`. */
function restrict(view: ActorView, include: (a: Actor) => boolean): ActorView {
  const keep = view.actors.flatMap((a, i) => (include(a) ? [i] : []));
  return { csr: inducedCsr(view.csr, keep), actors: keep.map((i) => view.actors[i]!) };
}

const KindsOption = z.strictObject({
  /** Compute on the subgraph of actors of these kinds only. Default: all actors. */
  kinds: KindListSchema.optional(),
});

/** `kinds`, or `network: 'municipalities'` (the projection): the graphs whose shape needs nothing but its ties. */
const NetworkOption = KindsOption.extend({
  /** `'actors'` (default) or `'municipalities'`: the municipality projection (see `NetworkSchema`). */
  network: NetworkSchema,
}).refine(...actorKindsOnly());

export const ComponentsOptionsSchema = NetworkOption;
export type ComponentsOptions = z.input<typeof ComponentsOptionsSchema>;

export interface ComponentRow {
  /** Component number: 0 is the largest (ties: the one holding the earliest actor). */
  component: number;
  /** Number of actors. */
  size: number;
  /** Number of municipalities among them. */
  municipalityCount: number;
  /** Codes of the counties its actors belong to, sorted. */
  counties: string[];
  /** Actor ids, in network order. */
  members: string[];
}

/**
 * Connected components of the actor graph, largest first. An isolated actor
 * is a component of its own. With the default data, the first row is the
 * main network and the tail lists the isolated or detached actors.
 *
 * @example
 * const detached = components(net).slice(1); // everything outside the main network
 */
export function components(net: CooperationNetwork, options: ComponentsOptions = {}): Rows<ComponentRow> {
  const o = parseOptions(ComponentsOptionsSchema, options, 'components', net);
  const { csr, actors } = networkView(net, o);
  const result = connectedComponents(csr);
  const rows = result.components.map((members, component) => {
    const list = members.map((i) => actors[i]!);
    return {
      component,
      size: list.length,
      municipalityCount: list.filter((a) => a.kind === 'municipality').length,
      counties: [...new Set(list.flatMap((a) => (a.county !== undefined ? [a.county] : [])))].sort(cmp),
      members: list.map((a) => a.id),
    };
  });
  return withColumns(rows, ['component', 'size', 'municipalityCount', 'counties', 'members']);
}

export const ArticulationOptionsSchema = KindsOption.extend({
  /**
   * Where to look for single points of failure: `'county'` (default) inside
   * each county's own network (the actors that belong to the county),
   * `'network'` in the whole network. (Named `scope` before 0.2.0: `scope`
   * is the area a network's data covers.)
   */
  within: z.enum(['county', 'network']).default('county'),
  /**
   * `'actors'` (default): the actor network; `'municipalities'`: the
   * municipality projection (ties direct or through shared bodies), so only
   * municipalities can be single points of failure.
   */
  network: NetworkSchema,
});
export type ArticulationOptions = z.input<typeof ArticulationOptionsSchema>;

export interface ArticulationRow extends ActorRowBase {
  /** County code the network was restricted to (`within: 'county'`), or `network`. */
  scope: string;
  /** Actors in its connected component (of the scope's network), itself included. */
  componentSize: number;
  /** Pieces the rest of the component falls into without it (≥ 2). */
  parts: number;
  /** Municipalities cut off from the main part when it is removed. */
  cutOffMunicipalities: number;
  /** Actors (municipalities included) cut off from the main part. */
  cutOffActors: number;
}

/**
 * Single points of failure: actors whose removal splits their part of the
 * network (articulation points; Hopcroft & Tarjan 1973). For each, how many
 * municipalities and actors would be cut off from the main part, the part
 * with the most municipalities. Sorted by municipalities cut off, then actors
 * cut off (both descending), then scope and id.
 *
 * @example
 * articulationPoints(net).filter((r) => r.cutOffMunicipalities > 0);
 */
export function articulationPoints(net: CooperationNetwork, options: ArticulationOptions = {}): Rows<ArticulationRow> {
  const o = parseOptions(ArticulationOptionsSchema, options, 'articulationPoints', net);
  const byKind = kindFilter(o.kinds);
  const scopes: { scope: string; include: (a: Actor) => boolean }[] =
    o.within === 'network'
      ? [{ scope: 'network', include: byKind ?? (() => true) }]
      : net.counties().map((c) => ({ scope: c.code, include: (a: Actor) => a.county === c.code && (byKind ? byKind(a) : true) }));
  const rows: ArticulationRow[] = [];
  const projection = o.network === 'municipalities' ? municipalityView(net) : undefined;
  for (const { scope, include } of scopes) {
    const { csr, actors } = projection ? restrict(projection, include) : actorView(net, include);
    const municipal = actors.map((a) => a.kind === 'municipality');
    const all = articulationKernel(csr, { countable: municipal });
    for (const p of all) {
      rows.push(actorRow(actors[p.node]!, {
        scope,
        componentSize: p.componentSize,
        parts: p.parts,
        cutOffMunicipalities: p.cutOff,
        cutOffActors: p.cutOffNodes,
      }));
    }
  }
  rows.sort((p, q) => q.cutOffMunicipalities - p.cutOffMunicipalities || q.cutOffActors - p.cutOffActors || cmp(p.scope, q.scope) || cmp(p.id, q.id));
  return withColumns(rows, [...ACTOR_BASE_COLUMNS, 'scope', 'componentSize', 'parts', 'cutOffMunicipalities', 'cutOffActors']);
}

export const BridgesOptionsSchema = NetworkOption;
export type BridgesOptions = z.input<typeof BridgesOptionsSchema>;

export interface BridgeRow {
  source: string;
  sourceName: string;
  target: string;
  targetName: string;
  /**
   * Links behind the tie (all of them form the bridge): between the pair of
   * actors; on the municipality projection, the tie's direct links and the
   * links of both to their shared bodies (`MunicipalityTie.links`).
   */
  linkCount: number;
  crossMunicipal: boolean;
  crossCounty: boolean;
}

/**
 * Bridges: pairs of actors whose tie is the only connection between two
 * parts of the network (Tarjan 1974). Losing the cooperation behind such a
 * tie disconnects the network. In network order of `source`, then `target`.
 * With `network: 'municipalities'`, pairs of municipalities whose tie (direct,
 * or through shared bodies) is the only one between two parts of the
 * projection, in code order; `crossMunicipal` is then always true.
 */
export function bridges(net: CooperationNetwork, options: BridgesOptions = {}): Rows<BridgeRow> {
  const o = parseOptions(BridgesOptionsSchema, options, 'bridges', net);
  const { csr, actors } = networkView(net, o);
  const projection = o.network === 'municipalities' ? sharedProjection(net).graph : undefined;
  // The links behind a tie and whether it crosses: of the projected tie, or of the actors' links.
  const behind = (s: Actor, t: Actor): { links: number; crossMunicipal: boolean; crossCounty: boolean } => {
    if (projection) {
      const tie = projection.getEdgeAttributes(nodeKey(s.id), nodeKey(t.id));
      return { links: tie.links.length, crossMunicipal: true, crossCounty: tie.crossCounty };
    }
    const links = net.linksBetween(s.id, t.id);
    return { links: links.length, crossMunicipal: links[0]?.crossMunicipal ?? false, crossCounty: links[0]?.crossCounty ?? false };
  };
  const rows = bridgeKernel(csr)
    .map(([u, v]) => (u < v ? [u, v] : [v, u]) as [number, number])
    .sort((p, q) => p[0] - q[0] || p[1] - q[1])
    .map(([u, v]) => {
      const s = actors[u]!;
      const t = actors[v]!;
      const tie = behind(s, t);
      return {
        source: s.id,
        sourceName: s.name,
        target: t.id,
        targetName: t.name,
        linkCount: tie.links,
        crossMunicipal: tie.crossMunicipal,
        crossCounty: tie.crossCounty,
      };
    });
  return withColumns(rows, ['source', 'sourceName', 'target', 'targetName', 'linkCount', 'crossMunicipal', 'crossCounty']);
}

export const KCoreOptionsSchema = NetworkOption;
export type KCoreOptions = z.input<typeof KCoreOptionsSchema>;

export interface KCoreRow extends ActorRowBase {
  /** Core number: the largest k such that the actor is in the k-core (every member has ≥ k partners in it). */
  core: number;
}

/**
 * k-core numbers per actor (Seidman 1983; Batagelj & Zaversnik 2003), equal
 * to `nx.core_number(G)`: the densely interconnected centre of the network
 * has the highest core number, isolated actors 0.
 */
export function kCore(net: CooperationNetwork, options: KCoreOptions = {}): Rows<KCoreRow> {
  const o = parseOptions(KCoreOptionsSchema, options, 'kCore', net);
  const { csr, actors } = networkView(net, o);
  const core = coreNumbers(csr);
  return withColumns(
    actors.map((a, i) => actorRow(a, { core: core[i]! })),
    [...ACTOR_BASE_COLUMNS, 'core'],
  );
}
