/**
 * coverageByMunicipality() and coverageByCounty() on a small network over
 * real municipalities, every column worked out by hand from the TSDoc
 * definitions in src/analysis/coverage.ts and the embedded geography.
 *
 * The network (10 actors besides the 290 municipalities, n = 300):
 *
 *   Västerbotten (24):
 *     Umeå 2480 – Vännäs 2460 (direct, weight 2)
 *     joint body jb (county 24) – Umeå, Nordmaling 2401, Robertsfors 2409
 *     Skellefteå 2482 – cs-2482 (its civil-society group) – rel-2417 – Norsjö 2417
 *     Lycksele 2481 – rel-2481 (its congregation), Lycksele – police (no county)
 *     Umeå – police, Umeå – lst-24 (authority, county 24), Umeå – rel-2480a, rel-2480b
 *   Across county borders:
 *     Skellefteå – Piteå 2581 (Norrbotten, 25)
 *     lst-24 – region-25 (kind county, Norrbotten)
 *     Dorotea 2425 – Strömsund 2313 (Jämtland, 23)
 *   Gotland 0980 (09, an island) – cs-0980 (its civil-society group)
 *
 * Municipality ties (projection, via joint bodies): 2460–2480, 2401–2480,
 * 2409–2480, 2401–2409 (shared body), 2417–2482 (their actors' link),
 * 2482–2581, 2313–2425.
 *
 * Betweenness in the actor network (n = 300, pairs = 299 · 298 / 2 = 44551):
 * the component of Umeå is a tree whose branches at Umeå have 1 (Vännäs),
 * 3 (jb, Nordmaling, Robertsfors), 3 (police, Lycksele, rel-2481),
 * 2 (lst-24, region-25), 1 and 1 (rel-2480a, rel-2480b) actors: Umeå is on
 * (11² − (1 + 9 + 9 + 4 + 1 + 1)) / 2 = 48 pairs. Lycksele separates rel-2481
 * from the other 10: 10 pairs. Skellefteå is second on the path
 * 2581 – 2482 – cs-2482 – rel-2417 – 2417: 3 pairs. Every other municipality 0.
 */
import { describe, expect, it } from 'vitest';
import { coverageByCounty, coverageByMunicipality, type CountyCoverageRow, type MunicipalityCoverageRow } from '../../src/analysis/coverage.js';
import { findGaps } from '../../src/analysis/gaps.js';
import { summaryByCounty } from '../../src/analysis/summary.js';
import { loadNetwork } from '../../src/io/load-network.js';
import { swedenGeography } from '../../src/io/sweden.js';
import { close, expectNoSurprises, expectTidy, network, emptySweden } from './helpers.js';

const net = network(
  [
    { id: 'jb', name: 'Umeåregionens brottsförebyggande råd', kind: 'joint_body', county: '24' },
    { id: 'lst-24', name: 'Länsstyrelsen Västerbotten', kind: 'authority', county: '24' },
    { id: 'police', name: 'Polisregion Nord', kind: 'authority' },
    { id: 'rel-2480a', kind: 'religious', municipality: '2480' },
    { id: 'rel-2480b', kind: 'religious', municipality: '2480' },
    { id: 'cs-2482', kind: 'civil_society', municipality: '2482' },
    { id: 'rel-2417', kind: 'religious', municipality: '2417' },
    { id: 'rel-2481', kind: 'religious', municipality: '2481' },
    { id: 'cs-0980', kind: 'civil_society', municipality: '0980' },
    { id: 'region-25', name: 'Region Norrbotten', kind: 'county', county: '25' },
  ],
  [
    ['2480', '2460', 2],
    ['jb', '2480'],
    ['jb', '2401'],
    ['jb', '2409'],
    ['cs-2482', 'rel-2417'],
    ['2482', 'cs-2482'],
    ['2417', 'rel-2417'],
    ['2481', 'rel-2481'],
    ['2481', 'police'],
    ['2480', 'police'],
    ['2480', 'lst-24'],
    ['2480', 'rel-2480a'],
    ['2480', 'rel-2480b'],
    ['2482', '2581'],
    ['lst-24', 'region-25'],
    ['2425', '2313'],
    ['0980', 'cs-0980'],
  ],
);
const PAIRS = (299 * 298) / 2;
const geography = swedenGeography();
const population = (code: string) => geography.municipalities.find((m) => m.code === code)!.population;
const SWEDEN = geography.municipalities.reduce((s, m) => s + m.population, 0);

