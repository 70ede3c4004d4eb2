/**
 * The report a county coordinator reads: Swedish and English with no missing
 * string, words before numbers that are true, lists that open, the county
 * report with its map, A4 print, and user strings shown as text, in a real
 * headless Chromium.
 */
import { describe, expect, it } from 'vitest';
import { brokerage, buildReport, centrality, demoDataset, loadCapabilities, loadGeography, loadNetwork, renderReport } from '../../src/index.js';
import { demoCapabilities } from '../../src/geo.js';
import { renderReportMarkdown } from '../../src/report.js';
import { formatNumber, percent } from '../../src/format.js';
import { CATALOGUES, LANGUAGES, type Lang } from '../../src/model/i18n/index.js';
import { itInChromium, useChromium } from '../helpers/chromium.js';

const chromium = useChromium();
const demo = loadNetwork(demoDataset());
const VB = '24';

/** The text a reader sees: tags, styles and SVG drawing commands left out. */
const visibleText = (html: string) =>
  html
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/**
 * Literal pieces of the English catalogue (the parts between placeholders, 16
 * characters or more) that Swedish does not share: the report's sentences and
 * everything it quotes (gap and suggestion reasons, map titles and legends).
 */
function englishPieces(): string[] {
  const pieces = new Set<string>();
  for (const text of Object.values(CATALOGUES.en)) {
    for (const piece of text.split(/\{\w+\}/)) {
      const p = piece.trim();
      if (p.length >= 16 && !Object.values(CATALOGUES.sv).some((sv) => sv.includes(p))) pieces.add(p);
    }
  }
  return [...pieces];
}

describe.each(LANGUAGES)('the %s report', (lang: Lang) => {
  const national = renderReport(demo, { lang });
  const county = renderReport(demo, { lang, county: 'Västerbotten' });

  it('has no raw key and no unfilled placeholder, in HTML and Markdown', () => {
    const texts = [
      visibleText(national),
      visibleText(county),
      renderReportMarkdown(demo, { lang }),
      renderReportMarkdown(demo, { lang, county: VB }),
    ];
    for (const text of texts) {
      expect(text.match(/\b(?:report|explore|common)\.[a-z]+\.[\w.:]+/g)).toBeNull();
      expect(text.match(/\{\w+\}/g)).toBeNull();
    }
    expect(national).toMatch(new RegExp(`^<!DOCTYPE html>\\n<html lang="${lang}">`));
  });

  it('writes numbers, percentages and dates in the language’s format', () => {
    if (lang === 'sv') {
      expect(county).toContain('279\u00a0572 invånare');
      expect(county).toMatch(/<b>93\u00a0%<\/b>/);
      expect(county).toContain('27 september 2025');
    } else {
      expect(county).toContain('279,572 inhabitants');
      expect(county).toMatch(/<b>93%<\/b>/);
      expect(county).toContain('27 September 2025');
    }
  });

  it('has no developer text in its opening lines', () => {
    const opening = national.slice(national.indexOf('<header>'), national.indexOf('</header>'));
    expect(opening).not.toMatch(/asOf|samverkan (report|validate)|--[a-z]|\{|\}/);
  });
});

describe('the Swedish report', () => {
  it('is Swedish by default for Swedish data, with no English sentence of the report left in it', () => {
    const sv = renderReport(demo, { county: VB });
    expect(sv).toBe(renderReport(demo, { county: VB, lang: 'sv' }));
    // Every word of it, the reasons and the maps' titles and legends included (the SVG's text is kept: only tags go).
    const capabilities = loadCapabilities(demoCapabilities(), demo);
    const pieces = englishPieces();
    expect(pieces.length).toBeGreaterThan(200);
    for (const html of [sv, renderReport(demo, { capabilities }), renderReport(demo, { county: VB, capabilities })]) {
      const text = visibleText(html);
      expect(pieces.filter((p) => text.includes(p))).toEqual([]);
    }
    // The reasons are there to be checked.
    const model = buildReport(demo, { county: VB });
    expect(model.gaps.length).toBeGreaterThan(5);
    expect(visibleText(sv)).toContain(model.gaps[0]!.reason);
  });
});

