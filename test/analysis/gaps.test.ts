/**
 * findGaps() on a small invented geography (three counties, ten
 * municipalities) where each gap type occurs exactly once, so type, subject,
 * severity, reason and order can all be checked by hand. Over the real
 * geography the 290 municipalities would bring hundreds of gaps.
 */
import { describe, expect, it } from 'vitest';
import { findGaps, GAP_TYPES, type GapRow } from '../../src/analysis/gaps.js';
import type { Geography, Municipality } from '../../src/model/schema.js';
import { expectNoSurprises, expectTidy, network, type ActorSpec, type LinkSpec } from './helpers.js';

const municipality = (code: string, name: string, county: string, population: number, island = false): Municipality => ({
  code,
  name,
  county,
  population,
  populationYear: 2024,
  lat: 60,
  lon: 15,
  island,
});

/*
 * Norra län (01): Alfa 50 000, Beta 8 000, Gamma 9 000, Delta 3 000 (an island), Kappa 20 000.
 *   Borders Alfa–Beta, Alfa–Gamma, Alfa–Kappa, Beta–Kappa.
 * Södra län (02): Epsilon 20 000, Zeta 12 000, Eta 5 000. Borders Epsilon–Zeta, Eta–Theta (03).
 * Östra län (03): Theta 30 000, Iota 4 000. Border Theta–Iota.
 */
const TESTLAND: Geography = {
  name: 'Testland',
  counties: [
    { code: '01', name: 'Norra län' },
    { code: '02', name: 'Södra län' },
    { code: '03', name: 'Östra län' },
  ],
  municipalities: [
    municipality('0101', 'Alfa', '01', 50000),
    municipality('0102', 'Beta', '01', 8000),
    municipality('0103', 'Gamma', '01', 9000),
    municipality('0104', 'Delta', '01', 3000, true),
    municipality('0105', 'Kappa', '01', 20000),
    municipality('0201', 'Epsilon', '02', 20000),
    municipality('0202', 'Zeta', '02', 12000),
    municipality('0203', 'Eta', '02', 5000),
    municipality('0301', 'Theta', '03', 30000),
    municipality('0302', 'Iota', '03', 4000),
  ],
  borders: [
    { a: '0101', b: '0102' },
    { a: '0101', b: '0103' },
    { a: '0101', b: '0105' },
    { a: '0102', b: '0105' },
    { a: '0201', b: '0202' },
    { a: '0203', b: '0301' },
    { a: '0301', b: '0302' },
  ],
};

/*
 * Every municipality but Delta and Zeta works with a congregation of its own;
 * Zeta has one registered but not linked; Delta has a civil-society group,
 * not linked. Municipality ties: Alfa–Beta, Alfa–Gamma, Alfa–Kappa,
 * Beta–Kappa, Epsilon–Zeta, Eta–Theta (across the county border).
 *
 * With partnerKinds ['religious'] that gives exactly one gap of each type:
 * - isolated_municipality Delta: no link; small (3 000 < 15 000) → 4 critical.
 * - no_municipal_cooperation Iota: links, but no tie; small → 3 high.
 * - fragmented_county Södra län: its cooperating municipalities form
 *   {Epsilon, Zeta} and {Eta} (Eta's only tie leaves the county) → 3 high.
 * - single_point_of_failure Alfa: without it Gamma is cut off from
 *   {Beta, Kappa}; one municipality → 2 medium.
 * - no_cross_county_link Norra län → 2 medium.
 * - missing_partner_kind Zeta (religious) → 2 medium.
 * - uncooperative_border_pair Iota–Theta: the smaller one, Iota, is small → 2 medium.
 * Sorted by severity, then type in GAP_TYPES order.
 */
const RELIGIOUS = ['0101', '0102', '0103', '0105', '0201', '0202', '0203', '0301', '0302'];
const actors: ActorSpec[] = [...RELIGIOUS.map((m) => ({ id: `rel-${m}`, kind: 'religious', municipality: m })), { id: 'cs-0104', kind: 'civil_society', municipality: '0104' }];
const links: LinkSpec[] = [
  ...RELIGIOUS.filter((m) => m !== '0202').map((m) => [m, `rel-${m}`] as const),
  ['Alfa', 'Beta'],
  ['Alfa', 'Gamma'],
  ['Alfa', 'Kappa'],
  ['Beta', 'Kappa'],
  ['Epsilon', 'Zeta'],
  ['Eta', 'Theta'],
];
const net = network(actors, links, TESTLAND);
const NBSP = '\u00a0';

