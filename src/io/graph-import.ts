/** The graph reader moved to `io/graph/` (issue 13); this module keeps the old import path working. */
export { readGraphFile, ReadGraphOptionsSchema, type GraphEdgeField, type GraphEdgeRow, type GraphFile, type GraphFormat, type GraphNodeField, type GraphNodeRow, type GraphSource, type ReadGraphOptions } from './graph/index.js';
