/** The options of `renderCountyMap`. */
import { z } from 'zod';
import { LangSchema } from '../../model/i18n/index.js';
import { IsoDateSchema } from '../../model/schema.js';
import type { MapFeatureCollection } from '../../geo/map-features.js';
import { MapOptionsSchema } from './options.js';

/** What the county map reads of a gap row (`findGaps`): other columns are ignored. */
export interface MapGap {
  readonly type: string;
  readonly reason: string;
  readonly municipalities: readonly string[];
}

const isGap = (v: unknown): v is MapGap => {
  const g = v as MapGap;
  return typeof v === 'object' && v !== null && typeof g.type === 'string' && g.type !== '' && typeof g.reason === 'string' && Array.isArray(g.municipalities) && g.municipalities.every((c) => typeof c === 'string');
};

export const CountyMapOptionsSchema = z.strictObject({
  /**
   * The county to draw, by code (`'24'`) or name (`'Västerbottens län'`,
   * `'Västerbotten'`). Default: the network's scope when it is one county;
   * otherwise required. A county outside the network's scope is refused.
   */
  county: z.string().min(1).optional(),
  /** Language of the map's text: `'sv'` or `'en'`. Default: the geography's language (Swedish for Sweden), else English. */
  lang: LangSchema.optional(),
  /** Map polygons with a `code` property per municipality. Default: those of the network's country (`geographyMapFeatures(net.geography)`). */
  features: z.custom<MapFeatureCollection>((v) => typeof v === 'object' && v !== null, 'features must be a GeoJSON FeatureCollection').optional(),
  /**
   * The gaps to mark (rows of `findGaps`, or any rows with `type`, `reason`
   * and `municipalities`), for a caller that has computed them. Default:
   * `findGaps(net)`.
   */
  gaps: z.array(z.custom<MapGap>(isGap, 'a gap is a row with a non-empty string `type`, a string `reason` and `municipalities`, an array of codes')).readonly().optional(),
  /** Draw the municipalities of the neighbouring counties (greyed) and the ties to them. Default true. */
  neighbours: z.boolean().default(true),
  /** Title drawn at the top and used as the SVG's accessible name. Default: the catalogue's `map.county.title` ("Samverkan i Västerbottens län"). */
  title: z.string().min(1).optional(),
  /** Where the data comes from, for the source line. Default: the catalogue's `map.source.default`. */
  source: z.string().min(1).optional(),
  /** The data date of the source line (ISO). Default: the network's `asOf` date, else the latest date among its links. */
  date: IsoDateSchema.optional(),
  /**
   * A measure to colour the county's municipalities by (a `Map` from
   * municipality code to number or `null`, as `renderMap`'s), with its scale
   * fitted to the county's values and a legend: `scale`, `classes`,
   * `breaks`, `categories`, `unit`, `domain`, `colors`, `missingColor`,
   * `ticks`, `format` and `legendLabel` as in `renderMap`. The ties are then
   * drawn dark over a white casing, so they stay visible on every colour.
   * Default: no measure (the county in one light colour).
   */
  values: MapOptionsSchema.shape.values.optional(),
  ...MapOptionsSchema.pick({ scale: true, classes: true, breaks: true, categories: true, unit: true, domain: true, colors: true, missingColor: true, ticks: true, format: true, legendLabel: true }).shape,
  /** SVG width in px; the height follows the county's shape. Default 720. */
  width: z.number().int().min(240).max(4000).default(720),
});
export type CountyMapOptions = z.input<typeof CountyMapOptionsSchema>;
export type ParsedCountyMapOptions = z.output<typeof CountyMapOptionsSchema>;