/** Compare a row with expected values: numbers to 1e-12, the rest exactly. */
function expectRow(row: object | undefined, expected: Record<string, unknown>, label: string): void {
  expect(row, label).toBeDefined();
  const actual = row as Record<string, unknown>;
  for (const [k, v] of Object.entries(expected)) {
    if (typeof v === 'number' && !Number.isInteger(v)) close(actual[k] as number, v, `${label}.${k}`, 1e-12);
    else expect(actual[k], `${label}.${k}`).toEqual(v);
  }
}

describe('coverageByMunicipality', () => {
  const rows = coverageByMunicipality(net);
  const row = (code: string) => rows.find((r) => r.municipality === code);

  it('one row per municipality in code order, tidy, columns as documented', () => {
    expect(rows).toHaveLength(290);
    expect(rows.map((r) => r.municipality)).toEqual(geography.municipalities.map((m) => m.code).sort());
    expect(rows.columns).toEqual([
      'municipality', 'name', 'county', 'population', 'linkCount', 'municipalityTies',
      'religiousPartners', 'civilSocietyPartners', 'authorityPartners',
      'kindsCovered', 'borderNeighbours', 'cooperatingBorderNeighbours', 'borderShare', 'coverage', 'betweenness',
    ]);
    expectTidy(rows);
    expectNoSurprises(rows.map((r) => ({ ...r, borderShare: r.borderShare ?? 0 })));
  });

  it('every column of the municipalities in the network, by hand', () => {
    // coverage = ([has a tie] + kinds covered) / (1 + 3)
    const expected: Record<string, Partial<MunicipalityCoverageRow>> = {
      // links: Vännäs, jb, police, lst-24, rel-2480a, rel-2480b; ties Vännäs, Nordmaling, Robertsfors;
      // borders 2401, 2404, 2409, 2460, 2482 of which 2401, 2409, 2460 cooperate
      '2480': { name: 'Umeå', county: '24', population: 135250, linkCount: 6, municipalityTies: 3, religiousPartners: 2, civilSocietyPartners: 0, authorityPartners: 2, kindsCovered: 2, borderNeighbours: 5, cooperatingBorderNeighbours: 3, borderShare: 3 / 5, coverage: 3 / 4, betweenness: 48 / PAIRS },
      // borders 2401, 2403, 2404, 2480
      '2460': { linkCount: 1, municipalityTies: 1, religiousPartners: 0, civilSocietyPartners: 0, authorityPartners: 0, kindsCovered: 0, borderNeighbours: 4, cooperatingBorderNeighbours: 1, borderShare: 1 / 4, coverage: 1 / 4, betweenness: 0 },
      // only the joint body; tied to Umeå and Robertsfors; borders 2403, 2460, 2480 and Örnsköldsvik 2284
      '2401': { linkCount: 1, municipalityTies: 2, kindsCovered: 0, borderNeighbours: 4, cooperatingBorderNeighbours: 1, borderShare: 1 / 4, coverage: 1 / 4, betweenness: 0 },
      // borders 2480, 2482
      '2409': { linkCount: 1, municipalityTies: 2, borderNeighbours: 2, cooperatingBorderNeighbours: 1, borderShare: 1 / 2, coverage: 1 / 4 },
      // links cs-2482, Piteå; ties Norsjö (through the actors' link) and Piteå;
      // borders 2404, 2409, 2417, 2480, Arvidsjaur 2505, Piteå 2581
      '2482': { linkCount: 2, municipalityTies: 2, religiousPartners: 0, civilSocietyPartners: 1, authorityPartners: 0, kindsCovered: 1, borderNeighbours: 6, cooperatingBorderNeighbours: 2, borderShare: 2 / 6, coverage: 2 / 4, betweenness: 3 / PAIRS },
      // borders 2404, 2418, 2481, 2482, 2505
      '2417': { linkCount: 1, municipalityTies: 1, religiousPartners: 1, kindsCovered: 1, borderNeighbours: 5, cooperatingBorderNeighbours: 1, borderShare: 1 / 5, coverage: 2 / 4, betweenness: 0 },
      // no municipality tie (the police is not a shared body); 8 borders, none cooperating
      '2481': { linkCount: 2, municipalityTies: 0, religiousPartners: 1, civilSocietyPartners: 0, authorityPartners: 1, kindsCovered: 2, borderNeighbours: 8, cooperatingBorderNeighbours: 0, borderShare: 0, coverage: 2 / 4, betweenness: 10 / PAIRS },
      // borders 2462, 2463, Sollefteå 2283, Strömsund 2313
      '2425': { linkCount: 1, municipalityTies: 1, kindsCovered: 0, borderNeighbours: 4, cooperatingBorderNeighbours: 1, borderShare: 1 / 4, coverage: 1 / 4 },
      // an island: no border, borderShare null
      '0980': { name: 'Gotland', county: '09', linkCount: 1, municipalityTies: 0, civilSocietyPartners: 1, kindsCovered: 1, borderNeighbours: 0, cooperatingBorderNeighbours: 0, borderShare: null, coverage: 1 / 4, betweenness: 0 },
      '2581': { county: '25', linkCount: 1, municipalityTies: 1, kindsCovered: 0, coverage: 1 / 4 },
      // unlinked: borders 2401, 2404, 2460, 2463, 2481 and Örnsköldsvik 2284
      '2403': { linkCount: 0, municipalityTies: 0, kindsCovered: 0, borderNeighbours: 6, cooperatingBorderNeighbours: 0, borderShare: 0, coverage: 0, betweenness: 0 },
    };
    for (const [code, values] of Object.entries(expected)) expectRow(row(code), values, code);
  });

  it('options: partnerKinds, via', () => {
    const custom = coverageByMunicipality(net, { partnerKinds: ['civil_society', 'joint_body'] });
    expect(custom.columns.slice(6, 8)).toEqual(['civilSocietyPartners', 'jointBodyPartners']);
    expectTidy(custom);
    // Umeå: a tie, no civil-society partner, a joint body → (1 + 0 + 1) / 3
    expectRow(custom.find((r) => r.municipality === '2480'), { civilSocietyPartners: 0, jointBodyPartners: 1, kindsCovered: 1, coverage: 2 / 3 }, 'Umeå');
    // Without joint bodies as shared bodies, Nordmaling and Robertsfors lose their ties.
    const direct = coverageByMunicipality(net, { via: [] });
    expectRow(direct.find((r) => r.municipality === '2480'), { municipalityTies: 1, cooperatingBorderNeighbours: 1, borderShare: 1 / 5 }, 'Umeå via []');
    expectRow(direct.find((r) => r.municipality === '2401'), { municipalityTies: 0, coverage: 0 }, 'Nordmaling via []');
    // No partner kind: no partner columns; coverage is just "has a municipality tie".
    const bare = coverageByMunicipality(net, { partnerKinds: [] });
    expect(bare.columns).not.toContain('religiousPartners');
    expectTidy(bare);
    expectRow(bare.find((r) => r.municipality === '2481'), { kindsCovered: 0, coverage: 0 }, 'Lycksele, no kinds');
    expectRow(bare.find((r) => r.municipality === '2480'), { kindsCovered: 0, coverage: 1 }, 'Umeå, no kinds');
    expect(coverageByCounty(net, { partnerKinds: [] }).columns).not.toContain('religiousShare');
    // A kind named twice counts once (one column, one indicator).
    const twice = coverageByMunicipality(net, { partnerKinds: ['religious', 'authority', 'religious'] });
    expectTidy(twice);
    expect(twice.columns.filter((c) => c.endsWith('Partners'))).toEqual(['religiousPartners', 'authorityPartners']);
    expectRow(twice.find((r) => r.municipality === '2481'), { kindsCovered: 2, coverage: 2 / 3 }, 'Lycksele, religious twice');
    expectTidy(coverageByCounty(net, { partnerKinds: ['authority', 'authority'] }));
  });
});

