import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MultiGraph, UndirectedGraph } from 'graphology';
import * as gexf from 'graphology-gexf';
import * as graphml from 'graphology-graphml';
import { describe, expect, it } from 'vitest';
import { CooperationNetwork, demoDataset, loadNetwork } from '../../src/index.js';
import { edgeTable, nodeTable, toCsvTables, toGexf, toGraphml, toGraphologyJson, type NodeColumn } from '../../src/io/graph-export.js';
import { childNamed, childrenNamed, parseXml, type XmlElement } from '../../src/io/xml.js';
import { fixtureExports, miniGeography, trickyNetwork, TRICKY_ACTORS } from './graph-fixture-network.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'graphs');
const all = (root: XmlElement, ...path: string[]): XmlElement[] => {
  let level = [root];
  for (const name of path) level = level.flatMap((e) => childrenNamed(e, name));
  return level;
};

describe('toGexf', () => {
  const net = trickyNetwork();
  const text = toGexf(net);
  const root = parseXml(text);
  const graph = childNamed(root, 'graph')!;

  it('writes GEXF 1.3, undirected, static', () => {
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<gexf xmlns="http://gexf.net/1.3"')).toBe(true);
    expect(root.attributes.get('version')).toBe('1.3');
    expect(graph.attributes.get('defaultedgetype')).toBe('undirected');
    expect(graph.attributes.get('mode')).toBe('static');
    // Schema order: attributes, then nodes, then edges.
    expect(graph.children.map((c) => c.local)).toEqual(['attributes', 'attributes', 'nodes', 'edges']);
  });

  it('names nodes by actor id (never the escaped graph key) with the name as label', () => {
    const nodes = all(root, 'graph', 'nodes', 'node');
    expect(nodes.map((n) => n.attributes.get('id'))).toEqual(net.actors().map((a) => a.id.replace('\u0007', '')));
    expect(nodes.map((n) => n.attributes.get('id'))).toContain('__proto__');
    expect(text).not.toContain('\u241B');
    const proto = nodes.find((n) => n.attributes.get('id') === '__proto__')!;
    expect(proto.attributes.get('label')).toBe(`Förening <&"'> Åäö`);
    // The BEL character is not XML: it is dropped.
    expect(nodes.find((n) => n.attributes.get('id') === 'ctrl')!.attributes.get('label')).toBe('Klockanamn');
  });

  it('declares typed attributes and writes attvalues with the actor fields and attributes', () => {
    const declared = (cls: string) =>
      all(root, 'graph', 'attributes')
        .filter((a) => a.attributes.get('class') === cls)
        .flatMap((a) => childrenNamed(a, 'attribute'))
        .map((a) => [a.attributes.get('title'), a.attributes.get('type')]);
    expect(declared('node')).toEqual([
      ['kind', 'string'],
      ['municipality', 'string'],
      ['county', 'string'],
      ['__proto__', 'string'],
      ['founded', 'string'],
      ['members', 'string'],
      ['note', 'string'],
    ]);
    expect(declared('edge')).toEqual([
      ['count', 'integer'],
      ['kinds', 'string'],
      ['crossMunicipal', 'boolean'],
      ['crossCounty', 'boolean'],
    ]);
    const proto = all(root, 'graph', 'nodes', 'node').find((n) => n.attributes.get('id') === '__proto__')!;
    const values = childrenNamed(childNamed(proto, 'attvalues')!, 'attvalue').map((v) => [v.attributes.get('for'), v.attributes.get('value')]);
    expect(values).toEqual([
      ['0', 'civil_society'],
      ['1', '2480'],
      ['2', '24'],
      ['3', 'attribut-proto'],
      ['6', 'rad ett\nrad två\tflik'],
    ]);
  });

  it('writes one edge per pair with the summed weight, or one per link', () => {
    const edges = all(root, 'graph', 'edges', 'edge');
    expect(edges).toHaveLength(net.graph.size);
    const first = edges[0]!;
    expect([first.attributes.get('source'), first.attributes.get('target'), first.attributes.get('weight')]).toEqual(['__proto__', '2480', '3.5']);
    const links = all(parseXml(toGexf(net, { edges: 'links' })), 'graph', 'edges', 'edge');
    expect(links).toHaveLength(net.links.length);
    expect(links.map((e) => e.attributes.get('weight'))).toEqual(net.links.map((l) => String(l.weight)));
  });

  it('is read by graphology-gexf with the same nodes, labels and weights', () => {
    const g = gexf.parse(MultiGraph, text);
    expect(g.order).toBe(net.order);
    expect(g.size).toBe(net.graph.size);
    expect(g.getNodeAttribute('2480', 'label')).toBe('Umeå');
    expect(g.getNodeAttribute('constructor', 'kind')).toBe('religious');
  });

  it('is deterministic', () => {
    expect(toGexf(trickyNetwork())).toBe(text);
  });
});

