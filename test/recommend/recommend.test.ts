import { describe, expect, it } from 'vitest';
import { loadNetwork } from '../../src/io/load-network.js';
import { demoDataset } from '../../src/io/sweden.js';
import { CooperationNetwork } from '../../src/model/network.js';
import type { Geography } from '../../src/model/schema.js';
import { recommendAll, recommendForCounty, recommendPartners, smallMunicipalities } from '../../src/recommend/recommend.js';
import { COMPONENTS, DEFAULT_WEIGHTS } from '../../src/recommend/score.js';
import { defaultRecommender } from '../../src/recommend/recommender-model.js';
import { STEP, testland } from './helpers.js';

const close = (actual: number, expected: number) => expect(actual).toBeCloseTo(expected, 12);
const ln = Math.log;
const exp = Math.exp;

describe('recommendPartners: hand-computed on Testland (see helpers.ts)', () => {
  const net = testland();
  const rows = recommendPartners(net, 'Alfa', { scorer: 'weighted' });

  it('candidates: bordering and within 2 steps or 60 km, then the nearest up to 3', () => {
    // Beta (1 step, 50 km) and Gamma (2 steps, 100 km) are within the rule;
    // Delta (3 steps, 150 km) is added as the nearest other to reach atLeast = 3.
    expect(rows.map((r) => r.name)).toEqual(['Gamma', 'Beta', 'Delta']);
    expect(rows.map((r) => r.borderSteps)).toEqual([2, 1, 3]);
    rows.forEach((r) => close(r.distanceKm, { Beta: 50, Gamma: 100, Delta: 150 }[r.name]!));
    expect(rows.map((r) => r.rank)).toEqual([1, 2, 3]);
    expect(rows.columns).toEqual(['municipality', 'candidate', 'name', 'county', 'rank', 'score', 'distanceKm', 'borderSteps', 'existing', 'components', 'reasons']);
  });

  it('every component and the score', () => {
    const byName = Object.fromEntries(rows.map((r) => [r.name, r]));
    // shared = 1 − exp(−RA / 0.5). Alfa's neighbours {cs-a, auth}; Gamma's {Beta, Delta, auth};
    // Delta's {Gamma, auth}; Beta's {Gamma, rel-b}. Common with Gamma and Delta: auth (degree 3) → RA 1/3.
    const shared = 1 - exp(-(1 / 3) / 0.5); // 0.486583
    // complementarity: Alfa lacks religious (has civil_society, authority); Beta has 1 religious → 1/3.
    // capacity = ½·ln(P/1000)/ln(500000/1000) + ½·ln(1 + p)/ln(1 + 3) (population range 1 000–500 000, max partners 3).
    const capacity = (population: number, partners: number) => 0.5 * (ln(population / 1000) / ln(500)) + 0.5 * (ln(1 + partners) / ln(4));
    // access: betweenness among municipalities: only Gamma (on Beta–Gamma–Delta) → Gamma 1, others 0.
    // distance = ½·exp(−km/50) + ½·(1/steps). county: 1 in Alfa's county 01.
    const expected = {
      Beta: { shared: 0, complementarity: 1 / 3, capacity: capacity(50_000, 2), access: 0, distance: 0.5 * exp(-1) + 0.5, county: 1 },
      Gamma: { shared, complementarity: 0, capacity: capacity(20_000, 3), access: 1, distance: 0.5 * exp(-2) + 0.25, county: 1 },
      Delta: { shared, complementarity: 0, capacity: capacity(500_000, 2), access: 0, distance: 0.5 * exp(-3) + 0.5 / 3, county: 0 },
    };
    for (const [name, components] of Object.entries(expected)) {
      for (const c of COMPONENTS) close(byName[name]!.components[c]!, components[c]);
      // score = Σ w·c / Σ w with the default weights shared 4, complementarity 2,
      // capacity 1, access 0.5, distance 4, county 1 (sum 12.5):
      // Gamma (4·0.4866 + 0.7410 + 0.5·1 + 4·0.3177 + 1)/12.5 = 0.43664
      // Beta  (2/3 + 0.7110 + 4·0.6839 + 1)/12.5 = 0.40907
      // Delta (4·0.4866 + 0.8962 + 4·0.1916)/12.5 = 0.28871
      const score = COMPONENTS.reduce((s, c) => s + DEFAULT_WEIGHTS[c] * components[c], 0) / 12.5;
      close(byName[name]!.score, score);
    }
    close(byName.Gamma!.score, 0.43664204132864226);
    close(byName.Beta!.score, 0.40907282540988377);
    close(byName.Delta!.score, 0.28870503619618526);
  });

  it('reasons: strongest weighted contributions first, with the right numbers', () => {
    const [gamma, beta, delta] = rows;
    // Gamma: shared 0.156, distance 0.102, county 0.080 (capacity 0.059, access 0.040 cut at 3).
    expect(gamma!.reasons).toEqual([
      'Gamma already works with 1 of your partners (Authority)',
      '100 km away, 2 border steps',
      'in the same county (Första län)',
    ]);
    // Beta: distance 0.219, county 0.080, capacity 0.057, complementarity 0.053.
    expect(recommendPartners(net, 'Alfa', { scorer: 'weighted', maxReasons: 6 })[1]!.reasons).toEqual([
      '50 km away, shares a border',
      'in the same county (Första län)',
      'Beta has 50,000 inhabitants and 2 partners',
      'Beta cooperates with 1 religious community; you work with none',
    ]);
    expect(beta!.reasons).toHaveLength(3);
    expect(delta!.reasons[0]).toBe('Delta already works with 1 of your partners (Authority)');
    expect(delta!.reasons[1]).toBe('Delta has 500,000 inhabitants and 2 partners');
  });

  it("the same reasons in Swedish, with the locale's numbers", () => {
    const sv = recommendPartners(net, 'Alfa', { scorer: 'weighted', maxReasons: 6, lang: 'sv' });
    expect(sv.map((r) => [r.candidate, r.score])).toEqual(recommendPartners(net, 'Alfa', { scorer: 'weighted', maxReasons: 6 }).map((r) => [r.candidate, r.score]));
    expect(sv[0]!.reasons.slice(0, 3)).toEqual(['Gamma samverkar redan med 1 av era samverkanspartner (Authority)', '100 km bort, 2 kommungränser bort', 'i samma län (Första län)']);
    expect(sv[1]!.reasons).toEqual([
      '50 km bort, gränsar till er',
      'i samma län (Första län)',
      'Beta har 50\u00a0000 invånare och 2 samverkanspartner',
      'Beta samverkar med 1 religiöst samfund; ni har inga sådana samverkanspartner',
    ]);
  });

  it('access and bridges in words', () => {
    const onlyAccess = recommendPartners(net, 'Alfa', { scorer: 'weighted', weights: { shared: 0, complementarity: 0, capacity: 0, access: 1, distance: 0, county: 0 } });
    expect(onlyAccess[0]!.name).toBe('Gamma');
    expect(onlyAccess[0]!.reasons).toEqual(['Gamma opens the wider network: it cooperates with 2 municipalities in 2 counties']);
    // countyPreference 'bridge': county 01 is already tied to 02 (Gamma–Delta), not to 03,
    // so Epsilon (03) is a bridge and Delta (02) is not.
    const bridge = recommendPartners(net, 'Alfa', { scorer: 'weighted', maxKm: 250, countyPreference: 'bridge', weights: { shared: 0, complementarity: 0, capacity: 0, access: 0, distance: 0, county: 1 } });
    const county = Object.fromEntries(bridge.map((r) => [r.name, r.components.county]));
    expect(county).toEqual({ Beta: 1, Gamma: 1, Delta: 0, Epsilon: 1 });
    expect(bridge.find((r) => r.name === 'Epsilon')!.reasons).toEqual(['a bridge to Tredje län, which no municipality in Första län cooperates with yet']);
  });

  it('ties are broken by border steps, then distance, then code', () => {
    // Only the county weight: Beta and Gamma both score 1; Beta borders Alfa.
    const only = recommendPartners(net, 'Alfa', { scorer: 'weighted', weights: { shared: 0, complementarity: 0, capacity: 0, access: 0, distance: 0, county: 1 } });
    expect(only.map((r) => [r.name, r.score])).toEqual([
      ['Beta', 1],
      ['Gamma', 1],
      ['Delta', 0],
    ]);
    // Two candidates at the same distance and border steps: the lower code first.
    const geography: Geography = {
      name: 'Row',
      municipalities: [
        { code: 'M', name: 'Middle', county: 'C', population: 1000, populationYear: 2025, lat: 0, lon: 0, island: false },
        { code: 'W', name: 'West', county: 'C', population: 1000, populationYear: 2025, lat: 0, lon: -STEP, island: false },
        { code: 'E', name: 'East', county: 'C', population: 1000, populationYear: 2025, lat: 0, lon: STEP, island: false },
      ],
      counties: [{ code: 'C', name: 'County' }],
      borders: [
        { a: 'M', b: 'W' },
        { a: 'E', b: 'M' },
      ],
    };
    const row = recommendPartners(CooperationNetwork.create({ geography }), 'M', { scorer: 'weighted' });
    expect(row.map((r) => r.candidate)).toEqual(['E', 'W']);
    expect(row[0]!.score).toBe(row[1]!.score);
  });

  it('existing partners: excluded by default, flagged on request', () => {
    // Gamma is a partner and left out; Alfa (1 step) and Delta (2 steps) remain,
    // so Epsilon is added as the nearest other to reach atLeast = 3.
    expect(recommendPartners(net, 'Beta', { scorer: 'weighted' }).map((r) => r.name).sort()).toEqual(['Alfa', 'Delta', 'Epsilon']);
    const flagged = recommendPartners(net, 'Beta', { scorer: 'weighted', existing: 'flag' });
    const gamma = flagged.find((r) => r.name === 'Gamma')!;
    expect(gamma.existing).toBe(true);
    expect(gamma.reasons[0]).toBe('You already cooperate (1 direct link): a tie to strengthen');
    expect(flagged.filter((r) => r.existing).map((r) => r.name)).toEqual(['Gamma']);
    // Gamma–Delta share the body.
    const viaBody = recommendPartners(net, 'Gamma', { scorer: 'weighted', existing: 'flag' }).find((r) => r.name === 'Delta')!;
    expect(viaBody.reasons[0]).toBe('You already cooperate (shared body Joint Rescue): a tie to strengthen');
  });

  it('an island gets candidates, the nearest first when none is reachable over land', () => {
    const rows = recommendPartners(net, 'Epsilon', { scorer: 'weighted' });
    // Delta is within 60 km; Gamma and Beta are added as the nearest to reach 3.
    expect(rows.map((r) => r.name).sort()).toEqual(['Beta', 'Delta', 'Gamma']);
    expect(rows.every((r) => r.borderSteps === null)).toBe(true);
    expect(rows.find((r) => r.name === 'Delta')!.reasons).toContain('50 km away, not reachable over land borders');
  });

  it('by code or name; unknown municipality throws', () => {
    expect(recommendPartners(net, '0101', { scorer: 'weighted' })).toEqual(rows);
    expect(() => recommendPartners(net, 'Atlantis', { scorer: 'weighted' })).toThrow(/unknown municipality "Atlantis"/);
    expect(() => recommendPartners(net, 'Alfa', { scorer: 'weighted', weights: { shared: 0, complementarity: 0, capacity: 0, access: 0, distance: 0, county: 0 } })).toThrow(/at least one weight/);
  });

  it('limit, batch functions and smallMunicipalities', () => {
    expect(recommendPartners(net, 'Alfa', { scorer: 'weighted', limit: 1 }).map((r) => r.name)).toEqual(['Gamma']);
    // Small (< 15 000): Alfa (5 000) and Epsilon (1 000).
    expect(smallMunicipalities(net).map((r) => [r.name, r.municipalityTies, r.partnerCount])).toEqual([
      ['Alfa', 0, 2],
      ['Epsilon', 0, 0],
    ]);
    expect(smallMunicipalities(net, { smallPopulation: 25_000 }).map((r) => r.name)).toEqual(['Alfa', 'Gamma', 'Epsilon']);
    const all = recommendAll(net, { scorer: 'weighted', limit: 2 });
    expect(all.map((r) => [r.municipality, r.rank])).toEqual([
      ['0101', 1],
      ['0101', 2],
      ['0301', 1],
      ['0301', 2],
    ]);
    expect(recommendForCounty(net, 'Första län', { scorer: 'weighted', limit: 2 })).toEqual(all.slice(0, 2));
    expect(recommendForCounty(net, '01', { scorer: 'weighted', only: 'all', limit: 1 }).map((r) => r.municipality)).toEqual(['0101', '0102', '0103']);
    expect(() => recommendForCounty(net, 'Nowhere', { scorer: 'weighted' })).toThrow(/unknown county/);
  });
});

