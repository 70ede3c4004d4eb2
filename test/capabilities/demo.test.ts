/**
 * The demo dataset's synthetic capabilities (data/examples/sweden-demo/
 * capabilities.csv): reproducible byte for byte, labelled synthetic,
 * calibrated as documented, and read by every analysis with unknown kept
 * apart from no.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../scripts/generate-demo.js';
import { capabilitiesByMunicipality, capabilityCoverage, capabilityGaps, competenceReach } from '../../src/analysis/capabilities.js';
import { demoCapabilities as embedded } from '../../src/countries/sweden/demo-data.js';
import { loadCapabilities } from '../../src/io/capabilities.js';
import { loadNetwork } from '../../src/io/load-network.js';
import { demoCapabilities, demoDataset } from '../../src/io/sweden.js';
import { recommendPartners } from '../../src/recommend/recommend.js';
import { SYNTHETIC_CAPABILITY_CALIBRATION, syntheticCapabilities } from '../../src/synthetic/capabilities.js';

const DIR = join('data', 'examples', 'sweden-demo');
const design = JSON.parse(readFileSync(join(DIR, 'design.json'), 'utf8')) as ReturnType<typeof generateDemo>['design'];
const net = loadNetwork(demoDataset());
const caps = loadCapabilities(demoCapabilities(), net);
const M = net.municipalities().length;
const total = (capability: string, set = caps, on = net) => capabilityCoverage(on, set, { capabilityCodes: [capability] }).find((r) => r.county === 'total')!;
const unknownCodes = design.capabilities.nonRespondents.map((p) => p.code);

describe('demo capabilities: files', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'samverkan-demo-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('regenerating into a temporary folder gives every committed file byte for byte', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', join('scripts', 'generate-demo.ts'), '--out', tmp, '--no-embed'], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const committed = readdirSync(DIR).sort();
    expect(readdirSync(tmp).sort()).toEqual(committed);
    expect(committed).toContain('capabilities.csv');
    for (const file of committed) expect(readFileSync(join(tmp, file)).equals(readFileSync(join(DIR, file))), file).toBe(true);
  }, 60_000);

  it('is embedded as on disk, and another seed gives other records', () => {
    expect(embedded).toBe(readFileSync(join(DIR, 'capabilities.csv'), 'utf8'));
    const a = syntheticCapabilities(net.geography, { seed: 1 });
    expect(syntheticCapabilities(net.geography, { seed: 1 }).csv).toBe(a.csv);
    expect(syntheticCapabilities(net.geography, { seed: 2 }).csv).not.toBe(a.csv);
  });

  it('loads in strict mode with every row accounted for, each labelled synthetic', () => {
    const report = caps.loadReport!;
    expect(report.problems).toEqual([]);
    expect(report.files[0]).toMatchObject({ loaded: design.capabilities.rows, rejected: 0, merged: 0 });
    expect(caps.records.length).toBe(design.capabilities.rows);
    expect(caps.records.every((r) => r.source === design.capabilities.source && /^synthetic/.test(r.source))).toBe(true);
    const readme = readFileSync(join(DIR, 'README.md'), 'utf8');
    expect(readme).toContain('## Capabilities (synthetic)');
    expect(readme).toMatch(/capabilities\.csv` is synthetic too/);
  });
});

describe('demo capabilities: calibration', () => {
  it('has each capability in the documented number of municipalities, the non-respondents unknown', () => {
    for (const cal of SYNTHETIC_CAPABILITY_CALIBRATION) {
      const row = total(cal.capability);
      expect(row.yesCount, cal.capability).toBe(Math.round(cal.yesShare * M));
      expect(row.plannedCount, cal.capability).toBe(Math.round(cal.plannedShare * M));
      expect(row.unknownCount, cal.capability).toBe(unknownCodes.length);
      expect(row.yesCount + row.plannedCount + row.noCount + row.unknownCount).toBe(M);
      expect(design.capabilities.counts.find((c) => c.capability === cal.capability)).toMatchObject({ yes: row.yesCount, planned: row.plannedCount, no: row.noCount, unknown: row.unknownCount });
    }
    // About half with an action plan (147 of 290 in 2021/22, more found later).
    expect(total('action_plan').yesShare).toBeGreaterThan(0.45);
    expect(total('action_plan').yesShare).toBeLessThan(0.6);
  });

  it('larger municipalities have an action plan more often', () => {
    const rows = capabilitiesByMunicipality(net, caps, { capabilityCodes: ['action_plan'] });
    const population = new Map(net.municipalities().map((m) => [m.code, m.population]));
    const median = (state: string) => {
      const list = rows.filter((r) => r.state === state).map((r) => population.get(r.municipality)!).sort((a, b) => a - b);
      return list[Math.floor(list.length / 2)]!;
    };
    expect(median('yes')).toBeGreaterThan(2 * median('no'));
  });

  it('follows the national timeline: 7 % in 2016, 44 % in spring 2017, 147 in 2021/22', () => {
    const plan = SYNTHETIC_CAPABILITY_CALIBRATION.find((c) => c.capability === 'action_plan')!;
    expect(plan.timeline.map((p) => Math.round(p.share * M))).toEqual([20, 128, 147]);
    for (const p of plan.timeline) expect(total('action_plan', caps.asOf(p.date)).yesCount, p.date).toBe(Math.round(p.share * M));
    // On the first survey date the lack was stated: the others are no, not unknown.
    expect(total('action_plan', caps.asOf('2016-06-30')).unknownCount).toBe(unknownCodes.length);
  });
});

describe('demo capabilities: unknown is not no, in every analysis', () => {
  it('the non-respondents are unknown, never lacking, unless a census is declared', () => {
    expect(unknownCodes.length).toBeGreaterThan(5);
    const unknown = new Set(unknownCodes);
    expect(capabilitiesByMunicipality(net, caps).filter((r) => unknown.has(r.municipality)).every((r) => r.state === 'unknown')).toBe(true);
    const gaps = capabilityGaps(net, caps);
    expect(gaps.length).toBeGreaterThan(50);
    expect(gaps.filter((g) => unknown.has(g.municipality))).toEqual([]);
    const reach = competenceReach(net, caps).filter((r) => unknown.has(r.municipality));
    expect(reach.length).toBe(unknown.size * caps.capabilities().length);
    expect(reach.every((r) => r.state === 'unknown')).toBe(true);
    // Declared complete, the same records make them lack everything.
    const census = caps.withCensus(true);
    expect(total('action_plan', census)).toMatchObject({ unknownCount: 0, noCount: total('action_plan').noCount + unknown.size });
    const censusGaps = capabilityGaps(net, census);
    for (const code of unknown) expect(censusGaps.find((g) => g.municipality === code)?.capabilityCount).toBe(caps.capabilities().length);
  });

  it('regional_network: the sources are the competence networks, and their members reach them as members', () => {
    const networks = new Set(design.capabilities.networks.map((n) => n.id));
    const reach = competenceReach(net, caps, { capabilityCodes: ['regional_network'], includeHeld: true });
    expect(reach.every((r) => r.source === null || networks.has(r.source))).toBe(true);
    const members = reach.filter((r) => r.state === 'yes');
    expect(members.length).toBe(total('regional_network').yesCount);
    expect(members.every((r) => r.via === 'member')).toBe(true);
  });

  it('the recommender: nothing lacking for an unknown municipality, something for a designed one', () => {
    const unknown = unknownCodes.find((c) => net.municipality(c)!.population < 15_000)!;
    const plain = recommendPartners(net, unknown, { limit: 10 });
    expect(recommendPartners(net, unknown, { limit: 10, capabilities: caps }).map((r) => [r.candidate, r.score])).toEqual(plain.map((r) => [r.candidate, r.score]));
    const lacking = design.capabilities.lackingWhileNeighbourHas[0]!.municipality.code;
    const withCaps = recommendPartners(net, lacking, { limit: 10, capabilities: caps });
    expect(withCaps.some((r) => (r.components.competence ?? 0) > 0)).toBe(true);
  });

  it('small municipalities lack an action plan and a coordinator while a bordering one has both', () => {
    const designed = design.capabilities.lackingWhileNeighbourHas;
    expect(designed.length).toBeGreaterThanOrEqual(5);
    const gaps = capabilityGaps(net, caps);
    const reach = competenceReach(net, caps, { capabilityCodes: ['action_plan', 'coordinator'] });
    for (const { municipality, neighbour } of designed) {
      expect(net.municipality(municipality.code)!.population).toBeLessThan(15_000);
      expect(net.geography.borders.some((b) => (b.a === municipality.code && b.b === neighbour.code) || (b.b === municipality.code && b.a === neighbour.code))).toBe(true);
      for (const c of ['action_plan', 'coordinator']) {
        expect(caps.state(municipality.code, c)).toBe('no');
        expect(caps.state(neighbour.code, c)).toBe('yes');
        // The nearest source is at most one border away: the neighbour, or a competence network of the county (0 steps) for a coordinator.
        const r = reach.find((x) => x.municipality === municipality.code && x.capability === c)!;
        expect(r.state).toBe('no');
        expect(r.borderSteps).toBeLessThanOrEqual(1);
        if (c === 'action_plan') expect(r).toMatchObject({ borderSteps: 1, sourceKind: 'municipality' });
      }
      expect(gaps.find((g) => g.municipality === municipality.code)!.capabilities).toEqual(expect.arrayContaining(['action_plan', 'coordinator']));
    }
  });
});
