import { describe, expect, it } from 'vitest';
import { swedenGeography } from '../../src/io/sweden.js';
import { formatPercent } from '../../src/model/i18n/index.js';
import { OptionsError } from '../../src/model/options.js';
import { renderMap } from '../../src/report.js';
import { CATEGORICAL_COLORS, DEFAULT_MAP_COLORS, DEFAULT_MISSING_COLOR, quantileBreaks, sequentialColor } from '../../src/report.js';

const geography = swedenGeography();

/** `{ code → fill }` of the municipality paths. */
function fills(svg: string): Map<string, string> {
  return new Map([...svg.matchAll(/<path class="municipality" data-code="([^"]*)" fill="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
}

/** The legend's tick or swatch labels, in order. */
const legendTexts = (svg: string) => [.../<g class="legend[^"]*"[\s\S]*<\/g>/.exec(svg)![0].matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);

/** CIE L* (lightness) of a colour: what is left of it in greyscale print. */
function lightness(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  const y = 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  return y > 216 / 24389 ? 116 * Math.cbrt(y) - 16 : (24389 / 27) * y;
}

// Coverage-like shares: most counties between 84 % and 100 %.
const countyValues = new Map(geography.counties.map((c, i) => [c.code, 0.84 + ((i * 7) % 17) / 100]));
const lo = Math.min(...countyValues.values());
const hi = Math.max(...countyValues.values());

describe('renderMap: scales fitted to the data', () => {
  it('spreads a linear ramp over the values’ range by default, not over 0–1', () => {
    const svg = renderMap({ level: 'county', values: countyValues, lang: 'en', unit: 'share' });
    const byCode = fills(svg);
    for (const m of geography.municipalities) {
      const v = countyValues.get(m.county)!;
      if (v === lo) expect(byCode.get(m.code)).toBe(DEFAULT_MAP_COLORS[0]);
      if (v === hi) expect(byCode.get(m.code)).toBe(DEFAULT_MAP_COLORS.at(-1));
    }
    // The old fixed 0–1 domain drew all of them in the top fifth of the ramp.
    const colours = new Set(byCode.values());
    expect(colours.size).toBe(new Set(countyValues.values()).size);
    // Legend: the ends and round values between, in percent.
    expect(legendTexts(svg)).toEqual(['84%', '90%', '95%', '100%']);
  });

  it('writes the breaks in the locale’s percent format', () => {
    const sv = legendTexts(renderMap({ level: 'county', values: countyValues, unit: 'share' }));
    expect(sv).toEqual([84, 90, 95, 100].map((p) => formatPercent('sv', p / 100)));
    expect(sv[0]).toBe('84\u00a0%');
  });

  it('keeps a domain given, and the old 0–1 scale when asked for it', () => {
    const svg = renderMap({ level: 'county', values: countyValues, domain: [0, 1], unit: 'share', lang: 'en' });
    expect(legendTexts(svg)).toEqual(['0%', '25%', '50%', '75%', '100%']);
    expect(fills(svg).get('0180')).toBe(sequentialColor(countyValues.get('01')!));
  });

  it('draws quantile classes with about as many municipalities each, the breaks in the legend', () => {
    const values = new Map(geography.municipalities.map((m, i) => [m.code, ((i * 37) % 290) / 290]));
    const svg = renderMap({ values, scale: 'quantile', classes: 5, unit: 'share', lang: 'en' });
    const counts = new Map<string, number>();
    for (const fill of fills(svg).values()) counts.set(fill, (counts.get(fill) ?? 0) + 1);
    expect(counts.size).toBe(5);
    for (const n of counts.values()) expect(Math.abs(n - 58)).toBeLessThanOrEqual(1);
    expect(svg.match(/<rect class="class"/g)).toHaveLength(5);
    const breaks = quantileBreaks(values.values(), 5);
    expect(legendTexts(svg)).toEqual([0, ...breaks, 289 / 290].map((v) => formatPercent('en', v)));
  });

  it('draws threshold classes at the breaks given, a value on a break in the class above', () => {
    const values = new Map([['0180', 0.1], ['2480', 0.5], ['2584', 0.9], ['1280', null]]);
    const svg = renderMap({ values, scale: 'threshold', breaks: [0.5, 0.8], unit: 'share', lang: 'en' });
    const byCode = fills(svg);
    const classes = [...svg.matchAll(/<rect class="class"[^>]*fill="([^"]*)"/g)].map((m) => m[1]!);
    expect(classes).toHaveLength(3);
    expect([byCode.get('0180'), byCode.get('2480'), byCode.get('2584')]).toEqual(classes);
    expect(byCode.get('1280')).toBe(DEFAULT_MISSING_COLOR);
    expect(legendTexts(svg)).toEqual(['10%', '50%', '80%', '90%', 'no data']);
  });

  it('draws categories in categorical colours with a categorical legend, yes and no named', () => {
    const values = new Map(geography.municipalities.map((m, i) => [m.code, i % 3 === 0 ? 1 : 0]));
    const sv = renderMap({ values, scale: 'categorical' });
    expect(sv).toContain('class="legend legend-categorical"');
    expect(sv).not.toContain('class="class"');
    expect(legendTexts(sv)).toEqual(['nej', 'ja']);
    expect(new Set(fills(sv).values())).toEqual(new Set(CATEGORICAL_COLORS.slice(0, 2)));
    expect(legendTexts(renderMap({ values, scale: 'categorical', lang: 'en' }))).toEqual(['no', 'yes']);
    const named = renderMap({
      values,
      scale: 'categorical',
      categories: [
        { value: 1, label: 'member', color: '#123456' },
        { value: 0, label: 'not a member' },
      ],
    });
    expect(legendTexts(named)).toEqual(['member', 'not a member']);
    expect(fills(named).get(geography.municipalities[0]!.code)).toBe('#123456');
    expect(fills(named).get(geography.municipalities[1]!.code)).toBe(CATEGORICAL_COLORS[1]);
  });

  it('refuses a value outside the categories, and options that belong to another scale, naming the option', () => {
    const values = new Map([['0180', 2]]);
    const option = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(OptionsError);
        return (e as OptionsError).option;
      }
      throw new Error('no error');
    };
    expect(option(() => renderMap({ values, scale: 'categorical', categories: [{ value: 1, label: 'yes' }] }))).toBe('categories');
    expect(option(() => renderMap({ values, scale: 'threshold' }))).toBe('breaks');
    expect(option(() => renderMap({ values, breaks: [1] }))).toBe('breaks');
    expect(option(() => renderMap({ values, scale: 'quantile', domain: [0, 1] }))).toBe('domain');
    expect(option(() => renderMap({ values, scale: 'threshold', breaks: [2, 1] }))).toBe('breaks');
    expect(option(() => renderMap({ values, scale: 'categorical', categories: [{ value: 1, label: 'a' }, { value: 1, label: 'b' }] }))).toBe('categories');
  });

  it('writes a source line with the data date when given', () => {
    const svg = renderMap({ values: new Map(), source: 'SCB', date: '2025-09-30' });
    expect(svg).toContain('<text class="source" x="8" y="950" font-size="10" fill="#666666">Källa: SCB. Uppgifterna avser 30 september 2025.</text>');
    expect(renderMap({ values: new Map() })).not.toContain('class="source"');
  });

  it('outlines missing values, so they stay apart from the lightest class in greyscale', () => {
    const svg = renderMap({ values: new Map([['0180', 1]]), lang: 'en' });
    expect(svg).toMatch(/data-code="0114" fill="#d4d4d4" stroke="#555555" stroke-width="0.6" stroke-dasharray="2 1.5"/);
    expect(svg).not.toMatch(/data-code="0180"[^>]*stroke-dasharray/);
  });
});

