import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemo, type DemoDesign } from '../../scripts/generate-demo.js';
import { demoActors, demoLinks } from '../../src/io/embedded/demo-data.js';
import { loadNetwork } from '../../src/io/load-network.js';
import { demoDataset, swedenPoliceRegions } from '../../src/io/sweden.js';
import type { CooperationNetwork, MunicipalityProjection } from '../../src/model/network.js';

const DIR = join('data', 'examples', 'sweden-demo');
const read = (file: string) => readFileSync(join(DIR, file), 'utf8');

/** Spearman rank correlation (average ranks for ties). */
function spearman(xs: readonly number[], ys: readonly number[]): number {
  const rank = (v: readonly number[]) => {
    const order = v.map((x, i) => [x, i] as const).sort((p, q) => p[0] - q[0]);
    const r = new Array<number>(v.length);
    for (let i = 0; i < order.length; ) {
      let j = i;
      while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j++;
      for (let k = i; k <= j; k++) r[order[k]![1]] = (i + j) / 2 + 1;
      i = j + 1;
    }
    return r;
  };
  const rx = rank(xs);
  const ry = rank(ys);
  const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
  const mx = mean(rx);
  const my = mean(ry);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < rx.length; i++) {
    sxy += (rx[i]! - mx) * (ry[i]! - my);
    sxx += (rx[i]! - mx) ** 2;
    syy += (ry[i]! - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

/** Connected components of the projection graph without `removed`, as a map code → component number. */
function components(projection: MunicipalityProjection, removed?: string): Map<string, number> {
  const { graph } = projection;
  const comp = new Map<string, number>();
  let n = 0;
  graph.forEachNode((start) => {
    if (start === removed || comp.has(start)) return;
    const queue = [start];
    comp.set(start, n);
    while (queue.length > 0) {
      const x = queue.pop()!;
      for (const y of graph.neighbors(x)) {
        if (y === removed || comp.has(y)) continue;
        comp.set(y, n);
        queue.push(y);
      }
    }
    n++;
  });
  return comp;
}

const pair = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

describe('demo dataset: determinism', () => {
  it('generateDemo() reproduces the committed files byte for byte', () => {
    const out = generateDemo();
    expect(out.actorsCsv).toBe(read('actors.csv'));
    expect(out.linksCsv).toBe(read('links.csv'));
    expect(out.designJson).toBe(read('design.json'));
  });

  it('gives the same output on a second call, and a different one for another seed', () => {
    const a = generateDemo();
    const b = generateDemo();
    expect(b.actorsCsv).toBe(a.actorsCsv);
    expect(b.linksCsv).toBe(a.linksCsv);
    expect(b.designJson).toBe(a.designJson);
    const other = generateDemo(7);
    expect(other.linksCsv).not.toBe(a.linksCsv);
  });

  it('is embedded as it is on disk', () => {
    expect(demoActors).toBe(read('actors.csv'));
    expect(demoLinks).toBe(read('links.csv'));
  });

  it('is plain UTF-8 CSV: LF line ends, no BOM, quoted only where needed', () => {
    for (const file of ['actors.csv', 'links.csv']) {
      const text = read(file);
      expect(text.charCodeAt(0)).not.toBe(0xfeff);
      expect(text).not.toContain('\r');
      expect(text.endsWith('\n')).toBe(true);
      for (const line of text.split('\n').filter(Boolean)) {
        // every quoted field must contain a comma or a quote
        for (const m of line.matchAll(/"((?:[^"]|"")*)"/g)) expect(m[1]).toMatch(/[,"]/);
      }
    }
    expect(read('actors.csv').split('\n')[0]).toBe('id,name,kind,municipality,county,counties,focus,founded');
    expect(read('links.csv').split('\n')[0]).toBe('source,target,kind,weight,since,until');
  });
});

describe('demo dataset: loading', () => {
  it('loads in strict mode with no problems and every row accounted for', () => {
    for (const net of [loadNetwork(demoDataset()), loadNetwork({ actors: join(DIR, 'actors.csv'), links: join(DIR, 'links.csv') })]) {
      const report = net.loadReport!;
      expect(report.problems).toEqual([]);
      expect(report.files).toHaveLength(2);
      for (const f of report.files) {
        expect(f.rejected).toBe(0);
        expect(f.blank).toBe(0);
        expect(f.loaded + f.merged).toBe(f.rows);
      }
      const actorRows = read('actors.csv').trimEnd().split('\n').length - 1;
      const linkRows = read('links.csv').trimEnd().split('\n').length - 1;
      expect(report.files[0]!.rows).toBe(actorRows);
      expect(report.files[1]!.rows).toBe(linkRows);
      expect(net.order).toBe(290 + actorRows);
      expect(net.links).toHaveLength(linkRows);
    }
  });
});

