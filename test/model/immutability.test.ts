/**
 * Issue 12: networks are documented as immutable, but `net.actor()` objects
 * and `net.links` could be changed, and the changes leaked into reports and
 * exports. Now they are frozen (the cost is measured in bench/hardening.ts).
 */
import { describe, expect, it } from 'vitest';
import { CooperationNetwork, demoDataset, loadNetwork, swedenGeography, type Actor } from '../../src/index.js';
import { toGexf } from '../../src/io.js';
import { brokerage } from '../../src/analysis/brokerage.js';
import { exportNetwork } from '../../src/report/export.js';

const csv = {
  actors: 'id,name,kind,municipality,note\nforening,Föreningen,civil_society,2480,a note\n',
  links: 'source,target,kind,weight,since,memo\nforening,2480,project,2,2021-01-01,m1\n2480,2460,agreement,1,,m2\n2480,2460,project,3,,\n',
};

/** Try a change the way a careless caller would; in strict mode (ES modules) it throws. */
const attempt = (change: () => void) => expect(change).toThrow(TypeError);

describe('a loaded network cannot be changed through what it hands out', () => {
  it('actors, their attributes, links, their attributes and origins, and the link list are frozen', () => {
    const net = loadNetwork(csv);
    const actor = net.actor('forening')!;
    expect(Object.isFrozen(actor)).toBe(true);
    expect(Object.isFrozen(actor.attributes)).toBe(true);
    expect(Object.isFrozen(net.actor('2480'))).toBe(true);
    expect(Object.isFrozen(net.links)).toBe(true);
    for (const link of net.links) {
      expect(Object.isFrozen(link)).toBe(true);
      expect(Object.isFrozen(link.origin)).toBe(true);
      if (link.attributes) expect(Object.isFrozen(link.attributes)).toBe(true);
    }
    for (const link of net.asOf('2022-01-01').links) expect(Object.isFrozen(link)).toBe(true);
  });

  it('so changes cannot leak into analyses and exports (they did: a renamed actor showed in the GEXF)', () => {
    const net = loadNetwork(csv);
    const gexf = toGexf(net);
    const rows = JSON.stringify(brokerage(net));
    attempt(() => ((net.actor('forening') as { name: string }).name = 'Hacked'));
    attempt(() => ((net.actor('forening')!.attributes as Record<string, string>).note = 'hacked'));
    attempt(() => ((net.actors()[0] as { kind: string }).kind = 'other'));
    attempt(() => ((net.links[0] as { weight: number }).weight = 1000));
    attempt(() => ((net.linksOf('forening')[0]!.attributes as Record<string, string>).memo = 'hacked'));
    attempt(() => (net.links as unknown as unknown[]).push({ source: 'x', target: 'y' }));
    attempt(() => ((net.links as unknown as unknown[]).length = 0));
    expect(toGexf(net)).toBe(gexf);
    expect(JSON.stringify(brokerage(net))).toBe(rows);
  });

  it('graphology code that writes to net.graph changes only the graph, not the network’s exports', () => {
    const net = loadNetwork(csv);
    const before = exportNetwork(net, { format: 'csv', metrics: false });
    net.graph.forEachEdge((edge) => net.graph.setEdgeAttribute(edge, 'weight', 1e9));
    net.graph.dropEdge(net.graph.edges()[0]!);
    const graph = net.graph as unknown as { setNodeAttribute(node: string, name: string, value: unknown): void };
    net.graph.forEachNode((node) => graph.setNodeAttribute(node, 'community', 7));
    expect(exportNetwork(net, { format: 'csv', metrics: false })).toEqual(before);
    expect(net.linksBetween('2480', '2460').map((l) => l.weight)).toEqual([1, 3]);
  });

  it('CooperationNetwork.create freezes copies, never the caller’s objects', () => {
    const attributes = { note: 'mine' };
    const actor: Actor = { id: 'x', name: 'X', kind: 'other', municipality: '2480', attributes };
    const linkAttributes = { memo: 'mine' };
    const origin = { file: 'f.csv', row: 2 };
    const net = CooperationNetwork.create({ geography: swedenGeography(), actors: [actor], links: [{ source: 'x', target: '2480', attributes: linkAttributes, origin } as never] });
    expect(Object.isFrozen(actor) || Object.isFrozen(attributes) || Object.isFrozen(linkAttributes) || Object.isFrozen(origin)).toBe(false);
    attributes.note = 'changed later';
    linkAttributes.memo = 'changed later';
    origin.row = 99;
    expect(net.actor('x')!.attributes).toEqual({ note: 'mine' });
    expect(net.links[0]!.attributes).toEqual({ memo: 'mine' });
    expect(net.links[0]!.origin).toEqual({ file: 'f.csv', row: 2 });
  });

  it('the demo network is frozen too, and its analyses still run', () => {
    const net = loadNetwork(demoDataset());
    expect(net.actors().every((a) => Object.isFrozen(a))).toBe(true);
    expect(brokerage(net)).toHaveLength(net.order);
  });
});
