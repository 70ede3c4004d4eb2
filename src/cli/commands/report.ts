import { resolve } from 'node:path';
import { coverageByCounty, coverageByMunicipality } from '../../analysis/coverage.js';
import { camelKind } from '../../analysis/view.js';
import { percent, renderReportHtml } from '../../report/html.js';
import { geographyMapFeatures, renderMap, type MapFeatureCollection, type MapOptions } from '../../report/map.js';
import type { CapabilitySet } from '../../model/capabilities.js';
import { renderReportMarkdownFromModel } from '../../report/markdown.js';
import { buildReport, overviewRows, reportArea, ReportOptionsSchema } from '../../report/model.js';
import { dataDateOf } from '../../report/map/county.js';
import { kindPhrase } from '../../report/phrases.js';
import { renderCapabilityMap } from '../../report/map/capability.js';
import { CAPABILITY_GROUP } from './capabilities.js';
import { formatTextTable } from '../../report/table.js';
import { UsageError, type CliIO, type ParsedArgs } from '../context.js';
import { INPUT_GROUP, loadInput, noteCapabilities, readOptionFile } from '../input.js';
import { cliFlag, flagsOf, libraryFlag, optionsOf, type FlagTable } from '../flags.js';
import { formatNumber, message, type Lang, type MessageKey } from '../../model/i18n/index.js';
import { emit, inputFiles, writeOutput } from '../output.js';
import { progressBar } from '../progress.js';
import { defineCommand, messageLang, noteSampling, PATH_GROUP, pathOptions } from './shared.js';
import { describeScope } from '../../model/scope.js';
import { geographyName } from '../../model/geography.js';

/**
 * `--features FILE`: map polygons as GeoJSON (validated when the map is
 * drawn); without it none are passed, and the library draws those of the
 * network's country (`geography.country`, a folder's `municipalities.geojson`).
 */
export function mapFeatures(values: ParsedArgs['values'], io: CliIO): MapFeatureCollection | undefined {
  const file = values.features as string | undefined;
  const text = readOptionFile(values, 'features', io, message(messageLang(values), 'cli.hint.featuresFile'));
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as MapFeatureCollection;
  } catch {
    throw new UsageError(message(messageLang(values), 'cli.error.featuresNotJson', { value: JSON.stringify(file) }), message(messageLang(values), 'cli.hint.featuresFile'));
  }
}

/** `--features FILE`, for every command that draws a map. */
export const FEATURES_FLAGS = {
  features: cliFlag({ type: 'string', value: 'FILE', help: 'cli.flag.features.features', helpParams: { country: (lang: Lang, country) => geographyName(country, lang) } }),
} as const satisfies FlagTable;

const REPORT_FLAGS = {
  out: cliFlag({ type: 'string', short: 'o', value: 'FILE', help: 'cli.flag.report.out' }),
  format: cliFlag({ type: 'choice', choices: ['html', 'md'], short: 'f', value: 'FMT', help: 'cli.flag.report.format', default: 'html' }),
  title: libraryFlag(ReportOptionsSchema, 'title', { value: 'TEXT', help: 'cli.flag.report.title' }),
  top: libraryFlag(ReportOptionsSchema, 'top', { value: 'N', help: 'cli.flag.report.top' }),
  quiet: cliFlag({ type: 'boolean', short: 'q', help: 'cli.flag.report.quiet' }),
  capability: cliFlag({ type: 'string', value: 'CODE', help: 'cli.flag.report.capability' }),
  ...FEATURES_FLAGS,
} as const satisfies FlagTable;

export const reportCommand = defineCommand({
  name: 'report',
  groups: [{ title: 'cli.help.options', flags: REPORT_FLAGS }, CAPABILITY_GROUP, PATH_GROUP, INPUT_GROUP],
  examples: ['samverkan report --actors actors.csv --links links.csv --out län.html'],
  run({ values, flags }, io) {
    const input = loadInput({ values, flags }, io, 'use');
    const { net, description, lang, capabilities } = input;
    noteCapabilities(input, io);
    const { format = 'html', quiet, capability: code } = flagsOf(REPORT_FLAGS, flags);
    const features = mapFeatures(values, io);
    const capability = capabilityFlag(code, capabilities, lang);
    const bar = progressBar(io, message(lang, 'cli.progress.computing'));
    const model = buildReport(net, {
      ...(capabilities && { capabilities }),
      ...(capability !== undefined && { capability }),
      dataDescription: description,
      ...optionsOf(REPORT_FLAGS, flags),
      // The report in the command's language: --lang, else the data's (the geography's, Swedish for Sweden).
      lang,
      maps: format === 'html',
      ...(features && { features }),
      ...pathOptions({ values, flags }, io),
      onProgress: (done, total) => bar.update(done, total),
    });
    bar.finish();
    noteSampling(model.sampling, io, lang);
    const text = format === 'html' ? renderReportHtml(model, net) : renderReportMarkdownFromModel(model);
    const path = resolve(io.cwd ?? process.cwd(), (values.out as string | undefined) ?? `samverkan-report.${format}`);
    writeOutput(path, text, inputFiles(values, io.cwd ?? process.cwd()), lang);
    if (quiet) {
      io.stdout.write(`${path}\n`);
      return 0;
    }
    const rows = overviewRows(model).map(({ coverage: c, seriousGaps: serious }) => ({
      [message(lang, 'cli.report.county')]: c.name,
      [message(lang, 'cli.report.municipalities')]: c.municipalityCount,
      [message(lang, 'cli.report.cooperating')]: percent(c.linkedShare, lang),
      [message(lang, 'cli.report.coverage')]: percent(c.meanCoverage, lang),
      [message(lang, 'cli.report.seriousGaps')]: serious,
    }));
    io.stdout.write(`${message(lang, net.scope.national ? 'cli.note.reportTitleNational' : 'cli.note.reportTitle', { description })}\n\n${formatTextTable(rows)}\n${message(lang, 'cli.note.wrote', { path })}\n`);
    return 0;
  },
});

