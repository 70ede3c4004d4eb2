/**
 * The README's screenshot of the explorer, `docs/explorer.png`: the
 * demonstration data for Västerbotten (`--county 24`), in English, with
 * Umeå's panel open, in the system Chromium (as the browser tests use:
 * `/usr/bin/chromium` or `$CHROMIUM_PATH`).
 *
 *   npx tsx scripts/screenshot-explorer.ts                 # writes docs/explorer.png
 *   npx tsx scripts/screenshot-explorer.ts --out /tmp/e.png --lang sv
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { demoDataset, loadNetwork, renderExplorer, type ExplorerLang } from '../src/index.js';

const { values } = parseArgs({ options: { out: { type: 'string', default: 'docs/explorer.png' }, lang: { type: 'string', default: 'en' }, county: { type: 'string', default: '24' } } });
const net = loadNetwork(demoDataset()).withScope({ counties: [values.county] });
const html = renderExplorer(net, { lang: values.lang as ExplorerLang, width: 560 });
const dir = mkdtempSync(join(tmpdir(), 'samverkan-screenshot-'));
const file = join(dir, 'explorer.html');
writeFileSync(file, html, 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 820 }, deviceScaleFactor: 1 });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  const umea = net.municipalities().find((m) => m.name === 'Umeå');
  if (umea) await page.dispatchEvent(`#map path.municipality[data-code="${umea.code}"]`, 'click');
  await page.screenshot({ path: resolve(values.out) });
  console.log(`Wrote ${resolve(values.out)}`);
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
