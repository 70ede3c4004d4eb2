/**
 * The demo generator over a geography that is not Sweden's: an invented
 * country (`makeGeography`) with words of its own. Its stages place the
 * designed gaps, `demoFiles` checks them against the rows, and the loaded
 * network's analyses find them where the design says.
 */
import { describe, expect, it } from 'vitest';
import { findGaps, loadNetwork } from '../../src/index.js';
import { makeGeography } from '../../src/synthetic/country.js';
import { demoFiles } from '../../src/synthetic/demo/files.js';
import { generateDemoNetwork } from '../../src/synthetic/demo/network.js';
import { generateSynthetic, syntheticNetwork } from '../../src/synthetic/network.js';
import type { DemoWords } from '../../src/model/demo-words.js';

const { geography } = makeGeography(290, 21, 5, 5000);

/** An English-speaking country's words: three counties to a police region. */
const WORDS: DemoWords = {
  policeRegions: geography.counties.map((c, i) => ({ region: `Police region ${Math.floor(i / 3) + 1}`, county: c.code })),
  policeRegionName: (n) => `Police region ${n}`,
  policeId: (region) => `police-${region.split(' ').pop()}`,
  boardId: (county) => `board-${county}`,
  boardName: (county) => `Board of ${county}`,
  regionId: (county) => `region-${county}`,
  regionName: (county) => `Region ${county}`,
  nationalAuthorityId: (n) => `agency-${n}`,
  nationalAuthorityName: (n) => `Agency ${n}`,
  municipalityName: (code) => `Town ${code}`,
  countyName: (code) => `Shire ${code}`,
  religiousName: (i, m) => `Community ${i} of ${m}`,
  associationName: (i, m) => `Club ${i} of ${m}`,
  civilTopics: [
    { focus: 'sport', noun: 'Sports club' },
    { focus: 'youth', noun: 'Youth club' },
  ],
  bodyNames: [(a) => `Joint board of ${a}`, (a) => `Safety council of ${a}`],
  numberedBody: (name, n) => `${name} ${n}`,
  countyBodyName: (n, county) => `Joint board ${n} of ${county}`,
  crossBorderBodyName: (a, b) => `Border council ${a}–${b}`,
  neverWeak: [geography.counties[0]!.code],
  neverWithoutCrossCounty: [geography.counties[0]!.code],
};

describe('generateDemoNetwork on an invented country', () => {
  const files = demoFiles(generateDemoNetwork(geography, WORDS, 7), 'test');
  const { design } = files;
  const net = loadNetwork({ geography, actors: { text: files.actorsCsv }, links: { text: files.linksCsv } });

  it('places every designed gap (demoFiles would throw on a design the rows do not match)', () => {
    expect(design.gaps.isolated.length).toBeGreaterThanOrEqual(3);
    expect(design.gaps.weakCounties.length).toBe(2);
    expect(design.gaps.bridges.length).toBeGreaterThanOrEqual(1);
    expect(design.gaps.missingPartnerKind.length).toBeGreaterThanOrEqual(4);
    expect(design.gaps.weakCounties.map((w) => w.county)).not.toContain(WORDS.neverWeak[0]);
    expect(design.gaps.noCrossCountyLinks.county).not.toBe(WORDS.neverWithoutCrossCounty[0]);
  });

  it('loads without a problem, every row kept', () => {
    expect(net.loadReport!.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(net.links.length).toBe(design.counts.linkRows);
    expect(net.actors().length - net.municipalities().length).toBe(design.counts.actorRows);
  });

  it('findGaps finds the isolated municipalities the design placed, and no other', () => {
    const isolated = findGaps(net)
      .filter((g) => g.type === 'isolated_municipality')
      .map((g) => g.subject)
      .sort();
    expect(isolated).toEqual(design.gaps.isolated.map((p) => p.code).sort());
  });

  it('names its actors with the country\'s words, none of another country', () => {
    const names = net.actors().filter((a) => a.kind !== 'municipality').map((a) => a.name);
    expect(names.filter((n) => /^(Police region|Board of|Region|Community|Sports club|Youth club|Joint board|Safety council|Border council)/.test(n))).toEqual(names);
    expect(net.actor('police-1')?.kind).toBe('authority');
    expect(net.actor(`board-${geography.counties[0]!.code}`)?.name).toBe(`Board of ${geography.counties[0]!.name}`);
  });

  it('is deterministic: the same seed gives the same files, another seed others', () => {
    const again = demoFiles(generateDemoNetwork(geography, WORDS, 7), 'test');
    expect(again.actorsCsv).toBe(files.actorsCsv);
    expect(again.linksCsv).toBe(files.linksCsv);
    expect(again.designJson).toBe(files.designJson);
    expect(demoFiles(generateDemoNetwork(geography, WORDS, 8), 'test').linksCsv).not.toBe(files.linksCsv);
  });
});

describe('generateSynthetic with a country\'s words', () => {
  it('names every place and actor of the invented country with the words given, none of the default country', () => {
    const { geography: g, ids, actors } = generateSynthetic({ links: 3_000, seed: 2, words: WORDS });
    expect(g.municipalities.filter((m) => !/^Town \d{4}$/.test(m.name))).toEqual([]);
    expect(g.counties.filter((c) => !/^Shire \d{2}$/.test(c.name))).toEqual([]);
    const english = /^(Police region \d+|Board of Shire \d+|Region Shire \d+|Agency \d+|Joint board \d+ of Shire \d+|(Community|Club) \d+ of Town \d+)$/;
    expect(actors.filter((a) => !english.test(a.name)).map((a) => a.name)).toEqual([]);
    // Ids from the words too: police-, board-, agency-; the default country's prefixes nowhere.
    expect(ids.some((id) => id.startsWith('police-'))).toBe(true);
    expect(ids.some((id) => id.startsWith('board-'))).toBe(true);
    expect(ids.some((id) => id.startsWith('agency-'))).toBe(true);
    expect(ids.filter((id) => /^(polis|lst|myndighet)-/.test(id))).toEqual([]);
  });

  it('keeps the draws: the same network as with the default words but for its names and ids', () => {
    const ours = generateSynthetic({ links: 3_000, seed: 2, words: WORDS });
    const theirs = generateSynthetic({ links: 3_000, seed: 2 });
    expect(ours.ids).toHaveLength(theirs.ids.length);
    expect(Array.from(ours.edges.src.subarray(0, ours.edges.count))).toEqual(Array.from(theirs.edges.src.subarray(0, theirs.edges.count)));
    expect(ours.actors.map((a) => a.kind)).toEqual(theirs.actors.map((a) => a.kind));
    expect(theirs.actors.find((a) => a.kind === 'authority')!.name).not.toBe(ours.actors.find((a) => a.kind === 'authority')!.name);
  });

  it('syntheticNetwork takes them as its `words` option, and refuses what is not DemoWords', () => {
    const net = syntheticNetwork({ links: 2_000, words: WORDS });
    expect(net.geography.municipalities[0]!.name).toBe('Town 0001');
    expect(net.actors.some((a) => a.id === 'agency-1' && a.name === 'Agency 1')).toBe(true);
    expect(() => syntheticNetwork({ links: 2_000, words: { municipalityName: (code: string) => code } as never })).toThrow(/words/);
  });
});
