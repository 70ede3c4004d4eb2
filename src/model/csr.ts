/**
 * The one CSR builder: every compact graph (the metric kernels' views, the
 * border graph of a geography, the recommender's tie graphs) is made here,
 * so all of them follow one convention (sorted neighbour lists, merged
 * parallel edges, weights read as 1 when missing). In the model layer
 * because geography (geo) and the metrics both need it.
 */

/**
 * Compressed sparse row (CSR) view of an undirected, simple graph.
 *
 * The metric kernels run on typed arrays instead of graphology's object
 * graph: a breadth-first search over `Int32Array`s is several times faster
 * and allocates nothing per step. Node `i` is `ids[i]`; its neighbours are
 * `targets[offsets[i] .. offsets[i + 1])`, with the matching edge weights in
 * `weights`. Nodes are numbered in the graph's insertion order and each
 * neighbour list is sorted by index, so every kernel visits nodes in the same
 * order on every run (results are deterministic, including float rounding).
 */
export interface Csr {
  /** Number of nodes. */
  readonly n: number;
  /** Number of undirected edges (each stored twice in `targets`). */
  readonly m: number;
  /** Node keys, by index. */
  readonly ids: readonly string[];
  /** Node key → index. A `Map`, so keys such as `__proto__` are safe. */
  readonly index: ReadonlyMap<string, number>;
  /** Length `n + 1`; neighbours of `i` are at `offsets[i] .. offsets[i + 1] - 1`. */
  readonly offsets: Int32Array;
  /** Neighbour indices, length `2m`. */
  readonly targets: Int32Array;
  /** Edge weights aligned with `targets` (1 when the graph has none). */
  readonly weights: Float64Array;
}

/**
 * Build a CSR from an edge list: edge `e` joins `ends[2e]` and `ends[2e + 1]`
 * (indices into `ids`, or -1 to drop the edge) with weight `weights[e]`.
 * The conventions of `toCsr` (metrics/csr.ts): self-loops dropped, parallel edges
 * merged by summing their weights (in edge order), missing, non-finite or
 * non-positive weights read as 1, neighbour lists sorted by index. Two
 * stable counting sorts (by target, then by source): O(n + m), no per-node
 * maps, so a million edges take a fraction of a second.
 */
export function csrFromEdges(ids: readonly string[], ends: Int32Array, weights: Float64Array | null, index?: ReadonlyMap<string, number>): Csr {
  const n = ids.length;
  const edges = ends.length >> 1;
  // Arcs in both directions, skipping self-loops and dropped ends.
  const count = new Int32Array(n + 1);
  let arcs = 0;
  for (let e = 0; e < edges; e++) {
    const a = ends[2 * e]!;
    const b = ends[2 * e + 1]!;
    if (a < 0 || b < 0 || a === b) continue;
    count[b + 1]!++;
    count[a + 1]!++;
    arcs += 2;
  }
  // Pass 1: arcs bucketed by target (stable: edge order within a bucket),
  // each as its edge alone (its source is the edge's other end, its weight
  // the edge's): one array, not three (issue 16: 24 MB less at a million
  // pairs, and each large typed array also pushes V8 towards a full GC).
  for (let i = 0; i < n; i++) count[i + 1]! += count[i]!;
  const byTarget = new Int32Array(arcs);
  const fill = count.slice(0, n);
  for (let e = 0; e < edges; e++) {
    const a = ends[2 * e]!;
    const b = ends[2 * e + 1]!;
    if (a < 0 || b < 0 || a === b) continue;
    byTarget[fill[b]!++] = e;
    byTarget[fill[a]!++] = e;
  }
  // Pass 2: stable by source, so each row is sorted by target. `count` still
  // holds the per-node arc counts as prefix sums (degrees are symmetric).
  const rowFill = fill;
  rowFill.set(count.subarray(0, n)); // pass 1's fill pointers, reset to the row starts
  const rowTarget = new Int32Array(arcs);
  const rowWeight = new Float64Array(arcs);
  for (let t = 0; t < n; t++) {
    const end = count[t + 1]!;
    for (let k = count[t]!; k < end; k++) {
      const e = byTarget[k]!;
      const a = ends[2 * e]!;
      const s = a === t ? ends[2 * e + 1]! : a;
      const w = weights === null ? 1 : weights[e]!;
      const j = rowFill[s]!++;
      rowTarget[j] = t;
      rowWeight[j] = Number.isFinite(w) && w > 0 ? w : 1;
    }
  }
  // Merge parallel arcs (equal neighbours are adjacent now), summing weights.
  const offsets = new Int32Array(n + 1);
  let out = 0;
  for (let i = 0; i < n; i++) {
    const end = count[i + 1]!;
    for (let k = count[i]!; k < end; k++) {
      if (out > offsets[i]! && rowTarget[out - 1] === rowTarget[k]) rowWeight[out - 1]! += rowWeight[k]!;
      else {
        rowTarget[out] = rowTarget[k]!;
        rowWeight[out++] = rowWeight[k]!;
      }
    }
    offsets[i + 1] = out;
  }
  const targets = out === arcs ? rowTarget : rowTarget.slice(0, out);
  const merged = out === arcs ? rowWeight : rowWeight.slice(0, out);
  const idList = [...ids];
  return { n, m: out / 2, ids: idList, index: index ?? new KeyIndex(idList), offsets, targets, weights: merged };
}

/**
 * The map of a CSR's node keys to their indices, made on its first use
 * (issue 16): few analyses look nodes up by key, and at half a million
 * nodes the map costs a quarter of a second.
 */
class KeyIndex implements ReadonlyMap<string, number> {
  #map: Map<string, number> | undefined;
  constructor(private readonly ids: readonly string[]) {}

  #made(): Map<string, number> {
    if (this.#map === undefined) {
      const map = new Map<string, number>();
      this.ids.forEach((id, i) => map.set(id, i));
      this.#map = map;
    }
    return this.#map;
  }

  get(key: string): number | undefined {
    return this.#made().get(key);
  }

  has(key: string): boolean {
    return this.#made().has(key);
  }

  get size(): number {
    return this.#made().size;
  }

  forEach(callback: (value: number, key: string, map: ReadonlyMap<string, number>) => void, thisArg?: unknown): void {
    this.#made().forEach((value, key) => callback.call(thisArg, value, key, this));
  }

  entries(): MapIterator<[string, number]> {
    return this.#made().entries();
  }

  keys(): MapIterator<string> {
    return this.#made().keys();
  }

  values(): MapIterator<number> {
    return this.#made().values();
  }

  [Symbol.iterator](): MapIterator<[string, number]> {
    return this.#made()[Symbol.iterator]();
  }
}

/**
 * Build a CSR from symmetric adjacency lists (`lists[i]`: the neighbour
 * indices of node `i`, in any order, each edge listed from both ends), with
 * the conventions of {@link csrFromEdges} and unit weights. Each edge is
 * read once, from its smaller end.
 */
export function csrFromLists(ids: readonly string[], lists: readonly (Iterable<number> | undefined)[], index?: ReadonlyMap<string, number>): Csr {
  const ends: number[] = [];
  lists.forEach((list, i) => {
    for (const j of list ?? []) if (j > i) ends.push(i, j);
  });
  return csrFromEdges(ids, Int32Array.from(ends), null, index);
}
