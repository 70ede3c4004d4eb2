/**
 * loadCapabilities(): every row loaded, merged (and counted) or rejected
 * with file, row, column and reason; Swedish spreadsheets read as such;
 * unknown kept apart from no.
 */
import { describe, expect, it } from 'vitest';
import { loadCapabilities } from '../../src/io/capabilities.js';
import { LoadError } from '../../src/io/load-network.js';
import { CapabilitySet, CapabilityVocabulary } from '../../src/model/capabilities.js';
import { OptionsError } from '../../src/model/options.js';
import { network } from '../analysis/helpers.js';

const net = network([{ id: 'kc-24', kind: 'civil_society', county: '24', name: 'Kompetenscentrum' }], [['2480', '2460'], ['kc-24', '2403']], undefined, 'infer');
const text = (t: string, name = 'capabilities.csv') => ({ text: t, name });

function accounted(caps: CapabilitySet | undefined, report = caps!.loadReport!) {
  const f = report.files[0]!;
  expect(f.loaded + f.merged + f.rejected + f.blank).toBe(f.rows);
  return f;
}

describe('loadCapabilities', () => {
  it('reads a Swedish Excel file: semicolons, BOM, Swedish headers, labels and status words', () => {
    const csv = '\uFEFFKommun;Förmåga;Status;Från;Till;Källa\nBjurholm;Handlingsplan;nej;;;beslut KS\n2480;samordnare;Ja;2019-05;;https://example.se\nVännäs kommun;lägesbild;planerad;2021;2022;\n';
    const caps = loadCapabilities(text(csv), net);
    const f = accounted(caps);
    expect(f).toMatchObject({ rows: 3, loaded: 3, merged: 0, rejected: 0, delimiter: ';' });
    expect(caps.state('2403', 'action_plan')).toBe('no');
    expect(caps.fact('2480', 'coordinator').record).toMatchObject({ since: '2019-05-01', source: 'https://example.se', subjectType: 'municipality' });
    // A year as until is its last day; with no date asked the latest statement holds, on a date its ends count.
    expect(caps.records.find((r) => r.subject === '2460')).toMatchObject({ capability: 'situation_picture', status: 'planned', since: '2021-01-01', until: '2022-12-31' });
    expect(caps.state('2460', 'situation_picture')).toBe('planned');
    expect(caps.asOf('2022-06-01').state('2460', 'situation_picture')).toBe('planned');
    expect(caps.asOf('2023-01-01').state('2460', 'situation_picture')).toBe('unknown');
  });

  it('reads Windows-1252 bytes (Excel\'s default in Sweden) with a warning', () => {
    const bytes = Uint8Array.from(Buffer.from('kommun;förmåga;status\nVännäs;anhörigstöd;ja\n', 'latin1'));
    const caps = loadCapabilities({ bytes, name: 'ansi.csv' }, net);
    expect(caps.state('2460', 'relatives_support')).toBe('yes');
    expect(caps.loadReport!.problems.some((p) => p.severity === 'warning' && /Windows-1252/.test(p.reason))).toBe(true);
  });

  it('rejects bad rows with file, row, column and reason, and keeps the rest in lenient mode', () => {
    const csv = [
      'municipality,capability,status,since,until',
      'Bjurholn,action_plan,yes,,', // row 2: misspelt municipality
      '2480,handlingsplanen,yes,,', // row 3: unknown capability
      '2480,coordinator,kanske,,', // row 4: bad status
      '2480,action_plan,yes,2020-01-01,2019-01-01', // row 5: until before since
      '2480,action_plan,yes,2021-02-30,', // row 6: no such day
      '',
      '2460,coordinator,yes,2019-01-01,', // row 8: fine
      '2460,coordinator,yes,2019-01-01,', // row 9: identical: merged
      '2460,coordinator,no,2019-01-01,', // row 10: contradicts row 8
      ',coordinator,yes,,', // row 11: no subject
    ].join('\n');
    let thrown: unknown;
    try {
      loadCapabilities(text(csv), net);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(LoadError);
    const problems = (thrown as LoadError).problems;
    const at = (row: number) => problems.find((p) => p.row === row);
    expect(at(2)).toMatchObject({ file: 'capabilities.csv', column: 'municipality', value: 'Bjurholn' });
    expect(at(2)!.reason).toMatch(/did you mean Bjurholm \(2403\)/);
    expect(at(3)).toMatchObject({ column: 'capability' });
    expect(at(3)!.reason).toMatch(/unknown capability.*action_plan/);
    expect(at(4)).toMatchObject({ column: 'status', value: 'kanske' });
    expect(at(5)).toMatchObject({ column: 'until' });
    expect(at(6)).toMatchObject({ column: 'since' });
    expect(at(10)!.reason).toMatch(/contradicts row 8/);
    expect(at(11)!.reason).toMatch(/no municipality and no actor/);
    expect(at(8)).toBeUndefined();

    const lenient = loadCapabilities(text(csv), net, { mode: 'lenient' });
    const f = accounted(lenient);
    expect(f).toMatchObject({ rows: 10, loaded: 1, merged: 1, rejected: 7, blank: 1 });
    expect(lenient.records.map((r) => [r.subject, r.capability, r.status])).toEqual([['2460', 'coordinator', 'yes']]);
  });

  it('a repeated row with another source is merged with a warning, not dropped in silence', () => {
    const caps = loadCapabilities(text('municipality,capability,status,source\n2480,action_plan,yes,A\n2480,action_plan,yes,B\n2480,action_plan,yes,A\n'), net);
    expect(accounted(caps)).toMatchObject({ loaded: 1, merged: 2 });
    expect(caps.loadReport!.problems.map((p) => [p.row, p.severity])).toEqual([[3, 'warning']]);
    expect(caps.fact('2480', 'action_plan').record!.source).toBe('A');
  });

  it('reads no status from the prototype: constructor, toString and __proto__ are bad statuses', () => {
    const lenient = loadCapabilities(text('municipality,capability,status\n2480,action_plan,Constructor\n2480,coordinator,toString\n2460,coordinator,__proto__\n'), net, { mode: 'lenient' });
    expect(lenient.records).toEqual([]);
    expect(lenient.loadReport!.files[0]).toMatchObject({ rows: 3, rejected: 3 });
  });

  it('reads actor subjects, and refuses unknown actors without polluting prototypes', () => {
    const caps = loadCapabilities(text('actor,capability,status,__proto__\nkc-24,exit_support,yes,x\n2480,coordinator,yes,\n'), net);
    expect(caps.fact('kc-24', 'exit_support').record).toMatchObject({ subjectType: 'actor' });
    expect(Object.hasOwn(caps.records[0]!.attributes!, '__proto__')).toBe(true);
    // A municipality named by its actor id is the municipality.
    expect(caps.fact('2480', 'coordinator').record!.subjectType).toBe('municipality');
    expect(() => loadCapabilities(text('actor,capability,status\n__proto__,coordinator,yes\n'), net)).toThrow(/no actor of the network/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('needs a subject column and declares user-defined capabilities', () => {
    expect(() => loadCapabilities(text('capability,status\ncoordinator,yes\n'), net)).toThrow(/missing a subject column/);
    expect(() => loadCapabilities(text('municipality,capability,status\n2480,school_network,yes\n'), net)).toThrow(/unknown capability/);
    const caps = loadCapabilities(text('municipality,capability,status\n2480,School network,yes\n'), net, { custom: [{ code: 'school_network', sv: 'skolnätverk' }] });
    expect(caps.state('2480', 'school_network')).toBe('yes');
    expect(caps.vocabulary.label('school_network', 'sv')).toBe('skolnätverk');
    expect(() => loadCapabilities(text('municipality,capability,status\n'), net, { mode: 'strickt' as never })).toThrow(OptionsError);
  });
});

describe('CapabilitySet', () => {
  const vocabulary = new CapabilityVocabulary();
  const record = (status: 'yes' | 'no' | 'planned', since?: string, until?: string) => ({ subject: '2480', subjectType: 'municipality' as const, capability: 'action_plan', status, ...(since && { since }), ...(until && { until }) });

  it('a later record supersedes an earlier one; until ends a record on a date; unknown is not no', () => {
    const caps = new CapabilitySet([record('planned', '2016-01-01'), record('yes', '2018-03-01'), record('no', '2010-01-01', '2012-12-31')], { vocabulary });
    expect(caps.state('2480', 'action_plan')).toBe('yes');
    // Without a date the latest statement holds, whatever its end (the same answer on every day).
    expect(new CapabilitySet([record('yes', '2024-01-01', '2027-12-31')], { vocabulary }).state('2480', 'action_plan')).toBe('yes');
    // A census covers the capabilities the records name only.
    expect(caps.withCensus(true).state('2403', 'coordinator')).toBe('unknown');
    expect(caps.asOf('2017-01-01').state('2480', 'action_plan')).toBe('planned');
    expect(caps.asOf('2011-06-01').state('2480', 'action_plan')).toBe('no');
    expect(caps.asOf('2014-01-01').state('2480', 'action_plan')).toBe('unknown');
    expect(caps.state('2403', 'action_plan')).toBe('unknown');
    expect(caps.withCensus(true).state('2403', 'action_plan')).toBe('no');
    expect(caps.withCensus(true).asOf('2014-01-01').state('2480', 'action_plan')).toBe('no');
  });

  it('the vocabulary maps Swedish and English labels and aliases to one code', () => {
    for (const word of ['handlingsplan', 'Action plan', 'ACTION_PLAN']) expect(vocabulary.codeOf(word)).toBe('action_plan');
    expect(vocabulary.codeOf('medborgarlöfte')).toBe('police_agreement');
    expect(vocabulary.codeOf('IOP')).toBe('civil_society_partnership');
    expect(vocabulary.codeOf('avhopparverksamhet')).toBe('exit_support');
    expect(() => new CapabilityVocabulary([{ code: 'plan2', aliases: ['handlingsplan'] }])).toThrow(/means both/);
  });
});
