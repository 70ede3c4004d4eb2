import { UndirectedGraph } from 'graphology';
import { cmp, findCounty, findMunicipality, indexGeography } from './geography.js';
import { ArgumentError, describeValue, GeographyRequiredError } from './errors.js';
import { nodeKey } from './keys.js';
import { checkHeap, HEAP_RESERVE_PER_ROW } from './runtime.js';
import type { LoadReport } from './load-report.js';
import { z } from 'zod';
import { ActorSchema, IsoDateSchema, LinkSchema, type Actor, type County, type Geography, type Link, type LinkInput, type Municipality } from './schema.js';
import { inferScope, resolveScope, type Scope, type ScopeOption } from './scope.js';
import { parseOptions } from './options.js';
import { cached } from './cache.js';
import { normaliseKind } from './kinds.js';

/** A link as stored in a network: the input link plus where it sits. */
export interface NetworkLink extends Link {
  /** Position in {@link CooperationNetwork.links}. */
  readonly index: number;
  /** Both ends belong to municipalities, and not to the same one. */
  readonly crossMunicipal: boolean;
  /** Both ends belong to counties, and not to the same one. */
  readonly crossCounty: boolean;
  /** Where the link was read from, when it came from a file. */
  readonly origin?: { readonly file: string; readonly row: number };
}

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
  via: z.array(z.string().min(1)).readonly().optional(),
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
 * The largest weight a link may have: 10¹⁵. Weights add up per pair and per
 * actor (strength; PageRank and modularity multiply them), so larger ones
 * could overflow to Infinity (two links of 1e308) or swamp every other
 * weight; 10¹⁵ leaves room for billions of links and is exact for whole
 * numbers. The loaders reject a larger weight with a row-level message;
 * `CooperationNetwork.create` throws.
 */
export const MAX_LINK_WEIGHT = 1e15;

/** Own, enumerable copies of an attribute record (keys such as `__proto__` kept as data), frozen. */
function frozenAttributes(attributes: Readonly<Record<string, string>>): Readonly<Record<string, string>> {
  const copy: Record<string, string> = {};
  for (const key of Object.keys(attributes)) Object.defineProperty(copy, key, { value: attributes[key], enumerable: true, writable: false, configurable: false });
  return Object.freeze(copy);
}

export interface NetworkParts {
  geography: Geography;
  /** Actors other than municipalities (municipalities come from the geography); may also hold municipality actors to enrich them. */
  actors?: readonly Actor[];
  /** Links; `weight` defaults to 1. */
  links?: readonly (LinkInput & { origin?: { file: string; row: number } })[];
  loadReport?: LoadReport;
  /**
   * The area the data covers (see {@link Scope}): `'all'` (the default
   * here), `'infer'` (from the data, as `loadNetwork` does by default), the
   * counties and/or municipalities it covers, or a resolved scope.
   */
  scope?: ScopeOption | Scope;
}

/**
 * A cooperation network over a geography: actors (the municipalities of its
 * scope, every other municipality the data names, and the other actors),
 * links kept as data, and a graphology graph with one aggregated edge per
 * pair for the metrics. A network over an empty geography is a plain graph.
 *
 * Networks are immutable: {@link asOf} and the loaders return new ones.
 * The actors (`actor()`, `actors()`), their attributes, the links (`links`,
 * `linksOf`, `linksBetween`) and their attributes are frozen objects, so a
 * change cannot leak into later analyses, reports or exports (in strict
 * mode, assigning to one throws); `graph` is built with copies of the pair
 * attributes, so a change to it stays in it.
 */
