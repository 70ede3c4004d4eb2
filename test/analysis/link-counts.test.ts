import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { coverageByCounty, coverageByMunicipality } from '../../src/analysis/coverage.js';
import { summaryByCounty } from '../../src/analysis/summary.js';
import { loadNetworkInChunks } from '../../src/io/load-network-stream.js';
import { CooperationNetwork } from '../../src/model/network.js';
import { writeSyntheticNetwork } from '../../src/synthetic/files.js';

/**
 * The county summary and coverage count links per linked pair (issue 16:
 * a loaded network keeps its links as columns, and a million link objects
 * cost hundreds of MB): the counts must be those of the link objects, and
 * the analyses must not make them.
 */
describe('link counts without link objects', () => {
  const dir = mkdtempSync(join(tmpdir(), 'samverkan-counts-'));
  writeSyntheticNetwork(dir, { links: 3000, seed: 7 });
  const load = () => loadNetworkInChunks({ geography: dir, actors: join(dir, 'actors.csv'), links: join(dir, 'links.csv') });

  it('summaryByCounty and coverageByCounty do not read net.links, and count what the links say', () => {
    const net = load();
    const spy = vi.spyOn(CooperationNetwork.prototype, 'links', 'get');
    const summary = summaryByCounty(net, { total: true });
    const counties = coverageByCounty(net, { total: true, samples: 50 });
    const municipal = coverageByMunicipality(net, { samples: 50 });
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();

    // The same counts from the link objects.
    const links = net.links;
    expect(links.length).toBeGreaterThan(2000);
    const countyOf = (id: string) => net.actor(id)?.county;
    const total = summary.find((r) => r.county === 'total')!;
    expect(total.linkCount).toBe(links.length);
    expect(total.crossMunicipalLinks).toBe(links.filter((l) => l.crossMunicipal).length);
    expect(total.crossCountyLinks).toBe(links.filter((l) => l.crossCounty).length);
    let someCross = false;
    for (const row of summary.filter((r) => r.county !== 'total')) {
      const own = links.filter((l) => countyOf(l.source) === row.county || countyOf(l.target) === row.county);
      expect(row.linkCount, row.county).toBe(own.length);
      expect(row.crossCountyLinks, row.county).toBe(own.filter((l) => l.crossCounty).length);
      const cross = counties.find((c) => c.county === row.county)!;
      expect(cross.crossCountyLinks, row.county).toBe(own.filter((l) => l.crossCounty).length);
      if (cross.crossCountyLinks > 0) someCross = true;
    }
    expect(someCross).toBe(true);
    for (const row of municipal) expect(row.linkCount, row.municipality).toBe(net.linksOf(row.municipality).length);
  });
});
