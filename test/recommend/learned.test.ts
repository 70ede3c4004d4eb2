import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadGeography } from '../../src/io/geography.js';
import { loadNetwork } from '../../src/io/load-network.js';
import { swedenCooperationBodies } from '../../src/io/sweden.js';
import { recommenderSweden } from '../../src/countries/sweden/recommender.js';
import { buildReport } from '../../src/report/model.js';
import type { CooperationNetwork } from '../../src/model/network.js';
import { fitConditionalLogit, logLikelihood } from '../../src/recommend/conditional-logit.js';
import { bodyProtocolCases, evaluateBodies, rankedListMetrics } from '../../src/recommend/evaluate-bodies.js';
import { groupCases, groupRoles } from '../../src/recommend/group-cases.js';
import { featureMatrix, kmBetween, tied, tieGraph } from '../../src/recommend/pair-features.js';
import { recommendAll, recommendForCounty, recommendPartners } from '../../src/recommend/recommend.js';
import { DEFAULT_FEATURES, defaultRecommender, FIELD_FEATURE, fitRecommender, networkEvidence, RecommenderModelSchema, scoreCandidates, toVariant } from '../../src/recommend/recommender-model.js';

/** Reference values from scripts/recommender_reference.py (numpy, scipy; statsmodels when available). */
interface Fit {
  coefficients: number[];
  mean: number[];
  sd: number[];
  logLikelihood: number;
}
const reference = JSON.parse(readFileSync('test/fixtures/recommender/reference.json', 'utf8')) as {
  groupland: {
    files: Record<'municipalities' | 'counties' | 'adjacency' | 'actors' | 'links', string>;
    cases: { group: string; municipality: string; candidates: string[]; hits: string[]; features: number[][] }[];
    fieldFeature: number[][];
    fits: Record<string, Fit>;
    fieldFit: Fit;
  };
  sweden: {
    cases: { group: string; municipality: string; hits: string[]; candidates: number }[];
    baselines: Record<string, number[][]>;
    fit10: Fit;
    statsmodels: { cases: number; coefficients: number[]; statsmodelsLogLikelihood: number; statsmodelsMaxScore: number } | null;
  };
};

const files = reference.groupland.files;
const groupland = loadGeography(
  {
    municipalities: { text: files.municipalities, name: 'municipalities.csv' },
    counties: { text: files.counties, name: 'counties.csv' },
    adjacency: { text: files.adjacency, name: 'adjacency.csv' },
  },
  { name: 'Groupland' },
);
const load = (links = files.links) => loadNetwork({ actors: { text: files.actors, name: 'actors.csv' }, links: { text: links, name: 'links.csv' }, geography: groupland });
const net = load();
const bodies = loadNetwork(swedenCooperationBodies());

/** The body-protocol cases of a network, with the default features (what fitRecommender fits on). */
function casesOf(network: CooperationNetwork, field = false) {
  const ev = networkEvidence(network, ['joint_body']);
  const roles = groupRoles(ev);
  const specs = field ? [...DEFAULT_FEATURES, FIELD_FEATURE] : DEFAULT_FEATURES;
  return { ev, cases: ev.groups.map((_, g) => g).filter(roles.eligible).flatMap((g) => groupCases(ev, g, roles.evidence, specs, field)) };
}

const closeArrays = (actual: ArrayLike<number>, expected: readonly number[], tolerance: number, label = '') => {
  expect(actual.length, label).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) expect(Math.abs(actual[i]! - expected[i]!), `${label}[${i}]: ${actual[i]} vs ${expected[i]}`).toBeLessThanOrEqual(tolerance);
};

