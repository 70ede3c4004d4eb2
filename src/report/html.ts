import { camelKind } from '../analysis/view.js';
import { SEVERITY_LEVELS, type GapRow } from '../analysis/gaps.js';
import { formatDate as formatDateIn, formatList, formatNumber, formatPercent, message, messageCount, type Lang, type MessageKey, type MessageValue } from '../model/i18n/index.js';
import type { CooperationNetwork } from '../model/network.js';
import { escapeHtml } from './escape.js';
import { geographyMapFeatures, renderCountyMap, renderMap } from './map.js';
import { buildReport, overviewRows, reportNetwork, type CountySection, type ReportModel, type ReportOptions } from './model.js';
import { kindPhrase, leadSentence, levelWord, num, share } from './phrases.js';
import { geographyName } from '../model/geography.js';

/**
 * A share as a whole percentage, `null` as an en dash: `93%`, or in a
 * language's format with `lang` (`93 %` in Swedish; `formatPercent`).
 */
export function percent(value: number | null | undefined, lang: Lang = 'en'): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '–' : formatPercent(lang, value);
}

/**
 * A number with at most `decimals` decimals, `null` as an en dash. Without
 * `lang`: a no-break space between thousands and a decimal point (`12 345.5`,
 * as before); with `lang`, the language's format (`formatNumber`: `12 345,5`,
 * `12,345.5`).
 */
export function number(value: number | null | undefined, decimals = 0, lang?: Lang): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  if (lang !== undefined) return formatNumber(lang, value, decimals);
  // The Swedish grouping with a decimal point: the neutral format of the library's own tables.
  return formatNumber('sv', Number(value.toFixed(decimals)), decimals).replace(/,/g, '.');
}

const h = escapeHtml;

