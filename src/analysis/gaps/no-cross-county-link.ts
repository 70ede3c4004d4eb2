import { coverageByCounty } from '../coverage.js';
import type { GapContext, GapFinding } from './context.js';

/** `no_cross_county_link`: no actor or municipality of the county cooperates with one of another county (2). */
export function noCrossCountyLink({ net, options: o }: GapContext): GapFinding[] {
  return coverageByCounty(net, { partnerKinds: o.partnerKinds, via: o.via, total: false, samples: o.samples, workers: o.workers })
    .filter((row) => row.crossCountyLinks === 0 && row.crossCountyTies === 0)
    .map((row) => ({
      severity: 2,
      type: 'no_cross_county_link',
      county: row.county,
      subject: row.county,
      name: row.name,
      reason: `No actor or municipality in ${row.name} cooperates with one in another county.`,
      municipalities: net.municipalitiesOfCounty(row.county).map((m) => m.code),
      order: row.population,
    }));
}
