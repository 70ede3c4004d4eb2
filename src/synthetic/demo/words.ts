/**
 * The country's words the generator reads (`DemoWords`): defined in the
 * model (`src/model/demo-words.ts`), so a `Country` carries its own as
 * `demoWords`, and re-exported here beside the stages that read them.
 *
 * @module
 */
export type { DemoWords } from '../../model/demo-words.js';

import { DEFAULT_COUNTRY } from '../../countries/default.js';
import type { DemoWords } from '../../model/demo-words.js';
import { ArgumentError } from '../../model/errors.js';

/** The default country's words: what the generator names an invented country's places and actors with when no words are given. */
export function defaultDemoWords(): DemoWords {
  const words = DEFAULT_COUNTRY.demoWords;
  if (words === undefined) throw new ArgumentError(`the default country ${DEFAULT_COUNTRY.name} has no demoWords for the synthetic generator`);
  return words;
}
