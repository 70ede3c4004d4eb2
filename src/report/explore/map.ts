/** The explorer's map: the municipalities projected and drawn as SVG path data, fitted to the scope's polygons. */
import { geoPath, geoTransverseMercator, type GeoProjection } from 'd3-geo';
import { ArgumentError } from '../../model/errors.js';
import { said, saidIn } from '../../model/options.js';
import { describeScope } from '../../model/scope.js';
import type { Lang } from '../../model/i18n/index.js';
import { indexGeography } from '../../model/geography.js';
import type { CooperationNetwork } from '../../model/network.js';
import { geographyMapFeatures, type MapFeature } from '../../geo/map-features.js';
import { PathWriter } from '../map/path-writer.js';
import { asGeo, largestPolygon, middleLongitude, prepare } from '../map/prepare.js';
import type { ExplorerMap, ExplorerMunicipality } from './data.js';
import type { ParsedExplorerOptions } from './options.js';

/** The most names the explorer's whole map shows at once (a county or two); a larger scope names each county's when zoomed to it. */
const LABELS_AT_ONCE = 60;

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * The municipalities of the page (`codes`: the scope's first) with where
 * their ties meet (the centroid of their largest polygon, else their
 * coordinates), and the map: transverse Mercator fitted to the scope's
 * polygons (around its country's meridian for the whole map), the
 * path data of every municipality with a polygon, and label positions when
 * the scope has at most 60 municipalities.
 */
export function projectMunicipalities(net: CooperationNetwork, codes: readonly string[], inScope: ReadonlySet<string>, o: ParsedExplorerOptions): { municipalities: ExplorerMunicipality[]; map: ExplorerMap } {
  const ix = indexGeography(net.geography);
  const whole = prepare(o.features ?? geographyMapFeatures(net.geography));
  const featureOf = new Map(whole.collection.features.map((f) => [f.properties.code, f]));
  const scopeFeatures = [...inScope].flatMap((c) => featureOf.get(c) ?? []);
  if (scopeFeatures.length === 0) {
    throw new ArgumentError(saidIn('renderExplorer', said('options.noPolygons', { county: (lang: Lang) => describeScope(net.scope, net.geography, lang) })));
  }
  const fitTo = { type: 'FeatureCollection' as const, features: scopeFeatures };
  const meridian = (net.scope.national && !o.features ? net.geography.mapMeridian : undefined) ?? middleLongitude(fitTo);
  const pad = 16;
  const width = o.width;
  const base = geoTransverseMercator().rotate([-meridian, 0]).fitWidth(width - 2 * pad, asGeo(fitTo));
  const [[x0, y0], [x1, y1]] = geoPath(base).bounds(asGeo(fitTo));
  const height = Math.round(Math.min(2.2 * width, Math.max(0.5 * width, x1 > x0 ? ((y1 - y0) / (x1 - x0)) * (width - 2 * pad) + 2 * pad : width)));
  const fitted: GeoProjection = geoTransverseMercator()
    .rotate([-meridian, 0])
    .fitExtent(
      [
        [pad, pad],
        [width - pad, height - pad],
      ],
      asGeo(fitTo),
    );
  const path = (feature: MapFeature) => {
    const writer = new PathWriter();
    geoPath(fitted, writer)(asGeo(feature));
    return writer.result();
  };

  const shapes: ExplorerMap['shapes'] = [];
  const municipalities: ExplorerMunicipality[] = codes.map((code, i) => {
    const m = ix.municipality.get(code)!;
    const feature = featureOf.get(code);
    let point: [number, number] | null = null;
    let shape = -1;
    if (feature) {
      shape = shapes.length;
      shapes.push({ m: i, d: path(feature) });
      const c = geoPath(fitted).centroid(asGeo(largestPolygon(feature)));
      if (Number.isFinite(c[0]) && Number.isFinite(c[1])) point = c;
    }
    point ??= fitted([m.lon, m.lat]) ?? [0, 0];
    return { code, name: m.name, county: m.county, population: m.population, scope: inScope.has(code), shape, x: round1(point[0]), y: round1(point[1]) };
  });
  const labels = municipalities.flatMap((m, i) => (m.scope && m.shape >= 0 ? [{ m: i, x: m.x, y: m.y }] : []));
  return { municipalities, map: { width, height, shapes, labels, dense: inScope.size > LABELS_AT_ONCE } };
}
