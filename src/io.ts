// samverkan/io: the readers and writers around the loaders: the streaming loader,
// CSV parsing and decoding, the column vocabulary, graph files (GEXF, GraphML,
// graphology JSON, CSV tables) and the XML reader behind them.
export { loadNetworkStream, type LoadNetworkStreamOptions } from './io/load/index.js';
export { ACTOR_COLUMNS, LINK_COLUMNS, KIND_ALIASES, normaliseHeader } from './io/columns.js';
export { normaliseKind } from './io/country.js';
export { parseTable, detectDelimiter, type ParsedTable } from './io/csv.js';
export { decodeText, NotTextError, type DecodedText } from './io/text.js';
export { MAX_IN_MEMORY_BYTES, type TableSource } from './io/source.js';
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
export { syntheticNetwork, SyntheticNetworkOptionsSchema } from './synthetic/network.js';
export { syntheticCapabilities, SyntheticCapabilitiesOptionsSchema, SYNTHETIC_CAPABILITY_CALIBRATION, LACKING_CAPABILITIES } from './synthetic/capabilities.js';
export { writeSyntheticNetwork } from './synthetic/files.js';
