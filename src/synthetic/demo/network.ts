/**
 * The demonstration dataset's network, in stages over a geography: the
 * designed gaps, the actors, the links of actors with their municipalities
 * and authorities, the municipal ties and joint bodies, and ties across
 * municipal and county borders. Each stage draws from its own random stream
 * (`stageStream`), so tuning one leaves the others' draws alone and the same
 * seed gives byte-identical files. The country's parts (names, authorities)
 * come in as {@link DemoWords}; the generator names no country.
 *
 * The demo has parallel links on purpose (a project on top of an agreement
 * between the same pair). It keeps no map of all pairs of municipalities:
 * each municipality's ball of NEAR_STEPS border steps (`BorderSearch`), a km
 * grid for the pairs within CANDIDATE_KM (`KmGrid`), and full searches only
 * from the few municipalities that need far steps, so its stages are n·k.
 * Its draws are the demo's own, for a Sweden-shaped country (weak counties,
 * a designed gap per kind): `generateSynthetic` is the generator of the
 * benchmark sizes, from the same shape (shape.ts) and words.
 *
 * @module
 */
import { BorderSearch, borderGraph, haversineKm, KmGrid } from '../../geo/distance.js';
import { shuffled } from '../../metrics/random.js';
import { cmp, indexGeography } from '../../model/geography.js';
import type { Geography, Municipality } from '../../model/schema.js';
import { BORDER_STEP_FACTORS, CROSS_COUNTY_FACTOR, DATA_DATE, dayOf, FIRST_DATE, isoOf, JOINT_BODY_SIZE, POLICE_REGIONS_SINCE, SMALL_POPULATION, stageStream } from '../shape.js';
import type { DemoWords } from './words.js';
import { dayIndex, EdgeList, SYNTHETIC_LINK_KINDS, type SyntheticLinkKind } from '../edges.js';
import { linkRows, Nodes } from '../rows.js';
import { authorityActors } from '../authorities.js';
import { localActors } from '../locals.js';
import { type Gaps, type GapPlan, placeGaps, placesFrame } from '../gaps.js';
import { authorityLinks, between, endOf, type LinkFrame, municipalAuthorityLinks, ownActorLinks, pickOf } from '../links.js';
import { type BodyPlan, jointBodies } from '../bodies.js';

// Model parameters. The generator uses them, and the dataset's README is
// rendered from the same constants, so the two cannot drift apart.

/** No date in the dataset is later than this (the population figures' date). */
export const DEMO_DATA_DATE = DATA_DATE;
/** Bounds of the probability that a municipality is linked to one of its own local actors (it rises with population). */
export const OWN_ACTOR_LINK_PROBABILITY = { min: 0.35, max: 0.85 } as const;
/** Municipality–municipality ties fall with distance as e^(−km / DISTANCE_DECAY_KM). */
export const DISTANCE_DECAY_KM = 150;
/** The tie factors by border steps and across a county border, and the planned joint body size: the shape's (shape.ts), which the scale sizes share. */
export { BORDER_STEP_FACTORS, CROSS_COUNTY_FACTOR, JOINT_BODY_SIZE } from '../shape.js';
export const BORDER_STEP_FACTOR_FAR = 0.006;
/** Established municipality–municipality ties are dated in this range (or undated); new ones, with triadic closure, in the next. */
export const ESTABLISHED_TIES = { from: FIRST_DATE, to: '2019-12-31' } as const;
export const NEW_TIES = { from: '2020-01-01', to: '2025-06-30' } as const;
/** Weak counties are compared with the median of the other counties with at least this many municipalities. */
export const MEDIAN_MIN_MUNICIPALITIES = 5;
/** Dates for which design.json (and the README) give the number of active links (`net.asOf(date)`). */
export const SNAPSHOT_DATES = ['2015-06-30', DEMO_DATA_DATE] as const;
/** An actor row of the dataset: its columns as text. */
export type DemoActorRow = { id: string; name: string; kind: string } & Partial<Record<'municipality' | 'county' | 'counties' | 'focus' | 'founded', string>>;

export type { DemoPlace } from '../gaps.js';

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** Pairs of municipalities within this many border steps, or within CANDIDATE_KM, may be tied by the two phases of ties. */
const NEAR_STEPS = 4;
const CANDIDATE_KM = 150;
/** Farther than any two points on the earth (km): a search radius beyond it holds every pair. */
const HALF_EARTH_KM = 20_016;
/** The steps `stepsNear` gives for a reachable municipality more than NEAR_STEPS away. */
const FAR = Infinity;