describe('demo dataset: content and realism', () => {
  let net: CooperationNetwork;
  let design: DemoDesign;
  beforeAll(() => {
    net = loadNetwork(demoDataset());
    design = JSON.parse(read('design.json')) as DemoDesign;
  });

  it('has the planned size and kinds', () => {
    const actors = net.actors().filter((a) => a.kind !== 'municipality');
    expect(actors.length).toBeGreaterThanOrEqual(1500);
    expect(actors.length).toBeLessThanOrEqual(2500);
    expect(net.links.length).toBeGreaterThanOrEqual(4000);
    expect(net.links.length).toBeLessThanOrEqual(7000);
    const byKind = (kinds: string[]) => {
      const out: Record<string, number> = {};
      for (const k of kinds.sort()) out[k] = (out[k] ?? 0) + 1;
      return out;
    };
    expect(byKind(actors.map((a) => a.kind))).toEqual(design.counts.actorsByKind);
    expect(byKind(net.links.map((l) => l.kind!))).toEqual(design.counts.linksByKind);
    expect(Object.keys(design.counts.linksByKind).sort()).toEqual(['agreement', 'dialogue', 'member', 'network', 'project']);
  });

  it('uses the real authorities and generic names for everything else', () => {
    const actors = net.actors();
    const police = actors.filter((a) => a.id.startsWith('polis-'));
    expect(police.map((a) => a.name).sort()).toEqual([...new Set(swedenPoliceRegions().map((r) => r.region))].sort());
    for (const p of police) {
      expect(p.kind).toBe('authority');
      expect(p.county).toBeUndefined();
      const covered = swedenPoliceRegions()
        .filter((r) => r.region === p.name)
        .map((r) => r.county)
        .sort();
      expect(p.attributes?.counties).toBe(covered.join(';'));
    }
    for (const c of net.counties()) {
      expect(net.actor(`lst-${c.code}`)).toMatchObject({ name: `Länsstyrelsen i ${c.name}`, kind: 'authority', county: c.code });
      expect(net.actor(`region-${c.code}`)).toMatchObject({ kind: 'county', county: c.code });
      expect(net.actor(`region-${c.code}`)!.name).toMatch(/^Region \p{Lu}/u);
    }
    expect(net.actor('region-24')!.name).toBe('Region Västerbotten');
    const nouns = 'Idrottsförening|Ungdomsförening|Kvinnoförening|Kulturförening|Föräldranätverk|Integrationsförening|Studiecirkelförening|Stödförening';
    for (const a of actors) {
      if (a.kind === 'religious') {
        expect(a.name).toBe(`${a.name.replace(/ i .*$/u, '')} i ${net.municipality(a.municipality!)!.name}`);
        expect(a.name).toMatch(/^Trossamfund \d+ i /u);
      } else if (a.kind === 'civil_society') {
        expect(a.name).toMatch(new RegExp(`^(${nouns}) \\d+ \\(${net.municipality(a.municipality!)!.name}\\)$`, 'u'));
      } else if (a.kind === 'joint_body') {
        expect(a.name).toMatch(/ \(demo\)$/u);
      }
      if (a.kind === 'religious' || a.kind === 'civil_society') {
        expect(a.attributes?.focus).toMatch(/^[a-z-]+$/);
        expect(a.attributes?.founded).toMatch(/^(18|19|20)\d\d$/);
      }
    }
  });

  it('has more local actors and more partners in larger municipalities', () => {
    const ms = net.municipalities();
    const population = ms.map((m) => m.population);
    const localActors = ms.map((m) => net.actorsInMunicipality(m.code).length);
    const partners = ms.map((m) => net.graph.degree(m.code));
    expect(spearman(population, localActors)).toBeGreaterThan(0.7);
    expect(spearman(population, partners)).toBeGreaterThan(0.5);
    // sublinear: the largest municipality has far fewer than population-proportional actors
    const max = ms.reduce((p, q) => (q.population > p.population ? q : p));
    const min = ms.reduce((p, q) => (q.population < p.population ? q : p));
    expect(net.actorsInMunicipality(max.code).length).toBeLessThan((10 * max.population) / min.population);
  });

  it('ties municipalities mostly within a county, mostly across borders, and more often unequal ones', () => {
    const { ties } = net.municipalityProjection();
    const within = ties.filter((t) => !t.crossCounty).length;
    expect(within / ties.length).toBeGreaterThan(0.75);
    expect(within / ties.length).toBeLessThan(0.97);

    const tied = new Set(ties.map((t) => pair(t.a, t.b)));
    const borders = net.geography.borders;
    const borderSet = new Set(borders.map((b) => pair(b.a, b.b)));
    const n = net.municipalities().length;
    const allPairs = (n * (n - 1)) / 2;
    const tiedBorder = borders.filter((b) => tied.has(pair(b.a, b.b))).length;
    const tiedOther = ties.filter((t) => !borderSet.has(pair(t.a, t.b))).length;
    const borderRate = tiedBorder / borders.length;
    const otherRate = tiedOther / (allPairs - borders.length);
    expect(borderRate).toBeGreaterThan(0.25);
    expect(borderRate).toBeGreaterThan(10 * otherRate);

    // among bordering pairs in one county, tied pairs differ more in size than untied ones
    const gap = (a: string, b: string) => Math.abs(Math.log(net.municipality(a)!.population / net.municipality(b)!.population));
    const sameCounty = borders.filter((b) => net.municipality(b.a)!.county === net.municipality(b.b)!.county);
    const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
    const tiedGap = mean(sameCounty.filter((b) => tied.has(pair(b.a, b.b))).map((b) => gap(b.a, b.b)));
    const untiedGap = mean(sameCounty.filter((b) => !tied.has(pair(b.a, b.b))).map((b) => gap(b.a, b.b)));
    expect(tiedGap).toBeGreaterThan(1.15 * untiedGap);
  });

  it('closes triangles: new ties after 2019 favour pairs that shared partners in 2019', () => {
    const before = net.asOf('2019-12-31').municipalityProjection();
    const after = new Set(net.municipalityProjection().ties.map((t) => pair(t.a, t.b)));
    const ms = net.municipalities().map((m) => m.code);
    let withShared = 0;
    let withSharedNew = 0;
    let without = 0;
    let withoutNew = 0;
    for (const a of ms) {
      const steps = new Set(net.borderNeighbours(a).flatMap((b) => [b, ...net.borderNeighbours(b)]));
      for (const b of steps) {
        if (b <= a || before.graph.hasEdge(a, b)) continue;
        const na = new Set(before.graph.neighbors(a));
        const shared = before.graph.neighbors(b).some((x) => na.has(x));
        const isNew = after.has(pair(a, b));
        if (shared) {
          withShared++;
          if (isNew) withSharedNew++;
        } else {
          without++;
          if (isNew) withoutNew++;
        }
      }
    }
    expect(withShared).toBeGreaterThan(100);
    expect(without).toBeGreaterThan(100);
    expect(withSharedNew / withShared).toBeGreaterThan(2 * (withoutNew / without));
  });

  it('has dated links, ended projects and non-integer weights, so asOf and weights matter', () => {
    const dated = net.links.filter((l) => l.since !== undefined).length;
    expect(dated / net.links.length).toBeGreaterThan(0.8);
    expect(dated).toBeLessThan(net.links.length);
    const ended = net.links.filter((l) => l.until !== undefined);
    expect(ended.length).toBeGreaterThan(100);
    expect(ended.every((l) => l.kind === 'project')).toBe(true);
    for (const l of net.links) {
      if (l.since !== undefined) expect(l.since <= design.dataDate).toBe(true);
      if (l.until !== undefined) expect(l.until <= design.dataDate).toBe(true);
    }
    expect(net.links.some((l) => !Number.isInteger(l.weight))).toBe(true);
    expect(net.links.every((l) => l.weight > 0)).toBe(true);
    const early = net.asOf('2015-06-30').links.length;
    const now = net.asOf(design.dataDate).links.length;
    expect(early).toBeLessThan(now / 2);
    expect(now).toBeLessThan(net.links.length);
    // police regions exist since 2015
    for (const l of net.links) if (l.source.startsWith('polis-') || l.target.startsWith('polis-')) expect(l.since! >= '2015-01-01').toBe(true);
  });
});

