import { OptionsError } from '../../src/model/options.js';
import { describe, expect, it } from 'vitest';
import { swedenGeography } from '../../src/io/sweden.js';
import { escapeHtml, escapeXml } from '../../src/report/escape.js';
import {
  DEFAULT_MAP_COLORS,
  DEFAULT_MISSING_COLOR,
  countyBorderLines,
  renderMap,
  sequentialColor,
  type MapFeature,
  type MapFeatureCollection,
} from '../../src/report/map.js';
import { swedenMapFeatures } from '../../src/geo.js';

/** `{ code → fill }` of the municipality paths, in document order. */
function fills(svg: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of svg.matchAll(/<path class="municipality" data-code="([^"]*)" fill="([^"]*)"/g)) out.set(m[1]!, m[2]!);
  return out;
}

/** `{ code → tooltip text }` (still escaped). */
function tooltips(svg: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of svg.matchAll(/<path class="municipality" data-code="([^"]*)"[^>]*><title>([^<]*)<\/title>/g)) out.set(m[1]!, m[2]!);
  return out;
}

/** An axis-aligned square [x, x+1] × [y, y+1] in lon/lat, outer ring counter-clockwise (RFC 7946). */
function square(code: string, x: number, y: number, county?: string): MapFeature {
  return {
    type: 'Feature',
    properties: { code, name: `Square ${code}`, ...(county ? { county } : {}) },
    geometry: { type: 'Polygon', coordinates: [[[x, y], [x + 1, y], [x + 1, y + 1], [x, y + 1], [x, y]]] },
  };
}

//  C D   (county Y)      y 1..2
//  A B   (county X)      y 0..1
//  x 0..1, 1..2
const fourSquares = (): MapFeatureCollection => ({
  type: 'FeatureCollection',
  features: [square('A', 0, 0, 'X'), square('B', 1, 0, 'X'), square('C', 0, 1, 'Y'), square('D', 1, 1, 'Y')],
});

/** Unit segments of some lines, as sorted `x,y-x,y` keys (endpoints in lexical order). */
function segmentsOf(lines: number[][][]): string[] {
  const keys: string[] = [];
  for (const line of lines) {
    for (let i = 0; i + 1 < line.length; i++) {
      const [a, b] = [line[i]!.join(','), line[i + 1]!.join(',')].sort();
      keys.push(`${a}-${b}`);
    }
  }
  return keys.sort();
}

const OUTER = ['0,0-1,0', '1,0-2,0', '2,0-2,1', '2,1-2,2', '1,2-2,2', '0,2-1,2', '0,1-0,2', '0,0-0,1'];

