import { message } from '../../model/i18n/index.js';
import { coverageByCounty } from '../coverage.js';
import type { GapContext, GapFinding } from './context.js';

/** `no_cross_county_link`: no actor or municipality of the county cooperates with one of another county (2). */
export function noCrossCountyLink({ net, options: o, lang }: GapContext): GapFinding[] {
  return coverageByCounty(net, { partnerKinds: o.partnerKinds, via: o.via, total: false, samples: o.samples, workers: o.workers })
    .filter((row) => row.crossCountyLinks === 0 && row.crossCountyTies === 0)
    .map((row) => ({
      severity: 2,
      type: 'no_cross_county_link',
      county: row.county,
      subject: row.county,
      name: row.name,
      reason: message(lang, 'gaps.noCrossCounty', { county: row.name }),
      municipalities: net.municipalitiesOfCounty(row.county).map((m) => m.code),
      order: row.population,
    }));
}
