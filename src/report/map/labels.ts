/**
 * Where a map writes names: the visual centre of a polygon (the inside point
 * farthest from its edges, as Mapbox's polylabel finds it), and a greedy
 * placement that moves a label off the ones already placed.
 */
import { geoTransverseMercator, type GeoProjection } from 'd3-geo';
import type { MapFeature } from '../../geo/map-features.js';
import { largestPolygon } from './prepare.js';
import { cached } from '../../model/cache.js';

/** A polygon in screen coordinates: its outer ring, then its holes; each ring a list of `[x, y]`. */
export type ScreenPolygon = readonly (readonly (readonly number[])[])[];

/** Signed distance from (x, y) to the polygon's edges: positive inside, negative outside (even-odd rule over all rings). */
export function signedDistance(x: number, y: number, polygon: ScreenPolygon): number {
  return flatSignedDistance(x, y, flatRings(polygon));
}

/** Each ring as one array of x, y, x, y, …: the search reads every vertex for every cell, and flat numbers read fastest. */
function flatRings(polygon: ScreenPolygon): Float64Array[] {
  return polygon.map((ring) => {
    const flat = new Float64Array(2 * ring.length);
    ring.forEach((p, i) => {
      flat[2 * i] = p[0]!;
      flat[2 * i + 1] = p[1]!;
    });
    return flat;
  });
}

function flatSignedDistance(x: number, y: number, rings: readonly Float64Array[]): number {
  let inside = false;
  // Squared distances, one square root at the end: this runs for every cell of the search.
  let min = Infinity;
  for (const ring of rings) {
    const n = ring.length;
    for (let i = 0, j = n - 2; i < n; j = i, i += 2) {
      const ax = ring[i]!;
      const ay = ring[i + 1]!;
      const bx = ring[j]!;
      const by = ring[j + 1]!;
      if (ay > y !== by > y && x < ((bx - ax) * (y - ay)) / (by - ay) + ax) inside = !inside;
      const d = segmentDistance2(x, y, ax, ay, bx, by);
      if (d < min) min = d;
    }
  }
  return (inside ? 1 : -1) * Math.sqrt(min);
}

/** The squared distance from (x, y) to the segment a–b. */
function segmentDistance2(x: number, y: number, ax: number, ay: number, bx: number, by: number): number {
  let dx = bx - ax;
  let dy = by - ay;
  let px = ax;
  let py = ay;
  if (dx !== 0 || dy !== 0) {
    const t = ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy);
    if (t > 1) {
      px = bx;
      py = by;
    } else if (t > 0) {
      px = ax + dx * t;
      py = ay + dy * t;
    }
  }
  dx = x - px;
  dy = y - py;
  return dx * dx + dy * dy;
}

interface Cell {
  x: number;
  y: number;
  h: number;
  d: number;
  max: number;
}

/** The bounding box of a ring: `[x0, y0, x1, y1]` (infinite for an empty ring). */
function ringBounds(ring: readonly (readonly number[])[]): [number, number, number, number] {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of ring) {
    x0 = Math.min(x0, x!);
    y0 = Math.min(y0, y!);
    x1 = Math.max(x1, x!);
    y1 = Math.max(y1, y!);
  }
  return [x0, y0, x1, y1];
}

/**
 * The visual centre of a polygon: the inside point farthest from its edges,
 * to within `precision` (in the polygon's units), by the quadtree search of
 * polylabel (Agafonkin, Mapbox 2016). A long thin or bent shape gets a point
 * inside it, where the centroid may fall outside. Deterministic; an empty or
 * degenerate polygon gives its first vertex.
 *
 * @example
 * visualCentre([[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]]); // [5, 5]
 */
export function visualCentre(polygon: ScreenPolygon, precision = 0.5): [number, number] {
  const outer = polygon[0] ?? [];
  if (outer.length === 0) return [0, 0];
  const [x0, y0, x1, y1] = ringBounds(outer);
  const size = Math.min(x1 - x0, y1 - y0);
  if (!(size > 0)) return [outer[0]![0]!, outer[0]![1]!];
  const rings = flatRings(polygon);
  const cell = (x: number, y: number, h: number): Cell => {
    const d = flatSignedDistance(x, y, rings);
    return { x, y, h, d, max: d + h * Math.SQRT2 };
  };
  // A max-heap on `max`, ties broken by position so the search order never depends on the engine.
  const heap: Cell[] = [];
  const before = (a: Cell, b: Cell) => a.max > b.max || (a.max === b.max && (a.y < b.y || (a.y === b.y && a.x < b.x)));
  const push = (c: Cell) => {
    heap.push(c);
    for (let i = heap.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  };
  const pop = (): Cell => {
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && before(heap[l]!, heap[m]!)) m = l;
        if (r < heap.length && before(heap[r]!, heap[m]!)) m = r;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m]!, heap[i]!];
        i = m;
      }
    }
    return top;
  };
  const h = size / 2;
  for (let x = x0; x < x1; x += size) for (let y = y0; y < y1; y += size) push(cell(x + h, y + h, h));
  let best = centroidCell(outer, cell);
  const middle = cell(x0 + (x1 - x0) / 2, y0 + (y1 - y0) / 2, 0);
  if (middle.d > best.d) best = middle;
  // Bounded, so a pathological ring cannot loop for long.
  for (let steps = 0; heap.length > 0 && steps < 20_000; steps++) {
    const c = pop();
    if (c.d > best.d) best = c;
    if (c.max - best.d <= precision) continue;
    const k = c.h / 2;
    push(cell(c.x - k, c.y - k, k));
    push(cell(c.x + k, c.y - k, k));
    push(cell(c.x - k, c.y + k, k));
    push(cell(c.x + k, c.y + k, k));
  }
  return [best.x, best.y];
}

