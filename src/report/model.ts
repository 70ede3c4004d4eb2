import { z } from 'zod';
import { brokerage, type BrokerageRow } from '../analysis/brokerage.js';
import type { PathSampling } from '../metrics/path-centralities.js';
import { centrality, SamplesSchema, WorkersSchema, type CentralityRow } from '../analysis/centrality.js';
import { coverageByCounty, coverageByMunicipality, type CountyCoverageRow, type MunicipalityCoverageRow } from '../analysis/coverage.js';
import { findGaps, type GapRow } from '../analysis/gaps.js';
import { summaryByCounty, type CountySummaryRow } from '../analysis/summary.js';
import { cmp, geographyName } from '../model/geography.js';
import { countryWordsIn } from '../model/country.js';
import type { LoadReport } from '../model/load-report.js';
import { formatDate, formatNumber, LangSchema, message, messageCount, resolveLang, type Lang } from '../model/i18n/index.js';
import { requireGeography, type CooperationNetwork } from '../model/network.js';
import type { Scope } from '../model/scope.js';
import type { MapFeatureCollection } from './map.js';
import { areaWords } from './phrases.js';
import { recommendAll, type RecommendationRow } from '../recommend/recommend.js';
import { PartnerKindsSchema, ProgressSchema, SmallPopulationSchema, parseOptions, said, saidIn } from '../model/options.js';
import { capabilitiesByMunicipality, capabilityCoverage, capabilityGaps, competenceReach, type CapabilityCoverageRow, type CapabilityGapRow, type CompetenceReachRow, type MunicipalityCapabilityRow } from '../analysis/capabilities.js';
import { CapabilitySet } from '../model/capabilities.js';
import { ArgumentError } from '../model/errors.js';
import { reportCapabilityMap, type CapabilityMapData } from './map/capability.js';

export const ReportOptionsSchema = z.strictObject({
  /** Language of the report: `'sv'` or `'en'`. Default: the geography's language (Swedish for Sweden), else English. */
  lang: LangSchema.optional(),
  /**
   * The county the report is about (code or name): the network is taken with
   * that county as its scope (`net.withScope`), so the report is that county's.
   * Default: the network's scope (a network scoped to one county makes a county report).
   */
  county: z.string().min(1).optional(),
  /** Report title. Default: the catalogue's, `Cooperation network report` (`Cooperation in Västerbottens län` for one county), in the report's language. */
  title: z.string().min(1).optional(),
  /** What the data is, in words (shown under the title), e.g. `the embedded demo dataset (synthetic)`. */
  dataDescription: z.string().optional(),
  /** Actors listed per county in the central and brokering tables. Default 5. */
  top: z.number().int().min(1).max(100).default(5),
  /** Partner suggestions listed per small municipality. Default 3 (0: none). */
  suggestions: z.number().int().min(0).max(20).default(3),
  /** Gaps listed per county; the rest are in a collapsed list that opens (and is open in print). Default 12. */
  maxGaps: z.number().int().min(0).default(12),
  /** Municipalities with fewer inhabitants are small. Default 15 000. */
  smallPopulation: SmallPopulationSchema,
  /** Partner kinds every municipality should have. Default religious, civil_society, authority. */
  partnerKinds: PartnerKindsSchema,
  /** Draw the maps. Default true. */
  maps: z.boolean().default(true),
  /**
   * Map polygons: a GeoJSON FeatureCollection with a `code` property per
   * municipality (see `renderMap`). Default: the embedded Swedish
   * municipalities. When they cover none of the geography's municipalities
   * (another country), the report says so instead of drawing empty maps.
   */
  features: z.custom<MapFeatureCollection>((v) => typeof v === 'object' && v !== null, 'features must be a GeoJSON FeatureCollection').optional(),
  /** Betweenness from every actor or a sample of sources: `'auto'` (default), `'exact'` or a number (see `centrality`); a sampled report says so in its notes. */
  samples: SamplesSchema,
  /** Worker threads for betweenness (see `centrality`). Default `'auto'`. */
  workers: WorkersSchema,
  /** Progress of the costly part (betweenness), `(done, total)` (for progress bars). */
  onProgress: ProgressSchema,
  /** Capability records (`loadCapabilities`): each county section then shows yes, planned, no and unknown per capability, and the capability gaps. */
  capabilities: z.instanceof(CapabilitySet, { message: 'expected a CapabilitySet (from loadCapabilities)' }).optional(),
  /** With `capabilities`: the capability (code or label) each county section maps, yes, planned, no and unknown apart (`renderCapabilityMap`; a table in Markdown). Default: none. */
  capability: z.string().min(1).optional(),
});
export type ReportOptions = z.input<typeof ReportOptionsSchema>;

