/** `renderExplorer`: the interactive explorer as one self-contained HTML string. */
import { createHash } from 'node:crypto';
import { requireGeography, type CooperationNetwork } from '../../model/network.js';
import { parseOptions } from '../../model/options.js';
import { escapeHtml } from '../escape.js';
import { EXPLORER_SCRIPT } from './client.js';
import { explorerData, type ExplorerData, type ExplorerMap } from './data.js';
import { ExplorerOptionsSchema, type ExplorerOptions } from './options.js';
import { EXPLORER_STRINGS, type ExplorerStringKey } from './strings.js';
import { describeScope } from '../../model/scope.js';
import { resolveLang } from '../../model/i18n/index.js';

const h = escapeHtml;

/**
 * JSON that is safe inside a `<script>` element: `<`, `>` and `&` as
 * `\u003c`, `\u003e`, `\u0026` (so no `</script>` or `<!--` can end or
 * change the element), and U+2028, U+2029 escaped too. `JSON.parse` of the
 * element's text gives the value back.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const CSS = `
:root { color-scheme: light; --ink: #1d2430; --muted: #5b6575; --line: #d9dee6; --soft: #f4f6f9; --accent: #2f5d8c; --direct: #1f5f99; --shared: #c2410c; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #fff; }
header { padding: 14px 20px 4px; }
h1 { font-size: 24px; margin: 0 0 4px; }
.lede { color: var(--muted); margin: 0; max-width: 70em; }
.layout { display: grid; grid-template-columns: minmax(220px, 280px) minmax(0, 1fr) minmax(260px, 360px); gap: 16px; padding: 12px 20px; align-items: start; }
.side fieldset { border: 1px solid var(--line); border-radius: 6px; margin: 0 0 10px; padding: 6px 10px; }
.side legend { font-weight: 600; font-size: 13px; }
.side label { display: block; font-size: 14px; }
.side select, .side input[type=search], .side input[type=range] { width: 100%; font: inherit; }
#results { list-style: none; margin: 4px 0 10px; padding: 0; max-height: 260px; overflow-y: auto; }
#results li { margin: 0; }
#results button { width: 100%; text-align: left; }
.muted, #search-status, #date-note { color: var(--muted); font-size: 13px; }
button.link { background: none; border: 0; padding: 1px 2px; font: inherit; color: var(--accent); text-decoration: underline; cursor: pointer; }
button:focus-visible, input:focus-visible, select:focus-visible { outline: 3px solid #f59e0b; outline-offset: 1px; }
.mapwrap svg { width: 100%; height: auto; display: block; }
path.municipality { fill: #e6ecf3; stroke: #ffffff; stroke-width: 0.6; cursor: pointer; }
path.municipality:hover { fill: #cfdeee; }
path.municipality:focus { outline: none; stroke: #111; stroke-width: 2; }
path.municipality.selected { fill: #fde68a; }
path.municipality.dim { fill: #f2f2f2; }
path.outside { fill: #f1f1f1; stroke: #ffffff; stroke-width: 0.6; }
line.tie { stroke-linecap: round; opacity: 0.75; pointer-events: none; vector-effect: non-scaling-stroke; }
path.municipality, path.outside { vector-effect: non-scaling-stroke; }
line.tie.direct, line.swatch.direct { stroke: var(--direct); }
line.tie.shared, line.swatch.shared { stroke: var(--shared); stroke-dasharray: 7 4; stroke-linecap: butt; }
line.tie.focus { opacity: 1; }
.ties.has-focus line.tie:not(.focus) { opacity: 0.25; }
.labels.dense text { display: none; }
.labels.dense text.shown { display: inline; }
.labels text { font-size: 10px; fill: #111; stroke: #fff; stroke-width: 2.5px; paint-order: stroke; stroke-linejoin: round; text-anchor: middle; dominant-baseline: middle; pointer-events: none; }
.key { font-size: 13px; color: var(--muted); }
.key svg { vertical-align: middle; }
#panel { border: 1px solid var(--line); border-radius: 6px; padding: 10px 14px; background: #fff; }
@media (min-width: 901px) { #panel, .side { position: sticky; top: 8px; max-height: calc(100vh - 16px); overflow-y: auto; } }
#panel h2 { font-size: 20px; margin: 0 0 6px; }
#panel h3 { font-size: 15px; margin: 12px 0 4px; }
#panel ul { margin: 0; padding-left: 18px; }
#panel-close { float: right; }
dl.facts { display: grid; grid-template-columns: auto 1fr; gap: 2px 10px; margin: 0; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
.empty { color: var(--muted); font-style: italic; margin: 0; }
.reasons { color: var(--muted); font-size: 13px; }
.level { display: inline-block; min-width: 56px; padding: 0 6px; border-radius: 3px; font-size: 12px; font-weight: 600; text-align: center; background: #e5e7eb; }
.level-critical { background: #7f1d1d; color: #fff; }
.level-high { background: #d97706; color: #fff; }
.level-medium { background: #fde68a; color: #3f2d00; }
footer { padding: 8px 20px 24px; color: var(--muted); font-size: 13px; }
@media (max-width: 900px) { .layout { grid-template-columns: 1fr; } }
`;

/** The map's SVG: greyed municipalities outside the scope, the scope's focusable shapes, the (empty) tie layer, the labels. */
function mapSvg(data: ExplorerData, map: ExplorerMap, label: string): string {
  const outside: string[] = [];
  const inside: string[] = [];
  for (const { m, d } of map.shapes) {
    const mu = data.municipalities[m]!;
    if (mu.scope) {
      // One tab stop for the whole map (the first municipality, then the last one focused); arrow keys move within it.
      inside.push(`<path class="municipality" data-m="${m}" data-code="${h(mu.code)}" tabindex="${inside.length === 0 ? 0 : -1}" role="button" aria-label="${h(mu.name)}" d="${d}"><title>${h(mu.name)}</title></path>`);
    } else {
      outside.push(`<path class="outside" data-m="${m}" data-code="${h(mu.code)}" aria-hidden="true" d="${d}"></path>`);
    }
  }
  const labels = map.labels.map(({ m, x, y }) => `<text x="${x}" y="${y}" data-m="${m}">${h(data.municipalities[m]!.name)}</text>`);
  return [
    `<svg id="map" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${map.width} ${map.height}" width="${map.width}" height="${map.height}" role="group" aria-label="${h(label)}">`,
    `<g class="outside-shapes">${outside.join('')}</g>`,
    `<g class="municipalities">${inside.join('')}</g>`,
    '<g id="ties" class="ties"></g>',
    `<g id="labels" class="labels${map.dense ? ' dense' : ''}" aria-hidden="true">${labels.join('')}</g>`,
    '</svg>',
  ].join('\n');
}

