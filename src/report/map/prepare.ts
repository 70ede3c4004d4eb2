/**
 * A feature collection made ready to draw: validated, rings rewound to
 * d3's winding, and an index of the segments each feature uses (for county
 * borders), once per input object; subsets and the geometry helpers the
 * projection needs.
 */
import { geoArea, geoBounds, geoPath, geoTransverseMercator, type GeoPermissibleObjects, type GeoProjection } from 'd3-geo';
import { PathWriter } from './path-writer.js';
import { MapFeatureCollectionSchema, type MapFeature, type MapFeatureCollection, type MapGeometry, type MapPosition } from '../../geo/map-features.js';
import { ArgumentError } from '../../model/errors.js';
import { said, saidIn } from '../../model/options.js';
import { cached } from '../../model/cache.js';

/**
 * A validated collection with rings in d3's winding, and its segment index,
 * cached per input object. What is made of it once (its frames, its
 * subsets) is cached with it as owner (`model/cache.ts`).
 */
export interface PreparedMap {
  readonly collection: MapFeatureCollection;
  /** Every ring of each feature, in feature order. */
  readonly rings: readonly (readonly MapPosition[])[][];
  /** Undirected segment key → index of the feature using it, once per use. */
  readonly segmentUses: ReadonlyMap<string, readonly number[]>;
}

const ringArea = (ring: readonly MapPosition[]) => geoArea({ type: 'Polygon', coordinates: [ring as number[][]] });

/** Outer rings clockwise and holes counter-clockwise on the sphere, as d3-geo expects. */
function rewindPolygon(polygon: MapPosition[][]): MapPosition[][] {
  return polygon.map((ring, i) => {
    const large = ringArea(ring) > 2 * Math.PI;
    return (i === 0 ? large : !large) ? [...ring].reverse() : ring;
  });
}

/** Our GeoJSON types have read-only positions; d3's have mutable ones. d3 does not mutate its input. */
export const asGeo = (object: object) => object as GeoPermissibleObjects;

const pointKey = (p: MapPosition) => `${p[0]},${p[1]}`;

/** The undirected key of the segment p–q, or undefined when it has no length. */
export function segmentKey(p: MapPosition, q: MapPosition): string | undefined {
  const a = pointKey(p);
  const b = pointKey(q);
  if (a === b) return undefined;
  return a < b ? `${a};${b}` : `${b};${a}`;
}

/** `input` validated and prepared (cached per object: do not change a collection after passing it). */
export function prepare(input: MapFeatureCollection): PreparedMap {
  return cached(input, PREPARED, () => {
    const result = prepareNew(input);
    // The prepared collection is prepared: a caller that passes it on (subsets, the report's second map) finds it.
    cached(result.collection, PREPARED, () => result);
    return result;
  });
}

const PREPARED = 'map:prepared';

function prepareNew(input: MapFeatureCollection): PreparedMap {
  const parsed = MapFeatureCollectionSchema.parse(input) as MapFeatureCollection;
  const features = parsed.features.map((f): MapFeature => {
    const geometry: MapGeometry =
      f.geometry.type === 'Polygon'
        ? { type: 'Polygon', coordinates: rewindPolygon(f.geometry.coordinates) }
        : { type: 'MultiPolygon', coordinates: f.geometry.coordinates.map(rewindPolygon) };
    return { type: 'Feature', properties: f.properties, geometry };
  });
  const rings = features.map((f) => (f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates.flat()));
  const segmentUses = new Map<string, number[]>();
  rings.forEach((featureRings, i) => {
    for (const ring of featureRings) {
      for (let k = 0; k + 1 < ring.length; k++) {
        const key = segmentKey(ring[k]!, ring[k + 1]!);
        if (key === undefined) continue;
        const uses = segmentUses.get(key);
        if (uses) uses.push(i);
        else segmentUses.set(key, [i]);
      }
    }
  });
  return { collection: { type: 'FeatureCollection', features }, rings, segmentUses };
}

/** The features with the given codes, in feature order (one object per set of codes, so it is prepared once). */
export function subsetOf(map: PreparedMap, codes: Iterable<string>): MapFeatureCollection {
  const wanted = new Set(codes);
  const features = map.collection.features.filter((f) => wanted.has(f.properties.code));
  if (features.length === 0) throw new ArgumentError(saidIn('renderMap', said('errors.map.noFeatureForCodes')));
  return cached(map, `map:subset:${features.map((f) => f.properties.code).join('\u0000')}`, (): MapFeatureCollection => ({ type: 'FeatureCollection', features }));
}

/** The polygon of a feature with the largest area (where its label goes: a municipality's mainland, not an island). */
export function largestPolygon(feature: MapFeature): MapGeometry {
  if (feature.geometry.type === 'Polygon') return feature.geometry;
  let best = feature.geometry.coordinates[0]!;
  let area = -1;
  for (const polygon of feature.geometry.coordinates) {
    const a = geoArea({ type: 'Polygon', coordinates: polygon as number[][][] });
    if (a > area) [best, area] = [polygon, a];
  }
  return { type: 'Polygon', coordinates: best };
}

/** The middle of the features' longitudes (across the antimeridian when that is shorter): a projection's central meridian. */
export function middleLongitude(collection: MapFeatureCollection): number {
  const [[west], [east]] = geoBounds(asGeo(collection));
  const middle = west <= east ? (west + east) / 2 : (west + east + 360) / 2;
  return middle > 180 ? middle - 360 : middle;
}

/** SVG path data of a GeoJSON object under a projection (coordinates rounded to 0.1 px). */
export function pathData(projection: GeoProjection, object: object): string {
  const writer = new PathWriter();
  geoPath(projection, writer)(asGeo(object));
  return writer.result();
}

/**
 * The transverse Mercator projection around `meridian` fitted to the map's
 * features within `extent` (`[[x0, y0], [x1, y1]]`), and the path data of
 * every feature: made once per map and frame (fitting and drawing stream
 * every polygon), and shared by maps of the same size.
 */
export function projectedFrame(map: PreparedMap, extent: [[number, number], [number, number]], meridian: number): { projection: GeoProjection; shapes: readonly string[] } {
  // A report draws two maps of one size: one frame.
  return cached(map, `map:frame:${JSON.stringify([extent, meridian])}`, () => {
    const projection = fitProjection(map.collection, extent, meridian);
    return { projection, shapes: map.collection.features.map((feature) => pathData(projection, feature)) };
  });
}

/** Transverse Mercator around `meridian`, fitted to `collection` within `extent`. */
export function fitProjection(collection: MapFeatureCollection, extent: [[number, number], [number, number]], meridian: number): GeoProjection {
  return geoTransverseMercator().rotate([-meridian, 0]).fitExtent(extent, asGeo(collection));
}

/** The height of the features' projected shape when it is `width` wide (around `meridian`). */
export function shapeHeight(collection: MapFeatureCollection, width: number, meridian: number): number {
  const projection = geoTransverseMercator().rotate([-meridian, 0]).fitWidth(width, asGeo(collection));
  const [[x0, y0], [x1, y1]] = geoPath(projection).bounds(asGeo(collection));
  return x1 > x0 ? ((y1 - y0) / (x1 - x0)) * width : width;
}
