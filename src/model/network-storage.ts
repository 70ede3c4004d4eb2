import { cmp } from './geography.js';
import { nodeKey } from './keys.js';
import { PairIndex } from './pair-index.js';
import { checkHeap, HEAP_RESERVE_PER_ROW } from './runtime.js';
import type { LinkColumns } from './link-columns.js';
import type { Actor, Link } from './schema.js';

/**
 * The storage of a network: its actors, its links and their indexes (actors
 * by ordinal and by municipality, links aggregated per linked pair, each
 * actor's pairs). The analyses read these directly; the graphology view
 * (network-graph.ts) and the municipality projection (network-projection.ts)
 * are built from them.
 */

/** Where a link was read from, when it came from a file. */
export interface LinkOrigin {
  readonly file: string;
  readonly row: number;
}

/** A link as handed to the storage: checked, and owned by it (it becomes the stored link in place). */
export type OwnedLink = Link & { origin?: { file: string; row: number } };

/** A link as stored in a network: the input link plus where it sits. */
export interface NetworkLink extends Link {
  /** Position in {@link CooperationNetwork.links}. */
  readonly index: number;
  /** Both ends belong to municipalities, and not to the same one. */
  readonly crossMunicipal: boolean;
  /** Both ends belong to counties, and not to the same one. */
  readonly crossCounty: boolean;
  /** Where the link was read from, when it came from a file. */
  readonly origin?: LinkOrigin;
}

/**
 * Edge attributes of {@link CooperationNetwork.graph}: every link between one
 * pair of actors, aggregated.
 */
export interface PairEdgeAttributes {
  /** Sum of the links' weights (a strength: larger is a stronger tie). */
  weight: number;
  /** Number of links between the pair. */
  count: number;
  /** Distinct link kinds, sorted (frozen, and shared between pairs: do not mutate). */
  kinds: string[];
  /** Indices into {@link CooperationNetwork.links}, in input order. */
  links: number[];
  crossMunicipal: boolean;
  crossCounty: boolean;
}

/** The linked pairs as arrays (see {@link NetworkStorage.pairTable}). */
export interface PairTable {
  keys: string[];
  ends: Int32Array;
  weights: Float64Array;
}

/**
 * The ends of a loader's links as numbers of one interning table: link `i`
 * joins `ids[source[i]]` and `ids[target[i]]`. With it the storage finds
 * each end's ordinal once per id, not once per link (two string lookups per
 * link are most of the cost of building a network of a million links).
 */
export interface LinkEnds {
  ids: readonly string[];
  source: Int32Array;
  target: Int32Array;
}

/** Per actor ordinal: its pairs, CSR-style, in pair order. */
interface Adjacency {
  offsets: Int32Array;
  neighbours: Int32Array;
  pairs: Int32Array;
}

/**
 * The links aggregated per linked pair, the pairs numbered by a
 * {@link PairIndex} of the ends' ordinals (string keys cost hundreds of MB at
 * a million links), in the order of their first links.
 */
class PairAggregate {
  readonly ends: number[] = [];
  readonly attributes: PairEdgeAttributes[] = [];
  readonly #index: PairIndex;
  // One frozen `[kind]` array per kind, shared by the pairs with one kind
  // (most of them); a pair that gets a second kind gets its own array.
  readonly #singleKinds = new Map<string, string[]>();

  constructor(links: number) {
    this.#index = new PairIndex(links);
  }

