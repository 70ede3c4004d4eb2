// samverkan: analyse cross-municipal cooperation networks.
// Layers, each importing only those listed before it:
// model → io → geo → metrics → analysis → recommend → report (→ cli).

export * from './model/schema.js';
export * from './model/table.js';
export { nodeKey, actorIdOf, KEY_ESCAPE } from './model/keys.js';
export * from './model/load-report.js';
export { indexGeography, findMunicipality, findCounty, normaliseName, type GeographyIndex } from './model/geography.js';
export {
  CooperationNetwork,
  type NetworkLink,
  type ActorNodeAttributes,
  type PairEdgeAttributes,
  type MunicipalityTie,
  type MunicipalityProjection,
  type MunicipalityProjectionOptions,
  type NetworkParts,
} from './model/network.js';

export { loadNetwork, LoadError, type LoadNetworkInput, type LoadNetworkOptions } from './io/load-network.js';
export { loadGeography, GeographyError, GEOGRAPHY_COLUMNS, type GeographySources, type LoadGeographyOptions } from './io/geography.js';
export { swedenGeography, swedenCooperationBodies, swedenPoliceRegions, demoDataset, SWEDEN_SOURCE, type DatasetInput, type Row } from './io/sweden.js';
export { ACTOR_COLUMNS, LINK_COLUMNS, KIND_ALIASES, normaliseKind, normaliseHeader } from './io/columns.js';
export { parseTable, detectDelimiter, type ParsedTable } from './io/csv.js';
export { decodeText, NotTextError, type DecodedText } from './io/text.js';
export type { TableSource } from './io/source.js';

export { toCsr, type Csr, type CsrOptions } from './metrics/csr.js';

export { haversineKm, municipalityDistanceKm, borderSteps, EARTH_RADIUS_KM } from './geo/distance.js';
export { neighbours, NeighboursOptionsSchema, type NeighboursOptions, type NeighbourRow } from './geo/neighbours.js';
export { createRng, shuffled, type Rng } from './metrics/random.js';
export { toCsv, safeCell, type CsvOptions } from './io/write-csv.js';

export { summaryByCounty, SummaryOptionsSchema, type SummaryOptions, type CountySummaryRow } from './analysis/summary.js';

export { formatTextTable, formatMarkdownTable, escapeMarkdownCell, displayValue, type TableFormatOptions } from './report/table.js';
