import type { Csr } from './csr.js';

/**
 * Connected components of an undirected graph (breadth-first search,
 * `O(n + m)` time, no recursion).
 *
 * Conventions:
 * - Weights are ignored; an isolated node is a component of size 1.
 * - Components are numbered by size, largest first; equal sizes are ordered
 *   by their smallest node index. So `labels[i] === 0` means "in the largest
 *   component", and the numbering is identical on every run.
 * - Empty graph: `count` 0, no components.
 *
 * @module
 */

/** Result of {@link connectedComponents}. */
export interface ConnectedComponents {
  /** Number of components (0 for the empty graph). */
  readonly count: number;
  /** Component number per node, aligned with `csr.ids` (0 = largest). */
  readonly labels: Int32Array;
  /**
   * Node indices per component, each ascending; `components[k]` is component
   * `k` (sorted by size descending, then smallest node index).
   */
  readonly components: number[][];
}

/**
 * Label the connected components. Equivalent to
 * `nx.connected_components(G)` up to the ordering, which here is
 * deterministic (size descending, then smallest node index).
 */
export function connectedComponents(csr: Csr): ConnectedComponents {
  const { n, offsets, targets } = csr;
  const raw = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  const rawSize: number[] = [];
  // Roots are taken in index order, so raw component k's smallest index is its root,
  // and roots increase with k.
  for (let r = 0; r < n; r++) {
    if (raw[r] !== -1) continue;
    const k = rawSize.length;
    raw[r] = k;
    let head = 0;
    let tail = 0;
    queue[tail++] = r;
    while (head < tail) {
      const v = queue[head++]!;
      for (let j = offsets[v]!; j < offsets[v + 1]!; j++) {
        const w = targets[j]!;
        if (raw[w] === -1) {
          raw[w] = k;
          queue[tail++] = w;
        }
      }
    }
    rawSize.push(tail);
  }

  // Stable sort by size desc keeps ties in root (= smallest index) order.
  const order = rawSize.map((_, k) => k).sort((a, b) => rawSize[b]! - rawSize[a]! || a - b);
  const rank = new Int32Array(order.length);
  order.forEach((k, r) => (rank[k] = r));

  const labels = new Int32Array(n);
  const components: number[][] = order.map(() => []);
  for (let i = 0; i < n; i++) {
    const c = rank[raw[i]!]!;
    labels[i] = c;
    components[c]!.push(i);
  }
  return { count: components.length, labels, components };
}
