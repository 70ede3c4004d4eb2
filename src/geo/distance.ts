import { cmp, indexGeography } from '../model/geography.js';
import { csrFromLists, type Csr } from '../model/csr.js';
import type { Geography } from '../model/schema.js';
import { cached } from '../model/cache.js';
import { ArgumentError } from '../model/errors.js';
import { said } from '../model/options.js';

/** Mean Earth radius in km (IUGG), as used by the haversine formula below. */
export const EARTH_RADIUS_KM = 6371.0088;

/**
 * Great-circle distance in kilometres between two points given in WGS84
 * degrees, by the haversine formula on a sphere of radius
 * {@link EARTH_RADIUS_KM} (error under 0.5% against the ellipsoid).
 *
 * @example
 * haversineKm(63.8258, 20.263, 63.7, 20.35); // ≈ 14.6
 */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Centroid-to-centroid distance in km between two municipalities (by code). */
export function municipalityDistanceKm(geography: Geography, a: string, b: string): number {
  const ix = indexGeography(geography);
  const p = ix.municipality.get(a);
  const q = ix.municipality.get(b);
  if (!p || !q) throw new ArgumentError(said('errors.geo.unknownMunicipality', { value: !p ? a : b }));
  return haversineKm(p.lat, p.lon, q.lat, q.lon);
}

/**
 * The border graph of a geography as typed arrays (municipality `i` is
 * `codes[i]`, in code order; its bordering municipalities are
 * `targets[offsets[i] .. offsets[i + 1])`), with centroids. Built once per
 * geography: neighbour searches and recommendations run one search per
 * municipality, which on a country of thousands of municipalities must not
 * allocate maps and strings per step. Not exported by the package (the
 * recommender's `GeoArrays` extends it, so it stays in the declarations).
 */
export interface BorderGraph extends Pick<Csr, 'index' | 'offsets' | 'targets'> {
  /** Municipality codes by index (a `Csr`'s `ids`), in code order. */
  readonly codes: readonly string[];
  /** Centroids by index, WGS84 degrees. */
  readonly lat: Float64Array;
  readonly lon: Float64Array;
}

/** @internal The geography's {@link BorderGraph}, cached. */
export function borderGraph(geography: Geography): BorderGraph {
  return cached(geography, 'geo:borderGraph', () => buildBorderGraph(geography));
}

function buildBorderGraph(geography: Geography): BorderGraph {
  const ix = indexGeography(geography);
  const municipalities = [...ix.municipality.values()].sort((a, b) => cmp(a.code, b.code));
  const codes = municipalities.map((m) => m.code);
  const index = new Map(codes.map((c, i) => [c, i]));
  const { offsets, targets } = csrFromLists(
    codes,
    codes.map((c) => (ix.bordersOf.get(c) ?? []).flatMap((b) => index.get(b) ?? [])),
    index,
  );
  return {
    codes,
    index,
    offsets,
    targets,
    lat: Float64Array.from(municipalities, (m) => m.lat),
    lon: Float64Array.from(municipalities, (m) => m.lon),
  };
}

/**
 * Border steps from municipality index `from` of {@link borderGraph} to
 * every municipality index: `-1` when not reachable over land borders.
 * Writes into `out` when given. Breadth-first search, O(V + E).
 *
 * @internal
 */
export function borderStepArray(graph: BorderGraph, from: number, out = new Int32Array(graph.codes.length), queue = new Int32Array(graph.codes.length)): { steps: Int32Array; order: Int32Array; reached: number } {
  out.fill(-1);
  out[from] = 0;
  queue[0] = from;
  let head = 0;
  let tail = 1;
  const { offsets, targets } = graph;
  while (head < tail) {
    const v = queue[head++]!;
    const next = out[v]! + 1;
    for (let k = offsets[v]!; k < offsets[v + 1]!; k++) {
      const w = targets[k]!;
      if (out[w]! < 0) {
        out[w] = next;
        queue[tail++] = w;
      }
    }
  }
  return { steps: out, order: queue, reached: tail };
}

/**
 * Border steps from one municipality to every other: 1 for a bordering
 * municipality, 2 for a neighbour's neighbour, and so on (breadth-first
 * search over the border pairs). Municipalities not reachable over land
 * borders (and islands) are absent from the map; the start has 0.
 */
export function borderSteps(geography: Geography, from: string): Map<string, number> {
  const graph = borderGraph(geography);
  const start = graph.index.get(from);
  if (start === undefined) return new Map();
  // In breadth-first order, as before.
  const { steps, order, reached } = borderStepArray(graph, start);
  const map = new Map<string, number>();
  for (let i = 0; i < reached; i++) map.set(graph.codes[order[i]!]!, steps[order[i]!]!);
  return map;
}
