import { formatCount as fmt, kindWords } from '../../model/words.js';
import { isolated, type GapContext, type GapFinding } from './context.js';

/** `isolated_municipality`: a municipality with no link at all (4 when small, else 3). */
export function isolatedMunicipality({ net, coverage, options, small }: GapContext): GapFinding[] {
  return coverage.filter(isolated).map((r) => {
    const local = net.actorsInMunicipality(r.municipality).length;
    return {
      severity: small(r.population) ? 4 : 3,
      type: 'isolated_municipality',
      county: r.county,
      subject: r.municipality,
      name: r.name,
      reason: `${r.name} (${fmt(r.population)} inhabitants) has no cooperation link at all: no other municipality${options.partnerKinds.map((k) => `, no ${kindWords(k)}`).join('')}${local > 0 ? `, although ${local} local actor${local === 1 ? ' is' : 's are'} registered there` : ''}.`,
      municipalities: [r.municipality],
      order: r.population,
    };
  });
}
