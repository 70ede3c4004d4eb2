import { describe, expect, it } from 'vitest';
import { brokerage, centrality, communities, demoDataset, kCore, loadNetwork } from '../../src/index.js';
import { parseXml, childNamed, childrenNamed } from '../../src/io/xml.js';
import { EXPORT_METRICS, exportNetwork, metricColumns } from '../../src/report/export.js';
import { trickyNetwork } from '../io/graph-fixture-network.js';

describe('exportNetwork', () => {
  const net = trickyNetwork();

  it('writes each format, with every metric as a node column by default', () => {
    const gexf = exportNetwork(net, { format: 'gexf' });
    const titles = childrenNamed(childNamed(parseXml(gexf), 'graph')!, 'attributes')
      .filter((a) => a.attributes.get('class') === 'node')
      .flatMap((a) => childrenNamed(a, 'attribute'))
      .map((a) => a.attributes.get('title'));
    expect(titles.slice(-EXPORT_METRICS.length)).toEqual([...EXPORT_METRICS]);
    expect(exportNetwork(net, { format: 'graphml' })).toContain('attr.name="pagerank" attr.type="double"');
    const json = JSON.parse(exportNetwork(net, { format: 'json' }));
    expect(Object.keys(json.nodes[2].attributes)).toEqual(expect.arrayContaining(['degree', 'betweenness', 'core', 'community']));
    const csv = exportNetwork(net, { format: 'csv' });
    expect(Object.keys(csv)).toEqual(['nodes', 'edges']);
    expect(csv.nodes.split('\n')[0]).toBe(
      'id,name,kind,municipality,county,__proto__,founded,members,note,' + EXPORT_METRICS.join(','),
    );
  });

  it('metrics equal the analysis functions (centrality, brokerage, kCore, seeded communities)', () => {
    const demo = loadNetwork(demoDataset());
    const columns = new Map(metricColumns(demo, EXPORT_METRICS, { seed: 3 }).map((c) => [c.name, c.values]));
    const c = centrality(demo);
    const b = brokerage(demo);
    const k = kCore(demo);
    const comm = communities(demo, { seed: 3 }).assignments;
    for (const i of [0, 100, 290, 1000, demo.order - 1]) {
      const id = c[i]!.id;
      expect(columns.get('betweenness')!.get(id)).toBe(c[i]!.betweenness);
      expect(columns.get('pagerank')!.get(id)).toBe(c[i]!.pagerank);
      expect(columns.get('liaison')!.get(id)).toBe(b[i]!.liaison);
      expect(columns.get('brokerage')!.get(id)).toBe(b[i]!.total);
      expect(columns.get('core')!.get(id)).toBe(k[i]!.core);
      expect(columns.get('community')!.get(id)).toBe(comm[i]!.community);
    }
  });

  it('takes a list of metrics, or none', () => {
    const some = exportNetwork(net, { format: 'csv', metrics: ['community', 'degree'] });
    expect(some.nodes.split('\n')[0]!.endsWith(',note,degree,community')).toBe(true);
    const none = exportNetwork(net, { format: 'csv', metrics: false });
    expect(none.nodes.split('\n')[0]).toBe('id,name,kind,municipality,county,__proto__,founded,members,note');
    expect(() => exportNetwork(net, { format: 'csv', metrics: ['nonsense' as 'degree'] })).toThrow();
  });

  it('types integer metrics as integers and leaves constraint out for isolated actors', () => {
    const graphml = parseXml(exportNetwork(net, { format: 'graphml', metrics: ['degree', 'constraint'] }));
    const keys = childrenNamed(graphml, 'key').map((k) => `${k.attributes.get('attr.name')}:${k.attributes.get('attr.type')}`);
    expect(keys).toEqual(expect.arrayContaining(['degree:long', 'constraint:double']));
    const constraintKey = childrenNamed(graphml, 'key').find((k) => k.attributes.get('attr.name') === 'constraint')!.attributes.get('id');
    const stockholm = childrenNamed(childNamed(graphml, 'graph')!, 'node').find((n) => n.attributes.get('id') === '0180')!;
    expect(childrenNamed(stockholm, 'data').some((d) => d.attributes.get('key') === constraintKey)).toBe(false);
  });

  it('CSV neutralises formula names while metric columns stay numbers', () => {
    const { nodes } = exportNetwork(net, { format: 'csv', metrics: ['degree'] });
    expect(nodes).toContain('ctrl,Klocka\u0007namn,other,,,,,-3,,1\n');
    expect(nodes).toContain('"rad ett\nrad två\tflik",2\n');
  });

  it('is byte-identical for the same network and options', () => {
    for (const format of ['gexf', 'graphml', 'json'] as const) {
      expect(exportNetwork(trickyNetwork(), { format, edges: 'links' })).toBe(exportNetwork(net, { format, edges: 'links' }));
    }
    expect(exportNetwork(trickyNetwork(), { format: 'csv', delimiter: ';' })).toEqual(exportNetwork(net, { format: 'csv', delimiter: ';' }));
  });
});
