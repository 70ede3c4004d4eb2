import { describe, expect, it } from 'vitest';
import { loadNetwork } from '../../src/io/load-network.js';
import { demoDataset, swedenCooperationBodies } from '../../src/io/sweden.js';
import { CooperationNetwork } from '../../src/model/network.js';
import {
  BASELINES,
  EVALUATION_METHODS,
  evaluateRecommender,
  evaluationSplits,
  rankingMetrics,
  rocAuc,
  type EvaluateOptions,
  type EvaluationRow,
} from '../../src/recommend/evaluate.js';
import { evidenceOf, featuresOf, withoutPairs, type Evidence } from '../../src/recommend/evidence.js';
import { TESTLAND, testland } from './helpers.js';
import { candidatesOf, componentArrays, ScoreOptionsSchema, CandidateOptionsSchema } from '../../src/recommend/score.js';
import { defaultRecommender } from '../../src/recommend/recommender-model.js';

const demo = loadNetwork(demoDataset());
const bodies = loadNetwork(swedenCooperationBodies());

describe('metrics on hand-made score lists', () => {
  it('AUC: the probability a positive outranks a negative, ties 1/2', () => {
    // Positives 0.9 and 0.5, negatives 0.5 and 0.1: 0.9 beats both (2), 0.5 ties one (½) and beats one (1): 3.5/4.
    expect(rocAuc([0.9, 0.5, 0.5, 0.1], [1, 1, 0, 0])).toBe(0.875);
    expect(rocAuc([0.1, 0.2, 0.3, 0.4], [1, 1, 0, 0])).toBe(0);
    expect(rocAuc([0.4, 0.3, 0.2, 0.1], [1, 1, 0, 0])).toBe(1);
    expect(rocAuc([1, 1, 1, 1, 1], [1, 0, 0, 1, 0])).toBe(0.5);
    // 3 positives × 2 negatives: 0.8 > both (2), 0.6 > 0.5 and < 0.7 (1), 0.2 > none (0): 3/6.
    expect(rocAuc([0.8, 0.7, 0.6, 0.5, 0.2], [1, 0, 1, 0, 1])).toBe(0.5);
    expect(rocAuc([0.3, 0.2], [0, 0])).toBeNaN();
  });

  it('precision@k, recall@k and reciprocal rank, ties by expectation', () => {
    // No ties: order 0.9 (neg), 0.5 (neg), 0.3 (pos). Top 2: no hit. First positive at rank 3.
    expect(rankingMetrics([0.3, 0.9, 0.5], [1, 0, 0], 2)).toEqual({ precision: 0, recall: 0, reciprocalRank: 1 / 3 });
    // 0.9 (neg) then a tie {pos, neg} at ranks 2–3. Top 2 holds the positive with probability ½:
    // hits ½ → precision ½/2, recall ½/1; RR = ½·(1/2) + ½·(1/3).
    const r = rankingMetrics([0.9, 0.8, 0.8, 0.1], [0, 1, 0, 0], 2);
    expect(r.precision).toBe(0.25);
    expect(r.recall).toBe(0.5);
    expect(r.reciprocalRank).toBeCloseTo(1 / 4 + 1 / 6, 15);
    // Three tied, two positive, k = 1: hits 2/3; first positive at rank 1 w.p. 2/3, rank 2 w.p. 1/3 → RR 5/6.
    const t = rankingMetrics([1, 1, 1], [1, 1, 0], 1);
    expect(t.precision).toBeCloseTo(2 / 3, 15);
    expect(t.recall).toBeCloseTo(1 / 3, 15);
    expect(t.reciprocalRank).toBeCloseTo(5 / 6, 15);
    // A list shorter than k: empty slots are misses. `relevant` counts positives the list cannot hold.
    expect(rankingMetrics([0.5], [1], 5)).toEqual({ precision: 0.2, recall: 1, reciprocalRank: 1 });
    expect(rankingMetrics([0.5, 0.4], [1, 0], 5, 4)).toEqual({ precision: 0.2, recall: 0.25, reciprocalRank: 1 });
    expect(rankingMetrics([], [], 5, 2)).toEqual({ precision: 0, recall: 0, reciprocalRank: 0 });
    // Two positives in the top 3 of 5: precision 2/3, recall 2/2, RR 1/2.
    expect(rankingMetrics([5, 4, 3, 2, 1], [0, 1, 1, 0, 0], 3)).toEqual({ precision: 2 / 3, recall: 1, reciprocalRank: 0.5 });
  });
});

