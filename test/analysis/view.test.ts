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

  it('views by group equal one predicate view per group', () => {
    const views = actorViewsByGroup(net, (a) => a.county);
    expect([...views.keys()].sort()).toEqual(net.counties().map((c) => c.code));
    for (const [county, view] of views) {
      const one = actorView(net, (a) => a.county === county);
      expect(view.actors).toEqual(one.actors);
      expect(view.csr.ids).toEqual(one.csr.ids);
      expect([...view.csr.targets]).toEqual([...one.csr.targets]);
      expect([...view.csr.weights]).toEqual([...one.csr.weights]);
      expect(view.csr.m).toBeGreaterThan(0);
    }
  });
});
