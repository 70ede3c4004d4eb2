import { z } from 'zod';
import { cmp } from '../model/geography.js';
import type { CooperationNetwork } from '../model/network.js';
import type { Actor } from '../model/schema.js';
import { withColumns, type Rows } from '../model/table.js';
import { toCsv, type CsvOptions } from './write-csv.js';
import { stripNonXml, xmlAttribute, xmlText } from './xml.js';
import { parseOptions } from '../model/options.js';
import { setOwn } from '../model/own.js';

/**
 * Writers for graph file formats: GEXF 1.3 (Gephi), GraphML (Cytoscape,
 * yEd, NetworkX, igraph), graphology's JSON serialisation, and tidy node and
 * edge tables for CSV. Every writer is deterministic (the same network and
 * options give the same bytes) and names nodes by their actor ids, never by
 * the escaped graph keys of {@link nodeKey}, so `__proto__` is `__proto__`.
 */

/** The type of an attribute column in a graph file. */
export type AttributeType = 'string' | 'double' | 'integer' | 'boolean';

/** A value of an extra node column; `null`, `undefined` and non-finite numbers are written as absent. */
export type CellValue = string | number | boolean | null | undefined;

/**
 * An extra per-node column (a metric, a classification…) to write next to
 * the actor fields.
 */
export interface NodeColumn {
  /** Column (attribute) name. Must not be one of {@link RESERVED_NODE_COLUMNS}. */
  name: string;
  /**
   * Declared type. Default: `double` when every present value is a number,
   * `boolean` when every one is a boolean, else `string`.
   */
  type?: AttributeType;
  /** Value per actor id; actors without a value get none. */
  values: ReadonlyMap<string, CellValue>;
}

/** Node columns every format writes itself: the id, the name (as `label` in graph files) and the actor fields. */
export const RESERVED_NODE_COLUMNS = ['id', 'name', 'label', 'kind', 'municipality', 'county'] as const;

const NodeColumnSchema = z.custom<NodeColumn>(
  (v) => typeof v === 'object' && v !== null && typeof (v as NodeColumn).name === 'string' && (v as NodeColumn).values instanceof Map,
  { message: 'a node column is { name, type?, values: Map<actor id, value> }' },
);

export const GraphExportOptionsSchema = z.object({
  /**
   * `'pairs'` (default): one edge per linked pair of actors, as the network's
   * graph has them: `weight` (summed), `count` (links), `kinds` (distinct
   * link kinds, `; `-separated), `crossMunicipal`, `crossCounty`.
   * `'links'`: one edge per link (a multigraph), with its `weight`, `kind`,
   * `since`, `until`, `crossMunicipal`, `crossCounty` and attributes.
   */
  edges: z.enum(['pairs', 'links']).default('pairs'),
  /**
   * Extra node columns, written after the actor fields and the actors'
   * attributes. A column takes precedence over an actor attribute of the
   * same name (the attribute is then not written). Default none.
   */
  columns: z.array(NodeColumnSchema).default([]),
});
export type GraphExportOptions = z.input<typeof GraphExportOptionsSchema>;

export const GraphologyJsonOptionsSchema = GraphExportOptionsSchema.extend({
  /** Spaces of indentation; 0 writes one line. Default 2. */
  indent: z.number().int().min(0).max(10).default(2),
});
export type GraphologyJsonOptions = z.input<typeof GraphologyJsonOptionsSchema>;

type Options = z.output<typeof GraphExportOptionsSchema>;

interface Column {
  name: string;
  type: AttributeType;
}

interface Element {
  id: string;
  values: Map<string, string | number | boolean>;
}

interface Edge extends Element {
  source: string;
  target: string;
  weight: number;
}

/** What every format writes, prepared once: typed columns, nodes and edges with present values only. */
interface ExportModel {
  nodeColumns: Column[];
  nodes: (Element & { label: string })[];
  edgeColumns: Column[];
  edges: Edge[];
  multi: boolean;
}

