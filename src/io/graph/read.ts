/** Reading a graph file into actor and link rows, whatever its format (see `GRAPH_FORMATS`). */
import { z } from 'zod';
import { NO_GEOGRAPHY } from '../../model/geography.js';
import { because, type Problem, type ProblemReason } from '../../model/load-report.js';
import { parseOptions } from '../../model/options.js';
import type { Geography } from '../../model/schema.js';
import { defaultGeography } from '../load/geography.js';
import { XmlError } from '../xml.js';
import { mapGraph, placedNodes, type GraphEdgeField, type GraphNodeField, type MappedGraph } from './fields.js';
import { formatNamed, GRAPH_READ_FORMAT_NAMES, parseGraph, type GraphFormat } from './formats.js';
import { GraphFormatError } from './raw.js';
import { sourceText, type GraphSource } from './source.js';

export const ReadGraphOptionsSchema = z.strictObject({
  /** The format; default: from the extension (`.gexf`, `.graphml`, `.json`), else from the content. */
  format: z.enum(GRAPH_READ_FORMAT_NAMES).optional(),
  /**
   * Geography whose municipalities nodes without a kind may name. Default:
   * Sweden. `'auto'` (what `loadNetwork` passes when no geography is
   * given): Sweden when some node has a kind, municipality or county
   * attribute (the file says where its nodes are), else none: the file is a
   * plain graph, every node an actor of kind `other`, and no node is read as
   * a municipality.
   */
  geography: z
    .union([z.literal('auto'), z.custom<Geography>((v) => typeof v === 'object' && v !== null && Array.isArray((v as { municipalities?: unknown }).municipalities), "expected a geography object or 'auto'")])
    .optional(),
});
export type ReadGraphOptions = z.input<typeof ReadGraphOptionsSchema>;

/** A graph file read into rows. */
export interface GraphFile extends Omit<MappedGraph, 'warnings'> {
  /** File name or label, used in every message. */
  file: string;
  /** Undefined when the file could not be read at all (see `problems`). */
  format: GraphFormat | undefined;
  /** Text encoding, when the input was bytes. */
  encoding?: string;
  /** Problems with the whole file (row 0): unreadable, malformed XML (with its line), directed edges, kinds assumed. */
  problems: Problem[];
  /** The geography the nodes were read against (`NO_GEOGRAPHY` for a plain graph). */
  geography: Geography;
}

const EMPTY_FIELDS = {
  node: { id: 'id', name: 'label', kind: 'kind', municipality: 'municipality', county: 'county' } satisfies Record<GraphNodeField, string>,
  edge: { source: 'source', target: 'target', kind: 'kind', weight: 'weight', since: 'since', until: 'until' } satisfies Record<GraphEdgeField, string>,
};