describe('renderMap on the Swedish municipalities', () => {
  const geography = swedenGeography();
  const values = new Map(geography.municipalities.map((m, i) => [m.code, i % 10 === 0 ? null : (i % 7) / 6]));
  const svg = renderMap({ values, title: 'Test', legendLabel: 'share' });

  it('draws exactly one path per municipality, each code once, in code order', () => {
    const codes = [...svg.matchAll(/<path class="municipality" data-code="([^"]*)"/g)].map((m) => m[1]!);
    expect(codes).toHaveLength(290);
    expect(new Set(codes).size).toBe(290);
    expect(codes).toEqual(geography.municipalities.map((m) => m.code).sort());
    expect(svg.match(/class="municipality"/g)).toHaveLength(290);
    expect(svg.match(/class="county-borders"/g)).toHaveLength(1);
  });

  it('is a single self-contained SVG element of reasonable size', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" ')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    const rest = svg.replace('xmlns="http://www.w3.org/2000/svg"', '');
    for (const external of ['http', '//', 'href', 'url(', '<image', '<script', '<style', '<foreignObject', '@import', 'font-face']) {
      expect(rest).not.toContain(external);
    }
    expect(Buffer.byteLength(svg)).toBeLessThan(250_000);
  });

  it('writes tooltips as "name (county): value", in the geography\'s language (Swedish) unless asked', () => {
    const svg = renderMap({ values: new Map([['2480', 0.82]]), lang: 'en' });
    const tips = tooltips(svg);
    expect(tips.get('2480')).toBe('Umeå (Västerbottens län): 0.82');
    expect(tips.get('0180')).toBe('Stockholm (Stockholms län): no data');
    const sv = tooltips(renderMap({ values: new Map([['2480', 0.82]]) }));
    expect(sv.get('2480')).toBe('Umeå (Västerbottens län): 0,82');
    expect(sv.get('0180')).toBe('Stockholm (Stockholms län): uppgift saknas');
  });

  it('fills each municipality with its county value at county level', () => {
    const svg = renderMap({ level: 'county', values: new Map([['24', 0], ['25', 1], ['01', null]]) });
    const byCode = fills(svg);
    const tips = tooltips(svg);
    for (const m of geography.municipalities) {
      const expected = m.county === '24' ? DEFAULT_MAP_COLORS[0] : m.county === '25' ? DEFAULT_MAP_COLORS.at(-1) : DEFAULT_MISSING_COLOR;
      expect(byCode.get(m.code), m.code).toBe(expected);
    }
    expect(tips.get('2480')).toBe('Umeå (Västerbottens län): 0');
    expect(tips.get('2584')).toBe('Kiruna (Norrbottens län): 1');
  });

  it('is deterministic: the same input gives the same bytes, also from a fresh copy of the features', () => {
    expect(renderMap({ values, title: 'Test', legendLabel: 'share' })).toBe(svg);
    const copy = structuredClone(swedenMapFeatures());
    expect(renderMap({ values, title: 'Test', legendLabel: 'share', features: copy, geography, centralMeridian: 15 })).toBe(svg);
  });

  it('draws county borders from shared segments: none inside a county', () => {
    const countyOf = new Map(geography.municipalities.map((m) => [m.code, m.county]));
    const county = countyBorderLines(swedenMapFeatures(), countyOf);
    const all = countyBorderLines(swedenMapFeatures(), new Map(geography.municipalities.map((m) => [m.code, m.code])));
    const one = countyBorderLines(swedenMapFeatures(), new Map(geography.municipalities.map((m) => [m.code, 'SE'])));
    const n = (lines: number[][][]) => segmentsOf(lines).length;
    // 8 715 segments are shared by two municipalities; the outline is the rest.
    expect(n(all) - n(one)).toBe(8715);
    expect(n(county)).toBeGreaterThan(n(one));
    expect(n(county)).toBeLessThan(n(all));
    expect(new Set(segmentsOf(county)).size).toBe(n(county)); // each segment once
  });
});

describe('renderMap of part of the country (codes)', () => {
  const geography = swedenGeography();
  const vasterbotten = geography.municipalities.filter((m) => m.county === '24').map((m) => m.code);
  const svg = renderMap({ values: new Map([['2480', 0.5]]), codes: vasterbotten, labels: true, title: 'Västerbotten' });

  it('draws only those municipalities, fitted to them, with their names', () => {
    expect([...fills(svg).keys()]).toEqual([...vasterbotten].sort());
    const group = /<g class="labels"[^>]*>([\s\S]*?)<\/g>/.exec(svg)![1]!;
    const labels = [...group.matchAll(/<text x="([\d.-]+)" y="([\d.-]+)">([^<]*)<\/text>/g)];
    expect(labels.map((m) => m[3]).sort()).toEqual(geography.municipalities.filter((m) => m.county === '24').map((m) => m.name).sort());
    // The height follows the county's shape (wider than tall at 480 px: less than the 960 of Sweden), and every label is inside the drawing.
    const [, width, height] = /width="(\d+)" height="(\d+)"/.exec(svg)!.map(Number);
    expect(width).toBe(480);
    expect(height).toBeGreaterThan(240);
    expect(height).toBeLessThan(960);
    for (const [, x, y] of labels) {
      expect(Number(x)).toBeGreaterThan(0);
      expect(Number(x)).toBeLessThan(width!);
      expect(Number(y)).toBeGreaterThan(0);
      expect(Number(y)).toBeLessThan(height!);
    }
  });

  it('is the same map whatever the order of the codes, and no labels unless asked', () => {
    expect(renderMap({ values: new Map([['2480', 0.5]]), codes: new Set([...vasterbotten].reverse()), labels: true, title: 'Västerbotten' })).toBe(svg);
    expect(renderMap({ values: new Map(), codes: vasterbotten })).not.toContain('class="labels"');
  });

  it('refuses codes with no feature on the map', () => {
    expect(() => renderMap({ values: new Map(), codes: ['9999'] })).toThrow(/none of the codes given has a feature/);
    expect(() => renderMap({ values: new Map(), codes: '2480' as unknown as string[] })).toThrow(/codes must be an array or set/);
  });
});

