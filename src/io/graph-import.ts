import { findMunicipality, indexGeography, isPlainGeography, NO_GEOGRAPHY } from '../model/geography.js';
import type { Problem } from '../model/load-report.js';
import type { Geography } from '../model/schema.js';
import { ACTOR_COLUMNS, LINK_COLUMNS, normaliseHeader, normaliseKind } from './columns.js';
import { ArgumentError, describeValue } from '../model/errors.js';
import { filePathOf, MAX_IN_MEMORY_BYTES, readFileBytes } from './source.js';
import { swedenGeography } from './sweden.js';
import { decodeText, decodeWindows1252, NotTextError } from './text.js';
import { childNamed, childrenNamed, MAX_XML_DEPTH, parseXml, XmlError, type XmlElement } from './xml.js';
import { ownRecord } from '../model/own.js';

/**
 * Reading networks from graph files: GEXF (Gephi, `nx.write_gexf`), GraphML
 * (`nx.write_graphml`, igraph's `write_graphml`, Cytoscape, yEd) and JSON
 * (graphology's serialisation, NetworkX's node-link format). The result is
 * actor and link rows that `loadNetwork({ graph })` validates like CSV rows,
 * numbered by position: node N is the N-th node element of the file.
 */

/**
 * Where a graph file comes from: `{ path, name? }` (a file, whatever its
 * path looks like), a bare string by one rule (a string that starts with
 * `<` or `{` after spaces, or has a line break, is the file's text;
 * any other string is a path), a `file:` URL, the file's text as
 * `{ text, name }`, or its bytes (or `{ bytes, name }`).
 */
export type GraphSource =
  | string
  | URL
  | Uint8Array
  | { readonly path: string | URL; readonly name?: string }
  | { readonly text: string; readonly name?: string }
  | { readonly bytes: Uint8Array; readonly name?: string };

export type GraphFormat = 'gexf' | 'graphml' | 'json';

export interface ReadGraphOptions {
  /** The format; default: from the extension (`.gexf`, `.graphml`, `.json`), else from the content. */
  format?: GraphFormat;
  /**
   * Geography whose municipalities nodes without a kind may name. Default:
   * Sweden. `'auto'` (what `loadNetwork` passes when no geography is
   * given): Sweden when some node has a kind, municipality or county
   * attribute (the file says where its nodes are), else none: the file is a
   * plain graph, every node an actor of kind `other`, and no node is read as
   * a municipality.
   */
  geography?: Geography | 'auto';
}

/** A node of a graph file as an actor row. Empty strings are absent values, as in a CSV cell. */
export interface GraphNodeRow {
  /** Position of the node in the file, 1-based. */
  row: number;
  /** Line of the node's start tag (XML formats). */
  line?: number;
  id: string;
  name: string;
  kind: string;
  municipality: string;
  county: string;
  /** Every other attribute, as text; own properties, so a name such as `__proto__` is kept. */
  attributes: Record<string, string>;
}

/** An edge of a graph file as a link row. `source` and `target` are actor ids (see {@link readGraphFile}). */
export interface GraphEdgeRow {
  row: number;
  line?: number;
  source: string;
  target: string;
  kind: string;
  weight: string;
  since: string;
  until: string;
  attributes: Record<string, string>;
}

export type GraphNodeField = 'id' | 'name' | 'kind' | 'municipality' | 'county';
export type GraphEdgeField = 'source' | 'target' | 'kind' | 'weight' | 'since' | 'until';

/** A graph file read into rows. */
export interface GraphFile {
  /** File name or label, used in every message. */
  file: string;
  /** Undefined when the file could not be read at all (see `problems`). */
  format: GraphFormat | undefined;
  /** Text encoding, when the input was bytes. */
  encoding?: string;
  /** The file declares directed edges (read as undirected links, with a warning). */
  directed: boolean;
  /** Which attribute of the file each actor field was read from, as written in the file (`label`, `type`, `kommun`…). */
  nodeFields: Record<GraphNodeField, string>;
  /** Which attribute each link field was read from. */
  edgeFields: Record<GraphEdgeField, string>;
  nodes: GraphNodeRow[];
  edges: GraphEdgeRow[];
  /** Problems with the whole file (row 0): unreadable, malformed XML (with its line), directed edges, kinds assumed. */
  problems: Problem[];
  /** The geography the nodes were read against (`NO_GEOGRAPHY` for a plain graph). */
  geography: Geography;
}

