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