const CSS = `
:root { color-scheme: light; --ink: #1d2430; --muted: #5b6575; --line: #d9dee6; --soft: #f4f6f9; --accent: #2f5d8c; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #fff; }
main { max-width: 1100px; margin: 0 auto; padding: 24px 20px 64px; }
h1 { font-size: 28px; margin: 0 0 4px; }
h2 { font-size: 21px; margin: 40px 0 8px; padding-top: 12px; border-top: 2px solid var(--line); }
h3 { font-size: 16px; margin: 20px 0 6px; }
th { hyphens: auto; }
p.lede { color: var(--muted); margin: 0 0 16px; }
.figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(160px, 1fr)); gap: 10px; margin: 16px 0; }
.figure { background: var(--soft); border-radius: 6px; padding: 10px 12px; }
.figure b { display: block; font-size: 22px; }
.figure span { color: var(--muted); font-size: 13px; }
.maps { display: flex; flex-wrap: wrap; gap: 16px; justify-content: center; }
.maps figure { margin: 0; flex: 1 1 320px; max-width: 480px; }
.maps svg { width: 100%; height: auto; }
figcaption { color: var(--muted); font-size: 13px; }
.county-top { display: flex; flex-wrap: wrap; gap: 20px; align-items: flex-start; }
.county-top figure.county-map { margin: 0; flex: 1 1 340px; max-width: 460px; }
.county-top figure.county-map svg { width: 100%; height: auto; max-height: 640px; }
.county-top .in-short { flex: 1 1 340px; }
ul.words { margin: 4px 0 8px; padding-left: 20px; }
ul.words li { margin: 2px 0; }
details { margin: 4px 0 12px; }
details > summary { cursor: pointer; color: var(--accent); font-weight: 600; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; font-size: 14px; }
th, td { padding: 4px 8px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
th { background: var(--soft); font-weight: 600; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
td.n { white-space: nowrap; }
th { vertical-align: bottom; }
table.figures-table th { vertical-align: top; }
nav ol { columns: 3 220px; padding-left: 20px; }
a.back { font-size: 13px; }
.level { display: inline-block; min-width: 64px; padding: 0 6px; border-radius: 3px; font-size: 12px; font-weight: 600; text-align: center; }
.level-critical { background: #7f1d1d; color: #fff; }
.level-high { background: #d97706; color: #fff; }
.level-medium { background: #fde68a; color: #3f2d00; }
.level-low { background: #e5e7eb; color: #374151; }
.scroll { overflow-x: auto; }
table.overview { font-size: 13px; }
table.overview th, table.overview td { padding: 4px 5px; }
.empty { color: var(--muted); font-style: italic; }
dl.defs dt { font-weight: 600; margin-top: 6px; }
dl.defs dd { margin: 0 0 4px 0; color: var(--muted); }
footer { margin-top: 48px; color: var(--muted); font-size: 13px; }
@page { size: A4; margin: 12mm 12mm 14mm; }
@media print {
  body { font-size: 9pt; line-height: 1.35; }
  main { max-width: none; padding: 0; }
  h1 { font-size: 18pt; }
  h2 { font-size: 13pt; margin: 10pt 0 4pt; padding-top: 4pt; }
  h3 { font-size: 10.5pt; margin: 8pt 0 3pt; }
  h2, h3, h4, summary { break-after: avoid; }
  p.lede { margin: 0 0 4pt; font-size: 8.5pt; }
  .figures { gap: 4pt; margin: 6pt 0; grid-template-columns: repeat(5, 1fr); }
  .figure { padding: 3pt 5pt; }
  .figure b { font-size: 13pt; }
  .figure span { font-size: 7.5pt; }
  .national section.county { break-before: page; }
  .maps { break-inside: avoid; }
  .maps figure { max-width: 48%; }
  .county-top { break-inside: avoid; flex-wrap: nowrap; gap: 10pt; }
  .county-top figure.county-map { flex: 0 0 58%; max-width: none; }
  .county-top figure.county-map svg { max-height: 150mm; }
  .county-top .in-short { flex: 1 1 auto; }
  figure, .figures, table.figures-table { break-inside: avoid; }
  tr { break-inside: avoid; }
  .scroll { overflow: visible; }
  table, table.overview { font-size: 7.5pt; line-height: 1.25; margin: 3pt 0 6pt; }
  /* The full list of suggestions follows in print (its details are open): the short list would say it twice. */
  .scroll:has(> table.suggestions) { display: none; }
  th, td, table.overview th, table.overview td { padding: 1px 3px; }
  th { white-space: normal; }
  /* A page has no scroll bar: the matrix's long names (samverkansöverenskommelse) break rather than widen it past the page, which would make the printer shrink every page. */
  table.capability-matrix th { overflow-wrap: anywhere; hyphens: auto; font-size: 6.5pt; }
  details { margin: 2pt 0 6pt; }
  details::details-content { content-visibility: visible; display: block; }
  details > summary { list-style: none; color: var(--ink); font-size: 8.5pt; }
  details > summary::-webkit-details-marker { display: none; }
  a { color: inherit; text-decoration: none; }
  nav, a.back { display: none; }
  dl.defs { columns: 2; column-gap: 12pt; font-size: 7.5pt; }
  dl.defs dt { break-after: avoid; }
  footer { margin-top: 8pt; }
}
`;

/** The writer of one report: its language, and its messages as escaped HTML. */
interface Writer {
  lang: Lang;
  /** A message of the catalogue, as plain text. */
  t(key: MessageKey, params?: Readonly<Record<string, MessageValue>>): string;
  /** The count form of a message, as plain text. */
  n(key: Parameters<typeof messageCount>[1], count: number, params?: Readonly<Record<string, MessageValue>>): string;
}

function writer(lang: Lang): Writer {
  return { lang, t: (key, params) => message(lang, key, params), n: (key, count, params) => messageCount(lang, key, count, params) };
}

function table(headers: { label: string; numeric?: boolean }[], rows: string[][], empty: string, className?: string): string {
  if (rows.length === 0) return `<p class="empty">${h(empty)}</p>`;
  const head = headers.map((c) => `<th${c.numeric ? ' class="n"' : ''}>${h(c.label)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((cell, i) => `<td${headers[i]?.numeric ? ' class="n"' : ''}>${cell}</td>`).join('')}</tr>`).join('\n');
  return `<div class="scroll"><table${className ? ` class="${className}"` : ''}><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></div>`;
}

/** A collapsible block: `summary` (plain text) and its content (HTML). Open in print. */
const details = (summary: string, content: string, className?: string) => `<details${className ? ` class="${className}"` : ''}><summary>${h(summary)}</summary>\n${content}\n</details>`;

function levelBadge(w: Writer, gap: GapRow): string {
  return `<span class="level level-${h(gap.level)}">${h(levelWord(w.lang, gap.level))}</span>`;
}

