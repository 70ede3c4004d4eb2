import { KNOWN_ACTOR_KINDS } from '../../model/schema.js';
import { formatList, message, messageCount } from '../../model/i18n/index.js';
import { kindWords } from '../../model/words.js';
import { camelKind } from '../view.js';
import { isolated, type GapContext, type GapFinding } from './context.js';

const KNOWN_KINDS: ReadonlySet<string> = new Set(KNOWN_ACTOR_KINDS);

/** `missing_partner_kind`: a municipality that is not isolated but works with no actor of a partner kind (2). */
export function missingPartnerKind({ net, coverage, options, lang }: GapContext): GapFinding[] {
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
        : message(lang, 'gaps.missingKind.unknown', { actors: formatList(lang, [...uncounted].map(([k, n]) => messageCount(lang, 'gaps.missingKind.unknownActors', n, { kind: k }))) });
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
        reason: message(lang, 'gaps.missingKind', {
          name: r.name,
          kind: kindWords(kind, 'negated', lang),
          present: present > 0 ? messageCount(lang, 'gaps.missingKind.present', present, { kind: kindWords(kind, present, lang) }) : '',
          unknown: unknownNote,
        }),
        municipalities: [r.municipality],
        order: r.population,
      });
    }
  }
  return out;
}
