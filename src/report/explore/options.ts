/** The options of `renderExplorer`. */
import { z } from 'zod';
import type { MapFeatureCollection } from '../../geo/map-features.js';
import { EXPLORER_LANGUAGES } from './strings.js';

export const ExplorerOptionsSchema = z.strictObject({
  /** Language of the page: `'sv'` or `'en'`. Default: the language of the network's geography (Swedish for Sweden), else English, as `renderReport`. */
  lang: z.enum(EXPLORER_LANGUAGES).optional(),
  /** Page title. Default: the catalogue's `page.title` and the scope. */
  title: z.string().min(1).optional(),
  /** What the data is, for the footer (the CLI passes where it was read from). Default: the network's scope. */
  dataDescription: z.string().min(1).optional(),
  /** Map polygons with a `code` property per municipality. Default: those of the network's country (`geographyMapFeatures(net.geography)`). */
  features: z.custom<MapFeatureCollection>((v) => typeof v === 'object' && v !== null, 'features must be a GeoJSON FeatureCollection').optional(),
  /** Suggested partners per municipality of the scope (`recommendAll`, best first); 0 leaves them out. Default 3 (as the report). */
  suggestions: z.number().int().min(0).max(20).default(3),
  /** Width of the map in px (its height follows the shape of the area). Default 640. */
  width: z.number().int().min(200).max(4000).default(640),
});
export type ExplorerOptions = z.input<typeof ExplorerOptionsSchema>;
export type ParsedExplorerOptions = z.output<typeof ExplorerOptionsSchema>;