/** The first `max` gaps as a table, the rest in a collapsed list that opens: every gap is there. */
function gapsList(w: Writer, gaps: GapRow[], max: number): string {
  const headers = [{ label: w.t('report.col.severity') }, { label: w.t('report.col.gap') }];
  const rows = (list: GapRow[]) => list.map((g) => [levelBadge(w, g), h(g.reason)]);
  const shown = table(headers, rows(gaps.slice(0, max)), w.t('report.words.noGaps'), 'gaps');
  const rest = gaps.slice(max);
  if (rest.length === 0) return gaps.length === 0 || max > 0 ? shown : '';
  return `${max > 0 ? shown : ''}\n${details(w.n('report.details.moreGaps', rest.length), table(headers, rows(rest), '', 'gaps'), 'more-gaps')}`;
}

function countyFigures(w: Writer, model: ReportModel, s: CountySection): string {
  const c = s.coverage;
  const lang = w.lang;
  const rows: [string, string][] = [
    [w.t('report.fig.municipalities'), w.t('report.fig.municipalitiesValue', { n: c.municipalityCount, population: c.population })],
    [w.t('report.fig.cooperate'), w.t('report.fig.cooperateValue', { part: c.linkedMunicipalities, total: c.municipalityCount, share: share(lang, c.linkedShare), populationShare: share(lang, c.linkedPopulationShare) })],
    ...model.options.partnerKinds.map((k): [string, string] => [w.t('report.fig.linkedTo', { kind: kindPhrase(lang, k, 'a') }), share(lang, c[`${camelKind(k)}Share`] as number | null)]),
    [w.t('report.fig.borderPairs'), c.borderPairs > 0 ? w.t('report.fig.shareValue', { part: c.cooperatingBorderPairs, total: c.borderPairs, share: share(lang, c.borderPairShare) }) : w.t('report.fig.noBorderPairs')],
    [
      w.t('report.fig.crossCounty'),
      w.t('report.fig.crossCountyValue', { ties: w.n('report.count.ties', c.crossCountyTies), links: w.n('report.count.links', c.crossCountyLinks), counties: w.n('report.count.otherCounties', c.countiesReached ?? 0) }),
    ],
    [w.t('report.fig.groups'), num(lang, c.componentCount)],
    [w.t('report.fig.actors'), w.t('report.fig.actorsValue', { actors: w.n('report.count.actors', s.summary.actorCount), links: w.n('report.count.links', s.summary.linkCount) })],
  ];
  return `<table class="figures-table"><tbody>${rows.map(([k, v]) => `<tr><th scope="row">${h(k)}</th><td>${h(v)}</td></tr>`).join('')}</tbody></table>`;
}

/**
 * The county in sentences, words before numbers: how many cooperate,
 * whether it is one network, and how many gaps it has. (Who links most
 * others and who links the county with others are said in their parts.)
 */
function inShort(w: Writer, s: CountySection): string {
  const c = s.coverage;
  const items = [
    c.linkedMunicipalities === c.municipalityCount ? w.t('report.words.cooperateAll', { total: c.municipalityCount }) : w.t('report.words.cooperate', { part: c.linkedMunicipalities, total: c.municipalityCount }),
    c.componentCount <= 1 ? w.t('report.words.groupsOne') : w.t('report.words.groups', { n: c.componentCount }),
    s.gaps.length > 0 ? w.n('report.words.gaps', s.gaps.length, { serious: s.seriousGaps }) : w.t('report.words.noGaps'),
  ];
  return `<ul class="words">${items.map((i) => `<li>${h(i)}</li>`).join('')}</ul>`;
}

/**
 * A part about ranked actors, words before numbers: the sentence naming the
 * first (marked with its id and measure, so a test can check it is the first
 * by the measure) and the next, then the numbers in a `<details>` element.
 */
function rankedPart(w: Writer, heading: MessageKey, measure: 'betweenness' | 'brokerage', rows: readonly { id: string; name: string }[], numbers: () => string): string {
  const title = `<h3>${h(w.t(heading))}</h3>`;
  const sentence = h(leadSentence(w.lang, rows, measure === 'betweenness' ? 'central' : 'broker'));
  if (rows.length === 0) return `${title}\n<p class="empty">${sentence}</p>`;
  return `${title}\n<p class="lead-actor" data-measure="${measure}" data-actor="${h(rows[0]!.id)}">${sentence}</p>\n${details(w.t('report.details.numbers'), numbers(), 'numbers')}`;
}

