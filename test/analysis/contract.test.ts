/**
 * The contract every analysis function keeps, checked on the demo dataset
 * (1,967 actors, 4,615 links) and on awkward small networks:
 * - determinism: the same call twice (the second time on a freshly loaded
 *   copy) gives the same JSON;
 * - tidy rows: `columns` equals the keys of every row, in order, and is not
 *   enumerable;
 * - no NaN, ±Infinity or undefined anywhere (JSON would hide them as null);
 * - options are validated by their zod schemas: a bad or unknown option throws
 *   an OptionsError naming the function and the option.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { brokerage } from '../../src/analysis/brokerage.js';
import { centrality, centralityByMunicipality } from '../../src/analysis/centrality.js';
import { communities } from '../../src/analysis/communities.js';
import { coverageByCounty, coverageByMunicipality } from '../../src/analysis/coverage.js';
import { findGaps } from '../../src/analysis/gaps.js';
import { articulationPoints, bridges, components, kCore } from '../../src/analysis/structure.js';
import { summaryByCounty } from '../../src/analysis/summary.js';
import { loadNetwork } from '../../src/io/load-network.js';
import { demoDataset } from '../../src/io/sweden.js';
import type { CooperationNetwork } from '../../src/model/network.js';
import { expectNoSurprises, expectTidy, expectOptionsError, network, emptySweden } from './helpers.js';

type Rows = object[] & { columns?: readonly string[] };
/** Every analysis call as name → function of a network returning tidy rows (communities: its three tables). */
const CALLS: Record<string, (net: CooperationNetwork) => Rows> = {
  centrality: (net) => centrality(net),
  'centrality municipalities': (net) => centrality(net, { network: 'municipalities' }),
  centralityByMunicipality: (net) => centralityByMunicipality(net, { aggregate: 'mean', measures: ['degree', 'strength', 'betweenness', 'eigenvector', 'pagerank'] }),
  brokerage: (net) => brokerage(net),
  'brokerage weighted': (net) => brokerage(net, { weighted: true, ungrouped: 'skip' }),
  'brokerage municipalities': (net) => brokerage(net, { network: 'municipalities', weighted: true }),
  components: (net) => components(net),
  articulationPoints: (net) => articulationPoints(net),
  'articulationPoints municipalities': (net) => articulationPoints(net, { network: 'municipalities', within: 'network' }),
  bridges: (net) => bridges(net),
  'bridges municipalities': (net) => bridges(net, { network: 'municipalities' }),
  kCore: (net) => kCore(net),
  'communities assignments': (net) => communities(net, { seed: 3 }).assignments,
  'communities summary': (net) => communities(net, { seed: 3 }).summary,
  'communities byCounty': (net) => communities(net, { seed: 3 }).byCounty,
  'communities municipalities': (net) => communities(net, { network: 'municipalities' }).summary,
  coverageByMunicipality: (net) => coverageByMunicipality(net),
  coverageByCounty: (net) => coverageByCounty(net),
  findGaps: (net) => findGaps(net),
  summaryByCounty: (net) => summaryByCounty(net),
};

