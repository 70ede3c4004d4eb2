import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemo, type DemoDesign } from '../../scripts/generate-demo.js';
import { demoActors, demoLinks } from '../../src/countries/sweden/demo-data.js';
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
    expect(out.readme).toBe(read('README.md'));
  });

  it('gives the same output on a second call, and a different one for another seed', () => {
    const a = generateDemo();
    const b = generateDemo();
    expect(b.actorsCsv).toBe(a.actorsCsv);
    expect(b.linksCsv).toBe(a.linksCsv);
    expect(b.designJson).toBe(a.designJson);
    expect(b.readme).toBe(a.readme);
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

/**
 * The README is rendered from design.json, so it equals the generator's output
 * (checked above). These tests read the numbers, names and codes back out of
 * the README's text and check them against the loaded network, without
 * design.json: they fail if the renderer says something untrue.
 */
describe('demo dataset: what the README says is true of the network', () => {
  let net: CooperationNetwork;
  let readme: string;
  let gaps: Record<string, string>;
  beforeAll(() => {
    net = loadNetwork(demoDataset());
    readme = read('README.md').replace(/\s+/g, ' ');
    const section = readme.slice(readme.indexOf('## Deliberate gaps'));
    gaps = {};
    for (const item of section.split(' - **').slice(1)) gaps[item.slice(0, item.indexOf('**'))] = item;
  });

  const num = (text: string) => Number(text.replace(/,/g, ''));
  const grab = (text: string, re: RegExp): RegExpMatchArray => {
    const m = text.match(re);
    expect(m, `README should match ${re}`).not.toBeNull();
    return m!;
  };
  /** Every `Name 0123` in the text, checked to be that municipality; returns the codes. */
  const places = (text: string): string[] =>
    [...text.matchAll(/(\p{Lu}[\p{L}-]*(?: \p{Lu}[\p{L}-]*)*) (\d{4})(?!\d)/gu)].map((m) => {
      expect(net.municipality(m[2]!)?.name, m[0]).toBe(m[1]);
      return m[2]!;
    });
  const namesIn = (text: string) => text.split(/, | and /);
  const kindCounts = (text: string) => Object.fromEntries([...text.matchAll(/([\d,]+) `(\w+)`/g)].map((m) => [m[2]!, num(m[1]!)]));
  const countBy = (items: string[]) => {
    const out: Record<string, number> = {};
    for (const k of items) out[k] = (out[k] ?? 0) + 1;
    return out;
  };
  const gap = (title: string) => {
    expect(gaps[title], title).toBeDefined();
    return gaps[title]!;
  };
  const localActors = () => net.actors().filter((a) => a.kind !== 'municipality');

  it('says it is synthetic, and names actors that exist', () => {
    expect(readme).toContain('**This dataset is synthetic. It is not real cooperation data.**');
    const intro = grab(readme, /\*\*This dataset is synthetic\.(.*?)\*\*No link describes a real cooperation\*\*/)[1]!;
    const names = [...intro.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
    expect(names.length).toBeGreaterThanOrEqual(5);
    const all = new Set(net.actors().map((a) => a.name));
    for (const name of names) expect(all.has(name), name).toBe(true);
    const [, police, lst, regions] = grab(readme, /the (\d+) police regions, the (\d+) county administrative boards \(länsstyrelser\) and the (\d+) regions/);
    const ids = net.actors().map((a) => a.id);
    expect(num(police!)).toBe(ids.filter((id) => id.startsWith('polis-')).length);
    expect(num(lst!)).toBe(ids.filter((id) => id.startsWith('lst-')).length);
    expect(num(regions!)).toBe(ids.filter((id) => id.startsWith('region-')).length);
    expect(readme).toContain(`${police} police regions + ${lst} länsstyrelser`);
    expect(num(grab(readme, /all (\d+), with real codes/)[1]!)).toBe(net.municipalities().length);
  });

  it('gives the sizes, kinds and columns of the files', () => {
    expect(num(grab(readme, /\| ([\d,]+) actors other than municipalities \|/)[1]!)).toBe(localActors().length);
    expect(num(grab(readme, /\| ([\d,]+) links \|/)[1]!)).toBe(net.links.length);
    expect(kindCounts(grab(readme, /Actors by kind: (.*?)\. /)[1]!)).toEqual(countBy(localActors().map((a) => a.kind)));
    expect(kindCounts(grab(readme, /Links by kind: (.*?)\. /)[1]!)).toEqual(countBy(net.links.map((l) => l.kind!)));
    const column = (name: string) => [...readme.matchAll(new RegExp(`\\| \`${name}\` \\| (.*?) \\|`, 'g'))].map((m) => [...m[1]!.matchAll(/`([^`]+)`/g)].map((x) => x[1]!).sort());
    const [actorKinds, linkKinds] = column('kind');
    expect(actorKinds).toEqual([...new Set(localActors().map((a) => a.kind))].sort());
    expect(linkKinds).toEqual([...new Set(net.links.map((l) => l.kind!))].sort());
    expect(column('focus')[0]).toEqual([...new Set(net.actors().flatMap((a) => (a.attributes?.focus === undefined ? [] : [String(a.attributes.focus)])))].sort());
    expect(read('actors.csv')).not.toContain('"');
    expect(read('links.csv')).not.toContain('"');
    expect(readme).toContain('(none does at present)');
  });

  it('gives the weights, dates and snapshots of the links', () => {
    const [, min, max, nonInteger] = grab(readme, /\(([\d.]+) to ([\d.]+); ([\d,]+) are non-integer\)/);
    const weights = net.links.map((l) => l.weight);
    expect(Number(min)).toBe(Math.min(...weights));
    expect(Number(max)).toBe(Math.max(...weights));
    expect(num(nonInteger!)).toBe(weights.filter((w) => !Number.isInteger(w)).length);
    expect(num(grab(readme, /empty for ([\d,]+) undated/)[1]!)).toBe(net.links.filter((l) => l.since === undefined).length);
    const ended = net.links.filter((l) => l.until !== undefined);
    expect(num(grab(readme, /ended project \(([\d,]+) links, all of kind `project`\)/)[1]!)).toBe(ended.length);
    expect(ended.every((l) => l.kind === 'project')).toBe(true);
    const latest = grab(readme, /No date is later than (\d{4}-\d\d-\d\d)/)[1]!;
    for (const l of net.links) for (const d of [l.since, l.until]) if (d !== undefined) expect(d <= latest).toBe(true);
    const police = grab(readme, /no link to a police region starts before (\d{4}-\d\d-\d\d)/)[1]!;
    for (const l of net.links) if (l.source.startsWith('polis-') || l.target.startsWith('polis-')) expect(l.since! >= police).toBe(true);
    const snapshots = [...grab(readme, /snapshots: (.*?)\. /)[1]!.matchAll(/([\d,]+) (?:links are active )?on (\d{4}-\d\d-\d\d)/g)];
    expect(snapshots.map((m) => m[2])).toContain(latest);
    expect(snapshots.length).toBeGreaterThanOrEqual(2);
    for (const [, count, date] of snapshots) expect(num(count!), date).toBe(net.asOf(date!).links.length);
  });

  it('describes local actors, joint bodies and municipality ties as they are', () => {
    const [, largest, most, smallest, fewest, min, max] = grab(
      readme,
      /(\p{Lu}[\p{L} -]*), the largest municipality, has (\d+), and (\p{Lu}[\p{L} -]*), the smallest, has (\d+); the range is (\d+) to (\d+)/u,
    );
    const ms = [...net.municipalities()].sort((p, q) => q.population - p.population);
    const count = (code: string) => net.actorsInMunicipality(code).length;
    expect(largest).toBe(ms[0]!.name);
    expect(num(most!)).toBe(count(ms[0]!.code));
    expect(smallest).toBe(ms[ms.length - 1]!.name);
    expect(num(fewest!)).toBe(count(ms[ms.length - 1]!.code));
    expect(num(min!)).toBe(Math.min(...ms.map((m) => count(m.code))));
    expect(num(max!)).toBe(Math.max(...ms.map((m) => count(m.code))));
    for (const m of ms) {
      const kinds = new Set(net.actorsInMunicipality(m.code).map((a) => a.kind));
      expect(kinds.has('religious') && kinds.has('civil_society'), m.name).toBe(true);
    }

    const bodies = localActors().filter((a) => a.kind === 'joint_body');
    expect(num(grab(readme, /(\d+) multi-municipality associations within a county/)[1]!)).toBe(bodies.filter((b) => b.county !== undefined).length);
    const across = bodies.filter((b) => b.county === undefined);
    const m = grab(readme, /and one across the (?:borders of ([^.]+)|(\S+) border)\./);
    expect(across).toHaveLength(1);
    const countiesNamed = (m[1] ?? m[2]!).split(/, | and |–/).map((name) => net.county(name)?.code);
    const memberCounties = net.graph
      .neighbors(across[0]!.id)
      .filter((id) => net.actor(id)!.kind === 'municipality')
      .map((id) => net.actor(id)!.county!);
    expect(countiesNamed.sort()).toEqual([...new Set(memberCounties)].sort());

    const [, ties, within, percent] = grab(readme, /there are ([\d,]+) municipality pairs that cooperate; ([\d,]+) of them \((\d+)%\) are within one county/);
    const projection = net.municipalityProjection();
    expect(num(ties!)).toBe(projection.ties.length);
    expect(num(within!)).toBe(projection.ties.filter((t) => !t.crossCounty).length);
    expect(num(percent!)).toBe(Math.round((100 * num(within!)) / num(ties!)));
  });

  it('lists every isolated municipality, and only those', () => {
    const text = gap('Isolated municipalities');
    const codes = places(text);
    expect(codes.length).toBeGreaterThan(0);
    const limit = num(grab(text, /fewer than ([\d,]+) inhabitants/)[1]!);
    for (const code of codes) {
      expect(net.municipality(code)!.population).toBeLessThan(limit);
      for (const a of net.actorsInMunicipality(code)) expect(net.linksOf(a.id)).toEqual([]);
    }
    expect(codes.sort()).toEqual(net.municipalities().filter((m) => net.graph.degree(m.code) === 0).map((m) => m.code).sort());
  });

  it('gives the weak counties with their figures, and every municipality without a cross-municipal link', () => {
    const text = gap('Weak coverage');
    const projection = net.municipalityProjection();
    const counties = [...text.matchAll(/(\p{Lu}[\p{L}]* län) \((\d\d)\)/gu)].map((m) => {
      expect(net.county(m[2]!)?.name).toBe(m[1]);
      return m[2]!;
    });
    expect(counties.length).toBeGreaterThan(0);
    const perMunicipality = (county: string) =>
      (2 * projection.ties.filter((t) => !t.crossCounty && net.municipality(t.a)!.county === county).length) / net.municipalitiesOfCounty(county).length;
    const round2 = (x: number) => Math.round(x * 100) / 100;
    const [, ratios, median, atLeast] = grab(text, /(?:They have|It has) ([\d., and]+?) within-county ties per municipality, against a median of ([\d.]+) in the other counties with at least (\d+) municipalities/);
    expect(namesIn(ratios!).map(Number)).toEqual(counties.map((c) => round2(perMunicipality(c))));
    const others = net
      .counties()
      .filter((c) => !counties.includes(c.code) && net.municipalitiesOfCounty(c.code).length >= num(atLeast!))
      .map((c) => perMunicipality(c.code))
      .sort((p, q) => p - q);
    expect(Number(median)).toBe(round2((others[Math.floor((others.length - 1) / 2)]! + others[Math.ceil((others.length - 1) / 2)]!) / 2));

    const listed: string[] = [];
    for (const part of grab(text, /no cross-municipal link at all \([^)]*\): (.*)\.$/)[1]!.split('; ')) {
      const county = net.county(grab(part, / in (\p{Lu}[\p{L} ]*)$/u)[1]!)!.code;
      expect(counties).toContain(county);
      for (const code of places(part)) {
        expect(net.municipality(code)!.county).toBe(county);
        expect(net.graph.degree(code)).toBeGreaterThan(0);
        for (const id of [code, ...net.actorsInMunicipality(code).map((a) => a.id)]) expect(net.linksOf(id).filter((l) => l.crossMunicipal)).toEqual([]);
        listed.push(code);
      }
    }
    const isolated = places(gap('Isolated municipalities'));
    expect([...listed, ...isolated].sort()).toEqual(net.municipalities().filter((m) => projection.graph.degree(m.code) === 0).map((m) => m.code).sort());
  });

  it('names the only county without a cross-county link', () => {
    const [, name, county] = grab(gap('A county with no cross-county link'), /(\p{Lu}[\p{L}]* län) \((\d\d)\)/u);
    expect(net.county(county!)?.name).toBe(name);
    const projection = net.municipalityProjection();
    const crossing = new Set<string>();
    for (const l of net.links) {
      const cs = net.actor(l.source)!.county;
      const ct = net.actor(l.target)!.county;
      if (cs !== undefined && ct !== undefined && cs !== ct) crossing.add(cs).add(ct);
    }
    for (const t of projection.ties) if (t.crossCounty) crossing.add(net.municipality(t.a)!.county).add(net.municipality(t.b)!.county);
    expect(net.counties().filter((c) => !crossing.has(c.code)).map((c) => c.code)).toEqual([county]);
  });

  it('lists every municipality without a religious or a civil-society partner', () => {
    const text = gap('Missing partner kind');
    const isolated = new Set(places(gap('Isolated municipalities')));
    for (const [kind, label] of [
      ['religious', 'religious'],
      ['civil_society', 'civil-society'],
    ] as const) {
      const part = text.split('; ').find((p) => p.includes(`no ${label} partner in`));
      const listed = part === undefined ? [] : places(part);
      for (const code of listed) expect(net.actorsInMunicipality(code).some((a) => a.kind === kind)).toBe(true);
      const without = net
        .municipalities()
        .filter((m) => !isolated.has(m.code) && !net.graph.neighbors(m.code).some((id) => net.actor(id)!.kind === kind))
        .map((m) => m.code);
      expect(listed.sort(), kind).toEqual(without.sort());
    }
  });

  it('gives bridges whose hubs are articulation points', () => {
    const text = gap('Bridges');
    const parts = grab(text, /option\), (.*?)\. So /)[1]!.split(' only to ');
    const bridges: { hub: string; dependents: string[] }[] = [];
    for (let i = 1; i < parts.length; i++) {
      const before = places(parts[i - 1]!);
      bridges.push({ hub: places(parts[i]!)[0]!, dependents: i === 1 ? before : before.slice(1) });
    }
    expect(bridges.length).toBeGreaterThan(0);
    const hubs = grab(text, /\. So (.*?) (?:are articulation points|is an articulation point)/)[1]!;
    expect(namesIn(hubs)).toEqual(bridges.map((b) => net.municipality(b.hub)!.name));
    for (const options of [{}, { endpoints: 'municipalities' as const }]) {
      const proj = net.municipalityProjection(options);
      const whole = components(proj);
      for (const b of bridges) {
        expect(b.dependents.length).toBeGreaterThan(0);
        for (const d of b.dependents) expect(proj.graph.neighbors(d)).toEqual([b.hub]);
        const others = proj.graph.neighbors(b.hub).filter((x) => !b.dependents.includes(x));
        expect(others.length).toBeGreaterThan(0);
        const without = components(proj, b.hub);
        for (const d of b.dependents) {
          expect(whole.get(d)).toBe(whole.get(b.hub));
          for (const o of others) expect(without.get(d)).not.toBe(without.get(o));
        }
      }
    }
  });
});
