/**
 * A map of one capability (`renderCapabilityMap`): each municipality
 * coloured by its state, yes, planned, no or unknown, as four classes apart
 * (categorical, colour-blind safe and distinct in greyscale: unknown is
 * hatched, not a colour), with a title, a legend with the count of each
 * class, a source line and the data date; marked synthetic when the
 * records are. The same data as a table for Markdown
 * (`capabilityMapData`).
 *
 * @module
 */
import { z } from 'zod';
import { CAPABILITY_STATES, CapabilitySet, type CapabilityState } from '../../model/capabilities.js';
import { ArgumentError } from '../../model/errors.js';
import { cmp } from '../../model/geography.js';
import { requireGeography, type CooperationNetwork } from '../../model/network.js';
import { parseOptions } from '../../model/options.js';
import { escapeXml } from '../escape.js';
import { escapeMarkdownCell, formatMarkdownTable } from '../table.js';
import { defaultMapFeatures } from './features.js';
import { MapOptionsSchema } from './options.js';
import { PAD, TITLE_HEIGHT } from './layout.js';
import { renderMap } from './render.js';

/**
 * The colours of the four states: Okabe–Ito blue, yellow and orange, which
 * stay apart with the common colour-vision deficiencies and have distinct
 * lightness in greyscale (yes darkest, then no, then planned); unknown is a
 * grey hatch on white, so it never reads as a colour, in print either.
 */
export const CAPABILITY_STATE_COLORS: Readonly<Record<CapabilityState, string>> = Object.freeze({ yes: '#0072b2', planned: '#f0e442', no: '#e69f00', unknown: '#ffffff' });

/** The words of the states in the legend and tooltips. */
const STATE_WORDS: Readonly<Record<CapabilityState, string>> = Object.freeze({ yes: 'yes', planned: 'setting up', no: 'no', unknown: 'unknown (no record)' });

/** A fill no state uses, replaced by the hatch after drawing. */
const UNKNOWN_SENTINEL = '#fefeff';

export const CapabilityMapOptionsSchema = z.strictObject({
  /** The capability to map (code or label, e.g. `action_plan`, `handlingsplan`). */
  capability: z.string().min(1),
  /** Only these municipalities (a county), with the map fitted to them (as `renderMap`'s `codes`). Default: the network's scope. */
  codes: MapOptionsSchema.shape.codes,
  /** Map polygons (as `renderMap`'s `features`). Default: the default country's. */
  features: MapOptionsSchema.shape.features,
  /** Title. Default `<capability label>: who has it`, with `(synthetic data)` when the records are synthetic. */
  title: z.string().optional(),
  /** Source line. Default: the records' sources (up to three, else their count). */
  source: z.string().optional(),
  /** The records are synthetic (said in the title and the source line). Default: every record of the capability has a `source` starting with `synthetic`. */
  synthetic: z.boolean().optional(),
  /** Write the municipalities' names on the map (as `renderMap`'s `labels`). Default false; the report writes them on a county's map. */
  labels: MapOptionsSchema.shape.labels,
  /** Width in px. Default 480. */
  width: z.number().int().min(200).max(10_000).default(480),
});
export type CapabilityMapOptions = z.input<typeof CapabilityMapOptionsSchema>;

/** What a capability map shows, as plain data (the Markdown table, tests). */
export interface CapabilityMapData {
  capability: string;
  label: string;
  title: string;
  /** Each municipality drawn, in code order, with its state. */
  municipalities: { municipality: string; name: string; state: CapabilityState }[];
  /** Municipalities in each state. */
  counts: Record<CapabilityState, number>;
  synthetic: boolean;
  /** `Source: …` */
  sourceLine: string;
  /** `Data date: …` (the capabilities' `asOf` date, else the network's, else the latest record date). */
  dateLine: string;
}