describe('findGaps: one gap of each type', () => {
  const gaps = findGaps(net, { partnerKinds: ['religious'] });

  it('exactly one gap per type, sorted by severity then type', () => {
    expect(gaps.map((g) => [g.severity, g.level, g.type, g.county, g.subject])).toEqual([
      [4, 'critical', 'isolated_municipality', '01', '0104'],
      [3, 'high', 'no_municipal_cooperation', '03', '0302'],
      [3, 'high', 'fragmented_county', '02', '02'],
      [2, 'medium', 'single_point_of_failure', '01', '0101'],
      [2, 'medium', 'no_cross_county_link', '01', '01'],
      [2, 'medium', 'missing_partner_kind', '02', '0202'],
      [2, 'medium', 'uncooperative_border_pair', '03', '0302–0301'],
    ]);
    expect(new Set(gaps.map((g) => g.type))).toEqual(new Set(GAP_TYPES));
    expect(gaps.columns).toEqual(['severity', 'level', 'type', 'kind', 'county', 'subject', 'name', 'reason', 'municipalities']);
    expect(gaps.filter((g) => g.kind !== null).map((g) => g.type)).toEqual(gaps.filter((g) => g.type === 'missing_partner_kind').map((g) => g.type));
    expectTidy(gaps);
    expectNoSurprises(gaps);
  });

  it('names, municipalities concerned and reasons', () => {
    const of = (type: GapRow['type']) => gaps.find((g) => g.type === type)!;
    expect(of('isolated_municipality')).toMatchObject({
      name: 'Delta',
      municipalities: ['0104'],
      reason: `Delta (3,000 inhabitants) has no cooperation link at all: no other municipality, no religious community, although 1 local actor is registered there.`,
    });
    expect(of('no_municipal_cooperation')).toMatchObject({
      name: 'Iota',
      municipalities: ['0302'],
      reason: `Iota (4,000 inhabitants) cooperates with no other municipality, neither directly nor through a shared body; it borders 1 municipality.`,
    });
    expect(of('fragmented_county')).toMatchObject({
      name: 'Södra län',
      municipalities: ['0201', '0202', '0203'],
      reason: 'The cooperating municipalities of Södra län form 2 separate groups with no tie between them inside the county: Epsilon and Zeta; Eta.',
    });
    expect(of('single_point_of_failure')).toMatchObject({
      name: 'Alfa',
      municipalities: ['0101', '0103'],
      reason: 'Alfa is the only tie between Gamma and the other municipalities of Norra län: if its cooperation stopped, Gamma would be cut off.',
    });
    expect(of('no_cross_county_link')).toMatchObject({
      name: 'Norra län',
      municipalities: ['0101', '0102', '0103', '0104', '0105'],
      reason: 'No actor or municipality in Norra län cooperates with one in another county.',
    });
    expect(of('missing_partner_kind')).toMatchObject({
      name: 'Zeta',
      municipalities: ['0202'],
      reason: 'Zeta works with no religious community, although 1 religious community is registered in the municipality.',
    });
    expect(of('uncooperative_border_pair')).toMatchObject({
      name: 'Iota – Theta',
      municipalities: ['0302', '0301'],
      reason: `Iota (4,000 inhabitants) and Theta share a border but do not cooperate.`,
    });
  });

  it('smallPopulation moves the severities of the size-dependent gaps', () => {
    // Nobody is small below 1 000: isolated 3, no municipal cooperation 2, border pair 1.
    const relaxed = findGaps(net, { partnerKinds: ['religious'], smallPopulation: 1000 });
    expect(relaxed.map((g) => [g.severity, g.type])).toEqual([
      [3, 'isolated_municipality'],
      [3, 'fragmented_county'],
      [2, 'no_municipal_cooperation'],
      [2, 'single_point_of_failure'],
      [2, 'no_cross_county_link'],
      [2, 'missing_partner_kind'],
      [1, 'uncooperative_border_pair'],
    ]);
    expect(relaxed.at(-1)!.level).toBe('low');
  });

  it('types selects gap types', () => {
    expect(findGaps(net, { partnerKinds: ['religious'], types: ['fragmented_county', 'isolated_municipality'] }).map((g) => g.subject)).toEqual(['0104', '02']);
    expect(findGaps(net, { types: [] })).toEqual([]);
  });

  it('partnerKinds: all three default kinds; an empty list requires none', () => {
    // Default: religious, civil society, authority. Nobody but Delta (isolated, not
    // reported) has a civil-society or authority partner: 2 gaps for each of the 9
    // linked municipalities, and Zeta's religious one. Smallest population first.
    const all = findGaps(net, { types: ['missing_partner_kind'] });
    expect(all).toHaveLength(19);
    expect([...new Set(all.map((g) => g.subject))]).toEqual(['0302', '0203', '0102', '0103', '0202', '0105', '0201', '0301', '0101']);
    expect(all.filter((g) => g.subject === '0202').map((g) => g.reason)).toEqual([
      'Zeta works with no religious community, although 1 religious community is registered in the municipality.',
      'Zeta works with no civil-society organisation.',
      'Zeta works with no authority.',
    ]);
    // No kind required: no missing-partner gap, the others unchanged.
    const none = findGaps(net, { partnerKinds: [] });
    expect(none.map((g) => g.type)).toEqual([
      'isolated_municipality',
      'no_municipal_cooperation',
      'fragmented_county',
      'single_point_of_failure',
      'no_cross_county_link',
      'uncooperative_border_pair',
    ]);
  });

  it('a required kind named twice counts once', () => {
    expect(JSON.stringify(findGaps(net, { partnerKinds: ['religious', 'religious'] }))).toBe(JSON.stringify(gaps));
  });

  it('deterministic: same input, same JSON', () => {
    expect(JSON.stringify(findGaps(net))).toBe(JSON.stringify(findGaps(net)));
  });
});

