/**
 * A map of one capability (`renderCapabilityMap`): each municipality
 * coloured by its state, yes, planned or no as three categories of
 * `renderMap`'s categorical scale, and unknown (no record) as missing data
 * (white, outlined dashed: never read as a colour, in print either), with
 * a title, a legend, a source line and the data date; marked synthetic
 * when the records are. The same data as a table for Markdown
 * (`capabilityMapData`, `capabilityMapMarkdown`).
 *
 * @module
 */
import { z } from 'zod';
import { CAPABILITY_STATES, CapabilitySet, type CapabilityState } from '../../model/capabilities.js';
import { ArgumentError } from '../../model/errors.js';
import { cmp } from '../../model/geography.js';
import { requireGeography, type CooperationNetwork } from '../../model/network.js';
import { formatDate, LangSchema, message, resolveLang, type Lang } from '../../model/i18n/index.js';
import { parseOptions, said, saidIn } from '../../model/options.js';
import { escapeXml } from '../escape.js';
import { escapeMarkdownCell, formatMarkdownTable } from '../table.js';
import { geographyMapFeatures } from '../../geo/map-features.js';
import { MapOptionsSchema } from './options.js';
import { renderMap } from './render.js';

/**
 * The colours of the states: Okabe–Ito blue, yellow and orange, which stay
 * apart with the common colour-vision deficiencies and have distinct
 * lightness in greyscale (yes darkest, then no, then planned); unknown is
 * white with a dashed outline (`renderMap`'s missing value).
 */
export const CAPABILITY_STATE_COLORS: Readonly<Record<CapabilityState, string>> = Object.freeze({ yes: '#0072b2', planned: '#f0e442', no: '#e69f00', unknown: '#ffffff' });

/** A state in words, in the legend, tooltips and tables: `ja`, `under uppbyggnad`, `nej`, `okänt (ingen uppgift)`. */
const stateWord = (lang: Lang, state: CapabilityState) => message(lang, `map.capability.${state}`);

/** The states drawn as categories (unknown is missing data), by their value on the map. */
const CATEGORY_STATES = ['yes', 'planned', 'no'] as const;

export const CapabilityMapOptionsSchema = z.strictObject({
  /** The capability to map (code or label, e.g. `action_plan`, `handlingsplan`). */
  capability: z.string().min(1),
  /** Only these municipalities (a county), with the map fitted to them (as `renderMap`'s `codes`). Default: the network's scope. */
  codes: MapOptionsSchema.shape.codes,
  /** Map polygons (as `renderMap`'s `features`). Default: those of the network's country (`geographyMapFeatures`). */
  features: MapOptionsSchema.shape.features,
  /** Title. Default the catalogue's `map.capability.title` (`<capability label>: who has it` / `<label>: läget i kommunerna`), with `(synthetic data)` when the records are synthetic. */
  title: z.string().optional(),
  /** Source line. Default: the records' sources (up to three, else their count). */
  source: z.string().optional(),
  /** The records are synthetic (said in the title and the source line). Default: every record of the capability has a `source` starting with `synthetic`. */
  synthetic: z.boolean().optional(),
  /** Write the municipalities' names on the map (as `renderMap`'s `labels`). Default false; the report writes them on a county's map. */
  labels: MapOptionsSchema.shape.labels,
  /** Width in px. Default 480. */
  width: z.number().int().min(200).max(10_000).default(480),
  /** Language of the title, legend, source line and table (`'sv'` or `'en'`). Default: the geography's language (Swedish for Sweden), else English. */
  lang: LangSchema.optional(),
});
export type CapabilityMapOptions = z.input<typeof CapabilityMapOptionsSchema>;

/** What a capability map shows, as plain data (the Markdown table, tests). */
export interface CapabilityMapData {
  capability: string;
  label: string;
  title: string;
  /** The language of the words. */
  lang: Lang;
  /** Each municipality drawn, in code order, with its state. */
  municipalities: { municipality: string; name: string; state: CapabilityState }[];
  /** Municipalities in each state. */
  counts: Record<CapabilityState, number>;
  synthetic: boolean;
  /** `Source: …` / `Källa: …` */
  sourceLine: string;
  /** `Data date: …` / `Uppgifterna avser …` (the capabilities' `asOf` date, else the network's, else the latest record date), the date in words. */
  dateLine: string;
  /** The source, as the map's source line writes it (`Source: {source}. Data as of {date}.`). */
  source: string;
  /** The data date (ISO), when there is one. */
  date: string | undefined;
}

