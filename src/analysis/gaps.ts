import { z } from 'zod';
import { cmp } from '../model/geography.js';
import { requireGeography, type CooperationNetwork } from '../model/network.js';
import { withColumns } from '../model/table.js';
import { SamplesSchema, withSampling, WorkersSchema, type CentralityRows } from './centrality.js';
import { LangSchema } from '../model/i18n/index.js';
import { ProgressSchema, SmallPopulationSchema, ViaSchema, parseOptions } from '../model/options.js';
import { CoverageOptionsSchema } from './coverage.js';
import { gapContext, type GapDetector } from './gaps/context.js';
import { fragmentedCounty } from './gaps/fragmented-county.js';
import { isolatedMunicipality } from './gaps/isolated-municipality.js';
import { missingPartnerKind } from './gaps/missing-partner-kind.js';
import { noCrossCountyLink } from './gaps/no-cross-county-link.js';
import { noMunicipalCooperation } from './gaps/no-municipal-cooperation.js';
import { singlePointOfFailure } from './gaps/single-point-of-failure.js';
import { uncooperativeBorderPair } from './gaps/uncooperative-border-pair.js';

export { DEFAULT_SMALL_POPULATION } from '../model/options.js';

/** The gap types, in the order they are listed within one severity. */
export const GAP_TYPES = [
  'isolated_municipality',
  'no_municipal_cooperation',
  'single_point_of_failure',
  'fragmented_county',
  'no_cross_county_link',
  'missing_partner_kind',
  'uncooperative_border_pair',
] as const;
export type GapType = (typeof GAP_TYPES)[number];

/**
 * Severity scale, from 4 to 1:
 * - 4 `critical`: a small municipality with no cooperation at all.
 * - 3 `high`: a municipality with no cooperation at all (not small), a small
 *   municipality with no other municipality to work with, a single point of
 *   failure cutting off two or more municipalities, a fragmented county.
 * - 2 `medium`: a municipality with no other municipality to work with (not
 *   small), a single point of failure cutting off one municipality, a county
 *   with no cross-county cooperation, a missing partner kind, a small
 *   municipality that does not cooperate with a neighbour.
 * - 1 `low`: two larger bordering municipalities that do not cooperate.
 */
export const SEVERITY_LEVELS = { 4: 'critical', 3: 'high', 2: 'medium', 1: 'low' } as const;
export type Severity = keyof typeof SEVERITY_LEVELS;

export const GapsOptionsSchema = z.strictObject({
  /** Partner kinds every municipality should have. Default religious, civil_society, authority. A kind named twice counts once. */
  partnerKinds: CoverageOptionsSchema.shape.partnerKinds,
  /** Municipalities with fewer inhabitants are small. Default 15 000. */
  smallPopulation: SmallPopulationSchema,
  /** Only these gap types. Default: all. */
  types: z.array(z.enum(GAP_TYPES)).optional(),
  /** Actor kinds through which members cooperate. Default `['joint_body']`. */
  via: ViaSchema,
  /** Betweenness (behind coverage) from every actor or a sample of sources: `'auto'` (default), `'exact'` or a number (see `centrality`). */
  samples: SamplesSchema,
  /** Worker threads for betweenness (see `centrality`). Default `'auto'`. */
  workers: WorkersSchema,
  /** Progress of the betweenness computation, `(done, total)` (for progress bars). */
  onProgress: ProgressSchema,
  /** The language of the reasons: `'sv'` or `'en'`. Default: the geography's (Swedish for Sweden), else English. */
  lang: LangSchema.optional(),
});
export type GapsOptions = z.input<typeof GapsOptionsSchema>;
export type ParsedGapsOptions = z.output<typeof GapsOptionsSchema>;