describe('on the demo dataset', () => {
  let net: CooperationNetwork;
  let again: CooperationNetwork;
  const first = new Map<string, Rows>();
  beforeAll(() => {
    net = loadNetwork(demoDataset());
    again = loadNetwork(demoDataset());
    for (const [name, call] of Object.entries(CALLS)) first.set(name, call(net));
  });

  for (const name of Object.keys(CALLS)) {
    it(`${name}: tidy rows, no NaN/Infinity/undefined, deterministic`, () => {
      const rows = first.get(name)!;
      expect(rows.length).toBeGreaterThan(0);
      expectTidy(rows, name);
      expectNoSurprises(rows, name);
      const json = JSON.stringify(rows);
      expect(json).not.toMatch(/NaN|Infinity|undefined/);
      // The second call runs on a freshly loaded copy: no state carried over between calls or networks.
      expect(JSON.stringify(CALLS[name]!(again)), `${name} on a fresh copy`).toBe(json);
    });
  }

  it('weighted centrality (Dijkstra with distance 1/weight): defined everywhere', () => {
    // Once only: weighted path measures on 2,257 actors take a few seconds.
    const rows = centrality(net, { weighted: true, measures: ['betweenness', 'eigenvector'] });
    expectTidy(rows);
    expectNoSurprises(rows);
    expect(rows.some((r) => r.betweenness! > 0)).toBe(true);
  });

  it('communities: the same seed gives the same partition and modularity; in [−1/2, 1]', () => {
    const a = communities(net, { seed: 11 });
    const b = communities(again, { seed: 11 });
    expect(b.modularity).toBe(a.modularity);
    expect(b.count).toBe(a.count);
    expect(a.modularity).toBeGreaterThan(0.3);
    expect(a.modularity).toBeLessThanOrEqual(1);
  });

  it('asOf snapshots are analysed as networks of their own', () => {
    const past = net.asOf('2015-06-30');
    const rows = coverageByCounty(past);
    expectTidy(rows);
    expectNoSurprises(rows.map((r) => ({ ...r, borderPairShare: r.borderPairShare ?? 0, countiesReached: r.countiesReached ?? 0 })));
    // Fewer active links, so no more linked municipalities than in the full network.
    const now = coverageByCounty(net).at(-1)!;
    expect(rows.at(-1)!.linkedMunicipalities).toBeLessThanOrEqual(now.linkedMunicipalities);
  });
});

describe('awkward small networks keep the contract', () => {
  const nets: Record<string, () => CooperationNetwork> = {
    empty: () => emptySweden(),
    'single actor': () => network([{ id: 'solo', kind: 'civil_society' }], []),
    'prototype ids': () =>
      network(
        [
          { id: '__proto__', kind: 'religious', municipality: '0180' },
          { id: 'constructor', kind: 'authority' },
          { id: 'toString', kind: 'joint_body', county: '01' },
        ],
        [
          ['__proto__', 'constructor'],
          ['toString', '0180'],
          ['toString', '0114'],
          ['constructor', '0380'],
        ],
      ),
  };
  for (const [label, make] of Object.entries(nets)) {
    it(label, () => {
      const net = make();
      for (const [name, call] of Object.entries(CALLS)) {
        const rows = call(net);
        expectTidy(rows, `${label}: ${name}`);
        expectNoSurprises(rows, `${label}: ${name}`);
      }
      expectNoSurprises(communities(net), `${label}: communities`);
    });
  }

  it('prototype ids keep their identity through every function', () => {
    const net = nets['prototype ids']!();
    expect(brokerage(net).filter((r) => ['__proto__', 'constructor', 'toString'].includes(r.id))).toHaveLength(3);
    // Stockholm and Upplands Väsby are tied through the joint body "toString".
    const tie = coverageByMunicipality(net).find((r) => r.municipality === '0180')!;
    expect([tie.municipalityTies, tie.religiousPartners, tie.linkCount]).toEqual([1, 0, 1]);
    expect(components(net).find((c) => c.members.includes('toString'))!.members).toEqual(['0114', '0180', 'toString']);
    expect(components(net).find((c) => c.members.includes('__proto__'))!.members).toEqual(['0380', '__proto__', 'constructor']);
    expect(bridges(net).map((b) => [b.source, b.target])).toContainEqual(['__proto__', 'constructor']);
  });
});

