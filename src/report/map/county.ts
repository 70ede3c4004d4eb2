/**
 * `renderCountyMap`: one county at its scale as a standalone SVG, its
 * municipalities named, the cooperation ties drawn on it, the neighbouring
 * counties greyed with the ties across the border, and the gaps marked.
 */
import { findGaps, GAP_TYPES } from '../../analysis/gaps.js';
import { findCounty, indexGeography } from '../../model/geography.js';
import { formatList, message, messageCount, resolveLang, type Lang, type MessageKey } from '../../model/i18n/index.js';
import { requireGeography, scopeSet, type CooperationNetwork } from '../../model/network.js';
import { OptionsError, parseOptions, said } from '../../model/options.js';
import { countySuggestion } from '../../model/suggest.js';
import { escapeXml } from '../escape.js';
import { countyBorderLines } from './borders.js';
import { CountyMapOptionsSchema, type CountyMapOptions, type MapGap, type ParsedCountyMapOptions } from './county-options.js';
import { geographyMapFeatures } from '../../geo/map-features.js';
import { labelPoint, placeLabels, textWidth, type Box, type LabelRequest } from './labels.js';
import { round1 } from './layout.js';
import { legendHeight, MISSING_OUTLINE, scaleLegendSvg } from './legend.js';
import { checkedScale, sourceText } from './render.js';
import { fitProjection, middleLongitude, pathData, prepare, shapeHeight, subsetOf } from './prepare.js';
import { tieStrength, tiesOf, type DrawnTie } from './ties.js';
import { describeScope } from '../../model/scope.js';

const FN = 'renderCountyMap';
const PAD = 12;
const TITLE_BAND = 30;
const LABEL_SIZE = 11;
const NEIGHBOUR_LABEL_SIZE = 9;
const SYMBOL = 8;
const LEGEND_ROW = 18;
const SOURCE_BAND = 20;

/** Fills and strokes (the ties' colours are the explorer's: blue and orange stay apart for colour-blind readers, and the dash tells them apart in grey). */
/** The dash and gap of a shared-body tie, in map units: the gaps stay open at the widest tie (5). */
const SHARED_DASH = '7 4';
const COLORS = { tieOnColour: '#1a1a1a', county: '#e3eaf2', neighbour: '#efefef', neighbourStroke: '#ffffff', direct: '#1f5f99', shared: '#c2410c', border: '#33404f', text: '#111111', muted: '#666666' } as const;

/** A gap type's mark: a shape and an Okabe–Ito colour, one per type of {@link GAP_TYPES}, in that order (unknown types cycle through them). */
const GAP_MARKS: readonly { shape: 'circle' | 'square' | 'triangle' | 'diamond' | 'down' | 'plus' | 'star'; color: string }[] = [
  { shape: 'circle', color: '#D55E00' },
  { shape: 'square', color: '#E69F00' },
  { shape: 'triangle', color: '#CC79A7' },
  { shape: 'diamond', color: '#0072B2' },
  { shape: 'down', color: '#009E73' },
  { shape: 'plus', color: '#56B4E9' },
  { shape: 'star', color: '#000000' },
];

/** The mark of a gap type as an SVG element centred on (x, y). */
function gapSymbol(index: number, x: number, y: number, attrs: string): string {
  const { shape, color } = GAP_MARKS[index % GAP_MARKS.length]!;
  const r = SYMBOL / 2;
  const paint = `fill="${color}" stroke="#ffffff" stroke-width="1"${attrs}`;
  const at = (points: [number, number][]) => `M${points.map(([px, py]) => `${round1(x + px * r)} ${round1(y + py * r)}`).join('L')}Z`;
  switch (shape) {
    case 'circle':
      return `<circle cx="${round1(x)}" cy="${round1(y)}" r="${r}" ${paint}/>`;
    case 'square':
      return `<rect x="${round1(x - r * 0.9)}" y="${round1(y - r * 0.9)}" width="${round1(1.8 * r)}" height="${round1(1.8 * r)}" ${paint}/>`;
    case 'triangle':
      return `<path d="${at([[0, -1.1], [1.05, 0.8], [-1.05, 0.8]])}" ${paint}/>`;
    case 'diamond':
      return `<path d="${at([[0, -1.15], [1.05, 0], [0, 1.15], [-1.05, 0]])}" ${paint}/>`;
    case 'down':
      return `<path d="${at([[0, 1.1], [1.05, -0.8], [-1.05, -0.8]])}" ${paint}/>`;
    case 'plus':
      return `<path d="${at([[-0.35, -1], [0.35, -1], [0.35, -0.35], [1, -0.35], [1, 0.35], [0.35, 0.35], [0.35, 1], [-0.35, 1], [-0.35, 0.35], [-1, 0.35], [-1, -0.35], [-0.35, -0.35]])}" ${paint}/>`;
    case 'star': {
      const points: [number, number][] = [];
      for (let k = 0; k < 10; k++) {
        const angle = -Math.PI / 2 + (k * Math.PI) / 5;
        const radius = k % 2 === 0 ? 1.15 : 0.5;
        points.push([Math.cos(angle) * radius, Math.sin(angle) * radius]);
      }
      return `<path d="${at(points)}" ${paint}/>`;
    }
  }
}

