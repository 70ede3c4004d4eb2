import { camelKind } from '../analysis/view.js';
import { kindWords } from '../model/words.js';
import type { CooperationNetwork } from '../model/network.js';
import { number, percent, scopeSentence } from './html.js';
import { buildReport, type CountySection, type ReportModel, type ReportOptions } from './model.js';
import { escapeMarkdownCell, formatMarkdownTable } from './table.js';
import { capabilityMapMarkdown } from './map/capability.js';

const md = escapeMarkdownCell;

function countySection(model: ReportModel, s: CountySection): string {
  const c = s.coverage;
  const lines = [
    `## ${md(c.name)}`,
    '',
    `- Municipalities: ${c.municipalityCount} (${number(c.population)} inhabitants)`,
    `- Cooperate with another municipality: ${c.linkedMunicipalities} of ${c.municipalityCount} (${percent(c.linkedShare)}; ${percent(c.linkedPopulationShare)} of the population)`,
    ...model.options.partnerKinds.map((k) => `- With ${kindWords(k, 2)}: ${percent(c[`${camelKind(k)}Share`] as number | null)}`),
    `- Bordering pairs that cooperate: ${c.borderPairs > 0 ? `${c.cooperatingBorderPairs} of ${c.borderPairs} (${percent(c.borderPairShare)})` : 'no internal border pairs'}`,
    `- Cross-county: ${c.crossCountyTies} municipality ties, ${c.crossCountyLinks} links, ${c.countiesReached ?? 0} other counties reached`,
    `- Separate groups of municipalities: ${c.componentCount}`,
    '',
    '### Most central actors',
    '',
    s.central.length > 0
      ? formatMarkdownTable(
          s.central.map((r) => ({ actor: r.name, kind: kindWords(r.kind), betweenness: Number(r.betweenness!.toFixed(4)), partners: r.degree })),
        ).trimEnd()
      : '_No actor of the county lies on shortest paths between others._',
    '',
    '### Actors that bridge counties',
    '',
    s.brokers.length > 0
      ? formatMarkdownTable(
          s.brokers.map((r) => ({ actor: r.name, kind: kindWords(r.kind), liaison: r.liaison, gatekeeper: r.gatekeeper, representative: r.representative })),
        ).trimEnd()
      : '_No actor of the county brokers between counties._',
    '',
    '### Gaps',
    '',
    ...(s.gaps.length > 0
      ? [
          ...s.gaps.slice(0, model.options.maxGaps).map((g) => `- **${g.level}**: ${md(g.reason)}`),
          ...(s.gaps.length > model.options.maxGaps ? [`- … and ${s.gaps.length - model.options.maxGaps} more`] : []),
        ]
      : ['_No gaps found._']),
    '',
    ...(model.options.suggestions > 0 && s.recommendations.length > 0
      ? [
          '### Suggested partners for small municipalities',
          '',
          formatMarkdownTable(
            s.recommendations.map((r) => ({
              municipality: s.municipalities.find((m) => m.municipality === r.municipality)?.name ?? r.municipality,
              rank: r.rank,
              partner: r.name,
              score: Number(r.score.toFixed(2)),
              why: r.reasons.join('; '),
            })),
          ).trimEnd(),
          '',
        ]
      : []),
    ...capabilityLines(model, s),
  ];
  return lines.join('\n');
}

function capabilityLines(model: ReportModel, s: CountySection): string[] {
  const caps = model.capabilities;
  if (!caps || !s.capabilities) return [];
  const share = (count: number, of: number) => `${count} (${percent(of)})`;
  return [
    '### Capabilities',
    '',
    caps.census ? '_A complete census: a municipality without a record lacks the capability._' : '_Partial records: a municipality without a record is unknown, not without the capability._',
    '',
    formatMarkdownTable(
      s.capabilities.coverage.map((r) => ({ capability: caps.labels[r.capability] ?? r.capability, yes: share(r.yesCount, r.yesShare), planned: share(r.plannedCount, r.plannedShare), no: share(r.noCount, r.noShare), unknown: share(r.unknownCount, r.unknownShare) })),
    ).trimEnd(),
    '',
    ...(s.capabilities.map ? capabilityMapMarkdown(s.capabilities.map) : []),
    ...(s.capabilities.gaps.length > 0 ? s.capabilities.gaps.map((g) => `- **${g.severity}**: ${md(g.reason)}`) : ['_No municipality is recorded as lacking a capability._']),
    '',
    ...(s.capabilities.reach.length > 0
      ? [
          formatMarkdownTable(
            s.capabilities.reach.map((r) => ({ municipality: r.name, lacks: `${caps.labels[r.capability] ?? r.capability}${r.state === 'planned' ? ' (setting up)' : ''}`, nearest: r.sourceName ?? 'nobody in the data', km: r.distanceKm === null ? '' : Math.round(r.distanceKm), cooperating: r.cooperating === null ? '' : r.cooperating ? 'yes' : 'no' })),
          ).trimEnd(),
          '',
        ]
      : []),
  ];
}

/** Render a report model as Markdown, for pasting into documents. Every user string is escaped. */
export function renderReportMarkdownFromModel(model: ReportModel): string {
  const kinds = model.options.partnerKinds;
  const overview = [...model.counties.map((s) => ({ c: s.coverage, serious: s.seriousGaps })), { c: model.national, serious: model.seriousGaps }].map(({ c, serious }) => {
    const row: Record<string, string> = {
      county: c.name,
      municipalities: String(c.municipalityCount),
      cooperating: percent(c.linkedShare),
      'population reached': percent(c.linkedPopulationShare),
    };
    for (const k of kinds) row[`with ${kindWords(k, 2)}`] = percent(c[`${camelKind(k)}Share`] as number | null);
    row['border pairs cooperating'] = percent(c.borderPairShare);
    row['cross-county ties'] = String(c.crossCountyTies);
    row.groups = String(c.componentCount);
    row['mean coverage'] = percent(c.meanCoverage);
    row['serious gaps'] = String(serious);
    return row;
  });
  const date = model.dataDate ? (model.dataDateIsSnapshot ? `Links active on ${model.dataDate}.` : `Links dated up to ${model.dataDate}.`) : '';
  return [
    `# ${md(model.title)}`,
    '',
    `${md(model.geographyName)}${model.dataDescription ? ` · ${md(model.dataDescription)}` : ''}. ${date}`.trim(),
    '',
    md(scopeSentence(model)),
    '',
    ...model.notes.flatMap((note) => [md(note), '']),
    ...(model.counties.length > 1 ? ['## Counties at a glance', '', formatMarkdownTable(overview).trimEnd(), ''] : []),
    ...model.counties.map((s) => countySection(model, s)),
    '## Data and sources',
    '',
    md(model.geographySource ?? model.geographyName),
    '',
    `Population date: ${md(model.populationDate ?? 'unknown')}.`,
    '',
  ].join('\n');
}

/**
 * The county report as Markdown: the overview table and, per county, its
 * coverage figures, central and brokering actors and gaps. No maps (use
 * `renderMap` for standalone SVG files).
 *
 * @example
 * writeFileSync('report.md', renderReportMarkdown(net));
 */
export function renderReportMarkdown(net: CooperationNetwork, options: ReportOptions = {}): string {
  return renderReportMarkdownFromModel(buildReport(net, { ...options, maps: false }));
}
