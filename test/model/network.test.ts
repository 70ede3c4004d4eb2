import { OptionsError } from '../../src/model/options.js';
import { readFileSync } from 'node:fs';
import { csvParse } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import { CooperationNetwork, loadNetwork, swedenGeography, type MunicipalityTie } from '../../src/index.js';
import { swedenCooperationBodies } from '../../src/geo.js';

const geography = swedenGeography();

function small() {
  return loadNetwork({
    actors: [
      'id,name,kind,municipality',
      'moske,Moské Umeå,religious,2480',
      'idrott,Idrott Vännäs,civil_society,2460',
      'rtj,Räddningstjänst Väst,joint_body,',
      'polis,Polisregion Nord,authority,',
    ].join('\n'),
    links: [
      'source,target,kind,weight,since,until',
      '2480,2460,agreement,2,2020-01-01,',
      'moske,idrott,dialogue,1,2021-06-01,2022-06-30',
      'rtj,2480,member,1,,',
      'rtj,2403,member,1,,',
      'rtj,2404,member,1,2023-01-01,',
      'polis,2480,agreement,1,,',
      'polis,2403,agreement,1,,',
      '2480,2460,project,1,2022-01-01,2022-12-31',
      '2480,0180,network,1,,',
    ].join('\n'),
  });
}

describe('CooperationNetwork', () => {
  it('has every municipality of the geography as a node, even without links', () => {
    const net = loadNetwork({ links: 'source,target\n0180,0114\n' }, { ids: 'municipality-codes', scope: 'all' });
    expect(net.graph.order).toBe(290);
    expect(net.municipalities()).toHaveLength(290);
    expect(net.graph.degree('1880')).toBe(0);
    const empty = CooperationNetwork.create({ geography });
    expect(empty.graph.order).toBe(290);
    expect(empty.graph.size).toBe(0);
  });

  it('knows which links cross municipal and county borders', () => {
    const net = small();
    const flags = net.links.map((l) => [l.source, l.target, l.crossMunicipal, l.crossCounty]);
    expect(flags).toEqual([
      ['2480', '2460', true, false],
      ['moske', 'idrott', true, false], // Umeå and Vännäs actors, both in Västerbotten
      ['rtj', '2480', false, false], // a body without municipality or county is neither
      ['rtj', '2403', false, false],
      ['rtj', '2404', false, false],
      ['polis', '2480', false, false],
      ['polis', '2403', false, false],
      ['2480', '2460', true, false],
      ['2480', '0180', true, true],
    ]);
  });

  it('answers the accessors', () => {
    const net = small();
    expect(net.actorsInMunicipality('2480').map((a) => a.id)).toEqual(['moske']);
    expect(net.municipalitiesOfCounty('24').map((m) => m.code)).toHaveLength(15);
    expect(net.linksBetween('2460', '2480').map((l) => l.kind)).toEqual(['agreement', 'project']);
    expect(net.linksOf('rtj').map((l) => l.index)).toEqual([2, 3, 4]);
    expect(net.county('Västerbotten')?.code).toBe('24');
    expect(net.municipality('Vännäs')?.code).toBe('2460');
    expect(net.borderNeighbours('2460')).toContain('2480');
  });

  it('aggregates repeated links of a pair in the graph', () => {
    const net = small();
    expect(net.graph.getEdgeAttributes('2480', '2460')).toEqual({
      weight: 3,
      count: 2,
      kinds: ['agreement', 'project'],
      links: [0, 7],
      crossMunicipal: true,
      crossCounty: false,
    });
  });

  it('asOf keeps the links active on the date, both ends inclusive', () => {
    const net = small();
    const on = (date: string) => net.asOf(date).links.map((l) => `${l.source}-${l.target}-${l.kind}`);
    expect(on('2019-12-31')).toEqual(['rtj-2480-member', 'rtj-2403-member', 'polis-2480-agreement', 'polis-2403-agreement', '2480-0180-network']);
    expect(on('2022-06-30')).toContain('moske-idrott-dialogue');
    expect(on('2022-07-01')).not.toContain('moske-idrott-dialogue');
    expect(on('2023-01-01')).toContain('rtj-2404-member');
    expect(on('2023-01-01')).not.toContain('2480-2460-project');
    expect(net.asOf('2022-03-01').graph.getEdgeAttribute('2480', '2460', 'weight')).toBe(3);
    expect(net.asOf('2023-03-01').graph.getEdgeAttribute('2480', '2460', 'weight')).toBe(2);
    expect(net.asOf('2020-01-01').date).toBe('2020-01-01');
    expect(net.asOf('2020-01-01').order).toBe(net.order);
    expect(() => net.asOf('2020')).toThrow(/ISO date/);
  });

  it('projects to municipality ties, direct or through a shared body, with what lies behind each', () => {
    const net = small();
    const ties = net.municipalityProjection().ties;
    expect(ties.map((t) => [t.a, t.b, t.direct, t.bodies, t.links, t.weight, t.crossCounty])).toEqual([
      ['0180', '2480', 1, [], [8], 1, true],
      ['2403', '2404', 0, ['rtj'], [3, 4], 1, false],
      ['2403', '2480', 0, ['rtj'], [2, 3], 1, false],
      ['2404', '2480', 0, ['rtj'], [2, 4], 1, false],
      // agreement (2) + dialogue between their actors (1) + project (1)
      ['2460', '2480', 3, [], [0, 1, 7], 4, false],
    ]);
    // The police region is an authority, not a shared body: no 2403–2480 tie through it beyond rtj's.
    const onlyMunicipalities = net.municipalityProjection({ endpoints: 'municipalities' }).ties.find((t) => t.a === '2460');
    expect(onlyMunicipalities).toMatchObject({ direct: 2, links: [0, 7], weight: 3 });
    const viaAuthorities = net.municipalityProjection({ via: ['joint_body', 'authority'] }).ties.find((t) => t.a === '2403' && t.b === '2480');
    expect(viaAuthorities?.bodies).toEqual(['polis', 'rtj']);
    // The inferred scope is Västerbotten (where the data's own actors are), plus Stockholm, which a link names.
    const graph = net.municipalityProjection().graph;
    expect(graph.order).toBe(15 + 1);
    expect(graph.size).toBe(5);
    expect(net.withScope('all').municipalityProjection().graph.order).toBe(290);
    // A scope written wrong is refused naming what is wrong, not thrown as zod's raw issues.
    expect(() => net.withScope({ countys: ['24'] } as never)).toThrow(OptionsError);
    expect(() => net.withScope({ countys: ['24'] } as never)).toThrow(/^scope: option countys: unknown option/);
  });
});