const PAIR_EDGE_COLUMNS: readonly Column[] = [
  { name: 'weight', type: 'double' },
  { name: 'count', type: 'integer' },
  { name: 'kinds', type: 'string' },
  { name: 'crossMunicipal', type: 'boolean' },
  { name: 'crossCounty', type: 'boolean' },
];

const LINK_EDGE_COLUMNS: readonly Column[] = [
  { name: 'weight', type: 'double' },
  { name: 'kind', type: 'string' },
  { name: 'since', type: 'string' },
  { name: 'until', type: 'string' },
  { name: 'crossMunicipal', type: 'boolean' },
  { name: 'crossCounty', type: 'boolean' },
];

/** Edge column names the writers use themselves; a link attribute of one of these names is not written. */
export const RESERVED_EDGE_COLUMNS = ['id', 'source', 'target', 'label', 'weight', 'count', 'kinds', 'kind', 'since', 'until', 'crossMunicipal', 'crossCounty'] as const;


function inferType(values: Iterable<CellValue>): AttributeType {
  let numbers = 0;
  let booleans = 0;
  let others = 0;
  for (const v of values) {
    if (v === null || v === undefined) continue;
    if (typeof v === 'number') numbers++;
    else if (typeof v === 'boolean') booleans++;
    else others++;
  }
  if (others === 0 && booleans === 0 && numbers > 0) return 'double';
  if (others === 0 && numbers === 0 && booleans > 0) return 'boolean';
  return 'string';
}

/** A cell as the column's type wants it, or undefined when absent. Throws on a value that does not fit a numeric or boolean column. */
function typedValue(column: Column, id: string, value: CellValue): string | number | boolean | undefined {
  if (value === null || value === undefined) return undefined;
  switch (column.type) {
    case 'string':
      return typeof value === 'string' ? value : String(value);
    case 'boolean':
      if (typeof value !== 'boolean') throw new TypeError(`column ${JSON.stringify(column.name)}: the value for ${JSON.stringify(id)} is not a boolean`);
      return value;
    case 'double':
    case 'integer':
      if (typeof value !== 'number') throw new TypeError(`column ${JSON.stringify(column.name)}: the value for ${JSON.stringify(id)} is not a number`);
      if (!Number.isFinite(value)) return undefined;
      if (column.type === 'integer' && !Number.isSafeInteger(value)) {
        throw new TypeError(`column ${JSON.stringify(column.name)} is declared integer but the value for ${JSON.stringify(id)} is ${value}`);
      }
      return value;
  }
}

function sortedAttributeNames(records: Iterable<Record<string, string> | undefined>, reserved: ReadonlySet<string>): string[] {
  const names = new Set<string>();
  for (const r of records) if (r) for (const k of Object.keys(r)) if (!reserved.has(k)) names.add(k);
  return [...names].sort(cmp);
}

