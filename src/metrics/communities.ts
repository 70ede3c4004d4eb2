import louvain from 'graphology-communities-louvain';
import { UndirectedGraph } from 'graphology';
import type { Csr } from './csr.js';
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
 * run by `graphology-communities-louvain` (fast local moves, random node
 * order) with the seeded generator of {@link createRng}, so a given seed
 * always gives the same partition.
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

/** Options for {@link modularity}. */
export interface ModularityOptions {
  /** Resolution `γ`; above 1 favours smaller communities. Default `1`. */
  resolution?: number;
  /** Use CSR edge weights. Default `true`. */
  weighted?: boolean;
}

/** Options for {@link louvainCommunities}. */
export interface LouvainOptions extends ModularityOptions {
  /** Seed of the random node order (see {@link createRng}). Default `1`. */
  seed?: number;
}

/** Result of {@link louvainCommunities}. */
export interface LouvainResult {
  /** Community per node, aligned with `csr.ids`; `0` is the largest. */
  readonly community: Int32Array;
  /** Number of communities. */
  readonly count: number;
  /** Modularity of the partition (with the same weights and resolution). */
  readonly modularity: number;
}

function resolutionOf(options: ModularityOptions): number {
  const r = options.resolution ?? 1;
  if (!Number.isFinite(r)) throw new RangeError(`resolution must be a finite number, got ${r}`);
  return r;
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
  const resolution = resolutionOf(options);
  const weighted = options.weighted ?? true;
  const { n, offsets, targets, weights } = csr;
  if (communities.length < n) {
    throw new RangeError(`communities has ${communities.length} entries for ${n} nodes`);
  }
  const labelIndex = new Map<number, number>();
  const cid = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const label = communities[i]!;
    let k = labelIndex.get(label);
    if (k === undefined) {
      k = labelIndex.size;
      labelIndex.set(label, k);
    }
    cid[i] = k;
  }
  const C = labelIndex.size;
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
  const index = new Map<number, number>(); // label → first-seen order (= smallest index order)
  const raw = new Int32Array(n);
  const size: number[] = [];
  for (let i = 0; i < n; i++) {
    const label = labels[i]!;
    let k = index.get(label);
    if (k === undefined) {
      k = size.length;
      index.set(label, k);
      size.push(0);
    }
    size[k]!++;
    raw[i] = k;
  }
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
 * Implementation note: the CSR is copied into a graphology graph whose node
 * keys are the indices (`"0"`, `"1"`, …), so the result is independent of
 * node-key spelling (keys such as `__proto__` are safe) and uses exactly the
 * CSR's merged, positive weights. Building that copy, renumbering and the
 * modularity cost several times the Louvain run itself (`bench/structure.ts`
 * measures the whole call at about 4× a direct call); fine for networks of
 * thousands of actors, but the reason this is slower than calling
 * graphology-communities-louvain on an existing graph.
 */
export function louvainCommunities(csr: Csr, options: LouvainOptions = {}): LouvainResult {
  const resolution = resolutionOf(options);
  const weighted = options.weighted ?? true;
  const seed = options.seed ?? 1;
  const { n, offsets, targets, weights } = csr;

  if (csr.m === 0) {
    const community = new Int32Array(n);
    for (let i = 0; i < n; i++) community[i] = i;
    return { community, count: n, modularity: 0 };
  }

  const graph = new UndirectedGraph<Record<string, never>, { weight: number }>();
  for (let i = 0; i < n; i++) graph.addNode(String(i));
  for (let u = 0; u < n; u++) {
    for (let k = offsets[u]!; k < offsets[u + 1]!; k++) {
      const v = targets[k]!;
      if (v > u) graph.addEdge(String(u), String(v), { weight: weights[k]! });
    }
  }
  const mapping = louvain(graph, {
    getEdgeWeight: weighted ? 'weight' : null,
    resolution,
    rng: createRng(seed),
  });
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) labels[i] = mapping[String(i)] ?? -1 - i;
  const { community, count } = renumberCommunities(labels);
  return { community, count, modularity: modularity(csr, community, { resolution, weighted }) };
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
