import { describe, expect, it } from 'vitest';
import { ActorColumns } from '../../src/model/actor-columns.js';

describe('ActorColumns.filter', () => {
  // Rows with names left to the reader (undefined) and given, of several kinds and places.
  function columns(reads: number[]) {
    const c = new ActorColumns();
    c.setNameReader((i) => {
      reads.push(i);
      return `name of ${c.ids[i]}`;
    });
    c.add('2480', 'Umeå', c.kindCode('municipality'), c.placeCode('2480'), c.placeCode('24'));
    c.add('cs-1', undefined, c.kindCode('civil_society'), c.placeCode('2480'), c.placeCode('24'), { focus: 'sport' });
    c.add('pol', 'Polisregion Nord', c.kindCode('authority'), -1, -1);
    c.add('rel-1', undefined, c.kindCode('religious'), c.placeCode('2482'), c.placeCode('24'));
    return c;
  }

  it('keeps the rows asked for, with the same fields, and reads no name until one is asked for', () => {
    const reads: number[] = [];
    const source = columns(reads);
    const kept = source.filter((i) => !source.isMunicipality(i));
    expect(reads).toEqual([]);
    expect(kept.count).toBe(3);
    expect([0, 1, 2].map((j) => kept.row(j))).toEqual([source.row(1), source.row(2), source.row(3)]);
    // The names left to the reader were read from the source's rows (1 and 3), once each per row made above.
    expect([...new Set(reads)].sort()).toEqual([1, 3]);
    expect(kept.row(2).name).toBe('name of rel-1');
    expect(kept.speaksGeography()).toBe(true);
  });

  it('codes the copy\'s kinds and places in the order its rows first use them', () => {
    const source = columns([]);
    const kept = source.filter((i) => !source.isMunicipality(i));
    expect(kept.kinds).toEqual(['civil_society', 'authority', 'religious']);
    expect(kept.places).toEqual(['2480', '24', '2482']);
    expect(kept.isMunicipality(0)).toBe(false);
  });
});
