/**
 * Seeded synthetic cooperation networks for benchmarks and tests, the scale
 * sizes' configuration of the generator: an invented country
 * (municipalities on a jittered grid, counties as contiguous blocks) with
 * actors and links shaped like the demo dataset, from 1 000 to 10 000 000
 * links. Their plans for the shared stages (gaps.ts, authorities.ts,
 * locals.ts, links.ts, bodies.ts) are the demo's in proportion to the
 * country, and their link store keeps each pair once, exactly `links` of
 * them, with weights drawn 1–5. Their own stages fill the budget: municipal
 * ties within three border steps, local actors across borders by fitness
 * and within a municipality by preferential attachment, and a top-up. The
 * stages work on typed arrays and node numbers and build row objects only at
 * the end, so a million links take about a second. The country is made in
 * country.ts.
 *
 * @module
 */
import { z } from 'zod';
import type { Actor, Geography, Link } from '../model/schema.js';
import { BORDER_STEP_FACTORS, CROSS_COUNTY_FACTOR, stageStream } from './shape.js';
import type { Rng } from '../metrics/random.js';
import { AGREEMENT, DIALOGUE, EdgeList, NETWORK, POLICE_DAY, PROJECT } from './edges.js';
import { linkRows, Nodes } from './rows.js';
import { authorityActors, inventedPoliceRegions } from './authorities.js';
import { authorityLinks, municipalAuthorityLinks, ownActorLinks } from './links.js';
import { type GapPlan, placeGaps, placesFrame } from './gaps.js';
import { localActors } from './locals.js';
import { type BodyPlan, jointBodies } from './bodies.js';
import { defaultWords, KM_PER_DEG_LAT, KM_PER_DEG_LON, makeGeography } from './country.js';
import { parseOptions, refusal } from '../model/options.js';
import { isDemoWords, type DemoWords } from '../model/demo-words.js';

// ---------------------------------------------------------------- parameters

/** Links per municipality when `municipalities` is not given (the demo has 4 615 links over 290 municipalities). */
export const SYNTHETIC_LINKS_PER_MUNICIPALITY = 16;
/** Bounds of the default number of municipalities. The cap keeps analyses that scan every municipality tractable. */
export const SYNTHETIC_MUNICIPALITY_RANGE = { min: 20, max: 5_000 } as const;
/** Municipalities per county when `counties` is not given (Sweden: 290 over 21). */
export const SYNTHETIC_MUNICIPALITIES_PER_COUNTY = 14;
/** Every requested municipality needs this many links of budget (authorities, neighbours, local actors). */
const MIN_LINKS_PER_MUNICIPALITY = 10;

/** Options of {@link syntheticNetwork}. */
export const SyntheticNetworkOptionsSchema = z
  .strictObject({
    /** Number of links to generate (distinct pairs). Default 10 000. */
    links: z.number().int().min(1_000).max(10_000_000).default(10_000),
    /** Seed of every random choice; the same options give the same network. Default 1. */
    seed: z.number().int().default(1),
    /** Number of municipalities. Default: links / 16, clamped to 20 … 5 000. */
    municipalities: z.number().int().min(4).max(100_000).optional(),
    /** Number of counties. Default: municipalities / 14 (at least 2, at most the municipalities). */
    counties: z.number().int().min(1).optional(),
    /** The words that name the invented country's places and actors (a `Country`'s `demoWords`). Default: the default country's. */
    words: z.custom<DemoWords>(isDemoWords, 'words must be a DemoWords object (a Country\'s demoWords)').optional(),
  })
  .superRefine((o, ctx) => {
    const m = o.municipalities ?? defaultMunicipalities(o.links);
    if (o.links < MIN_LINKS_PER_MUNICIPALITY * m) {
      ctx.addIssue({ code: 'custom', path: ['municipalities'], ...refusal('options.syntheticLinks', { m: String(m), links: String(MIN_LINKS_PER_MUNICIPALITY * m), each: String(MIN_LINKS_PER_MUNICIPALITY) }) });
    }
    if (o.counties !== undefined && o.counties > m) {
      ctx.addIssue({ code: 'custom', path: ['counties'], ...refusal('options.syntheticCounties', { counties: String(o.counties), m: String(m) }) });
    }
  });
