/**
 * Screenshots of a page samverkan writes, in the system Chromium (as the
 * browser tests use: `/usr/bin/chromium` or `$CHROMIUM_PATH`); shared by
 * `screenshot-explorer.ts` and `screenshot-report.ts`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Page } from 'playwright-core';

export interface ScreenshotOptions {
  viewport: { width: number; height: number };
  /** What to do on the page before the picture (click, emulate print). */
  before?: (page: Page) => Promise<void>;
}

/** Open `html` from a temporary file, run `before`, and write a PNG of the viewport to `out`. */
export async function screenshotHtml(html: string, out: string, options: ScreenshotOptions): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'samverkan-screenshot-'));
  const file = join(dir, 'page.html');
  writeFileSync(file, html, 'utf8');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage({ viewport: options.viewport, deviceScaleFactor: 1 });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    await options.before?.(page);
    await page.screenshot({ path: resolve(out) });
    console.log(`Wrote ${resolve(out)}`);
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
