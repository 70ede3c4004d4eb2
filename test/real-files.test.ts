/**
 * Right answers on the files users really bring (issue 11): one county's
 * data, Swedish organisation types, graphs without geography, a researcher's
 * standard graphs, typos. Every case here gave a wrong answer without an
 * error before; the files are in test/fixtures/ (the standard graphs and
 * their NetworkX values from scripts/networkx_standard_graphs.py).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { brokerage } from '../src/analysis/brokerage.js';
import { centrality } from '../src/analysis/centrality.js';
import { communities } from '../src/analysis/communities.js';
import { coverageByCounty, coverageByMunicipality } from '../src/analysis/coverage.js';
import { findGaps } from '../src/analysis/gaps.js';
import { articulationPoints, bridges, components, kCore } from '../src/analysis/structure.js';
import { LoadError, loadNetwork } from '../src/io/load-network.js';
import type { CooperationNetwork } from '../src/model/network.js';
import { evaluateRecommender } from '../src/recommend/evaluate.js';
import { linkScores } from '../src/recommend/link-scores.js';
import { buildReport } from '../src/report/model.js';
import { renderReportMarkdownFromModel } from '../src/report/markdown.js';
import { cli } from './cli/helpers.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const STANDARD = join(FIXTURES, 'standard');
const COUNTY = join(FIXTURES, 'vasterbotten');

interface Reference {
  nodes: number;
  edges: number;
  density: number;
  components: number;
  degree: Record<string, number>;
  strength: Record<string, number>;
  core: Record<string, number>;
  betweenness?: Record<string, number>;
  betweenness_unnormalized?: Record<string, number>;
  closeness?: Record<string, number>;
  harmonic?: Record<string, number>;
  eigenvector?: Record<string, number>;
  pagerank?: Record<string, number>;
  constraint?: Record<string, number>;
  effective_size?: Record<string, number>;
  articulation_points?: string[];
  bridges?: [string, string][];
  club?: Record<string, string>;
  club_modularity?: number;
  link_prediction: { pairs: [string, string][] } & Record<'common_neighbours' | 'jaccard' | 'adamic_adar' | 'resource_allocation' | 'preferential_attachment', number[]>;
}
const NX = JSON.parse(readFileSync(join(STANDARD, 'networkx.json'), 'utf8')) as { networkx: string; graphs: Record<'karate' | 'lesmis' | 'integer-ids', Reference> };

const close = (actual: number | null | undefined, expected: number, what: string, tol = 1e-9) => {
  expect(actual ?? null, what).not.toBeNull();
  expect(Math.abs(actual! - expected), `${what}: ${actual} vs NetworkX ${expected}`).toBeLessThanOrEqual(tol);
};

/** The county file with the four misspelt municipalities corrected as the did-you-mean suggests. */
function correctedCountyActors(): string {
  return readFileSync(join(COUNTY, 'actors.csv'), 'utf8')
    .replace(',Umea kommun\n', ',Umeå\n')
    .replace(',Skelleftea\n', ',Skellefteå\n')
    .replace(',Lyksele\n', ',Lycksele\n')
    .replace(',Vännas\n', ',Vännäs\n');
}
const countyNetwork = () => loadNetwork({ actors: { text: correctedCountyActors(), name: 'actors.csv' }, links: { path: join(COUNTY, 'links.csv') } });

/** Newman–Girvan modularity from its definition, Q = Σ_c [L_c/m − (d_c/2m)²] (unweighted). */
function modularityOf(edges: readonly (readonly [string, string])[], community: ReadonlyMap<string, number>): number {
  const m = edges.length;
  const inside = new Map<number, number>();
  const degree = new Map<number, number>();
  for (const [u, v] of edges) {
    const cu = community.get(u)!;
    const cv = community.get(v)!;
    if (cu === cv) inside.set(cu, (inside.get(cu) ?? 0) + 1);
    degree.set(cu, (degree.get(cu) ?? 0) + 1);
    degree.set(cv, (degree.get(cv) ?? 0) + 1);
  }
  let q = 0;
  for (const [c, d] of degree) q += (inside.get(c) ?? 0) / m - (d / (2 * m)) ** 2;
  return q;
}