/** Who holds the network together: the actor first by betweenness, the numbers in `<details>`. */
function centralPart(w: Writer, s: CountySection): string {
  const lang = w.lang;
  return rankedPart(w, 'report.h.central', 'betweenness', s.central, () =>
    table(
      [{ label: w.t('report.col.rank'), numeric: true }, { label: w.t('report.col.actor') }, { label: w.t('report.col.kind') }, { label: w.t('report.col.betweenness'), numeric: true }, { label: w.t('report.col.partners'), numeric: true }],
      s.central.map((r, i) => [num(lang, i + 1), h(r.name), h(kindPhrase(lang, r.kind, 'name')), num(lang, r.betweenness, 4), num(lang, r.degree)]),
      w.t('report.empty.central'),
    ),
  );
}

/** Who links the county with other counties: the top broker, the role counts and constraint in `<details>`. */
function brokersPart(w: Writer, s: CountySection): string {
  const lang = w.lang;
  return rankedPart(w, 'report.h.brokers', 'brokerage', s.brokers, () =>
    table(
      [
        { label: w.t('report.col.actor') },
        { label: w.t('report.col.kind') },
        { label: w.t('report.col.liaison'), numeric: true },
        { label: w.t('report.col.gatekeeper'), numeric: true },
        { label: w.t('report.col.representative'), numeric: true },
        { label: w.t('report.col.constraint'), numeric: true },
      ],
      s.brokers.map((r) => [h(r.name), h(kindPhrase(lang, r.kind, 'name')), num(lang, r.liaison), num(lang, r.gatekeeper), num(lang, r.representative), num(lang, r.constraint, 3)]),
      w.t('report.empty.brokers'),
    ),
  );
}

function suggestionsSection(w: Writer, model: ReportModel, s: CountySection): string {
  if (model.options.suggestions === 0) return '';
  const lang = w.lang;
  const limit = num(lang, model.options.smallPopulation);
  const byMunicipality = new Map<string, typeof s.recommendations>();
  for (const r of s.recommendations) byMunicipality.set(r.municipality, [...(byMunicipality.get(r.municipality) ?? []), r]);
  const small = s.municipalities.filter((m) => m.population < model.options.smallPopulation && (byMunicipality.get(m.municipality)?.length ?? 0) > 0);
  const heading = `<h3>${h(w.t('report.h.suggestions'))}</h3>`;
  if (small.length === 0) {
    const none = s.municipalities.some((m) => m.population < model.options.smallPopulation) ? w.t('report.words.noSuggestions', { limit }) : w.t('report.words.noSmall', { limit });
    return `${heading}\n<p class="empty">${h(none)}</p>`;
  }
  const who = (m: (typeof small)[number]) => `<b>${h(m.name)}</b><br><span class="empty">${h(w.t('report.suggest.inhabitants', { n: m.population }))}</span>`;
  const overview = table(
    [{ label: w.t('report.col.municipality') }, { label: w.t('report.col.partnersRanked') }],
    small.map((m) => [who(m), h(formatList(lang, byMunicipality.get(m.municipality)!.map((r) => r.name)))]),
    '',
    'suggestions',
  );
  const all = table(
    [{ label: w.t('report.col.municipality') }, { label: w.t('report.col.rank'), numeric: true }, { label: w.t('report.col.partner') }, { label: w.t('report.col.likelihood'), numeric: true }, { label: w.t('report.col.why') }],
    small.flatMap((m) => byMunicipality.get(m.municipality)!.map((r, i) => [i === 0 ? who(m) : '', num(lang, r.rank), h(r.name), share(lang, r.score), h(r.reasons.join('; '))])),
    '',
    'suggestions-all',
  );
  return `${heading}
<p>${h(w.n('report.words.suggestions', small.length, { limit }))}</p>
${overview}
${details(w.t('report.details.allSuggestions'), all, 'all-suggestions')}`;
}

