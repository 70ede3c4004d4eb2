/**
 * The map of one capability: four classes apart (yes, planned, no, unknown),
 * a legend with their counts, title, source and date, synthetic marked; in
 * the report (HTML, Markdown) and in Chromium.
 */
import { describe, expect, it } from 'vitest';
import { capabilitiesByMunicipality } from '../../src/analysis/capabilities.js';
import { loadCapabilities } from '../../src/io/capabilities.js';
import { loadNetwork } from '../../src/io/load-network.js';
import { demoCapabilities, demoDataset } from '../../src/io/sweden.js';
import { CAPABILITY_STATE_COLORS, capabilityMapData, renderCapabilityMap } from '../../src/report/map/capability.js';
import { renderReportHtml } from '../../src/report/html.js';
import { renderReportMarkdownFromModel } from '../../src/report/markdown.js';
import { buildReport } from '../../src/report/model.js';
import { network } from '../analysis/helpers.js';
import { cli } from '../cli/helpers.js';
import { itInChromium, useChromium } from '../helpers/chromium.js';

const chromium = useChromium();

// Västerbotten by hand: Bjurholm no, Umeå yes, Vännäs planned, the 12 others unknown; a hostile source.
const net = network([], [['2480', '2460']], undefined, 'infer');
const csv = 'municipality,capability,status,since,source\n2403,action_plan,no,2020-01-01,<script>alert(1)</script>\n2480,action_plan,yes,2021-03-01,kommunens webbplats\n2460,action_plan,planned,2024-05-01,kommunens webbplats\n';
const caps = loadCapabilities({ text: csv, name: 'caps.csv' }, net);

/** Relative luminance (WCAG) of `#rrggbb`. */
function luminance(hex: string): number {
  const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * c[0]! + 0.7152 * c[1]! + 0.0722 * c[2]!;
}