/**
 * Read a GEXF, GraphML or JSON graph file into actor and link rows.
 *
 * Format: `options.format`, else the extension, else the content (`{`:
 * JSON; an XML root `<gexf>` or `<graphml>`). Supported: GEXF 1.1draft,
 * 1.2draft and 1.3 (attributes by `title`, `<attvalues>` with `for` or `id`,
 * defaults; viz and spells ignored; the first value of a dynamic attribute);
 * GraphML (`<key>` `attr.name`, defaults; the first `<graph>`; structured
 * yFiles data ignored); graphology JSON (`{ options, nodes: [{ key,
 * attributes }], edges: [{ source, target, attributes }] }`) and NetworkX
 * node-link JSON (`{ nodes: [{ id, … }], edges | links: [{ source, target, … }] }`).
 *
 * Nodes become actors:
 * - id: the node id (GEXF/GraphML `id`, graphology `key`). Exception, for
 *   igraph's `write_graphml`, which writes ids `n0, n1, …` and the vertex
 *   names as the attribute `name`: when every node id is `n<position−1>` and
 *   every node has a `name`, the `name` is the id.
 * - name: the GEXF `label` unless it only repeats the id (NetworkX writes
 *   one for every node), else the node's first non-empty attribute called
 *   `label`, `name`, `namn`… (the CSV loader's aliases), else the label,
 *   else the id.
 * - kind, municipality, county: the node's first non-empty attribute whose
 *   name is one of the CSV loader's aliases (`kind`/`type`/`typ`…,
 *   `municipality`/`kommun`…, `county`/`län`…), case-insensitive, in the
 *   order of those lists; so a file whose nodes say `kind` on some and
 *   `type` on others is read as meant.
 * - A node without a kind whose id, or else name, is a municipality of the
 *   geography (a code such as `2480` exactly, or a name such as `Umeå` or
 *   `Umeå kommun`) is that municipality; any other node without a kind is of
 *   kind `other`. Both are said in a warning. A node of kind municipality
 *   named by its name (or label) gets the municipality's code as its id.
 * - Every other attribute is kept as an actor attribute (text).
 *
 * Edges become links: ends are the actor ids of the nodes they join;
 * `weight` from the GEXF weight or an attribute `weight`/`vikt`…; `kind`
 * from the GEXF `kind`, an attribute `kind`/`type`…, else the label;
 * `since`/`until` from attributes of those names (or `start`/`end`…), or the
 * GEXF `start`/`end` when they are dates. Directed edges are read as
 * undirected links, with a warning. Other attributes are kept, except
 * the columns samverkan's own export derives (`crossMunicipal`,
 * `crossCounty`, and for aggregated pairs `count`; a pair's `kinds` becomes
 * its kind when it has one kind, else stays an attribute).
 *
 * Values are trimmed and NFC-normalised, as CSV cells are. Never throws on
 * bad input: a file that cannot be read (not found, not a regular file,
 * larger than 256 MiB, not text, malformed XML or JSON, nested more than
 * 512 levels) gives no rows and an error in `problems` with its line. (A
 * source of the wrong type, such as a number, is an `ArgumentError`, and
 * an unknown or wrong option an `OptionsError` naming it: a bug in the
 * caller, not bad input.)
 */
export function readGraphFile(source: GraphSource, options: ReadGraphOptions = {}): GraphFile {
  const o = parseOptions(ReadGraphOptionsSchema, options, 'readGraphFile');
  const read = sourceText(source, '(graph)');
  const { file } = read;
  const given = o.geography ?? defaultGeography();
  const result: GraphFile = {
    file,
    format: undefined,
    directed: false,
    nodeFields: { ...EMPTY_FIELDS.node },
    edgeFields: { ...EMPTY_FIELDS.edge },
    nodes: [],
    edges: [],
    problems: read.problems,
    geography: given === 'auto' ? NO_GEOGRAPHY : given,
  };
  if (read.encoding !== undefined) result.encoding = read.encoding;
  if (read.text === undefined) return result;
  const text = read.text;
  const fileProblem = (reason: ProblemReason, severity: Problem['severity'], line?: number): Problem => {
    const p: Problem = { file, row: 0, ...reason, severity };
    if (line !== undefined) p.line = line;
    return p;
  };
  if (text.replace(/^\uFEFF/, '').trim() === '') {
    result.problems.push(fileProblem(because('file.empty'), 'error'));
    return result;
  }
  let parsed: ReturnType<typeof parseGraph>;
  try {
    parsed = parseGraph(text, o.format ?? formatNamed(file));
  } catch (error) {
    if (error instanceof XmlError) {
      result.problems.push(fileProblem(because('graph.xml', { detail: error.said, column: error.column }), 'error', error.line));
      return result;
    }
    if (error instanceof GraphFormatError) {
      result.problems.push(fileProblem(error.problem, 'error', error.line));
      return result;
    }
    throw error;
  }
  const { format, raw } = parsed;
  const geography = given !== 'auto' ? given : placedNodes(raw) ? defaultGeography() : NO_GEOGRAPHY;
  result.geography = geography;
  const { warnings, ...mapped } = mapGraph(raw, geography);
  Object.assign(result, mapped, { format });
  for (const w of warnings) result.problems.push(fileProblem(w, 'warning'));
  if (mapped.nodes.length === 0) result.problems.push(fileProblem(because('graph.no_nodes'), 'warning'));
  return result;
}
