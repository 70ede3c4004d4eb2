import { describe, expect, it } from 'vitest';
import { countryWordsIn } from '../../src/model/country.js';
import { cli } from './helpers.js';

describe('a country’s words in the CLI’s language', () => {
  it('a text per language, else English', () => {
    expect(countryWordsIn('plain', 'sv')).toBe('plain');
    expect(countryWordsIn({ en: 'the demo', sv: 'demot' }, 'sv')).toBe('demot');
    expect(countryWordsIn({ en: 'the demo' }, 'sv')).toBe('the demo');
  });

  it('the demo dataset and its capabilities are described in Swedish by default and in English with --lang en', async () => {
    const sv = await cli(['summary'], { lang: null });
    expect(sv.code).toBe(0);
    expect(sv.stderr).toContain('det inbäddade demodatasetet (syntetiskt)');
    expect(sv.stderr).toContain('demodatasetets syntetiska förmågor');
    expect(sv.stderr).not.toContain('the embedded demo dataset');
    const en = await cli(['summary'], { lang: 'en' });
    expect(en.stderr).toContain('the embedded demo dataset (synthetic)');
    expect(en.stderr).toContain('the demo dataset’s synthetic capabilities');
  });

  it('the --dataset help lists the datasets in the help’s language', async () => {
    expect((await cli(['summary', '--help'], { lang: null })).stdout).toContain('syntetiskt');
    expect((await cli(['summary', '--help'], { lang: 'en' })).stdout).toMatch(/demo, the embedded demo\s+dataset/);
  });
});