function capabilitiesSection(w: Writer, model: ReportModel, s: CountySection): string {
  const caps = model.capabilities;
  if (!caps || !s.capabilities) return '';
  const lang = w.lang;
  const countShare = (count: number, of: number) => `${num(lang, count)} (${share(lang, of)})`;
  const label = (c: string) => caps.labels[c] ?? c;
  const coverage = table(
    [{ label: w.t('report.cap.col.capability') }, { label: w.t('report.cap.col.yes'), numeric: true }, { label: w.t('report.cap.col.planned'), numeric: true }, { label: w.t('report.cap.col.no'), numeric: true }, { label: w.t('report.cap.col.unknown'), numeric: true }],
    s.capabilities.coverage.map((r) => [h(label(r.capability)), countShare(r.yesCount, r.yesShare), countShare(r.plannedCount, r.plannedShare), countShare(r.noCount, r.noShare), countShare(r.unknownCount, r.unknownShare)]),
    w.t('report.cap.none'),
  );
  const gaps = table(
    [{ label: w.t('report.col.municipality') }, { label: w.t('report.col.severity') }, { label: w.t('report.col.why') }],
    s.capabilities.gaps.map((g) => [h(g.name), h(levelWord(lang, g.severity)), h(g.reason)]),
    caps.census ? w.t('report.cap.noGapsCensus') : w.t('report.cap.noGapsPartial'),
  );
  const codes = s.capabilities.coverage.map((r) => r.capability);
  const stateWord = (state: string) => (['yes', 'planned', 'no', 'unknown'].includes(state) ? w.t(`report.cap.state.${state}` as MessageKey) : state);
  const byMunicipality = new Map<string, Map<string, string>>();
  const names = new Map<string, string>();
  for (const r of s.capabilities.municipalities) {
    names.set(r.municipality, r.name);
    let states = byMunicipality.get(r.municipality);
    if (!states) byMunicipality.set(r.municipality, (states = new Map()));
    states.set(r.capability, r.state);
  }
  const who = table(
    [{ label: w.t('report.col.municipality') }, ...codes.map((c) => ({ label: label(c) }))],
    [...byMunicipality].map(([code, states]) => [h(names.get(code) ?? code), ...codes.map((c) => `<span class="state-${h(states.get(c) ?? 'unknown')}">${h(stateWord(states.get(c) ?? 'unknown'))}</span>`)]),
    w.t('report.cap.noMunicipality'),
    'capability-matrix',
  );
  const reach = table(
    [{ label: w.t('report.col.municipality') }, { label: w.t('report.cap.col.lacks') }, { label: w.t('report.cap.col.nearest') }, { label: w.t('report.cap.col.km'), numeric: true }, { label: w.t('report.cap.col.cooperating') }],
    s.capabilities.reach.map((r) => [
      h(r.name),
      h(r.state === 'planned' ? w.t('report.cap.settingUp', { capability: label(r.capability) }) : label(r.capability)),
      h(r.sourceName ?? w.t('report.cap.nobody')),
      r.distanceKm === null ? '' : num(lang, r.distanceKm),
      r.cooperating === null ? '' : h(message(lang, r.cooperating ? 'yes' : 'no')),
    ]),
    w.t('report.cap.noLack'),
  );
  return `<h3>${h(w.t('report.h.capabilities'))}</h3>
<p class="empty">${h(caps.census ? w.t('report.cap.census') : w.t('report.cap.partial'))}</p>
${coverage}
${s.capabilities.map?.svg ? `<figure class="capability-map-figure">${s.capabilities.map.svg}<figcaption>${h(`${s.capabilities.map.title}. ${s.capabilities.map.sourceLine} ${s.capabilities.map.dateLine}.`)}</figcaption></figure>` : ''}
${details(`${w.t('report.details.whoHasWhat')} (${w.t('report.cap.unknownMark')})`, who)}
<h4>${h(w.t('report.h.reach'))}</h4>
${reach}
<h4>${h(w.t('report.h.capabilityGaps'))}</h4>
${gaps}`;
}

/** Municipality names are written on a map of at most this many (Västra Götaland has 49). */
const MAX_LABELLED = 60;

/** The polygons the maps draw, and whether they cover the geography; `null` with the sentence that says why there are no maps. */
function mapShapes(w: Writer, model: ReportModel, net: CooperationNetwork): { drawn: Set<string> } | { none: string } {
  const features = model.options.features;
  const drawn = new Set((features ?? geographyMapFeatures(net.geography)).features.map((f) => f.properties.code));
  if (!net.geography.municipalities.some((m) => drawn.has(m.code))) {
    return { none: features ? w.t('report.map.noneGiven') : w.t('report.map.noneOwn', { geography: geographyName(net.geography, w.lang) }) };
  }
  if (!model.scope.national && !model.scope.municipalities.some((c) => drawn.has(c))) return { none: w.t('report.map.noneScope', { area: model.area }) };
  return { drawn };
}

