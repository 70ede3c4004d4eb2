/**
 * What the explorer page shows, computed in Node and embedded as JSON: the
 * municipalities (drawn by the page's SVG), the actors, the cooperation ties
 * between municipalities with each tie's parts (the links and shared-body
 * memberships behind it, with their dates and kinds, so the page can filter
 * by date and kind), the gaps and the suggested partners.
 */
import { formatDate, type Lang } from '../../model/i18n/index.js';
import { findGaps } from '../../analysis/gaps.js';
import { indexGeography } from '../../model/geography.js';
import type { MunicipalityTie } from '../../model/network-projection.js';
import type { CooperationNetwork } from '../../model/network.js';
import { recommendAll } from '../../recommend/recommend.js';
import { projectMunicipalities } from './map.js';
import type { ParsedExplorerOptions } from './options.js';
import type { DrawnTie } from '../map/ties.js';
import { tiesOf } from './ties.js';
import { describeScope } from '../../model/scope.js';

/** A tie's parts and lines: the tie model shared with the county map (`../map/ties.ts`). */
export type { TiePart as ExplorerTiePart, DrawnTie as ExplorerTie } from '../map/ties.js';

export interface ExplorerMunicipality {
  code: string;
  name: string;
  county: string;
  population: number;
  /** In the scope of the data (drawn as an interactive shape); else a neighbour or a tie's far end, greyed. */
  scope: boolean;
  /** Index of its shape in the SVG (`-1` when the map has no polygon for it). */
  shape: number;
  /** Where its ties meet, in SVG coordinates. */
  x: number;
  y: number;
}

export interface ExplorerActor {
  id: string;
  name: string;
  kind: string;
  /** Municipality index, or -1. */
  m: number;
  /** County code, or ''. */
  c: string;
}

export interface ExplorerGap {
  level: string;
  type: string;
  reason: string;
}

export interface ExplorerSuggestion {
  /** Municipality index of the candidate, or -1 when it is not in the page. */
  m: number;
  name: string;
  rank: number;
  reasons: string[];
}

export interface ExplorerData {
  lang: string;
  strings: Record<string, string>;
  scope: string;
  description: string;
  counties: { code: string; name: string }[];
  municipalities: ExplorerMunicipality[];
  actors: ExplorerActor[];
  /** Linked actor pairs (actor indices), for an actor's partners. */
  pairs: [number, number][];
  ties: DrawnTie[];
  /** The largest tie strength of each type over all dates, for line widths. */
  maxWeight: { d: number; s: number };
  /** Every gap of the scope (`findGaps`), once. */
  gapList: ExplorerGap[];
  /** Indices into `gapList`, by municipality index. */
  gaps: Record<number, number[]>;
  /** Suggested partners by municipality index. */
  suggestions: Record<number, ExplorerSuggestion[]>;
  /** Every date a link starts or ends on, sorted. */
  dates: string[];
  /** The same dates as the page writes them, in its language (`27 september 2025`). */
  dateLabels: string[];
  actorKinds: string[];
  linkKinds: string[];
}

