/**
 * The demonstration dataset as files, and its design: what the generator
 * deliberately made (the gaps, the counts), computed from the rows and
 * checked against them, so analyses can be tested against it
 * (`data/examples/sweden-demo/design.json`).
 *
 * @module
 */
import { quoteCsvField } from '../../io/write-csv.js';
import { ArgumentError } from '../../model/errors.js';
import { cmp } from '../../model/geography.js';
import { said, saidIn } from '../../model/options.js';
import type { Municipality } from '../../model/schema.js';
import { syntheticCapabilities } from '../capabilities.js';
import { dayStrings } from '../edges.js';
import { actorFields, csvLine, LINK_HEADER, linkFields } from '../rows.js';
import { POLICE_REGIONS_SINCE } from '../shape.js';
import { DEMO_DATA_DATE, MEDIAN_MIN_MUNICIPALITIES, SNAPSHOT_DATES, type DemoActorRow, type DemoNetwork, type DemoPlace } from './network.js';

export const ACTOR_HEADER = ['id', 'name', 'kind', 'municipality', 'county', 'counties', 'focus', 'founded'] as const;

/** A CSV file of rows of fields, LF line ends, through the generator's line writer (`csvLine`). */
const csv = (header: readonly string[], rows: readonly (readonly string[])[]): string => [header, ...rows].map(csvLine).join('\n') + '\n';

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
      largestMunicipality: DemoPlace & { population: number; localActors: number };
      smallestMunicipality: DemoPlace & { population: number; localActors: number };
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
    isolated: (DemoPlace & { county: string; population: number; localActors: number })[];
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
      withoutCrossMunicipalLinks: DemoPlace[];
    }[];
    noCrossCountyLinks: { county: string; name: string; municipalities: number };
    missingPartnerKind: (DemoPlace & { missing: 'religious' | 'civil_society'; unlinkedActorsOfKind: string[] })[];
    bridges: { hub: DemoPlace; dependents: DemoPlace[] }[];
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
    nonRespondents: DemoPlace[];
    /** Small municipalities made to lack an action plan and a coordinator while the bordering `neighbour` has both. */
    lackingWhileNeighbourHas: { municipality: DemoPlace; neighbour: DemoPlace; capabilities: string[] }[];
  };
}

/** The demonstration dataset's files and design (the dataset's README is the script's, rendered from `design`). */
export interface DemoFiles {
  actorsCsv: string;
  linksCsv: string;
  /** Synthetic capability records (see `design.capabilities`). */
  capabilitiesCsv: string;
  design: DemoDesign;
  /** `design` as written to design.json (2-space JSON, LF, trailing newline). */
  designJson: string;
}

/**
 * The files of a demonstration network and its design, checked: an output
 * that does not match its design (a gap not where it was placed, a date
 * after the data date) throws. `command`: the command that made it, as
 * design.json records it.
 */
export function demoFiles(net: DemoNetwork, command: string): DemoFiles {
  const { actors, links } = net;
  if (net.noCrossCounty === undefined) throw notAsDesigned(net.seed, ['no county without cross-county links could be placed']);
  const actorCells = actors.map((row) => actorFields(row, ACTOR_HEADER));
  const date = dayStrings();
  const linkCells = links.map((_, i) => linkFields(net.edges, net.nodes.ids, i, date));
  const quoted = [ACTOR_HEADER, LINK_HEADER, ...actorCells, ...linkCells].reduce((n, row) => n + row.filter((v) => quoteCsvField(v) !== v).length, 0);
  const facts = demoFacts(net);
  const caps = demoCapabilities(net);
  const design: DemoDesign = {
    synthetic: true,
    seed: net.seed,
    command,
    dataDate: DEMO_DATA_DATE,
    counts: designCounts(net, facts, quoted),
    focusValues: [...new Set(actors.flatMap((x) => (x.focus === undefined ? [] : [x.focus])))].sort(cmp),
    exampleNames: {
      religious: firstName(actors, (x) => x.kind === 'religious' && x.id.endsWith('-2')),
      civilSociety: firstName(actors, (x) => x.kind === 'civil_society'),
      jointBody: firstName(actors, (x) => x.kind === 'joint_body'),
    },
    definitions: GAP_DEFINITIONS,
    gaps: designGaps(net, net.noCrossCounty, facts),
    capabilities: {
      synthetic: true,
      source: caps.source,
      rows: caps.records.rows.length,
      dataDate: DEMO_DATA_DATE,
      networks: caps.networks.map((x) => ({ id: x.id, name: x.name, members: x.members.length })),
      counts: caps.records.counts,
      nonRespondents: caps.records.nonRespondents.map(net.place),
      lackingWhileNeighbourHas: caps.records.lackingWhileNeighbourHas.map((l) => ({ municipality: net.place(l.municipality), neighbour: net.place(l.neighbour), capabilities: l.capabilities })),
    },
  };
  const problems = designProblems(net, net.noCrossCounty, facts, design);
  if (problems.length > 0) throw notAsDesigned(net.seed, problems);
  const actorsCsv = csv(ACTOR_HEADER, actorCells);
  const linksCsv = csv(LINK_HEADER, linkCells);
  return { actorsCsv, linksCsv, capabilitiesCsv: caps.records.csv, design, designJson: `${JSON.stringify(design, null, 2)}\n` };
}