/** Every pair's components, on the candidate universe, from an evidence. */
function allComponents(ev: Evidence) {
  const o = ScoreOptionsSchema.parse({});
  const rule = CandidateOptionsSchema.parse({});
  const pairs: [number, number][] = [];
  ev.codes.forEach((code, i) => {
    for (const c of candidatesOf(ev.geography, code, rule)) pairs.push([i, ev.index.get(c.code)!]);
  });
  return componentArrays(featuresOf(ev), pairs, o);
}

const sameEvidence = (a: Evidence, b: Evidence) => {
  expect(a.ties.map((s) => [...s].sort((x, y) => x - y))).toEqual(b.ties.map((s) => [...s].sort((x, y) => x - y)));
  expect(a.partners.map((s) => [...s].sort())).toEqual(b.partners.map((s) => [...s].sort()));
};

describe('no leakage: hiding a tie removes all of its evidence', () => {
  it('a direct tie: the training evidence equals the network without the links behind it', () => {
    const ties = demo.municipalityProjection().ties.filter((t) => t.direct > 0 && t.bodies.length === 0);
    const tie = ties[ties.length >> 1]!;
    const full = evidenceOf(demo, ['joint_body']);
    const [i, j] = [full.index.get(tie.a)!, full.index.get(tie.b)!];
    const hidden = withoutPairs(full, [[i, j]]);
    expect(hidden.ties[i]!.has(j)).toBe(false);
    for (const [x, y] of [[i, j], [j, i]] as const) {
      for (const id of hidden.partners[x]!) expect(hidden.actors.get(id)!.municipality).not.toBe(full.codes[y]);
    }
    const behind = new Set(tie.links);
    const without = CooperationNetwork.create({
      geography: demo.geography,
      actors: demo.actors(),
      links: demo.links.filter((l) => !behind.has(l.index)).map(({ index: _i, crossMunicipal: _m, crossCounty: _c, ...l }) => l),
    });
    expect(without.municipalityProjection().graph.hasEdge(tie.a, tie.b)).toBe(false);
    const truth = evidenceOf(without, ['joint_body']);
    sameEvidence(hidden, truth);
    const [p, q] = [allComponents(hidden), allComponents(truth)];
    for (const c of Object.keys(p) as (keyof typeof p)[]) expect(p[c]).toEqual(q[c]);
  });

  it('a municipality working with the other municipality\'s local actor: that partner is hidden too', () => {
    // Testland plus a link Alfa – Beta Church (rel-b, Beta's religious community):
    // it ties Alfa and Beta, and makes rel-b a partner of Alfa (shared with Beta).
    const base = testland();
    const strip = ({ index: _i, crossMunicipal: _m, crossCounty: _c, ...l }: (typeof base.links)[number]) => l;
    const extra = CooperationNetwork.create({
      geography: base.geography,
      actors: base.actors(),
      links: [...base.links.map(strip), { source: '0101', target: 'rel-b', weight: 1 }],
    });
    const full = evidenceOf(extra, ['joint_body']);
    const [alfa, beta] = [full.index.get('0101')!, full.index.get('0102')!];
    expect(full.ties[alfa]!.has(beta)).toBe(true);
    expect(full.partners[alfa]!.has('rel-b')).toBe(true);
    const hidden = withoutPairs(full, [[alfa, beta]]);
    expect(hidden.partners[alfa]!.has('rel-b')).toBe(false);
    expect(hidden.partners[beta]!.has('rel-b')).toBe(true);
    sameEvidence(hidden, evidenceOf(base, ['joint_body']));
    const [p, q] = [allComponents(hidden), allComponents(evidenceOf(base, ['joint_body']))];
    for (const c of Object.keys(p) as (keyof typeof p)[]) expect(p[c]).toEqual(q[c]);
  });

  it('a shared-body tie: the same as if the body were split so that the pair shares none', () => {
    // Dals-Ed and Färgelanda share Dalslands miljö- och energiförbund (with Bengtsfors
    // and Mellerud), and no other body. Hiding the pair = two bodies, one without
    // Färgelanda, one without Dals-Ed: every other pair still shares a body, Dals-Ed–Färgelanda none.
    const body = 'dalslands-miljo-energiforbund';
    const [dalsEd, fargelanda] = ['1438', '1439'];
    const input = swedenCooperationBodies();
    const members = input.links.filter((l) => l.source === body).map((l) => String(l.target)).sort();
    expect(members).toEqual(['1438', '1439', '1460', '1461']);
    const both = (b: unknown) => [dalsEd, fargelanda].every((m) => input.links.some((l) => l.source === b && l.target === m));
    expect([...new Set(input.links.map((l) => l.source))].filter((b) => b !== body && both(b))).toEqual([]);
    const links = input.links.filter((l) => l.source !== body);
    for (const member of members) {
      if (member !== fargelanda) links.push({ source: `${body} A`, target: member, kind: 'member' });
      if (member !== dalsEd) links.push({ source: `${body} B`, target: member, kind: 'member' });
    }
    const actors = [
      ...input.actors.filter((a) => a.id !== body),
      { id: `${body} A`, name: 'A', kind: 'joint_body' },
      { id: `${body} B`, name: 'B', kind: 'joint_body' },
    ];
    const split = loadNetwork({ actors, links });
    const full = evidenceOf(bodies, ['joint_body']);
    const hidden = withoutPairs(full, [[full.index.get(dalsEd)!, full.index.get(fargelanda)!]]);
    const truth = evidenceOf(split, ['joint_body']);
    expect(truth.ties[truth.index.get(dalsEd)!]!.has(truth.index.get(fargelanda)!)).toBe(false);
    expect(truth.ties[truth.index.get(dalsEd)!]!.has(truth.index.get('1460')!)).toBe(true);
    sameEvidence(hidden, truth);
    const [p, q] = [allComponents(hidden), allComponents(truth)];
    for (const c of Object.keys(p) as (keyof typeof p)[]) expect(p[c]).toEqual(q[c]);
  });

  it('in every split, no hidden pair is visible in the training evidence', () => {
    for (const net of [demo, bodies]) {
      const full = evidenceOf(net, ['joint_body']);
      const allTies = full.ties.reduce((s, t) => s + t.size, 0) / 2;
      for (const split of evaluationSplits(net, { repeats: 2, seed: 5 })) {
        const hidden = split.pairs.filter((_, e) => split.labels[e] === 1);
        expect(hidden.length).toBeGreaterThan(10);
        const trainingTies = split.training.ties.reduce((s, t) => s + t.size, 0) / 2;
        expect(trainingTies).toBe(allTies - hidden.length - split.outside);
        for (const [i, j] of hidden) {
          expect(full.ties[i]!.has(j)).toBe(true);
          expect(split.training.ties[i]!.has(j)).toBe(false);
          expect(split.features.star.index.size).toBeGreaterThan(0);
          for (const [x, y] of [[i, j], [j, i]] as const) {
            for (const id of split.training.partners[x]!) expect(split.training.actors.get(id)!.municipality).not.toBe(split.training.codes[y]);
          }
        }
        // Negatives are never ties of the network.
        split.pairs.forEach(([i, j], e) => {
          if (split.labels[e] === 0) expect(full.ties[i]!.has(j)).toBe(false);
        });
      }
    }
  });

  it('temporal split: trains on the snapshot, predicts the later ties', () => {
    const [split] = evaluationSplits(demo, { since: '2019-12-31', repeats: 1 });
    sameEvidence(split!.training, evidenceOf(demo.asOf('2019-12-31'), ['joint_body']));
    const before = evidenceOf(demo.asOf('2019-12-31'), ['joint_body']);
    // Later ties: those of the links still running after the date. A tie whose
    // links had all ended by then is not a later tie (the demo has such ties).
    const after = evidenceOf(demo.filterLinks((l) => l.until === undefined || l.until > '2019-12-31'), ['joint_body']);
    const full = evidenceOf(demo, ['joint_body']);
    let endedOnly = 0;
    split!.pairs.forEach(([i, j], e) => {
      expect(before.ties[i]!.has(j)).toBe(false);
      expect(split!.labels[e]).toBe(after.ties[i]!.has(j) ? 1 : 0);
      if (full.ties[i]!.has(j) && !after.ties[i]!.has(j)) endedOnly++;
    });
    expect(endedOnly).toBeGreaterThan(0);
  });
});

