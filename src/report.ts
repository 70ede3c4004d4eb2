// samverkan/report: the report's other renderers (the municipality and county maps among them), the map's colour
// helpers, and the network export with its metric columns.
export { renderMap, MapOptionsSchema, type MapOptions, type ColorScaleOptions } from './report/map.js';
export { exportNetwork, EXPORT_METRICS, ExportOptionsSchema, type ExportOptions, type ExportMetric, type MetricColumnsOptions, type CsvExport } from './report/export.js';
export { describeSampling } from './analysis/centrality.js';
export { countyBorderLines, sequentialColor, quantileBreaks, ColorScaleSchema, CATEGORICAL_COLORS, DEFAULT_MAP_COLORS, DEFAULT_MISSING_COLOR } from './report/map.js';
export { renderCountyMap, CountyMapOptionsSchema, type CountyMapOptions } from './report/map.js';
export { renderReportHtml } from './report/html.js';
export { renderCapabilityMap, capabilityMapData, CapabilityMapOptionsSchema, CAPABILITY_STATE_COLORS, type CapabilityMapOptions, type CapabilityMapData } from './report/map/capability.js';
export { renderReportMarkdown, renderReportMarkdownFromModel } from './report/markdown.js';
export { metricColumns, MetricColumnsOptionsSchema } from './report/export.js';