function coverageCaption(w: Writer, model: ReportModel): string {
  return w.t('report.map.caption', { items: formatList(w.lang, [w.t('report.map.captionTie'), ...model.options.partnerKinds.map((k) => kindPhrase(w.lang, k, 'a'))]) });
}

/**
 * The map of one county section (`renderCountyMap`): the county's
 * municipalities at county scale, named, the cooperation ties drawn (width
 * by strength, solid for direct links, dashed for shared bodies), the
 * neighbouring counties greyed with the ties across the border, and the
 * county's gaps marked.
 */
function countyMap(w: Writer, model: ReportModel, net: CooperationNetwork, s: CountySection, drawn: Set<string>): string {
  if (!s.municipalities.some((m) => drawn.has(m.municipality))) return '';
  const features = model.options.features;
  const svg = renderCountyMap(net, {
    county: s.coverage.county,
    lang: w.lang,
    gaps: s.gaps,
    ...(features && { features }),
    ...(model.dataDescription && { source: model.dataDescription }),
  });
  return `<figure class="county-map">${svg}</figure>`;
}

function countySection(w: Writer, model: ReportModel, net: CooperationNetwork, s: CountySection, national: boolean): string {
  const c = s.coverage;
  const shapes = model.options.maps ? mapShapes(w, model, net) : undefined;
  const map = shapes && 'drawn' in shapes ? countyMap(w, model, net, s, shapes.drawn) : '';
  return `<section class="county" id="county-${h(c.county)}">
<h2>${h(c.name)}</h2>
<div class="county-top">
${map}
<div class="in-short">
<h3>${h(w.t('report.h.inShort'))}</h3>
${inShort(w, s)}
${countyFigures(w, model, s)}
</div>
</div>
${centralPart(w, s)}
${brokersPart(w, s)}
<h3>${h(w.t('report.h.gaps'))}</h3>
${s.gaps.length > 0 ? gapsList(w, s.gaps, model.options.maxGaps) : `<p class="empty">${h(w.t('report.words.noGaps'))}</p>`}
${suggestionsSection(w, model, s)}
${capabilitiesSection(w, model, s)}
${national ? `<p><a class="back" href="#overview">${h(w.t('report.nav.top'))}</a></p>` : ''}
</section>`;
}

function overview(w: Writer, model: ReportModel): string {
  const lang = w.lang;
  const kinds = model.options.partnerKinds;
  const rows = overviewRows(model).map((r) => ({ c: r.coverage, serious: r.seriousGaps, national: r.total }));
  return table(
    [
      { label: w.t('report.col.county') },
      { label: w.t('report.col.municipalities'), numeric: true },
      { label: w.t('report.col.cooperating'), numeric: true },
      { label: w.t('report.col.populationReached'), numeric: true },
      ...kinds.map((k) => ({ label: w.t('report.col.withKind', { kinds: kindPhrase(lang, k, 'many') }), numeric: true })),
      { label: w.t('report.col.borderPairs'), numeric: true },
      { label: w.t('report.col.crossCounty'), numeric: true },
      { label: w.t('report.col.groups'), numeric: true },
      { label: w.t('report.col.meanCoverage'), numeric: true },
      { label: w.t('report.col.serious'), numeric: true },
    ],
    rows.map(({ c, serious, national }) => [
      national ? `<b>${h(c.name)}</b>` : `<a href="#county-${h(c.county)}" title="${h(w.t('report.nav.toCounty', { county: c.name }))}">${h(c.name)}</a>`,
      num(lang, c.municipalityCount),
      share(lang, c.linkedShare),
      share(lang, c.linkedPopulationShare),
      ...kinds.map((k) => share(lang, c[`${camelKind(k)}Share`] as number | null)),
      share(lang, c.borderPairShare),
      num(lang, c.crossCountyTies),
      num(lang, c.componentCount),
      share(lang, c.meanCoverage),
      num(lang, serious),
    ]),
    w.t('report.overview.empty'),
    'overview',
  );
}