describe('the body protocol on Groupland (hand-built group data)', () => {
  it('makes one case per member with a co-member no other tie joins to it, and those co-members are the hits', () => {
    const cases = bodyProtocolCases(net);
    expect(cases.map(({ group, municipality, hits }) => ({ group, municipality, hits }))).toEqual(reference.groupland.cases.map(({ group, municipality, hits }) => ({ group, municipality, hits })));
    // By hand: Räddningstjänsten Aby–Berg (G01–G03) gives no case, because Finsam A ties all three.
    expect(cases.some((c) => c.group === 'rtj-ab')).toBe(false);
    // Överförmyndare Mitt (G01, G06): no other body or link joins them, so each is the other's hit.
    expect(cases.filter((c) => c.group === 'of-mitt')).toEqual([
      { group: 'of-mitt', municipality: 'G01', hits: ['G06'], candidates: expect.any(Number) },
      { group: 'of-mitt', municipality: 'G06', hits: ['G01'], candidates: expect.any(Number) },
    ]);
    // Avfallsförbundet (G04, G09, G11, G12): G09–G04 share Överförmyndare Nord; the county-wide
    // Cirklands kommuner (G09–G12) is an obligation, not a tie, so G09–G11 and G09–G12 are hits.
    expect(cases.find((c) => c.group === 'avfall' && c.municipality === 'G09')!.hits).toEqual(['G11', 'G12']);
    // Nor is a county-wide body ever hidden, and the direct link G10–G12 ties them for every case.
    expect(cases.some((c) => c.group === 'cirkel')).toBe(false);
    expect(cases.find((c) => c.group === 'avfall' && c.municipality === 'G12')!.hits).toEqual(['G04', 'G09', 'G11']);
  });

  it('the candidates are every municipality not tied to the member; the features equal their definitions', () => {
    const { ev, cases } = casesOf(net);
    expect(cases).toHaveLength(reference.groupland.cases.length);
    cases.forEach((c, i) => {
      const expected = reference.groupland.cases[i]!;
      expect([...c.cands].map((x) => ev.geo.codes[x])).toEqual(expected.candidates);
      closeArrays(c.x, expected.features.flat(), 1e-12, `${expected.group}/${expected.municipality}`);
    });
  });

  it('fits the conditional logit to the reference (numpy Newton, checked by scipy) within 1e-6, at two penalties', () => {
    const { cases } = casesOf(net);
    for (const [l2, expected] of Object.entries(reference.groupland.fits)) {
      const fit = fitConditionalLogit(cases, DEFAULT_FEATURES.length, { l2: Number(l2) });
      expect(fit.converged).toBe(true);
      closeArrays(fit.coefficients, expected.coefficients, 1e-6, `λ ${l2}`);
      closeArrays(fit.mean, expected.mean, 1e-12);
      closeArrays(fit.sd, expected.sd, 1e-12);
      expect(Math.abs(fit.logLikelihood - expected.logLikelihood)).toBeLessThan(1e-8);
      expect(Math.abs(logLikelihood(cases, fit.coefficients) - expected.logLikelihood)).toBeLessThan(1e-8);
    }
  });

  it('the field variant: candidateHasField marks members of another body of the hidden body’s field, and fits to the reference', () => {
    const { cases } = casesOf(net, true);
    const F = DEFAULT_FEATURES.length + 1;
    cases.forEach((c, i) => closeArrays(Array.from({ length: c.rows }, (_, r) => c.x[r * F + F - 1]!), reference.groupland.fieldFeature[i]!, 0));
    // Hiding Överförmyndare Mitt (G01, G06): the other guardianship body, Överförmyndare Nord, has G03, G04, G09, G10.
    const ev = networkEvidence(net, ['joint_body']);
    const mitt = ev.groups.findIndex((g) => g.group.id === 'of-mitt');
    const g01 = cases.find((c) => c.group === mitt && ev.geo.codes[c.m] === 'G01')!;
    const marked = [...g01.cands].filter((_, r) => g01.x[r * F + F - 1] === 1).map((x) => ev.geo.codes[x]);
    expect(marked).toEqual(['G09', 'G10']); // G03 and G04 are tied to G01 (Finsam A), so not candidates
    closeArrays(fitConditionalLogit(cases, F, { l2: 1 }).coefficients, reference.groupland.fieldFit.coefficients, 1e-6);
  });

});

