/**
 * centrality() and centralityByMunicipality() at network level on small
 * graphs whose values are worked out by hand in the comments (and agree
 * with NetworkX 3.6.1 to 1e-6). Remember that the 290 municipalities of the
 * Swedish geography are always nodes: with `kinds` the graph is just the
 * small one; without, n grows by 290 and the normalised measures change.
 */
import { describe, expect, it } from 'vitest';
import { centrality, centralityByMunicipality, type CentralityRow } from '../../src/analysis/centrality.js';
import { loadNetwork } from '../../src/io/load-network.js';
import { byId, close, expectNoSurprises, expectTidy, network, type LinkSpec, emptySweden } from './helpers.js';

const X = 'x';
const actorsOf = (ids: readonly string[]) => ids.map((id) => ({ id, kind: X }));
const graph = (ids: readonly string[], links: readonly LinkSpec[]) => network(actorsOf(ids), links);

type Expected = Partial<Record<keyof CentralityRow, Record<string, number>>>;
function expectValues(rows: readonly CentralityRow[], expected: Expected, label: string, tol = 1e-6): void {
  const rowOf = byId(rows);
  for (const [measure, values] of Object.entries(expected)) {
    for (const [id, value] of Object.entries(values!)) {
      expect(rowOf.has(id), `${label}: row ${id}`).toBe(true);
      close(rowOf.get(id)![measure as keyof CentralityRow] as number, value, `${label} ${measure} of ${id}`, tol);
    }
  }
}

describe('path a–b–c–d (weights 1, 2, 1)', () => {
  const net = graph(['a', 'b', 'c', 'd'], [
    ['a', 'b', 1],
    ['b', 'c', 2],
    ['c', 'd', 1],
  ]);

  it('alone (kinds): n = 4', () => {
    const rows = centrality(net, { kinds: [X] });
    expect(rows.map((r) => r.id)).toEqual(['a', 'b', 'c', 'd']);
    expectValues(rows, {
      degree: { a: 1, b: 2, c: 2, d: 1 },
      // strength: a 1, b 1 + 2, c 2 + 1, d 1
      strength: { a: 1, b: 3, c: 3, d: 1 },
      // b lies on the paths a–c and a–d: 2 pairs of the (n−1)(n−2)/2 = 3
      betweenness: { a: 0, b: 2 / 3, c: 2 / 3, d: 0 },
      // a: 3 / (1 + 2 + 3); b: 3 / (1 + 1 + 2)
      closeness: { a: 1 / 2, b: 3 / 4, c: 3 / 4, d: 1 / 2 },
      // a: 1 + 1/2 + 1/3; b: 1 + 1 + 1/2
      harmonic: { a: 11 / 6, b: 5 / 2, c: 5 / 2, d: 11 / 6 },
      // principal eigenvector of P4: ∝ sin(kπ/5), k = 1..4, unit norm (Σ sin² = 5/2)
      eigenvector: { a: Math.sin(Math.PI / 5) / Math.sqrt(2.5), b: Math.sin((2 * Math.PI) / 5) / Math.sqrt(2.5) },
      // PageRank with weights: by symmetry a = d = p, b = c = q, 2p + 2q = 1;
      // q = 0.15/4 + 0.85 (p + 2q/3) and p = 1/2 − q give q = 0.4625 / (1 + 0.85/3) = 1.3875/3.85
      pagerank: { a: 0.5 - 1.3875 / 3.85, b: 1.3875 / 3.85 },
    }, 'P4');
  });

  it('weighted: distances 1, 1/2, 1', () => {
    expectValues(centrality(net, { kinds: [X], weighted: true }), {
      // path lengths from a: 1, 1.5, 2.5 → 3/5; from b: 1, 0.5, 1.5 → 3/3
      closeness: { a: 3 / 5, b: 1 },
      // a: 1 + 1/1.5 + 1/2.5 = 31/15; b: 1 + 2 + 1/1.5 = 11/3
      harmonic: { a: 31 / 15, b: 11 / 3 },
      // one shortest path per pair: same as unweighted
      betweenness: { a: 0, b: 2 / 3 },
      // A = [0 1 0 0; 1 0 2 0; 0 2 0 1; 0 0 1 0]: λ = 1 + √2, x_a = x_b / λ,
      // 2 x_a² + 2 x_b² = 1
      eigenvector: {
        a: 1 / (1 + Math.SQRT2) / Math.sqrt(2 / (1 + Math.SQRT2) ** 2 + 2),
        b: 1 / Math.sqrt(2 / (1 + Math.SQRT2) ** 2 + 2),
      },
    }, 'P4 weighted');
  });

  it('pagerankWeighted: false', () => {
    // q = 0.15/4 + 0.85 (p + q/2), p = 1/2 − q → q = 0.4625 / 1.425
    expectValues(centrality(net, { kinds: [X], pagerankWeighted: false }), { pagerank: { a: 0.5 - 0.4625 / 1.425, b: 0.4625 / 1.425 } }, 'P4');
  });

  it('with the 290 isolated municipalities: n = 294', () => {
    const rows = centrality(net);
    expect(rows).toHaveLength(294);
    // Municipalities first (code order), then the actors in input order.
    expect(rows.slice(0, 290).every((r) => r.kind === 'municipality')).toBe(true);
    expect(rows.slice(290).map((r) => r.id)).toEqual(['a', 'b', 'c', 'd']);
    expectValues(rows, {
      degree: { a: 1, b: 2 },
      // 2 pairs / (293 · 292 / 2)
      betweenness: { b: 2 / ((293 * 292) / 2) },
      // Wasserman–Faust: (r−1)/Σd · (r−1)/(n−1) with r = 4: a (3/6)(3/293), b (3/4)(3/293)
      closeness: { a: (3 / 6) * (3 / 293), b: (3 / 4) * (3 / 293) },
      harmonic: { a: 11 / 6, b: 5 / 2 },
    }, 'P4 + 290', 1e-12);
    for (const r of rows.slice(0, 290)) {
      expect([r.degree, r.strength, r.betweenness, r.closeness, r.harmonic]).toEqual([0, 0, 0, 0, 0]);
      expect(r.pagerank).toBeGreaterThan(0);
    }
    // PageRank is a distribution over all 294 nodes.
    close(rows.reduce((s, r) => s + r.pagerank!, 0), 1, 'Σ pagerank', 1e-9);
  });
});

