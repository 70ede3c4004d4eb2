/**
 * The network's compact pair table and partner iteration stand in for the
 * graphology graph in the analyses: they must say exactly what the graph says.
 */
import { describe, expect, it } from 'vitest';
import { loadNetwork } from '../../src/io/load-network.js';
import { demoDataset } from '../../src/io/sweden.js';
import { actorIdOf } from '../../src/model/keys.js';

describe('CooperationNetwork pairs', () => {
  const net = loadNetwork(demoDataset());

  it('forEachPartner and partnerCount agree with the graph', () => {
    for (const actor of net.actors()) {
      const partners: string[] = [];
      const links: number[][] = [];
      net.forEachPartner(actor.id, (partner, pair) => {
        partners.push(partner.id);
        links.push([...pair.links]);
      });
      const key = net.graph.nodes()[net.actors().indexOf(actor)]!;
      const expected: string[] = [];
      const expectedLinks: number[][] = [];
      net.graph.forEachNeighbor(key, (neighbour) => {
        expected.push(actorIdOf(neighbour));
        expectedLinks.push(net.graph.getEdgeAttribute(key, neighbour, 'links'));
      });
      expect([...partners].sort(), actor.id).toEqual([...expected].sort());
      expect(net.partnerCount(actor.id)).toBe(net.graph.degree(key));
      const byPartner = new Map(partners.map((p, i) => [p, links[i]]));
      expected.forEach((p, i) => expect(byPartner.get(p)).toEqual(expectedLinks[i]));
    }
    expect(net.partnerCount('no such actor')).toBe(0);
  });

  it('pairTable lists every graph edge once with its summed weight', () => {
    const { keys, ends, weights } = net.pairTable();
    expect(keys).toEqual(net.graph.nodes());
    expect(ends.length / 2).toBe(net.graph.size);
    for (let p = 0; p < weights.length; p++) {
      const edge = net.graph.edge(keys[ends[2 * p]!]!, keys[ends[2 * p + 1]!]!)!;
      expect(edge).toBeDefined();
      expect(weights[p]).toBe(net.graph.getEdgeAttribute(edge, 'weight'));
    }
  });

  it('linksBetween and linksOf use the pairs', () => {
    const link = net.links[10]!;
    expect(net.linksBetween(link.source, link.target)).toContain(link);
    expect(net.linksBetween(link.target, link.source)).toContain(link);
    expect(net.linksOf(link.source)).toContain(link);
    expect(net.linksBetween(link.source, 'no such actor')).toEqual([]);
    const all = net.links.filter((l) => l.source === link.source || l.target === link.source);
    expect(net.linksOf(link.source)).toEqual(all);
  });
});
