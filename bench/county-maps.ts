/**
 * What placing the names of the county maps costs (issue 15): a national
 * report draws 21 county maps, each naming its municipalities and the
 * neighbouring ones at the visual centre of their largest polygon. This
 * times, in the same run:
 *
 * - **old**: the search on each map's pixels, to half a pixel, for every
 *   municipality of every county map (its own and its neighbours'), as
 *   `labelPoint` did before: 21 searches per map, a municipality searched
 *   again on each map it appears on;
 * - **new**: the search once per municipality in kilometres
 *   (`findLabelPosition`, to 1/1 000 of its size, uncached here: what a
 *   fresh process pays), then each map's points projected from it;
 *
 * and prints old / new, and the whole 21 county maps (`renderCountyMap`)
 * for reference.
 *
 *   npx tsx bench/county-maps.ts [--runs 3]
 */
import { demoDataset, loadNetwork, swedenGeography } from '../src/index.js';
import { renderCountyMap } from '../src/report.js';
import { defaultMapFeatures } from '../src/geo/map-features.js';
import { findLabelPosition, visualCentre, type ScreenPolygon } from '../src/report/map/labels.js';
import { fitProjection, largestPolygon, middleLongitude, prepare } from '../src/report/map/prepare.js';
import type { MapFeature } from '../src/geo/map-features.js';
import type { GeoProjection } from 'd3-geo';
import { formatTable, positiveArg, timeRuns } from './lib/measure.js';

const RUNS = Math.floor(positiveArg('runs', 3));
const geography = swedenGeography();
const whole = prepare(defaultMapFeatures());
const featureOf = new Map(whole.collection.features.map((f) => [f.properties.code, f]));
const countyOf = new Map(geography.municipalities.map((m) => [m.code, m.county]));
const bordersOf = new Map<string, string[]>();
for (const { a, b } of geography.borders) {
  bordersOf.set(a, [...(bordersOf.get(a) ?? []), b]);
  bordersOf.set(b, [...(bordersOf.get(b) ?? []), a]);
}

/** Each county map's projection (fitted to the county, as `renderCountyMap` fits it at its default width) and the features it names. */
const maps: { projection: GeoProjection; features: MapFeature[] }[] = geography.counties.map((county) => {
  const own = geography.municipalities.filter((m) => m.county === county.code).map((m) => m.code);
  const neighbourCounties = new Set(own.flatMap((c) => bordersOf.get(c) ?? []).map((c) => countyOf.get(c)).filter((c) => c !== county.code));
  const neighbours = geography.municipalities.filter((m) => neighbourCounties.has(m.county)).map((m) => m.code);
  const ownFeatures = own.flatMap((c) => featureOf.get(c) ?? []);
  const collection = { type: 'FeatureCollection' as const, features: ownFeatures };
  const projection = fitProjection(collection, [[40, 70], [440, 870]], middleLongitude(collection));
  return { projection, features: [...ownFeatures, ...neighbours.flatMap((c) => featureOf.get(c) ?? [])] };
});
const searches = maps.reduce((n, m) => n + m.features.length, 0);

function oldWay(): number {
  let placed = 0;
  for (const { projection, features } of maps) {
    for (const feature of features) {
      const polygon = largestPolygon(feature);
      if (polygon.type !== 'Polygon') continue;
      const screen: ScreenPolygon = polygon.coordinates.map((ring) => ring.flatMap((p) => [projection([p[0]!, p[1]!])!]));
      const [x, y] = visualCentre(screen, 0.5);
      if (Number.isFinite(x + y)) placed++;
    }
  }
  return placed;
}

function newWay(): number {
  const found = new Map<MapFeature, readonly [number, number] | null>();
  let placed = 0;
  for (const { projection, features } of maps) {
    for (const feature of features) {
      let at = found.get(feature);
      if (at === undefined) found.set(feature, (at = findLabelPosition(feature)));
      const q = at && projection([at[0], at[1]]);
      if (q && Number.isFinite(q[0] + q[1])) placed++;
    }
  }
  return placed;
}

const old = timeRuns(oldWay, { runs: RUNS });
const now = timeRuns(newWay, { runs: RUNS });
if (old.value !== now.value) throw new Error(`the two ways placed ${old.value} and ${now.value} names`);
const net = loadNetwork(demoDataset());
const gaps: [] = [];
const whole21 = timeRuns(() => geography.counties.map((c) => renderCountyMap(net, { county: c.code, gaps })).length, { runs: RUNS });

console.log(`# County map labels: ${maps.length} county maps, ${searches} names placed (${whole.collection.features.length} municipalities)\n`);
console.log(
  formatTable([
    { figure: 'old: the search per map, in pixels (0.5 px)', seconds: old.seconds.toFixed(3), 'per map s': (old.seconds / maps.length).toFixed(4) },
    { figure: 'new: once per municipality, in km (1/1 000 of its size)', seconds: now.seconds.toFixed(3), 'per map s': (now.seconds / maps.length).toFixed(4) },
    { figure: `the ${maps.length} county maps drawn (renderCountyMap, new way, cache warm)`, seconds: whole21.seconds.toFixed(3), 'per map s': (whole21.seconds / maps.length).toFixed(4) },
  ]),
);
console.log(`\nold / new: ${(old.seconds / now.seconds).toFixed(1)}× (median of ${RUNS} runs each, after a warm-up run, in the same process)`);
