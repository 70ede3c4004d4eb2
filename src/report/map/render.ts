/** `renderMap`: a choropleth of municipalities as one standalone SVG string. */
import { geoPath } from 'd3-geo';
import { defaultGeography } from '../../io/country.js';
import { formatDate, formatList, message, resolveLang, type Lang } from '../../model/i18n/index.js';
import { OptionsError, parseOptions, said } from '../../model/options.js';
import { geographyWords } from '../../model/geography.js';
import type { Geography } from '../../model/schema.js';
import { escapeXml } from '../escape.js';
import { countyBorderLines } from './borders.js';
import { geographyMapFeatures, type MapFeatureCollection } from '../../geo/map-features.js';
import { labelPoint, placeLabels, textWidth } from './labels.js';
import { PAD, round1, SOURCE_HEIGHT, TITLE_HEIGHT } from './layout.js';
import { legendHeight, MISSING_OUTLINE, scaleLegendSvg } from './legend.js';
import { MapOptionsSchema, type MapOptions, type ParsedMapOptions } from './options.js';
import { middleLongitude, pathData, prepare, projectedFrame, shapeHeight, subsetOf } from './prepare.js';
import { fitScale, type FittedScale, type ScaleOptions } from './scale.js';

interface Feature {
  code: string;
  name: string;
  countyCode: string | undefined;
  countyName: string | undefined;
  value: number | null;
}

/** Name, county and value of each feature, from the options. */
function describeFeatures(collection: MapFeatureCollection, o: ParsedMapOptions, geography: Geography | undefined): Feature[] {
  const municipality = new Map(geography?.municipalities.map((m) => [m.code, m]));
  const countyName = new Map(geography?.counties.map((c) => [c.code, c.name]));
  return collection.features.map(({ properties: p }) => {
    const known = municipality.get(p.code);
    const countyCode = o.countyOf?.get(p.code) ?? known?.county ?? p.county;
    const key = o.level === 'county' ? countyCode : p.code;
    return {
      code: p.code,
      name: p.name ?? known?.name ?? p.code,
      countyCode,
      countyName: countyCode === undefined ? undefined : (countyName.get(countyCode) ?? countyCode),
      value: key === undefined ? null : (o.values.get(key) ?? null),
    };
  });
}

function tooltip(f: Feature, missingLabel: string, scale: FittedScale): string {
  const where = f.countyName === undefined ? f.name : `${f.name} (${f.countyName})`;
  return `${where}: ${f.value === null ? missingLabel : scale.text(f.value)}`;
}

/** The scale fitted to the values drawn: one per feature, or one per county at county level (each map unit counts once in quantiles). */
function scaleOf(o: ParsedMapOptions, features: readonly Feature[], lang: Lang): FittedScale {
  const units = o.level === 'county' ? [...new Map(features.map((f) => [f.countyCode ?? f.code, f.value])).values()] : features.map((f) => f.value);
  return checkedScale('renderMap', o, units, lang);
}

/** {@link fitScale} with its options checked against the scale (an option of another scale is refused) and its errors as the options' (naming `fn`). */
export function checkedScale(fn: string, o: ScaleOptions, units: readonly (number | null)[], lang: Lang): FittedScale {
  if (o.scale === 'threshold' && o.breaks === undefined) throw new OptionsError(fn, 'breaks', said('options.thresholdBreaks'));
  for (const [option, scales] of [['breaks', ['threshold']], ['categories', ['categorical']], ['domain', ['linear']]] as const) {
    if (o[option] !== undefined && !(scales as readonly string[]).includes(o.scale)) throw new OptionsError(fn, option, said('options.forScale', { scales: (l) => formatList(l, scales, 'or'), scale: o.scale }));
  }
  if (o.scale === 'categorical' && o.categories !== undefined) {
    const known = new Set(o.categories.map((c) => c.value));
    const unknown = units.find((v) => v !== null && !known.has(v));
    if (unknown != null) throw new OptionsError(fn, 'categories', said('options.notACategory', { value: unknown, categories: o.categories.map((c) => String(c.value)).join(', ') }));
  }
  return fitScale(o, units, lang);
}