/** The refusal of an output that does not match its design: the problems name codes and ids, the same in every language; the sentence around them is the catalogue's. */
const notAsDesigned = (seed: number, problems: readonly string[]) => new ArgumentError(saidIn('demoFiles', said('errors.demo.notAsDesigned', { seed: String(seed), problems: problems.join('\n  ') })));

const firstName = (actors: readonly DemoActorRow[], test: (row: DemoActorRow) => boolean) => actors.find(test)!.name;

/** How each gap is defined (design.json's `definitions`); each holds for the full network (all links, ended ones included). */
const GAP_DEFINITIONS: DemoDesign['definitions'] = {
  isolated: 'No link at all touches the municipality or any of its local actors (its local actors are listed in actors.csv but are unlinked too).',
  weakCounties:
    'Few municipality–municipality ties inside the county (tiesPerMunicipality well under medianOtherCounties, counted in municipalityProjection() with default options), and the listed municipalities have no cross-municipal link at all (no link between their actors and another municipality’s actors, no shared joint body), though they keep links to their own local actors and to authorities.',
  noCrossCountyLinks:
    'No link joins an actor of this county to an actor of another county (authorities without a county, i.e. the police regions, do not count), and no joint body has members on both sides of the county border.',
  missingPartnerKind:
    'The municipality actor is linked to no actor of the missing kind, although the municipality has actors of that kind (listed in unlinkedActorsOfKind). Every other municipality except the isolated ones has at least one partner of each kind.',
  bridges:
    'In municipalityProjection() (either endpoints option), each dependent is tied to its hub and to no other municipality, so the hub is an articulation point separating the dependents from the rest.',
};

/**
 * Facts about the output, computed from its rows (the design reports them
 * and the self-check compares them with what was placed): the actors that
 * have a link, the municipalities' projection (all of it, and the direct
 * one of `endpoints: 'municipalities'`: municipality–municipality links and
 * shared bodies), the kinds of each municipality's partners, the counties
 * with a link across their border, and the ties within each county.
 */
function demoFacts(net: DemoNetwork) {
  const { ix, ms, countyOf, counties, actors, links, bodies, weak } = net;
  const actorIndex = new Map(actors.map((x) => [x.id, x]));
  const munOfActor = (id: string): string | undefined => (ix.municipality.has(id) ? id : actorIndex.get(id)?.municipality);
  const countyOfActor = (id: string): string | undefined => {
    if (ix.municipality.has(id)) return countyOf(id);
    const row = actorIndex.get(id)!;
    return row.county ?? (row.municipality !== undefined ? countyOf(row.municipality) : undefined);
  };
  const kindOfActor = (id: string) => (ix.municipality.has(id) ? 'municipality' : actorIndex.get(id)!.kind);
  const touched = new Set<string>();
  const perCode = () => new Map<string, Set<string>>(ms.map((m) => [m.code, new Set<string>()]));
  const projection = perCode();
  const direct = perCode();
  const partnerKinds = perCode();
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
  return { actorIndex, touched, projection, direct, partnerKinds, crossCountyCounties, ties, within, withinOf, perMunicipality, median };
}
type DemoFacts = ReturnType<typeof demoFacts>;

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Occurrences of each item, keys in sorted order. */
const countBy = (items: readonly string[]) => {
  const out: Record<string, number> = {};
  for (const k of [...items].sort(cmp)) out[k] = (out[k] ?? 0) + 1;
  return out;
};

const localCount = (net: DemoNetwork, code: string) => net.locals.get(code)!.religious.length + net.locals.get(code)!.civil.length;

/** design.json's `counts`. */
function designCounts(net: DemoNetwork, facts: DemoFacts, quotedCsvFields: number): DemoDesign['counts'] {
  const { ms, countyOf, countyName, place, actors, links, bodies, policeOf, boardOf, regionOf } = net;
  const byPopulation = [...ms].sort((p, q) => q.population - p.population || cmp(p.code, q.code));
  const withLocalCount = (m: Municipality) => ({ ...place(m.code), population: m.population, localActors: localCount(net, m.code) });
  const localCounts = ms.map((m) => localCount(net, m.code));
  const weights = links.map((l) => l.weight);
  const ended = links.filter((l) => l.until !== undefined);
  const activeOn = (date: string) => links.filter((l) => (l.since === undefined || l.since <= date) && (l.until === undefined || date <= l.until)).length;
  const among = (ids: Iterable<string>) => {
    const set = new Set(ids);
    return actors.filter((x) => set.has(x.id)).length;
  };
  return {
    actorRows: actors.length,
    linkRows: links.length,
    actorsByKind: countBy(actors.map((x) => x.kind)),
    linksByKind: countBy(links.map((l) => l.kind)),
    municipalityTies: facts.ties,
    municipalityTiesWithinCounty: facts.within,
    municipalities: ms.length,
    policeRegions: among(policeOf.values()),
    countyAdministrativeBoards: among(boardOf.values()),
    regions: among(regionOf.values()),
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
          name: facts.actorIndex.get(b.id)!.name,
          counties: [...new Set(b.members.map(countyOf))].sort(cmp).map((code) => ({ code, name: countyName(code) })),
        })),
    },
    undatedLinks: links.filter((l) => l.since === undefined).length,
    endedLinks: ended.length,
    endedLinksByKind: countBy(ended.map((l) => l.kind)),
    weight: { min: Math.min(...weights), max: Math.max(...weights), nonInteger: weights.filter((w) => !Number.isInteger(w)).length },
    quotedCsvFields,
    activeLinks: SNAPSHOT_DATES.map((date) => ({ date, links: activeOn(date) })),
  };
}

