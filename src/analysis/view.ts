import { actorIdOf, nodeKey } from '../model/keys.js';
import { checkNetwork, sharedProjection, type CooperationNetwork } from '../model/network.js';
import type { Actor } from '../model/schema.js';
import { csrFromEdges, toCsr, type Csr } from '../metrics/csr.js';
import { cached } from '../model/cache.js';
import { geographyName } from '../model/geography.js';
import { resolveLang, type Lang } from '../model/i18n/index.js';
import { describeScope } from '../model/scope.js';

/** The identifying columns every actor row starts with. Absent values are `null`, so every row has every column. */
export interface ActorRowBase {
  id: string;
  name: string;
  kind: string;
  municipality: string | null;
  county: string | null;
}

export const ACTOR_BASE_COLUMNS = ['id', 'name', 'kind', 'municipality', 'county'] as const;

export function actorRowBase(actor: Actor): ActorRowBase {
  return { id: actor.id, name: actor.name, kind: actor.kind, municipality: actor.municipality ?? null, county: actor.county ?? null };
}

/**
 * An actor row: the base columns, then `fields`. Not `{ ...actorRowBase(a), … }`:
 * on Node 20 that spread costs ~8 µs and over 1 KB per row, which at half a
 * million actors is seconds and a gigabyte; `Object.assign` onto the base
 * object is 15 times cheaper.
 */
export function actorRow<T extends object>(actor: Actor, fields: T): ActorRowBase & T {
  return Object.assign(actorRowBase(actor), fields);
}

/** A typed-array view of (part of) the actor graph, aligned with its actors. */
export interface ActorView {
  csr: Csr;
  /** `actors[i]` is node `i` of `csr`. */
  actors: Actor[];
}

/**
 * The actor graph as CSR, optionally restricted to some actors (the subgraph
 * they induce): those of the given `kinds`, or those for which a predicate
 * is true. Node order is the network's actor order: municipalities by code,
 * then the other actors in input order. The views of the whole network and
 * of a list of kinds are built once per network and shared by every
 * analysis (callers must not mutate them).
 */
export function actorView(net: CooperationNetwork, filter?: readonly string[] | ((actor: Actor) => boolean)): ActorView {
  const build = (include?: (actor: Actor) => boolean): ActorView => {
    // From the network's pair table, not its graphology graph (which is then never built).
    if (include) return actorViewsByGroup(net, (a) => (include(a) ? '' : undefined)).get('') ?? { csr: csrFromEdges([], new Int32Array(0), null), actors: [] };
    const { keys, ends, weights } = net.pairTable();
    const csr = csrFromEdges(keys, ends, weights);
    // The actor objects on first use: a loaded network keeps its actors as columns, and a CSR view alone needs none (issue 16).
    let actors: Actor[] | undefined;
    return {
      csr,
      get actors() {
        return (actors ??= net.actors());
      },
    };
  };
  if (typeof filter === 'function') return build(filter);
  return memo(net, `view:actors:${JSON.stringify(filter ?? null)}`, () => build(kindFilter(filter)));
}

/**
 * The subgraphs induced by groups of actors (say, the actors of each
 * county), all from one pass over the links: `groupOf(actor)` names the
 * actor's group, or `undefined` to leave it out. Each view equals
 * `actorView(net, (a) => groupOf(a) === group)`; asking for each group that
 * way would scan every link once per group.
 */
export function actorViewsByGroup(net: CooperationNetwork, groupOf: (actor: Actor) => string | undefined): Map<string, ActorView> {
  const all = net.actors();
  const { ends, weights } = net.pairTable();
  const groups = new Map<string, { actors: Actor[]; ends: number[]; weights: number[] }>();
  const groupIndex = new Array<{ actors: Actor[]; ends: number[]; weights: number[] } | undefined>(all.length);
  const position = new Int32Array(all.length);
  all.forEach((actor, i) => {
    const key = groupOf(actor);
    if (key === undefined) return;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { actors: [], ends: [], weights: [] }));
    position[i] = group.actors.length;
    group.actors.push(actor);
    groupIndex[i] = group;
  });
  for (let p = 0; p < weights.length; p++) {
    const a = ends[2 * p]!;
    const b = ends[2 * p + 1]!;
    const group = groupIndex[a];
    if (group === undefined || group !== groupIndex[b]) continue;
    group.ends.push(position[a]!, position[b]!);
    group.weights.push(weights[p]!);
  }
  const views = new Map<string, ActorView>();
  for (const [key, group] of groups) {
    const csr = csrFromEdges(group.actors.map((a) => nodeKey(a.id)), Int32Array.from(group.ends), Float64Array.from(group.weights));
    views.set(key, { csr, actors: group.actors });
  }
  return views;
}