/** The source line: where the data comes from and its date. */
export function sourceText(lang: Lang, source: string | undefined, date: string | undefined): string {
  const from = source ?? message(lang, 'map.source.default');
  return date === undefined ? message(lang, 'map.source.noDate', { source: from }) : message(lang, 'map.source', { source: from, date: formatDate(lang, date) });
}

/** The height that fits the features' projected shape at the options' width, with room for the title and legend. */
function fittedHeight(collection: MapFeatureCollection, o: ParsedMapOptions, meridian: number, legend: number): number {
  const shape = shapeHeight(collection, o.width - 2 * PAD, meridian);
  const chrome = 2 * PAD + (o.title ? TITLE_HEIGHT : 0) + legend;
  return Math.round(Math.min(1200, Math.max(240, shape + chrome)));
}

/**
 * A choropleth map as a standalone SVG string: one
 * `<path class="municipality" data-code="…" fill="…">` per feature (in
 * feature order) with a `<title>` tooltip such as `Umeå (Västerbottens län): 0.82`,
 * then the county borders as one `<path class="county-borders">` (see
 * {@link countyBorderLines}), the title and the legend.
 *
 * Projection: transverse Mercator around `centralMeridian`, fitted to the
 * features. Every user string is XML-escaped; the SVG references nothing
 * outside itself, and the same options give the same bytes. About 180 KB
 * for Sweden at the default size (about 50 KB gzipped).
 *
 * @example
 * const svg = renderMap({
 *   values: new Map([['0180', 0.82], ['2480', null]]),
 *   title: 'Share of municipalities in a joint body',
 *   legendLabel: 'share',
 * });
 * writeFileSync('map.svg', svg);
 *
 * @example
 * // County level: each municipality gets its county's value.
 * renderMap({ level: 'county', values: new Map([['24', 0.5], ['25', 0.9]]) });
 */