describe('countyBorderLines on four unit squares in two counties', () => {
  it('keeps the outline and the segments between counties, and drops those within a county', () => {
    const borders = segmentsOf(countyBorderLines(fourSquares()));
    expect(borders).toEqual([...OUTER, '0,1-1,1', '1,1-2,1'].sort());
    expect(borders).not.toContain('1,0-1,1'); // A|B, both in X
    expect(borders).not.toContain('1,1-1,2'); // C|D, both in Y
  });

  it('takes counties from countyOf before the features, and a feature without a county is a county of its own', () => {
    const oneCounty = new Map(['A', 'B', 'C', 'D'].map((c) => [c, 'Z']));
    expect(segmentsOf(countyBorderLines(fourSquares(), oneCounty))).toEqual([...OUTER].sort());

    const fc = fourSquares();
    fc.features[3] = square('D', 1, 1); // no county
    expect(segmentsOf(countyBorderLines(fc))).toEqual([...OUTER, '0,1-1,1', '1,1-2,1', '1,1-1,2'].sort());
  });

  it('joins consecutive border segments into lines', () => {
    const lines = countyBorderLines(fourSquares(), new Map(['A', 'B', 'C', 'D'].map((c) => [c, 'Z'])));
    expect(lines.length).toBeLessThan(8);
    expect(lines.flat().length).toBe(8 + lines.length);
  });
});

describe('renderMap on other GeoJSON', () => {
  it('draws any collection of features with a code, with names and counties from their properties', () => {
    const svg = renderMap({ features: fourSquares(), values: new Map([['A', 0.5]]), countyBorders: false, legend: false });
    expect([...fills(svg).keys()]).toEqual(['A', 'B', 'C', 'D']);
    expect(tooltips(svg).get('A')).toBe('Square A (X): 0.5'); // county from the feature's `county` property
    expect(svg).not.toContain('county-borders');
    expect(svg).not.toContain('class="legend"');
  });

  it('fits the projection to the features whatever their ring winding', () => {
    const reversed = fourSquares();
    for (const f of reversed.features) if (f.geometry.type === 'Polygon') f.geometry.coordinates = f.geometry.coordinates.map((r) => [...r].reverse());
    const a = renderMap({ features: fourSquares(), values: new Map() });
    const b = renderMap({ features: reversed, values: new Map() });
    expect(b).toBe(a);
    // The squares fill the map area rather than a speck of a world map.
    const xs = [...a.matchAll(/class="municipality"[^>]* d="M([\d.]+)/g)].map((m) => Number(m[1]));
    expect(Math.min(...xs)).toBeLessThan(60);
  });

  it('rejects invalid input with a clear message', () => {
    const dup = fourSquares();
    dup.features[1] = square('A', 1, 0);
    expect(() => renderMap({ features: dup, values: new Map() })).toThrow(/duplicate code \\"A\\"/);
    const noCode = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: 'x' }, geometry: square('A', 0, 0).geometry }] };
    expect(() => renderMap({ features: noCode as unknown as MapFeatureCollection, values: new Map() })).toThrow(/code/);
    expect(() => renderMap({ values: new Map([['0114', Number.NaN]]) })).toThrow(/use a finite number, or null/);
    expect(() => renderMap({ values: new Map(), colors: ['red', 'blue'] })).toThrow(/#rgb or #rrggbb/);
    expect(() => renderMap({ values: new Map(), domain: [1, 1] })).toThrow(/must differ/);
  });
});

