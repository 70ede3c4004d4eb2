import { z } from 'zod';
import { cmp } from '../../model/geography.js';
import type { CooperationNetwork } from '../../model/network.js';
import type { Actor } from '../../model/schema.js';
import { OptionsError, parseOptions, said } from '../../model/options.js';
import { ArgumentError } from '../../model/errors.js';
import { NOT_XML, stripNonXml } from '../xml.js';

/**
 * What every graph writer writes (`buildModel`): the nodes and edges with
 * typed columns, prepared once, for GEXF 1.3 (Gephi), GraphML (Cytoscape,
 * yEd, NetworkX, igraph), graphology's JSON serialisation, and tidy node and
 * edge tables for CSV (see `GRAPH_FORMATS`). Every writer is deterministic (the same network and
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

export const GraphExportOptionsSchema = z.strictObject({
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

export type Options = z.output<typeof GraphExportOptionsSchema>;

export interface Column {
  name: string;
  type: AttributeType;
}

export interface Element {
  id: string;
  values: Map<string, string | number | boolean>;
}

export interface Edge extends Element {
  source: string;
  target: string;
  weight: number;
}

/** What every format writes, prepared once: typed columns, nodes and edges with present values only. */
export interface ExportModel {
  nodeColumns: Column[];
  nodes: (Element & { label: string })[];
  edgeColumns: Column[];
  edges: Edge[];
  multi: boolean;
}

/** Typed columns from `name: type`, in order. */
const typedColumns = (types: Readonly<Record<string, AttributeType>>): readonly Column[] => Object.entries(types).map(([name, type]) => ({ name, type }));

/** The edge columns of `edges: 'pairs'`. */
export const PAIR_EDGE_COLUMNS = typedColumns({ weight: 'double', count: 'integer', kinds: 'string', crossMunicipal: 'boolean', crossCounty: 'boolean' });

/** The edge columns of `edges: 'links'`. */
export const LINK_EDGE_COLUMNS = typedColumns({ weight: 'double', kind: 'string', since: 'string', until: 'string', crossMunicipal: 'boolean', crossCounty: 'boolean' });

/** Edge column names the writers use themselves; a link attribute of one of these names is not written. */
export const RESERVED_EDGE_COLUMNS = ['id', 'source', 'target', 'label', 'weight', 'count', 'kinds', 'kind', 'since', 'until', 'crossMunicipal', 'crossCounty'] as const;

/** The type of a column from its values: `double` when all are numbers, `boolean` when all are booleans, else `string`. */
export function inferType(values: Iterable<CellValue>): AttributeType {
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

/**
 * A cell as the column's type wants it, or undefined when absent. A value
 * that does not fit a numeric or boolean column throws an `OptionsError` of
 * `fn` naming the column's option (`columns.2`).
 */
export function typedValue(column: Column, id: string, value: CellValue, fn: string, option: string): string | number | boolean | undefined {
  const refuse = (key: 'errors.export.notBoolean' | 'errors.export.notNumber' | 'errors.export.notInteger') =>
    new OptionsError(fn, option, said(key, { column: JSON.stringify(column.name), id: JSON.stringify(id), value: String(value) }));
  if (value === null || value === undefined) return undefined;
  switch (column.type) {
    case 'string':
      return typeof value === 'string' ? value : String(value);
    case 'boolean':
      if (typeof value !== 'boolean') throw refuse('errors.export.notBoolean');
      return value;
    case 'double':
    case 'integer':
      if (typeof value !== 'number') throw refuse('errors.export.notNumber');
      if (!Number.isFinite(value)) return undefined;
      if (column.type === 'integer' && !Number.isSafeInteger(value)) throw refuse('errors.export.notInteger');
      return value;
  }
}

export function sortedAttributeNames(records: Iterable<Record<string, string> | undefined>, reserved: ReadonlySet<string>): string[] {
  const names = new Set<string>();
  for (const r of records) if (r) for (const k of Object.keys(r)) if (!reserved.has(k)) names.add(k);
  return [...names].sort(cmp);
}

/** The nodes and edges of the parsed options `o` of `fn` (whose errors name it). */
export function buildModel(net: CooperationNetwork, o: Options, fn: string): ExportModel {
  const actors = net.actors();
  const reservedNode = new Set<string>(RESERVED_NODE_COLUMNS);
  const extraNames = new Set<string>();
  o.columns.forEach((c, i) => {
    const name = JSON.stringify(c.name);
    if (reservedNode.has(c.name)) throw new OptionsError(fn, `columns.${i}.name`, said('errors.export.columnReserved', { name, reserved: RESERVED_NODE_COLUMNS.join(', ') }));
    if (extraNames.has(c.name)) throw new OptionsError(fn, `columns.${i}.name`, said('errors.export.columnTwice', { name }));
    extraNames.add(c.name);
  });
  const attributeNames = sortedAttributeNames(
    actors.map((a) => a.attributes),
    new Set([...reservedNode, ...extraNames]),
  );
  const extras = o.columns.map((c, i) => ({ option: `columns.${i}`, column: { name: c.name, type: c.type ?? inferType(c.values.values()) } satisfies Column, values: c.values }));
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
    for (const { option, column, values: byId } of extras) {
      const v = typedValue(column, actor.id, byId.get(actor.id), fn, option);
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

/** An id quoted for a message, each character XML forbids written as its code (`"a\\uffff"`): the point of the message is where the ids differ. */
function quotedId(id: string): string {
  return JSON.stringify(id).replace(NOT_XML, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Two ids that become one once characters XML forbids are dropped would merge two nodes: refuse (an `ArgumentError`: the network cannot be written as XML). */
export function checkXmlIds(m: ExportModel): void {
  const ids = m.nodes.map((n) => n.id);
  const seen = new Map<string, string>();
  for (const id of ids) {
    const clean = stripNonXml(id);
    const other = seen.get(clean);
    if (other !== undefined) {
      throw new ArgumentError(said('errors.export.idsMerge', { a: quotedId(other), b: quotedId(id) }));
    }
    if (clean === '') throw new ArgumentError(said('errors.export.idEmpty', { id: quotedId(id) }));
    seen.set(clean, id);
  }
}

/** The first line of every XML file samverkan writes. */
export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

/** What an XML format's writer writes: the options parsed, the ids checked ({@link checkXmlIds}). */
export function xmlModel(net: CooperationNetwork, options: GraphExportOptions, fn: string): ExportModel {
  const m = buildModel(net, parseOptions(GraphExportOptionsSchema, options, fn), fn);
  checkXmlIds(m);
  return m;
}

export function formatValue(value: string | number | boolean): string {
  return typeof value === 'number' ? String(value) : typeof value === 'boolean' ? (value ? 'true' : 'false') : value;
}


export function describeNetwork(net: CooperationNetwork): string {
  return `Cooperation network over ${net.geography.name}${net.date ? ` as of ${net.date}` : ''}, written by samverkan`;
}

