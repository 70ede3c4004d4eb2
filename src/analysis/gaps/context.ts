import { resolveLang, type Lang } from '../../model/i18n/index.js';
import { indexGeography, type GeographyIndex } from '../../model/geography.js';
import { sharedProjection, type CooperationNetwork, type MunicipalityProjection } from '../../model/network.js';
import { coverageByMunicipality, type MunicipalityCoverageRow } from '../coverage.js';
import type { CentralityRows } from '../centrality.js';
import type { GapRow, ParsedGapsOptions } from '../gaps.js';

/**
 * What every gap detector reads: the network, the parsed options, and what
 * several detectors need, computed once (coverage per municipality, the
 * municipality projection). A new gap type is a detector of this context
 * (one file in this folder) and its entry in `GAP_TYPES` and `DETECTORS`.
 */
export interface GapContext {
  readonly net: CooperationNetwork;
  readonly options: ParsedGapsOptions;
  /** The language of the reasons (`options.lang`, else the geography's). */
  readonly lang: Lang;
  readonly ix: GeographyIndex;
  /** Coverage per municipality, with the `sampling` of its betweenness. */
  readonly coverage: CentralityRows<MunicipalityCoverageRow>;
  readonly byCode: ReadonlyMap<string, MunicipalityCoverageRow>;
  readonly projection: MunicipalityProjection;
  countyName(code: string): string;
  /** Whether a population makes a municipality small (`options.smallPopulation`). */
  small(population: number): boolean;
}

/** A gap a detector found: the row without `level` (from the severity), `kind` when it has one, and its order within its type and severity (smaller first). */
export type GapFinding = Omit<GapRow, 'level' | 'kind'> & { kind?: string; order: number };

/** A detector: every gap of one type. */
export type GapDetector = (ctx: GapContext) => GapFinding[];

export function gapContext(net: CooperationNetwork, o: ParsedGapsOptions): GapContext {
  const ix = indexGeography(net.geography);
  const coverage = coverageByMunicipality(net, { partnerKinds: o.partnerKinds, via: o.via, samples: o.samples, workers: o.workers, ...(o.onProgress && { onProgress: o.onProgress }) });
  return {
    net,
    options: o,
    lang: resolveLang(o.lang, net.geography),
    ix,
    coverage,
    byCode: new Map(coverage.map((r) => [r.municipality, r])),
    projection: sharedProjection(net, { via: o.via }),
    countyName: (code) => ix.county.get(code)?.name ?? code,
    small: (population) => population < o.smallPopulation,
  };
}

/** A municipality with no link and no municipality tie at all (an isolated one gets no other municipality gap). */
export const isolated = (r: MunicipalityCoverageRow): boolean => r.linkCount === 0 && r.municipalityTies === 0;
