/**
 * The analysis API finds the deliberate gaps of the demo dataset. The gaps
 * and their definitions are read from data/examples/sweden-demo/design.json
 * (written by the generator), never copied here, so the test follows the
 * data if it is regenerated.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { articulationPoints } from '../../src/analysis/structure.js';
import { coverageByCounty } from '../../src/analysis/coverage.js';
import { findGaps, type GapRow } from '../../src/analysis/gaps.js';
import { summaryByCounty } from '../../src/analysis/summary.js';
import { loadNetwork } from '../../src/io/load-network.js';
import { demoDataset } from '../../src/io/sweden.js';
import type { CooperationNetwork } from '../../src/model/network.js';

interface Place {
  code: string;
  name: string;
}
interface Design {
  definitions: Record<string, string>;
  gaps: {
    isolated: (Place & { county: string; population: number; localActors: number })[];
    weakCounties: { county: string; name: string; municipalities: number; withoutCrossMunicipalLinks: Place[] }[];
    noCrossCountyLinks: { county: string; name: string; municipalities: number };
    missingPartnerKind: (Place & { missing: string; unlinkedActorsOfKind: string[] })[];
    bridges: { hub: Place; dependents: Place[] }[];
  };
}

const design = JSON.parse(readFileSync(new URL('../../data/examples/sweden-demo/design.json', import.meta.url), 'utf8')) as Design;
const { gaps: planted } = design;
const sorted = (xs: Iterable<string>) => [...xs].sort();

let net: CooperationNetwork;
let gaps: GapRow[];
const ofType = (type: GapRow['type']) => gaps.filter((g) => g.type === type);

beforeAll(() => {
  net = loadNetwork(demoDataset());
  gaps = findGaps(net, { lang: 'en' });
});

describe('the demo design is what these tests expect', () => {
  it('design.json lists every kind of deliberate gap', () => {
    expect(planted.isolated.length).toBeGreaterThan(0);
    expect(planted.weakCounties.length).toBeGreaterThan(0);
    expect(planted.missingPartnerKind.length).toBeGreaterThan(0);
    expect(planted.bridges.length).toBeGreaterThan(0);
    expect(planted.noCrossCountyLinks.county).toMatch(/^\d{2}$/);
    expect(Object.keys(design.definitions).sort()).toEqual(['bridges', 'isolated', 'missingPartnerKind', 'noCrossCountyLinks', 'weakCounties']);
  });
});

describe('findGaps on the demo dataset finds the deliberate gaps', () => {
  it('isolated municipalities: exactly the planted ones, critical when small', () => {
    const found = ofType('isolated_municipality');
    expect(sorted(found.map((g) => g.subject))).toEqual(sorted(planted.isolated.map((m) => m.code)));
    for (const m of planted.isolated) {
      const gap = found.find((g) => g.subject === m.code)!;
      expect(gap).toMatchObject({ county: m.county, name: m.name, municipalities: [m.code], severity: m.population < 15000 ? 4 : 3 });
      // The definition: its local actors exist but are unlinked too.
      expect(gap.reason).toContain(`although ${m.localActors} local actor${m.localActors === 1 ? ' is' : 's are'} registered there`);
      // An isolated municipality is reported as isolated only.
      expect(gaps.filter((g) => g.subject === m.code).map((g) => g.type)).toEqual(['isolated_municipality']);
    }
    expect(summaryByCounty(net).at(-1)!.isolatedMunicipalities).toBe(planted.isolated.length);
  });

  it('weak counties: their listed municipalities have no municipal cooperation, and nobody else', () => {
    const listed = planted.weakCounties.flatMap((w) => w.withoutCrossMunicipalLinks.map((m) => m.code));
    // README: every municipality outside the gaps has a tie to another municipality.
    expect(sorted(ofType('no_municipal_cooperation').map((g) => g.subject))).toEqual(sorted(listed));
    for (const w of planted.weakCounties) {
      for (const m of w.withoutCrossMunicipalLinks) {
        expect(ofType('no_municipal_cooperation').find((g) => g.subject === m.code)).toMatchObject({ county: w.county, name: m.name });
      }
    }
  });

  it('weak counties: fragmented, and the lowest shares of linked municipalities', () => {
    const fragmented = new Set(ofType('fragmented_county').map((g) => g.subject));
    for (const w of planted.weakCounties) expect(fragmented.has(w.county), `${w.name} fragmented`).toBe(true);
    const counties = coverageByCounty(net, { total: false });
    const weak = new Set(planted.weakCounties.map((w) => w.county));
    const lowest = [...counties].sort((a, b) => a.linkedShare - b.linkedShare).slice(0, weak.size);
    expect(sorted(lowest.map((c) => c.county))).toEqual(sorted(weak));
    const strongest = Math.max(...counties.filter((c) => weak.has(c.county)).map((c) => c.linkedShare));
    expect(counties.filter((c) => !weak.has(c.county)).every((c) => c.linkedShare > strongest)).toBe(true);
    for (const w of planted.weakCounties) {
      const row = counties.find((c) => c.county === w.county)!;
      expect(row.municipalityCount).toBe(w.municipalities);
      // Its unlinked municipalities are exactly those listed (no isolated one is planted there).
      const isolatedHere = planted.isolated.filter((m) => m.county === w.county).length;
      expect(row.linkedMunicipalities).toBe(w.municipalities - w.withoutCrossMunicipalLinks.length - isolatedHere);
      expect(row.componentCount).toBeGreaterThan(1);
    }
  });

  it('the county without cross-county links is exactly the set of no_cross_county_link gaps', () => {
    const { county, name, municipalities } = planted.noCrossCountyLinks;
    const found = ofType('no_cross_county_link');
    expect(found.map((g) => [g.subject, g.county, g.name])).toEqual([[county, county, name]]);
    expect(found[0]!.municipalities).toHaveLength(municipalities);
    expect(found[0]!.municipalities).toEqual(net.municipalitiesOfCounty(county).map((m) => m.code));
    const row = coverageByCounty(net).find((c) => c.county === county)!;
    expect([row.crossCountyLinks, row.crossCountyTies, row.countiesReached]).toEqual([0, 0, 0]);
  });

  it('missing partner kinds: each planted one is found for its kind, and for religious and civil society nothing else', () => {
    for (const kind of new Set(planted.missingPartnerKind.map((p) => p.missing))) {
      const found = findGaps(net, { partnerKinds: [kind], types: ['missing_partner_kind'], lang: 'en' });
      const expected = planted.missingPartnerKind.filter((p) => p.missing === kind);
      // Definition: every other municipality, except the isolated ones, has a partner of each kind.
      expect(sorted(found.map((g) => g.subject)), kind).toEqual(sorted(expected.map((p) => p.code)));
      for (const p of expected) {
        const gap = found.find((g) => g.subject === p.code)!;
        expect(gap).toMatchObject({ type: 'missing_partner_kind', name: p.name, municipalities: [p.code], severity: 2 });
        expect(gap.reason).toContain(`although ${p.unlinkedActorsOfKind.length} `);
      }
    }
    // …and with the default required kinds, each is among the gaps too.
    for (const p of planted.missingPartnerKind) {
      expect(ofType('missing_partner_kind').some((g) => g.subject === p.code), p.name).toBe(true);
    }
  });

  it('bridge hubs are single points of failure listing their dependents', () => {
    const found = ofType('single_point_of_failure');
    for (const { hub, dependents } of planted.bridges) {
      const gap = found.find((g) => g.subject === hub.code);
      expect(gap, `${hub.name} is a single point of failure`).toBeDefined();
      expect(gap!.name).toBe(hub.name);
      expect(gap!.municipalities[0]).toBe(hub.code);
      expect(gap!.municipalities).toEqual(expect.arrayContaining(dependents.map((d) => d.code)));
      expect(gap!.severity).toBe(gap!.municipalities.length - 1 >= 2 ? 3 : 2);
      for (const d of dependents) expect(gap!.reason).toContain(d.name);
      // …and an articulation point of the municipality network, cutting off at least its dependents.
      const point = articulationPoints(net, { network: 'municipalities' }).find((r) => r.id === hub.code);
      expect(point, `${hub.name} articulation point`).toBeDefined();
      expect(point!.cutOffMunicipalities).toBeGreaterThanOrEqual(dependents.length);
    }
  });

  it('gaps are sorted by severity, then type in the documented order', () => {
    const types = ['isolated_municipality', 'no_municipal_cooperation', 'single_point_of_failure', 'fragmented_county', 'no_cross_county_link', 'missing_partner_kind', 'uncooperative_border_pair'];
    for (let i = 1; i < gaps.length; i++) {
      const [p, q] = [gaps[i - 1]!, gaps[i]!];
      expect(p.severity > q.severity || (p.severity === q.severity && types.indexOf(p.type) <= types.indexOf(q.type)), `${i}: ${p.type} ${p.subject} before ${q.type} ${q.subject}`).toBe(true);
    }
  });
});