/** The maps of a report of more than one county: mean coverage per county and coverage per municipality. */
function maps(w: Writer, model: ReportModel, net: CooperationNetwork): string {
  if (!model.options.maps) return '';
  const shapes = mapShapes(w, model, net);
  if ('none' in shapes) return `<p class="empty">${h(shapes.none)}</p>`;
  // One county: its section's map is the map.
  if (model.counties.length === 1) return '';
  const features = model.options.features;
  // A report about part of the country maps that part, at its scale: the rest is not data, so it is not drawn.
  const scope = model.scope;
  const codes = scope.national ? undefined : scope.municipalities.filter((c) => shapes.drawn.has(c));
  // In the report's language, with the source line and data date every map carries.
  const shape = {
    ...(features && { features }),
    ...(codes && { codes, labels: codes.length <= MAX_LABELLED }),
    lang: w.lang,
    ...(model.dataDescription !== undefined && { source: model.dataDescription }),
    ...(model.dataDate !== undefined && { date: model.dataDate }),
  };
  const fmt = (v: number) => share(w.lang, v);
  const municipalMap = renderMap({
    ...shape,
    values: new Map(model.municipalities.map((r) => [r.municipality, r.coverage])),
    geography: net.geography,
    title: scope.national ? w.t('report.map.municipal') : w.t('report.map.municipalArea', { area: model.area }),
    legendLabel: w.t('report.map.legend'),
    format: fmt,
  });
  const countyMap = renderMap({
    ...shape,
    labels: false,
    values: new Map(model.counties.map((s) => [s.coverage.county, s.coverage.meanCoverage])),
    level: 'county',
    geography: net.geography,
    title: w.t('report.map.county'),
    legendLabel: w.t('report.map.legend'),
    format: fmt,
  });
  return `<div class="maps">
<figure>${countyMap}<figcaption>${h(w.t('report.map.countyCaption'))}</figcaption></figure>
<figure>${municipalMap}<figcaption>${h(coverageCaption(w, model))}</figcaption></figure>
</div>`;
}

/** The area the report is about, in a sentence, in the report's language. */
export function scopeSentence(model: ReportModel): string {
  const w = writer(model.lang);
  const s = model.scope;
  if (s.national) return w.t('report.scope.national', { geography: model.geographyName });
  return `${w.t('report.scope.area', { area: model.area })}${s.source === 'inferred' ? ` ${w.t('report.scope.inferred')}` : ''}`;
}

/** The line under the title: what the data is and its date, in the report's language. */
export function dateSentence(model: ReportModel): string {
  const w = writer(model.lang);
  if (!model.dataDate) return w.t('report.lede.undated');
  return w.t(model.dataDateIsSnapshot ? 'report.lede.snapshot' : 'report.lede.upTo', { date: formatDateOf(model) });
}

const formatDateOf = (model: ReportModel) => (model.dataDate ? formatDateIn(model.lang, model.dataDate) : '');

function definitions(w: Writer, model: ReportModel): string {
  const lang = w.lang;
  const items = formatList(lang, [w.t('report.map.captionTie'), ...model.options.partnerKinds.map((k) => kindPhrase(lang, k, 'a'))]);
  const levels = Object.entries(SEVERITY_LEVELS)
    .reverse()
    .map(([n, l]) => `${n} ${levelWord(lang, l)}`)
    .join(', ');
  const terms: [MessageKey, string][] = [
    ['report.def.tie', w.t('report.def.tieText')],
    ['report.def.cooperating', w.t('report.def.cooperatingText')],
    ['report.def.reach', w.t('report.def.reachText')],
    ['report.def.coverage', w.t('report.def.coverageText', { items })],
    ['report.def.borderPairs', w.t('report.def.borderPairsText')],
    ['report.def.groups', w.t('report.def.groupsText')],
    ['report.def.betweenness', w.t('report.def.betweennessText')],
    ['report.def.brokerage', w.t('report.def.brokerageText')],
    ['report.def.constraint', w.t('report.def.constraintText')],
    ['report.def.suggestions', w.t('report.def.suggestionsText')],
    ['report.def.severity', w.t('report.def.severityText', { levels, limit: num(lang, model.options.smallPopulation) })],
  ];
  return `<dl class="defs">${terms.map(([t, d]) => `<dt>${h(w.t(t))}</dt><dd>${h(d)}</dd>`).join('')}</dl>`;
}