/** What `samverkan map` draws for a metric at a level: its title and legend words, and whether its values are shares (0–1) or yes/no (0 or 1). */
function mapMeasure(metric: (typeof METRICS)[number], level: 'municipality' | 'county', lang: Lang): { title: string; legend: string; share: boolean; yesNo: boolean } {
  const kind = KIND_METRICS.find((k) => k === metric);
  const yesNo = level === 'municipality' && (metric === 'linked' || kind !== undefined);
  const key = kind === undefined ? metric : 'kind';
  const params: Record<string, string> = kind === undefined ? {} : { kinds: kindPhrase(lang, kind, 'many') };
  const legend = message(lang, `map.metric.${key}.${level}` as MessageKey, params);
  return { title: message(lang, `map.title.${level}`, { measure: legend }), legend, share: metric !== 'betweenness', yesNo };
}

/**
 * How `samverkan map` colours a measure, fitted to the values drawn: yes/no
 * in two colours with a legend of both; a share of the counties in five
 * classes at their quantiles (21 counties between 84 % and 100 % spread over
 * the classes), a share of the municipalities (a few values, most at 100 %)
 * on a ramp from the smallest to the largest, both with percent in the
 * legend; betweenness (skewed, small numbers) in quantile classes written to
 * two significant digits.
 */
function mapScale(measure: { share: boolean; yesNo: boolean }, level: 'municipality' | 'county', lang: Lang): Partial<MapOptions> {
  if (measure.yesNo) return { scale: 'categorical', categories: [{ value: 1, label: message(lang, 'yes') }, { value: 0, label: message(lang, 'no') }] };
  if (!measure.share) return { scale: 'quantile', format: (v) => formatNumber(lang, Number(v.toPrecision(2)), 12) };
  return level === 'county' ? { scale: 'quantile', unit: 'share' } : { unit: 'share' };
}

/** `--capability CODE`: a capability of the records' vocabulary (else bad usage naming the flag); it needs capability records. */
function capabilityFlag(capability: string | undefined, capabilities: CapabilitySet | undefined, lang: Lang): string | undefined {
  if (capability === undefined) return undefined;
  if (capability === '') throw new UsageError(message(lang, 'cli.error.missingValue', { flag: '--capability' }));
  if (!capabilities) throw new UsageError(message(lang, 'cli.error.capabilityNeedsRecords'));
  if (capabilities.vocabulary.codeOf(capability) === undefined) throw new UsageError(message(lang, 'cli.error.unknownCapability', { flag: '--capability', value: JSON.stringify(capability) }), message(lang, 'cli.hint.capabilities', { codes: capabilities.vocabulary.codes.join(', ') }));
  return capability;
}

/** The partner kinds `samverkan map` draws (a share per county, yes/no per municipality). */
const KIND_METRICS = ['religious', 'civil_society', 'authority'] as const;
const METRICS = ['coverage', 'linked', 'border', 'betweenness', ...KIND_METRICS] as const;

const MAP_FLAGS = {
  metric: cliFlag({
    type: 'choice',
    choices: METRICS,
    short: 'm',
    value: 'NAME',
    help: 'cli.flag.map.metric',
    showChoices: false,
    default: 'coverage',
  }),
  level: cliFlag({ type: 'choice', choices: ['municipality', 'county'], value: 'NAME', help: 'cli.flag.map.level', default: 'municipality' }),
  out: cliFlag({ type: 'string', short: 'o', value: 'FILE', help: 'cli.flag.map.out' }),
  title: cliFlag({ type: 'string', value: 'TEXT', help: 'cli.flag.map.title' }),
  capability: cliFlag({ type: 'string', value: 'CODE', help: 'cli.flag.map.capability' }),
  ...FEATURES_FLAGS,
} as const satisfies FlagTable;