export type SyntheticNetworkOptions = z.input<typeof SyntheticNetworkOptionsSchema>;

/** A synthetic network as plain data, ready for `loadNetwork` or `CooperationNetwork.create`. */
export interface SyntheticNetwork {
  /** The invented country: municipalities, counties and borders. */
  geography: Geography;
  /** Actors other than municipalities (which come from the geography), in node order. */
  actors: Actor[];
  /** Links, each pair at most once, no self-loops. */
  links: Link[];
}

function defaultMunicipalities(links: number): number {
  const { min, max } = SYNTHETIC_MUNICIPALITY_RANGE;
  return Math.min(max, Math.max(min, Math.round(links / SYNTHETIC_LINKS_PER_MUNICIPALITY)));
}

const NATIONAL_AUTHORITIES = 5;

/** The generator's output before it is turned into rows: what the file writer streams from. */
export interface CompactSyntheticNetwork {
  geography: Geography;
  /** Node index → actor id: the municipalities (in code order), then `actors`. */
  ids: string[];
  /** Actors other than municipalities, node `municipalities + i`. */
  actors: Actor[];
  edges: EdgeList;
}

// ---------------------------------------------------------------- helpers

/** Split `total` into integers proportional to `weights` (largest remainder, ties by index). */
function apportion(total: number, weights: Float64Array): Int32Array {
  const out = new Int32Array(weights.length);
  let sum = 0;
  for (const w of weights) sum += w;
  if (sum <= 0 || total <= 0) return out;
  const rest: [number, number][] = [];
  let given = 0;
  for (let i = 0; i < weights.length; i++) {
    const q = (total * weights[i]!) / sum;
    out[i] = Math.floor(q);
    given += out[i]!;
    rest.push([q - out[i]!, i]);
  }
  rest.sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; given < total; k++, given++) out[rest[k % rest.length]![1]]! += 1;
  return out;
}

// ---------------------------------------------------------------- the stages
// One function per stage, in the order they run, as the demo's stages
// (demo/network.ts): each reads what the earlier ones made (the context `c`)
// and draws from its own stream, so tuning one leaves the others' draws alone.

/** The invented country and what every stage reads of it. */
function scaleFrame(options: SyntheticNetworkOptions, fn: string) {
  const o = parseOptions(SyntheticNetworkOptionsSchema, options, fn);
  const words = o.words ?? defaultWords();
  const L = o.links;
  const seed = o.seed;
  const M = o.municipalities ?? defaultMunicipalities(L);
  const C = o.counties ?? Math.min(M, Math.max(2, Math.round(M / SYNTHETIC_MUNICIPALITIES_PER_COUNTY)));
  const layout = makeGeography(M, C, seed, L, words);
  const { geography, population, county, borders, cellKm } = layout;
  const codes = geography.municipalities.map((m) => m.code);
  return { words, L, seed, M, geography, population, county, borders, cellKm, codes };
}
type Frame = ReturnType<typeof scaleFrame>;

/** Gaps (gaps.ts): isolated small municipalities, one in 75, and bridges, one hub in 150 with two or one dependents; no designed county gaps. */
function scaleGaps(c: Frame) {
  const { words, seed, M, geography } = c;
  const plan: GapPlan = {
    stream: 2,
    weakCounties: 0,
    crossCountyGap: false,
    isolated: Math.max(1, Math.round(M / 75)),
    bridges: Array.from({ length: Math.max(1, Math.round(M / 150)) }, (_, i) => 2 - (i % 2)),
    missingKinds: 0,
  };
  const places = placesFrame(geography, seed);
  const gaps = placeGaps(places, words, plan);
  return { places, gaps, isolated: gaps.isolatedIx, hubOf: gaps.hubOf, allowed: gaps.allowed };
}
type Gapped = Frame & ReturnType<typeof scaleGaps>;

