/**
 * Choropleth maps of municipalities as standalone SVG strings.
 *
 * The input is a GeoJSON FeatureCollection of Polygon/MultiPolygon features
 * (WGS84 longitude/latitude), each with a `code` property; by default the
 * polygons of the geography's country (`geographyMapFeatures`: the embedded
 * 290 of Sweden for Swedish data). The output is one SVG element with
 * exactly one `<path class="municipality" data-code="…">` per feature, a
 * separate county-border path, a title and a legend. It references nothing
 * outside itself (no fonts, images, scripts, stylesheets or links; styling
 * is by presentation attributes, so it cannot restyle an HTML page it is
 * inlined in), escapes every user string, and is byte-identical for the
 * same input (coordinates rounded to 0.1 px).
 */
//
// One job per file under `map/` (the GeoJSON and the polygons countries ship are
// the geo layer's, geo/map-features.ts): validation and the segment index (prepare), county borders
// (borders), the colour scale (colors), the legend (legend), SVG path data
// (path-writer), the options (options) and the SVG itself (render); the county map
// (county, county-options) with its ties (ties, shared with the explorer) and labels (labels).
export { MapFeatureCollectionSchema, geographyMapFeatures, type MapFeature, type MapFeatureCollection, type MapFeatureProperties, type MapGeometry, type MapPosition } from '../geo/map-features.js';
export { countyBorderLines } from './map/borders.js';
export { CATEGORICAL_COLORS, ColorScaleSchema, DEFAULT_MAP_COLORS, DEFAULT_MISSING_COLOR, sequentialColor, type ColorScaleOptions } from './map/colors.js';
export { quantileBreaks } from './map/scale.js';
export { MapOptionsSchema, type MapOptions } from './map/options.js';
export { renderMap } from './map/render.js';
export { renderCountyMap } from './map/county.js';
export { CountyMapOptionsSchema, type CountyMapOptions } from './map/county-options.js';
