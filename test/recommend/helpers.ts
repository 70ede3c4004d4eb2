import { CooperationNetwork } from '../../src/model/network.js';
import type { Geography, Municipality } from '../../src/model/schema.js';
import { EARTH_RADIUS_KM } from '../../src/geo/distance.js';

/** Degrees of longitude on the equator that make exactly 50 km (haversine: d = R·Δλ). */
export const STEP = ((50 / EARTH_RADIUS_KM) * 180) / Math.PI;

const m = (code: string, name: string, county: string, population: number, at: number, island = false): Municipality => ({
  code,
  name,
  county,
  population,
  populationYear: 2025,
  lat: 0,
  lon: at * STEP,
  island,
});

/**
 * Testland: five municipalities on the equator, 50 km apart, in three counties.
 *
 * ```text
 *  Alfa ── Beta ── Gamma ── Delta     Epsilon (island)
 *  0 km    50      100      150       200
 *  county 01 ─────────────  02        03
 * ```
 *
 * Borders Alfa–Beta, Beta–Gamma, Gamma–Delta. Populations: Alfa 5 000,
 * Beta 50 000, Gamma 20 000, Delta 500 000 (largest), Epsilon 1 000 (smallest).
 */
export const TESTLAND: Geography = {
  name: 'Testland',
  municipalities: [
    m('0101', 'Alfa', '01', 5_000, 0),
    m('0102', 'Beta', '01', 50_000, 1),
    m('0103', 'Gamma', '01', 20_000, 2),
    m('0201', 'Delta', '02', 500_000, 3),
    m('0301', 'Epsilon', '03', 1_000, 4, true),
  ],
  counties: [
    { code: '01', name: 'Första län' },
    { code: '02', name: 'Andra län' },
    { code: '03', name: 'Tredje län' },
  ],
  borders: [
    { a: '0101', b: '0102' },
    { a: '0102', b: '0103' },
    { a: '0103', b: '0201' },
  ],
};

/**
 * The Testland network:
 * - Alfa works with its civil-society group `cs-a` and the authority `auth`;
 * - Beta with its religious community `rel-b`, and directly with Gamma;
 * - Gamma and Delta work with `auth`, and share the joint body `body`.
 *
 * Municipality ties: Beta–Gamma (direct), Gamma–Delta (body).
 * Direct partners (not municipalities, not bodies): Alfa {cs-a, auth},
 * Beta {rel-b}, Gamma {auth}, Delta {auth}, Epsilon {}.
 * Cooperation graph degrees: Alfa 2, Beta 2 (Gamma, rel-b), Gamma 3 (Beta,
 * Delta, auth), Delta 2 (Gamma, auth), Epsilon 0; auth 3, cs-a 1, rel-b 1.
 */
export function testland(): CooperationNetwork {
  const link = (source: string, target: string) => ({ source, target, weight: 1 });
  return CooperationNetwork.create({
    geography: TESTLAND,
    actors: [
      { id: 'cs-a', name: 'Alfa Youth', kind: 'civil_society', municipality: '0101' },
      { id: 'rel-b', name: 'Beta Church', kind: 'religious', municipality: '0102' },
      { id: 'auth', name: 'Authority', kind: 'authority' },
      { id: 'body', name: 'Joint Rescue', kind: 'joint_body' },
    ],
    links: [
      link('0101', 'cs-a'),
      link('0101', 'auth'),
      link('0102', 'rel-b'),
      link('0102', '0103'),
      link('0103', 'auth'),
      link('0201', 'auth'),
      link('body', '0103'),
      link('body', '0201'),
    ],
  });
}
