import { cmp } from '../../model/geography.js';
import { nodeKey } from '../../model/keys.js';
import { formatCount as fmt } from '../../model/words.js';
import type { GapContext, GapFinding } from './context.js';

/** `uncooperative_border_pair`: two bordering municipalities, both in the scope, that do not cooperate; the smaller one first (2 when it is small, else 1). */
export function uncooperativeBorderPair({ net, byCode, projection, small, countyName }: GapContext): GapFinding[] {
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
      reason: `${p.name} (${fmt(p.population)} inhabitants) and ${q.name} share a border but do not cooperate${p.county !== q.county ? ` (across the border between ${countyName(p.county)} and ${countyName(q.county)})` : ''}.`,
      municipalities: [p.municipality, q.municipality],
      order: p.population,
    });
  }
  return out;
}
