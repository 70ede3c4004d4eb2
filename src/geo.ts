// samverkan/geo: distances, border steps and neighbours, and the countries' data: their
// geographies and map features behind the defaults, a country read from a folder, and
// Sweden's datasets besides the demo network (its cooperation bodies, police regions,
// demo capabilities).
export { swedenPoliceRegions, swedenCooperationBodies, demoCapabilities, type CooperationBodiesOptions } from './io/sweden.js';
export { countryGeography, defaultGeography, loadCountry, CountryError, type DatasetInput, type LoadCountryOptions } from './io/country.js';
export { neighbours, NeighboursOptionsSchema, type NeighboursOptions, type NeighbourRow } from './geo/neighbours.js';
export { haversineKm, municipalityDistanceKm, borderSteps, EARTH_RADIUS_KM } from './geo/distance.js';
export { countryMapFeatures, defaultMapFeatures, geographyMapFeatures } from './geo/map-features.js';
export { swedenMapFeatures } from './geo/sweden.js';
