/**
 * The municipal ties stages, for every configuration of the generator:
 * ties between municipalities falling with border steps and distance, more
 * likely between municipalities of different size and within a county; the
 * bridges first, then established ties, new ones with triadic closure, a
 * cross-county tie for every county but the designed one, and one for every
 * municipality outside the gaps. A {@link TiePlan} gives the distances, so
 * the demo (Sweden's kilometres) and an invented country of any grain share
 * them. Each keeps no map of all pairs: each municipality's ball of
 * `nearSteps` border steps (`BorderSearch`), a km grid for the pairs within
 * `candidateKm` (`KmGrid`), and full searches only from the few
 * municipalities that need far steps, so its stages are n·k.
 *
 * @module
 */
import { haversineKm, KmGrid } from '../geo/distance.js';
import { cmp } from '../model/geography.js';
import { AGREEMENT, dayIndex, type EdgeList, NETWORK, PROJECT } from './edges.js';
import type { Gaps, Places } from './gaps.js';
import { between, endOf } from './links.js';
import { BORDER_STEP_FACTORS, CROSS_COUNTY_FACTOR, FIRST_DATE } from './shape.js';

/** Ties more than three border steps apart have this factor. */
export const BORDER_STEP_FACTOR_FAR = 0.006;
/** Established municipality–municipality ties are dated in this range (or undated); new ones, with triadic closure, in the next. */
export const ESTABLISHED_TIES = { from: FIRST_DATE, to: '2019-12-31' } as const;
export const NEW_TIES = { from: '2020-01-01', to: '2025-06-30' } as const;

/** The distances of a configuration's ties (km). */
export interface TiePlan {
  /** Pairs within this many border steps, or within `candidateKm`, may be tied by the two phases of ties. */
  readonly nearSteps: number;
  readonly candidateKm: number;
  /** Ties fall with distance as e^(−km / decayKm). */
  readonly decayKm: number;
  /** Municipalities that no border path joins (islands) tie by distance only: likely within the first, less within the second. */
  readonly islandKm: readonly [number, number];
}

/** Sweden's kilometres: the demo's plan. */
export const DEMO_TIES: TiePlan = { nearSteps: 4, candidateKm: 150, decayKm: 150, islandKm: [30, 80] };

/** Farther than any two points on the earth (km): a search radius beyond it holds every pair. */
const HALF_EARTH_KM = 20_016;
/** The steps `stepsNear` gives for a reachable municipality more than `nearSteps` away. */
const FAR = Infinity;


/** The border balls and the km grid the tie stages search. */
export function tieFrame(places: Places, plan: TiePlan) {
  const { ms, msIndex, graph, search, gi } = places;
  /** Each municipality's node in the border graph. */
  const gOf = Int32Array.from(ms, (m) => gi(m.code));
  // Border steps without a map per municipality (n²): each municipality's
  // ball of `nearSteps` steps (n·k), components for "reachable at all", and a
  // full search (everyoneTied) from the few municipalities that need exact far steps.
  const component = new Int32Array(graph.codes.length).fill(-1);
  for (let i = 0, n = 0; i < component.length; i++) {
    if (component[i]! >= 0) continue;
    for (let k = 0, reached = search.from(i); k < reached; k++) component[search.order[k]!] = n;
    n++;
  }
  const ball = graph.codes.map((_, i) => {
    const near = new Map<number, number>();
    for (let k = 0, reached = search.from(i, plan.nearSteps); k < reached; k++) near.set(search.order[k]!, search.steps[search.order[k]!]!);
    return near;
  });
  /** Border steps from a to b when at most `nearSteps`, FAR when more, undefined when b cannot be reached over borders. */
  const stepsNear = (i: number, j: number): number | undefined => {
    const x = gOf[i]!;
    const y = gOf[j]!;
    return ball[x]!.get(y) ?? (component[x] === component[y] ? FAR : undefined);
  };
  /** Municipalities (their `ms` indices) whose centroids are within `candidateKm` of `ms[i]`. */
  const grid = new KmGrid(
    ms.map((m) => m.lat),
    ms.map((m) => m.lon),
    plan.candidateKm,
  );
  /** The `ms` indices of the municipalities within `nearSteps` border steps of `ms[i]`. */
  const nearIndices = (i: number) => [...ball[gOf[i]!]!.keys()].map((g) => msIndex.get(graph.codes[g]!)!);
  return { gOf, stepsNear, grid, nearIndices };
}

type Ties = Places & Gaps & ReturnType<typeof tieFrame> & ReturnType<typeof tieTools>;
type Paired = Ties & ReturnType<typeof pairFactors>;