/** Actors: the authorities (authorities.ts), police regions invented one per three counties, and the national authorities. */
function scaleAuthorities(c: Gapped) {
  const { words, geography, codes } = c;
  const nodes = new Nodes<Actor>(codes);
  const plan = { policeRegions: inventedPoliceRegions(geography.counties, words), national: NATIONAL_AUTHORITIES, attributes: false };
  return { nodes, ...authorityActors(nodes, geography.counties, words, plan) };
}
type Staffed = Gapped & ReturnType<typeof scaleAuthorities>;

type Linked = Staffed & { edges: EdgeList };

/** Joint bodies (bodies.ts): one in 25 municipalities, numbered in their county, the police region and the board members at times; none across a county border. */
function scaleBodies(c: Linked): void {
  const { M, places, gaps, nodes, edges } = c;
  const plan: BodyPlan = { count: Math.max(1, Math.round(M / 25)), named: false, police: 0.3, board: 0.3, civilMembers: 0, crossBorder: false, attributes: false };
  // The scale sizes' ties (tiesOf) are direct ones only, so a shared body is not one.
  jointBodies({ ...places, ...gaps, nodes, authorities: c, locals: undefined, edges }, c.words, plan, () => {});
}

/**
 * Ties between municipalities, falling with border steps (BORDER_STEP_FACTORS
 * at 1, 2, 3 steps) and distance, CROSS_COUNTY_FACTOR times as likely across a
 * county border, more likely between municipalities of different size. Every
 * municipality outside the gaps gets at least one tie; bridge dependents only
 * to their hub.
 */
function municipalTies(c: Linked) {
  const { seed, M, geography, population, county, borders, cellKm, edges, isolated, hubOf, allowed, places } = c;
  const tiesOf: number[][] = Array.from({ length: M }, () => []);
  {
    const r = stageStream(seed, 11);
    const STEP = [0, ...BORDER_STEP_FACTORS];
    const decayKm = 2.7 * cellKm;
    const muni = geography.municipalities;
    // Municipality i is index i of the border graph: codes are numbered in index order.
    const { search } = places;
    const { steps, order } = search;
    const tie = (a: number, b: number, kindRoll: number): void => {
      const kind = kindRoll < 0.5 ? AGREEMENT : kindRoll < 0.8 ? PROJECT : NETWORK;
      if (edges.add(a, b, kind, kind === PROJECT ? 0.3 : 0.03)) {
        tiesOf[a]!.push(b);
        tiesOf[b]!.push(a);
      }
    };
    for (let a = 0; a < M; a++) {
      const seen = order.slice(0, search.from(a, 3)).sort();
      for (const b of seen) {
        if (b <= a || !allowed(a, b)) continue;
        const km = Math.hypot((muni[a]!.lat - muni[b]!.lat) * KM_PER_DEG_LAT, (muni[a]!.lon - muni[b]!.lon) * KM_PER_DEG_LON);
        const sizeFactor = 1 + 0.4 * Math.min(1, Math.abs(Math.log(population[a]! / population[b]!)) / 2);
        const p = 0.42 * STEP[steps[b]!]! * Math.exp(-km / decayKm) * (county[a] === county[b] ? 1 : CROSS_COUNTY_FACTOR) * sizeFactor;
        if (r() < p) tie(a, b, r());
      }
    }
    for (let d = 0; d < M; d++) if (hubOf[d] && tiesOf[d]!.length === 0) tie(d, hubOf[d]! - 1, r());
    for (let a = 0; a < M; a++) {
      if (isolated[a] || hubOf[a] || tiesOf[a]!.length > 0) continue;
      const options = borders[a]!.filter((b) => allowed(a, b));
      if (options.length > 0) tie(a, options[Math.floor(r() * options.length)]!, r());
      else {
        // An island, or surrounded by gaps: the nearest municipality it may cooperate with.
        let best = -1;
        let bestKm = Infinity;
        for (let b = 0; b < M; b++) {
          if (!allowed(a, b)) continue;
          const km = Math.hypot((muni[a]!.lat - muni[b]!.lat) * KM_PER_DEG_LAT, (muni[a]!.lon - muni[b]!.lon) * KM_PER_DEG_LON);
          if (km < bestKm) [best, bestKm] = [b, km];
        }
        if (best >= 0) tie(a, best, r());
      }
    }
  }
  return tiesOf;
}
type Tied = Linked & { tiesOf: number[][] };

