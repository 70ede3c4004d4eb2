import { z } from 'zod';
import { indexGeography, cmp } from './geography.js';
import type { LoadReport } from './load-report.js';
import type { ActorColumns } from './actor-columns.js';
import { ActorIndex } from './network-actors.js';
import type { LinkColumns } from './link-columns.js';
import type { OwnedLink } from './network-storage.js';
import type { KindVocabulary } from './kinds.js';
import { ActorSchema, LinkSchema, type Actor, type Geography, type LinkInput } from './schema.js';
import { inferScope, resolveScope, type Scope, type ScopeOption } from './scope.js';
import { ArgumentError } from './errors.js';
import { issueReason, said, saidIn, type Said } from './options.js';

/**
 * From the parts a caller gives (`CooperationNetwork.create`) or a loader
 * has validated, the actors, links and scope a network is stored with:
 * checked against the geography, municipality actors made from it.
 */

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
  /** The words that name kinds in the network's options (default: the geography's, `geographyKindVocabulary`); a loader gives the vocabulary it read the files with. */
  kindVocabulary?: KindVocabulary;
}

/** What a network is stored with: actors in network order, owned links, the resolved scope. */
export interface AssembledParts {
  actors: ActorIndex;
  links: readonly OwnedLink[];
  scope: Scope;
}

/**
 * Check the parts and put them in network order: municipality actors
 * first, in code order (those of the scope and those the data names), then
 * the others in input order. With `validate`, each actor and link is
 * checked against its schema and copied; without, the loaders' validated
 * objects are taken as they are (at a million links the second validation
 * costs seconds). Geography references and duplicates are always checked,
 * but for the first `distinct` actors, whose ids the caller (a loader's
 * actors reader) has made distinct and none a municipality's code unless
 * of kind municipality: they need no map of their ids (issue 16; the
 * network makes one on its first lookup by id).
 */
export function assembleParts(parts: NetworkParts, validate: boolean, columns?: LinkColumns, distinct = 0, actorColumns?: ActorColumns): AssembledParts {
  const { geography } = parts;
  const ix = indexGeography(geography);
  const fail = (where: string, reason: Said): never => {
    throw new ArgumentError(saidIn('CooperationNetwork.create', saidIn(where, reason)));
  };
  // zod's own message in English (as it has always been), the catalogue's in other languages.
  const issue = (error: z.ZodError): Said => (lang) => error.issues.map((i) => `${i.path.join('.') || 'value'}: ${lang === 'en' ? i.message : issueReason(i, undefined, lang)}`).join('; ');
  // Municipality actors first, in code order: those of the scope and those the data names.
  const others: Actor[] = [];
  /** The others' ids → their places, made when an actor after the first `distinct` comes (until then the ids need no check). */
  let places: Map<string, number> | undefined;
  const municipalityAttributes = new Map<string, Record<string, string>>();
  /** The municipalities the other actors belong to. */
  const ownMunicipalities = new Set<string>();
  const checkPlaces = (i: number, id: string, municipality: string | undefined, county: string | undefined) => {
    if (municipality !== undefined && !ix.municipality.has(municipality)) fail(`actors[${i}] (${id})`, said('errors.create.unknownMunicipality', { code: JSON.stringify(municipality) }));
    if (county !== undefined && !ix.county.has(county)) fail(`actors[${i}] (${id})`, said('errors.create.unknownCounty', { code: JSON.stringify(county) }));
  };
  const mergeMunicipality = (i: number, actor: Actor) => {
    const m = ix.municipality.get(actor.municipality ?? actor.id);
    if (!m) fail(`actors[${i}] (${actor.id})`, said('errors.create.municipalityKind'));
    municipalityAttributes.set(m!.code, { ...municipalityAttributes.get(m!.code), ...actor.attributes });
  };
  /** Whether actor `i`, the `place`-th of the others, has an id of its own (one lookup: the id's place is set, and a size that did not grow is a repeat). */
  const checkId = (i: number, id: string, place: number, ids: (k: number) => string) => {
    if (i < distinct) return;
    if (places === undefined) {
      places = new Map<string, number>();
      for (let k = 0; k < place; k++) places.set(ids(k), k);
    }
    const before = places.size;
    places.set(id, place);
    if (places.size === before || ix.municipality.has(id)) fail(`actors[${i}]`, said(ix.municipality.has(id) ? 'errors.create.duplicateCode' : 'errors.create.duplicateId', { id: JSON.stringify(id) }));
  };
  let otherColumns: ActorColumns | undefined;
  if (actorColumns) {
    // A loader's actors, as columns: checked row by row without their objects; each place code is looked up once.
    const placeChecked = new Uint8Array(actorColumns.places.length);
    /** Whether a row of kind municipality was merged into its municipality (and the columns must be filtered). */
    let merged = false;
    let place = 0;
    /** The rows of the others, by place. */
    const kept: number[] = [];
    for (let i = 0; i < actorColumns.count; i++) {
      const id = actorColumns.ids[i]!;
      const mc = actorColumns.municipalityCode(i);
      const cc = actorColumns.countyCode(i);
      if ((mc >= 0 && placeChecked[mc] !== 1) || (cc >= 0 && placeChecked[cc] !== 2)) {
        checkPlaces(i, id, actorColumns.municipalityOf(i), actorColumns.countyOf(i));
        if (mc >= 0) placeChecked[mc] = 1;
        if (cc >= 0 && placeChecked[cc] === 0) placeChecked[cc] = 2;
      }
      if (actorColumns.isMunicipality(i)) {
        mergeMunicipality(i, actorColumns.row(i));
        merged = true;
        continue;
      }
      const attributes = actorColumns.attributes.get(i);
      if (attributes && !Object.isFrozen(attributes)) actorColumns.setAttributes(i, frozenAttributes(attributes));
      checkId(i, id, place, (k) => actorColumns.ids[kept[k]!]!);
      kept.push(i);
      const municipality = actorColumns.municipalityOf(i);
      if (municipality !== undefined) {
        ownMunicipalities.add(municipality);
        if (cc < 0) actorColumns.setCounty(i, ix.municipality.get(municipality)!.county);
      }
      place++;
    }
    otherColumns = !merged ? actorColumns : actorColumns.filter((i) => !actorColumns.isMunicipality(i));
  }
  (parts.actors ?? []).forEach((input, i) => {
    // The schemas are the source of truth: clean parts are checked against them.
    let actor = input as Actor;
    if (validate) {
      const parsed = ActorSchema.safeParse(input);
      if (!parsed.success) fail(`actors[${i}]`, issue(parsed.error));
      actor = parsed.data!;
    }
    checkPlaces(i, actor.id, actor.municipality, actor.county);
    if (actor.kind === 'municipality') {
      mergeMunicipality(i, actor);
      return;
    }
    // The caller's attribute object is not the network's: a copy, frozen with the actor.
    if (actor.attributes && !Object.isFrozen(actor.attributes)) actor.attributes = frozenAttributes(actor.attributes);
    checkId(i, actor.id, others.length, (k) => others[k]!.id);
    const county = actor.county ?? (actor.municipality !== undefined ? ix.municipality.get(actor.municipality)!.county : undefined);
    // Actors of another network are frozen (withScope, asOf): copied, not written to.
    if (county !== undefined && actor.county === undefined) actor = Object.isFrozen(actor) ? { ...actor, county } : Object.assign(actor, { county });
    if (actor.municipality !== undefined) ownMunicipalities.add(actor.municipality);
    others.push(actor);
  });
  const links = checkedLinks((parts.links ?? []) as readonly OwnedLink[], validate, fail, issue);
  const linkMunicipalities = municipalitiesOfLinks(ix.municipality, columns, links);
  const given = parts.scope ?? 'all';
  const scope: Scope =
    typeof given === 'object' && 'description' in given
      ? given
      : given === 'infer'
        ? inferScope(geography, [...ownMunicipalities, ...municipalityAttributes.keys()].map((code): Actor => ({ id: code, name: code, kind: 'municipality', municipality: code })), linkMunicipalities)
        : resolveScope(geography, given as Exclude<ScopeOption, 'infer'>);
  const municipalityActors = municipalityActorsOf(ix, [scope.municipalities, linkMunicipalities, ownMunicipalities, municipalityAttributes.keys()], municipalityAttributes);
  return { actors: new ActorIndex(municipalityActors, otherColumns ?? others, places), links, scope };
}

