import { cmp } from './geography.js';
import { ArgumentError } from './errors.js';
import { said } from './options.js';
import { nodeKey } from './keys.js';
import { PairIndex } from './pair-index.js';
import { checkHeap, HEAP_RESERVE_PER_ROW } from './runtime.js';
import type { LinkColumns } from './link-columns.js';
import { grown, float64s, int32s, uint8s } from './grown.js';
import type { ActorIndex } from './network-actors.js';
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

/**
 * The linked pairs and links as columns (see {@link NetworkStorage.pairCounts}):
 * pair `p` joins the actors of ordinals `ends[2p]` and `ends[2p + 1]`, has
 * `count[p]` links and flags `cross[p]` (bit 1: cross-municipal, bit 2:
 * cross-county); link `i` (in link order) is of pair `linkPair[i]` and weighs
 * `linkWeight[i]`.
 */
export interface PairCounts {
  ends: Int32Array;
  count: Int32Array;
  cross: Uint8Array;
  linkPair: Int32Array;
  linkWeight: Float64Array;
}

/**
 * Each pair's links and kind (see `PairAggregate`): pair `p`'s first link is
 * `first[p]`, the link after link `l` of its pair `next[l]` (-1: the last);
 * `kind[p]` is the code of the pair's one kind, -1 none, -2 more than one.
 */