describe('case 1: one county\'s data gets a county verdict, not a national one', () => {
  const net = countyNetwork();

  it('the scope is inferred as Västerbottens län, and every table is about its 15 municipalities', () => {
    expect(net.scope).toMatchObject({ national: false, counties: ['24'], source: 'inferred', description: 'Västerbottens län' });
    expect(net.municipalities()).toHaveLength(15);
    const counties = coverageByCounty(net);
    expect(counties.map((r) => r.county)).toEqual(['24', 'total']);
    expect(counties[0]!.municipalityCount).toBe(15);
    const byMunicipality = coverageByMunicipality(net);
    expect(byMunicipality).toHaveLength(15);
    expect(byMunicipality.every((r) => r.county === '24')).toBe(true);
    const gaps = findGaps(net);
    expect(gaps.length).toBeGreaterThan(0);
    expect(gaps.every((g) => g.county === '24'), 'a gap outside the county').toBe(true);
  });

  it('the report is a report of Västerbottens län: one county section, no other county named', () => {
    const model = buildReport(net, { suggestions: 0 });
    expect(model.counties.map((c) => c.coverage.county)).toEqual(['24']);
    expect(model.municipalities).toHaveLength(15);
    const md = renderReportMarkdownFromModel(model);
    expect(md).toMatch(/Västerbottens län/);
    for (const other of ['Stockholms län', 'Skåne län', 'Norrbottens län']) expect(md).not.toContain(other);
  });

  it('--county all gives back the national reading, with the other 275 municipalities as gaps', () => {
    const all = net.withScope('all');
    expect(all.municipalities()).toHaveLength(290);
    expect(new Set(findGaps(all).map((g) => g.county)).size).toBeGreaterThan(1);
  });
});

describe('case 2: Swedish organisation types are read as the kinds they are', () => {
  const net = countyNetwork();
  const kindOf = (id: string) => net.actor(id)!.kind;

  it('idrottsförening, studieförbund, förening, IOP-partner → civil society; Svenska kyrkan, församling, moské, frikyrka → religious; länsstyrelse, region, polis, Försäkringskassan, Arbetsförmedlingen, skola → authority', () => {
    for (const id of ['ifk-umea', 'umea-ik', 'sk-lejon', 'abf-vasterbotten', 'studiefrämjandet', 'rodakorset-umea', 'iop-skelleftea']) expect(kindOf(id), id).toBe('civil_society');
    for (const id of ['umea-forsamling', 'skelleftea-forsamling', 'moske-umea', 'frikyrkan-lycksele']) expect(kindOf(id), id).toBe('religious');
    for (const id of ['lansstyrelsen-ac', 'region-vasterbotten', 'polisen-umea', 'polisen-skelleftea', 'forsakringskassan', 'arbetsformedlingen', 'dragonskolan']) expect(kindOf(id), id).toBe('authority');
  });

  it('a kind outside the vocabulary is kept and reported once, with its row and how to map it', () => {
    expect(kindOf('fritidsgard-vannas')).toBe('fritidsgård');
    const warnings = net.loadReport!.problems.filter((p) => p.column === 'kind');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ severity: 'warning', row: 29, value: 'fritidsgård' });
    expect(warnings[0]!.reason).toMatch(/kinds file/);
  });

  it('Umeå works with civil society, religious communities and authorities: no gap says otherwise', () => {
    const umea = coverageByMunicipality(net).find((r) => r.municipality === '2480')!;
    expect(umea.civilSocietyPartners).toBe(4);
    expect(umea.religiousPartners).toBe(2);
    expect(umea.authorityPartners).toBe(4);
    const umeaGaps = findGaps(net).filter((g) => g.subject === '2480');
    expect(umeaGaps.filter((g) => /civil|religio|authorit/i.test(g.reason)), JSON.stringify(umeaGaps)).toEqual([]);
  });
});