/** The cell at the area centroid of a ring (its first vertex when the ring has no area). */
function centroidCell(ring: readonly (readonly number[])[], cell: (x: number, y: number, h: number) => Cell): Cell {
  let area = 0;
  let x = 0;
  let y = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [ax, ay] = ring[i]!;
    const [bx, by] = ring[j]!;
    const f = ax! * by! - bx! * ay!;
    x += (ax! + bx!) * f;
    y += (ay! + by!) * f;
    area += f * 3;
  }
  return area === 0 ? cell(ring[0]![0]!, ring[0]![1]!, 0) : cell(x / area, y / area, 0);
}

/** A label to place: its anchor, its box's size (centred on the anchor), and its priority (higher placed first). */
export interface LabelRequest {
  x: number;
  y: number;
  width: number;
  height: number;
  priority: number;
}

/** A box's top-left corner and size. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const overlap = (a: Box, b: Box) => Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));

/** The approximate width of a text in a sans-serif font of `size` px (an average glyph is about 0.56 em). */
export const textWidth = (text: string, size: number) => [...text].length * size * 0.56;

/**
 * Label centres, one per request (in request order): each label, by
 * priority, at its anchor if its box overlaps no label placed before and
 * stays within `frame`, else at the first nearby offset that does (above,
 * below, right, left, then twice as far), else where it overlaps least.
 * Greedy and deterministic.
 */
export function placeLabels(requests: readonly LabelRequest[], frame: Box, placed: Box[] = []): [number, number][] {
  const order = requests.map((_, i) => i).sort((i, j) => requests[j]!.priority - requests[i]!.priority || i - j);
  const out: [number, number][] = requests.map((r) => [r.x, r.y]);
  for (const i of order) {
    const r = requests[i]!;
    const offsets = [
      [0, 0],
      [0, -r.height],
      [0, r.height],
      [(r.width + 4) / 2, 0],
      [-(r.width + 4) / 2, 0],
      [0, -2 * r.height],
      [0, 2 * r.height],
    ];
    let best: { cost: number; box: Box; at: [number, number] } | undefined;
    for (const [dx, dy] of offsets) {
      const at: [number, number] = [r.x + dx!, r.y + dy!];
      const box = { x: at[0] - r.width / 2, y: at[1] - r.height / 2, width: r.width, height: r.height };
      const outside = r.width * r.height - overlap(box, frame);
      const cost = placed.reduce((sum, p) => sum + overlap(box, p), 0) + outside;
      // The anchor is tried first, so a label moves only to avoid an overlap.
      if (best === undefined || cost < best.cost) best = { cost, box, at };
      if (cost === 0) break;
    }
    placed.push(best!.box);
    out[i] = best!.at;
  }
  return out;
}

/** The kilometres of the local projection the label positions are found in (the Earth's mean radius). */
const EARTH_RADIUS_KM = 6371;

/**
 * The search precision of {@link featureLabelPosition}, as a share of the
 * polygon's smaller side: 1/1 000 (a 100 km municipality to 100 m, a 3 km
 * one to 3 m), finer than half a pixel on every map samverkan draws but one
 * where a municipality spans 500 px or more.
 */
export const LABEL_PRECISION = 1 / 1000;

/**
 * Where a feature's name goes, as longitude and latitude: the visual centre
 * of its largest polygon ({@link visualCentre}), found in a transverse
 * Mercator projection around the polygon's own meridian (in kilometres) to
 * {@link LABEL_PRECISION} of its size, so the point does not depend on the
 * map's scale. Found once per feature object (cached: a report draws a
 * municipality on several maps, its county's and its neighbours'); null when
 * the polygon has no area.
 */
export function featureLabelPosition(feature: MapFeature): readonly [number, number] | null {
  return cached(feature, 'map:labelPosition', () => findLabelPosition(feature));
}

/** {@link featureLabelPosition} without the cache (the benchmark times it). */
export function findLabelPosition(feature: MapFeature): readonly [number, number] | null {
  const polygon = largestPolygon(feature);
  if (polygon.type !== 'Polygon' || (polygon.coordinates[0]?.length ?? 0) < 4) return null;
  const [west, , east] = ringBounds(polygon.coordinates[0]!);
  // Around the polygon's own meridian, so its shape is as on any map of it (maps of a country or a county are transverse Mercator too).
  const local = geoTransverseMercator()
    .rotate([-(west + east) / 2, 0])
    .scale(EARTH_RADIUS_KM)
    .translate([0, 0]);
  const rings = polygon.coordinates.map((ring) =>
    ring.flatMap((p) => {
      const q = local([p[0]!, p[1]!]);
      return q ? [q] : [];
    }),
  );
  const outer = rings[0]!;
  if (outer.length < 4) return null;
  const [x0, y0, x1, y1] = ringBounds(outer);
  const size = Math.min(x1 - x0, y1 - y0);
  if (!(size > 0)) return null;
  const centre = local.invert!(visualCentre(rings, size * LABEL_PRECISION));
  return centre && Number.isFinite(centre[0]) && Number.isFinite(centre[1]) ? [centre[0], centre[1]] : null;
}

/** Where a feature's name goes on a map: its {@link featureLabelPosition} under `projection`, rounded to 0.1 px; undefined when it has no area. */
export function labelPoint(projection: GeoProjection, feature: MapFeature): [number, number] | undefined {
  const at = featureLabelPosition(feature);
  const q = at && projection([at[0], at[1]]);
  return q && Number.isFinite(q[0]) && Number.isFinite(q[1]) ? [Math.round(q[0] * 10) / 10, Math.round(q[1] * 10) / 10] : undefined;
}