/** The places (gaps.ts) and the demo's searches over them: what every stage reads. */
function demoFrame(geography: Geography, seed: number) {
  const places = placesFrame(geography, seed);
  const { ms, msIndex, graph, search, gi } = places;

  // Border steps without a map per municipality (n²): each municipality's
  // ball of NEAR_STEPS steps (n·k), components for "reachable at all", and a
  // full search (stepsFrom) from the few municipalities that need exact far steps.
  const component = new Int32Array(graph.codes.length).fill(-1);
  for (let i = 0, n = 0; i < component.length; i++) {
    if (component[i]! >= 0) continue;
    for (let k = 0, reached = search.from(i); k < reached; k++) component[search.order[k]!] = n;
    n++;
  }
  const ball = graph.codes.map((_, i) => {
    const near = new Map<number, number>();
    for (let k = 0, reached = search.from(i, NEAR_STEPS); k < reached; k++) near.set(search.order[k]!, search.steps[search.order[k]!]!);
    return near;
  });
  /** Border steps from a to b when at most NEAR_STEPS, FAR when more, undefined when b cannot be reached over borders. */
  const stepsNear = (a: string, b: string): number | undefined => {
    const x = gi(a);
    const y = gi(b);
    return ball[x]!.get(y) ?? (component[x] === component[y] ? FAR : undefined);
  };
  /** Municipalities (their `ms` indices) whose centroids are within `CANDIDATE_KM` of `ms[i]`. */
  const grid = new KmGrid(
    ms.map((m) => m.lat),
    ms.map((m) => m.lon),
    CANDIDATE_KM,
  );
  /** The `ms` indices of the municipalities within NEAR_STEPS border steps of `ms[i]`. */
  const nearIndices = (i: number) => [...ball[gi(ms[i]!.code)]!.keys()].map((g) => msIndex.get(graph.codes[g]!)!);
  return { ...places, stepsNear, grid, nearIndices };
}

type Frame = ReturnType<typeof demoFrame>;


/** The demo's joint bodies: nine counties and the big ones, named after their centre, one across a county border. */
const DEMO_BODIES: BodyPlan = { count: 9, named: true, police: 0.6, board: 0.5, civilMembers: 0.4, crossBorder: true, attributes: true };

/** The demo's gaps: two weak counties, one without cross-county links, four isolated municipalities, a bridge of two dependents and one of one, seven missing a partner kind. */
const DEMO_GAPS: GapPlan = { stream: 1, weakCounties: 2, crossCountyGap: true, isolated: 4, bridges: [2, 1], missingKinds: 7 };

/** Stage 2, the actors: the authorities of each county and region, then each municipality's religious and civil-society actors. */
function demoActors(f: Frame, words: DemoWords) {
  const { ms, counties, stream } = f;
  const a = stream(2);
  const nodes = new Nodes<DemoActorRow>(ms.map((m) => m.code));
  const authorities = authorityActors(nodes, counties, words, { policeRegions: words.policeRegions, national: 0, attributes: true });
  // The stages below name the authorities by id, per county code.
  const idOf = (byCounty: readonly number[]) => new Map(counties.flatMap((c, i) => (byCounty[i]! >= 0 ? [[c.code, nodes.ids[byCounty[i]!]!] as const] : [])));
  const policeOf = idOf(authorities.police);
  const boardOf = idOf(authorities.board);
  const regionOf = idOf(authorities.region);

  const localNodes = localActors(nodes, ms, words, {
    count: (m) => {
      const l = Math.log(ms[m]!.population / 3000);
      const nRel = Math.max(1, Math.round(0.4 + 1.1 * l + (a() - 0.5) * 1.6));
      const nCiv = Math.max(1, Math.round(0.9 + 1.7 * l + (a() - 0.5) * 2.4));
      return [nRel, nCiv];
    },
    attributes: a,
  });
  // The stages below name the local actors by id, per municipality code.
  const locals = new Map<string, { religious: string[]; civil: string[] }>();
  const kindOf = new Map<string, string>();
  for (const [m, { code }] of ms.entries()) {
    const split = localNodes.start[m]! + localNodes.religious[m]!;
    const entry = { religious: nodes.ids.slice(localNodes.start[m], split), civil: nodes.ids.slice(split, localNodes.start[m + 1]) };
    locals.set(code, entry);
    for (const id of entry.religious) kindOf.set(id, 'religious');
    for (const id of entry.civil) kindOf.set(id, 'civil_society');
  }
  return { nodes, actors: nodes.actors, authorities, policeOf, boardOf, regionOf, locals, localNodes, kindOf };
}

type Actors = ReturnType<typeof demoActors>;

