import { z } from 'zod';
import { KindListSchema } from '../io/columns.js';
import { brokerage, type BrokerageRow } from '../analysis/brokerage.js';
import { centrality, type CentralityRow } from '../analysis/centrality.js';
import { coverageByCounty, coverageByMunicipality, DEFAULT_PARTNER_KINDS, type CountyCoverageRow, type MunicipalityCoverageRow } from '../analysis/coverage.js';
import { DEFAULT_SMALL_POPULATION, findGaps, type GapRow } from '../analysis/gaps.js';
import { summaryByCounty, type CountySummaryRow } from '../analysis/summary.js';
import { cmp } from '../model/geography.js';
import type { CooperationNetwork } from '../model/network.js';
import type { MapFeatureCollection } from './map.js';
import { recommendAll, type RecommendationRow } from '../recommend/recommend.js';

export const ReportOptionsSchema = z.strictObject({
  /** Report title. Default `Cooperation network report`. */
  title: z.string().min(1).default('Cooperation network report'),
  /** What the data is, in words (shown under the title), e.g. `the embedded demo dataset (synthetic)`. */
  dataDescription: z.string().optional(),
  /** Actors listed per county in the central and brokering tables. Default 5. */
  top: z.number().int().min(1).max(100).default(5),
  /** Partner suggestions listed per small municipality. Default 3 (0: none). */
  suggestions: z.number().int().min(0).max(20).default(3),
  /** Gaps listed per county (the rest are counted). Default 12. */
  maxGaps: z.number().int().min(0).default(12),
  /** Municipalities with fewer inhabitants are small. Default 15 000. */
  smallPopulation: z.number().nonnegative().default(DEFAULT_SMALL_POPULATION),
  /** Partner kinds every municipality should have. Default religious, civil_society, authority. */
  partnerKinds: KindListSchema.pipe(z.array(z.string()).min(1)).default([...DEFAULT_PARTNER_KINDS]),
  /** Draw the maps. Default true. */
  maps: z.boolean().default(true),
  /**
   * Map polygons: a GeoJSON FeatureCollection with a `code` property per
   * municipality (see `renderMap`). Default: the embedded Swedish
   * municipalities. When they cover none of the geography's municipalities
   * (another country), the report says so instead of drawing empty maps.
   */
  features: z.custom<MapFeatureCollection>((v) => typeof v === 'object' && v !== null, 'features must be a GeoJSON FeatureCollection').optional(),
  /** Progress of the costly part (betweenness), `(done, total)` (for progress bars). */
  onProgress: z.custom<(done: number, total: number) => void>((v) => typeof v === 'function').optional(),
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
}

/** The data of a report, before rendering: plain records, so other renderers can use it. */
export interface ReportModel {
  title: string;
  dataDescription: string | undefined;
  geographyName: string;
  /** Where the reference data comes from. */
  geographySource: string | undefined;
  /** Date of the population figures, when known. */
  populationDate: string | undefined;
  /** The `asOf` date of the network, or the latest date among its links. */
  dataDate: string | undefined;
  /** Whether `dataDate` is a snapshot date (`asOf`) or the latest link date. */
  dataDateIsSnapshot: boolean;
  options: z.output<typeof ReportOptionsSchema>;
  national: CountyCoverageRow;
  nationalSummary: CountySummaryRow;
  counties: CountySection[];
  municipalities: MunicipalityCoverageRow[];
  gaps: GapRow[];
  actors: number;
  links: number;
}

/**
 * Compute everything a county report shows: coverage per county and
 * municipality, the most central and brokering actors per county, and the
 * gaps. Deterministic for the same network and options.
 */
export function buildReport(net: CooperationNetwork, options: ReportOptions = {}): ReportModel {
  const o = ReportOptionsSchema.parse(options);
  const progress = o.onProgress ? { onProgress: o.onProgress } : {};
  const coverage = coverageByCounty(net, { partnerKinds: o.partnerKinds, ...progress });
  const municipal = coverageByMunicipality(net, { partnerKinds: o.partnerKinds });
  const summary = summaryByCounty(net);
  const central = centrality(net, { measures: ['degree', 'betweenness'] });
  const brokers = brokerage(net);
  const gaps = findGaps(net, { requiredKinds: o.partnerKinds, smallPopulation: o.smallPopulation });

  const suggestions = o.suggestions > 0 ? recommendAll(net, { limit: o.suggestions, smallPopulation: o.smallPopulation, partnerKinds: o.partnerKinds }) : [];
  const bridging = (r: BrokerageRow) => r.liaison + r.gatekeeper + r.representative;
  const counties: CountySection[] = net.counties().map((c) => ({
    coverage: coverage.find((r) => r.county === c.code)!,
    summary: summary.find((r) => r.county === c.code)!,
    municipalities: municipal.filter((r) => r.county === c.code),
    central: central
      .filter((r) => r.county === c.code && r.betweenness! > 0)
      .sort((p, q) => q.betweenness! - p.betweenness! || q.degree! - p.degree! || cmp(p.id, q.id))
      .slice(0, o.top),
    brokers: brokers
      .filter((r) => r.county === c.code && bridging(r) > 0)
      .sort((p, q) => bridging(q) - bridging(p) || q.liaison - p.liaison || cmp(p.id, q.id))
      .slice(0, o.top),
    gaps: gaps.filter((g) => g.county === c.code),
    recommendations: suggestions.filter((r) => net.municipality(r.municipality)?.county === c.code),
  }));

  let latest: string | undefined;
  for (const l of net.links) for (const d of [l.since, l.until]) if (d !== undefined && (latest === undefined || d > latest)) latest = d;
  const populationDates = [...new Set(net.geography.municipalities.map((m) => m.populationDate ?? String(m.populationYear)))].sort(cmp);

  return {
    title: o.title,
    dataDescription: o.dataDescription,
    geographyName: net.geography.name,
    geographySource: net.geography.source,
    populationDate: populationDates.at(-1),
    dataDate: net.date ?? latest,
    dataDateIsSnapshot: net.date !== undefined,
    options: o,
    national: coverage.find((r) => r.county === 'total')!,
    nationalSummary: summary.find((r) => r.county === 'total')!,
    counties,
    municipalities: municipal,
    gaps,
    actors: net.order,
    links: net.links.length,
  };
}
