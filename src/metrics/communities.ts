import { z } from 'zod';
import { parseKernelOptions, said, SeedSchema, saidIn } from '../model/options.js';
import { KernelArgumentError } from '../model/errors.js';
import { csrFromEdges, type Csr } from './csr.js';
import { firstSeenIds } from './labels.js';
import { createRng } from './random.js';

/**
 * Community detection (Louvain), modularity, and a community × group
 * cross-tabulation ("which communities cross county borders").
 *
 * **Modularity** (Newman & Girvan 2004, "Finding and evaluating community
 * structure in networks", Phys. Rev. E 69:026113; resolution parameter of
 * Reichardt & Bornholdt 2006, Phys. Rev. E 74:016110):
 *
 * `Q = Σ_c [ L_c / m − γ · (d_c / 2m)² ]`
 *
 * with `m` the total edge weight, `L_c` the weight of edges inside
 * community `c`, `d_c` the summed strength (weighted degree) of its nodes
 * and `γ` the resolution. This is exactly
 * `nx.community.modularity(G, partition, weight='weight' | None, resolution=γ)`.
 *
 * **Louvain** (Blondel, Guillaume, Lambiotte & Lefebvre 2008, "Fast
 * unfolding of communities in large networks", J. Stat. Mech. P10008) is
 * run on the CSR (local moves in a random node order, then aggregation,
 * level after level) with the seeded generator of {@link createRng}, so a
 * given seed always gives the same partition.
 *
 * Conventions:
 * - **Weights** are edge strengths; `weighted: true` by default. With
 *   `weighted: false` every edge counts 1.
 * - **Graph without edges** (including 0 or 1 node, or only isolated
 *   nodes): NetworkX raises `ZeroDivisionError` for modularity; here
 *   modularity is `0`, and Louvain puts every node in its own community.
 * - **Isolated nodes** always form singleton communities (they contribute
 *   `0` to modularity). Disconnected graphs need nothing special: no
 *   community ever spans two components.
 * - Community numbers are deterministic: by size descending, then by
 *   smallest node index; so community 0 is the largest.
 *
 * @module
 */

/** Options of {@link modularity}. Strict: a wrong value or an unknown key throws a `KernelOptionsError` (a `RangeError`) naming it. */
export const ModularityOptionsSchema = z.strictObject({
  /** Resolution `γ` (a finite number); above 1 favours smaller communities. Default `1`. */
  resolution: z.number().finite().default(1),
  /** Use CSR edge weights (strengths). Default `true`, as `nx.community.modularity(…, weight='weight')`. */
  weighted: z.boolean().default(true),
});
/** Options of {@link modularity}, as given (see {@link ModularityOptionsSchema}). */
export type ModularityOptions = z.input<typeof ModularityOptionsSchema>;

/** Options of {@link louvainCommunities}: those of {@link modularity} and `seed`. Strict. */
export const LouvainOptionsSchema = ModularityOptionsSchema.extend({
  /** Seed of the random node order (an integer; see {@link createRng}). Default `1`. */
  seed: SeedSchema,
});
/** Options of {@link louvainCommunities}, as given (see {@link LouvainOptionsSchema}). */
export type LouvainOptions = z.input<typeof LouvainOptionsSchema>;

/** Result of {@link louvainCommunities}. */
export interface LouvainResult {
  /** Community per node, aligned with `csr.ids`; `0` is the largest. */
  readonly community: Int32Array;
  /** Number of communities. */
  readonly count: number;
  /** Modularity of the partition (with the same weights and resolution). */
  readonly modularity: number;
}

/**
 * Modularity of a partition given as one community label per node
 * (aligned with `csr.ids`; labels are arbitrary numbers, equal label =
 * same community). `O(n + m)`. See the module documentation for the
 * formula; equals NetworkX to rounding.
 *
 * @example
 * // Two triangles joined by one edge, one community per triangle
 * // (m = 7, each community has L_c = 3 and d_c = 7):
 * // Q = 2·(3/7 − (7/14)²) = 6/7 − 1/2 = 5/14 ≈ 0.357.
 */
export function modularity(
  csr: Csr,
  communities: ArrayLike<number>,
  options: ModularityOptions = {},
): number {
  return modularityOf(csr, communities, parseKernelOptions(ModularityOptionsSchema, options, 'modularity'));
}

/** `fn: array[index] is undefined, expected a label`: a labelling with a hole. */
function missingLabel(fn: string, array: string, index: number, what: 'errors.kernel.communityLabel' | 'errors.kernel.label'): KernelArgumentError {
  return new KernelArgumentError(saidIn(fn, said('errors.kernel.labelMissing', { array, index, what: said(what) })));
}