/** The links as they are made (parallel ones kept: the demo's configuration), and the date draws of links. */
function linkList(nodes: Nodes<DemoActorRow>) {
  const edges = new EdgeList({ distinctPairs: false, weights: 'given' });
  const add = (source: string, target: string, kind: SyntheticLinkKind, weight: number, since?: string, until?: string) => {
    edges.put(nodes.node(source), nodes.node(target), SYNTHETIC_LINK_KINDS.indexOf(kind), weight, dayIndex(since), dayIndex(until));
  };
  return { edges, add, between, endOf, pickOf };
}

type Links = ReturnType<typeof linkList>;

type Built = Frame & Gaps & Actors & Links;

/** Stages 3, 4 and 5, the shared link stages (links.ts): the authorities among themselves, municipalities with their own local actors and with their authorities. */
function sharedLinks(c: Built): void {
  const { ms, counties, seed, isolated, missingKind, edges, authorities, localNodes } = c;
  const countyIndex = new Map(counties.map((x, i) => [x.code, i]));
  const frame: LinkFrame = {
    seed,
    M: ms.length,
    population: ms.map((m) => m.population),
    county: ms.map((m) => countyIndex.get(m.county)!),
    isolated: ms.map((m) => (isolated.has(m.code) ? 1 : 0)),
    edges,
  };
  authorityLinks(frame, authorities);
  ownActorLinks(frame, { ...localNodes, missing: (m) => missingKind.get(ms[m]!.code) });
  municipalAuthorityLinks(frame, authorities);
}

/** Stage 6: local actors with each other inside a municipality, and with the police region and the board. */
function localLinks(c: Built) {
  const { ms, stream, isolated, locals, kindOf, policeOf, boardOf, add, between, endOf } = c;
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
          add(id, boardOf.get(m.county)!, 'project', 1.5, since, endOf(r, since));
        }
      }
    }
  }
}

/** The municipal ties as they are made (direct ties and shared joint bodies), and `addTie`, which draws from stage 7's stream. */
function tieTools(c: Built) {
  const { ms, stream, add, between, endOf } = c;
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
  return { tiedWith, tie, tied, directTies, mr, addTie };
}

type Ties = Built & ReturnType<typeof tieTools>;

/** The bridges first: each dependent cooperates with its hub only, durably. */
function bridgeTies(c: Ties): void {
  const { bridges, addTie, between, mr } = c;
  for (const b of bridges) for (const d of b.dependents) addTie(b.hub, d, between(mr, '2011-01-01', '2016-12-31'), true);
}

