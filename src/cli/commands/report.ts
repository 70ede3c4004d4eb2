import { resolve } from 'node:path';
import { coverageByCounty, coverageByMunicipality } from '../../analysis/coverage.js';
import { camelKind } from '../../analysis/view.js';
import { percent, renderReportHtml } from '../../report/html.js';
import { countryMapFeatures, defaultMapFeatures, renderMap, type MapFeatureCollection } from '../../report/map.js';
import type { Country } from '../../model/country.js';
import type { CapabilitySet } from '../../model/capabilities.js';
import { DEFAULT_COUNTRY } from '../../countries/default.js';
import { renderReportMarkdownFromModel } from '../../report/markdown.js';
import { buildReport } from '../../report/model.js';
import { renderCapabilityMap } from '../../report/map/capability.js';
import { formatTextTable } from '../../report/table.js';
import { LANGUAGES } from '../../model/i18n/index.js';
import { UsageError, type CliIO, type ParsedArgs } from '../context.js';
import { INPUT_HELP, INPUT_OPTIONS, loadInput, noteCapabilities, readOptionFile } from '../input.js';
import { emit, inputFiles, writeOutput } from '../output.js';
import { progressBar } from '../progress.js';
import { announce, choiceOption, integerOption, noteSampling, PATH_HELP, PATH_OPTIONS, pathOptions, type Command } from './shared.js';

/**
 * The polygons to draw: `--features FILE`, else those of the country
 * `--geography` named or read from a folder (its `municipalities.geojson`),
 * else none (`renderMap` then draws the default country's).
 */
export function mapFeatures(values: ParsedArgs['values'], io: CliIO, country: Country | undefined): MapFeatureCollection | undefined {
  // The default country's polygons are renderMap's own default (drawn around its meridian), so they are not passed.
  return readFeatures(values, io) ?? (country && country !== DEFAULT_COUNTRY ? countryMapFeatures(country) : undefined);
}

/** `--features FILE`: map polygons as GeoJSON (validated when the map is drawn). */
function readFeatures(values: ParsedArgs['values'], io: CliIO): MapFeatureCollection | undefined {
  const file = values.features as string | undefined;
  const text = readOptionFile(values, 'features', io, 'give a GeoJSON FeatureCollection with a `code` property per municipality');
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as MapFeatureCollection;
  } catch {
    throw new UsageError(`--features ${JSON.stringify(file)} is not JSON`, 'give a GeoJSON FeatureCollection with a `code` property per municipality');
  }
}

export const FEATURES_HELP = `  --features FILE     map polygons: GeoJSON with a \`code\` property per municipality
                      (default: the embedded Swedish municipalities)`;