describe('case 3: a graph without Swedish municipalities is a plain graph with NetworkX\'s values', () => {
  const lesmis = loadNetwork({ graph: { path: join(STANDARD, 'lesmis.graphml') } });
  const karate = loadNetwork({ links: { path: join(STANDARD, 'karate.csv') } });
  const integers = loadNetwork({ links: { path: join(STANDARD, 'integer-ids.csv') } });
  const graphs: [string, CooperationNetwork, Reference][] = [
    ['Les Misérables (GraphML)', lesmis, NX.graphs.lesmis],
    ['karate club (edge list)', karate, NX.graphs.karate],
  ];

  it('no municipality is added and no integer id is read as a municipality code', () => {
    expect(lesmis.order).toBe(77);
    expect(karate.order).toBe(34);
    expect(integers.order).toBe(3000);
    for (const net of [lesmis, karate, integers]) {
      expect(net.geography.municipalities).toHaveLength(0);
      expect(net.actors().filter((a) => a.kind === 'municipality' || a.municipality !== undefined)).toEqual([]);
    }
    // Node 2480 is node 2480, not Umeå.
    expect(integers.actor('2480')).toMatchObject({ id: '2480', name: '2480', kind: 'other' });
    // …and the user is told how to read them as codes if that is what they are.
    expect(integers.loadReport!.problems.some((p) => /ids: 'municipality-codes'/.test(p.reason))).toBe(true);
  });

  for (const [name, net, nx] of graphs) {
    describe(name, () => {
      it(`centrality with the defaults equals NetworkX ${NX.networkx} (Valjean's betweenness is 0.570, not 0.024)`, () => {
        const rows = centrality(net, { samples: 'exact' });
        expect(rows).toHaveLength(nx.nodes);
        for (const r of rows) {
          // samverkan's degree counts partners; NetworkX's degree centrality divides by n − 1.
          close(r.degree! / (nx.nodes - 1), nx.degree[r.id]!, `degree of ${r.id}`);
          close(r.strength, nx.strength[r.id]!, `strength of ${r.id}`);
          close(r.betweenness, nx.betweenness![r.id]!, `betweenness of ${r.id}`);
          close(r.closeness, nx.closeness![r.id]!, `closeness of ${r.id}`);
          close(r.harmonic, nx.harmonic![r.id]!, `harmonic of ${r.id}`);
          close(r.eigenvector, nx.eigenvector![r.id]!, `eigenvector of ${r.id}`, 1e-5);
          close(r.pagerank, nx.pagerank![r.id]!, `pagerank of ${r.id}`, 1e-6);
        }
        if (net === lesmis) close(rows.find((r) => r.id === 'Valjean')!.betweenness, 0.569989052783618, 'Valjean');
      });

      it('brokerage: constraint and effective size equal NetworkX; no Gould–Fernandez roles without groups', () => {
        for (const r of brokerage(net)) {
          close(r.constraint, nx.constraint![r.id]!, `constraint of ${r.id}`);
          close(r.effectiveSize, nx.effective_size![r.id]!, `effective size of ${r.id}`);
          expect(r.liaison).toBeNull();
        }
      });

      it('structure: components, core numbers, articulation points and bridges equal NetworkX', () => {
        expect(components(net)).toHaveLength(nx.components);
        for (const r of kCore(net)) expect(r.core, `core of ${r.id}`).toBe(nx.core[r.id]);
        expect(articulationPoints(net, { within: 'network' }).map((r) => r.id).sort()).toEqual([...nx.articulation_points!].sort());
        const ours = bridges(net).map((b) => [b.source, b.target].sort().join('|')).sort();
        expect(ours).toEqual(nx.bridges!.map((b) => [...b].sort().join('|')).sort());
      });

      it('link prediction: the five classic scores equal NetworkX on unlinked pairs', () => {
        const { pairs } = nx.link_prediction;
        for (const method of ['common_neighbours', 'jaccard', 'adamic_adar', 'resource_allocation', 'preferential_attachment'] as const) {
          linkScores(net, pairs, method).forEach((row, i) => close(row.score, nx.link_prediction[method][i]!, `${method} of ${pairs[i]}`));
        }
      });
    });
  }

  it('communities: the modularity reported is the modularity of the partition, and Louvain beats the karate club\'s split', () => {
    const edges = (net: CooperationNetwork) => net.links.map((l) => [l.source, l.target] as const);
    for (const [, net] of graphs) {
      const result = communities(net, { seed: 1, weighted: false });
      const community = new Map(result.assignments.map((r) => [r.id, r.community]));
      close(result.modularity, modularityOf(edges(net), community), 'modularity by the definition');
    }
    // The club partition's modularity, by the same definition, is NetworkX's.
    const club = NX.graphs.karate.club!;
    const clubCommunity = new Map(Object.entries(club).map(([id, c]) => [id, c === 'Mr. Hi' ? 0 : 1]));
    close(modularityOf(edges(karate), clubCommunity), NX.graphs.karate.club_modularity!, 'club modularity');
    expect(communities(karate, { seed: 1, weighted: false }).modularity).toBeGreaterThan(NX.graphs.karate.club_modularity! + 0.03);
  });

  it('the 3 000-node integer graph: degree and core numbers equal NetworkX; evaluation gives real AUCs', () => {
    const nx = NX.graphs['integer-ids'];
    for (const r of centrality(integers, { measures: ['degree'] })) close(r.degree! / (nx.nodes - 1), nx.degree[r.id]!, `degree of ${r.id}`);
    for (const r of kCore(integers)) expect(r.core).toBe(nx.core[r.id]);
    const rows = evaluateRecommender(integers, { repeats: 1, fraction: 0.1, seed: 1, k: 5, methods: ['adamic_adar'] });
    const adamic = rows.find((r) => r.method === 'adamic_adar')!;
    expect(adamic.queries).toBeGreaterThan(100);
    expect(Number.isFinite(adamic.auc)).toBe(true);
    expect(adamic.auc).toBeGreaterThan(0.5);
  });

  it('the geographic analyses refuse a plain graph and say how to give a geography', () => {
    for (const f of [() => coverageByCounty(karate), () => findGaps(karate), () => buildReport(karate)]) {
      expect(f).toThrow(/needs a geography.*geography: defaultGeography\(\)/s);
    }
  });
});