/** The links of the parts, checked against the schema and copied (unknown keys dropped, so the network owns its link objects) when `validate`. */
function checkedLinks(given: readonly OwnedLink[], validate: boolean, fail: (where: string, reason: Said) => never, issue: (error: z.ZodError) => Said): readonly OwnedLink[] {
  if (!validate) return given;
  return given.map((input, i) => {
    const parsed = LinkSchema.safeParse(input);
    if (!parsed.success) fail(`links[${i}]`, issue(parsed.error));
    const link: OwnedLink = parsed.data!;
    if (link.weight > MAX_LINK_WEIGHT) fail(`links[${i}]`, said('errors.create.weight', { max: MAX_LINK_WEIGHT }));
    if (link.attributes) link.attributes = frozenAttributes(link.attributes);
    if (input.origin) link.origin = { file: input.origin.file, row: input.origin.row };
    return link;
  });
}

/** The municipalities the links name, in one plain loop (a generator over two million ends costs a second); a loader's ends are numbers of its table of ids, each id used by a link looked at once. */
function municipalitiesOfLinks(municipalities: ReadonlyMap<string, unknown>, columns: LinkColumns | undefined, links: readonly OwnedLink[]): Set<string> {
  const out = new Set<string>();
  if (columns) {
    const { ids, source, target } = columns.ends;
    const used = new Uint8Array(ids.length);
    for (let i = 0; i < columns.count; i++) used[source[i]!] = used[target[i]!] = 1;
    for (let k = 0; k < ids.length; k++) if (used[k] === 1 && municipalities.has(ids[k]!)) out.add(ids[k]!);
  }
  for (let i = 0; i < links.length; i++) {
    const l = links[i]!;
    if (municipalities.has(l.source)) out.add(l.source);
    if (municipalities.has(l.target)) out.add(l.target);
  }
  return out;
}

/** The municipality actors of the given codes (the scope's, and those the data names), in code order, each with the attributes its municipality rows gave. */
function municipalityActorsOf(ix: ReturnType<typeof indexGeography>, codeLists: readonly Iterable<string>[], municipalityAttributes: ReadonlyMap<string, Record<string, string>>): Actor[] {
  const codes = new Set<string>();
  for (const list of codeLists) for (const code of list) codes.add(code);
  const out: Actor[] = [];
  for (const code of [...codes].sort(cmp)) {
    const m = ix.municipality.get(code)!;
    const actor: Actor = { id: m.code, name: m.name, kind: 'municipality', municipality: m.code, county: m.county };
    const attributes = municipalityAttributes.get(code);
    if (attributes && Object.keys(attributes).length > 0) actor.attributes = frozenAttributes(attributes);
    out.push(actor);
  }
  return out;
}
