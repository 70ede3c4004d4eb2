/**
 * The generator's searches over a geography: BorderSearch (breadth-first
 * searches to k border steps, each resetting only what the last reached) and
 * KmGrid (the points within a radius, from 3 × 3 cells). Checked against a
 * hand-computed chain and against plain references written here: a
 * breadth-first search over the border pairs and a scan of every pair's
 * great-circle distance.
 */
import { describe, expect, it } from 'vitest';
import { BorderSearch, borderGraph, haversineKm, KmGrid } from '../../src/geo/distance.js';
import { swedenGeography } from '../../src/io/sweden.js';
import type { Geography } from '../../src/model/schema.js';
import { makeGeography } from '../../src/synthetic/country.js';

/** A geography of the given municipalities (code, lat, lon) and borders. */
function geographyOf(points: [string, number, number][], borders: [string, string][]): Geography {
  return {
    name: 'test',
    counties: [{ code: '01', name: 'One' }],
    municipalities: points.map(([code, lat, lon]) => ({ code, name: code, county: '01', population: 1000, populationYear: 2025, lat, lon, island: !borders.some((b) => b.includes(code)) })),
    borders: borders.map(([a, b]) => ({ a, b })),
  };
}

/** Border steps from `from` to every code within `k`, by a plain breadth-first search over the border pairs. */
function referenceSteps(geography: Geography, from: string, k: number): Map<string, number> {
  const next = new Map<string, string[]>();
  for (const { a, b } of geography.borders) {
    next.set(a, [...(next.get(a) ?? []), b]);
    next.set(b, [...(next.get(b) ?? []), a]);
  }
  const steps = new Map([[from, 0]]);
  let frontier = [from];
  for (let s = 1; s <= k && frontier.length > 0; s++) {
    const grown: string[] = [];
    for (const x of frontier) for (const y of next.get(x) ?? []) if (!steps.has(y)) (steps.set(y, s), grown.push(y));
    frontier = grown;
  }
  return steps;
}

const stepsOf = (search: BorderSearch, reached: number) => new Map(Array.from(search.order.subarray(0, reached), (i) => [search.graph.codes[i]!, search.steps[i]!]));

describe('BorderSearch', () => {
  it('on a chain a–b–c–d and an island e: the steps by hand, to every bound', () => {
    const g = geographyOf(
      [['a', 60, 15], ['b', 60, 16], ['c', 60, 17], ['d', 60, 18], ['e', 58, 19]],
      [['a', 'b'], ['b', 'c'], ['c', 'd']],
    );
    const search = new BorderSearch(borderGraph(g));
    expect(stepsOf(search, search.from(0, 1))).toEqual(new Map([['a', 0], ['b', 1]]));
    expect(stepsOf(search, search.from(0, 2))).toEqual(new Map([['a', 0], ['b', 1], ['c', 2]]));
    expect(stepsOf(search, search.from(3))).toEqual(new Map([['d', 0], ['c', 1], ['b', 2], ['a', 3]]));
    expect(stepsOf(search, search.from(4))).toEqual(new Map([['e', 0]]));
    // What the previous searches reached is reset: -1 everywhere but the island.
    expect(Array.from(search.steps)).toEqual([-1, -1, -1, -1, 0]);
  });

  it('matches a plain breadth-first search from every Swedish municipality, to 0–4 steps and unbounded, in any order of searches', () => {
    const geography = swedenGeography();
    const graph = borderGraph(geography);
    const search = new BorderSearch(graph);
    const bad: string[] = [];
    for (const k of [0, 1, 2, 4, Infinity]) {
      // Backwards, so each search follows one from elsewhere.
      for (let i = graph.codes.length - 1; i >= 0; i--) {
        const got = stepsOf(search, search.from(i, k));
        const want = referenceSteps(geography, graph.codes[i]!, k === Infinity ? 1e9 : k);
        if (got.size !== want.size || [...want].some(([c, s]) => got.get(c) !== s)) bad.push(`${graph.codes[i]} k=${k}`);
      }
    }
    expect(bad).toEqual([]);
  });
});

describe('KmGrid', () => {
  /** The indices within `km` of point i, by a scan of every point. */
  const scan = (lat: number[], lon: number[], i: number, km: number) =>
    lat.map((_, j) => j).filter((j) => j !== i && haversineKm(lat[i]!, lon[i]!, lat[j]!, lon[j]!) <= km);

  const cases: [string, number[], number[]][] = [];
  {
    const sweden = swedenGeography().municipalities;
    cases.push(['Sweden', sweden.map((m) => m.lat), sweden.map((m) => m.lon)]);
    const invented = makeGeography(1200, 80, 3, 20_000).geography.municipalities;
    cases.push(['an invented country', invented.map((m) => m.lat), invented.map((m) => m.lon)]);
    // Near the pole, where a degree of longitude is a few km, and across more than 180° of longitude.
    const lat: number[] = [];
    const lon: number[] = [];
    for (let k = 0; k < 400; k++) {
      lat.push(80 + ((k * 37) % 90) / 10);
      lon.push(-170 + ((k * 53) % 340));
    }
    cases.push(['points at 80–89°N around the pole', lat, lon]);
  }

  it.each(cases)('in %s: the points within 30, 150, 400 and 25 000 km (all) are those of a scan of every pair', (_, lat, lon) => {
    const bad: string[] = [];
    for (const km of [30, 150, 400, 25_000]) {
      const grid = new KmGrid(lat, lon, km);
      for (let i = 0; i < lat.length; i++) {
        const got = grid.within(i).sort((p, q) => p - q);
        const want = scan(lat, lon, i, km);
        if (got.join() !== want.join()) bad.push(`${i} at ${km} km: ${got.length} not ${want.length}`);
      }
    }
    expect(bad.slice(0, 5)).toEqual([]);
  });

  it('a hand-made case: two points 100 km apart along a parallel at 60°N are within 150 km, not within 50', () => {
    // 100 km at 60°N is 100 / (111.195 × cos 60°) ≈ 1.7986° of longitude.
    const dLon = (100 / ((6371.0088 * Math.PI) / 180)) / Math.cos(Math.PI / 3);
    const lat = [60, 60];
    const lon = [15, 15 + dLon];
    expect(haversineKm(60, 15, 60, 15 + dLon)).toBeCloseTo(100, 0);
    expect(new KmGrid(lat, lon, 150).within(0)).toEqual([1]);
    expect(new KmGrid(lat, lon, 50).within(0)).toEqual([]);
  });
});
