import { describe, expect, it } from 'vitest';
import { formatCount, joinNames, kindWords, plural } from '../../src/format.js';

describe('words', () => {
  it('formats counts with no-break spaces between thousands', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(10609461)).toBe('10\u00a0609\u00a0461');
    expect(formatCount(-2335)).toBe('-2\u00a0335');
  });
  it('joins names and pluralises', () => {
    expect(joinNames([])).toBe('');
    expect(joinNames(['Umeå'])).toBe('Umeå');
    expect(joinNames(['Umeå', 'Vännäs', 'Bjurholm'])).toBe('Umeå, Vännäs and Bjurholm');
    expect(plural(1, 'partner')).toBe('1 partner');
    expect(plural(1200, 'authority', 'authorities')).toBe('1\u00a0200 authorities');
  });
  it('names kinds, including user-defined ones and ids like __proto__', () => {
    expect(kindWords('civil_society', 2)).toBe('civil-society organisations');
    expect(kindWords('school')).toBe('school actor');
    expect(kindWords('__proto__', 2)).toBe('  proto   actors');
    expect(kindWords('constructor')).toBe('constructor actor');
  });
});