/** The states, words and lines of a capability map (see {@link renderCapabilityMap}). */
export function capabilityMapData(net: CooperationNetwork, caps: CapabilitySet, options: CapabilityMapOptions): CapabilityMapData {
  requireGeography(net, 'capabilityMapData');
  const o = parseOptions(CapabilityMapOptionsSchema, options, 'capabilityMapData');
  if (!(caps instanceof CapabilitySet)) throw new ArgumentError('capabilityMapData: the second argument must be a CapabilitySet (from loadCapabilities)');
  const read = caps.onNetworkDate(net.date, 'capabilityMapData');
  const code = read.vocabulary.codeOf(o.capability);
  if (code === undefined) throw new ArgumentError(`capabilityMapData: unknown capability ${JSON.stringify(o.capability)}; known: ${read.vocabulary.codes.join(', ')}`);
  const label = read.vocabulary.label(code);
  const wanted = new Set(o.codes !== undefined ? [...o.codes] : (net.scope.national ? net.geography.municipalities.map((m) => m.code) : net.scope.municipalities));
  const municipalities = net.geography.municipalities
    .filter((m) => wanted.has(m.code))
    .sort((a, b) => cmp(a.code, b.code))
    .map((m) => ({ municipality: m.code, name: m.name, state: read.state(m.code, code) }));
  const counts = Object.fromEntries(CAPABILITY_STATES.map((s) => [s, 0])) as Record<CapabilityState, number>;
  for (const m of municipalities) counts[m.state]++;
  const records = read.records.filter((r) => r.capability === code);
  const synthetic = o.synthetic ?? (records.length > 0 && records.every((r) => /^synthetic\b/i.test(r.source ?? '')));
  const sources = [...new Set(records.map((r) => r.source ?? 'no source given'))].sort(cmp);
  const sourceLine =
    o.source !== undefined
      ? `Source: ${o.source}`
      : sources.length === 0
        ? 'Source: no records of this capability'
        : `Source${sources.length === 1 ? '' : 's'}: ${sources.length <= 3 ? sources.join('; ') : `${sources.length} sources (see the records)`}`;
  let latest: string | undefined;
  for (const r of records) for (const d of [r.since, r.until]) if (d !== undefined && (read.date === undefined || d <= read.date) && (latest === undefined || d > latest)) latest = d;
  const dateLine = read.date !== undefined ? `Data date: ${read.date} (the states on that day)` : latest !== undefined ? `Data date: ${latest} (the latest record; the latest statement of each holds)` : 'Data date: undated records';
  const title = o.title ?? `${label[0]!.toUpperCase()}${label.slice(1)}: who has it${synthetic ? ' (synthetic data)' : ''}`;
  return { capability: code, label, title, municipalities, counts, synthetic, sourceLine: synthetic && o.source === undefined ? `${sourceLine}. Synthetic: not real data.` : sourceLine, dateLine };
}

const LEGEND_ROW = 20;
const LINE = 15;

/**
 * A map of one capability as a standalone SVG: one
 * `<path class="municipality" data-code="…" data-state="…">` per
 * municipality in scope (or of `codes`), filled by state (see
 * {@link CAPABILITY_STATE_COLORS}; unknown hatched), a title, a legend of
 * the four states with their counts (`<g class="capability-legend">`, one
 * `<g class="legend-item" data-state="…">` each), the source line and the
 * data date. Every user string is escaped; the same input gives the same
 * bytes.
 *
 * @example
 * const svg = renderCapabilityMap(net, loadCapabilities(demoCapabilities(), net), { capability: 'action_plan', codes: ['2401', '2403', '2480'] });
 */
