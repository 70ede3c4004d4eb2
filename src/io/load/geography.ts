/**
 * The geography of a load: the one place where the default (Sweden's) is
 * chosen, for the loaders and the graph-file reader alike.
 */
import type { Geography } from '../../model/schema.js';
import { loadGeography } from '../geography.js';
import { swedenGeography } from '../sweden.js';

/** The geography input that names none uses when it needs one: Sweden's. (The country seam of issue 13 replaces this line.) */
export function defaultGeography(): Geography {
  return swedenGeography();
}

/** The input's geography (the object, the folder loaded, or the default), and whether it was given. */
export function resolveGeography(given: Geography | string | undefined): { geography: Geography; explicit: boolean } {
  if (given === undefined) return { geography: defaultGeography(), explicit: false };
  return { geography: typeof given === 'string' ? loadGeography(given) : given, explicit: true };
}