export interface GapRow {
  /** 4 critical, 3 high, 2 medium, 1 low (see {@link SEVERITY_LEVELS}). */
  severity: Severity;
  level: (typeof SEVERITY_LEVELS)[Severity];
  type: GapType;
  /** The partner kind a `missing_partner_kind` gap is about; `null` for the other types. */
  kind: string | null;
  /** County code the gap belongs to (for a border pair across counties: the smaller municipality's). */
  county: string;
  /** What the gap is about: a municipality code, an actor id, a county code, or `a–b` for a pair. */
  subject: string;
  /** Its name in words. */
  name: string;
  /** The gap explained in a sentence an official can read. */
  reason: string;
  /** Codes of the municipalities concerned (for maps and recommendations). */
  municipalities: string[];
}

/** The detector of each gap type: one file each in `gaps/` (see `GapContext`). */
const DETECTORS: Readonly<Record<GapType, GapDetector>> = {
  isolated_municipality: isolatedMunicipality,
  no_municipal_cooperation: noMunicipalCooperation,
  single_point_of_failure: singlePointOfFailure,
  fragmented_county: fragmentedCounty,
  no_cross_county_link: noCrossCountyLink,
  missing_partner_kind: missingPartnerKind,
  uncooperative_border_pair: uncooperativeBorderPair,
};

/**
 * Gaps in the cooperation network, each with a type, the county, a severity
 * on a documented scale ({@link SEVERITY_LEVELS}) and a plain-language reason:
 *
 * - `isolated_municipality`: a municipality with no link at all.
 * - `no_municipal_cooperation`: a municipality with links, but no tie to any
 *   other municipality (direct, or through a shared body).
 * - `single_point_of_failure`: a municipality whose removal splits its
 *   county's municipality network (ties between the county's municipalities),
 *   or any actor whose removal splits the county's actor network (the actors
 *   that belong to the county), cutting municipalities off from the rest.
 *   Reported once per actor, first from the municipality network.
 * - `fragmented_county`: the county's municipalities that cooperate at all
 *   form two or more groups with no tie between them, counting ties within
 *   the county only (so a municipality that cooperates only across the county
 *   border is a group of its own: it is cut off from its county's network).
 * - `no_cross_county_link`: no actor of the county cooperates with an actor
 *   or municipality of another county.
 * - `missing_partner_kind`: a municipality that is not isolated (it has
 *   links, or a tie through its local actors) but is not linked itself to
 *   any actor of a required kind.
 * - `uncooperative_border_pair`: two bordering municipalities that do not
 *   cooperate; small municipalities first.
 *
 * Reasons are written in `lang` (default: the geography's language, so
 * Swedish for Sweden, else English).
 *
 * Sorted by severity (highest first), then type in the order above, then
 * population (smallest first) and subject: deterministic.
 *
 * @example
 * findGaps(net).filter((g) => g.severity >= 3);
 */

export function findGaps(net: CooperationNetwork, options: GapsOptions = {}): CentralityRows<GapRow> {
  requireGeography(net, 'findGaps');
  const o = parseOptions(GapsOptionsSchema, options, 'findGaps', net);
  const wanted = new Set<GapType>(o.types ?? GAP_TYPES);
  const ctx = gapContext(net, o);
  const gaps = GAP_TYPES.filter((type) => wanted.has(type)).flatMap((type) => DETECTORS[type](ctx));
  const typeOrder = new Map(GAP_TYPES.map((t, i) => [t, i]));
  // Stable: within one severity, type, order and subject, a detector's own order stands.
  gaps.sort((p, q) => q.severity - p.severity || typeOrder.get(p.type)! - typeOrder.get(q.type)! || p.order - q.order || cmp(p.subject, q.subject));
  const rows = withColumns(
    gaps.map(({ severity, type, kind, county, subject, name, reason, municipalities }) => ({ severity, level: SEVERITY_LEVELS[severity], type, kind: kind ?? null, county, subject, name, reason, municipalities })),
    ['severity', 'level', 'type', 'kind', 'county', 'subject', 'name', 'reason', 'municipalities'],
  );
  // The betweenness behind coverage (and so behind the gaps): how it was computed.
  return withSampling(rows, ctx.coverage.sampling);
}
