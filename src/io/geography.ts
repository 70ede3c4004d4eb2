import { LangSchema } from '../model/i18n/index.js';
import { uniformDigitWidth } from '../model/geography.js';
import { SamverkanError } from '../model/errors.js';
import { because, formatProblem, type Problem, type ProblemCode } from '../model/load-report.js';
import { message, pluralForm, type Lang } from '../model/i18n/index.js';
import { GeographySchema, IsoDateSchema, type Border, type County, type Geography, type Municipality } from '../model/schema.js';
import { decimalPoint } from './csv.js';
import { normaliseHeader } from './columns.js';
import { checkHeader } from './header.js';
import { readTable, type Table, type TableSource } from './source.js';
import { nodeBuiltin } from '../model/runtime.js';
import { setOwn } from '../model/own.js';
import { parseOptions } from '../model/options.js';
import { readKindsFile } from './load/kinds.js';
import { NameRulesSchema } from '../model/country.js';
import { z } from 'zod';

/**
 * Column names of the three geography files. The embedded Swedish files use
 * the first name of each list; the others are accepted too.
 */
export const GEOGRAPHY_COLUMNS = {
  municipalities: {
    code: ['code', 'municipality_code', 'kommunkod'],
    name: ['name', 'namn', 'municipality_name', 'kommunnamn'],
    county: ['county_code', 'county', 'länskod', 'lanskod', 'län', 'lan'],
    population: ['population', 'folkmängd', 'folkmangd', 'befolkning'],
    populationYear: ['population_year', 'år', 'ar', 'year'],
    populationDate: ['population_date'],
    lat: ['lat', 'latitude'],
    lon: ['lon', 'lng', 'longitude'],
    areaKm2: ['area_km2_approx', 'area_km2', 'area'],
    island: ['island', 'ö'],
  },
  counties: {
    code: ['county_code', 'code', 'länskod', 'lanskod'],
    name: ['county_name', 'name', 'namn', 'länsnamn', 'lansnamn'],
  },
  adjacency: {
    a: ['a', 'municipality_a', 'from', 'source'],
    b: ['b', 'municipality_b', 'to', 'target'],
  },
} as const;

/** Thrown when geography files are invalid; lists every problem. */
export class GeographyError extends SamverkanError {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    const errors = problems.filter((p) => p.severity === 'error');
    const first = errors[0];
    super('GEOGRAPHY', geographyErrorText(errors, 'en'), first ? { file: first.file, row: first.row, ...(first.column !== undefined && { column: first.column }) } : {});
    this.name = 'GeographyError';
    this.problems = problems;
  }

  /** The message in `lang` (the error's `message` is English). */
  override describe(lang: Lang): string {
    return geographyErrorText(this.problems.filter((p) => p.severity === 'error'), lang);
  }
}

/** The lines of a {@link GeographyError}: the count, the first 20 problems and how many more. */
function geographyErrorText(errors: readonly Problem[], lang: Lang): string {
  const n = String(errors.length);
  return [
    message(lang, `load.geography.summary.${pluralForm(lang, errors.length)}`, { n }),
    ...errors.slice(0, 20).map((p) => `  - ${formatProblem(p, { lang })}`),
    ...(errors.length > 20 ? [`  ${message(lang, 'load.error.more', { n: String(errors.length - 20) })}`] : []),
  ].join('\n');
}

/**
 * A table of municipality attributes: a code column (named like the
 * municipalities file's, e.g. `code`) and one column per attribute. `rename`
 * maps a header (normalised) to the attribute name to use instead.
 */
export type AttributeSource = TableSource | { readonly table: TableSource; readonly rename?: Readonly<Record<string, string>> };

export interface GeographySources {
  municipalities: TableSource;
  counties: TableSource;
  adjacency: TableSource;
  /**
   * Optional tables of municipality attributes (see {@link AttributeSource}),
   * merged in order into each municipality's `attributes`. Extra columns of
   * the municipalities file are attributes too.
   */
  attributes?: readonly AttributeSource[];
}

export const LoadGeographyOptionsSchema = z.strictObject({
  /** Name of the country or region. Default: the folder name, or `custom`. */
  name: z.string().min(1).optional(),
  /** Where the data comes from, kept with the geography and shown in reports (a country's `source` may also be words by language). */
  source: z.string().optional(),
  /** How the country writes its place names (`NameRules`: suffixes such as `kommun`, collation locale), kept with the geography. Default: none. */
  names: NameRulesSchema.optional(),
  /** The language sentences about it are written in when none is asked for (`lang`). Default: none (English). */
  language: LangSchema.optional(),
  /**
   * The country's words for organisation types: a kinds file (columns word,
   * kind, as `loadNetwork`'s `kinds`), kept with the geography as
   * `Geography.kinds`, so its networks and their options read those words.
   * Default: a folder's `kinds.csv` when there is one, else none (the model's
   * English words only).
   */
  kindsFile: z.custom<TableSource>((v) => typeof v === 'string' || v instanceof URL || (typeof v === 'object' && v !== null), 'expected a kinds table (a path, { path }, { text } or { bytes })').optional(),
});
export type LoadGeographyOptions = z.input<typeof LoadGeographyOptionsSchema>;