describe('no leakage: a hidden body is absent from training and from the features', () => {
  it('each case is computed on the ties without its body: no hit is tied, and the tie graph is that of the network without the body', () => {
    const ev = networkEvidence(net, ['joint_body']);
    const roles = groupRoles(ev);
    for (let g = 0; g < ev.groups.length; g++) {
      if (!roles.eligible(g)) continue;
      const id = ev.groups[g]!.group.id;
      const without = load(files.links.split('\n').filter((l) => !l.startsWith(`${id},`)).join('\n'));
      const wev = networkEvidence(without, ['joint_body']);
      const expected = tieGraph(wev, groupRoles(wev).evidence);
      for (const c of groupCases(ev, g, roles.evidence, DEFAULT_FEATURES)) {
        expect([...c.ties.targets]).toEqual([...expected.targets]);
        c.cands.forEach((x, r) => {
          if (c.y[r]) expect(tied(c.ties, c.m, x)).toBe(false);
        });
        // The features, e.g. shared partners, are those of the network without the body.
        expect([...c.x]).toEqual([...featureMatrix({ geo: wev.geo, ties: expected }, c.m, c.cands, DEFAULT_FEATURES)]);
      }
    }
  });

  /**
   * Each case's metrics under a model fitted on the network without the groups of the case's fold,
   * and without `alsoHidden(fold)`: groups of the fold that have no case.
   */
  function refitted(rows: readonly { group: string; municipality: string; fold: number }[], l2: number, links = files.links, actors = files.actors, alsoHidden: (groups: Set<string>) => string[] = () => []) {
    const network = loadNetwork({ actors: { text: actors, name: 'actors.csv' }, links: { text: links, name: 'links.csv' }, geography: groupland });
    const ev = networkEvidence(network, ['joint_body']);
    const out = new Map<string, number[]>();
    for (const fold of new Set(rows.map((r) => r.fold))) {
      const cased = new Set(rows.filter((r) => r.fold === fold).map((r) => r.group));
      const hidden = new Set([...cased, ...alsoHidden(cased)]);
      const without = loadNetwork({ actors: { text: actors, name: 'actors.csv' }, links: { text: links.split('\n').filter((l) => !hidden.has(l.split(',')[0]!)).join('\n'), name: 'links.csv' }, geography: groupland });
      const model = fitRecommender(without, { l2, field: false });
      const leaky = fitRecommender(network, { l2, field: false });
      expect(model.default.features.map((f) => f.coefficient)).not.toEqual(leaky.default.features.map((f) => f.coefficient));
      for (const group of cased) {
        const g = ev.groups.findIndex((x) => x.group.id === group);
        for (const c of groupCases(ev, g, groupRoles(ev).evidence)) {
          const { scores } = scoreCandidates(model.default, { geo: ev.geo, ties: c.ties }, c.m, c.cands);
          const km = Float64Array.from(c.cands, (x) => kmBetween(ev.geo, c.m, x));
          const order = Int32Array.from(c.cands, (_, r) => r).sort((p, q) => scores[q]! - scores[p]! || km[p]! - km[q]! || c.cands[p]! - c.cands[q]!);
          const m = rankedListMetrics(order, c.y, 5);
          out.set(`${group}/${ev.geo.codes[c.m]}`, [m.precision, m.recall, m.reciprocalRank, m.ndcg]);
        }
      }
    }
    return out;
  }

  it('leave-one-body-out: every case is scored by a model fitted on the network without its body (and not with it)', () => {
    const rows = evaluateBodies(net, { folds: 'loo', l2: 1, methods: ['samverkan'], bootstrap: 0 }).caseRows;
    expect(new Set(rows.map((r) => r.fold)).size).toBe(new Set(rows.map((r) => r.group)).size);
    const expected = refitted(rows, 1);
    expect(expected.size).toBe(rows.length);
    for (const r of rows) expect([r.precisionAtK, r.recallAtK, r.reciprocalRank, r.ndcgAtK]).toEqual(expected.get(`${r.group}/${r.municipality}`));
  });

  it('k folds: each case is scored by the model fitted without all of its fold’s bodies', () => {
    const rows = evaluateBodies(net, { folds: 3, seed: 7, l2: 2, methods: ['samverkan'], bootstrap: 0 }).caseRows;
    expect(new Set(rows.map((r) => r.fold))).toEqual(new Set([0, 1, 2]));
    const expected = refitted(rows, 2);
    for (const r of rows) expect([r.precisionAtK, r.recallAtK, r.reciprocalRank, r.ndcgAtK]).toEqual(expected.get(`${r.group}/${r.municipality}`));
  });

  it('county folds: each case is scored by a model fitted without every body of its county, also those without a case', () => {
    // "Extra" (G10, G12 of county C) has no case: the agreement G10–G12 ties its only two members already.
    const links = `${files.links.trimEnd()}\nextra,G10,member\nextra,G12,member\n`;
    const actors = `${files.actors.trimEnd()}\nextra,Extra,joint_body,IT,gemensam_namnd,false\n`;
    const network = loadNetwork({ actors: { text: actors, name: 'actors.csv' }, links: { text: links, name: 'links.csv' }, geography: groupland });
    const rows = evaluateBodies(network, { folds: 'county', l2: 1, methods: ['samverkan'], bootstrap: 0 }).caseRows;
    expect(rows.some((r) => r.group === 'extra')).toBe(false);
    // Each body's county by hand: most of its members (Överförmyndare Nord is 2 in A, 2 in C: the lower code, A).
    const county: Record<string, string> = { 'rtj-ab': 'A', 'of-nord': 'A', 'of-mitt': 'A', 'finsam-a': 'A', 'rtj-syd': 'B', 'it-ost': 'B', 'lon-tva': 'B', avfall: 'C', extra: 'C' };
    for (const fold of new Set(rows.map((r) => r.fold))) expect(new Set(rows.filter((r) => r.fold === fold).map((r) => county[r.group]!)).size).toBe(1);
    const expected = refitted(rows, 1, links, actors, (cased) => {
      const counties = new Set([...cased].map((g) => county[g]!));
      return Object.keys(county).filter((g) => counties.has(county[g]!));
    });
    for (const r of rows) expect([r.precisionAtK, r.recallAtK, r.reciprocalRank, r.ndcgAtK]).toEqual(expected.get(`${r.group}/${r.municipality}`));
  });
});

describe('metrics of one ranked list', () => {
  it('precision, recall, reciprocal rank, nDCG and AUC by hand', () => {
    // Candidates 0..4, hits 1 and 3; ranked 3, 0, 1, 4, 2: hits at ranks 1 and 3.
    const r = rankedListMetrics(Int32Array.of(3, 0, 1, 4, 2), Uint8Array.of(0, 1, 0, 1, 0), 2);
    expect(r.precision).toBe(1 / 2);
    expect(r.recall).toBe(1 / 2);
    expect(r.reciprocalRank).toBe(1);
    expect(r.firstHit).toBe(1);
    // DCG@2 = 1/log2(2) = 1; ideal = 1 + 1/log2(3).
    expect(r.ndcg).toBeCloseTo(1 / (1 + 1 / Math.log2(3)), 15);
    // Pairs (hit, non-hit): hit at rank 1 beats all 3 non-hits, hit at rank 3 beats 2 of them: 5/6.
    expect(r.auc).toBeCloseTo(5 / 6, 15);
    expect(rankedListMetrics(Int32Array.of(0, 1), Uint8Array.of(1, 1), 5).auc).toBeNaN();
  });
});

