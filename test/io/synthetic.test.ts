import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CooperationNetwork, GeographySchema, loadGeography, loadNetwork, type SyntheticNetwork } from '../../src/index.js';
import { syntheticNetwork, SyntheticNetworkOptionsSchema, writeSyntheticNetwork } from '../../src/io.js';

const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

function degrees(net: SyntheticNetwork): Map<string, number> {
  const degree = new Map<string, number>();
  for (const m of net.geography.municipalities) degree.set(m.code, 0);
  for (const a of net.actors) degree.set(a.id, 0);
  for (const l of net.links) {
    degree.set(l.source, degree.get(l.source)! + 1);
    degree.set(l.target, degree.get(l.target)! + 1);
  }
  return degree;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

const cache = new Map<number, SyntheticNetwork>();
const network = (links: number) => {
  let net = cache.get(links);
  if (!net) cache.set(links, (net = syntheticNetwork({ links })));
  return net;
};

describe('syntheticNetwork', () => {
  it('is deterministic: the same options give the same network, another seed another', () => {
    const a = syntheticNetwork({ links: 3_000, seed: 5 });
    const b = syntheticNetwork({ links: 3_000, seed: 5 });
    expect(b).toEqual(a);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    const c = syntheticNetwork({ links: 3_000, seed: 6 });
    expect(c.links).not.toEqual(a.links);
    expect(c.geography.municipalities.map((m) => m.population)).not.toEqual(a.geography.municipalities.map((m) => m.population));
  });

  it.each([1_000, 10_000, 100_000])('hits %i links within 2 %, with the default counts of municipalities and counties', (links) => {
    const net = network(links);
    expect(Math.abs(net.links.length - links)).toBeLessThanOrEqual(links * 0.02);
    const municipalities = Math.min(5_000, Math.max(20, Math.round(links / 16)));
    expect(net.geography.municipalities).toHaveLength(municipalities);
    expect(net.geography.counties).toHaveLength(Math.max(2, Math.round(municipalities / 14)));
  });

  it('reaches the link count also with only 10 links per municipality, or very few municipalities', () => {
    expect(syntheticNetwork({ links: 20_000, municipalities: 2_000 }).links).toHaveLength(20_000);
    expect(syntheticNetwork({ links: 5_000, municipalities: 4, counties: 1 }).links).toHaveLength(5_000);
  });

  it.each([1_000, 10_000, 100_000])('at %i links: every end declared, no self-loop, no repeated pair, valid weights and dates', (links) => {
    const net = network(links);
    const declared = new Set([...net.geography.municipalities.map((m) => m.code), ...net.actors.map((a) => a.id)]);
    expect(declared.size).toBe(net.geography.municipalities.length + net.actors.length);
    const pairs = new Set<string>();
    const bad: string[] = [];
    for (const l of net.links) {
      if (!declared.has(l.source) || !declared.has(l.target)) bad.push(`undeclared ${l.source} ${l.target}`);
      if (l.source === l.target) bad.push(`self-loop ${l.source}`);
      const key = pairKey(l.source, l.target);
      if (pairs.has(key)) bad.push(`repeated ${l.source} ${l.target}`);
      pairs.add(key);
      if (!Number.isInteger(l.weight) || l.weight < 1 || l.weight > 5) bad.push(`weight ${l.weight}`);
      if (l.since !== undefined && (l.since < '2010-01-01' || l.since > '2025-09-30')) bad.push(`since ${l.since}`);
      if (l.until !== undefined && (l.since === undefined || l.until <= l.since || l.until > '2025-09-30')) bad.push(`until ${l.until}`);
    }
    expect(bad.slice(0, 5)).toEqual([]);
    // Weights and dates vary.
    expect(new Set(net.links.map((l) => l.weight)).size).toBe(5);
    expect(net.links.some((l) => l.until !== undefined)).toBe(true);
    expect(net.links.some((l) => l.since === undefined)).toBe(true);
  });

  it('has the actor kinds of the demo, with local actors rising with population', () => {
    const net = network(10_000);
    const kinds = new Set(net.actors.map((a) => a.kind));
    expect([...kinds].sort()).toEqual(['authority', 'civil_society', 'county', 'joint_body', 'religious']);
    const local = new Map<string, number>();
    for (const a of net.actors) if (a.municipality !== undefined) local.set(a.municipality, (local.get(a.municipality) ?? 0) + 1);
    const sorted = [...net.geography.municipalities].sort((a, b) => a.population - b.population);
    const tenth = Math.floor(sorted.length / 10);
    const mean = (ms: typeof sorted) => ms.reduce((s, m) => s + (local.get(m.code) ?? 0), 0) / ms.length;
    expect(mean(sorted.slice(-tenth))).toBeGreaterThan(2 * mean(sorted.slice(0, tenth)));
    // Every municipality has a religious community and a civil-society organisation.
    for (const m of net.geography.municipalities) {
      expect(net.actors.some((a) => a.municipality === m.code && a.kind === 'religious')).toBe(true);
      expect(net.actors.some((a) => a.municipality === m.code && a.kind === 'civil_society')).toBe(true);
    }
  });

  it('makes a geography that validates, with the requested counts, zero-padded codes and many small municipalities', () => {
    const { geography } = syntheticNetwork({ links: 6_000, municipalities: 300, counties: 12, seed: 3 });
    expect(GeographySchema.safeParse(geography).success).toBe(true);
    expect(geography.municipalities).toHaveLength(300);
    expect(geography.counties).toHaveLength(12);
    expect(new Set(geography.municipalities.map((m) => m.code)).size).toBe(300);
    expect(geography.municipalities.every((m) => /^\d{4}$/.test(m.code))).toBe(true);
    expect(geography.counties.every((c) => /^\d{2}$/.test(c.code))).toBe(true);
    for (const c of geography.counties) expect(geography.municipalities.some((m) => m.county === c.code)).toBe(true);
    const small = geography.municipalities.filter((m) => m.population < 15_000).length;
    expect(small).toBeGreaterThan(300 * 0.3);
    expect(small).toBeLessThan(300 * 0.7);
    // Borders are between nearby municipalities; most municipalities have 2–8.
    const count = new Map<string, number>();
    for (const b of geography.borders) {
      expect(b.a < b.b).toBe(true);
      count.set(b.a, (count.get(b.a) ?? 0) + 1);
      count.set(b.b, (count.get(b.b) ?? 0) + 1);
    }
    expect(median([...count.values()])).toBeGreaterThanOrEqual(3);
    expect(Math.max(...count.values())).toBeLessThanOrEqual(8);
    expect(geography.municipalities.filter((m) => m.island).length).toBe(1);
    expect(geography.municipalities.filter((m) => m.island).every((m) => !count.has(m.code))).toBe(true);
  });

  it('loads strictly through loadNetwork and CooperationNetwork.create with zero problems and every link kept', () => {
    const net = network(10_000);
    const loaded = loadNetwork({ geography: net.geography, actors: net.actors, links: net.links }, { mode: 'strict' });
    expect(loaded.loadReport!.problems).toEqual([]);
    expect(loaded.loadReport!.files.map((f) => [f.role, f.loaded, f.merged, f.rejected])).toEqual([
      ['actors', net.actors.length, 0, 0],
      ['links', net.links.length, 0, 0],
    ]);
    expect(loaded.graph.size).toBe(net.links.length);
    const created = CooperationNetwork.create(net);
    expect(created.links).toHaveLength(net.links.length);
    expect(created.order).toBe(net.geography.municipalities.length + net.actors.length);
  });

  it('leaves work for recommendations: isolated small municipalities and small ones tied to a single hub', () => {
    const net = network(10_000);
    const created = CooperationNetwork.create(net);
    const small = new Set(net.geography.municipalities.filter((m) => m.population < 15_000).map((m) => m.code));
    const degree = degrees(net);
    const isolated = net.geography.municipalities.filter((m) => degree.get(m.code) === 0);
    expect(isolated.length).toBeGreaterThanOrEqual(3);
    expect(isolated.every((m) => small.has(m.code))).toBe(true);
    const projection = created.municipalityProjection().graph;
    const single = net.geography.municipalities.filter((m) => projection.degree(m.code) === 1 && small.has(m.code));
    expect(single.length).toBeGreaterThanOrEqual(3);
    // …and every other municipality, islands included, cooperates with another one.
    expect(net.geography.municipalities.some((m) => m.island && degree.get(m.code)! > 0)).toBe(true);
    expect(net.geography.municipalities.filter((m) => degree.get(m.code)! > 0 && projection.degree(m.code) === 0)).toEqual([]);
  });

  it('has heavy-tailed degrees, among local actors too', () => {
    for (const links of [10_000, 100_000]) {
      const net = network(links);
      const degree = degrees(net);
      const values = [...degree.values()].sort((a, b) => b - a);
      expect(values[0]!).toBeGreaterThan(15 * median(values));
      // The busiest 1 % of actors hold over 5 % of the link ends (about 2.5 % in a random graph of this density).
      const ends = values.reduce((s, d) => s + d, 0);
      const top = values.slice(0, Math.ceil(values.length / 100)).reduce((s, d) => s + d, 0);
      expect(top / ends).toBeGreaterThan(0.05);
      const local = net.actors.filter((a) => a.municipality !== undefined).map((a) => degree.get(a.id)!);
      expect(Math.max(...local)).toBeGreaterThanOrEqual(5 * median(local));
    }
  });

  it('matches the table of default sizes in the API reference', () => {
    const readme = readFileSync('docs/api/io-synthetic-networks.md', 'utf8');
    for (const links of [1_000, 10_000, 100_000]) {
      const net = network(links);
      const spaced = (n: number) => String(n).replace(/\B(?=(\d{3})+$)/g, ' ');
      const row = [links, net.geography.municipalities.length, net.geography.counties.length, net.actors.length].map(spaced).join(' | ');
      expect(readme).toContain(`| ${row} |`);
    }
  });

  it('validates its options', () => {
    expect(() => syntheticNetwork({ links: 999 })).toThrow();
    expect(() => syntheticNetwork({ links: 2_000.5 })).toThrow();
    expect(() => syntheticNetwork({ links: 2_000, municipalities: 201 })).toThrow(/at least 2010 links/);
    expect(() => syntheticNetwork({ links: 2_000, municipalities: 30, counties: 31 })).toThrow(/more counties/);
    expect(() => syntheticNetwork({ links: 2_000, size: 3 } as never)).toThrow();
    // A refusal names the function called.
    expect(() => syntheticNetwork({ links: 999 })).toThrow(/^syntheticNetwork: option links: /);
    expect(() => writeSyntheticNetwork(tmpdir(), { links: 999 })).toThrow(/^writeSyntheticNetwork: option links: /);
    expect(SyntheticNetworkOptionsSchema.parse({})).toEqual({ links: 10_000, seed: 1 });
    const few = syntheticNetwork({ links: 2_000, municipalities: 30, counties: 1 });
    expect(few.geography.counties).toHaveLength(1);
  });
});

describe('writeSyntheticNetwork', () => {
  const dir = mkdtempSync(join(tmpdir(), 'samverkan-synthetic-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a folder that loads back into the same network, and an edge list of node indices', () => {
    const options = { links: 4_000, seed: 9 };
    const written = writeSyntheticNetwork(dir, options);
    const net = syntheticNetwork(options);
    expect(written).toMatchObject({ municipalities: 250, counties: 18, actors: net.actors.length, links: net.links.length });
    expect(written.files.map((f) => f.slice(dir.length + 1))).toEqual([
      'municipalities.csv',
      'counties.csv',
      'adjacency.csv',
      'actors.csv',
      'links.csv',
      'nodes.txt',
      'edges.txt',
    ]);

    const geography = loadGeography(dir, { name: net.geography.name, source: net.geography.source as string });
    expect(geography).toEqual(net.geography);

    const fromFiles = loadNetwork({ geography: dir, actors: join(dir, 'actors.csv'), links: join(dir, 'links.csv') }, { mode: 'strict' });
    const fromRows = loadNetwork({ geography: net.geography, actors: net.actors, links: net.links }, { mode: 'strict' });
    expect(fromFiles.loadReport!.problems).toEqual([]);
    expect(fromFiles.actors()).toEqual(fromRows.actors());
    const plain = (n: CooperationNetwork) => n.links.map((l) => [l.source, l.target, l.kind, l.weight, l.since, l.until]);
    expect(plain(fromFiles)).toEqual(plain(fromRows));
    expect(plain(fromRows)).toEqual(net.links.map((l) => [l.source, l.target, l.kind, l.weight, l.since, l.until]));

    const nodes = readFileSync(join(dir, 'nodes.txt'), 'utf8').split('\n');
    expect(nodes.pop()).toBe('');
    expect(nodes).toEqual(fromFiles.actors().map((a) => a.id));
    const edges = readFileSync(join(dir, 'edges.txt'), 'utf8').split('\n');
    expect(edges.pop()).toBe('');
    expect(edges).toHaveLength(net.links.length);
    edges.forEach((line, i) => {
      const [u, v, w] = line.split(' ').map(Number);
      const l = net.links[i]!;
      if (nodes[u!] !== l.source || nodes[v!] !== l.target || w !== l.weight) throw new Error(`edges.txt line ${i + 1}: ${line} is not ${l.source} ${l.target} ${l.weight}`);
    });
  });
});
