/**
 * The README's screenshot of the county report, `docs/county-report.png`:
 * the demonstration data's report for Västerbotten (`--county 24`), in
 * Swedish (the default for Swedish data), its first screen: the title, the
 * key figures, the county map and the county in short. Made in the system
 * Chromium (as the browser tests use: `/usr/bin/chromium` or `$CHROMIUM_PATH`).
 *
 *   npx tsx scripts/screenshot-report.ts                  # writes docs/county-report.png
 *   npx tsx scripts/screenshot-report.ts --out /tmp/r.png --lang en --county 25
 *   npx tsx scripts/screenshot-report.ts --print          # as printed (A4 width, print stylesheet)
 */
import { parseArgs } from 'node:util';
import { demoDataset, EXPLORER_LANGUAGES as LANGUAGES, loadNetwork, renderReport, type ExplorerLang as Lang } from '../src/index.js';
import { screenshotHtml } from './screenshot.js';

const { values } = parseArgs({
  options: { out: { type: 'string', default: 'docs/county-report.png' }, lang: { type: 'string', default: 'sv' }, county: { type: 'string', default: '24' }, print: { type: 'boolean', default: false } },
});
if (!(LANGUAGES as readonly string[]).includes(values.lang)) throw new Error(`--lang must be one of ${LANGUAGES.join(', ')}`);
const html = renderReport(loadNetwork(demoDataset()), { county: values.county, lang: values.lang as Lang, dataDescription: 'demo' });
await screenshotHtml(html, values.out, {
  // Print: the width of A4 less its margins (186 mm at 96 px per inch), one page high.
  viewport: values.print ? { width: 703, height: 1024 } : { width: 1100, height: 900 },
  ...(values.print && { before: (page) => page.emulateMedia({ media: 'print' }) }),
});