/**
 * The interactive explorer: one self-contained HTML file that works offline
 * and loads nothing (a Content-Security-Policy allows its own inline script
 * only, by hash). It draws the scope's municipalities on the map and the
 * cooperation ties between them (`<line class="tie direct|shared" data-tie>`
 * between centroids, width by strength; direct links solid, shared-body
 * memberships dashed), with the neighbouring municipalities greyed for part
 * of the country. A search finds municipalities and actors; a municipality
 * (click, or Tab and Enter) opens a panel with its ties, its actors, its
 * gaps (`findGaps`) and its suggested partners with their reasons
 * (`recommendAll`, `suggestions` per municipality). Filters by tie type,
 * county, actor kind and link kind, and a date slider (the network as of a
 * date, as `net.asOf`), run in the page. The data is embedded as JSON
 * escaped for a script element, and the page renders every user string as
 * text. Strings: `EXPLORER_STRINGS[lang]`.
 *
 * @example
 * writeFileSync('explorer.html', renderExplorer(net, { lang: 'en' }));
 */
export function renderExplorer(net: CooperationNetwork, options: ExplorerOptions = {}): string {
  requireGeography(net, 'renderExplorer');
  const o = parseOptions(ExplorerOptionsSchema, options, 'renderExplorer', net);
  const lang = resolveLang(o.lang, net.geography);
  const strings = EXPLORER_STRINGS[lang];
  const s = (key: ExplorerStringKey, vars: Record<string, string> = {}) => strings[key].replace(/\{(\w+)\}/g, (m, k: string) => vars[k] ?? m);
  const { data, map } = explorerData(net, o, { ...strings }, lang);
  const area = describeScope(net.scope, net.geography, lang);
  const title = o.title ?? `${s('page.title')}: ${area}`;
  const scriptHash = createHash('sha256').update(EXPLORER_SCRIPT, 'utf8').digest('base64');
  const csp = `default-src 'none'; script-src 'sha256-${scriptHash}'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'`;
  const swatch = (cls: string) => `<svg width="28" height="10" aria-hidden="true"><line class="swatch ${cls}" x1="2" y1="5" x2="26" y2="5" stroke-width="3" stroke-linecap="round"/></svg>`;
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(title)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>${h(title)}</h1>
<p class="lede">${h(s('page.lede'))}</p>
<noscript><p>${h(s('page.noscript'))}</p></noscript>
</header>
<div class="layout">
<div class="side">
<div role="search">
<label for="search">${h(s('search.label'))}</label>
<input id="search" type="search" autocomplete="off" placeholder="${h(s('search.placeholder'))}" aria-describedby="search-status">
<div id="search-status" aria-live="polite"></div>
<ul id="results" aria-label="${h(s('search.label'))}"></ul>
</div>
<fieldset id="f-types"><legend>${h(s('filters.tieTypes'))}</legend></fieldset>
<label>${h(s('filters.county'))} <select id="f-county"></select></label>
<fieldset id="f-actor-kinds"><legend>${h(s('filters.actorKinds'))}</legend></fieldset>
<fieldset id="f-link-kinds"><legend>${h(s('filters.linkKinds'))}</legend></fieldset>
<label for="date">${h(s('date.label'))}: <output id="date-value" for="date"></output></label>
<input id="date" type="range" min="0" max="0" step="1" value="0">
<div id="date-note">${h(s('date.hint'))}</div>
<p id="status" role="status" aria-live="polite"></p>
<div class="key">
<div>${swatch('direct')} ${h(s('legend.direct'))}</div>
<div>${swatch('shared')} ${h(s('legend.shared'))}</div>
<div>${h(s('legend.width'))}</div>
</div>
</div>
<div class="mapwrap">
${mapSvg(data, map, s('map.label', { scope: area }))}
</div>
<section id="panel" role="region" aria-live="polite" aria-labelledby="panel-title" hidden>
<button type="button" id="panel-close">${h(s('panel.close'))}</button>
<h2 id="panel-title" tabindex="-1"></h2>
<div id="panel-body"></div>
</section>
</div>
<footer>
<p>${h(s('footer.data', { description: data.description }))}</p>
<p>${h(s('footer.offline'))}</p>
</footer>
<script type="application/json" id="explorer-data">${jsonForScript(data)}</script>
<script>${EXPLORER_SCRIPT}</script>
</body>
</html>
`;
}
