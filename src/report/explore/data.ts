/**
 * What the explorer page shows, computed in Node and embedded as JSON: the
 * municipalities (drawn by the page's SVG), the actors, the cooperation ties
 * between municipalities with each tie's parts (the links and shared-body
 * memberships behind it, with their dates and kinds, so the page can filter
 * by date and kind), the gaps and the suggested partners.
 */
import { geoPath, geoTransverseMercator, type GeoProjection } from 'd3-geo';
import { findGaps } from '../../analysis/gaps.js';
import { ArgumentError } from '../../model/errors.js';
import { indexGeography } from '../../model/geography.js';
import type { CooperationNetwork } from '../../model/network.js';
import { recommendAll } from '../../recommend/recommend.js';
import { DEFAULT_COUNTRY } from '../../countries/default.js';
import { defaultMapFeatures, type MapFeature } from '../map/features.js';
import { PathWriter } from '../map/path-writer.js';
import { asGeo, largestPolygon, middleLongitude, prepare } from '../map/prepare.js';
import type { ParsedExplorerOptions } from './options.js';

/** One part of a tie: a direct link (`b` absent) or a shared body's two memberships (`b` the body's actor index). */
export interface ExplorerTiePart {
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

export interface ExplorerTie {
  /** Municipality indices. */
  a: number;
  b: number;
  /** `d` direct links, `s` shared bodies. */
  t: 'd' | 's';
  parts: ExplorerTiePart[];
}

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
  ties: ExplorerTie[];
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
  actorKinds: string[];
  linkKinds: string[];
}

export interface ExplorerMap {
  width: number;
  height: number;
  /** Path data per drawn municipality, in `ExplorerData.municipalities` order of their `shape`. */
  shapes: { m: number; d: string }[];
  /** Label positions of the scope's municipalities (when at most 60). */
  labels: { m: number; x: number; y: number }[];
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const round1 = (n: number) => Math.round(n * 10) / 10;

/** A string field of a result row read by name, '' when absent (the analyses' columns are being renamed: read defensively). */
const text = (row: object, ...names: string[]): string => {
  for (const name of names) {
    const v = (row as Record<string, unknown>)[name];
    if (typeof v === 'string') return v;
  }
  return '';
};

/** The page's data and the projected map of a network. */
export function explorerData(net: CooperationNetwork, o: ParsedExplorerOptions, strings: Record<string, string>, lang: string): { data: ExplorerData; map: ExplorerMap } {
  const ix = indexGeography(net.geography);
  const scopeCodes = net.municipalities().map((m) => m.code);
  const inScope = new Set(scopeCodes);
  const projection = net.municipalityProjection();
  const ties = projection.ties.filter((t) => inScope.has(t.a) || inScope.has(t.b));

  // The municipalities on the page: the scope's, then (for part of the country) border neighbours and the far ends of ties, greyed.
  const codes = [...scopeCodes];
  if (!net.scope.national) {
    const extra = new Set<string>();
    for (const c of scopeCodes) for (const n of net.borderNeighbours(c)) if (!inScope.has(n)) extra.add(n);
    for (const t of ties) for (const c of [t.a, t.b]) if (!inScope.has(c)) extra.add(c);
    codes.push(...[...extra].filter((c) => ix.municipality.has(c)).sort(cmp));
  }
  const mIndex = new Map(codes.map((c, i) => [c, i]));

  // The map: fitted to the scope's polygons.
  const whole = prepare(o.features ?? defaultMapFeatures());
  const featureOf = new Map(whole.collection.features.map((f) => [f.properties.code, f]));
  const scopeFeatures = scopeCodes.flatMap((c) => featureOf.get(c) ?? []);
  if (scopeFeatures.length === 0) {
    throw new ArgumentError(`renderExplorer: the map polygons cover none of the municipalities of ${net.scope.description}; pass \`features\`: GeoJSON with a \`code\` property per municipality`);
  }
  const fitTo = { type: 'FeatureCollection' as const, features: scopeFeatures };
  const meridian = net.scope.national && !o.features && DEFAULT_COUNTRY.mapMeridian !== undefined ? DEFAULT_COUNTRY.mapMeridian : middleLongitude(fitTo);
  const pad = 16;
  const width = o.width;
  const base = geoTransverseMercator().rotate([-meridian, 0]).fitWidth(width - 2 * pad, asGeo(fitTo));
  const [[x0, y0], [x1, y1]] = geoPath(base).bounds(asGeo(fitTo));
  const height = Math.round(Math.min(2.2 * width, Math.max(0.5 * width, x1 > x0 ? ((y1 - y0) / (x1 - x0)) * (width - 2 * pad) + 2 * pad : width)));
  const fitted: GeoProjection = geoTransverseMercator()
    .rotate([-meridian, 0])
    .fitExtent(
      [
        [pad, pad],
        [width - pad, height - pad],
      ],
      asGeo(fitTo),
    );
  const path = (feature: MapFeature) => {
    const writer = new PathWriter();
    geoPath(fitted, writer)(asGeo(feature));
    return writer.result();
  };

  const shapes: ExplorerMap['shapes'] = [];
  const municipalities: ExplorerMunicipality[] = codes.map((code, i) => {
    const m = ix.municipality.get(code)!;
    const feature = featureOf.get(code);
    let point: [number, number] | null = null;
    let shape = -1;
    if (feature) {
      shape = shapes.length;
      shapes.push({ m: i, d: path(feature) });
      const c = geoPath(fitted).centroid(asGeo(largestPolygon(feature)));
      if (Number.isFinite(c[0]) && Number.isFinite(c[1])) point = c;
    }
    point ??= fitted([m.lon, m.lat]) ?? [0, 0];
    return { code, name: m.name, county: m.county, population: m.population, scope: inScope.has(code), shape, x: round1(point[0]), y: round1(point[1]) };
  });
  const labels = scopeCodes.length <= 60 ? municipalities.filter((m) => m.scope && m.shape >= 0).map((m) => ({ m: mIndex.get(m.code)!, x: m.x, y: m.y })) : [];

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

  // Ties and their parts.
  const outTies: ExplorerTie[] = [];
  const maxWeight = { d: 0, s: 0 };
  const dates = new Set<string>();
  const linkKinds = new Set<string>();
  const addDates = (s: string | undefined, u: string | undefined) => {
    if (s) dates.add(s);
    if (u) dates.add(u);
  };
  /** Parts alike in all but weight become one, their weights summed (many links of one kind between two places are one part). */
  const merge = (parts: ExplorerTiePart[]) => {
    const byKey = new Map<string, ExplorerTiePart>();
    for (const p of parts) {
      const key = JSON.stringify([p.k, p.a, p.s, p.u, p.b ?? -1]);
      const seen = byKey.get(key);
      if (seen) {
        seen.w += p.w;
        seen.n += p.n;
      }
      else byKey.set(key, p);
    }
    parts.splice(0, parts.length, ...byKey.values());
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
      merge(direct);
      outTies.push({ a, b, t: 'd', parts: direct });
      maxWeight.d = Math.max(maxWeight.d, direct.reduce((sum, p) => sum + p.w, 0));
    }
    if (shared.length > 0) {
      merge(shared);
      outTies.push({ a, b, t: 's', parts: shared });
      maxWeight.s = Math.max(maxWeight.s, new Set(shared.map((p) => p.b)).size);
    }
  }

