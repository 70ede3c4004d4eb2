/**
 * Sampled shortest-path measures at the analysis level: the option reaches
 * the kernel, results say how they were computed, reports and the command
 * line tell the reader, and `'auto'` stays exact at Sweden's scale.
 */
import { describe, expect, it } from 'vitest';
import { centrality, centralityByMunicipality, describeSampling } from '../../src/analysis/centrality.js';
import { coverageByMunicipality } from '../../src/analysis/coverage.js';
import { actorView } from '../../src/analysis/view.js';
import { loadNetwork } from '../../src/io/load-network.js';
import { demoDataset } from '../../src/io/sweden.js';
import { pathCentralities } from '../../src/metrics/path-centralities.js';
import { buildReport } from '../../src/report/model.js';
import { formatCount } from '../../src/model/words.js';
import { cli } from '../cli/helpers.js';

const net = loadNetwork(demoDataset());

describe('centrality: samples', () => {
  it("'auto' is exact on the demo network, and says so", () => {
    const rows = centrality(net, { measures: ['betweenness'] });
    expect(rows.sampling).toMatchObject({ exact: true, seed: null, nodes: rows.length, sources: rows.length });
    expect(describeSampling(rows.sampling)).toBeNull();
    expect(Object.keys(rows[0]!)).not.toContain('sampling');
  });

  it('a sample gives the kernel estimate for every path measure, with its description', () => {
    const rows = centrality(net, { measures: ['betweenness', 'closeness', 'harmonic', 'degree'], samples: 200, seed: 3 });
    const kernel = pathCentralities(actorView(net).csr, { samples: 200, seed: 3 });
    expect(rows.sampling).toEqual(kernel.sampling);
    expect(rows.sampling!.exact).toBe(false);
    rows.forEach((row, i) => {
      expect(row.betweenness).toBe(kernel.betweenness![i]);
      expect(row.closeness).toBe(kernel.closeness![i]);
      expect(row.harmonic).toBe(kernel.harmonic![i]);
    });
    const note = describeSampling(rows.sampling)!;
    expect(note).toContain(`out of ${formatCount(rows.sampling!.sources)} of the ${formatCount(rows.length)} actors`);
    expect(note).toContain('seed 3');
    // In a language: its words and the locale's numbers, the same facts.
    const sv = describeSampling(rows.sampling, 'sv')!;
    expect(sv).toContain(`ut från ${formatCount(rows.sampling!.sources, 'sv')} av de ${formatCount(rows.length, 'sv')} aktörerna`);
    expect(sv).toContain('frö 3');
    expect(sv).toContain(`±${rows.sampling!.betweennessErrorBound.toPrecision(2).replace('.', ',')} `);
    expect(describeSampling(rows.sampling, 'en')).toContain(`out of ${formatCount(rows.sampling!.sources, 'en')} of the ${formatCount(rows.length, 'en')} actors`);
    // Exact values differ from the estimate (so the option really changed something).
    const exact = centrality(net, { measures: ['betweenness'], samples: 'exact' });
    expect(exact.sampling!.exact).toBe(true);
    expect(rows.some((r, i) => r.betweenness !== exact[i]!.betweenness)).toBe(true);
  });

  it('no path measure asked: sampling is null', () => {
    expect(centrality(net, { measures: ['degree', 'pagerank'] }).sampling).toBeNull();
  });

  it('per municipality carries the sampling of the actor network', () => {
    expect(centralityByMunicipality(net, { measures: ['betweenness'], samples: 150 }).sampling).toMatchObject({ exact: false, seed: 1 });
  });

  it('two worker threads give the same values to rounding', () => {
    const one = centrality(net, { measures: ['betweenness', 'harmonic'] });
    const two = centrality(net, { measures: ['betweenness', 'harmonic'], workers: 2 });
    two.forEach((row, i) => {
      expect(row.betweenness).toBeCloseTo(one[i]!.betweenness!, 12);
      expect(row.harmonic).toBeCloseTo(one[i]!.harmonic!, 9);
    });
  });

  it('rejects bad options', () => {
    expect(() => centrality(net, { samples: 0 })).toThrow();
    expect(() => centrality(net, { workers: 0 })).toThrow();
  });
});

describe('coverage and report: samples', () => {
  it('coverage betweenness follows the sample', () => {
    const exact = coverageByMunicipality(net);
    const sampled = coverageByMunicipality(net, { samples: 150 });
    const b = centrality(net, { measures: ['betweenness'], samples: 150 });
    const byId = new Map(b.map((r) => [r.id, r.betweenness!]));
    sampled.forEach((row) => expect(row.betweenness).toBe(byId.get(row.municipality)));
    expect(sampled.some((r, i) => r.betweenness !== exact[i]!.betweenness)).toBe(true);
  });

  it('a sampled report says so in its notes; an exact one does not', () => {
    // The report's note is the reader's sentence in the report's language (describeSampling is the analyst's, for the command line).
    const sampled = buildReport(net, { samples: 150, suggestions: 0, maps: false, lang: 'en' });
    expect(sampled.sampling?.exact).toBe(false);
    const { sources, nodes } = sampled.sampling!;
    expect(sampled.notes.filter((n) => n.includes(`is estimated from the shortest paths out of ${sources.toLocaleString('en-GB')} of the ${nodes.toLocaleString('en-GB')} actors`))).toHaveLength(1);
    const exact = buildReport(net, { suggestions: 0, maps: false, lang: 'en' });
    expect(exact.sampling?.exact).toBe(true);
    expect(exact.notes.some((n) => n.includes('estimated'))).toBe(false);
    expect(buildReport(net, { samples: 150, suggestions: 0, maps: false, lang: 'sv' }).notes.some((n) => n.includes(`är uppskattat utifrån de kortaste vägarna från ${sources} av de`))).toBe(true);
  });
});

describe('command line: --samples, --workers', () => {
  it('centrality --samples N prints the estimate note on stderr', async () => {
    const result = await cli(['centrality', '--measures', 'betweenness', '--samples', '120', '--format', 'csv']);
    expect(result.code).toBe(0);
    expect(result.stderr, result.stderr).toMatch(/estimates from shortest paths out of \d+ of the 2,257 actors \(a seeded sample, seed 1\)/); // the CLI's language: numbers grouped as in English
    const exact = await cli(['centrality', '--measures', 'betweenness', '--format', 'csv']);
    expect(exact.stderr).not.toContain('estimates');
    expect(result.stdout).not.toBe(exact.stdout);
  });

  it('--workers 2 gives the same table as one thread (to the printed precision)', async () => {
    const one = await cli(['centrality', '--measures', 'betweenness', '--top', '20', '--sort', 'betweenness']);
    const two = await cli(['centrality', '--measures', 'betweenness', '--top', '20', '--sort', 'betweenness', '--workers', '2']);
    expect(two.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
  });

  it('bad values are usage errors', async () => {
    for (const args of [['--samples', '0'], ['--samples', 'many'], ['--workers', '0']]) {
      const result = await cli(['centrality', ...args]);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/--(samples|workers)/);
    }
  });
});