/** Render a report model as one self-contained HTML page (no scripts, no external resources), in the model's language. */
export function renderReportHtml(model: ReportModel, net: CooperationNetwork): string {
  const w = writer(model.lang);
  const lang = w.lang;
  const n = model.national;
  const national = model.counties.length > 1;
  const dateLine = dateSentence(model);
  const area = national ? w.n('report.figure.counties', model.counties.length) : model.counties.length === 1 ? model.counties[0]!.coverage.name : model.area;
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${h(model.title)}</title>
<style>${CSS}</style>
</head>
<body>
<main class="${national ? 'national' : 'county-report'}">
<header>
<h1>${h(model.title)}</h1>
<p class="lede">${h(model.geographyName)}${model.dataDescription ? ` · ${h(model.dataDescription)}` : ''} · ${h(dateLine)}</p>
<p class="lede scope">${h(scopeSentence(model))}</p>
${model.notes.map((note) => `<p class="lede note">${h(note)}</p>`).join('\n')}
</header>
<div class="figures">
<div class="figure"><b>${num(lang, n.municipalityCount)}</b><span>${h(w.t('report.figure.municipalities', { area }))}</span></div>
<div class="figure"><b>${share(lang, n.linkedShare)}</b><span>${h(w.t('report.figure.cooperate'))}</span></div>
<div class="figure"><b>${share(lang, n.borderPairShare)}</b><span>${h(w.t('report.figure.borderPairs'))}</span></div>
${
  // One county: its own actors and links, not the whole data's.
  model.counties.length === 1
    ? `<div class="figure"><b>${num(lang, model.counties[0]!.summary.actorCount)}</b><span>${h(w.t('report.figure.actorsCounty', { links: num(lang, model.counties[0]!.summary.linkCount) }))}</span></div>`
    : `<div class="figure"><b>${num(lang, model.actors)}</b><span>${h(w.t('report.figure.actors', { links: num(lang, model.links) }))}</span></div>`
}
<div class="figure"><b>${num(lang, model.seriousGaps)}</b><span>${h(w.t('report.figure.serious'))}</span></div>
</div>
${maps(w, model, net)}
${
  // A county report has one county: its section is the overview.
  national
    ? `<h2 id="overview">${h(w.t('report.overview.title'))}</h2>
${overview(w, model)}
<nav><h3>${h(w.t('report.nav.counties'))}</h3><ol>${model.counties.map((s) => `<li><a href="#county-${h(s.coverage.county)}">${h(s.coverage.name)}</a></li>`).join('')}</ol></nav>
`
    : ''
}${model.counties.map((s) => countySection(w, model, net, s, national)).join('\n')}
<section class="back-matter">
<h2 id="definitions">${h(w.t('report.h.definitions'))}</h2>
${definitions(w, model)}
<h2 id="sources">${h(w.t('report.h.sources'))}</h2>
<p>${h(model.geographySource ?? w.t('report.sources.geography', { geography: model.geographyName }))}</p>
<p>${h(w.t('report.sources.population', { date: model.populationDate ? formatDateIn(lang, model.populationDate) : message(lang, 'unknown') }))} ${h(dateLine)}${model.dataDescription ? ` ${h(w.t('report.sources.cooperation', { description: model.dataDescription }))}` : ''}</p>
</section>
<footer>${h(w.t('report.footer'))}</footer>
</main>
</body>
</html>
`;
}

/**
 * The county report as one self-contained HTML file, in Swedish or English
 * (`lang`; default the geography's language): per county a map at county
 * scale with its municipalities named, the county in sentences (who links
 * most others, who links it with other counties, its gaps), the numbers
 * behind each sentence in `<details>`, every gap and suggestion (the longer
 * lists collapsed, open in print); for more than one county, maps of
 * coverage per county and municipality and an overview that links to each
 * county's section; then definitions and data sources. With `county`, the
 * report is that county's. A print stylesheet lays it out on A4. Needs no
 * network access and runs no script (a Content-Security-Policy forbids
 * both); every user string is escaped.
 *
 * @example
 * writeFileSync('report.html', renderReport(loadNetwork(demoDataset())));
 */
export function renderReport(net: CooperationNetwork, options: ReportOptions = {}): string {
  const scoped = reportNetwork(net, options.county);
  return renderReportHtml(buildReport(scoped, options), scoped);
}
