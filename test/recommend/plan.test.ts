import { describe, expect, it } from 'vitest';
import { CooperationNetwork } from '../../src/model/network.js';
import type { Geography, Municipality } from '../../src/model/schema.js';
import { planLinks } from '../../src/recommend/plan.js';
import { recommendPartners } from '../../src/recommend/recommend.js';
import { STEP, testland } from './helpers.js';

const place = (code: string, name: string, population: number, at: number, county = 'C'): Municipality => ({
  code,
  name,
  county,
  population,
  populationYear: 2025,
  lat: 0,
  lon: at * STEP,
  island: false,
});
const geography = (municipalities: Municipality[], borders: [string, string][]): Geography => ({
  name: 'Plan',
  municipalities,
  counties: [...new Set(municipalities.map((m) => m.county))].map((code) => ({ code, name: `County ${code}` })),
  borders: borders.map(([a, b]) => (a < b ? { a, b } : { a: b, b: a })),
});
const link = (source: string, target: string) => ({ source, target, weight: 1 });

describe('planLinks: greedy', () => {
  it('small-coverage: the link covering two small municipalities comes first, then the plan stops', () => {
    // S1 (2 000) and S2 (3 000) are small and untied; Big (100 000) borders both.
    // S1–Big and S2–Big cover one each (gain 1, and Big's capacity scores higher);
    // S1–S2 covers both (gain 2): the optimal first step. Afterwards nothing gains.
    const net = CooperationNetwork.create({
      geography: geography(
        [place('1', 'S1', 2_000, 0), place('2', 'Big', 100_000, 1), place('3', 'S2', 3_000, 2)],
        [
          ['1', '2'],
          ['2', '3'],
          ['1', '3'],
        ],
      ),
    });
    expect(recommendPartners(net, 'S1', { scorer: 'weighted' })[0]!.name).toBe('Big');
    const plan = planLinks(net, { budget: 3 });
    expect(plan.map((r) => [r.step, r.source, r.target, r.gain, r.value])).toEqual([[1, '1', '3', 2, 2]]);
    expect(plan[0]!.reason).toBe('Gives S1 (2,000 inhabitants) and S2 (3,000 inhabitants) their first municipality tie');
    expect(planLinks(net, { budget: 3, lang: 'sv' })[0]!.reason).toBe('Ger S1 (2\u00a0000 invånare) och S2 (3\u00a0000 invånare) deras första samverkan med en annan kommun');
    expect(plan.columns).toEqual(['step', 'objective', 'source', 'sourceName', 'target', 'targetName', 'gain', 'value', 'score', 'reason']);
  });

  it('equal gains are broken by the recommendation score', () => {
    // S (small) borders Mid (40 000) and Big (400 000), otherwise identical:
    // gain 1 either way; Big has the higher capacity, so the higher score.
    const net = CooperationNetwork.create({
      geography: geography(
        [place('1', 'S', 2_000, 0), place('2', 'Mid', 40_000, 1), place('3', 'Big', 400_000, -1)],
        [
          ['1', '2'],
          ['1', '3'],
        ],
      ),
    });
    const best = recommendPartners(net, 'S', { scorer: 'weighted' })[0]!;
    expect(best.name).toBe('Big');
    const plan = planLinks(net, { budget: 1 });
    expect(plan.map((r) => [r.source, r.target, r.gain])).toEqual([['1', '3', 1]]);
    expect(plan[0]!.score).toBe(best.score);
  });

  it('county-connectivity: joins the two groups of a county, one link is enough', () => {
    // A–B and C–D cooperate (2 groups in county C); E is in another county.
    const net = CooperationNetwork.create({
      geography: geography(
        [place('A', 'A', 20_000, 0), place('B', 'B', 20_000, 1), place('C', 'C', 20_000, 2), place('D', 'D', 20_000, 3), place('E', 'E', 20_000, 4, 'X')],
        [
          ['A', 'B'],
          ['B', 'C'],
          ['C', 'D'],
          ['D', 'E'],
        ],
      ),
      links: [link('A', 'B'), link('C', 'D')],
    });
    const plan = planLinks(net, { objective: 'county-connectivity', county: 'C', budget: 3 });
    expect(plan).toHaveLength(1);
    expect(plan[0]!.gain).toBe(1);
    expect(plan[0]!.value).toBe(1);
    const pair = [plan[0]!.source, plan[0]!.target].sort().join('');
    // The best-scored of the links between {A, B} and {C, D}: B–C borders (1 step, 50 km).
    expect(pair).toBe('BC');
    expect(plan[0]!.reason).toBe('Joins A and B with C and D in County C: the county goes from 2 to 1 group');
    expect(planLinks(net, { objective: 'county-connectivity', county: 'C', budget: 3, lang: 'sv' })[0]!.reason).toBe('Förenar A och B med C och D i County C: länet går från 2 till 1 grupp');
  });

  it('kind-reach: each step reaches one more municipality', () => {
    // Testland: Alfa lacks religious partners, Beta has one (rel-b), Gamma and
    // Delta lack them but Gamma is tied to Beta (so it reaches them). Reaching
    // religious: Beta, Gamma → 2. Candidate links that gain: Alfa–Beta,
    // Delta–Beta (Delta's candidates include Beta at 2 steps), Epsilon–Beta (nearest).
    const plan = planLinks(testland(), { objective: 'kind-reach', kind: 'religious', budget: 5 });
    expect(plan.map((r) => r.value)).toEqual([3, 4, 5]);
    expect(plan.every((r) => r.gain === 1)).toBe(true);
    expect(plan.every((r) => r.target === '0102' || r.source === '0102')).toBe(true);
    expect(plan[0]!.reason).toMatch(/reaches religious communities through Beta, which works with 1 religious community$/);
    const sv = planLinks(testland(), { objective: 'kind-reach', kind: 'religious', budget: 5, lang: 'sv' });
    expect(sv.map((r) => [r.source, r.target, r.value])).toEqual(plan.map((r) => [r.source, r.target, r.value]));
    expect(sv[0]!.reason).toBe(`${plan[0]!.reason.split(' ')[0]} når religiösa samfund genom Beta, som samverkar med 1 religiöst samfund`);
  });

  it('small-coverage with required kinds counts kinds reached through the new partner', () => {
    // Testland: small Alfa (civil_society, authority) and Epsilon (nothing). Requiring
    // religious: only a tie to Beta (the one with a religious partner) covers either.
    const plan = planLinks(testland(), { reachKinds: ['religious'], budget: 5 });
    expect(plan.map((r) => [r.source, r.target, r.gain])).toEqual([
      ['0101', '0102', 1],
      ['0301', '0102', 1],
    ]);
    expect(planLinks(testland(), { budget: 0 })).toHaveLength(0);
  });
});
