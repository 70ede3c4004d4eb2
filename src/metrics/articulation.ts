import { z } from 'zod';
import { parseKernelOptions } from '../model/options.js';
import type { Csr } from './csr.js';

/**
 * Articulation points (cut vertices) and bridges (cut edges) of an
 * undirected graph, with the damage each articulation point does.
 *
 * Algorithm: Hopcroft & Tarjan (1973), "Algorithm 447: efficient
 * algorithms for graph manipulation", CACM 16(6):372–378 — depth-first
 * search with discovery times and low-points, written with an explicit
 * stack (no recursion, so graphs with 10^5+ nodes and long paths are fine).
 * `O(n + m)` time and memory. Same sets as NetworkX's
 * `articulation_points` and `bridges`.
 *
 * - Node `x` is an **articulation point** iff removing it (and its ties)
 *   increases the number of connected components. In the DFS: the root iff
 *   it has ≥ 2 tree children; any other `x` iff some tree child `c` has
 *   `low(c) ≥ disc(x)`.
 * - Edge `{p, c}` (tree edge, `p` the parent) is a **bridge** iff
 *   `low(c) > disc(p)`.
 *
 * Conventions: weights are ignored; the CSR is simple (no self-loops or
 * parallel edges, which is what makes "skip the parent" correct).
 * Disconnected graphs are handled component by component; isolated nodes,
 * single nodes and the empty graph have no articulation points or bridges.
 * Roots are taken in index order and neighbour lists are sorted, so results
 * are deterministic.
 *
 * @module
 */

/** Options of {@link articulationPoints}. Strict: a wrong value or an unknown key throws a `KernelOptionsError` (a `RangeError`) naming it. */
export const ArticulationOptionsSchema = z.strictObject({
  /**
   * Which nodes count towards {@link ArticulationPoint.cutOff} and choose the
   * main part (e.g. only municipalities): an array (or typed array) aligned
   * with `csr.ids`, read as booleans; entries beyond its length count as
   * `false`. Default: every node counts.
   */
  countable: z
    .custom<ArrayLike<boolean>>((v) => typeof v === 'object' && v !== null && typeof (v as { length?: unknown }).length === 'number', 'expected an array of booleans, one per node')
    .optional(),
});
/** Options of {@link articulationPoints}, as given (see {@link ArticulationOptionsSchema}). */
export type ArticulationOptions = z.input<typeof ArticulationOptionsSchema>;

/** One articulation point and what removing it does to its component. */
export interface ArticulationPoint {
  /** Node index (into `csr.ids`). */
  readonly node: number;
  /** Number of nodes in its connected component, itself included. */
  readonly componentSize: number;
  /** Number of parts the rest of its component falls into (≥ 2). */
  readonly parts: number;
  /** Number of nodes in the main part (see {@link articulationPoints}). */
  readonly mainPartSize: number;
  /** Countable nodes outside the main part: "removing X cuts off N municipalities". */
  readonly cutOff: number;
  /** All nodes outside the main part (equals `cutOff` when every node counts). */
  readonly cutOffNodes: number;
}

/**
 * Iterative DFS computing discovery times, low-points and parents. Calls
 * `onFinish(v, p)` when the tree edge `p → v` is retreated (children before
 * parents), and `onComponent(root, start, end)` after each tree with its
 * nodes at `order[start..end)`.
 */
function lowpointDfs(
  csr: Csr,
  onFinish: (v: number, p: number, low: Int32Array, disc: Int32Array) => void,
  onComponent?: (root: number, start: number, end: number, order: Int32Array) => void,
): void {
  const { n, offsets, targets } = csr;
  const disc = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const parent = new Int32Array(n).fill(-1);
  const next = new Int32Array(n); // next neighbour position to scan
  const stack = new Int32Array(n);
  const order = new Int32Array(n);
  let time = 0;

  for (let root = 0; root < n; root++) {
    if (disc[root] !== -1) continue;
    const start = time;
    disc[root] = low[root] = time;
    order[time++] = root;
    next[root] = offsets[root]!;
    let sp = 0;
    stack[sp++] = root;
    while (sp > 0) {
      const v = stack[sp - 1]!;
      if (next[v]! < offsets[v + 1]!) {
        const w = targets[next[v]!]!;
        next[v]!++;
        if (disc[w] === -1) {
          parent[w] = v;
          disc[w] = low[w] = time;
          order[time++] = w;
          next[w] = offsets[w]!;
          stack[sp++] = w;
        } else if (w !== parent[v] && disc[w]! < low[v]!) {
          low[v] = disc[w]!;
        }
      } else {
        sp--;
        const p = parent[v]!;
        if (p >= 0) {
          if (low[v]! < low[p]!) low[p] = low[v]!;
          onFinish(v, p, low, disc);
        }
      }
    }
    onComponent?.(root, start, time, order);
  }
}

