import { describe, expect, it } from 'vitest';
import { centrality, components, coverageByCounty, findGaps, kCore, municipalityView, OptionsError, loadNetwork, PlanOptionsSchema, swedenCooperationBodies } from '../../src/index.js';

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

describe("network: 'municipalities' on the shape analyses", () => {
  it('components and kCore run on the municipality projection, and refuse kinds with it', () => {
    const { csr } = municipalityView(net);
    const parts = components(net, { network: 'municipalities' });
    expect(parts.reduce((s, c) => s + c.size, 0)).toBe(csr.n);
    expect(parts.every((c) => c.municipalityCount === c.size)).toBe(true);
    const cores = kCore(net, { network: 'municipalities' });
    expect(cores.map((r) => r.id)).toEqual(net.municipalities().map((m) => m.code));
    expect(() => components(net, { network: 'municipalities', kinds: ['municipality'] })).toThrow(OptionsError);
    expect(() => kCore(net, { network: 'municipalities', kinds: ['municipality'] })).toThrow(/`kinds` restricts the actor network/);
  });
});
