import { describe, expect } from 'vitest';
import { swedenGeography } from '../../src/index.js';
import { renderMap } from '../../src/report.js';
import { itInChromium, useChromium, type OpenedPage } from '../helpers/chromium.js';

// One browser for the whole file. Without Chromium these tests are skipped and
// reported at the end of the run (under CI they fail): see test/helpers/chromium.ts.
const chromium = useChromium();

const geography = swedenGeography();
const page = (body: string) => `<!doctype html>\n<html lang="sv"><head><meta charset="utf-8"><title>maps</title></head><body>\n${body}\n</body></html>\n`;

/** The fill Chromium paints each matching element with, as CIE L* (its grey in greyscale print). */
async function lightness(opened: OpenedPage, selector: string): Promise<number[]> {
  const fills = (await opened.page.evaluate(`[...document.querySelectorAll(${JSON.stringify(selector)})].map((e) => getComputedStyle(e).fill)`)) as string[];
  return fills.map((fill) => {
    const [r, g, b] = fill.match(/\d+/g)!.map((c) => Number(c) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    const y = 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    return y > 216 / 24389 ? 116 * Math.cbrt(y) - 16 : (24389 / 27) * y;
  });
}

describe('maps that show differences, in Chromium', () => {
  // Shares between 84 % and 100 %, by county.
  const countyValues = new Map(geography.counties.map((c, i) => [c.code, 0.84 + ((i * 7) % 17) / 100]));
  const linear = renderMap({ level: 'county', values: countyValues, unit: 'share', title: 'Täckning per län', legendLabel: 'täckning', source: 'samverkan', date: '2025-09-30' });
  const municipalValues = new Map(geography.municipalities.map((m, i) => [m.code, i % 11 === 0 ? null : ((i * 37) % 290) / 290]));
  const quantile = renderMap({ values: municipalValues, unit: 'share', scale: 'quantile', classes: 5, title: 'Kvantiler' });
  const yesNo = renderMap({ values: new Map(geography.municipalities.map((m, i) => [m.code, i % 3 === 0 ? 1 : 0])), scale: 'categorical', title: 'Ja eller nej' });

  itInChromium('fits the ramp to the data: the counties span its lightness, the legend in Swedish percent', async () => {
    const opened = await chromium().open({ html: page(linear) });
    expect(opened.problems()).toEqual([]);
    const l = await lightness(opened, 'path.municipality');
    // From the ramp's darkest to its lightest: the old 0–1 domain kept every county in its light top fifth.
    expect(Math.min(...l)).toBeLessThan(25);
    expect(Math.max(...l)).toBeGreaterThan(85);
    expect(await opened.texts('.legend text')).toEqual(['täckning', '84\u00a0%', '90\u00a0%', '95\u00a0%', '100\u00a0%']);
    expect(await opened.texts('text.source')).toEqual(['Källa: samverkan. Uppgifterna avser 30 september 2025.']);
    await opened.close();
  });

  itInChromium('draws quantile classes as swatches whose greys differ, each class on the map, missing values outlined', async () => {
    const opened = await chromium().open({ html: page(quantile) });
    expect(opened.problems()).toEqual([]);
    expect(await opened.count('.legend rect.class')).toBe(5);
    const classes = await lightness(opened, '.legend rect.class');
    for (let i = 1; i < classes.length; i++) expect(classes[i]! - classes[i - 1]!).toBeGreaterThan(8);
    const drawn = new Set((await lightness(opened, 'path.municipality:not([stroke-dasharray])')).map((v) => Math.round(v)));
    expect(drawn).toEqual(new Set(classes.map((v) => Math.round(v))));
    expect(await opened.count('path.municipality[stroke-dasharray]')).toBe([...municipalValues.values()].filter((v) => v === null).length);
    const labels = await opened.texts('.legend text');
    expect(labels).toHaveLength(7); // 6 bounds and the missing label
    expect(labels.slice(0, 6).every((t) => /^\d+\u00a0%$/.test(t))).toBe(true);
    expect(labels.at(-1)).toBe('uppgift saknas');
    await opened.close();
  });

  itInChromium('draws yes/no in two categorical colours apart in grey, with a categorical legend and no ramp', async () => {
    const opened = await chromium().open({ html: page(yesNo) });
    expect(opened.problems()).toEqual([]);
    expect(await opened.count('.legend-categorical .category')).toBe(2);
    expect(await opened.count('.legend rect.class')).toBe(0);
    expect(await opened.texts('.legend-categorical text')).toEqual(['nej', 'ja']);
    const greys = [...new Set((await lightness(opened, 'path.municipality')).map((v) => Math.round(v)))];
    expect(greys).toHaveLength(2);
    expect(Math.abs(greys[0]! - greys[1]!)).toBeGreaterThan(20);
    await opened.close();
  });
});
