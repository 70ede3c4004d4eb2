import { camelKind } from '../analysis/view.js';
import { formatDate, message, messageCount, type Lang, type MessageKey, type MessageValue } from '../model/i18n/index.js';
import type { CooperationNetwork } from '../model/network.js';
import { dateSentence, scopeSentence } from './html.js';
import { buildReport, overviewRows, type CountySection, type ReportModel, type ReportOptions } from './model.js';
import { kindPhrase, leadSentence, levelWord, num, share } from './phrases.js';
import { escapeMarkdownCell, formatMarkdownTable } from './table.js';
import { capabilityMapMarkdown } from './map/capability.js';

const md = escapeMarkdownCell;

/** A Markdown table without its last line break; the column names are the keys of the rows (translated by the caller). */
const mdTable = (rows: readonly object[]) => formatMarkdownTable(rows).trimEnd();

function countySection(lang: Lang, model: ReportModel, s: CountySection): string {
  const t = (key: MessageKey, params?: Readonly<Record<string, MessageValue>>) => message(lang, key, params);
  const n = (key: Parameters<typeof messageCount>[1], count: number, params?: Readonly<Record<string, MessageValue>>) => messageCount(lang, key, count, params);
  const c = s.coverage;
  const col = (key: MessageKey) => t(key);
  const central = s.central.length > 0;
  const broker = s.brokers.length > 0;
  const small = s.municipalities.filter((m) => m.population < model.options.smallPopulation && s.recommendations.some((r) => r.municipality === m.municipality));
  const limit = num(lang, model.options.smallPopulation);
  const lines = [
    `## ${md(c.name)}`,
    '',
    `### ${md(t('report.h.inShort'))}`,
    '',
    `- ${md(c.linkedMunicipalities === c.municipalityCount ? t('report.words.cooperateAll', { total: c.municipalityCount }) : t('report.words.cooperate', { part: c.linkedMunicipalities, total: c.municipalityCount }))}`,
    `- ${md(c.componentCount <= 1 ? t('report.words.groupsOne') : t('report.words.groups', { n: c.componentCount }))}`,
    `- ${md(s.gaps.length > 0 ? n('report.words.gaps', s.gaps.length, { serious: s.seriousGaps }) : t('report.words.noGaps'))}`,
    '',
    `- ${md(t('report.fig.municipalities'))}: ${md(t('report.fig.municipalitiesValue', { n: c.municipalityCount, population: c.population }))}`,
    `- ${md(t('report.fig.cooperate'))}: ${md(t('report.fig.cooperateValue', { part: c.linkedMunicipalities, total: c.municipalityCount, share: share(lang, c.linkedShare), populationShare: share(lang, c.linkedPopulationShare) }))}`,
    ...model.options.partnerKinds.map((k) => `- ${md(t('report.fig.linkedTo', { kind: kindPhrase(lang, k, 'a') }))}: ${md(share(lang, c[`${camelKind(k)}Share`] as number | null))}`),
    `- ${md(t('report.fig.borderPairs'))}: ${md(c.borderPairs > 0 ? t('report.fig.shareValue', { part: c.cooperatingBorderPairs, total: c.borderPairs, share: share(lang, c.borderPairShare) }) : t('report.fig.noBorderPairs'))}`,
    `- ${md(t('report.fig.crossCounty'))}: ${md(t('report.fig.crossCountyValue', { ties: n('report.count.ties', c.crossCountyTies), links: n('report.count.links', c.crossCountyLinks), counties: n('report.count.otherCounties', c.countiesReached ?? 0) }))}`,
    `- ${md(t('report.fig.groups'))}: ${num(lang, c.componentCount)}`,
    '',
    `### ${md(t('report.h.central'))}`,
    '',
    central
      ? [
          md(leadSentence(lang, s.central, 'central')),
          '',
          mdTable(s.central.map((r, i) => ({ [col('report.col.rank')]: i + 1, [col('report.col.actor')]: r.name, [col('report.col.kind')]: kindPhrase(lang, r.kind, 'name'), [col('report.col.betweenness')]: num(lang, r.betweenness, 4), [col('report.col.partners')]: r.degree }))),
        ].join('\n')
      : `_${md(t('report.empty.central'))}_`,
    '',
    `### ${md(t('report.h.brokers'))}`,
    '',
    broker
      ? [
          md(leadSentence(lang, s.brokers, 'broker')),
          '',
          mdTable(
            s.brokers.map((r) => ({
              [col('report.col.actor')]: r.name,
              [col('report.col.kind')]: kindPhrase(lang, r.kind, 'name'),
              [col('report.col.liaison')]: r.liaison,
              [col('report.col.gatekeeper')]: r.gatekeeper,
              [col('report.col.representative')]: r.representative,
              [col('report.col.constraint')]: num(lang, r.constraint, 3),
            })),
          ),
        ].join('\n')
      : `_${md(t('report.words.brokerNone'))}_`,
    '',
    `### ${md(t('report.h.gaps'))}`,
    '',
    // Every gap: a document has no collapsed lists, so all are written.
    ...(s.gaps.length > 0 ? s.gaps.map((g) => `- **${md(levelWord(lang, g.level))}**: ${md(g.reason)}`) : [`_${md(t('report.words.noGaps'))}_`]),
    '',
    ...(model.options.suggestions > 0
      ? [
          `### ${md(t('report.h.suggestions'))}`,
          '',
          small.length > 0
            ? [
                md(n('report.words.suggestions', small.length, { limit })),
                '',
                mdTable(
                  s.recommendations.map((r) => ({
                    [col('report.col.municipality')]: s.municipalities.find((m) => m.municipality === r.municipality)?.name ?? r.municipality,
                    [col('report.col.rank')]: r.rank,
                    [col('report.col.partner')]: r.name,
                    [col('report.col.likelihood')]: share(lang, r.score),
                    [col('report.col.why')]: r.reasons.join('; '),
                  })),
                ),
              ].join('\n')
            : `_${md(s.municipalities.some((m) => m.population < model.options.smallPopulation) ? t('report.words.noSuggestions', { limit }) : t('report.words.noSmall', { limit }))}_`,
          '',
        ]
      : []),
    ...capabilityLines(lang, model, s),
  ];
  return lines.join('\n');
}