export const reportCommand: Command = {
  name: 'report',
  summary: 'the county report: one self-contained HTML file with maps (or Markdown)',
  options: {
    ...INPUT_OPTIONS,
    out: { type: 'string', short: 'o' },
    format: { type: 'string', short: 'f' },
    title: { type: 'string' },
    lang: { type: 'string' },
    top: { type: 'string' },
    quiet: { type: 'boolean', short: 'q' },
    features: { type: 'string' },
    capability: { type: 'string' },
    ...PATH_OPTIONS,
  },
  help: `samverkan report [options]

Writes the county report: maps of coverage per county and municipality, a
national overview, and per county its coverage figures, most central and
brokering actors, gaps and partner suggestions for small municipalities.
The HTML file is self-contained: it opens offline and runs no script.
Then prints a short summary per county and where the file is.

The report is about the area the data covers (its scope; see --county
under Input): a county's data makes a county report, with a map of that
county's municipalities, named, and nothing about the rest of the country.

Options:
  --out, -o FILE      where to write (default samverkan-report.html, or
                      samverkan-report.md with --format md)
  --format, -f FMT    html (default) or md
  --title TEXT        report title
  --lang LANG         sv or en: the language of the report (default: the
                      geography's, Swedish for Sweden)
  --top N             actors listed per county (default 5)
  --quiet, -q         print only the path of the file
  --capabilities FILE each county also shows its capabilities (yes, planned,
                      no, unknown) and capability gaps (with --census,
                      --custom-capabilities as in samverkan capabilities);
                      the demo dataset's synthetic ones by default
  --capability CODE   and a map of this capability per county (yes, planned,
                      no and unknown apart; a table in Markdown)
${FEATURES_HELP}

${PATH_HELP}

${INPUT_HELP}

Example:
  samverkan report --actors actors.csv --links links.csv --out län.html`,
  run({ values }, io) {
    const input = loadInput(values, io, 'use');
    const { net, description, country, capabilities } = input;
    announce(description, values, io);
    noteCapabilities(input, io);
    const format = choiceOption(values, 'format', ['html', 'md'] as const) ?? 'html';
    const top = integerOption(values, 'top', 1);
    const lang = choiceOption(values, 'lang', LANGUAGES);
    const features = mapFeatures(values, io, country);
    const capability = capabilityFlag(values, capabilities);
    const bar = progressBar(io, 'Computing');
    const model = buildReport(net, {
      ...(capabilities && { capabilities }),
      ...(capability !== undefined && { capability }),
      dataDescription: description,
      ...(lang && { lang }),
      ...(values.title !== undefined && { title: String(values.title) }),
      ...(top !== undefined && { top }),
      maps: format === 'html',
      ...(features && { features }),
      ...pathOptions(values, io),
      onProgress: (done, total) => bar.update(done, total),
    });
    bar.finish();
    noteSampling(model.sampling, io);
    const text = format === 'html' ? renderReportHtml(model, net) : renderReportMarkdownFromModel(model);
    const path = resolve(io.cwd ?? process.cwd(), (values.out as string | undefined) ?? `samverkan-report.${format}`);
    writeOutput(path, text, inputFiles(values, io.cwd ?? process.cwd()));
    if (values.quiet) {
      io.stdout.write(`${path}\n`);
      return 0;
    }
    const rows = [...model.counties.map((s) => ({ c: s.coverage, serious: s.seriousGaps })), { c: model.national, serious: model.seriousGaps }].map(({ c, serious }) => ({
      county: c.name,
      municipalities: c.municipalityCount,
      cooperating: percent(c.linkedShare),
      coverage: percent(c.meanCoverage),
      'serious gaps': serious,
    }));
    io.stdout.write(`County report for ${description}\n\n${formatTextTable(rows)}\nWrote ${path}\n`);
    return 0;
  },
};

/** `--capability CODE`: a capability of the records' vocabulary (else bad usage naming the flag); it needs capability records. */
function capabilityFlag(values: ParsedArgs['values'], capabilities: CapabilitySet | undefined): string | undefined {
  const capability = values.capability;
  if (capability === undefined) return undefined;
  if (typeof capability !== 'string' || capability === '') throw new UsageError('--capability needs a capability code');
  if (!capabilities) throw new UsageError('--capability needs --capabilities FILE (or the demo dataset, which has synthetic ones)');
  if (capabilities.vocabulary.codeOf(capability) === undefined) throw new UsageError(`--capability: unknown capability ${JSON.stringify(capability)}`, `capabilities: ${capabilities.vocabulary.codes.join(', ')}`);
  return capability;
}

const METRICS = ['coverage', 'linked', 'border', 'betweenness', 'religious', 'civil_society', 'authority'] as const;

