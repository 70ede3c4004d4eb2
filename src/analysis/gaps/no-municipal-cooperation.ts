import { message, messageCount } from '../../model/i18n/index.js';
import { isolated, type GapContext, type GapFinding } from './context.js';

/** `no_municipal_cooperation`: links, but no tie to another municipality (3 when small, else 2). */
export function noMunicipalCooperation({ coverage, small, lang }: GapContext): GapFinding[] {
  return coverage
    .filter((r) => !isolated(r) && r.municipalityTies === 0)
    .map((r) => ({
      severity: small(r.population) ? 3 : 2,
      type: 'no_municipal_cooperation',
      county: r.county,
      subject: r.municipality,
      name: r.name,
      reason: message(lang, 'gaps.noMunicipal', { name: r.name, population: r.population, borders: r.borderNeighbours > 0 ? messageCount(lang, 'gaps.noMunicipal.borders', r.borderNeighbours) : '' }),
      municipalities: [r.municipality],
      order: r.population,
    }));
}
