// samverkan: analyse cross-municipal cooperation networks.
// Layers, each importing only those listed before it:
// model → countries → io → geo → metrics → synthetic → analysis → recommend → report (→ cli).

export * from './model/schema.js';
export * from './model/table.js';
export { nodeKey, actorIdOf, KEY_ESCAPE } from './model/keys.js';
export { formatCount, joinNames, plural, kindWords } from './model/words.js';
export * from './model/load-report.js';
export { ArgumentError, CapacityError, SamverkanError, type ErrorPlace } from './model/errors.js';
export { OptionsError } from './model/options.js';
export { indexGeography, findMunicipality, findCounty, normaliseName, type GeographyIndex } from './model/geography.js';
export { groupsOf, resolveGroups, GroupInputSchema, type Group, type GroupInput, type GroupsOptions } from './model/groups.js';
export { FIELDS, FIELD_CODES, fieldsOf, findField, fieldDefinition, type FieldDefinition } from './model/fields.js';
export {
  CooperationNetwork,
  MAX_LINK_WEIGHT,
  type NetworkLink,
  type ActorNodeAttributes,
  type PairEdgeAttributes,
  type MunicipalityTie,
  type MunicipalityProjection,
  type MunicipalityProjectionOptions,
  type NetworkParts,
} from './model/network.js';

export { loadNetwork, loadNetworkStream, LoadError, type LoadNetworkInput, type LoadNetworkOptions, type LoadNetworkStreamOptions } from './io/load/index.js';
export { loadGeography, GeographyError, GEOGRAPHY_COLUMNS, type AttributeSource, type GeographySources, type LoadGeographyOptions } from './io/geography.js';
export { swedenGeography, swedenCooperationBodies, swedenPoliceRegions, demoDataset, SWEDEN, SWEDEN_SOURCE, SWEDISH_NAME_RULES, type CooperationBodiesOptions } from './io/sweden.js';
export { NameRulesSchema, type Country, type CountryAttributeTable, type CountryDataset, type CountryTable, type CountryText, type NameRules, type Row } from './model/country.js';
export { DEFAULT_COUNTRY } from './countries/default.js';
export { countryGeography, defaultGeography, loadCountry, type DatasetInput, type LoadCountryOptions } from './io/country.js';
export { ACTOR_COLUMNS, LINK_COLUMNS, KIND_ALIASES, normaliseKind, normaliseHeader } from './io/columns.js';
export { parseTable, detectDelimiter, type ParsedTable } from './io/csv.js';
export { decodeText, NotTextError, type DecodedText } from './io/text.js';
export { MAX_IN_MEMORY_BYTES, type TableSource } from './io/source.js';


export { haversineKm, municipalityDistanceKm, borderSteps, EARTH_RADIUS_KM } from './geo/distance.js';
export { neighbours, NeighboursOptionsSchema, type NeighboursOptions, type NeighbourRow } from './geo/neighbours.js';
export { toCsv, safeCell, type CsvOptions } from './io/write-csv.js';
export {
  toGexf,
  toGraphml,
  toGraphologyJson,
  nodeTable,
  edgeTable,
  toCsvTables,
  GraphExportOptionsSchema,
  GraphologyJsonOptionsSchema,
  CsvTablesOptionsSchema,
  RESERVED_NODE_COLUMNS,
  RESERVED_EDGE_COLUMNS,
  type GraphExportOptions,
  type GraphologyJsonOptions,
  type CsvTablesOptions,
  type NodeColumn,
  type AttributeType,
  type CellValue,
  type NodeTableRow,
  type EdgeTableRow,
} from './io/graph/index.js';
export {
  readGraphFile,
  ReadGraphOptionsSchema,
  GRAPH_FORMATS,
  type GraphSource,
  type GraphFormat,
  type GraphFile,
  type GraphNodeRow,
  type GraphEdgeRow,
  type ReadGraphOptions,
} from './io/graph/index.js';
export { parseXml, XmlError, type XmlElement } from './io/xml.js';

export { summaryByCounty, SummaryOptionsSchema, type SummaryOptions, type CountySummaryRow } from './analysis/summary.js';

export { formatTextTable, formatMarkdownTable, escapeMarkdownCell, displayValue, type TableFormatOptions } from './report/table.js';

// Metric kernels on the CSR view (one algorithm per module), for custom analyses.
export * as kernels from './metrics/index.js';
export { toCsr, type Csr, type CsrOptions } from './metrics/csr.js';
export type { PathSampling } from './metrics/path-centralities.js';
export { createRng, shuffled, type Rng } from './metrics/random.js';
export { syntheticNetwork, SyntheticNetworkOptionsSchema, type SyntheticNetworkOptions, type SyntheticNetwork } from './synthetic/network.js';
export { writeSyntheticNetwork, type WrittenSyntheticNetwork } from './synthetic/files.js';