/**
 * Bridges (cut edges), each as `[u, v]` with `u < v`, sorted by `u` then `v`.
 * Equal as a set to `nx.bridges(G)`.
 */
export function bridges(csr: Csr): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  lowpointDfs(csr, (v, p, low, disc) => {
    if (low[v]! > disc[p]!) out.push(p < v ? [p, v] : [v, p]);
  });
  return out.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

/**
 * Articulation points (cut vertices), ascending by node index, each with
 * the size of the parts its removal leaves. Equal as a set to
 * `nx.articulation_points(G)`.
 *
 * **Main part.** Removing articulation point `x` splits the rest of its
 * component into `parts` pieces. The *main part* is the piece with the most
 * countable nodes; ties go to the piece with more nodes, then to the piece
 * holding the smallest node index. `cutOff` counts the countable nodes in
 * all other pieces (`x` itself never counts), so a caller restricting
 * `countable` to municipalities reads "removing X cuts off `cutOff`
 * municipalities from the rest". With no `countable` option the main part
 * is simply the largest piece and `cutOff === cutOffNodes`.
 *
 * Piece sizes come from DFS subtree sizes, so the whole computation stays
 * `O(n + m)`.
 */
export function articulationPoints(
  csr: Csr,
  options: ArticulationOptions = {},
): ArticulationPoint[] {
  const { n } = csr;
  const countableOpt = parseKernelOptions(ArticulationOptionsSchema, options, 'articulationPoints').countable;
  const cnt = new Float64Array(n); // 1 if countable
  for (let i = 0; i < n; i++) {
    cnt[i] = countableOpt === undefined ? 1 : i < countableOpt.length && countableOpt[i] ? 1 : 0;
  }

  // Subtree aggregates (filled as children finish).
  const subSize = new Int32Array(n).fill(1);
  const subCnt = Float64Array.from(cnt);
  const subMin = new Int32Array(n);
  for (let i = 0; i < n; i++) subMin[i] = i;
  // Per node: pieces split off below it (children c with low(c) ≥ disc(x)).
  const sepChildren = new Int32Array(n);
  const sepSize = new Int32Array(n);
  const sepCnt = new Float64Array(n);
  // Best (main-part candidate) piece among the split-off children.
  const bestSize = new Int32Array(n);
  const bestCnt = new Float64Array(n).fill(-1);
  const bestMin = new Int32Array(n);

  const out: ArticulationPoint[] = [];
  const isRoot = new Uint8Array(n);
  const compSizeOf = new Int32Array(n);
  const compCntOf = new Float64Array(n);

  const better = (c1: number, s1: number, m1: number, c2: number, s2: number, m2: number) =>
    c1 > c2 || (c1 === c2 && (s1 > s2 || (s1 === s2 && m1 < m2)));

  lowpointDfs(
    csr,
    (v, p, low, disc) => {
      subSize[p] = subSize[p]! + subSize[v]!;
      subCnt[p] = subCnt[p]! + subCnt[v]!;
      if (subMin[v]! < subMin[p]!) subMin[p] = subMin[v]!;
      if (low[v]! >= disc[p]!) {
        sepChildren[p] = sepChildren[p]! + 1;
        sepSize[p] = sepSize[p]! + subSize[v]!;
        sepCnt[p] = sepCnt[p]! + subCnt[v]!;
        if (better(subCnt[v]!, subSize[v]!, subMin[v]!, bestCnt[p]!, bestSize[p]!, bestMin[p]!)) {
          bestCnt[p] = subCnt[v]!;
          bestSize[p] = subSize[v]!;
          bestMin[p] = subMin[v]!;
        }
      }
    },
    (root, start, end, order) => {
      isRoot[root] = 1;
      const size = end - start;
      const total = subCnt[root]!;
      for (let t = start; t < end; t++) {
        const x = order[t]!;
        compSizeOf[x] = size;
        compCntOf[x] = total;
      }
    },
  );

  for (let x = 0; x < n; x++) {
    const root = isRoot[x] === 1;
    const k = sepChildren[x]!;
    if (root ? k < 2 : k < 1) continue;
    const size = compSizeOf[x]!;
    const rest = size - 1; // nodes left in the component without x
    const restCnt = compCntOf[x]! - cnt[x]!;
    let mainSize = bestSize[x]!;
    let mainCnt = bestCnt[x]!;
    let parts = k;
    if (!root) {
      // The piece above x holds the DFS root, the component's smallest index,
      // so it wins every remaining tie.
      parts++;
      const upSize = rest - sepSize[x]!;
      const upCnt = restCnt - sepCnt[x]!;
      if (better(upCnt, upSize, -1, mainCnt, mainSize, bestMin[x]!)) {
        mainSize = upSize;
        mainCnt = upCnt;
      }
    }
    out.push({
      node: x,
      componentSize: size,
      parts,
      mainPartSize: mainSize,
      cutOff: restCnt - mainCnt,
      cutOffNodes: rest - mainSize,
    });
  }
  return out;
}