describe('evaluateRecommender', () => {
  const beats = (rows: EvaluationRow[], key: 'auc' | 'precisionAtK' | 'recallAtK' | 'mrr', method: 'samverkan' | 'weighted') => {
    const s = rows.find((r) => r.method === method)!;
    return rows.filter((r) => r.method !== method && r.method !== 'samverkan' && r.method !== 'weighted').every((r) => s[key] > r[key]);
  };

  it('the hand-weighted scorer, tuned on this protocol, beats every baseline on the demo (2 repeats)', () => {
    const rows = evaluateRecommender(demo, { repeats: 2, seed: 1 });
    expect(rows.map((r) => r.method)).toEqual([...EVALUATION_METHODS]);
    for (const key of ['auc', 'precisionAtK', 'recallAtK', 'mrr'] as const) expect(beats(rows, key, 'weighted'), key).toBe(true);
    const random = rows.find((r) => r.method === 'random')!;
    expect(Math.abs(random.auc - 0.5)).toBeLessThan(0.05);
  });

  it('on group data, hiding random ties rewards common neighbours: bodies are cliques (why the body protocol exists)', () => {
    const rows = evaluateRecommender(bodies, { repeats: 2, seed: 1, methods: ['common_neighbours', 'resource_allocation', 'nearest'] });
    const auc = Object.fromEntries(rows.map((r) => [r.method, r.auc]));
    // The other members of the hidden pair's body still tie both ends, so the pair looks certain.
    expect(auc.common_neighbours).toBeGreaterThan(0.97);
    expect(auc.resource_allocation).toBeGreaterThan(0.97);
    expect(auc.nearest).toBeLessThan(0.8);
  });

  it('tidy rows, progress and determinism', () => {
    const calls: [number, number][] = [];
    const options: EvaluateOptions = { repeats: 2, seed: 3, methods: ['samverkan', 'nearest', 'random'], onProgress: (d, t) => void calls.push([d, t]) };
    const a = evaluateRecommender(bodies, options);
    expect(calls).toEqual([1, 2, 3, 4, 5, 6].map((d) => [d, 6]));
    expect(a.columns).toEqual(['method', 'auc', 'aucSd', 'precisionAtK', 'precisionAtKSd', 'recallAtK', 'recallAtKSd', 'mrr', 'mrrSd', 'k', 'repeats', 'positives', 'negatives', 'outside', 'queries']);
    expect(JSON.stringify(evaluateRecommender(bodies, options))).toBe(JSON.stringify(a));
    expect(a[0]!.aucSd).not.toBeNull();
    expect(evaluateRecommender(bodies, { repeats: 1, methods: ['nearest'] })[0]!.aucSd).toBeNull();
    expect(() => evaluateRecommender(CooperationNetwork.create({ geography: TESTLAND }))).toThrow(/0 municipality ties; at least 2/);
    // Every baseline is a known method.
    expect(BASELINES.every((b) => (EVALUATION_METHODS as readonly string[]).includes(b))).toBe(true);
  });
});

