/**
 * Sweden's default datasets: the real cooperation bodies and the police
 * regions shipped in `data/sweden/`, read from the embedded files.
 */
import { csvParse } from 'd3-dsv';
import { z } from 'zod';
import { cached, PROCESS } from '../../model/cache.js';
import type { Row } from '../../model/country.js';
import { cmp, findCounty } from '../../model/geography.js';
import { parseOptions } from '../../model/options.js';
import { setOwn } from '../../model/own.js';
import { asciiSlug } from '../../model/text.js';
import type { Geography } from '../../model/schema.js';
import * as data from './data.js';
import { SWEDISH_NAME_RULES } from './names.js';

/** The rows of an embedded CSV file, as header → cell records. */
function rowsOf(text: string): Record<string, string>[] {
  return csvParse(text).map((r) => {
    const row: Record<string, string> = {};
    for (const [key, value] of Object.entries(r)) setOwn(row, key, value ?? '');
    return row;
  });
}

/** Sweden's counties alone (for naming a region's county), with the Swedish name rules: made once per process. */
function swedishCounties(): Geography {
  return cached(PROCESS, 'sweden:counties', () => ({
    name: 'Sweden',
    municipalities: [],
    counties: rowsOf(data.counties).map((r) => ({ code: r.county_code!, name: r.county_name! })),
    borders: [],
    names: SWEDISH_NAME_RULES,
  }));
}

/** The police regions and the counties each covers: `{ region, county }` rows (real, since 2015). */
export function swedenPoliceRegions(): { region: string; county: string }[] {
  return rowsOf(data.policeRegions).map((r) => ({ region: r.police_region!, county: r.county_code! }));
}

/** Options of {@link swedenCooperationBodies}. */
export const CooperationBodiesOptionsSchema = z.strictObject({
  /**
   * Which memberships to load, by how they are known (`member_evidence`):
   * `'all'` (default) or `'explicit'`, only bodies whose source lists their
   * members (`explicit_list`; 129 of the 174 bodies that are not proposals).
   */
  evidence: z.enum(['all', 'explicit']).optional(),
});
export type CooperationBodiesOptions = z.input<typeof CooperationBodiesOptionsSchema>;

/** `Region Östergötland`, `Landstinget i Kalmar län`, `Västra Götalandsregionen`: a region (county council). */
const REGION = /region|landsting/iu;
/** A kommunalförbund or other body as a member of a body. */
const BODY = /förbund\b/iu;

/** The county of a region named by its county: `Landstinget i Kalmar län`, `Västra Götalandsregionen`, `Region Värmland`. */
function regionCounty(name: string): string | undefined {
  const bare = name
    .replace(/\([^)]*\)/gu, ' ')
    .replace(/regionen\b/giu, ' ')
    .replace(/\b(region|landstinget|landsting|i)\b/giu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
  // "Region Jämtland Härjedalen" is Jämtlands län: try the first word too.
  return (findCounty(swedishCounties(), bare) ?? findCounty(swedishCounties(), bare.split(' ')[0] ?? ''))?.code;
}

/** An id for a named non-municipal member: `Region Östergötland` → `region-ostergotland`. */
const memberId = asciiSlug;

/**
 * The real inter-municipal cooperation bodies shipped in `data/sweden/`
 * (`cooperation_bodies.csv`, `cooperations.csv`; see SOURCES.md), as input
 * for `loadNetwork`: 174 bodies (the 11 proposals are not memberships and are
 * left out) with 871 memberships of municipalities.
 *
 * - Each body is a `joint_body` actor with id `body_id`, its county when its
 *   members are in one county, and as attributes: `body_type`
 *   (`raddningstjanstforbund`, `samordningsforbund`, `gemensam_namnd`,
 *   `kommunalforbund_other`, `delregional`, `other`), `field` (what it does,
 *   in Swedish), `status` (`current_at_source`, `historical`,
 *   `probably_historical`), `member_evidence` (`explicit_list`,
 *   `document_title`, `name_lists_members`, `county_wide_statement`,
 *   `indirect`), `county_wide` (`true` when the members are exactly all the
 *   municipalities of one county: an obligation, not a choice of partners),
 *   `source_url`, `source_title`, `as_of`, `notes`, and the `since`/`until`
 *   text as written.
 * - Each membership is a link of kind `member` from the body to the
 *   municipality, with `source_url` and `as_of` of the membership row as
 *   attributes. Its `since`/`until` are the body's dates from
 *   `cooperation_body_dates.csv` (how exact each is: `since_precision`,
 *   `until_precision`), so historical memberships end; a member that
 *   joined later has its own start (`cooperation_membership_dates.csv`).
 * - Named non-municipal members (the region, Försäkringskassan and
 *   Arbetsförmedlingen of a Finsam association, a region of a regional
 *   body) are actors too (`authority`, a region with its county; the two
 *   national agencies), linked to the body; `member_evidence` on their link
 *   is `by_law` when the source says they are members by law but does not
 *   name them. Members not named at all are not invented.
 *
 * Partial: 185 bodies where Sweden has several hundred; membership as of
 * each source's date.
 *
 * @example
 * const bodies = loadNetwork(swedenCooperationBodies());
 * bodies.actor('nerikes-brandkar')!.attributes!.body_type; // 'raddningstjanstforbund'
 */
