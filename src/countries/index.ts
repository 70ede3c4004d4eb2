import type { Country } from '../model/country.js';
import { SWEDEN } from './sweden/index.js';

/** The countries samverkan ships, by name (`--geography NAME`); another is a folder (`loadCountry`). */
export const COUNTRIES: readonly Country[] = Object.freeze([SWEDEN]);

/** The shipped country called `name` (case and surrounding spaces ignored), or undefined. */
export function knownCountry(name: string): Country | undefined {
  const key = name.trim().toLowerCase();
  return COUNTRIES.find((c) => c.name.toLowerCase() === key);
}
