/** Tidy node and edge tables of a network, and the two CSV files of them. */
import { z } from 'zod';
import type { CooperationNetwork } from '../../model/network.js';
import { parseOptions } from '../../model/options.js';
import { setOwn } from '../../model/own.js';
import { withColumns, type Rows } from '../../model/table.js';
import { toCsv, type CsvOptions } from '../write-csv.js';
import { buildModel, GraphExportOptionsSchema, LINK_EDGE_COLUMNS, type Column, type Element, type GraphExportOptions } from './model.js';

/** A row of {@link nodeTable}: the actor fields, then attributes and extra columns by name. */
export type NodeTableRow = Record<string, string | number | boolean | null>;
/** A row of {@link edgeTable}. */
export type EdgeTableRow = Record<string, string | number | boolean | null>;

/** Tidy rows of a model's elements: their own cells first, then every column (absent values `null`, so every row has every column). */
function tidyRows<E extends Element>(elements: readonly E[], own: readonly (readonly [string, (element: E) => string])[], columns: readonly Column[]): Rows<NodeTableRow> {
  const rows = elements.map((element) => {
    const row: NodeTableRow = {};
    for (const [name, cell] of own) setOwn(row, name, cell(element));
    for (const c of columns) setOwn(row, c.name, element.values.get(c.name) ?? null);
    return row;
  });
  return withColumns(rows, [...own.map(([name]) => name), ...columns.map((c) => c.name)]);
}

/**
 * One row per actor, in network order: `id`, `name`, `kind`,
 * `municipality`, `county`, the actors' attributes (sorted by name) and the
 * extra `columns`; absent values are `null`, so every row has every column.
 * Attribute values stay strings, as the model keeps them.
 */
export function nodeTable(net: CooperationNetwork, options: Pick<GraphExportOptions, 'columns'> = {}): Rows<NodeTableRow> {
  const m = buildModel(net, parseOptions(GraphExportOptionsSchema, { ...options, edges: 'pairs' }, 'nodeTable'), 'nodeTable');
  return tidyRows(m.nodes, [['id', (n) => n.id], ['name', (n) => n.label]], m.nodeColumns);
}

/**
 * One row per edge as {@link GraphExportOptionsSchema} `edges` says:
 * `source`, `target` (actor ids) and the edge columns; absent values are
 * `null`. With `pairs`, `kinds` is the distinct link kinds joined by `; `.
 */
export function edgeTable(net: CooperationNetwork, options: Pick<GraphExportOptions, 'edges'> = {}): Rows<EdgeTableRow> {
  const m = buildModel(net, parseOptions(GraphExportOptionsSchema, { edges: options.edges }, 'edgeTable'), 'edgeTable');
  return tidyRows(m.edges, [['source', (e) => e.source], ['target', (e) => e.target]], m.edgeColumns);
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
