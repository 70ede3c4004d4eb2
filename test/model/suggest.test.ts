/**
 * "Did you mean …?" for municipalities: words compared folded, and a
 * municipality's suffix dropped by the geography's own name rules (Sweden's
 * `kommun` and `stad`), never another country's.
 */
import { describe, expect, it } from 'vitest';
import { foldWord, municipalitySuggestion } from '../../src/model/suggest.js';
import { swedenGeography } from '../../src/index.js';
import { countryGeography } from '../../src/geo.js';
import { loadCountry } from '../../src/geo.js';

describe('municipalitySuggestion', () => {
  const sweden = swedenGeography();

  it('folds case, diacritics and separators, and keeps every word', () => {
    expect(foldWord('  Vännäs_Kommun ')).toBe('vannas kommun');
    expect(foldWord('UMEÅ-stad')).toBe('umea stad');
  });

  it("drops Sweden's suffixes for Swedish municipalities", () => {
    expect(municipalitySuggestion(sweden, 'Lyksele', 'en')).toBe('; did you mean Lycksele (2481)?');
    expect(municipalitySuggestion(sweden, 'Lyksele kommun', 'en')).toBe('; did you mean Lycksele (2481)?');
    expect(municipalitySuggestion(sweden, 'Lyksele stad', 'sv')).toBe('; menade du Lycksele (2481)?');
  });

  it("does not apply Sweden's suffixes to a country without name rules", () => {
    const testland = countryGeography(loadCountry('test/fixtures/countries/testland'));
    expect(municipalitySuggestion(testland, 'Albi', 'en')).toBe('; did you mean Alby (T1)?');
    // `kommun` is a word of the name there: "Albi kommun" is far from "Alby".
    expect(municipalitySuggestion(testland, 'Albi kommun', 'en')).toBe('');
  });
});