describe('star: hub with leaves l1..l4', () => {
  const net = graph(['hub', 'l1', 'l2', 'l3', 'l4'], [['hub', 'l1'], ['hub', 'l2'], ['l3', 'hub'], ['hub', 'l4']]);
  it('values', () => {
    expectValues(centrality(net, { kinds: [X] }), {
      degree: { hub: 4, l1: 1 },
      strength: { hub: 4, l4: 1 },
      // all C(4,2) = 6 leaf pairs go through the hub, out of 6
      betweenness: { hub: 1, l2: 0 },
      // hub 4/4; leaf 4 / (1 + 2 + 2 + 2)
      closeness: { hub: 1, l3: 4 / 7 },
      harmonic: { hub: 4, l1: 1 + 3 / 2 },
      // λ = √4 = 2, hub = 2 · leaf, hub² + 4 leaf² = 1 → leaf = 1/√8
      eigenvector: { hub: 1 / Math.SQRT2, l1: 1 / Math.sqrt(8) },
    }, 'star');
    // PageRank's fixed point: hub = 0.15/5 + 0.85 (1 − hub) → hub = 0.88 / 1.85, leaf = (1 − hub)/4.
    // NetworkX stops (L1 change < n · 1e-6) at 0.475676689 / 0.131080828, 1.0e-6 from the fixed point
    // (the star is bipartite: the iteration oscillates as it converges).
    const rows = centrality(net, { kinds: [X], measures: ['pagerank'] });
    expectValues(rows, { pagerank: { hub: 0.88 / 1.85, l4: (1 - 0.88 / 1.85) / 4 } }, 'star fixed point', 2e-6);
    expectValues(rows, { pagerank: { hub: 0.475676689, l4: 0.131080828 } }, 'star vs NetworkX', 1e-8);
  });
});