/** design.json's `gaps`: each placed gap with what the rows say of it. */
function designGaps(net: DemoNetwork, noCrossCounty: string, facts: DemoFacts): DemoDesign['gaps'] {
  const { ix, mun, countyOf, countyName, place, locals, isolated, noCrossOf, weakCounties, missingKind, bridges } = net;
  return {
    isolated: [...isolated].sort(cmp).map((code) => ({ ...place(code), county: countyOf(code), population: mun(code).population, localActors: localCount(net, code) })),
    weakCounties: weakCounties.map((c) => ({
      county: c,
      name: countyName(c),
      municipalities: ix.municipalitiesOf.get(c)!.length,
      withinCountyTies: facts.withinOf.get(c) ?? 0,
      tiesPerMunicipality: round2(facts.perMunicipality(c)),
      medianOtherCounties: round2(facts.median),
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
  };
}

/** The synthetic capability records: the joint bodies against violence are the regional competence networks, members joining with their membership link. */
function demoCapabilities(net: DemoNetwork) {
  const { geography, ix, seed, actors, links } = net;
  const networks = actors
    .filter((x) => x.kind === 'joint_body' && x.focus === 'violence-prevention')
    .map((x) => {
      const joined = links.filter((l) => l.kind === 'member' && l.source === x.id && ix.municipality.has(l.target));
      const dates = joined.map((l) => l.since ?? DEMO_DATA_DATE).sort(cmp);
      return { id: x.id, name: x.name, since: dates[0] ?? DEMO_DATA_DATE, members: joined.map((l) => ({ municipality: l.target, ...(l.since !== undefined && { since: l.since }) })) };
    });
  const source = `synthetic: not real (seed ${seed})`;
  const records = syntheticCapabilities(geography, { seed, dataDate: DEMO_DATA_DATE, networks: networks.map(({ name: _, ...n }) => n), source });
  return { networks, source, records };
}

/** The self-check: where the rows do not show what was placed (a gap missing or extra, a date after the data date), one line each. */
function designProblems(net: DemoNetwork, noCrossCounty: string, facts: DemoFacts, design: DemoDesign): string[] {
  const { ms, counties, locals, links, policeOf, isolated, noCross, weakCounties, missingKind, bridges } = net;
  const { touched, projection, direct, partnerKinds, crossCountyCounties, median } = facts;
  const problems: string[] = [];
  const same = (what: string, got: Iterable<string>, want: Iterable<string>) => {
    const g1 = [...got].sort(cmp).join(',');
    const w1 = [...want].sort(cmp).join(',');
    if (g1 !== w1) problems.push(`${what}: got [${g1}], designed [${w1}]`);
  };
  const without = (test: (code: string) => boolean) => ms.filter((m) => test(m.code)).map((m) => m.code);
  same('municipalities with no links', without((c) => !touched.has(c)), isolated);
  for (const code of isolated) {
    for (const id of [...locals.get(code)!.religious, ...locals.get(code)!.civil]) if (touched.has(id)) problems.push(`${id} of isolated ${code} has links`);
  }
  same('municipalities without cross-municipal ties', without((c) => projection.get(c)!.size === 0), [...isolated, ...noCross]);
  for (const [kind, label] of [
    ['religious', 'a religious partner'],
    ['civil_society', 'a civil-society partner'],
  ] as const) {
    same(`municipalities without ${label}`, without((c) => !partnerKinds.get(c)!.has(kind)), [...isolated, ...[...missingKind].filter(([, k]) => k === kind).map(([c]) => c)]);
  }
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
  const policeIds = new Set(policeOf.values());
  for (const l of links) {
    if ((l.since !== undefined && l.since > DEMO_DATA_DATE) || (l.until !== undefined && l.until > DEMO_DATA_DATE)) problems.push(`date after ${DEMO_DATA_DATE}`);
    if ((policeIds.has(l.source) || policeIds.has(l.target)) && !(l.since !== undefined && l.since >= POLICE_REGIONS_SINCE)) {
      problems.push(`link ${l.source}–${l.target} to a police region starts before ${POLICE_REGIONS_SINCE}`);
    }
  }
  return problems;
}