describe('toGraphml', () => {
  const net = trickyNetwork();
  const text = toGraphml(net, { edges: 'links' });
  const root = parseXml(text);

  it('declares every key before the graph, with attr.name and attr.type', () => {
    expect(root.local).toBe('graphml');
    expect(root.attributes.get('xmlns')).toBe('http://graphml.graphdrawing.org/xmlns');
    expect(root.children.map((c) => c.local)).toEqual(['desc', ...Array(15).fill('key'), 'graph']);
    const keys = childrenNamed(root, 'key').map((k) => [k.attributes.get('for'), k.attributes.get('attr.name'), k.attributes.get('attr.type')]);
    expect(keys.filter(([f]) => f === 'edge')).toEqual([
      ['edge', 'weight', 'double'],
      ['edge', 'kind', 'string'],
      ['edge', 'since', 'string'],
      ['edge', 'until', 'string'],
      ['edge', 'crossMunicipal', 'boolean'],
      ['edge', 'crossCounty', 'boolean'],
      ['edge', 'note', 'string'],
    ]);
    expect(childNamed(root, 'graph')!.attributes.get('edgedefault')).toBe('undirected');
    // Every data element refers to a declared key of the right domain.
    const domain = new Map(childrenNamed(root, 'key').map((k) => [k.attributes.get('id'), k.attributes.get('for')]));
    for (const el of childNamed(root, 'graph')!.children) {
      for (const d of childrenNamed(el, 'data')) expect(domain.get(d.attributes.get('key'))).toBe(el.local);
    }
  });

  it('keeps ids, names and attribute values exactly, escaped', () => {
    const nodes = all(root, 'graph', 'node');
    expect(nodes.map((n) => n.attributes.get('id'))).toContain('id med mellanslag & <tecken>');
    const labelKey = childrenNamed(root, 'key').find((k) => k.attributes.get('attr.name') === 'label')!.attributes.get('id');
    const proto = nodes.find((n) => n.attributes.get('id') === '__proto__')!;
    expect(childrenNamed(proto, 'data').find((d) => d.attributes.get('key') === labelKey)!.text).toBe(`Förening <&"'> Åäö`);
    const edges = all(root, 'graph', 'edge');
    expect(edges.map((e) => e.attributes.get('id'))).toEqual(net.links.map((l) => `e${l.index}`));
  });

  it('is read by graphology-graphml', () => {
    const g = graphml.parse(MultiGraph, text);
    expect(g.order).toBe(net.order);
    expect(g.size).toBe(net.links.length);
    expect(g.getNodeAttributes('toString')).toMatchObject({ label: 'Länsstyrelsen Västerbotten', kind: 'authority', county: '24', founded: '1634' });
  });

  it('writes the demo network deterministically, parseable by graphology-graphml', () => {
    const demo = loadNetwork(demoDataset());
    const out = toGraphml(demo);
    expect(toGraphml(loadNetwork(demoDataset()))).toBe(out);
    const g = graphml.parse(UndirectedGraph, out);
    expect([g.order, g.size]).toEqual([demo.order, demo.graph.size]);
  });
});

