/**
 * The README's screenshot of the explorer, `docs/explorer.png`: the
 * demonstration data for Västerbotten (`--county 24`), in Swedish (Sweden's default), with
 * Umeå's panel open, in the system Chromium (as the browser tests use:
 * `/usr/bin/chromium` or `$CHROMIUM_PATH`).
 *
 *   npx tsx scripts/screenshot-explorer.ts                 # writes docs/explorer.png
 *   npx tsx scripts/screenshot-explorer.ts --out /tmp/e.png --lang en
 */
import { parseArgs } from 'node:util';
import { demoDataset, loadNetwork, renderExplorer, type ExplorerLang } from '../src/index.js';
import { screenshotHtml } from './screenshot.js';

const { values } = parseArgs({ options: { out: { type: 'string', default: 'docs/explorer.png' }, lang: { type: 'string', default: 'sv' }, county: { type: 'string', default: '24' } } });
const net = loadNetwork(demoDataset()).withScope({ counties: [values.county] });
const html = renderExplorer(net, { lang: values.lang as ExplorerLang, width: 560 });
const umea = net.municipalities().find((m) => m.name === 'Umeå');
await screenshotHtml(html, values.out, {
  viewport: { width: 1280, height: 820 },
  before: async (page) => {
    if (umea) await page.dispatchEvent(`#map path.municipality[data-code="${umea.code}"]`, 'click');
  },
});