describe('findGaps in Swedish', () => {
  const sv = findGaps(net, { partnerKinds: ['religious'], lang: 'sv' });
  const of = (type: GapRow['type']) => sv.find((g) => g.type === type)!.reason;

  it('the same gaps, each reason in Swedish with the facts of the network', () => {
    expect(sv.map((g) => [g.severity, g.type, g.subject])).toEqual(findGaps(net, { partnerKinds: ['religious'] }).map((g) => [g.severity, g.type, g.subject]));
    expect(of('isolated_municipality')).toBe(`Delta (3${NBSP}000 invånare) har ingen samverkan alls: ingen annan kommun, inget religiöst samfund, fast det finns 1 lokal aktör registrerad i kommunen.`);
    expect(of('no_municipal_cooperation')).toBe(`Iota (4${NBSP}000 invånare) samverkar inte med någon annan kommun, varken direkt eller genom ett gemensamt organ; kommunen gränsar till 1 kommun.`);
    expect(of('fragmented_county')).toBe('De samverkande kommunerna i Södra län bildar 2 grupper som inte har någon samverkan med varandra inom länet: Epsilon och Zeta; Eta.');
    expect(of('single_point_of_failure')).toBe('Alfa är den enda länken mellan Gamma och de andra kommunerna i Norra län: om dess samverkan upphörde skulle Gamma bli avskuren från dem.');
    expect(of('no_cross_county_link')).toBe('Ingen aktör eller kommun i Norra län samverkar med någon i ett annat län.');
    expect(of('missing_partner_kind')).toBe('Zeta samverkar inte med något religiöst samfund, fast det finns 1 religiöst samfund i kommunen.');
    expect(of('uncooperative_border_pair')).toBe(`Iota (4${NBSP}000 invånare) och Theta gränsar till varandra men samverkar inte.`);
  });

  it('the kind words agree in gender: ingen myndighet, inget religiöst samfund', () => {
    expect(findGaps(net, { types: ['missing_partner_kind'], lang: 'sv' }).filter((g) => g.subject === '0202').map((g) => g.reason)).toEqual([
      'Zeta samverkar inte med något religiöst samfund, fast det finns 1 religiöst samfund i kommunen.',
      'Zeta samverkar inte med någon civilsamhällesorganisation.',
      'Zeta samverkar inte med någon myndighet.',
    ]);
    expect(findGaps(net, { types: ['isolated_municipality'], lang: 'sv' })[0]!.reason).toBe(
      `Delta (3${NBSP}000 invånare) har ingen samverkan alls: ingen annan kommun, inget religiöst samfund, ingen civilsamhällesorganisation, ingen myndighet, fast det finns 1 lokal aktör registrerad i kommunen.`,
    );
  });

  it('partners of a kind outside the vocabulary are named, not counted', () => {
    const withClub = network([...actors, { id: 'club', kind: 'youth_club', municipality: '0202' }], [...links, ['Zeta', 'club']], TESTLAND);
    const [sv1] = findGaps(withClub, { partnerKinds: ['religious'], types: ['missing_partner_kind'], lang: 'sv' });
    expect(sv1!.reason).toBe('Zeta samverkar inte med något religiöst samfund, fast det finns 1 religiöst samfund i kommunen; kommunen samverkar dock med 1 aktör av typen ”youth_club”, som inte räknas till någon av dessa typer (ange vad typen betyder i en typfil).');
    const [en1] = findGaps(withClub, { partnerKinds: ['religious'], types: ['missing_partner_kind'], lang: 'en' });
    expect(en1!.reason).toBe('Zeta works with no religious community, although 1 religious community is registered in the municipality; it does work with 1 actor of the kind "youth_club", which samverkan does not count as any of these kinds (map the kind with a kinds file).');
  });

  it('single points of failure: held together, and cut off from the actor network', () => {
    const star = network([], [['Alfa', 'Beta'], ['Alfa', 'Gamma'], ['Alfa', 'Kappa']], TESTLAND);
    expect(findGaps(star, { types: ['single_point_of_failure'], lang: 'sv' })[0]!.reason).toBe(
      'Alfa håller ihop 3 kommuner i Norra län (Beta, Gamma och Kappa): om dess samverkan upphörde skulle de falla isär i 3 separata delar.',
    );
    const board = network([{ id: 'lst-02', name: 'Länsstyrelsen i Södra län', kind: 'authority', county: '02' }], [['Epsilon', 'Zeta'], ['lst-02', 'Epsilon'], ['lst-02', 'Eta']], TESTLAND);
    expect(findGaps(board, { types: ['single_point_of_failure'], lang: 'sv' }).map((g) => g.reason)[1]).toBe('Om samverkan genom Länsstyrelsen i Södra län upphörde skulle Eta bli avskuren från resten av nätverket i Södra län.');
  });

  it("the default language is the geography's: English without one, Swedish for a geography in Swedish", () => {
    expect(findGaps(net).map((g) => g.reason)).toEqual(findGaps(net, { lang: 'en' }).map((g) => g.reason));
    const swedish = network(actors, links, { ...TESTLAND, language: 'sv' });
    expect(findGaps(swedish).map((g) => g.reason)).toEqual(findGaps(net, { lang: 'sv' }).map((g) => g.reason));
    expect(findGaps(swedish, { lang: 'en' }).map((g) => g.reason)).toEqual(findGaps(net).map((g) => g.reason));
    expect(() => findGaps(net, { lang: 'de' as never })).toThrow(/lang/);
  });
});

