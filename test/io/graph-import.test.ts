import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { swedenGeography } from '../../src/io/sweden.js';
import { demoDataset, LoadError, loadNetwork, type CooperationNetwork, type LoadNetworkInput, type Problem } from '../../src/index.js';
import { formatProblem } from '../../src/model.js';
import { toGexf, toGraphml, toGraphologyJson } from '../../src/io/graph-export.js';
import { readGraphFile } from '../../src/io/graph-import.js';
import { miniGeography, trickyNetwork } from './graph-fixture-network.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'graphs');
const fixture = (name: string) => join(FIXTURES, name);
const lenient = (input: LoadNetworkInput) => loadNetwork(input, { mode: 'lenient' });
const errors = (net: CooperationNetwork) => net.loadReport!.problems.filter((p) => p.severity === 'error');

/** Every file report's counts add up to its rows. */
function expectAccounted(net: CooperationNetwork) {
  for (const f of net.loadReport!.files) expect(f.loaded + f.merged + f.rejected + f.blank).toBe(f.rows);
}

/** Pairs as `a|b` → summed weight, ends sorted. */
function pairs(net: CooperationNetwork): Map<string, number> {
  const out = new Map<string, number>();
  net.graph.forEachEdge((_e, a, _s, _t, sa, ta) => {
    const [x, y] = [sa.id, ta.id].sort();
    out.set(`${x}|${y}`, a.weight);
  });
  return out;
}

/** Actors with their fields, attributes aside. */
const fields = (net: CooperationNetwork) => net.actors().map(({ attributes: _a, ...rest }) => rest);

describe('round trips of the demo network', () => {
  const demo = loadNetwork(demoDataset());
  const writers = {
    gexf: (edges: 'pairs' | 'links') => toGexf(demo, { edges }),
    graphml: (edges: 'pairs' | 'links') => toGraphml(demo, { edges }),
    json: (edges: 'pairs' | 'links') => toGraphologyJson(demo, { edges }),
  };
  for (const [format, write] of Object.entries(writers)) {
    it(`${format}: same actors, attributes and pairs with weights; links collapse to pairs`, () => {
      const net = loadNetwork({ graph: { text: write('pairs'), name: `demo.${format}` } });
      expect(fields(net)).toEqual(fields(demo));
      expect(net.actors().map((a) => a.attributes)).toEqual(demo.actors().map((a) => a.attributes));
      expect(pairs(net)).toEqual(pairs(demo));
      expect(net.links).toHaveLength(demo.graph.size);
      expect(net.loadReport!.problems).toEqual([]);
      expectAccounted(net);
      expect(net.loadReport!.files.map((f) => [f.role, f.format, f.rows])).toEqual([
        ['actors', format, demo.order],
        ['links', format, demo.graph.size],
      ]);
    });

    it(`${format}: with edges: 'links' every link comes back with kind and dates`, () => {
      const net = loadNetwork({ graph: { text: write('links'), name: `demo.${format}` } });
      const strip = (n: CooperationNetwork) => n.links.map((l) => ({ source: l.source, target: l.target, weight: l.weight, kind: l.kind, since: l.since, until: l.until }));
      expect(strip(net)).toEqual(strip(demo));
      expect(pairs(net)).toEqual(pairs(demo));
      // samverkan's derived edge columns are not kept as attributes.
      expect(net.links.every((l) => l.attributes === undefined)).toBe(true);
    });
  }
});