describe('barbell: K4 {k0..k3} – m – K4 {k5..k8} (nx.barbell_graph(4, 1))', () => {
  const ids = ['k0', 'k1', 'k2', 'k3', 'm', 'k5', 'k6', 'k7', 'k8'];
  const clique = (c: string[]) => c.flatMap((u, i) => c.slice(i + 1).map((v) => [u, v] as const));
  const net = graph(ids, [...clique(['k0', 'k1', 'k2', 'k3']), ['k3', 'm'], ['m', 'k5'], ...clique(['k5', 'k6', 'k7', 'k8'])]);
  it('values', () => {
    expectValues(centrality(net, { kinds: [X] }), {
      degree: { k0: 3, k3: 4, m: 2 },
      // m: all 4 × 4 left–right pairs; k3: {k0,k1,k2} × {m, k5..k8} = 15; out of C(8,2) = 28
      betweenness: { k0: 0, k3: 15 / 28, m: 16 / 28, k5: 15 / 28 },
      // m: Σd = 2·1 + 6·2 = 14; k3: 3·1 + 1 + 2 + 3·3 = 15; k0: 3·1 + 2 + 3 + 3·4 = 20
      closeness: { m: 8 / 14, k3: 8 / 15, k0: 8 / 20 },
      // m: 2 + 6/2; k3: 3 + 1 + 1/2 + 3/3; k0: 3 + 1/2 + 1/3 + 3/4
      harmonic: { m: 5, k3: 5.5, k0: 3 + 1 / 2 + 1 / 3 + 3 / 4 },
    }, 'barbell');
  });
});

describe('two triangles {a,b,c} and {d,e,f} joined by the bridge c–d', () => {
  const net = graph(['a', 'b', 'c', 'd', 'e', 'f'], [['a', 'b'], ['a', 'c'], ['b', 'c'], ['c', 'd'], ['d', 'e'], ['d', 'f'], ['e', 'f']]);
  it('values', () => {
    expectValues(centrality(net, { kinds: [X] }), {
      // c: {a,b} × {d,e,f} = 6 pairs of C(5,2) = 10
      betweenness: { a: 0, c: 0.6, d: 0.6 },
      // c: 1 + 1 + 1 + 2 + 2 = 7; a: 1 + 1 + 2 + 3 + 3 = 10
      closeness: { c: 5 / 7, a: 5 / 10 },
      harmonic: { c: 3 + 1 / 2 + 1 / 2, a: 2 + 1 / 2 + 2 / 3 },
      // symmetric: a = b = e = f = p, c = d = q, 4p + 2q = 1,
      // p = 0.15/6 + 0.85 (p/2 + q/3) → p = 20/137, q = 57/274
      pagerank: { a: 20 / 137, c: 57 / 274 },
      // A x = λ x with a = p, c = q: p + q = λp, 2p + q = λq → λ² − 2λ − 1 = 0, λ = 1 + √2,
      // q = √2 p; 4p² + 2q² = 8p² = 1 → p = 1/√8, q = 1/2
      eigenvector: { a: 1 / Math.sqrt(8), c: 0.5 },
    }, 'two triangles');
  });
});

describe('two disconnected pairs a–b, c–d', () => {
  const net = graph(['a', 'b', 'c', 'd'], [['a', 'b'], ['c', 'd']]);
  it('values', () => {
    expectValues(centrality(net, { kinds: [X] }), {
      degree: { a: 1, d: 1 },
      betweenness: { a: 0, b: 0, c: 0, d: 0 },
      // r = 2: (1/1) · (1/3)
      closeness: { a: 1 / 3, c: 1 / 3 },
      harmonic: { a: 1, c: 1 },
      // equal components share the uniform start: 1/2 each (unit norm)
      eigenvector: { a: 0.5, b: 0.5, c: 0.5, d: 0.5 },
      pagerank: { a: 0.25, b: 0.25, c: 0.25, d: 0.25 },
    }, 'pairs');
  });
});

