import { describe, expect, it } from 'vitest';
import { loadGeography, loadNetwork, OptionsError, demoDataset } from '../../src/index.js';
import { swedenCooperationBodies } from '../../src/geo.js';
import { flatRows, groupsOf } from '../../src/model.js';
import { formatMarkdownTable, formatTextTable, toCsv } from '../../src/format.js';


/** The OptionsError `f` throws: its function and option. */
function refused(f: () => unknown): { fn: string; option: string } {
  try {
    f();
  } catch (error) {
    expect(error).toBeInstanceOf(OptionsError);
    return { fn: (error as OptionsError).fn, option: (error as OptionsError).option };
  }
  throw new Error('expected an OptionsError');
}

describe('options of io, model and format functions are checked (they were unchecked interfaces)', () => {
  const net = loadNetwork(demoDataset());
  const rows = [{ a: 1 }];
  it('an unknown or wrong option is refused, naming the function and the option', () => {
    expect(refused(() => toCsv(rows, { delimter: ';' } as never))).toEqual({ fn: 'toCsv', option: 'delimter' });
    expect(refused(() => toCsv(rows, { delimiter: '|' as never }))).toEqual({ fn: 'toCsv', option: 'delimiter' });
    expect(refused(() => formatTextTable(rows, { decimals: -1 }))).toEqual({ fn: 'formatTextTable', option: 'decimals' });
    expect(refused(() => formatMarkdownTable(rows, { maxrows: 2 } as never))).toEqual({ fn: 'formatMarkdownTable', option: 'maxrows' });
    expect(refused(() => flatRows(rows, { seperator: ';' } as never))).toEqual({ fn: 'flatRows', option: 'seperator' });
    expect(refused(() => swedenCooperationBodies({ evidence: 'listed' as never }))).toEqual({ fn: 'swedenCooperationBodies', option: 'evidence' });
    expect(refused(() => groupsOf(net, { vai: ['joint_body'] } as never))).toEqual({ fn: 'groupsOf', option: 'vai' });
    expect(refused(() => net.municipalityProjection({ endpoints: 'all' as never }))).toEqual({ fn: 'municipalityProjection', option: 'endpoints' });
    expect(refused(() => loadGeography('data/sweden', { nmae: 'x' } as never))).toEqual({ fn: 'loadGeography', option: 'nmae' });
  });

  it('right options still work', () => {
    expect(toCsv(rows, { delimiter: ';', bom: false })).toBe('a\n1\n');
    expect(flatRows([{ a: ['x', 'y'] }], { separator: '/' })[0]).toEqual({ a: 'x/y' });
    expect(net.municipalityProjection({ via: ['joint_body'], endpoints: 'municipalities' }).ties.length).toBeGreaterThan(0);
    // via is normalised as everywhere else: Kommunalförbund is joint_body.
    expect(net.municipalityProjection({ via: ['Kommunalförbund'] }).ties).toEqual(net.municipalityProjection({ via: ['joint_body'] }).ties);
    expect(groupsOf(net, { via: ['Kommunalförbund'] })).toEqual(groupsOf(net, { via: ['joint_body'] }));
    expect(groupsOf(net, { via: ['joint_body'] }).length).toBeGreaterThan(0);
  });
});