describe('case 4: a researcher evaluates the recommender on standard data', () => {
  it('evaluate --links karate.csv: one row per method with AUCs, no "undeclared actor"', async () => {
    const r = await cli(['evaluate', '--links', join(STANDARD, 'karate.csv'), '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const rows = JSON.parse(r.stdout) as { method: string; auc: number; queries: number }[];
    expect(rows.map((x) => x.method)).toContain('adamic_adar');
    expect(rows.every((x) => Number.isFinite(x.auc))).toBe(true);
    expect(r.stderr).not.toMatch(/undeclared/);
    expect(r.stderr).toMatch(/plain graph/);
  });

  it('evaluate --graph lesmis.graphml: tie protocol with the link-prediction baselines', async () => {
    const r = await cli(['evaluate', '--graph', join(STANDARD, 'lesmis.graphml'), '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const rows = JSON.parse(r.stdout) as { method: string; auc: number; positives: number }[];
    expect(rows.find((x) => x.method === 'resource_allocation')!.auc).toBeGreaterThan(0.8);
    expect(rows[0]!.positives).toBeGreaterThan(0);
    expect(r.stdout + r.stderr).not.toMatch(/0 municipality ties/);
  });

  it('the body protocol asks for group data, and a links file of memberships (group,municipality) is group data', () => {
    const rows = ['group,municipality', 'g1,Umeå', 'g1,Vännäs', 'g1,Vindeln', 'g2,Skellefteå', 'g2,Norsjö', 'g3,Lycksele', 'g3,Storuman', 'g3,Sorsele'];
    const net = loadNetwork({ links: { text: `${rows.join('\n')}\n`, name: 'groups.csv' } });
    expect(net.actors().filter((a) => a.kind === 'joint_body').map((a) => a.id)).toEqual(['g1', 'g2', 'g3']);
    expect(net.links.filter((l) => l.source === 'g1').map((l) => l.target).sort()).toEqual(['2404', '2460', '2480']);
    expect(net.links.every((l) => l.kind === 'member')).toBe(true);
    // A misspelt member is a row-level error with a suggestion, not a new actor.
    expect(() => loadNetwork({ links: { text: 'group,municipality\ng1,Lyksele\ng1,Umeå\n', name: 'groups.csv' } })).toThrow(/groups\.csv, row 2, column municipality: .*did you mean Lycksele \(2481\)/);
  });

  it('examples/researcher.ts runs on a user\'s own GraphML and edge list, and fails without a stack trace on a bad file', async () => {
    const { spawnSync } = await import('node:child_process');
    const run = (file: string) => spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '..', 'examples', 'researcher.ts'), file], { encoding: 'utf8', cwd: join(import.meta.dirname, '..') });
    for (const file of [join(STANDARD, 'lesmis.graphml'), join(STANDARD, 'karate.csv')]) {
      const r = run(file);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/tie protocol/);
      expect(r.stdout).toMatch(/adamic_adar/);
    }
    const dir = mkdtempSync(join(tmpdir(), 'samverkan-researcher-'));
    writeFileSync(join(dir, 'edges.csv'), 'source,target,weight\na,b,1\nb,c,-2\n');
    const bad = run(join(dir, 'edges.csv'));
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/edges\.csv, row 3, column weight: the weight must be a positive number/);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('case 5: typos get help', () => {
  const load = () => loadNetwork({ actors: { path: join(COUNTY, 'actors.csv') }, links: { path: join(COUNTY, 'links.csv') } });

  it('did you mean, for each misspelt municipality, one problem per row', () => {
    let error: unknown;
    try {
      load();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LoadError);
    const problems = (error as LoadError).report.problems.filter((p) => p.file.endsWith('actors.csv') && p.severity === 'error');
    expect(problems.map((p) => [p.row, p.column, p.value])).toEqual([
      [2, 'municipality', 'Umea kommun'],
      [3, 'municipality', 'Skelleftea'],
      [4, 'municipality', 'Lyksele'],
      [5, 'municipality', 'Vännas'],
    ]);
    expect(problems.map((p) => p.reason.match(/did you mean (.*)\?/)?.[1])).toEqual(['Umeå (2480)', 'Skellefteå (2482)', 'Lycksele (2481)', 'Vännäs (2460)']);
  });

  it('a link to an actor whose row was rejected names that row; the strict error ends with validate and --lenient', () => {
    let message = '';
    try {
      load();
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/links\.csv, row 2, column source: link to the actor "umea-kommun", whose row 2 in .*actors\.csv was rejected/);
    expect(message).toMatch(/validate[\s\S]*--lenient/);
    const lenient = loadNetwork({ actors: { path: join(COUNTY, 'actors.csv') }, links: { path: join(COUNTY, 'links.csv') } }, { mode: 'lenient' });
    // Rows of the municipalities spelt right are kept; links to them by their own ids (vindeln-kommun) load.
    expect(lenient.links.some((l) => l.source === '2404' || l.target === '2404')).toBe(true);
  });

  it('the corrected file loads with one warning (the unknown kind), and links by a municipality row\'s own id', () => {
    const net = countyNetwork();
    expect(net.loadReport!.problems.map((p) => p.severity)).toEqual(['warning']);
    expect(net.links.filter((l) => l.source === '2480' || l.target === '2480').length).toBeGreaterThan(10);
  });
});
