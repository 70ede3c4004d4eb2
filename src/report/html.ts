import { camelKind } from '../analysis/view.js';
import { SEVERITY_LEVELS, type GapRow } from '../analysis/gaps.js';
import { kindWords, plural } from '../model/words.js';
import type { CooperationNetwork } from '../model/network.js';
import { escapeHtml } from './escape.js';
import { defaultMapFeatures, renderMap } from './map.js';
import { DEFAULT_COUNTRY } from '../countries/default.js';
import { buildReport, type CountySection, type ReportModel, type ReportOptions } from './model.js';

/** A share as a whole percentage, `null` as an en dash. */
export function percent(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '–' : `${Math.round(value * 100)}%`;
}

/** A number with a no-break-space thousands separator (as {@link formatCount}) and at most `decimals` decimals. */
export function number(value: number | null | undefined, decimals = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  const fixed = value.toFixed(decimals);
  const [int, frac] = fixed.split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return frac !== undefined && /[1-9]/.test(frac) ? `${grouped}.${frac.replace(/0+$/, '')}` : grouped;
}

const h = escapeHtml;

/** "a" or "an" before a word (by its first letter; good enough for kind names). */
const article = (word: string) => (/^[aeiouåäö]/i.test(word) ? `an ${word}` : `a ${word}`);

const CSS = `
:root { color-scheme: light; --ink: #1d2430; --muted: #5b6575; --line: #d9dee6; --soft: #f4f6f9; --accent: #2f5d8c; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #fff; }
main { max-width: 1100px; margin: 0 auto; padding: 24px 20px 64px; }
h1 { font-size: 28px; margin: 0 0 4px; }
h2 { font-size: 21px; margin: 40px 0 8px; padding-top: 12px; border-top: 2px solid var(--line); }
h3 { font-size: 16px; margin: 20px 0 6px; }
p.lede { color: var(--muted); margin: 0 0 16px; }
.figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(160px, 1fr)); gap: 10px; margin: 16px 0; }
.figure { background: var(--soft); border-radius: 6px; padding: 10px 12px; }
.figure b { display: block; font-size: 22px; }
.figure span { color: var(--muted); font-size: 13px; }
.maps { display: flex; flex-wrap: wrap; gap: 16px; justify-content: center; }
.maps figure { margin: 0; flex: 1 1 320px; max-width: 480px; }
.maps svg { width: 100%; height: auto; }
.maps figcaption { color: var(--muted); font-size: 13px; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; font-size: 14px; }
th, td { padding: 4px 8px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
th { background: var(--soft); font-weight: 600; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
td.n { white-space: nowrap; }
th { vertical-align: bottom; }
nav ol { columns: 3 220px; padding-left: 20px; }
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
@media print {
  body { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  h2 { break-before: page; }
  .maps figure { max-width: 45%; }
  .scroll { overflow: visible; }
  table, table.overview { font-size: 8pt; }
  th, td, table.overview th, table.overview td { padding: 1px 2px; }
  th { white-space: normal; }
}
`;

function table(headers: { label: string; numeric?: boolean }[], rows: string[][], empty: string, className?: string): string {
  if (rows.length === 0) return `<p class="empty">${h(empty)}</p>`;
  const head = headers.map((c) => `<th${c.numeric ? ' class="n"' : ''}>${h(c.label)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((cell, i) => `<td${headers[i]?.numeric ? ' class="n"' : ''}>${cell}</td>`).join('')}</tr>`).join('\n');
  return `<div class="scroll"><table${className ? ` class="${className}"` : ''}><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></div>`;
}

function levelBadge(gap: GapRow): string {
  return `<span class="level level-${gap.level}">${h(gap.level)}</span>`;
}

function gapsTable(gaps: GapRow[], max: number): string {
  const shown = gaps.slice(0, max);
  const html = table(
    [{ label: 'Severity' }, { label: 'Gap' }],
    shown.map((g) => [levelBadge(g), h(g.reason)]),
    'No gaps found.',
  );
  const rest = gaps.length - shown.length;
  return rest > 0 ? `${html}<p class="empty">… and ${rest} more gap${rest === 1 ? '' : 's'} of lower or equal severity.</p>` : html;
}