/** The municipal ties as they are made (every configuration's) (direct ties and shared joint bodies), and `addTie`, which draws from stage 7's stream. */
export function tieTools(c: Places & { readonly edges: EdgeList }) {
  const { ms, msIndex, stream, edges } = c;
  /** A link between two municipalities (codes). */
  const add = (p: string, q: string, kind: number, weight: number, since?: string, until?: string) =>
    edges.put(msIndex.get(p)!, msIndex.get(q)!, kind, weight, dayIndex(since), dayIndex(until));
  /** Each municipality's tied ones (indices): direct ties and shared bodies. */
  const tiedWith = ms.map(() => new Set<number>());
  const tieIx = (i: number, j: number) => {
    tiedWith[i]!.add(j);
    tiedWith[j]!.add(i);
  };
  const tie = (x: string, y: string) => tieIx(msIndex.get(x)!, msIndex.get(y)!);
  const tied = (x: string, y: string) => tiedWith[msIndex.get(x)!]!.has(msIndex.get(y)!);
  const directTies: { a: string; b: string; since: string | undefined }[] = [];

  const mr = stream(7);
  const addTie = (x: string, y: string, since: string | undefined, durable = false) => {
    const [p, q] = x < y ? [x, y] : [y, x];
    const u = mr();
    const v = mr();
    if (durable || u < 0.5) add(p, q, AGREEMENT, v < 0.4 ? 2 : v < 0.8 ? 2.5 : 3, since);
    else if (u < 0.82) add(p, q, NETWORK, v < 0.6 ? 1 : 1.5, since);
    else add(p, q, PROJECT, v < 0.5 ? 1.5 : 2, since, since && endOf(mr, since));
    // a second, time-limited project on top of one in five ties
    if (mr() < 0.2) {
      const s2 = between(mr, since !== undefined && since > '2012-01-01' ? since : '2012-01-01', '2025-06-30');
      add(p, q, PROJECT, 1.5, s2, endOf(mr, s2));
    }
    directTies.push({ a: p, b: q, since });
    tie(p, q);
  };
  return { tiedWith, tie, tied, directTies, mr, addTie };
}


/** The bridges first: each dependent cooperates with its hub only, durably. */
export function bridgeTies(c: Ties): void {
  const { bridges, addTie, mr } = c;
  for (const b of bridges) for (const d of b.dependents) addTie(b.hub, d, between(mr, '2011-01-01', '2016-12-31'), true);
}

/** How likely a tie between two municipalities is (distance, border steps, sizes, counties), and the pairs within reach. */
export function pairFactors(c: Ties, plan: TiePlan) {
  const { ms, msIndex, stepsNear, grid, nearIndices, weak, allowed } = c;
  // By index, for the loops over every candidate pair.
  const weakIx = Uint8Array.from(ms, (m) => (weak.has(m.county) ? 1 : 0));
  const geoFactor = (i: number, j: number): number => {
    const p = ms[i]!;
    const q = ms[j]!;
    const d = haversineKm(p.lat, p.lon, q.lat, q.lon);
    const s = stepsNear(i, j);
    let f: number;
    if (s === 1 || s === 2 || s === 3) f = BORDER_STEP_FACTORS[s - 1]!;
    else if (s !== undefined) f = BORDER_STEP_FACTOR_FAR;
    else f = d < plan.islandKm[0] ? 0.8 : d < plan.islandKm[1] ? 0.12 : 0.01; // islands: by distance only
    return f * Math.exp(-d / plan.decayKm);
  };
  const sizeFactor = (i: number, j: number): number => {
    const px = ms[i]!.population;
    const py = ms[j]!.population;
    let f = 0.5 + 0.35 * Math.min(Math.abs(Math.log(px / py)), 3);
    if (Math.max(px, py) >= 50_000 && Math.min(px, py) < 25_000) f *= 1.3;
    return f;
  };
  const pairFactorIx = (i: number, j: number): number =>
    geoFactor(i, j) * sizeFactor(i, j) * (ms[i]!.county === ms[j]!.county ? 1 : CROSS_COUNTY_FACTOR) * (weakIx[i] || weakIx[j] ? 0.12 : 1);
  const pairFactor = (x: string, y: string): number => pairFactorIx(msIndex.get(x)!, msIndex.get(y)!);
  /** No pair in two counties `km` or more apart has a higher pairFactor: geoFactor ≤ e^(−km / decayKm), sizeFactor ≤ (0.5 + 0.35 × 3) × 1.3. */
  const crossCountyBound = (km: number) => Math.exp(-km / plan.decayKm) * (0.5 + 0.35 * 3) * 1.3 * CROSS_COUNTY_FACTOR;
  // The pairs within `nearSteps` border steps or `candidateKm`, in the order of
  // a scan of every pair (i < j in geography order): n·k, from each one's
  // ball and grid cells, instead of n² pairs.
  // Each pair's factor is computed once, for both phases.
  const candidates: number[] = [];
  const factors: number[] = [];
  for (let i = 0; i < ms.length; i++) {
    const later = [...new Set([...nearIndices(i), ...grid.within(i)])].filter((j) => j > i).sort((p, q) => p - q);
    for (const j of later) {
      if (!allowed(i, j)) continue;
      candidates.push(i, j);
      factors.push(pairFactorIx(i, j));
    }
  }
  return { pairFactor, crossCountyBound, candidates, factors };
}