function modularityOf(csr: Csr, communities: ArrayLike<number>, { resolution, weighted }: z.output<typeof ModularityOptionsSchema>): number {
  const { n, offsets, targets, weights } = csr;
  if (communities.length < n) {
    throw new KernelArgumentError(said('errors.kernel.communitiesShort', { entries: communities.length, n }));
  }
  const { ids: cid, count: C } = firstSeenIds(communities, n);
  if (cid.includes(-1)) throw missingLabel('modularity', 'communities', cid.indexOf(-1), 'errors.kernel.communityLabel');
  const inside = new Float64Array(C); // Σ weight of ordered intra pairs (= 2 L_c)
  const degree = new Float64Array(C); // d_c
  let twoM = 0;
  for (let u = 0; u < n; u++) {
    const cu = cid[u]!;
    for (let k = offsets[u]!; k < offsets[u + 1]!; k++) {
      const w = weighted ? weights[k]! : 1;
      twoM += w;
      degree[cu] = degree[cu]! + w;
      if (cid[targets[k]!] === cu) inside[cu] = inside[cu]! + w;
    }
  }
  if (!(twoM > 0)) return 0;
  let q = 0;
  for (let c = 0; c < C; c++) {
    const dc = degree[c]! / twoM;
    q += inside[c]! / twoM - resolution * dc * dc;
  }
  return q;
}

/**
 * Renumber arbitrary community labels to `0..C-1` by size descending, then
 * smallest node index.
 */
export function renumberCommunities(labels: ArrayLike<number>): { community: Int32Array; count: number } {
  const n = labels.length;
  // Label → first-seen order (= smallest index order), and the size of each.
  const { ids: raw, count } = firstSeenIds(labels);
  if (raw.includes(-1)) throw missingLabel('renumberCommunities', 'labels', raw.indexOf(-1), 'errors.kernel.label');
  const size = new Array<number>(count).fill(0);
  for (let i = 0; i < n; i++) size[raw[i]!]!++;
  const order = size.map((_, k) => k).sort((a, b) => size[b]! - size[a]! || a - b);
  const rank = new Int32Array(order.length);
  order.forEach((k, r) => (rank[k] = r));
  const community = new Int32Array(n);
  for (let i = 0; i < n; i++) community[i] = rank[raw[i]!]!;
  return { community, count: order.length };
}

/**
 * Louvain communities with a seeded random order. See the module
 * documentation for conventions. The same `csr`, seed, resolution and
 * `weighted` flag always give the same partition (different seeds may give
 * different, similarly good, partitions: Louvain is a heuristic).
 *
 * Runs on the CSR itself, in typed arrays: no graphology copy of the graph,
 * which at a million links would cost more memory than the network itself.
 * `test/metrics/communities.test.ts` checks that the partitions are as good
 * as graphology-communities-louvain's (modularity within 1 % on random
 * graphs) and `bench/structure.ts` compares the speed.
 */
export function louvainCommunities(csr: Csr, options: LouvainOptions = {}): LouvainResult {
  const { resolution, weighted, seed } = parseKernelOptions(LouvainOptionsSchema, options, 'louvainCommunities');
  const n = csr.n;

  if (csr.m === 0) {
    const community = new Int32Array(n);
    for (let i = 0; i < n; i++) community[i] = i;
    return { community, count: n, modularity: 0 };
  }

  const rng = createRng(seed);
  // The level graph: CSR arcs plus each node's self-loop weight (the weight
  // inside an aggregated community; 0 on the first level).
  let level: Csr = weighted ? csr : { ...csr, weights: new Float64Array(csr.targets.length).fill(1) };
  let selfLoop = new Float64Array(n);
  // Community of each original node (a node of the current level).
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) labels[i] = i;

  for (;;) {
    const community = moveNodes(level, selfLoop, resolution, rng);
    if (community === null) break;
    // Renumber 0..C−1 by first appearance and aggregate.
    const size = level.n;
    const renumber = new Int32Array(size).fill(-1);
    let count = 0;
    for (let i = 0; i < size; i++) {
      const c = community[i]!;
      if (renumber[c]! < 0) renumber[c] = count++;
    }
    for (let v = 0; v < n; v++) labels[v] = renumber[community[labels[v]!]!]!;
    if (count === size) break;
    const nextSelf = new Float64Array(count);
    const ends: number[] = [];
    const weights: number[] = [];
    const { offsets, targets } = level;
    for (let u = 0; u < size; u++) {
      const cu = renumber[community[u]!]!;
      nextSelf[cu]! += selfLoop[u]!;
      for (let k = offsets[u]!; k < offsets[u + 1]!; k++) {
        const v = targets[k]!;
        if (v < u) continue; // each edge once
        const cv = renumber[community[v]!]!;
        if (cu === cv) nextSelf[cu]! += level.weights[k]!;
        else {
          ends.push(cu, cv);
          weights.push(level.weights[k]!);
        }
      }
    }
    level = csrFromEdges(Array.from({ length: count }, (_, i) => String(i)), Int32Array.from(ends), Float64Array.from(weights));
    selfLoop = nextSelf;
  }
  const { community, count } = renumberCommunities(labels);
  return { community, count, modularity: modularityOf(csr, community, { resolution, weighted }) };
}

/**
 * The local-moving phase of Louvain (Blondel et al. 2008): visit the nodes
 * in a seeded random order and move each to the neighbouring community with
 * the largest modularity gain `k_{i,C} − γ·Σ_C·k_i / 2m` (staying put when
 * nothing is strictly better), until a whole pass moves no node. Returns
 * the community of each node, or `null` when no node moved at all.
 */
