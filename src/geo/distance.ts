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

/** Breadth-first search from `from`, writing steps into `steps` (which must hold -1 for every index it may reach) and the reached indices into `queue`, expanding no index `maxSteps` away. Returns the number reached. */
function searchBorders(graph: BorderGraph, from: number, steps: Int32Array, queue: Int32Array, maxSteps: number): number {
  steps[from] = 0;
  queue[0] = from;
  let head = 0;
  let tail = 1;
  const { offsets, targets } = graph;
  while (head < tail) {
    const v = queue[head++]!;
    if (steps[v]! >= maxSteps) continue;
    const next = steps[v]! + 1;
    for (let k = offsets[v]!; k < offsets[v + 1]!; k++) {
      const w = targets[k]!;
      if (steps[w]! < 0) {
        steps[w] = next;
        queue[tail++] = w;
      }
    }
  }
  return tail;
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
  return { steps: out, order: queue, reached: searchBorders(graph, from, out, queue, Infinity) };
}

/**
 * Repeated border searches over one {@link borderGraph}, each to at most
 * `maxSteps` steps: after `from(i, k)`, `order[0 .. reached)` are the indices
 * within `k` steps of `i` in breadth-first order and `steps` holds their
 * steps (-1 elsewhere). Each search resets only what the previous one
 * reached, so a bounded search costs the size of its ball, not of the
 * country: one per municipality is n·k, where `borderStepArray` would be n².
 *
 * @internal
 */
export class BorderSearch {
  readonly steps: Int32Array;
  readonly order: Int32Array;
  reached = 0;
  constructor(readonly graph: BorderGraph) {
    this.steps = new Int32Array(graph.codes.length).fill(-1);
    this.order = new Int32Array(graph.codes.length);
  }
  /** Search from index `start` to `maxSteps` steps (default: all reachable); returns the number reached. */
  from(start: number, maxSteps = Infinity): number {
    for (let i = 0; i < this.reached; i++) this.steps[this.order[i]!] = -1;
    return (this.reached = searchBorders(this.graph, start, this.steps, this.order, maxSteps));
  }
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

/**
 * Points (WGS84 degrees) bucketed in cells of at least `radiusKm` across, so
 * the points within `radiusKm` of one are found among its 3 × 3 cells: n·k
 * for all close pairs where comparing every pair is n². A cell's height is
 * the radius in latitude (a great circle is never shorter than its change of
 * latitude); its width the largest change of longitude a path of `radiusKm`
 * can make at the points' highest latitude. Longitudes do not wrap at ±180°:
 * a set spanning more than 180° is one column.
 *
 * @internal
 */
export class KmGrid {
  private readonly cells = new Map<number, number[]>();
  private readonly latCell: number;
  private readonly lonCell: number;
  private readonly south: number;
  private readonly west: number;
  private readonly columns: number;
  constructor(
    readonly lat: ArrayLike<number>,
    readonly lon: ArrayLike<number>,
    readonly radiusKm: number,
  ) {
    let south = Infinity, north = -Infinity, west = Infinity, east = -Infinity, maxAbsLat = 0;
    for (let i = 0; i < lat.length; i++) {
      south = Math.min(south, lat[i]!);
      north = Math.max(north, lat[i]!);
      west = Math.min(west, lon[i]!);
      east = Math.max(east, lon[i]!);
      maxAbsLat = Math.max(maxAbsLat, Math.abs(lat[i]!));
    }
    const deg = 180 / Math.PI;
    const angle = radiusKm / EARTH_RADIUS_KM;
    this.latCell = Math.max(angle * deg, 1e-9);
    // sin(Δλ/2) ≤ sin(d / 2R) / cos φmax: the widest a path of length d can reach.
    // Past half the circumference the bound no longer holds (sine falls again): one column.
    const ratio = angle >= Math.PI ? Infinity : Math.sin(angle / 2) / Math.cos(maxAbsLat / deg);
    this.lonCell = ratio >= 1 || east - west > 180 ? Infinity : Math.max(2 * Math.asin(ratio) * deg, 1e-9);
    this.south = south;
    this.west = west;
    this.columns = this.lonCell === Infinity ? 1 : Math.floor((east - west) / this.lonCell) + 1;
    for (let i = 0; i < lat.length; i++) {
      const key = this.key(this.row(lat[i]!), this.column(lon[i]!));
      const list = this.cells.get(key);
      if (list) list.push(i);
      else this.cells.set(key, [i]);
    }
  }
  private row(lat: number): number {
    return Math.floor((lat - this.south) / this.latCell);
  }
  private column(lon: number): number {
    return this.lonCell === Infinity ? 0 : Math.floor((lon - this.west) / this.lonCell);
  }
  private key(row: number, column: number): number {
    return row * (this.columns + 2) + column;
  }
  /** The indices of the points within `radiusKm` of point `i`, itself excluded, in no particular order. */
  within(i: number): number[] {
    const out: number[] = [];
    const r = this.row(this.lat[i]!);
    const c = this.column(this.lon[i]!);
    for (let dr = -1; dr <= 1; dr++) {
      for (let dc = -1; dc <= 1; dc++) {
        if (c + dc < 0 || c + dc >= this.columns) continue;
        for (const j of this.cells.get(this.key(r + dr, c + dc)) ?? []) {
          if (j !== i && haversineKm(this.lat[i]!, this.lon[i]!, this.lat[j]!, this.lon[j]!) <= this.radiusKm) out.push(j);
        }
      }
    }
    return out;
  }
}
