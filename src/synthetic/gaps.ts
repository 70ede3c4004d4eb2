/**
 * The first stages of the generator, for every configuration: the places
 * (a geography's lookups and the seed's stage streams) and the designed
 * gaps, as many of each kind as the configuration's {@link GapPlan} asks.
 * The demo places all kinds on Sweden's counties; the scale sizes isolated
 * municipalities and bridges only, in proportion to the country.
 *
 * @module
 */
import type { DemoWords } from '../model/demo-words.js';
import { cmp, indexGeography } from '../model/geography.js';
import type { Geography, Municipality } from '../model/schema.js';
import { shuffled } from '../metrics/random.js';
import { SMALL_POPULATION, stageStream } from './shape.js';
import { BorderSearch, borderGraph, haversineKm } from '../geo/distance.js';

/** A municipality as the design names it. */
export interface DemoPlace {
  code: string;
  name: string;
}

/** How many gaps of each kind a configuration places, and the stream it draws them from. */
export interface GapPlan {
  readonly stream: number;
  /** Counties with few ties, a third of whose municipalities have no cross-municipal link. */
  readonly weakCounties: number;
  /** One county without any cross-county link. */
  readonly crossCountyGap: boolean;
  /** Municipalities without any link, each in another county. */
  readonly isolated: number;
  /** Each bridge's number of dependents: small municipalities tied to their hub only. */
  readonly bridges: readonly number[];
  /** Municipalities linked to no actor of one partner kind, half (rounded up) religious. */
  readonly missingKinds: number;
}

/** The geography and its lookups, and the seed's stage streams: what every stage reads. */
export function placesFrame(geography: Geography, seed: number) {
  const ix = indexGeography(geography);
  const ms: Municipality[] = [...ix.municipality.values()];
  const mun = (code: string) => ix.municipality.get(code)!;
  const countyOf = (code: string) => mun(code).county;
  const counties = [...geography.counties].sort((a, b) => cmp(a.code, b.code));
  const countyName = (code: string) => ix.county.get(code)!.name;
  const place = (code: string): DemoPlace => ({ code, name: mun(code).name });
  const borders = (code: string) => ix.bordersOf.get(code) ?? [];
  const msIndex = new Map(ms.map((m, i) => [m.code, i]));
  // One RNG stream per stage, so tuning one stage leaves the others alone.
  const stream = (stage: number) => stageStream(seed, stage);
  const dist = (a: string, b: string) => {
    const p = mun(a);
    const q = mun(b);
    return haversineKm(p.lat, p.lon, q.lat, q.lon);
  };
  // Border steps from bounded searches over the border graph, never a map of all pairs.
  const graph = borderGraph(geography);
  const search = new BorderSearch(graph);
  const gi = (code: string) => graph.index.get(code)!;
  /**
   * Exact border steps from `code` to each of `targets` (undefined: not
   * reachable), as a search over the whole country gives them, from a search whose radius
   * doubles until it reaches them all or the whole of their reach: a county's
   * body searches its county, not the country.
   */
  const stepsTo = (code: string, targets: readonly string[]): ((other: string) => number | undefined) => {
    const start = gi(code);
    const wanted = targets.map(gi);
    for (let radius = 4, reached = -1; ; radius *= 2) {
      const now = search.from(start, radius);
      if (now === reached || wanted.every((t) => search.steps[t]! >= 0)) break;
      reached = now;
    }
    const steps = new Map(wanted.map((t) => [t, search.steps[t]!]));
    return (other) => {
      const s = steps.get(gi(other)) ?? -1;
      return s < 0 ? undefined : s;
    };
  };
  return { seed, geography, ix, ms, msIndex, mun, countyOf, counties, countyName, place, borders, stream, dist, graph, search, gi, stepsTo };
}
export type Places = ReturnType<typeof placesFrame>;

/**
 * The gaps stage (the demo's stage 1): the weak counties and their
 * municipalities without cross-municipal links, the county without
 * cross-county links, the isolated municipalities, the bridges (a hub and
 * its dependents) and the municipalities missing a partner kind, as many of
 * each as the plan asks; and the rule that keeps them (`crossAllowed`, and
 * `allowed` on municipality indices).
 */
export function placeGaps(f: Places, words: DemoWords, plan: GapPlan) {
  const g = f.stream(plan.stream);
  const reserved = new Set<string>();
  // The stages draw from one stream, in this order.
  const { weakCounties, noCrossCounty, noCross, noCrossOf } = weakCountiesOf(f, words, plan, g, reserved);
  const isolated = isolatedOf(f, plan, weakCounties, g, reserved);
  const { bridges, dependentHub } = bridgesOf(f, plan, weakCounties, g, reserved);
  const missingKind = missingKindsOf(f, plan, g, reserved);
  const rule = gapRule(f, { isolated, noCross, dependentHub, noCrossCounty });
  return { weakCounties, noCrossCounty, noCross, noCrossOf, isolated, dependentHub, bridges, missingKind, weak: new Set(weakCounties), ...rule };
}

type Draw = () => number;

