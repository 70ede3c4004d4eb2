import { readFileSync } from 'node:fs';
import { csvParse } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import { loadNetwork } from '../../src/io/load-network.js';
import { demoDataset, swedenCooperationBodies } from '../../src/io/sweden.js';
import { nodeKey } from '../../src/model/keys.js';
import { joinNames } from '../../src/model/words.js';
import type { CooperationNetwork } from '../../src/model/network.js';
import { planLinks } from '../../src/recommend/plan.js';
import { recommendAll, recommendPartners, smallMunicipalities } from '../../src/recommend/recommend.js';

const demo = loadNetwork(demoDataset());

describe('small municipalities of Sweden', () => {
  it('132 of 290 have fewer than 15 000 inhabitants (counted from the CSV)', () => {
    const lines = readFileSync('data/sweden/municipalities.csv', 'utf8').trim().split('\n');
    const header = lines[0]!.split(',');
    const [code, population] = [header.indexOf('code'), header.indexOf('population')];
    const small = lines
      .slice(1)
      .map((l) => l.split(','))
      .filter((f) => Number(f[population]) < 15_000)
      .map((f) => f[code]!)
      .sort();
    expect(lines.length - 1).toBe(290);
    expect(small).toHaveLength(132);
    const rows = smallMunicipalities(demo);
    expect(rows).toHaveLength(132);
    expect(rows.map((r) => r.municipality)).toEqual(small);
    expect(rows.every((r) => r.population < 15_000)).toBe(true);
    expect(smallMunicipalities(demo, { county: 'Västerbotten' }).every((r) => r.county === '24')).toBe(true);
  });
});

