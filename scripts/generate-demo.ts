/**
 * Generates the synthetic demonstration dataset `data/examples/sweden-demo/`:
 * `actors.csv`, `links.csv`, `design.json` (what was deliberately left out,
 * so analyses can be tested against it) and `README.md` (rendered from the
 * design and the model parameters, so it cannot go stale). Then re-embeds the CSVs into
 * `src/countries/sweden/demo-data.ts` by running `scripts/embed-data.ts`.
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
import { shuffled } from '../src/metrics/random.js';
import { DATA_DATE, dayOf, FIRST_DATE, isoOf, POLICE_REGIONS_SINCE, SMALL_POPULATION, stageStream } from '../src/synthetic/shape.js';
import { cmp, indexGeography } from '../src/model/geography.js';
import type { Municipality } from '../src/model/schema.js';
import { asciiSlug } from '../src/model/text.js';
import { quoteCsvField } from '../src/io/write-csv.js';
import { LACKING_CAPABILITIES, SYNTHETIC_CAPABILITY_CALIBRATION, syntheticCapabilities } from '../src/synthetic/capabilities.js';

/** The default seed; the committed files are made with it. */
export const DEMO_SEED = 2026;

/** No date in the dataset is later than this (the population figures' date). */
export const DEMO_DATA_DATE = DATA_DATE;

// Model parameters. The generator uses them, and the README is rendered from
// the same constants, so the two cannot drift apart.

export { SMALL_POPULATION, POLICE_REGIONS_SINCE };
/** Bounds of the probability that a municipality is linked to one of its own local actors (it rises with population). */
export const OWN_ACTOR_LINK_PROBABILITY = { min: 0.35, max: 0.85 } as const;
/** Municipality–municipality ties fall with distance as e^(−km / DISTANCE_DECAY_KM). */
export const DISTANCE_DECAY_KM = 150;
/** Factor for municipalities 1, 2 and 3 border steps apart (more steps: BORDER_STEP_FACTOR_FAR). */
export const BORDER_STEP_FACTORS = [1, 0.16, 0.035] as const;
export const BORDER_STEP_FACTOR_FAR = 0.006;
/** Factor for a municipality–municipality tie across a county border. */
export const CROSS_COUNTY_FACTOR = 0.3;
/** Established municipality–municipality ties are dated in this range (or undated); new ones, with triadic closure, in the next. */
export const ESTABLISHED_TIES = { from: FIRST_DATE, to: '2019-12-31' } as const;
export const NEW_TIES = { from: '2020-01-01', to: '2025-06-30' } as const;
/** Planned number of municipalities in a joint body within a county. */
export const JOINT_BODY_SIZE = { min: 3, max: 6 } as const;
/** Weak counties are compared with the median of the other counties with at least this many municipalities. */
export const MEDIAN_MIN_MUNICIPALITIES = 5;
/** Dates for which design.json (and the README) give the number of active links (`net.asOf(date)`). */
export const SNAPSHOT_DATES = ['2015-06-30', DEMO_DATA_DATE] as const;

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
    /** Municipalities (from the embedded geography, not in actors.csv). */
    municipalities: number;
    policeRegions: number;
    countyAdministrativeBoards: number;
    regions: number;
    /** Local actors (religious and civil society) per municipality. */
    localActors: {
      min: number;
      max: number;
      largestMunicipality: Place & { population: number; localActors: number };
      smallestMunicipality: Place & { population: number; localActors: number };
    };
    jointBodies: {
      withinCounty: number;
      acrossCounties: { id: string; name: string; counties: { code: string; name: string }[] }[];
    };
    /** Links without a `since` date. */
    undatedLinks: number;
    /** Links with an `until` date, and their kinds. */
    endedLinks: number;
    endedLinksByKind: Record<string, number>;
    weight: { min: number; max: number; nonInteger: number };
    /** CSV fields that had to be quoted. */
    quotedCsvFields: number;
    /** Links active on each of SNAPSHOT_DATES, as `net.asOf(date).links.length` counts them. */
    activeLinks: { date: string; links: number }[];
  };
  /** Values of the `focus` column, sorted. */
  focusValues: string[];
  /** Names of a few synthetic actors, as examples of the generic names. */
  exampleNames: { religious: string; civilSociety: string; jointBody: string };
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
  /** The synthetic capability records of `capabilities.csv` (`syntheticCapabilities`, src/synthetic/capabilities.ts). */
  capabilities: {
    synthetic: true;
    /** The `source` of every record. */
    source: string;
    rows: number;
    /** Records read on this date describe the data date; earlier dates (`asOf`) show earlier states. */
    dataDate: string;
    /** The joint bodies that are regional competence networks (focus `violence-prevention`): sources of `regional_network` and `coordinator`. */
    networks: { id: string; name: string; members: number }[];
    /** Municipalities in each state per capability on the data date. */
    counts: { capability: string; yes: number; planned: number; no: number; unknown: number; basis: string }[];
    /** Municipalities without any record: unknown for every capability. */
    nonRespondents: Place[];
    /** Small municipalities made to lack an action plan and a coordinator while the bordering `neighbour` has both. */
    lackingWhileNeighbourHas: { municipality: Place; neighbour: Place; capabilities: string[] }[];
  };
}