describe('demo dataset: the deliberate gaps of design.json are true', () => {
  let net: CooperationNetwork;
  let design: DemoDesign;
  let projection: MunicipalityProjection;
  beforeAll(() => {
    net = loadNetwork(demoDataset());
    design = JSON.parse(read('design.json')) as DemoDesign;
    projection = net.municipalityProjection();
  });

  it('records the design it claims', () => {
    expect(design.synthetic).toBe(true);
    expect(design.seed).toBe(2026);
    expect(design.gaps.isolated.length).toBeGreaterThanOrEqual(3);
    expect(design.gaps.isolated.length).toBeLessThanOrEqual(5);
    expect(design.gaps.weakCounties.length).toBeGreaterThanOrEqual(2);
    expect(design.gaps.weakCounties.length).toBeLessThanOrEqual(3);
    expect(design.gaps.missingPartnerKind.length).toBeGreaterThanOrEqual(4);
    expect(design.gaps.bridges.length).toBeGreaterThanOrEqual(1);
    expect(design.counts.actorRows).toBe(net.order - 290);
    expect(design.counts.linkRows).toBe(net.links.length);
    expect(design.counts.municipalityTies).toBe(projection.ties.length);
    expect(design.counts.municipalityTiesWithinCounty).toBe(projection.ties.filter((t) => !t.crossCounty).length);
    for (const list of [design.gaps.isolated, design.gaps.missingPartnerKind, ...design.gaps.weakCounties.map((w) => w.withoutCrossMunicipalLinks)]) {
      for (const p of list) expect(net.municipality(p.code)!.name).toBe(p.name);
    }
  });

  it('is described by the README as it is (counts and every gap)', () => {
    const readme = read('README.md');
    const n = (x: number) => String(x).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    expect(readme).toMatch(/synthetic/i);
    expect(readme).toContain(`${n(design.counts.actorRows)} actors`);
    expect(readme).toContain(`${n(design.counts.linkRows)} links`);
    for (const [kind, count] of [...Object.entries(design.counts.actorsByKind), ...Object.entries(design.counts.linksByKind)]) {
      expect(readme).toContain(`${n(count)} \`${kind}\``);
    }
    const places = [
      ...design.gaps.isolated,
      ...design.gaps.weakCounties.flatMap((w) => w.withoutCrossMunicipalLinks),
      ...design.gaps.missingPartnerKind,
      ...design.gaps.bridges.flatMap((b) => [b.hub, ...b.dependents]),
    ];
    for (const p of places) expect(readme).toContain(`${p.name} ${p.code}`);
    for (const c of [...design.gaps.weakCounties, design.gaps.noCrossCountyLinks]) expect(readme).toContain(`${c.name} (${c.county})`);
  });

  it('isolated: small municipalities with no links at all, and no other municipality without links', () => {
    const codes = design.gaps.isolated.map((p) => p.code);
    for (const p of design.gaps.isolated) {
      const m = net.municipality(p.code)!;
      expect(m.population).toBeLessThan(15_000);
      expect(net.linksOf(p.code)).toEqual([]);
      expect(net.graph.degree(p.code)).toBe(0);
      const local = net.actorsInMunicipality(p.code);
      expect(local.length).toBe(p.localActors);
      for (const a of local) expect(net.linksOf(a.id)).toEqual([]);
    }
    const unlinked = net.municipalities().filter((m) => net.graph.degree(m.code) === 0);
    expect(unlinked.map((m) => m.code).sort()).toEqual([...codes].sort());
  });

  it('weak counties: few ties inside, and the listed municipalities have no cross-municipal link', () => {
    const withinPerMunicipality = (county: string) =>
      (2 * projection.ties.filter((t) => !t.crossCounty && net.municipality(t.a)!.county === county).length) / net.municipalitiesOfCounty(county).length;
    const weak = new Set(design.gaps.weakCounties.map((w) => w.county));
    const others = net
      .counties()
      .filter((c) => !weak.has(c.code) && net.municipalitiesOfCounty(c.code).length >= 5)
      .map((c) => withinPerMunicipality(c.code))
      .sort((p, q) => p - q);
    const median = (others[Math.floor((others.length - 1) / 2)]! + others[Math.ceil((others.length - 1) / 2)]!) / 2;
    for (const w of design.gaps.weakCounties) {
      expect(withinPerMunicipality(w.county)).toBeLessThan(0.5 * median);
      expect(w.withoutCrossMunicipalLinks.length).toBeGreaterThanOrEqual(3);
      for (const p of w.withoutCrossMunicipalLinks) {
        expect(net.municipality(p.code)!.county).toBe(w.county);
        expect(projection.graph.degree(p.code)).toBe(0);
        for (const id of [p.code, ...net.actorsInMunicipality(p.code).map((a) => a.id)]) {
          expect(net.linksOf(id).filter((l) => l.crossMunicipal)).toEqual([]);
        }
        // but not isolated: they still have partners
        expect(net.graph.degree(p.code)).toBeGreaterThan(0);
      }
    }
    // every other municipality (not isolated) has at least one cross-municipal tie
    const exempt = new Set([...design.gaps.isolated.map((p) => p.code), ...design.gaps.weakCounties.flatMap((w) => w.withoutCrossMunicipalLinks.map((p) => p.code))]);
    for (const m of net.municipalities()) if (!exempt.has(m.code)) expect(projection.graph.degree(m.code), m.name).toBeGreaterThan(0);
  });

  it('one county has no cross-county link at all, and it is the only one', () => {
    const county = design.gaps.noCrossCountyLinks.county;
    const inCounty = (id: string) => net.actor(id)!.county === county;
    expect(net.links.filter((l) => l.crossCounty && (inCounty(l.source) || inCounty(l.target)))).toEqual([]);
    expect(projection.ties.filter((t) => t.crossCounty && (net.municipality(t.a)!.county === county || net.municipality(t.b)!.county === county))).toEqual([]);
    for (const c of net.counties()) {
      if (c.code === county) continue;
      const crosses = projection.ties.some((t) => t.crossCounty && (net.municipality(t.a)!.county === c.code || net.municipality(t.b)!.county === c.code));
      expect(crosses, c.name).toBe(true);
    }
  });

  it('missing partner kinds: no partner of the kind, though such actors exist locally', () => {
    const missing = new Map(design.gaps.missingPartnerKind.map((p) => [p.code, p.missing]));
    const isolated = new Set(design.gaps.isolated.map((p) => p.code));
    for (const p of design.gaps.missingPartnerKind) {
      const kinds = new Set(net.graph.neighbors(p.code).map((id) => net.actor(id)!.kind));
      expect(kinds.has(p.missing)).toBe(false);
      expect(net.graph.degree(p.code)).toBeGreaterThan(0);
      expect(p.unlinkedActorsOfKind.length).toBeGreaterThan(0);
      for (const id of p.unlinkedActorsOfKind) expect(net.actor(id)).toMatchObject({ kind: p.missing, municipality: p.code });
    }
    for (const m of net.municipalities()) {
      if (isolated.has(m.code)) continue;
      const kinds = new Set(net.graph.neighbors(m.code).map((id) => net.actor(id)!.kind));
      for (const kind of ['religious', 'civil_society'] as const) {
        expect(kinds.has(kind), `${m.name} ${kind}`).toBe(missing.get(m.code) !== kind);
      }
    }
  });

  it('bridges: each hub is the only tie of its dependents and an articulation point', () => {
    for (const options of [{}, { endpoints: 'municipalities' as const }]) {
      const proj = net.municipalityProjection(options);
      const whole = components(proj);
      for (const b of design.gaps.bridges) {
        const hubNeighbours = proj.graph.neighbors(b.hub.code);
        for (const d of b.dependents) {
          expect(proj.graph.neighbors(d.code)).toEqual([b.hub.code]);
          expect(whole.get(d.code)).toBe(whole.get(b.hub.code));
        }
        const others = hubNeighbours.filter((x) => !b.dependents.some((d) => d.code === x));
        expect(others.length).toBeGreaterThan(0);
        const without = components(proj, b.hub.code);
        for (const d of b.dependents) for (const o of others) expect(without.get(d.code)).not.toBe(without.get(o));
        expect(new Set(without.values()).size).toBeGreaterThan(new Set(whole.values()).size - 1);
      }
    }
  });
});
