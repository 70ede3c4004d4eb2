/**
 * The link stages every configuration of the generator runs, on nodes: the
 * authorities among themselves, municipalities with their authorities, and
 * municipalities with their own local actors. Each draws from its own stream
 * (`stageStream(seed, 3 | 4 | 5)`, the demo's stage numbers), and gives each
 * link its kind, weight and dates; the edge list's policy decides what is
 * kept (the scale sizes: distinct pairs, weights drawn 1–5).
 *
 * Dates here are day indices (days after FIRST_DATE, -1 for none), the edge
 * list's; the demo's stages that compare dates as text use {@link between}
 * and {@link endOf}, the same draws as ISO dates.
 *
 * @module
 */
import type { Rng } from '../metrics/random.js';
import type { Authorities } from './authorities.js';
import { AGREEMENT, dayIndex, DIALOGUE, type EdgeList, NETWORK, PROJECT } from './edges.js';
import { DATA_DATE, FIRST_DATE, dayOf, isoOf, POLICE_REGIONS_SINCE, stageStream } from './shape.js';

/** Bounds of the probability that a municipality is linked to one of its own local actors (it rises with population). */
export const OWN_ACTOR_LINK_PROBABILITY = { min: 0.35, max: 0.85 } as const;

const LAST_DAY = dayIndex(DATA_DATE);
const FIRST_DAY = dayOf(FIRST_DATE);

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** A day from `from` to `to` (ISO dates, both included), as a day index. */
export function betweenDays(rng: Rng, from: string, to: string): number {
  const a = dayIndex(from);
  return a + Math.floor(rng() * (dayIndex(to) - a + 1));
}

/** An end 1–3 years after `since` (day indices), or -1 when that is after the data date (still running). */
export function endDays(rng: Rng, since: number): number {
  const end = since + 365 + Math.floor(rng() * 731);
  return end <= LAST_DAY ? end : -1;
}

/** {@link betweenDays} as an ISO date. */
export const between = (rng: Rng, from: string, to: string): string => isoOf(FIRST_DAY + betweenDays(rng, from, to));

/** {@link endDays} of an ISO date, as one (undefined: still running). */
export function endOf(rng: Rng, since: string): string | undefined {
  const end = endDays(rng, dayIndex(since));
  return end < 0 ? undefined : isoOf(FIRST_DAY + end);
}

/** One of `items`, uniformly. */
export const pickOf = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;

/** The municipalities as the shared link stages read them: node m is municipality m. */
export interface LinkFrame {
  readonly seed: number;
  /** Number of municipalities. */
  readonly M: number;
  readonly population: ArrayLike<number>;
  /** County index (into the authorities' per-county nodes) of each municipality. */
  readonly county: ArrayLike<number>;
  /** 1 for a municipality without any link (a designed gap). */
  readonly isolated: ArrayLike<number>;
  readonly edges: EdgeList;
}

/** A link with its weight and dates (day indices). */
const link = (edges: EdgeList, u: number, v: number, kind: number, weight: number, since = -1, until = -1) => edges.put(u, v, kind, weight, since, until);

/** The authorities among themselves: each board with its region, the police region with the board, and national authorities with some regions. */
export function authorityLinks(f: LinkFrame, a: Authorities): void {
  const r = stageStream(f.seed, 3);
  for (let k = 0; k < a.board.length; k++) {
    link(f.edges, a.board[k]!, a.region[k]!, AGREEMENT, 2, betweenDays(r, '2012-01-01', '2018-12-31'));
    link(f.edges, a.police[k]!, a.board[k]!, AGREEMENT, 2, betweenDays(r, POLICE_REGIONS_SINCE, '2017-12-31'));
    for (const n of a.national) if (r() < 0.3) link(f.edges, n, a.region[k]!, NETWORK, 1, betweenDays(r, '2012-01-01', '2025-06-30'));
  }
}

/** The local actors of each municipality: nodes `start[m]` … `start[m + 1] − 1`, its religious ones first. */
export interface Locals {
  readonly start: ArrayLike<number>;
  readonly religious: ArrayLike<number>;
  /** The partner kind a municipality is designed to lack (the demo's gap). */
  readonly missing?: (m: number) => 'religious' | 'civil_society' | undefined;
}

