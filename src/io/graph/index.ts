/** Graph files: one module per format (`gexf.ts`, `graphml.ts`, `json.ts`, `csv.ts`), listed once in `GRAPH_FORMATS`. */
export { GRAPH_FORMATS, GRAPH_READ_FORMAT_NAMES, GRAPH_WRITE_FORMAT_NAMES, formatNamed, writeGraph, type CsvTables, type GraphFormat, type GraphFormatSpec, type GraphWriteFormat, type GraphWriteOptions } from './formats.js';
export { readGraphFile, ReadGraphOptionsSchema, type GraphFile, type ReadGraphOptions } from './read.js';
export type { GraphEdgeField, GraphEdgeRow, GraphNodeField, GraphNodeRow } from './fields.js';
export { checkGraphSource, type GraphSource } from './source.js';
export { toGexf } from './gexf.js';
export { toGraphml } from './graphml.js';
export { toGraphologyJson, GraphologyJsonOptionsSchema, type GraphologyJsonOptions } from './json.js';
export { nodeTable, edgeTable, toCsvTables, CsvTablesOptionsSchema, type CsvTablesOptions, type NodeTableRow, type EdgeTableRow } from './csv.js';
export { GraphExportOptionsSchema, RESERVED_NODE_COLUMNS, RESERVED_EDGE_COLUMNS, type GraphExportOptions, type NodeColumn, type AttributeType, type CellValue } from './model.js';
