import { describe, expect, it } from 'vitest';
import { actorView, actorViewsByGroup } from '../../src/analysis/view.js';
import { loadNetwork } from '../../src/io/load-network.js';
import { demoDataset } from '../../src/io/sweden.js';
import { toCsr } from '../../src/metrics/csr.js';
import { nodeKey } from '../../src/model/keys.js';

const net = loadNetwork(demoDataset());

describe('actor views', () => {
  it('the whole-network view equals toCsr of the graph, and is built once', () => {
    const view = actorView(net);
    const reference = toCsr(net.graph, { nodes: net.actors().map((a) => nodeKey(a.id)) });
    expect(view.csr.ids).toEqual(reference.ids);
    expect([...view.csr.offsets]).toEqual([...reference.offsets]);
    expect([...view.csr.targets]).toEqual([...reference.targets]);
    expect([...view.csr.weights]).toEqual([...reference.weights]);
    expect(actorView(net)).toBe(view);
    expect(actorView(net, ['religious'])).toBe(actorView(net, ['religious']));
  });

  it('views by group, and predicate views, equal the subgraph toCsr takes from the graph', () => {
    const views = actorViewsByGroup(net, (a) => a.county);
    expect([...views.keys()].sort()).toEqual(net.counties().map((c) => c.code));
    for (const [county, view] of views) {
      const actors = net.actors().filter((a) => a.county === county);
      const reference = toCsr(net.graph, { nodes: actors.map((a) => nodeKey(a.id)) });
      for (const candidate of [view, actorView(net, (a) => a.county === county)]) {
        expect(candidate.actors).toEqual(actors);
        expect(candidate.csr.ids).toEqual(reference.ids);
        expect([...candidate.csr.offsets]).toEqual([...reference.offsets]);
        expect([...candidate.csr.targets]).toEqual([...reference.targets]);
        expect([...candidate.csr.weights]).toEqual([...reference.weights]);
      }
      expect(view.csr.m).toBeGreaterThan(0);
    }
    expect(actorView(net, () => false).csr.n).toBe(0);
  });
});