/** Everything a county section shows. */
export interface CountySection {
  coverage: CountyCoverageRow;
  summary: CountySummaryRow;
  municipalities: MunicipalityCoverageRow[];
  /** Most central actors of the county, by betweenness in the whole network. */
  central: CentralityRow[];
  /** Actors of the county that bridge most (Gould–Fernandez roles across counties), by liaison + gatekeeper + representative positions. */
  brokers: BrokerageRow[];
  gaps: GapRow[];
  /** Suggested partners for the county's small municipalities (`recommendForCounty`), best first per municipality. */
  recommendations: RecommendationRow[];
  /** Gaps of severity 3 or 4 (high, critical). */
  seriousGaps: number;
  /**
   * With `capabilities`: one row per capability (`capabilityCoverage`), the
   * county's capability gaps, each municipality's state of each capability
   * (`capabilitiesByMunicipality`), and for each capability a municipality
   * lacks by the data (`no` or `planned`) the nearest that has it (`competenceReach`);
   * with `capability`, its map (`map`: the states, and the SVG when maps are drawn).
   */
  capabilities?: { coverage: CapabilityCoverageRow[]; gaps: CapabilityGapRow[]; municipalities: MunicipalityCapabilityRow[]; reach: CompetenceReachRow[]; map?: CapabilityMapData & { svg?: string } };
}

/** The data of a report, before rendering: plain records, so other renderers can use it. */
export interface ReportModel {
  /** The language the report is written in. */
  lang: Lang;
  title: string;
  dataDescription: string | undefined;
  /** The area the data covers (the network's scope): the report is about it alone. */
  scope: Scope;
  /** The area in words, in the report's language: `Västerbottens län`, `2 län: …`; the geography's name when national. */
  area: string;
  geographyName: string;
  /** Where the reference data comes from. */
  geographySource: string | undefined;
  /** Date of the population figures, when known. */
  populationDate: string | undefined;
  /** The `asOf` date of the network, or the latest date among its links. */
  dataDate: string | undefined;
  /** Whether `dataDate` is a snapshot date (`asOf`) or the latest link date. */
  dataDateIsSnapshot: boolean;
  options: z.output<typeof ReportOptionsSchema> & { lang: Lang };
  /** The row of the whole area: named by the geography in the report's language (`Sverige`) when national, else the catalogue's `report.total` (`Totalt`). */
  national: CountyCoverageRow;
  nationalSummary: CountySummaryRow;
  counties: CountySection[];
  municipalities: MunicipalityCoverageRow[];
  gaps: GapRow[];
  /** Gaps of severity 3 or 4 in the country. */
  seriousGaps: number;
  /** What the loader did with the input rows, when the network was loaded from input. */
  loaded: { rows: number; rejected: number; warnings: number } | undefined;
  /** Links of the report's area (national: all; else those with an end in one of its counties) that had ended before the latest date in the data (0 for an `asOf` snapshot, which has none). */
  endedLinks: number;
  /** What a reader must know about the data, in sentences: ended links counted, rows left out, sampled betweenness. */
  notes: string[];
  /** How betweenness was computed: exactly, or from a sample of sources (then `notes` says so). */
  sampling: PathSampling | null;
  actors: number;
  links: number;
  /** With `capabilities`: labels of the capabilities shown, whether the records are a census, and the scope's total rows. */
  capabilities?: { labels: Record<string, string>; census: boolean; records: number; total: CapabilityCoverageRow[] };
}