describe('the body protocol on the real bodies', () => {
  it('has the cases of the reference, and its baselines equal the reference case by case', () => {
    expect(bodyProtocolCases(bodies)).toEqual(reference.sweden.cases);
    expect(reference.sweden.cases).toHaveLength(361);
    const methods = ['nearest', 'same_county_nearest', 'same_region_nearest', 'common_neighbours'] as const;
    const result = evaluateBodies(bodies, { methods: [...methods], reference: 'same_county_nearest', bootstrap: 0 });
    for (const method of methods) {
      const rows = result.caseRows.filter((r) => r.method === method);
      rows.forEach((r, i) => closeArrays([r.precisionAtK, r.recallAtK, r.reciprocalRank, r.ndcgAtK, r.auc], reference.sweden.baselines[method]![i]!, 1e-12, `${method} ${r.group}/${r.municipality}`));
    }
    // The figures of the recommendation issue: nearest 0.344, same county 0.391, same region 0.365, common neighbours 0.309.
    const p5 = Object.fromEntries(result.map((r) => [r.method, Math.round(r.precisionAtK * 1000) / 1000]));
    expect(p5).toEqual({ nearest: 0.344, same_county_nearest: 0.391, same_region_nearest: 0.365, common_neighbours: 0.309 });
  });

  it('the fit on every case equals the reference within 1e-6', () => {
    const { cases } = casesOf(bodies);
    closeArrays(fitConditionalLogit(cases, DEFAULT_FEATURES.length, { l2: 10 }).coefficients, reference.sweden.fit10.coefficients, 1e-6);
  });

  it('unpenalised, it is the maximum of statsmodels’ ConditionalLogit likelihood (the cases with one hit)', () => {
    // The reference verified with statsmodels that its score vanishes at these coefficients.
    const check = reference.sweden.statsmodels;
    expect(check, 'rerun scripts/recommender_reference.py with a Python that has statsmodels').not.toBeNull();
    expect(check!.statsmodelsMaxScore).toBeLessThan(1e-6);
    const one = casesOf(bodies).cases.filter((c) => c.y.reduce((s, v) => s + v, 0) === 1);
    expect(one).toHaveLength(check!.cases);
    const fit = fitConditionalLogit(one, DEFAULT_FEATURES.length, { l2: 0 });
    closeArrays(fit.coefficients, check!.coefficients, 1e-6);
    expect(Math.abs(fit.logLikelihood - check!.statsmodelsLogLikelihood)).toBeLessThan(1e-8);
  });

  it('paired bootstrap intervals: deterministic, around the difference, from the reference method', () => {
    const options = { methods: ['same_county_nearest', 'nearest', 'random'] as ('same_county_nearest' | 'nearest' | 'random')[], reference: 'same_county_nearest' as const, bootstrap: 400, seed: 3 };
    const a = evaluateBodies(bodies, options);
    expect(JSON.stringify(evaluateBodies(bodies, options))).toBe(JSON.stringify(a));
    const [county, nearest] = a;
    expect(county!.precisionAtKDifference).toBeNull();
    expect(nearest!.precisionAtKDifference).toBeCloseTo(county!.precisionAtK - nearest!.precisionAtK, 12);
    expect(nearest!.precisionAtKLow!).toBeLessThan(nearest!.precisionAtKDifference!);
    expect(nearest!.precisionAtKHigh!).toBeGreaterThan(nearest!.precisionAtKDifference!);
    // Resampling bodies, not cases: the interval is wider than a case bootstrap's would need to be, and above 0 here.
    expect(nearest!.precisionAtKLow!).toBeGreaterThan(0);
    expect(a.columns.slice(0, 9)).toEqual(['method', 'cases', 'groups', 'k', 'precisionAtK', 'recallAtK', 'mrr', 'ndcgAtK', 'auc']);
    expect(evaluateBodies(bodies, { ...options, bootstrap: 0 })[1]!.precisionAtKLow).toBeNull();
  });
});

