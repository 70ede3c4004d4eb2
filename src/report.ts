// samverkan/report: the report's other renderers and the map's colour helpers, and the
// metric columns of an export.
export { describeSampling } from './analysis/centrality.js';
export { countyBorderLines, sequentialColor, ColorScaleSchema, DEFAULT_MAP_COLORS, DEFAULT_MISSING_COLOR } from './report/map.js';
export { renderReportHtml } from './report/html.js';
export { renderCapabilityMap, capabilityMapData, CapabilityMapOptionsSchema, CAPABILITY_STATE_COLORS, type CapabilityMapOptions, type CapabilityMapData } from './report/map/capability.js';
export { renderReportMarkdown, renderReportMarkdownFromModel } from './report/markdown.js';
export { metricColumns, MetricColumnsOptionsSchema } from './report/export.js';
