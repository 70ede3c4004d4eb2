import { describe, expect, it } from 'vitest';
import { swedenGeography } from '../../src/io/sweden.js';
import { renderMap } from '../../src/report/map.js';
import { swedenMapFeatures } from '../../src/geo.js';
import { itInChromium, useChromium } from '../helpers/chromium.js';

// One browser for the whole file. Without Chromium these tests are skipped and
// reported at the end of the run (under CI they fail): see test/helpers/chromium.ts.
const chromium = useChromium();

const page = (body: string) => `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>map</title></head><body>\n${body}\n</body></html>\n`;
const injected = () => (globalThis as Record<string, unknown>).__injected;

// A name that would run a script and load an image if it were not escaped.
const EVIL_NAME = `<script>window.__injected = 1</script><img src="pixel.png" onerror="window.__injected = 2">"&'`;
const EVIL_TITLE = '<script>window.__injected = 3</script>Title';

function evilSwedenMap(): { svg: string; codes: string[] } {
  const geography = swedenGeography();
  const features = structuredClone(swedenMapFeatures());
  features.features[0]!.properties.name = EVIL_NAME;
  const values = new Map(geography.municipalities.map((m, i) => [m.code, i % 9 === 0 ? null : (i % 11) / 10]));
  const svg = renderMap({ features, geography, values, title: EVIL_TITLE, legendLabel: '<b>share</b>', centralMeridian: 15 });
  return { svg, codes: features.features.map((f) => f.properties.code) };
}

describe('headless Chromium harness', () => {
  itInChromium('runs scripts, and reports console errors, page errors and blocked requests', async () => {
    const opened = await chromium().open({
      html: page(
        '<script>window.__injected = "control"; console.error("boom");</script>' +
          '<img src="https://samverkan.invalid/pixel.png">' +
          '<script>throw new Error("kaboom")</script>',
      ),
    });
    expect(await opened.page.evaluate(injected)).toBe('control');
    expect(opened.consoleErrors).toContain('boom');
    expect(opened.pageErrors.join('\n')).toContain('kaboom');
    expect(opened.requests).toEqual(['https://samverkan.invalid/pixel.png']);
    expect(opened.failedRequests.join('\n')).toContain('samverkan.invalid');
    expect(opened.problems().length).toBeGreaterThanOrEqual(4);
    await opened.close();
  });

  itInChromium('reports XML errors in an SVG file', async () => {
    const opened = await chromium().open({ svg: '<svg xmlns="http://www.w3.org/2000/svg"><title>a & b</title></svg>' });
    expect((await opened.parserErrors()).length).toBeGreaterThan(0);
    await opened.close();
  });
});

describe('the Swedish map in Chromium', () => {
  const { svg, codes } = evilSwedenMap();

  itInChromium('loads inline in an HTML page with no errors or requests, 290 municipalities, and no injected script run', async () => {
    const opened = await chromium().open({ html: page(svg) });
    expect(opened.problems()).toEqual([]);
    expect(await opened.count('svg')).toBe(1);
    expect(await opened.count('path.municipality')).toBe(290);
    expect(await opened.attributes('path.municipality', 'data-code')).toEqual(codes);
    expect(await opened.count('path.county-borders')).toBe(1);
    // The malicious strings are text, not markup.
    expect(await opened.page.evaluate(injected)).toBeUndefined();
    expect(await opened.count('script, img, b')).toBe(0);
    expect((await opened.texts('path.municipality > title'))[0]).toMatch(/^<script>window.__injected = 1<\/script><img src="pixel.png" .*"&' \(Stockholms län\): /);
    expect(await opened.texts('text.title')).toEqual([EVIL_TITLE]);
    await opened.close();
  });

  itInChromium('opens as a standalone, well-formed SVG file with the map inside its viewBox', async () => {
    const opened = await chromium().open({ svg });
    expect(opened.problems()).toEqual([]);
    expect(await opened.parserErrors()).toEqual([]);
    expect(await opened.count('path.municipality')).toBe(290);
    expect(await opened.page.evaluate(injected)).toBeUndefined();
    const box = await opened.page.$$eval('path.municipality', (paths) => {
      const boxes = paths.map((p) => (p as unknown as { getBBox(): { x: number; y: number; width: number; height: number } }).getBBox());
      return {
        left: Math.min(...boxes.map((b) => b.x)),
        top: Math.min(...boxes.map((b) => b.y)),
        right: Math.max(...boxes.map((b) => b.x + b.width)),
        bottom: Math.max(...boxes.map((b) => b.y + b.height)),
        empty: boxes.filter((b) => b.width === 0 || b.height === 0).length,
      };
    });
    expect(box.empty).toBe(0);
    // Fitted to the area between the title (top 40 px) and the legend (bottom 68 px) of 480 × 960.
    expect(box.left).toBeGreaterThanOrEqual(7.9);
    expect(box.right).toBeLessThanOrEqual(472.1);
    expect(box.top).toBeGreaterThanOrEqual(39.9);
    expect(box.bottom).toBeLessThanOrEqual(892.1);
    expect(Math.max(box.right - box.left, box.bottom - box.top)).toBeGreaterThan(800); // fills the height
    await opened.close();
  });
});