describe('round trips of awkward ids and names', () => {
  const net = trickyNetwork();
  for (const [format, text] of [
    ['gexf', toGexf(net)],
    ['graphml', toGraphml(net)],
    ['json', toGraphologyJson(net)],
  ] as const) {
    it(`${format}: __proto__, constructor, markup and Swedish letters survive`, () => {
      const back = loadNetwork({ graph: { text, name: `tricky.${format}` }, geography: miniGeography() });
      // XML cannot hold the BEL character, so GEXF and GraphML drop it; JSON keeps it.
      const expected = net.actors().map((a) => ({ ...a, name: format === 'json' ? a.name : a.name.replace('\u0007', '') }));
      expect(back.actors()).toEqual(expected);
      expect(Object.getOwnPropertyNames(back.actor('__proto__')!.attributes)).toEqual(['__proto__', 'note']);
      expect(pairs(back)).toEqual(pairs(net));
      // A pair with one kind gets it back; two kinds stay as the attribute `kinds`.
      expect(back.linksBetween('constructor', '2460')[0]!.kind).toBe('avtal');
      expect(back.linksBetween('__proto__', '2480')[0]!.attributes).toEqual({ kinds: 'avtal; dialog' });
    });
  }
});

describe('files from NetworkX, igraph and Gephi', () => {
  const expectedActors = [
    { id: 'moske-umea', name: 'Moské i Umeå', kind: 'religious', municipality: '2480', county: '24', attributes: { members: '120' } },
    { id: 'idrott', name: `Idrottsföreningen <&"'>`, kind: 'civil_society', municipality: '2460', county: '24', attributes: { founded: '1921' } },
    { id: '__proto__', name: 'Prototypföreningen', kind: 'other', attributes: { note: 'åäö' } },
    { id: 'lst-ac', name: 'Länsstyrelsen Västerbotten', kind: 'authority', county: '24' },
  ];
  const expectedLinks = [
    'moske-umea|2480|2.5|dialog|2019-03-01',
    'moske-umea|__proto__|0.5||',
    '2480|2460|4|samverkan|',
    '2480|lst-ac|1.25|tillsyn|',
    '2460|idrott|1|avtal|',
  ];
  const links = (net: CooperationNetwork) => net.links.map((l) => [l.source, l.target, l.weight, l.kind ?? '', l.since ?? ''].join('|'));

  for (const name of ['networkx.graphml', 'networkx.gexf', 'networkx-node-link.json']) {
    it(`${name}: actors, attributes, municipalities by code and name, weights`, () => {
      const net = loadNetwork({ graph: fixture(name) });
      expect(net.actors().filter((a) => a.kind !== 'municipality')).toEqual(expectedActors);
      expect(links(net).sort()).toEqual([...expectedLinks].sort());
      // "2480" and "Vännäs" had no kind: they are the municipalities, with a warning.
      const [warning] = net.loadReport!.problems;
      expect(warning).toMatchObject({ severity: 'warning', row: 0 });
      expect(warning!.reason).toMatch(/2 nodes have no kind .*2 whose id or name is a municipality/);
      expect(net.loadReport!.files.map((f) => [f.rows, f.loaded, f.merged, f.rejected])).toEqual([
        [6, 4, 2, 0],
        [5, 5, 0, 0],
      ]);
    });
  }

  it('igraph.graphml: ids from the name attribute (igraph writes n0, n1, …), label as name, type as kind', () => {
    const net = loadNetwork({ graph: fixture('igraph.graphml') });
    expect(net.actors().filter((a) => a.kind !== 'municipality')).toEqual([
      { id: 'moske-umea', name: 'Moské i Umeå', kind: 'religious', municipality: '2480', county: '24' },
      { id: 'idrott', name: 'Idrottsföreningen', kind: 'civil_society', municipality: '2460', county: '24' },
      { id: 'constructor', name: 'Konstruktörerna', kind: 'other' },
    ]);
    expect(links(net)).toEqual(['moske-umea|2480|2.5|dialog|', '2480|idrott|1|avtal|', 'moske-umea|constructor|3|avtal|']);
    expect(net.loadReport!.problems).toEqual([]);
    expect(readGraphFile(fixture('igraph.graphml')).nodeFields).toMatchObject({ id: 'name', name: 'label', kind: 'type', municipality: 'kommun' });
  });

  it('a directed graph is read as undirected links, with a warning', () => {
    const net = loadNetwork({ graph: fixture('networkx-directed.gexf') });
    expect(net.linksBetween('a', 'b').map((l) => l.weight)).toEqual([1, 2]);
    expect(net.loadReport!.problems.map((p) => p.reason)).toEqual([expect.stringMatching(/2 edges are directed/)]);
    expect(net.loadReport!.files[1]).toMatchObject({ rows: 2, loaded: 1, merged: 1 });
  });

  it('a multigraph gives one link per parallel edge', () => {
    const net = loadNetwork({ graph: fixture('networkx-multigraph.graphml') });
    expect(net.linksBetween('a', 'b').map((l) => [l.weight, l.kind])).toEqual([
      [1, 'avtal'],
      [2, 'dialog'],
    ]);
  });

  it('a Gephi-style GEXF: attribute ids with titles, defaults, viz, dynamic times as numbers', () => {
    const text = `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">
  <meta lastmodifieddate="2024-01-01"><creator>Gephi 0.10</creator></meta>
  <graph defaultedgetype="undirected" mode="dynamic" timeformat="double">
    <attributes class="node" mode="static">
      <attribute id="typ" title="Typ" type="string"><default>civil_society</default></attribute>
      <attribute id="modularity_class" title="Modularity Class" type="integer"/>
    </attributes>
    <nodes>
      <node id="a" label="Föreningen A">
        <attvalues><attvalue for="modularity_class" value="3"/></attvalues>
        <viz:size value="10.0"/><viz:position x="1.0" y="2.0"/><viz:color r="1" g="2" b="3"/>
      </node>
      <node id="b" label="Församlingen B">
        <attvalues><attvalue for="typ" value="Trossamfund"/></attvalues>
      </node>
    </nodes>
    <edges>
      <edge id="0" source="a" target="b" weight="2.0" start="1.0" end="3.0" label="dialog"/>
    </edges>
  </graph>
</gexf>`;
    const net = loadNetwork({ graph: { text, name: 'gephi.gexf' } });
    expect(net.actor('a')).toEqual({ id: 'a', name: 'Föreningen A', kind: 'civil_society', attributes: { 'Modularity Class': '3' } });
    expect(net.actor('b')).toMatchObject({ kind: 'religious' });
    expect(net.links[0]).toMatchObject({ weight: 2, kind: 'dialog', attributes: { start: '1.0', end: '3.0' } });
    expect(net.links[0]!.since).toBeUndefined();
  });

  it('GEXF 1.2 dates in start/end become since/until', () => {
    const text = `<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2"><graph defaultedgetype="undirected" timeformat="date">
      <attributes class="node"><attribute id="0" title="kind" type="string"/></attributes>
      <nodes><node id="x" label="X"><attvalues><attvalue for="0" value="authority"/></attvalues></node><node id="Umeå" label="Umeå"/></nodes>
      <edges><edge id="0" source="x" target="Umeå" start="2019-01-01" end="2022-06-30T12:00:00"/></edges></graph></gexf>`;
    const net = loadNetwork({ graph: { text, name: 'dyn.gexf' } });
    expect(net.links[0]).toMatchObject({ source: 'x', target: '2480', since: '2019-01-01', until: '2022-06-30' });
  });
});