  // Gaps and suggestions of the scope's municipalities (columns read: level, type, reason, municipalities; municipality, candidate, name, rank, reasons).
  const gapList: ExplorerGap[] = [];
  const gaps: Record<number, number[]> = {};
  for (const row of findGaps(net)) {
    const list = (row as { municipalities?: unknown }).municipalities;
    const at = new Set((Array.isArray(list) ? list : []).flatMap((code) => (typeof code === 'string' && mIndex.has(code) && municipalities[mIndex.get(code)!]!.scope ? [mIndex.get(code)!] : [])));
    if (at.size === 0) continue;
    const g = gapList.push({ level: text(row, 'level'), type: text(row, 'type'), reason: text(row, 'reason') }) - 1;
    for (const i of at) (gaps[i] ??= []).push(g);
  }
  const suggestions: Record<number, ExplorerSuggestion[]> = {};
  if (o.suggestions > 0 && net.links.length > 0) {
    for (const row of recommendAll(net, { only: 'all', limit: o.suggestions })) {
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
  }

  const countyCodes = new Set(municipalities.filter((m) => m.scope).map((m) => m.county));
  const counties = [...countyCodes].sort(cmp).map((code) => ({ code, name: ix.county.get(code)?.name ?? code }));
  const data: ExplorerData = {
    lang,
    strings,
    scope: net.scope.description,
    description: o.dataDescription ?? net.scope.description,
    counties,
    municipalities,
    actors,
    pairs,
    ties: outTies,
    maxWeight,
    gapList,
    gaps,
    suggestions,
    dates: [...dates].sort(cmp),
    actorKinds: [...new Set(actors.map((a) => a.kind))].sort(cmp),
    linkKinds: [...linkKinds].sort(cmp),
  };
  return { data, map: { width, height, shapes, labels } };
}