describe('toGraphologyJson', () => {
  it("writes graphology's serialisation with actor ids as keys", () => {
    const net = trickyNetwork();
    const data = JSON.parse(toGraphologyJson(net));
    expect(data.options).toEqual({ type: 'undirected', multi: false, allowSelfLoops: false });
    expect(data.nodes.map((n: { key: string }) => n.key)).toEqual(net.actors().map((a) => a.id));
    const proto = data.nodes.find((n: { key: string }) => n.key === '__proto__');
    expect(Object.getOwnPropertyNames(proto.attributes)).toContain('__proto__');
    expect(proto.attributes.label).toBe(`Förening <&"'> Åäö`);
    expect(data.edges[0]).toEqual({
      key: '0',
      source: '__proto__',
      target: '2480',
      undirected: true,
      attributes: { weight: 3.5, count: 2, kinds: 'avtal; dialog', crossMunicipal: false, crossCounty: false },
    });
    // graphology itself imports it (its own key handling aside).
    const plain = JSON.parse(toGraphologyJson(CooperationNetwork.create({ geography: miniGeography(), links: [{ source: '2480', target: '2460', weight: 2 }] })));
    const g = UndirectedGraph.from(plain);
    expect(g.getEdgeAttribute('2480', '2460', 'weight')).toBe(2);
  });

  it('writes one line with indent 0, and a multigraph with links', () => {
    const net = trickyNetwork();
    expect(toGraphologyJson(net, { indent: 0 }).trimEnd()).not.toContain('\n');
    const data = JSON.parse(toGraphologyJson(net, { edges: 'links' }));
    expect(data.options.multi).toBe(true);
    expect(data.edges).toHaveLength(net.links.length);
  });
});

describe('extra node columns', () => {
  const net = trickyNetwork();
  const columns: NodeColumn[] = [
    { name: 'score', values: new Map<string, number | null>([['2480', 1.5], ['__proto__', -2], ['ctrl', null]]) },
    { name: 'rank', type: 'integer', values: new Map([['2480', 1]]) },
    { name: 'flag', values: new Map([['2480', true]]) },
    { name: 'founded', values: new Map([['toString', 'överskriven']]) },
  ];

  it('types them in GEXF and GraphML, and a column wins over an attribute of the same name', () => {
    const root = parseXml(toGexf(net, { columns }));
    const declared = all(root, 'graph', 'attributes', 'attribute').map((a) => `${a.attributes.get('title')}:${a.attributes.get('type')}`);
    expect(declared).toEqual(expect.arrayContaining(['score:double', 'rank:integer', 'flag:boolean', 'founded:string']));
    expect(declared.filter((d) => d.startsWith('founded'))).toHaveLength(1);
    const keys = childrenNamed(parseXml(toGraphml(net, { columns })), 'key').map((k) => `${k.attributes.get('attr.name')}:${k.attributes.get('attr.type')}`);
    expect(keys).toEqual(expect.arrayContaining(['score:double', 'rank:long', 'flag:boolean']));
    const rows = nodeTable(net, { columns });
    expect(rows.find((r) => r.id === 'toString')!.founded).toBe('överskriven');
    expect(rows.find((r) => r.id === '__proto__')!.score).toBe(-2);
    expect(rows.find((r) => r.id === 'ctrl')!.score).toBeNull();
  });

  it('refuses reserved or repeated names and values of the wrong type', () => {
    expect(() => toGexf(net, { columns: [{ name: 'kind', values: new Map() }] })).toThrow(/reserved/);
    expect(() => toGexf(net, { columns: [columns[0]!, columns[0]!] })).toThrow(/twice/);
    expect(() => toGexf(net, { columns: [{ name: 'n', type: 'double', values: new Map([['2480', 'x']]) }] })).toThrow(/not a number/);
    expect(() => toGexf(net, { columns: [{ name: 'n', type: 'integer', values: new Map([['2480', 1.5]]) }] })).toThrow(/integer/);
  });

  it('leaves non-finite numbers out', () => {
    const text = toGraphml(net, { columns: [{ name: 'x', values: new Map([['2480', Infinity], ['2460', Number.NaN], ['0180', 1]]) }] });
    expect(text).not.toMatch(/Infinity|NaN|INF/);
  });
});

