import { z } from 'zod';
import { cmp, findMunicipality, indexGeography } from '../model/geography.js';
import type { Geography } from '../model/schema.js';
import { withColumns, type Rows } from '../model/table.js';
import { borderGraph, borderStepArray, haversineKm } from './distance.js';
import { parseOptions, said } from '../model/options.js';
import { ArgumentError } from '../model/errors.js';

export const NeighboursOptionsSchema = z.strictObject({
  /** Include municipalities up to this many border steps away (1 = bordering only). Default 2. */
  hops: z.number().int().nonnegative().default(2),
  /** Also include municipalities whose centroid is within this many km, border or not. Default 60. */
  maxKm: z.number().nonnegative().default(60),
  /**
   * Guarantee at least this many neighbours by adding the nearest
   * municipalities by distance, so islands with no border (Gotland) and remote
   * municipalities still get some. Default 3.
   */
  atLeast: z.number().int().nonnegative().default(3),
  /** Codes never to return (e.g. municipalities already tied); `atLeast` counts the others. Default none. */
  exclude: z.array(z.string()).default([]),
});
export type NeighboursOptions = z.input<typeof NeighboursOptionsSchema>;

export interface NeighbourRow {
  /** The municipality the neighbours are of. */
  municipality: string;
  /** The neighbour's code (its name and county follow). */
  neighbour: string;
  name: string;
  county: string;
  /** Border steps (1 = shares a border), or `null` when not reachable over borders. */
  borderSteps: number | null;
  /** Centroid-to-centroid great-circle distance in km. */
  distanceKm: number;
  /** Why it is included: `border` (within `hops`), `distance` (within `maxKm`) or `nearest` (to reach `atLeast`). */
  via: 'border' | 'distance' | 'nearest';
}

/**
 * Neighbouring municipalities of one municipality (code, code without its
 * leading zero, or name): those within `hops` border
 * steps, those within `maxKm` km, and (to reach `atLeast`) the nearest others.
 * Sorted by border steps (unreachable last), then distance, then code.
 *
 * @example
 * neighbours(swedenGeography(), '0980'); // Gotland: the nearest mainland municipalities
 */
export function neighbours(geography: Geography, code: string, options: NeighboursOptions = {}): Rows<NeighbourRow> {
  const { hops, maxKm, atLeast, exclude } = parseOptions(NeighboursOptionsSchema, options, 'neighbours');
  const excluded = new Set(exclude);
  const origin = findMunicipality(geography, code);
  if (!origin) throw new ArgumentError(said('errors.geo.unknownMunicipalityName', { value: JSON.stringify(code) }));
  code = origin.code;
  // Typed arrays over every municipality; row objects only for those returned
  // (a country of thousands of municipalities, asked once per municipality).
  const graph = borderGraph(geography);
  const ix = indexGeography(geography);
  const from = graph.index.get(code)!;
  const { steps } = borderStepArray(graph, from);
  const n = graph.codes.length;
  const distance = new Float64Array(n);
  const chosenIndex: number[] = [];
  const rest: number[] = [];
  for (let i = 0; i < n; i++) {
    if (i === from || excluded.has(graph.codes[i]!)) continue;
    distance[i] = haversineKm(origin.lat, origin.lon, graph.lat[i]!, graph.lon[i]!);
    const s = steps[i]!;
    if ((s >= 0 && s <= hops) || distance[i]! <= maxKm) chosenIndex.push(i);
    else rest.push(i);
  }
  if (chosenIndex.length < atLeast) {
    rest.sort((p, q) => distance[p]! - distance[q]! || cmp(graph.codes[p]!, graph.codes[q]!));
    chosenIndex.push(...rest.slice(0, atLeast - chosenIndex.length));
  }
  const chosen = chosenIndex.map((i): NeighbourRow => {
    const s = steps[i]! >= 0 ? steps[i]! : null;
    const m = ix.municipality.get(graph.codes[i]!)!;
    const via = s !== null && s <= hops ? 'border' : distance[i]! <= maxKm ? 'distance' : 'nearest';
    return { municipality: code, neighbour: m.code, name: m.name, county: m.county, borderSteps: s, distanceKm: distance[i]!, via };
  });
  chosen.sort((p, q) => (p.borderSteps ?? Infinity) - (q.borderSteps ?? Infinity) || p.distanceKm - q.distanceKm || cmp(p.neighbour, q.neighbour));
  return withColumns(chosen, ['municipality', 'neighbour', 'name', 'county', 'borderSteps', 'distanceKm', 'via']);
}
