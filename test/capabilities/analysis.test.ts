/**
 * Capability coverage, competence reach and capability gaps on a small
 * network over real municipalities of Västerbotten, worked out by hand from
 * the embedded geography:
 *
 *   Bjurholm 2403 borders Nordmaling 2401, Vindeln 2404, Vännäs 2460,
 *   Lycksele 2481 and Örnsköldsvik 2284, not Umeå 2480; Vännäs borders Umeå.
 *   Centroids: Bjurholm (63.94627, 18.99217), Vännäs (63.94775, 19.71331),
 *   Umeå (63.88049, 20.26424). Haversine (R = 6371.0088 km):
 *   Bjurholm–Vännäs ≈ 35.3 km, Bjurholm–Umeå ≈ 62.6 km.
 *
 *   Links: Umeå – Vännäs (direct); kc-24 (a county competence centre, no
 *   municipality, county 24) – Bjurholm, a membership (kind member).
 *   Records: Bjurholm action_plan no, coordinator no, exit_support no;
 *   Umeå action_plan yes (2021-01-01), coordinator yes (2019-05-01);
 *   Vännäs coordinator yes, action_plan planned; kc-24 exit_support yes.
 */
import { describe, expect, it } from 'vitest';
import { capabilitiesByMunicipality, capabilityCoverage, capabilityGaps, competenceReach } from '../../src/analysis/capabilities.js';
import { loadCapabilities } from '../../src/io/capabilities.js';
import { swedenGeography } from '../../src/io/sweden.js';
import { network } from '../analysis/helpers.js';
import { haversineKm } from '../../src/geo/distance.js';

const net = network([{ id: 'kc-24', kind: 'civil_society', county: '24', name: 'Kompetenscentrum' }], [['2480', '2460'], ['kc-24', '2403', 1, 'member']], undefined, 'infer');
const csv = [
  'municipality,actor,capability,status,since',
  '2403,,action_plan,no,',
  '2403,,coordinator,no,',
  '2403,,exit_support,no,',
  '2480,,action_plan,yes,2021-01-01',
  '2480,,coordinator,yes,2019-05-01',
  '2460,,coordinator,yes,',
  '2460,,action_plan,planned,',
  ',kc-24,exit_support,yes,',
].join('\n');
const caps = loadCapabilities({ text: csv, name: 'caps.csv' }, net);
const county24 = swedenGeography().municipalities.filter((m) => m.county === '24');
const population24 = county24.reduce((s, m) => s + m.population, 0);
const pop = (code: string) => county24.find((m) => m.code === code)!.population;

describe('capabilityCoverage', () => {
  it('keeps yes, planned, no and unknown apart, by count and by population', () => {
    expect(net.scope.counties).toEqual(['24']);
    const rows = capabilityCoverage(net, caps, { capabilityCodes: ['action_plan'] });
    expect(rows.map((r) => r.county)).toEqual(['24', 'total']);
    const r = rows[0]!;
    expect(r).toMatchObject({ municipalityCount: 15, yesCount: 1, plannedCount: 1, noCount: 1, unknownCount: 12, population: population24 });
    expect(r.yesShare).toBeCloseTo(1 / 15, 12);
    expect(r.unknownShare).toBeCloseTo(12 / 15, 12);
    expect(r.yesPopulationShare).toBeCloseTo(pop('2480') / population24, 12);
    expect(r.noPopulationShare).toBeCloseTo(pop('2403') / population24, 12);
    expect(r.yesPopulationShare + r.plannedPopulationShare + r.noPopulationShare + r.unknownPopulationShare).toBeCloseTo(1, 12);
    expect(Object.keys(r)).toEqual(rows.columns);
  });

  it('counts unknown as no only in a declared census', () => {
    const r = capabilityCoverage(net, caps.withCensus(true), { capabilityCodes: ['action_plan'], total: false })[0]!;
    expect(r).toMatchObject({ yesCount: 1, plannedCount: 1, noCount: 13, unknownCount: 0 });
  });

  it('reads capabilities on the network\'s date', () => {
    const r = capabilityCoverage(net.asOf('2020-06-01'), caps, { capabilityCodes: ['action_plan'], total: false })[0]!;
    expect(r).toMatchObject({ yesCount: 0, unknownCount: 13 });
    expect(() => capabilityCoverage(net.asOf('2020-06-01'), caps.asOf('2022-01-01'))).toThrow(/one date/);
  });

  it('lists each municipality\'s state with its record', () => {
    const rows = capabilitiesByMunicipality(net, caps, { capabilityCodes: ['coordinator'] });
    expect(rows).toHaveLength(15);
    expect(rows.find((r) => r.municipality === '2480')).toMatchObject({ state: 'yes', since: '2019-05-01' });
    expect(rows.find((r) => r.municipality === '2404')).toMatchObject({ state: 'unknown', since: null, source: null });
  });
});