function countyFigures(model: ReportModel, s: CountySection): string {
  const c = s.coverage;
  const kinds = model.options.partnerKinds;
  const rows: [string, string][] = [
    ['Municipalities', `${c.municipalityCount} (${number(c.population)} inhabitants)`],
    ['Cooperate with another municipality', `${c.linkedMunicipalities} of ${c.municipalityCount} (${percent(c.linkedShare)}; ${percent(c.linkedPopulationShare)} of the population)`],
    ...kinds.map((k): [string, string] => [`Linked to ${article(kindWords(k))}`, percent(c[`${camelKind(k)}Share`] as number | null)]),
    ['Bordering pairs that cooperate', c.borderPairs > 0 ? `${c.cooperatingBorderPairs} of ${c.borderPairs} (${percent(c.borderPairShare)})` : 'no internal border pairs'],
    ['Cross-county cooperation', `${plural(c.crossCountyTies, 'municipality tie')} and ${plural(c.crossCountyLinks, 'link')} across the county border, reaching ${plural(c.countiesReached ?? 0, 'other county', 'other counties')}`],
    ['Separate groups of municipalities', String(c.componentCount)],
    ['Actors and links', `${plural(s.summary.actorCount, 'actor')} besides the municipalities; ${plural(s.summary.linkCount, 'link')}`],
  ];
  return `<table class="figures-table"><tbody>${rows.map(([k, v]) => `<tr><th scope="row">${h(k)}</th><td>${h(v)}</td></tr>`).join('')}</tbody></table>`;
}

function suggestionsSection(model: ReportModel, s: CountySection): string {
  if (model.options.suggestions === 0) return '';
  const byMunicipality = new Map<string, typeof s.recommendations>();
  for (const r of s.recommendations) byMunicipality.set(r.municipality, [...(byMunicipality.get(r.municipality) ?? []), r]);
  const small = s.municipalities.filter((m) => m.population < model.options.smallPopulation);
  const rows = small.flatMap((m) =>
    (byMunicipality.get(m.municipality) ?? []).map((r, i) => [
      i === 0 ? `<b>${h(m.name)}</b><br><span class="empty">${h(number(m.population))} inhabitants</span>` : '',
      h(String(r.rank)),
      h(r.name),
      h(number(r.score, 2)),
      h(r.reasons.join('; ')),
    ]),
  );
  return `<h3>Suggested partners for small municipalities</h3>
${table([{ label: 'Municipality' }, { label: 'Rank', numeric: true }, { label: 'Suggested partner' }, { label: 'Score', numeric: true }, { label: 'Why' }], rows, `${small.length === 0 ? 'The county has no small municipality' : 'No suggestions'} (fewer than ${number(model.options.smallPopulation)} inhabitants).`)}`;
}

/** Counts with shares: `3 (19 %)`. */
const countShare = (count: number, share: number) => `${number(count)} (${percent(share)})`;