function buildModel(net: CooperationNetwork, o: Options): ExportModel {
  const actors = net.actors();
  const reservedNode = new Set<string>(RESERVED_NODE_COLUMNS);
  const extraNames = new Set<string>();
  for (const c of o.columns) {
    if (reservedNode.has(c.name)) throw new Error(`extra node column ${JSON.stringify(c.name)}: the name is reserved (${RESERVED_NODE_COLUMNS.join(', ')})`);
    if (extraNames.has(c.name)) throw new Error(`extra node column ${JSON.stringify(c.name)} is given twice`);
    extraNames.add(c.name);
  }
  const attributeNames = sortedAttributeNames(
    actors.map((a) => a.attributes),
    new Set([...reservedNode, ...extraNames]),
  );
  const extras = o.columns.map((c) => ({ column: { name: c.name, type: c.type ?? inferType(c.values.values()) } satisfies Column, values: c.values }));
  const nodeColumns: Column[] = [
    { name: 'kind', type: 'string' },
    { name: 'municipality', type: 'string' },
    { name: 'county', type: 'string' },
    ...attributeNames.map((name) => ({ name, type: 'string' as const })),
    ...extras.map((e) => e.column),
  ];
  const nodes = actors.map((actor: Actor) => {
    const values = new Map<string, string | number | boolean>();
    values.set('kind', actor.kind);
    if (actor.municipality !== undefined) values.set('municipality', actor.municipality);
    if (actor.county !== undefined) values.set('county', actor.county);
    for (const name of attributeNames) {
      const v = actor.attributes && Object.prototype.hasOwnProperty.call(actor.attributes, name) ? actor.attributes[name] : undefined;
      if (v !== undefined) values.set(name, v);
    }
    for (const { column, values: byId } of extras) {
      const v = typedValue(column, actor.id, byId.get(actor.id));
      if (v !== undefined) values.set(column.name, v);
    }
    return { id: actor.id, label: actor.name, values };
  });

  const edges: Edge[] = [];
  let edgeColumns: Column[];
  if (o.edges === 'pairs') {
    edgeColumns = [...PAIR_EDGE_COLUMNS];
    // From the network's pairs, not its graphology graph: a change made to `net.graph` is not the network's.
    net.forEachPair((sa, ta, a) => {
      const values = new Map<string, string | number | boolean>([
        ['weight', a.weight],
        ['count', a.count],
      ]);
      if (a.kinds.length > 0) values.set('kinds', a.kinds.join('; '));
      values.set('crossMunicipal', a.crossMunicipal);
      values.set('crossCounty', a.crossCounty);
      edges.push({ id: String(edges.length), source: sa.id, target: ta.id, weight: a.weight, values });
    });
  } else {
    const linkAttributeNames = sortedAttributeNames(
      net.links.map((l) => l.attributes),
      new Set(RESERVED_EDGE_COLUMNS),
    );
    edgeColumns = [...LINK_EDGE_COLUMNS, ...linkAttributeNames.map((name) => ({ name, type: 'string' as const }))];
    for (const link of net.links) {
      const values = new Map<string, string | number | boolean>([['weight', link.weight]]);
      if (link.kind !== undefined) values.set('kind', link.kind);
      if (link.since !== undefined) values.set('since', link.since);
      if (link.until !== undefined) values.set('until', link.until);
      values.set('crossMunicipal', link.crossMunicipal);
      values.set('crossCounty', link.crossCounty);
      for (const name of linkAttributeNames) {
        const v = link.attributes && Object.prototype.hasOwnProperty.call(link.attributes, name) ? link.attributes[name] : undefined;
        if (v !== undefined) values.set(name, v);
      }
      edges.push({ id: String(link.index), source: link.source, target: link.target, weight: link.weight, values });
    }
  }
  return { nodeColumns, nodes, edgeColumns, edges, multi: o.edges === 'links' };
}

/** Two ids that become one once characters XML forbids are dropped would merge two nodes: refuse. */
function checkXmlIds(m: ExportModel): void {
  const ids = m.nodes.map((n) => n.id);
  const seen = new Map<string, string>();
  for (const id of ids) {
    const clean = stripNonXml(id);
    const other = seen.get(clean);
    if (other !== undefined) {
      throw new Error(`actor ids ${JSON.stringify(other)} and ${JSON.stringify(id)} differ only in characters XML cannot hold; rename one before exporting`);
    }
    if (clean === '') throw new Error(`actor id ${JSON.stringify(id)} has only characters XML cannot hold`);
    seen.set(clean, id);
  }
}

function formatValue(value: string | number | boolean): string {
  return typeof value === 'number' ? String(value) : typeof value === 'boolean' ? (value ? 'true' : 'false') : value;
}

const GEXF_TYPE: Readonly<Record<AttributeType, string>> = { string: 'string', double: 'double', integer: 'integer', boolean: 'boolean' };
const GRAPHML_TYPE: Readonly<Record<AttributeType, string>> = { string: 'string', double: 'double', integer: 'long', boolean: 'boolean' };

function describeNetwork(net: CooperationNetwork): string {
  return `Cooperation network over ${net.geography.name}${net.date ? ` as of ${net.date}` : ''}, written by samverkan`;
}