/** The network's data date: its `asOf` date, else the latest date among its links. */
export function dataDateOf(net: CooperationNetwork): string | undefined {
  if (net.date !== undefined) return net.date;
  let latest: string | undefined;
  for (const l of net.links) for (const d of [l.since, l.until]) if (d !== undefined && (latest === undefined || d > latest)) latest = d;
  return latest;
}

/** The county the options ask for, else the scope's one county; refused (naming `county`) when unknown, outside the scope, or not given for a scope of several. */
function countyOf(net: CooperationNetwork, o: ParsedCountyMapOptions): { code: string; name: string } {
  if (o.county === undefined) {
    if (net.scope.counties.length === 1) {
      const code = net.scope.counties[0]!;
      return { code, name: indexGeography(net.geography).county.get(code)?.name ?? code };
    }
    throw new OptionsError(FN, 'county', said('options.nameCounty', { scope: (lang: Lang) => describeScope(net.scope, net.geography, lang) }));
  }
  const found = findCounty(net.geography, o.county);
  if (!found) throw new OptionsError(FN, 'county', said('options.noCounty', { county: JSON.stringify(o.county), suggestion: (lang: Lang) => countySuggestion(net.geography, o.county!, lang) }));
  if (!net.scope.counties.includes(found.code)) {
    throw new OptionsError(FN, 'county', said('options.countyOutOfScope', { county: found.name, code: found.code, scope: (lang: Lang) => describeScope(net.scope, net.geography, lang) }));
  }
  return { code: found.code, name: found.name };
}

/** The counties next to `county`: those of the municipalities bordering one of its own, sorted. */
function neighbourCounties(net: CooperationNetwork, codes: readonly string[], county: string): string[] {
  const ix = indexGeography(net.geography);
  const out = new Set<string>();
  for (const c of codes) for (const n of ix.bordersOf.get(c) ?? []) {
    const other = ix.municipality.get(n)?.county;
    if (other !== undefined && other !== county) out.add(other);
  }
  return [...out].sort();
}

interface LegendItem {
  /** The sample drawn before the text, at (x, y) the middle of its 24 px box. */
  sample: (x: number, y: number) => string;
  text: string;
  cls: string;
}

/** Legend items laid out in rows within `width`: their positions and the rows' count. */
function flow(items: readonly LegendItem[], width: number): { x: number; row: number }[] {
  const out: { x: number; row: number }[] = [];
  let x = 0;
  let row = 0;
  for (const item of items) {
    const w = 30 + textWidth(item.text, 11) + 18;
    if (x > 0 && x + w > width) {
      row++;
      x = 0;
    }
    out.push({ x, row });
    x += w;
  }
  return out;
}

/**
 * A map of one county as a standalone SVG string, at the county's scale:
 *
 * - one `<path class="municipality" data-code="…">` per municipality of the
 *   county with a polygon, each named on the map (at the visual centre of
 *   its largest polygon, in dark text with a white halo, moved off labels
 *   placed before it, the most populous first) and in a `<title>` (its ties
 *   and gaps);
 * - the municipalities of the neighbouring counties greyed
 *   (`<path class="neighbour">`), with the county borders over them;
 * - the cooperation ties as lines between the municipalities' label points
 *   (the explorer's tie model, `tiesOf`): `<line class="tie direct">` solid
 *   for direct links, `<line class="tie shared">` dashed for shared bodies,
 *   width by strength (links' summed weight, or the number of shared
 *   bodies), `cross-border` added for a tie to another county (a tie to a
 *   municipality beyond the neighbouring counties runs off the map, clipped,
 *   and the description says how many), each with `data-tie="a-b-d|s"`
 *   and a `<title>`;
 * - the gaps (`findGaps`, or the `gaps` given) as one mark per gap type on
 *   each municipality concerned (`<g class="gap" data-code data-gap>`, with
 *   the reasons as its `<title>`), a shape and colour per type;
 * - a title, a legend (tie styles, neighbouring county, each gap type present
 *   with its count), and a source line with the data date.
 *
 * The SVG has `role="img"`, a `<title>` and a `<desc>` (the county, its
 * municipalities, ties and gaps counted) for screen readers. Text comes
 * from the catalogue's `map` section in `lang`. Every user string (names,
 * codes, kinds, reasons) is XML-escaped; the SVG references nothing outside
 * itself; the same network and options give the same bytes.
 *
 * @example
 * const net = loadNetwork(demoDataset());
 * writeFileSync('vasterbotten.svg', renderCountyMap(net, { county: 'Västerbotten' }));
 *
 * @example
 * // With gaps already computed, in English.
 * renderCountyMap(net, { county: '24', lang: 'en', gaps: findGaps(net, { lang: 'en' }) });
 */