describe('node and edge tables', () => {
  it('have every column on every row, in network order', () => {
    const net = trickyNetwork();
    const nodes = nodeTable(net);
    expect(nodes.columns).toEqual(['id', 'name', 'kind', 'municipality', 'county', '__proto__', 'founded', 'members', 'note']);
    expect(nodes.map((r) => r.id)).toEqual(net.actors().map((a) => a.id));
    expect(Object.getOwnPropertyNames(nodes.find((r) => r.id === '__proto__'))).toContain('__proto__');
    expect(nodes[0]).toMatchObject({ id: '0180', name: 'Stockholm', kind: 'municipality', municipality: '0180', county: '01', note: null });
    const pairs = edgeTable(net);
    expect(pairs.columns).toEqual(['source', 'target', 'weight', 'count', 'kinds', 'crossMunicipal', 'crossCounty']);
    expect(pairs).toHaveLength(net.graph.size);
    const links = edgeTable(net, { edges: 'links' });
    expect(links.columns).toEqual(['source', 'target', 'weight', 'kind', 'since', 'until', 'crossMunicipal', 'crossCounty', 'note']);
    expect(links[3]).toMatchObject({ source: 'toString', target: '__proto__', weight: 0.25, kind: null, since: '2020-01-01', note: 'sagt & gjort' });
  });
});

describe('toCsvTables', () => {
  it('neutralises formula cells but keeps numbers as numbers', () => {
    const names = ["=cmd|' /C calc'!A0", '+1', '-1+2', '@SUM(A1:A9)', '\tTab', '\rCR'];
    const net = CooperationNetwork.create({
      geography: miniGeography(),
      actors: names.map((name, i) => ({ id: `a${i}`, name, kind: 'other', attributes: { members: i === 0 ? '-5' : '12', code: '0180', sign: '-1+2' } })),
      links: [{ source: 'a0', target: 'a1', weight: 1 }],
    });
    const columns: NodeColumn[] = [{ name: 'delta', values: new Map([['a0', -0.5], ['a1', -3]]) }];
    const { nodes, edges } = toCsvTables(net, { columns });
    const lines = nodes.trimEnd().split('\n');
    expect(lines[0]).toBe('id,name,kind,municipality,county,code,members,sign,delta');
    expect(lines.slice(4)).toEqual([
      `a0,'=cmd|' /C calc'!A0,other,,,0180,-5,'-1+2,-0.5`,
      `a1,'+1,other,,,0180,12,'-1+2,-3`,
      `a2,'-1+2,other,,,0180,12,'-1+2,`,
      `a3,'@SUM(A1:A9),other,,,0180,12,'-1+2,`,
      `a4,'\tTab,other,,,0180,12,'-1+2,`,
      `a5,"'\rCR",other,,,0180,12,'-1+2,`,
    ]);
    expect(edges).toBe('source,target,weight,count,kinds,crossMunicipal,crossCounty\na0,a1,1,1,,false,false\n');
  });

  it('writes Swedish Excel CSV with semicolons, decimal commas and a BOM', () => {
    const { edges } = toCsvTables(trickyNetwork(), { delimiter: ';', bom: true });
    expect(edges.startsWith('\uFEFFsource;target;weight')).toBe(true);
    expect(edges).toContain('__proto__;2480;3,5;2;"avtal; dialog";false;false');
  });
});

