/** GEXF (https://gexf.net): the reader (1.1draft, 1.2draft and 1.3) and the writer (1.3). */
import { because, type ProblemReason } from '../../model/load-report.js';
import type { CooperationNetwork } from '../../model/network.js';
import { childNamed, childrenNamed, xmlAttribute, xmlText, type XmlElement } from '../xml.js';
import { describeNetwork, formatValue, xmlModel, XML_DECLARATION, type AttributeType, type Column, type GraphExportOptions } from './model.js';
import { GraphFormatError, type RawElement, type RawGraph } from './raw.js';

/** GEXF attribute types by column type. */
const GEXF_TYPE: Readonly<Record<AttributeType, string>> = { string: 'string', double: 'double', integer: 'integer', boolean: 'boolean' };


/** `<outer><inner/>…</outer>` children of `element`: the `inner` elements of its first `outer` child. */
function grandchildren(element: XmlElement, outer: string, inner: string): XmlElement[] {
  const container = childNamed(element, outer);
  return container ? childrenNamed(container, inner) : [];
}

export function parseGexf(root: XmlElement): RawGraph {
  const graph = childNamed(root, 'graph');
  if (!graph) throw new GraphFormatError(because('graph.no_graph', { format: 'GEXF' }), root.line);
  const warnings: ProblemReason[] = [];
  const defaultDirected = graph.attributes.get('defaultedgetype') === 'directed';
  const models: Record<'node' | 'edge', Map<string, { title: string; default?: string }>> = { node: new Map(), edge: new Map() };
  for (const attributes of childrenNamed(graph, 'attributes')) {
    const cls = attributes.attributes.get('class');
    if (cls !== 'node' && cls !== 'edge') continue;
    for (const a of childrenNamed(attributes, 'attribute')) {
      const id = a.attributes.get('id');
      if (id === undefined) throw new GraphFormatError(because('graph.attribute_no_id'), a.line);
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
      if (key === undefined || value === undefined) throw new GraphFormatError(because('graph.attvalue_incomplete'), v.line);
      const title = model.get(key)?.title;
      if (title === undefined) throw new GraphFormatError(because('graph.attvalue_undeclared', { class: cls, key }), v.line);
      // Dynamic graphs repeat an attribute with start/end: the first value is kept.
      if (seen.has(title)) {
        dynamic = true;
        continue;
      }
      seen.add(title);
      values.set(title, value);
    }
    if (dynamic && !warnings.some((w) => w.code === 'graph.dynamic')) warnings.push(because('graph.dynamic'));
    return values;
  };

  const nodes: RawElement[] = [];
  const collectNodes = (container: XmlElement | undefined, depth: number) => {
    if (!container) return;
    for (const node of childrenNamed(container, 'node')) {
      const id = node.attributes.get('id');
      if (id === undefined) throw new GraphFormatError(because('graph.node_no_id', { node: nodes.length + 1 }), node.line);
      const raw: RawElement = { row: nodes.length + 1, line: node.line, id, attributes: attvalues(node, 'node') };
      const label = node.attributes.get('label');
      if (label !== undefined) raw.label = label;
      nodes.push(raw);
      const sub = childNamed(node, 'nodes');
      if (sub) {
        if (depth === 0 && !warnings.some((w) => w.code === 'graph.nested_nodes')) warnings.push(because('graph.nested_nodes'));
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
  const graphResult: RawGraph = { idName: 'id', nodes, edges, warnings };
  const timeformat = graph.attributes.get('timeformat');
  if (timeformat !== undefined) graphResult.timeformat = timeformat;
  return graphResult;
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
  const m = xmlModel(net, options, 'toGexf');
  const out: string[] = [
    XML_DECLARATION,
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

