/**
 * The capability commands: the CLI prints exactly the library's rows, refuses
 * what it cannot do with exit 2, and reads the shipped real evidence.
 */
import { describe, expect, it } from 'vitest';
import { capabilityCoverage, capabilityGaps, competenceReach } from '../../src/analysis/capabilities.js';
import { loadCapabilities } from '../../src/io/capabilities.js';
import { loadNetwork } from '../../src/io/load-network.js';
import { swedenCooperationBodies, swedenGeography } from '../../src/io/sweden.js';
import { cli } from '../cli/helpers.js';

const D = 'data/examples/capabilities';
const example = ['--actors', `${D}/actors.csv`, '--links', `${D}/links.csv`, '--capabilities', `${D}/capabilities.csv`, '--geography', 'sweden'];
const net = loadNetwork({ actors: `${D}/actors.csv`, links: `${D}/links.csv`, geography: swedenGeography() });
const caps = loadCapabilities(`${D}/capabilities.csv`, net);
const json = (text: string) => JSON.parse(text) as unknown;

describe('samverkan capabilities, reach, capability-gaps', () => {
  it('print the library rows for the shipped evidence', async () => {
    const coverage = await cli(['capabilities', ...example, '--format', 'json']);
    expect(coverage.code).toBe(0);
    expect(json(coverage.stdout)).toEqual(json(JSON.stringify(capabilityCoverage(net, caps))));
    const reach = await cli(['reach', ...example, '--only', 'coordinator', '--format', 'json']);
    expect(json(reach.stdout)).toEqual(json(JSON.stringify(competenceReach(net, caps, { capabilityCodes: ['coordinator'] }))));
    // Sunne is supported by Värna Värmland, which has a coordinator: reached as a member.
    expect((json(reach.stdout) as { municipality: string; source: string; via: string }[]).find((r) => r.municipality === '1766')).toMatchObject({ source: 'bfc-varmland', via: 'member' });
    const gaps = await cli(['capability-gaps', ...example, '--census', '--radius-km', '40', '--format', 'json']);
    expect(json(gaps.stdout)).toEqual(json(JSON.stringify(capabilityGaps(net, caps.withCensus(true), { lang: 'en', radiusKm: 40 }))));
  });

  it('the evidence is partial: without --census nothing is a gap, and most is unknown', async () => {
    expect(capabilityGaps(net, caps)).toHaveLength(0);
    const bodies = loadNetwork(swedenCooperationBodies());
    const lenient = loadCapabilities(`${D}/capabilities.csv`, bodies, { mode: 'lenient' });
    expect(lenient.loadReport!.files[0]).toMatchObject({ rows: 13, loaded: 11, rejected: 2 });
    // 7 action-plan rows say yes (the latest statement of each, Uppsala's 2016–2018 plan too); Sunne's is planned.
    const national = capabilityCoverage(bodies, lenient, { capabilityCodes: ['action_plan'] }).at(-1)!;
    expect(national).toMatchObject({ county: 'total', municipalityCount: 290, yesCount: 7, plannedCount: 1, noCount: 0, unknownCount: 282 });
    // Read on a date, the ends count: Uppsala's plan had ended by 2020.
    expect(capabilityCoverage(bodies.asOf('2020-06-01'), lenient, { capabilityCodes: ['action_plan'] }).at(-1)).toMatchObject({ yesCount: 6, unknownCount: 283 });
    expect(capabilityCoverage(bodies.asOf('2018-06-01'), lenient, { capabilityCodes: ['action_plan'] }).at(-1)).toMatchObject({ yesCount: 7, plannedCount: 1 }); // mid-2018 Uppsala's plan holds (undated rows hold always)
  });

  it('refuses with exit 2 what it cannot do', async () => {
    const without = await cli(['reach', '--dataset', 'bodies']);
    expect(without.code).toBe(2);
    expect(without.stderr).toMatch(/needs --capabilities FILE/);
    // No capability records: the bodies have none, and the demo's are turned off with --capabilities none.
    expect((await cli(['recommend', '-m', 'Dorotea', '--dataset', 'bodies', '--capability', 'coordinator'])).code).toBe(2);
    expect((await cli(['recommend', '-m', 'Dorotea', '--capabilities', 'none', '--capability', 'coordinator'])).code).toBe(2);
    expect((await cli(['capability-gaps', ...example, '--radius-km', '0'])).code).toBe(2);
    expect((await cli(['evaluate', '--capabilities', `${D}/capabilities.csv`])).code).toBe(2);
    const bogus = await cli(['reach', ...example, '--only', 'bogus']);
    expect(bogus.code).toBe(2);
    expect(bogus.stderr).toMatch(/--only: unknown capability "bogus"/);
    const sv = await cli(['capability-gaps', ...example, '--census', '--lang', 'sv', '--format', 'json']);
    expect((json(sv.stdout) as { reason: string }[])[0]!.reason).toMatch(/ har ingen handlingsplan/);
    const held = await cli(['reach', ...example, '--include-held', '--only', 'action_plan', '--format', 'json']);
    expect((json(held.stdout) as { municipality: string; state: string }[]).find((r) => r.municipality === '1784')).toMatchObject({ state: 'yes' });
    const strict = await cli(['capabilities', '--dataset', 'bodies', '--capabilities', `${D}/capabilities.csv`]);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/capabilities\.csv, row 13, column actor: no actor of the network has this id/);
    const lenient = await cli(['capabilities', '--dataset', 'bodies', '--capabilities', `${D}/capabilities.csv`, '--lenient']);
    expect(lenient.code).toBe(0);
    expect(lenient.stderr).toMatch(/2 of 13 capability rows rejected/);
  });

  it('validate reports the capability rows with the others', async () => {
    const r = await cli(['validate', '--dataset', 'bodies', '--capabilities', `${D}/capabilities.csv`, '--format', 'json']);
    expect(r.code).toBe(1);
    const report = json(r.stdout) as { files: { role: string; rows: number; rejected: number }[]; problems: { row: number; column: string }[] };
    expect(report.files.find((f) => f.role === 'capabilities')).toMatchObject({ rows: 13, rejected: 2 });
    expect(report.problems.map((p) => [p.row, p.column])).toEqual([[13, 'actor'], [14, 'actor']]);
  });

  it('recommend --capability returns only partners that have it', async () => {
    const r = await cli(['recommend', '-m', 'Kil', '--dataset', 'bodies', '--capabilities', `${D}/capabilities.csv`, '--lenient', '--capability', 'action_plan', '--format', 'json', '--lang', 'en']);
    expect(r.code).toBe(0);
    const rows = json(r.stdout) as { candidate: string; reasons: string[] }[];
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(lenient(row.candidate)).toBe('yes');
    expect(rows[0]!.reasons[0]).toMatch(/has an action plan/);
    // Swedish by default on the Swedish data: the same rows, the same facts.
    const sv = await cli(['recommend', '-m', 'Kil', '--dataset', 'bodies', '--capabilities', `${D}/capabilities.csv`, '--lenient', '--capability', 'action_plan', '--format', 'json'], { lang: null });
    const svRows = json(sv.stdout) as { candidate: string; reasons: string[] }[];
    expect(svRows.map((row) => row.candidate)).toEqual(rows.map((row) => row.candidate));
    expect(svRows[0]!.reasons[0]).toMatch(/har en handlingsplan/);
  });
});

const bodiesCaps = loadCapabilities(`${D}/capabilities.csv`, loadNetwork(swedenCooperationBodies()), { mode: 'lenient' });
function lenient(code: string) {
  return bodiesCaps.state(code, 'action_plan');
}