describe('temporal split', () => {
  it('predicts ties formed after the date, not ties whose links had ended by then', async () => {
    const { loadNetwork: load, evaluateRecommender: evaluate } = await import('../../src/index.js');
    const net = load({
      links: [
        'source,target,since,until',
        '2480,2460,2010-01-01,2015-12-31', // Umeå–Vännäs: ended before the split
        '2480,2409,2012-01-01,', // Umeå–Robertsfors: running at the split (training)
        '2403,2401,2020-05-01,', // Bjurholm–Nordmaling: formed after the split
      ].join('\n'),
    }, { ids: 'municipality-codes' });
    const [row] = evaluate(net, { since: '2018-01-01', repeats: 1, methods: ['samverkan'] });
    expect(row!.positives + row!.outside).toBe(1);
    expect(() => evaluate(net, { since: '2021-01-01', repeats: 1 })).toThrow(/no municipality tie was formed after 2021-01-01/);
  });
});

describe('options the tie protocol would ignore are refused', () => {
  it('weighted-method options without it, a model without samverkan, fraction with since', () => {
    expect(() => evaluateRecommender(demo, { methods: ['samverkan', 'nearest'], weights: { distance: 2 } })).toThrow(/weights is an option of the weighted method, which methods leaves out/);
    expect(() => evaluateRecommender(demo, { methods: ['nearest'], model: defaultRecommender() })).toThrow(/model is the model of the samverkan method/);
    expect(() => evaluateRecommender(demo, { since: '2023-01-01', fraction: 0.3 })).toThrow(/fraction is the share of ties hidden at random/);
  });
});