/** The field → column index map of a geography file, or undefined when its header is unusable. */
function columnsOf<F extends string>(
  table: Table,
  spec: Readonly<Record<F, readonly string[]>>,
  required: readonly F[],
  problems: Problem[],
): Partial<Record<F, number>> | undefined {
  return checkHeader(table, spec, required, problems)?.fields;
}

const BOOLEAN: ReadonlyMap<string, boolean> = new Map([
  ['true', true],
  ['false', false],
  ['1', true],
  ['0', false],
  ['yes', true],
  ['no', false],
  ['ja', true],
  ['nej', false],
]);

/** The files of a geography folder that {@link loadGeography} reads (the last two when they are there), by their role. */
export const GEOGRAPHY_FOLDER_FILES = Object.freeze({
  municipalities: 'municipalities.csv',
  counties: 'counties.csv',
  adjacency: 'adjacency.csv',
  attributes: 'attributes.csv',
  kinds: 'kinds.csv',
} as const);

/**
 * Load a geography from three CSV files with the columns of the embedded
 * Swedish data (and a folder's `kinds.csv`, see the `kindsFile` option):
 * `municipalities.csv` (code, name, county_code, population,
 * population_year, optional population_date, lat, lon, optional
 * area_km2_approx, optional island), `counties.csv` (county_code,
 * county_name) and `adjacency.csv` (a, b: one row per pair of municipalities
 * that share a border, in either order). `island` is derived from the borders
 * when absent. Throws a {@link GeographyError} listing every problem.
 *
 * @example
 * const norway = loadGeography('data/norway', { name: 'Norway' });
 */
export function loadGeography(from: string | GeographySources, options: LoadGeographyOptions = {}): Geography {
  parseOptions(LoadGeographyOptionsSchema, options, 'loadGeography');
  const sources: GeographySources =
    typeof from === 'string'
      ? {
          municipalities: joinPath(from, GEOGRAPHY_FOLDER_FILES.municipalities),
          counties: joinPath(from, GEOGRAPHY_FOLDER_FILES.counties),
          adjacency: joinPath(from, GEOGRAPHY_FOLDER_FILES.adjacency),
          ...(fileExists(joinPath(from, GEOGRAPHY_FOLDER_FILES.attributes)) && { attributes: [joinPath(from, GEOGRAPHY_FOLDER_FILES.attributes)] }),
        }
      : from;
  const name = options.name ?? (typeof from === 'string' ? folderName(from) : 'custom');
  const problems: Problem[] = [];

  const counties = readCounties(sources.counties, problems);
  const { municipalities, rejectedCodes, file: muniFile } = readMunicipalities(sources.municipalities, new Set(counties.map((c) => c.code)), problems);
  const codes = new Set(municipalities.map((m) => m.code));
  const byCode = new Map(municipalities.map((m) => [m.code, m]));
  for (const source of sources.attributes ?? []) readAttributes(source, byCode, rejectedCodes, problems);

  // The kindsFile option, else a folder's kinds.csv.
  const kindsFile = options.kindsFile ?? (typeof from === 'string' && fileExists(joinPath(from, GEOGRAPHY_FOLDER_FILES.kinds)) ? joinPath(from, GEOGRAPHY_FOLDER_FILES.kinds) : undefined);
  const kinds = kindsFile === undefined ? undefined : readKindsFile(kindsFile, problems).words;

  const borders = readBorders(sources.adjacency, codes, rejectedCodes, problems);
  const bordered = new Set(borders.flatMap((p) => [p.a, p.b]));
  for (const m of municipalities) {
    if (!m.islandGiven) m.island = !bordered.has(m.code);
    else if (m.island && bordered.has(m.code)) {
      problems.push({ file: muniFile, row: 0, value: m.code, ...because('geography.island_borders', { name: m.name }), severity: 'warning' });
    }
  }

  if (problems.some((p) => p.severity === 'error')) throw new GeographyError(problems);
  const geography: Geography = {
    name,
    municipalities: municipalities.map(({ islandGiven: _g, ...m }) => m),
    counties,
    borders,
  };
  if (options.source !== undefined) geography.source = options.source;
  if (options.names !== undefined) geography.names = options.names;
  if (options.language !== undefined) geography.language = options.language;
  if (kinds !== undefined) geography.kinds = kinds;
  return GeographySchema.parse(geography) as Geography;
}

