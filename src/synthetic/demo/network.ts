/**
 * The demonstration dataset's configuration of the generator: Sweden-shaped
 * plans for the shared stages (gaps.ts, authorities.ts, locals.ts, links.ts,
 * bodies.ts, ties.ts, over the link store edges.ts and the rows rows.ts) on
 * a geography, and the demo's own stages, local actors' ties within a
 * municipality and across borders along the ties. Each stage draws from its
 * own random stream (`stageStream`), so tuning one leaves the others' draws
 * alone and the same seed gives byte-identical files. The country's parts
 * (names, authorities) come in as {@link DemoWords}; the generator names no
 * country. The demo keeps parallel links (a project on top of an agreement
 * between the same pair) and weights in 0.5 steps; the scale sizes
 * (`generateSynthetic`) are the other configuration.
 *
 * @module
 */
import { cmp } from '../../model/geography.js';
import type { Geography } from '../../model/schema.js';
import { DATA_DATE, POLICE_REGIONS_SINCE } from '../shape.js';
import type { DemoWords } from '../../model/demo-words.js';
import { dayIndex, EdgeList, SYNTHETIC_LINK_KINDS, type SyntheticLinkKind } from '../edges.js';
import { linkRows, Nodes } from '../rows.js';
import { authorityActors } from '../authorities.js';
import { localActors } from '../locals.js';
import { type Gaps, type GapPlan, placeGaps, placesFrame } from '../gaps.js';
import { authorityLinks, between, endOf, type LinkFrame, municipalAuthorityLinks, ownActorLinks, pickOf } from '../links.js';
import { type BodyPlan, jointBodies } from '../bodies.js';
import { bridgeTies, crossCountyTies, DEMO_TIES, establishedTies, everyoneTied, newTies, pairFactors, tieFrame, tieTools } from '../ties.js';

// Model parameters. The generator uses them, and the dataset's README is
// rendered from the same constants, so the two cannot drift apart.

/** No date in the dataset is later than this (the population figures' date). */
export const DEMO_DATA_DATE = DATA_DATE;
/** Bounds of the probability that a municipality is linked to one of its own local actors: the shared stage's (links.ts). */
export { OWN_ACTOR_LINK_PROBABILITY } from '../links.js';
/** Municipality–municipality ties fall with distance as e^(−km / DISTANCE_DECAY_KM): the demo's tie plan's (ties.ts). */
export const DISTANCE_DECAY_KM = DEMO_TIES.decayKm;
/** The tie factors by border steps and across a county border, and the planned joint body size: the shape's (shape.ts), which the scale sizes share. */
export { BORDER_STEP_FACTORS, CROSS_COUNTY_FACTOR, JOINT_BODY_SIZE } from '../shape.js';
/** Beyond three steps, and the ranges of established and new ties' dates: the tie stages' (ties.ts). */
export { BORDER_STEP_FACTOR_FAR, ESTABLISHED_TIES, NEW_TIES } from '../ties.js';
/** Weak counties are compared with the median of the other counties with at least this many municipalities. */
export const MEDIAN_MIN_MUNICIPALITIES = 5;
/** Dates for which design.json (and the README) give the number of active links (`net.asOf(date)`). */
export const SNAPSHOT_DATES = ['2015-06-30', DEMO_DATA_DATE] as const;
/** An actor row of the dataset: its columns as text. */
export type DemoActorRow = { id: string; name: string; kind: string } & Partial<Record<'municipality' | 'county' | 'counties' | 'focus' | 'founded', string>>;

export type { DemoPlace } from '../gaps.js';



/** The places (gaps.ts) and the tie stages' searches over them (ties.ts): what every stage reads. */
function demoFrame(geography: Geography, seed: number) {
  const places = placesFrame(geography, seed);
  return { ...places, ...tieFrame(places, DEMO_TIES) };
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
  for (const [m, { code }] of ms.entries()) {
    const split = localNodes.start[m]! + localNodes.religious[m]!;
    const entry = { religious: nodes.ids.slice(localNodes.start[m], split), civil: nodes.ids.slice(split, localNodes.start[m + 1]) };
    locals.set(code, entry);
  }
  return { nodes, actors: nodes.actors, authorities, policeOf, boardOf, regionOf, locals, localNodes };
}

type Actors = ReturnType<typeof demoActors>;

/** The links as they are made (parallel ones kept: the demo's configuration), and the date draws of links. */
function linkList(nodes: Nodes<DemoActorRow>) {
  const edges = new EdgeList({ distinctPairs: false, weights: 'given' });
  const add = (source: string, target: string, kind: SyntheticLinkKind, weight: number, since?: string, until?: string) => {
    edges.put(nodes.node(source), nodes.node(target), SYNTHETIC_LINK_KINDS.indexOf(kind), weight, dayIndex(since), dayIndex(until));
  };
  return { edges, add };
}

type Links = ReturnType<typeof linkList>;

type Built = Frame & Gaps & Actors & Links;

/** Stages 3, 4 and 5, the shared link stages (links.ts): the authorities among themselves, municipalities with their own local actors and with their authorities. */
function sharedLinks(c: Built): void {
  const { ms, seed, county, isolatedIx, missingKind, edges, authorities, localNodes } = c;
  const frame: LinkFrame = { seed, M: ms.length, population: ms.map((m) => m.population), county, isolated: isolatedIx, edges };
  authorityLinks(frame, authorities);
  ownActorLinks(frame, { ...localNodes, missing: (m) => missingKind.get(ms[m]!.code) });
  municipalAuthorityLinks(frame, authorities);
}

/** Stage 6: local actors with each other inside a municipality, and with the police region and the board. */
function localLinks(c: Built) {
  const { ms, stream, isolated, locals, policeOf, boardOf, add } = c;
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
      for (const [k, id] of all.entries()) {
        const u = r();
        const v = r();
        const religious = k < mine.religious.length;
        if (u < (religious ? 0.18 : 0.08)) add(id, policeOf.get(m.county)!, 'dialogue', v < 0.5 ? 0.5 : 1, between(r, POLICE_REGIONS_SINCE, '2025-06-30'));
        else if (!religious && u > 0.95) {
          const since = between(r, '2014-01-01', '2023-12-31');
          add(id, boardOf.get(m.county)!, 'project', 1.5, since, endOf(r, since));
        }
      }
    }
  }
}

type Ties = Built & ReturnType<typeof tieTools>;
type Paired = Ties & ReturnType<typeof pairFactors>;

/** Stage 12: local actors working across municipal borders. */
function crossLocalLinks(c: Paired): void {
  const { geography, stream, countyOf, locals, directTies, crossAllowed, weak, tied, tie, add } = c;
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
  const paired: Paired = { ...ties, ...pairFactors(ties, DEMO_TIES) };
  establishedTies(paired);
  newTies(paired);
  crossCountyTies(paired, DEMO_TIES);
  everyoneTied(paired);
  crossLocalLinks(paired);
  return { ...paired, bodies, seed, links: linkRows(paired.edges, paired.nodes.ids) };
}
