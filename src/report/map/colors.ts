/** The sequential colour scale of maps and their legends. */
import { z } from 'zod';
import { parseOptions, refusal } from '../../model/options.js';

/**
 * Default sequential colours: ten evenly spaced stops of viridis, which is
 * perceptually uniform, prints legibly in grey and stays readable with the
 * common colour-vision deficiencies. Low values are dark purple, high yellow.
 */
export const DEFAULT_MAP_COLORS: readonly string[] = [
  '#440154', '#482878', '#3e4989', '#31688e', '#26828e',
  '#1f9e89', '#35b779', '#6ece58', '#b5de2b', '#fde725',
];

/**
 * Default colours of categories: the Okabe–Ito palette (Okabe and Ito 2008),
 * distinguishable with the common colour-vision deficiencies, ordered so
 * that the first four also differ in lightness (CIE L* 46, 71, 58, 89: at
 * least 11 apart), which keeps them apart in greyscale print; more than
 * four categories rely on the legend's order as well.
 */
export const CATEGORICAL_COLORS: readonly string[] = ['#0072b2', '#e69f00', '#009e73', '#f0e442', '#cc79a7', '#56b4e9', '#d55e00', '#000000'];

/** Default colour of a municipality without a value. */
export const DEFAULT_MISSING_COLOR = '#d4d4d4';

/** A colour as `#rgb` or `#rrggbb`. */
export const HexColorSchema = z.string().regex(/^#(?:[0-9a-fA-F]{3}){1,2}$/, 'a colour is #rgb or #rrggbb');

export const ColorScaleSchema = z.strictObject({
  /** Values mapped to the first and last colour; values outside are clamped. Default [0, 1] (shares). */
  domain: z
    .tuple([z.number(), z.number()])
    .refine(([lo, hi]) => lo !== hi, refusal('options.domainEnds'))
    .default([0, 1]),
  /** Colour stops, evenly spaced over the domain and interpolated in sRGB. Default {@link DEFAULT_MAP_COLORS}. */
  colors: z.array(HexColorSchema).min(2).default([...DEFAULT_MAP_COLORS]),
  /** Colour for a missing value (`null` or absent). Default {@link DEFAULT_MISSING_COLOR} (light grey). */
  missingColor: HexColorSchema.default(DEFAULT_MISSING_COLOR),
});
export type ColorScaleOptions = z.input<typeof ColorScaleSchema>;
export type ColorScale = z.output<typeof ColorScaleSchema>;

/** The channels of `#rgb` or `#rrggbb`. */
export function rgb(hex: string): [number, number, number] {
  const h = hex.length === 4 ? hex.replace(/[0-9a-f]/gi, (c) => c + c) : hex;
  return [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
}

/** `#rrggbb` of three channels. */
export const hexOf = (channels: readonly number[]) => `#${channels.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

/** {@link sequentialColor} over a parsed scale. */
export function colorOf(value: number | null | undefined, scale: ColorScale): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return hexOf(rgb(scale.missingColor));
  const [lo, hi] = scale.domain;
  const t = Math.min(1, Math.max(0, (value - lo) / (hi - lo)));
  const last = scale.colors.length - 1;
  const i = Math.min(last - 1, Math.floor(t * last));
  const f = t * last - i;
  const a = rgb(scale.colors[i]!);
  const b = rgb(scale.colors[i + 1]!);
  return hexOf(a.map((c, k) => c + (b[k]! - c) * f));
}

/**
 * The colour of a value on a sequential scale, as lower-case `#rrggbb`:
 * `domain[0]` gets the first stop, `domain[1]` the last, values in between
 * are interpolated linearly between neighbouring stops, values outside are
 * clamped, and `null`/`undefined`/NaN get `missingColor`.
 *
 * @example
 * sequentialColor(0.5); // '#23908c', mid-viridis teal
 * sequentialColor(null); // '#d4d4d4'
 */
export function sequentialColor(value: number | null | undefined, scale: ColorScaleOptions = {}): string {
  return colorOf(value, parseOptions(ColorScaleSchema, scale, 'sequentialColor'));
}