/**
 * Municipalities with their own local actors, with probability rising with
 * population (OWN_ACTOR_LINK_PROBABILITY), and at least one of each kind:
 * religious communities get `dialogue` or `agreement`, civil society
 * `agreement`, `project` or `network`.
 */
export function ownActorLinks(f: LinkFrame, locals: Locals): void {
  const r = stageStream(f.seed, 4);
  const addLocal = (m: number, node: number, religious: boolean, v: number, w: number) => {
    const since = w < 0.08 ? -1 : betweenDays(r, '2010-01-01', '2025-06-30');
    if (religious) {
      if (v < 0.7) link(f.edges, m, node, DIALOGUE, w < 0.5 ? 1 : 1.5, since);
      else link(f.edges, m, node, AGREEMENT, 2, since);
    } else if (v < 0.35) link(f.edges, m, node, AGREEMENT, w < 0.5 ? 2 : 2.5, since);
    else if (v < 0.65) link(f.edges, m, node, PROJECT, 1.5, since, since < 0 ? -1 : endDays(r, since));
    else link(f.edges, m, node, NETWORK, 1, since);
  };
  for (let m = 0; m < f.M; m++) {
    if (f.isolated[m]) continue;
    const lp = Math.log(f.population[m]! / 15_000);
    const from = locals.start[m]!;
    const split = from + locals.religious[m]!;
    const to = locals.start[m + 1]!;
    for (const [kind, lo, hi] of [
      ['religious', from, split],
      ['civil_society', split, to],
    ] as const) {
      if (locals.missing?.(m) === kind) continue;
      const religious = kind === 'religious';
      const p = clamp((religious ? 0.55 : 0.62) + 0.05 * lp, OWN_ACTOR_LINK_PROBABILITY.min, OWN_ACTOR_LINK_PROBABILITY.max);
      let linked = 0;
      for (let node = lo; node < hi; node++) {
        // always draw, so the stream does not depend on earlier outcomes
        const u = r();
        const v = r();
        const w = r();
        if (u >= p) continue;
        linked++;
        addLocal(m, node, religious, v, w);
      }
      if (linked === 0) {
        const node = lo + Math.floor(r() * (hi - lo));
        addLocal(m, node, religious, r(), r());
      }
    }
  }
}

/**
 * Municipalities with their authorities, each more likely in larger ones:
 * an agreement with the police region, a network (and sometimes a project)
 * with the board, an agreement with the region, and rarely a national
 * authority.
 */
export function municipalAuthorityLinks(f: LinkFrame, a: Authorities): void {
  const r = stageStream(f.seed, 5);
  for (let m = 0; m < f.M; m++) {
    if (f.isolated[m]) continue;
    const lp = Math.log(f.population[m]! / 15_000);
    const k = f.county[m]!;
    const u = [r(), r(), r(), r(), r(), r()];
    if (u[0]! < clamp(0.8 + 0.06 * lp, 0.55, 0.97)) link(f.edges, m, a.police[k]!, AGREEMENT, u[3]! < 0.5 ? 2.5 : 3, betweenDays(r, POLICE_REGIONS_SINCE, '2021-12-31'));
    if (u[1]! < clamp(0.6 + 0.08 * lp, 0.35, 0.9)) link(f.edges, m, a.board[k]!, NETWORK, u[4]! < 0.6 ? 1 : 1.5, betweenDays(r, '2011-01-01', '2022-12-31'));
    if (u[2]! < clamp(0.45 + 0.1 * lp, 0.2, 0.85)) link(f.edges, m, a.region[k]!, AGREEMENT, 2, u[5]! < 0.1 ? -1 : betweenDays(r, '2012-01-01', '2023-12-31'));
    // a few time-limited projects with the county administrative board
    if (r() < clamp(0.15 + 0.05 * lp, 0.05, 0.4)) {
      const since = betweenDays(r, '2016-01-01', '2023-12-31');
      link(f.edges, m, a.board[k]!, PROJECT, 1.5, since, endDays(r, since));
    }
    for (const n of a.national) if (r() < clamp(0.04 + 0.03 * lp, 0.01, 0.15)) link(f.edges, m, n, r() < 0.6 ? AGREEMENT : PROJECT, 2, betweenDays(r, '2012-01-01', '2025-06-30'));
  }
}
