/**
 * Sweden's map helper by its name of 0.1: the polygons live in
 * `src/countries/sweden/`; this is one line over `countryMapFeatures`, as
 * `swedenGeography` (io/sweden.ts) is over `countryGeography`.
 */
import { SWEDEN } from '../countries/sweden/index.js';
import { countryMapFeatures, type MapFeatureCollection } from './map-features.js';

/**
 * The embedded municipalities of Sweden (`data/sweden/municipalities.geojson`):
 * 290 features with `{ code, name }` properties, in code order. Parsed once;
 * the same object is returned on every call, so treat it as read-only.
 */
export function swedenMapFeatures(): MapFeatureCollection {
  return countryMapFeatures(SWEDEN)!;
}