describe('words before numbers', () => {
  const model = buildReport(demo, { lang: 'en' });
  const html = renderReport(demo, { lang: 'en' });

  it('names, for every county, the actor that really ranks first by betweenness and by brokerage', () => {
    const between = centrality(demo, { measures: ['betweenness'] });
    const roles = brokerage(demo);
    const bridging = (r: (typeof roles)[number]) => (r.liaison ?? 0) + (r.gatekeeper ?? 0) + (r.representative ?? 0);
    let named = 0;
    for (const c of demo.counties()) {
      const section = html.slice(html.indexOf(`<section class="county" id="county-${c.code}">`), html.indexOf('</section>', html.indexOf(`id="county-${c.code}"`)));
      const top = Math.max(...between.filter((r) => r.county === c.code).map((r) => r.betweenness!));
      const central = /data-measure="betweenness" data-actor="([^"]+)"/.exec(section);
      if (top > 0) {
        expect(central, c.name).not.toBeNull();
        expect(between.find((r) => r.id === central![1])!.betweenness, c.name).toBe(top);
        named++;
      } else expect(central).toBeNull();
      const most = Math.max(...roles.filter((r) => r.county === c.code).map(bridging));
      const broker = /data-measure="brokerage" data-actor="([^"]+)"/.exec(section);
      if (most > 0) expect(bridging(roles.find((r) => r.id === broker![1])!), c.name).toBe(most);
      else expect(broker).toBeNull();
    }
    expect(named).toBeGreaterThan(15);
    // The sentence names the actor; the number is in a details element below it.
    const umea = model.counties.find((s) => s.coverage.county === VB)!.central[0]!;
    expect(html).toContain(`${umea.name} links most other actors in the county.`);
    expect(html).toMatch(/links most other actors in the county\.[^<]*<\/p>\n<details class="numbers"><summary>The numbers behind this<\/summary>/);
  });
});

describe('the county option', () => {
  it('is the report of the network scoped to that county, and refuses an unknown county by name', () => {
    expect(renderReport(demo, { county: 'Västerbotten', lang: 'en' })).toBe(renderReport(demo.withScope({ counties: ['24'] }), { lang: 'en' }));
    expect(buildReport(demo, { county: '24' }).counties.map((s) => s.coverage.county)).toEqual(['24']);
    expect(() => buildReport(demo, { county: 'Atlantis' })).toThrow(/Atlantis/);
  });

  it('gives a county report its title in the language: “Samverkan i Västerbottens län”', () => {
    expect(buildReport(demo, { county: VB }).title).toBe('Samverkan i Västerbottens län');
    expect(buildReport(demo, { county: VB, lang: 'en' }).title).toBe('Cooperation in Västerbottens län');
    expect(buildReport(demo, { lang: 'en' }).title).toBe('Cooperation network report');
  });
});

describe('the format helpers stay backward compatible', () => {
  it('percent and formatNumber: as before without a language, the locale’s with one', () => {
    expect(percent(0.934)).toBe('93%');
    expect(percent(0.934, 'sv')).toBe('93\u00a0%');
    expect(percent(null)).toBe('–');
    expect(formatNumber(12345.5, 1)).toBe('12\u00a0345.5');
    expect(formatNumber(12345)).toBe('12\u00a0345');
    expect(formatNumber(12345.5, 1, 'sv')).toBe('12\u00a0345,5');
    expect(formatNumber(12345.5, 1, 'en')).toBe('12,345.5');
  });
});