/**
 * The municipality projection (ties direct or through shared bodies, see
 * `CooperationNetwork.municipalityProjection`) as CSR, weighted by tie
 * weight, aligned with the municipality actors in code order. Built once per
 * network.
 */
export function municipalityView(net: CooperationNetwork): ActorView {
  return memo(net, 'view:municipalities', () => {
    const projection = sharedProjection(net);
    const csr = toCsr(projection.graph);
    return { csr, actors: csr.ids.map((key) => net.actor(actorIdOf(key))!) };
  });
}

/**
 * The caller's own copy of a view: the shared views are read by every later
 * analysis, so a caller's change (say, sorting `csr.weights` in place)
 * must not reach them. Typed arrays cannot be frozen, hence a copy.
 */
function copyView({ csr, actors }: ActorView): ActorView {
  const ids = [...csr.ids];
  const copy: Csr = { n: csr.n, m: csr.m, ids, index: new Map(csr.index), offsets: csr.offsets.slice(), targets: csr.targets.slice(), weights: csr.weights.slice() };
  return { csr: copy, actors: [...actors] };
}

/** {@link actorView} as the package exports it: a copy the caller may change. */
export function actorViewForCaller(net: CooperationNetwork, filter?: readonly string[] | ((actor: Actor) => boolean)): ActorView {
  return copyView(actorView(net, filter));
}

/** {@link municipalityView} as the package exports it: a copy the caller may change. */
export function municipalityViewForCaller(net: CooperationNetwork): ActorView {
  return copyView(municipalityView(net));
}

/** The graph an analysis's `network` and `kinds` options name: the municipality projection, or the actor graph (of some kinds). */
export function networkView(net: CooperationNetwork, o: { network: 'actors' | 'municipalities'; kinds?: readonly string[] | undefined }): ActorView {
  return o.network === 'municipalities' ? municipalityView(net) : actorView(net, o.kinds);
}

/** Restrict to actors of the given kinds (all when `kinds` is undefined). */
export function kindFilter(kinds: readonly string[] | undefined): ((actor: Actor) => boolean) | undefined {
  if (!kinds) return undefined;
  const set = new Set(kinds);
  return (actor) => set.has(actor.kind);
}

/** camelCase of a snake_case kind, for column names: `civil_society` → `civilSociety`. */
export function camelKind(kind: string): string {
  return kind.replace(/_(\p{L})/gu, (_, c: string) => c.toUpperCase());
}


/**
 * Compute once per network and key. Networks are immutable, so a result for
 * the same network and key can be reused: the report, coverage and gaps all
 * need the same betweenness, which is the costly part (O(nm)). Results are
 * shared; callers must not mutate them.
 */
export function memo<T>(net: CooperationNetwork, key: string, compute: () => T): T {
  // Every analysis comes through here: a wrong argument gets samverkan's own error, not one from a WeakMap.
  checkNetwork(net, 'samverkan');
  return cached(net, `analysis:${key}`, compute);
}

/**
 * The `name` of a county table's `total` row: for the whole country the
 * geography's display name in `lang` (default the geography's language: the
 * word the report writes, `Sverige`), else the scope's description.
 */
export function totalRowName(net: CooperationNetwork, lang: Lang | undefined): string {
  const inLang = resolveLang(lang, net.geography);
  return net.scope.national ? geographyName(net.geography, inLang) : describeScope(net.scope, net.geography, inLang);
}