function capabilityLines(lang: Lang, model: ReportModel, s: CountySection): string[] {
  const caps = model.capabilities;
  if (!caps || !s.capabilities) return [];
  const t = (key: MessageKey, params?: Readonly<Record<string, MessageValue>>) => message(lang, key, params);
  const countShare = (count: number, of: number) => `${num(lang, count)} (${share(lang, of)})`;
  const label = (c: string) => caps.labels[c] ?? c;
  return [
    `### ${md(t('report.h.capabilities'))}`,
    '',
    `_${md(caps.census ? t('report.cap.census') : t('report.cap.partial'))}_`,
    '',
    mdTable(
      s.capabilities.coverage.map((r) => ({
        [t('report.cap.col.capability')]: label(r.capability),
        [t('report.cap.col.yes')]: countShare(r.yesCount, r.yesShare),
        [t('report.cap.col.planned')]: countShare(r.plannedCount, r.plannedShare),
        [t('report.cap.col.no')]: countShare(r.noCount, r.noShare),
        [t('report.cap.col.unknown')]: countShare(r.unknownCount, r.unknownShare),
      })),
    ),
    '',
    ...(s.capabilities.map ? capabilityMapMarkdown(s.capabilities.map) : []),
    ...(s.capabilities.gaps.length > 0 ? s.capabilities.gaps.map((g) => `- **${md(levelWord(lang, g.severity))}**: ${md(g.reason)}`) : [`_${md(t('report.cap.noLack'))}_`]),
    '',
    ...(s.capabilities.reach.length > 0
      ? [
          mdTable(
            s.capabilities.reach.map((r) => ({
              [t('report.col.municipality')]: r.name,
              [t('report.cap.col.lacks')]: r.state === 'planned' ? t('report.cap.settingUp', { capability: label(r.capability) }) : label(r.capability),
              [t('report.cap.col.nearest')]: r.sourceName ?? t('report.cap.nobody'),
              [t('report.cap.col.km')]: r.distanceKm === null ? '' : Math.round(r.distanceKm),
              [t('report.cap.col.cooperating')]: r.cooperating === null ? '' : t(r.cooperating ? 'yes' : 'no'),
            })),
          ),
          '',
        ]
      : []),
  ];
}

/** Render a report model as Markdown, for pasting into documents, in the model's language. Every user string is escaped. */
export function renderReportMarkdownFromModel(model: ReportModel): string {
  const lang = model.lang;
  const t = (key: MessageKey, params?: Readonly<Record<string, MessageValue>>) => message(lang, key, params);
  const kinds = model.options.partnerKinds;
  const overview = overviewRows(model).map(({ coverage: c, seriousGaps: serious }) => {
    const row: Record<string, string | number> = {
      [t('report.col.county')]: c.name,
      [t('report.col.municipalities')]: c.municipalityCount,
      [t('report.col.cooperating')]: share(lang, c.linkedShare),
      [t('report.col.populationReached')]: share(lang, c.linkedPopulationShare),
    };
    for (const k of kinds) row[t('report.col.withKind', { kinds: kindPhrase(lang, k, 'many') })] = share(lang, c[`${camelKind(k)}Share`] as number | null);
    row[t('report.col.borderPairs')] = share(lang, c.borderPairShare);
    row[t('report.col.crossCounty')] = c.crossCountyTies;
    row[t('report.col.groups')] = c.componentCount;
    row[t('report.col.meanCoverage')] = share(lang, c.meanCoverage);
    row[t('report.col.serious')] = serious;
    return row;
  });
  return [
    `# ${md(model.title)}`,
    '',
    `${md(model.geographyName)}${model.dataDescription ? ` · ${md(model.dataDescription)}` : ''}. ${md(dateSentence(model))}`,
    '',
    md(scopeSentence(model)),
    '',
    ...model.notes.flatMap((note) => [md(note), '']),
    ...(model.counties.length > 1 ? [`## ${md(t('report.overview.title'))}`, '', mdTable(overview), ''] : []),
    ...model.counties.map((s) => countySection(lang, model, s)),
    `## ${md(t('report.h.sources'))}`,
    '',
    md(model.geographySource ?? model.geographyName),
    '',
    md(t('report.sources.population', { date: model.populationDate ? formatDate(lang, model.populationDate) : t('unknown') })),
    '',
  ].join('\n');
}

/**
 * The county report as Markdown, in Swedish or English (`lang`, default the
 * geography's language): the overview table and, per county, its figures in
 * sentences, who links most others and who links it with other counties
 * (with the numbers), every gap and the partner suggestions. No maps (use
 * `renderMap` for standalone SVG files).
 *
 * @example
 * writeFileSync('report.md', renderReportMarkdown(net, { lang: 'en' }));
 */
export function renderReportMarkdown(net: CooperationNetwork, options: ReportOptions = {}): string {
  return renderReportMarkdownFromModel(buildReport(net, { ...options, maps: false }));
}