/** A node or edge as the format gives it, before its attributes are mapped to fields. */
interface RawElement {
  row: number;
  line?: number;
  /** Node: the element id. */
  id?: string;
  /** GEXF `label`. */
  label?: string;
  source?: string;
  target?: string;
  /** Format-level edge fields: GEXF `weight`, `kind`, `start`, `end`. */
  weight?: string;
  kind?: string;
  start?: string;
  end?: string;
  directed?: boolean;
  /** Data attributes by name, in file order. */
  attributes: Map<string, string>;
}

interface RawGraph {
  format: GraphFormat;
  /** The name of the node id as the format calls it (`id`, `key`). */
  idName: string;
  nodes: RawElement[];
  edges: RawElement[];
  /** GEXF `timeformat`. */
  timeformat?: string;
  warnings: string[];
}

class GraphFormatError extends Error {
  readonly line: number | undefined;
  constructor(message: string, line?: number) {
    super(message);
    this.line = line;
  }
}

const EXTENSIONS: Readonly<Record<string, GraphFormat>> = { gexf: 'gexf', graphml: 'graphml', json: 'json' };

function extensionFormat(file: string): GraphFormat | undefined {
  const m = /\.([A-Za-z]+)$/.exec(file);
  return m ? EXTENSIONS[m[1]!.toLowerCase()] : undefined;
}

