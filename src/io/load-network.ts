/**
 * The loaders moved to `io/load/` (issue 13); this module keeps the old
 * import path working.
 */
export * from './load/index.js';