describe('competenceReach', () => {
  const rows = competenceReach(net, caps);
  const at = (m: string, c: string) => rows.find((r) => r.municipality === m && r.capability === c);

  it('finds the nearest source by membership, then border steps, then km', () => {
    // Coordinator: Vännäs borders Bjurholm (1 step) before Umeå (2 steps).
    expect(at('2403', 'coordinator')).toMatchObject({ state: 'no', source: '2460', via: 'border', borderSteps: 1, cooperating: false });
    expect(at('2403', 'coordinator')!.distanceKm).toBeCloseTo(35.3, 0);
    expect(at('2403', 'action_plan')).toMatchObject({ source: '2480', borderSteps: 2, sourceSince: '2021-01-01' });
    expect(at('2403', 'action_plan')!.distanceKm).toBeCloseTo(62.6, 0);
    // A competence centre Bjurholm is a member of is reached as a member; it serves its county, so it is 0 km away.
    expect(at('2403', 'exit_support')).toMatchObject({ source: 'kc-24', via: 'member', borderSteps: 0, distanceKm: 0, cooperating: true });
    // Vännäs plans an action plan: Umeå, which it already cooperates with.
    expect(at('2460', 'action_plan')).toMatchObject({ state: 'planned', source: '2480', borderSteps: 1, cooperating: true });
  });

  it('lists only what a municipality lacks, unknown apart from no, and never itself', () => {
    expect(at('2480', 'action_plan')).toBeUndefined();
    expect(at('2404', 'coordinator')).toMatchObject({ state: 'unknown' });
    const held = competenceReach(net, caps, { includeHeld: true, capabilityCodes: ['coordinator'] });
    expect(held.find((r) => r.municipality === '2480')).toMatchObject({ state: 'yes', source: '2460' });
  });
});

describe('capabilityGaps', () => {
  it('only where the data says no, with a severity and a reason in words', () => {
    const gaps = capabilityGaps(net, caps, { lang: 'en', capabilityCodes: ['action_plan', 'coordinator'] });
    expect(gaps.map((g) => g.municipality)).toEqual(['2403']);
    expect(gaps[0]).toMatchObject({ capabilities: ['action_plan', 'coordinator'], capabilityCount: 2, nearbyCount: 1, severity: 'medium', nearestWithAll: '2480' });
    expect(gaps[0]!.reason).toBe('Bjurholm has no action plan and no coordinator; within 60 km there is help with a coordinator only; the nearest with both is Umeå (63 km).');
  });

  it('is high when nothing is within the radius, and low when everything is', () => {
    const far = capabilityGaps(net, caps, { lang: 'en', capabilityCodes: ['action_plan', 'coordinator'], radiusKm: 30 })[0]!;
    expect(far.severity).toBe('high');
    expect(far.reason).toBe('Bjurholm has no action plan and no coordinator, and no municipality or actor within 30 km has either; the nearest with both is Umeå (63 km).');
    expect(capabilityGaps(net, caps, { lang: 'en', capabilityCodes: ['action_plan', 'coordinator'], radiusKm: 70 })[0]!.severity).toBe('low');
    // Membership of a network that has it is nearby, whatever the radius.
    expect(capabilityGaps(net, caps, { lang: 'en', capabilityCodes: ['exit_support'], radiusKm: 1 })[0]).toMatchObject({ severity: 'low', nearestWithAll: 'kc-24' });
  });

  it('a census turns unknown into gaps; dates apply', () => {
    const census = capabilityGaps(net, caps.withCensus(true), { lang: 'en', capabilityCodes: ['coordinator'] });
    expect(census.map((g) => g.municipality)).toContain('2404');
    expect(census.map((g) => g.municipality)).not.toContain('2460');
    const before = capabilityGaps(net.asOf('2020-01-01'), caps, { lang: 'en', capabilityCodes: ['action_plan', 'coordinator'] })[0]!;
    expect(before.nearestWithAll).toBeNull();
    expect(before.reason).toMatch(/no municipality or actor has all of them/);
  });

  it('the nearest with all is the nearest in km, as the radius and the reason speak in km', () => {
    // Lycksele borders Bjurholm (1 step, about 83 km) and has both; Umeå is 2 steps but 63 km away.
    const more = loadCapabilities({ text: `${csv}\n2481,,action_plan,yes,\n2481,,coordinator,yes,`, name: 'caps.csv' }, net);
    const gap = capabilityGaps(net, more, { lang: 'en', capabilityCodes: ['action_plan', 'coordinator'], radiusKm: 70 })[0]!;
    expect(gap).toMatchObject({ nearestWithAll: '2480' });
    expect(gap.reason).toMatch(/the nearest with both is Umeå \(63 km\)/);
    // Reach goes by border steps first (the "border steps and km"): Lycksele.
    expect(competenceReach(net, more, { capabilityCodes: ['action_plan'] }).find((r) => r.municipality === '2403')).toMatchObject({ source: '2481', borderSteps: 1 });
  });

  it('speaks Swedish when asked, with the labels\' gender', () => {
    const ett = loadCapabilities({ text: 'municipality,capability,status\n2403,relatives_support,no\n2480,relatives_support,yes\n' }, net);
    expect(capabilityGaps(net, ett, { lang: 'sv', radiusKm: 30 })[0]!.reason).toBe('Bjurholm har inget anhörigstöd, och ingen kommun eller aktör inom 30 km har något; närmast med det är Umeå (63 km).');
    const sv = capabilityGaps(net, caps, { capabilityCodes: ['action_plan', 'coordinator'], radiusKm: 30, lang: 'sv' })[0]!;
    expect(sv.reason).toBe('Bjurholm har ingen handlingsplan och ingen samordnare, och ingen kommun eller aktör inom 30 km har någondera; närmast med båda är Umeå (63 km).');
  });
});