/** The text of a graph source, or a problem saying why there is none. */
function sourceText(source: GraphSource, label: string): { file: string; text?: string; encoding?: string; problems: Problem[] } {
  const problem = (file: string, reason: string, severity: Problem['severity'] = 'error'): Problem => ({ file, row: 0, reason, severity });
  const fromBytes = (file: string, bytes: Uint8Array) => {
    if (bytes.length === 0) return { file, problems: [problem(file, 'the file is empty')] };
    try {
      const decoded = decodeText(bytes);
      let { text } = decoded;
      const problems: Problem[] = [];
      if (decoded.warning) {
        // decodeText's advice is about CSV; an XML file names its encoding.
        const declared = /^<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/.exec(text)?.[1]?.toLowerCase();
        if (declared && /^(iso-8859-1|latin-?1|windows-1252|cp1252)$/.test(declared)) text = decodeWindows1252(bytes);
        else problems.push(problem(file, 'the file is not valid UTF-8; it was read as Windows-1252. Save it as UTF-8 to be sure å, ä and ö come through', 'warning'));
      }
      return { file, text, encoding: decoded.encoding, problems };
    } catch (error) {
      if (error instanceof NotTextError) return { file, problems: [problem(file, error.message.replace(/; save it .*$/, ''))] };
      throw error;
    }
  };
  const fromPath = (path: string | URL, file: string) => {
    const read = readFileBytes(path, "the file's text or bytes", MAX_IN_MEMORY_BYTES);
    return 'reason' in read ? { file, problems: [problem(file, read.reason)] } : fromBytes(file, read.bytes);
  };
  if (typeof source === 'string') {
    const looksLikeContent = /[\r\n]/.test(source) || /^\uFEFF?\s*[<{]/.test(source);
    return looksLikeContent ? { file: label, text: source, problems: [] } : fromPath(source, source);
  }
  const named = filePathOf(source as Parameters<typeof filePathOf>[0]);
  if (named) return fromPath(named.path, named.file);
  if (source instanceof Uint8Array) return fromBytes(label, source);
  const s = (typeof source === 'object' && source !== null ? source : {}) as { text?: unknown; bytes?: unknown; name?: unknown };
  const name = typeof s.name === 'string' ? s.name : label;
  if (typeof s.text === 'string') return { file: name, text: s.text, problems: [] };
  if (s.bytes instanceof Uint8Array) return fromBytes(name, s.bytes);
  throw new ArgumentError(`readGraphFile: expected a file path, { path }, { text }, { bytes } or bytes; got ${describeValue(source)}`);
}

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

// ---------------------------------------------------------------------------
// GEXF (https://gexf.net): 1.1draft, 1.2draft and 1.3.

/** `<outer><inner/>…</outer>` children of `element`: the `inner` elements of its first `outer` child. */
function grandchildren(element: XmlElement, outer: string, inner: string): XmlElement[] {
  const container = childNamed(element, outer);
  return container ? childrenNamed(container, inner) : [];
}

function parseGexf(root: XmlElement): RawGraph {
  const graph = childNamed(root, 'graph');
  if (!graph) throw new GraphFormatError('the GEXF file has no <graph> element', root.line);
  const warnings: string[] = [];
  const defaultDirected = graph.attributes.get('defaultedgetype') === 'directed';
  const models: Record<'node' | 'edge', Map<string, { title: string; default?: string }>> = { node: new Map(), edge: new Map() };
  for (const attributes of childrenNamed(graph, 'attributes')) {
    const cls = attributes.attributes.get('class');
    if (cls !== 'node' && cls !== 'edge') continue;
    for (const a of childrenNamed(attributes, 'attribute')) {
      const id = a.attributes.get('id');
      if (id === undefined) throw new GraphFormatError('an <attribute> without an id', a.line);
      const entry: { title: string; default?: string } = { title: a.attributes.get('title') || id };
      const d = childNamed(a, 'default');
      if (d) entry.default = d.text;
      models[cls].set(id, entry);
    }
  }
  const attvalues = (element: XmlElement, cls: 'node' | 'edge'): Map<string, string> => {
    const values = new Map<string, string>();
    const model = models[cls];
    for (const [, a] of model) if (a.default !== undefined) values.set(a.title, a.default);
    const seen = new Set<string>();
    let dynamic = false;
    for (const v of grandchildren(element, 'attvalues', 'attvalue')) {
      const key = v.attributes.get('for') ?? v.attributes.get('id');
      const value = v.attributes.get('value');
      if (key === undefined || value === undefined) throw new GraphFormatError('an <attvalue> needs "for" and "value"', v.line);
      const title = model.get(key)?.title;
      if (title === undefined) throw new GraphFormatError(`an <attvalue> for an undeclared ${cls} attribute "${key}"`, v.line);
      // Dynamic graphs repeat an attribute with start/end: the first value is kept.
      if (seen.has(title)) {
        dynamic = true;
        continue;
      }
      seen.add(title);
      values.set(title, value);
    }
    if (dynamic && !warnings.some((w) => w.startsWith('dynamic'))) warnings.push('dynamic attribute values (several per attribute over time): the first value of each is read');
    return values;
  };

  const nodes: RawElement[] = [];
  const collectNodes = (container: XmlElement | undefined, depth: number) => {
    if (!container) return;
    for (const node of childrenNamed(container, 'node')) {
      const id = node.attributes.get('id');
      if (id === undefined) throw new GraphFormatError(`node ${nodes.length + 1} has no id`, node.line);
      const raw: RawElement = { row: nodes.length + 1, line: node.line, id, attributes: attvalues(node, 'node') };
      const label = node.attributes.get('label');
      if (label !== undefined) raw.label = label;
      nodes.push(raw);
      const sub = childNamed(node, 'nodes');
      if (sub) {
        if (depth === 0 && !warnings.some((w) => w.startsWith('nested'))) warnings.push('nested nodes (a hierarchy) are read as ordinary nodes; the hierarchy is not kept');
        collectNodes(sub, depth + 1);
      }
    }
  };
  collectNodes(childNamed(graph, 'nodes'), 0);

  const edges: RawElement[] = [];
  for (const edge of grandchildren(graph, 'edges', 'edge')) {
    const raw: RawElement = { row: edges.length + 1, line: edge.line, attributes: attvalues(edge, 'edge') };
    const get = (name: string) => edge.attributes.get(name);
    const source = get('source');
    const target = get('target');
    if (source !== undefined) raw.source = source;
    if (target !== undefined) raw.target = target;
    for (const name of ['weight', 'kind', 'label', 'start', 'end'] as const) {
      const v = get(name);
      if (v !== undefined) raw[name] = v;
    }
    const type = get('type');
    raw.directed = type === undefined ? defaultDirected : type === 'directed';
    edges.push(raw);
  }
  const graphResult: RawGraph = { format: 'gexf', idName: 'id', nodes, edges, warnings };
  const timeformat = graph.attributes.get('timeformat');
  if (timeformat !== undefined) graphResult.timeformat = timeformat;
  return graphResult;
}

// ---------------------------------------------------------------------------
// GraphML (http://graphml.graphdrawing.org/).

function parseGraphml(root: XmlElement): RawGraph {
  const warnings: string[] = [];
  const keys = new Map<string, { name: string; for: string; default?: string }>();
  for (const key of childrenNamed(root, 'key')) {
    const id = key.attributes.get('id');
    if (id === undefined) throw new GraphFormatError('a <key> without an id', key.line);
    const entry: { name: string; for: string; default?: string } = { name: key.attributes.get('attr.name') ?? id, for: key.attributes.get('for') ?? 'all' };
    const d = childNamed(key, 'default');
    if (d) entry.default = d.text;
    keys.set(id, entry);
  }
  const graphs = childrenNamed(root, 'graph');
  const graph = graphs[0];
  if (!graph) throw new GraphFormatError('the GraphML file has no <graph> element', root.line);
  if (graphs.length > 1) warnings.push(`the file holds ${graphs.length} graphs; only the first is read`);
  const defaultDirected = graph.attributes.get('edgedefault') === 'directed';
  const data = (element: XmlElement, kind: 'node' | 'edge'): Map<string, string> => {
    const values = new Map<string, string>();
    for (const [, k] of keys) if (k.default !== undefined && (k.for === kind || k.for === 'all')) values.set(k.name, k.default);
    for (const d of childrenNamed(element, 'data')) {
      const id = d.attributes.get('key');
      if (id === undefined) throw new GraphFormatError('a <data> element without a key', d.line);
      const key = keys.get(id);
      if (!key) throw new GraphFormatError(`a <data> element for an undeclared key "${id}"`, d.line);
      // Structured data (yFiles graphics and the like) is not an attribute value.
      if (d.children.length > 0) continue;
      values.set(key.name, d.text);
    }
    return values;
  };
  const nodes: RawElement[] = [];
  const edges: RawElement[] = [];
  for (const child of graph.children) {
    if (child.local === 'node') {
      const id = child.attributes.get('id');
      if (id === undefined) throw new GraphFormatError(`node ${nodes.length + 1} has no id`, child.line);
      nodes.push({ row: nodes.length + 1, line: child.line, id, attributes: data(child, 'node') });
      if (childNamed(child, 'graph') && !warnings.some((w) => w.startsWith('nested'))) warnings.push('nested graphs inside nodes are not read');
    } else if (child.local === 'edge') {
      const raw: RawElement = { row: edges.length + 1, line: child.line, attributes: data(child, 'edge') };
      const source = child.attributes.get('source');
      const target = child.attributes.get('target');
      if (source !== undefined) raw.source = source;
      if (target !== undefined) raw.target = target;
      const directed = child.attributes.get('directed');
      raw.directed = directed === undefined ? defaultDirected : directed === 'true';
      edges.push(raw);
    } else if (child.local === 'hyperedge' && !warnings.some((w) => w.startsWith('hyperedges'))) {
      warnings.push('hyperedges are not read');
    }
  }
  return { format: 'graphml', idName: 'id', nodes, edges, warnings };
}

// ---------------------------------------------------------------------------
// JSON: graphology's serialisation and NetworkX's node-link data.

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

function parseJsonGraph(text: string): RawGraph {
  const deep = tooDeep(text);
  if (deep !== undefined) throw new GraphFormatError(`the JSON is nested more than ${MAX_JSON_DEPTH} levels deep (no graph file needs that many)`, deep);
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new GraphFormatError(`the file is not valid JSON (${(error as Error).message})`);
  }
  if (typeof data !== 'object' || data === null || !Array.isArray((data as { nodes?: unknown }).nodes)) {
    throw new GraphFormatError('the JSON has no "nodes" array: expected graphology\'s format ({ nodes: [{ key, attributes }], edges }) or NetworkX node-link data ({ nodes: [{ id }], edges | links })');
  }
  const d = data as { nodes: unknown[]; edges?: unknown; links?: unknown; options?: { type?: unknown }; directed?: unknown };
  const list = Array.isArray(d.edges) ? d.edges : Array.isArray(d.links) ? d.links : [];
  const graphology = d.nodes.some((n) => typeof n === 'object' && n !== null && 'key' in n);
  const warnings: string[] = [];
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
  return { format: 'json', idName: graphology ? 'key' : 'id', nodes, edges, warnings };
}