describe('the real cooperation bodies', () => {
  const net = loadNetwork(swedenCooperationBodies());
  // Read independently of the loader: the CSV files as written.
  const csv = (file: string) => csvParse(readFileSync(`data/sweden/${file}`, 'utf8'));
  const bodies = csv('cooperation_bodies.csv');
  const memberships = csv('cooperations.csv');
  const proposals = new Set(bodies.filter((b) => b.status === 'proposal').map((b) => b.body_id));

  it('loads every body but the proposals, each membership once, and the named non-municipal members', () => {
    const actors = net.actors().filter((a) => a.kind === 'joint_body' && bodies.some((b) => b.body_id === a.id));
    expect(actors.map((a) => a.id).sort()).toEqual(bodies.filter((b) => b.status !== 'proposal').map((b) => b.body_id!).sort());
    expect(actors).toHaveLength(174);
    const memberLinks = net.links.filter((l) => net.actor(l.target)?.kind === 'municipality');
    const expected = memberships.filter((m) => !proposals.has(m.body_id)).map((m) => `${m.body_id}>${m.municipality_code}`);
    expect(memberLinks.map((l) => `${l.source}>${l.target}`).sort()).toEqual(expected.sort());
    expect(net.actor('arbetsformedlingen')).toMatchObject({ kind: 'authority' });
    // Regions are authorities (issue 11), placed in their county.
    expect(net.actor('region-stockholm')).toMatchObject({ kind: 'authority', county: '01' });
    expect(net.actor('vastra-gotalandsregionen')).toMatchObject({ kind: 'authority', county: '14' });
    expect(net.actor('region-jamtland-harjedalen')).toMatchObject({ kind: 'authority', county: '23' });
    // A list the source does not name is not invented: "(not named in source)" adds no actor.
    const unnamed = bodies.filter((b) => b.status !== 'proposal' && b.non_municipal_members!.startsWith('('));
    expect(unnamed.length).toBeGreaterThan(0);
    for (const b of unnamed) expect(net.linksOf(b.body_id!).every((l) => net.actor(l.target)!.kind === 'municipality')).toBe(true);
  });

  it('keeps each body’s facts as attributes, and its county only when all members share one', () => {
    expect(net.actor('nerikes-brandkar')).toMatchObject({ county: '18', attributes: { body_type: 'raddningstjanstforbund', field: 'räddningstjänst', member_evidence: 'explicit_list', county_wide: 'false' } });
    expect(net.actor('bergslagens-rtj')?.county).toBeUndefined(); // Värmland and Örebro
    expect(net.actor('skanes-kommuner')?.attributes?.county_wide).toBe('true');
  });

  it('dates memberships: historical bodies end, late members start later', () => {
    expect(net.linksOf('sodra-bohuslans-raddningstjanstforbund').every((l) => l.until === '2022-12-31')).toBe(true);
    const since = Object.fromEntries(net.linksOf('raddningstjansten-storgoteborg').map((l) => [l.target, l.since ?? null]));
    expect(since).toMatchObject({ '1462': '2023-01-01', '1415': '2023-01-01', '1419': '2023-01-01', '1480': null });
    // Tjörn cooperates with Göteborg in Storgöteborg only from 2023.
    const tie = (d: string) => net.asOf(d).municipalityProjection().ties.find((t) => t.a === '1419' && t.b === '1480');
    expect(tie('2022-06-01')?.bodies ?? []).not.toContain('raddningstjansten-storgoteborg');
    expect(tie('2023-06-01')?.bodies).toContain('raddningstjansten-storgoteborg');
    // A year alone dates from its first day, and says so.
    const c = net.linksOf('c-tillsammans-uppsala-lan')[0]!;
    expect(c).toMatchObject({ since: '2020-01-01', attributes: { since_precision: 'year' } });
  });

  it('projects to the bodies’ municipality pairs', () => {
    // Each body with n members implies n(n-1)/2 pairs; overlapping pairs are merged.
    const pairs = new Set<string>();
    const members = new Map<string, string[]>();
    for (const m of memberships) if (!proposals.has(m.body_id)) members.set(m.body_id!, [...(members.get(m.body_id!) ?? []), m.municipality_code!]);
    for (const list of members.values()) for (const a of list) for (const b of list) if (a < b) pairs.add(`${a}-${b}`);
    expect(net.municipalityProjection().ties.map((t) => `${t.a}-${t.b}`).sort()).toEqual([...pairs].sort());
  });
});

