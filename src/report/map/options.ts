/** The options of `renderMap`. */
import { z } from 'zod';
import { refusal } from '../../model/options.js';
import { LangSchema } from '../../model/i18n/index.js';
import { IsoDateSchema, type Geography } from '../../model/schema.js';
import { ColorScaleSchema, HexColorSchema } from './colors.js';
import type { MapFeatureCollection } from '../../geo/map-features.js';

const isMap = (v: unknown) => v instanceof Map;
const isFunction = (v: unknown) => typeof v === 'function';

export const MapOptionsSchema = ColorScaleSchema.extend({
  /**
   * Values mapped to the first and last colour of a `linear` scale; values
   * outside are clamped. Default: fitted to the data, the smallest and the
   * largest value drawn (so a measure between 84 % and 100 % spans the
   * whole ramp); `[0, 1]` when there is no value. Not for the other scales.
   */
  domain: ColorScaleSchema.shape.domain.removeDefault().optional(),
  /**
   * How values become colours: `linear` (a continuous ramp over `domain`,
   * the default), `quantile` (`classes` classes holding about as many map
   * units each, breaks at the quantiles of the values drawn), `threshold`
   * (classes at the `breaks` given), or `categorical` (one colour per
   * category, {@link CATEGORICAL_COLORS}, for yes/no and other categories:
   * no ramp). Classed and categorical maps get a legend of swatches with the
   * breaks or the category names.
   */
  scale: z.enum(['linear', 'quantile', 'threshold', 'categorical']).default('linear'),
  /** Number of classes of a `quantile` scale (fewer when values repeat). Default 5. */
  classes: z.number().int().min(2).max(9).default(5),
  /** Class breaks of a `threshold` scale, ascending: a value `v` is in the class after every break `b <= v`. */
  breaks: z
    .array(z.number().refine(Number.isFinite, refusal('options.breakFinite')))
    .min(1)
    .max(8)
    .refine((b) => b.every((v, i) => i === 0 || v > b[i - 1]!), refusal('options.breaksAscending'))
    .optional(),
  /**
   * The categories of a `categorical` scale, in legend order: each value
   * with its label and, optionally, its colour. A value drawn that is no
   * category is refused. Default: the distinct values drawn, ascending,
   * labelled by `format` (0 and 1 alone: the catalogue's no and yes), in
   * the colours of {@link CATEGORICAL_COLORS}.
   */
  categories: z
    .array(z.strictObject({ value: z.number().refine(Number.isFinite, refusal('options.categoryFinite')), label: z.string().min(1), color: HexColorSchema.optional() }))
    .min(1)
    .max(12)
    .refine((c) => new Set(c.map((x) => x.value)).size === c.length, refusal('options.categoryOnce'))
    .optional(),
  /**
   * What the values are: `number`, or `share` (0–1, written as percentages
   * in the locale's format, `93 %`, in the legend and tooltips). Default
   * `number`. `format` overrides it.
   */
  unit: z.enum(['number', 'share']).default('number'),
  /** Language of the map's words (the missing-value label, number formats): `'sv'` or `'en'`. Default: the geography's language, else English. */
  lang: LangSchema.optional(),
  /**
   * The features to draw. Default: those of `geography`'s country
   * (`geographyMapFeatures`), refused when it ships none; with neither, the
   * default geography's ({@link defaultMapFeatures}: Sweden's). Validated and prepared once per object
   * (cached), so do not change a collection after passing it.
   */
  features: z.custom<MapFeatureCollection>((v) => typeof v === 'object' && v !== null, 'features must be a GeoJSON FeatureCollection').optional(),
  /**
   * Values by municipality code (`level: 'municipality'`) or by county code
   * (`level: 'county'`): finite numbers, or `null` for missing. Codes not on
   * the map are ignored; map codes without a value are missing.
   */
  values: z.custom<ReadonlyMap<string, number | null>>(isMap, refusal('options.valuesMap')).superRefine((values, ctx) => {
    for (const [code, value] of values) {
      if (typeof code !== 'string' || (value !== null && (typeof value !== 'number' || !Number.isFinite(value)))) {
        ctx.addIssue({ code: 'custom', ...refusal('options.valueFinite', { code: JSON.stringify(code), value: String(value) }) });
        return;
      }
    }
  }),
  /** `municipality`: `values` by municipality code. `county`: `values` by county code, each municipality filled with its county's value. Default `municipality`. */
  level: z.enum(['municipality', 'county']).default('municipality'),
  /**
   * Names of municipalities and counties (for tooltips) and each
   * municipality's county, and (without `features`) whose country's polygons
   * to draw. Default: the loaders' default geography (`defaultGeography`,
   * Sweden's) when `features` is omitted, else none.
   */
  geography: z.custom<Geography>((v) => typeof v === 'object' && v !== null && Array.isArray((v as Geography).municipalities), 'geography must be a Geography').optional(),
  /** Municipality code → county code; overrides `geography` and the features' `county` properties. */
  countyOf: z.custom<ReadonlyMap<string, string>>(isMap, 'countyOf must be a Map from municipality code to county code').optional(),
  /**
   * Draw county borders (see {@link countyBorderLines}) over the
   * municipalities: between counties, and the outline of the data (coast,
   * national border, shores of lakes left out of the data). A feature whose
   * county is unknown counts as a county of its own, so turn this off for
   * data without counties. Default true.
   */
  countyBorders: z.boolean().default(true),
  /** Title drawn at the top and used as the SVG's accessible name. Default: none. */
  title: z.string().optional(),
  /** Where the data comes from, written in a source line under the legend with the data `date`. Default: no source line unless `date` is given. */
  source: z.string().min(1).optional(),
  /** The data date (ISO) of the source line. Default: none (no source line unless `source` is given). */
  date: IsoDateSchema.optional(),
  /** Draw the legend (colour bar, ticks, missing-value swatch). Default true. */
  legend: z.boolean().default(true),
  /** Text above the colour bar. Default: none. */
  legendLabel: z.string().optional(),
  /** Tick values on the colour bar (those outside the domain are dropped), or a count of evenly spaced ticks (0, or 2 or more). Default 5. */
  ticks: z
    .union([z.number().int().min(0).max(50).refine((n) => n !== 1, refusal('options.ticks')), z.array(z.number())])
    .default(5),
  /** Formats values in tooltips and legend labels. Default: by `unit` in the locale's format (`0,82` / `0.82`; `82 %` / `82%`), with as many decimals (0 to 2) as keep the legend's labels apart. */
  format: z.custom<(value: number) => string>(isFunction, 'format must be a function').optional(),
  /** Tooltip text and legend label for a missing value. Default: the catalogue's `map.missing` (`uppgift saknas` / `no data`). */
  missingLabel: z.string().optional(),
  /**
   * Draw only the features with these codes (a county, or the area a
   * network's data covers), with the projection fitted to them: a map at
   * their scale. Codes without a feature are ignored; when none has one the
   * options are refused. Default: every feature.
   */
  codes: z
    .custom<Iterable<string>>((v) => typeof v === 'object' && v !== null && Symbol.iterator in v && typeof v !== 'string', 'codes must be an array or set of municipality codes')
    .optional(),
  /**
   * Write each municipality's name on it (at the centroid of its largest
   * polygon, in dark text with a white halo). For maps of a county or a few:
   * at the scale of Sweden, 290 names overlap. Default false.
   */
  labels: z.boolean().default(false),
  /** SVG width in px. Default 480. */
  width: z.number().int().min(100).max(10_000).default(480),
  /**
   * SVG height in px. Default: 960 (Sweden is about twice as tall as wide);
   * with `codes`, the height that fits their shape at `width` (between 240
   * and 1 200 px).
   */
  height: z.number().int().min(100).max(10_000).optional(),
  /**
   * Central meridian of the transverse Mercator projection, in degrees east.
   * Default: the geography's `mapMeridian` (its country's) for its whole map
   * drawn from its own polygons (15, as SWEREF 99 TM, for Sweden), else the
   * middle of the features' longitudes. The projection is fitted to the
   * features within the space left by the title and legend.
   */
  centralMeridian: z.number().min(-180).max(180).optional(),
});
export type MapOptions = z.input<typeof MapOptionsSchema>;
export type ParsedMapOptions = z.output<typeof MapOptionsSchema>;