describe('options are validated by their schemas', () => {
  const net = network([{ id: 'a', kind: 'x' }], []);
  const bad: [string, () => unknown, string][] = [
    ['centrality measures', () => centrality(net, { measures: ['bogus'] as never }), 'measures'],
    ['centrality measures empty', () => centrality(net, { measures: [] }), 'measures'],
    ['centrality alpha', () => centrality(net, { alpha: 1.5 }), 'alpha'],
    ['centrality network', () => centrality(net, { network: 'counties' as never }), 'network'],
    ['centrality kinds', () => centrality(net, { kinds: 'municipality' as never }), 'kinds'],
    ['centrality weighted', () => centrality(net, { weighted: 'yes' as never }), 'weighted'],
    ['centralityByMunicipality aggregate', () => centralityByMunicipality(net, { aggregate: 'median' as never }), 'aggregate'],
    ['brokerage groupBy', () => brokerage(net, { groupBy: 'region' as never }), 'groupBy'],
    ['brokerage ungrouped', () => brokerage(net, { ungrouped: 'drop' as never }), 'ungrouped'],
    ['communities resolution −1', () => communities(net, { resolution: -1 }), 'resolution'],
    ['communities resolution 0', () => communities(net, { resolution: 0 }), 'resolution'],
    ['communities resolution ∞', () => communities(net, { resolution: Infinity }), 'resolution'],
    ['communities seed', () => communities(net, { seed: 1.5 }), 'seed'],
    ['components kinds', () => components(net, { kinds: [1] as never }), 'kinds'],
    ['articulationPoints within', () => articulationPoints(net, { within: 'region' as never }), 'within'],
    ['bridges kinds', () => bridges(net, { kinds: null as never }), 'kinds'],
    ['kCore kinds', () => kCore(net, { kinds: {} as never }), 'kinds'],
    ['coverageByMunicipality partnerKinds', () => coverageByMunicipality(net, { partnerKinds: [''] }), 'partnerKinds'],
    ['coverageByCounty total', () => coverageByCounty(net, { total: 'yes' as never }), 'total'],
    ['findGaps types', () => findGaps(net, { types: ['bogus'] as never }), 'types'],
    ['findGaps smallPopulation', () => findGaps(net, { smallPopulation: -1 }), 'smallPopulation'],
    ['findGaps partnerKinds', () => findGaps(net, { partnerKinds: [''] }), 'partnerKinds'],
    ['summaryByCounty total', () => summaryByCounty(net, { total: 1 as never }), 'total'],
    ['findGaps misspelt', () => findGaps(net, { smallPopulaton: 5 } as never), 'smallPopulaton'],
    ['findGaps partnerKinds named like a column', () => findGaps(net, { partnerKinds: ['linked'] }), 'partnerKinds'],
  ];
  for (const [label, call, field] of bad) {
    it(`${label} → OptionsError at ${field}`, () => expectOptionsError(call, label.split(' ')[0]!, field));
  }

  it('an unknown option names the closest known one; options that are not an object are refused', () => {
    expect(() => findGaps(net, { smallPopulaton: 5 } as never)).toThrow(/^findGaps: option smallPopulaton: unknown option; did you mean "smallPopulation"\? \(options: /);
    expect(() => centrality(net, 'degree' as never)).toThrow(/^centrality: options must be an object, got a string \("degree"\)$/);
    expect(() => communities(net, { resolution: -1 })).toThrow(/^communities: option resolution: .*, got a number \(-1\)$/);
  });
});

describe('sampling is on every result that holds betweenness', () => {
  it('coverage (both levels) and gaps carry the sampling of the betweenness behind them, non-enumerable', () => {
    const net = loadNetwork(demoDataset());
    for (const samples of ['exact', 40] as const) {
      const expected = centrality(net, { measures: ['betweenness'], samples }).sampling;
      expect(expected).not.toBeNull();
      for (const rows of [coverageByMunicipality(net, { samples }), coverageByCounty(net, { samples }), findGaps(net, { samples })]) {
        expect(rows.sampling).toEqual(expected);
        expect(Object.keys(rows)).not.toContain('sampling');
      }
    }
    expect(coverageByCounty(net, { samples: 40 }).sampling!.exact).toBe(false);
  });
});
