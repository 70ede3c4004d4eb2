import { describe, expect, it } from 'vitest';
import { centrality, components, coverageByCounty, findGaps, kCore, OptionsError, loadNetwork, planLinks, PlanOptionsSchema, swedenGeography } from '../../src/index.js';
import { loadCountry, swedenCooperationBodies } from '../../src/geo.js';
import { municipalityView } from '../../src/kernels.js';
import { countryGeography } from '../../src/geo.js';
import { parseOptions } from '../../src/model/options.js';

const net = loadNetwork(swedenCooperationBodies());

describe('kinds in options are read like kinds in files', () => {
  it('maps Swedish and capitalised spellings to the known kinds', () => {
    const byName = findGaps(net, { partnerKinds: ['Myndighet'], types: ['missing_partner_kind'] });
    const byKind = findGaps(net, { partnerKinds: ['authority'], types: ['missing_partner_kind'] });
    expect(byName).toEqual(byKind);
    expect(byName.length).toBeGreaterThan(0);
    expect(byName.every((g) => g.kind === 'authority')).toBe(true);
    expect(centrality(net, { kinds: ['Kommunalförbund'] }).map((r) => r.kind)).toEqual(Array(net.actors().filter((a) => a.kind === 'joint_body').length).fill('joint_body'));
    // The words are the network's country's: parsed in the Swedish geography, Myndighet is an authority.
    expect(parseOptions(PlanOptionsSchema, { kind: 'Myndighet', reachKinds: ['Trossamfund', 'religious'] }, 'planLinks', { geography: swedenGeography() })).toMatchObject({ kind: 'authority', reachKinds: ['religious'] });
  });

  it('refuses a word of another country: a geography without Swedish words names the option and the known kinds', () => {
    const testland = countryGeography(loadCountry('test/fixtures/countries/testland', { name: 'Testland' }));
    const refusal = (options: object) => {
      try {
        parseOptions(PlanOptionsSchema, options, 'planLinks', { geography: testland });
      } catch (error) {
        return error as OptionsError;
      }
      throw new Error('not refused');
    };
    const error = refusal({ kind: 'Myndighet' });
    expect(error).toBeInstanceOf(OptionsError);
    expect(error.option).toBe('kind');
    expect(error.message).toMatch(/^planLinks: option kind: not a kind the Testland geography knows; known kinds: municipality, county, authority, religious, civil_society, joint_body, other\b/);
    expect(error.message).toContain('"Myndighet"');
    expect(refusal({ reachKinds: ['religious', 'Trossamfund'] }).option).toBe('reachKinds.1');
    // Its codes and English words are known there, and a kind of one's own is written in lower case.
    expect(parseOptions(PlanOptionsSchema, { kind: 'Faith community', reachKinds: ['youth club', 'authority'] }, 'planLinks', { geography: testland })).toMatchObject({ kind: 'religious', reachKinds: ['youth_club', 'authority'] });
    // On a network, the network's geography is the one: Sweden's words do not reach a Testland network.
    const net = loadNetwork({ links: 'source,target\nT1,T2\n', geography: testland });
    expect(() => planLinks(net, { kind: 'Myndighet' })).toThrow(/planLinks: option kind: not a kind the Testland geography knows/);
    expect(() => findGaps(net, { partnerKinds: ['Trossamfund'] })).toThrow(OptionsError);
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