describe('recommendations on the demo', () => {
  it('islands get candidates (Gotland, Tjörn, Öckerö, Ekerö)', () => {
    for (const island of ['Gotland', 'Tjörn', 'Öckerö', 'Ekerö']) {
      const rows = recommendPartners(demo, island, { scorer: 'weighted' });
      expect(rows.length, island).toBeGreaterThanOrEqual(3);
      expect(rows.every((r) => r.borderSteps === null)).toBe(true);
      // The learned model ranks every municipality not yet tied to the island.
      expect(recommendPartners(demo, island).length, island).toBe(10);
    }
    // Gotland has no municipality within 60 km: its three nearest, across the sea.
    const gotland = recommendPartners(demo, 'Gotland', { scorer: 'weighted' });
    expect(gotland).toHaveLength(3);
    expect(gotland.every((r) => r.distanceKm > 60)).toBe(true);
    for (const r of recommendPartners(demo, 'Gotland', { scorer: 'weighted', maxReasons: 6, lang: 'en' })) {
      expect(r.reasons).toContain(`${Math.round(r.distanceKm)} km away, not reachable over land borders`);
    }
    // Swedish by default on the Swedish geography.
    for (const r of recommendPartners(demo, 'Gotland', { scorer: 'weighted', maxReasons: 6 })) {
      expect(r.reasons).toContain(`${Math.round(r.distanceKm)} km bort, går inte att nå över gränser på land`);
    }
  });

  it('deterministic: two runs on two loads give identical JSON', () => {
    const again = loadNetwork(demoDataset());
    expect(JSON.stringify(recommendAll(again))).toBe(JSON.stringify(recommendAll(demo)));
    expect(JSON.stringify(planLinks(again, { budget: 4, objective: 'county-connectivity' }))).toBe(
      JSON.stringify(planLinks(demo, { budget: 4, objective: 'county-connectivity' })),
    );
  });

  it('ranks run 1.. per municipality, sorted by score, no existing partner', () => {
    const rows = recommendAll(demo, { limit: 5 });
    const projection = demo.municipalityProjection();
    let previous: (typeof rows)[number] | undefined;
    for (const r of rows) {
      if (previous && previous.municipality === r.municipality) {
        expect(r.rank).toBe(previous.rank + 1);
        expect(r.score).toBeLessThanOrEqual(previous.score);
      } else expect(r.rank).toBe(1);
      expect(projection.graph.hasEdge(nodeKey(r.municipality), nodeKey(r.candidate))).toBe(false);
      expect(r.score).toBeGreaterThanOrEqual(0);
      expect(r.score).toBeLessThanOrEqual(1);
      previous = r;
    }
  });

  it.each([
    { lang: 'en' as const, sharedRe: /already works with (\d+) of your partners/, kindsRe: /cooperates with (\d+) religious communit/, kmRe: /^(\d+) km away/ },
    { lang: 'sv' as const, sharedRe: /samverkar redan med (\d+) av era samverkanspartner/, kindsRe: /samverkar med (\d+) religiös(?:t|a) samfund/, kmRe: /^(\d+) km bort/ },
  ])('reasons state the right numbers (checked against the network directly), $lang', ({ lang, sharedRe, kindsRe, kmRe }) => {
    const partnersOf = (net: CooperationNetwork, code: string) => {
      const out = new Set<string>();
      net.graph.forEachNeighbor(nodeKey(code), (_k, a) => {
        if (a.kind !== 'municipality' && a.kind !== 'joint_body') out.add(a.id);
      });
      return out;
    };
    const tiedTo = (code: string) => new Set(demo.municipalityProjection().graph.neighbors(nodeKey(code)));
    let checkedShared = 0;
    let checkedKinds = 0;
    let checkedKm = 0;
    for (const r of recommendAll(demo, { scorer: 'weighted', maxReasons: 6, lang })) {
      for (const reason of r.reasons) {
        const shared = sharedRe.exec(reason);
        if (shared) {
          const a = partnersOf(demo, r.municipality);
          const municipal = [...tiedTo(r.municipality)].filter((k) => tiedTo(r.candidate).has(k)).length;
          const actors = [...partnersOf(demo, r.candidate)].filter((id) => a.has(id)).length;
          expect(Number(shared[1])).toBe(municipal + actors);
          checkedShared++;
        }
        const kinds = kindsRe.exec(reason);
        if (kinds) {
          const religious = [...partnersOf(demo, r.candidate)].filter((id) => demo.actor(id)!.kind === 'religious').length;
          expect(Number(kinds[1])).toBe(religious);
          expect([...partnersOf(demo, r.municipality)].some((id) => demo.actor(id)!.kind === 'religious')).toBe(false);
          checkedKinds++;
        }
        const km = kmRe.exec(reason);
        if (km) {
          expect(Number(km[1])).toBe(Math.round(r.distanceKm));
          checkedKm++;
        }
      }
    }
    expect(checkedKm).toBeGreaterThan(50);
    expect(checkedShared).toBeGreaterThan(50);
    expect(checkedKinds).toBeGreaterThan(0);
  });

  it('on the real bodies, Tjörn is pointed to its fellow members when flagged, with the bodies named', () => {
    const bodies = loadNetwork(swedenCooperationBodies());
    // Tjörn's partners, read from the CSV: co-members of every body that is neither a proposal nor county-wide.
    const table = (file: string) => csvParse(readFileSync(`data/sweden/${file}`, 'utf8'));
    const chosen = new Set(table('cooperation_bodies.csv').filter((b) => b.status !== 'proposal' && b.county_wide !== 'true').map((b) => b.body_id));
    const memberships = table('cooperations.csv').filter((m) => chosen.has(m.body_id));
    const tjorn = new Set(memberships.filter((m) => m.municipality_code === '1419').map((m) => m.body_id));
    const partners = [...new Set(memberships.filter((m) => tjorn.has(m.body_id) && m.municipality_code !== '1419').map((m) => m.municipality_name))].sort();
    for (const scorer of ['model', 'weighted'] as const) {
      const rows = recommendPartners(bodies, 'Tjörn', { scorer, existing: 'flag', limit: 290 });
      expect(rows.filter((r) => r.existing).map((r) => r.name).sort(), scorer).toEqual(scorer === 'model' ? partners : expect.arrayContaining(partners));
    }
    const stenungsund = recommendPartners(bodies, 'Tjörn', { existing: 'flag', limit: 290, lang: 'en' }).find((r) => r.name === 'Stenungsund')!;
    const shared = memberships.filter((m) => tjorn.has(m.body_id) && m.municipality_code === '1415').map((m) => m.body_name!);
    expect(shared.length).toBeGreaterThanOrEqual(2);
    expect(stenungsund.reasons[0]).toBe(`You already cooperate (shared bodies ${joinNames(shared.sort())}): a tie to strengthen`);
    const sv = recommendPartners(bodies, 'Tjörn', { existing: 'flag', limit: 290 }).find((r) => r.name === 'Stenungsund')!;
    expect(sv.reasons[0]).toBe(`Ni samverkar redan (de gemensamma organen ${joinNames(shared.sort(), 'sv')}): ett samarbete att stärka`);
  });
});
