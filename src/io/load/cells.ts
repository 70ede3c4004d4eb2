/** The typed cells of a link row: weight and dates. */
import { because, type ProblemReason } from '../../model/load-report.js';
import { MAX_LINK_WEIGHT } from '../../model/network.js';
import { IsoDateSchema } from '../../model/schema.js';
import { decimalPoint } from '../csv.js';

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** Parse a weight cell. A decimal comma is accepted when commas cannot be the field delimiter. */
function parseWeight(raw: string, delimiter: string | undefined): number | ProblemReason {
  const text = decimalPoint(raw, delimiter);
  if (!NUMBER.test(text)) return because(delimiter === ',' && /^[+-]?\d*,\d+$/.test(raw) ? 'weight.decimal_comma' : 'weight.not_number');
  const value = Number(text);
  if (!Number.isFinite(value)) return because('weight.not_finite');
  if (value <= 0) return because('weight.not_positive');
  if (value > MAX_LINK_WEIGHT) return because('weight.too_large');
  return value;
}

/** Exact powers of ten (as doubles), for {@link weightFromBytes}. */
const POWERS_OF_TEN = Array.from({ length: 16 }, (_, k) => 10 ** k);

/**
 * A weight cell of ASCII digits with at most one decimal point and at most
 * 15 digits (`2`, `0.75`, `.5`, `3.`), read from its bytes: the same number
 * as {@link parseWeight} gives (digits ÷ a power of ten, both exact, is the
 * correctly rounded value), when it is a valid weight; `NaN` for anything
 * else (a sign, an exponent, a comma, zero, more digits), which the text
 * path then reads with its messages.
 */
export function weightFromBytes(bytes: Uint8Array, start: number, end: number): number {
  let mantissa = 0;
  let digits = 0;
  let decimals = -1;
  for (let k = start; k < end; k++) {
    const c = bytes[k]!;
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits++;
      if (decimals >= 0) decimals++;
    } else if (c === 46 && decimals < 0) decimals = 0;
    else return NaN;
  }
  if (digits === 0 || digits > 15) return NaN;
  const value = decimals > 0 ? mantissa / POWERS_OF_TEN[decimals]! : mantissa;
  return value > 0 && value <= MAX_LINK_WEIGHT ? value : NaN;
}

/**
 * A date cell: `YYYY-MM-DD` (checked against the calendar by the schema), or
 * a spreadsheet's `YYYY-MM-DD 00:00[:00]`, whose midnight is only its way of
 * writing a date. Any other time of day is an error, not silently dropped.
 */
export function parseDate(raw: string, field: 'since' | 'until'): string | { error: ProblemReason } {
  // A million links repeat a few thousand dates: a valid one is checked once.
  const known = validDates.get(raw);
  if (known !== undefined) return known;
  const parsed = checkDate(raw, field);
  if (typeof parsed === 'string' && validDates.size < 100_000) validDates.set(raw, parsed);
  return parsed;
}
const validDates = new Map<string, string>();

function checkDate(raw: string, field: 'since' | 'until'): string | { error: ProblemReason } {
  const midnight = /^(\d{4}-\d{2}-\d{2})[ T]00:00(:00(\.0+)?)?Z?$/.exec(raw);
  const date = midnight ? midnight[1]! : raw;
  if (IsoDateSchema.safeParse(date).success) return date;
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(raw)) {
    return { error: because('date.time_of_day_utc', { field }) };
  }
  if (/^\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}/.test(raw)) return { error: because('date.time_of_day', { field }) };
  return { error: because('date.invalid', { field }) };
}

/** One date cell of a link row: the date, or `undefined` when empty or invalid (then an error is recorded). */
function dateCell(cell: (field: 'since' | 'until') => string, err: (field: 'since' | 'until', value: string, reason: ProblemReason) => void, field: 'since' | 'until'): string | undefined {
  const raw = cell(field);
  if (raw === '') return undefined;
  const parsed = parseDate(raw, field);
  if (typeof parsed === 'string') return parsed;
  err(field, raw, parsed.error);
  return undefined;
}

/** The typed cells of one link row, with an error recorded for each that does not parse. */
export function linkCells(
  cell: (field: 'weight' | 'since' | 'until') => string,
  err: (field: 'weight' | 'since' | 'until', value: string, reason: ProblemReason) => void,
  delimiter: string | undefined,
): { weight: number; since?: string; until?: string } {
  let weight = 1;
  const rawWeight = cell('weight');
  if (rawWeight !== '') {
    const parsed = parseWeight(rawWeight, delimiter);
    if (typeof parsed === 'object') err('weight', rawWeight, parsed);
    else weight = parsed;
  }
  // Written out, not a loop over ['since', 'until'] into a spread object: this runs once per link row.
  const result: { weight: number; since?: string; until?: string } = { weight };
  const since = dateCell(cell, err, 'since');
  const until = dateCell(cell, err, 'until');
  if (since !== undefined) result.since = since;
  if (until !== undefined) result.until = until;
  if (since !== undefined && until !== undefined && until < since) {
    err('until', until, because('date.until_before_since', { since }));
  }
  return result;
}