describe('the temporal body protocol', () => {
  it('cases are the bodies started after the date; the evidence and the model are the bodies existing on it', () => {
    const dated = files.links
      .split('\n')
      .map((l, i) => (i === 0 ? `${l},since,until` : l.startsWith('avfall,') || l.startsWith('it-ost,') ? `${l},2021-03-01,` : l.startsWith('lon-tva,') ? `${l},2015-01-01,2019-12-31` : l === '' ? l : `${l},,`))
      .join('\n');
    const network = load(dated);
    const result = evaluateBodies(network, { since: '2020-01-01', methods: ['samverkan', 'nearest'], l2: 1, bootstrap: 0 });
    expect([...new Set(result.caseRows.map((r) => r.group))].sort()).toEqual(['avfall', 'it-ost']);
    // On 2020-01-01 Lön Två had ended and Avfallsförbundet had not begun: G12's candidates exclude
    // neither G08 (no longer tied through Lön Två) nor G09–G11 (not yet tied).
    const g12 = result.caseRows.find((r) => r.group === 'avfall' && r.municipality === 'G12' && r.method === 'nearest')!;
    expect(g12.hits).toBe(3);
    expect(() => evaluateBodies(network, { since: '2022-01-01', methods: ['nearest'] })).toThrow(/no group started after 2022-01-01/);
  });

  it('a direct agreement made after the date is not evidence: G10 stays a candidate of G12', () => {
    const dated = files.links
      .split('\n')
      .map((l, i) => (i === 0 ? `${l},since,until` : l.startsWith('avfall,') ? `${l},2021-03-01,` : l === 'G10,G12,agreement' ? `${l},2021-06-01,` : l === '' ? l : `${l},,`))
      .join('\n');
    const caseOf = (links: string) =>
      evaluateBodies(load(links), { since: '2020-01-01', methods: ['nearest', 'weighted'], bootstrap: 0 }).caseRows.find((r) => r.group === 'avfall' && r.municipality === 'G12' && r.method === 'nearest')!;
    const undated = dated.replace('G10,G12,agreement,2021-06-01,', 'G10,G12,agreement,,');
    // 11 other municipalities, less G05 and G07 (IT Öst); before the fix the agreement of 2021 also tied G10 on 2020-01-01.
    expect(caseOf(dated).candidates).toBe(9);
    expect(caseOf(undated).candidates).toBe(8);
  });
});

describe('the shipped model and fitRecommender', () => {
  it('names its training data: the files it was fitted on, unchanged since', () => {
    const model = defaultRecommender();
    expect(RecommenderModelSchema.parse(JSON.parse(readFileSync('data/models/recommender-sweden.json', 'utf8')))).toEqual(model);
    expect(JSON.parse(recommenderSweden)).toEqual(model);
    expect(model.trainedOn.files.length).toBeGreaterThan(3);
    for (const { path, sha256 } of model.trainedOn.files) expect(createHash('sha256').update(readFileSync(path)).digest('hex'), path).toBe(sha256);
    expect(model.default.features.map((f) => f.name)).toEqual(DEFAULT_FEATURES.map((f) => f.name));
    expect(model.field!.features.map((f) => f.name)).toEqual([...DEFAULT_FEATURES, FIELD_FEATURE].map((f) => f.name));
    expect(model.trainedOn.groups).toBe(163);
    expect(model.default.cases).toBe(361);
  });

  it('refits on a user’s own groups, and leaves out attributes a geography does not have', () => {
    const plain = loadGeography(
      {
        municipalities: { text: files.municipalities.split('\n').map((l) => l.split(',').slice(0, 7).join(',')).join('\n'), name: 'm.csv' },
        counties: { text: files.counties, name: 'c.csv' },
        adjacency: { text: files.adjacency, name: 'a.csv' },
      },
      { name: 'Plainland' },
    );
    const network = loadNetwork({ links: 'source,target\nG02,G06\n', geography: plain });
    const groups = [
      { id: 'x', members: ['G01', 'G06'] },
      { id: 'y', members: ['Dal', 'Ek', 'Jarv'], field: 'överförmyndare' },
      { id: 'z', members: ['G03', 'G04', 'G09', 'G10'], field: 'guardianship' },
      { id: 'w', members: ['G05', 'G07', 'G12'] },
    ];
    const model = fitRecommender(network, { groups, l2: 1 });
    expect(model.default.features.map((f) => f.name)).not.toContain('sameLabourMarketRegion');
    expect(model.trainedOn.notes).toEqual([
      'sameLabourMarketRegion left out: no municipality of the Plainland geography has the attribute la_region_2023',
      'sameMunicipalityGroup left out: no municipality of the Plainland geography has the attribute skr_kommungrupp_2023',
    ]);
    expect(model.field).toBeDefined();
    expect(() => fitRecommender(network, { groups: [{ id: 'x', members: ['G01', 'Atlantis'] }] })).toThrow(/groups\[0\] \(x\): member "Atlantis" is not a municipality/);
    const rows = recommendPartners(network, 'Ek', { model, limit: 3 });
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => Object.keys(r.components).length === model.default.features.length)).toBe(true);
  });
});

