import { z } from 'zod';
import type { CooperationNetwork } from '../model/network.js';
import { withColumns, type Rows } from '../model/table.js';
import { communityCrosstab, louvainCommunities } from '../metrics/communities.js';
import { ACTOR_BASE_COLUMNS, actorRow, networkView, type ActorRowBase } from './view.js';
import { actorKindsOnly, KindListSchema, NetworkSchema, parseOptions, SeedSchema } from '../model/options.js';

export const CommunitiesOptionsSchema = z.strictObject({
  /** Seed of Louvain's random node order: the same seed gives the same communities. Default 1. */
  seed: SeedSchema,
  /** Resolution γ: above 1 gives more, smaller communities; below 1 fewer, larger ones. Default 1. */
  resolution: z.number().positive().finite().default(1),
  /** Use link weights (summed per pair) as strengths. Default true. */
  weighted: z.boolean().default(true),
  /** `'actors'` (default): communities of the whole actor network; `'municipalities'`: of the municipality projection (see `NetworkSchema`). */
  network: NetworkSchema,
  /** With `network: 'actors'`, only actors of these kinds. */
  kinds: KindListSchema.optional(),
}).refine(...actorKindsOnly());
export type CommunitiesOptions = z.input<typeof CommunitiesOptionsSchema>;

export interface CommunityAssignmentRow extends ActorRowBase {
  /** Community number: 0 is the largest. */
  community: number;
}

export interface CommunitySummaryRow {
  community: number;
  size: number;
  municipalityCount: number;
  /** Number of counties its members belong to. */
  countyCount: number;
  /** The community spans more than one county. */
  crossesCounty: boolean;
  /** County with most members (ties: lowest code), or `null`. */
  mainCounty: string | null;
  /** Members without a county (national actors, bodies spanning counties). */
  withoutCounty: number;
}

export interface CommunityCountyRow {
  community: number;
  /** County code, or `null` for members without a county. */
  county: string | null;
  countyName: string | null;
  /** Members of the community in the county. */
  memberCount: number;
}

export interface CommunitiesResult {
  /** Modularity of the partition (Newman–Girvan, with the resolution γ). */
  modularity: number;
  /** Number of communities (isolated actors are communities of one). */
  count: number;
  /** The community of every actor (or municipality). */
  assignments: Rows<CommunityAssignmentRow>;
  /** One row per community: size, counties, whether it crosses county borders. */
  summary: Rows<CommunitySummaryRow>;
  /** Crosstab of communities by county: members per (community, county). */
  byCounty: Rows<CommunityCountyRow>;
}

/**
 * Communities by the Louvain method (Blondel et al. 2008), run by
 * graphology-communities-louvain with a seeded random order, and their
 * modularity (Newman & Girvan 2004; resolution of Reichardt & Bornholdt
 * 2006), equal to `nx.community.modularity`. A crosstab by county tells
 * which communities cross county borders: cooperation that follows
 * functional regions rather than administrative ones.
 *
 * @example
 * const { modularity, summary } = communities(net, { seed: 7 });
 * summary.filter((c) => c.crossesCounty);
 */
export function communities(net: CooperationNetwork, options: CommunitiesOptions = {}): CommunitiesResult {
  const o = parseOptions(CommunitiesOptionsSchema, options, 'communities', net);
  const { csr, actors } = networkView(net, o);
  const result = louvainCommunities(csr, { seed: o.seed, resolution: o.resolution, weighted: o.weighted });
  const counties = actors.map((a) => a.county);
  const crosstab = communityCrosstab(result.community, counties);
  const countyName = new Map(net.counties().map((c) => [c.code, c.name]));

  const municipalitiesIn = new Map<number, number>();
  actors.forEach((a, i) => {
    if (a.kind === 'municipality') municipalitiesIn.set(result.community[i]!, (municipalitiesIn.get(result.community[i]!) ?? 0) + 1);
  });

  const assignments = withColumns(
    actors.map((a, i) => actorRow(a, { community: result.community[i]! })),
    [...ACTOR_BASE_COLUMNS, 'community'],
  );
  const summary = withColumns(
    crosstab.communities.map((c) => ({
      community: c.community,
      size: c.size,
      municipalityCount: municipalitiesIn.get(c.community) ?? 0,
      countyCount: c.groups,
      crossesCounty: c.crossesGroups,
      mainCounty: c.dominantGroup,
      withoutCounty: c.ungrouped,
    })),
    ['community', 'size', 'municipalityCount', 'countyCount', 'crossesCounty', 'mainCounty', 'withoutCounty'],
  );
  const byCounty = withColumns(
    crosstab.rows.map((r) => ({ community: r.community, county: r.group, countyName: r.group === null ? null : (countyName.get(r.group) ?? null), memberCount: r.count })),
    ['community', 'county', 'countyName', 'memberCount'],
  );
  return { modularity: result.modularity, count: result.count, assignments, summary, byCounty };
}