/**
 * Local actors: religious communities and civil-society associations per
 * municipality, their number set by the link budget the stages above left,
 * at about 1.9 links each (the demo's 6.6 local actors per 16 links per
 * municipality).
 */
function scaleLocals(c: Tied) {
  const { words, L, M, geography, population, edges, nodes } = c;
  const localTotal = Math.max(2 * M, Math.round((L - edges.count) / 1.9));
  const extraWeights = Float64Array.from(population, (p) => Math.max(0.25, Math.log(p) - 7));
  const extra = apportion(localTotal - 2 * M, extraWeights);
  const { start: localStart, religious: religiousCount } = localActors(nodes, geography.municipalities, words, {
    count: (i) => {
      const n = 2 + extra[i]!;
      const rel = Math.min(n - 1, Math.max(1, Math.round(n * 0.38)));
      return [rel, n - rel];
    },
  });
  return { localStart, religiousCount };
}
type Local = Tied & ReturnType<typeof scaleLocals>;

/** Local actors with their police region and board. */
function localAuthorityLinks(c: Local): void {
  const { seed, M, county, edges, isolated, localStart, police, board } = c;
  {
    const r = stageStream(seed, 16);
    for (let m = 0; m < M; m++) {
      if (isolated[m]) continue;
      const c = county[m]!;
      for (let v = localStart[m]!; v < localStart[m + 1]!; v++) {
        if (r() < 0.04) edges.add(v, police[c]!, DIALOGUE, 0.03, POLICE_DAY);
        if (r() < 0.03) edges.add(v, board[c]!, PROJECT, 0.3);
      }
    }
  }
}

/** How the last stages draw local actors: uniformly, by fitness, and the municipality of one. */
function localDraws(c: Local) {
  const { seed, M, isolated, localStart } = c;
  const active: number[] = [];
  for (let m = 0; m < M; m++) if (!isolated[m]) active.push(m);
  const activeStart = new Float64Array(active.length + 1);
  active.forEach((m, k) => (activeStart[k + 1] = activeStart[k]! + localStart[m + 1]! - localStart[m]!));
  const activeLocals = activeStart[active.length]!;
  /** A uniformly random local actor of an active municipality: [municipality, node]. */
  const randomLocal = (r: Rng): [number, number] => {
    const x = Math.floor(r() * activeLocals);
    let lo = 0, hi = active.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (activeStart[mid]! <= x) lo = mid;
      else hi = mid - 1;
    }
    const m = active[lo]!;
    return [m, localStart[m]! + (x - activeStart[lo]!)];
  };
  const localOf = (m: number, r: Rng) => localStart[m]! + Math.floor(r() * (localStart[m + 1]! - localStart[m]!));
  // Fitness of each local actor, Pareto-distributed (α = 1, capped at
  // 1 000; 0 in isolated municipalities): a few actors attract far more ties
  // than the rest, as in a fitness model (Bianconi–Barabási).
  const firstLocal = localStart[0]!;
  const cumFit = new Float64Array(localStart[M]! - firstLocal + 1);
  {
    const r = stageStream(seed, 21);
    for (let m = 0; m < M; m++) {
      for (let v = localStart[m]!; v < localStart[m + 1]!; v++) {
        const f = Math.min(1_000, 1 / (1 - r()));
        cumFit[v - firstLocal + 1] = cumFit[v - firstLocal]! + (isolated[m] ? 0 : f);
      }
    }
  }
  /** A local actor among nodes [from, to), drawn with probability proportional to its fitness. */
  const byFitness = (from: number, to: number, r: Rng): number => {
    let lo = from - firstLocal;
    let hi = to - firstLocal - 1;
    const x = cumFit[lo]! + r() * (cumFit[hi + 1]! - cumFit[lo]!);
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumFit[mid + 1]! <= x) lo = mid + 1;
      else hi = mid;
    }
    return lo + firstLocal;
  };
  /** The municipality of a local actor. */
  const municipalityOf = (v: number): number => {
    let lo = 0;
    let hi = M - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (localStart[mid]! <= v) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  return { active, randomLocal, localOf, firstLocal, byFitness, municipalityOf };
}
type Drawn = Local & ReturnType<typeof localDraws>;

