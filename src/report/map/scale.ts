/**
 * The colour scale of a map fitted to its data: a linear ramp over the
 * values' range, classes at quantile or given breaks, or categories; and the
 * number format of its legend (percent for shares, in the locale's format).
 */
import { formatNumber, formatPercent, message, type Lang } from '../../model/i18n/index.js';
import { ArgumentError } from '../../model/errors.js';
import { said, saidIn } from '../../model/options.js';
import { CATEGORICAL_COLORS, colorOf, hexOf, rgb } from './colors.js';
import type { ParsedMapOptions } from './options.js';

/** The options a fitted scale reads (those of `renderMap`, and the colouring of `renderCountyMap`). */
export type ScaleOptions = Pick<ParsedMapOptions, 'scale' | 'classes' | 'breaks' | 'categories' | 'unit' | 'domain' | 'colors' | 'missingColor' | 'format' | 'ticks'>;

/** A category of a categorical map: its value, its label and its colour. */
export interface MapCategory {
  value: number;
  label: string;
  color: string;
}

interface Common {
  /** The colour of a value (the missing colour for `null`). */
  color(value: number | null): string;
  /** A value in words, for tooltips. */
  text(value: number): string;
  /** A value as a legend label. */
  label(value: number): string;
}

/** A scale fitted to the values drawn. */
export type FittedScale =
  | (Common & { kind: 'linear'; domain: [number, number]; ticks: number[] })
  | (Common & { kind: 'classes'; breaks: number[]; colors: string[]; range: [number, number] | undefined })
  | (Common & { kind: 'categorical'; categories: MapCategory[] });

/** The `p`-quantile of sorted values, interpolated between neighbours (R's type 7, as d3.quantile and numpy's default). */
function quantile(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo]!;
  return lo + 1 < sorted.length ? a + (sorted[lo + 1]! - a) * (h - lo) : a;
}

/**
 * Class breaks at the quantiles of the finite values: `classes - 1`
 * ascending breaks splitting them into classes of about equal size (a value
 * `v` is in the class after every break `b <= v`). Repeated values can make
 * breaks coincide or fall on the smallest value, which would leave a class
 * empty: such a break moves up to the next value above the previous break
 * (or is dropped when there is none), so distinct values are never all in
 * one class, and there may be fewer classes. No values: no breaks.
 *
 * @example
 * quantileBreaks([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5); // [2.8, 4.6, 6.4, 8.2]
 * quantileBreaks([0, 0, 0, 0, 1], 4); // [1]: two classes, 0 and 1
 */
export function quantileBreaks(values: Iterable<number | null | undefined>, classes: number): number[] {
  if (!Number.isInteger(classes) || classes < 2) throw new ArgumentError(saidIn('quantileBreaks', said('errors.map.quantileClasses', { value: String(classes) })));
  const sorted = [...values].filter((v): v is number => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const breaks: number[] = [];
  for (let i = 1; i < classes; i++) {
    // Rounded to 12 significant digits, so interpolation noise (0.8800000000000001) does not reach the legend.
    let b = Number(quantile(sorted, i / classes).toPrecision(12));
    const floor = breaks.at(-1) ?? sorted[0]!;
    // A quantile on a run of ties would leave a class empty: the break moves up to the next value above it.
    if (b <= floor) b = sorted.find((v) => v > floor) ?? b;
    if (b > floor) breaks.push(b);
  }
  return breaks;
}

/** A step of 1, 2, 2.5 or 5 times a power of ten, at least `raw`. */
function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 2.5, 5, 10].map((f) => f * power).find((s) => s >= raw * (1 - 1e-9))!;
}

/** Legend ticks of a linear scale: both ends, and round values between them about `count - 1` steps apart (none too near an end). */
function linearTicks([lo, hi]: [number, number], ticks: number | number[]): number[] {
  const [min, max] = [Math.min(lo, hi), Math.max(lo, hi)];
  if (Array.isArray(ticks)) return ticks.filter((v) => v >= min && v <= max);
  if (ticks === 0) return [];
  const step = niceStep((max - min) / (ticks - 1));
  const inner: number[] = [];
  for (let k = Math.ceil(min / step); k * step < max; k++) {
    const v = Number((k * step).toPrecision(12));
    if (v - min > 0.3 * step && max - v > 0.3 * step) inner.push(v);
  }
  return [min, ...inner, max];
}

