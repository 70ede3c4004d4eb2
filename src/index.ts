// samverkan: analyse cross-municipal cooperation networks.
// The root holds the headline workflow (load → analyse → recommend → report): the
// functions an analyst's first script calls, and the types of their results. The tools
// around it are subpaths: `samverkan/io` (the streaming loader, readers, writers),
// `samverkan/geo` (neighbours, distances, loadCountry, Sweden's other datasets),
// `samverkan/report` (renderMap, exportNetwork, the other renderers),
// `samverkan/recommend` (fitRecommender, recommendAll, research tools),
// `samverkan/kernels` (actorView, municipalityView and the kernels on them),
// `samverkan/model` and `samverkan/format` (see the README's API reference).
// Layers, each importing only those listed before it:
// model → countries → io → geo → metrics → synthetic → analysis → recommend → report (→ cli).

export * from './model/schema.js';
export { type Rows, type FlatRowsOptions } from './model/table.js';

export {
  ProblemSchema,
  type Problem,
  FileReportSchema,
  type FileReport,
  LoadReportSchema,
  type LoadReport,
} from './model/load-report.js';
export { ArgumentError, CapacityError, FitError, SamverkanError, WorkerError, type ErrorPlace, type ErrorSentence } from './model/errors.js';
export { OptionsError } from './model/options.js';
export { type GeographyIndex } from './model/geography.js';
export { type Group, type GroupInput, type GroupsOptions } from './model/groups.js';
export { type FieldDefinition } from './model/fields.js';
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

export { loadNetwork, LoadError, type LoadNetworkInput, type LoadNetworkOptions } from './io/load/index.js';
export {
  loadGeography,
  GeographyError,
  GEOGRAPHY_COLUMNS,
  type AttributeSource,
  type GeographySources,
  type LoadGeographyOptions,
} from './io/geography.js';
export { swedenGeography, demoDataset, SWEDEN, SWEDEN_SOURCE, SWEDISH_NAME_RULES } from './io/sweden.js';
export {
  NameRulesSchema,
  type Country,
  type CountryAttributeTable,
  type CountryDataset,
  type CountryTable,
  type CountryWords,
  type CountryText,
  type NameRules,
  type Row,
} from './model/country.js';
export type { DemoWords } from './model/demo-words.js';
export { DEFAULT_COUNTRY } from './countries/default.js';
export type { DatasetInput } from './io/country.js';
export type { TableSource } from './io/source.js';

export { summaryByCounty, SummaryOptionsSchema, type SummaryOptions, type CountySummaryRow } from './analysis/summary.js';

export type { PathSampling } from './metrics/path-centralities.js';
export { type SyntheticNetworkOptions, type SyntheticNetwork } from './synthetic/network.js';
export { type WrittenSyntheticNetwork } from './synthetic/files.js';
export { type SyntheticCapabilitiesOptions, type SyntheticCapabilities, type SyntheticCapabilityRow, type CapabilityCalibration } from './synthetic/capabilities.js';

export type { ActorRowBase } from './analysis/view.js';
export {
  centrality,
  centralityByMunicipality,
  CentralityOptionsSchema,
  MunicipalityCentralityOptionsSchema,
  CENTRALITY_MEASURES,
  SamplesSchema,
  WorkersSchema,
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
export {
  loadCapabilities,
  LoadCapabilitiesOptionsSchema,
  CAPABILITY_COLUMNS,
  type LoadCapabilitiesOptions,
} from './io/capabilities.js';
export {
  capabilityCoverage,
  capabilitiesByMunicipality,
  competenceReach,
  capabilityGaps,
  capabilityStateCounts,
  CapabilityStateCountsOptionsSchema,
  MEMBERSHIP_LINK_KINDS,
  type CapabilityStateCountsOptions,
  type CapabilityStateCountRow,
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

// The report's and the explorer's `features` option; renderMap itself is samverkan/report's.
export {
  MapFeatureCollectionSchema,
  type MapFeatureCollection,
  type MapFeature,
  type MapFeatureProperties,
  type MapGeometry,
  type MapPosition,
} from './geo/map-features.js';
export { buildReport, ReportOptionsSchema, type ReportOptions, type ReportModel, type CountySection } from './report/model.js';
export { renderReport } from './report/html.js';
export { renderExplorer, ExplorerOptionsSchema, EXPLORER_STRINGS, EXPLORER_LANGUAGES, type ExplorerOptions, type ExplorerLang, type ExplorerStringKey } from './report/explore/index.js';

export * from './recommend/index.js';
