/**
 * Generates the synthetic demonstration dataset `data/examples/sweden-demo/`:
 * `actors.csv`, `links.csv` and `design.json` (what was deliberately left out,
 * so analyses can be tested against it). Then re-embeds the CSVs into
 * `src/io/embedded/demo-data.ts` by running `scripts/embed-data.ts`.
 *
 *   npx tsx scripts/generate-demo.ts                 # seed 2026, writes data/examples/sweden-demo/
 *   npx tsx scripts/generate-demo.ts --seed 7 --out /tmp/demo --no-embed
 *
 * Everything is driven by `createRng(seed)`: the same seed gives byte-identical
 * files on every platform (no clock, no Math.random, no locale-dependent
 * sorting; numbers come from a fixed set of decimal values).
 *
 * Only the authorities are real (the 7 police regions, the 21 county
 * administrative boards and the 21 regions, with names derived from the
 * county names). Every local actor, every joint body and every link is
 * invented.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { borderSteps, haversineKm } from '../src/geo/distance.js';
import { swedenGeography, swedenPoliceRegions } from '../src/io/sweden.js';
import { createRng, shuffled } from '../src/metrics/random.js';
import { cmp, indexGeography } from '../src/model/geography.js';
import type { Municipality } from '../src/model/schema.js';

/** The default seed; the committed files are made with it. */
export const DEMO_SEED = 2026;

/** No date in the dataset is later than this (the population figures' date). */
export const DEMO_DATA_DATE = '2025-09-30';

export const ACTOR_HEADER = ['id', 'name', 'kind', 'municipality', 'county', 'counties', 'focus', 'founded'] as const;
export const LINK_HEADER = ['source', 'target', 'kind', 'weight', 'since', 'until'] as const;

type ActorColumn = (typeof ACTOR_HEADER)[number];
type ActorRow = { id: string; name: string; kind: string } & Partial<Record<Exclude<ActorColumn, 'id' | 'name' | 'kind'>, string>>;

interface LinkRow {
  source: string;
  target: string;
  kind: string;
  weight: number;
  since?: string;
  until?: string;
}

interface Place {
  code: string;
  name: string;
}

/** What the generator deliberately made, so that analyses can be checked against it. */
export interface DemoDesign {
  synthetic: true;
  seed: number;
  command: string;
  /** No `since` or `until` date is later than this. */
  dataDate: string;
  counts: {
    actorRows: number;
    linkRows: number;
    actorsByKind: Record<string, number>;
    linksByKind: Record<string, number>;
    /** Municipality–municipality pairs tied in `municipalityProjection()` (default options). */
    municipalityTies: number;
    /** Of those, pairs in the same county. */
    municipalityTiesWithinCounty: number;
  };
  /** How each gap is defined; each holds for the full network (all links, ended ones included). */
  definitions: Record<'isolated' | 'weakCounties' | 'noCrossCountyLinks' | 'missingPartnerKind' | 'bridges', string>;
  gaps: {
    isolated: (Place & { county: string; population: number; localActors: number })[];
    weakCounties: {
      county: string;
      name: string;
      municipalities: number;
      /** Projection ties with both ends in the county. */
      withinCountyTies: number;
      /** 2 × withinCountyTies / municipalities. */
      tiesPerMunicipality: number;
      /** The median of tiesPerMunicipality over the other counties with at least 5 municipalities. */
      medianOtherCounties: number;
      withoutCrossMunicipalLinks: Place[];
    }[];
    noCrossCountyLinks: { county: string; name: string; municipalities: number };
    missingPartnerKind: (Place & { missing: 'religious' | 'civil_society'; unlinkedActorsOfKind: string[] })[];
    bridges: { hub: Place; dependents: Place[] }[];
  };
}

export interface DemoOutput {
  actorsCsv: string;
  linksCsv: string;
  design: DemoDesign;
  /** `design` as written to design.json (2-space JSON, LF, trailing newline). */
  designJson: string;
}

// ---------------------------------------------------------------- helpers

const DAY = 86_400_000;
const dayOf = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY;
const isoOf = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);

function csvField(value: string): string {
  return /[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value;
}

function csv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, ...rows].map((r) => r.map(csvField).join(',')).join('\n') + '\n';
}

/** ASCII slug for ids: `Öst` → `ost`. */
function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** `Västerbottens län` → `Västerbotten`; `Uppsala län` → `Uppsala`. */
function countyStem(countyName: string): string {
  const base = countyName.replace(/ län$/u, '');
  return base.endsWith('s') ? base.slice(0, -1) : base;
}

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

// Civil-society topics: focus value and the generic name used for it.
const CIVIL_TOPICS: readonly { focus: string; noun: string }[] = [
  { focus: 'sport', noun: 'Idrottsförening' },
  { focus: 'youth', noun: 'Ungdomsförening' },
  { focus: 'women', noun: 'Kvinnoförening' },
  { focus: 'culture', noun: 'Kulturförening' },
  { focus: 'parents', noun: 'Föräldranätverk' },
  { focus: 'integration', noun: 'Integrationsförening' },
  { focus: 'education', noun: 'Studiecirkelförening' },
  { focus: 'social-support', noun: 'Stödförening' },
];
const RELIGIOUS_FOCUS = ['faith-dialogue', 'youth', 'women', 'social-support'] as const;
const BODY_TEMPLATES: readonly ((a: string, b?: string) => string)[] = [
  (a) => `Samverkansförbund ${a}-området (demo)`,
  (a) => `Trygghetsråd ${a} med grannkommuner (demo)`,
  (a) => `Brottsförebyggande nätverk ${a}-regionen (demo)`,
];

