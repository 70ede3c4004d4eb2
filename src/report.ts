// samverkan/report: the report's other renderers (the county map among them) and the map's colour helpers, and the
// metric columns of an export.
export { describeSampling } from './analysis/centrality.js';
export { countyBorderLines, sequentialColor, quantileBreaks, ColorScaleSchema, CATEGORICAL_COLORS, DEFAULT_MAP_COLORS, DEFAULT_MISSING_COLOR } from './report/map.js';
export { renderCountyMap, CountyMapOptionsSchema, type CountyMapOptions } from './report/map.js';
export { renderReportHtml } from './report/html.js';
export { renderCapabilityMap, capabilityMapData, CapabilityMapOptionsSchema, CAPABILITY_STATE_COLORS, type CapabilityMapOptions, type CapabilityMapData } from './report/map/capability.js';
export { renderReportMarkdown, renderReportMarkdownFromModel } from './report/markdown.js';
export { metricColumns, MetricColumnsOptionsSchema } from './report/export.js';
