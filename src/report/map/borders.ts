/** County borders from the segments neighbouring features share. */
import type { MapFeatureCollection } from '../../geo/map-features.js';
import { prepare, segmentKey } from './prepare.js';

/**
 * The county borders of a feature collection as lines of `[lon, lat]`
 * positions, computed from shared segments (the input must keep topology:
 * neighbours share identical coordinates along their common border).
 *
 * A segment (two consecutive positions of a ring, in either direction) is a
 * county border when the features using it lie in more than one county, or
 * when only one feature uses it, once: the coast, the national border, or the
 * edge of the data (in the Swedish data also the shores of the large lakes,
 * which are not part of any municipality). A segment shared only within one
 * county is not. A
 * feature's county is `countyOf.get(code)`, else its `county` property, else
 * the feature counts as a county of its own.
 *
 * Lines follow the rings in feature order and each segment appears once, so
 * the result is deterministic.
 *
 * @example
 * const geo = swedenGeography();
 * countyBorderLines(swedenMapFeatures(), new Map(geo.municipalities.map((m) => [m.code, m.county])));
 */
export function countyBorderLines(collection: MapFeatureCollection, countyOf: ReadonlyMap<string, string> = new Map()): number[][][] {
  const map = prepare(collection);
  const county = map.collection.features.map((f) => countyOf.get(f.properties.code) ?? f.properties.county ?? `\u0000${f.properties.code}`);
  const isBorder = (uses: readonly number[]) => uses.length === 1 || uses.some((i) => county[i] !== county[uses[0]!]);
  const drawn = new Set<string>();
  const lines: number[][][] = [];
  for (const featureRings of map.rings) {
    for (const ring of featureRings) {
      let line: number[][] | undefined;
      for (let k = 0; k + 1 < ring.length; k++) {
        const p = ring[k]!;
        const q = ring[k + 1]!;
        const key = segmentKey(p, q);
        if (key === undefined) continue;
        if (drawn.has(key) || !isBorder(map.segmentUses.get(key)!)) {
          line = undefined;
          continue;
        }
        drawn.add(key);
        if (!line) lines.push((line = [[p[0]!, p[1]!]]));
        line.push([q[0]!, q[1]!]);
      }
    }
  }
  return lines;
}
