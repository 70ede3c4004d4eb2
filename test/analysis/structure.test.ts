/**
 * brokerage(), the structure functions and communities() at network level on
 * small networks drawn by hand; the expected values are worked out in the
 * comments.
 */
import { describe, expect, it } from 'vitest';
import { brokerage, type BrokerageRow } from '../../src/analysis/brokerage.js';
import { communities } from '../../src/analysis/communities.js';
import { articulationPoints, bridges, components, kCore } from '../../src/analysis/structure.js';
import { loadNetwork } from '../../src/io/load-network.js';
import { OptionsError } from '../../src/model/options.js';
import { byId, close, expectNoSurprises, expectTidy, network, type LinkSpec, emptySweden } from './helpers.js';

const X = 'x';
const graph = (ids: readonly string[], links: readonly LinkSpec[]) =>
  network(
    ids.map((id) => ({ id, kind: X })),
    links,
  );
const clique = (c: readonly string[]): LinkSpec[] => c.flatMap((u, i) => c.slice(i + 1).map((v) => [u, v] as const));

const roles = (r: BrokerageRow) => [r.coordinator, r.gatekeeper, r.representative, r.consultant, r.liaison, r.total];

describe('constraint and effective size', () => {
  it('star with 4 leaves: hub 4 · (1/4)² = 1/4 and 4 non-redundant contacts; leaves 1 and 1', () => {
    const net = graph(['hub', 'l1', 'l2', 'l3', 'l4'], [['hub', 'l1'], ['hub', 'l2'], ['hub', 'l3'], ['hub', 'l4']]);
    const rows = byId(brokerage(net, { kinds: [X] }));
    close(rows.get('hub')!.constraint, 1 / 4, 'hub constraint', 1e-12);
    close(rows.get('hub')!.effectiveSize, 4, 'hub effective size', 1e-12);
    close(rows.get('l2')!.constraint, 1, 'leaf constraint', 1e-12);
    close(rows.get('l2')!.effectiveSize, 1, 'leaf effective size', 1e-12);
    // No actor has a county: there are no groups to broker between, so no role counts (not 0, not all liaisons).
    expect(roles(rows.get('hub')!)).toEqual([null, null, null, null, null, null]);
    // The hub in county 24, the leaves ungrouped ('own'): each leaf pair is a liaison of three groups: C(4,2) = 6.
    const grouped = network(
      [{ id: 'hub', kind: X, county: '24' }, ...['l1', 'l2', 'l3', 'l4'].map((id) => ({ id, kind: X }))],
      [['hub', 'l1'], ['hub', 'l2'], ['hub', 'l3'], ['hub', 'l4']],
    );
    expect(roles(byId(brokerage(grouped, { kinds: [X] })).get('hub')!)).toEqual([0, 0, 0, 0, 6, 6]);
    expect(roles(byId(brokerage(grouped, { kinds: [X], ungrouped: 'skip' })).get('hub')!)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('two triangles joined by c–d', () => {
    const net = graph(['a', 'b', 'c', 'd', 'e', 'f'], [['a', 'b'], ['a', 'c'], ['b', 'c'], ['c', 'd'], ['d', 'e'], ['d', 'f'], ['e', 'f']]);
    const rows = byId(brokerage(net, { kinds: [X] }));
    // c: p = 1/3 to a, b, d. ℓ(c,a) = (1/3 + p(c,b) p(b,a))² = (1/3 + 1/3 · 1/2)² = 1/4 = ℓ(c,b); ℓ(c,d) = 1/9
    close(rows.get('c')!.constraint, 1 / 4 + 1 / 4 + 1 / 9, 'c constraint');
    // a: p = 1/2 to b, c. ℓ(a,b) = (1/2 + 1/2 · p(c,b) = 1/3)² = 4/9; ℓ(a,c) = (1/2 + 1/2 · 1/2)² = 9/16
    close(rows.get('a')!.constraint, 4 / 9 + 9 / 16, 'a constraint');
    // effective size = n − 2t/n: c has 3 contacts with 1 tie among them → 3 − 2/3; a: 2 − 2/2 = 1
    close(rows.get('c')!.effectiveSize, 3 - 2 / 3, 'c effective size');
    close(rows.get('a')!.effectiveSize, 1, 'a effective size');
  });

  it('weighted: tie strengths are the summed link weights', () => {
    // Path a –(1)– b –(3, as 1 + 2)– c: b has p(b,a) = 1/4, p(b,c) = 3/4, no shared contacts,
    // so constraint = 1/16 + 9/16 = 10/16; unweighted 1/4 + 1/4 = 1/2.
    const net = graph(['a', 'b', 'c'], [['a', 'b', 1], ['b', 'c', 1], ['c', 'b', 2]]);
    close(byId(brokerage(net, { kinds: [X], weighted: true })).get('b')!.constraint, 10 / 16, 'weighted');
    close(byId(brokerage(net, { kinds: [X] })).get('b')!.constraint, 1 / 2, 'unweighted');
  });

  it('isolated, single and empty: constraint null, effective size 0, no roles', () => {
    const single = brokerage(graph(['solo'], []), { kinds: [X] });
    expect(single).toEqual([
      { id: 'solo', name: 'solo', kind: X, municipality: null, county: null, constraint: null, effectiveSize: 0, coordinator: null, gatekeeper: null, representative: null, consultant: null, liaison: null, total: null },
    ]);
    const empty = brokerage(emptySweden());
    expect(empty).toHaveLength(290);
    expect(empty.every((r) => r.constraint === null && r.effectiveSize === 0 && r.total === 0)).toBe(true);
    expectNoSurprises(empty.map((r) => ({ ...r, constraint: r.constraint ?? 0 })));
  });
});

/*
 * Gould–Fernandez roles with counties as groups. Umeå (2480), Vännäs (2460)
 * and Skellefteå (2482) are in county 24; Luleå (2580) and Piteå (2581) in 25;
 * the police region has no county. Links:
 *
 *   2480–2460, 2480–2482, 2480–2580, 2480–police, 2580–2581, 2580–police,
 *   2482–2581, police–2460, 2581–2460
 *
 * Open two-paths (pairs of a broker's partners that are not tied), by broker:
 * - Umeå (24): {2460,2482} both 24 → coordinator; {2460,2580}, {2482,2580},
 *   {2482,police} one in 24 → gatekeeper + representative each;
 *   {2460,police} and {2580,police} are closed.          → 1, 3, 3, 0, 0 (total 7)
 *   skip: {2482,police} is ignored                        → 1, 2, 2, 0, 0 (5)
 * - Vännäs (24): {2480,police} closed; {2480,2581} → gk/rep;
 *   {police,2581}: own, 24, 25 → liaison                 → 0, 1, 1, 0, 1 (3); skip 0, 1, 1, 0, 0 (2)
 * - Skellefteå (24): {2480,2581} → gk/rep                 → 0, 1, 1, 0, 0 (2)
 * - Luleå (25): {2480,2581} → gk/rep; {2480,police} closed; {2581,police} → gk/rep
 *                                                         → 0, 2, 2, 0, 0 (4); skip 0, 1, 1, 0, 0 (2)
 * - Piteå (25): {2580,2482}, {2580,2460} → gk/rep; {2482,2460} both 24, Piteå 25 → consultant
 *                                                         → 0, 2, 2, 1, 0 (5)
 * - police (own group): {2480,2580} and {2480,2460} closed; {2580,2460}: 25, own, 24 → liaison
 *                                                         → 0, 0, 0, 0, 1 (1); skip: all 0
 */
describe('Gould–Fernandez roles on a two-county network with a national authority', () => {
  const net = network(
    [{ id: 'police', name: 'Polisregion Nord', kind: 'authority' }],
    [
      ['2480', '2460'],
      ['2480', '2482'],
      ['2480', '2580'],
      ['2480', 'police'],
      ['2580', '2581'],
      ['2580', 'police'],
      ['2482', '2581'],
      ['police', '2460'],
      ['2581', '2460'],
    ],
  );

  it("ungrouped: 'own' (default)", () => {
    const rows = byId(brokerage(net));
    expect(rows.size).toBe(291);
    expect(roles(rows.get('2480')!)).toEqual([1, 3, 3, 0, 0, 7]);
    expect(roles(rows.get('2460')!)).toEqual([0, 1, 1, 0, 1, 3]);
    expect(roles(rows.get('2482')!)).toEqual([0, 1, 1, 0, 0, 2]);
    expect(roles(rows.get('2580')!)).toEqual([0, 2, 2, 0, 0, 4]);
    expect(roles(rows.get('2581')!)).toEqual([0, 2, 2, 1, 0, 5]);
    expect(roles(rows.get('police')!)).toEqual([0, 0, 0, 0, 1, 1]);
    expect(rows.get('police')).toMatchObject({ kind: 'authority', name: 'Polisregion Nord', municipality: null, county: null });
    expect(rows.get('2480')).toMatchObject({ kind: 'municipality', name: 'Umeå', municipality: '2480', county: '24' });
    expect(roles(rows.get('0180')!)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it("ungrouped: 'skip'", () => {
    const rows = byId(brokerage(net, { ungrouped: 'skip' }));
    expect(roles(rows.get('2480')!)).toEqual([1, 2, 2, 0, 0, 5]);
    expect(roles(rows.get('2460')!)).toEqual([0, 1, 1, 0, 0, 2]);
    expect(roles(rows.get('2482')!)).toEqual([0, 1, 1, 0, 0, 2]);
    expect(roles(rows.get('2580')!)).toEqual([0, 1, 1, 0, 0, 2]);
    expect(roles(rows.get('2581')!)).toEqual([0, 2, 2, 1, 0, 5]);
    expect(roles(rows.get('police')!)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it("groupBy: 'municipality': every municipality is its own group", () => {
    // Umeå's four open two-paths all join three different groups → 4 liaisons.
    expect(roles(byId(brokerage(net, { groupBy: 'municipality' })).get('2480')!)).toEqual([0, 0, 0, 0, 4, 4]);
  });

  it('constraint of Umeå: 4 contacts, p = 1/4 each', () => {
    // ℓ(2480,2460) = (1/4 + p(2480,police) p(police,2460) = 1/4 · 1/3)² = (1/3)²
    // ℓ(2480,2482) = (1/4)² (no shared contact); ℓ(2480,2580) = (1/4 + 1/4 · 1/3)² = (1/3)²
    // ℓ(2480,police) = (1/4 + p(2480,2460) p(2460,police) + p(2480,2580) p(2580,police))² = (1/4 + 1/12 + 1/12)² = (5/12)²
    const c = 1 / 9 + 1 / 16 + 1 / 9 + 25 / 144;
    close(byId(brokerage(net)).get('2480')!.constraint, c, 'constraint of Umeå');
  });
});

/** The Västerbotten network below: a joint body of Umeå, Nordmaling and Robertsfors, Umeå–Vännäs, and a civil-society link Skellefteå–Norsjö. */
const VASTERBOTTEN_LINKS: Parameters<typeof network>[1] = [
  ['2480', '2460', 2],
  ['jb', '2480'],
  ['jb', '2401'],
  ['jb', '2409'],
  ['cs-2482', 'rel-2417'],
];
const LOCAL_ACTORS = [
  { id: 'cs-2482', kind: 'civil_society', municipality: '2482' },
  { id: 'rel-2417', kind: 'religious', municipality: '2417' },
] as const;

/*
 * Structure on real municipalities in Västerbotten (county 24): Umeå – Vännäs
 * directly; Umeå, Nordmaling and Robertsfors members of a joint body of the
 * county; a civil-society group in Skellefteå with a congregation in Norsjö
 * (their municipalities themselves are not linked).
 *
 * Actor network of county 24: 2460 – 2480 – jb – {2401, 2409}; cs-2482 – rel-2417.
 * - jb: removing it leaves {2480, 2460}, {2401}, {2409}: 3 parts; the main
 *   part is the one with most municipalities, {2480, 2460}; 2 municipalities
 *   (and 2 actors) are cut off.
 * - Umeå: leaves {2460} and {jb, 2401, 2409} (2 municipalities, the main
 *   part): 1 municipality (Vännäs) and 1 actor cut off.
 * Municipality projection: 2460 – 2480 – {2401, 2409}, 2401 – 2409 (shared
 * body), 2482 – 2417: only Umeå is an articulation point (cuts off Vännäs).
 */
describe('articulation points, bridges, components, k-core on municipalities of Västerbotten', () => {
  const net = network([{ id: 'jb', name: 'Umeåregionens förbund', kind: 'joint_body', county: '24' }, ...LOCAL_ACTORS], VASTERBOTTEN_LINKS);

  it("articulationPoints: scope 'county' (default), actor network", () => {
    const rows = articulationPoints(net);
    expect(rows.map((r) => [r.id, r.scope, r.componentSize, r.parts, r.cutOffMunicipalities, r.cutOffActors])).toEqual([
      ['jb', '24', 5, 3, 2, 2],
      ['2480', '24', 5, 2, 1, 1],
    ]);
    expect(rows[0]).toMatchObject({ name: 'Umeåregionens förbund', kind: 'joint_body', municipality: null, county: '24' });
    expectTidy(rows);
  });

  it("articulationPoints: network 'municipalities' (the projection), within county and network", () => {
    for (const within of ['county', 'network'] as const) {
      const rows = articulationPoints(net, { network: 'municipalities', within });
      expect(rows.map((r) => [r.id, r.scope, r.componentSize, r.parts, r.cutOffMunicipalities, r.cutOffActors])).toEqual([
        ['2480', within === 'county' ? '24' : 'network', 4, 2, 1, 1],
      ]);
    }
  });

  it('articulationPoints: kinds restricts the network first', () => {
    // Without the joint body, Umeå–Vännäs is a pair: no articulation point.
    expect(articulationPoints(net, { kinds: ['municipality', 'religious', 'civil_society'] })).toEqual([]);
  });

  it('bridges: every tie of this forest, in network order, with link counts and crossings', () => {
    const rows = bridges(net);
    expect(rows.map((r) => [r.source, r.target, r.linkCount, r.crossMunicipal, r.crossCounty])).toEqual([
      // municipalities first (code order), then jb, cs-2482, rel-2417
      ['2401', 'jb', 1, false, false],
      ['2409', 'jb', 1, false, false],
      ['2460', '2480', 1, true, false],
      ['2480', 'jb', 1, false, false],
      ['cs-2482', 'rel-2417', 1, true, false],
    ]);
    expect(rows[2]).toMatchObject({ sourceName: 'Vännäs', targetName: 'Umeå' });
    expectTidy(rows);
  });

  it('components: largest first, then by earliest actor; isolated municipalities are components of one', () => {
    const rows = components(net);
    // 290 + 3 actors; 5 + 2 in two components, the other 286 municipalities alone.
    expect(rows).toHaveLength(2 + 286);
    expect(rows[0]).toEqual({ component: 0, size: 5, municipalityCount: 4, counties: ['24'], members: ['2401', '2409', '2460', '2480', 'jb'] });
    expect(rows[1]).toEqual({ component: 1, size: 2, municipalityCount: 0, counties: ['24'], members: ['cs-2482', 'rel-2417'] });
    expect(rows[2]).toEqual({ component: 2, size: 1, municipalityCount: 1, counties: ['01'], members: ['0114'] });
    expect(rows.map((r) => r.component)).toEqual(rows.map((_, i) => i));
    expectTidy(rows);
  });

  it('kCore: a forest is a 1-core; isolated actors 0', () => {
    const core = byId(kCore(net));
    expect(['2480', '2460', 'jb', 'cs-2482'].map((id) => core.get(id)!.core)).toEqual([1, 1, 1, 1]);
    expect(core.get('0180')!.core).toBe(0);
  });
});

describe('k-core, articulation points and bridges on the barbell and two pairs', () => {
  it('barbell K4 – m – K4: cliques are the 3-core, m has core 2 (every node has ≥ 2 partners)', () => {
    const ids = ['k0', 'k1', 'k2', 'k3', 'm', 'k5', 'k6', 'k7', 'k8'];
    const net = graph(ids, [...clique(['k0', 'k1', 'k2', 'k3']), ['k3', 'm'], ['m', 'k5'], ...clique(['k5', 'k6', 'k7', 'k8'])]);
    const core = byId(kCore(net, { kinds: [X] }));
    expect(ids.map((id) => core.get(id)!.core)).toEqual([3, 3, 3, 3, 2, 3, 3, 3, 3]);
    // m cuts 4 | 4 (cut off 4); k3 cuts {k0,k1,k2} from the other 5 (cut off 3)
    expect(articulationPoints(net, { kinds: [X], within: 'network' }).map((r) => [r.id, r.parts, r.cutOffActors])).toEqual([
      ['m', 2, 4],
      ['k3', 2, 3],
      ['k5', 2, 3],
    ]);
    expect(bridges(net, { kinds: [X] }).map((r) => [r.source, r.target])).toEqual([
      ['k3', 'm'],
      ['m', 'k5'],
    ]);
  });

  it('two disconnected pairs: two components, two bridges, no articulation point, core 1', () => {
    const net = graph(['a', 'b', 'c', 'd'], [['a', 'b'], ['d', 'c']]);
    expect(components(net, { kinds: [X] }).map((r) => r.members)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(bridges(net, { kinds: [X] }).map((r) => [r.source, r.target])).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(articulationPoints(net, { kinds: [X], within: 'network' })).toEqual([]);
    expect(kCore(net, { kinds: [X] }).map((r) => r.core)).toEqual([1, 1, 1, 1]);
  });

  it('empty network: 290 components of one municipality, nothing to cut, core 0', () => {
    const net = emptySweden();
    const rows = components(net);
    expect(rows).toHaveLength(290);
    expect(rows.every((r) => r.size === 1 && r.municipalityCount === 1 && r.counties.length === 1)).toBe(true);
    expect(articulationPoints(net)).toEqual([]);
    expect(articulationPoints(net, { within: 'network', network: 'municipalities' })).toEqual([]);
    expect(bridges(net)).toEqual([]);
    expect(kCore(net).every((r) => r.core === 0)).toBe(true);
  });

  it('where articulationPoints looks is `within`; `scope`, its name before 0.2.0, is refused naming it', () => {
    // Two counties' pairs joined through m (county 24): per county m cuts nothing (no tie of its county), in the whole network it cuts 2 | 2.
    const net = network(
      [{ id: 'a', kind: X, county: '24' }, { id: 'b', kind: X, county: '24' }, { id: 'm', kind: X, county: '25' }, { id: 'c', kind: X, county: '24' }, { id: 'd', kind: X, county: '24' }],
      [['a', 'b'], ['b', 'm'], ['m', 'c'], ['c', 'd']],
    );
    expect(articulationPoints(net, { kinds: [X], within: 'network' }).map((r) => [r.id, r.scope, r.cutOffActors])).toEqual([['m', 'network', 2], ['b', 'network', 1], ['c', 'network', 1]]);
    expect(articulationPoints(net, { kinds: [X], within: 'county' })).toEqual([]);
    expect(() => articulationPoints(net, { scope: 'network' } as never)).toThrow(OptionsError);
    expect(() => articulationPoints(net, { scope: 'network' } as never)).toThrow(/scope/);
  });
});

/*
 * bridges and brokerage on the municipality projection (`network:
 * 'municipalities'`): Västerbotten (24) as above, and a second joint body of
 * Umeå with Piteå (2581, Norrbotten, 25). Projection ties, by hand:
 *   2401–2409, 2401–2480, 2409–2480 (jb: 2 links each, jb's to both ends),
 *   2460–2480 (direct, 1 link), 2417–2482 (the civil-society group's link
 *   with the congregation, 1 link), 2480–2581 (jb2: 2 links, across counties).
 * Bridges (nx.bridges on these ties): 2417–2482, 2460–2480, 2480–2581.
 * Burt (nx.constraint, nx.effective_size on the same graph):
 * - 2480: four partners, p = 1/4; 2401 and 2409 tied, so for each of them
 *   (1/4 + 1/4 · 1/2)² = 9/64, for 2460 and 2581 (1/4)²: 2 · 9/64 + 2/16 = 13/32;
 *   effective size 4 − 2 · 1/4 = 3.5.
 * - 2401: p = 1/2 to 2480 and 2409; (1/2 + 1/2 · 1/2)² + (1/2 + 1/2 · 1/4)² =
 *   9/16 + 25/64 = 61/64; effective size 2 − 2 · 1/2 = 1.
 * Gould–Fernandez, counties as groups, at 2480: the untied partner pairs are
 * 2460–2401, 2460–2409 (all in 24: coordinator 2) and the three pairs with
 * 2581 (25: gatekeeper 3, representative 3); total 8.
 */
describe("bridges and brokerage, network: 'municipalities'", () => {
  // The Västerbotten network, with a second joint body of Umeå and Piteå (across counties).
  const net = network(
    [{ id: 'jb', kind: 'joint_body', county: '24' }, { id: 'jb2', kind: 'joint_body', county: '24' }, ...LOCAL_ACTORS],
    [...VASTERBOTTEN_LINKS, ['jb2', '2480'], ['jb2', '2581']],
  );

  it('bridges: the ties of the projection whose loss splits it, with the links behind them', () => {
    const rows = bridges(net, { network: 'municipalities' });
    expect(rows.map((r) => [r.source, r.target, r.linkCount, r.crossMunicipal, r.crossCounty])).toEqual([
      ['2417', '2482', 1, true, false],
      ['2460', '2480', 1, true, false],
      ['2480', '2581', 2, true, true],
    ]);
    expect(rows[2]).toMatchObject({ sourceName: 'Umeå', targetName: 'Piteå' });
    expectTidy(rows);
    // The actor network has the bodies as nodes: each member's link to jb2 is a bridge, and the triangle through jb is not one.
    const pair = (r: { source: string; target: string }) => [r.source, r.target].sort().join('–');
    expect(bridges(net).map(pair).sort()).toEqual(['2401–jb', '2409–jb', '2460–2480', '2480–jb', '2480–jb2', '2581–jb2', 'cs-2482–rel-2417']);
  });

  it('brokerage: Burt and Gould–Fernandez on the projection, one row per municipality', () => {
    const rows = brokerage(net, { network: 'municipalities' });
    expect(rows.map((r) => r.id)).toEqual(net.municipalities().map((m) => m.code));
    const at = byId(rows);
    close(at.get('2480')!.constraint, 13 / 32, '2480 constraint', 1e-12);
    close(at.get('2480')!.effectiveSize, 3.5, '2480 effective size', 1e-12);
    close(at.get('2401')!.constraint, 61 / 64, '2401 constraint', 1e-12);
    close(at.get('2401')!.effectiveSize, 1, '2401 effective size', 1e-12);
    expect(roles(at.get('2480')!)).toEqual([2, 3, 3, 0, 0, 8]);
    expect(roles(at.get('2401')!)).toEqual([0, 0, 0, 0, 0, 0]);
    // A municipality without ties: no constraint, effective size 0.
    expect(at.get('0180')).toMatchObject({ constraint: null, effectiveSize: 0, total: 0 });
    expectTidy(rows);
  });

  it('refuses kinds with it, and groupBy municipality (each municipality its own group)', () => {
    expect(() => bridges(net, { network: 'municipalities', kinds: ['municipality'] })).toThrow(/`kinds` restricts the actor network/);
    expect(() => brokerage(net, { network: 'municipalities', kinds: ['municipality'] })).toThrow(OptionsError);
    expect(() => brokerage(net, { network: 'municipalities', groupBy: 'municipality' })).toThrow(/brokerage: option groupBy: `'municipality'` cannot group the municipality network/);
    expect(brokerage(net, { groupBy: 'municipality' }).length).toBe(net.actors().length);
  });
});

/*
 * Two 4-cliques joined by one link. A = {a1..a4}, all in Västerbotten (24);
 * B = {b1, b2} in Norrbotten (25), b3 in Västerbotten, b4 without county:
 * B deliberately crosses a county border.
 * Unweighted: m = 6 + 6 + 1 = 13, each clique has L_c = 6 and d_c = 2·6 + 1 = 13,
 *   Q = 2 (6/13 − (13/26)²) = 12/13 − 1/2 = 11/26.
 * Weighted, bridge of weight 1/2: m = 12.5, d_c = 12.5, Q = 2 (6/12.5 − 1/4) = 0.46.
 * (With a heavy bridge Louvain may stop at {a1,a2,a3}, {a4,b1}, {b2,b3,b4}: a local optimum.)
 * Resolution 0.5, unweighted: Q = 12/13 − 0.5 · 2 · (1/2)² = 12/13 − 1/4 = 35/52.
 */
describe('communities: two cliques', () => {
  const actors = [
    ...['a1', 'a2', 'a3', 'a4'].map((id) => ({ id, kind: X, county: '24' })),
    { id: 'b1', kind: X, county: '25' },
    { id: 'b2', kind: X, county: 'Norrbottens län' },
    { id: 'b3', kind: X, county: '24' },
    { id: 'b4', kind: X },
  ];
  const links = (bridgeWeight: number): LinkSpec[] => [...clique(['a1', 'a2', 'a3', 'a4']), ['a4', 'b1', bridgeWeight], ...clique(['b1', 'b2', 'b3', 'b4'])];
  const net = network(actors, links(1));

  it('two communities, modularity 11/26, summary and crosstab by county', () => {
    const result = communities(net, { kinds: [X] });
    expect(result.count).toBe(2);
    close(result.modularity, 11 / 26, 'modularity', 1e-12);
    // Equal sizes: community 0 holds the earliest actor (a1).
    expect(result.assignments.map((r) => [r.id, r.community])).toEqual([
      ['a1', 0], ['a2', 0], ['a3', 0], ['a4', 0],
      ['b1', 1], ['b2', 1], ['b3', 1], ['b4', 1],
    ]);
    expect([...result.summary]).toEqual([
      { community: 0, size: 4, municipalityCount: 0, countyCount: 1, crossesCounty: false, mainCounty: '24', withoutCounty: 0 },
      { community: 1, size: 4, municipalityCount: 0, countyCount: 2, crossesCounty: true, mainCounty: '25', withoutCounty: 1 },
    ]);
    expect([...result.byCounty]).toEqual([
      { community: 0, county: '24', countyName: 'Västerbottens län', memberCount: 4 },
      { community: 1, county: '25', countyName: 'Norrbottens län', memberCount: 2 },
      { community: 1, county: '24', countyName: 'Västerbottens län', memberCount: 1 },
      { community: 1, county: null, countyName: null, memberCount: 1 },
    ]);
    expectTidy(result.assignments, 'assignments');
    expectTidy(result.summary, 'summary');
    expectTidy(result.byCounty, 'byCounty');
  });

  it('weights and resolution', () => {
    const light = network(actors, links(0.5));
    close(communities(light, { kinds: [X] }).modularity, 0.46, 'weighted modularity', 1e-12);
    close(communities(light, { kinds: [X], weighted: false }).modularity, 11 / 26, 'unweighted modularity', 1e-12);
    const coarse = communities(net, { kinds: [X], resolution: 0.5 });
    expect(coarse.count).toBe(2);
    close(coarse.modularity, 35 / 52, 'modularity at γ = 0.5', 1e-12);
  });

  it('with the 290 municipalities: 290 more singleton communities, the same modularity', () => {
    const result = communities(net);
    expect(result.count).toBe(292);
    close(result.modularity, 11 / 26, 'modularity', 1e-12);
    expect(result.summary.slice(2).every((c) => c.size === 1 && c.municipalityCount === 1 && !c.crossesCounty)).toBe(true);
  });

  it('the same seed gives identical results; the result does not depend on the call history', () => {
    for (const seed of [1, 7, 123456]) {
      const first = communities(net, { seed });
      communities(net, { seed: seed + 1 });
      expect(JSON.stringify(communities(net, { seed }))).toBe(JSON.stringify(first));
    }
  });

  it("network: 'municipalities': two triangles of municipalities across a county border", () => {
    // {Umeå, Vännäs, Nordmaling} (24) and {Luleå, Piteå, Boden} (25), tied Umeå–Luleå:
    // m = 7, L_c = 3, d_c = 7 → Q = 2 (3/7 − 1/4) = 5/14.
    const towns = network([], [
      ['2480', '2460'], ['2460', '2401'], ['2401', '2480'],
      ['2580', '2581'], ['2581', '2582'], ['2582', '2580'],
      ['2480', '2580'],
    ]);
    const result = communities(towns, { network: 'municipalities' });
    expect(result.count).toBe(2 + 284);
    close(result.modularity, 5 / 14, 'modularity', 1e-12);
    expect(result.summary.slice(0, 2).map((c) => [c.size, c.municipalityCount, c.countyCount, c.crossesCounty, c.mainCounty])).toEqual([
      [3, 3, 1, false, '24'],
      [3, 3, 1, false, '25'],
    ]);
    const of = new Map(result.assignments.map((r) => [r.id, r.community]));
    expect(['2401', '2460', '2480'].map((c) => of.get(c))).toEqual([0, 0, 0]);
    expect(['2580', '2581', '2582'].map((c) => of.get(c))).toEqual([1, 1, 1]);
  });

  it('empty network and an empty selection: modularity 0, defined rows', () => {
    const empty = communities(emptySweden());
    expect([empty.count, empty.modularity, empty.assignments.length]).toEqual([290, 0, 290]);
    const none = communities(emptySweden(), { kinds: ['nothing'] });
    expect([none.count, none.modularity, none.assignments.length, none.summary.length, none.byCounty.length]).toEqual([0, 0, 0, 0, 0]);
    expectNoSurprises(empty);
  });
});
