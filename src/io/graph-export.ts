/** The graph writers moved to `io/graph/` (issue 13); this module keeps the old import path working. */
export * from './graph/index.js';
