/**
 * Results are the caller's: mutating what a function returned (rows, nested
 * arrays and objects) never changes what the next call returns, though the
 * network caches its intermediate results.
 */
import { describe, expect, it } from 'vitest';
import { brokerage, centrality, communities, components, coverageByCounty, coverageByMunicipality, findGaps, kCore, loadNetwork, recommendPartners, summaryByCounty, demoDataset, articulationPoints, bridges, smallMunicipalities } from '../../src/index.js';
import { swedenCooperationBodies } from '../../src/geo.js';

/** Overwrite every field of every row, and every element of nested arrays and objects. */
function vandalise(value: unknown, depth = 0): void {
  if (depth > 4 || value === null || typeof value !== 'object') return;
  if (Object.isFrozen(value)) return;
  if (Array.isArray(value)) {
    for (const item of value) vandalise(item, depth + 1);
    if (depth > 0) value.push('vandalised');
    return;
  }
  for (const key of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== null && typeof v === 'object') vandalise(v, depth + 1);
    else (value as Record<string, unknown>)[key] = typeof v === 'number' ? -999 : 'vandalised';
  }
}

describe('mutating a result does not change the next one', () => {
  const calls = {
    centrality: (net: ReturnType<typeof loadNetwork>) => centrality(net),
    brokerage: (net: ReturnType<typeof loadNetwork>) => brokerage(net),
    coverageByMunicipality: (net: ReturnType<typeof loadNetwork>) => coverageByMunicipality(net),
    coverageByCounty: (net: ReturnType<typeof loadNetwork>) => coverageByCounty(net),
    findGaps: (net: ReturnType<typeof loadNetwork>) => findGaps(net),
    summaryByCounty: (net: ReturnType<typeof loadNetwork>) => summaryByCounty(net),
    components: (net: ReturnType<typeof loadNetwork>) => components(net),
    articulationPoints: (net: ReturnType<typeof loadNetwork>) => articulationPoints(net),
    bridges: (net: ReturnType<typeof loadNetwork>) => bridges(net),
    kCore: (net: ReturnType<typeof loadNetwork>) => kCore(net),
    communities: (net: ReturnType<typeof loadNetwork>) => communities(net, { seed: 2 }).assignments,
    smallMunicipalities: (net: ReturnType<typeof loadNetwork>) => smallMunicipalities(net),
    projection: (net: ReturnType<typeof loadNetwork>) => net.municipalityProjection().ties.map((t) => ({ ...t })),
  };
  const net = loadNetwork(demoDataset());
  for (const [name, call] of Object.entries(calls)) {
    it(name, () => {
      const fresh = JSON.stringify(call(loadNetwork(demoDataset())));
      const first = call(net) as object[];
      vandalise(first);
      // The vandalism took (the test can fail), unless the rows are frozen.
      if (first.length > 0 && !Object.isFrozen(first[0])) expect(JSON.stringify(first)).not.toBe(fresh);
      expect(JSON.stringify(call(net))).toBe(fresh);
    });
  }

  it('recommendPartners (components and reasons are the caller\'s too)', () => {
    const bodies = loadNetwork(swedenCooperationBodies());
    const fresh = JSON.stringify(recommendPartners(loadNetwork(swedenCooperationBodies()), 'Bjurholm'));
    const first = recommendPartners(bodies, 'Bjurholm');
    vandalise(first);
    expect(JSON.stringify(first)).not.toBe(fresh);
    expect(JSON.stringify(recommendPartners(bodies, 'Bjurholm'))).toBe(fresh);
  });
});
