/**
 * `--capabilities FILE` is one of the shared input options: every command
 * that loads a network takes it, and each uses it or refuses it (exit 2,
 * naming the flag). The demo dataset's synthetic capabilities are read by
 * default, and said to be synthetic.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { capabilityGaps, capabilityStateCounts } from '../../src/analysis/capabilities.js';
import { COMMANDS } from '../../src/cli/commands/index.js';
import { loadCapabilities } from '../../src/io/capabilities.js';
import { loadNetwork } from '../../src/io/load-network.js';
import { demoCapabilities, demoDataset, swedenGeography } from '../../src/io/sweden.js';
import { cli } from '../cli/helpers.js';

const D = 'data/examples/capabilities';
const input = ['--actors', `${D}/actors.csv`, '--links', `${D}/links.csv`, '--geography', 'sweden', '--capabilities', `${D}/capabilities.csv`];
const net = loadNetwork({ actors: `${D}/actors.csv`, links: `${D}/links.csv`, geography: swedenGeography() });
const caps = loadCapabilities(`${D}/capabilities.csv`, net);
const tmp = mkdtempSync(join(tmpdir(), 'samverkan-cap-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const json = <T>(text: string) => JSON.parse(text) as T;

/** What each command that loads a network does with --capabilities, and the flags it needs besides. */
const USE: Record<string, { args: string[] } | 'refuse'> = {
  summary: { args: [] },
  coverage: { args: [] },
  gaps: { args: [] },
  capabilities: { args: [] },
  reach: { args: [] },
  'capability-gaps': { args: [] },
  recommend: { args: ['-m', 'Sunne'] },
  plan: { args: ['--objective', 'capability-reach', '--capability', 'action_plan'] },
  report: { args: ['--out', join(tmp, 'r.html'), '--quiet'] },
  map: { args: ['--capability', 'action_plan', '--out', join(tmp, 'm.svg')] },
  export: { args: ['--to', 'csv', '--metrics', 'none', '--out', join(tmp, 'net')] },
  validate: { args: [] },
  // evaluate: --protocol body reads it (test/capabilities/recommend tests), --protocol ties refuses it (below).
  evaluate: 'refuse',
  centrality: 'refuse',
  brokerage: 'refuse',
  structure: 'refuse',
  communities: 'refuse',
  fit: 'refuse',
  explore: 'refuse',
};

describe('--capabilities on every command that loads a network', () => {
  it('is an option of every command with the input options, and each is listed here', () => {
    const loading = COMMANDS.filter((c) => 'actors' in c.options).map((c) => c.name);
    for (const name of loading) expect(COMMANDS.find((c) => c.name === name)!.options, name).toHaveProperty('capabilities');
    expect(loading.sort()).toEqual(Object.keys(USE).sort());
  });

  for (const [name, use] of Object.entries(USE)) {
    it(`${name}: ${use === 'refuse' ? 'refuses it (exit 2, naming the flag)' : 'reads it'}`, async () => {
      const r = await cli([name, ...input, ...(use === 'refuse' ? [] : use.args)]);
      if (use === 'refuse') {
        expect(r.code, r.stderr).toBe(2);
        expect(r.stderr).toMatch(/--capabilities: /);
        // Without the flag the command does not complain about capabilities.
        const without = await cli([name, '--capabilities', 'none', '--census']);
        expect(without.stderr).toMatch(/--census: /);
      } else {
        expect(r.code, r.stderr).toBe(0);
        expect(r.stderr).not.toMatch(/capabilities: .*not read/);
      }
    }, 60_000);
  }

  it('summary and coverage count the four states, unknown apart', async () => {
    const summary = json<Record<string, unknown>[]>((await cli(['summary', ...input, '--format', 'json'])).stdout);
    const counts = capabilityStateCounts(net, caps);
    expect(summary.map((r) => [r.county, r.capabilityYesCount, r.capabilityPlannedCount, r.capabilityNoCount, r.capabilityUnknownCount])).toEqual(
      counts.map((c) => [c.county, c.capabilityYesCount, c.capabilityPlannedCount, c.capabilityNoCount, c.capabilityUnknownCount]),
    );
    for (const r of summary) expect((r.capabilityYesCount as number) + (r.capabilityPlannedCount as number) + (r.capabilityNoCount as number) + (r.capabilityUnknownCount as number)).toBe((r.municipalityCount as number) * (r.capabilityCount as number));
    const byMunicipality = json<Record<string, unknown>[]>((await cli(['coverage', ...input, '--level', 'municipality', '--format', 'json'])).stdout);
    const sunne = byMunicipality.find((r) => r.municipality === '1766')!;
    // Sunne: action plan planned, regional network yes; nothing else recorded.
    expect(sunne).toMatchObject({ capabilityYesCount: 1, capabilityPlannedCount: 1, capabilityNoCount: 0, capabilityUnknownCount: caps.capabilities().length - 2 });
    // Without records the columns are not there.
    expect(Object.keys(json<Record<string, unknown>[]>((await cli(['summary', '--dataset', 'bodies', '--format', 'json'])).stdout)[0]!)).not.toContain('capabilityYesCount');
  });

  it('gaps lists the capability gaps as their own type, only where the data says no', async () => {
    const census = await cli(['gaps', ...input, '--census', '--type', 'capability', '--format', 'json']);
    const rows = json<{ type: string; subject: string; severity: number; reason: string }[]>(census.stdout);
    const expected = capabilityGaps(net, caps.withCensus(true), { lang: 'en' });
    expect(rows.map((r) => [r.type, r.subject, r.reason])).toEqual(expected.map((g) => ['capability', g.municipality, g.reason]));
    expect(rows.length).toBeGreaterThan(0);
    // Partial evidence: no municipality is recorded as lacking anything, so no capability gap.
    const partial = json<{ type: string }[]>((await cli(['gaps', ...input, '--format', 'json'])).stdout);
    expect(partial.filter((r) => r.type === 'capability')).toEqual([]);
    expect((await cli(['gaps', '--dataset', 'bodies', '--type', 'capability'])).code).toBe(2);
  });

  it('export carries a column per capability with each node\'s state', async () => {
    await cli(['export', ...input, '--to', 'csv', '--metrics', 'none', '--out', join(tmp, 'x')]);
    const [header, ...lines] = readFileSync(join(tmp, 'x-nodes.csv'), 'utf8').trim().split('\n');
    const columns = header!.split(',');
    expect(columns).toEqual(expect.arrayContaining(caps.capabilities().map((c) => `capability_${c}`)));
    const at = (id: string, column: string) => lines.find((l) => l.startsWith(`${id},`))!.split(',')[columns.indexOf(column)];
    expect(at('1784', 'capability_action_plan')).toBe('yes');
    expect(at('1766', 'capability_action_plan')).toBe('planned');
    expect(at('1780', 'capability_action_plan')).toBe('unknown');
  });

  it('map with --capabilities needs --capability; plan reads it for capability-reach only', async () => {
    const map = await cli(['map', ...input]);
    expect(map).toMatchObject({ code: 2 });
    expect(map.stderr).toMatch(/give --capability CODE/);
    const plan = await cli(['plan', ...input]);
    expect(plan.code).toBe(2);
    expect(plan.stderr).toMatch(/--capabilities: capability records are read by --objective capability-reach/);
    expect((await cli(['plan', ...input, '--objective', 'capability-reach'])).stderr).toMatch(/needs --capability CODE/);
  });
});