/** Local actors across municipal borders: 15 % of what is left, an actor (by fitness) and an actor (by fitness) of a municipality its own is tied to or, less often, borders. */
function crossLocalLinks(c: Drawn): void {
  const { seed, L, M, borders, edges, tiesOf, allowed, localStart, firstLocal, byFitness, municipalityOf } = c;
  {
    const r = stageStream(seed, 17);
    const target = edges.count + Math.round((L - edges.count) * 0.15);
    const tries = (L - edges.count) * 20 + 1000;
    for (let t = 0; edges.count < target && t < tries; t++) {
      const u = byFitness(firstLocal, localStart[M]!, r);
      const a = municipalityOf(u);
      const pool = r() < 0.8 && tiesOf[a]!.length > 0 ? tiesOf[a]! : borders[a]!;
      if (pool.length === 0) continue;
      const b = pool[Math.floor(r() * pool.length)]!;
      if (!allowed(a, b)) continue;
      edges.add(u, byFitness(localStart[b]!, localStart[b + 1]!, r), r() < 0.5 ? NETWORK : PROJECT, 0.2);
    }
  }
}

/**
 * Local actors within their municipality, the rest of the budget, by
 * preferential attachment per municipality: actors arrive one by one and tie
 * to earlier ones with probability rising with their degree, which gives
 * heavy-tailed degrees.
 */
function localAttachment(c: Drawn): void {
  const { seed, L, edges, active, localStart, byFitness } = c;
  {
    const r = stageStream(seed, 18);
    const budget = L - edges.count;
    const sizes = new Float64Array(active.length);
    const capacity = new Int32Array(active.length);
    active.forEach((m, k) => {
      const n = localStart[m + 1]! - localStart[m]!;
      sizes[k] = n;
      capacity[k] = Math.floor((n * (n - 1)) * 0.3);
    });
    // Quotas proportional to size, capped at half the possible pairs; what a
    // capped municipality cannot take goes to the others.
    const quota = new Int32Array(active.length);
    let left = budget;
    for (let round = 0; round < 3 && left > 0; round++) {
      const w = Float64Array.from(sizes, (n, k) => (quota[k]! < capacity[k]! ? n : 0));
      const share = apportion(left, w);
      let given = 0;
      for (let k = 0; k < active.length; k++) {
        const add = Math.min(share[k]!, capacity[k]! - quota[k]!);
        quota[k] = quota[k]! + add;
        given += add;
      }
      left -= given;
      if (given === 0) break;
    }
    let urn = new Int32Array(1024);
    active.forEach((m, k) => {
      const q = quota[k]!;
      if (q === 0) return;
      const start = localStart[m]!;
      const n = sizes[k]!;
      if (urn.length < 2 * q + n) urn = new Int32Array(2 * q + n);
      let urnLength = 1;
      urn[0] = start;
      let arrived = 1;
      for (let e = 0; e < q; e++) {
        // Actor `t` arrives when its share of the quota begins.
        const t = 1 + Math.floor((e * (n - 1)) / q);
        while (arrived <= t) urn[urnLength++] = start + arrived++;
        const u = start + t;
        let ok = false;
        for (let attempt = 0; attempt < 12 && !ok; attempt++) {
          const roll = r();
          const v = roll < 0.55 ? urn[Math.floor(r() * urnLength)]! : roll < 0.85 ? byFitness(start, start + n, r) : start + Math.floor(r() * arrived);
          if (edges.add(u, v, r() < 0.6 ? NETWORK : PROJECT, 0.2)) {
            urn[urnLength++] = u;
            urn[urnLength++] = v;
            ok = true;
          }
        }
        if (!ok) {
          // Dense municipality: any free pair.
          for (let attempt = 0; attempt < 12 && !ok; attempt++) {
            const x = start + Math.floor(r() * n);
            const y = start + Math.floor(r() * n);
            ok = edges.add(x, y, NETWORK, 0.2);
          }
        }
      }
    });
  }
}