describe('palettes in greyscale', () => {
  it('gives every quantile class its own lightness (2 to 9 classes)', () => {
    const values = new Map(geography.municipalities.map((m, i) => [m.code, i]));
    for (let classes = 2; classes <= 9; classes++) {
      const colours = [...renderMap({ values, scale: 'quantile', classes }).matchAll(/<rect class="class"[^>]*fill="([^"]*)"/g)].map((m) => m[1]!);
      expect(colours).toHaveLength(classes);
      const l = colours.map(lightness);
      for (let i = 1; i < l.length; i++) expect(l[i]! - l[i - 1]!, `${classes} classes, class ${i}`).toBeGreaterThan(7);
    }
  });

  it('gives the first four categories lightnesses at least 10 apart', () => {
    const l = CATEGORICAL_COLORS.slice(0, 4).map(lightness);
    for (let i = 0; i < l.length; i++) for (let j = i + 1; j < l.length; j++) expect(Math.abs(l[i]! - l[j]!), `${CATEGORICAL_COLORS[i]} vs ${CATEGORICAL_COLORS[j]}`).toBeGreaterThanOrEqual(10);
  });
});

describe('quantileBreaks', () => {
  it('matches numpy’s default quantiles', () => {
    // numpy.quantile([1..10], [0.2, 0.4, 0.6, 0.8]) = [2.8, 4.6, 6.4, 8.2]
    expect(quantileBreaks([10, 9, 8, 7, 6, 5, 4, 3, 2, 1], 5)).toEqual([2.8, 4.6, 6.4, 8.2]);
    // numpy.quantile([0.84, 0.86, 0.9, 0.93, 0.97, 1], [1/3, 2/3]) = [0.88666667, 0.94333333]
    const [a, b] = quantileBreaks([0.84, 0.86, 0.9, 0.93, 0.97, 1], 3);
    expect(a).toBeCloseTo(0.8866667, 6);
    expect(b).toBeCloseTo(0.9433333, 6);
  });

  it('never leaves a class empty, nor puts distinct values all in one class', () => {
    expect(quantileBreaks([0, 0, 0, 0, 1], 4)).toEqual([1]);
    expect(quantileBreaks([1, 2, 2, 2, 2, 2, 3], 3)).toEqual([2, 3]);
    expect(quantileBreaks([5, 5, 5], 3)).toEqual([]);
    expect(quantileBreaks([null, undefined, Number.NaN], 3)).toEqual([]);
    expect(() => quantileBreaks([1, 2], 1)).toThrow(/classes/);
  });
});