describe('findGaps: single points of failure', () => {
  it('a municipality cutting off two municipalities is high (3)', () => {
    // Alfa is tied to Beta, Gamma and Kappa, which are not tied to each other:
    // without Alfa the three fall apart; the main part is Beta's (first in code order),
    // Gamma and Kappa are cut off.
    const star = network([], [['Alfa', 'Beta'], ['Alfa', 'Gamma'], ['Alfa', 'Kappa']], TESTLAND);
    const gaps = findGaps(star, { types: ['single_point_of_failure'] });
    expect(gaps).toHaveLength(1);
    expect(gaps[0]).toMatchObject({
      severity: 3,
      level: 'high',
      subject: '0101',
      municipalities: ['0101', '0103', '0105'],
      reason: 'Alfa holds 3 municipalities of Norra län together (Beta, Gamma and Kappa): if its cooperation stopped, they would fall apart into 3 separate parts.',
    });
  });

  it("an actor that is a county's only link to a municipality (actor network)", () => {
    // Epsilon and Eta both work with the county administrative board of Södra län, and
    // Epsilon with Zeta: the county's actor network is the path Zeta – Epsilon – board – Eta,
    // and its municipality network only the pair Epsilon–Zeta (a board is no shared body).
    // - Without the board, Eta is cut off from {Zeta, Epsilon} (2 municipalities, the main part).
    //   The board is no municipality, so only Eta is listed.
    // - Without Epsilon, {Zeta} and {board, Eta} have one municipality each; the larger part is
    //   the main one, so Zeta is cut off.
    // Both cut off one municipality (medium); equal order, so by subject.
    const board = network(
      [{ id: 'lst-02', name: 'Länsstyrelsen i Södra län', kind: 'authority', county: '02' }],
      [['Epsilon', 'Zeta'], ['lst-02', 'Epsilon'], ['lst-02', 'Eta']],
      TESTLAND,
    );
    const gaps = findGaps(board, { types: ['single_point_of_failure'] });
    expect(gaps.map((g) => [g.severity, g.subject, g.county, g.municipalities, g.reason])).toEqual([
      [2, '0201', '02', ['0201', '0202'], 'Epsilon holds 2 municipalities of Södra län together (Zeta and Eta): if its cooperation stopped, they would fall apart into 2 separate parts.'],
      [2, 'lst-02', '02', ['0203'], "If Länsstyrelsen i Södra län's cooperation stopped, Eta would be cut off from the rest of Södra län's network."],
    ]);
  });
});
