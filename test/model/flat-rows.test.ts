import { describe, expect, it } from 'vitest';
import { findGaps } from '../../src/analysis/gaps.js';
import { components } from '../../src/analysis/structure.js';
import { demoDataset } from '../../src/io/sweden.js';
import { loadNetwork } from '../../src/io/load-network.js';
import { toCsv } from '../../src/io/write-csv.js';
import { flatRows, withColumns } from '../../src/model/table.js';
import { recommendPartners } from '../../src/recommend/recommend.js';

describe('flatRows', () => {
  it('objects become one column per key, arrays one joined text, in the rows\' column order', () => {
    const rows = withColumns(
      [
        { id: 'a', parts: { x: 1, y: 2 }, tags: ['p', 'q'], n: 3 },
        { id: 'b', parts: { y: 5, z: 6 }, tags: [], n: null },
      ],
      ['id', 'parts', 'tags', 'n'],
    );
    const flat = flatRows(rows);
    expect(flat.columns).toEqual(['id', 'parts_x', 'parts_y', 'parts_z', 'tags', 'n']);
    expect(flat).toEqual([
      { id: 'a', parts_x: 1, parts_y: 2, parts_z: null, tags: 'p · q', n: 3 },
      { id: 'b', parts_x: null, parts_y: 5, parts_z: 6, tags: '', n: null },
    ]);
    expect(flatRows(rows, { separator: '; ' })[0]!.tags).toBe('p; q');
  });

  it('a key __proto__ is a column, not a prototype', () => {
    const row = JSON.parse('{"id":"a","parts":{"__proto__":7,"ok":1}}') as { id: string; parts: Record<string, number> };
    const [flat] = flatRows([row]);
    expect(Object.keys(flat!)).toEqual(['id', 'parts___proto__', 'parts_ok']);
    expect(flat!['parts___proto__']).toBe(7);
    expect(Object.getPrototypeOf(flat)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).ok).toBeUndefined();
  });

  it('recommendation, component and gap rows: no [object Object] in a CSV, every component a column', () => {
    const net = loadNetwork(demoDataset());
    const recs = recommendPartners(net, '2403', { limit: 3 });
    const flat = flatRows(recs);
    const names = Object.keys(recs[0]!.components);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(flat.columns).toContain(`components_${name}`);
    flat.forEach((r, i) => {
      expect(r.reasons).toBe(recs[i]!.reasons.join(' · '));
      for (const name of names) expect(r[`components_${name}`]).toBe(recs[i]!.components[name]);
      for (const v of Object.values(r)) expect(typeof v === 'object' && v !== null).toBe(false);
    });
    for (const rows of [recs, components(net), findGaps(net)] as object[][]) {
      const csv = toCsv(flatRows(rows));
      expect(csv).not.toMatch(/\[object Object\]/);
      expect(csv.split('\n')[0]!.length).toBeGreaterThan(0);
    }
  });
});
