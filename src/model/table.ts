/**
 * Tidy rows: an array of plain records that also carries its column order,
 * as d3-dsv's parse results do. It goes straight into `console.table`, a CSV
 * writer, d3 or Observable Plot, and `columns` keeps exports stable.
 */
export type Rows<T extends object> = T[] & { columns: Array<keyof T & string> };

/** Attach a column list to an array of records (the array is returned, not copied). */
export function withColumns<T extends object>(rows: T[], columns: ReadonlyArray<keyof T & string>): Rows<T> {
  return Object.assign(rows, { columns: [...columns] });
}