// ---------------------------------------------------------------------------
// Mapping attributes to actor and link fields.

/** Attribute names that may hold the name, in order of preference (after `normaliseHeader`). */
const NODE_NAME_ALIASES = ['label', ...ACTOR_COLUMNS.name.filter((a) => a !== 'label')];

/**
 * The attributes of the file that may hold a field, most preferred first:
 * those whose normalised name is an alias, in the order of the alias list.
 */
function candidates(names: readonly string[], aliases: readonly string[], skip: ReadonlySet<string>): string[] {
  const found: string[] = [];
  for (const alias of aliases) for (const n of names) if (!skip.has(n) && !found.includes(n) && normaliseHeader(n) === alias) found.push(n);
  return found;
}

function attributeNames(elements: readonly RawElement[]): string[] {
  const names = new Set<string>();
  for (const e of elements) for (const k of e.attributes.keys()) names.add(k);
  return [...names];
}

const clean = (s: string | undefined) => (s ?? '').normalize('NFC').trim();


/**
 * Field values of one element: for each field, the first candidate attribute
 * with a non-empty value on this element. Returns the values and the
 * attributes left over (used ones and `drop` removed, empty ones skipped).
 */
function takeFields<F extends string>(
  element: RawElement,
  fields: Readonly<Record<F, readonly string[]>>,
  drop: ReadonlySet<string>,
): { values: Record<F, string>; rest: [string, string][] } {
  const used = new Set<string>();
  const values = {} as Record<F, string>;
  for (const field of Object.keys(fields) as F[]) {
    values[field] = '';
    for (const name of fields[field]) {
      const v = clean(element.attributes.get(name));
      if (v !== '' && !used.has(name)) {
        values[field] = v;
        used.add(name);
        break;
      }
    }
  }
  const rest: [string, string][] = [];
  for (const [k, v] of element.attributes) {
    if (used.has(k) || drop.has(k)) continue;
    const text = clean(v);
    if (text !== '') rest.push([k, text]);
  }
  return { values, rest };
}