/** The counties file: each row a county (code and name), rows incomplete, repeated or named `total` refused. */
function readCounties(source: TableSource, problems: Problem[]): County[] {
  const table = readTable(source, '(counties)');
  const counties: County[] = [];
  const cf = columnsOf(table, GEOGRAPHY_COLUMNS.counties, ['code', 'name'], problems);
  if (!cf) return counties;
  const seen = new Set<string>();
  for (const r of table.records) {
    const code = r.fields[cf.code!] ?? '';
    const countyName = r.fields[cf.name!] ?? '';
    if (code === '' || countyName === '') {
      problems.push({ file: table.file, row: r.row, ...because('geography.county_incomplete'), severity: 'error' });
    } else if (seen.has(code)) {
      problems.push({ file: table.file, row: r.row, column: table.header[cf.code!]!, value: code, ...because('geography.county_duplicate'), severity: 'error' });
    } else if (code === 'total') {
      problems.push({ file: table.file, row: r.row, column: table.header[cf.code!]!, value: code, ...because('geography.county_total'), severity: 'error' });
    } else {
      seen.add(code);
      counties.push({ code, name: countyName });
    }
  }
  return counties;
}

type MunicipalityField = keyof typeof GEOGRAPHY_COLUMNS.municipalities;

/** The municipalities file: each valid row a municipality (island `islandGiven` when the file says), the codes of rows refused kept so the borders can say why they are unknown. */
function readMunicipalities(source: TableSource, countyCodes: ReadonlySet<string>, problems: Problem[]) {
  const table = readTable(source, '(municipalities)');
  const columns = checkHeader<MunicipalityField>(table, GEOGRAPHY_COLUMNS.municipalities, ['code', 'name', 'county', 'population', 'populationYear', 'lat', 'lon'], problems);
  const municipalities: (Municipality & { islandGiven: boolean })[] = [];
  const rejectedCodes = new Set<string>();
  const mf = columns?.fields;
  if (!mf || !columns) return { municipalities, rejectedCodes, file: table.file };
  const seen = new Set<string>();
  // The row's cells and its problems, by field (one pair of functions for the file, not per row).
  let fields: readonly string[] = [];
  let row = 0;
  const cell = (f: MunicipalityField) => (mf[f] === undefined ? '' : (fields[mf[f]!] ?? ''));
  const bad = (f: MunicipalityField, code: ProblemCode) => problems.push({ file: table.file, row, column: table.header[mf[f]!]!, value: cell(f), ...because(code), severity: 'error' });
  // A decimal comma is fine where commas cannot be the delimiter (Swedish Excel).
  const num = (text: string) => Number(decimalPoint(text, table.delimiter));
  for (const r of table.records) {
    fields = r.fields;
    row = r.row;
    const before = problems.length;
    const code = cell('code');
    if (code === '') bad('code', 'geography.code_empty');
    else if (seen.has(code)) bad('code', 'geography.code_duplicate');
    if (cell('name') === '') bad('name', 'geography.name_empty');
    const county = cell('county');
    if (!countyCodes.has(county)) bad('county', 'geography.county_unknown');
    const population = Number(cell('population'));
    if (cell('population') === '' || !Number.isInteger(population) || population < 0) bad('population', 'geography.population');
    const year = Number(cell('populationYear'));
    if (!Number.isInteger(year)) bad('populationYear', 'geography.population_year');
    const lat = num(cell('lat'));
    const lon = num(cell('lon'));
    if (cell('lat') === '' || !(lat >= -90 && lat <= 90)) bad('lat', 'geography.lat');
    if (cell('lon') === '' || !(lon >= -180 && lon <= 180)) bad('lon', 'geography.lon');
    const area = cell('areaKm2') === '' ? undefined : num(cell('areaKm2'));
    if (area !== undefined && !(area >= 0)) bad('areaKm2', 'geography.area');
    const islandText = cell('island').toLowerCase();
    if (islandText !== '' && !BOOLEAN.has(islandText)) bad('island', 'geography.island');
    const date = cell('populationDate');
    if (date !== '' && !IsoDateSchema.safeParse(date).success) bad('populationDate', 'geography.population_date');
    if (problems.length > before) {
      if (code !== '') rejectedCodes.add(code);
      continue;
    }
    seen.add(code);
    const m: Municipality & { islandGiven: boolean } = {
      code,
      name: cell('name'),
      county,
      population,
      populationYear: year,
      lat,
      lon,
      island: BOOLEAN.get(islandText) ?? false,
      islandGiven: islandText !== '',
    };
    if (date !== '') m.populationDate = date;
    if (area !== undefined) m.areaKm2 = area;
    for (const { index, name: column } of columns.extra) {
      const value = r.fields[index] ?? '';
      if (value !== '') setAttribute(m, normaliseHeader(column), value);
    }
    municipalities.push(m);
  }
  return { municipalities, rejectedCodes, file: table.file };
}