function capabilitiesSection(model: ReportModel, s: CountySection): string {
  const caps = model.capabilities;
  if (!caps || !s.capabilities) return '';
  const coverage = table(
    [{ label: 'Capability' }, { label: 'Yes', numeric: true }, { label: 'Planned', numeric: true }, { label: 'No', numeric: true }, { label: 'Unknown', numeric: true }],
    s.capabilities.coverage.map((r) => [h(caps.labels[r.capability] ?? r.capability), countShare(r.yesCount, r.yesShare), countShare(r.plannedCount, r.plannedShare), countShare(r.noCount, r.noShare), countShare(r.unknownCount, r.unknownShare)]),
    'No capability records.',
  );
  const gaps = table(
    [{ label: 'Municipality' }, { label: 'Severity' }, { label: 'Why' }],
    s.capabilities.gaps.map((g) => [h(g.name), h(g.severity), h(g.reason)]),
    caps.census ? 'No municipality lacks a capability.' : 'No municipality is recorded as lacking a capability (unknown is not counted as lacking).',
  );
  const codes = s.capabilities.coverage.map((r) => r.capability);
  const stateWord: Record<string, string> = { yes: 'yes', planned: 'planned', no: 'no', unknown: '?' };
  const byMunicipality = new Map<string, Map<string, string>>();
  const names = new Map<string, string>();
  for (const r of s.capabilities.municipalities) {
    names.set(r.municipality, r.name);
    let states = byMunicipality.get(r.municipality);
    if (!states) byMunicipality.set(r.municipality, (states = new Map()));
    states.set(r.capability, r.state);
  }
  const who = table(
    [{ label: 'Municipality' }, ...codes.map((c) => ({ label: caps.labels[c] ?? c }))],
    [...byMunicipality].map(([code, states]) => [h(names.get(code) ?? code), ...codes.map((c) => `<span class="state-${h(states.get(c) ?? 'unknown')}">${h(stateWord[states.get(c) ?? 'unknown'] ?? '?')}</span>`)]),
    'No municipality.',
  );
  const reach = table(
    [{ label: 'Municipality' }, { label: 'Lacks' }, { label: 'Nearest that has it' }, { label: 'Km', numeric: true }, { label: 'Already cooperate' }],
    s.capabilities.reach.map((r) => [h(r.name), h(`${caps.labels[r.capability] ?? r.capability}${r.state === 'planned' ? ' (setting up)' : ''}`), h(r.sourceName ?? 'nobody in the data'), r.distanceKm === null ? '' : number(r.distanceKm), r.cooperating === null ? '' : r.cooperating ? 'yes' : 'no']),
    'No municipality is recorded as lacking a capability.',
  );
  const note = caps.census
    ? 'The capability records are a complete census: a municipality without a record lacks the capability.'
    : 'The capability records are partial: a municipality without a record is unknown, not without the capability.';
  const map = s.capabilities.map;
  return `<h3>Capabilities</h3>
<p class="empty">${h(note)}</p>
${coverage}
${map?.svg ? `<figure class="capability-map-figure">${map.svg}<figcaption>${h(`${map.title}. ${map.sourceLine} ${map.dateLine}.`)}</figcaption></figure>` : ''}
<details><summary>Which municipalities have what (? = unknown)</summary>
${who}
</details>
<h4>Where the nearest competence is</h4>
${reach}
<h4>Capability gaps</h4>
${gaps}`;
}

function countySection(model: ReportModel, s: CountySection): string {
  const c = s.coverage;
  const central = table(
    [{ label: 'Actor' }, { label: 'Kind' }, { label: 'Betweenness', numeric: true }, { label: 'Partners', numeric: true }],
    s.central.map((r) => [h(r.name), h(kindWords(r.kind)), number(r.betweenness, 4), number(r.degree)]),
    'No actor of the county lies on shortest paths between others.',
  );
  const brokers = table(
    [{ label: 'Actor' }, { label: 'Kind' }, { label: 'Liaison', numeric: true }, { label: 'Gatekeeper', numeric: true }, { label: 'Representative', numeric: true }, { label: 'Constraint', numeric: true }],
    s.brokers.map((r) => [h(r.name), h(kindWords(r.kind)), number(r.liaison), number(r.gatekeeper), number(r.representative), number(r.constraint, 3)]),
    'No actor of the county brokers between counties.',
  );
  return `<section id="county-${h(c.county)}">
<h2>${h(c.name)}</h2>
${countyFigures(model, s)}
<h3>Most central actors</h3>
${central}
<h3>Actors that bridge counties</h3>
${brokers}
<h3>Gaps</h3>
${gapsTable(s.gaps, model.options.maxGaps)}
${suggestionsSection(model, s)}
${capabilitiesSection(model, s)}
</section>`;
}

function overview(model: ReportModel): string {
  const kinds = model.options.partnerKinds;
  const rows = [...model.counties.map((s) => ({ c: s.coverage, serious: s.seriousGaps, national: false })), { c: model.national, serious: model.seriousGaps, national: true }];
  return table(
    [
      { label: 'County' },
      { label: 'Munici\u00adpalities', numeric: true },
      { label: 'Coop\u00aderating', numeric: true },
      { label: 'Popu\u00adlation reached', numeric: true },
      ...kinds.map((k) => ({ label: `With ${kindWords(k, 2)}`, numeric: true })),
      { label: 'Border pairs cooperating', numeric: true },
      { label: 'Cross-county ties', numeric: true },
      { label: 'Groups', numeric: true },
      { label: 'Mean coverage', numeric: true },
      { label: 'Serious gaps', numeric: true },
    ],
    rows.map(({ c, serious, national }) => [
      national ? `<b>${h(c.name)}</b>` : `<a href="#county-${h(c.county)}">${h(c.name)}</a>`,
      number(c.municipalityCount),
      percent(c.linkedShare),
      percent(c.linkedPopulationShare),
      ...kinds.map((k) => percent(c[`${camelKind(k)}Share`] as number | null)),
      percent(c.borderPairShare),
      number(c.crossCountyTies),
      number(c.componentCount),
      percent(c.meanCoverage),
      number(serious),
    ]),
    'No counties.',
    'overview',
  );
}

