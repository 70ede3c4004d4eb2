/**
 * The interactive explorer (`samverkan explore`): one self-contained HTML
 * file with the network on the map. One job per file: the options
 * (options), the strings of each language (strings), the data computed in
 * Node (data, with the projected map in map and the ties in ties), the
 * page's script (client) and the page (render).
 */
export { renderExplorer, jsonForScript } from './render.js';
export { ExplorerOptionsSchema, type ExplorerOptions } from './options.js';
export { EXPLORER_STRINGS, EXPLORER_LANGUAGES, type ExplorerLang, type ExplorerStringKey } from './strings.js';