export function swedenCooperationBodies(options: CooperationBodiesOptions = {}): { actors: Row[]; links: Row[] } {
  parseOptions(CooperationBodiesOptionsSchema, options, 'swedenCooperationBodies');
  const explicitOnly = (options.evidence ?? 'all') === 'explicit';
  const bodies = rowsOf(data.cooperationBodies).filter((b) => b.status !== 'proposal' && (!explicitOnly || b.member_evidence === 'explicit_list'));
  const dates = new Map(rowsOf(data.cooperationBodyDates).map((d) => [d.body_id!, d]));
  const memberSince = new Map(rowsOf(data.cooperationMembershipDates).map((d) => [`${d.body_id}\u0000${d.municipality_code}`, d.since!]));
  const membersOf = new Map<string, Record<string, string>[]>();
  for (const m of rowsOf(data.cooperations)) {
    let list = membersOf.get(m.body_id!);
    if (!list) membersOf.set(m.body_id!, (list = []));
    list.push(m);
  }
  const bodyIds = new Set(bodies.map((b) => b.body_id!));
  const bodyByName = new Map(bodies.map((b) => [b.name!.toLocaleLowerCase('sv'), b.body_id!]));

  const actors: Row[] = [];
  const links: Row[] = [];
  const others = new Map<string, Row>();
  for (const b of bodies) {
    const id = b.body_id!;
    const counties = (b.county_codes ?? '').split(';').filter(Boolean);
    const actor: Row = { id, name: b.name!, kind: 'joint_body' };
    if (counties.length === 1) actor.county = counties[0]!;
    // `type` would be read as the actor's kind: it is `body_type` here.
    const names: Record<string, string> = { type: 'body_type', since: 'since_text', until: 'until_text' };
    for (const key of ['type', 'field', 'status', 'member_evidence', 'county_wide', 'since', 'until', 'source_url', 'source_title', 'as_of', 'notes']) {
      if (b[key]) actor[names[key] ?? key] = b[key]!;
    }
    actors.push(actor);

    const date = dates.get(id);
    const dated = (link: Row): Row => {
      if (date?.since) Object.assign(link, { since: date.since, since_precision: date.since_precision! });
      if (date?.until) Object.assign(link, { until: date.until, until_precision: date.until_precision! });
      return link;
    };
    for (const m of (membersOf.get(id) ?? []).sort((p, q) => cmp(p.municipality_code!, q.municipality_code!))) {
      const link = dated({ source: id, target: m.municipality_code!, kind: 'member', source_url: m.source_url!, as_of: m.as_of! });
      const since = memberSince.get(`${id}\u0000${m.municipality_code}`);
      if (since) Object.assign(link, { since, since_precision: 'day' });
      links.push(link);
    }

    // Named non-municipal members: "Region Skåne; Försäkringskassan; Arbetsförmedlingen (per Finsam law)".
    const text = (b.non_municipal_members ?? '').trim();
    if (text === '' || text.startsWith('(')) continue;
    const byLaw = /\((?:[^)]*\b(?:not named|not listed|per Finsam law|by law))[^)]*\)\s*$/iu.test(text);
    for (const entry of text.split(';')) {
      const name = entry.replace(/\s*\([^)]*\)\s*$/u, '').trim();
      if (name === '') continue;
      const existing = bodyByName.get(name.toLocaleLowerCase('sv'));
      const other = existing !== undefined && bodyIds.has(existing) ? existing : memberId(name);
      if (existing === undefined && !others.has(other)) {
        const kind = BODY.test(name) ? 'joint_body' : 'authority';
        const row: Row = { id: other, name, kind };
        const county = REGION.test(name) ? regionCounty(name) : undefined;
        if (county !== undefined) row.county = county;
        others.set(other, row);
      }
      const link: Row = { source: id, target: other, kind: 'member' };
      if (byLaw) link.member_evidence = 'by_law';
      links.push(dated(link));
    }
  }
  actors.push(...[...others.values()].sort((p, q) => cmp(String(p.id), String(q.id))));
  return { actors, links };
}