export function renderMap(options: MapOptions): string {
  const parsed = parseOptions(MapOptionsSchema, options, 'renderMap');
  // Neither polygons nor a geography: the loaders' default geography, whose country's polygons are drawn.
  const geography = parsed.geography ?? (parsed.features ? undefined : defaultGeography());
  const own = parsed.features === undefined ? geographyMapFeatures(geography!) : undefined;
  if (own !== undefined && own.features.length === 0) {
    throw new OptionsError('renderMap', 'features', said('options.geographyWithoutPolygons', { geography: geographyWords(geography!) }));
  }
  const whole = prepare(parsed.features ?? own!);
  const map = parsed.codes === undefined ? whole : prepare(subsetOf(whole, parsed.codes));
  // A country's whole map is drawn around its own meridian (Sweden's SWEREF 99 TM: 15° E).
  const meridian = parsed.centralMeridian ?? (own !== undefined && parsed.codes === undefined ? geography!.mapMeridian : undefined) ?? middleLongitude(map.collection);
  const lang = resolveLang(parsed.lang, geography);
  // Polygons given for another geography than the one named are refused, not drawn as that geography.
  if (parsed.features !== undefined && parsed.geography !== undefined) {
    const codes = new Set(parsed.geography.municipalities.map((m) => m.code));
    if (!map.collection.features.some((f) => codes.has(f.properties.code))) {
      throw new OptionsError('renderMap', 'features', said('options.polygonsNotOfGeography', { geography: geographyWords(parsed.geography) }));
    }
  }
  const features = describeFeatures(map.collection, parsed, geography);
  const missingLabel = parsed.missingLabel ?? message(lang, 'map.missing');
  const scale = scaleOf(parsed, features, lang);
  const anyMissing = features.some((f) => f.value === null);
  const sourceLine = parsed.source === undefined && parsed.date === undefined ? undefined : sourceText(lang, parsed.source, parsed.date);
  const frame = { width: parsed.width, height: 0, legendLabel: parsed.legendLabel, missingLabel, missingColor: parsed.missingColor };
  const legendBand = (parsed.legend ? legendHeight(frame, scale, anyMissing) : 0) + (sourceLine === undefined ? 0 : SOURCE_HEIGHT);
  const height = parsed.height ?? (parsed.codes !== undefined ? fittedHeight(map.collection, parsed, meridian, legendBand) : 960);
  const o = { ...parsed, height };

  const top = PAD + (o.title ? TITLE_HEIGHT : 0);
  const bottom = o.height - PAD - legendBand;
  const { projection, shapes } = projectedFrame(
    map,
    [
      [PAD, top],
      [o.width - PAD, bottom],
    ],
    meridian,
  );
  const paths = shapes.map((d, i) => {
    const f = features[i]!;
    return `<path class="municipality" data-code="${escapeXml(f.code)}" fill="${scale.color(f.value)}"${f.value === null ? ` ${MISSING_OUTLINE}` : ''} d="${d}"><title>${escapeXml(tooltip(f, missingLabel, scale))}</title></path>`;
  });

  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${o.width}" height="${o.height}" viewBox="0 0 ${o.width} ${o.height}" role="img" font-family="sans-serif">`,
  ];
  if (o.title) out.push(`<title>${escapeXml(o.title)}</title>`);
  out.push('<g class="municipalities" stroke="#ffffff" stroke-width="0.25" stroke-linejoin="round" fill-rule="evenodd">', ...paths, '</g>');
  if (o.countyBorders) {
    const countyOf = new Map(features.flatMap((f) => (f.countyCode === undefined ? [] : [[f.code, f.countyCode] as const])));
    const lines = countyBorderLines(map.collection, countyOf);
    out.push(
      `<path class="county-borders" fill="none" stroke="#1a1a1a" stroke-width="0.8" stroke-linejoin="round" stroke-linecap="round" pointer-events="none" d="${pathData(projection, { type: 'MultiLineString', coordinates: lines })}"/>`,
    );
  }
  if (o.labels) {
    // At the visual centre of each largest polygon, moved off the labels placed before (the larger municipalities first).
    const population = new Map(geography?.municipalities.map((m) => [m.code, m.population]));
    const at = map.collection.features.map((feature) => labelPoint(projection, feature));
    const drawn = features.flatMap((f, i) => (at[i] ? [{ f, at: at[i] }] : []));
    const placed = placeLabels(
      drawn.map(({ f, at: [x, y] }) => ({ x, y, width: textWidth(f.name, 10) + 4, height: 13, priority: population.get(f.code) ?? 0 })),
      { x: PAD, y: top, width: o.width - 2 * PAD, height: bottom - top },
    );
    const labels = drawn.map(({ f }, i) => `<text x="${round1(placed[i]![0])}" y="${round1(placed[i]![1])}">${escapeXml(f.name)}</text>`);
    out.push(
      '<g class="labels" font-size="10" text-anchor="middle" dominant-baseline="middle" fill="#111" stroke="#ffffff" stroke-width="2.5" stroke-linejoin="round" paint-order="stroke" pointer-events="none">',
      ...labels,
      '</g>',
    );
  }
  if (o.title) out.push(`<text class="title" x="${PAD}" y="${PAD + 18}" font-size="16" font-weight="bold" fill="#111">${escapeXml(o.title)}</text>`);
  if (o.legend) out.push(scaleLegendSvg({ ...frame, height: o.height - (sourceLine === undefined ? 0 : SOURCE_HEIGHT) }, scale, anyMissing));
  if (sourceLine !== undefined) out.push(`<text class="source" x="${PAD}" y="${o.height - PAD - 2}" font-size="10" fill="#666666">${escapeXml(sourceLine)}</text>`);
  out.push('</svg>');
  return out.join('\n') + '\n';
}
