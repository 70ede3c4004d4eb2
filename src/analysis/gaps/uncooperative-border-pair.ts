import { cmp } from '../../model/geography.js';
import { nodeKey } from '../../model/keys.js';
import { message } from '../../model/i18n/index.js';
import type { GapContext, GapFinding } from './context.js';

/** `uncooperative_border_pair`: two bordering municipalities, both in the scope, that do not cooperate; the smaller one first (2 when it is small, else 1). */
export function uncooperativeBorderPair({ net, byCode, projection, small, countyName, lang }: GapContext): GapFinding[] {
  const out: GapFinding[] = [];
  for (const { a, b } of net.geography.borders) {
    // Both in the scope: the data says nothing of a municipality outside it.
    const [ra, rb] = [byCode.get(a), byCode.get(b)];
    if (!ra || !rb) continue;
    if (projection.graph.hasEdge(nodeKey(a), nodeKey(b))) continue;
    const [p, q] = [ra, rb].sort((x, y) => x.population - y.population || cmp(x.municipality, y.municipality)) as [typeof ra, typeof rb];
    out.push({
      severity: small(p.population) ? 2 : 1,
      type: 'uncooperative_border_pair',
      county: p.county,
      subject: `${p.municipality}–${q.municipality}`,
      name: `${p.name} – ${q.name}`,
      reason: message(lang, 'gaps.borderPair', {
        name: p.name,
        population: p.population,
        other: q.name,
        across: p.county !== q.county ? message(lang, 'gaps.borderPair.across', { county: countyName(p.county), otherCounty: countyName(q.county) }) : '',
      }),
      municipalities: [p.municipality, q.municipality],
      order: p.population,
    });
  }
  return out;
}
