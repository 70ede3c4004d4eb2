import { KNOWN_ACTOR_KINDS } from '../../model/schema.js';
import { kindWords } from '../../model/words.js';
import { camelKind } from '../view.js';
import { isolated, type GapContext, type GapFinding } from './context.js';

const KNOWN_KINDS: ReadonlySet<string> = new Set(KNOWN_ACTOR_KINDS);

/** `missing_partner_kind`: a municipality that is not isolated but works with no actor of a partner kind (2). */
export function missingPartnerKind({ net, coverage, options }: GapContext): GapFinding[] {
  const out: GapFinding[] = [];
  for (const r of coverage) {
    if (isolated(r)) continue;
    // Partners of kinds outside the vocabulary are not counted as any partner kind: say so, rather than "no partner".
    const uncounted = new Map<string, number>();
    net.forEachPartner(r.municipality, (partner) => {
      if (!KNOWN_KINDS.has(partner.kind)) uncounted.set(partner.kind, (uncounted.get(partner.kind) ?? 0) + 1);
    });
    const unknownNote =
      uncounted.size === 0
        ? ''
        : `; it does work with ${[...uncounted].map(([k, n]) => `${n} ${n === 1 ? 'actor' : 'actors'} of the kind "${k}"`).join(' and ')}, which samverkan does not count as any of these kinds (map the kind with a kinds file)`;
    for (const kind of options.partnerKinds) {
      if (r[`${camelKind(kind)}Partners`]! > 0) continue;
      const present = net.actorsInMunicipality(r.municipality).filter((a) => a.kind === kind).length;
      out.push({
        severity: 2,
        type: 'missing_partner_kind',
        kind,
        county: r.county,
        subject: r.municipality,
        name: r.name,
        reason: `${r.name} works with no ${kindWords(kind)}${present > 0 ? `, although ${present} ${kindWords(kind, present)} ${present === 1 ? 'is' : 'are'} registered in the municipality` : ''}${unknownNote}.`,
        municipalities: [r.municipality],
        order: r.population,
      });
    }
  }
  return out;
}
