/**
 * Synthetic capability records: what each municipality of a geography can
 * do against violent extremism (action plan, coordinator, …), invented but
 * calibrated to national figures, for the demo dataset and for tests. Not
 * real data: every record says so in its `source`.
 *
 * The model, per capability of {@link SYNTHETIC_CAPABILITY_CALIBRATION}:
 * - **Respondents.** A share of the municipalities (`responseRate`, smaller
 *   ones more often missing) answered; the others have no record at all, so
 *   every analysis sees them as `unknown`, never as `no`.
 * - **Who has it.** Exactly `round(yesShare × municipalities)` respondents
 *   have it on the data date, drawn by weighted sampling without replacement with
 *   weight `(population / median)^populationExponent` (larger ones more
 *   often); then `round(plannedShare × municipalities)` of the rest are
 *   setting it up; the remaining respondents lack it.
 * - **When.** The holders are ordered by a second weighted draw (larger ones
 *   earlier) and dated along the capability's `timeline`: the first
 *   `round(share × municipalities)` of them by each date. A respondent that
 *   did not have it at the survey (`surveyed`) also has a `no` record from
 *   then, so `asOf` an earlier date shows the lack as it was stated.
 * - **Lacking while a neighbour has it.** `lacking` small respondents (fewer
 *   than `SMALL_POPULATION` inhabitants) are made to lack every capability
 *   of `LACKING_CAPABILITIES` while a bordering respondent has them all, so
 *   gaps and competence reach have something to find.
 * - **Regional competence networks.** Each of `networks` (an actor and its
 *   member municipalities) has `regional_network` and `coordinator` itself
 *   (the network is the source of that competence); its members have
 *   `regional_network` from their membership, the other respondents lack it.
 *
 * Seeded (`stageStream`): the same geography and options give the same
 * rows, byte for byte.
 *
 * @module
 */
import { z } from 'zod';
import { CAPABILITY_CODES } from '../model/capabilities.js';
import { cmp, indexGeography } from '../model/geography.js';
import { parseOptions } from '../model/options.js';
import { IsoDateSchema, type Geography, type Municipality } from '../model/schema.js';
import { toCsv } from '../io/write-csv.js';
import type { Rng } from '../metrics/random.js';
import { DATA_DATE, dayOf, isoOf, SMALL_POPULATION, stageStream } from './shape.js';

/** How one capability is drawn, and the national figure it is calibrated to. */
export interface CapabilityCalibration {
  readonly capability: string;
  /** Share of all municipalities that have it on the data date. */
  readonly yesShare: number;
  /** Share of all municipalities that are setting it up on the data date. */
  readonly plannedShare: number;
  /** Larger municipalities have it more often: sampling weight `(population / median)^populationExponent`. */
  readonly populationExponent: number;
  /** Cumulative share of all municipalities that have it by each date (ascending); the rest get it by the data date. */
  readonly timeline: readonly { readonly date: string; readonly share: number }[];
  /** The earliest adoption date. */
  readonly from: string;
  /** The date respondents stated a lack (their `no` records start then). */
  readonly surveyed: string;
  /** The national figure it follows (rows of `data/sweden/capability_national_figures.csv`), or that it is an assumption. */
  readonly basis: string;
}

/**
 * The calibration. Figures from `capability_national_figures.csv`: 7 % of
 * the municipalities had a written action plan in 2016, 44 % in spring
 * 2017, 147 of 290 in 2021/22 (and at least 30 more found manually); 2 % a
 * written situation picture in 2016, 42 % an updated one in spring 2017,
 * 138 in 2021/22; "most municipalities" had a local coordinator in 2017 and
 * 2019. The other shares are plausible assumptions, not figures.
 */