export function renderCapabilityMap(net: CooperationNetwork, caps: CapabilitySet, options: CapabilityMapOptions): string {
  const o = parseOptions(CapabilityMapOptionsSchema, options, 'renderCapabilityMap');
  const data = capabilityMapData(net, caps, options);
  const drawn = new Set((o.features ?? defaultMapFeatures()).features.map((f) => f.properties.code));
  const codes = data.municipalities.map((m) => m.municipality).filter((c) => drawn.has(c));
  if (codes.length === 0) throw new ArgumentError('renderCapabilityMap: the map polygons cover none of the municipalities to draw');
  const index = new Map(CAPABILITY_STATES.map((s, i) => [s, i]));
  const stateOf = new Map(data.municipalities.map((m) => [m.municipality, m.state]));
  const inner = renderMap({
    ...(o.features && { features: o.features }),
    codes,
    labels: o.labels,
    values: new Map(data.municipalities.map((m) => [m.municipality, index.get(m.state)!])),
    geography: net.geography,
    domain: [0, CAPABILITY_STATES.length - 1],
    colors: CAPABILITY_STATES.map((s) => (s === 'unknown' ? UNKNOWN_SENTINEL : CAPABILITY_STATE_COLORS[s])),
    legend: false,
    width: o.width,
    format: (v) => STATE_WORDS[CAPABILITY_STATES[Math.round(v)]!],
  });
  // A pattern id of this map's own, so maps inlined in one page do not share one.
  const hatch = `capability-unknown-${escapeXml(data.capability)}-${escapeXml(codes[0]!)}-${codes.length}`;
  const escapedState = new Map([...stateOf].map(([code, state]) => [escapeXml(code), state]));
  const body = inner
    .replace(/^<svg [^>]*>\n/, '')
    .replace(/<\/svg>\n$/, '')
    .replace(/<path class="municipality" data-code="([^"]*)" fill="([^"]*)"/g, (_, code: string, fill: string) => {
      const state = escapedState.get(code) ?? 'unknown';
      return `<path class="municipality" data-code="${code}" data-state="${state}" fill="${fill === UNKNOWN_SENTINEL ? `url(#${hatch})` : fill}"`;
    });
  const innerHeight = Number(/height="(\d+)"/.exec(inner)![1]);
  const width = o.width;
  const top = PAD + TITLE_HEIGHT;
  const legendTop = top + innerHeight;
  const height = legendTop + LEGEND_ROW * 2 + LINE * 2 + PAD;
  const swatch = (s: CapabilityState) => (s === 'unknown' ? `url(#${hatch})` : CAPABILITY_STATE_COLORS[s]);
  const itemWidth = Math.floor((width - 2 * PAD) / 2);
  const legend = CAPABILITY_STATES.map((s, i) => {
    const x = PAD + (i % 2) * itemWidth;
    const y = legendTop + Math.floor(i / 2) * LEGEND_ROW;
    return `<g class="legend-item" data-state="${s}"><rect x="${x}" y="${y}" width="14" height="14" fill="${swatch(s)}" stroke="#555" stroke-width="0.6"/><text x="${x + 20}" y="${y + 11}">${escapeXml(`${STATE_WORDS[s]}: ${data.counts[s]}`)}</text></g>`;
  });
  const lines = [data.sourceLine, data.dateLine].map((text, i) => `<text class="${i === 0 ? 'source' : 'date'}" x="${PAD}" y="${legendTop + 2 * LEGEND_ROW + (i + 1) * LINE - 3}">${escapeXml(text)}</text>`);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="capability-map" data-capability="${escapeXml(data.capability)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" font-family="sans-serif">`,
    `<title>${escapeXml(data.title)}</title>`,
    `<defs><pattern id="${hatch}" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/><path d="M0 0v6" stroke="#8c8c8c" stroke-width="1.6"/></pattern></defs>`,
    `<text class="title" x="${PAD}" y="${PAD + 18}" font-size="16" font-weight="bold" fill="#111">${escapeXml(data.title)}</text>`,
    `<g class="capability-map-body" transform="translate(0 ${top})">`,
    body.trimEnd(),
    '</g>',
    `<g class="capability-legend" font-size="12" fill="#222">${legend.join('')}</g>`,
    `<g class="capability-notes" font-size="10" fill="#444">${lines.join('')}</g>`,
    '</svg>',
  ].join('\n') + '\n';
}

/**
 * A county section's capability map, for the report: the data, and the SVG
 * when `draw` is set and the polygons cover some of `codes` (else none).
 */
export function reportCapabilityMap(net: CooperationNetwork, caps: CapabilitySet, options: CapabilityMapOptions & { codes: readonly string[] }, draw: boolean): CapabilityMapData & { svg?: string } {
  const data = capabilityMapData(net, caps, options);
  if (!draw) return data;
  const drawn = new Set((options.features ?? defaultMapFeatures()).features.map((f) => f.properties.code));
  // Names on a county's map, as the report's other maps write them (at most 60 municipalities).
  return options.codes.some((c) => drawn.has(c)) ? { ...data, svg: renderCapabilityMap(net, caps, { labels: options.codes.length <= 60, ...options }) } : data;
}

/**
 * The table equivalent of a capability map, as Markdown lines: its title,
 * each municipality's state, the count of each state, the source line and
 * the data date. Every user string is escaped.
 */
export function capabilityMapMarkdown(data: CapabilityMapData): string[] {
  const md = escapeMarkdownCell;
  return [
    `#### ${md(data.title)}`,
    '',
    formatMarkdownTable(data.municipalities.map((m) => ({ municipality: m.name, code: m.municipality, [data.label]: STATE_WORDS[m.state] }))).trimEnd(),
    '',
    md(CAPABILITY_STATES.map((s) => `${STATE_WORDS[s]}: ${data.counts[s]}`).join(' · ')),
    '',
    `_${md(data.sourceLine)} ${md(data.dateLine)}._`,
    '',
  ];
}
