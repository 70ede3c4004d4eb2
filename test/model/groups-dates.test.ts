import { describe, expect, it } from 'vitest';
import { loadNetwork } from '../../src/index.js';
import { swedenCooperationBodies } from '../../src/geo.js';
import { groupsOf } from '../../src/model.js';

describe('groupsOf on a loaded network (issue 16: the dates read from the link columns)', () => {
  it('gives the groups, dates included, that the link objects give', () => {
    const columnar = loadNetwork(swedenCooperationBodies());
    const objects = loadNetwork(swedenCooperationBodies());
    // The link objects made first: the dates then come from them.
    const links = objects.links;
    const groups = groupsOf(columnar);
    expect(groups).toEqual(groupsOf(objects));
    expect(groups.filter((g) => g.since !== undefined).length).toBeGreaterThan(10);
    expect(groups.some((g) => g.until !== undefined)).toBe(true);
    // Each group's since is the earliest since of the links between the body and its members.
    for (const g of groups) {
      const members = new Set(g.members);
      const dates = links.filter((l) => (l.source === g.id && members.has(l.target)) || (l.target === g.id && members.has(l.source))).flatMap((l) => (l.since === undefined ? [] : [l.since]));
      expect(g.since, g.id).toBe(dates.length > 0 ? dates.sort()[0] : undefined);
    }
  });
});