/** Stage 9, phase 1: established cooperation (dated 2010–2019 or undated). */
export function establishedTies(c: Paired): void {
  const { ms, stream, candidates, factors, tiedWith, addTie } = c;
  const r = stream(9);
  for (let k = 0; k < factors.length; k++) {
    const i = candidates[2 * k]!;
    const j = candidates[2 * k + 1]!;
    const u = r();
    const v = r();
    if (tiedWith[i]!.has(j) || u >= Math.min(0.9, 0.9 * factors[k]!)) continue;
    addTie(ms[i]!.code, ms[j]!.code, v < 0.08 ? undefined : between(r, ESTABLISHED_TIES.from, ESTABLISHED_TIES.to));
  }
}

/** Stage 10, phase 2: new cooperation 2020–2025, far more likely between municipalities that share partners. */
export function newTies(c: Paired): void {
  const { ms, stream, candidates, factors, tiedWith, addTie } = c;
  const r = stream(10);
  const before = tiedWith.map((set) => new Set(set));
  for (let k = 0; k < factors.length; k++) {
    const i = candidates[2 * k]!;
    const j = candidates[2 * k + 1]!;
    const u = r();
    if (tiedWith[i]!.has(j)) continue;
    const nx = before[i]!;
    let shared = 0;
    for (const z of before[j]!) if (nx.has(z)) shared++;
    const boost = shared === 0 ? 0.15 : 1 + 0.9 * Math.min(shared, 4);
    if (u >= Math.min(0.9, 0.35 * factors[k]! * boost)) continue;
    addTie(ms[i]!.code, ms[j]!.code, between(r, NEW_TIES.from, NEW_TIES.to));
  }
}

/** Stage 13: every county but the designed one cooperates across its border at least once. */
export function crossCountyTies(c: Paired, plan: TiePlan): void {
  const { ix, ms, msIndex, counties, stream, countyOf, noCrossCounty, tiedWith, crossAllowed, pairFactor, crossCountyBound, addTie } = c;
  // Every county but the designed one cooperates across its border at least once.
  {
    const r = stream(13);
    const lat = ms.map((m) => m.lat);
    const lon = ms.map((m) => m.lon);
    const crosses = new Set<string>();
    tiedWith.forEach((set, i) => {
      for (const j of set) if (ms[i]!.county !== ms[j]!.county) crosses.add(ms[i]!.county);
    });
    for (const c of counties) {
      if (c.code === noCrossCounty || crosses.has(c.code)) continue;
      // The best pair of all (first in county and geography order among equals),
      // searched within a radius that doubles until no pair beyond it could
      // score higher: n·k for a county, where every pair would be n².
      let best: [string, string] | undefined;
      let bestScore = 0;
      for (let km = plan.candidateKm; ; km *= 2) {
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
export function everyoneTied(c: Paired): void {
  const { ms, stream, search, gOf: node, isolated, noCross, hubOf, tiedWith, allowed, addTie } = c;
  const r = stream(11);
  for (const [i, m] of ms.entries()) {
    if (isolated.has(m.code) || noCross.has(m.code)) continue;
    // a hub needs a tie beyond its dependents, or it bridges nothing
    if ([...tiedWith[i]!].some((j) => hubOf[j] !== i + 1)) continue;
    // The first in the order of border steps (99: none), own county first, larger first, code: one scan, no sort.
    search.from(node[i]!);
    const steps = (j: number) => (search.steps[node[j]!]! < 0 ? 99 : search.steps[node[j]!]!);
    const before = (p: number, q: number) =>
      steps(p) - steps(q) ||
      (ms[p]!.county === m.county ? 0 : 1) - (ms[q]!.county === m.county ? 0 : 1) ||
      ms[q]!.population - ms[p]!.population ||
      cmp(ms[p]!.code, ms[q]!.code);
    let partner = -1;
    for (let j = 0; j < ms.length; j++) {
      if (!allowed(i, j) || hubOf[j] === i + 1) continue;
      if (partner < 0 || before(j, partner) < 0) partner = j;
    }
    if (partner >= 0) addTie(m.code, ms[partner]!.code, between(r, ESTABLISHED_TIES.from, ESTABLISHED_TIES.to), true);
  }
}
