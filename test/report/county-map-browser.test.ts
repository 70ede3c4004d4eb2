import { describe, expect } from 'vitest';
import { findGaps, swedenGeography } from '../../src/index.js';
import { renderCountyMap } from '../../src/report.js';
import { itInChromium, useChromium, type OpenedPage } from '../helpers/chromium.js';
import { exploreNetwork, openDashGaps, XSS } from './explore-fixture.js';

// One browser for the whole file. Without Chromium these tests are skipped and
// reported at the end of the run (under CI they fail): see test/helpers/chromium.ts.
const chromium = useChromium();

const page = (body: string, lang = 'en') => `<!doctype html>\n<html lang="${lang}"><head><meta charset="utf-8"><title>map</title></head><body>\n${body}\n</body></html>\n`;
const xss = (opened: OpenedPage) => opened.page.evaluate('window.__xss');

const net = exploreNetwork();
const geography = swedenGeography();
const county = geography.municipalities.filter((m) => m.county === '24');
const names = new Map(net.geography.municipalities.map((m) => [m.code, m.name]));
const svgEn = renderCountyMap(net, { lang: 'en' });
const svgSv = renderCountyMap(net);

/** Bounding boxes of the elements matching a selector, in SVG user units (evaluated in the page). */
async function boxes(opened: OpenedPage, selector: string): Promise<{ x: number; y: number; width: number; height: number }[]> {
  return (await opened.page.evaluate(
    `[...document.querySelectorAll(${JSON.stringify(selector)})].map((e) => { const b = e.getBBox(); return { x: b.x, y: b.y, width: b.width, height: b.height }; })`,
  )) as { x: number; y: number; width: number; height: number }[];
}

/** The computed value of a CSS property on every element matching a selector. */
async function computed(opened: OpenedPage, selector: string, property: string): Promise<string[]> {
  return (await opened.page.evaluate(`[...document.querySelectorAll(${JSON.stringify(selector)})].map((e) => getComputedStyle(e).getPropertyValue(${JSON.stringify(property)}))`)) as string[];
}

