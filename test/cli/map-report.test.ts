/**
 * `samverkan map` as a reader sees it (issue 15): scales fitted to the data
 * with percent in the legend, yes/no measures in two colours with a
 * categorical legend, words in the command's language; and the report's
 * total row: the country named in the output language, no row repeating the
 * one county.
 */
import { describe, expect, it } from 'vitest';
import { coverageByCounty, coverageByMunicipality } from '../../src/analysis/coverage.js';
import { buildReport, demoDataset, loadNetwork } from '../../src/index.js';
import { formatPercent, type Lang } from '../../src/model/i18n/index.js';
import { CATEGORICAL_COLORS, quantileBreaks } from '../../src/report.js';
import { renderReportHtml } from '../../src/report/html.js';
import { itInChromium, useChromium } from '../helpers/chromium.js';
import { cli } from './helpers.js';

const chromium = useChromium();
const demo = loadNetwork(demoDataset());

/** The legend's texts of an SVG, in order (its label first). */
const legendTexts = (svg: string) => [.../<g class="legend[^"]*"[^>]*>([\s\S]*?)<\/g>\n/.exec(svg)![1]!.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);

describe('samverkan map', () => {
  it.each<Lang>(['sv', 'en'])('draws county coverage in quantile classes, the breaks in percent (%s)', async (lang) => {
    const r = await cli(['map', '--metric', 'coverage', '--level', 'county', '--lang', lang]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('class="legend legend-classes"');
    // The breaks are the quantiles of the 21 counties' mean coverage, between their smallest and largest value, in the language's percent.
    const values = coverageByCounty(demo, { total: false }).map((c) => c.meanCoverage);
    const breaks = quantileBreaks(values, 5);
    const ends = [Math.min(...values.filter((v): v is number => v !== null)), ...breaks, Math.max(...values.filter((v): v is number => v !== null))];
    const texts = legendTexts(r.stdout);
    expect(texts[0]).toBe(lang === 'sv' ? 'Genomsnittlig täckning' : 'Mean coverage');
    const percents = texts.slice(1);
    expect(percents.length).toBeGreaterThanOrEqual(4);
    for (const t of percents) expect(t).toMatch(lang === 'sv' ? /^\d+(,\d+)?\u00a0%$/ : /^\d+(\.\d+)?%$/);
    const shown = percents.map((t) => Number(t.replace(/\u00a0?%$/, '').replace(',', '.')) / 100);
    // Each label is one of the class bounds, rounded as written.
    for (const v of shown) expect(ends.some((e) => Math.abs(e - v) < 0.006)).toBe(true);
    // Fitted to the data: the first label is the smallest county's value, not 0 %.
    expect(shown[0]).toBeGreaterThan(0.5);
    expect(r.stdout).toContain(lang === 'sv' ? '<title>Genomsnittlig täckning, per län</title>' : '<title>Mean coverage, by county</title>');
    expect(r.stdout).toMatch(lang === 'sv' ? /<text class="source"[^>]*>Källa: [^<]+\. Uppgifterna avser \d+ [a-z]+ \d{4}\.<\/text>/ : /<text class="source"[^>]*>Source: [^<]+\. Data as of \d+ [A-Z][a-z]+ \d{4}\.<\/text>/);
  });

  it('draws municipal coverage on a ramp fitted to the values, the ticks in percent', async () => {
    const r = await cli(['map', '--metric', 'border', '--lang', 'sv']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('class="legend legend-linear"');
    const values = coverageByMunicipality(demo).map((m) => m.borderShare).filter((v): v is number => v !== null);
    const texts = legendTexts(r.stdout).slice(1).filter((t) => t !== 'uppgift saknas');
    expect(texts[0]).toBe(formatPercent('sv', Math.min(...values)));
    expect(texts.at(-1)).toBe(formatPercent('sv', Math.max(...values)));
    for (const t of texts) expect(t).toMatch(/^\d+\u00a0%$/);
  });

  it.each<[Lang, string, string]>([
    ['sv', 'ja', 'nej'],
    ['en', 'yes', 'no'],
  ])('draws linked (yes/no) in two colours with a categorical legend (%s)', async (lang, yes, no) => {
    const r = await cli(['map', '--metric', 'linked', '--county', '24', '--lang', lang]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('class="legend legend-categorical"');
    expect(r.stdout).not.toContain('legend-linear');
    expect([...r.stdout.matchAll(/<g class="category">.*?<text[^>]*>([^<]*)<\/text><\/g>/g)].map((m) => m[1])).toEqual([yes, no]);
    // Each municipality in the colour of its state: yes the first colour, no the second.
    const scoped = demo.withScope({ counties: ['24'] });
    const linked = new Map(coverageByMunicipality(scoped).map((m) => [m.municipality, m.municipalityTies > 0]));
    const fills = [...r.stdout.matchAll(/<path class="municipality" data-code="(\d+)" fill="([^"]+)"/g)];
    expect(fills).toHaveLength(15);
    for (const [, code, fill] of fills) expect(fill).toBe(linked.get(code!) ? CATEGORICAL_COLORS[0] : CATEGORICAL_COLORS[1]);
    expect(new Set(fills.map((f) => f[2])).size).toBe(new Set(linked.values()).size);
    expect(r.stdout).toContain(lang === 'sv' ? '<title>Samverkar med en annan kommun, per kommun: Västerbottens län</title>' : '<title>Cooperates with another municipality, by municipality: Västerbottens län</title>');
  });

  itInChromium('the Swedish county map renders its legend classes and percent labels', async () => {
    const r = await cli(['map', '--metric', 'coverage', '--level', 'county', '--lang', 'sv']);
    const opened = await chromium().open({ html: `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>karta</title></head><body>${r.stdout}</body></html>` });
    expect(opened.problems()).toEqual([]);
    expect(await opened.count('path.municipality')).toBe(290);
    expect(await opened.count('.legend rect.class')).toBeGreaterThanOrEqual(3);
    const labels = (await opened.texts('.legend text')).slice(1);
    expect(labels.every((t) => /\u00a0%$/.test(t))).toBe(true);
    await opened.close();
  });
});

describe('the total row', () => {
  it('names the country in the output language, in the report and the CLI', async () => {
    expect(buildReport(demo, { suggestions: 0 }).national.name).toBe('Sverige');
    expect(buildReport(demo, { suggestions: 0, lang: 'en' }).national.name).toBe('Sweden');
    const sv = await cli(['report', '--out', '/dev/null'], { lang: null });
    expect(sv.code).toBe(0);
    const lastRow = (out: string) => out.trimEnd().split('\n').filter((l) => /\d/.test(l) && !l.includes('/dev/null')).at(-1)!;
    expect(lastRow(sv.stdout)).toMatch(/^Sverige\s+290\s+\d+\u00a0%/);
    expect(sv.stdout).not.toContain('Sweden');
    const national = renderReportHtml(buildReport(demo, { suggestions: 0 }), demo);
    expect(national).toContain('<td><b>Sverige</b></td>');
    const en = await cli(['report', '--out', '/dev/null', '--lang', 'en']);
    expect(lastRow(en.stdout)).toMatch(/^Sweden\s+290\s+\d+%/);
  });

  it('is left out of a report of one county, where it would repeat the county’s row', async () => {
    const r = await cli(['report', '--county', '25', '--out', '/dev/null'], { lang: null });
    expect(r.code).toBe(0);
    const rows = r.stdout.split('\n').filter((l) => /^\S.*\s\d+\s+\d+\u00a0%/.test(l));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatch(/^Norrbottens län\s+14\s/);
    // Two counties: their rows and the total, named as a total (the scope's description is not the reader's words).
    const two = demo.withScope({ counties: ['24', '25'] });
    const html = renderReportHtml(buildReport(two, { suggestions: 0 }), two);
    const overview = html.slice(html.indexOf('<table class="overview">'), html.indexOf('</table>', html.indexOf('<table class="overview">')));
    expect(overview.match(/<tr>/g)).toHaveLength(4);
    expect(overview).toContain('<td><b>Totalt</b></td>');
    expect(buildReport(two, { suggestions: 0, lang: 'en' }).national.name).toBe('Total');
  });
});
