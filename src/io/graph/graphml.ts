/** GraphML (http://graphml.graphdrawing.org/): the reader and the writer. */
import { because, type ProblemReason } from '../../model/load-report.js';
import type { CooperationNetwork } from '../../model/network.js';
import { childNamed, childrenNamed, xmlAttribute, xmlText, type XmlElement } from '../xml.js';
import { describeNetwork, formatValue, xmlModel, XML_DECLARATION, type AttributeType, type Column, type GraphExportOptions } from './model.js';
import { GraphFormatError, type RawElement, type RawGraph } from './raw.js';

/** GraphML `attr.type`s by column type. */
const GRAPHML_TYPE: Readonly<Record<AttributeType, string>> = { string: 'string', double: 'double', integer: 'long', boolean: 'boolean' };


export function parseGraphml(root: XmlElement): RawGraph {
  const warnings: ProblemReason[] = [];
  const keys = new Map<string, { name: string; for: string; default?: string }>();
  for (const key of childrenNamed(root, 'key')) {
    const id = key.attributes.get('id');
    if (id === undefined) throw new GraphFormatError(because('graph.key_no_id'), key.line);
    const entry: { name: string; for: string; default?: string } = { name: key.attributes.get('attr.name') ?? id, for: key.attributes.get('for') ?? 'all' };
    const d = childNamed(key, 'default');
    if (d) entry.default = d.text;
    keys.set(id, entry);
  }
  const graphs = childrenNamed(root, 'graph');
  const graph = graphs[0];
  if (!graph) throw new GraphFormatError(because('graph.no_graph', { format: 'GraphML' }), root.line);
  if (graphs.length > 1) warnings.push(because('graph.several', { n: graphs.length }));
  const defaultDirected = graph.attributes.get('edgedefault') === 'directed';
  const data = (element: XmlElement, kind: 'node' | 'edge'): Map<string, string> => {
    const values = new Map<string, string>();
    for (const [, k] of keys) if (k.default !== undefined && (k.for === kind || k.for === 'all')) values.set(k.name, k.default);
    for (const d of childrenNamed(element, 'data')) {
      const id = d.attributes.get('key');
      if (id === undefined) throw new GraphFormatError(because('graph.data_no_key'), d.line);
      const key = keys.get(id);
      if (!key) throw new GraphFormatError(because('graph.data_undeclared', { key: id }), d.line);
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
      if (id === undefined) throw new GraphFormatError(because('graph.node_no_id', { node: nodes.length + 1 }), child.line);
      nodes.push({ row: nodes.length + 1, line: child.line, id, attributes: data(child, 'node') });
      if (childNamed(child, 'graph') && !warnings.some((w) => w.code === 'graph.nested_graphs')) warnings.push(because('graph.nested_graphs'));
    } else if (child.local === 'edge') {
      const raw: RawElement = { row: edges.length + 1, line: child.line, attributes: data(child, 'edge') };
      const source = child.attributes.get('source');
      const target = child.attributes.get('target');
      if (source !== undefined) raw.source = source;
      if (target !== undefined) raw.target = target;
      const directed = child.attributes.get('directed');
      raw.directed = directed === undefined ? defaultDirected : directed === 'true';
      edges.push(raw);
    } else if (child.local === 'hyperedge' && !warnings.some((w) => w.code === 'graph.hyperedges')) {
      warnings.push(because('graph.hyperedges'));
    }
  }
  return { idName: 'id', nodes, edges, warnings };
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
  const m = xmlModel(net, options, 'toGraphml');
  const out: string[] = [
    XML_DECLARATION,
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

