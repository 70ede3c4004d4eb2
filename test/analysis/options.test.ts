import { describe, expect, it } from 'vitest';
import { centrality, coverageByCounty, findGaps, loadNetwork, PlanOptionsSchema, swedenCooperationBodies } from '../../src/index.js';

const net = loadNetwork(swedenCooperationBodies());

describe('kinds in options are read like kinds in files', () => {
  it('maps Swedish and capitalised spellings to the known kinds', () => {
    const byName = findGaps(net, { partnerKinds: ['Myndighet'], types: ['missing_partner_kind'] });
    const byKind = findGaps(net, { partnerKinds: ['authority'], types: ['missing_partner_kind'] });
    expect(byName).toEqual(byKind);
    expect(byName.length).toBeGreaterThan(0);
    expect(byName.every((g) => g.kind === 'authority')).toBe(true);
    expect(centrality(net, { kinds: ['Kommunalförbund'] }).map((r) => r.kind)).toEqual(Array(net.actors().filter((a) => a.kind === 'joint_body').length).fill('joint_body'));
    expect(PlanOptionsSchema.parse({ kind: 'Myndighet', reachKinds: ['Trossamfund', 'religious'] })).toMatchObject({ kind: 'authority', reachKinds: ['religious'] });
  });

  it('refuses a partner kind whose share column would shadow a fixed column', () => {
    expect(() => coverageByCounty(net, { partnerKinds: ['religious', 'linked'] })).toThrow(/would be named like a fixed column/);
    expect(() => coverageByCounty(net, { partnerKinds: ['border pair'] })).toThrow(/would be named like a fixed column/);
  });
});
