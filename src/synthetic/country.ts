/**
 * The invented country of a synthetic network: municipalities on a jittered
 * grid over a Sweden-sized box, counties as contiguous blocks, borders
 * between grid neighbours, populations heavy-tailed. Places are named with
 * the country's words (`DemoWords.municipalityName`, `countyName`).
 *
 * @module
 */
import type { Border, County, Geography, Municipality } from '../model/schema.js';
import type { Rng } from '../metrics/random.js';
import { stageStream } from './shape.js';
import { DEFAULT_COUNTRY } from '../countries/default.js';
import type { DemoWords } from '../model/demo-words.js';
import { ArgumentError } from '../model/errors.js';
import { said } from '../model/options.js';

/** The bounding box of the invented country (WGS84 degrees): about 1 300 × 630 km. */
const BOX = { south: 55.5, north: 67.5, west: 11, east: 23 } as const;
export const KM_PER_DEG_LAT = 111.2;
export const KM_PER_DEG_LON = 111.2 * Math.cos((61.5 * Math.PI) / 180);

/** A standard normal draw (Box–Muller). */
function normal(rng: Rng): number {
  const u = 1 - rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const round4 = (x: number) => Number(x.toFixed(4));

/** The country and the per-municipality arrays the generator reads. */
export interface Layout {
  geography: Geography;
  /** Per municipality (code order): grid row and column, population, county index. */
  row: Int32Array;
  col: Int32Array;
  population: Float64Array;
  county: Int32Array;
  /** Neighbour lists (municipality indices). */
  borders: number[][];
  /** Typical distance between neighbouring centroids, km. */
  cellKm: number;
  countyCodes: string[];
}

/**
 * The words of an invented country when its entry is given none (the scale
 * sizes' `words` option, `makeGeography`): the default country's. The stages
 * themselves take words as an argument and pick no default.
 */
export function defaultWords(): DemoWords {
  const words = DEFAULT_COUNTRY.demoWords;
  if (words === undefined) throw new ArgumentError(said('errors.synthetic.noDemoWords', { country: DEFAULT_COUNTRY.name }));
  return words;
}

export function makeGeography(M: number, C: number, seed: number, links: number, words: DemoWords = defaultWords()): Layout {
  const rng = stageStream(seed, 1);
  const grid = gridOf(M);
  const { latStep, lonStep, cellKm, cellRow, cellCol } = grid;
  const countyOfCell = bisectCounties(grid, C, rng);

  // Municipalities in county order, then from the south-west: codes follow that order.
  const order = Array.from({ length: M }, (_, i) => i).sort(
    (a, b) => countyOfCell[a]! - countyOfCell[b]! || cellRow[a]! - cellRow[b]! || cellCol[a]! - cellCol[b]!,
  );
  const indexOfCell = new Int32Array(M);
  order.forEach((cell, i) => (indexOfCell[cell] = i));
  const row = new Int32Array(M);
  const col = new Int32Array(M);
  const county = new Int32Array(M);
  order.forEach((cell, i) => {
    row[i] = cellRow[cell]!;
    col[i] = cellCol[cell]!;
    county[i] = countyOfCell[cell]!;
  });

  const sortedPairs = gridBorders(grid, indexOfCell, rng);
  const borderList: Border[] = [];
  const borders: number[][] = Array.from({ length: M }, () => []);
  const width = Math.max(4, String(M).length);
  const codes = Array.from({ length: M }, (_, i) => pad(i + 1, width));
  for (const p of sortedPairs) {
    const a = Math.floor(p / M);
    const b = p % M;
    borders[a]!.push(b);
    borders[b]!.push(a);
    borderList.push({ a: codes[a]!, b: codes[b]! });
  }
  for (const list of borders) list.sort((a, b) => a - b);

  const countyWidth = Math.max(2, String(C).length);
  const countyCodes = Array.from({ length: C }, (_, i) => pad(i + 1, countyWidth));
  const counties: County[] = countyCodes.map((code) => ({ code, name: words.countyName(code) }));

  // Populations: lognormal around 15 500 (about half the municipalities are small), 800 … 2 500 000.
  const population = new Float64Array(M);
  const municipalities: Municipality[] = [];
  for (let i = 0; i < M; i++) {
    const pop = Math.round(Math.min(2_500_000, Math.max(800, Math.exp(Math.log(15_500) + 1.05 * normal(rng)))));
    population[i] = pop;
    const lat = round4(BOX.south + (row[i]! + 0.5 + 0.6 * (rng() - 0.5)) * latStep);
    const lon = round4(BOX.west + (col[i]! + 0.5 + 0.6 * (rng() - 0.5)) * lonStep);
    const areaKm2 = Math.max(1, Math.round(cellKm * cellKm * (0.5 + rng())));
    municipalities.push({
      code: codes[i]!,
      name: words.municipalityName(codes[i]!),
      county: countyCodes[county[i]!]!,
      population: pop,
      populationYear: 2025,
      lat,
      lon,
      areaKm2,
      island: borders[i]!.length === 0,
    });
  }
  const geography: Geography = {
    name: 'Synthetic',
    municipalities,
    counties,
    borders: borderList,
    source: `Invented by syntheticNetwork (seed ${seed}, ${links} links, ${M} municipalities, ${C} counties): not a real country.`,
  };
  return { geography, row, col, population, county, borders, cellKm, countyCodes };
}

/** The grid of M cells over the box: rows and columns of about square cells (of `cellKm`), the first M filled row by row from the south. */
function gridOf(M: number) {
  const heightKm = (BOX.north - BOX.south) * KM_PER_DEG_LAT;
  const widthKm = (BOX.east - BOX.west) * KM_PER_DEG_LON;
  const rows = Math.max(1, Math.round(Math.sqrt((M * heightKm) / widthKm)));
  const cols = Math.ceil(M / rows);
  const latStep = (BOX.north - BOX.south) / rows;
  const lonStep = (BOX.east - BOX.west) / cols;
  const cellKm = Math.sqrt(latStep * KM_PER_DEG_LAT * lonStep * KM_PER_DEG_LON);
  const cellRow = new Int32Array(M);
  const cellCol = new Int32Array(M);
  for (let i = 0; i < M; i++) {
    cellRow[i] = Math.floor(i / cols);
    cellCol[i] = i % cols;
  }
  return { M, cols, latStep, lonStep, cellKm, cellRow, cellCol };
}
type Grid = ReturnType<typeof gridOf>;

/** Counties: recursive bisection of the cells along the longer side, with random county weights (C draws), so counties are contiguous blocks of varied size. The county of each cell. */
function bisectCounties(grid: Grid, C: number, rng: () => number): Int32Array {
  const { M, latStep, lonStep, cellRow, cellCol } = grid;
  const weights = Float64Array.from({ length: C }, () => 0.4 + 1.6 * rng());
  const countyOfCell = new Int32Array(M);
  let nextCounty = 0;
  const split = (cells: number[], from: number, to: number): void => {
    const k = to - from;
    if (k === 1) {
      const c = nextCounty++;
      for (const cell of cells) countyOfCell[cell] = c;
      return;
    }
    let minR = Infinity, maxR = -Infinity, minC = Infinity, maxC = -Infinity;
    for (const cell of cells) {
      minR = Math.min(minR, cellRow[cell]!);
      maxR = Math.max(maxR, cellRow[cell]!);
      minC = Math.min(minC, cellCol[cell]!);
      maxC = Math.max(maxC, cellCol[cell]!);
    }
    const byRow = (maxR - minR + 1) * latStep * KM_PER_DEG_LAT >= (maxC - minC + 1) * lonStep * KM_PER_DEG_LON;
    const [major, minor] = byRow ? [cellRow, cellCol] : [cellCol, cellRow];
    cells.sort((a, b) => major[a]! - major[b]! || minor[a]! - minor[b]!);
    const half = Math.floor(k / 2);
    let wLeft = 0, wAll = 0;
    for (let i = from; i < to; i++) {
      wAll += weights[i]!;
      if (i < from + half) wLeft += weights[i]!;
    }
    const n = Math.min(cells.length - (k - half), Math.max(half, Math.round((cells.length * wLeft) / wAll)));
    split(cells.slice(0, n), from, from + half);
    split(cells.slice(n), from + half, to);
  };
  split(Array.from({ length: M }, (_, i) => i), 0, C);
  return countyOfCell;
}

/**
 * Borders: grid neighbours, one diagonal in a third of the 2×2 squares, a
 * few grid borders dropped; a few municipalities on the edge become islands
 * (one in 250). The pairs as `a × M + b` of municipality indices, a < b,
 * sorted, the islands' left out.
 */
function gridBorders(grid: Grid, indexOfCell: Int32Array, rng: () => number): number[] {
  const { M, cols, cellRow, cellCol } = grid;
  const cellAt = (r: number, c: number) => (r < 0 || c < 0 || c >= cols || r * cols + c >= M ? -1 : r * cols + c);
  const pairs = new Set<number>();
  const addBorder = (p: number, q: number) => {
    if (p < 0 || q < 0) return;
    const [a, b] = indexOfCell[p]! < indexOfCell[q]! ? [indexOfCell[p]!, indexOfCell[q]!] : [indexOfCell[q]!, indexOfCell[p]!];
    pairs.add(a * M + b);
  };
  for (let cell = 0; cell < M; cell++) {
    const r = cellRow[cell]!;
    const c = cellCol[cell]!;
    if (rng() >= 0.06) addBorder(cell, cellAt(r, c + 1));
    if (rng() >= 0.06) addBorder(cell, cellAt(r + 1, c));
    const diagonal = rng();
    if (diagonal < 0.17) addBorder(cell, cellAt(r + 1, c + 1));
    else if (diagonal < 0.34) addBorder(cellAt(r, c + 1), cellAt(r + 1, c));
  }
  const islands = new Set<number>();
  const edgeCells = [];
  for (let cell = 0; cell < M; cell++) {
    const r = cellRow[cell]!;
    const c = cellCol[cell]!;
    if (r === 0 || c === 0 || c === cols - 1 || cellAt(r + 1, c) < 0) edgeCells.push(indexOfCell[cell]!);
  }
  edgeCells.sort((a, b) => a - b);
  for (let k = Math.floor(M / 250); k > 0 && edgeCells.length > 0; k--) {
    islands.add(edgeCells.splice(Math.floor(rng() * edgeCells.length), 1)[0]!);
  }
  return [...pairs].filter((p) => !islands.has(Math.floor(p / M)) && !islands.has(p % M)).sort((p, q) => p - q);
}
