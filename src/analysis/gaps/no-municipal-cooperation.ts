import { formatCount as fmt, kindWords } from '../../model/words.js';
import { isolated, type GapContext, type GapFinding } from './context.js';

/** `no_municipal_cooperation`: links, but no tie to another municipality (3 when small, else 2). */
export function noMunicipalCooperation({ coverage, small }: GapContext): GapFinding[] {
  return coverage
    .filter((r) => !isolated(r) && r.municipalityTies === 0)
    .map((r) => ({
      severity: small(r.population) ? 3 : 2,
      type: 'no_municipal_cooperation',
      county: r.county,
      subject: r.municipality,
      name: r.name,
      reason: `${r.name} (${fmt(r.population)} inhabitants) cooperates with no other municipality, neither directly nor through a shared body${r.borderNeighbours > 0 ? `; it borders ${r.borderNeighbours} ${kindWords('municipality', r.borderNeighbours)}` : ''}.`,
      municipalities: [r.municipality],
      order: r.population,
    }));
}
