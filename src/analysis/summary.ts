import { z } from 'zod';
import { requireGeography, sharedProjection, type CooperationNetwork } from '../model/network.js';
import { withColumns, type Rows } from '../model/table.js';
import { ViaSchema, parseOptions } from '../model/options.js';
import { LangSchema } from '../model/i18n/index.js';
import { totalRowName } from './view.js';

export const SummaryOptionsSchema = z.strictObject({
  /** Append a row for the whole country (county `total`). Default true. */
  total: z.boolean().default(true),
  /** Actor kinds through which members cooperate (see `municipalityProjection`). Default `['joint_body']`. */
  via: ViaSchema,
  /**
   * The language of the national total row's `name`: the geography's display name in it (`Sverige`, `Sweden`),
   * the word the report writes. Default the geography's language (Sweden's is Swedish).
   */
  lang: LangSchema.optional(),
});
export type SummaryOptions = z.input<typeof SummaryOptionsSchema>;

export interface CountySummaryRow {
  /** County code, or `total` for the national row. */
  county: string;
  name: string;
  municipalityCount: number;
  population: number;
  /** Actors other than municipalities that belong to the county. */
  actorCount: number;
  /** Links with at least one end in the county (a link within the county counts once). */
  linkCount: number;
  /** Of those, links whose ends are in different municipalities. */
  crossMunicipalLinks: number;
  /** Of those, links whose ends are in different counties. */
  crossCountyLinks: number;
  /** Municipalities with at least one municipality tie (see `municipalityProjection`). */
  linkedMunicipalities: number;
  /**
   * Municipalities with no link at all and no municipality tie (as the
   * `isolated_municipality` gaps of `findGaps`): a municipality whose own
   * actor has no link, but whose local actors cooperate with another
   * municipality's, is linked, not isolated.
   */
  isolatedMunicipalities: number;
}

/**
 * A first look at a network: per county, how many municipalities, actors and
 * links it has, how many links cross municipal and county borders, and how
 * many municipalities cooperate with another municipality or have no link at
 * all. One row per county in code order, then a national `total` row.
 *
 * @example
 * console.table(summaryByCounty(loadNetwork(demoDataset())));
 */
export function summaryByCounty(net: CooperationNetwork, options: SummaryOptions = {}): Rows<CountySummaryRow> {
  requireGeography(net, 'summaryByCounty');
  const { total, via, lang } = parseOptions(SummaryOptionsSchema, options, 'summaryByCounty', net);
  const tied = new Set<string>();
  for (const t of sharedProjection(net, { via }).ties) tied.add(t.a).add(t.b);
  const isolated = (m: { code: string }) => net.partnerCount(m.code) === 0 && !tied.has(m.code);

  // Counted in one pass over actors and links (not one per county: a
  // country may have hundreds of counties and a million links).
  const counts = new Map(net.counties().map((c) => [c.code, { actors: 0, links: 0, crossMunicipal: 0, crossCounty: 0 }]));
  for (const a of net.actors()) {
    const entry = a.kind !== 'municipality' && a.county !== undefined ? counts.get(a.county) : undefined;
    if (entry) entry.actors++;
  }
  // Links counted per linked pair (a pair's links share its ends and flags), not one link object at a time.
  const actorList = net.actors();
  const pairs = net.pairCounts();
  let linkCount = 0;
  let crossMunicipalLinks = 0;
  let crossCountyLinks = 0;
  for (let p = 0; p < pairs.count.length; p++) {
    const n = pairs.count[p]!;
    const cross = pairs.cross[p]!;
    linkCount += n;
    if ((cross & 1) !== 0) crossMunicipalLinks += n;
    if ((cross & 2) !== 0) crossCountyLinks += n;
    const cs = actorList[pairs.ends[2 * p]!]!.county;
    const ct = actorList[pairs.ends[2 * p + 1]!]!.county;
    for (const c of cs === ct ? [cs] : [cs, ct]) {
      const entry = c === undefined ? undefined : counts.get(c);
      if (!entry) continue;
      entry.links += n;
      if ((cross & 1) !== 0) entry.crossMunicipal += n;
      if ((cross & 2) !== 0) entry.crossCounty += n;
    }
  }
  const rows: CountySummaryRow[] = [];
  for (const county of net.counties()) {
    const municipalities = net.municipalitiesOfCounty(county.code);
    const count = counts.get(county.code)!;
    rows.push({
      county: county.code,
      name: county.name,
      municipalityCount: municipalities.length,
      population: municipalities.reduce((s, m) => s + m.population, 0),
      actorCount: count.actors,
      linkCount: count.links,
      crossMunicipalLinks: count.crossMunicipal,
      crossCountyLinks: count.crossCounty,
      linkedMunicipalities: municipalities.filter((m) => tied.has(m.code)).length,
      isolatedMunicipalities: municipalities.filter(isolated).length,
    });
  }
  if (total) {
    const all = net.municipalities();
    rows.push({
      county: 'total',
      name: totalRowName(net, lang),
      municipalityCount: all.length,
      population: all.reduce((s, m) => s + m.population, 0),
      actorCount: net.actors().filter((a) => a.kind !== 'municipality').length,
      linkCount,
      crossMunicipalLinks,
      crossCountyLinks,
      linkedMunicipalities: all.filter((m) => tied.has(m.code)).length,
      isolatedMunicipalities: all.filter(isolated).length,
    });
  }
  return withColumns(rows, [
    'county',
    'name',
    'municipalityCount',
    'population',
    'actorCount',
    'linkCount',
    'crossMunicipalLinks',
    'crossCountyLinks',
    'linkedMunicipalities',
    'isolatedMunicipalities',
  ]);
}