describe('single actor, empty network', () => {
  it('a single actor: zeros, eigenvector 1, PageRank 1', () => {
    const net = graph(['solo'], []);
    const rows = centrality(net, { kinds: [X] });
    expect(rows).toEqual([
      { id: 'solo', name: 'solo', kind: X, municipality: null, county: null, degree: 0, strength: 0, betweenness: 0, closeness: 0, harmonic: 0, eigenvector: 1, pagerank: 1 },
    ]);
    expect(centrality(net, { kinds: [X], weighted: true })[0]).toEqual(rows[0]);
  });

  it('the empty network: 290 municipalities, zeros, eigenvector 1/√290, PageRank 1/290', () => {
    const net = emptySweden();
    for (const options of [{}, { weighted: true }, { network: 'municipalities' as const }]) {
      const rows = centrality(net, options);
      expect(rows).toHaveLength(290);
      expectNoSurprises(rows);
      expectTidy(rows);
      for (const r of rows) {
        expect(r.kind).toBe('municipality');
        expect([r.degree, r.strength, r.betweenness, r.closeness, r.harmonic]).toEqual([0, 0, 0, 0, 0]);
        close(r.eigenvector, 1 / Math.sqrt(290), `eigenvector of ${r.id}`, 1e-12);
        close(r.pagerank, 1 / 290, `pagerank of ${r.id}`, 1e-12);
      }
    }
  });

  it('a kind filter that matches nothing: no rows, with columns', () => {
    const rows = centrality(emptySweden(), { kinds: ['nothing'], measures: ['pagerank', 'degree'] });
    expect(rows).toEqual([]);
    // Columns in the canonical order, whatever the order of `measures`.
    expect(rows.columns).toEqual(['id', 'name', 'kind', 'municipality', 'county', 'degree', 'pagerank']);
  });
});

describe('measures option', () => {
  it('only the chosen measures are columns, duplicates once', () => {
    const net = graph(['a', 'b'], [['a', 'b', 2]]);
    const rows = centrality(net, { kinds: [X], measures: ['strength', 'degree', 'strength'] });
    expect(rows.columns).toEqual(['id', 'name', 'kind', 'municipality', 'county', 'degree', 'strength']);
    expect(rows.map((r) => [r.id, r.degree, r.strength])).toEqual([
      ['a', 1, 2],
      ['b', 1, 2],
    ]);
    expectTidy(rows);
  });
});

/*
 * Municipality projection: Umeå (2480) – Vännäs (2460) directly (weight 2);
 * Umeå, Nordmaling (2401) and Robertsfors (2409) through a joint body (each
 * pair tied, weight 1 per shared body); Skellefteå (2482) – Norsjö (2417)
 * through a link between their local actors. n = 290 municipalities.
 */
describe("network: 'municipalities'", () => {
  const net = network(
    [
      { id: 'jb', kind: 'joint_body', county: '24' },
      { id: 'cs-2482', kind: 'civil_society', municipality: '2482' },
      { id: 'rel-2417', kind: 'religious', municipality: '2417' },
    ],
    [
      ['2480', '2460', 2],
      ['jb', '2480'],
      ['jb', 'Nordmaling'],
      ['jb', '2409'],
      ['cs-2482', 'rel-2417'],
    ],
  );

  it('one row per municipality, values on the projection', () => {
    const rows = centrality(net, { network: 'municipalities' });
    expect(rows).toHaveLength(290);
    expect(rows.every((r) => r.kind === 'municipality' && r.municipality === r.id)).toBe(true);
    expect(rows.map((r) => r.id)).toEqual([...rows.map((r) => r.id)].sort());
    const pairs = (289 * 288) / 2;
    expectValues(rows, {
      // Umeå: Vännäs, Nordmaling, Robertsfors; weights 2 + 1 + 1
      degree: { 2480: 3, 2460: 1, 2401: 2, 2482: 1, 2417: 1, '0180': 0 },
      strength: { 2480: 4, 2460: 2, 2401: 2, 2482: 1 },
      // Umeå is on Vännäs–Nordmaling and Vännäs–Robertsfors (Nordmaling–Robertsfors are tied)
      betweenness: { 2480: 2 / pairs, 2401: 0, 2482: 0 },
      // component of r = 4: Umeå Σd = 3 → (3/3)(3/289); Vännäs Σd = 1 + 2 + 2 → (3/5)(3/289);
      // Skellefteå r = 2: (1/1)(1/289)
      closeness: { 2480: 3 / 289, 2460: (3 / 5) * (3 / 289), 2482: 1 / 289, '0180': 0 },
      harmonic: { 2480: 3, 2460: 2, 2401: 2.5, 2482: 1 },
    }, 'projection', 1e-12);
  });

  it('weighted path measures read the tie weight as a strength', () => {
    const rows = centrality(net, { network: 'municipalities', weighted: true, measures: ['harmonic'] });
    // Umeå: Vännäs at 1/2, the others at 1 → 2 + 1 + 1; Vännäs: 2 + 1/1.5 + 1/1.5
    expectValues(rows, { harmonic: { 2480: 4, 2460: 2 + 2 / 1.5 } }, 'projection weighted');
  });
});

