/** The report with capabilities: per county the four states apart, the capability gaps, every string escaped. */
import { describe, expect, it } from 'vitest';
import { capabilityCoverage, capabilityGaps } from '../../src/analysis/capabilities.js';
import { loadCapabilities } from '../../src/io/capabilities.js';
import { renderReportHtml } from '../../src/report/html.js';
import { renderReportMarkdownFromModel } from '../../src/report/markdown.js';
import { buildReport } from '../../src/report/model.js';
import { network } from '../analysis/helpers.js';

const net = network([], [['2480', '2460'], ['2425', '2462']], undefined, 'infer');
const csv = 'municipality,capability,status\n2403,action_plan,no\n2480,action_plan,yes\n2460,xss_probe,yes\n';
const caps = loadCapabilities({ text: csv }, net, { custom: [{ code: 'xss_probe', en: '<img src=x onerror=alert(1)>' }] });

describe('buildReport with capabilities', () => {
  const model = buildReport(net, { capabilities: caps, suggestions: 0, maps: false, lang: 'en' });
  const county = model.counties.find((s) => s.coverage.county === '24')!;

  it('holds the capability rows of each county and its capability gaps', () => {
    expect(county.capabilities!.coverage).toEqual(capabilityCoverage(net, caps).filter((r) => r.county === '24'));
    expect(county.capabilities!.gaps).toEqual(capabilityGaps(net, caps, { lang: 'en' }).filter((r) => r.county === '24'));
    expect(county.capabilities!.gaps.map((g) => g.municipality)).toEqual(['2403']);
    expect(county.capabilities!.municipalities).toHaveLength(15 * 2);
    // Reach only where the data says the municipality lacks it (no or planned), never for unknown.
    expect(county.capabilities!.reach.map((r) => [r.municipality, r.capability, r.source])).toEqual([['2403', 'action_plan', '2480']]);
    expect(model.capabilities).toMatchObject({ census: false, records: 3 });
  });

  it('renders them apart, unknown said to be unknown, labels escaped', () => {
    const html = renderReportHtml(model, net);
    expect(html).toContain('<h3>Capabilities</h3>');
    expect(html).toContain('a municipality without a record is unknown');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('Bjurholm has no action plan');
    expect(html).toContain('Which municipalities have what');
    expect(html).toContain('<h4>Where the nearest competence is</h4>');
    const md = renderReportMarkdownFromModel(model);
    expect(md).toContain('### Capabilities');
    expect(md).not.toContain('<img src=x');
    expect(renderReportHtml(buildReport(net, { suggestions: 0, maps: false }), net)).not.toContain('<h3>Capabilities</h3>');
  });

  it('in Swedish, with the capabilities’ Swedish labels', () => {
    const sv = renderReportHtml(buildReport(net, { capabilities: caps, suggestions: 0, maps: false }), net);
    expect(sv).toContain('<h3>Förmågor</h3>');
    expect(sv).toContain('för en kommun utan uppgift är det okänt om den har förmågan');
    expect(sv).toContain(caps.vocabulary.label('action_plan', 'sv'));
    expect(caps.vocabulary.label('action_plan', 'sv')).not.toBe(caps.vocabulary.label('action_plan', 'en'));
    expect(sv).not.toContain('<img src=x');
  });
});