/** An ISO date at the start of a GEXF time (`2015-02-28` or `2015-02-28T10:00:00`), else undefined. */
function gexfDate(value: string | undefined): string | undefined {
  const m = value === undefined ? null : /^(\d{4}-\d{2}-\d{2})(T.*)?$/.exec(value.trim());
  return m ? m[1] : undefined;
}

/** Whether some node has a kind, municipality or county attribute: the file says where (and what) its nodes are. */
function placedNodes(raw: RawGraph): boolean {
  const names = attributeNames(raw.nodes);
  const fields = [...ACTOR_COLUMNS.kind, ...ACTOR_COLUMNS.municipality, ...ACTOR_COLUMNS.county];
  return candidates(names, fields, new Set()).some((name) => raw.nodes.some((n) => clean(n.attributes.get(name)) !== ''));
}

function mapGraph(raw: RawGraph, geography: Geography): Omit<GraphFile, 'file' | 'encoding' | 'problems' | 'geography'> & { warnings: string[] } {
  const warnings = [...raw.warnings];
  const ix = indexGeography(geography);
  const municipalityOf = (text: string) => {
    if (text === '') return undefined;
    // Bare numbers must be a code exactly: node "180" of a numbered graph is not Stockholm (0180).
    return /^\d+$/.test(text) ? ix.municipality.get(text) : findMunicipality(geography, text);
  };

  // Nodes.
  const names = attributeNames(raw.nodes);
  const igraph = raw.nodes.length > 0 && raw.nodes.every((n, i) => n.id === `n${i}` && clean(n.attributes.get('name')) !== '');
  const drop = new Set<string>(igraph ? ['name'] : []);
  const nodeCandidates = {
    name: candidates(names, NODE_NAME_ALIASES, drop),
    kind: candidates(names, ACTOR_COLUMNS.kind, drop),
    municipality: candidates(names, ACTOR_COLUMNS.municipality, drop),
    county: candidates(names, ACTOR_COLUMNS.county, drop),
  };
  const gexfLabels = raw.nodes.some((n) => n.label !== undefined);
  const nodeFields: Record<GraphNodeField, string> = {
    id: igraph ? 'name' : raw.idName,
    name: gexfLabels ? 'label' : (nodeCandidates.name[0] ?? (igraph ? 'name' : raw.idName)),
    kind: nodeCandidates.kind[0] ?? 'kind',
    municipality: nodeCandidates.municipality[0] ?? 'municipality',
    county: nodeCandidates.county[0] ?? 'county',
  };

  const actorIdOfNode = new Map<string, string>();
  let assumedOther = 0;
  let assumedMunicipality = 0;
  const nodes: GraphNodeRow[] = raw.nodes.map((n) => {
    const id = clean(igraph ? n.attributes.get('name') : n.id);
    const { values, rest } = takeFields(n, nodeCandidates, drop);
    const label = clean(n.label);
    // A GEXF label that only repeats the id (NetworkX writes one for every node) yields to a name attribute.
    const name = label !== '' && label !== id ? label : values.name || label;
    if (label !== '' && label !== id && values.name !== '') {
      const nameAttr = nodeCandidates.name.find((c) => clean(n.attributes.get(c)) === values.name)!;
      rest.push([nameAttr, values.name]);
    }
    let { kind, municipality } = values;
    let actorId = id;
    if (kind === '' || normaliseKind(kind) === 'municipality') {
      const m = municipalityOf(id) ?? municipalityOf(name);
      if (m) {
        if (kind === '') assumedMunicipality++;
        kind ||= 'municipality';
        actorId = m.code;
        municipality ||= m.code;
      } else if (kind === '') {
        kind = 'other';
        assumedOther++;
      }
    }
    if (!actorIdOfNode.has(n.id ?? '')) actorIdOfNode.set(n.id ?? '', actorId);
    const row: GraphNodeRow = { row: n.row, id: actorId, name, kind, municipality, county: values.county, attributes: ownRecord(rest) };
    if (n.line !== undefined) row.line = n.line;
    return row;
  });
  const without = assumedOther + assumedMunicipality;
  // In a plain graph every node is an actor of kind other: nothing was assumed that a user should check.
  if (without > 0 && !isPlainGeography(geography)) {
    const parts: string[] = [];
    if (assumedMunicipality > 0) parts.push(`${assumedMunicipality} whose id or name is a municipality of the ${geography.name} geography ${assumedMunicipality === 1 ? 'was' : 'were'} read as that municipality`);
    if (assumedOther > 0) parts.push(`${assumedOther} ${assumedOther === 1 ? 'was' : 'were'} read as kind "other"`);
    warnings.push(
      `${without} node${without === 1 ? ' has' : 's have'} no kind (attribute ${nodeFields.kind}): ${parts.join('; ')}` +
        (assumedOther > 0 ? '. Give nodes a kind attribute (municipality, county, authority, religious, civil_society, joint_body…) to say what they are' : ''),
    );
  }

  // Edges.
  const edgeNames = attributeNames(raw.edges);
  // samverkan's own exports carry columns it derives again from the actors
  // (crossMunicipal, crossCounty) and, for aggregated pairs, the number of
  // links and their distinct kinds: these are not kept as link attributes.
  const ours = edgeNames.includes('crossMunicipal') && edgeNames.includes('crossCounty');
  const pairs = ours && edgeNames.includes('count');
  const edgeDrop = new Set<string>(ours ? ['crossMunicipal', 'crossCounty', ...(pairs ? ['count'] : [])] : []);
  const dateFormat = raw.timeformat === undefined || raw.timeformat === 'date' || raw.timeformat === 'dateTime';
  const xmlDates = dateFormat && raw.edges.some((e) => gexfDate(e.start) !== undefined || gexfDate(e.end) !== undefined);
  const edgeCandidates = {
    weight: candidates(edgeNames, LINK_COLUMNS.weight, edgeDrop),
    kind: candidates(edgeNames, [...LINK_COLUMNS.kind, 'label'], edgeDrop),
    since: candidates(edgeNames, LINK_COLUMNS.since, edgeDrop),
    until: candidates(edgeNames, LINK_COLUMNS.until, edgeDrop),
  };
  const edgeFields: Record<GraphEdgeField, string> = {
    source: 'source',
    target: 'target',
    kind: raw.edges.some((e) => e.kind !== undefined) ? 'kind' : (edgeCandidates.kind[0] ?? (raw.edges.some((e) => e.label !== undefined) ? 'label' : pairs ? 'kinds' : 'kind')),
    weight: raw.edges.some((e) => e.weight !== undefined) ? 'weight' : (edgeCandidates.weight[0] ?? 'weight'),
    since: edgeCandidates.since[0] ?? (xmlDates ? 'start' : 'since'),
    until: edgeCandidates.until[0] ?? (xmlDates ? 'end' : 'until'),
  };

  let directedEdges = 0;
  const endOf = (xmlId: string | undefined) => (xmlId === undefined ? '' : (actorIdOfNode.get(xmlId) ?? clean(xmlId)));
  const edges: GraphEdgeRow[] = raw.edges.map((e) => {
    if (e.directed) directedEdges++;
    const { values, rest } = takeFields(e, edgeCandidates, edgeDrop);
    let kind = clean(e.kind) || values.kind || clean(e.label);
    if (e.label !== undefined && kind !== clean(e.label)) rest.push(['label', clean(e.label)]);
    // A pair of a samverkan export with one kind has that kind; several stay as the attribute `kinds`.
    if (pairs && kind === '') {
      const i = rest.findIndex(([k]) => k === 'kinds');
      if (i >= 0 && !rest[i]![1].includes(';')) kind = rest.splice(i, 1)[0]![1];
    }
    // GEXF times that are not dates (timeformat double or integer) stay attributes.
    if (!xmlDates) {
      if (e.start !== undefined) rest.push(['start', clean(e.start)]);
      if (e.end !== undefined) rest.push(['end', clean(e.end)]);
    }
    const row: GraphEdgeRow = {
      row: e.row,
      source: endOf(e.source),
      target: endOf(e.target),
      kind,
      weight: clean(e.weight) || values.weight,
      since: values.since || (xmlDates ? (gexfDate(e.start) ?? clean(e.start)) : ''),
      until: values.until || (xmlDates ? (gexfDate(e.end) ?? clean(e.end)) : ''),
      attributes: ownRecord(rest.filter(([, v]) => v !== '')),
    };
    if (e.line !== undefined) row.line = e.line;
    return row;
  });
  const directed = directedEdges > 0;
  if (directed) {
    warnings.push(
      `${directedEdges} edge${directedEdges === 1 ? ' is' : 's are'} directed; samverkan's networks are undirected, so each is read as a link between its two actors (A→B and B→A are two links of one pair)`,
    );
  }
  return { format: raw.format, directed, nodeFields, edgeFields, nodes, edges, warnings };
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
 * source of the wrong type, such as a number, is an `ArgumentError`: a bug
 * in the caller, not bad input.)
 */
