import { setOwn } from './own.js';
import { parseOptions } from './options.js';
import { z } from 'zod';

/**
 * Tidy rows: an array of plain records that also carries its column order,
 * as d3-dsv's parse results do. It goes straight into `console.table`, a CSV
 * writer, d3 or Observable Plot, and `columns` keeps exports stable.
 */
export type Rows<T extends object> = T[] & { readonly columns: Array<keyof T & string> };

/**
 * Attach a column list to an array of records (the array is returned, not
 * copied). `columns` is non-enumerable so that `console.table` and
 * `Object.keys` see only the rows.
 */
export function withColumns<T extends object>(rows: T[], columns: ReadonlyArray<keyof T & string>): Rows<T> {
  Object.defineProperty(rows, 'columns', { value: [...columns], enumerable: false, writable: false, configurable: true });
  return rows as Rows<T>;
}

/** Options of {@link flatRows}. */
export const FlatRowsOptionsSchema = z.strictObject({
  /** Between the items of an array cell. Default `' · '`. */
  separator: z.string().optional(),
});
export type FlatRowsOptions = z.input<typeof FlatRowsOptionsSchema>;

type Cell = string | number | boolean | null;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);

/**
 * The flat form of rows that hold nested values, for `console.table`,
 * `toCsv`, d3 or a spreadsheet: a column whose values are objects becomes
 * one column per key, named `<column>_<key>` (a row without the key gets
 * `null`), and an array becomes one text of its items joined by
 * `separator`. Other values are kept. Columns keep the rows' order
 * (`rows.columns` when present, else first seen); nested keys are in first-seen
 * order. Keys such as `__proto__` are plain columns. Only one level is
 * flattened: an object inside an object is written as JSON.
 *
 * Which rows are nested: `RecommendationRow` (`components`, `reasons`),
 * `ComponentRow` (`counties`) and `GapRow` (`municipalities`); rows
 * without nested values come back with the same columns and values.
 *
 * @example
 * console.table(flatRows(recommendPartners(net, '2403')));
 * // municipality, candidate, …, components_distance, components_border, …, reasons
 */
export function flatRows<T extends object>(rows: readonly T[], options: FlatRowsOptions = {}): Rows<Record<string, Cell>> {
  parseOptions(FlatRowsOptionsSchema, options, 'flatRows');
  const separator = options.separator ?? ' · ';
  const given = (rows as Partial<Rows<T>>).columns;
  const columns: string[] = given ? [...given] : [];
  const seen = new Set(columns);
  for (const row of rows) for (const key of Object.keys(row)) if (!seen.has(key)) (seen.add(key), columns.push(key));
  // Per column: the keys of its object values, in first-seen order (undefined: not an object column).
  const nested = new Map<string, string[]>();
  for (const column of columns) {
    const keys: string[] = [];
    const known = new Set<string>();
    let objects = false;
    for (const row of rows) {
      const value = (row as Record<string, unknown>)[column];
      if (!isRecord(value)) continue;
      objects = true;
      for (const key of Object.keys(value)) if (!known.has(key)) (known.add(key), keys.push(key));
    }
    if (objects) nested.set(column, keys);
  }
  const cell = (value: unknown): Cell => {
    if (value === undefined || value === null) return null;
    if (Array.isArray(value)) return value.map((v) => (typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v))).join(separator);
    if (value instanceof Date) return value.toISOString();
    if (typeof value === 'object') return JSON.stringify(value);
    return value as Cell;
  };
  const out: string[] = columns.flatMap((c) => (nested.has(c) ? nested.get(c)!.map((k) => `${c}_${k}`) : [c]));
  const flat = rows.map((row) => {
    const record: Record<string, Cell> = {};
    const set = (key: string, value: Cell) => setOwn(record, key, value);
    for (const column of columns) {
      const value = (row as Record<string, unknown>)[column];
      const keys = nested.get(column);
      if (keys === undefined) set(column, cell(value));
      else for (const key of keys) set(`${column}_${key}`, isRecord(value) && Object.hasOwn(value, key) ? cell(value[key]) : null);
    }
    return record;
  });
  return withColumns(flat, out);
}