export function renderCountyMap(net: CooperationNetwork, options: CountyMapOptions = {}): string {
  requireGeography(net, FN);
  const o = parseOptions(CountyMapOptionsSchema, options, FN);
  const lang: Lang = resolveLang(o.lang, net.geography);
  const county = countyOf(net, o);
  const places = countyPlaces(net, o, county);
  const gaps = countyGaps(o.gaps ?? findGaps(net, { lang }), places, lang);

  // A measure, when given: the county's municipalities coloured on a scale fitted to their values, the ties dark over a white casing.
  const values = o.values;
  const scale = values && checkedScale(FN, o, places.drawnOwn.map((c) => values.get(c) ?? null), lang);
  const valueOf = (code: string) => values?.get(code) ?? null;
  const measure: Measure = { scale, valueOf, anyMissing: scale !== undefined && places.drawnOwn.some((c) => valueOf(c) === null), missingLabel: message(lang, 'map.missing') };
  const tieColor = scale ? { d: COLORS.tieOnColour, s: COLORS.tieOnColour } : { d: COLORS.direct, s: COLORS.shared };

  const legendItems = legendItemsOf(lang, tieColor, places, gaps);
  const positions = flow(legendItems, o.width - 2 * PAD);
  const legendRows = positions.length === 0 ? 0 : positions.at(-1)!.row + 1;
  const legendFrame = { width: o.width, height: 0, legendLabel: o.legendLabel, missingLabel: measure.missingLabel, missingColor: o.missingColor };
  const scaleBand = scale ? legendHeight(legendFrame, scale, measure.anyMissing) : 0;
  const layout = countyLayout(o.width, places, 8 + scaleBand + legendRows * LEGEND_ROW);
  const point = tiePoints(places, layout);
  const ties = tieLinesOf(places, point, layout.frame, lang, tieColor, scale !== undefined);
  const labels = countyLabels(places, gaps, point, ties.lines, layout.frame);

  const title = o.title ?? message(lang, 'map.county.title', { county: county.name });
  const id = `samverkan-county-map-${county.code.replace(/[^A-Za-z0-9_-]/g, '_')}-${o.width}`;
  const gapCount = [...gaps.at.values()].filter((m) => m.size > 0).length;
  const desc = [
    message(lang, 'map.county.desc', {
      county: county.name,
      municipalities: messageCount(lang, 'map.county.municipalities', places.drawnOwn.length),
      ties: messageCount(lang, 'map.county.ties', ties.lines.length),
      gaps: messageCount(lang, 'map.county.gaps', gapCount),
    }),
    ...(ties.offMap > 0 ? [messageCount(lang, 'map.county.offMap', ties.offMap)] : []),
  ].join(' ');
  const sourceLine = sourceText(lang, o.source, o.date ?? dataDateOf(net));

  // The scale's legend draws itself in a band at the bottom of a frame: that frame ends where the rows begin.
  const { top, mapHeight, height, frame } = layout;
  const scaleLegend = scale ? scaleLegendSvg({ ...legendFrame, height: top + mapHeight + 8 + scaleBand + PAD - 6 }, scale, measure.anyMissing) : '';
  const legendTop = top + mapHeight + 8 + scaleBand;
  const legend = legendItems.map((item, i) => {
    const { x, row } = positions[i]!;
    const y = legendTop + row * LEGEND_ROW + LEGEND_ROW / 2;
    return `<g class="legend-item ${item.cls}">${item.sample(PAD + x, y)}<text x="${round1(PAD + x + 30)}" y="${round1(y + 4)}">${escapeXml(item.text)}</text></g>`;
  });
  const { ownPaths, neighbourPaths, borders } = countyPaths(places, gaps, layout, ties.count, measure, o.legendLabel, lang);
  const { nameOf } = places;

  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="county-map" width="${o.width}" height="${height}" viewBox="0 0 ${o.width} ${height}" role="img" aria-labelledby="${id}-title ${id}-desc" font-family="sans-serif" data-county="${escapeXml(county.code)}">`,
    `<title id="${id}-title">${escapeXml(title)}</title>`,
    `<desc id="${id}-desc">${escapeXml(desc)}</desc>`,
    `<defs><clipPath id="${id}-clip"><rect x="${frame.x}" y="${frame.y}" width="${frame.width}" height="${frame.height}"/></clipPath></defs>`,
    `<rect class="frame" x="${frame.x}" y="${frame.y}" width="${frame.width}" height="${frame.height}" fill="#ffffff" stroke="#cccccc" stroke-width="0.5"/>`,
    `<g clip-path="url(#${id}-clip)">`,
    `<g class="neighbours" stroke="${COLORS.neighbourStroke}" stroke-width="0.6" stroke-linejoin="round" fill-rule="evenodd">`,
    ...neighbourPaths,
    '</g>',
    `<g class="municipalities" stroke="#ffffff" stroke-width="0.8" stroke-linejoin="round" fill-rule="evenodd">`,
    ...ownPaths,
    '</g>',
    `<path class="county-borders" fill="none" stroke="${COLORS.border}" stroke-width="1" stroke-linejoin="round" stroke-linecap="round" pointer-events="none" d="${borders}"/>`,
    '<g class="ties" fill="none">',
    ...ties.lines.map((t) => t.svg),
    '</g>',
    `<g class="neighbour-labels" font-size="${NEIGHBOUR_LABEL_SIZE}" font-style="italic" text-anchor="middle" dominant-baseline="middle" fill="${COLORS.muted}" stroke="#ffffff" stroke-width="2.5" stroke-linejoin="round" paint-order="stroke" pointer-events="none" aria-hidden="true">`,
    ...labels.neighbours.map(({ code, x, y }) => `<text x="${round1(x)}" y="${round1(y)}" data-code="${escapeXml(code)}">${escapeXml(nameOf(code))}</text>`),
    '</g>',
    `<g class="labels" font-size="${LABEL_SIZE}" text-anchor="middle" dominant-baseline="middle" fill="${COLORS.text}" stroke="#ffffff" stroke-width="3" stroke-linejoin="round" paint-order="stroke" pointer-events="none" aria-hidden="true">`,
    ...labels.own.map(({ code, x, textY }) => `<text x="${round1(x)}" y="${round1(textY)}" data-code="${escapeXml(code)}">${escapeXml(nameOf(code))}</text>`),
    '</g>',
    '<g class="gaps">',
    ...gapMarks(labels.own, gaps),
    '</g>',
    '</g>',
    `<text class="title" x="${PAD}" y="${PAD + 18}" font-size="17" font-weight="bold" fill="${COLORS.text}">${escapeXml(title)}</text>`,
    scaleLegend,
    `<g class="legend legend-ties" font-size="11" fill="#222222">`,
    ...legend,
    '</g>',
    `<text class="source" x="${PAD}" y="${height - PAD - 4}" font-size="10" fill="${COLORS.muted}">${escapeXml(sourceLine)}</text>`,
    '</svg>',
  ];
  return out.join('\n') + '\n';
}

/**
 * What the map draws: the county's municipalities in the network's scope
 * with a polygon, the rest of the county (a scope of some of them) and the
 * neighbouring counties greyed, and the ties of the county's municipalities
 * (to the neighbours' too, when drawn), with the municipalities at their far
 * ends; `codes` numbers them all for the ties.
 */
function countyPlaces(net: CooperationNetwork, o: ParsedCountyMapOptions, county: { code: string; name: string }) {
  const ix = indexGeography(net.geography);
  const nameOf = (code: string) => ix.municipality.get(code)?.name ?? code;
  const whole = prepare(o.features ?? geographyMapFeatures(net.geography));
  const featureOf = new Map(whole.collection.features.map((f) => [f.properties.code, f]));
  const scope = scopeSet(net);
  const ofCounty = (ix.municipalitiesOf.get(county.code) ?? []).map((m) => m.code);
  const own = ofCounty.filter((c) => scope.has(c));
  const restOfCounty = ofCounty.filter((c) => !scope.has(c) && featureOf.has(c));
  const drawnOwn = own.filter((c) => featureOf.has(c));
  if (drawnOwn.length === 0) {
    throw new OptionsError(FN, o.features ? 'features' : 'county', said('options.noPolygons', { county: county.name }));
  }
  const inCounty = new Set(own);
  const neighbourCodes = [
    ...restOfCounty,
    ...(o.neighbours
      ? neighbourCounties(net, own, county.code)
          .flatMap((c) => (ix.municipalitiesOf.get(c) ?? []).map((m) => m.code))
          .filter((c) => featureOf.has(c))
      : []),
  ];
  const projectionTies = net.municipalityProjection().ties.filter((t) => (inCounty.has(t.a) || inCounty.has(t.b)) && (o.neighbours || (inCounty.has(t.a) && inCounty.has(t.b))));
  const farCodes = [...new Set(projectionTies.flatMap((t) => [t.a, t.b]))].filter((c) => !inCounty.has(c) && !neighbourCodes.includes(c)).sort();
  const codes = [...own, ...neighbourCodes, ...farCodes];
  const mIndex = new Map(codes.map((c, i) => [c, i]));
  const actors = net.actors();
  const aIndex = new Map(actors.map((a, i) => [a.id, i]));
  return { ix, nameOf, whole, featureOf, inCounty, restOfCounty, drawnOwn, neighbourCodes, codes, actors, drawn: tiesOf(net, projectionTies, mIndex, aIndex) };
}
type CountyPlaces = ReturnType<typeof countyPlaces>;

/** The colour measure of the map, when `values` are given. */
interface Measure {
  scale: ReturnType<typeof checkedScale> | undefined;
  valueOf: (code: string) => number | null;
  anyMissing: boolean;
  missingLabel: string;
}

/** The gaps by municipality of the county drawn: per code, the reasons per type; the types in GAP_TYPES order, unknown ones after in the order first seen. */
function countyGaps(rows: Iterable<MapGap>, places: CountyPlaces, lang: Lang) {
  const types: string[] = [];
  const at = new Map<string, Map<string, string[]>>();
  for (const g of rows) {
    for (const code of new Set(g.municipalities)) {
      if (!places.inCounty.has(code) || !places.featureOf.has(code)) continue;
      if (!types.includes(g.type)) types.push(g.type);
      let byType = at.get(code);
      if (!byType) at.set(code, (byType = new Map()));
      const reasons = byType.get(g.type) ?? [];
      if (!reasons.includes(g.reason)) reasons.push(g.reason);
      byType.set(g.type, reasons);
    }
  }
  const firstSeen = new Map(types.map((t, i) => [t, i]));
  /** A type's place in the legend and its mark (GAP_MARKS). */
  const rank = (t: string) => {
    const i = (GAP_TYPES as readonly string[]).indexOf(t);
    return i < 0 ? GAP_TYPES.length + firstSeen.get(t)! : i;
  };
  types.sort((a, b) => rank(a) - rank(b));
  const label = (type: string) => ((GAP_TYPES as readonly string[]).includes(type) ? message(lang, `map.gap.${type}` as MessageKey) : type);
  /** The types at a municipality, in legend order. */
  const typesAt = (code: string) => [...(at.get(code)?.keys() ?? [])].sort((x, y) => rank(x) - rank(y));
  return { types, at, rank, label, typesAt };
}
type CountyGaps = ReturnType<typeof countyGaps>;

/** The legend's items: the tie styles, the greyed municipalities when drawn, and each gap type present with its count. */
function legendItemsOf(lang: Lang, tieColor: { d: string; s: string }, places: CountyPlaces, gaps: CountyGaps): LegendItem[] {
  const items: LegendItem[] = [
    { cls: 'direct', text: message(lang, 'map.legend.direct'), sample: (x, y) => `<line x1="${x}" y1="${y}" x2="${x + 24}" y2="${y}" stroke="${tieColor.d}" stroke-width="3" stroke-linecap="round"/>` },
    { cls: 'shared', text: message(lang, 'map.legend.shared'), sample: (x, y) => `<line x1="${x}" y1="${y}" x2="${x + 24}" y2="${y}" stroke="${tieColor.s}" stroke-width="3" stroke-dasharray="${SHARED_DASH}"/>` },
    {
      cls: 'width',
      text: message(lang, 'map.legend.width'),
      sample: (x, y) => [1, 2.5, 4.5].map((w, k) => `<line x1="${x + k * 9}" y1="${y + 5}" x2="${x + k * 9 + 6}" y2="${y - 5}" stroke="${COLORS.muted}" stroke-width="${w}"/>`).join(''),
    },
  ];
  if (places.neighbourCodes.length > 0) {
    items.push({ cls: 'neighbours', text: message(lang, places.restOfCounty.length > 0 ? 'map.legend.outside' : 'map.legend.neighbours'), sample: (x, y) => `<rect x="${x + 4}" y="${y - 6}" width="16" height="12" fill="${COLORS.neighbour}" stroke="#bbbbbb" stroke-width="0.8"/>` });
  }
  for (const type of gaps.types) {
    const n = [...gaps.at.values()].filter((byType) => byType.has(type)).length;
    items.push({ cls: 'gap-type', text: message(lang, 'map.legend.gap', { type: gaps.label(type), n }), sample: (x, y) => gapSymbol(gaps.rank(type), x + 12, y, ` data-gap="${escapeXml(type)}"`) });
  }
  return items;
}

/** Layout: the title band, the map fitted to the county (its height follows the county's shape), the legend band, the source line; the projection and the polygons' path data. */
function countyLayout(width: number, places: CountyPlaces, legendBand: number) {
  const { whole, drawnOwn, neighbourCodes } = places;
  const ownCollection = prepare(subsetOf(whole, drawnOwn));
  const meridian = middleLongitude(ownCollection.collection);
  const mapWidth = width - 2 * PAD;
  const mapHeight = Math.round(Math.min(1100, Math.max(260, shapeHeight(ownCollection.collection, mapWidth, meridian) * 1.06)));
  const top = PAD + TITLE_BAND;
  const height = top + mapHeight + legendBand + SOURCE_BAND + PAD;
  // Fitted to the county with a margin, so the neighbours' edges and the ties to them show.
  const inset = Math.round(Math.min(mapWidth, mapHeight) * 0.06);
  const frame: Box = { x: PAD, y: top, width: mapWidth, height: mapHeight };
  const projection = fitProjection(
    ownCollection.collection,
    [
      [PAD + inset, top + inset],
      [PAD + mapWidth - inset, top + mapHeight - inset],
    ],
    meridian,
  );
  const all = prepare(subsetOf(whole, [...drawnOwn, ...neighbourCodes]));
  const shapeOf = new Map(all.collection.features.map((f) => [f.properties.code, f]));
  const shapes = new Map(all.collection.features.map((f) => [f.properties.code, pathData(projection, f)]));
  return { top, mapHeight, height, frame, projection, all, shapeOf, shapes };
}
type CountyLayout = ReturnType<typeof countyLayout>;

/** Where each municipality's ties meet and its name goes: the visual centre of its largest polygon on screen, else its centroid projected. */
function tiePoints(places: CountyPlaces, layout: CountyLayout): Map<string, [number, number]> {
  const { projection, shapeOf } = layout;
  const point = new Map<string, [number, number]>();
  for (const code of places.codes) {
    const feature = shapeOf.get(code);
    const p = feature ? labelPoint(projection, feature) : undefined;
    const m = places.ix.municipality.get(code);
    const at = p ?? (m ? projection([m.lon, m.lat]) : null);
    if (at && Number.isFinite(at[0]) && Number.isFinite(at[1])) point.set(code, [Math.round(at[0] * 10) / 10, Math.round(at[1] * 10) / 10]);
  }
  return point;
}

interface TieLine {
  tie: DrawnTie;
  strength: number;
  svg: string;
}

/** The ties as SVG lines, strongest drawn last (on top), widths relative to the strongest of each type; ties per municipality, and how many run off the map. */
function tieLinesOf(places: CountyPlaces, point: Map<string, [number, number]>, frame: Box, lang: Lang, tieColor: { d: string; s: string }, cased: boolean) {
  const { codes, inCounty, nameOf, actors, drawn } = places;
  const max = { d: 0, s: 0 };
  for (const t of drawn.ties) max[t.t] = Math.max(max[t.t], tieStrength(t));
  const count = new Map<string, number>();
  const lines: TieLine[] = [];
  let offMap = 0;
  for (const tie of drawn.ties) {
    const a = codes[tie.a]!;
    const b = codes[tie.b]!;
    const pa = point.get(a);
    const pb = point.get(b);
    if (!pa || !pb) continue;
    for (const c of [a, b]) count.set(c, (count.get(c) ?? 0) + 1);
    if (!inside(frame, pa) || !inside(frame, pb)) offMap++;
    const strength = tieStrength(tie);
    const w = round1(1 + 4 * Math.sqrt(strength / (max[tie.t] || 1)));
    const dx = pb[0] - pa[0];
    const dy = pb[1] - pa[1];
    const len = Math.hypot(dx, dy) || 1;
    const off = tie.t === 's' ? 1.5 : 0;
    const [ox, oy] = [(-dy / len) * off, (dx / len) * off];
    const cross = !(inCounty.has(a) && inCounty.has(b));
    const cls = `tie ${tie.t === 'd' ? 'direct' : 'shared'}${cross ? ' cross-border' : ''}`;
    // Shared ties dashed with flat ends: round ends would fill the gaps of a wide line, and the dashes are what
    // tells the two kinds apart in greyscale print.
    const style = tie.t === 'd' ? `stroke="${tieColor.d}" stroke-linecap="round"` : `stroke="${tieColor.s}" stroke-dasharray="${SHARED_DASH}" stroke-linecap="butt"`;
    const names = { a: nameOf(a), b: nameOf(b) };
    const label =
      tie.t === 'd'
        ? messageCount(lang, 'map.tie.direct', tie.parts.reduce((n, p) => n + p.n, 0), names)
        : messageCount(lang, 'map.tie.shared', strength, { ...names, bodies: formatList(lang, [...new Set(tie.parts.map((p) => actors[p.b!]!.name))]) });
    const [x1, y1, x2, y2] = [round1(pa[0] + ox), round1(pa[1] + oy), round1(pb[0] + ox), round1(pb[1] + oy)];
    const casing = cased ? `<line class="tie-casing" x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="#ffffff" stroke-width="${round1(Number(w) + 2)}" stroke-linecap="round" stroke-opacity="0.8"/>` : '';
    lines.push({
      tie,
      strength,
      svg: `${casing}<line class="${cls}" data-tie="${escapeXml(`${a}-${b}-${tie.t}`)}" x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" ${style} stroke-width="${w}" stroke-opacity="0.85"><title>${escapeXml(label)}</title></line>`,
    });
  }
  lines.sort((x, y) => x.strength / (max[x.tie.t] || 1) - y.strength / (max[y.tie.t] || 1));
  return { lines, count, offMap };
}