describe('capabilityMapData and renderCapabilityMap', () => {
  it('counts each state apart: unknown is not no', () => {
    const data = capabilityMapData(net, caps, { capability: 'handlingsplan', lang: 'en' });
    expect(data.capability).toBe('action_plan');
    expect(data.counts).toEqual({ yes: 1, planned: 1, no: 1, unknown: 12 });
    expect(data.municipalities.find((m) => m.municipality === '2404')!.state).toBe('unknown');
    expect(data.synthetic).toBe(false);
    expect(data.dateLine).toBe('Data date: 1 May 2024 (the latest record; the latest statement of each holds)');
    expect(capabilityMapData(net.asOf('2022-01-01'), caps, { capability: 'action_plan', lang: 'en' })).toMatchObject({ counts: { yes: 1, planned: 0, no: 1, unknown: 13 }, dateLine: 'Data date: 1 January 2022 (the states on that day)' });
    // The geography's language (Swedish) when none is asked for.
    expect(capabilityMapData(net.asOf('2022-01-01'), caps, { capability: 'action_plan' })).toMatchObject({ lang: 'sv', title: 'Handlingsplan: läget i kommunerna', dateLine: 'Uppgifterna avser 1 januari 2022 (läget den dagen)', sourceLine: 'Källor: <script>alert(1)</script>; kommunens webbplats' });
    expect(() => capabilityMapData(net, caps, { capability: 'bogus' })).toThrow(/unknown capability "bogus"/);
  });

  it('draws one shape per municipality with its state, escapes the source, same bytes twice', () => {
    const svg = renderCapabilityMap(net, caps, { capability: 'action_plan', lang: 'en' });
    expect(svg).toBe(renderCapabilityMap(net, caps, { capability: 'action_plan', lang: 'en' }));
    const states = [...svg.matchAll(/<path class="municipality" data-code="(\d+)" data-state="(\w+)" fill="([^"]+)"/g)].map((m) => [m[1], m[2], m[3]]);
    expect(states).toHaveLength(15);
    expect(states.find((s) => s[0] === '2480')).toEqual(['2480', 'yes', CAPABILITY_STATE_COLORS.yes]);
    expect(states.find((s) => s[0] === '2403')).toEqual(['2403', 'no', CAPABILITY_STATE_COLORS.no]);
    expect(states.find((s) => s[0] === '2460')).toEqual(['2460', 'planned', CAPABILITY_STATE_COLORS.planned]);
    expect(states.filter((s) => s[1] === 'unknown').every((s) => s[2] === CAPABILITY_STATE_COLORS.unknown)).toBe(true);
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;');
    expect(svg).toMatch(/<title>Action plan: who has it<\/title>/);
  });

  it('colours are apart in greyscale, and unknown is missing data (white, dashed), not a colour', () => {
    const l = (['yes', 'no', 'planned'] as const).map((s) => luminance(CAPABILITY_STATE_COLORS[s]));
    expect(l[1]! - l[0]!).toBeGreaterThan(0.2);
    expect(l[2]! - l[1]!).toBeGreaterThan(0.2);
    const svg = renderCapabilityMap(net, caps, { capability: 'action_plan', lang: 'en' });
    expect(svg).toMatch(/<path class="municipality" data-code="2404" data-state="unknown" fill="#ffffff" stroke="#555555" stroke-width="0.6" stroke-dasharray/);
    expect(svg).toContain('<text class="source" x="8"');
    expect(svg).toMatch(/Source: &lt;script&gt;alert\(1\)&lt;\/script&gt;; kommunens webbplats\. Data as of 1 May 2024\./);
    // In Swedish, the geography's language: title, legend, source line and tooltips.
    const sv = renderCapabilityMap(net, caps, { capability: 'action_plan' });
    expect(sv).toMatch(/<title>Handlingsplan: läget i kommunerna<\/title>/);
    expect(sv).toMatch(/Källa: &lt;script&gt;alert\(1\)&lt;\/script&gt;; kommunens webbplats\. Uppgifterna avser 1 maj 2024\./);
    for (const word of ['>ja</text>', '>under uppbyggnad</text>', '>nej</text>', '>okänt (ingen uppgift)</text>', '>handlingsplan</text>']) expect(sv).toContain(word);
    expect(sv).not.toMatch(/>(yes|no|setting up|unknown \(no record\)|action plan)</i);
  });

  it('marks the demo\'s synthetic records in the title and the source line', () => {
    const demo = loadNetwork(demoDataset());
    const demoCaps = loadCapabilities(demoCapabilities(), demo);
    const data = capabilityMapData(demo, demoCaps, { capability: 'action_plan', lang: 'en' });
    expect(data.synthetic).toBe(true);
    expect(data.title).toBe('Action plan: who has it (synthetic data)');
    expect(capabilityMapData(demo, demoCaps, { capability: 'action_plan' }).title).toBe('Handlingsplan: läget i kommunerna (syntetiska uppgifter)');
    expect(data.sourceLine).toBe('Source: synthetic: not real (seed 2026)');
    expect(data.municipalities).toHaveLength(290);
    // The states are those of the analyses.
    const states = new Map(capabilitiesByMunicipality(demo, demoCaps, { capabilityCodes: ['action_plan'] }).map((r) => [r.municipality, r.state]));
    for (const m of data.municipalities) expect(m.state).toBe(states.get(m.municipality));
  });
});

describe('the report with --capability', () => {
  it('has a map per county in HTML and the table in Markdown, and refuses a capability without records', async () => {
    const model = buildReport(net, { capabilities: caps, capability: 'action_plan', suggestions: 0, lang: 'en' });
    const county = model.counties[0]!;
    expect(county.capabilities!.map).toMatchObject({ capability: 'action_plan', counts: { yes: 1, planned: 1, no: 1, unknown: 12 } });
    expect(county.capabilities!.map!.svg).toContain('class="capability-map"');
    expect(renderReportHtml(model, net)).toContain('<figure class="capability-map-figure">');
    const md = renderReportMarkdownFromModel(buildReport(net, { capabilities: caps, capability: 'action_plan', suggestions: 0, maps: false, lang: 'en' }));
    expect(md).toContain('#### Action plan: who has it');
    expect(md).toContain('| Bjurholm | 2403 | no |');
    expect(md).toContain('| Vindeln | 2404 | unknown \\(no record\\) |');
    expect(md).toContain('yes: 1 · setting up: 1 · no: 1 · unknown \\(no record\\): 12');
    // The Swedish report's table is Swedish.
    const mdSv = renderReportMarkdownFromModel(buildReport(net, { capabilities: caps, capability: 'action_plan', suggestions: 0, maps: false }));
    expect(mdSv).toContain('#### Handlingsplan: läget i kommunerna');
    expect(mdSv).toContain('| Bjurholm | 2403 | nej |');
    expect(mdSv).toContain('ja: 1 · under uppbyggnad: 1 · nej: 1 · okänt \\(ingen uppgift\\): 12');
    expect(() => buildReport(net, { capability: 'action_plan' })).toThrow(/capability needs capabilities/);
    const bad = await cli(['report', '--dataset', 'bodies', '--capability', 'action_plan', '--out', '/dev/null']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--capability needs --capabilities FILE/);
    const unknown = await cli(['map', '--capability', 'bogus']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/--capability: unknown capability "bogus"/);
  });
});

