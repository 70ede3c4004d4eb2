/**
 * The recommender's competence component, checked against its definition:
 * learned model, +w on the linear score per lacking capability the candidate
 * has, so a softmax probability p becomes e^w·p / (1 − p + e^w·p) when one
 * candidate gains; weighted scorer, (score·Σw + w·share) / (Σw + w).
 */
import { describe, expect, it } from 'vitest';
import { loadCapabilities } from '../../src/io/capabilities.js';
import { recommendPartners } from '../../src/recommend/recommend.js';
import { DEFAULT_WEIGHTS } from '../../src/recommend/score.js';
import { network } from '../analysis/helpers.js';

// Dorotea 2425 and Vilhelmina 2462 cooperate; Storuman 2421, Sorsele 2422, Åsele 2463 are candidates around them.
const net = network([], [['2425', '2462'], ['2421', '2422'], ['2480', '2460']], undefined, 'infer');
const caps = loadCapabilities(
  { text: 'municipality,capability,status,since\n2425,action_plan,no,\n2425,coordinator,planned,\n2463,action_plan,yes,2021-03-01\n2463,coordinator,yes,2019-01-01\n2421,relatives_support,yes,\n', name: 'caps.csv' },
  net,
);
const all = { limit: 100, lang: 'en' } as const;

describe('competence component', () => {
  it('learned model: each capability offered adds the weight to the linear score', () => {
    const before = recommendPartners(net, '2425', all);
    const after = recommendPartners(net, '2425', { ...all, capabilities: caps, competenceWeight: 1 });
    const p = before.find((r) => r.candidate === '2463')!.score;
    const q = after.find((r) => r.candidate === '2463')!.score;
    const e2 = Math.exp(2); // two capabilities offered, weight 1 each
    expect(q).toBeCloseTo((e2 * p) / (1 - p + e2 * p), 10);
    expect(after[0]!.candidate).toBe('2463');
    expect(after[0]!.reasons[0]).toBe('Åsele has an action plan (since 2021) and a coordinator (since 2019); you have no action plan and are setting up a coordinator');
    expect(after[0]!.components.competence).toBeGreaterThan(0);
    // The same facts in Swedish, the default for the Swedish geography.
    const sv = recommendPartners(net, '2425', { limit: 100, capabilities: caps, competenceWeight: 1 });
    expect(sv[0]!.reasons[0]).toBe('Åsele har en handlingsplan (sedan 2021) och en samordnare (sedan 2019); ni saknar handlingsplan och håller på att inrätta en samordnare');
    // Weight 0: the ranking is kept, the reason is given.
    const zero = recommendPartners(net, '2425', { ...all, capabilities: caps, competenceWeight: 0 });
    expect(zero.map((r) => [r.candidate, r.score])).toEqual(before.map((r) => [r.candidate, r.score]));
    expect(zero.find((r) => r.candidate === '2463')!.reasons[0]).toMatch(/^Åsele has an action plan/);
  });

  it('weighted scorer: one more component, the share of lacking capabilities offered', () => {
    const before = recommendPartners(net, '2425', { ...all, scorer: 'weighted' });
    const after = recommendPartners(net, '2425', { ...all, scorer: 'weighted', capabilities: caps, competenceWeight: 2 });
    const total = Object.values(DEFAULT_WEIGHTS).reduce((s, w) => s + w, 0);
    for (const r of after) {
      const share = r.candidate === '2463' ? 1 : 0;
      expect(r.components.competence).toBe(share);
      expect(r.score).toBeCloseTo((before.find((b) => b.candidate === r.candidate)!.score * total + 2 * share) / (total + 2), 12);
    }
  });

  it('asks for partners for one capability, and unknown is not lacking', () => {
    const rows = recommendPartners(net, '2425', { capabilities: caps, capability: 'anhörigstöd', lang: 'en' });
    expect(rows.map((r) => r.candidate)).toEqual(['2421']);
    expect(rows[0]!.reasons[0]).toBe('Storuman has support for relatives; you asked about it');
    expect(recommendPartners(net, '2425', { capabilities: caps, capability: 'anhörigstöd', lang: 'sv' })[0]!.reasons[0]).toBe('Storuman har ett anhörigstöd; ni frågade efter det');
    // Vilhelmina's capabilities are unknown: nothing lacking, nothing changes.
    const v = recommendPartners(net, '2462', { ...all, capabilities: caps });
    expect(v.map((r) => r.score)).toEqual(recommendPartners(net, '2462', all).map((r) => r.score));
    expect(() => recommendPartners(net, '2425', { capability: 'coordinator' })).toThrow(/needs capabilities/);
    // Existing partners flagged too, in both scorers: only those that have it (Vilhelmina, Dorotea's partner, has not).
    for (const scorer of ['model', 'weighted'] as const) {
      const flagged = recommendPartners(net, '2425', { scorer, capabilities: caps, capability: 'relatives_support', existing: 'flag' });
      expect(flagged.map((r) => r.candidate)).toEqual(['2421']);
    }
    // Mixed states are said apart.
    const mixed = loadCapabilities({ text: 'municipality,capability,status\n2425,action_plan,no\n2425,coordinator,planned\n2421,action_plan,yes\n2421,coordinator,yes\n2421,relatives_support,yes\n', name: 'm.csv' }, net);
    expect(recommendPartners(net, '2425', { capabilities: mixed, capability: 'relatives_support', lang: 'en' })[0]!.reasons[0]).toBe('Storuman has an action plan, a coordinator and support for relatives; you have no action plan, are setting up a coordinator and asked about support for relatives');
  });
});