/**
 * The network as GEXF 1.3 (namespace `http://gexf.net/1.3`, the format of
 * Gephi 0.9+; NetworkX reads it with `nx.read_gexf`).
 *
 * - `<graph defaultedgetype="undirected" mode="static">`.
 * - Nodes: `id` is the actor id, `label` the name; attributes (`<attvalues>`,
 *   declared in `<attributes class="node">` with numeric ids and the name as
 *   `title`): `kind`, `municipality`, `county` (codes), the actors'
 *   attributes (strings) and the extra `columns` (typed `double`, `integer`,
 *   `boolean` or `string`).
 * - Edges: the GEXF `weight` attribute and the columns listed in
 *   {@link GraphExportOptionsSchema} `edges`.
 *
 * Absent values have no `<attvalue>`. Every string is XML-escaped and
 * characters XML 1.0 forbids are dropped. Output is deterministic: nodes in
 * network order, pairs in the order of their first link, links in input order.
 *
 * @example
 * writeFileSync('network.gexf', toGexf(net));
 */
export function toGexf(net: CooperationNetwork, options: GraphExportOptions = {}): string {
  const m = buildModel(net, parseOptions(GraphExportOptionsSchema, options, 'toGexf'));
  checkXmlIds(m);
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    '  <meta>',
    '    <creator>samverkan</creator>',
    `    <description>${xmlText(describeNetwork(net))}</description>`,
    '  </meta>',
    '  <graph defaultedgetype="undirected" mode="static">',
  ];
  let next = 0;
  const declare = (cls: 'node' | 'edge', columns: readonly Column[]): Map<string, string> => {
    const ids = new Map<string, string>();
    if (columns.length === 0) return ids;
    out.push(`    <attributes class="${cls}" mode="static">`);
    for (const c of columns) {
      const id = String(next++);
      ids.set(c.name, id);
      out.push(`      <attribute id="${id}" title="${xmlAttribute(c.name)}" type="${GEXF_TYPE[c.type]}"/>`);
    }
    out.push('    </attributes>');
    return ids;
  };
  const nodeIds = declare('node', m.nodeColumns);
  const edgeColumns = m.edgeColumns.filter((c) => c.name !== 'weight');
  const edgeIds = declare('edge', edgeColumns);
  const attvalues = (indent: string, ids: Map<string, string>, columns: readonly Column[], values: Map<string, string | number | boolean>) => {
    const present = columns.filter((c) => values.has(c.name));
    if (present.length === 0) return;
    out.push(`${indent}<attvalues>`);
    for (const c of present) out.push(`${indent}  <attvalue for="${ids.get(c.name)!}" value="${xmlAttribute(formatValue(values.get(c.name)!))}"/>`);
    out.push(`${indent}</attvalues>`);
  };
  out.push('    <nodes>');
  for (const n of m.nodes) {
    out.push(`      <node id="${xmlAttribute(n.id)}" label="${xmlAttribute(n.label)}">`);
    attvalues('        ', nodeIds, m.nodeColumns, n.values);
    out.push('      </node>');
  }
  out.push('    </nodes>');
  out.push('    <edges>');
  for (const e of m.edges) {
    out.push(`      <edge id="${xmlAttribute(e.id)}" source="${xmlAttribute(e.source)}" target="${xmlAttribute(e.target)}" weight="${String(e.weight)}">`);
    attvalues('        ', edgeIds, edgeColumns, e.values);
    out.push('      </edge>');
  }
  out.push('    </edges>');
  out.push('  </graph>');
  out.push('</gexf>');
  return out.join('\n') + '\n';
}