describe('in Chromium', () => {
  itInChromium('both languages render with no error or request, and every gap list opens to the full list', async () => {
    for (const lang of LANGUAGES) {
      const page = await chromium().open({ html: renderReport(demo, { lang, county: VB }) });
      expect(page.problems()).toEqual([]);
      const model = buildReport(demo, { lang, county: VB });
      const gaps = model.counties[0]!.gaps;
      expect(gaps.length).toBeGreaterThan(model.options.maxGaps);
      const visibleRows = () => page.page.$$eval('table.gaps tbody tr', (rows) => rows.filter((r) => (r as unknown as { checkVisibility(): boolean }).checkVisibility()).length);
      expect(await visibleRows()).toBe(model.options.maxGaps);
      await page.page.click('details.more-gaps > summary');
      expect(await visibleRows()).toBe(gaps.length);
      // Every reason is there, in order.
      expect(await page.texts('table.gaps tbody tr td:nth-child(2)')).toEqual(gaps.map((g) => g.reason));
      // Every suggestion with its reasons opens too.
      const suggestions = model.counties[0]!.recommendations;
      await page.page.click('details.all-suggestions > summary');
      expect(await page.count('table.suggestions-all tbody tr')).toBe(suggestions.length);
      expect(await page.page.$eval('table.suggestions-all', (t) => (t as unknown as { checkVisibility(): boolean }).checkVisibility())).toBe(true);
      await page.close();
    }
  });

  itInChromium('prints a county report on a few A4 pages with the map on the first, details open, nothing wider than the page', async () => {
    // Without capabilities, and as the CLI writes it by default: with the demo's, whose tables are long and have the longest words.
    const capabilities = loadCapabilities(demoCapabilities(), demo);
    for (const [lang, withCapabilities] of LANGUAGES.flatMap((l) => [[l, false], [l, true]] as const)) {
      const page = await chromium().open({ html: renderReport(demo, { lang, county: VB, ...(withCapabilities ? { capabilities } : {}) }) });
      const pdf = await page.page.pdf({ preferCSSPageSize: true });
      const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length ?? 0;
      expect(pages, lang).toBeGreaterThanOrEqual(2);
      expect(pages, `${lang}, capabilities: ${withCapabilities}`).toBeLessThanOrEqual(withCapabilities ? 7 : 5);
      // Print layout at the width of A4 less its margins (186 mm): the map ends within the first page's height (297 − 26 mm).
      const mm = 96 / 25.4;
      await page.page.setViewportSize({ width: Math.floor(186 * mm), height: Math.floor(271 * mm) });
      await page.page.emulateMedia({ media: 'print' });
      // Nothing is wider than the page (a wider table makes the printer shrink every page to fit it).
      const widest = await page.page.$$eval('table', (tables) => Math.max(...tables.map((t) => (t as unknown as { scrollWidth: number }).scrollWidth)));
      expect(widest, lang).toBeLessThanOrEqual(Math.floor(186 * mm));
      expect(await page.page.evaluate('document.documentElement.scrollWidth'), lang).toBeLessThanOrEqual(Math.floor(186 * mm));
      const map = await page.page.$eval('figure.county-map svg', (svg) => {
        const box = svg.getBoundingClientRect();
        const scrollY = (globalThis as unknown as { scrollY: number }).scrollY;
        return { top: box.top + scrollY, bottom: box.bottom + scrollY, height: box.height };
      });
      expect(map.height).toBeGreaterThan(300);
      expect(map.bottom).toBeLessThan(271 * mm);
      // Closed details are open in print: their tables take space.
      const hidden = await page.page.$$eval('details:not([open]) table', (tables) => tables.filter((t) => (t as unknown as { getBoundingClientRect(): { height: number } }).getBoundingClientRect().height === 0).length);
      expect(await page.count('details:not([open]) table')).toBeGreaterThan(2);
      expect(hidden).toBe(0);
      await page.close();
    }
  });

  itInChromium('shows XSS probes in names, ids, county names and reasons as text', async () => {
    const probe = (n: number) => `<img src=x onerror="window.__injected=${n}"><script>window.__injected=${n}</script>`;
    const q = (text: string) => `"${text.replace(/"/g, '""')}"`;
    // Kinds cannot carry markup (a kind is a lower-case word, the loaders check it); names, ids and the reasons made from them can.
    const geography = loadGeography(
      {
        municipalities: `code,name,county_code,population,population_year,lat,lon\nA1,${q(probe(4))},A,9000,2024,60,10\nA2,Beta,A,30000,2024,60,11\nB1,Gamma,B,5000,2024,61,10\n`,
        counties: `county_code,county_name\nA,${q(probe(5))}\nB,Sør\n`,
        adjacency: 'a,b\nA1,A2\nA1,B1\n',
      },
      { name: 'Fjordland' },
    );
    const square = (code: string, x: number, y: number) => ({ type: 'Feature' as const, properties: { code }, geometry: { type: 'Polygon' as const, coordinates: [[[x, y], [x + 1, y], [x + 1, y + 1], [x, y + 1], [x, y]]] } });
    const features = { type: 'FeatureCollection' as const, features: [square('A1', 10, 60), square('A2', 11, 60), square('B1', 10, 61)] };
    const net = loadNetwork({
      geography,
      actors: [
        { id: probe(1), name: probe(2), kind: 'civil_society', municipality: 'A2' },
        { id: 'odd', name: 'Odd kind', kind: 'odd_kind', municipality: 'B1' },
      ],
      links: `source,target\n${q(probe(1))},A2\n${q(probe(1))},B1\nodd,B1\n`,
    }).withScope('all');
    for (const lang of LANGUAGES) {
      const html = renderReport(net, { lang, features, partnerKinds: ['civil_society', 'odd_kind'] });
      expect(html).not.toContain('<script>window');
      const model = buildReport(net, { lang, partnerKinds: ['civil_society', 'odd_kind'] });
      const reasons = model.gaps.filter((g) => g.reason.includes(probe(4))).map((g) => g.reason);
      expect(reasons.length).toBeGreaterThan(0);
      const page = await chromium().open({ html });
      expect(page.problems()).toEqual([]);
      expect(await page.page.evaluate(() => (globalThis as Record<string, unknown>).__injected)).toBeUndefined();
      expect(await page.count('main img, main script')).toBe(0);
      const text = await page.page.evaluate(() => (globalThis as unknown as { document: { body: { innerText: string } } }).document.body.innerText);
      expect(text).toContain(probe(2));
      expect(text).toContain(probe(5));
      expect(text).toContain(lang === 'sv' ? 'aktörer av typen ”odd kind”' : 'actors of the kind “odd kind”');
      expect(await page.texts('h2')).toContain(probe(5));
      const cells = await page.texts('table.gaps td');
      for (const reason of reasons) expect(cells).toContain(reason);
      expect(await page.attributes('p.lead-actor', 'data-actor')).toContain(probe(1));
      await page.close();
    }
  });
});