describe('coverageByCounty', () => {
  const rows = coverageByCounty(net);
  const row = (county: string) => rows.find((r) => r.county === county);

  it('21 counties in code order and a total row, tidy, columns as documented', () => {
    expect(rows.map((r) => r.county)).toEqual([...geography.counties.map((c) => c.code).sort(), 'total']);
    expect(rows.columns).toEqual([
      'county', 'name', 'municipalityCount', 'population', 'linkedMunicipalities', 'linkedShare', 'linkedPopulationShare',
      'religiousShare', 'civilSocietyShare', 'authorityShare',
      'borderPairs', 'cooperatingBorderPairs', 'borderPairShare', 'crossCountyLinks', 'crossCountyTies', 'countiesReached',
      'componentCount', 'meanBetweenness', 'maxBetweenness', 'meanCoverage',
    ]);
    expectTidy(rows);
  });

  it('Västerbottens län, by hand', () => {
    // Populations: Nordmaling 6 899, Bjurholm 2 335, Vindeln 5 429, Robertsfors 6 631, Norsjö 3 849,
    // Malå 2 927, Storuman 5 555, Sorsele 2 359, Dorotea 2 251, Vännäs 9 197, Vilhelmina 6 188,
    // Åsele 2 696, Umeå 135 250, Lycksele 12 143, Skellefteå 75 863: 279 572 in all.
    // Linked (a municipality tie): Umeå, Vännäs, Nordmaling, Robertsfors, Skellefteå, Norsjö, Dorotea:
    // 135 250 + 9 197 + 6 899 + 6 631 + 75 863 + 3 849 + 2 251 = 239 940.
    expectRow(row('24'), {
      name: 'Västerbottens län',
      municipalityCount: 15,
      population: 279572,
      linkedMunicipalities: 7,
      linkedShare: 7 / 15,
      linkedPopulationShare: 239940 / 279572,
      // religious partners: Umeå, Norsjö, Lycksele; civil society: Skellefteå; authorities: Umeå, Lycksele
      religiousShare: 3 / 15,
      civilSocietyShare: 1 / 15,
      authorityShare: 2 / 15,
      // 30 internal border pairs; cooperating: Umeå–Vännäs, Nordmaling–Umeå, Robertsfors–Umeå, Norsjö–Skellefteå
      borderPairs: 30,
      cooperatingBorderPairs: 4,
      borderPairShare: 4 / 30,
      // Skellefteå–Piteå, lst-24–region-25, Dorotea–Strömsund (the police has no county: never counts)
      crossCountyLinks: 3,
      crossCountyTies: 2,
      // Norrbotten and Jämtland
      countiesReached: 2,
      // {Umeå, Vännäs, Nordmaling, Robertsfors}, {Skellefteå, Norsjö}, and 9 alone (Dorotea's tie leaves the county)
      componentCount: 11,
      meanBetweenness: (48 + 10 + 3) / PAIRS / 15,
      maxBetweenness: 48 / PAIRS,
      // coverage: Umeå 3/4, Vännäs, Nordmaling, Robertsfors, Dorotea 1/4, Skellefteå, Norsjö, Lycksele 2/4
      meanCoverage: (3 / 4 + 4 / 4 + 6 / 4) / 15,
    }, '24');
  });

  it('Gotlands län: one island municipality, no border pair (borderPairShare null)', () => {
    expectRow(row('09'), {
      name: 'Gotlands län',
      municipalityCount: 1,
      population: 61032,
      linkedMunicipalities: 0,
      linkedShare: 0,
      linkedPopulationShare: 0,
      religiousShare: 0,
      civilSocietyShare: 1,
      authorityShare: 0,
      borderPairs: 0,
      cooperatingBorderPairs: 0,
      borderPairShare: null,
      crossCountyLinks: 0,
      crossCountyTies: 0,
      countiesReached: 0,
      componentCount: 1,
      meanBetweenness: 0,
      maxBetweenness: 0,
      meanCoverage: 1 / 4,
    }, '09');
  });

  it('Norrbotten and Jämtland see the links from Västerbotten', () => {
    expectRow(row('25'), { linkedMunicipalities: 1, crossCountyLinks: 2, crossCountyTies: 1, countiesReached: 1, componentCount: 14, cooperatingBorderPairs: 0 }, '25');
    expectRow(row('23'), { linkedMunicipalities: 1, crossCountyLinks: 1, crossCountyTies: 1, countiesReached: 1 }, '23');
    expectRow(row('01'), { linkedMunicipalities: 0, crossCountyLinks: 0, countiesReached: 0, componentCount: 26, borderPairShare: 0 }, '01');
  });

  it('the total row', () => {
    expectRow(row('total'), {
      name: 'Sverige',
      municipalityCount: 290,
      population: SWEDEN,
      // the 7 in Västerbotten, Piteå and Strömsund
      linkedMunicipalities: 9,
      linkedShare: 9 / 290,
      linkedPopulationShare: (239940 + population('2581') + population('2313')) / SWEDEN,
      religiousShare: 3 / 290,
      // Skellefteå and Gotland
      civilSocietyShare: 2 / 290,
      authorityShare: 2 / 290,
      borderPairs: geography.borders.length,
      // the 4 in Västerbotten, Skellefteå–Piteå and Dorotea–Strömsund
      cooperatingBorderPairs: 6,
      borderPairShare: 6 / geography.borders.length,
      // each cross-county link once
      crossCountyLinks: 3,
      crossCountyTies: 2,
      countiesReached: null,
      // 9 linked municipalities in 3 groups: 290 − 9 + 3
      componentCount: 284,
      meanBetweenness: 61 / PAIRS / 290,
      maxBetweenness: 48 / PAIRS,
      // Västerbotten 3.25, Gotland, Piteå, Strömsund 1/4 each
      meanCoverage: 4 / 290,
    }, 'total');
  });

  it('total: false drops the national row; the empty network gives zeros and nulls where documented', () => {
    expect(coverageByCounty(net, { total: false }).map((r) => r.county)).not.toContain('total');
    const empty = coverageByCounty(emptySweden());
    expectTidy(empty);
    for (const r of empty) {
      expect([r.linkedMunicipalities, r.linkedShare, r.crossCountyLinks, r.maxBetweenness, r.meanCoverage]).toEqual([0, 0, 0, 0, 0]);
      expect(r.componentCount).toBe(r.municipalityCount);
      expect(r.borderPairShare).toBe(r.borderPairs === 0 ? null : 0);
    }
    expectNoSurprises(empty.map((r: CountyCoverageRow) => ({ ...r, borderPairShare: r.borderPairShare ?? 0, countiesReached: r.countiesReached ?? 0 })));
  });
});