export const SYNTHETIC_CAPABILITY_CALIBRATION: readonly CapabilityCalibration[] = Object.freeze([
  {
    capability: 'action_plan', yesShare: 0.55, plannedShare: 0.07, populationExponent: 0.7, from: '2014-09-01', surveyed: '2016-06-30',
    timeline: [{ date: '2016-06-30', share: 0.07 }, { date: '2017-04-30', share: 0.44 }, { date: '2022-06-30', share: 147 / 290 }],
    basis: '7 % in 2016, 44 % in spring 2017, 147 of 290 in 2021/22 (more found later): about half, larger ones more often',
  },
  {
    capability: 'coordinator', yesShare: 0.8, plannedShare: 0.03, populationExponent: 0.5, from: '2015-01-01', surveyed: '2016-06-30',
    timeline: [{ date: '2017-09-30', share: 0.6 }, { date: '2019-06-30', share: 0.7 }],
    basis: '"most municipalities" had a local coordinator in 2017 and in 2019',
  },
  {
    capability: 'situation_picture', yesShare: 0.5, plannedShare: 0.05, populationExponent: 0.6, from: '2015-06-01', surveyed: '2016-06-30',
    timeline: [{ date: '2016-06-30', share: 0.02 }, { date: '2017-04-30', share: 0.42 }, { date: '2022-06-30', share: 138 / 290 }],
    basis: '2 % written in 2016, 42 % updated in spring 2017, 138 of 290 in 2021/22',
  },
  {
    capability: 'police_agreement', yesShare: 0.7, plannedShare: 0.05, populationExponent: 0.3, from: '2015-06-01', surveyed: '2018-03-31', timeline: [],
    basis: 'assumption (no national figure in the file): most municipalities have a cooperation agreement or citizen promise with the police',
  },
  {
    capability: 'exit_support', yesShare: 0.1, plannedShare: 0.02, populationExponent: 1.3, from: '2016-01-01', surveyed: '2018-03-31', timeline: [],
    basis: 'assumption: support for people leaving is rare and mostly in large municipalities',
  },
  {
    capability: 'relatives_support', yesShare: 0.15, plannedShare: 0.03, populationExponent: 1.1, from: '2016-01-01', surveyed: '2018-03-31', timeline: [],
    basis: 'assumption: support for relatives is rare and mostly in large municipalities',
  },
  {
    capability: 'religious_dialogue', yesShare: 0.25, plannedShare: 0.03, populationExponent: 0.9, from: '2015-01-01', surveyed: '2018-03-31', timeline: [],
    basis: 'assumption: a dialogue forum with religious communities in a quarter, larger ones more often',
  },
  {
    capability: 'civil_society_partnership', yesShare: 0.2, plannedShare: 0.04, populationExponent: 0.8, from: '2016-01-01', surveyed: '2018-03-31', timeline: [],
    basis: 'assumption: an idea-based public partnership (IOP) in a fifth',
  },
].map((c) => Object.freeze({ ...c, timeline: Object.freeze(c.timeline.map((p) => Object.freeze(p))) })));

/** The capabilities a designed small municipality lacks while a bordering one has them. */
export const LACKING_CAPABILITIES = Object.freeze(['action_plan', 'coordinator'] as const);

/** When `regional_network` records of non-members state their lack. */
const NETWORK_SURVEYED = '2020-03-31';

export const SyntheticCapabilitiesOptionsSchema = z.strictObject({
  /** Seed of every random choice. Default 1. */
  seed: z.number().int().default(1),
  /** The date the records describe; no record starts later. Default the demo's data date, 2025-09-30. */
  dataDate: IsoDateSchema.default(DATA_DATE),
  /** Share of municipalities with records (the others are unknown). Default 0.92. */
  responseRate: z.number().min(0).max(1).default(0.92),
  /** Small municipalities made to lack an action plan and a coordinator while a bordering one has both. Default 6. */
  lacking: z.number().int().nonnegative().default(6),
  /** Regional competence networks: an actor id, its member municipality codes and when each joined (default `since`). */
  networks: z
    .array(z.strictObject({ id: z.string().min(1), since: IsoDateSchema, members: z.array(z.strictObject({ municipality: z.string().min(1), since: IsoDateSchema.optional() })) }))
    .default([]),
  /** The `source` of every record. Default `synthetic: not real (seed N)`. */
  source: z.string().min(1).optional(),
});
export type SyntheticCapabilitiesOptions = z.input<typeof SyntheticCapabilitiesOptionsSchema>;

/** One synthetic record, as a row of the capabilities CSV (`municipality` or `actor` set). */
export interface SyntheticCapabilityRow {
  municipality: string;
  actor: string;
  capability: string;
  status: 'yes' | 'no' | 'planned';
  since: string;
  source: string;
}

/** What the generator made, for a design file and for tests. */
export interface SyntheticCapabilities {
  rows: SyntheticCapabilityRow[];
  /** The rows as CSV (columns municipality, actor, capability, status, since, source; LF). */
  csv: string;
  /** Municipalities without any record (unknown for every capability), in code order. */
  nonRespondents: string[];
  /** Per capability (calibrated ones, then `regional_network` when there are networks): municipalities in each state on the data date. */
  counts: { capability: string; yes: number; planned: number; no: number; unknown: number; basis: string }[];
  /** The designed small municipalities that lack {@link LACKING_CAPABILITIES} while `neighbour` (bordering) has them. */
  lackingWhileNeighbourHas: { municipality: string; neighbour: string; capabilities: string[] }[];
}