/** Top up: pairs the stages above could not place (dense small municipalities), random ties within a municipality or to a tied one. */
function topUp(c: Drawn): void {
  const { seed, L, borders, edges, tiesOf, allowed, randomLocal, localOf } = c;
  {
    const r = stageStream(seed, 19);
    const tries = (L - edges.count) * 5 + 10_000;
    for (let t = 0; !edges.full && t < tries; t++) {
      const [a, u] = randomLocal(r);
      const roll = r();
      const pool = roll < 0.5 ? tiesOf[a]! : borders[a]!;
      const b = roll < 0.2 || pool.length === 0 ? a : pool[Math.floor(r() * pool.length)]!;
      if (allowed(a, b) || a === b) edges.add(u, localOf(b, r), NETWORK, 0.2);
    }
  }
}

/** Last resort: with very few actors per municipality the local pairs can run out; the rest are local actors with the authorities of their county and the national ones. */
function lastResort(c: Drawn): void {
  const { seed, L, county, edges, randomLocal, police, board, region, national } = c;
  {
    const r = stageStream(seed, 22);
    const tries = (L - edges.count) * 50 + 10_000;
    for (let t = 0; !edges.full && t < tries; t++) {
      const [a, u] = randomLocal(r);
      const c = county[a]!;
      const k = Math.floor(r() * (3 + NATIONAL_AUTHORITIES));
      const authority = k === 0 ? police[c]! : k === 1 ? board[c]! : k === 2 ? region[c]! : national[k - 3]!;
      edges.add(u, authority, k === 0 ? DIALOGUE : PROJECT, 0.3, k === 0 ? POLICE_DAY : 0);
    }
  }
}

// ---------------------------------------------------------------- the network

/**
 * Generate the network in compact form (typed arrays): every stage in
 * order. `syntheticNetwork` turns it into rows; `writeSyntheticNetwork`
 * streams it to files.
 * @internal
 */
export function generateSynthetic(options: SyntheticNetworkOptions = {}, fn = 'generateSynthetic'): CompactSyntheticNetwork {
  // `fn`: the public function whose options these are, so a refusal names the one the caller called.
  const frame = scaleFrame(options, fn);
  const gapped: Gapped = { ...frame, ...scaleGaps(frame) };
  const staffed: Staffed = { ...gapped, ...scaleAuthorities(gapped) };
  const linked: Linked = { ...staffed, edges: new EdgeList({ limit: frame.L, distinctPairs: true, weights: 'drawn', draws: stageStream(frame.seed, 20) }) };
  authorityLinks(linked, linked);
  scaleBodies(linked);
  const tied: Tied = { ...linked, tiesOf: municipalTies(linked) };
  municipalAuthorityLinks(tied, tied);
  const local: Local = { ...tied, ...scaleLocals(tied) };
  ownActorLinks(local, { start: local.localStart, religious: local.religiousCount });
  localAuthorityLinks(local);
  const drawn: Drawn = { ...local, ...localDraws(local) };
  crossLocalLinks(drawn);
  localAttachment(drawn);
  topUp(drawn);
  lastResort(drawn);
  return { geography: frame.geography, ids: drawn.nodes.ids, actors: drawn.nodes.actors, edges: drawn.edges };
}

/**
 * A seeded synthetic cooperation network of any size, shaped like the demo
 * dataset: an invented country (municipalities on a jittered grid, counties
 * as contiguous blocks, lognormal populations), local religious and
 * civil-society actors, county boards, regions, police regions, national
 * authorities and joint bodies, and links between them. The result loads with
 * `loadNetwork({ geography, actors, links })` or
 * `CooperationNetwork.create(…)`. The same options give the same network.
 *
 * @example
 * const { geography, actors, links } = syntheticNetwork({ links: 100_000, seed: 7 });
 * const net = CooperationNetwork.create({ geography, actors, links });
 */
export function syntheticNetwork(options: SyntheticNetworkOptions = {}): SyntheticNetwork {
  const { geography, ids, actors, edges } = generateSynthetic(options, 'syntheticNetwork');
  const links = linkRows(edges, ids);
  return { geography, actors, links };
}