function maps(model: ReportModel, net: CooperationNetwork): string {
  if (!model.options.maps) return '';
  const features = model.options.features;
  const drawn = new Set((features ?? defaultMapFeatures()).features.map((f) => f.properties.code));
  if (!net.geography.municipalities.some((m) => drawn.has(m.code))) {
    return `<p class="empty">No maps: the map polygons (${features ? 'the features given' : `${h(DEFAULT_COUNTRY.name)}’s, by default`}) cover none of this geography’s municipalities. Pass <code>features</code> (GeoJSON with a <code>code</code> per municipality) to draw them.</p>`;
  }
  // A report about part of the country maps that part, at its scale: the rest is not data, so it is not drawn.
  const scope = model.scope;
  const codes = scope.national ? undefined : scope.municipalities.filter((c) => drawn.has(c));
  if (codes !== undefined && codes.length === 0) {
    return `<p class="empty">No maps: the map polygons cover none of the municipalities of ${h(scope.description)}.</p>`;
  }
  const shape = { ...(features && { features }), ...(codes && { codes, labels: codes.length <= MAX_LABELLED }) };
  const countyValues = new Map(model.counties.map((s) => [s.coverage.county, s.coverage.meanCoverage]));
  const municipalValues = new Map(model.municipalities.map((r) => [r.municipality, r.coverage]));
  const fmt = (v: number) => percent(v);
  const caption = `Coverage of each municipality: the share of {a municipality tie, ${h(model.options.partnerKinds.map((k) => kindWords(k)).join(', '))}} it has.`;
  const municipalMap = renderMap({
    ...shape,
    values: municipalValues,
    geography: net.geography,
    title: scope.national ? 'Coverage per municipality' : `Coverage per municipality: ${scope.description}`,
    legendLabel: 'coverage',
    format: fmt,
  });
  // One county: its mean is one colour, said in the figures; the map of its municipalities is the map.
  if (model.counties.length === 1) {
    return `<div class="maps">
<figure class="county-map">${municipalMap}<figcaption>${caption}</figcaption></figure>
</div>`;
  }
  const countyMap = renderMap({
    ...shape,
    labels: false,
    values: countyValues,
    level: 'county',
    geography: net.geography,
    title: 'Mean coverage per county',
    legendLabel: 'coverage',
    format: fmt,
  });
  return `<div class="maps">
<figure>${countyMap}<figcaption>Mean municipality coverage in each county.</figcaption></figure>
<figure>${municipalMap}<figcaption>${caption}</figcaption></figure>
</div>`;
}

/** Municipality names are written on a map of at most this many (Västra Götaland has 49). */
const MAX_LABELLED = 60;

/** The area the report is about, in a sentence. */
export function scopeSentence(model: ReportModel): string {
  const s = model.scope;
  if (s.national) return `Area: all of ${model.geographyName}.`;
  const how = s.source === 'inferred' ? ` (inferred from ${s.basis ?? 'the data'}; samverkan report --county to change it)` : '';
  return `Area: ${s.description}${how}. Municipalities elsewhere are not part of the data, so they are neither gaps nor counted.`;
}