/** A placed label: its municipality, its box's centre, and (for the county's own) the text's line, above the gap marks' row. */
interface PlacedLabel {
  code: string;
  x: number;
  y: number;
  height: number;
  textY: number;
}

/** Labels: the county's names first (most populous first), then the neighbours at the far end of a tie (at their municipality when on the map, else where the tie leaves it). */
function countyLabels(places: CountyPlaces, gaps: CountyGaps, point: Map<string, [number, number]>, lines: readonly TieLine[], frame: Box): { own: PlacedLabel[]; neighbours: PlacedLabel[] } {
  const { codes, inCounty, nameOf, ix, drawnOwn } = places;
  const populationOf = (c: string) => ix.municipality.get(c)?.population ?? 0;
  const ownLabelled = drawnOwn.filter((c) => point.has(c));
  const requests: LabelRequest[] = ownLabelled.map((c) => {
    const [x, y] = point.get(c)!;
    const h = LABEL_SIZE + 3 + ((gaps.at.get(c)?.size ?? 0) > 0 ? SYMBOL + 3 : 0);
    return { x, y: y + (h - LABEL_SIZE - 3) / 2, width: textWidth(nameOf(c), LABEL_SIZE) + 4, height: h, priority: populationOf(c) };
  });
  const placedBoxes: Box[] = [];
  const ownAt = placeLabels(requests, frame, placedBoxes);
  const farEnds = new Map<string, [number, number]>();
  for (const { tie } of lines) {
    for (const [near, far] of [[codes[tie.a]!, codes[tie.b]!], [codes[tie.b]!, codes[tie.a]!]] as const) {
      if (!inCounty.has(near) || inCounty.has(far) || farEnds.has(far)) continue;
      const [pn, pf] = [point.get(near)!, point.get(far)!];
      const at = inside(frame, pf) ? pf : exitPoint(frame, pn, pf, NEIGHBOUR_LABEL_SIZE);
      if (at) farEnds.set(far, at);
    }
  }
  const tiedNeighbours = [...farEnds.keys()].sort();
  const neighbourAt = placeLabels(
    tiedNeighbours.map((c) => {
      const [x, y] = farEnds.get(c)!;
      return { x, y, width: textWidth(nameOf(c), NEIGHBOUR_LABEL_SIZE) + 4, height: NEIGHBOUR_LABEL_SIZE + 3, priority: populationOf(c) };
    }),
    frame,
    placedBoxes,
  );
  const own = ownLabelled.map((code, i) => {
    const [x, y] = ownAt[i]!;
    const height = requests[i]!.height;
    return { code, x, y, height, textY: y - height / 2 + (LABEL_SIZE + 3) / 2 };
  });
  const neighbours = tiedNeighbours.map((code, i) => ({ code, x: neighbourAt[i]![0], y: neighbourAt[i]![1], height: NEIGHBOUR_LABEL_SIZE + 3, textY: neighbourAt[i]![1] }));
  return { own, neighbours };
}

