import { z } from 'zod';
import { fieldsOf } from './fields.js';
import { cmp, findMunicipality, geographyWords, indexGeography } from './geography.js';
import type { CooperationNetwork } from './network.js';
import { IsoDateSchema, type Geography } from './schema.js';
import { OptionsError, parseOptions, said, ViaSchema } from './options.js';
import { municipalitySuggestionHint } from './suggest.js';

/**
 * A group of municipalities that cooperate as one: a joint body
 * (kommunalförbund, gemensam nämnd, samordningsförbund …) and its member
 * municipalities. Groups are what the body-level evaluation hides one at a
 * time, and what the recommender learns from.
 */
export interface Group {
  /** The body's actor id (or the id given). */
  readonly id: string;
  readonly name: string;
  /** Member municipality codes, sorted, each once. */
  readonly members: readonly string[];
  /** Field codes of the vocabulary (see `fieldsOf`), e.g. `['fire_rescue']`; empty when unknown. */
  readonly fields: readonly string[];
  /** The field as written (`field` attribute), if any. */
  readonly field: string | undefined;
  /** The body's type as written (`body_type` attribute), if any. */
  readonly type: string | undefined;
  /** The earliest `since` of its membership links, if any has one. */
  readonly since: string | undefined;
  /** The latest `until` of its membership links, when every one has one (else it still runs). */
  readonly until: string | undefined;
  /**
   * The members are all the municipalities of one county (an association of
   * a county's local authorities): an obligation, not a choice of partners.
   * The `county_wide` attribute when the body has one (`true`/`false`,
   * `ja`/`nej`, `1`/`0`); else derived: the members are exactly the
   * municipalities of a county of at least two.
   */
  readonly countyWide: boolean;
  /** The `status` attribute as written (`historical`, `proposal` …), if any. */
  readonly status: string | undefined;
}

export const GroupsOptionsSchema = z.strictObject({
  /** Actor kinds that are groups: their linked municipalities are the members. Default `['joint_body']`. */
  via: ViaSchema,
});
export type GroupsOptions = z.input<typeof GroupsOptionsSchema>;

const TRUE = new Set(['true', 'ja', 'yes', '1']);

/** Whether `members` are exactly the municipalities of one county (of at least two). */
function coversCounty(geography: Geography, members: readonly string[]): boolean {
  if (members.length < 2) return false;
  const ix = indexGeography(geography);
  const county = ix.municipality.get(members[0]!)?.county;
  const all = county === undefined ? undefined : ix.municipalitiesOf.get(county);
  return all !== undefined && all.length === members.length && members.every((c) => ix.municipality.get(c)?.county === county);
}

/**
 * The groups of a network: every actor of a `via` kind (default
 * `joint_body`) with at least one member municipality, in actor order. A
 * member is a municipality actor linked to the body. Dates, fields and the
 * county-wide flag come from the body's attributes and links (see
 * {@link Group}).
 *
 * @example
 * groupsOf(loadNetwork(swedenCooperationBodies())).length; // 174
 */
export function groupsOf(net: CooperationNetwork, options: GroupsOptions = {}): Group[] {
  // Kinds named as in files (`Kommunalförbund` is joint_body): ViaSchema normalises them.
  const via = new Set(parseOptions(GroupsOptionsSchema, options, 'groupsOf', net).via);
  const groups: Group[] = [];
  for (const actor of net.actors()) {
    if (!via.has(actor.kind)) continue;
    const members = new Set<string>();
    const since: string[] = [];
    const until: (string | undefined)[] = [];
    net.forEachPartner(actor.id, (partner, pair) => {
      if (partner.kind !== 'municipality') return;
      members.add(partner.id);
      for (const i of pair.links) {
        // The dates alone: a loaded network need not make its link objects (issue 16).
        const [from, to] = net.linkDates(i);
        if (from !== undefined) since.push(from);
        until.push(to);
      }
    });
    if (members.size === 0) continue;
    const sorted = [...members].sort(cmp);
    const a = actor.attributes ?? {};
    const ends = until.every((u) => u !== undefined) ? (until as string[]).sort(cmp) : [];
    groups.push({
      id: actor.id,
      name: actor.name,
      members: sorted,
      fields: fieldsOf(a.field, a.body_type),
      field: a.field,
      type: a.body_type,
      since: since.length > 0 ? since.sort(cmp)[0] : undefined,
      until: ends.length > 0 ? ends[ends.length - 1] : undefined,
      countyWide: a.county_wide !== undefined && a.county_wide.trim() !== '' ? TRUE.has(a.county_wide.trim().toLowerCase()) : coversCounty(net.geography, sorted),
      status: a.status,
    });
  }
  return groups;
}

/** A group given directly, e.g. a researcher's benchmark: members by municipality code or name. */
export const GroupInputSchema = z.strictObject({
  id: z.string().min(1),
  name: z.string().min(1).optional(),
  /** Member municipalities: codes (`2480`) or unambiguous names (`Umeå`). */
  members: z.array(z.string().min(1)).min(1),
  /** What the group does, free text or a field code (see `fieldsOf`). */
  field: z.string().optional(),
  since: IsoDateSchema.optional(),
  until: IsoDateSchema.optional(),
  /** Default: derived from the members (all of one county). */
  countyWide: z.boolean().optional(),
});
export type GroupInput = z.input<typeof GroupInputSchema>;

/** The argument of {@link resolveGroups}, as an option of the functions that take groups (`groups` of `fitRecommender`, `evaluateBodies`). */
const GroupsArgumentSchema = z.strictObject({ groups: z.array(GroupInputSchema) });

/**
 * Groups from plain records (see {@link GroupInputSchema}), resolved against
 * a geography. A record the schema refuses, a group id given twice or a
 * member that is not a municipality of the geography throws an
 * `OptionsError` naming the place (`groups.3.members`), the group and the
 * member, with the closest municipality name; its `describe(lang)` says it
 * in a language.
 *
 * @example
 * resolveGroups(swedenGeography(), [{ id: 'a', members: ['Umeå', 'Vännäs'] }]);
 */
export function resolveGroups(geography: Geography, groups: readonly GroupInput[]): Group[] {
  return resolveGroupsOf(geography, groups, 'resolveGroups');
}

/** {@link resolveGroups} for the function `fn` whose `groups` option they are: its errors name `fn`. @internal */
export function resolveGroupsOf(geography: Geography, input: readonly GroupInput[], fn: string): Group[] {
  const seen = new Set<string>();
  return parseOptions(GroupsArgumentSchema, { groups: input }, fn).groups.map((g, i) => {
    if (seen.has(g.id)) throw new OptionsError(fn, `groups.${i}.id`, said('errors.groups.idTwice', { index: i, id: JSON.stringify(g.id) }));
    seen.add(g.id);
    const members = [
      ...new Set(
        g.members.map((m, j) => {
          const found = findMunicipality(geography, m);
          if (!found) {
            const params = { index: i, member: JSON.stringify(m), id: g.id, geography: geographyWords(geography), suggestion: municipalitySuggestionHint(geography, m) };
            throw new OptionsError(fn, `groups.${i}.members.${j}`, said('errors.groups.unknownMember', params));
          }
          return found.code;
        }),
      ),
    ].sort(cmp);
    return {
      id: g.id,
      name: g.name ?? g.id,
      members,
      fields: fieldsOf(g.field),
      field: g.field,
      type: undefined,
      since: g.since,
      until: g.until,
      countyWide: g.countyWide ?? coversCounty(geography, members),
      status: undefined,
    };
  });
}
