/**
 * The stage that makes a country's authorities, for every configuration of
 * the generator: one actor per police region (covering its counties), each
 * county's administrative board and region, and the national authorities.
 * The demo takes its police regions from the country's words (Sweden's
 * seven); an invented country has one per three counties.
 *
 * @module
 */
import type { DemoWords } from '../model/demo-words.js';
import { cmp } from '../model/geography.js';
import type { County } from '../model/schema.js';
import type { NodeSink } from './rows.js';

/** An authority's row: the demo's also say which counties a police region covers and each actor's focus. */
export interface AuthorityRow {
  id: string;
  name: string;
  kind: string;
  county?: string;
  counties?: string;
  focus?: string;
}

/** What a configuration asks of the authority stage. */
export interface AuthorityPlan {
  /** The police region of each county (a county in none has no police region). */
  readonly policeRegions: readonly { readonly region: string; readonly county: string }[];
  /** How many national authorities (the demo: none). */
  readonly national: number;
  /** Fill `counties` and `focus` (the demo's actors.csv has those columns). */
  readonly attributes: boolean;
}

/** The authorities' nodes: per county (its index in `counties`) its police region, board and region; and the national ones. */
export interface Authorities {
  readonly police: readonly number[];
  readonly board: readonly number[];
  readonly region: readonly number[];
  readonly national: readonly number[];
}

/** The police regions of an invented country: one per three counties, in county order, named by the words. */
export function inventedPoliceRegions(counties: readonly County[], words: DemoWords): { region: string; county: string }[] {
  const n = Math.max(1, Math.round(counties.length / 3));
  return counties.map((c, i) => ({ region: words.policeRegionName(Math.floor((i * n) / counties.length) + 1), county: c.code }));
}

/** Make the authorities as actors (police regions, then boards, then regions, then national authorities). `counties`: in the order the stages index them. */
export function authorityActors(nodes: NodeSink<AuthorityRow>, counties: readonly County[], words: DemoWords, plan: AuthorityPlan): Authorities {
  const countyIndex = new Map(counties.map((c, i) => [c.code, i]));
  const police = new Array<number>(counties.length).fill(-1);
  const covered = new Map<string, string[]>();
  for (const { region, county } of plan.policeRegions) {
    const list = covered.get(region) ?? [];
    list.push(county);
    covered.set(region, list);
  }
  for (const [region, list] of covered) {
    const node = nodes.add({ id: words.policeId(region), name: region, kind: 'authority', ...(plan.attributes && { counties: [...list].sort(cmp).join(';'), focus: 'police' }) });
    for (const c of list) {
      const i = countyIndex.get(c);
      if (i !== undefined) police[i] = node;
    }
  }
  const board = counties.map((c) => nodes.add({ id: words.boardId(c.code), name: words.boardName(c.name), kind: 'authority', county: c.code, ...(plan.attributes && { focus: 'coordination' }) }));
  const region = counties.map((c) => nodes.add({ id: words.regionId(c.code), name: words.regionName(c.name), kind: 'county', county: c.code, ...(plan.attributes && { focus: 'health-care' }) }));
  const national = Array.from({ length: plan.national }, (_, k) => nodes.add({ id: words.nationalAuthorityId(k + 1), name: words.nationalAuthorityName(k + 1), kind: 'authority' }));
  return { police, board, region, national };
}