function loadSummary(report: LoadReport): { rows: number; rejected: number; warnings: number } {
  return {
    rows: report.files.reduce((s, f) => s + f.rows - f.blank, 0),
    rejected: report.files.reduce((s, f) => s + f.rejected, 0),
    warnings: report.problems.filter((p) => p.severity === 'warning').length,
  };
}

/**
 * Compute everything a county report shows: coverage per county and
 * municipality, the most central and brokering actors per county, and the
 * gaps. Deterministic for the same network and options.
 */
export function buildReport(network: CooperationNetwork, options: ReportOptions = {}): ReportModel {
  requireGeography(network, 'buildReport');
  const parsed = parseOptions(ReportOptionsSchema, options, 'buildReport', network);
  const lang = resolveLang(parsed.lang, network.geography);
  const o = { ...parsed, lang };
  if (o.capability !== undefined && !o.capabilities) throw new ArgumentError(saidIn('buildReport', said('errors.capability.reportNeedsRecords')));
  const net = reportNetwork(network, o.county);
  const progress = o.onProgress ? { onProgress: o.onProgress } : {};
  const paths = { samples: o.samples, workers: o.workers };
  const coverage = coverageByCounty(net, { partnerKinds: o.partnerKinds, ...paths, ...progress });
  const municipal = coverageByMunicipality(net, { partnerKinds: o.partnerKinds, ...paths });
  const summary = summaryByCounty(net);
  const central = centrality(net, { measures: ['degree', 'betweenness'], ...paths });
  const brokers = brokerage(net);
  const gaps = findGaps(net, { partnerKinds: o.partnerKinds, smallPopulation: o.smallPopulation, lang, ...paths });

  // A warning of the recommender (a model of another geography) becomes a note of the report.
  const recommenderWarnings: string[] = [];
  const suggestions = o.suggestions > 0 ? recommendAll(net, { limit: o.suggestions, smallPopulation: o.smallPopulation, lang, onWarning: (w) => recommenderWarnings.push(message(lang, 'report.note.recommender', { warning: w })) }) : [];
  const { counties, capabilitiesOf } = countySections(net, o, { coverage, municipal, summary, central, brokers, gaps, suggestions });
  const caps = o.capabilities;
  const { latest, endedLinks, loaded, notes } = reportNotes(net, lang, counties, central, recommenderWarnings);

  const populationDates = [...new Set(net.geography.municipalities.map((m) => m.populationDate ?? String(m.populationYear)))].sort(cmp);
  return {
    lang,
    title: o.title ?? (counties.length === 1 && !net.scope.national ? message(lang, 'report.title.county', { county: counties[0]!.coverage.name }) : message(lang, 'report.title')),
    dataDescription: o.dataDescription,
    scope: net.scope,
    area: reportArea(net, lang),
    geographyName: geographyName(net.geography, lang),
    geographySource: net.geography.source === undefined ? undefined : countryWordsIn(net.geography.source, lang),
    populationDate: populationDates.at(-1),
    dataDate: net.date ?? latest,
    dataDateIsSnapshot: net.date !== undefined,
    options: o,
    // The national rows are the last rows (a county may not be called "total").
    national: { ...coverage.at(-1)!, name: net.scope.national ? geographyName(net.geography, lang) : message(lang, 'report.total') },
    nationalSummary: summary.at(-1)!,
    seriousGaps: gaps.filter((g) => g.severity >= 3).length,
    loaded,
    endedLinks,
    notes,
    sampling: central.sampling,
    counties,
    municipalities: municipal,
    gaps,
    actors: net.order,
    links: net.links.length,
    ...(caps && {
      capabilities: {
        labels: Object.fromEntries(caps.capabilities().map((c) => [c, caps.vocabulary.label(c, lang)])),
        census: caps.census,
        records: caps.records.length,
        total: capabilitiesOf.get('total') ?? [],
      },
    }),
  };
}