describe('colours', () => {
  it('maps the domain ends to the first and last stop, clamps outside, and greys missing values', () => {
    expect(sequentialColor(0)).toBe(DEFAULT_MAP_COLORS[0]);
    expect(sequentialColor(1)).toBe(DEFAULT_MAP_COLORS.at(-1));
    expect(sequentialColor(-3)).toBe(DEFAULT_MAP_COLORS[0]);
    expect(sequentialColor(7)).toBe(DEFAULT_MAP_COLORS.at(-1));
    expect(sequentialColor(null)).toBe(DEFAULT_MISSING_COLOR);
    expect(sequentialColor(undefined)).toBe(DEFAULT_MISSING_COLOR);
    expect(sequentialColor(Number.NaN)).toBe(DEFAULT_MISSING_COLOR);
  });

  it('refuses a wrong scale naming the option, as every options object', () => {
    expect(() => sequentialColor(0.5, { domain: 'x' } as never)).toThrow(OptionsError);
    expect(() => sequentialColor(0.5, { domain: 'x' } as never)).toThrow(/^sequentialColor: option domain: /);
    expect(() => sequentialColor(0.5, { colours: ['#000'] } as never)).toThrow(/^sequentialColor: option colours: unknown option/);
  });

  it('interpolates between custom stops over a custom domain', () => {
    const scale = { domain: [10, 20] as [number, number], colors: ['#000', '#FFFFFF'], missingColor: '#f0f' };
    expect(sequentialColor(10, scale)).toBe('#000000');
    expect(sequentialColor(20, scale)).toBe('#ffffff');
    expect(sequentialColor(15, scale)).toBe('#808080');
    expect(sequentialColor(null, scale)).toBe('#ff00ff');
  });

  it('colours the map: domain ends, values absent from the map and null values', () => {
    const svg = renderMap({ features: fourSquares(), values: new Map([['A', 0], ['B', 1], ['C', null]]), missingColor: '#123456' });
    expect(Object.fromEntries(fills(svg))).toEqual({ A: DEFAULT_MAP_COLORS[0], B: DEFAULT_MAP_COLORS.at(-1), C: '#123456', D: '#123456' });
    expect(svg).toContain('>no data</text>');
    const full = renderMap({ features: fourSquares(), values: new Map([['A', 0], ['B', 1], ['C', 0], ['D', 0]]) });
    expect(full).not.toContain('no data'); // no missing swatch when nothing is missing
  });
});

describe('escaping', () => {
  const evil = '<script>alert(1)</script>';
  const quotes = `"&'`;

  it('escapeXml and escapeHtml escape markup characters and drop characters XML forbids', () => {
    expect(escapeXml(evil)).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(escapeXml(quotes)).toBe('&quot;&amp;&#39;');
    expect(escapeXml('a\u0000b\u001Fc\td\n')).toBe('a\uFFFDb\uFFFDc\td\n');
    expect(escapeXml('x\uD800y')).toBe('x\uFFFDy');
    expect(escapeXml('Malmö 🗺')).toBe('Malmö 🗺');
    expect(escapeHtml(`<a href="x">&</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;');
  });

  it('escapes names, codes, titles and labels in the SVG', () => {
    const fc = fourSquares();
    fc.features[0]!.properties.name = evil;
    fc.features[1]!.properties.name = quotes;
    fc.features[2]!.properties.code = `C"><script>`;
    const svg = renderMap({
      features: fc,
      values: new Map([['A', 0.5]]),
      title: evil,
      legendLabel: quotes,
      missingLabel: '<b>none</b>',
      format: (v) => `<${v}>`,
    });
    expect(svg).not.toMatch(/<script|<b>|<0\.5>/);
    expect(tooltips(svg).get('A')).toBe('&lt;script&gt;alert(1)&lt;/script&gt; (X): &lt;0.5&gt;');
    expect(tooltips(svg).get('B')).toBe('&quot;&amp;&#39; (X): &lt;b&gt;none&lt;/b&gt;');
    expect(svg).toContain('data-code="C&quot;&gt;&lt;script&gt;"');
    expect(svg).toContain('<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>');
    expect(svg).toContain('>&quot;&amp;&#39;</text>');
  });
});