export interface ExplorerMap {
  width: number;
  height: number;
  /** Path data per drawn municipality, in `ExplorerData.municipalities` order of their `shape`. */
  shapes: { m: number; d: string }[];
  /** Label positions of the scope's municipalities. */
  labels: { m: number; x: number; y: number }[];
  /** More than `LABELS_AT_ONCE` (60) municipalities in scope: the names are shown a county at a time, when the map is zoomed to it. */
  dense: boolean;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A string field of a result row read by name, '' when absent (the analyses' columns are being renamed: read defensively). */
const text = (row: object, ...names: string[]): string => {
  for (const name of names) {
    const v = (row as Record<string, unknown>)[name];
    if (typeof v === 'string') return v;
  }
  return '';
};

/** The municipalities on the page: the scope's, then (for part of the country) border neighbours and the far ends of ties, greyed. */
function pageCodes(net: CooperationNetwork, ties: readonly MunicipalityTie[], inScope: ReadonlySet<string>): string[] {
  const codes = [...inScope];
  if (net.scope.national) return codes;
  const ix = indexGeography(net.geography);
  const extra = new Set<string>();
  for (const c of codes) for (const n of net.borderNeighbours(c)) if (!inScope.has(n)) extra.add(n);
  for (const t of ties) for (const c of [t.a, t.b]) if (!inScope.has(c)) extra.add(c);
  return [...codes, ...[...extra].filter((c) => ix.municipality.has(c)).sort(cmp)];
}

/** The scope's gaps (`findGaps`), once each, and their indices by municipality index. Columns read: `level`, `type`, `reason`, `municipalities`. */
function gapsOf(net: CooperationNetwork, municipalities: readonly ExplorerMunicipality[], mIndex: ReadonlyMap<string, number>, lang: Lang): Pick<ExplorerData, 'gapList' | 'gaps'> {
  const gapList: ExplorerGap[] = [];
  const gaps: Record<number, number[]> = {};
  for (const row of findGaps(net, { lang })) {
    const list = (row as { municipalities?: unknown }).municipalities;
    const at = new Set<number>();
    for (const code of Array.isArray(list) ? list : []) {
      const i = typeof code === 'string' ? mIndex.get(code) : undefined;
      if (i !== undefined && municipalities[i]!.scope) at.add(i);
    }
    if (at.size === 0) continue;
    const g = gapList.push({ level: text(row, 'level'), type: text(row, 'type'), reason: text(row, 'reason') }) - 1;
    for (const i of at) (gaps[i] ??= []).push(g);
  }
  return { gapList, gaps };
}

/** The best `limit` suggested partners of each municipality of the scope (`recommendAll`). Columns read: `municipality`, `candidate`, `name`, `rank`, `reasons`. */
function suggestionsOf(net: CooperationNetwork, limit: number, mIndex: ReadonlyMap<string, number>, lang: Lang): Record<number, ExplorerSuggestion[]> {
  const suggestions: Record<number, ExplorerSuggestion[]> = {};
  if (limit === 0 || net.links.length === 0) return suggestions;
  const ix = indexGeography(net.geography);
  for (const row of recommendAll(net, { only: 'all', limit, lang })) {
    const i = mIndex.get(text(row, 'municipality', 'code'));
    if (i === undefined) continue;
    const candidate = text(row, 'candidate');
    const reasons = (row as { reasons?: unknown }).reasons;
    (suggestions[i] ??= []).push({
      m: mIndex.get(candidate) ?? -1,
      name: text(row, 'name') || (ix.municipality.get(candidate)?.name ?? candidate),
      rank: Number((row as { rank?: unknown }).rank) || 0,
      reasons: Array.isArray(reasons) ? reasons.filter((r): r is string => typeof r === 'string') : [],
    });
  }
  return suggestions;
}

/** The page's data and the projected map of a network. */
export function explorerData(net: CooperationNetwork, o: ParsedExplorerOptions, strings: Record<string, string>, lang: Lang): { data: ExplorerData; map: ExplorerMap } {
  const ix = indexGeography(net.geography);
  const inScope = new Set(net.municipalities().map((m) => m.code));
  const ties = net.municipalityProjection().ties.filter((t) => inScope.has(t.a) || inScope.has(t.b));
  const codes = pageCodes(net, ties, inScope);
  const mIndex = new Map(codes.map((c, i) => [c, i]));
  const { municipalities, map } = projectMunicipalities(net, codes, inScope, o);

  // Actors: every actor, municipalities included (an actor's partners may be municipalities).
  const all = net.actors();
  const aIndex = new Map(all.map((a, i) => [a.id, i]));
  const actors: ExplorerActor[] = all.map((a) => ({
    id: a.id,
    name: a.kind === 'municipality' ? (ix.municipality.get(a.id)?.name ?? a.name) : a.name,
    kind: a.kind,
    m: a.municipality === undefined ? -1 : (mIndex.get(a.municipality) ?? -1),
    c: a.county ?? '',
  }));
  const pairs: [number, number][] = [];
  net.forEachPair((s, t) => pairs.push([aIndex.get(s.id)!, aIndex.get(t.id)!]));
  const drawn = tiesOf(net, ties, mIndex, aIndex);

  const countyCodes = new Set(municipalities.filter((m) => m.scope).map((m) => m.county));
  const data: ExplorerData = {
    lang,
    strings,
    scope: describeScope(net.scope, net.geography, lang),
    description: o.dataDescription ?? describeScope(net.scope, net.geography, lang),
    counties: [...countyCodes].sort(cmp).map((code) => ({ code, name: ix.county.get(code)?.name ?? code })),
    municipalities,
    actors,
    pairs,
    ties: drawn.ties,
    maxWeight: drawn.maxWeight,
    ...gapsOf(net, municipalities, mIndex, lang as Lang),
    suggestions: suggestionsOf(net, o.suggestions, mIndex, lang as Lang),
    dates: drawn.dates,
    dateLabels: drawn.dates.map((d) => formatDate(lang as Lang, d)),
    actorKinds: [...new Set(actors.map((a) => a.kind))].sort(cmp),
    linkKinds: drawn.linkKinds,
  };
  return { data, map };
}