export interface DemoOutput {
  actorsCsv: string;
  linksCsv: string;
  /** Synthetic capability records (see `design.capabilities`). */
  capabilitiesCsv: string;
  design: DemoDesign;
  /** `design` as written to design.json (2-space JSON, LF, trailing newline). */
  designJson: string;
  /** The dataset's README.md, rendered from `design` by {@link renderDemoReadme}. */
  readme: string;
}

// ---------------------------------------------------------------- helpers

/** A CSV field, quoted only when it needs it: the library's writer's rule (`quoteCsvField`). */
const csvField = (value: string): string => quoteCsvField(value);

function csv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, ...rows].map((r) => r.map(csvField).join(',')).join('\n') + '\n';
}

/** ASCII slug for ids: `Öst` → `ost`. */
const slug = asciiSlug;

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
  const stream = (stage: number) => stageStream(seed, stage);

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
      ms.filter((m) => m.population < SMALL_POPULATION && !m.island && !weakCounties.includes(m.county)),
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
      ms.filter((m) => m.population >= SMALL_POPULATION && !weakCounties.includes(m.county) && !reserved.has(m.code)),
      g,
    );
    for (const h of hubs) {
      const deps = borders(h.code).filter((c) => {
        const d = mun(c);
        return (
          d.county === h.county &&
          d.population < SMALL_POPULATION &&
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
      add(policeOf.get(c.code)!, lstOf.get(c.code)!, 'agreement', 2, between(r, POLICE_REGIONS_SINCE, '2017-12-31'));
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
        const p = clamp((kind === 'religious' ? 0.55 : 0.62) + 0.05 * lp, OWN_ACTOR_LINK_PROBABILITY.min, OWN_ACTOR_LINK_PROBABILITY.max);
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
        add(m.code, policeOf.get(m.county)!, 'agreement', u[3]! < 0.5 ? 2.5 : 3, between(r, POLICE_REGIONS_SINCE, '2021-12-31'));
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
        if (u < (religious ? 0.18 : 0.08)) add(id, policeOf.get(m.county)!, 'dialogue', v < 0.5 ? 0.5 : 1, between(r, POLICE_REGIONS_SINCE, '2025-06-30'));
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
      if (pool.length < JOINT_BODY_SIZE.min) continue;
      const top = [...pool].sort((p, q) => q.population - p.population || cmp(p.code, q.code)).slice(0, 3);
      const centre = pickOf(r, top);
      const size = JOINT_BODY_SIZE.min + Math.floor(r() * (JOINT_BODY_SIZE.max - JOINT_BODY_SIZE.min + 1));
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
      if (members.length < JOINT_BODY_SIZE.min) continue;
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
      if (r() < 0.6) add(id, policeOf.get(county)!, 'member', 1, founded >= POLICE_REGIONS_SINCE ? founded : between(r, POLICE_REGIONS_SINCE, '2016-12-31'));
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
    if (s === 1 || s === 2 || s === 3) f = BORDER_STEP_FACTORS[s - 1]!;
    else if (s !== undefined) f = BORDER_STEP_FACTOR_FAR;
    else f = d < 30 ? 0.8 : d < 80 ? 0.12 : 0.01; // islands: by distance only
    return f * Math.exp(-d / DISTANCE_DECAY_KM);
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
    return geoFactor(x, y) * sizeFactor(x, y) * (cx === cy ? 1 : CROSS_COUNTY_FACTOR) * (weak.has(cx) || weak.has(cy) ? 0.12 : 1);
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
      addTie(x, y, v < 0.08 ? undefined : between(r, ESTABLISHED_TIES.from, ESTABLISHED_TIES.to));
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
      addTie(x, y, between(r, NEW_TIES.from, NEW_TIES.to));
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
        addTie(best[0], best[1], between(r, ESTABLISHED_TIES.from, ESTABLISHED_TIES.to), true);
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
      if (partner) addTie(m.code, partner.code, between(r, ESTABLISHED_TIES.from, ESTABLISHED_TIES.to), true);
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
  const actorCells = actors.map((row) => ACTOR_HEADER.map((c) => row[c] ?? ''));
  const linkCells = links.map((l) => [l.source, l.target, l.kind, String(l.weight), l.since ?? '', l.until ?? '']);
  const actorsCsv = csv(ACTOR_HEADER, actorCells);
  const linksCsv = csv(LINK_HEADER, linkCells);

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
    .filter((c) => !weak.has(c.code) && ix.municipalitiesOf.get(c.code)!.length >= MEDIAN_MIN_MUNICIPALITIES)
    .map((c) => perMunicipality(c.code))
    .sort((p, q) => p - q);
  const median = others.length % 2 === 1 ? others[(others.length - 1) / 2]! : (others[others.length / 2 - 1]! + others[others.length / 2]!) / 2;
  const round2 = (x: number) => Math.round(x * 100) / 100;

  const countBy = (items: readonly string[]) => {
    const out: Record<string, number> = {};
    for (const k of [...items].sort(cmp)) out[k] = (out[k] ?? 0) + 1;
    return out;
  };

  const localCount = (code: string) => locals.get(code)!.religious.length + locals.get(code)!.civil.length;
  const byPopulation = [...ms].sort((p, q) => q.population - p.population || cmp(p.code, q.code));
  const withLocalCount = (m: Municipality) => ({ ...place(m.code), population: m.population, localActors: localCount(m.code) });
  const localCounts = ms.map((m) => localCount(m.code));
  const weights = links.map((l) => l.weight);
  const ended = links.filter((l) => l.until !== undefined);
  const activeOn = (date: string) => links.filter((l) => (l.since === undefined || l.since <= date) && (l.until === undefined || date <= l.until)).length;
  const quoted = [ACTOR_HEADER, LINK_HEADER, ...actorCells, ...linkCells].reduce((n, row) => n + row.filter((v) => csvField(v) !== v).length, 0);
  const firstName = (test: (row: ActorRow) => boolean) => actors.find(test)!.name;

  // Capabilities: the joint bodies against violence are the regional competence networks; members join with their membership link.
  const networks = actors
    .filter((x) => x.kind === 'joint_body' && x.focus === 'violence-prevention')
    .map((x) => {
      const joined = links.filter((l) => l.kind === 'member' && l.source === x.id && ix.municipality.has(l.target));
      const dates = joined.map((l) => l.since ?? DEMO_DATA_DATE).sort(cmp);
      return { id: x.id, name: x.name, since: dates[0] ?? DEMO_DATA_DATE, members: joined.map((l) => ({ municipality: l.target, ...(l.since !== undefined && { since: l.since }) })) };
    });
  const capabilitySource = `synthetic: not real (seed ${seed})`;
  const caps = syntheticCapabilities(geography, { seed, dataDate: DEMO_DATA_DATE, networks: networks.map(({ name: _, ...n }) => n), source: capabilitySource });

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
      municipalities: ms.length,
      policeRegions: actors.filter((x) => x.id.startsWith('polis-')).length,
      countyAdministrativeBoards: actors.filter((x) => x.id.startsWith('lst-')).length,
      regions: actors.filter((x) => x.id.startsWith('region-')).length,
      localActors: {
        min: Math.min(...localCounts),
        max: Math.max(...localCounts),
        largestMunicipality: withLocalCount(byPopulation[0]!),
        smallestMunicipality: withLocalCount(byPopulation[byPopulation.length - 1]!),
      },
      jointBodies: {
        withinCounty: bodies.filter((b) => new Set(b.members.map(countyOf)).size === 1).length,
        acrossCounties: bodies
          .filter((b) => new Set(b.members.map(countyOf)).size > 1)
          .map((b) => ({
            id: b.id,
            name: actorIndex.get(b.id)!.name,
            counties: [...new Set(b.members.map(countyOf))].sort(cmp).map((code) => ({ code, name: countyName(code) })),
          })),
      },
      undatedLinks: links.filter((l) => l.since === undefined).length,
      endedLinks: ended.length,
      endedLinksByKind: countBy(ended.map((l) => l.kind)),
      weight: { min: Math.min(...weights), max: Math.max(...weights), nonInteger: weights.filter((w) => !Number.isInteger(w)).length },
      quotedCsvFields: quoted,
      activeLinks: SNAPSHOT_DATES.map((date) => ({ date, links: activeOn(date) })),
    },
    focusValues: [...new Set(actors.flatMap((x) => (x.focus === undefined ? [] : [x.focus])))].sort(cmp),
    exampleNames: {
      religious: firstName((x) => x.kind === 'religious' && x.id.endsWith('-2')),
      civilSociety: firstName((x) => x.kind === 'civil_society'),
      jointBody: firstName((x) => x.kind === 'joint_body'),
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
    capabilities: {
      synthetic: true,
      source: capabilitySource,
      rows: caps.rows.length,
      dataDate: DEMO_DATA_DATE,
      networks: networks.map((x) => ({ id: x.id, name: x.name, members: x.members.length })),
      counts: caps.counts,
      nonRespondents: caps.nonRespondents.map(place),
      lackingWhileNeighbourHas: caps.lackingWhileNeighbourHas.map((l) => ({ municipality: place(l.municipality), neighbour: place(l.neighbour), capabilities: l.capabilities })),
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
    if ((l.source.startsWith('polis-') || l.target.startsWith('polis-')) && !(l.since !== undefined && l.since >= POLICE_REGIONS_SINCE)) {
      problems.push(`link ${l.source}–${l.target} to a police region starts before ${POLICE_REGIONS_SINCE}`);
    }
  }
  if (problems.length > 0) throw new Error(`generateDemo(${seed}): the output does not match its design:\n  ${problems.join('\n  ')}`);

  return { actorsCsv, linksCsv, capabilitiesCsv: caps.csv, design, designJson: `${JSON.stringify(design, null, 2)}\n`, readme: renderDemoReadme(design) };
}

// ---------------------------------------------------------------- README

/** `1999` → `1,999`, `0.75` → `0.75` (no locale, so the same everywhere). */
function formatNumber(x: number): string {
  const [whole, fraction] = String(x).split('.');
  return whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (fraction === undefined ? '' : `.${fraction}`);
}

/** `a`, `a and b`, `a, b and c`. */
function listOf(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Joins words that {@link wrap} must keep on one line; it becomes a space. */
const GLUE = '\u0000';
const unbroken = (text: string) => text.replace(/ /g, GLUE);
const placeText = (p: Place) => unbroken(`${p.name} ${p.code}`);

/**
 * Wrap a Markdown paragraph (or list item) at `width` columns. Code spans and
 * {@link unbroken} text (a municipality's name and code) are never broken,
 * and no line starts with a token that Markdown would read as a list marker
 * or heading.
 */
function wrap(text: string, first = '', rest = first, width = 95): string {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const token of text.match(/(?:`[^`]*`|[^\s`])+/g) ?? []) {
    const risky = /^(?:[-+*>]|#{1,6}|\d+[.)])$/.test(token);
    if (!empty && line.length + 1 + token.length > width && !risky) {
      lines.push(line);
      line = rest + token;
    } else line += (empty ? '' : ' ') + token;
    empty = false;
  }
  lines.push(line);
  return lines.join('\n').replaceAll(GLUE, ' ');
}

const bullet = (text: string) => wrap(text, '- ', '  ');

/** Counts by kind, largest first: "1,207 `civil_society`, 731 `religious`". */
function countsByKind(counts: Record<string, number>, notes: Record<string, string> = {}): string {
  return Object.entries(counts)
    .sort((p, q) => q[1] - p[1] || cmp(p[0], q[0]))
    .map(([kind, n]) => `${formatNumber(n)} \`${kind}\`${notes[kind] ? ` (${notes[kind]})` : ''}`)
    .join(', ');
}

/**
 * The dataset's README.md, rendered from what the generator made (`design`)
 * and from the model parameters the generator uses. Pure.
 */
export function renderDemoReadme(design: DemoDesign): string {
  const c = design.counts;
  const gaps = design.gaps;
  const code = (x: string) => `\`${x}\``;
  const stem = countyStem;
  const years = (range: { from: string; to: string }) => `${range.from.slice(0, 4)}–${range.to.slice(0, 4)}`;
  const ex = design.exampleNames;

  const out: string[] = [];
  const para = (text: string) => out.push(wrap(text), '');

  out.push('# sweden-demo: a synthetic demonstration dataset', '');
  out.push('<!-- Generated by scripts/generate-demo.ts (renderDemoReadme) from design.json. Do not edit: run npx tsx scripts/generate-demo.ts -->', '');
  para(
    `**This dataset is synthetic. It is not real cooperation data.** Only the names of the authorities are real: ` +
      `the ${c.policeRegions} police regions, the ${c.countyAdministrativeBoards} county administrative boards (länsstyrelser) and the ${c.regions} regions ` +
      '(their names are derived from the county names, so a few differ from the official ones, e.g. `Region Västra Götaland` for ' +
      'Västra Götalandsregionen and `Region Jämtland` for Region Jämtland Härjedalen). Every religious community, civil-society ' +
      `organisation and joint body is invented and has a generic name (${code(ex.religious)}, ${code(ex.civilSociety)}, ${code(ex.jointBody)}). ` +
      '**No link describes a real cooperation**, and none says anything about a real municipality, authority or organisation.',
  );
  para(
    `The municipalities (all ${formatNumber(c.municipalities)}, with real codes, names, populations, centroids and borders) come ` +
      "from samverkan's embedded geography (`data/sweden/`), not from these files.",
  );
  para('Use it to try samverkan and to test analyses:');
  out.push('```ts', "import { demoDataset, loadNetwork } from 'samverkan';", 'const net = loadNetwork(demoDataset());', '```', '');

  out.push('## Files', '');
  out.push(
    '| File | What |',
    '| --- | --- |',
    `| \`actors.csv\` | ${formatNumber(c.actorRows)} actors other than municipalities |`,
    `| \`links.csv\` | ${formatNumber(c.linkRows)} links |`,
    `| \`capabilities.csv\` | ${formatNumber(design.capabilities.rows)} synthetic capability records (action plan, coordinator, …; see below) |`,
    '| `design.json` | the seed, the counts, and the deliberate gaps (below), with their definitions |',
    '',
  );
  para(
    'All files are UTF-8 without BOM, LF line ends. The CSVs are comma-separated and quote a field only when it needs it ' +
      (c.quotedCsvFields === 0 ? '(none does at present).' : `(${formatNumber(c.quotedCsvFields)} ${c.quotedCsvFields === 1 ? 'does' : 'do'} at present).`),
  );

  const actorKindNotes: Record<string, string> = { authority: 'police regions, länsstyrelser', county: 'regions' };
  out.push('### actors.csv', '');
  out.push(
    '| Column | Meaning |',
    '| --- | --- |',
    '| `id` | Unique id: `polis-<region>`, `lst-<county code>`, `region-<county code>`, `rel-<municipality code>-<n>`, `cs-<municipality code>-<n>`, `jb-<county code>-<n>`, `jb-x-1` (across a county border) |',
    '| `name` | Display name (see above: generic names for everything synthetic) |',
    `| \`kind\` | ${Object.keys(c.actorsByKind)
      .map((k) => `${code(k)}${actorKindNotes[k] ? ` (${actorKindNotes[k]})` : ''}`)
      .join(', ')} |`,
    '| `municipality` | Municipality code of a local actor; empty for regional actors |',
    '| `county` | County code of a länsstyrelse, a region or a joint body within one county; empty for police regions and the cross-border body (and for local actors: the loader derives it from the municipality) |',
    '| `counties` | Extra attribute: the counties a police region covers, or the cross-border body spans, `;`-separated |',
    `| \`focus\` | Extra attribute: ${design.focusValues.map(code).join(', ')} |`,
    '| `founded` | Extra attribute: year a local actor or joint body was founded (synthetic) |',
    '',
  );
  para(
    `Actors by kind: ${countsByKind(c.actorsByKind, {
      authority: `${c.policeRegions} police regions + ${c.countyAdministrativeBoards} länsstyrelser`,
      county: 'regions',
    })}.`,
  );

  const endedKinds = Object.keys(c.endedLinksByKind);
  out.push('### links.csv', '');
  out.push(
    '| Column | Meaning |',
    '| --- | --- |',
    '| `source`, `target` | Actor ids, or municipality codes (four digits) for municipalities |',
    `| \`kind\` | ${Object.keys(c.linksByKind).map(code).join(', ')} |`,
    `| \`weight\` | Tie strength, a positive number (${formatNumber(c.weight.min)} to ${formatNumber(c.weight.max)}; ${formatNumber(c.weight.nonInteger)} are non-integer) |`,
    `| \`since\` | Start date, \`YYYY-MM-DD\`; empty for ${formatNumber(c.undatedLinks)} undated long-standing links |`,
    `| \`until\` | End date of an ended project (${formatNumber(c.endedLinks)} links, ${
      endedKinds.length === 1 ? `all of kind ${code(endedKinds[0]!)}` : `of kinds ${countsByKind(c.endedLinksByKind)}`
    }); empty when running |`,
    '',
  );
  const [firstSnapshot, ...laterSnapshots] = c.activeLinks;
  para(
    `Links by kind: ${countsByKind(c.linksByKind)}. Some pairs have more than one link (for example, an agreement and a later ` +
      'project); the loader counts these as `merged` and adds up their weights. ' +
      `No date is later than ${design.dataDate}, and no link to a police region starts before ${POLICE_REGIONS_SINCE}, when the regions were formed. ` +
      (firstSnapshot === undefined
        ? ''
        : `So \`net.asOf(date)\` gives meaningful snapshots: ${formatNumber(firstSnapshot.links)} links are active on ${firstSnapshot.date}` +
          laterSnapshots.map((s) => `, ${formatNumber(s.links)} on ${s.date}`).join('') +
          '.'),
  );

  out.push('## How it was generated', '');
  out.push(
    '```sh',
    `npx tsx scripts/generate-demo.ts              # seed ${DEMO_SEED}: writes this folder, then runs scripts/embed-data.ts`,
    'npx tsx scripts/generate-demo.ts --seed 7 --out /tmp/demo --no-embed',
    '```',
    '',
  );
  para(
    '`generateDemo(seed)` in `scripts/generate-demo.ts` is a pure function of the seed and the embedded geography. ' +
      "It uses samverkan's seeded RNG (`createRng`), so the same seed gives byte-identical files. " +
      'This README is rendered by the same run (`renderDemoReadme`), from the design it records and the model parameters it uses. ' +
      '`test/io/demo.test.ts` checks that the committed files equal its output, and checks the numbers and names in this README against the loaded network. ' +
      'The generator also checks its own output against the design and throws if a gap does not hold.',
  );
  para('The model, in short:');

  const la = c.localActors;
  const own = OWN_ACTOR_LINK_PROBABILITY;
  const [step1, step2, step3] = BORDER_STEP_FACTORS;
  const body = JOINT_BODY_SIZE;
  const across = c.jointBodies.acrossCounties.map((b) => {
    const names = b.counties.map((x) => stem(x.name));
    return names.length === 2 ? `one across the ${names.join('–')} border` : `one across the borders of ${listOf(names)}`;
  });
  out.push(
    bullet(
      '**Local actors**: each municipality has at least one religious community and one civil-society organisation, and more ' +
        'with larger population (about `a + b·ln(population)`, so the number grows sublinearly: ' +
        `${la.largestMunicipality.name}, the largest municipality, has ${la.largestMunicipality.localActors}, and ${la.smallestMunicipality.name}, ` +
        `the smallest, has ${la.smallestMunicipality.localActors}; the range is ${la.min} to ${la.max}).`,
    ),
    bullet(
      `**Municipality and own actors**: each local actor is linked to its municipality with probability ${own.min}–${own.max}, rising with population. ` +
        'Religious communities get `dialogue` or `agreement`; civil-society organisations get `agreement`, `project` or `network`. ' +
        'Local actors cooperate with each other inside a municipality (`network`, `project`). ' +
        'Some hold a `dialogue` with the police region or run a `project` with the länsstyrelse.',
    ),
    bullet(
      '**Municipality and authorities**: an `agreement` with its police region, a `network` (and sometimes a `project`) with its ' +
        'länsstyrelse, and an `agreement` with its region. Each is more likely in larger municipalities. ' +
        'The authorities of a county are linked to each other.',
    ),
    bullet(
      `**Municipality and municipality**: the probability of a tie falls with distance (×e^(−km/${DISTANCE_DECAY_KM})) and border steps ` +
        `(${step1} for bordering pairs, ${step2} at two steps, ${step3} at three). It is higher between municipalities of different size ` +
        `(a small one with a regional centre) and ${CROSS_COUNTY_FACTOR} times as high across a county border. ` +
        `Ties from ${years(ESTABLISHED_TIES)} come first. Ties from ${years(NEW_TIES)} are then added, and they are far more likely ` +
        `between municipalities that already shared a partner (triadic closure), so \`asOf('${ESTABLISHED_TIES.to}')\` holds structure ` +
        'that predicts the later ties. Every municipality outside the gaps gets at least one tie, and every county except the one ' +
        'in the gaps gets at least one tie across its border.',
    ),
    bullet(
      '**Across municipal borders**: some tied pairs, and a few bordering pairs, also have a link between their local actors ' +
        '(e.g. a civil-society group in one municipality with a religious community in the next). ' +
        'This also ties the two municipalities in `municipalityProjection()`.',
    ),
    bullet(
      `**Joint bodies**: ${c.jointBodies.withinCounty} multi-municipality associations within a county (${body.min}–${body.max} neighbouring ` +
        'members, sometimes also the police region, the länsstyrelse and a few local organisations)' +
        (across.length === 0 ? '' : `, and ${listOf(across)}`) +
        '. Members of one body are tied to each other in `municipalityProjection()`.',
    ),
    '',
  );
  para(
    `Counted in \`municipalityProjection()\` with default options, there are ${formatNumber(c.municipalityTies)} municipality pairs ` +
      `that cooperate; ${formatNumber(c.municipalityTiesWithinCounty)} of them ` +
      `(${Math.round((100 * c.municipalityTiesWithinCounty) / c.municipalityTies)}%) are within one county.`,
  );

  out.push('## Deliberate gaps', '');
  para(
    'These are recorded in `design.json` (`gaps`, with exact `definitions`). They hold for the full network, with all links, ' +
      'ended ones included. Earlier snapshots (`asOf`) may have more gaps. Apart from these, every municipality has links, ' +
      'has at least one tie to another municipality, and has a partner of each of the kinds religious and civil society. ' +
      'Every county also has a tie across its border.',
  );

  const weak = gaps.weakCounties;
  const missing = (kind: 'religious' | 'civil_society', label: string) => {
    const list = gaps.missingPartnerKind.filter((p) => p.missing === kind);
    return list.length === 0 ? [] : [`no ${label} partner in ${listOf(list.map(placeText))}`];
  };
  const hubs = gaps.bridges.map((b) => b.hub.name);
  out.push(
    bullet(
      `**Isolated municipalities** (no links at all, and neither do their local actors): ${listOf(gaps.isolated.map(placeText))}. ` +
        `All have fewer than ${formatNumber(SMALL_POPULATION)} inhabitants.`,
    ),
    bullet(
      `**Weak coverage**: ${listOf(weak.map((w) => unbroken(`${w.name} (${w.county})`)))}. ` +
        `${weak.length === 1 ? 'It has' : 'They have'} ${listOf(weak.map((w) => formatNumber(w.tiesPerMunicipality)))} within-county ties ` +
        `per municipality, against a median of ${formatNumber(weak[0]?.medianOtherCounties ?? 0)} in the other counties with at least ` +
        `${MEDIAN_MIN_MUNICIPALITIES} municipalities. These municipalities have no cross-municipal link at all (they keep their local ` +
        `and authority partners): ${weak.map((w) => `${listOf(w.withoutCrossMunicipalLinks.map(placeText))} in ${stem(w.name)}`).join('; ')}.`,
    ),
    bullet(
      `**A county with no cross-county link**: ${unbroken(`${gaps.noCrossCountyLinks.name} (${gaps.noCrossCountyLinks.county})`)}. ` +
        'No link joins one of its actors to an actor of another county, and no joint body spans its border.',
    ),
    bullet(
      '**Missing partner kind** (the municipality has such actors, but is linked to none of them): ' +
        `${[...missing('religious', 'religious'), ...missing('civil_society', 'civil-society')].join('; ')}.`,
    ),
    bullet(
      '**Bridges**: in `municipalityProjection()` (either `endpoints` option), ' +
        gaps.bridges
          .map((b, i) => {
            const deps = listOf(b.dependents.map(placeText));
            const verb = i > 0 ? '' : b.dependents.length === 1 ? 'is tied ' : 'are tied ';
            return `${deps} ${verb}only to ${placeText(b.hub)}`;
          })
          .reduce((text, part, i, all) => (i === 0 ? part : `${text}${i === all.length - 1 ? ', and ' : ', '}${part}`), '') +
        `. So ${listOf(hubs)} ${hubs.length === 1 ? 'is an articulation point' : 'are articulation points'}. ` +
        '(Other articulation points also arise by chance.)',
    ),
    '',
  );

  const caps = design.capabilities;
  const stateCount = (capability: string) => caps.counts.find((x) => x.capability === capability)!;
  const plan = stateCount('action_plan');
  out.push('## Capabilities (synthetic)', '');
  para(
    `**\`capabilities.csv\` is synthetic too: no record says anything about what a real municipality does.** Every record's ` +
      `\`source\` reads ${code(caps.source)}. It holds, per municipality, the state of each standard capability ` +
      '(`yes`, `no`, `planned`, with a `since` date), and for the regional competence networks their own. ' +
      `It is made by \`syntheticCapabilities\` (\`src/synthetic/capabilities.ts\`) and loaded with the demo by default ` +
      '(`samverkan … --dataset demo`, `npm start`); `loadCapabilities(demoCapabilities(), net)` reads it in code.',
  );
  para(
    'It is calibrated to the national figures in `data/sweden/capability_national_figures.csv` where there are figures, ' +
      'and to plausible shares where there are none (marked as assumptions). The counts are of all ' +
      `${formatNumber(design.counts.municipalities)} municipalities on ${caps.dataDate}; larger municipalities have each capability more often, ` +
      `so ${formatNumber(plan.yes)} (${Math.round((100 * plan.yes) / design.counts.municipalities)} %) have an action plan, about half.`,
  );
  out.push('| Capability | yes | planned | no | unknown | Calibrated to |', '| --- | ---: | ---: | ---: | ---: | --- |');
  for (const c of caps.counts) out.push(`| \`${c.capability}\` | ${c.yes} | ${c.planned} | ${c.no} | ${c.unknown} | ${c.basis} |`);
  out.push('');
  const timelines = SYNTHETIC_CAPABILITY_CALIBRATION.filter((c) => c.timeline.length > 0);
  out.push(
    bullet(
      '**Dates**: ' +
        timelines
          .map((c) => `\`${c.capability}\` is had by ${listOf(c.timeline.map((p, i) => `${Math.round(p.share * design.counts.municipalities)}${i === 0 ? ' municipalities' : ''} by ${p.date}`))}`)
          .join('; ') +
        '; the others between their first date and the data date. A municipality that still lacked a capability at the survey ' +
        'also has a `no` record from then, so `asOf` an earlier date shows what was stated then.',
    ),
    bullet(
      `**Unknown is not no**: ${formatNumber(caps.nonRespondents.length)} municipalities (smaller ones more often) have no record at all, ` +
        `so every analysis shows them as unknown, never as lacking: ${listOf(caps.nonRespondents.map(placeText))}.`,
    ),
    bullet(
      `**Small municipalities without, next to one with**: ${listOf(caps.lackingWhileNeighbourHas.map((l) => `${placeText(l.municipality)} (next to ${placeText(l.neighbour)})`))} ` +
        `lack ${listOf(LACKING_CAPABILITIES.map(code))} while the bordering municipality has both.`,
    ),
    bullet(
      `**Regional competence networks**: the joint bodies against violence, ${listOf(caps.networks.map((x) => `${code(x.id)} (${x.members} members)`))}, ` +
        'have `regional_network` and a regional `coordinator` themselves; their member municipalities have `regional_network` ' +
        'from their membership, the other respondents lack it. For `regional_network` the source a municipality can turn to is the network.',
    ),
  );
  return `${out.join('\n')}\n`;
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
  const { actorsCsv, linksCsv, capabilitiesCsv, designJson, design, readme } = generateDemo(seed);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'actors.csv'), actorsCsv);
  writeFileSync(join(out, 'links.csv'), linksCsv);
  writeFileSync(join(out, 'capabilities.csv'), capabilitiesCsv);
  writeFileSync(join(out, 'design.json'), designJson);
  writeFileSync(join(out, 'README.md'), readme);
  console.log(`wrote ${out}: ${design.counts.actorRows} actors, ${design.counts.linkRows} links, ${design.capabilities.rows} synthetic capability records (seed ${seed})`);
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
