// samverkan/geo: distances and border steps, and the countries' geographies and map
// features behind the defaults.
export { swedenPoliceRegions } from './io/sweden.js';
export { countryGeography, defaultGeography } from './io/country.js';
export { haversineKm, municipalityDistanceKm, borderSteps, EARTH_RADIUS_KM } from './geo/distance.js';
export { swedenMapFeatures, countryMapFeatures, defaultMapFeatures, geographyMapFeatures } from './report/map.js';
