import type { UndirectedGraph } from 'graphology';
import { cmp, findCounty, findMunicipality, indexGeography } from './geography.js';
import { ArgumentError, describeValue, GeographyRequiredError } from './errors.js';
import { said, saidIn } from './options.js';
import type { LoadReport } from './load-report.js';
import { IsoDateSchema, type Actor, type County, type Geography, type Municipality } from './schema.js';
import type { Scope, ScopeOption } from './scope.js';
import { cached } from './cache.js';
import { geographyKindVocabulary, type KindVocabulary } from './kinds.js';
import type { ActorIndex } from './network-actors.js';
import { assembleParts, type NetworkParts } from './network-parts.js';
import { NetworkStorage, type NetworkLink, type OwnedLink, type PairCounts, type PairEdgeAttributes } from './network-storage.js';
import type { LinkColumns } from './link-columns.js';
import type { ActorColumns } from './actor-columns.js';
import { buildActorGraph, type ActorNodeAttributes } from './network-graph.js';
import { municipalityProjection, type MunicipalityProjection, type MunicipalityProjectionOptions } from './network-projection.js';

// The network is three modules behind this class: storage (actors, links,
// their indexes: network-storage.ts), the graphology view (network-graph.ts)
// and the municipality projection (network-projection.ts); the parts a
// network is made from are checked in network-parts.ts.
export { MAX_LINK_WEIGHT, type NetworkParts } from './network-parts.js';
export type { NetworkLink, PairEdgeAttributes } from './network-storage.js';
export type { ActorNodeAttributes } from './network-graph.js';
export { MunicipalityProjectionOptionsSchema, type MunicipalityProjection, type MunicipalityProjectionOptions, type MunicipalityTie } from './network-projection.js';
/** @internal */
export { sharedProjection } from './network-projection.js';

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
    return (this.#graph ??= buildActorGraph(this.#storage));
  }
  #graph: UndirectedGraph<ActorNodeAttributes, PairEdgeAttributes> | undefined;
  /** Every link, in input order. */
  get links(): readonly NetworkLink[] {
    return this.#storage.links;
  }
  /** What the loader did with every input row, when the network was loaded from input. */
  readonly loadReport: LoadReport | undefined;
  /** The date given to {@link asOf}, when this network is a snapshot. */
  readonly date: string | undefined;
  /**
   * The area the data covers: the municipalities and counties that
   * `municipalities()`, `counties()` and every analysis, table, gap list,
   * map and report are about (see {@link Scope}).
   */
  readonly scope: Scope;
  /**
   * The words that name actor kinds in this network: its geography's (the
   * model's and its country's), and for a loaded network the words of the
   * loader's `kindsFile` option (CLI `--kinds-file`). Options that name kinds
   * (`via`, `kinds`, `partnerKinds` …) are read with them (`parseOptions(…, net)`).
   */
  readonly kindVocabulary: KindVocabulary;

  readonly #storage: NetworkStorage;

  private constructor(
    geography: Geography,
    actors: ActorIndex,
    links: readonly OwnedLink[] | LinkColumns,
    loadReport: LoadReport | undefined,
    date: string | undefined,
    scope: Scope,
    kindVocabulary: KindVocabulary | undefined,
  ) {
    this.geography = geography;
    this.scope = scope;
    this.kindVocabulary = kindVocabulary ?? geographyKindVocabulary(geography);
    this.loadReport = loadReport;
    this.date = date;
    this.#storage = new NetworkStorage(actors, links);
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
   * Geography references and duplicates are still checked. `columns`: the
   * loader's links as columns (instead of `parts.links`), kept so by the
   * network, which makes the link objects on first use. `distinct`: how
   * many of the first actors have distinct ids, none a municipality's code
   * unless of kind municipality (the loader's actors reader sees to it):
   * their ids are not checked again (see `assembleParts`). `actors`: the
   * loader's actors as columns (instead of `parts.actors`), kept so by the
   * network, which makes the actor objects on first use.
   *
   * @internal
   */
  static fromValidated(parts: NetworkParts, columns?: LinkColumns, distinct = 0, actors?: ActorColumns): CooperationNetwork {
    return CooperationNetwork.#build(parts, false, columns, distinct, actors);
  }

  static #build(parts: NetworkParts, validate: boolean, columns?: LinkColumns, distinct = 0, actorColumns?: ActorColumns): CooperationNetwork {
    const { actors, links, scope } = assembleParts(parts, validate, columns, distinct, actorColumns);
    return new CooperationNetwork(parts.geography, actors, columns ?? links, parts.loadReport, undefined, scope, parts.kindVocabulary);
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
        links: this.#storage.linkCopies(() => true),
        scope,
        kindVocabulary: this.kindVocabulary,
        ...(this.loadReport && { loadReport: this.loadReport }),
      },
      false,
    );
  }

  /** The actor with this id, if any. */
  actor(id: string): Actor | undefined {
    return this.#storage.actors.get(id);
  }

  hasActor(id: string): boolean {
    return this.#storage.actors.has(id);
  }

  /** Every actor: municipalities first in code order, then the others in input order. */
  actors(): Actor[] {
    return [...this.#storage.actors.values()];
  }

  /** Number of actors, municipalities included. */
  get order(): number {
    return this.#storage.actors.size;
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
    if (typeof codeOrName !== 'string') throw new ArgumentError(saidIn('municipality', said('errors.network.codeOrName', { value: (lang) => describeValue(codeOrName, lang) })));
    return findMunicipality(this.geography, codeOrName);
  }

  /** A county by code or name (`Västerbottens län`, `Västerbotten`). A value that is not a string is an `ArgumentError`. */
  county(codeOrName: string): County | undefined {
    if (typeof codeOrName !== 'string') throw new ArgumentError(saidIn('county', said('errors.network.codeOrName', { value: (lang) => describeValue(codeOrName, lang) })));
    return findCounty(this.geography, codeOrName);
  }

  /** Actors that belong to a municipality, other than the municipality itself, in input order. */
  actorsInMunicipality(code: string): Actor[] {
    return [...this.#storage.actorsInMunicipality(code)];
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
    return this.#storage.linksBetween(a, b);
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
    this.#storage.forEachPartner(id, callback);
  }

  /**
   * Call `callback(source, target, pair)` for every linked pair, in the
   * order of the pairs' first links (the order of `graph`'s edges; `source`
   * is the first link's source), without building the graph.
   *
   * @internal
   */
  forEachPair(callback: (source: Actor, target: Actor, pair: Readonly<PairEdgeAttributes>) => void): void {
    this.#storage.forEachPair(callback);
  }

  /**
   * Link `index`'s dates (`[since, until]`, `undefined` for none), read
   * from a loaded network's columns without making the link objects (issue
   * 16: `links[index]` makes all of them).
   *
   * @internal
   */
  linkDates(index: number): [since: string | undefined, until: string | undefined] {
    return this.#storage.linkDates(index);
  }

  /** Number of distinct actors linked to `id` (0 for an unknown id). @internal */
  partnerCount(id: string): number {
    return this.#storage.partnerCount(id);
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
    return this.#storage.pairTable();
  }

  /**
   * The linked pairs and links as columns (ends as in {@link pairTable},
   * ordinals of `actors()`): each pair's number of links and cross flags,
   * each link's pair and weight, for counts and sums over links that need
   * no link objects (see `PairCounts`). Shared: do not mutate.
   *
   * @internal
   */
  pairCounts(): PairCounts {
    return this.#storage.pairCounts();
  }

  /**
   * The network of links active on `date` (ISO `YYYY-MM-DD`): a link is active
   * when `since` is absent or on or before the date, and `until` is absent or
   * on or after it (both ends inclusive). Every actor is kept.
   */
  asOf(date: string): CooperationNetwork {
    if (!IsoDateSchema.safeParse(date).success) throw new ArgumentError(saidIn('asOf', said('errors.isoDate', { value: JSON.stringify(date) })));
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
    return new CooperationNetwork(this.geography, this.#storage.actors, this.#storage.linkCopies(keep), this.loadReport, date, this.scope, this.kindVocabulary);
  }

  /**
   * Municipality–municipality cooperation: two municipalities are tied when a
   * cross-municipal link joins their actors, or when both are linked to the
   * same shared body (members of one fire-and-rescue association cooperate
   * with each other). Each tie lists the bodies and links behind it.
   */
  municipalityProjection(options: MunicipalityProjectionOptions = {}): MunicipalityProjection {
    return municipalityProjection(this, options);
  }
}

/**
 * Check that an argument is a {@link CooperationNetwork} (else an
 * {@link ArgumentError} naming the function): `centrality(null)` says so
 * instead of failing inside.
 */
export function checkNetwork(net: unknown, fn: string): asserts net is CooperationNetwork {
  if (!(net instanceof CooperationNetwork)) throw new ArgumentError(saidIn(fn, said('errors.network.expected', { value: (lang) => describeValue(net, lang) })));
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