/** Rows grouped by county once (a country may have hundreds of counties and hundreds of thousands of actors), in their original order. */
function byCounty<T>(rows: readonly T[], countyOf: (row: T) => string | null | undefined): Map<string | null | undefined, T[]> {
  const groups = new Map<string | null | undefined, T[]>();
  for (const row of rows) {
    const key = countyOf(row);
    let list = groups.get(key);
    if (!list) groups.set(key, (list = []));
    list.push(row);
  }
  return groups;
}

/** The analyses a report's county sections are cut from. */
interface ReportAnalyses {
  coverage: readonly CountyCoverageRow[];
  municipal: readonly MunicipalityCoverageRow[];
  summary: readonly CountySummaryRow[];
  central: readonly CentralityRow[];
  brokers: readonly BrokerageRow[];
  gaps: readonly GapRow[];
  suggestions: readonly RecommendationRow[];
}

/** Each county's section: its rows of every analysis, its most central actors and brokers (`top` of each), and, with capabilities, its capability rows and map; and the capability coverage by county (the total's among them). */
function countySections(net: CooperationNetwork, o: z.output<typeof ReportOptionsSchema> & { lang: Lang }, a: ReportAnalyses) {
  const { lang } = o;
  // The report needs a geography, so every actor with a county has role counts; null only when none has one.
  const bridging = (r: BrokerageRow) => (r.liaison ?? 0) + (r.gatekeeper ?? 0) + (r.representative ?? 0);
  const coverageOf = byCounty(a.coverage, (r) => r.county);
  const summaryOf = byCounty(a.summary, (r) => r.county);
  const municipalOf = byCounty(a.municipal, (r) => r.county);
  const centralOf = byCounty(a.central, (r) => r.county);
  const brokersOf = byCounty(a.brokers, (r) => r.county);
  const gapsOf = byCounty(a.gaps, (g) => g.county);
  const suggestionsOf = byCounty(a.suggestions, (r) => net.municipality(r.municipality)?.county);
  const capabilityRows = o.capabilities ? capabilityCoverage(net, o.capabilities) : [];
  const capabilityGapRows = o.capabilities ? capabilityGaps(net, o.capabilities, { lang }) : [];
  const capabilitiesOf = byCounty(capabilityRows, (r) => r.county);
  const capabilityGapsOf = byCounty(capabilityGapRows, (r) => r.county);
  const statesOf = byCounty(o.capabilities ? capabilitiesByMunicipality(net, o.capabilities) : [], (r) => r.county);
  const reachOf = byCounty(o.capabilities ? competenceReach(net, o.capabilities).filter((r) => r.state === 'no' || r.state === 'planned') : [], (r) => r.county);
  const counties: CountySection[] = net.counties().map((c) => ({
    coverage: coverageOf.get(c.code)![0]!,
    summary: summaryOf.get(c.code)![0]!,
    municipalities: municipalOf.get(c.code) ?? [],
    central: (centralOf.get(c.code) ?? [])
      .filter((r) => r.betweenness! > 0)
      .sort((p, q) => q.betweenness! - p.betweenness! || q.degree! - p.degree! || cmp(p.id, q.id))
      .slice(0, o.top),
    brokers: (brokersOf.get(c.code) ?? [])
      .filter((r) => bridging(r) > 0)
      .sort((p, q) => bridging(q) - bridging(p) || (q.liaison ?? 0) - (p.liaison ?? 0) || cmp(p.id, q.id))
      .slice(0, o.top),
    gaps: gapsOf.get(c.code) ?? [],
    recommendations: suggestionsOf.get(c.code) ?? [],
    seriousGaps: (gapsOf.get(c.code) ?? []).filter((g) => g.severity >= 3).length,
    ...(o.capabilities && {
      capabilities: {
        coverage: capabilitiesOf.get(c.code) ?? [],
        gaps: capabilityGapsOf.get(c.code) ?? [],
        municipalities: statesOf.get(c.code) ?? [],
        reach: reachOf.get(c.code) ?? [],
        ...(o.capability !== undefined && {
          map: reportCapabilityMap(net, o.capabilities, { capability: o.capability, codes: (municipalOf.get(c.code) ?? []).map((m) => m.municipality), lang, ...(o.features && { features: o.features }) }, o.maps),
        }),
      },
    }),
  }));
  return { counties, capabilitiesOf };
}