export class CooperationNetwork {
  readonly geography: Geography;
  /**
   * One node per actor, one edge per linked pair with its links aggregated.
   * Node keys are actor ids passed through {@link nodeKey} (the same string
   * for every id except `constructor`, `__proto__` and the like); the `id`
   * attribute is always the actor id.
   */
  get graph(): UndirectedGraph<ActorNodeAttributes, PairEdgeAttributes> {
    // Built on first use: the analyses run on the compact pair table, and at a
    // million links the graphology graph costs seconds and ~500 MB.
    return (this.#graph ??= this.#buildGraph());
  }
  #graph: UndirectedGraph<ActorNodeAttributes, PairEdgeAttributes> | undefined;
  /** Every link, in input order. */
  readonly links: readonly NetworkLink[];
  /** What the loader did with every input row, when the network was loaded from input. */
  readonly loadReport: LoadReport | undefined;
  /** The date given to {@link asOf}, when this network is a snapshot. */
  readonly date: string | undefined;

  readonly #actors: Map<string, Actor>;
  readonly #byMunicipality = new Map<string, Actor[]>();
  /** Actors by ordinal (the order of `actors()`), and each id's ordinal. */
  readonly #actorList: Actor[];
  readonly #ordinal = new Map<string, number>();
  /** Linked pairs: ends (ordinals) at `2p`, `2p + 1` (first link's direction), and aggregated attributes. */
  readonly #pairEnds: Int32Array;
  readonly #pairAttributes: PairEdgeAttributes[];
  /** Per actor ordinal: its pairs, CSR-style (built on first use). */
  #adjacency: { offsets: Int32Array; neighbours: Int32Array; pairs: Int32Array } | undefined;

  /**
   * The area the data covers: the municipalities and counties that
   * `municipalities()`, `counties()` and every analysis, table, gap list,
   * map and report are about (see {@link Scope}).
   */
  readonly scope: Scope;

  private constructor(
    geography: Geography,
    actors: Map<string, Actor>,
    links: readonly (Link & { origin?: { file: string; row: number } })[],
    loadReport: LoadReport | undefined,
    date: string | undefined,
    scope: Scope,
  ) {
    this.geography = geography;
    this.scope = scope;
    this.#actors = actors;
    this.loadReport = loadReport;
    this.date = date;
    for (const actor of actors.values()) {
      if (Object.isFrozen(actor)) continue;
      if (actor.attributes !== undefined) Object.freeze(actor.attributes);
      Object.freeze(actor);
    }
    this.#actorList = [...actors.values()];
    for (const actor of this.#actorList) {
      this.#ordinal.set(actor.id, this.#ordinal.size);
      if (actor.municipality !== undefined && actor.kind !== 'municipality') {
        let list = this.#byMunicipality.get(actor.municipality);
        if (!list) this.#byMunicipality.set(actor.municipality, (list = []));
        list.push(actor);
      }
    }
    // Aggregate the links per pair, keyed by a number (ordinal of one end ×
    // actors + ordinal of the other): string keys cost hundreds of MB at a
    // million links.
    const stored: NetworkLink[] = new Array(links.length);
    const ordinal = this.#ordinal;
    const size = ordinal.size;
    const pairOf = new Map<number, number>();
    const ends: number[] = [];
    const pairAttributes: PairEdgeAttributes[] = [];
    // One frozen `[kind]` array per kind, shared by the pairs with one kind
    // (most of them); a pair that gets a second kind gets its own array.
    const singleKinds = new Map<string, string[]>();
    const NO_KINDS: string[] = Object.freeze([]) as unknown as string[];
    const kindsOf = (kind: string | undefined): string[] => {
      if (kind === undefined) return NO_KINDS;
      let kinds = singleKinds.get(kind);
      if (kinds === undefined) singleKinds.set(kind, (kinds = Object.freeze([kind]) as unknown as string[]));
      return kinds;
    };
    for (let index = 0; index < links.length; index++) {
      if ((index & 65535) === 65535) checkHeap(() => `samverkan stopped building the network at link ${index + 1} of ${links.length}`, links.length * HEAP_RESERVE_PER_ROW);
      const link = links[index]!;
      const os = ordinal.get(link.source);
      const ot = ordinal.get(link.target);
      if (os === undefined || ot === undefined) throw new Error(`link ${index}: unknown actor ${os === undefined ? link.source : link.target}`);
      const s = this.#actorList[os]!;
      const t = this.#actorList[ot]!;
      if (os === ot) throw new Error(`link ${index}: self-loop on ${s.id}`);
      const crossMunicipal = s.municipality !== undefined && t.municipality !== undefined && s.municipality !== t.municipality;
      const crossCounty = s.county !== undefined && t.county !== undefined && s.county !== t.county;
      // The network owns `link` (a checked copy, a loader's object or a
      // filtered copy), so it becomes the stored link in place: no copy.
      const owned = link as { index?: number; crossMunicipal?: boolean; crossCounty?: boolean };
      owned.index = index;
      owned.crossMunicipal = crossMunicipal;
      owned.crossCounty = crossCounty;
      // Frozen from here on: what the network hands out cannot change what it computes.
      if (link.origin !== undefined && !Object.isFrozen(link.origin)) Object.freeze(link.origin);
      if (link.attributes !== undefined && !Object.isFrozen(link.attributes)) Object.freeze(link.attributes);
      stored[index] = Object.freeze(link) as NetworkLink;
      const pairKey = os < ot ? os * size + ot : ot * size + os;
      const p = pairOf.get(pairKey);
      if (p === undefined) {
        pairOf.set(pairKey, pairAttributes.length);
        ends.push(os, ot);
        pairAttributes.push({ weight: link.weight, count: 1, kinds: kindsOf(link.kind), links: [index], crossMunicipal, crossCounty });
      } else {
        const attributes = pairAttributes[p]!;
        attributes.weight += link.weight;
        attributes.count += 1;
        attributes.links.push(index);
        if (link.kind !== undefined && !attributes.kinds.includes(link.kind)) {
          attributes.kinds = Object.freeze([...attributes.kinds, link.kind].sort(cmp)) as unknown as string[];
        }
      }
    }
    this.#pairEnds = Int32Array.from(ends);
    this.#pairAttributes = pairAttributes;
    this.links = Object.freeze(stored);
  }

  /**
   * Build a network from clean parts. Municipalities come from the geography;
   * actors of kind `municipality` in `parts.actors` only add attributes.
   * Throws on a link to an unknown actor or a self-loop: use the loaders
   * (`loadNetwork`) for validation with row-level messages.
   */
  static create(parts: NetworkParts): CooperationNetwork {
    return CooperationNetwork.#build(parts, true);
  }

  /**
   * `create` without the schema checks of each actor and link, for the
   * loaders, which have validated every row already (with row-level
   * messages) and hand over objects nobody else holds: at a million links
   * the second validation and its copies cost seconds and hundreds of MB.
   * Geography references and duplicates are still checked.
   *
   * @internal
   */
  static fromValidated(parts: NetworkParts): CooperationNetwork {
    return CooperationNetwork.#build(parts, false);
  }

  static #build(parts: NetworkParts, validate: boolean): CooperationNetwork {
    const { geography } = parts;
    const ix = indexGeography(geography);
    const fail = (where: string, message: string): never => {
      throw new TypeError(`CooperationNetwork.create: ${where}: ${message}`);
    };
    const issue = (error: z.ZodError) => error.issues.map((i) => `${i.path.join('.') || 'value'}: ${i.message}`).join('; ');
    // Municipality actors first, in code order: those of the scope and those the data names.
    const others = new Map<string, Actor>();
    const municipalityAttributes = new Map<string, Record<string, string>>();
    (parts.actors ?? []).forEach((input, i) => {
      // The schemas are the source of truth: clean parts are checked against them.
      let actor = input as Actor;
      if (validate) {
        const parsed = ActorSchema.safeParse(input);
        if (!parsed.success) fail(`actors[${i}]`, issue(parsed.error));
        actor = parsed.data!;
      }
      if (actor.municipality !== undefined && !ix.municipality.has(actor.municipality)) fail(`actors[${i}] (${actor.id})`, `unknown municipality code ${JSON.stringify(actor.municipality)}`);
      if (actor.county !== undefined && !ix.county.has(actor.county)) fail(`actors[${i}] (${actor.id})`, `unknown county code ${JSON.stringify(actor.county)}`);
      if (actor.kind === 'municipality') {
        const m = ix.municipality.get(actor.municipality ?? actor.id);
        if (!m) fail(`actors[${i}] (${actor.id})`, 'an actor of kind municipality must be a municipality of the geography');
        municipalityAttributes.set(m!.code, { ...municipalityAttributes.get(m!.code), ...actor.attributes });
        return;
      }
      // The caller's attribute object is not the network's: a copy, frozen with the actor.
      if (actor.attributes && !Object.isFrozen(actor.attributes)) actor.attributes = frozenAttributes(actor.attributes);
      if (others.has(actor.id) || ix.municipality.has(actor.id)) fail(`actors[${i}]`, `duplicate actor id ${JSON.stringify(actor.id)}${ix.municipality.has(actor.id) ? ' (the code of a municipality)' : ''}`);
      const county = actor.county ?? (actor.municipality !== undefined ? ix.municipality.get(actor.municipality)!.county : undefined);
      // Actors of another network are frozen (withScope, asOf): copied, not written to.
      if (county !== undefined && actor.county === undefined) actor = Object.isFrozen(actor) ? { ...actor, county } : Object.assign(actor, { county });
      others.set(actor.id, actor);
    });
    const given = (parts.links ?? []) as readonly (Link & { origin?: { file: string; row: number } })[];
    // Checked copies (unknown keys dropped), so the network owns its link objects.
    const links = validate
      ? given.map((input, i) => {
          const parsed = LinkSchema.safeParse(input);
          if (!parsed.success) fail(`links[${i}]`, issue(parsed.error));
          const link: Link & { origin?: { file: string; row: number } } = parsed.data!;
          if (link.weight > MAX_LINK_WEIGHT) fail(`links[${i}]`, `weight: at most ${MAX_LINK_WEIGHT} (weights add up per pair and per actor; larger ones could overflow to Infinity)`);
          if (link.attributes) link.attributes = frozenAttributes(link.attributes);
          if (input.origin) link.origin = { file: input.origin.file, row: input.origin.row };
          return link;
        })
      : given;
    const ends = function* () {
      for (const l of links) {
        yield l.source;
        yield l.target;
      }
    };
    const given_ = parts.scope ?? 'all';
    const scope: Scope =
      typeof given_ === 'object' && 'description' in given_
        ? given_
        : given_ === 'infer'
          ? inferScope(geography, [...others.values(), ...[...municipalityAttributes.keys()].map((code): Actor => ({ id: code, name: code, kind: 'municipality', municipality: code }))], ends())
          : resolveScope(geography, given_ as Exclude<ScopeOption, 'infer'>);
    const codes = new Set(scope.municipalities);
    for (const end of ends()) if (ix.municipality.has(end)) codes.add(end);
    for (const a of others.values()) if (a.municipality !== undefined) codes.add(a.municipality);
    for (const c of municipalityAttributes.keys()) codes.add(c);
    const actors = new Map<string, Actor>();
    for (const code of [...codes].sort(cmp)) {
      const m = ix.municipality.get(code)!;
      const actor: Actor = { id: m.code, name: m.name, kind: 'municipality', municipality: m.code, county: m.county };
      const attributes = municipalityAttributes.get(code);
      if (attributes && Object.keys(attributes).length > 0) actor.attributes = frozenAttributes(attributes);
      actors.set(code, actor);
    }
    for (const [id, actor] of others) actors.set(id, actor);
    return new CooperationNetwork(geography, actors, links, parts.loadReport, undefined, scope);
  }