/** The states, words and lines of a capability map (see {@link renderCapabilityMap}). */
export function capabilityMapData(net: CooperationNetwork, caps: CapabilitySet, options: CapabilityMapOptions): CapabilityMapData {
  requireGeography(net, 'capabilityMapData');
  const o = parseOptions(CapabilityMapOptionsSchema, options, 'capabilityMapData');
  const read = CapabilitySet.check(caps, 'capabilityMapData').onNetworkDate(net.date, 'capabilityMapData');
  const code = read.vocabulary.requireCode(o.capability, 'capabilityMapData');
  const lang = resolveLang(o.lang, net.geography);
  const t = (key: Parameters<typeof message>[1], params?: Parameters<typeof message>[2]) => message(lang, key, params);
  const label = read.vocabulary.label(code, lang);
  const wanted = new Set(o.codes !== undefined ? [...o.codes] : (net.scope.national ? net.geography.municipalities.map((m) => m.code) : net.scope.municipalities));
  const municipalities = net.geography.municipalities
    .filter((m) => wanted.has(m.code))
    .sort((a, b) => cmp(a.code, b.code))
    .map((m) => ({ municipality: m.code, name: m.name, state: read.state(m.code, code) }));
  const counts = Object.fromEntries(CAPABILITY_STATES.map((s) => [s, 0])) as Record<CapabilityState, number>;
  for (const m of municipalities) counts[m.state]++;
  const records = read.records.filter((r) => r.capability === code);
  const synthetic = o.synthetic ?? (records.length > 0 && records.every((r) => /^synthetic\b/i.test(r.source ?? '')));
  const sources = [...new Set(records.map((r) => r.source ?? t('map.capability.noSource')))].sort(cmp);
  const named = o.source ?? (sources.length === 0 ? t('map.capability.noRecords') : sources.length <= 3 ? sources.join('; ') : t('map.capability.sourceCount', { n: sources.length }));
  const source = synthetic && o.source === undefined && !/synthetic|syntetisk/i.test(named) ? t('map.capability.syntheticSource', { source: named }) : named;
  const sourceLine = t(o.source === undefined && sources.length > 1 ? 'map.capability.sourcesLine' : 'map.capability.sourceLine', { source });
  let latest: string | undefined;
  for (const r of records) for (const d of [r.since, r.until]) if (d !== undefined && (read.date === undefined || d <= read.date) && (latest === undefined || d > latest)) latest = d;
  const dateLine =
    read.date !== undefined
      ? t('map.capability.date.asOf', { date: formatDate(lang, read.date) })
      : latest !== undefined
        ? t('map.capability.date.latest', { date: formatDate(lang, latest) })
        : t('map.capability.date.undated');
  const named0 = t('map.capability.title', { label: `${label[0]!.toLocaleUpperCase(lang)}${label.slice(1)}` });
  const title = o.title ?? (synthetic ? t('map.capability.title.synthetic', { title: named0 }) : named0);
  return { capability: code, label, title, lang, municipalities, counts, synthetic, sourceLine, dateLine, source, date: read.date ?? latest };
}

/**
 * A map of one capability as a standalone SVG (`renderMap`, categorical):
 * one `<path class="municipality" data-code="…" data-state="…">` per
 * municipality in scope (or of `codes`), yes, planned and no in
 * {@link CAPABILITY_STATE_COLORS} and unknown as missing data (white,
 * dashed outline), a title, a legend of the four, and the source line with
 * the data date; "synthetic" in the title and the source when the records
 * are. Every user string is escaped; the same input gives the same bytes.
 *
 * @example
 * const svg = renderCapabilityMap(net, loadCapabilities(demoCapabilities(), net), { capability: 'action_plan', codes: ['2401', '2403', '2480'] });
 */
export function renderCapabilityMap(net: CooperationNetwork, caps: CapabilitySet, options: CapabilityMapOptions): string {
  const o = parseOptions(CapabilityMapOptionsSchema, options, 'renderCapabilityMap');
  const data = capabilityMapData(net, caps, options);
  const drawn = new Set((o.features ?? geographyMapFeatures(net.geography)).features.map((f) => f.properties.code));
  const codes = data.municipalities.map((m) => m.municipality).filter((c) => drawn.has(c));
  if (codes.length === 0) throw new ArgumentError(saidIn('renderCapabilityMap', said('errors.map.noneToDraw')));
  const value = new Map<CapabilityState, number>(CATEGORY_STATES.map((s, i) => [s, i]));
  const svg = renderMap({
    ...(o.features && { features: o.features }),
    codes,
    labels: o.labels,
    values: new Map(data.municipalities.map((m) => [m.municipality, value.get(m.state) ?? null])),
    geography: net.geography,
    scale: 'categorical',
    categories: CATEGORY_STATES.map((s, i) => ({ value: i, label: stateWord(data.lang, s), color: CAPABILITY_STATE_COLORS[s] })),
    missingLabel: stateWord(data.lang, 'unknown'),
    missingColor: CAPABILITY_STATE_COLORS.unknown,
    // The legend's and the source line's words in the map's language.
    lang: data.lang,
    title: data.title,
    legendLabel: data.label,
    source: data.source,
    ...(data.date !== undefined && { date: data.date }),
    width: o.width,
  });
  // Each shape says its state, for readers and tests of the page.
  const stateOf = new Map(data.municipalities.map((m) => [escapeXml(m.municipality), m.state]));
  return svg
    .replace(/^<svg /, `<svg class="capability-map" data-capability="${escapeXml(data.capability)}" `)
    .replace(/<path class="municipality" data-code="([^"]*)"/g, (whole, code: string) => `${whole} data-state="${stateOf.get(code) ?? 'unknown'}"`);
}

/**
 * A county section's capability map, for the report: the data, and the SVG
 * when `draw` is set and the polygons cover some of `codes` (else none).
 */
export function reportCapabilityMap(net: CooperationNetwork, caps: CapabilitySet, options: CapabilityMapOptions & { codes: readonly string[] }, draw: boolean): CapabilityMapData & { svg?: string } {
  const data = capabilityMapData(net, caps, options);
  if (!draw) return data;
  const drawn = new Set((options.features ?? geographyMapFeatures(net.geography)).features.map((f) => f.properties.code));
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
  const lang = data.lang;
  const columns = { municipality: message(lang, 'map.capability.col.municipality'), code: message(lang, 'map.capability.col.code') };
  return [
    `#### ${md(data.title)}`,
    '',
    formatMarkdownTable(data.municipalities.map((m) => ({ [columns.municipality]: m.name, [columns.code]: m.municipality, [data.label]: stateWord(lang, m.state) }))).trimEnd(),
    '',
    md(CAPABILITY_STATES.map((s) => message(lang, 'map.capability.count', { state: stateWord(lang, s), n: data.counts[s] })).join(' · ')),
    '',
    `_${md(data.sourceLine)} ${md(data.dateLine)}._`,
    '',
  ];
}
