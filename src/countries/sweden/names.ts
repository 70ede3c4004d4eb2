import type { NameRules } from '../../model/country.js';

/**
 * How Swedish files write place names: `Umeå kommun`, `Göteborgs stad`
 * (the genitive s before `stad`), `Stockholms län`, and the English
 * `municipality` some files use; Swedish alphabetical order (Å, Ä, Ö last).
 */
export const SWEDISH_NAME_RULES: NameRules = Object.freeze({
  municipalitySuffixes: Object.freeze(['kommun', 'stad', 'municipality']) as string[],
  countySuffixes: Object.freeze(['län']) as string[],
  genitive: 's',
  locale: 'sv',
});