export const mapCommand = defineCommand({
  name: 'map',
  groups: [{ title: 'cli.help.options', flags: MAP_FLAGS }, CAPABILITY_GROUP, INPUT_GROUP],
  examples: ['samverkan map --metric coverage --level county --out coverage.svg', 'samverkan map --capability relatives_support --county Västerbotten --out anhörigstöd.svg'],
  run({ values, flags }, io) {
    const input = loadInput({ values, flags }, io, 'use');
    const { net, description, lang, capabilities } = input;
    const { metric = 'coverage', level = 'municipality', capability: code, title } = flagsOf(MAP_FLAGS, flags);
    const capability = capabilityFlag(code, capabilities, lang);
    if (capability === undefined && input.capabilitiesFrom === 'flag') throw new UsageError(message(lang, 'cli.error.mapNeedsCapability'), message(lang, 'cli.hint.capabilities', { codes: capabilities!.capabilities().join(', ') }));
    if (capability !== undefined) {
      for (const flag of ['metric', 'level']) if (values[flag] !== undefined) throw new UsageError(message(lang, 'cli.error.capabilityWithMetric', { flag: `--${flag}` }));
      noteCapabilities(input, io);
      const features = mapFeatures(values, io);
      const drawn = new Set((features ?? geographyMapFeatures(net.geography)).features.map((f) => f.properties.code));
      const codes = (net.scope.national ? net.geography.municipalities.map((m) => m.code) : net.scope.municipalities).filter((c) => drawn.has(c));
      if (codes.length === 0) throw new UsageError(message(lang, 'cli.error.polygonsCoverNoneOf', { area: describeScope(net.scope, net.geography, lang) }), message(lang, 'cli.hint.features'));
      const svg = renderCapabilityMap(net, capabilities!, { capability, codes, labels: !net.scope.national && codes.length <= 60, lang, ...(features && { features }), ...(title !== undefined && { title }) });
      const out = emit(svg, values, io);
      if (out) io.stderr.write(`${message(lang, 'cli.note.wrote', { path: out })}\n`);
      return 0;
    }
    const kinds: readonly string[] = KIND_METRICS;
    let byCode: Map<string, number | null>;
    if (level === 'county') {
      const rows = coverageByCounty(net, { total: false });
      const pick = (r: (typeof rows)[number]): number | null =>
        metric === 'coverage'
          ? r.meanCoverage
          : metric === 'linked'
            ? r.linkedShare
            : metric === 'border'
              ? r.borderPairShare
              : metric === 'betweenness'
                ? r.meanBetweenness
                : (r[`${camelKind(metric)}Share`] ?? null);
      byCode = new Map(rows.map((r) => [r.county, pick(r)]));
    } else {
      const rows = coverageByMunicipality(net);
      const pick = (r: (typeof rows)[number]): number | null =>
        metric === 'coverage'
          ? r.coverage
          : metric === 'linked'
            ? r.municipalityTies > 0
              ? 1
              : 0
            : metric === 'border'
              ? r.borderShare
              : metric === 'betweenness'
                ? r.betweenness
                : kinds.includes(metric)
                  ? Math.min(1, r[`${camelKind(metric)}Partners`] ?? 0)
                  : null;
      byCode = new Map(rows.map((r) => [r.municipality, pick(r)]));
    }
    const features = mapFeatures(values, io);
    const drawn = new Set((features ?? geographyMapFeatures(net.geography)).features.map((f) => f.properties.code));
    if (!net.geography.municipalities.some((m) => drawn.has(m.code))) {
      throw new UsageError(
        values.features !== undefined
          ? message(lang, 'cli.error.featuresCoverNone')
          : message(lang, 'cli.error.polygonsCoverNone', { country: geographyName(net.geography, lang) }),
        message(lang, 'cli.hint.features'),
      );
    }
    // The area the data covers, at its scale, with names when it is a county or two.
    const codes = net.scope.national ? undefined : net.scope.municipalities.filter((c) => drawn.has(c));
    if (codes !== undefined && codes.length === 0) throw new UsageError(message(lang, 'cli.error.polygonsCoverNoneOf', { area: describeScope(net.scope, net.geography, lang) }), message(lang, 'cli.hint.features'));
    const measure = mapMeasure(metric, level, lang);
    const area = net.scope.national ? undefined : reportArea(net, lang);
    const date = dataDateOf(net);
    const svg = renderMap({
      ...(features && { features }),
      ...(codes && { codes, labels: codes.length <= 60 }),
      values: byCode,
      level,
      geography: net.geography,
      ...mapScale(measure, level, lang),
      title: title ?? (area === undefined ? measure.title : message(lang, 'map.title.area', { title: measure.title, area })),
      legendLabel: measure.legend,
      source: description,
      ...(date !== undefined && { date }),
      // The map's words and numbers in the command's language.
      lang,
    });
    const out = emit(svg + (svg.endsWith('\n') ? '' : '\n'), values, io);
    if (out) io.stderr.write(`${message(lang, 'cli.note.wrote', { path: out })}\n`);
    return 0;
  },
});
