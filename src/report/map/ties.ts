/**
 * The ties a map draws, shared by the explorer and the county map: each
 * municipality tie of the projection as drawn lines (direct links, shared
 * bodies), with the parts behind them.
 */
import type { MunicipalityTie } from '../../model/network-projection.js';
import type { CooperationNetwork } from '../../model/network.js';

/** One part of a tie: a direct link (`b` absent) or a shared body's two memberships (`b` the body's actor index). */
export interface TiePart {
  /** Link kinds involved ('' for a link without a kind). */
  k: string[];
  /** Actor kinds involved. */
  a: string[];
  /** Active from (ISO date), or null. */
  s: string | null;
  /** Active until (ISO date, inclusive), or null. */
  u: string | null;
  /** Strength: the links' summed weight (direct) or 1 (a shared body). */
  w: number;
  /** Number of links (direct) or of pairs of memberships (shared) the part stands for. */
  n: number;
  /** Actor index of the shared body. */
  b?: number;
}

/** A drawn line between two municipalities: their direct links (`t: 'd'`) or their shared bodies (`t: 's'`). */
export interface DrawnTie {
  /** Municipality indices. */
  a: number;
  b: number;
  /** `d` direct links, `s` shared bodies. */
  t: 'd' | 's';
  parts: TiePart[];
}

/** The lines of {@link tiesOf}, with what a legend or a filter needs. */
export interface DrawnTies {
  ties: DrawnTie[];
  /** The largest tie strength of each type over all dates, for line widths. */
  maxWeight: { d: number; s: number };
  /** Every date a part starts or ends on, sorted. */
  dates: string[];
  /** The link kinds, sorted. */
  linkKinds: string[];
}

/** A line's strength: the summed weight of its direct links, or the number of distinct shared bodies. */
export function tieStrength(tie: DrawnTie): number {
  return tie.t === 'd' ? tie.parts.reduce((sum, p) => sum + p.w, 0) : new Set(tie.parts.map((p) => p.b)).size;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Parts alike in all but weight become one, their weights and counts summed (many links of one kind between two places are one part). */
function merge(parts: TiePart[]): TiePart[] {
  const byKey = new Map<string, TiePart>();
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
export function tiesOf(net: CooperationNetwork, ties: readonly MunicipalityTie[], mIndex: ReadonlyMap<string, number>, aIndex: ReadonlyMap<string, number>): DrawnTies {
  const outTies: DrawnTie[] = [];
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
    const direct: TiePart[] = [];
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
    const shared: TiePart[] = [];
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
    for (const [t, parts] of [['d', direct], ['s', shared]] as const) {
      if (parts.length === 0) continue;
      const tie: DrawnTie = { a, b, t, parts: merge(parts) };
      outTies.push(tie);
      maxWeight[t] = Math.max(maxWeight[t], tieStrength(tie));
    }
  }

  return { ties: outTies, maxWeight, dates: [...dates].sort(cmp), linkKinds: [...linkKinds].sort(cmp) };
}