describe('the demo dataset reads its synthetic capabilities by default', () => {
  const demo = loadNetwork(demoDataset());
  const demoCaps = loadCapabilities(demoCapabilities(), demo);

  it('says so, and --capabilities none turns them off', async () => {
    const r = await cli(['summary', '--format', 'json']);
    expect(r.stderr).toMatch(/with the demo dataset’s synthetic capabilities \(not real data\)/);
    const total = json<Record<string, number>[]>(r.stdout).at(-1)!;
    expect(total.capabilityUnknownCount).toBe(capabilityStateCounts(demo, demoCaps).at(-1)!.capabilityUnknownCount);
    const off = await cli(['summary', '--capabilities', 'none', '--format', 'json']);
    expect(off.stderr).not.toMatch(/capabilities/);
    expect(Object.keys(json<Record<string, unknown>[]>(off.stdout)[0]!)).not.toContain('capabilityYesCount');
    // A command with no use for them does not read them, and does not complain.
    expect((await cli(['centrality', '--top', '1'])).stderr).not.toMatch(/capabilit/);
  });

  it('plan --objective capability-reach ties municipalities that lack it to one that has it', async () => {
    const r = await cli(['plan', '--county', 'Örebro', '--objective', 'capability-reach', '--capability', 'handlingsplan', '--budget', '3', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const steps = json<{ source: string; target: string; gain: number; reason: string }[]>(r.stdout);
    expect(steps.length).toBeGreaterThan(0);
    for (const s of steps) {
      const states = [demoCaps.state(s.source, 'action_plan'), demoCaps.state(s.target, 'action_plan')];
      expect(states).toContain('yes');
      expect(states.some((x) => x === 'no' || x === 'planned')).toBe(true);
      expect(states).not.toContain('unknown');
      expect(s.reason).toMatch(/which has an action plan/);
    }
    // In Swedish: the same steps, in the same order with the same scores, each reason in Swedish.
    const sv = await cli(['plan', '--county', 'Örebro', '--objective', 'capability-reach', '--capability', 'handlingsplan', '--budget', '3', '--format', 'json', '--lang', 'sv']);
    expect(sv.code, sv.stderr).toBe(0);
    const svSteps = json<{ source: string; target: string; gain: number; score: number; reason: string }[]>(sv.stdout);
    expect(svSteps.map(({ reason: _, ...rest }) => rest)).toEqual(json<{ reason: string }[]>(r.stdout).map(({ reason: _, ...rest }) => rest));
    for (const s of svSteps) {
      expect(s.reason).toMatch(/^[^;]+ får då samverkan med [^;]+, som har en handlingsplan(; |$)/);
      expect(s.reason).not.toMatch(/tied|which|action plan/);
    }
  });
});
