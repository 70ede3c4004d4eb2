/** The options of `renderMap`. */
import { z } from 'zod';
import type { Geography } from '../../model/schema.js';
import { ColorScaleSchema } from './colors.js';
import type { MapFeatureCollection } from './features.js';

const isMap = (v: unknown) => v instanceof Map;
const isFunction = (v: unknown) => typeof v === 'function';

export const MapOptionsSchema = ColorScaleSchema.extend({
  /**
   * The features to draw. Default: the default country's municipalities
   * ({@link defaultMapFeatures}: Sweden's, {@link swedenMapFeatures}). Validated and prepared once per object
   * (cached), so do not change a collection after passing it.
   */
  features: z.custom<MapFeatureCollection>((v) => typeof v === 'object' && v !== null, 'features must be a GeoJSON FeatureCollection').optional(),
  /**
   * Values by municipality code (`level: 'municipality'`) or by county code
   * (`level: 'county'`): finite numbers, or `null` for missing. Codes not on
   * the map are ignored; map codes without a value are missing.
   */
  values: z.custom<ReadonlyMap<string, number | null>>(isMap, 'values must be a Map from code to number or null').superRefine((values, ctx) => {
    for (const [code, value] of values) {
      if (typeof code !== 'string' || (value !== null && (typeof value !== 'number' || !Number.isFinite(value)))) {
        ctx.addIssue({ code: 'custom', message: `value of ${JSON.stringify(code)} is ${String(value)}: use a finite number, or null for missing` });
        return;
      }
    }
  }),
  /** `municipality`: `values` by municipality code. `county`: `values` by county code, each municipality filled with its county's value. Default `municipality`. */
  level: z.enum(['municipality', 'county']).default('municipality'),
  /**
   * Names of municipalities and counties (for tooltips) and each
   * municipality's county. Default: the default country's
   * (`defaultGeography`, Sweden's) when `features` is omitted, else none.
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
  /** Draw the legend (colour bar, ticks, missing-value swatch). Default true. */
  legend: z.boolean().default(true),
  /** Text above the colour bar. Default: none. */
  legendLabel: z.string().optional(),
  /** Tick values on the colour bar (those outside the domain are dropped), or a count of evenly spaced ticks (0, or 2 or more). Default 5. */
  ticks: z
    .union([z.number().int().min(0).max(50).refine((n) => n !== 1, 'use 0 or at least 2 ticks'), z.array(z.number())])
    .default(5),
  /** Formats values in tooltips and tick labels. Default: up to 2 decimals (`0.82`, `1`). */
  format: z.custom<(value: number) => string>(isFunction, 'format must be a function').optional(),
  /** Tooltip text and legend label for a missing value. Default `no data`. */
  missingLabel: z.string().default('no data'),
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
   * Default: the default country's `mapMeridian` for its whole map (15, as
   * SWEREF 99 TM, for Sweden), else the middle of the features' longitudes. The projection is fitted to the
   * features within the space left by the title and legend.
   */
  centralMeridian: z.number().min(-180).max(180).optional(),
});
export type MapOptions = z.input<typeof MapOptionsSchema>;
export type ParsedMapOptions = z.output<typeof MapOptionsSchema>;
