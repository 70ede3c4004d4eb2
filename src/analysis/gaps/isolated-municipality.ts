import { message, messageCount } from '../../model/i18n/index.js';
import { kindWords } from '../../model/words.js';
import { isolated, type GapContext, type GapFinding } from './context.js';

/** `isolated_municipality`: a municipality with no link at all (4 when small, else 3). */
export function isolatedMunicipality({ net, coverage, options, small, lang }: GapContext): GapFinding[] {
  return coverage.filter(isolated).map((r) => {
    const local = net.actorsInMunicipality(r.municipality).length;
    const missing = [message(lang, 'gaps.isolated.otherMunicipality'), ...options.partnerKinds.map((k) => kindWords(k, 'none', lang))].join(', ');
    return {
      severity: small(r.population) ? 4 : 3,
      type: 'isolated_municipality',
      county: r.county,
      subject: r.municipality,
      name: r.name,
      reason: message(lang, 'gaps.isolated', { name: r.name, population: r.population, missing, local: local > 0 ? messageCount(lang, 'gaps.isolated.local', local) : '' }),
      municipalities: [r.municipality],
      order: r.population,
    };
  });
}