/** The gap marks under the county's labels: one per type, in a row, the reasons as the `<title>`. */
function gapMarks(own: readonly PlacedLabel[], gaps: CountyGaps): string[] {
  return own.flatMap(({ code, x, y, height }) => {
    const byType = gaps.at.get(code);
    if (!byType) return [];
    const types = gaps.typesAt(code);
    const rowY = y + height / 2 - SYMBOL / 2 - 1;
    return types.map((type, k) => {
      const sx = x + (k - (types.length - 1) / 2) * (SYMBOL + 3);
      const reasons = byType.get(type)!;
      return `<g class="gap" data-code="${escapeXml(code)}" data-gap="${escapeXml(type)}"><title>${escapeXml(`${gaps.label(type)}: ${reasons.join(' ')}`)}</title>${gapSymbol(gaps.rank(type), sx, rowY, '')}</g>`;
    });
  });
}

/** The polygons: the county's municipalities (coloured by the measure, else plain; their ties, value and gaps in the `<title>`), the greyed ones, and the county borders over them. */
function countyPaths(places: CountyPlaces, gaps: CountyGaps, layout: CountyLayout, tieCount: Map<string, number>, measure: Measure, legendLabel: string | undefined, lang: Lang) {
  const { ix, nameOf, drawnOwn, neighbourCodes } = places;
  const { scale, valueOf, missingLabel } = measure;
  const { shapes, projection, all } = layout;
  const summary = (code: string) => messageCount(lang, 'map.municipality.ties', tieCount.get(code) ?? 0, { name: nameOf(code) });
  const ownPaths = drawnOwn.map((c) => {
    const byType = gaps.at.get(c);
    const v = valueOf(c);
    const measured = scale ? `${legendLabel ? `${legendLabel}: ` : ''}${v === null ? missingLabel : scale.text(v)}` : undefined;
    const base = measured === undefined ? summary(c) : message(lang, 'map.municipality.value', { summary: summary(c), value: measured });
    const text = byType ? message(lang, 'map.municipality.gaps', { summary: base, gaps: formatList(lang, gaps.typesAt(c).map(gaps.label)) }) : base;
    return `<path class="municipality${byType ? ' has-gap' : ''}" data-code="${escapeXml(c)}" fill="${scale ? scale.color(v) : COLORS.county}"${scale && v === null ? ` ${MISSING_OUTLINE}` : ''} d="${shapes.get(c)}"><title>${escapeXml(text)}</title></path>`;
  });
  const countyName = (code: string) => ix.county.get(code)?.name ?? code;
  const neighbourPaths = neighbourCodes.map((c) => {
    const m = ix.municipality.get(c);
    const text = message(lang, 'map.neighbour', { name: nameOf(c), county: countyName(m?.county ?? '') });
    return `<path class="neighbour" data-code="${escapeXml(c)}" fill="${COLORS.neighbour}" d="${shapes.get(c)}"><title>${escapeXml(text)}</title></path>`;
  });
  const countyCodeOf = new Map([...drawnOwn, ...neighbourCodes].map((c) => [c, ix.municipality.get(c)?.county ?? c]));
  const borders = pathData(projection, { type: 'MultiLineString', coordinates: countyBorderLines(all.collection, countyCodeOf) });
  return { ownPaths, neighbourPaths, borders };
}

const inside = (frame: Box, [x, y]: readonly number[]) => x! >= frame.x && x! <= frame.x + frame.width && y! >= frame.y && y! <= frame.y + frame.height;

/** Where the segment from `from` (inside the frame) towards `to` (outside) leaves the frame, moved `margin` px back inside; undefined when `from` is outside too. */
function exitPoint(frame: Box, from: readonly number[], to: readonly number[], margin: number): [number, number] | undefined {
  if (!inside(frame, from)) return undefined;
  const [x0, y0] = [from[0]!, from[1]!];
  const [dx, dy] = [to[0]! - x0, to[1]! - y0];
  let t = 1;
  if (dx > 0) t = Math.min(t, (frame.x + frame.width - x0) / dx);
  if (dx < 0) t = Math.min(t, (frame.x - x0) / dx);
  if (dy > 0) t = Math.min(t, (frame.y + frame.height - y0) / dy);
  if (dy < 0) t = Math.min(t, (frame.y - y0) / dy);
  const len = Math.hypot(dx, dy) || 1;
  const back = Math.min(t, Math.max(0, t - (2 * margin) / len));
  return [x0 + dx * back, y0 + dy * back];
}