/** The adjacency file: each pair of known, distinct municipalities a border, once, sorted by its codes. */
function readBorders(source: TableSource, codes: ReadonlySet<string>, rejectedCodes: ReadonlySet<string>, problems: Problem[]): Border[] {
  const table = readTable(source, '(adjacency)');
  const af = columnsOf(table, GEOGRAPHY_COLUMNS.adjacency, ['a', 'b'], problems);
  const pairs = new Map<string, Border>();
  if (af) {
    for (const r of table.records) {
      const a = r.fields[af.a!] ?? '';
      const b = r.fields[af.b!] ?? '';
      const before = problems.length;
      for (const [field, value] of [['a', a], ['b', b]] as const) {
        if (!codes.has(value)) {
          const reason = because(rejectedCodes.has(value) ? 'geography.municipality_rejected' : 'geography.municipality_unknown');
          problems.push({ file: table.file, row: r.row, column: table.header[af[field]!]!, value, ...reason, severity: 'error' });
        }
      }
      if (a === b && a !== '') problems.push({ file: table.file, row: r.row, value: a, ...because('geography.border_self'), severity: 'error' });
      if (problems.length > before) continue;
      const [x, y] = a < b ? [a, b] : [b, a];
      pairs.set(`${x}\u0000${y}`, { a: x, b: y });
    }
  }
  return [...pairs.values()].sort((p, q) => (p.a < q.a ? -1 : p.a > q.a ? 1 : p.b < q.b ? -1 : p.b > q.b ? 1 : 0));
}

/** Set an own attribute (safe for keys such as `__proto__`). */
function setAttribute(m: Municipality, key: string, value: string): void {
  const attributes = (m.attributes ??= {});
  setOwn(attributes, key, value);
}

/**
 * Merge one attribute table into the municipalities: each row names a
 * municipality by code (padded like the codes of the municipalities file);
 * its other non-empty cells become attributes. A `name` or county column is
 * a check, not an attribute: a name that does not match the code's
 * municipality is a warning. Unknown or repeated codes are errors.
 */
function readAttributes(source: AttributeSource, byCode: ReadonlyMap<string, Municipality>, rejected: ReadonlySet<string>, problems: Problem[]): void {
  const { table: from, rename = {} } = typeof source === 'object' && source !== null && 'table' in source ? source : { table: source as TableSource };
  const table = readTable(from, '(attributes)');
  const spec = { code: GEOGRAPHY_COLUMNS.municipalities.code, name: GEOGRAPHY_COLUMNS.municipalities.name, county: GEOGRAPHY_COLUMNS.municipalities.county };
  const columns = checkHeader<keyof typeof spec>(table, spec, ['code'], problems);
  if (!columns) return;
  const width = uniformDigitWidth([...byCode.keys()]);
  const seen = new Set<string>();
  for (const r of table.records) {
    const raw = r.fields[columns.fields.code!] ?? '';
    const code = width > 0 && /^\d+$/.test(raw) && raw.length < width ? raw.padStart(width, '0') : raw;
    const m = byCode.get(code);
    const at = { file: table.file, row: r.row, column: table.header[columns.fields.code!]!, value: raw };
    if (!m) {
      if (!rejected.has(code)) problems.push({ ...at, ...because('geography.municipality_unknown'), severity: 'error' });
      continue;
    }
    if (seen.has(code)) {
      problems.push({ ...at, ...because('geography.attributes_repeat'), severity: 'error' });
      continue;
    }
    seen.add(code);
    const name = columns.fields.name === undefined ? '' : (r.fields[columns.fields.name] ?? '');
    if (name !== '' && name.normalize('NFC').toLowerCase() !== m.name.normalize('NFC').toLowerCase()) {
      problems.push({ file: table.file, row: r.row, column: table.header[columns.fields.name!]!, value: name, ...because('geography.name_mismatch', { code, name: m.name }), severity: 'warning' });
    }
    for (const { index, name: column } of columns.extra) {
      const value = r.fields[index] ?? '';
      const key = normaliseHeader(column);
      if (value !== '') setAttribute(m, rename[key] ?? key, value);
    }
  }
}

/** Whether `path` is there (false where there is no file system). */
export function fileExists(path: string): boolean {
  const fs = nodeBuiltin('node:fs');
  return fs !== undefined && fs.existsSync(path);
}

/** The last part of a folder's path: a geography's or country's name by default (`data/norway/` → `norway`). */
export function folderName(dir: string): string {
  return dir.replace(/[\\/]+$/, '').split(/[\\/]/).pop() ?? 'custom';
}

/** `dir/file`, with one separator. */
export function joinPath(dir: string, file: string): string {
  return dir.endsWith('/') || dir.endsWith('\\') ? dir + file : `${dir}/${file}`;
}
