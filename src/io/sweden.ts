import { cmp, findCounty } from '../model/geography.js';
import type { Geography } from '../model/schema.js';
import { parseTable } from './csv.js';
import { demoActors, demoLinks } from './embedded/demo-data.js';
import * as sweden from './embedded/sweden-data.js';
import { loadGeography } from './geography.js';
import type { TableSource } from './source.js';
import { setOwn } from '../model/own.js';
import { deepFrozen } from '../model/frozen.js';
import { parseOptions } from '../model/options.js';
import { z } from 'zod';

let cached: Geography | undefined;

/** Where the embedded Swedish data comes from (see `data/sweden/SOURCES.md`). */
export const SWEDEN_SOURCE =
  'Municipalities and counties: SCB code list. Population: SCB, 30 September 2025. Borders: kpalmvik/grannkommuner (from SCB Digitala gränser). ' +
  'Centroids and approximate areas: computed from okfse/sweden-geojson (Valmyndigheten boundaries). ' +
  'Regions: SCB Kommunkopplingar 2025 (LA 2023, FA 2015, SKR kommungrupp 2023, degree of urbanisation). Political rule: SKR, after the 2022 election. See data/sweden/SOURCES.md.';

/**
 * The embedded geography of Sweden: 290 municipalities (population on
 * 30 September 2025, centroid, approximate area, island flag), 21 counties and
 * 728 border pairs. Each municipality carries these `attributes`:
 * `la_region_2023` (SCB local labour-market region), `fa_region_2015`
 * (functional analysis region), `skr_kommungrupp_2023` and its `…_label`
 * (SKR's municipality groups A1–C9), `degurba` (1 city, 2 town, 3 rural),
 * and the rule after the 2022 election: `ruling_parties`,
 * `local_parties_in_rule`, `kso_party`, `skr_category_derived` (SKR's bloc
 * category) and `political_rule_note`. The same object is returned on every
 * call, frozen.
 *
 * @example
 * const geo = swedenGeography();
 * geo.municipalities.length; // 290
 */
export function swedenGeography(): Geography {
  // Shared by every call: frozen, so one caller's change cannot reach another's analyses.
  cached ??= deepFrozen(loadGeography(
    {
      municipalities: { text: sweden.municipalities, name: 'data/sweden/municipalities.csv' },
      counties: { text: sweden.counties, name: 'data/sweden/counties.csv' },
      adjacency: { text: sweden.adjacency, name: 'data/sweden/adjacency.csv' },
      attributes: [
        { text: sweden.municipalityRegions, name: 'data/sweden/municipality_regions.csv' },
        { table: { text: sweden.politicalRule2022, name: 'data/sweden/political_rule_2022.csv' }, rename: { note: 'political_rule_note' } },
      ],
    },
    { name: 'Sweden', source: SWEDEN_SOURCE },
  ));
  return cached;
}

/** A row of an actors or links table, as the loader accepts it. */
export type Row = Record<string, string | number>;

/** Input for `loadNetwork`: actors and links as tables. */
export interface DatasetInput {
  actors: TableSource;
  links: TableSource;
}

function rowsOf(text: string): Record<string, string>[] {
  const table = parseTable(text);
  return table.records.map((r) => {
    const row: Record<string, string> = {};
    table.header.forEach((h, i) => setOwn(row, h, r.fields[i] ?? ''));
    return row;
  });
}

/** The police regions and the counties each covers: `{ region, county }` rows (real, since 2015). */
export function swedenPoliceRegions(): { region: string; county: string }[] {
  return rowsOf(sweden.policeRegions).map((r) => ({ region: r.police_region!, county: r.county_code! }));
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
  return (findCounty(swedenGeography(), bare) ?? findCounty(swedenGeography(), bare.split(' ')[0] ?? ''))?.code;
}

/** An id for a named non-municipal member: `Region Östergötland` → `region-ostergotland`. */
function memberId(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

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
  const bodies = rowsOf(sweden.cooperationBodies).filter((b) => b.status !== 'proposal' && (!explicitOnly || b.member_evidence === 'explicit_list'));
  const dates = new Map(rowsOf(sweden.cooperationBodyDates).map((d) => [d.body_id!, d]));
  const memberSince = new Map(rowsOf(sweden.cooperationMembershipDates).map((d) => [`${d.body_id}\u0000${d.municipality_code}`, d.since!]));
  const membersOf = new Map<string, Record<string, string>[]>();
  for (const m of rowsOf(sweden.cooperations)) {
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

/**
 * The synthetic demonstration dataset in `data/examples/sweden-demo/` (made
 * by `scripts/generate-demo.ts`; see its README): actors and links across all
 * of Sweden, as input for `loadNetwork`. Not real cooperation data.
 *
 * @example
 * const demo = loadNetwork(demoDataset());
 */
export function demoDataset(): DatasetInput {
  return {
    actors: { text: demoActors, name: 'data/examples/sweden-demo/actors.csv' },
    links: { text: demoLinks, name: 'data/examples/sweden-demo/links.csv' },
  };
}