describe('reviewer findings: members, networks, actors placed at their county', () => {
  // kc-24: county 24, no municipality, with coordinator, exit_support and regional_network; Bjurholm has a project with it, no membership.
  // Härnösand 2280 (county 22) is a member municipality of some network (regional_network yes); Örnsköldsvik 2284 (county 22) borders Bjurholm.
  const plain = network([{ id: 'kc-24', kind: 'civil_society', county: '24', name: 'Kompetenscentrum' }], [['kc-24', '2403', 1, 'project'], ['2480', '2460']], undefined, 'all');
  const records = loadCapabilities(
    {
      text: [
        'municipality,actor,capability,status',
        ',kc-24,exit_support,yes',
        ',kc-24,coordinator,yes',
        ',kc-24,regional_network,yes',
        '2460,coordinator,yes'.replace('2460,', '2460,,'),
        '2280,,regional_network,yes',
        '2403,,exit_support,no',
        '2403,,coordinator,no',
        '2403,,regional_network,no',
        '2284,,regional_network,no',
      ].join('\n'),
      name: 'caps.csv',
    },
    plain,
  );
  const rows = competenceReach(plain, records);
  const at = (m: string, c: string) => rows.find((r) => r.municipality === m && r.capability === c)!;

  it('only a membership link makes a municipality a member; a project is cooperation', () => {
    expect(at('2403', 'exit_support')).toMatchObject({ source: 'kc-24', via: 'border', cooperating: true });
    const gap = capabilityGaps(plain, records, { lang: 'en', capabilityCodes: ['exit_support'] }).find((g) => g.municipality === '2403')!;
    expect(gap.reason).not.toMatch(/member/);
  });

  it('for regional_network the source is the network actor, never a member municipality', () => {
    // Örnsköldsvik's nearest municipality with regional_network yes is Härnösand, but a municipality cannot lend its membership.
    expect(at('2284', 'regional_network')).toMatchObject({ source: 'kc-24', sourceKind: 'civil_society' });
    expect(rows.filter((r) => r.capability === 'regional_network').every((r) => r.source === 'kc-24')).toBe(true);
  });

  it('an actor without a municipality is placed at its county, not sorted last', () => {
    // Bjurholm is in county 24: kc-24 is there (0 steps, 0 km), before Vännäs (1 step, 35 km).
    expect(at('2403', 'coordinator')).toMatchObject({ source: 'kc-24', borderSteps: 0, distanceKm: 0 });
    // Örnsköldsvik (county 22) borders Bjurholm: kc-24 is one step away, at the km of the nearest municipality of county 24.
    const o = at('2284', 'coordinator');
    expect(o).toMatchObject({ source: 'kc-24', borderSteps: 1 });
    const geo = swedenGeography();
    const lat = (c: string) => geo.municipalities.find((m) => m.code === c)!;
    const km = Math.min(...county24.map((m) => haversineKm(lat('2284').lat, lat('2284').lon, m.lat, m.lon)));
    expect(o.distanceKm).toBeCloseTo(km, 9);
    // Nearby for the gaps: 0 km is within any radius.
    expect(capabilityGaps(plain, records, { lang: 'en', capabilityCodes: ['coordinator'], radiusKm: 1 }).find((g) => g.municipality === '2403')).toMatchObject({ severity: 'low', nearestWithAll: 'kc-24', nearestWithAllKm: 0 });
  });
});