function moveNodes(level: Csr, selfLoop: Float64Array, resolution: number, rng: () => number): Int32Array | null {
  const { n, offsets, targets, weights } = level;
  const strength = new Float64Array(n);
  let twoM = 0;
  for (let i = 0; i < n; i++) {
    let k = 2 * selfLoop[i]!;
    for (let a = offsets[i]!; a < offsets[i + 1]!; a++) k += weights[a]!;
    strength[i] = k;
    twoM += k;
  }
  const community = new Int32Array(n);
  const total = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    community[i] = i;
    total[i] = strength[i]!;
  }
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  // Weight from the node being moved to each neighbouring community.
  const toCommunity = new Float64Array(n);
  const touched = new Int32Array(n);
  let movedAny = false;
  for (let pass = 0; pass < 1000; pass++) {
    let moved = 0;
    for (let o = 0; o < n; o++) {
      const i = order[o]!;
      const own = community[i]!;
      const ki = strength[i]!;
      let touchedCount = 0;
      for (let a = offsets[i]!; a < offsets[i + 1]!; a++) {
        const c = community[targets[a]!]!;
        if (toCommunity[c] === 0) touched[touchedCount++] = c;
        toCommunity[c]! += weights[a]!;
      }
      total[own]! -= ki;
      const factor = (resolution * ki) / twoM;
      let best = own;
      let bestGain = toCommunity[own]! - factor * total[own]!;
      for (let t = 0; t < touchedCount; t++) {
        const c = touched[t]!;
        const gain = toCommunity[c]! - factor * total[c]!;
        // Strictly better by more than rounding, so passes always end.
        if (gain > bestGain + 1e-12 * ki) {
          best = c;
          bestGain = gain;
        }
      }
      total[best]! += ki;
      if (best !== own) {
        community[i] = best;
        moved++;
      }
      for (let t = 0; t < touchedCount; t++) toCommunity[touched[t]!] = 0;
    }
    if (moved === 0) break;
    movedAny = true;
  }
  return movedAny ? community : null;
}

/** One row of {@link communityCrosstab}: members of `community` in `group`. */
export interface CommunityGroupRow {
  readonly community: number;
  /** Group label, `null` for members without a group. */
  readonly group: string | null;
  readonly count: number;
}

/** Per-community summary of {@link communityCrosstab}. */
export interface CommunitySummary {
  readonly community: number;
  /** Number of members. */
  readonly size: number;
  /** Number of distinct (defined) groups among the members. */
  readonly groups: number;
  /** Members whose group is `undefined`. */
  readonly ungrouped: number;
  /** `groups ≥ 2`: the community crosses group (e.g. county) borders. */
  readonly crossesGroups: boolean;
  /** Group with most members (ties: smallest label by code-unit order); `null` if none. */
  readonly dominantGroup: string | null;
}

/** Result of {@link communityCrosstab}. */
export interface CommunityCrosstab {
  /** Non-zero (community, group) counts: by community, then count descending, then group (`null` last). */
  readonly rows: CommunityGroupRow[];
  /** One entry per community label present, ascending by label. */
  readonly communities: CommunitySummary[];
}

/**
 * Cross-tabulate communities against groups (e.g. counties): tidy rows of
 * member counts per (community, group) and a summary per community telling
 * whether it crosses group borders.
 *
 * @param communityOf - Community label per node (e.g. {@link LouvainResult.community}).
 * @param groupOf - Group per node (aligned; missing entries read as `undefined`).
 *   Ungrouped members get rows with `group: null` and are counted in
 *   `ungrouped`, never in `groups`.
 */
export function communityCrosstab(
  communityOf: ArrayLike<number>,
  groupOf: ArrayLike<string | undefined>,
): CommunityCrosstab {
  const n = communityOf.length;
  // community → (group key → count); Map keys keep '__proto__' etc. safe.
  const table = new Map<number, Map<string | null, number>>();
  for (let i = 0; i < n; i++) {
    const c = communityOf[i]!;
    const g = i < groupOf.length ? (groupOf[i] ?? null) : null;
    let row = table.get(c);
    if (row === undefined) {
      row = new Map();
      table.set(c, row);
    }
    row.set(g, (row.get(g) ?? 0) + 1);
  }
  const cmpGroup = (a: string | null, b: string | null): number =>
    a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1;

  const rows: CommunityGroupRow[] = [];
  const communities: CommunitySummary[] = [];
  for (const c of [...table.keys()].sort((a, b) => a - b)) {
    const entries = [...table.get(c)!.entries()].sort((a, b) => b[1] - a[1] || cmpGroup(a[0], b[0]));
    let size = 0;
    let groups = 0;
    let ungrouped = 0;
    let dominantGroup: string | null = null;
    for (const [group, count] of entries) {
      rows.push({ community: c, group, count });
      size += count;
      if (group === null) {
        ungrouped += count;
      } else {
        if (dominantGroup === null) dominantGroup = group; // first = most members
        groups++;
      }
    }
    communities.push({ community: c, size, groups, ungrouped, crossesGroups: groups >= 2, dominantGroup });
  }
  return { rows, communities };
}