describe('problems are named by file, node or edge, line and attribute', () => {
  const graphml = `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="k" for="node" attr.name="kind" attr.type="string"/>
  <key id="m" for="node" attr.name="kommun" attr.type="string"/>
  <key id="w" for="edge" attr.name="weight" attr.type="double"/>
  <key id="s" for="edge" attr.name="since" attr.type="string"/>
  <graph edgedefault="undirected">
    <node id="ok"><data key="k">religious</data><data key="m">Umeå</data></node>
    <node id="bad"><data key="k">religious</data><data key="m">Atlantis</data></node>
    <node id="180"><data key="k">other</data><data key="m">Atlantis</data></node>
    <edge source="ok" target="2480"><data key="w">-1</data></edge>
    <edge source="ok" target="bad"><data key="w">1</data></edge>
    <edge source="ok" target="ok"/>
    <edge source="ok" target="180"><data key="s">2020-13-01</data></edge>
  </graph>
</graphml>`;

  it('rejects rows with a reason and keeps the rest (lenient)', () => {
    const net = lenient({ graph: { text: graphml, name: 'net.graphml' } });
    const lines = errors(net).map(formatProblem);
    expect(lines).toEqual([
      'net.graphml, node 2, line 9, attribute kommun: unknown municipality: not a code or name in the Sweden geography (value "Atlantis")',
      'net.graphml, node 3, line 10, attribute kommun: unknown municipality: not a code or name in the Sweden geography (value "Atlantis")',
      'net.graphml, edge 1, line 11, attribute weight: the weight must be a positive number (value "-1")',
      'net.graphml, edge 2, line 12, attribute target: edge to a node that is not in the file or was rejected (see its problem) (value "bad")',
      'net.graphml, edge 3, line 13, attribute target: self-loop: the link joins an actor to itself (value "ok")',
      // Node "180" was rejected: its edge does not fall back to Stockholm (0180).
      'net.graphml, edge 4, line 14, attribute target: edge to a node that is not in the file or was rejected (see its problem) (value "180")',
      'net.graphml, edge 4, line 14, attribute since: the since date is not a valid date (expected YYYY-MM-DD) (value "2020-13-01")',
    ]);
    expect(errors(net)[0]).toMatchObject({ file: 'net.graphml', row: 2, element: 'node', line: 9, column: 'kommun' });
    expect(net.actor('ok')).toMatchObject({ municipality: '2480' });
    expectAccounted(net);
    expect(net.loadReport!.files.map((f) => [f.role, f.rows, f.loaded, f.rejected])).toEqual([
      ['actors', 3, 1, 2],
      ['links', 4, 0, 4],
    ]);
  });

  it('throws a LoadError listing them (strict)', () => {
    expect(() => loadNetwork({ graph: { text: graphml, name: 'net.graphml' } })).toThrow(LoadError);
    expect(() => loadNetwork({ graph: { text: graphml, name: 'net.graphml' } })).toThrow(/7 problems\n {2}- net\.graphml, node 2, line 9/);
  });

  const malformed: [string, string, RegExp, number | undefined][] = [
    ['truncated XML', '<?xml version="1.0"?>\n<graphml>\n  <graph>\n    <node id="a">\n', /not well-formed XML: the element <node> \(line 4\) is not closed/, 5],
    ['a mismatched tag', '<gexf>\n<graph>\n<nodes></node>\n</graph></gexf>', /not well-formed XML: the end tag <\/node> does not match the start tag <nodes> on line 3/, 3],
    ['an undeclared key', '<graphml><graph><node id="a"><data key="x">1</data></node></graph></graphml>', /<data> element for an undeclared key "x"/, 1],
    ['another XML vocabulary', '<svg xmlns="http://www.w3.org/2000/svg"/>', /not a GEXF or GraphML file: the root element is <svg>/, 1],
    ['broken JSON', '{"nodes": [', /not valid JSON/, undefined],
    ['JSON without nodes', '{"a": 1}', /no "nodes" array/, undefined],
    ['an empty file', '', /empty/, undefined],
  ];
  for (const [what, text, reason, line] of malformed) {
    it(`${what} gives a clear problem, not a crash`, () => {
      const name = what.includes('JSON') ? 'broken.json' : 'broken.graphml';
      const net = lenient({ graph: { text, name } });
      const [problem] = errors(net);
      expect(problem).toMatchObject({ file: name, row: 0, severity: 'error' });
      expect(problem!.reason).toMatch(reason);
      expect(problem!.line).toBe(line);
      // Nothing could be read: an empty plain graph, not 290 municipalities.
      expect(net.order).toBe(0);
      expectAccounted(net);
      expect(() => loadNetwork({ graph: { text, name } })).toThrow(LoadError);
    });
  }

  it('a missing file, a binary file and a folder are problems', () => {
    expect(errors(lenient({ graph: join(FIXTURES, 'nope.gexf') }))[0]!.reason).toBe('no such file');
    expect(errors(lenient({ graph: FIXTURES }))[0]!.reason).toMatch(/folder/);
    expect(errors(lenient({ graph: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0]) }))[0]!.reason).toMatch(/not a text file|workbook or archive/);
  });
});