describe('summaryByCounty on the same network', () => {
  it('Västerbotten and the total, by hand', () => {
    const rows = summaryByCounty(net);
    expectTidy(rows);
    expect(rows).toHaveLength(22);
    // actors of county 24 other than municipalities: jb, lst-24, rel-2480a, rel-2480b, cs-2482,
    // rel-2417, rel-2481 (the police has no county, region-25 is in 25, cs-0980 in 09).
    // links touching 24: all 17 but Gotland's; cross-municipal: Umeå–Vännäs, cs-2482–rel-2417,
    // Skellefteå–Piteå, Dorotea–Strömsund (the joint body has no municipality).
    // Without any link: Bjurholm, Vindeln, Malå, Storuman, Sorsele, Vilhelmina, Åsele.
    expect(rows.find((r) => r.county === '24')).toEqual({
      county: '24', name: 'Västerbottens län', municipalityCount: 15, population: 279572, actorCount: 7,
      linkCount: 16, crossMunicipalLinks: 4, crossCountyLinks: 3, linkedMunicipalities: 7, isolatedMunicipalities: 7,
    });
    // 290 − 8 municipalities with links in 24 − Gotland − Piteå − Strömsund = 279 without links
    expect(rows.at(-1)).toEqual({
      county: 'total', name: 'Sverige', municipalityCount: 290, population: SWEDEN, actorCount: 10,
      linkCount: 17, crossMunicipalLinks: 4, crossCountyLinks: 3, linkedMunicipalities: 9, isolatedMunicipalities: 279,
    });
  });

  it('a municipality tied only through its local actors is linked, not isolated (as in findGaps)', () => {
    // Umeå and Vännäs have no link themselves; their civil-society groups work together,
    // which ties the two municipalities.
    const local = network(
      [
        { id: 'cs-a', kind: 'civil_society', municipality: '2480' },
        { id: 'cs-b', kind: 'civil_society', municipality: '2460' },
      ],
      [['cs-a', 'cs-b']],
    );
    const row = summaryByCounty(local).find((r) => r.county === '24')!;
    expect([row.linkedMunicipalities, row.isolatedMunicipalities]).toEqual([2, 13]);
    const isolated = findGaps(local, { types: ['isolated_municipality'] }).filter((g) => g.county === '24');
    expect(isolated).toHaveLength(13);
  });
});