describe('reasons speak for the candidate', () => {
  it('mentions capacity or access only when that component is at least REASON_THRESHOLD (or is the strongest)', async () => {
    const { recommendAll: all, REASON_THRESHOLD: threshold } = await import('../../src/recommend/recommend.js');
    const { demoDataset: demo, loadNetwork: load } = await import('../../src/index.js');
    const rows = all(load(demo()), { scorer: 'weighted', limit: 5, lang: 'en' });
    let checked = 0;
    for (const r of rows) {
      r.reasons.forEach((reason, i) => {
        if (i === 0) return;
        if (/ inhabitants and \d+ partners?$/.test(reason)) {
          expect(r.components.capacity!).toBeGreaterThanOrEqual(threshold);
          checked++;
        }
        if (/opens the wider network/.test(reason)) expect(r.components.access!).toBeGreaterThanOrEqual(threshold);
      });
    }
    expect(checked).toBeGreaterThan(0);
  });
});

describe('an option the chosen scorer would ignore is refused', () => {
  const net = testland();

  it('weighted-scorer options under the learned model', () => {
    // Testland's geography ships no model: the learned scorer is the one given.
    const model = defaultRecommender();
    expect(() => recommendPartners(net, 'Alfa', { model, weights: { distance: 5 }, onWarning: () => {} })).toThrow(/recommendPartners: weights is an option of scorer: 'weighted' only/);
    expect(() => recommendPartners(net, 'Alfa', { scorer: 'model', model, hops: 1, maxKm: 10 })).toThrow(/hops, maxKm are options of scorer: 'weighted' only/);
    expect(() => recommendAll(net, { model, countyPreference: 'bridge' })).toThrow(/recommendAll: countyPreference/);
    expect(() => recommendForCounty(net, '01', { model, atLeast: 1 })).toThrow(/recommendForCounty: atLeast/);
    // The same options with the weighted scorer are used, not refused.
    expect(recommendPartners(net, 'Alfa', { scorer: 'weighted', hops: 1, atLeast: 0 }).map((r) => r.name)).toEqual(['Beta']);
  });

  it('a geography that ships no model: the weighted scorer by default, the learned one refused unless a model is given', () => {
    expect(net.geography.recommender).toBeUndefined();
    const byDefault = recommendPartners(net, 'Alfa', { atLeast: 0, hops: 1 });
    expect(byDefault).toEqual(recommendPartners(net, 'Alfa', { scorer: 'weighted', atLeast: 0, hops: 1 }));
    expect(() => recommendPartners(net, 'Alfa', { scorer: 'model' })).toThrow(/recommendPartners: option model: the \S+ geography has no fitted recommender of its own/);
    // Sweden's networks keep Sweden's model: the learned scorer by default, no weighted-only option accepted.
    const sweden = loadNetwork(demoDataset());
    expect(sweden.geography.recommender).toBeDefined();
    expect(() => recommendPartners(sweden, 'Dorotea', { hops: 1 })).toThrow(/hops is an option of scorer: 'weighted' only/);
  });

  it('learned-model options under the weighted scorer', () => {
    expect(() => recommendPartners(net, 'Alfa', { scorer: 'weighted', field: 'IT' })).toThrow(/field is an option of the learned model/);
    expect(() => recommendPartners(net, 'Alfa', { scorer: 'weighted', countyWide: 'count' })).toThrow(/countyWide is an option of the learned model/);
  });
});

describe('via is one option everywhere', () => {
  it('smallMunicipalities normalises its kinds like every other function (Kommunalförbund is joint_body)', () => {
    const net = loadNetwork(demoDataset());
    const rows = smallMunicipalities(net, { via: ['Kommunalförbund'] });
    expect(rows).toEqual(smallMunicipalities(net, { via: ['joint_body'] }));
    expect(rows.some((r) => r.municipalityTies > 0)).toBe(true);
  });
});