describe('learned recommendations and their reasons', () => {
  const within = (n: number, km: number) => Math.abs(n - Math.round(km)) === 0;
  /** The sentence of each topic, per language: the facts each states are read back from the network. */
  const SAID = {
    en: {
      place: /^(\d+) km away(, shares a border)?$/,
      county: /^in the same county (and labour-market region )?\((.+)\)$/,
      near: /^near your partner (.+) \((\d+) km\)$/,
      borders: /^its partners? (.+) borders? you$/,
      more: / and \d+ more$/,
      separator: /, | and /,
      theirs: /^its partner (.+) is (\d+) km from you$/,
      shared: /^(.+) already works with (one|\d+) of your partners \((.+)\)$/,
      one: 'one',
      free: /^(.+) (is in no joint body or agreement with another municipality yet|cooperates with few municipalities yet \((\d+) municipalit(y|ies)\))$/,
      group: /^the same kind of municipality as you \(SKR group ([ABC]):/,
      size: /^of a similar size \(([\d\u00a0,]+) inhabitants; you have ([\d\u00a0,]+)\)$/,
      region: /^in the same labour-market region$/,
    },
    sv: {
      place: /^(\d+) km bort(, gränsar till er)?$/,
      county: /^i samma län (och på samma lokala arbetsmarknad )?\((.+)\)$/,
      near: /^nära er samverkanspartner (.+) \((\d+) km\)$/,
      borders: /^dess samverkanspartner (.+) gränsar till er$/,
      more: / och \d+ till$/,
      separator: /, | och /,
      theirs: /^dess samverkanspartner (.+) ligger (\d+) km från er$/,
      shared: /^(.+) samverkar redan med (en|\d+) av era samverkanspartner \((.+)\)$/,
      one: 'en',
      free: /^(.+) (ingår ännu inte i något gemensamt organ eller avtal med en annan kommun|samverkar ännu bara med få kommuner \((\d+) kommun(er)?\))$/,
      group: /^samma typ av kommun som ni \(SKR:s kommungrupp ([ABC]):/,
      size: /^av liknande storlek \(([\d\u00a0,]+) invånare; ni har ([\d\u00a0,]+)\)$/,
      region: /^på samma lokala arbetsmarknad$/,
    },
  } as const;
  it.each(['en', 'sv'] as const)('every reason states a fact of the network (real bodies, every small municipality), %s', (lang) => {
    const said = SAID[lang];
    const ev = networkEvidence(bodies, ['joint_body']);
    const ties = tieGraph(ev, groupRoles(ev).evidence);
    const idx = (name: string) => ev.geo.index.get(bodies.municipality(name)!.code)!;
    const partners = (i: number) => new Set(ties.targets.subarray(ties.offsets[i]!, ties.offsets[i + 1]!));
    const borders = (a: string, b: string) => bodies.borderNeighbours(a).includes(b);
    const counts = new Map<string, number>();
    const seen = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
    for (const r of recommendAll(bodies, { maxReasons: 9, lang })) {
      const m = ev.geo.index.get(r.municipality)!;
      const c = ev.geo.index.get(r.candidate)!;
      expect(r.reasons.length).toBeGreaterThan(0);
      for (const reason of r.reasons) {
        let match: RegExpExecArray | null;
        if ((match = said.place.exec(reason))) {
          expect(within(Number(match[1]), r.distanceKm)).toBe(true);
          expect(match[2] !== undefined).toBe(borders(r.municipality, r.candidate));
          seen('place');
        } else if ((match = said.county.exec(reason))) {
          expect(r.county).toBe(bodies.municipality(r.municipality)!.county);
          expect(bodies.county(match[2]!)!.code).toBe(r.county);
          if (match[1]) expect(bodies.municipality(r.candidate)!.attributes!.la_region_2023).toBe(bodies.municipality(r.municipality)!.attributes!.la_region_2023);
          seen(match[1] ? 'county+region' : 'county');
        } else if ((match = said.near.exec(reason))) {
          const p = idx(match[1]!);
          expect(partners(m).has(p)).toBe(true);
          expect(within(Number(match[2]), kmBetween(ev.geo, p, c))).toBe(true);
          seen('near partner');
        } else if ((match = said.borders.exec(reason))) {
          for (const name of match[1]!.replace(said.more, '').split(said.separator)) {
            expect(partners(c).has(idx(name))).toBe(true);
            expect(borders(r.municipality, bodies.municipality(name)!.code)).toBe(true);
          }
          seen('partner borders');
        } else if ((match = said.theirs.exec(reason))) {
          expect(partners(c).has(idx(match[1]!))).toBe(true);
          expect(within(Number(match[2]), kmBetween(ev.geo, m, idx(match[1]!)))).toBe(true);
          seen('partner km');
        } else if ((match = said.shared.exec(reason))) {
          const shared = [...partners(c)].filter((z) => partners(m).has(z)).length;
          expect(match[2] === said.one ? 1 : Number(match[2])).toBe(shared);
          seen('shared');
        } else if ((match = said.free.exec(reason))) {
          expect(partners(c).size).toBe(match[3] === undefined ? 0 : Number(match[3]));
          expect(partners(c).size).toBeLessThanOrEqual(3);
          seen('free');
        } else if ((match = said.group.exec(reason))) {
          const letter = match[1]!;
          expect(bodies.municipality(r.candidate)!.attributes!.skr_kommungrupp_2023![0]).toBe(letter);
          expect(bodies.municipality(r.municipality)!.attributes!.skr_kommungrupp_2023![0]).toBe(letter);
          seen('group');
        } else if ((match = said.size.exec(reason))) {
          const [a, b] = [bodies.municipality(r.candidate)!.population, bodies.municipality(r.municipality)!.population];
          expect(Number(match[1]!.replace(/[\u00a0,]/g, ''))).toBe(a);
          expect(Number(match[2]!.replace(/[\u00a0,]/g, ''))).toBe(b);
          expect(Math.max(a, b) / Math.min(a, b)).toBeLessThanOrEqual(2);
          seen('size');
        } else if (said.region.test(reason)) {
          expect(bodies.municipality(r.candidate)!.attributes!.la_region_2023).toBe(bodies.municipality(r.municipality)!.attributes!.la_region_2023);
          seen('region');
        } else throw new Error(`unexpected reason: ${reason}`);
      }
    }
    for (const kind of ['place', 'county', 'near partner', 'partner borders', 'shared', 'free', 'group']) expect(counts.get(kind) ?? 0, kind).toBeGreaterThan(0);
  });

  it('reasons are the topics that lift the candidate most, strongest first; the county and region topics merge into one sentence', () => {
    for (const r of recommendAll(bodies, { limit: 3 })) {
      expect(r.reasons.length).toBeLessThanOrEqual(3);
      // Components are contributions relative to the average candidate: they sum to the score's excess over the mean.
      expect(Object.keys(r.components)).toEqual(DEFAULT_FEATURES.map((f) => f.name));
    }
    const eksjo = recommendPartners(bodies, 'Ydre', { limit: 10, lang: 'en' }).find((r) => r.name === 'Aneby')!;
    expect(eksjo.reasons.join(' · ')).toMatch(/shares a border/);
  });

  it('a field request uses the field variant; an unknown field or a model without one is refused', () => {
    const plain = recommendPartners(bodies, 'Bjurholm', { limit: 20 });
    const fire = recommendPartners(bodies, 'Bjurholm', { limit: 20, field: 'räddningstjänst' });
    expect(fire.map((r) => r.score)).not.toEqual(plain.map((r) => r.score));
    expect(Object.keys(fire[0]!.components)).toContain('candidateHasField');
    expect(recommendPartners(bodies, 'Bjurholm', { field: 'fire and rescue' })).toEqual(recommendPartners(bodies, 'Bjurholm', { field: 'fire_rescue' }));
    expect(() => recommendPartners(bodies, 'Bjurholm', { field: 'astronomy' })).toThrow(/unknown field "astronomy"/);
    const { field: _f, ...noField } = defaultRecommender();
    expect(() => recommendPartners(bodies, 'Bjurholm', { field: 'överförmyndare', model: noField })).toThrow(/no field variant/);
  });

  it("existing: 'flag' keeps the new candidates' scores, and scores a partner as if the two were not tied yet", () => {
    const own = fitRecommender(net, { l2: 1, field: false });
    const excluded = recommendPartners(net, 'G02', { limit: 100, model: own });
    const flagged = recommendPartners(net, 'G02', { limit: 100, existing: 'flag', model: own });
    const fresh = flagged.filter((r) => !r.existing);
    expect(fresh.map((r) => [r.candidate, r.score, r.components, r.reasons])).toEqual(excluded.map((r) => [r.candidate, r.score, r.components, r.reasons]));
    // G02's partners: G01, G03 (Räddningstjänsten Aby–Berg, Finsam A), G04 (Finsam A) and G06 (the agreement alone).
    expect(flagged.filter((r) => r.existing).map((r) => r.candidate).sort()).toEqual(['G01', 'G03', 'G04', 'G06']);
    // G06 as a candidate of the network without the agreement, against G02's new candidates in the network as it is.
    const ev = networkEvidence(net, ['joint_body']);
    const withoutAgreement = networkEvidence(load(files.links.replace('G02,G06,agreement\n', '')), ['joint_body']);
    const model = own.default;
    const m = ev.geo.index.get('G02')!;
    const news = Int32Array.from(excluded, (r) => ev.geo.index.get(r.candidate)!);
    const s = scoreCandidates(model, { geo: ev.geo, ties: tieGraph(ev, groupRoles(ev).evidence) }, m, news).scores;
    const s6 = scoreCandidates(model, { geo: ev.geo, ties: tieGraph(withoutAgreement, groupRoles(withoutAgreement).evidence) }, m, Int32Array.of(ev.geo.index.get('G06')!)).scores[0]!;
    const g06 = flagged.find((r) => r.candidate === 'G06')!;
    expect(g06.score).toBeCloseTo(Math.exp(s6) / (Math.exp(s6) + s.reduce((sum, v) => sum + Math.exp(v), 0)), 12);
    expect(g06.reasons[0]).toBe('You already cooperate (direct links): a tie to strengthen');
    // Ranked by score among all rows: the partners are not pushed down by a softmax that counts them twice.
    expect(flagged.map((r) => r.rank)).toEqual(flagged.map((_, i) => i + 1));
  });

  it.each([
    { lang: 'en' as const, notIn: 'is in no joint body for fire and rescue yet', isIn: 'already takes part in a joint body for fire and rescue' },
    { lang: 'sv' as const, notIn: 'ingår ännu inte i något gemensamt organ för räddningstjänst', isIn: 'ingår redan i ett gemensamt organ för räddningstjänst' },
  ])('field reasons say whether the candidate already has a body of the field, truly ($lang)', ({ lang, notIn, isIn }) => {
    const ev = networkEvidence(bodies, ['joint_body']);
    const roles = groupRoles(ev);
    const inFire = new Set(ev.groups.flatMap((g, i) => (roles.evidence(i) && g.group.fields.includes('fire_rescue') ? Array.from(g.members, (m) => ev.geo.codes[m]!) : [])));
    let said = 0;
    for (const r of recommendForCounty(bodies, 'Västerbotten', { field: 'räddningstjänst', maxReasons: 9, only: 'all', lang })) {
      for (const reason of r.reasons) {
        if (reason.endsWith(notIn)) expect(inFire.has(r.candidate), reason).toBe(false);
        else if (reason.endsWith(isIn)) expect(inFire.has(r.candidate), reason).toBe(true);
        else continue;
        said++;
      }
    }
    expect(said).toBeGreaterThan(0);
  });

  it('ranks every untied municipality; scores are probabilities that sum to 1 over the candidates', () => {
    const rows = recommendPartners(bodies, 'Bjurholm', { limit: 1000 });
    const code = bodies.municipality('Bjurholm')!.code;
    const tiedTo = new Set(bodies.municipalityProjection().ties.filter((t) => t.a === code || t.b === code).map((t) => (t.a === code ? t.b : t.a)));
    expect(rows.length).toBe(289 - tiedTo.size);
    expect(rows.some((r) => tiedTo.has(r.candidate))).toBe(false);
    expect(rows.reduce((s, r) => s + r.score, 0)).toBeCloseTo(1, 12);
    expect(JSON.stringify(recommendPartners(loadNetwork(swedenCooperationBodies()), 'Bjurholm', { limit: 1000 }))).toBe(JSON.stringify(rows));
  });
});

describe('options the body protocol would ignore are refused', () => {
  it('refit options with a given model, folds with since, a reference not run', () => {
    const model = fitRecommender(net, { l2: 1, field: false });
    expect(() => evaluateBodies(net, { model, l2: 2, methods: ['samverkan'] })).toThrow(/l2 is an option of the refit/);
    expect(() => evaluateBodies(net, { model, folds: 'loo', features: DEFAULT_FEATURES.slice(0, 2) })).toThrow(/features, folds are options of the refit/);
    expect(() => evaluateBodies(net, { since: '2020-01-01', folds: 3 })).toThrow(/folds does not apply with since/);
    expect(() => evaluateBodies(net, { methods: ['nearest', 'random'], reference: 'samverkan', bootstrap: 0 })).toThrow(/the reference samverkan is not among the methods run \(nearest, random\)/);
  });

  it('without samverkan among the methods, the first method is the reference', () => {
    const rows = evaluateBodies(net, { methods: ['same_county_nearest', 'nearest'], bootstrap: 0 });
    expect(rows[0]!.precisionAtKDifference).toBeNull();
    expect(rows[1]!.precisionAtKDifference).toBeCloseTo(rows[0]!.precisionAtK - rows[1]!.precisionAtK, 12);
  });
});

describe('a model knows its geography and that its fit converged', () => {
  it('records the geography it was fitted on, and warns when used on another', () => {
    const own = fitRecommender(net, { l2: 1, field: false });
    expect(own.trainedOn.geography).toBe('Groupland');
    expect(defaultRecommender().trainedOn.geography).toBe(bodies.geography.name);
    const warnings: string[] = [];
    const onWarning = (w: string) => warnings.push(w);
    // Groupland ships no model: without one given the weighted scorer answers, and Sweden's model is not borrowed.
    recommendPartners(net, 'G02', { onWarning });
    expect(warnings).toEqual([]);
    recommendPartners(net, 'G02', { model: defaultRecommender(), onWarning });
    expect(warnings).toEqual([expect.stringMatching(/^the model "sweden-bodies-2026" was fitted on the Sweden geography and is used on Groupland/)]);
    recommendPartners(net, 'G02', { model: own, onWarning });
    recommendPartners(bodies, 'Bjurholm', { onWarning });
    // The same Swedish data loaded from its folder is named "sweden": no warning.
    const fromFolder = loadNetwork({ ...swedenCooperationBodies(), geography: loadGeography('data/sweden') });
    expect(fromFolder.geography.name).toBe('sweden');
    recommendPartners(fromFolder, 'Bjurholm', { model: defaultRecommender(), onWarning });
    expect(warnings).toHaveLength(1);
  });

  it('a report on another geography uses no other country\'s model', () => {
    const report = buildReport(net, { maps: false });
    expect(report.notes.filter((n) => n.startsWith('Partner suggestions'))).toEqual([]);
    expect(report.counties.some((c) => c.recommendations.length > 0)).toBe(true);
    expect(buildReport(bodies, { maps: false, samples: 50 }).notes.some((n) => n.startsWith('Partner suggestions'))).toBe(false);
  });

  it('a fit that did not converge makes no model, and a model file must say it converged', () => {
    const { cases } = casesOf(net);
    const fit = fitConditionalLogit(cases, DEFAULT_FEATURES.length, { l2: 1, maxIterations: 1 });
    expect(fit.converged).toBe(false);
    expect(() => toVariant(DEFAULT_FEATURES, { fit, l2: 1, selection: 'fixed at 1', curve: [] })).toThrow(/did not converge in 1 Newton iterations/);
    const { converged: _c, ...unconverged } = defaultRecommender().default;
    expect(RecommenderModelSchema.safeParse({ ...defaultRecommender(), default: unconverged }).success).toBe(false);
    const { geography: _g, ...trainedOn } = defaultRecommender().trainedOn;
    expect(RecommenderModelSchema.safeParse({ ...defaultRecommender(), trainedOn }).success).toBe(false);
  });
});
