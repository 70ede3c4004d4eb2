import { describe, expect, it } from 'vitest';
import { CATALOGUES, LANGUAGES, formatDate, formatList, formatNumber, formatPercent, message, placeholders, resolveLang, type MessageKey } from '../../src/model/i18n/index.js';
import { defaultGeography } from '../../src/io/country.js';

describe('the catalogues', () => {
  const keys = (lang: (typeof LANGUAGES)[number]) => Object.keys(CATALOGUES[lang]).sort();

  it('every language has exactly the English keys', () => {
    for (const lang of LANGUAGES) expect({ lang, keys: keys(lang) }).toEqual({ lang, keys: keys('en') });
  });

  it('every message has the same placeholders in every language, and no message is empty', () => {
    const problems: string[] = [];
    for (const key of keys('en') as MessageKey[]) {
      const want = placeholders(CATALOGUES.en[key]);
      for (const lang of LANGUAGES) {
        const text = CATALOGUES[lang][key];
        if (text.trim() === '') problems.push(`${lang} ${key}: empty`);
        if (placeholders(text).join() !== want.join()) problems.push(`${lang} ${key}: {${placeholders(text).join('}, {')}} vs {${want.join('}, {')}}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('counted messages come in .one/.other pairs', () => {
    const all = new Set(keys('en'));
    const unpaired = [...all].filter((k) => (k.endsWith('.one') && !all.has(k.replace(/\.one$/, '.other'))) || (k.endsWith('.other') && !all.has(k.replace(/\.other$/, '.one'))));
    expect(unpaired).toEqual([]);
  });
});

describe('message', () => {
  it('fills placeholders and refuses a missing one', () => {
    expect(message('sv', 'list.and')).toBe('och');
    expect(message('en', 'list.and')).toBe('and');
    expect(message('sv', 'part.ofTotal', { part: 3, total: 12345 })).toBe('3 av 12\u00a0345');
    expect(message('en', 'part.ofTotal', { part: 'three', total: 12345 })).toBe('three of 12,345');
    expect(() => message('en', 'part.ofTotal', { part: 3 })).toThrow(/needs a value for \{total\}/);
    expect(() => message('en', 'no such key' as MessageKey)).toThrow(/no message "no such key"/);
  });
});

describe('locale formats', () => {
  it('numbers: a no-break space between thousands in Swedish, a comma in English, a plain minus', () => {
    expect(formatNumber('sv', 12345)).toBe('12\u00a0345');
    expect(formatNumber('en', 12345)).toBe('12,345');
    expect(formatNumber('sv', 0.5)).toBe('0,5');
    expect(formatNumber('en', -1234.567, 1)).toBe('-1,234.6');
    expect(formatNumber('sv', -3)).toBe('-3');
  });

  it('percent: `93 %` in Swedish, `93%` in English', () => {
    expect(formatPercent('sv', 0.934)).toBe('93\u00a0%');
    expect(formatPercent('en', 0.934)).toBe('93%');
    expect(formatPercent('en', 0.9345, 1)).toBe('93.5%');
  });

  it('dates and lists', () => {
    expect(formatDate('sv', '2021-03-04')).toBe('4 mars 2021');
    expect(formatDate('en', '2021-03-04')).toBe('4 March 2021');
    expect(formatDate('en', 'not a date')).toBe('not a date');
    expect(formatList('sv', ['Umeå', 'Vindeln', 'Bjurholm'])).toBe('Umeå, Vindeln och Bjurholm');
    expect(formatList('en', ['Umeå', 'Vindeln', 'Bjurholm'])).toBe('Umeå, Vindeln and Bjurholm');
    expect(formatList('en', ['a', 'b'], 'or')).toBe('a or b');
  });

  it('the default language is the geography’s: Swedish for the embedded default, English without one', () => {
    expect(resolveLang(undefined, defaultGeography())).toBe('sv');
    expect(resolveLang('en', defaultGeography())).toBe('en');
    expect(resolveLang(undefined, {})).toBe('en');
    expect(resolveLang(undefined)).toBe('en');
  });
});
