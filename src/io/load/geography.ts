/**
 * The geography of a load, for the loaders and the graph-file reader alike:
 * the one given, or the default country's (`DEFAULT_COUNTRY`, through
 * `defaultGeography`).
 */
import type { Geography } from '../../model/schema.js';
import { defaultGeography } from '../country.js';
import { loadGeography } from '../geography.js';

export { defaultGeography };

/** The input's geography (the object, the folder loaded, or the default), and whether it was given. */
export function resolveGeography(given: Geography | string | undefined): { geography: Geography; explicit: boolean } {
  if (given === undefined) return { geography: defaultGeography(), explicit: false };
  return { geography: typeof given === 'string' ? loadGeography(given) : given, explicit: true };
}