interface Chains {
  first: Int32Array;
  next: Int32Array;
  kind: Int32Array;
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
 * a million links), in the order of their first links. Kept as columns
 * (issue 16): ends, summed weight, link count, flags; each link's pair,
 * weight and kind code (a loader's own columns, not copies). What only the
 * {@link PairEdgeAttributes} objects need (each pair's links as a chain
 * through the link indices, its kinds) is made from those on first use, so
 * a load and its CSR view allocate none of it.
 */
class PairAggregate {
  size = 0;
  ends: Int32Array;
  weight: Float64Array;
  count: Int32Array;
  /** Bit 1: cross-municipal, bit 2: cross-county (the first link's, the same for every link of the pair). */
  cross: Uint8Array;
  /** Link index → the code of its kind in `kindWords` (-1: none). */
  readonly linkKind: Int32Array;
  /** Link index → its pair, and its weight. */
  readonly linkPair: Int32Array;
  readonly linkWeight: Float64Array;
  /** The kinds the codes stand for: a loader's table of words, or made here for link objects ({@link kindCode}). */
  readonly kindWords: readonly string[];
  readonly #kindCodes = new Map<string, number>();
  /** Numbers the pairs of link objects (a loader's columns come with their pairs numbered). */
  #index: PairIndex | undefined;
  #chains: Chains | undefined;

  /**
   * `links`: the number of links; `pairs`: room for that many pairs (grown
   * when more come); `columns`: a loader's link columns of pair, weight and
   * kind, used as they are (else filled by {@link add}).
   */
  constructor(links: number, pairs: number, kindWords?: readonly string[], columns?: { pair: Int32Array; weight: Float64Array; kind: Int32Array }) {
    this.kindWords = kindWords ?? [];
    const n = Math.max(16, pairs);
    this.ends = new Int32Array(2 * n);
    this.weight = new Float64Array(n);
    this.count = new Int32Array(n);
    this.cross = new Uint8Array(n);
    this.linkKind = columns?.kind ?? new Int32Array(links);
    this.linkPair = columns?.pair ?? new Int32Array(links);
    this.linkWeight = columns?.weight ?? new Float64Array(links);
  }

  /** The code of a link object's kind (-1: none). */
  kindCode(kind: string | undefined): number {
    if (kind === undefined) return -1;
    let code = this.#kindCodes.get(kind);
    if (code === undefined) {
      code = this.kindWords.length;
      (this.kindWords as string[]).push(kind);
      this.#kindCodes.set(kind, code);
    }
    return code;
  }

  /** Link `index` of pair {os, ot} (a link object's): `k` the code of its kind in `kindWords` (-1: none), `cross` its flags (bit 1 municipal, bit 2 county). */
  add(os: number, ot: number, index: number, weight: number, k: number, cross: number): void {
    const p = (this.#index ??= new PairIndex(this.linkPair.length)).add(os, ot);
    this.linkKind[index] = k;
    this.linkPair[index] = p;
    this.linkWeight[index] = weight;
    this.put(p, os, ot, weight, cross);
  }

  /** A link of pair `p` (pairs numbered in the order of their first links, as here), between ordinals `os` and `ot`. */
  put(p: number, os: number, ot: number, weight: number, cross: number): void {
    if (p === this.size) {
      if (p === this.weight.length) this.#grow();
      this.size++;
      this.ends[2 * p] = os;
      this.ends[2 * p + 1] = ot;
      this.weight[p] = weight;
      this.count[p] = 1;
      this.cross[p] = cross;
      return;
    }
    if (p > this.size) throw new Error(`pair ${p} numbered before pair ${this.size}`);
    this.weight[p] = this.weight[p]! + weight;
    this.count[p] = this.count[p]! + 1;
  }

  #grow(): void {
    this.ends = grown(this.ends, this.ends.length + 1, int32s);
    this.weight = grown(this.weight, this.weight.length + 1, float64s);
    this.count = grown(this.count, this.count.length + 1, int32s);
    this.cross = grown(this.cross, this.cross.length + 1, uint8s);
  }

  /** The pairs' links as chains and their kinds (see {@link Chains}), made on first use from the link columns. */
  #chainsOf(): Chains {
    if (this.#chains !== undefined) return this.#chains;
    const pairs = this.size;
    const links = this.linkPair.length;
    const first = new Int32Array(pairs).fill(-1);
    const last = new Int32Array(pairs);
    const next = new Int32Array(links);
    const kind = new Int32Array(pairs).fill(-1);
    const { linkPair, linkKind } = this;
    for (let l = 0; l < links; l++) {
      const p = linkPair[l]!;
      next[l] = -1;
      if (first[p]! < 0) first[p] = l;
      else next[last[p]!] = l;
      last[p] = l;
      const k = linkKind[l]!;
      const had = kind[p]!;
      if (k >= 0 && had !== k && had !== -2) kind[p] = had === -1 ? k : -2;
    }
    return (this.#chains = { first, next, kind });
  }

  /** The one frozen `[kind]` array of each kind code, shared by the pairs with that one kind. */
  readonly #single: (string[] | undefined)[] = [];

  /** The attribute object of pair `p`. */
  attributesOf(p: number): PairEdgeAttributes {
    // Made for the codes that are kinds (a loader's table of words holds its dates too).
    const { first, next, kind } = this.#chainsOf();
    const links: number[] = [];
    for (let l = first[p]!; l >= 0; l = next[l]!) links.push(l);
    const k = kind[p]!;
    let kinds: string[];
    if (k === -1) kinds = NO_KINDS;
    else if (k >= 0) kinds = this.#single[k] ??= Object.freeze([this.kindWords[k]!]) as unknown as string[];
    else {
      const distinct = new Set<string>();
      for (const l of links) if (this.linkKind[l]! >= 0) distinct.add(this.kindWords[this.linkKind[l]!]!);
      kinds = Object.freeze([...distinct].sort(cmp)) as unknown as string[];
    }
    const c = this.cross[p]!;
    return { weight: this.weight[p]!, count: this.count[p]!, kinds, links, crossMunicipal: (c & 1) !== 0, crossCounty: (c & 2) !== 0 };
  }
}

const NO_KINDS: string[] = Object.freeze([]) as unknown as string[];

/**
 * Actors and links of one network, frozen, with their indexes. Immutable
 * once built: a new network (asOf, filterLinks, withScope) builds new
 * storage from {@link linkCopies}.
 */
export class NetworkStorage {
  /** Actors by id and ordinal, municipalities first in code order, then the others in input order. */
  readonly actors: ActorIndex;
  /** Actors by ordinal (the order of `actors`; made on first use from a loader's columns). */
  get actorList(): readonly Actor[] {
    return this.actors.list;
  }
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
  /** Aggregated attributes of pair `p` (made from the pair columns on first use). */
  get pairAttributes(): readonly PairEdgeAttributes[] {
    if (this.#pairAttributes === undefined) {
      const pairs = this.#pairs!;
      const all: PairEdgeAttributes[] = new Array(pairs.size);
      for (let p = 0; p < pairs.size; p++) all[p] = pairs.attributesOf(p);
      this.#pairAttributes = all;
      // The objects hold what the chains and kinds held; the sums and counts stay for pairCounts and pairTable.
      this.#pairs = undefined;
    }
    return this.#pairAttributes;
  }
  #pairAttributes: readonly PairEdgeAttributes[] | undefined;

  /**
   * The attribute object of pair `p`, equal to `pairAttributes[p]`, made
   * alone and not kept while the others are not needed (issue 16: the
   * municipalities' partners are most of a million pairs, and keeping their
   * objects cost 90 MB after `coverageByCounty`, which reads their counts).
   */
  #pairAttribute(p: number): PairEdgeAttributes {
    if (this.#pairAttributes !== undefined) return this.#pairAttributes[p]!;
    return this.#pairs!.attributesOf(p);
  }
  #pairs: PairAggregate | undefined;
  /** Per pair: summed weight, number of links, cross flags (bit 1 municipal, bit 2 county). */
  readonly #pairWeight: Float64Array;
  readonly #pairCount: Int32Array;
  readonly #pairCross: Uint8Array;
  readonly #linkPair: Int32Array;
  readonly #linkWeight: Float64Array;

  #byMunicipality: Map<string, Actor[]> | undefined;
  #adjacency: Adjacency | undefined;
  #pairTable: PairTable | undefined;

  /** `links`: checked link objects the storage owns, or a loader's columns. */
  constructor(actors: ActorIndex, links: readonly OwnedLink[] | LinkColumns) {
    this.actors = actors;
    const columnar = !Array.isArray(links);
    const count = columnar ? (links as LinkColumns).count : (links as readonly OwnedLink[]).length;
    const pairs = columnar ? new PairAggregate(count, (links as LinkColumns).pairs, (links as LinkColumns).words, links as LinkColumns) : new PairAggregate(count, count);
    const cross = columnar ? new Uint8Array(count) : undefined;
    const { municipality: municipalityOf, county: countyOf } = actors.placeNumbers();
    const stored: NetworkLink[] = columnar ? [] : new Array(count);
    // A loader's ends are numbers of its interning table: each id's ordinal is looked up once (-1: not an actor).
    const columns = columnar ? (links as LinkColumns) : undefined;
    const ordinalOf = columns && actors.ordinalsOf(columns.ends.ids);
    const objects = columnar ? undefined : (links as readonly OwnedLink[]);
    for (let index = 0; index < count; index++) {
      if ((index & 65535) === 65535) checkHeap(said('errors.capacity.atLink', { link: index + 1, count }), count * HEAP_RESERVE_PER_ROW);
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
        os = actors.ordinalOf(link.source);
        ot = actors.ordinalOf(link.target);
      }
      if (os === undefined || ot === undefined) {
        const [source, target] = columns ? [columns.ends.ids[columns.ends.source[index]!]!, columns.ends.ids[columns.ends.target[index]!]!] : [link!.source, link!.target];
        throw new ArgumentError(said('errors.create.unknownActor', { index, id: os === undefined ? source! : target! }));
      }
      if (os === ot) throw new ArgumentError(said('errors.create.selfLoop', { index, id: actors.idOf(os) }));
      const ms = municipalityOf[os]!;
      const mt = municipalityOf[ot]!;
      const cs = countyOf[os]!;
      const ct = countyOf[ot]!;
      const crossMunicipal = ms >= 0 && mt >= 0 && ms !== mt;
      const crossCounty = cs >= 0 && ct >= 0 && cs !== ct;
      const flags = (crossMunicipal ? 1 : 0) | (crossCounty ? 2 : 0);
      if (columns) {
        cross![index] = flags;
        // The loader numbered the pairs of its ids, one to one with the actors' ordinals.
        pairs.put(columns.pair[index]!, os, ot, columns.weight[index]!, flags);
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
      pairs.add(os, ot, index, link!.weight, pairs.kindCode(link!.kind), flags);
    }
    if (columns) this.#columns = { links: columns, cross: cross! };
    else this.#links = Object.freeze(stored);
    // Exactly sized for a loader's columns (their pairs counted): no copy then.
    const exact = <A extends Int32Array | Float64Array | Uint8Array>(a: A, n: number): A => (a.length === n ? a : (a.slice(0, n) as A));
    this.pairEnds = exact(pairs.ends, 2 * pairs.size);
    this.#pairWeight = exact(pairs.weight, pairs.size);
    this.#pairCount = exact(pairs.count, pairs.size);
    this.#pairCross = exact(pairs.cross, pairs.size);
    this.#linkPair = pairs.linkPair;
    this.#linkWeight = pairs.linkWeight;
    this.#pairs = pairs;
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

  /** Link `i`'s since and until dates: from the columns while the link objects are not made, else from its object. */
  linkDates(i: number): [since: string | undefined, until: string | undefined] {
    const columns = this.#columns?.links;
    if (columns === undefined) {
      const link = this.links[i]!;
      return [link.since, link.until];
    }
    const from = columns.since[i]!;
    const to = columns.until[i]!;
    return [from >= 0 ? columns.words[from]! : undefined, to >= 0 ? columns.words[to]! : undefined];
  }

  /** Actors that belong to a municipality, other than the municipality itself, in input order (shared: copy before handing out). */
  actorsInMunicipality(code: string): readonly Actor[] {
    if (this.#byMunicipality === undefined) {
      const byMunicipality = new Map<string, Actor[]>();
      for (const actor of this.actorList) {
        if (actor.municipality !== undefined && actor.kind !== 'municipality') {
          let list = byMunicipality.get(actor.municipality);
          if (!list) byMunicipality.set(actor.municipality, (list = []));
          list.push(actor);
        }
      }
      this.#byMunicipality = byMunicipality;
    }
    return this.#byMunicipality.get(code) ?? [];
  }

  /** All links between two actors, in input order (either direction). */
  linksBetween(a: string, b: string): NetworkLink[] {
    const oa = this.actors.ordinalOf(a);
    const ob = this.actors.ordinalOf(b);
    if (oa === undefined || ob === undefined) return [];
    const { offsets, neighbours, pairs } = this.#adjacencyOf();
    for (let k = offsets[oa]!; k < offsets[oa + 1]!; k++) {
      if (neighbours[k] === ob) return this.#pairAttribute(pairs[k]!).links.map((i) => this.links[i]!);
    }
    return [];
  }

  /** `callback(partner, pair)` for every actor linked to `id`, in the order their first link appears. */
  forEachPartner(id: string, callback: (partner: Actor, pair: Readonly<PairEdgeAttributes>) => void): void {
    const o = this.actors.ordinalOf(id);
    if (o === undefined) return;
    const { offsets, neighbours, pairs } = this.#adjacencyOf();
    for (let k = offsets[o]!; k < offsets[o + 1]!; k++) callback(this.actorList[neighbours[k]!]!, this.#pairAttribute(pairs[k]!));
  }

  /** `callback(source, target, pair)` for every linked pair, in the order of the pairs' first links. */
  forEachPair(callback: (source: Actor, target: Actor, pair: Readonly<PairEdgeAttributes>) => void): void {
    const ends = this.pairEnds;
    this.pairAttributes.forEach((attributes, p) => callback(this.actorList[ends[2 * p]!]!, this.actorList[ends[2 * p + 1]!]!, attributes));
  }

  /** Number of distinct actors linked to `id` (0 for an unknown id). */
  partnerCount(id: string): number {
    const o = this.actors.ordinalOf(id);
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
      keys: Array.from({ length: this.actors.size }, (_, o) => nodeKey(this.actors.idOf(o))),
      ends: this.pairEnds,
      weights: this.#pairWeight,
    });
  }

  /**
   * The pairs and links as columns ({@link PairCounts}), for counts and
   * sums over links without the link objects. Shared: do not mutate.
   */
  pairCounts(): PairCounts {
    return { ends: this.pairEnds, count: this.#pairCount, cross: this.#pairCross, linkPair: this.#linkPair, linkWeight: this.#linkWeight };
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
    const n = this.actors.size;
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