/**
 * The network as GraphML (http://graphml.graphdrawing.org/, the format of
 * Cytoscape, yEd, NetworkX's `nx.read_graphml` and igraph's `read_graphml`).
 *
 * - `<key>` declarations with `attr.name` and `attr.type` (`string`,
 *   `double`, `long` for counts, `boolean`) for every node and edge column,
 *   ids `d0`, `d1`…; `<graph id="G" edgedefault="undirected">`.
 * - Nodes: `id` is the actor id; data `label` (the name), `kind`,
 *   `municipality`, `county`, the actors' attributes and the extra `columns`.
 * - Edges: ids `e0`, `e1`… (pairs) or `e` + link index (links), data
 *   `weight` and the other edge columns.
 *
 * Absent values have no `<data>`. Every string is XML-escaped and
 * characters XML 1.0 forbids are dropped. GraphML's schema types node ids as
 * `NMTOKEN`; actor ids with spaces or punctuation are well-formed XML that
 * NetworkX, igraph, Gephi and Cytoscape read, but a validating parser would
 * flag them.
 *
 * @example
 * writeFileSync('network.graphml', toGraphml(net, { edges: 'links' }));
 */
export function toGraphml(net: CooperationNetwork, options: GraphExportOptions = {}): string {
  const m = buildModel(net, parseOptions(GraphExportOptionsSchema, options, 'toGraphml'));
  checkXmlIds(m);
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    `  <desc>${xmlText(describeNetwork(net))}</desc>`,
  ];
  let next = 0;
  const declare = (forWhat: 'node' | 'edge', columns: readonly Column[]) => {
    const ids = new Map<string, string>();
    for (const c of columns) {
      const id = `d${next++}`;
      ids.set(c.name, id);
      out.push(`  <key id="${id}" for="${forWhat}" attr.name="${xmlAttribute(c.name)}" attr.type="${GRAPHML_TYPE[c.type]}"/>`);
    }
    return ids;
  };
  const nodeColumns: Column[] = [{ name: 'label', type: 'string' }, ...m.nodeColumns];
  const nodeIds = declare('node', nodeColumns);
  const edgeIds = declare('edge', m.edgeColumns);
  out.push('  <graph id="G" edgedefault="undirected">');
  const data = (ids: Map<string, string>, columns: readonly Column[], values: Map<string, string | number | boolean>) => {
    for (const c of columns) {
      const v = values.get(c.name);
      if (v !== undefined) out.push(`      <data key="${ids.get(c.name)!}">${xmlText(formatValue(v))}</data>`);
    }
  };
  for (const n of m.nodes) {
    out.push(`    <node id="${xmlAttribute(n.id)}">`);
    data(nodeIds, nodeColumns, new Map([['label', n.label], ...n.values]));
    out.push('    </node>');
  }
  for (const e of m.edges) {
    out.push(`    <edge id="e${xmlAttribute(e.id)}" source="${xmlAttribute(e.source)}" target="${xmlAttribute(e.target)}">`);
    data(edgeIds, m.edgeColumns, e.values);
    out.push('    </edge>');
  }
  out.push('  </graph>');
  out.push('</graphml>');
  return out.join('\n') + '\n';
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
  const m = buildModel(net, o);
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

/** A row of {@link nodeTable}: the actor fields, then attributes and extra columns by name. */
export type NodeTableRow = Record<string, string | number | boolean | null>;
/** A row of {@link edgeTable}. */
export type EdgeTableRow = Record<string, string | number | boolean | null>;

/**
 * One row per actor, in network order: `id`, `name`, `kind`,
 * `municipality`, `county`, the actors' attributes (sorted by name) and the
 * extra `columns`; absent values are `null`, so every row has every column.
 * Attribute values stay strings, as the model keeps them.
 */
export function nodeTable(net: CooperationNetwork, options: Pick<GraphExportOptions, 'columns'> = {}): Rows<NodeTableRow> {
  const m = buildModel(net, parseOptions(GraphExportOptionsSchema, { ...options, edges: 'pairs' }, 'nodeTable'));
  const columns = ['id', 'name', ...m.nodeColumns.map((c) => c.name)];
  const rows = m.nodes.map((n) => {
    const row: NodeTableRow = {};
    setOwn(row, 'id', n.id);
    setOwn(row, 'name', n.label);
    for (const c of m.nodeColumns) setOwn(row, c.name, n.values.get(c.name) ?? null);
    return row;
  });
  return withColumns(rows, columns);
}