// ---------------------------------------------------------------- generator

/**
 * Generate the demonstration dataset. Pure: the result depends on `seed` and
 * the embedded Swedish geography only.
 */
export function generateDemo(seed = DEMO_SEED): DemoOutput {
  const geography = swedenGeography();
  const ix = indexGeography(geography);
  const ms: Municipality[] = [...ix.municipality.values()];
  const mun = (code: string) => ix.municipality.get(code)!;
  const countyOf = (code: string) => mun(code).county;
  const counties = [...geography.counties].sort((a, b) => cmp(a.code, b.code));
  const countyName = (code: string) => ix.county.get(code)!.name;
  const place = (code: string): Place => ({ code, name: mun(code).name });

  // One RNG stream per stage, so tuning one stage leaves the others alone.
  const stream = (stage: number) => createRng((Math.trunc(seed) * 1_000_003 + stage * 7919) % 4294967296);

  const steps = new Map<string, Map<string, number>>();
  for (const m of ms) steps.set(m.code, borderSteps(geography, m.code));
  const distCache = new Map<string, number>();
  const dist = (a: string, b: string) => {
    const k = pairKey(a, b);
    let d = distCache.get(k);
    if (d === undefined) {
      const p = mun(a);
      const q = mun(b);
      distCache.set(k, (d = haversineKm(p.lat, p.lon, q.lat, q.lon)));
    }
    return d;
  };
  const borders = (code: string) => ix.bordersOf.get(code) ?? [];

  // ------------------------------------------------------------ the gaps
  const g = stream(1);
  const reserved = new Set<string>();

  const weakEligible = counties.filter((c) => c.code !== '01' && (ix.municipalitiesOf.get(c.code)?.length ?? 0) >= 7);
  const weakCounties = shuffled(weakEligible, g)
    .slice(0, 2)
    .map((c) => c.code)
    .sort(cmp);
  const nccEligible = counties.filter(
    (c) => !weakCounties.includes(c.code) && c.code !== '01' && c.code !== '09' && (ix.municipalitiesOf.get(c.code)?.length ?? 0) >= 5,
  );
  const noCrossCounty = shuffled(nccEligible, g)[0]!.code;

  // Municipalities without cross-municipal links: a third of each weak county, from its smaller two thirds.
  const noCross = new Set<string>();
  const noCrossOf = new Map<string, string[]>();
  for (const c of weakCounties) {
    const list = [...ix.municipalitiesOf.get(c)!];
    const smaller = [...list].sort((p, q) => p.population - q.population || cmp(p.code, q.code)).slice(0, Math.ceil((list.length * 2) / 3));
    const chosen = shuffled(smaller, g)
      .slice(0, Math.max(3, Math.floor(list.length / 3)))
      .map((m) => m.code)
      .sort(cmp);
    noCrossOf.set(c, chosen);
    for (const code of chosen) {
      noCross.add(code);
      reserved.add(code);
    }
  }

  // Isolated: four small mainland municipalities in four different counties outside the weak ones.
  const isolated = new Set<string>();
  {
    const used = new Set<string>();
    for (const m of shuffled(
      ms.filter((m) => m.population < 15_000 && !m.island && !weakCounties.includes(m.county)),
      g,
    )) {
      if (isolated.size === 4) break;
      if (used.has(m.county)) continue;
      used.add(m.county);
      isolated.add(m.code);
      reserved.add(m.code);
    }
  }

  // Bridges: a hub whose small bordering neighbours cooperate with no one else.
  const dependentHub = new Map<string, string>();
  const bridges: { hub: string; dependents: string[] }[] = [];
  for (const want of [2, 1]) {
    const hubs = shuffled(
      ms.filter((m) => m.population >= 15_000 && !weakCounties.includes(m.county) && !reserved.has(m.code)),
      g,
    );
    for (const h of hubs) {
      const deps = borders(h.code).filter((c) => {
        const d = mun(c);
        return (
          d.county === h.county &&
          d.population < 15_000 &&
          !reserved.has(c) &&
          // the dependent must border someone else, or the bridge is trivial
          borders(c).some((x) => x !== h.code)
        );
      });
      if (deps.length < want) continue;
      const chosen = shuffled(deps, g).slice(0, want).sort(cmp);
      bridges.push({ hub: h.code, dependents: chosen });
      reserved.add(h.code);
      for (const c of chosen) {
        reserved.add(c);
        dependentHub.set(c, h.code);
      }
      break;
    }
  }

  // Municipalities that are not linked to any actor of one partner kind, though such actors exist there.
  const missingKind = new Map<string, 'religious' | 'civil_society'>();
  {
    const pool = shuffled(
      ms.filter((m) => !reserved.has(m.code)),
      g,
    );
    // one larger municipality among the religious ones, so the gap is not only in small places
    const large = pool.find((m) => m.population >= 50_000);
    if (large) missingKind.set(large.code, 'religious');
    for (const m of pool) {
      if (missingKind.size >= 7) break;
      if (missingKind.has(m.code)) continue;
      const religiousSoFar = [...missingKind.values()].filter((k) => k === 'religious').length;
      missingKind.set(m.code, religiousSoFar < 4 ? 'religious' : 'civil_society');
    }
    for (const code of missingKind.keys()) reserved.add(code);
  }

  const weak = new Set(weakCounties);
  /** May actors of municipalities a and b be linked (which would tie a and b)? */
  const crossAllowed = (a: string, b: string): boolean => {
    if (a === b) return false;
    if (isolated.has(a) || isolated.has(b) || noCross.has(a) || noCross.has(b)) return false;
    const ha = dependentHub.get(a);
    const hb = dependentHub.get(b);
    if (ha !== undefined || hb !== undefined) return ha === b || hb === a;
    const ca = countyOf(a);
    const cb = countyOf(b);
    if (ca !== cb && (ca === noCrossCounty || cb === noCrossCounty)) return false;
    return true;
  };

  // ------------------------------------------------------------ actors
  const a = stream(2);
  const actors: ActorRow[] = [];
  const policeOf = new Map<string, string>(); // county → police region actor id
  const lstOf = new Map<string, string>();
  const regionOf = new Map<string, string>();

  const regions = new Map<string, string[]>();
  for (const { region, county } of swedenPoliceRegions()) {
    const list = regions.get(region) ?? [];
    list.push(county);
    regions.set(region, list);
  }
  for (const [region, covered] of regions) {
    const id = `polis-${slug(region.replace(/^Polisregion /u, ''))}`;
    actors.push({ id, name: region, kind: 'authority', counties: [...covered].sort(cmp).join(';'), focus: 'police' });
    for (const c of covered) policeOf.set(c, id);
  }
  for (const c of counties) {
    const id = `lst-${c.code}`;
    actors.push({ id, name: `Länsstyrelsen i ${c.name}`, kind: 'authority', county: c.code, focus: 'coordination' });
    lstOf.set(c.code, id);
  }
  for (const c of counties) {
    const id = `region-${c.code}`;
    actors.push({ id, name: `Region ${countyStem(c.name)}`, kind: 'county', county: c.code, focus: 'health-care' });
    regionOf.set(c.code, id);
  }

  const locals = new Map<string, { religious: string[]; civil: string[] }>();
  const kindOf = new Map<string, string>();
  const municipalityOf = new Map<string, string>();
  for (const m of ms) {
    const l = Math.log(m.population / 3000);
    const nRel = Math.max(1, Math.round(0.4 + 1.1 * l + (a() - 0.5) * 1.6));
    const nCiv = Math.max(1, Math.round(0.9 + 1.7 * l + (a() - 0.5) * 2.4));
    const entry = { religious: [] as string[], civil: [] as string[] };
    for (let i = 1; i <= nRel; i++) {
      const id = `rel-${m.code}-${i}`;
      const focus = RELIGIOUS_FOCUS[Math.floor(a() * RELIGIOUS_FOCUS.length)]!;
      const founded = String(1880 + Math.floor(a() * 141));
      actors.push({ id, name: `Trossamfund ${i} i ${m.name}`, kind: 'religious', municipality: m.code, focus, founded });
      entry.religious.push(id);
    }
    const perTopic = new Map<string, number>();
    for (let i = 1; i <= nCiv; i++) {
      const id = `cs-${m.code}-${i}`;
      const topic = CIVIL_TOPICS[Math.floor(a() * CIVIL_TOPICS.length)]!;
      const n = (perTopic.get(topic.focus) ?? 0) + 1;
      perTopic.set(topic.focus, n);
      const founded = String(1920 + Math.floor(a() * 104));
      actors.push({ id, name: `${topic.noun} ${n} (${m.name})`, kind: 'civil_society', municipality: m.code, focus: topic.focus, founded });
      entry.civil.push(id);
    }
    locals.set(m.code, entry);
    for (const id of [...entry.religious, ...entry.civil]) municipalityOf.set(id, m.code);
    for (const id of entry.religious) kindOf.set(id, 'religious');
    for (const id of entry.civil) kindOf.set(id, 'civil_society');
  }

  // ------------------------------------------------------------ links
  const links: LinkRow[] = [];
  const add = (source: string, target: string, kind: string, weight: number, since?: string, until?: string) => {
    const link: LinkRow = { source, target, kind, weight };
    if (since !== undefined) link.since = since;
    if (until !== undefined) link.until = until;
    links.push(link);
  };
  const between = (rng: () => number, from: string, to: string) => isoOf(dayOf(from) + Math.floor(rng() * (dayOf(to) - dayOf(from) + 1)));
  /** An end date 1–3 years after `since`, or undefined when that is after the data date (still running). */
  const endOf = (rng: () => number, since: string) => {
    const end = isoOf(dayOf(since) + 365 + Math.floor(rng() * 731));
    return end <= DEMO_DATA_DATE ? end : undefined;
  };
  const pickOf = <T>(rng: () => number, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;

  // Authorities among themselves.
  {
    const r = stream(3);
    for (const c of counties) {
      add(lstOf.get(c.code)!, regionOf.get(c.code)!, 'agreement', 2, between(r, '2012-01-01', '2018-12-31'));
      add(policeOf.get(c.code)!, lstOf.get(c.code)!, 'agreement', 2, between(r, '2015-01-01', '2017-12-31'));
    }
  }

  // Municipalities with their own local actors.
  {
    const r = stream(4);
    for (const m of ms) {
      if (isolated.has(m.code)) continue;
      const mine = locals.get(m.code)!;
      const lp = Math.log(m.population / 15_000);
      for (const [kind, ids] of [
        ['religious', mine.religious],
        ['civil_society', mine.civil],
      ] as const) {
        if (missingKind.get(m.code) === kind) continue;
        const p = clamp((kind === 'religious' ? 0.55 : 0.62) + 0.05 * lp, 0.35, 0.85);
        const linked: string[] = [];
        for (const id of ids) {
          // always draw, so the stream does not depend on earlier outcomes
          const u = r();
          const v = r();
          const w = r();
          if (u >= p) continue;
          linked.push(id);
          addLocal(m.code, id, kind, v, w, r);
        }
        if (linked.length === 0) addLocal(m.code, ids[Math.floor(r() * ids.length)]!, kind, r(), r(), r);
      }
    }
    function addLocal(code: string, id: string, kind: 'religious' | 'civil_society', v: number, w: number, r: () => number) {
      const since = w < 0.08 ? undefined : between(r, '2010-01-01', '2025-06-30');
      if (kind === 'religious') {
        if (v < 0.7) add(code, id, 'dialogue', w < 0.5 ? 1 : 1.5, since);
        else add(code, id, 'agreement', 2, since);
      } else if (v < 0.35) add(code, id, 'agreement', w < 0.5 ? 2 : 2.5, since);
      else if (v < 0.65) add(code, id, 'project', 1.5, since, since && endOf(r, since));
      else add(code, id, 'network', 1, since);
    }
  }

  // Municipalities with their authorities.
  {
    const r = stream(5);
    for (const m of ms) {
      if (isolated.has(m.code)) continue;
      const lp = Math.log(m.population / 15_000);
      const u = [r(), r(), r(), r(), r(), r()];
      if (u[0]! < clamp(0.8 + 0.06 * lp, 0.55, 0.97)) {
        add(m.code, policeOf.get(m.county)!, 'agreement', u[3]! < 0.5 ? 2.5 : 3, between(r, '2015-01-01', '2021-12-31'));
      }
      if (u[1]! < clamp(0.6 + 0.08 * lp, 0.35, 0.9)) {
        add(m.code, lstOf.get(m.county)!, 'network', u[4]! < 0.6 ? 1 : 1.5, between(r, '2011-01-01', '2022-12-31'));
      }
      if (u[2]! < clamp(0.45 + 0.1 * lp, 0.2, 0.85)) {
        add(m.code, regionOf.get(m.county)!, 'agreement', 2, u[5]! < 0.1 ? undefined : between(r, '2012-01-01', '2023-12-31'));
      }
      // a few time-limited projects with the county administrative board
      if (r() < clamp(0.15 + 0.05 * lp, 0.05, 0.4)) {
        const since = between(r, '2016-01-01', '2023-12-31');
        add(m.code, lstOf.get(m.county)!, 'project', 1.5, since, endOf(r, since));
      }
    }
  }

  // Local actors with each other inside a municipality, and with the police region and the länsstyrelse.
  {
    const r = stream(6);
    for (const m of ms) {
      if (isolated.has(m.code)) continue;
      const mine = locals.get(m.code)!;
      const all = [...mine.religious, ...mine.civil];
      const p = Math.min(0.3, 2.4 / all.length);
      for (let i = 0; i < all.length; i++) {
        for (let j = i + 1; j < all.length; j++) {
          const u = r();
          const v = r();
          if (u >= p) continue;
          const since = between(r, '2010-01-01', '2025-06-30');
          if (v < 0.6) add(all[i]!, all[j]!, 'network', 1, since);
          else add(all[i]!, all[j]!, 'project', 1.5, since, endOf(r, since));
        }
      }
      for (const id of all) {
        const u = r();
        const v = r();
        const religious = kindOf.get(id) === 'religious';
        if (u < (religious ? 0.18 : 0.08)) add(id, policeOf.get(m.county)!, 'dialogue', v < 0.5 ? 0.5 : 1, between(r, '2015-01-01', '2025-06-30'));
        else if (!religious && u > 0.95) {
          const since = between(r, '2014-01-01', '2023-12-31');
          add(id, lstOf.get(m.county)!, 'project', 1.5, since, endOf(r, since));
        }
      }
    }
  }

  // ---------------------------------------------- municipality–municipality
  // Projection neighbours as they are built (direct ties and shared joint bodies).
  const tiedWith = new Map<string, Set<string>>(ms.map((m) => [m.code, new Set<string>()]));
  const tie = (x: string, y: string) => {
    tiedWith.get(x)!.add(y);
    tiedWith.get(y)!.add(x);
  };
  const tied = (x: string, y: string) => tiedWith.get(x)!.has(y);
  const directTies: { a: string; b: string; since: string | undefined }[] = [];

  const mr = stream(7);
  const addTie = (x: string, y: string, since: string | undefined, durable = false) => {
    const [p, q] = x < y ? [x, y] : [y, x];
    const u = mr();
    const v = mr();
    if (durable || u < 0.5) add(p, q, 'agreement', v < 0.4 ? 2 : v < 0.8 ? 2.5 : 3, since);
    else if (u < 0.82) add(p, q, 'network', v < 0.6 ? 1 : 1.5, since);
    else add(p, q, 'project', v < 0.5 ? 1.5 : 2, since, since && endOf(mr, since));
    // a second, time-limited project on top of one in five ties
    if (mr() < 0.2) {
      const s2 = between(mr, since !== undefined && since > '2012-01-01' ? since : '2012-01-01', '2025-06-30');
      add(p, q, 'project', 1.5, s2, endOf(mr, s2));
    }
    directTies.push({ a: p, b: q, since });
    tie(p, q);
  };

  // The bridges first: each dependent cooperates with its hub only, durably.
  for (const b of bridges) for (const d of b.dependents) addTie(b.hub, d, between(mr, '2011-01-01', '2016-12-31'), true);

  // Joint bodies: multi-municipality associations within a county, and one across a county border.
  const bodies: { id: string; members: string[] }[] = [];
  {
    const r = stream(8);
    const bodyCounties = shuffled(
      counties.filter((c) => !weak.has(c.code) && (ix.municipalitiesOf.get(c.code)?.length ?? 0) >= 4),
      r,
    ).slice(0, 9);
    // the two largest counties by number of municipalities get a second body
    const bigOnes = counties.filter((c) => (ix.municipalitiesOf.get(c.code)?.length ?? 0) >= 30 && !weak.has(c.code));
    const plan = [...bodyCounties.map((c) => c.code), ...bigOnes.map((c) => c.code)];
    const inBody = new Set<string>();
    const usedNames = new Set<string>();
    let n = 0;
    for (const county of plan) {
      const pool = ix.municipalitiesOf
        .get(county)!
        .filter((m) => !isolated.has(m.code) && !noCross.has(m.code) && !dependentHub.has(m.code) && !inBody.has(m.code));
      if (pool.length < 3) continue;
      const top = [...pool].sort((p, q) => q.population - p.population || cmp(p.code, q.code)).slice(0, 3);
      const centre = pickOf(r, top);
      const size = 3 + Math.floor(r() * 4);
      const near = pool
        .filter((m) => m.code !== centre.code)
        .sort(
          (p, q) =>
            (steps.get(centre.code)!.get(p.code) ?? 99) - (steps.get(centre.code)!.get(q.code) ?? 99) ||
            dist(centre.code, p.code) - dist(centre.code, q.code) ||
            cmp(p.code, q.code),
        );
      const members = [centre.code];
      for (const m of near) {
        if (members.length >= size) break;
        if (members.every((x) => crossAllowed(x, m.code))) members.push(m.code);
      }
      if (members.length < 3) continue;
      n++;
      let name = pickOf(r, BODY_TEMPLATES)(centre.name);
      if (usedNames.has(name)) name = name.replace(/ \(demo\)$/u, ` ${n} (demo)`);
      usedNames.add(name);
      const id = `jb-${county}-${n}`;
      const focus = pickOf(r, ['crime-prevention', 'violence-prevention', 'social-cohesion']);
      const founded = between(r, '2011-01-01', '2018-12-31');
      actors.push({ id, name, kind: 'joint_body', county, focus, founded: founded.slice(0, 4) });
      members.sort(cmp);
      for (const c of members) {
        add(id, c, 'member', 1, r() < 0.8 ? founded : between(r, founded, '2024-12-31'));
        inBody.add(c);
      }
      // police regions exist since 2015-01-01
      if (r() < 0.6) add(id, policeOf.get(county)!, 'member', 1, founded >= '2015-01-01' ? founded : between(r, '2015-01-01', '2016-12-31'));
      if (r() < 0.5) add(id, lstOf.get(county)!, 'member', 1, founded);
      for (const c of members) {
        if (r() < 0.4) add(id, pickOf(r, locals.get(c)!.civil), 'member', 0.5, between(r, founded, '2025-06-30'));
      }
      bodies.push({ id, members });
      for (let i = 0; i < members.length; i++) for (let j = i + 1; j < members.length; j++) tie(members[i]!, members[j]!);
    }

    // One body across a county border.
    const crossPairs = geography.borders
      .map((bp) => [bp.a, bp.b] as const)
      .filter(([x, y]) => countyOf(x) !== countyOf(y) && !weak.has(countyOf(x)) && !weak.has(countyOf(y)) && crossAllowed(x, y) && !inBody.has(x) && !inBody.has(y))
      .sort((p, q) => cmp(p[0], q[0]) || cmp(p[1], q[1]));
    if (crossPairs.length > 0) {
      const [x, y] = pickOf(r, crossPairs);
      const members = [x, y];
      for (const c of [...borders(x), ...borders(y)].sort(cmp)) {
        if (members.length >= 4) break;
        if (members.includes(c) || inBody.has(c) || weak.has(countyOf(c))) continue;
        if (members.every((m) => crossAllowed(m, c))) members.push(c);
      }
      members.sort(cmp);
      const id = 'jb-x-1';
      const founded = between(r, '2013-01-01', '2019-12-31');
      actors.push({
        id,
        name: `Gränssamverkan ${mun(x).name}–${mun(y).name} (demo)`,
        kind: 'joint_body',
        counties: [...new Set(members.map(countyOf))].sort(cmp).join(';'),
        focus: 'crime-prevention',
        founded: founded.slice(0, 4),
      });
      for (const c of members) add(id, c, 'member', 1, founded);
      bodies.push({ id, members });
      for (let i = 0; i < members.length; i++) for (let j = i + 1; j < members.length; j++) tie(members[i]!, members[j]!);
    }
  }

  const geoFactor = (x: string, y: string): number => {
    const d = dist(x, y);
    const s = steps.get(x)!.get(y);
    let f: number;
    if (s === 1) f = 1;
    else if (s === 2) f = 0.16;
    else if (s === 3) f = 0.035;
    else if (s !== undefined) f = 0.006;
    else f = d < 30 ? 0.8 : d < 80 ? 0.12 : 0.01; // islands: by distance only
    return f * Math.exp(-d / 150);
  };
  const sizeFactor = (x: string, y: string): number => {
    const px = mun(x).population;
    const py = mun(y).population;
    let f = 0.5 + 0.35 * Math.min(Math.abs(Math.log(px / py)), 3);
    if (Math.max(px, py) >= 50_000 && Math.min(px, py) < 25_000) f *= 1.3;
    return f;
  };
  const pairFactor = (x: string, y: string): number => {
    const cx = countyOf(x);
    const cy = countyOf(y);
    return geoFactor(x, y) * sizeFactor(x, y) * (cx === cy ? 1 : 0.3) * (weak.has(cx) || weak.has(cy) ? 0.12 : 1);
  };
  const candidatePairs: [string, string][] = [];
  for (let i = 0; i < ms.length; i++) {
    for (let j = i + 1; j < ms.length; j++) {
      const x = ms[i]!.code;
      const y = ms[j]!.code;
      if (!crossAllowed(x, y)) continue;
      const s = steps.get(x)!.get(y);
      if ((s !== undefined && s <= 4) || dist(x, y) <= 150) candidatePairs.push([x, y]);
    }
  }

  // Phase 1: established cooperation (dated 2010–2019 or undated).
  {
    const r = stream(9);
    for (const [x, y] of candidatePairs) {
      const u = r();
      const v = r();
      if (tied(x, y) || u >= Math.min(0.9, 0.9 * pairFactor(x, y))) continue;
      addTie(x, y, v < 0.08 ? undefined : between(r, '2010-01-01', '2019-12-31'));
    }
  }

  // Phase 2: new cooperation 2020–2025, far more likely between municipalities that share partners.
  {
    const r = stream(10);
    const before = new Map([...tiedWith].map(([k, v]) => [k, new Set(v)]));
    for (const [x, y] of candidatePairs) {
      const u = r();
      if (tied(x, y)) continue;
      const nx = before.get(x)!;
      let shared = 0;
      for (const z of before.get(y)!) if (nx.has(z)) shared++;
      const boost = shared === 0 ? 0.15 : 1 + 0.9 * Math.min(shared, 4);
      if (u >= Math.min(0.9, 0.35 * pairFactor(x, y) * boost)) continue;
      addTie(x, y, between(r, '2020-01-01', '2025-06-30'));
    }
  }

  // Every county but the designed one cooperates across its border at least once.
  {
    const r = stream(13);
    const crosses = new Set<string>();
    for (const [x, set] of tiedWith) for (const y of set) if (countyOf(x) !== countyOf(y)) crosses.add(countyOf(x));
    for (const c of counties) {
      if (c.code === noCrossCounty || crosses.has(c.code)) continue;
      let best: [string, string] | undefined;
      let bestScore = 0;
      for (const m of ix.municipalitiesOf.get(c.code)!) {
        for (const o of ms) {
          if (o.county === c.code || !crossAllowed(m.code, o.code)) continue;
          const score = pairFactor(m.code, o.code);
          if (score > bestScore) [best, bestScore] = [[m.code, o.code], score];
        }
      }
      if (best) {
        addTie(best[0], best[1], between(r, '2010-01-01', '2019-12-31'), true);
        crosses.add(c.code).add(countyOf(best[1]));
      }
    }
  }

  // Every municipality outside the deliberate gaps cooperates with at least one other.
  {
    const r = stream(11);
    for (const m of ms) {
      if (isolated.has(m.code) || noCross.has(m.code)) continue;
      // a hub needs a tie beyond its dependents, or it bridges nothing
      if ([...tiedWith.get(m.code)!].some((x) => dependentHub.get(x) !== m.code)) continue;
      const options = ms
        .filter((o) => crossAllowed(m.code, o.code) && dependentHub.get(o.code) !== m.code)
        .sort(
          (p, q) =>
            (steps.get(m.code)!.get(p.code) ?? 99) - (steps.get(m.code)!.get(q.code) ?? 99) ||
            (countyOf(p.code) === m.county ? 0 : 1) - (countyOf(q.code) === m.county ? 0 : 1) ||
            q.population - p.population ||
            cmp(p.code, q.code),
        );
      const partner = options[0];
      if (partner) addTie(m.code, partner.code, between(r, '2010-01-01', '2019-12-31'), true);
    }
  }

  // Local actors working across municipal borders.
  {
    const r = stream(12);
    const localsOf = (code: string) => [...locals.get(code)!.religious, ...locals.get(code)!.civil];
    const crossLocal = (x: string, y: string) => {
      const s = pickOf(r, localsOf(x));
      const t = pickOf(r, localsOf(y));
      const since = between(r, '2012-01-01', '2025-06-30');
      if (r() < 0.55) add(s, t, 'network', 1, since);
      else add(s, t, 'project', 1.5, since, endOf(r, since));
    };
    for (const t of [...directTies].sort((p, q) => cmp(p.a, q.a) || cmp(p.b, q.b))) {
      if (r() < 0.3) crossLocal(t.a, t.b);
    }
    for (const bp of geography.borders) {
      const u = r();
      if (!crossAllowed(bp.a, bp.b) || tied(bp.a, bp.b)) continue;
      const p = weak.has(countyOf(bp.a)) || weak.has(countyOf(bp.b)) ? 0.01 : 0.06;
      if (u < p) {
        crossLocal(bp.a, bp.b);
        tie(bp.a, bp.b);
      }
    }
  }

  // ------------------------------------------------------------ output
  const actorsCsv = csv(
    ACTOR_HEADER,
    actors.map((row) => ACTOR_HEADER.map((c) => row[c] ?? '')),
  );
  const linksCsv = csv(
    LINK_HEADER,
    links.map((l) => [l.source, l.target, l.kind, String(l.weight), l.since ?? '', l.until ?? '']),
  );

  // Facts about the output, computed from the rows (and checked below).
  const actorIndex = new Map(actors.map((x) => [x.id, x]));
  const munOfActor = (id: string): string | undefined => (ix.municipality.has(id) ? id : actorIndex.get(id)?.municipality);
  const countyOfActor = (id: string): string | undefined => {
    if (ix.municipality.has(id)) return countyOf(id);
    const row = actorIndex.get(id)!;
    return row.county ?? (row.municipality !== undefined ? countyOf(row.municipality) : undefined);
  };
  const kindOfActor = (id: string) => (ix.municipality.has(id) ? 'municipality' : actorIndex.get(id)!.kind);

  const touched = new Set<string>();
  const projection = new Map<string, Set<string>>(ms.map((m) => [m.code, new Set<string>()]));
  /** The projection with `endpoints: 'municipalities'`: direct municipality–municipality links and shared bodies. */
  const direct = new Map<string, Set<string>>(ms.map((m) => [m.code, new Set<string>()]));
  const partnerKinds = new Map<string, Set<string>>(ms.map((m) => [m.code, new Set<string>()]));
  const crossCountyCounties = new Set<string>();
  for (const l of links) {
    for (const [s, t] of [
      [l.source, l.target],
      [l.target, l.source],
    ] as const) {
      touched.add(s);
      if (ix.municipality.has(s)) partnerKinds.get(s)!.add(kindOfActor(t));
    }
    const ms_ = munOfActor(l.source);
    const mt = munOfActor(l.target);
    if (ms_ !== undefined && mt !== undefined && ms_ !== mt) {
      projection.get(ms_)!.add(mt);
      projection.get(mt)!.add(ms_);
      if (ix.municipality.has(l.source) && ix.municipality.has(l.target)) {
        direct.get(ms_)!.add(mt);
        direct.get(mt)!.add(ms_);
      }
    }
    const cs = countyOfActor(l.source);
    const ct = countyOfActor(l.target);
    if (cs !== undefined && ct !== undefined && cs !== ct) crossCountyCounties.add(cs).add(ct);
  }
  for (const b of bodies) {
    for (const x of b.members) {
      for (const y of b.members) {
        if (x === y) continue;
        projection.get(x)!.add(y);
        direct.get(x)!.add(y);
      }
    }
    for (const x of b.members) for (const y of b.members) if (countyOf(x) !== countyOf(y)) crossCountyCounties.add(countyOf(x));
  }
  let ties = 0;
  let within = 0;
  const withinOf = new Map<string, number>();
  for (const [x, set] of projection) {
    for (const y of set) {
      if (x >= y) continue;
      ties++;
      if (countyOf(x) === countyOf(y)) {
        within++;
        withinOf.set(countyOf(x), (withinOf.get(countyOf(x)) ?? 0) + 1);
      }
    }
  }
  const perMunicipality = (c: string) => (2 * (withinOf.get(c) ?? 0)) / ix.municipalitiesOf.get(c)!.length;
  const others = counties
    .filter((c) => !weak.has(c.code) && ix.municipalitiesOf.get(c.code)!.length >= 5)
    .map((c) => perMunicipality(c.code))
    .sort((p, q) => p - q);
  const median = others.length % 2 === 1 ? others[(others.length - 1) / 2]! : (others[others.length / 2 - 1]! + others[others.length / 2]!) / 2;
  const round2 = (x: number) => Math.round(x * 100) / 100;

  const countBy = (items: readonly string[]) => {
    const out: Record<string, number> = {};
    for (const k of [...items].sort(cmp)) out[k] = (out[k] ?? 0) + 1;
    return out;
  };

  const design: DemoDesign = {
    synthetic: true,
    seed,
    command: `npx tsx scripts/generate-demo.ts${seed === DEMO_SEED ? '' : ` --seed ${seed}`}`,
    dataDate: DEMO_DATA_DATE,
    counts: {
      actorRows: actors.length,
      linkRows: links.length,
      actorsByKind: countBy(actors.map((x) => x.kind)),
      linksByKind: countBy(links.map((l) => l.kind)),
      municipalityTies: ties,
      municipalityTiesWithinCounty: within,
    },
    definitions: {
      isolated: 'No link at all touches the municipality or any of its local actors (its local actors are listed in actors.csv but are unlinked too).',
      weakCounties:
        'Few municipality–municipality ties inside the county (tiesPerMunicipality well under medianOtherCounties, counted in municipalityProjection() with default options), and the listed municipalities have no cross-municipal link at all (no link between their actors and another municipality’s actors, no shared joint body), though they keep links to their own local actors and to authorities.',
      noCrossCountyLinks:
        'No link joins an actor of this county to an actor of another county (authorities without a county, i.e. the police regions, do not count), and no joint body has members on both sides of the county border.',
      missingPartnerKind:
        'The municipality actor is linked to no actor of the missing kind, although the municipality has actors of that kind (listed in unlinkedActorsOfKind). Every other municipality except the isolated ones has at least one partner of each kind.',
      bridges:
        'In municipalityProjection() (either endpoints option), each dependent is tied to its hub and to no other municipality, so the hub is an articulation point separating the dependents from the rest.',
    },
    gaps: {
      isolated: [...isolated].sort(cmp).map((code) => ({
        ...place(code),
        county: countyOf(code),
        population: mun(code).population,
        localActors: locals.get(code)!.religious.length + locals.get(code)!.civil.length,
      })),
      weakCounties: weakCounties.map((c) => ({
        county: c,
        name: countyName(c),
        municipalities: ix.municipalitiesOf.get(c)!.length,
        withinCountyTies: withinOf.get(c) ?? 0,
        tiesPerMunicipality: round2(perMunicipality(c)),
        medianOtherCounties: round2(median),
        withoutCrossMunicipalLinks: noCrossOf.get(c)!.map(place),
      })),
      noCrossCountyLinks: { county: noCrossCounty, name: countyName(noCrossCounty), municipalities: ix.municipalitiesOf.get(noCrossCounty)!.length },
      missingPartnerKind: [...missingKind]
        .sort((p, q) => cmp(p[0], q[0]))
        .map(([code, missing]) => ({
          ...place(code),
          missing,
          unlinkedActorsOfKind: missing === 'religious' ? [...locals.get(code)!.religious] : [...locals.get(code)!.civil],
        })),
      bridges: bridges.map((b) => ({ hub: place(b.hub), dependents: b.dependents.map(place) })),
    },
  };

  // ------------------------------------------------------------ self-check
  const problems: string[] = [];
  const same = (what: string, got: Iterable<string>, want: Iterable<string>) => {
    const g1 = [...got].sort(cmp).join(',');
    const w1 = [...want].sort(cmp).join(',');
    if (g1 !== w1) problems.push(`${what}: got [${g1}], designed [${w1}]`);
  };
  same(
    'municipalities with no links',
    ms.filter((m) => !touched.has(m.code)).map((m) => m.code),
    isolated,
  );
  for (const code of isolated) {
    for (const id of [...locals.get(code)!.religious, ...locals.get(code)!.civil]) if (touched.has(id)) problems.push(`${id} of isolated ${code} has links`);
  }
  same(
    'municipalities without cross-municipal ties',
    ms.filter((m) => projection.get(m.code)!.size === 0).map((m) => m.code),
    [...isolated, ...noCross],
  );
  same(
    'municipalities without a religious partner',
    ms.filter((m) => !partnerKinds.get(m.code)!.has('religious')).map((m) => m.code),
    [...isolated, ...[...missingKind].filter(([, k]) => k === 'religious').map(([c]) => c)],
  );
  same(
    'municipalities without a civil-society partner',
    ms.filter((m) => !partnerKinds.get(m.code)!.has('civil_society')).map((m) => m.code),
    [...isolated, ...[...missingKind].filter(([, k]) => k === 'civil_society').map(([c]) => c)],
  );
  same(
    'counties without cross-county links',
    counties.filter((c) => !crossCountyCounties.has(c.code)).map((c) => c.code),
    [noCrossCounty],
  );
  for (const b of bridges) {
    for (const [label, graph] of [
      ['projection', projection],
      ['direct projection', direct],
    ] as const) {
      for (const d of b.dependents) same(`${label} neighbours of dependent ${d}`, graph.get(d)!, [b.hub]);
      if (graph.get(b.hub)!.size <= b.dependents.length) problems.push(`hub ${b.hub} has no other ties in the ${label}`);
    }
  }
  for (const w of design.gaps.weakCounties) {
    if (!(w.tiesPerMunicipality < 0.5 * median)) problems.push(`weak county ${w.county}: ${w.tiesPerMunicipality} ties per municipality, median elsewhere ${median}`);
  }
  if (isolated.size < 3 || weakCounties.length < 2 || missingKind.size < 4 || bridges.length < 1) problems.push('too few gaps were placed');
  for (const l of links) {
    if ((l.since !== undefined && l.since > DEMO_DATA_DATE) || (l.until !== undefined && l.until > DEMO_DATA_DATE)) problems.push(`date after ${DEMO_DATA_DATE}`);
  }
  if (problems.length > 0) throw new Error(`generateDemo(${seed}): the output does not match its design:\n  ${problems.join('\n  ')}`);

  return { actorsCsv, linksCsv, design, designJson: `${JSON.stringify(design, null, 2)}\n` };
}

// ---------------------------------------------------------------- main

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;

if (isMain) {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const seed = Number(option('--seed') ?? DEMO_SEED);
  if (!Number.isInteger(seed)) throw new Error('--seed must be an integer');
  const out = resolve(option('--out') ?? join(root, 'data', 'examples', 'sweden-demo'));
  const { actorsCsv, linksCsv, designJson, design } = generateDemo(seed);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'actors.csv'), actorsCsv);
  writeFileSync(join(out, 'links.csv'), linksCsv);
  writeFileSync(join(out, 'design.json'), designJson);
  console.log(`wrote ${out}: ${design.counts.actorRows} actors, ${design.counts.linkRows} links (seed ${seed})`);
  if (args.includes('--no-embed') || out !== join(root, 'data', 'examples', 'sweden-demo')) {
    console.log('not embedding; to embed the committed dataset run: npx tsx scripts/embed-data.ts');
  } else {
    const result = spawnSync(process.execPath, ['--import', 'tsx', join('scripts', 'embed-data.ts')], { cwd: root, stdio: 'inherit' });
    if (result.status !== 0) {
      console.error('embedding failed; run: npx tsx scripts/embed-data.ts');
      process.exitCode = 1;
    }
  }
}
