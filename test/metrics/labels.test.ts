import { describe, expect, it } from 'vitest';
import { brokerageRoles, modularity, renumberCommunities } from '../../src/kernels.js';
import { firstSeenIds } from '../../src/metrics/labels.js';
import { HAND } from './centrality-helpers.js';

describe('labels numbered by first appearance (one helper for communities and brokerage)', () => {
  it('numbers labels in first-seen order, undefined and missing entries -1', () => {
    expect(firstSeenIds(['b', 'a', 'b', undefined, 'c'])).toEqual({ ids: Int32Array.from([0, 1, 0, -1, 2]), count: 3 });
    expect(firstSeenIds([7, Number.NaN, 7, Number.NaN], 6)).toEqual({ ids: Int32Array.from([0, 1, 0, 1, -1, -1]), count: 2 });
    expect(firstSeenIds(['__proto__', 'constructor', '__proto__'])).toEqual({ ids: Int32Array.from([0, 1, 0]), count: 2 });
  });

  it('a hole in a partition is refused, not counted as a community', () => {
    const holey = [0, 0, 1, 1];
    delete holey[2];
    expect(() => modularity(HAND.p4(), holey)).toThrow(/communities\[2\] is undefined/);
    expect(() => renumberCommunities(holey)).toThrow(/labels\[2\] is undefined/);
    expect(renumberCommunities([5, 9, 9, 5, 9])).toEqual({ community: Int32Array.from([1, 0, 0, 1, 0]), count: 2 });
  });

  it('brokerage: groups shorter than the graph leave the rest ungrouped', () => {
    // Path 0-1-2-3, groups X X and two ungrouped nodes: each ungrouped node a group of its own.
    const own = brokerageRoles(HAND.p4(), ['X', 'X']);
    expect([...own.gatekeeper]).toEqual([0, 1, 0, 0]);
    expect([...own.liaison]).toEqual([0, 0, 1, 0]);
    const skip = brokerageRoles(HAND.p4(), ['X', 'X'], { ungrouped: 'skip' });
    expect([...skip.total]).toEqual([0, 0, 0, 0]);
  });
});
