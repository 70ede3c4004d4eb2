import { describe, expect, it } from 'vitest';
import { CooperationNetwork, demoDataset, EXPLORER_LANGUAGES, EXPLORER_STRINGS, findGaps, loadNetwork, OptionsError, renderExplorer, swedenGeography } from '../../src/index.js';
import { GeographyRequiredError } from '../../src/model/errors.js';
import { EXPLORER_SCRIPT } from '../../src/report/explore/client.js';
import { jsonForScript } from '../../src/report/explore/render.js';
import { exploreNetwork, XSS } from './explore-fixture.js';

const island = (html: string) => {
  const match = /<script type="application\/json" id="explorer-data">([^]*?)<\/script>/.exec(html);
  expect(match).not.toBeNull();
  return JSON.parse(match![1]!) as {
    lang: string;
    strings: Record<string, string>;
    actors: { id: string; name: string; kind: string }[];
    ties: unknown[];
    municipalities: { code: string; name: string; scope: boolean }[];
    linkKinds: string[];
    gapList: { reason: string }[];
    gaps: Record<string, number[]>;
    suggestions: Record<string, { reasons: string[] }[]>;
  };
};

describe('renderExplorer: the HTML string', () => {
  const net = exploreNetwork();
  const html = renderExplorer(net, { lang: 'en' });

  it('references nothing outside itself and carries a policy that forbids it', () => {
    expect(html).not.toMatch(/(?:src|href|action|xlink:href)\s*=\s*["']?\s*(?:https?:)?\/\//i);
    expect(html).not.toMatch(/url\(|@import|<link|<img|<iframe/i);
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'sha256-[A-Za-z0-9+/=]+'/);
    // Two script elements (the JSON island and the page's script), so no user string closed one.
    expect(html.match(/<\/script/gi)).toHaveLength(2);
    expect(html.match(/<script/gi)).toHaveLength(2);
  });

  it('embeds the data as JSON that parses back to the user strings', () => {
    const data = island(html);
    expect(data.lang).toBe('en');
    expect(data.actors.map((a) => a.id)).toEqual(expect.arrayContaining([XSS.scriptId, XSS.svgId, 'rtj']));
    expect(data.actors.find((a) => a.id === XSS.scriptId)!.name).toBe(XSS.imgName);
    expect(data.linkKinds).toContain(XSS.linkKind);
    expect(data.municipalities.filter((m) => m.scope)).toHaveLength(15);
    expect(data.municipalities.find((m) => m.code === '2403')!.name).toBe(XSS.place);
    expect(data.ties).toHaveLength(6);
    expect(JSON.stringify(data.gapList)).toContain(XSS.place);
    expect(Object.values(data.gaps).flat().every((g) => data.gapList[g] !== undefined)).toBe(true);
    expect(Object.values(data.suggestions).every((list) => list.length <= 5)).toBe(true);
    // Escaped in the page's text: no probe appears as markup.
    for (const probe of Object.values(XSS)) expect(html).not.toContain(probe);
    expect(html).toContain('&lt;img src=x onerror=window.__xss=5&gt;Bjurholm');
  });

  it('escapes JSON for a script element', () => {
    const text = jsonForScript({ a: '</script><!-- & \u2028\u2029 >' });
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual({ a: '</script><!-- & \u2028\u2029 >' });
  });

  it("the page's script is plain text that cannot end its element", () => {
    expect(EXPLORER_SCRIPT).not.toMatch(/<\/|`|\$\{/);
    expect(EXPLORER_SCRIPT).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function/);
    expect(() => new Function(EXPLORER_SCRIPT)).not.toThrow();
  });

  it('is the same for the same input', () => {
    expect(renderExplorer(net, { lang: 'en' })).toBe(html);
  });

  it('checks its options', () => {
    expect(() => renderExplorer(net, { lang: 'de' as 'en' })).toThrow(OptionsError);
    expect(() => renderExplorer(net, { colour: 'red' } as never)).toThrow(/renderExplorer: option colour: unknown option/);
    expect(() => renderExplorer(null as never)).toThrow(/renderExplorer/);
  });

  it('leaves the suggestions out with suggestions: 0, and keeps the national file to a reasonable size', () => {
    expect(Object.keys(island(renderExplorer(net, { suggestions: 0 })).suggestions)).toEqual([]);
    const national = renderExplorer(loadNetwork(demoDataset()));
    expect(national.length).toBeLessThan(1_500_000);
    expect(island(national).municipalities.filter((m) => m.scope)).toHaveLength(290);
  });
});

describe('the explorer strings', () => {
  it('has every key in every language, none empty, with the same placeholders', () => {
    const keys = Object.keys(EXPLORER_STRINGS.en).sort();
    for (const lang of EXPLORER_LANGUAGES) {
      expect(Object.keys(EXPLORER_STRINGS[lang]).sort(), lang).toEqual(keys);
      for (const key of keys) {
        const text = EXPLORER_STRINGS[lang][key as keyof typeof EXPLORER_STRINGS.en];
        expect(text.trim(), `${lang} ${key}`).not.toBe('');
        const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
        expect(holes(text), `${lang} ${key}`).toEqual(holes(EXPLORER_STRINGS.en[key as keyof typeof EXPLORER_STRINGS.en]));
      }
    }
  });

  it("has every key the page's script asks for", () => {
    const used = [...EXPLORER_SCRIPT.matchAll(/'((?:page|map|search|filters|date|status|legend|panel|footer)\.\w+)'/g)].map((m) => m[1]!);
    expect(used.length).toBeGreaterThan(20);
    expect(used.filter((key) => !(key in EXPLORER_STRINGS.en))).toEqual([]);
  });

  it('speaks the language of the data’s geography by default (Swedish for Sweden)', () => {
    expect(renderExplorer(exploreNetwork(), { suggestions: 0 })).toMatch(/^<!doctype html>\n<html lang="sv">/);
  });

  it("writes the gaps' and suggestions' reasons in the page's language", () => {
    const net = exploreNetwork();
    const reasons = (lang: 'sv' | 'en') => {
      const data = island(renderExplorer(net, { lang }));
      return { gaps: data.gapList.map((g) => g.reason), suggestions: Object.values(data.suggestions).flat().flatMap((s) => s.reasons) };
    };
    const [en, sv] = [reasons('en'), reasons('sv')];
    expect(en.gaps).toEqual(findGaps(net, { lang: 'en' }).map((g) => g.reason).filter((r) => en.gaps.includes(r)));
    expect(en.gaps.length).toBeGreaterThan(0);
    expect(sv.gaps).toHaveLength(en.gaps.length);
    expect(sv.gaps.every((r) => findGaps(net, { lang: 'sv' }).some((g) => g.reason === r))).toBe(true);
    expect(en.suggestions.some((r) => / km away/.test(r))).toBe(true);
    expect(sv.suggestions.some((r) => / km bort/.test(r))).toBe(true);
    expect(sv.suggestions.some((r) => / km away/.test(r))).toBe(false);
  });
});

describe('renderExplorer: the ties', () => {
  it('merges the links of one kind and period between two municipalities into one part, and counts them', () => {
    const net = CooperationNetwork.create({
      geography: swedenGeography(),
      scope: { counties: ['24'] },
      links: [
        { source: '2480', target: '2482', kind: 'agreement', weight: 1 },
        { source: '2482', target: '2480', kind: 'agreement', weight: 2 },
        { source: '2480', target: '2482', kind: 'agreement', weight: 3 },
        { source: '2480', target: '2482', kind: 'project' },
      ],
    });
    const data = island(renderExplorer(net, { suggestions: 0 })) as unknown as { ties: { t: string; parts: { k: string[]; n: number; w: number }[] }[] };
    expect(data.ties).toHaveLength(1);
    expect(data.ties[0]!.parts.map((p) => [p.k, p.n, p.w])).toEqual([
      [['agreement'], 3, 6],
      [['project'], 1, 1],
    ]);
  });
});

describe('renderExplorer: edge cases', () => {
  it('draws a network without links: no ties, no dates, no suggestions', () => {
    const data = island(renderExplorer(CooperationNetwork.create({ geography: swedenGeography(), scope: { counties: ['25'] } }))) as unknown as {
      ties: unknown[];
      dates: string[];
      suggestions: object;
      municipalities: { scope: boolean }[];
    };
    expect(data.ties).toEqual([]);
    expect(data.dates).toEqual([]);
    expect(data.suggestions).toEqual({});
    expect(data.municipalities.filter((m) => m.scope)).toHaveLength(14);
  });

  it('needs a geography', () => {
    const plain = loadNetwork({ links: { text: 'source,target\na,b\n', name: 'edges.csv' } });
    expect(() => renderExplorer(plain)).toThrow(GeographyRequiredError);
  });
});