describe('the capability map in Chromium', () => {
  itInChromium('the demo report of one county: one shape per municipality, the classes, the legend', async () => {
    // Jämtland: four of its municipalities gave no record (unknown).
    const demo = loadNetwork(demoDataset(), { scope: { counties: ['23'] } });
    const demoCaps = loadCapabilities(demoCapabilities(), demo);
    const html = renderReportHtml(buildReport(demo, { capabilities: demoCaps, capability: 'coordinator', suggestions: 0, lang: 'en' }), demo);
    const opened = await chromium().open({ html });
    expect(opened.problems()).toEqual([]);
    const inScope = demo.scope.municipalities.length;
    expect(inScope).toBe(8);
    expect(await opened.count('svg.capability-map')).toBe(1);
    expect(await opened.count('svg.capability-map path.municipality')).toBe(inScope);
    const states = await opened.attributes('svg.capability-map path.municipality', 'data-state');
    expect(states).toContain('unknown');
    expect(new Set(states).size).toBeGreaterThanOrEqual(2);
    expect(await opened.texts('svg.capability-map .legend .category text')).toEqual(['yes', 'setting up', 'no']);
    expect(await opened.count('svg.capability-map .legend .missing')).toBe(1);
    expect((await opened.texts('svg.capability-map text.source'))[0]).toMatch(/^Source: synthetic: not real \(seed 2026\)\. Data as of /);
    await opened.close();
    // The Swedish report (the geography's language): the map's words are Swedish.
    const sv = await chromium().open({ html: renderReportHtml(buildReport(demo, { capabilities: demoCaps, capability: 'coordinator', suggestions: 0 }), demo) });
    expect(sv.problems()).toEqual([]);
    expect(await sv.texts('svg.capability-map .legend .category text')).toEqual(['ja', 'under uppbyggnad', 'nej']);
    expect(await sv.texts('svg.capability-map .legend .missing text')).toEqual(['okänt (ingen uppgift)']);
    expect((await sv.texts('svg.capability-map text.title'))[0]).toMatch(/: läget i kommunerna \(syntetiska uppgifter\)$/);
    expect((await sv.texts('svg.capability-map text.source'))[0]).toMatch(/^Källa: synthetic: not real \(seed 2026\)\. Uppgifterna avser /);
    await sv.close();
  });

  itInChromium('a hand-built county with all four classes, each its own fill', async () => {
    const svg = renderCapabilityMap(net, caps, { capability: 'action_plan', lang: 'en' });
    const opened = await chromium().open({ html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title></head><body>${svg}</body></html>` });
    expect(opened.problems()).toEqual([]);
    expect(await opened.count('path.municipality')).toBe(15);
    const states = await opened.attributes('path.municipality', 'data-state');
    const fills = await opened.attributes('path.municipality', 'fill');
    const byState = new Map<string, Set<string>>();
    states.forEach((state, i) => byState.set(state!, (byState.get(state!) ?? new Set()).add(fills[i]!)));
    expect([...byState.keys()].sort()).toEqual(['no', 'planned', 'unknown', 'yes']);
    // One fill per class, and four different fills.
    for (const set of byState.values()) expect(set.size).toBe(1);
    expect(new Set([...byState.values()].map((s) => [...s][0])).size).toBe(4);
    expect(await opened.count('.legend .category')).toBe(3);
    expect(await opened.texts('.legend .missing text')).toEqual(['unknown (no record)']);
    await opened.close();
  });
});