/** The weak counties, the county without cross-county links, and in each weak county a third of its municipalities, from its smaller two thirds, without cross-municipal links. */
function weakCountiesOf(f: Places, words: DemoWords, plan: GapPlan, g: Draw, reserved: Set<string>) {
  const { ix, counties } = f;
  const weakEligible = counties.filter((c) => !words.neverWeak.includes(c.code) && (ix.municipalitiesOf.get(c.code)?.length ?? 0) >= 7);
  const weakCounties = shuffled(weakEligible, g)
    .slice(0, plan.weakCounties)
    .map((c) => c.code)
    .sort(cmp);
  const nccEligible = counties.filter(
    (c) => !weakCounties.includes(c.code) && !words.neverWithoutCrossCounty.includes(c.code) && (ix.municipalitiesOf.get(c.code)?.length ?? 0) >= 5,
  );
  const noCrossCounty = plan.crossCountyGap ? shuffled(nccEligible, g)[0]?.code : undefined;
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
  return { weakCounties, noCrossCounty, noCross, noCrossOf };
}

/** Isolated: small mainland municipalities, each in another county, outside the weak ones. */
function isolatedOf(f: Places, plan: GapPlan, weakCounties: readonly string[], g: Draw, reserved: Set<string>): Set<string> {
  const isolated = new Set<string>();
  const used = new Set<string>();
  for (const m of shuffled(
    f.ms.filter((m) => m.population < SMALL_POPULATION && !m.island && !weakCounties.includes(m.county)),
    g,
  )) {
    if (isolated.size === plan.isolated) break;
    if (used.has(m.county)) continue;
    used.add(m.county);
    isolated.add(m.code);
    reserved.add(m.code);
  }
  return isolated;
}

/** Bridges: a hub whose small bordering neighbours of its county (each bordering someone else too) cooperate with no one else. */
function bridgesOf(f: Places, plan: GapPlan, weakCounties: readonly string[], g: Draw, reserved: Set<string>) {
  const { ms, mun, borders } = f;
  const dependentHub = new Map<string, string>();
  const bridges: { hub: string; dependents: string[] }[] = [];
  for (const want of plan.bridges) {
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
  return { bridges, dependentHub };
}

/** Municipalities that are not linked to any actor of one partner kind, though such actors exist there: half religious (one of them larger), half civil society. */
function missingKindsOf(f: Places, plan: GapPlan, g: Draw, reserved: Set<string>): Map<string, 'religious' | 'civil_society'> {
  const missingKind = new Map<string, 'religious' | 'civil_society'>();
  if (plan.missingKinds <= 0) return missingKind;
  const pool = shuffled(
    f.ms.filter((m) => !reserved.has(m.code)),
    g,
  );
  // one larger municipality among the religious ones, so the gap is not only in small places
  const large = pool.find((m) => m.population >= 50_000);
  if (large) missingKind.set(large.code, 'religious');
  for (const m of pool) {
    if (missingKind.size >= plan.missingKinds) break;
    if (missingKind.has(m.code)) continue;
    const religiousSoFar = [...missingKind.values()].filter((k) => k === 'religious').length;
    missingKind.set(m.code, religiousSoFar < Math.ceil(plan.missingKinds / 2) ? 'religious' : 'civil_society');
  }
  for (const code of missingKind.keys()) reserved.add(code);
  return missingKind;
}

/** The rule that keeps the gaps, on municipality indices (node m is ms[m]) for the stages that loop over millions of pairs (`allowed`), and by code (`crossAllowed`). */
function gapRule(f: Places, gaps: { isolated: ReadonlySet<string>; noCross: ReadonlySet<string>; dependentHub: ReadonlyMap<string, string>; noCrossCounty: string | undefined }) {
  const { ms, counties } = f;
  const M = ms.length;
  const index = f.msIndex;
  const countyIndex = new Map(counties.map((c, i) => [c.code, i]));
  const county = Int32Array.from(ms, (m) => countyIndex.get(m.county)!);
  const noCrossCountyIndex = gaps.noCrossCounty === undefined ? -1 : countyIndex.get(gaps.noCrossCounty)!;
  /** 1 for a municipality without any link; 2 for one without cross-municipal links (a weak county's). */
  const apart = new Uint8Array(M);
  for (const code of gaps.isolated) apart[index.get(code)!] = 1;
  for (const code of gaps.noCross) apart[index.get(code)!] = 2;
  /** A bridge dependent's hub, plus one (0: none). */
  const hubOf = new Int32Array(M);
  for (const [d, h] of gaps.dependentHub) hubOf[index.get(d)!] = index.get(h)! + 1;
  /** May actors of municipalities a and b (indices) be linked, which would tie a and b? */
  const allowed = (a: number, b: number): boolean => {
    if (a === b || apart[a] || apart[b]) return false;
    if (hubOf[a] || hubOf[b]) return hubOf[a] === b + 1 || hubOf[b] === a + 1;
    const ca = county[a];
    const cb = county[b];
    return ca === cb || (ca !== noCrossCountyIndex && cb !== noCrossCountyIndex);
  };
  const crossAllowed = (a: string, b: string): boolean => allowed(index.get(a)!, index.get(b)!);
  const isolatedIx = Uint8Array.from(apart, (x) => (x === 1 ? 1 : 0));
  return { crossAllowed, allowed, hubOf, isolatedIx, county };
}
export type Gaps = ReturnType<typeof placeGaps>;