/*
 * centralityByMunicipality on the path rel-a – Umeå – cs-b – police – Vännäs,
 * where rel-a and cs-b are Umeå's local actors and the police has no
 * municipality. n = 290 + 3 = 293, pairs = 292 · 291 / 2 = 42486.
 * Betweenness (pairs): Umeå 3 (rel-a with the 3 beyond), cs-b 4 ({rel-a, Umeå} × {police, Vännäs}), police 3.
 * Harmonic: rel-a 1 + 1/2 + 1/3 + 1/4 = 25/12, Umeå 1 + 1 + 1/2 + 1/3 = 17/6, cs-b 1 + 1 + 1/2 + 1/2 = 3,
 * Vännäs 25/12.
 */
describe('centralityByMunicipality: a municipality with two local actors', () => {
  const net = network(
    [
      { id: 'rel-a', kind: 'religious', municipality: '2480' },
      { id: 'cs-b', kind: 'civil_society', municipality: 'Umeå' },
      { id: 'police', kind: 'authority' },
    ],
    [
      ['rel-a', '2480'],
      ['2480', 'cs-b'],
      ['cs-b', 'police'],
      ['police', 'Vännäs'],
    ],
  );
  const pairs = 42486;

  it('sum (default), max, mean', () => {
    const sum = centralityByMunicipality(net, { measures: ['degree', 'betweenness', 'harmonic'] });
    const max = centralityByMunicipality(net, { measures: ['degree', 'betweenness', 'harmonic'], aggregate: 'max' });
    const mean = centralityByMunicipality(net, { measures: ['degree', 'betweenness', 'harmonic'], aggregate: 'mean' });
    for (const rows of [sum, max, mean]) {
      expect(rows).toHaveLength(290);
      expect(rows.columns).toEqual(['municipality', 'name', 'county', 'actorCount', 'degree', 'betweenness', 'harmonic']);
      expectTidy(rows);
    }
    const umea = (rows: typeof sum) => rows.find((r) => r.municipality === '2480')!;
    expect(umea(sum)).toMatchObject({ name: 'Umeå', county: '24', actorCount: 3 });
    // degrees: rel-a 1, Umeå 2, cs-b 2
    expect([umea(sum).degree, umea(max).degree]).toEqual([5, 2]);
    close(umea(mean).degree, 5 / 3, 'mean degree');
    close(umea(sum).betweenness, 7 / pairs, 'sum betweenness', 1e-12);
    close(umea(max).betweenness, 4 / pairs, 'max betweenness', 1e-12);
    close(umea(mean).betweenness, 7 / 3 / pairs, 'mean betweenness', 1e-12);
    close(umea(sum).harmonic, 25 / 12 + 17 / 6 + 3, 'sum harmonic');
    close(umea(max).harmonic, 3, 'max harmonic');
    close(umea(mean).harmonic, (25 / 12 + 17 / 6 + 3) / 3, 'mean harmonic');
    // Vännäs alone; the police (no municipality) is in no row.
    const vannas = sum.find((r) => r.municipality === '2460')!;
    expect(vannas.actorCount).toBe(1);
    expect(vannas.degree).toBe(1);
    close(vannas.harmonic, 25 / 12, 'Vännäs harmonic');
    // A municipality without links: its own row of zeros.
    expect(sum.find((r) => r.municipality === '0180')).toMatchObject({ actorCount: 1, degree: 0, betweenness: 0, harmonic: 0 });
  });

  it('with kinds: only the chosen kinds count as actors and as nodes', () => {
    // Graph: rel-a – Umeå only (cs-b and the police are left out).
    const rows = centralityByMunicipality(net, { kinds: ['municipality', 'religious'], measures: ['degree'], aggregate: 'sum' });
    expect(rows.find((r) => r.municipality === '2480')).toMatchObject({ actorCount: 2, degree: 2 });
    expect(rows.find((r) => r.municipality === '2460')).toMatchObject({ actorCount: 1, degree: 0 });
  });
});
