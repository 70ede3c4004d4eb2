import { describe, expect, it } from 'vitest';
import { buildReport, demoDataset, loadGeography, loadNetwork, renderReport } from '../../src/index.js';
import { swedenCooperationBodies } from '../../src/geo.js';
import { renderReportMarkdown } from '../../src/report.js';
import { itInChromium, useChromium } from '../helpers/chromium.js';

const chromium = useChromium();

// An actor whose name would run a script, load an image and break a table if
// it were not escaped. It is made central (it links three municipalities) so
// that it appears in the report's tables.
const EVIL = `<script>window.__injected = 1</script><img src="x.png" onerror="window.__injected = 2">|"&'`;
const evilNetwork = () =>
  loadNetwork({
    actors: [{ id: 'evil', name: EVIL, kind: 'civil_society', municipality: '2480' }],
    links: 'source,target\nevil,2480\nevil,2460\nevil,2403\n2480,2404\n',
  });

describe('county report (HTML)', () => {
  const demo = loadNetwork(demoDataset());
  const html = renderReport(demo, { dataDescription: 'the demo', lang: 'en' });

  itInChromium('opens in headless Chromium without console errors, page errors or requests', async () => {
    const page = await chromium().open({ html });
    expect(page.problems()).toEqual([]);
    expect(await page.count('section[id^="county-"]')).toBe(21);
    await page.close();
  });

  itInChromium('draws two national maps, each with exactly one shape per municipality, and one map per county of its municipalities', async () => {
    const page = await chromium().open({ html });
    expect(await page.count('.maps svg')).toBe(2);
    for (const index of [1, 2]) {
      const codes = await page.attributes(`.maps figure:nth-child(${index}) path.municipality`, 'data-code');
      expect(codes).toHaveLength(290);
      expect(new Set(codes)).toEqual(new Set(demo.municipalities().map((m) => m.code)));
    }
    expect(await page.count('svg')).toBe(2 + 21);
    for (const county of demo.counties()) {
      const codes = await page.attributes(`#county-${county.code} figure.county-map path.municipality`, 'data-code');
      expect(new Set(codes), county.name).toEqual(new Set(demo.municipalities().filter((m) => m.county === county.code).map((m) => m.code)));
    }
    await page.close();
  });

  it('is self-contained: no script, no external resource, a restrictive Content-Security-Policy', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    const urls = [...html.matchAll(/(?:href|src)="([^"#][^"]*)"/g)].map((m) => m[1]);
    expect(urls).toEqual([]);
    expect([...html.matchAll(/https?:\/\/[^"\s<]+/g)].map((m) => m[0]).filter((u) => u !== 'http://www.w3.org/2000/svg')).toEqual([]);
  });

  it('has the national overview, each county’s figures, actors and gaps, and the data sources', () => {
    expect(html).toContain('Counties at a glance');
    for (const county of demo.counties()) expect(html).toContain(`<h2>${county.name}</h2>`);
    // The overview links to each county's section.
    for (const county of demo.counties()) expect(html).toContain(`<a href="#county-${county.code}"`);
    expect(html).toContain('Who holds the network together');
    expect(html).toContain('Who links the county with other counties');
    // The demo's isolated municipalities are named in the gaps.
    const isolated = buildReport(demo, { lang: 'en' }).gaps.filter((g) => g.type === 'isolated_municipality');
    expect(isolated.length).toBeGreaterThan(0);
    for (const g of isolated) expect(html).toContain(g.reason);
    expect(html).toContain('Population date: 30 September 2025.');
    expect(html).toContain('SCB');
  });

  itInChromium('escapes every user string, so an injected script does not run', async () => {
    const evil = renderReport(evilNetwork(), { lang: 'en' });
    expect(evil).not.toContain('<script>window');
    expect(evil).toContain('&lt;script&gt;window.__injected = 1&lt;/script&gt;');
    const page = await chromium().open({ html: evil });
    expect(page.problems()).toEqual([]);
    expect(await page.page.evaluate(() => (globalThis as Record<string, unknown>).__injected)).toBeUndefined();
    expect(await page.count('img')).toBe(0);
    expect((await page.texts('td')).filter((t) => t === EVIL)).not.toHaveLength(0);
    await page.close();
  });

  it('is deterministic', () => {
    expect(renderReport(demo, { dataDescription: 'the demo', lang: 'en' })).toBe(html);
  });
});

describe('a county report (one county in scope)', () => {
  const net = loadNetwork(swedenCooperationBodies()).withScope({ counties: ['Västerbotten'] });
  const html = renderReport(net, { dataDescription: 'the bodies of Västerbotten', lang: 'en' });
  const names = net.municipalities().map((m) => m.name);

  it('is about the county alone: its section, its figures, no other county', () => {
    expect(html.match(/<section class="county" id="county-/g)).toHaveLength(1);
    expect(html).toContain('<h2>Västerbottens län</h2>');
    expect(html).toContain('Area: Västerbottens län. Municipalities elsewhere are not part of the data');
    expect(html).not.toContain('Counties at a glance');
    // Norrbotten is on the map, greyed, as a neighbour; it has no section, figures or gaps of its own.
    expect(html).not.toContain('<h2>Norrbottens län</h2>');
    expect(html.replace(/<svg[\s\S]*?<\/svg>/g, '')).not.toContain('Norrbottens län');
    expect(html).toMatch(/<b>15<\/b><span>municipalities in Västerbottens län<\/span>/);
    // Gaps name only the county's municipalities.
    const model = buildReport(net);
    expect(model.gaps.every((g) => g.county === '24')).toBe(true);
    expect(model.counties.map((c) => c.coverage.county)).toEqual(['24']);
  });

  itInChromium('has one map, of the county at county scale, with every municipality named and the neighbouring counties greyed', async () => {
    const page = await chromium().open({ html });
    expect(page.problems()).toEqual([]);
    expect(await page.count('svg')).toBe(1);
    expect(new Set(await page.attributes('path.municipality', 'data-code'))).toEqual(new Set(net.municipalities().map((m) => m.code)));
    expect((await page.texts('g.labels text')).sort()).toEqual([...names].sort());
    // County scale: the county fills the map's width (Sweden drawn whole would leave Västerbotten a fifth of it).
    const share = await page.page.$eval('svg', (svg) => {
      const boxes = [...svg.querySelectorAll('path.municipality')].map((p) => (p as unknown as { getBBox(): { x: number; width: number } }).getBBox());
      const left = Math.min(...boxes.map((b) => b.x));
      const right = Math.max(...boxes.map((b) => b.x + b.width));
      return (right - left) / Number(svg.getAttribute('width'));
    });
    expect(share).toBeGreaterThan(0.8);
    expect(await page.count('path.neighbour')).toBeGreaterThan(0);
    expect(await page.count('.tie[data-tie]')).toBeGreaterThan(0);
    await page.close();
  });
});

describe("a report's note on ended links", () => {
  // Two links with an end in Västerbotten (24), one of them ended; two in Stockholm (01), one ended; the data's latest date is 2022-06-01.
  const net = loadNetwork({
    links: [
      'source,target,since,until',
      'Umeå,Vännäs,2015-01-01,2020-01-01',
      'Umeå,Robertsfors,2021-01-01,',
      'Stockholm,Solna,2010-01-01,2019-01-01',
      'Stockholm,Solna,2022-06-01,',
    ].join('\n'),
  });

  it('counts the links of the area the report covers', () => {
    expect(buildReport(net, { lang: 'en' }).notes).toContain('2 links of 4 had ended before 1 June 2022; they are still counted as cooperation. A report for a given date shows only the cooperation running on that date.');
    const county = buildReport(net, { lang: 'en', county: 'Västerbotten' });
    expect(county.endedLinks).toBe(1);
    expect(county.notes).toContain('1 link of 2 had ended before 1 June 2022; it is still counted as cooperation. A report for a given date shows only the cooperation running on that date.');
    expect(county.counties[0]!.summary.linkCount).toBe(2);
  });
});

describe('county report (Markdown)', () => {
  it('has a section per county and escapes table cells', () => {
    // The evil network's data is all in Västerbotten: a county report, with no overview of other counties.
    const county = renderReportMarkdown(evilNetwork(), { lang: 'en' });
    expect(county.match(/^## /gm)).toEqual(['## ', '## ']);
    expect(county).toContain('## Västerbottens län');
    expect(county).toContain('Area: Västerbottens län. Municipalities elsewhere are not part of the data, so they are neither gaps nor counted. The area is read from where the data’s actors and links are.');
    expect(county).not.toContain('Counties at a glance');
    const md = renderReportMarkdown(evilNetwork().withScope('all'), { lang: 'en' });
    expect(md.match(/^## /gm)).toHaveLength(1 + 21 + 1);
    expect(md).toContain('\\|"&amp;\'');
    expect(md).not.toContain('<script>');
    expect(md).toMatch(/^\| County \| Municipalities \| Cooperating \|/m);
  });
});

describe('another country', () => {
  const geography = loadGeography(
    {
      municipalities: 'code,name,county_code,population,population_year,lat,lon\nA1,Alfa,A,9000,2024,60,10\nA2,Beta,A,30000,2024,60,11\nB1,Gamma,B,5000,2024,61,10\n',
      counties: 'county_code,county_name\nA,Nord\nB,Sør\n',
      adjacency: 'a,b\nA1,A2\nA1,B1\n',
    },
    { name: 'Fjordland' },
  );
  const net = loadNetwork({ links: 'source,target\nA1,A2\n', geography });
  const square = (code: string, x: number, y: number) => ({
    type: 'Feature' as const,
    properties: { code },
    geometry: { type: 'Polygon' as const, coordinates: [[[x, y], [x + 1, y], [x + 1, y + 1], [x, y + 1], [x, y]]] },
  });
  const features = { type: 'FeatureCollection' as const, features: [square('A1', 10, 60), square('A2', 11, 60), square('B1', 10, 61)] };

  it('says there is no map instead of drawing Sweden in grey', () => {
    const html = renderReport(net);
    expect(html).not.toContain('<svg');
    expect(html).toContain('No maps: the Fjordland geography has no map polygons of its own.');
    expect(html).toContain('<h2>Nord</h2>');
  });

  it('draws the given polygons, one shape per municipality', () => {
    // The links are all in Nord: a county report, with one map of Nord's two municipalities, named.
    const county = renderReport(net, { features });
    expect(county.match(/<svg /g)).toHaveLength(1);
    expect([...county.matchAll(/class="municipality[^"]*" data-code="([^"]+)"/g)].map((m) => m[1])).toEqual(['A1', 'A2']);
    expect(county).toMatch(/<g class="labels"[^>]*>\s*<text [^>]*>Alfa<\/text>\s*<text [^>]*>Beta<\/text>/);
    expect(county).not.toContain('<h2>Sør</h2>');
    const html = renderReport(net.withScope('all'), { features });
    // Two national maps of the three, and a map of each county's own.
    expect(html.match(/<svg /g)).toHaveLength(2 + 2);
    expect(html.match(/class="municipality[" ]/g)).toHaveLength(3 + 3 + 2 + 1);
    expect(html).toContain('<h2>Sør</h2>');
  });
});

describe('Markdown escaping', () => {
  it('renders user text as text: no links, emphasis, autolinks or list markers', async () => {
    const { escapeMarkdownCell } = await import('../../src/format.js');
    expect(escapeMarkdownCell('[Click here](https://evil.example/phish) **URGENT**')).toBe('\\[Click here\\]\\(https\\://evil.example/phish\\) \\*\\*URGENT\\*\\*');
    expect(escapeMarkdownCell('javascript:alert(1)')).toBe('javascript\\:alert\\(1\\)');
    expect(escapeMarkdownCell('see www.example.se')).toBe('see www\\.example.se');
    expect(escapeMarkdownCell('1. item')).toBe('1\\. item');
    expect(escapeMarkdownCell('# head')).toBe('\\# head');
    expect(escapeMarkdownCell('0.5')).toBe('0.5');
    expect(escapeMarkdownCell('Umeå_kommun')).toBe('Umeå\\_kommun');
  });
});