  /**
   * The network with another scope (see {@link Scope}): the same links and
   * actors, the municipality actors those of the new scope and those the
   * data names.
   *
   * @example
   * const county = net.withScope({ counties: ['Västerbotten'] });
   */
  withScope(scope: ScopeOption): CooperationNetwork {
    const municipalityRows = this.actors().filter((a) => a.kind === 'municipality' && a.attributes !== undefined);
    return CooperationNetwork.#build(
      {
        geography: this.geography,
        actors: [...municipalityRows, ...this.actors().filter((a) => a.kind !== 'municipality')],
        links: this.#linkCopies(() => true),
        scope,
        ...(this.loadReport && { loadReport: this.loadReport }),
      },
      false,
    );
  }

  /** The actor with this id, if any. */
  actor(id: string): Actor | undefined {
    return this.#actors.get(id);
  }

  hasActor(id: string): boolean {
    return this.#actors.has(id);
  }

  /** Every actor: municipalities first in code order, then the others in input order. */
  actors(): Actor[] {
    return [...this.#actors.values()];
  }

  /** Number of actors, municipalities included. */
  get order(): number {
    return this.#actors.size;
  }

  /** The municipalities of the scope, in code order (all of the geography's for a national scope). */
  municipalities(): Municipality[] {
    const ix = indexGeography(this.geography);
    return this.scope.national ? [...ix.municipality.values()] : this.scope.municipalities.map((c) => ix.municipality.get(c)!);
  }

  /** The geography's counties, in code order. */
  counties(): County[] {
    const inScope = new Set(this.scope.counties);
    return [...this.geography.counties].filter((c) => this.scope.national || inScope.has(c.code)).sort((a, b) => cmp(a.code, b.code));
  }

  /** A municipality by code (leading zero optional) or unambiguous name. A value that is not a string is an `ArgumentError`. */
  municipality(codeOrName: string): Municipality | undefined {
    if (typeof codeOrName !== 'string') throw new ArgumentError(`municipality: expected a code or name (a string), got ${describeValue(codeOrName)}`);
    return findMunicipality(this.geography, codeOrName);
  }

  /** A county by code or name (`Västerbottens län`, `Västerbotten`). A value that is not a string is an `ArgumentError`. */
  county(codeOrName: string): County | undefined {
    if (typeof codeOrName !== 'string') throw new ArgumentError(`county: expected a code or name (a string), got ${describeValue(codeOrName)}`);
    return findCounty(this.geography, codeOrName);
  }

  /** Actors that belong to a municipality, other than the municipality itself, in input order. */
  actorsInMunicipality(code: string): Actor[] {
    return [...(this.#byMunicipality.get(code) ?? [])];
  }

  /** Municipalities of a county (by code), in code order. */
  municipalitiesOfCounty(county: string): Municipality[] {
    const inScope = new Set(this.scope.municipalities);
    return [...(indexGeography(this.geography).municipalitiesOf.get(county) ?? [])].filter((m) => this.scope.national || inScope.has(m.code));
  }

  /** Codes of the municipalities that share a border with `code`, sorted. */
  borderNeighbours(code: string): string[] {
    return [...(indexGeography(this.geography).bordersOf.get(code) ?? [])];
  }

  /** All links between two actors, in input order (either direction). */
  linksBetween(a: string, b: string): NetworkLink[] {
    const oa = this.#ordinal.get(a);
    const ob = this.#ordinal.get(b);
    if (oa === undefined || ob === undefined) return [];
    const { offsets, neighbours, pairs } = this.#adjacencyOf();
    for (let k = offsets[oa]!; k < offsets[oa + 1]!; k++) {
      if (neighbours[k] === ob) return this.#pairAttributes[pairs[k]!]!.links.map((i) => this.links[i]!);
    }
    return [];
  }

  /** All links of one actor, in input order. */
  linksOf(id: string): NetworkLink[] {
    const indices: number[] = [];
    this.forEachPartner(id, (_partner, pair) => indices.push(...pair.links));
    return indices.sort((x, y) => x - y).map((i) => this.links[i]!);
  }

  /**
   * Call `callback(partner, pair)` for every actor linked to `id` (in the
   * order their first link appears), with the pair's aggregated links. The
   * same as iterating `graph.forEachNeighbor`, without building the graph.
   *
   * @internal
   */
  forEachPartner(id: string, callback: (partner: Actor, pair: Readonly<PairEdgeAttributes>) => void): void {
    const o = this.#ordinal.get(id);
    if (o === undefined) return;
    const { offsets, neighbours, pairs } = this.#adjacencyOf();
    for (let k = offsets[o]!; k < offsets[o + 1]!; k++) callback(this.#actorList[neighbours[k]!]!, this.#pairAttributes[pairs[k]!]!);
  }

  /**
   * Call `callback(source, target, pair)` for every linked pair, in the
   * order of the pairs' first links (the order of `graph`'s edges; `source`
   * is the first link's source), without building the graph.
   *
   * @internal
   */
  forEachPair(callback: (source: Actor, target: Actor, pair: Readonly<PairEdgeAttributes>) => void): void {
    const ends = this.#pairEnds;
    this.#pairAttributes.forEach((attributes, p) => callback(this.#actorList[ends[2 * p]!]!, this.#actorList[ends[2 * p + 1]!]!, attributes));
  }

  /** Number of distinct actors linked to `id` (0 for an unknown id). @internal */
  partnerCount(id: string): number {
    const o = this.#ordinal.get(id);
    if (o === undefined) return 0;
    const { offsets } = this.#adjacencyOf();
    return offsets[o + 1]! - offsets[o]!;
  }

  /**
   * The linked pairs as arrays, for building compact graph views (CSR)
   * without the graphology graph: `keys[i]` is the node key of actor `i`
   * (the order of `actors()`), pair `p` joins `ends[2p]` and `ends[2p + 1]`
   * with summed weight `weights[p]`. Shared: do not mutate.
   *
   * @internal
   */
  pairTable(): { keys: string[]; ends: Int32Array; weights: Float64Array } {
    return (this.#pairTable ??= {
      keys: this.#actorList.map((a) => nodeKey(a.id)),
      ends: this.#pairEnds,
      weights: Float64Array.from(this.#pairAttributes, (p) => p.weight),
    });
  }
  #pairTable: { keys: string[]; ends: Int32Array; weights: Float64Array } | undefined;

  #adjacencyOf(): { offsets: Int32Array; neighbours: Int32Array; pairs: Int32Array } {
    if (this.#adjacency) return this.#adjacency;
    // Counting sort of the pair ends by actor: each actor's pairs stay in pair order.
    const n = this.#actorList.length;
    const ends = this.#pairEnds;
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

  #buildGraph(): UndirectedGraph<ActorNodeAttributes, PairEdgeAttributes> {
    const graph = new UndirectedGraph<ActorNodeAttributes, PairEdgeAttributes>({ allowSelfLoops: false });
    const { keys } = this.pairTable();
    this.#actorList.forEach((actor, i) => {
      const attributes: ActorNodeAttributes = { id: actor.id, name: actor.name, kind: actor.kind };
      if (actor.municipality !== undefined) attributes.municipality = actor.municipality;
      if (actor.county !== undefined) attributes.county = actor.county;
      graph.addNode(keys[i]!, attributes);
    });
    const ends = this.#pairEnds;
    // Copies: the graph is the caller's to change (graphology algorithms write attributes), the pair table is not.
    this.#pairAttributes.forEach((a, p) =>
      graph.addEdgeWithKey(`e${p}`, keys[ends[2 * p]!]!, keys[ends[2 * p + 1]!]!, { weight: a.weight, count: a.count, kinds: a.kinds, links: [...a.links], crossMunicipal: a.crossMunicipal, crossCounty: a.crossCounty }),
    );
    return graph;
  }

  /**
   * The network of links active on `date` (ISO `YYYY-MM-DD`): a link is active
   * when `since` is absent or on or before the date, and `until` is absent or
   * on or after it (both ends inclusive). Every actor is kept.
   */
  asOf(date: string): CooperationNetwork {
    if (!IsoDateSchema.safeParse(date).success) throw new Error(`asOf: expected an ISO date YYYY-MM-DD that exists, got ${JSON.stringify(date)}`);
    return this.#withLinks((l) => (l.since === undefined || l.since <= date) && (l.until === undefined || date <= l.until), date);
  }

  /**
   * The network with only the links for which `keep` is true (every actor is
   * kept). `asOf` is this with an activity test; held-out evaluation uses it
   * for "the links still running after a date".
   */
  filterLinks(keep: (link: NetworkLink) => boolean): CooperationNetwork {
    return this.#withLinks(keep, this.date);
  }

  #withLinks(keep: (link: NetworkLink) => boolean, date: string | undefined): CooperationNetwork {
    return new CooperationNetwork(this.geography, this.#actors, this.#linkCopies(keep), this.loadReport, date, this.scope);
  }

  /**
   * Fresh link objects for a new network (which owns and extends them).
   * Written out, not `({ index, …, ...link }) => link`: object rest costs
   * microseconds and a kilobyte per object on Node 20, seconds at a million links.
   */
  #linkCopies(keep: (link: NetworkLink) => boolean): (Link & { origin?: { file: string; row: number } })[] {
    return this.links.filter(keep).map((l) => {
      const link: Link & { origin?: { file: string; row: number } } = { source: l.source, target: l.target, weight: l.weight };
      if (l.kind !== undefined) link.kind = l.kind;
      if (l.since !== undefined) link.since = l.since;
      if (l.until !== undefined) link.until = l.until;
      if (l.attributes !== undefined) link.attributes = l.attributes;
      if (l.origin !== undefined) link.origin = l.origin;
      return link;
    });
  }

  /**
   * Municipality–municipality cooperation: two municipalities are tied when a
   * cross-municipal link joins their actors, or when both are linked to the
   * same shared body (members of one fire-and-rescue association cooperate
   * with each other). Each tie lists the bodies and links behind it.
   */
  municipalityProjection(options: MunicipalityProjectionOptions = {}): MunicipalityProjection {
    const o = parseOptions(MunicipalityProjectionOptionsSchema, options, 'municipalityProjection');
    // Kinds named as in files (`Kommunalförbund` is joint_body), as every other function reads them.
    const via = o.via?.map((kind) => normaliseKind(kind));
    // The ties are frozen and can be shared; the graph is the caller's own copy.
    const shared = sharedProjection(this, { ...(via && { via }), ...(o.endpoints && { endpoints: o.endpoints }) });
    return { ties: shared.ties, graph: shared.graph.copy() };
  }

  /** @internal Compute a projection; see {@link sharedProjection}, which caches it. */
  static computeProjection(net: CooperationNetwork, via: readonly string[], endpoints: 'any' | 'municipalities'): MunicipalityProjection {
    return net.#computeProjection(via, endpoints);
  }

  #computeProjection(via: readonly string[], endpoints: 'any' | 'municipalities'): MunicipalityProjection {

    const ties = new Map<string, MunicipalityTie>();
    const tie = (x: string, y: string): MunicipalityTie => {
      const [a, b] = x < y ? [x, y] : [y, x];
      const k = `${a}\u0000${b}`;
      let t = ties.get(k);
      if (!t) {
        const crossCounty = this.#actors.get(a)!.county !== this.#actors.get(b)!.county;
        ties.set(k, (t = { a, b, direct: 0, bodies: [], links: [], weight: 0, crossCounty }));
      }
      return t;
    };

    for (const link of this.links) {
      if (!link.crossMunicipal) continue;
      const s = this.#actors.get(link.source)!;
      const t = this.#actors.get(link.target)!;
      if (endpoints === 'municipalities' && (s.kind !== 'municipality' || t.kind !== 'municipality')) continue;
      const entry = tie(s.municipality!, t.municipality!);
      entry.direct += 1;
      entry.weight += link.weight;
      entry.links.push(link.index);
    }

    const viaKinds = new Set(via);
    for (const body of this.#actors.values()) {
      if (!viaKinds.has(body.kind)) continue;
      const members: { code: string; links: number[] }[] = [];
      this.forEachPartner(body.id, (partner, pair) => {
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
    const ix = indexGeography(this.geography);
    for (const a of this.#actors.values()) {
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
}

/**
 * Check that an argument is a {@link CooperationNetwork} (else an
 * {@link ArgumentError} naming the function): `centrality(null)` says so
 * instead of failing inside.
 */
export function checkNetwork(net: unknown, fn: string): asserts net is CooperationNetwork {
  if (!(net instanceof CooperationNetwork)) throw new ArgumentError(`${fn}: expected a CooperationNetwork (from loadNetwork or CooperationNetwork.create), got ${describeValue(net)}`);
}

/** Throws a {@link GeographyRequiredError} naming `fn` when the network is a plain graph (after checking it is a network). */
export function requireGeography(net: unknown, fn: string): asserts net is CooperationNetwork {
  checkNetwork(net, fn);
  if (net.geography.municipalities.length === 0) throw new GeographyRequiredError(fn);
}

/** The codes of the network's scope, as a set (cached per network). */
export function scopeSet(net: CooperationNetwork): ReadonlySet<string> {
  return cached(net, 'network:scope', () => new Set(net.municipalities().map((m) => m.code)));
}

/**
 * @internal The municipality projection, computed once per network and
 * options and shared by the analyses (coverage, gaps, recommendations all
 * need it). Its ties are frozen; its graph must not be changed, which is why
 * `CooperationNetwork.municipalityProjection` hands callers a copy instead.
 */
export function sharedProjection(net: CooperationNetwork, options: MunicipalityProjectionOptions = {}): MunicipalityProjection {
  const via = [...(options.via ?? ['joint_body'])].sort(cmp);
  const endpoints = options.endpoints ?? 'any';
  return cached(net, `projection:${JSON.stringify([via, endpoints])}`, () => CooperationNetwork.computeProjection(net, via, endpoints));
}