export function readGraphFile(source: GraphSource, options: ReadGraphOptions = {}): GraphFile {
  const read = sourceText(source, '(graph)');
  const { file } = read;
  const given = options.geography ?? swedenGeography();
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
  const fileProblem = (reason: string, severity: Problem['severity'], line?: number): Problem => {
    const p: Problem = { file, row: 0, reason, severity };
    if (line !== undefined) p.line = line;
    return p;
  };
  if (text.replace(/^\uFEFF/, '').trim() === '') {
    result.problems.push(fileProblem('the file is empty', 'error'));
    return result;
  }
  const format = options.format ?? extensionFormat(file) ?? (/^\uFEFF?\s*[{[]/.test(text) ? 'json' : undefined);
  let raw: RawGraph;
  try {
    if (format === 'json') raw = parseJsonGraph(text);
    else {
      const root = parseXml(text);
      const kind = root.local === 'gexf' ? 'gexf' : root.local === 'graphml' ? 'graphml' : undefined;
      if (kind === undefined) throw new GraphFormatError(`not a GEXF or GraphML file: the root element is <${root.name}>`, root.line);
      if (format !== undefined && format !== kind) throw new GraphFormatError(`expected a ${format.toUpperCase()} file, but the root element is <${root.name}>`, root.line);
      raw = kind === 'gexf' ? parseGexf(root) : parseGraphml(root);
    }
  } catch (error) {
    if (error instanceof XmlError) {
      result.problems.push(fileProblem(`the file is not well-formed XML: ${error.message.replace(/ \(line \d+, column \d+\)$/, '')} at column ${error.column}`, 'error', error.line));
      return result;
    }
    if (error instanceof GraphFormatError) {
      result.problems.push(fileProblem(error.message, 'error', error.line));
      return result;
    }
    throw error;
  }
  const geography = given !== 'auto' ? given : placedNodes(raw) ? swedenGeography() : NO_GEOGRAPHY;
  result.geography = geography;
  const mapped = mapGraph(raw, geography);
  result.format = mapped.format;
  result.directed = mapped.directed;
  result.nodeFields = mapped.nodeFields;
  result.edgeFields = mapped.edgeFields;
  result.nodes = mapped.nodes;
  result.edges = mapped.edges;
  for (const w of mapped.warnings) result.problems.push(fileProblem(w, 'warning'));
  if (mapped.nodes.length === 0) result.problems.push(fileProblem('the graph has no nodes', 'warning'));
  return result;
}