/** The smallest number of decimals (0 to 2) at which `exact` values are written exactly and all `values` differ. */
function decimalsFor(values: readonly number[], exact: readonly number[], scaleBy: number): number {
  for (let d = 0; d < 2; d++) {
    const round = (v: number) => Math.round(v * scaleBy * 10 ** d);
    const written = values.map(round);
    if (new Set(written).size === new Set(values).size && exact.every((v) => Math.abs(round(v) - v * scaleBy * 10 ** d) < 1e-6)) return d;
  }
  return 2;
}

/**
 * The scale of a map's options fitted to the values of its map units (`null`
 * for missing), with legend labels in `lang`. Categories given must hold
 * every value: `checkedScale` (render.ts) refuses them otherwise, naming the
 * option, before it calls this.
 */
export function fitScale(o: ScaleOptions, units: readonly (number | null)[], lang: Lang): FittedScale {
  const values = units.filter((v): v is number => v !== null);
  const missing = hexOf(rgb(o.missingColor));
  const share = o.unit === 'share';
  const formatter = (digits: number) => o.format ?? ((v: number) => (share ? formatPercent(lang, v, digits) : formatNumber(lang, v, digits)));
  const text = o.format ?? ((v: number) => (share ? formatPercent(lang, v, Number.isInteger(Math.round(v * 1000) / 10) ? 0 : 1) : formatNumber(lang, v)));
  const scaleBy = share ? 100 : 1;

  if (o.scale === 'categorical') {
    const given = o.categories;
    const distinct = [...new Set(values)].sort((a, b) => a - b);
    const yesNo = distinct.every((v) => v === 0 || v === 1);
    const listed: { value: number; label: string; color?: string | undefined }[] = given ?? distinct.map((value) => ({ value, label: yesNo ? message(lang, value === 1 ? 'yes' : 'no') : text(value) }));
    const categories: MapCategory[] = listed.map((c, i) => ({ value: c.value, label: c.label, color: hexOf(rgb(c.color ?? CATEGORICAL_COLORS[i % CATEGORICAL_COLORS.length]!)) }));
    const byValue = new Map(categories.map((c) => [c.value, c]));
    return {
      kind: 'categorical',
      categories,
      color: (v) => (v === null ? missing : byValue.get(v)!.color),
      text: (v) => byValue.get(v)?.label ?? text(v),
      label: (v) => byValue.get(v)?.label ?? text(v),
    };
  }

  const range: [number, number] | undefined = values.length === 0 ? undefined : [Math.min(...values), Math.max(...values)];
  if (o.scale === 'quantile' || o.scale === 'threshold') {
    const breaks = o.scale === 'threshold' ? o.breaks! : quantileBreaks(values, o.classes);
    const n = breaks.length + 1;
    const colors = Array.from({ length: n }, (_, i) => colorOf(n === 1 ? 0.5 : i / (n - 1), { domain: [0, 1], colors: o.colors, missingColor: o.missingColor }));
    const classOf = (v: number) => breaks.filter((b) => b <= v).length;
    const bounds = [...(range ? [range[0]] : []), ...breaks, ...(range ? [range[1]] : [])];
    const label = formatter(decimalsFor(bounds, o.scale === 'threshold' ? breaks : [], scaleBy));
    return { kind: 'classes', breaks, colors, range, color: (v) => (v === null ? missing : colors[classOf(v)]!), text, label };
  }

  // Linear: the domain given, else the values' range (a single value: from 0 to it; none: 0 to 1).
  const domain: [number, number] = o.domain ?? (range === undefined ? [0, 1] : range[0] < range[1] ? range : range[0] === 0 ? [0, 1] : range[0] > 0 ? [0, range[0]] : [range[0], 0]);
  const ticks = linearTicks(domain, o.ticks);
  const nice = ticks.filter((v) => v !== domain[0] && v !== domain[1]);
  const label = formatter(decimalsFor(ticks, Array.isArray(o.ticks) ? ticks : nice, scaleBy));
  const scale = { domain, colors: o.colors, missingColor: o.missingColor };
  return { kind: 'linear', domain, ticks, color: (v) => colorOf(v, scale), text, label };
}
