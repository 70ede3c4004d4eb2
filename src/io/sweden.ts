import { cmp } from '../model/geography.js';
import type { Geography } from '../model/schema.js';
import { parseTable } from './csv.js';
import { demoActors, demoLinks } from './embedded/demo-data.js';
import * as sweden from './embedded/sweden-data.js';
import { loadGeography } from './geography.js';
import type { TableSource } from './source.js';

let cached: Geography | undefined;

/** Where the embedded Swedish data comes from (see `data/sweden/SOURCES.md`). */
export const SWEDEN_SOURCE =
  'Municipalities and counties: SCB code list. Population: SCB, 30 September 2025. Borders: kpalmvik/grannkommuner (from SCB Digitala gränser). ' +
  'Centroids and approximate areas: computed from okfse/sweden-geojson (Valmyndigheten boundaries). See data/sweden/SOURCES.md.';

/**
 * The embedded geography of Sweden: 290 municipalities (population on
 * 30 September 2025, centroid, approximate area, island flag), 21 counties and
 * 728 border pairs. The same object is returned on every call; treat it as
 * read-only.
 *
 * @example
 * const geo = swedenGeography();
 * geo.municipalities.length; // 290
 */
export function swedenGeography(): Geography {
  cached ??= loadGeography(
    {
      municipalities: { text: sweden.municipalities, name: 'data/sweden/municipalities.csv' },
      counties: { text: sweden.counties, name: 'data/sweden/counties.csv' },
      adjacency: { text: sweden.adjacency, name: 'data/sweden/adjacency.csv' },
    },
    { name: 'Sweden', source: SWEDEN_SOURCE },
  );
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
    table.header.forEach((h, i) => Object.defineProperty(row, h, { value: r.fields[i] ?? '', enumerable: true, writable: true, configurable: true }));
    return row;
  });
}

/** The police regions and the counties each covers: `{ region, county }` rows (real, since 2015). */
export function swedenPoliceRegions(): { region: string; county: string }[] {
  return rowsOf(sweden.policeRegions).map((r) => ({ region: r.police_region!, county: r.county_code! }));
}

/**
 * The real inter-municipal cooperation bodies shipped in `data/sweden/` (13
 * fire-and-rescue associations and 3 Finsam coordination associations), as
 * input for `loadNetwork`: one `joint_body` actor per body, linked (kind
 * `member`) to its member municipalities, and, for the Finsam bodies, to
 * Arbetsförmedlingen, Försäkringskassan (national `authority` actors) and the
 * region (a `county` actor). A body's county is set when all its members are
 * in one county. Partial: 16 bodies, not a national register.
 *
 * Dates: `since` is set where the source says "formed/since YYYY-MM-DD"; a
 * body that says "until YYYY-MM-DD" gives its links that `until`; a body that
 * says "from YYYY-MM-DD" dates only the members that came from a body ending
 * the day before (Räddningstjänsten Storgöteborg's three new members in 2023).
 *
 * @example
 * const bodies = loadNetwork(swedenCooperationBodies());
 */
export function swedenCooperationBodies(): { actors: Row[]; links: Row[] } {
  const geography = swedenGeography();
  const countyOf = new Map(geography.municipalities.map((m) => [m.code, m.county]));
  const bodies = rowsOf(sweden.cooperationBodies);
  const memberships = rowsOf(sweden.cooperations);

  const membersOf = new Map<string, string[]>();
  for (const m of memberships) {
    const list = membersOf.get(m.body_name!) ?? [];
    list.push(m.member_code!);
    membersOf.set(m.body_name!, list);
  }
  const dateAfter = (iso: string) => {
    const d = new Date(`${iso}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + 1);
    return d.toISOString().slice(0, 10);
  };
  const until = new Map<string, string>();
  for (const b of bodies) {
    const m = /\buntil (\d{4}-\d{2}-\d{2})/.exec(b.as_of!);
    if (m) until.set(b.body_name!, m[1]!);
  }

  const actors: Row[] = [];
  const links: Row[] = [];
  const others = new Map<string, Row>();
  for (const b of bodies) {
    const name = b.body_name!;
    const members = (membersOf.get(name) ?? []).slice().sort(cmp);
    const counties = new Set(members.map((c) => countyOf.get(c)));
    const actor: Row = { id: name, name, kind: 'joint_body', body_type: b.body_type!, source: b.source!, as_of: b.as_of! };
    if (counties.size === 1) actor.county = [...counties][0]!;
    if (b.notes) actor.notes = b.notes;
    actors.push(actor);

    const formed = /\b(?:formed|since) (\d{4}-\d{2}-\d{2})/.exec(b.as_of!)?.[1];
    const from = /\bfrom (\d{4}-\d{2}-\d{2})/.exec(b.as_of!)?.[1];
    const ended = until.get(name);
    // Members that came from a body which ended the day before `from`.
    const movedIn = new Set<string>();
    if (from) {
      for (const [other, end] of until) if (dateAfter(end) === from) for (const c of membersOf.get(other) ?? []) movedIn.add(c);
    }
    for (const code of members) {
      const link: Row = { source: name, target: code, kind: 'member' };
      const since = formed ?? (movedIn.has(code) ? from : undefined);
      if (since) link.since = since;
      if (ended) link.until = ended;
      links.push(link);
    }
    for (const other of (b.other_members ?? '').split(';').map((s) => s.trim()).filter(Boolean)) {
      if (!others.has(other)) {
        const isRegion = /region/i.test(other);
        const row: Row = { id: other, name: other, kind: isRegion ? 'county' : 'authority' };
        if (isRegion && counties.size === 1) row.county = [...counties][0]!;
        others.set(other, row);
      }
      links.push({ source: name, target: other, kind: 'member' });
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