export const mapCommand: Command = {
  name: 'map',
  summary: 'a choropleth map of a coverage metric as a standalone SVG',
  options: {
    ...INPUT_OPTIONS,
    metric: { type: 'string', short: 'm' },
    level: { type: 'string' },
    out: { type: 'string', short: 'o' },
    title: { type: 'string' },
    features: { type: 'string' },
    capability: { type: 'string' },
  },
  help: `samverkan map [options]

Draws ${DEFAULT_COUNTRY.name}'s municipalities (or the counties) coloured by a coverage
metric, as one standalone SVG file. Data about part of the country (see
--county under Input) gets a map of that part, at its scale, with the
municipalities named when they are at most 60.

Options:
  --metric, -m NAME   coverage (default), linked (cooperates with another
                      municipality), border (share of border neighbours it
                      cooperates with), betweenness, or a partner kind:
                      religious, civil_society, authority
  --level NAME        municipality (default) or county (county values: the
                      mean coverage, the shares of the coverage table)
  --out, -o FILE      write the SVG to FILE (default: standard output)
  --title TEXT        title drawn on the map
  --capability CODE   instead, a map of one capability of --capabilities (or
                      the demo's synthetic ones): yes, planned, no and
                      unknown coloured apart, with a legend, the source and
                      the data date
${FEATURES_HELP}

${INPUT_HELP}

Example:
  samverkan map --metric coverage --level county --out coverage.svg`,
  run({ values }, io) {
    const input = loadInput(values, io, 'use');
    const { net, description, country, capabilities } = input;
    announce(description, values, io);
    const capability = capabilityFlag(values, capabilities);
    if (capability === undefined && input.capabilitiesFrom === 'flag') throw new UsageError('--capabilities on samverkan map draws one capability: give --capability CODE', `capabilities: ${capabilities!.capabilities().join(', ')}`);
    if (capability !== undefined) {
      for (const flag of ['metric', 'level']) if (values[flag] !== undefined) throw new UsageError(`--${flag} and --capability cannot be combined: a capability map has states, not a metric`);
      noteCapabilities(input, io);
      const features = mapFeatures(values, io, country);
      const drawn = new Set((features ?? defaultMapFeatures()).features.map((f) => f.properties.code));
      const codes = (net.scope.national ? net.geography.municipalities.map((m) => m.code) : net.scope.municipalities).filter((c) => drawn.has(c));
      if (codes.length === 0) throw new UsageError('the map polygons cover none of the municipalities to draw', 'pass --features FILE: GeoJSON with a `code` property per municipality');
      const svg = renderCapabilityMap(net, capabilities!, { capability, codes, labels: !net.scope.national && codes.length <= 60, ...(features && { features }), ...(values.title !== undefined && { title: String(values.title) }) });
      const out = emit(svg, values, io);
      if (out) io.stderr.write(`Wrote ${out}\n`);
      return 0;
    }
    const metric = choiceOption(values, 'metric', METRICS) ?? 'coverage';
    const level = choiceOption(values, 'level', ['municipality', 'county'] as const) ?? 'municipality';
    const kinds = ['religious', 'civil_society', 'authority'];
    let byCode: Map<string, number | null>;
    let domain: [number, number] = [0, 1];
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
    if (metric === 'betweenness') {
      const max = Math.max(0, ...[...byCode.values()].map((v) => v ?? 0));
      domain = [0, max > 0 ? max : 1];
    }
    const features = mapFeatures(values, io, country);
    const drawn = new Set((features ?? defaultMapFeatures()).features.map((f) => f.properties.code));
    if (!net.geography.municipalities.some((m) => drawn.has(m.code))) {
      throw new UsageError(
        values.features !== undefined ? 'the --features polygons cover none of this geography’s municipalities' : `maps are drawn from the ${features ? `polygons of ${country!.name}` : `embedded polygons of ${DEFAULT_COUNTRY.name}`}, and none of this geography’s municipalities is among them`,
        'pass --features FILE: GeoJSON with a `code` property per municipality',
      );
    }
    // The area the data covers, at its scale, with names when it is a county or two.
    const codes = net.scope.national ? undefined : net.scope.municipalities.filter((c) => drawn.has(c));
    if (codes !== undefined && codes.length === 0) throw new UsageError(`the map polygons cover none of the municipalities of ${net.scope.description}`, 'pass --features FILE: GeoJSON with a `code` property per municipality');
    const svg = renderMap({
      ...(features && { features }),
      ...(codes && { codes, labels: codes.length <= 60 }),
      values: byCode,
      level,
      geography: net.geography,
      domain,
      title: (values.title as string | undefined) ?? `${metric[0]!.toUpperCase()}${metric.slice(1).replace('_', ' ')} per ${level}${net.scope.national ? '' : `: ${net.scope.description}`}`,
      legendLabel: metric,
    });
    const out = emit(svg + (svg.endsWith('\n') ? '' : '\n'), values, io);
    if (out) io.stderr.write(`Wrote ${out}\n`);
    return 0;
  },
};
