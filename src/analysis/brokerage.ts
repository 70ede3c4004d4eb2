import { z } from 'zod';
import type { CooperationNetwork } from '../model/network.js';
import { withColumns, type Rows } from '../model/table.js';
import { BrokerageRoleOptionsSchema, brokerageRoles } from '../metrics/brokerage-roles.js';
import { burtConstraint, effectiveSize } from '../metrics/structural-holes.js';
import { ACTOR_BASE_COLUMNS, actorRow, networkView, type ActorRowBase } from './view.js';
import { actorKindsOnly, KindListSchema, NetworkSchema, parseOptions, refusal } from '../model/options.js';

export const BrokerageOptionsSchema = z
  .strictObject({
    /**
     * Use link weights (summed per pair; on the municipality projection the
     * tie weight) as tie strengths in constraint and effective size. Default
     * false, as NetworkX.
     */
    weighted: z.boolean().default(false),
    /** The groups of the Gould–Fernandez roles: the actor's `county` (default) or `municipality`. */
    groupBy: z.enum(['county', 'municipality']).default('county'),
    /**
     * Actors without a group (a police region has no county): `'own'` (default)
     * puts each in a group of its own, so it brokers as an outsider; `'skip'`
     * ignores two-paths that touch one.
     */
    ungrouped: BrokerageRoleOptionsSchema.shape.ungrouped,
    /** Compute on the subgraph of actors of these kinds only. Default: all actors. */
    kinds: KindListSchema.optional(),
    /** `'actors'` (default) or `'municipalities'`: the municipality projection (see `NetworkSchema`), its municipalities grouped by county. */
    network: NetworkSchema,
  })
  .refine(...actorKindsOnly())
  // Each municipality its own group: every two-path would be a liaison.
  .refine((o) => !(o.network === 'municipalities' && o.groupBy === 'municipality'), { ...refusal('options.groupByOwnMunicipality'), path: ['groupBy'] });
export type BrokerageOptions = z.input<typeof BrokerageOptionsSchema>;

/** The Gould–Fernandez roles, in column order (their sum is the `total` column). */
export const BROKERAGE_ROLES = ['coordinator', 'gatekeeper', 'representative', 'consultant', 'liaison'] as const;

/** The measure columns of a {@link BrokerageRow}, in column order. */
export const BROKERAGE_MEASURES = ['constraint', 'effectiveSize', ...BROKERAGE_ROLES, 'total'] as const;

export interface BrokerageRow extends ActorRowBase {
  /** Burt's constraint; `null` for an actor without ties. Low constraint: the actor bridges structural holes. */
  constraint: number | null;
  /** Burt's effective size: non-redundant contacts (0 without ties). */
  effectiveSize: number;
  /**
   * The five Gould–Fernandez role counts, and their sum. `null` when no actor
   * has a group (a plain graph without geography, or `groupBy: 'municipality'`
   * on actors without municipalities): roles between groups do not exist
   * there, and 0 would claim the actor brokers nothing.
   */
  coordinator: number | null;
  gatekeeper: number | null;
  representative: number | null;
  consultant: number | null;
  liaison: number | null;
  /** Sum of the five role counts (`null` as they are). */
  total: number | null;
}

/**
 * Brokerage per actor: Burt's constraint and effective size (structural
 * holes), and Gould–Fernandez brokerage roles with counties as groups.
 *
 * - Constraint and effective size follow Burt (1992) as NetworkX implements
 *   them (`nx.constraint(G)`, `nx.effective_size(G)`), unweighted by default;
 *   `weighted: true` uses the summed link weights as tie strengths.
 * - Gould & Fernandez (1989) roles on undirected ties: for actor b and two of
 *   its partners a and c that are not tied to each other, b is a coordinator
 *   (a, b, c in one county), consultant (a and c in one county, b in
 *   another), liaison (three counties), or, when exactly one of a and c
 *   shares b's county, both a gatekeeper and a representative (the tie
 *   carries flow both ways). Coordinator, consultant and liaison counts are
 *   the directed counts on the symmetrised graph divided by 2; gatekeeper and
 *   representative equal the directed counts.
 *
 * A high liaison or gatekeeper count marks an actor that bridges counties.
 * On a plain graph (no actor has a county) the role counts are `null`;
 * constraint and effective size are still computed. With `network:
 * 'municipalities'` the measures are of the municipality projection (ties
 * direct or through shared bodies), one row per municipality in code order,
 * grouped by county (`groupBy: 'municipality'` is refused there: each
 * municipality would be a group of its own).
 *
 * @example
 * const top = brokerage(net).sort((a, b) => b.liaison - a.liaison).slice(0, 10);
 */
export function brokerage(net: CooperationNetwork, options: BrokerageOptions = {}): Rows<BrokerageRow> {
  const o = parseOptions(BrokerageOptionsSchema, options, 'brokerage', net);
  const { csr, actors } = networkView(net, o);
  const constraint = burtConstraint(csr, { weighted: o.weighted });
  const size = effectiveSize(csr, { weighted: o.weighted });
  const groups = actors.map((a) => (o.groupBy === 'county' ? a.county : a.municipality));
  // Without any group every actor would be an outsider of its own group, and every two-path a liaison.
  const roles = groups.some((g) => g !== undefined) ? brokerageRoles(csr, groups, { ungrouped: o.ungrouped }) : null;
  const rows = actors.map((actor, i) =>
    actorRow(actor, {
      constraint: constraint[i] ?? null,
      effectiveSize: size[i]!,
      coordinator: roles ? roles.coordinator[i]! : null,
      gatekeeper: roles ? roles.gatekeeper[i]! : null,
      representative: roles ? roles.representative[i]! : null,
      consultant: roles ? roles.consultant[i]! : null,
      liaison: roles ? roles.liaison[i]! : null,
      total: roles ? roles.total[i]! : null,
    }),
  );
  return withColumns(rows, [...ACTOR_BASE_COLUMNS, ...BROKERAGE_MEASURES]);
}