describe('the county map in Chromium', () => {
  itInChromium('draws one shape per municipality of the county, every one named, with no error, request or injected script', async () => {
    const opened = await chromium().open({ html: page(svgEn) });
    expect(opened.problems()).toEqual([]);
    expect(await opened.count('svg.county-map')).toBe(1);
    expect(await opened.attributes('path.municipality', 'data-code')).toEqual(county.map((m) => m.code));
    const labels = await opened.texts('.labels text');
    expect([...labels].sort()).toEqual(county.map((m) => names.get(m.code)!).sort());
    expect(labels).toContain(XSS.place); // shown as text, not run
    expect(labels).toContain(XSS.partner);
    expect(await xss(opened)).toBeUndefined();
    await opened.close();
  });

  itInChromium('places the labels inside the map frame and keeps them from covering each other', async () => {
    const opened = await chromium().open({ html: page(svgEn) });
    const [frame] = await boxes(opened, 'rect.frame');
    const labels = await boxes(opened, '.labels text');
    expect(labels).toHaveLength(15);
    for (const b of labels) {
      expect(b.x).toBeGreaterThanOrEqual(frame!.x - 1);
      expect(b.y).toBeGreaterThanOrEqual(frame!.y - 1);
      expect(b.x + b.width).toBeLessThanOrEqual(frame!.x + frame!.width + 1);
      expect(b.y + b.height).toBeLessThanOrEqual(frame!.y + frame!.height + 1);
    }
    // No two names overlap by more than a tenth of the smaller one (the two long probe names included).
    for (let i = 0; i < labels.length; i++) {
      for (let j = i + 1; j < labels.length; j++) {
        const [a, b] = [labels[i]!, labels[j]!];
        const w = Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x));
        const h = Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));
        expect(w * h, `labels ${i} and ${j}`).toBeLessThanOrEqual(0.1 * Math.min(a.width * a.height, b.width * b.height));
      }
    }
    await opened.close();
  });

  itInChromium('draws the ties, solid for direct links and dashed for shared bodies, wider when stronger, with the one across the border', async () => {
    const opened = await chromium().open({ html: page(svgEn) });
    expect(await opened.count('.tie')).toBe(6);
    expect(await opened.count('.tie[data-tie]')).toBe(6);
    expect(await opened.count('line.tie.direct')).toBe(3);
    expect(await opened.count('line.tie.shared')).toBe(3);
    expect(await opened.attributes('.tie.cross-border', 'data-tie')).toEqual(['2281-2480-d']);
    expect(new Set(await computed(opened, 'line.tie.direct', 'stroke-dasharray'))).toEqual(new Set(['none']));
    // The dashes show at every width: each gap stays open after the line's ends.
    const gaps = await openDashGaps(opened, 'line.tie.shared');
    expect(gaps).toHaveLength(3);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(2);
    // Umeå–Skellefteå: two links, weight 4 in all; Storuman–Vilhelmina: one link of weight 1.
    const width = async (tie: string) => Number(await opened.page.getAttribute(`.tie[data-tie="${tie}"]`, 'stroke-width'));
    expect(await width('2480-2482-d')).toBeGreaterThan(await width('2421-2462-d'));
    // Each tie has a name for screen readers and tooltips, the shared body's name as text.
    const titles = await opened.texts('.tie title');
    expect(titles).toContain('Storuman – Vilhelmina: 1 direct link');
    expect(titles).toContain('Umeå – Skellefteå: 2 direct links');
    expect(titles).toContain(`${XSS.partner} – Umeå: 1 shared body (${XSS.body})`);
    expect(await xss(opened)).toBeUndefined();
    await opened.close();
  });

  itInChromium('greys the neighbouring counties’ municipalities and names the ones a tie reaches', async () => {
    const opened = await chromium().open({ html: page(svgEn) });
    const neighbours = await opened.attributes('path.neighbour', 'data-code');
    expect(neighbours).toContain('2281'); // Sundsvall, Västernorrland
    expect(neighbours).toContain('2580'); // Luleå, Norrbotten
    expect(neighbours.some((c) => c!.startsWith('24'))).toBe(false);
    const counties = new Set(neighbours.map((c) => geography.municipalities.find((m) => m.code === c)!.county));
    expect([...counties].sort()).toEqual(['22', '23', '25']); // Västernorrland, Jämtland, Norrbotten
    const grey = (fill: string) => {
      const [r, g, b] = fill.match(/\d+/g)!.map(Number);
      return r === g && g === b;
    };
    expect((await computed(opened, 'path.neighbour', 'fill')).every(grey)).toBe(true);
    expect((await computed(opened, 'path.municipality', 'fill')).some(grey)).toBe(false);
    expect(await opened.texts('.neighbour-labels text')).toEqual(['Sundsvall']);
    await opened.close();
  });

  itInChromium('marks every gap of findGaps on its municipalities, with each gap type and its count in the legend', async () => {
    const opened = await chromium().open({ html: page(svgEn) });
    const gaps = findGaps(net);
    const expected = new Set(gaps.flatMap((g) => g.municipalities.filter((c) => c.startsWith('24')).map((c) => `${c} ${g.type}`)));
    expect(expected.size).toBeGreaterThan(10);
    const marks = await opened.page.evaluate(`[...document.querySelectorAll('.gaps g.gap')].map((g) => g.getAttribute('data-code') + ' ' + g.getAttribute('data-gap'))`);
    expect(new Set(marks as string[])).toEqual(expected);
    const legend = await opened.texts('.legend-item.gap-type text');
    const types = [...new Set(gaps.filter((g) => g.municipalities.some((c) => c.startsWith('24'))).map((g) => g.type))];
    expect(legend).toHaveLength(types.length);
    const isolated = new Set(gaps.filter((g) => g.type === 'isolated_municipality').flatMap((g) => g.municipalities)).size;
    expect(legend).toContain(`Isolated municipality (${isolated})`);
    // A gap's mark carries its reasons, as text.
    const reasons = await opened.texts(`g.gap[data-code="2403"] title`);
    expect(reasons.join(' ')).toContain(XSS.place);
    expect(await xss(opened)).toBeUndefined();
    await opened.close();
  });

  itInChromium('has a title, a description, a legend and a source line with the data date, in English and in Swedish', async () => {
    const en = await chromium().open({ html: page(svgEn) });
    expect(await en.page.getAttribute('svg', 'role')).toBe('img');
    expect(await en.texts('svg > title')).toEqual([`Cooperation in ${XSS.county}`]);
    expect((await en.texts('svg > desc'))[0]).toMatch(/^Map of .*: 15 municipalities, 6 cooperation ties and 15 municipalities with a gap\. .* 1 tie to a municipality further away runs off the map\.$/);
    expect(await en.texts('.legend-item.direct text')).toEqual(['Direct cooperation']);
    expect(await en.texts('.legend-item.shared text')).toEqual(['Shared body']);
    expect(await en.texts('.legend-item.neighbours text')).toEqual(['Neighbouring county']);
    expect(await en.texts('text.source')).toEqual(['Source: samverkan. Data as of 31 December 2021.']);
    // The accessible name is the title.
    const label = await en.page.evaluate(`document.getElementById(document.querySelector('svg').getAttribute('aria-labelledby').split(' ')[0]).textContent`);
    expect(label).toBe(`Cooperation in ${XSS.county}`);
    await en.close();

    const sv = await chromium().open({ html: page(svgSv, 'sv') });
    expect(sv.problems()).toEqual([]);
    expect(await sv.texts('svg > title')).toEqual([`Samverkan i ${XSS.county}`]);
    expect(await sv.texts('.legend-item.direct text')).toEqual(['Direkt samverkan']);
    expect(await sv.texts('.legend-item.shared text')).toEqual(['Gemensamt organ']);
    expect(await sv.texts('.legend-item.neighbours text')).toEqual(['Grannlän']);
    expect(await sv.texts('text.source')).toEqual(['Källa: samverkan. Uppgifterna avser 31 december 2021.']);
    expect(await sv.texts('.tie title')).toContain('Storuman – Vilhelmina: 1 direkt samverkanslänk');
    // Every word the map writes itself is Swedish (the gap reasons are findGaps' own text, so they are left out here).
    const text = (await sv.page.evaluate(`(() => { const c = document.querySelector('svg').cloneNode(true); c.querySelectorAll('.gaps title').forEach((t) => t.remove()); return c.textContent; })()`)) as string;
    for (const english of ['Direct', 'Shared', 'Source', 'municipalit', 'cooperation']) expect(text).not.toContain(english);
    expect(await xss(sv)).toBeUndefined();
    await sv.close();
  });

  itInChromium('opens as a standalone SVG file with no XML error', async () => {
    const opened = await chromium().open({ svg: svgSv });
    expect(await opened.parserErrors()).toEqual([]);
    expect(opened.problems()).toEqual([]);
    expect(await opened.count('path.municipality')).toBe(15);
    expect(await xss(opened)).toBeUndefined();
    await opened.close();
  });
});