/** Weighted order without replacement (Efraimidis–Spirakis): keys u^(1/w), largest first. */
function weightedOrder(items: readonly Municipality[], weight: (m: Municipality) => number, rng: Rng): Municipality[] {
  const keyed = items.map((m) => ({ m, key: Math.log(1 - rng()) / weight(m) }));
  keyed.sort((a, b) => b.key - a.key || cmp(a.m.code, b.m.code));
  return keyed.map((k) => k.m);
}

const between = (rng: Rng, from: string, to: string) => isoOf(dayOf(from) + Math.floor(rng() * (dayOf(to) - dayOf(from) + 1)));
const dayAfter = (date: string) => isoOf(dayOf(date) + 1);

/**
 * Synthetic capability records for every municipality of `geography` (see
 * the module comment for the model and {@link SYNTHETIC_CAPABILITY_CALIBRATION}
 * for the figures): rows, their CSV, and what was designed. Not real data.
 *
 * @example
 * const { csv } = syntheticCapabilities(geography, { seed: 7 });
 * const caps = loadCapabilities({ text: csv, name: 'capabilities.csv' }, net);
 */
export function syntheticCapabilities(geography: Geography, options: SyntheticCapabilitiesOptions = {}): SyntheticCapabilities {
  const o = parseOptions(SyntheticCapabilitiesOptionsSchema, options, 'syntheticCapabilities');
  const source = o.source ?? `synthetic: not real (seed ${o.seed})`;
  const ix = indexGeography(geography);
  const ms = [...geography.municipalities].sort((a, b) => cmp(a.code, b.code));
  const n = ms.length;
  const pops = ms.map((m) => m.population).sort((a, b) => a - b);
  const median = Math.max(1, pops[Math.floor(n / 2)] ?? 1);
  const size = (m: Municipality, exponent: number) => Math.max(1e-6, (Math.max(1, m.population) / median) ** exponent);

  // Respondents: the smallest are the likeliest to be missing.
  const respondents = new Set(weightedOrder(ms, (m) => size(m, 0.4), stageStream(o.seed, 31)).slice(0, Math.round(o.responseRate * n)).map((m) => m.code));

  // Small respondents that lack while a bordering respondent has: chosen first, so the calibrated counts still hold.
  const forcedNo = new Set<string>();
  const forcedYes = new Set<string>();
  const lackingWhileNeighbourHas: SyntheticCapabilities['lackingWhileNeighbourHas'] = [];
  {
    const r = stageStream(o.seed, 32);
    const candidates = weightedOrder(ms.filter((m) => m.population < SMALL_POPULATION && respondents.has(m.code)), () => 1, r);
    for (const m of candidates) {
      if (lackingWhileNeighbourHas.length >= o.lacking) break;
      if (forcedYes.has(m.code) || forcedNo.has(m.code)) continue;
      const neighbours = (ix.bordersOf.get(m.code) ?? []).filter((c) => respondents.has(c) && !forcedNo.has(c)).sort(cmp);
      if (neighbours.length === 0) continue;
      // a neighbour already chosen to have them, else the largest
      const neighbour = neighbours.find((c) => forcedYes.has(c)) ?? [...neighbours].sort((a, b) => ix.municipality.get(b)!.population - ix.municipality.get(a)!.population || cmp(a, b))[0]!;
      forcedNo.add(m.code);
      forcedYes.add(neighbour);
      lackingWhileNeighbourHas.push({ municipality: m.code, neighbour, capabilities: [...LACKING_CAPABILITIES] });
    }
    lackingWhileNeighbourHas.sort((a, b) => cmp(a.municipality, b.municipality));
  }

  const rows: SyntheticCapabilityRow[] = [];
  const record = (subject: { municipality?: string; actor?: string }, capability: string, status: SyntheticCapabilityRow['status'], since: string) =>
    rows.push({ municipality: subject.municipality ?? '', actor: subject.actor ?? '', capability, status, since, source });
  const counts: SyntheticCapabilities['counts'] = [];

  SYNTHETIC_CAPABILITY_CALIBRATION.forEach((cal, index) => {
    const r = stageStream(o.seed, 40 + index);
    const forced = (LACKING_CAPABILITIES as readonly string[]).includes(cal.capability);
    const yesWanted = Math.round(cal.yesShare * n);
    const plannedWanted = Math.round(cal.plannedShare * n);
    const yes = new Set(forced ? [...forcedYes] : []);
    const free = ms.filter((m) => respondents.has(m.code) && !yes.has(m.code) && !(forced && forcedNo.has(m.code)));
    for (const m of weightedOrder(free, (x) => size(x, cal.populationExponent), r)) {
      if (yes.size >= yesWanted) break;
      yes.add(m.code);
    }
    const planned = new Set<string>();
    for (const m of weightedOrder(free.filter((x) => !yes.has(x.code)), (x) => size(x, cal.populationExponent), r)) {
      if (planned.size >= plannedWanted) break;
      planned.add(m.code);
    }
    // Adoption dates along the timeline: larger holders earlier, by a second weighted draw.
    const holders = weightedOrder(ms.filter((m) => yes.has(m.code)), (x) => size(x, cal.populationExponent), r);
    const points = [{ date: cal.from, count: 0 }, ...cal.timeline.map((p) => ({ date: p.date, count: Math.min(holders.length, Math.round(p.share * n)) })), { date: o.dataDate, count: holders.length }];
    const since = new Map<string, string>();
    holders.forEach((m, rank) => {
      let k = 1;
      while (k < points.length - 1 && rank >= points[k]!.count) k++;
      since.set(m.code, between(r, k === 1 ? points[0]!.date : dayAfter(points[k - 1]!.date), points[k]!.date));
    });
    const count = { capability: cal.capability, yes: 0, planned: 0, no: 0, unknown: 0, basis: cal.basis };
    for (const m of ms) {
      if (!respondents.has(m.code)) {
        count.unknown++;
        continue;
      }
      const adopted = since.get(m.code);
      const state = adopted !== undefined ? 'yes' : planned.has(m.code) ? 'planned' : 'no';
      count[state]++;
      // The lack stated at the survey, when it was still lacking then.
      if (adopted === undefined || adopted > cal.surveyed) record({ municipality: m.code }, cal.capability, 'no', cal.surveyed);
      if (adopted !== undefined) record({ municipality: m.code }, cal.capability, 'yes', adopted);
      else if (state === 'planned') record({ municipality: m.code }, cal.capability, 'planned', between(r, isoOf(dayOf(o.dataDate) - 540), o.dataDate));
    }
    counts.push(count);
  });

  if (o.networks.length > 0) {
    const member = new Map<string, string>();
    for (const net of [...o.networks].sort((a, b) => cmp(a.id, b.id))) {
      record({ actor: net.id }, 'regional_network', 'yes', net.since);
      record({ actor: net.id }, 'coordinator', 'yes', net.since);
      for (const m of net.members) {
        const joined = m.since ?? net.since;
        const earlier = member.get(m.municipality);
        if (earlier === undefined || joined < earlier) member.set(m.municipality, joined);
      }
    }
    const count = { capability: 'regional_network', yes: 0, planned: 0, no: 0, unknown: 0, basis: 'the members of the regional competence networks given' };
    for (const m of ms) {
      const joined = member.get(m.code);
      if (!respondents.has(m.code)) count.unknown++;
      else if (joined !== undefined) {
        count.yes++;
        if (joined > NETWORK_SURVEYED) record({ municipality: m.code }, 'regional_network', 'no', NETWORK_SURVEYED);
        record({ municipality: m.code }, 'regional_network', 'yes', joined);
      } else {
        count.no++;
        record({ municipality: m.code }, 'regional_network', 'no', NETWORK_SURVEYED);
      }
    }
    counts.push(count);
  }

  // Municipalities in code order, then actors by id; capabilities in vocabulary order; then by date.
  const order = new Map(CAPABILITY_CODES.map((c, i) => [c, i]));
  rows.sort((a, b) => Number(a.municipality === '') - Number(b.municipality === '') || cmp(a.municipality || a.actor, b.municipality || b.actor) || order.get(a.capability)! - order.get(b.capability)! || cmp(a.since, b.since));
  const csv = toCsv(rows, { columns: ['municipality', 'actor', 'capability', 'status', 'since', 'source'] });
  return { rows, csv, nonRespondents: ms.filter((m) => !respondents.has(m.code)).map((m) => m.code), counts, lackingWhileNeighbourHas };
}
