/**
 * The GeoJSON `renderMap` draws: its types, its schema, and the polygons a
 * country ships, found through a geography's country.
 */
import { z } from 'zod';
import { defaultGeography } from '../io/country.js';
import type { Geography } from '../model/schema.js';
import { cached } from '../model/cache.js';
import type { Country, CountryText } from '../model/country.js';
import { refusal } from '../model/options.js';

/** A `[longitude, latitude]` position in WGS84 degrees (extra members, such as altitude, are ignored). */
export type MapPosition = readonly number[];

export interface MapFeatureProperties {
  /** Municipality code: the key into `values` and the `data-code` of the path. Required, unique. */
  code: string;
  /** Display name for tooltips. Default: the geography's name for the code, else the code. */
  name?: string;
  /** County code, used when neither `countyOf` nor `geography` knows the municipality. */
  county?: string;
}

export type MapGeometry =
  | { type: 'Polygon'; coordinates: MapPosition[][] }
  | { type: 'MultiPolygon'; coordinates: MapPosition[][][] };

export interface MapFeature {
  type: 'Feature';
  properties: MapFeatureProperties;
  geometry: MapGeometry;
}

export interface MapFeatureCollection {
  type: 'FeatureCollection';
  features: MapFeature[];
}

const PositionSchema = z.array(z.number()).min(2, 'a position is [longitude, latitude]');
const RingSchema = z.array(PositionSchema).min(4, 'a ring has at least 4 positions (first = last)');
const PolygonCoordinates = z.array(RingSchema).min(1, 'a polygon has an outer ring');

/**
 * A feature collection `renderMap` accepts: Polygon or MultiPolygon features
 * whose `properties` have a non-empty string `code` (unique), an optional
 * `name` and an optional `county`. Ring winding may follow either RFC 7946
 * (outer rings counter-clockwise) or d3's convention; rings are rewound.
 * Other properties are ignored.
 */
export const MapFeatureCollectionSchema = z
  .object({
    type: z.literal('FeatureCollection'),
    features: z.array(
      z.object({
        type: z.literal('Feature'),
        properties: z.object({
          code: z.string('each feature needs a string `code` property').min(1),
          name: z.string().optional(),
          county: z.string().optional(),
        }),
        geometry: z.discriminatedUnion('type', [
          z.object({ type: z.literal('Polygon'), coordinates: PolygonCoordinates }),
          z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(PolygonCoordinates) }),
        ]),
      }),
    ),
  })
  .superRefine((fc, ctx) => {
    const seen = new Set<string>();
    fc.features.forEach((f, i) => {
      if (seen.has(f.properties.code)) {
        ctx.addIssue({ code: 'custom', ...refusal('options.duplicateCode', { code: JSON.stringify(f.properties.code) }), path: ['features', i, 'properties', 'code'] });
      }
      seen.add(f.properties.code);
    });
  });

/** GeoJSON text parsed once per text object (a country's, and the geographies built from it, share one). */
function parsedFeatures(file: CountryText): MapFeatureCollection {
  return cached(file, 'map-features', () => JSON.parse(file.text) as MapFeatureCollection);
}

/**
 * The map polygons `country` ships (`country.mapFeatures`), parsed once,
 * or undefined when it has none. The same object on every call: treat it
 * as read-only.
 */
export function countryMapFeatures(country: Country): MapFeatureCollection | undefined {
  return country.mapFeatures && parsedFeatures(country.mapFeatures);
}

/** No polygons: what a geography without its country's map draws from. */
const NO_FEATURES: MapFeatureCollection = Object.freeze({ type: 'FeatureCollection' as const, features: Object.freeze([]) as unknown as MapFeature[] });

/**
 * The polygons of a geography's country (`geography.mapFeatures`, kept by
 * `countryGeography`): what the maps, the report and the explorer of a
 * network draw when no `features` are given. Empty for a geography whose
 * country ships none, or read alone (`loadGeography`).
 */
export function geographyMapFeatures(geography: Pick<Geography, 'mapFeatures'>): MapFeatureCollection {
  return geography.mapFeatures ? parsedFeatures(geography.mapFeatures) : NO_FEATURES;
}

/** The default country's polygons (those of the loaders' default geography, `defaultGeography()`): what `renderMap` draws with neither `features` nor `geography`. */
export function defaultMapFeatures(): MapFeatureCollection {
  return geographyMapFeatures(defaultGeography());
}