/** How likely a tie between two municipalities is (distance, border steps, sizes, counties), and the pairs within reach. */
function pairFactors(c: Ties) {
  const { ms, mun, countyOf, stepsNear, grid, nearIndices, dist, weak, crossAllowed } = c;
  const geoFactor = (x: string, y: string): number => {
    const d = dist(x, y);
    const s = stepsNear(x, y);
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
  /** No pair in two counties `km` or more apart has a higher pairFactor: geoFactor ≤ e^(−km / DISTANCE_DECAY_KM), sizeFactor ≤ (0.5 + 0.35 × 3) × 1.3. */
  const crossCountyBound = (km: number) => Math.exp(-km / DISTANCE_DECAY_KM) * (0.5 + 0.35 * 3) * 1.3 * CROSS_COUNTY_FACTOR;
  // The pairs within NEAR_STEPS border steps or CANDIDATE_KM, in the order of
  // a scan of every pair (i < j in geography order): n·k, from each one's
  // ball and grid cells, instead of n² pairs.
  const candidatePairs: [string, string][] = [];
  for (let i = 0; i < ms.length; i++) {
    const x = ms[i]!.code;
    const later = [...new Set([...nearIndices(i), ...grid.within(i)])].filter((j) => j > i).sort((p, q) => p - q);
    for (const j of later) {
      const y = ms[j]!.code;
      if (crossAllowed(x, y)) candidatePairs.push([x, y]);
    }
  }
  return { pairFactor, crossCountyBound, candidatePairs };
}

type Paired = Ties & ReturnType<typeof pairFactors>;

/** Stage 9, phase 1: established cooperation (dated 2010–2019 or undated). */
function establishedTies(c: Paired): void {
  const { stream, candidatePairs, tied, pairFactor, addTie, between } = c;
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
}

/** Stage 10, phase 2: new cooperation 2020–2025, far more likely between municipalities that share partners. */
function newTies(c: Paired): void {
  const { stream, candidatePairs, tied, tiedWith, pairFactor, addTie, between } = c;
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
}

/** Stage 13: every county but the designed one cooperates across its border at least once. */
function crossCountyTies(c: Paired): void {
  const { ix, ms, msIndex, counties, stream, countyOf, noCrossCounty, tiedWith, crossAllowed, pairFactor, crossCountyBound, addTie, between } = c;
  // Every county but the designed one cooperates across its border at least once.
  {
    const r = stream(13);
    const lat = ms.map((m) => m.lat);
    const lon = ms.map((m) => m.lon);
    const crosses = new Set<string>();
    for (const [x, set] of tiedWith) for (const y of set) if (countyOf(x) !== countyOf(y)) crosses.add(countyOf(x));
    for (const c of counties) {
      if (c.code === noCrossCounty || crosses.has(c.code)) continue;
      // The best pair of all (first in county and geography order among equals),
      // searched within a radius that doubles until no pair beyond it could
      // score higher: n·k for a county, where every pair would be n².
      let best: [string, string] | undefined;
      let bestScore = 0;
      for (let km = CANDIDATE_KM; ; km *= 2) {
        const grid = new KmGrid(lat, lon, km);
        best = undefined;
        bestScore = 0;
        for (const m of ix.municipalitiesOf.get(c.code)!) {
          for (const j of grid.within(msIndex.get(m.code)!).sort((p, q) => p - q)) {
            const o = ms[j]!;
            if (o.county === c.code || !crossAllowed(m.code, o.code)) continue;
            const score = pairFactor(m.code, o.code);
            if (score > bestScore) [best, bestScore] = [[m.code, o.code], score];
          }
        }
        if (bestScore > crossCountyBound(km) * (1 + 1e-9) || km > HALF_EARTH_KM) break;
      }
      if (best) {
        addTie(best[0], best[1], between(r, ESTABLISHED_TIES.from, ESTABLISHED_TIES.to), true);
        crosses.add(c.code).add(countyOf(best[1]));
      }
    }
  }
}

/** Stage 11: every municipality outside the deliberate gaps cooperates with at least one other. */
function everyoneTied(c: Paired): void {
  const { ms, stream, stepsFrom, countyOf, isolated, noCross, dependentHub, tiedWith, crossAllowed, addTie, between } = c;
  // Every municipality outside the deliberate gaps cooperates with at least one other.
  {
    const r = stream(11);
    for (const m of ms) {
      if (isolated.has(m.code) || noCross.has(m.code)) continue;
      // a hub needs a tie beyond its dependents, or it bridges nothing
      if ([...tiedWith.get(m.code)!].some((x) => dependentHub.get(x) !== m.code)) continue;
      // The first in the order of border steps, own county first, larger first, code: one scan, no sort.
      const steps = stepsFrom(m.code);
      const before = (p: Municipality, q: Municipality) =>
        (steps(p.code) ?? 99) - (steps(q.code) ?? 99) ||
        (countyOf(p.code) === m.county ? 0 : 1) - (countyOf(q.code) === m.county ? 0 : 1) ||
        q.population - p.population ||
        cmp(p.code, q.code);
      let partner: Municipality | undefined;
      for (const o of ms) {
        if (!crossAllowed(m.code, o.code) || dependentHub.get(o.code) === m.code) continue;
        if (partner === undefined || before(o, partner) < 0) partner = o;
      }
      if (partner) addTie(m.code, partner.code, between(r, ESTABLISHED_TIES.from, ESTABLISHED_TIES.to), true);
    }
  }
}

/** Stage 12: local actors working across municipal borders. */
function crossLocalLinks(c: Paired): void {
  const { geography, stream, countyOf, locals, directTies, crossAllowed, weak, tied, tie, add, between, endOf, pickOf } = c;
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
}

/** The demonstration network: its rows, and what each stage made (for the design and its check). */
export type DemoNetwork = ReturnType<typeof generateDemoNetwork>;

/**
 * Generate the demonstration network on `geography` with a country's
 * `words`: every stage in order. Pure: the result depends on the seed, the
 * geography and the words only.
 */
export function generateDemoNetwork(geography: Geography, words: DemoWords, seed: number) {
  const frame = demoFrame(geography, seed);
  const gaps = placeGaps(frame, words, DEMO_GAPS);
  const actors = demoActors(frame, words);
  const built: Built = { ...frame, ...gaps, ...actors, ...linkList(actors.nodes) };
  sharedLinks(built);
  localLinks(built);
  const ties: Ties = { ...built, ...tieTools(built) };
  bridgeTies(ties);
  const bodies = jointBodies({ ...ties, locals: ties.localNodes }, words, DEMO_BODIES, ties.tie);
  const paired: Paired = { ...ties, ...pairFactors(ties) };
  establishedTies(paired);
  newTies(paired);
  crossCountyTies(paired);
  everyoneTied(paired);
  crossLocalLinks(paired);
  return { ...paired, bodies, seed, links: linkRows(paired.edges, paired.nodes.ids) };
}