  #kindsOf(kind: string | undefined): string[] {
    if (kind === undefined) return NO_KINDS;
    let kinds = this.#singleKinds.get(kind);
    if (kinds === undefined) this.#singleKinds.set(kind, (kinds = Object.freeze([kind]) as unknown as string[]));
    return kinds;
  }

  add(os: number, ot: number, index: number, weight: number, kind: string | undefined, crossMunicipal: boolean, crossCounty: boolean): void {
    const p = this.#index.add(os, ot);
    if (p === this.attributes.length) {
      this.ends.push(os, ot);
      this.attributes.push({ weight, count: 1, kinds: this.#kindsOf(kind), links: [index], crossMunicipal, crossCounty });
      return;
    }
    const attributes = this.attributes[p]!;
    attributes.weight += weight;
    attributes.count += 1;
    attributes.links.push(index);
    if (kind !== undefined && !attributes.kinds.includes(kind)) {
      attributes.kinds = Object.freeze([...attributes.kinds, kind].sort(cmp)) as unknown as string[];
    }
  }
}

const NO_KINDS: string[] = Object.freeze([]) as unknown as string[];

/**
 * Actors and links of one network, frozen, with their indexes. Immutable
 * once built: a new network (asOf, filterLinks, withScope) builds new
 * storage from {@link linkCopies}.
 */
export class NetworkStorage {
  /** Actors by id, municipalities first in code order, then the others in input order. */
  readonly actors: ReadonlyMap<string, Actor>;
  /** Actors by ordinal (the order of `actors`). */
  readonly actorList: readonly Actor[];
  /**
   * Every link, in input order, frozen. A loaded network keeps its links as
   * columns ({@link LinkColumns}) and makes these objects on first use.
   */
  get links(): readonly NetworkLink[] {
    return (this.#links ??= Object.freeze(this.#materialise()));
  }
  #links: readonly NetworkLink[] | undefined;
  /** The loader's columns, with each link's cross-municipal (bit 1) and cross-county (bit 2) flags. */
  #columns: { links: LinkColumns; cross: Uint8Array } | undefined;
  /** Linked pairs: ends (ordinals) at `2p`, `2p + 1` (first link's direction). */
  readonly pairEnds: Int32Array;
  /** Aggregated attributes of pair `p`. */
  readonly pairAttributes: readonly PairEdgeAttributes[];

  readonly #ordinal = new Map<string, number>();
  readonly #byMunicipality = new Map<string, Actor[]>();
  #adjacency: Adjacency | undefined;
  #pairTable: PairTable | undefined;

  /** `links`: checked link objects the storage owns, or a loader's columns. */
  constructor(actors: ReadonlyMap<string, Actor>, links: readonly OwnedLink[] | LinkColumns) {
    this.actors = actors;
    for (const actor of actors.values()) {
      if (Object.isFrozen(actor)) continue;
      if (actor.attributes !== undefined) Object.freeze(actor.attributes);
      Object.freeze(actor);
    }
    this.actorList = [...actors.values()];
    for (const actor of this.actorList) {
      this.#ordinal.set(actor.id, this.#ordinal.size);
      if (actor.municipality !== undefined && actor.kind !== 'municipality') {
        let list = this.#byMunicipality.get(actor.municipality);
        if (!list) this.#byMunicipality.set(actor.municipality, (list = []));
        list.push(actor);
      }
    }
    const columnar = !Array.isArray(links);
    const count = columnar ? (links as LinkColumns).count : (links as readonly OwnedLink[]).length;
    const pairs = new PairAggregate(count);
    const cross = columnar ? new Uint8Array(count) : undefined;
    const stored: NetworkLink[] = columnar ? [] : new Array(count);
    const ordinal = this.#ordinal;
    const actorList = this.actorList;
    // A loader's ends are numbers of its interning table: each id's ordinal is looked up once (-1: not an actor).
    const columns = columnar ? (links as LinkColumns) : undefined;
    const ordinalOf = columns && Int32Array.from(columns.ends.ids, (id) => ordinal.get(id) ?? -1);
    const objects = columnar ? undefined : (links as readonly OwnedLink[]);
    for (let index = 0; index < count; index++) {
      if ((index & 65535) === 65535) checkHeap(() => `samverkan stopped building the network at link ${index + 1} of ${count}`, count * HEAP_RESERVE_PER_ROW);
      let os: number | undefined;
      let ot: number | undefined;
      let link: OwnedLink | undefined;
      if (columns) {
        os = ordinalOf![columns.ends.source[index]!]!;
        ot = ordinalOf![columns.ends.target[index]!]!;
        if (os < 0) os = undefined;
        if (ot < 0) ot = undefined;
      } else {
        link = objects![index]!;
        os = ordinal.get(link.source);
        ot = ordinal.get(link.target);
      }
      if (os === undefined || ot === undefined) {
        const [source, target] = columns ? [columns.ends.ids[columns.ends.source[index]!]!, columns.ends.ids[columns.ends.target[index]!]!] : [link!.source, link!.target];
        throw new Error(`link ${index}: unknown actor ${os === undefined ? source : target}`);
      }
      const s = actorList[os]!;
      const t = actorList[ot]!;
      if (os === ot) throw new Error(`link ${index}: self-loop on ${s.id}`);
      const crossMunicipal = s.municipality !== undefined && t.municipality !== undefined && s.municipality !== t.municipality;
      const crossCounty = s.county !== undefined && t.county !== undefined && s.county !== t.county;
      if (columns) {
        cross![index] = (crossMunicipal ? 1 : 0) | (crossCounty ? 2 : 0);
        const kind = columns.kind[index]!;
        pairs.add(os, ot, index, columns.weight[index]!, kind < 0 ? undefined : columns.words[kind], crossMunicipal, crossCounty);
        continue;
      }
      // The storage owns `link` (a checked copy or a filtered copy), so it
      // becomes the stored link in place: no copy.
      const owned = link as { index?: number; crossMunicipal?: boolean; crossCounty?: boolean };
      owned.index = index;
      owned.crossMunicipal = crossMunicipal;
      owned.crossCounty = crossCounty;
      // Frozen from here on: what the network hands out cannot change what it computes.
      if (link!.origin !== undefined && !Object.isFrozen(link!.origin)) Object.freeze(link!.origin);
      if (link!.attributes !== undefined && !Object.isFrozen(link!.attributes)) Object.freeze(link!.attributes);
      stored[index] = Object.freeze(link!) as NetworkLink;
      pairs.add(os, ot, index, link!.weight, link!.kind, crossMunicipal, crossCounty);
    }
    if (columns) this.#columns = { links: columns, cross: cross! };
    else this.#links = Object.freeze(stored);
    this.pairEnds = Int32Array.from(pairs.ends);
    this.pairAttributes = pairs.attributes;
  }

  /**
   * The link objects of a loaded network, made from its columns, with the
   * keys in the order a loader's links always had: source, target, weight,
   * origin, kind, since, until, attributes, index, crossMunicipal, crossCounty.
   */
  #materialise(): NetworkLink[] {
    const { links: c, cross } = this.#columns!;
    const { ids, source, target } = c.ends;
    const { weight, kind, since, until, words, row, file } = c;
    const out: NetworkLink[] = new Array(c.count);
    for (let i = 0; i < c.count; i++) {
      const s = ids[source[i]!]!;
      const t = ids[target[i]!]!;
      const w = weight[i]!;
      const origin = Object.freeze({ file, row: row[i]! });
      const crossMunicipal = (cross[i]! & 1) !== 0;
      const crossCounty = (cross[i]! & 2) !== 0;
      const k = kind[i]!;
      const from = since[i]!;
      const to = until[i]!;
      const attributes = c.attributes.get(i);
      let link: NetworkLink;
      // The usual rows as one literal each (all their keys in the object itself, a third
      // smaller at a million links than keys added one by one); the others key by key.
      if (k >= 0 && attributes === undefined && to < 0) {
        link = from >= 0 ? { source: s, target: t, weight: w, origin, kind: words[k]!, since: words[from]!, index: i, crossMunicipal, crossCounty } : { source: s, target: t, weight: w, origin, kind: words[k]!, index: i, crossMunicipal, crossCounty };
      } else if (k >= 0 && attributes === undefined && from >= 0) {
        link = { source: s, target: t, weight: w, origin, kind: words[k]!, since: words[from]!, until: words[to]!, index: i, crossMunicipal, crossCounty };
      } else {
        const built: OwnedLink = { source: s, target: t, weight: w, origin };
        if (k >= 0) built.kind = words[k]!;
        if (from >= 0) built.since = words[from]!;
        if (to >= 0) built.until = words[to]!;
        if (attributes !== undefined) built.attributes = attributes;
        const owned = built as { index?: number; crossMunicipal?: boolean; crossCounty?: boolean };
        owned.index = i;
        owned.crossMunicipal = crossMunicipal;
        owned.crossCounty = crossCounty;
        link = built as NetworkLink;
      }
      out[i] = Object.freeze(link);
    }
    // The objects are the links from now on: the columns are no longer needed.
    this.#columns = undefined;
    return out;
  }

  /** Actors that belong to a municipality, other than the municipality itself, in input order (shared: copy before handing out). */
  actorsInMunicipality(code: string): readonly Actor[] {
    return this.#byMunicipality.get(code) ?? [];
  }

  /** All links between two actors, in input order (either direction). */
  linksBetween(a: string, b: string): NetworkLink[] {
    const oa = this.#ordinal.get(a);
    const ob = this.#ordinal.get(b);
    if (oa === undefined || ob === undefined) return [];
    const { offsets, neighbours, pairs } = this.#adjacencyOf();
    for (let k = offsets[oa]!; k < offsets[oa + 1]!; k++) {
      if (neighbours[k] === ob) return this.pairAttributes[pairs[k]!]!.links.map((i) => this.links[i]!);
    }
    return [];
  }

  /** `callback(partner, pair)` for every actor linked to `id`, in the order their first link appears. */
  forEachPartner(id: string, callback: (partner: Actor, pair: Readonly<PairEdgeAttributes>) => void): void {
    const o = this.#ordinal.get(id);
    if (o === undefined) return;
    const { offsets, neighbours, pairs } = this.#adjacencyOf();
    for (let k = offsets[o]!; k < offsets[o + 1]!; k++) callback(this.actorList[neighbours[k]!]!, this.pairAttributes[pairs[k]!]!);
  }

  /** `callback(source, target, pair)` for every linked pair, in the order of the pairs' first links. */
  forEachPair(callback: (source: Actor, target: Actor, pair: Readonly<PairEdgeAttributes>) => void): void {
    const ends = this.pairEnds;
    this.pairAttributes.forEach((attributes, p) => callback(this.actorList[ends[2 * p]!]!, this.actorList[ends[2 * p + 1]!]!, attributes));
  }

  /** Number of distinct actors linked to `id` (0 for an unknown id). */
  partnerCount(id: string): number {
    const o = this.#ordinal.get(id);
    if (o === undefined) return 0;
    const { offsets } = this.#adjacencyOf();
    return offsets[o + 1]! - offsets[o]!;
  }

  /**
   * The linked pairs as arrays, for building compact graph views (CSR)
   * without the graphology graph: `keys[i]` is the node key of actor `i`,
   * pair `p` joins `ends[2p]` and `ends[2p + 1]` with summed weight
   * `weights[p]`. Shared: do not mutate.
   */
  pairTable(): PairTable {
    return (this.#pairTable ??= {
      keys: this.actorList.map((a) => nodeKey(a.id)),
      ends: this.pairEnds,
      weights: Float64Array.from(this.pairAttributes, (p) => p.weight),
    });
  }

  /**
   * Fresh link objects for a new network (which owns and extends them).
   * Written out, not `({ index, …, ...link }) => link`: object rest costs
   * microseconds and a kilobyte per object on Node 20, seconds at a million links.
   */
  linkCopies(keep: (link: NetworkLink) => boolean): OwnedLink[] {
    return this.links.filter(keep).map((l) => {
      const link: OwnedLink = { source: l.source, target: l.target, weight: l.weight };
      if (l.kind !== undefined) link.kind = l.kind;
      if (l.since !== undefined) link.since = l.since;
      if (l.until !== undefined) link.until = l.until;
      if (l.attributes !== undefined) link.attributes = l.attributes;
      if (l.origin !== undefined) link.origin = l.origin;
      return link;
    });
  }

  /**
   * Each actor's pairs, in pair order (built on first use): a counting sort
   * of the pair ends by actor. Not a `Csr` (model/csr.ts): the lists keep pair order
   * (the order of first links, which `forEachPartner` promises) and carry
   * pair indices, where a CSR sorts by neighbour and merges.
   */
  #adjacencyOf(): Adjacency {
    if (this.#adjacency) return this.#adjacency;
    const n = this.actorList.length;
    const ends = this.pairEnds;
    const offsets = new Int32Array(n + 1);
    for (let k = 0; k < ends.length; k++) offsets[ends[k]! + 1]!++;
    for (let i = 0; i < n; i++) offsets[i + 1]! += offsets[i]!;
    const fill = offsets.slice(0, n);
    const neighbours = new Int32Array(ends.length);
    const pairs = new Int32Array(ends.length);
    for (let p = 0; p < ends.length / 2; p++) {
      const a = ends[2 * p]!;
      const b = ends[2 * p + 1]!;
      neighbours[fill[a]!] = b;
      pairs[fill[a]!++] = p;
      neighbours[fill[b]!] = a;
      pairs[fill[b]!++] = p;
    }
    return (this.#adjacency = { offsets, neighbours, pairs });
  }
}