describe('committed exports and what NetworkX and igraph read from them', () => {
  const exports = fixtureExports();

  it('match what samverkan writes today (regenerate with scripts/make_graph_fixtures.py)', () => {
    for (const [name, text] of Object.entries(exports)) expect(readFileSync(join(FIXTURES, name), 'utf8'), name).toBe(text);
  });

  it('were read by NetworkX and igraph with every node, label, attribute and weight', () => {
    const readback = JSON.parse(readFileSync(join(FIXTURES, 'samverkan-export.readback.json'), 'utf8'));
    const net = trickyNetwork();
    const ids = net.actors().map((a) => a.id).sort();
    const pairWeights = (edges: 'pairs' | 'links') =>
      (edges === 'pairs'
        ? [...net.graph.edgeEntries()].map((e) => [...[e.sourceAttributes.id, e.targetAttributes.id].sort(), e.attributes.weight])
        : net.links.map((l) => [...[l.source, l.target].sort(), l.weight])
      ).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    const sortRows = (rows: unknown[][]) => [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    for (const [name, seen] of Object.entries(readback.networkx_read) as [string, Record<string, unknown>][]) {
      const edges = name.includes('links') ? 'links' : 'pairs';
      expect(seen.nodes, name).toBe(net.order);
      if (name.endsWith('.json')) {
        expect(seen.keys).toEqual(ids);
        continue;
      }
      expect(seen.edges, name).toBe(edges === 'pairs' ? net.graph.size : net.links.length);
      expect(Object.keys(seen.node_attributes as object).sort()).toEqual(ids);
      expect(sortRows(seen.weights as unknown[][])).toEqual(pairWeights(edges));
      const attributes = seen.node_attributes as Record<string, Record<string, unknown>>;
      for (const actor of TRICKY_ACTORS) {
        expect(attributes[actor.id]!.label, `${name} ${actor.id}`).toBe(actor.name.replace('\u0007', ''));
        expect(attributes[actor.id]!.kind).toBe(actor.kind);
      }
      expect(attributes['__proto__']!.__proto__).toBe('attribut-proto');
      expect(attributes['__proto__']!.note).toBe('rad ett\nrad två\tflik');
      if (edges === 'pairs') {
        // Typed metric columns come back as numbers.
        expect(typeof attributes['2480']!.degree).toBe('number');
        expect(typeof attributes['2480']!.betweenness).toBe('number');
      }
    }
    // igraph 0.10's GraphML reader (libxml2 SAX without entity substitution)
    // hands `&amp;` inside an attribute value over as `&#38;`: the id
    // `id med mellanslag & <tecken>` arrives as `…&#38; <tecken>`, while
    // `&lt;` and every `&` in element text come through. An igraph quirk,
    // not the file: NetworkX and our parser read `&`.
    const igraphId = (id: string) => id.replaceAll('&', '&#38;');
    for (const [name, seen] of Object.entries(readback.igraph_read) as [string, Record<string, unknown>][]) {
      expect(seen.nodes, name).toBe(net.order);
      expect(seen.ids).toEqual(ids.map(igraphId));
      expect(seen.labels).toEqual(net.actors().map((a) => a.name.replace('\u0007', '')).sort());
      const weights = pairWeights(name.includes('links') ? 'links' : 'pairs').map((r) => [igraphId(r[0] as string), igraphId(r[1] as string), r[2]]);
      expect(sortRows(seen.weights as unknown[][])).toEqual(sortRows(weights));
    }
  });
});

describe("the writers' options", () => {
  const net = trickyNetwork();

  it('are strict: a misspelt or unknown option is refused naming it, and an option of another format too', () => {
    expect(() => toGexf(net, { edge: 'links' } as never)).toThrow(/^toGexf: option edge: unknown option/);
    expect(() => toGraphml(net, { indent: 2 } as never)).toThrow(/^toGraphml: option indent: unknown option/);
    expect(() => toGraphologyJson(net, { delimiter: ';' } as never)).toThrow(/^toGraphologyJson: option delimiter: unknown option/);
    // Each format's own options are taken.
    expect(toGraphologyJson(net, { indent: 0 }).trimEnd()).not.toContain('\n');
    expect(toCsvTables(net, { delimiter: ';' }).nodes.split('\n')[0]).toContain(';');
  });
});