describe('the municipality projection is safe to share', () => {
  it('freezes the ties and gives each caller its own graph, so callers cannot corrupt later analyses', () => {
    const net = loadNetwork(swedenCooperationBodies());
    const first = net.municipalityProjection();
    expect(() => (first.ties as MunicipalityTie[]).sort((x, y) => y.weight - x.weight)).toThrow(TypeError);
    expect(() => ((first.ties[0] as MunicipalityTie).weight = 99)).toThrow(TypeError);
    first.graph.clearEdges();
    const again = net.municipalityProjection();
    expect(again.graph.size).toBe(again.ties.length);
    expect(again.ties.length).toBeGreaterThan(300);
  });
});

describe('CooperationNetwork.create checks clean parts against the schemas', () => {
  const create = (parts: Omit<Parameters<typeof CooperationNetwork.create>[0], 'geography'>) => () => CooperationNetwork.create({ geography, ...parts });
  it('rejects unknown municipality codes, bad kinds and bad weights with the position', () => {
    expect(create({ actors: [{ id: 'x', name: 'X', kind: 'religious', municipality: '480' }] })).toThrow(/actors\[0\] \(x\): unknown municipality code "480"/);
    expect(create({ actors: [{ id: 'x', name: 'X', kind: 'Religious Community' }] })).toThrow(/actors\[0\]: kind: /);
    expect(create({ links: [{ source: '2480', target: '2460', weight: -5 }] })).toThrow(/links\[0\]: weight: /);
    expect(create({ links: [{ source: '2480', target: '2460', since: '2023-02-30' }] })).toThrow(/links\[0\]: since: /);
  });
  it('defaults a missing weight to 1', () => {
    const net = CooperationNetwork.create({ geography, links: [{ source: '2480', target: '2460' }] });
    expect(net.links[0]!.weight).toBe(1);
  });
});
