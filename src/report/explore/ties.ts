/** The explorer's ties: each municipality tie of the projection as drawn lines (direct, shared), with the parts behind them. */
import type { MunicipalityTie } from '../../model/network-projection.js';
import type { CooperationNetwork } from '../../model/network.js';
import type { ExplorerData, ExplorerTie, ExplorerTiePart } from './data.js';

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Parts alike in all but weight become one, their weights and counts summed (many links of one kind between two places are one part). */
function merge(parts: ExplorerTiePart[]): ExplorerTiePart[] {
  const byKey = new Map<string, ExplorerTiePart>();
  for (const p of parts) {
    const key = JSON.stringify([p.k, p.a, p.s, p.u, p.b ?? -1]);
    const seen = byKey.get(key);
    if (seen) {
      seen.w += p.w;
      seen.n += p.n;
    } else byKey.set(key, p);
  }
  return [...byKey.values()];
}

/**
 * The lines to draw for the projection's ties (one for the direct links of
 * a pair, one for its shared bodies), each with its parts: a direct link,
 * or a shared body's two memberships (active while both are), so the page
 * can filter by date, link kind and actor kind. Also every date a part
 * starts or ends on, the link kinds, and the largest strength of each type.
 */
export function tiesOf(net: CooperationNetwork, ties: readonly MunicipalityTie[], mIndex: ReadonlyMap<string, number>, aIndex: ReadonlyMap<string, number>): Pick<ExplorerData, 'ties' | 'maxWeight' | 'dates' | 'linkKinds'> {
  const outTies: ExplorerTie[] = [];
  const maxWeight = { d: 0, s: 0 };
  const dates = new Set<string>();
  const linkKinds = new Set<string>();
  const addDates = (s: string | undefined, u: string | undefined) => {
    if (s) dates.add(s);
    if (u) dates.add(u);
  };
  for (const t of ties) {
    const a = mIndex.get(t.a);
    const b = mIndex.get(t.b);
    if (a === undefined || b === undefined) continue;
    const direct: ExplorerTiePart[] = [];
    if (t.direct > 0) {
      for (const li of t.links) {
        const link = net.links[li]!;
        if (!link.crossMunicipal) continue;
        const s = net.actor(link.source)!;
        const e = net.actor(link.target)!;
        const ends = [s.municipality!, e.municipality!].sort(cmp);
        if (ends[0] !== t.a || ends[1] !== t.b) continue;
        linkKinds.add(link.kind ?? '');
        addDates(link.since, link.until);
        direct.push({ k: [link.kind ?? ''], a: [...new Set([s.kind, e.kind])].sort(cmp), s: link.since ?? null, u: link.until ?? null, w: link.weight, n: 1 });
      }
    }
    const shared: ExplorerTiePart[] = [];
    for (const body of t.bodies) {
      const bodyActor = net.actor(body)!;
      for (const la of net.linksBetween(t.a, body)) {
        for (const lb of net.linksBetween(t.b, body)) {
          const s = [la.since, lb.since].filter((d): d is string => d !== undefined).sort(cmp).pop();
          const u = [la.until, lb.until].filter((d): d is string => d !== undefined).sort(cmp)[0];
          if (s !== undefined && u !== undefined && u < s) continue;
          linkKinds.add(la.kind ?? '');
          linkKinds.add(lb.kind ?? '');
          addDates(s, u);
          shared.push({ k: [...new Set([la.kind ?? '', lb.kind ?? ''])].sort(cmp), a: [...new Set(['municipality', bodyActor.kind])].sort(cmp), s: s ?? null, u: u ?? null, w: 1, n: 1, b: aIndex.get(body)! });
        }
      }
    }
    if (direct.length > 0) {
      outTies.push({ a, b, t: 'd', parts: merge(direct) });
      maxWeight.d = Math.max(maxWeight.d, direct.reduce((sum, p) => sum + p.w, 0));
    }
    if (shared.length > 0) {
      outTies.push({ a, b, t: 's', parts: merge(shared) });
      maxWeight.s = Math.max(maxWeight.s, new Set(shared.map((p) => p.b)).size);
    }
  }

  return { ties: outTies, maxWeight, dates: [...dates].sort(cmp), linkKinds: [...linkKinds].sort(cmp) };
}