describe('input forms and detection', () => {
  const text = toGraphml(trickyNetwork());

  it('reads a path, text, bytes and { bytes, name }, detecting the format by content', () => {
    const byText = readGraphFile(text);
    expect(byText).toMatchObject({ file: '(graph)', format: 'graphml' });
    const bytes = new TextEncoder().encode(text);
    expect(readGraphFile(bytes).format).toBe('graphml');
    expect(readGraphFile({ bytes, name: 'x.graphml' })).toMatchObject({ file: 'x.graphml', encoding: 'utf-8' });
    expect(readGraphFile(toGraphologyJson(trickyNetwork(), { indent: 0 })).format).toBe('json');
    expect(readGraphFile(fixture('networkx.gexf')).format).toBe('gexf');
  });

  it('a forced format must match the content', () => {
    const g = readGraphFile({ text, name: 'x' }, { format: 'gexf' });
    expect(g.problems[0]!.reason).toMatch(/expected a GEXF file, but the root element is <graphml>/);
  });

  it('decodes a Latin-1 XML file that says so', () => {
    const xml = '<?xml version="1.0" encoding="ISO-8859-1"?><graphml><key id="k" for="node" attr.name="kind"/><graph edgedefault="undirected"><node id="Förening"><data key="k">other</data></node></graph></graphml>';
    const bytes = new Uint8Array([...xml].map((c) => c.charCodeAt(0)));
    const g = readGraphFile({ bytes, name: 'latin1.graphml' });
    expect(g.nodes[0]!.id).toBe('Förening');
    expect(g.problems).toEqual([]);
  });

  it('graph cannot be combined with actors or links', () => {
    expect(() => loadNetwork({ graph: text, links: 'source,target\n0180,2480\n' })).toThrow(/`graph` cannot be combined with `actors` or `links`/);
  });

  it('a graph whose nodes say nothing of where they are is a plain graph: no node is a municipality', () => {
    const json = JSON.stringify({ directed: false, nodes: [{ id: 180 }, { id: 2480 }, { id: 'Umeå kommun' }], edges: [{ source: 180, target: 2480 }] });
    const plain = loadNetwork({ graph: { text: json, name: 'numbers.json' } });
    expect(plain.geography.municipalities).toHaveLength(0);
    expect(plain.actors().map((a) => [a.id, a.kind])).toEqual([
      ['180', 'other'],
      ['2480', 'other'],
      ['Umeå kommun', 'other'],
    ]);
    expect(plain.loadReport!.problems).toEqual([]);
  });

  it('with a geography given, numbered graphs still do not turn into municipalities (a code must be exact)', () => {
    const json = JSON.stringify({ directed: false, nodes: [{ id: 180 }, { id: 2480 }, { id: 'Umeå kommun' }], edges: [{ source: 180, target: 2480 }] });
    const net = loadNetwork({ graph: { text: json, name: 'numbers.json' }, geography: swedenGeography() });
    expect(net.actor('180')).toMatchObject({ kind: 'other' });
    expect(net.actor('2480')).toMatchObject({ kind: 'municipality', name: 'Umeå' });
    expect(net.linksBetween('180', '2480')).toHaveLength(1);
    expect(net.loadReport!.problems.map((p: Problem) => p.reason)).toEqual([
      expect.stringMatching(/^3 nodes have no kind \(attribute kind\): 2 whose id or name is a municipality .* were read as that municipality; 1 was read as kind "other"/),
    ]);
    expect(net.loadReport!.files[0]).toMatchObject({ rows: 3, loaded: 1, merged: 2 });
  });
});
