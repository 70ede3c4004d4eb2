import { describe, expect, it } from 'vitest';
import { CooperationNetwork, demoDataset, findGaps, loadNetwork, swedenGeography } from '../../src/index.js';
import { OptionsError } from '../../src/model/options.js';
import { CATEGORICAL_COLORS, DEFAULT_MAP_COLORS, DEFAULT_MISSING_COLOR, renderCountyMap } from '../../src/report.js';
import { defaultMapFeatures } from '../../src/geo.js';
import { featureLabelPosition, labelPoint, placeLabels, signedDistance, visualCentre, type ScreenPolygon } from '../../src/report/map/labels.js';
import { fitProjection, largestPolygon, middleLongitude, prepare } from '../../src/report/map/prepare.js';
import { exploreNetwork, XSS } from './explore-fixture.js';

const net = exploreNetwork();

/** The `data-code` of every element of a class, in document order. */
const codesOf = (svg: string, cls: string) => [...svg.matchAll(new RegExp(`<path class="${cls}[^"]*" data-code="([^"]*)"`, 'g'))].map((m) => m[1]!);

describe('renderCountyMap', () => {
  it('is deterministic: the same network and options give the same bytes', () => {
    expect(renderCountyMap(net, { lang: 'en' })).toBe(renderCountyMap(exploreNetwork(), { lang: 'en' }));
  });

  it('defaults to the scope’s one county and the geography’s language (Swedish)', () => {
    const svg = renderCountyMap(net);
    expect(svg).toBe(renderCountyMap(net, { county: '24', lang: 'sv' }));
    expect(svg).toContain('Samverkan i');
    expect(svg).toContain('data-county="24"');
  });

  it('finds the county by code or name, and refuses an unknown one, one outside the scope, or none for several counties, naming the option', () => {
    const demo = loadNetwork(demoDataset());
    expect(renderCountyMap(demo, { county: '24', gaps: [] })).toBe(renderCountyMap(demo, { county: 'Västerbotten', gaps: [] }));
    const fail = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e as OptionsError;
      }
      throw new Error('no error');
    };
    const unknown = fail(() => renderCountyMap(demo, { county: 'Västerbottn' }));
    expect(unknown).toBeInstanceOf(OptionsError);
    expect(unknown.option).toBe('county');
    expect(unknown.message).toMatch(/no county "Västerbottn".*did you mean Västerbottens län \(24\)/);
    const outside = fail(() => renderCountyMap(net, { county: '01' }));
    expect(outside.option).toBe('county');
    expect(outside.message).toMatch(/outside the network's scope/);
    const none = fail(() => renderCountyMap(demo));
    expect(none.option).toBe('county');
    expect(none.message).toMatch(/name the county to draw/);
    expect(fail(() => renderCountyMap(net, { colour: 'red' } as never)).message).toMatch(/unknown option/);
    expect(fail(() => renderCountyMap(net, { date: '2021-02-30' })).option).toBe('date');
  });

  it('draws the neighbours and the ties across the border only when asked', () => {
    const svg = renderCountyMap(net, { lang: 'en', neighbours: false });
    expect(codesOf(svg, 'neighbour')).toEqual([]);
    expect(svg).not.toContain('cross-border');
    expect(svg.match(/<line class="tie /g)).toHaveLength(5);
    expect(codesOf(svg, 'municipality')).toHaveLength(15);
    expect(svg).not.toContain('Neighbouring county');
  });

  it('greys the county’s municipalities outside a scope of some of them, as not part of the data', () => {
    const part = net.withScope({ municipalities: ['2480', '2482'] });
    const svg = renderCountyMap(part, { lang: 'en', gaps: [] });
    expect(codesOf(svg, 'municipality')).toEqual(['2480', '2482']);
    const greyed = codesOf(svg, 'neighbour');
    expect(greyed.filter((c) => c.startsWith('24'))).toHaveLength(13);
    expect(svg).toContain('Not in the data (neighbouring counties, the rest of the county)');
    const labels = /<g class="labels"[^>]*>([\s\S]*?)<\/g>/.exec(svg)![1]!;
    expect([...labels.matchAll(/data-code="([^"]*)"/g)].map((m) => m[1])).toEqual(['2480', '2482']);
    // The rest of the county at the far end of a tie is named like a neighbour, in grey italics.
    const greyLabels = /<g class="neighbour-labels"[^>]*>([\s\S]*?)<\/g>/.exec(svg)![1]!;
    expect([...greyLabels.matchAll(/data-code="([^"]*)"/g)].map((m) => m[1])).toContain('2401');
  });

  it('marks the gaps given instead of computing them, and leaves the gap legend out when there are none', () => {
    const none = renderCountyMap(net, { lang: 'en', gaps: [] });
    expect(none).not.toContain('class="gap"');
    expect(none).not.toContain('gap-type');
    expect(none).not.toContain('has-gap');
    const one = renderCountyMap(net, { lang: 'en', gaps: [{ type: 'isolated_municipality', reason: 'Vindeln has no link.', municipalities: ['2404', '0180'] }] });
    expect(one.match(/<g class="gap" /g)).toHaveLength(1); // 0180 is not in the county
    expect(one).toContain('<g class="gap" data-code="2404" data-gap="isolated_municipality"><title>Isolated municipality: Vindeln has no link.</title>');
    expect(one).toContain('Isolated municipality (1)');
    expect(renderCountyMap(net, { lang: 'en', gaps: findGaps(net, { lang: 'en' }) })).toBe(renderCountyMap(net, { lang: 'en' }));
  });

  it('escapes every user string: names, codes, bodies, gap types and reasons, title and source', () => {
    const evil = '<script>window.__xss=9</script>"\'&';
    const svg = renderCountyMap(net, {
      lang: 'en',
      title: evil,
      source: evil,
      gaps: [{ type: evil, reason: evil, municipalities: ['2480'] }],
    });
    for (const probe of [evil, ...Object.values(XSS)]) expect(svg).not.toContain(probe);
    expect(svg).toContain('&lt;script&gt;window.__xss=9&lt;/script&gt;&quot;&#39;&amp;');
    expect(svg).toContain(`data-gap="&lt;script&gt;`);
    // Every element is well formed enough that no raw `<` starts anything but a known SVG tag.
    const allowed = new Set(['circle', 'clipPath', 'defs', 'desc', 'g', 'line', 'path', 'rect', 'svg', 'text', 'title']);
    const tags = new Set([...svg.matchAll(/<\/?([a-zA-Z]+)/g)].map((m) => m[1]!));
    expect([...tags].filter((t) => !allowed.has(t))).toEqual([]);
  });

  it('names the data date: the asOf date of a snapshot, else the latest link date, else says it is not known', () => {
    expect(renderCountyMap(net.asOf('2016-05-01'), { lang: 'en' })).toContain('Data as of 1 May 2016.');
    expect(renderCountyMap(net, { lang: 'en', date: '2020-01-02', source: 'Länsstyrelsen' })).toContain('Source: Länsstyrelsen. Data as of 2 January 2020.');
    const empty = CooperationNetwork.create({ geography: swedenGeography(), scope: { counties: ['24'] }, links: [] });
    expect(renderCountyMap(empty, { lang: 'en' })).toContain('Data date not known.');
    expect(renderCountyMap(empty, { lang: 'en' })).not.toContain('<line class="tie');
  });

  it('draws a snapshot’s ties only (asOf), and refuses polygons that cover none of the county', () => {
    const ties = (svg: string) => [...svg.matchAll(/data-tie="([^"]*)"/g)].map((m) => m[1]);
    expect(ties(renderCountyMap(net.asOf('2011-01-01'), { lang: 'en' })).sort()).toEqual(['2401-2480-s', '2421-2462-d']);
    const other = { type: 'FeatureCollection' as const, features: [{ type: 'Feature' as const, properties: { code: 'X' }, geometry: { type: 'Polygon' as const, coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] } }] };
    expect(() => renderCountyMap(net, { features: other })).toThrow(/polygons cover none of the municipalities/);
  });
});

describe('renderCountyMap with a measure', () => {
  const codes = net.geography.municipalities.filter((m) => m.county === '24').map((m) => m.code);
  const values = new Map<string, number | null>(codes.map((c, i) => [c, i === 0 ? null : 0.8 + i / 100]));
  const fills = (svg: string) => new Map([...svg.matchAll(/<path class="municipality[^"]*" data-code="([^"]*)" fill="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));

  it('colours the municipalities on a scale fitted to the county’s values, with its legend in percent', () => {
    const svg = renderCountyMap(net, { lang: 'en', values, unit: 'share', legendLabel: 'coverage' });
    const byCode = fills(svg);
    expect(byCode.get(codes[1]!)).toBe(DEFAULT_MAP_COLORS[0]); // the smallest value: the ramp's start, not 81 % of it
    expect(byCode.get(codes.at(-1)!)).toBe(DEFAULT_MAP_COLORS.at(-1));
    expect(byCode.get(codes[0]!)).toBe(DEFAULT_MISSING_COLOR);
    expect(svg).toContain('class="legend legend-linear"');
    expect(svg).toMatch(/>81%<\/text>/);
    expect(svg).toMatch(/>94%<\/text>/);
    expect(svg).toContain(`coverage: 81%`);
    expect(svg).toContain('>no data</text>');
    // The ties: as many, dark over a white casing.
    expect(svg.match(/<line class="tie /g)).toHaveLength(6);
    expect(svg.match(/<line class="tie-casing"/g)).toHaveLength(6);
    expect(renderCountyMap(net, { lang: 'en' })).not.toContain('tie-casing');
  });

  it('takes the other scales, and refuses an option of another scale naming it', () => {
    const svg = renderCountyMap(net, { values: new Map(codes.map((c, i) => [c, i % 2])), scale: 'categorical' });
    expect(svg).toContain('class="legend legend-categorical"');
    expect(new Set(fills(svg).values())).toEqual(new Set(CATEGORICAL_COLORS.slice(0, 2)));
    expect(svg).toContain('>ja</text>');
    expect(() => renderCountyMap(net, { values, breaks: [0.9] })).toThrow(OptionsError);
    expect(() => renderCountyMap(net, { values, breaks: [0.9] })).toThrow(/renderCountyMap: option breaks: is for scale: threshold/);
  });
});

describe('visualCentre', () => {
  it('is the middle of a square and inside a U shape whose centroid is not', () => {
    const [x, y] = visualCentre([[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]], 0.01);
    expect(x).toBeCloseTo(5, 1);
    expect(y).toBeCloseTo(5, 1);
    // A U open at the top: the arms are x 0–2 and 8–10, the base y 0–2.
    const u = [[[0, 0], [10, 0], [10, 10], [8, 10], [8, 2], [2, 2], [2, 10], [0, 10], [0, 0]]];
    const [ux, uy] = visualCentre(u, 0.01);
    const inU = (ux < 2 || ux > 8 || uy < 2) && ux > 0 && ux < 10 && uy > 0 && uy < 10;
    expect(inU).toBe(true);
  });

  it('stays out of holes', () => {
    const ring = [[[0, 0], [20, 0], [20, 20], [0, 20], [0, 0]], [[5, 5], [15, 5], [15, 15], [5, 15], [5, 5]]];
    const [x, y] = visualCentre(ring, 0.01);
    expect(x > 5 && x < 15 && y > 5 && y < 15).toBe(false);
  });
});

describe('labelPoint', () => {
  it('puts each name at least as far inside its municipality as the search on the map at half a pixel did, on every county map', () => {
    const whole = prepare(defaultMapFeatures());
    const geography = swedenGeography();
    let compared = 0;
    for (const county of geography.counties) {
      const own = new Set(geography.municipalities.filter((m) => m.county === county.code).map((m) => m.code));
      const features = whole.collection.features.filter((f) => own.has(f.properties.code));
      const collection = { type: 'FeatureCollection' as const, features };
      // The county maps' projection: fitted to the county around its middle meridian.
      const projection = fitProjection(collection, [[40, 70], [440, 870]], middleLongitude(collection));
      for (const feature of features) {
        const polygon = largestPolygon(feature);
        if (polygon.type !== 'Polygon') continue;
        const screen: ScreenPolygon = polygon.coordinates.map((ring) => ring.map((p) => projection([p[0]!, p[1]!])!));
        // The old way: the search on the map's pixels, to half a pixel, for each map.
        const [ox, oy] = visualCentre(screen, 0.5);
        const at = labelPoint(projection, feature)!;
        const before = signedDistance(ox, oy, screen);
        const now = signedDistance(at[0], at[1], screen);
        expect(now, `${feature.properties.code} in ${county.code}`).toBeGreaterThan(0);
        // Within the old search's half pixel (and the 0.1 px rounding) of it, or farther inside.
        expect(now, `${feature.properties.code} in ${county.code}`).toBeGreaterThanOrEqual(before - 0.55);
        compared++;
      }
    }
    expect(compared).toBe(290);
  });

  it('finds the position once per feature, whatever the map', () => {
    const feature = prepare(defaultMapFeatures()).collection.features[0]!;
    const first = featureLabelPosition(feature);
    expect(first).not.toBeNull();
    expect(featureLabelPosition(feature)).toBe(first);
  });
});

describe('placeLabels', () => {
  it('leaves a free label at its anchor and moves one that would cover a label placed before it', () => {
    const frame = { x: 0, y: 0, width: 200, height: 200 };
    const at = placeLabels(
      [
        { x: 100, y: 100, width: 60, height: 14, priority: 1 },
        { x: 105, y: 102, width: 60, height: 14, priority: 2 },
        { x: 20, y: 20, width: 20, height: 10, priority: 0 },
      ],
      frame,
    );
    expect(at[1]).toEqual([105, 102]); // the higher priority keeps its place
    expect(at[2]).toEqual([20, 20]);
    const [x, y] = at[0]!;
    const apart = Math.abs(x - 105) >= 60 || Math.abs(y - 102) >= 14;
    expect(apart).toBe(true);
  });

  it('keeps a label inside the frame when it can', () => {
    const [[x, y]] = placeLabels([{ x: 195, y: 100, width: 30, height: 10, priority: 0 }], { x: 0, y: 0, width: 200, height: 200 }) as [[number, number]];
    expect(x + 15).toBeLessThanOrEqual(200);
    expect(y).toBe(100);
  });
});