function definitions(model: ReportModel): string {
  const kinds = model.options.partnerKinds.map((k) => kindWords(k)).join(', ');
  const items: [string, string][] = [
    ['Municipality tie', 'Two municipalities cooperate when a link joins their actors (a municipality, or an actor that belongs to it) or when both are members of the same joint body.'],
    ['Cooperating', 'Share of the municipalities with at least one municipality tie; population reached weights the same by population.'],
    ['Reach of a partner kind', 'Share of the municipalities linked directly to at least one actor of that kind.'],
    ['Coverage', `For a municipality, the share of {a municipality tie, ${kinds}} it has, from 0% to 100%; for a county, the mean over its municipalities.`],
    ['Border pairs cooperating', 'Share of the pairs of bordering municipalities within the county that have a municipality tie.'],
    ['Groups', 'Connected groups of municipalities, using ties within the county; 1 means one connected county network.'],
    ['Betweenness', 'Share of shortest paths between other actors that pass through the actor (Brandes 2001, normalised as NetworkX).'],
    ['Liaison, gatekeeper, representative', 'Gould–Fernandez brokerage positions with counties as groups: the actor links two partners that are not linked to each other, across county lines.'],
    ['Constraint', "Burt's constraint: low values mean the actor's partners are not tied to each other, so the actor bridges structural holes."],
    ['Suggested partners', 'Municipalities of the area ranked by the learned recommender: a model of whom Swedish municipalities chose when they formed joint bodies (distance, borders, county and labour-market region, size, how near each one’s partners are). The score is the probability that the candidate is the one chosen; municipalities it already cooperates with are left out.'],
    ['Severity', Object.entries(SEVERITY_LEVELS).reverse().map(([n, l]) => `${n} ${l}`).join(', ') + '. Small municipalities (fewer than ' + number(model.options.smallPopulation) + ' inhabitants) rank higher.'],
  ];
  return `<dl class="defs">${items.map(([t, d]) => `<dt>${h(t)}</dt><dd>${h(d)}</dd>`).join('')}</dl>`;
}

/** Render a report model as one self-contained HTML page (no scripts, no external resources). */
export function renderReportHtml(model: ReportModel, net: CooperationNetwork): string {
  const n = model.national;
  const serious = model.seriousGaps;
  const dateLine = model.dataDate
    ? model.dataDateIsSnapshot
      ? `Links active on ${model.dataDate}.`
      : `Links dated up to ${model.dataDate}.`
    : 'The links carry no dates.';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${h(model.title)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
<header>
<h1>${h(model.title)}</h1>
<p class="lede">${h(model.geographyName)}${model.dataDescription ? ` · ${h(model.dataDescription)}` : ''} · ${h(dateLine)}</p>
<p class="lede scope">${h(scopeSentence(model))}</p>
${model.notes.map((note) => `<p class="lede">${h(note)}</p>`).join('\n')}
</header>
<div class="figures">
<div class="figure"><b>${number(n.municipalityCount)}</b><span>municipalities in ${model.counties.length === 1 ? h(model.counties[0]!.coverage.name) : `${model.counties.length} counties`}</span></div>
<div class="figure"><b>${percent(n.linkedShare)}</b><span>cooperate with another municipality</span></div>
<div class="figure"><b>${percent(n.borderPairShare)}</b><span>of bordering pairs cooperate</span></div>
<div class="figure"><b>${number(model.actors)}</b><span>actors, ${number(model.links)} links</span></div>
<div class="figure"><b>${number(serious)}</b><span>critical or high gaps</span></div>
</div>
${maps(model, net)}
${
  // A county report has one county: its section is the overview.
  model.counties.length > 1
    ? `<h2 id="overview">Counties at a glance</h2>
${overview(model)}
<nav><h3>Counties</h3><ol>${model.counties.map((s) => `<li><a href="#county-${h(s.coverage.county)}">${h(s.coverage.name)}</a></li>`).join('')}</ol></nav>
`
    : ''
}${model.counties.map((s) => countySection(model, s)).join('\n')}
<h2 id="definitions">Definitions</h2>
${definitions(model)}
<h2 id="sources">Data and sources</h2>
<p>${h(model.geographySource ?? `Geography: ${model.geographyName}.`)}</p>
<p>Population date: ${h(model.populationDate ?? 'unknown')}. ${h(dateLine)}${model.dataDescription ? ` Cooperation data: ${h(model.dataDescription)}.` : ''}</p>
<footer>Made with samverkan.</footer>
</main>
</body>
</html>
`;
}

/**
 * The county report as one self-contained HTML file: maps of coverage per
 * county and municipality (SVG), a national overview table, and per county
 * its coverage figures, most central and brokering actors and its gaps, then
 * definitions and data sources. Needs no network access and runs no script
 * (a Content-Security-Policy forbids both); every user string is escaped.
 *
 * @example
 * writeFileSync('report.html', renderReport(loadNetwork(demoDataset())));
 */
export function renderReport(net: CooperationNetwork, options: ReportOptions = {}): string {
  return renderReportHtml(buildReport(net, options), net);
}