/** The report's data date (its latest link date), the links ended before it in the report's area, the load's summary, and the notes under the report: ended links, rejected rows, warnings, sampled betweenness, the recommender's warnings. */
function reportNotes(net: CooperationNetwork, lang: Lang, counties: readonly CountySection[], central: { sampling: PathSampling | null }, recommenderWarnings: readonly string[]) {
  let latest: string | undefined;
  for (const l of net.links) for (const d of [l.since, l.until]) if (d !== undefined && (latest === undefined || d > latest)) latest = d;
  const loaded = net.loadReport ? loadSummary(net.loadReport) : undefined;
  // The links of the report's area (national: all; else those with an end in one of its counties), as the county card counts them.
  const areaCounties = net.scope.national ? undefined : new Set(counties.map((c) => c.coverage.county));
  const inArea = (id: string) => areaCounties!.has(net.actor(id)?.county ?? '');
  const areaLinks = areaCounties ? net.links.filter((l) => inArea(l.source) || inArea(l.target)) : net.links;
  const endedLinks = net.date === undefined && latest !== undefined ? areaLinks.filter((l) => l.until !== undefined && l.until < latest!).length : 0;
  const sampled = central.sampling && !central.sampling.exact ? central.sampling : undefined;
  const notes = [
    endedLinks > 0 ? messageCount(lang, 'report.note.ended', endedLinks, { total: areaLinks.length, date: formatDate(lang, latest!) }) : undefined,
    loaded && loaded.rejected > 0 ? messageCount(lang, 'report.note.rejected', loaded.rejected, { total: loaded.rows }) : undefined,
    loaded && loaded.warnings > 0 ? messageCount(lang, 'report.note.warnings', loaded.warnings) : undefined,
    sampled ? message(lang, 'report.note.sampled', { sources: sampled.sources, actors: sampled.nodes, bound: formatNumber(lang, Number(sampled.betweennessErrorBound.toPrecision(2)), 6) }) : undefined,
    ...recommenderWarnings,
  ].filter((x): x is string => x !== undefined);
  return { latest, endedLinks, loaded, notes };
}

/** The area a network covers in words, in `lang`, as a report names it: the geography's name when national, else `Västerbottens län`, `2 län: A och B`, `3 kommuner (…) i A`. */
export function reportArea(net: CooperationNetwork, lang: Lang): string {
  return areaWords(lang, net.scope, {
    geographyName: geographyName(net.geography, lang),
    county: (code) => net.geography.counties.find((c) => c.code === code)?.name ?? code,
    municipality: (code) => net.municipality(code)?.name ?? code,
    countySize: (code) => net.geography.municipalities.filter((m) => m.county === code).length,
    countyOf: (code) => net.municipality(code)?.county,
  });
}

/**
 * The rows of a report's overview table: each county's coverage and serious
 * gaps, then the whole area's (`total`), except when the report covers one
 * county: its row is the whole area, and a second row would repeat it.
 */
export function overviewRows(model: Pick<ReportModel, 'counties' | 'national' | 'seriousGaps'>): { coverage: CountyCoverageRow; seriousGaps: number; total: boolean }[] {
  const counties = model.counties.map((s) => ({ coverage: s.coverage, seriousGaps: s.seriousGaps, total: false }));
  return counties.length === 1 ? counties : [...counties, { coverage: model.national, seriousGaps: model.seriousGaps, total: true }];
}

/** The network the report is about: with `county`, the network scoped to that county (already so: as it is). */
export function reportNetwork(net: CooperationNetwork, county: string | undefined): CooperationNetwork {
  if (county === undefined) return net;
  const scoped = net.withScope({ counties: [county] });
  const same = !net.scope.national && net.scope.municipalities.length === scoped.scope.municipalities.length && net.scope.municipalities.every((m, i) => m === scoped.scope.municipalities[i]);
  return same ? net : scoped;
}