/**
 * One row per edge as {@link GraphExportOptionsSchema} `edges` says:
 * `source`, `target` (actor ids) and the edge columns; absent values are
 * `null`. With `pairs`, `kinds` is the distinct link kinds joined by `; `.
 */
export function edgeTable(net: CooperationNetwork, options: Pick<GraphExportOptions, 'edges'> = {}): Rows<EdgeTableRow> {
  const o = parseOptions(GraphExportOptionsSchema, { edges: options.edges }, 'edgeTable');
  const m = buildModel(net, o);
  const columns = ['source', 'target', ...m.edgeColumns.map((c) => c.name)];
  const rows = m.edges.map((e) => {
    const row: EdgeTableRow = {};
    setOwn(row, 'source', e.source);
    setOwn(row, 'target', e.target);
    for (const c of m.edgeColumns) setOwn(row, c.name, e.values.get(c.name) ?? null);
    return row;
  });
  return withColumns(rows, columns);
}

const CANONICAL_NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?$/;

/** A text cell that is a plain decimal number, written back exactly by `String(Number(text))`, is a number: `-3` is not a formula. */
function numberOrText(value: string | number | boolean | null): string | number | boolean | null {
  if (typeof value !== 'string' || !CANONICAL_NUMBER.test(value)) return value;
  const n = Number(value);
  return String(n) === value ? n : value;
}

export const CsvTablesOptionsSchema = GraphExportOptionsSchema.extend({
  /** Field delimiter: `,` (default), `;` (Swedish Excel, with decimal commas) or tab. */
  delimiter: z.enum([',', ';', '\t']).default(','),
  /** Prefix a UTF-8 byte-order mark so that Excel reads å, ä and ö. Default false. */
  bom: z.boolean().default(false),
});
export type CsvTablesOptions = z.input<typeof CsvTablesOptionsSchema>;

/**
 * The node and edge tables as CSV text, for Gephi's and Cytoscape's table
 * import, R or a spreadsheet. Written by `toCsv`: text cells a spreadsheet
 * would run as a formula (starting with `=`, `+`, `-`, `@`, tab or carriage
 * return) get a leading `'`. Numbers stay numbers: metric columns, and
 * attribute values that are plain decimal numbers (`-3`, `2.5`, but not
 * `0180`, which is a code, nor `+1`), are written unquoted and unprefixed.
 *
 * @example
 * const { nodes, edges } = toCsvTables(net);
 */
export function toCsvTables(net: CooperationNetwork, options: CsvTablesOptions = {}): { nodes: string; edges: string } {
  const o = parseOptions(CsvTablesOptionsSchema, options, 'toCsvTables');
  const nodes = nodeTable(net, { columns: o.columns });
  const attributeColumns = new Set(nodes.columns.slice(5, nodes.columns.length - o.columns.length));
  const nodeRows = nodes.map((row) => {
    const out: NodeTableRow = {};
    for (const c of nodes.columns) setOwn(out, c, attributeColumns.has(c) ? numberOrText(row[c]!) : row[c]!);
    return out;
  });
  const edges = edgeTable(net, { edges: o.edges });
  const csv: CsvOptions = { delimiter: o.delimiter, bom: o.bom };
  const linkAttributeColumns = new Set(o.edges === 'links' ? edges.columns.slice(2 + LINK_EDGE_COLUMNS.length) : []);
  const edgeRows = edges.map((row) => {
    const out: EdgeTableRow = {};
    for (const c of edges.columns) setOwn(out, c, linkAttributeColumns.has(c) ? numberOrText(row[c]!) : row[c]!);
    return out;
  });
  return {
    nodes: toCsv(nodeRows, { ...csv, columns: nodes.columns }),
    edges: toCsv(edgeRows, { ...csv, columns: edges.columns }),
  };
}
