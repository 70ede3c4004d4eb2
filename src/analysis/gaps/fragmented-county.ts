import { message } from '../../model/i18n/index.js';
import { joinNames } from '../../model/words.js';
import { nodeKey } from '../../model/keys.js';
import { connectedComponents } from '../../metrics/components.js';
import { toCsr } from '../../metrics/csr.js';
import type { GapContext, GapFinding } from './context.js';

/**
 * `fragmented_county`: the county's cooperating municipalities, grouped by
 * ties within the county, form two or more groups (3). A municipality whose
 * only ties cross the county border is a group of its own: it is cut off
 * from the county's own network.
 */
export function fragmentedCounty({ net, byCode, projection, lang }: GapContext): GapFinding[] {
  const out: GapFinding[] = [];
  for (const county of net.counties()) {
    const members = net.municipalitiesOfCounty(county.code).filter((m) => (byCode.get(m.code)?.municipalityTies ?? 0) > 0);
    const within = toCsr(projection.graph, { nodes: members.map((m) => nodeKey(m.code)) });
    const groups = connectedComponents(within).components.filter((c) => c.length > 0);
    if (groups.length < 2) continue;
    const names = groups.map((g) => g.map((i) => members[i]!.name));
    out.push({
      severity: 3,
      type: 'fragmented_county',
      county: county.code,
      subject: county.code,
      name: county.name,
      reason: message(lang, 'gaps.fragmented', { county: county.name, count: groups.length, groups: names.map((n) => joinNames(n, lang)).join('; ') }),
      municipalities: members.map((m) => m.code),
      order: -groups.length,
    });
  }
  return out;
}