// The shared views stay inside; callers get copies (a change to one cannot reach a later analysis).
export { actorViewForCaller as actorView, municipalityViewForCaller as municipalityView, type ActorView, type ActorRowBase } from './analysis/view.js';
export {
  centrality,
  centralityByMunicipality,
  CentralityOptionsSchema,
  MunicipalityCentralityOptionsSchema,
  CENTRALITY_MEASURES,
  SamplesSchema,
  WorkersSchema,
  describeSampling,
  type CentralityRows,
  type CentralityOptions,
  type MunicipalityCentralityOptions,
  type CentralityMeasure,
  type CentralityRow,
  type MunicipalityCentralityRow,
} from './analysis/centrality.js';
export { brokerage, BrokerageOptionsSchema, type BrokerageOptions, type BrokerageRow } from './analysis/brokerage.js';
export {
  components,
  articulationPoints,
  bridges,
  kCore,
  ComponentsOptionsSchema,
  ArticulationOptionsSchema,
  BridgesOptionsSchema,
  KCoreOptionsSchema,
  type ComponentsOptions,
  type ComponentRow,
  type ArticulationOptions,
  type ArticulationRow,
  type BridgesOptions,
  type BridgeRow,
  type KCoreOptions,
  type KCoreRow,
} from './analysis/structure.js';
export {
  communities,
  CommunitiesOptionsSchema,
  type CommunitiesOptions,
  type CommunitiesResult,
  type CommunityAssignmentRow,
  type CommunitySummaryRow,
  type CommunityCountyRow,
} from './analysis/communities.js';
export {
  coverageByCounty,
  coverageByMunicipality,
  CoverageOptionsSchema,
  DEFAULT_PARTNER_KINDS,
  type CoverageOptions,
  type CountyCoverageRow,
  type MunicipalityCoverageRow,
} from './analysis/coverage.js';
export {
  findGaps,
  GapsOptionsSchema,
  GAP_TYPES,
  SEVERITY_LEVELS,
  DEFAULT_SMALL_POPULATION,
  type GapsOptions,
  type GapRow,
  type GapType,
  type Severity,
} from './analysis/gaps.js';
export {
  CapabilitySet,
  CapabilityVocabulary,
  CAPABILITY_VOCABULARY,
  CAPABILITY_CODES,
  CAPABILITY_STATES,
  CapabilityStatusSchema,
  CapabilityRecordSchema,
  CustomCapabilitySchema,
  type CapabilityDefinition,
  type CapabilityStatus,
  type CapabilityState,
  type CapabilityRecord,
  type CapabilityFact,
  type CustomCapability,
} from './model/capabilities.js';
export { loadCapabilities, LoadCapabilitiesOptionsSchema, CAPABILITY_COLUMNS, type LoadCapabilitiesOptions } from './io/capabilities.js';
export {
  capabilityCoverage,
  capabilitiesByMunicipality,
  competenceReach,
  capabilityGaps,
  CapabilityCoverageOptionsSchema,
  CompetenceReachOptionsSchema,
  CapabilityGapsOptionsSchema,
  type CapabilityCoverageOptions,
  type CompetenceReachOptions,
  type CapabilityGapsOptions,
  type CapabilityCoverageRow,
  type MunicipalityCapabilityRow,
  type CompetenceReachRow,
  type CapabilityGapRow,
} from './analysis/capabilities.js';

export {
  renderMap,
  countyBorderLines,
  sequentialColor,
  swedenMapFeatures,
  countryMapFeatures,
  defaultMapFeatures,
  MapOptionsSchema,
  ColorScaleSchema,
  MapFeatureCollectionSchema,
  DEFAULT_MAP_COLORS,
  DEFAULT_MISSING_COLOR,
  type MapOptions,
  type ColorScaleOptions,
  type MapFeatureCollection,
  type MapFeature,
  type MapFeatureProperties,
  type MapGeometry,
  type MapPosition,
} from './report/map.js';
export { escapeXml, escapeHtml } from './report/escape.js';
export { buildReport, ReportOptionsSchema, type ReportOptions, type ReportModel, type CountySection } from './report/model.js';
export { renderReport, renderReportHtml, percent, number as formatNumber } from './report/html.js';
export { renderReportMarkdown, renderReportMarkdownFromModel } from './report/markdown.js';
export { renderExplorer, ExplorerOptionsSchema, EXPLORER_STRINGS, EXPLORER_LANGUAGES, type ExplorerOptions, type ExplorerLang, type ExplorerStringKey } from './report/explore/index.js';
export {
  exportNetwork,
  metricColumns,
  EXPORT_METRICS,
  ExportOptionsSchema,
  MetricColumnsOptionsSchema,
  type ExportOptions,
  type ExportMetric,
  type MetricColumnsOptions,
  type CsvExport,
} from './report/export.js';
export * from './recommend/index.js';
