/**
 * The chunked loaders, `loadNetworkStream` and `loadNetworkInChunks`, live
 * in `io/load/` (issue 13). The command line imports `loadNetworkInChunks`
 * from this module, so that a test can watch which path a large file takes.
 */
export { DEFAULT_HIGH_WATER_MARK, loadNetworkInChunks, loadNetworkStream, LoadNetworkStreamOptionsSchema, type LoadNetworkStreamOptions } from './load/index.js';
