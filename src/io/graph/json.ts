/** JSON: the reader (graphology's serialisation and NetworkX's node-link data) and the writer (graphology's). */
import { because, type ProblemReason, type ProblemWords } from '../../model/load-report.js';
import { z } from 'zod';
import type { CooperationNetwork } from '../../model/network.js';
import { parseOptions } from '../../model/options.js';
import { MAX_XML_DEPTH } from '../xml.js';
import { setOwn } from '../../model/own.js';
import { buildModel, describeNetwork, GraphExportOptionsSchema } from './model.js';
import { GraphFormatError, type RawElement, type RawGraph } from './raw.js';

export const GraphologyJsonOptionsSchema = GraphExportOptionsSchema.extend({
  /** Spaces of indentation; 0 writes one line. Default 2. */
  indent: z.number().int().min(0).max(10).default(2),
});
export type GraphologyJsonOptions = z.input<typeof GraphologyJsonOptionsSchema>;

/**
 * How deep a JSON graph file may nest (the same limit as XML): a node-link
 * file nests four or five levels, and a deeper one is refused before it is
 * parsed, so no stack runs out on it (`JSON.stringify` of a deep attribute
 * value would, for one).
 */
const MAX_JSON_DEPTH = MAX_XML_DEPTH;

/** The line where JSON text first nests deeper than {@link MAX_JSON_DEPTH}, or undefined. One pass, strings skipped. */
function tooDeep(text: string): number | undefined {
  let depth = 0;
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    else if (c === 34) {
      // A string: skip to its closing quote (escapes skipped with it).
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 92) i++;
        else if (d === 34) break;
        else if (d === 10) line++;
      }
    } else if (c === 91 || c === 123) {
      if (++depth > MAX_JSON_DEPTH) return line;
    } else if (c === 93 || c === 125) depth--;
  }
  return undefined;
}



function jsonText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function jsonAttributes(record: unknown, skip: ReadonlySet<string>): Map<string, string> {
  const values = new Map<string, string>();
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return values;
  for (const key of Object.keys(record)) {
    if (skip.has(key)) continue;
    const text = jsonText((record as Record<string, unknown>)[key]);
    if (text !== undefined) values.set(key, text);
  }
  return values;
}

export function parseJsonGraph(text: string): RawGraph {
  const deep = tooDeep(text);
  if (deep !== undefined) throw new GraphFormatError(because('graph.json_deep', { max: MAX_JSON_DEPTH }), deep);
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new GraphFormatError(because('graph.json_invalid', { detail: jsonErrorWords((error as Error).message) }));
  }
  if (typeof data !== 'object' || data === null || !Array.isArray((data as { nodes?: unknown }).nodes)) {
    throw new GraphFormatError(because('graph.json_no_nodes'));
  }
  const d = data as { nodes: unknown[]; edges?: unknown; links?: unknown; options?: { type?: unknown }; directed?: unknown };
  const list = Array.isArray(d.edges) ? d.edges : Array.isArray(d.links) ? d.links : [];
  const graphology = d.nodes.some((n) => typeof n === 'object' && n !== null && 'key' in n);
  const warnings: ProblemReason[] = [];
  const nodes: RawElement[] = d.nodes.map((n, i) => {
    const node = (typeof n === 'object' && n !== null ? n : {}) as Record<string, unknown>;
    const raw: RawElement = {
      row: i + 1,
      attributes: graphology ? jsonAttributes(node.attributes, new Set()) : jsonAttributes(node, new Set(['id'])),
    };
    const id = jsonText(graphology ? node.key : node.id);
    if (id !== undefined) raw.id = id;
    return raw;
  });
  const directedGraph = graphology ? d.options?.type === 'directed' : d.directed === true;
  const edges: RawElement[] = list.map((e, i) => {
    const edge = (typeof e === 'object' && e !== null ? e : {}) as Record<string, unknown>;
    const raw: RawElement = {
      row: i + 1,
      attributes: graphology ? jsonAttributes(edge.attributes, new Set()) : jsonAttributes(edge, new Set(['source', 'target', 'key'])),
    };
    const source = jsonText(edge.source);
    const target = jsonText(edge.target);
    if (source !== undefined) raw.source = source;
    if (target !== undefined) raw.target = target;
    // graphology: a mixed graph marks its undirected edges; without options, edges are read as undirected.
    const type = d.options?.type;
    raw.directed = graphology ? type === 'directed' || (type === 'mixed' && edge.undirected !== true) : directedGraph;
    return raw;
  });
  return { idName: graphology ? 'key' : 'id', nodes, edges, warnings };
}


/**
 * The network as graphology's serialisation format (what `graph.export()`
 * returns and `Graph.from()` reads): `{ attributes, options, nodes, edges }`
 * with `options.type` `undirected`, `multi` true only with `edges: 'links'`.
 * Node `key` is the actor id; node attributes `label` (the name), `kind`,
 * `municipality`, `county`, the actors' attributes and the extra columns;
 * edge attributes as in {@link toGraphml}. Absent and non-finite values are
 * left out. Note that graphology itself mishandles keys such as
 * `__proto__` (see `nodeKey`); samverkan's reader does not.
 *
 * @example
 * const graph = UndirectedGraph.from(JSON.parse(toGraphologyJson(net)));
 */
export function toGraphologyJson(net: CooperationNetwork, options: GraphologyJsonOptions = {}): string {
  const o = parseOptions(GraphologyJsonOptionsSchema, options, 'toGraphologyJson');
  const m = buildModel(net, o, 'toGraphologyJson');
  const record = (values: Map<string, string | number | boolean>, first?: [string, string]) => {
    const r: Record<string, string | number | boolean> = {};
    if (first) setOwn(r, first[0], first[1]);
    for (const [k, v] of values) setOwn(r, k, v);
    return r;
  };
  const graph = {
    attributes: { name: describeNetwork(net), geography: net.geography.name, ...(net.date ? { date: net.date } : {}) },
    options: { type: 'undirected', multi: m.multi, allowSelfLoops: false },
    nodes: m.nodes.map((n) => ({ key: n.id, attributes: record(n.values, ['label', n.label]) })),
    edges: m.edges.map((e) => ({ key: e.id, source: e.source, target: e.target, undirected: true, attributes: record(e.values) })),
  };
  return JSON.stringify(graph, null, o.indent || undefined) + '\n';
}


/**
 * The JavaScript engine's JSON syntax error (English, from the engine) as
 * words by language: as written in English; in Swedish where it stopped
 * (the position or line and column the engine names), or that the text ends
 * too early.
 */
function jsonErrorWords(detail: string): ProblemWords {
  const lineColumn = /line (\d+) column (\d+)/.exec(detail);
  const position = /position (\d+)/.exec(detail);
  const sv = /end of JSON input|Unterminated/i.test(detail) && !lineColumn && !position
    ? 'texten tar slut mitt i ett värde'
    : lineColumn
      ? `fel syntax på rad ${lineColumn[1]}, kolumn ${lineColumn[2]}`
      : position
        ? `fel syntax vid tecken ${Number(position[1]) + 1}`
        : 'fel syntax';
  return { en: detail, sv };
}
