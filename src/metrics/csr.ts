import type { AbstractGraph, Attributes } from 'graphology-types';
import { z } from 'zod';
import { csrFromEdges, type Csr } from '../model/csr.js';
import { parseKernelOptions, refusal } from '../model/options.js';

// The kernels' view and its builder live in the model layer (one builder for every layer); re-exported here, where the kernels import them.
export { csrFromEdges, type Csr };

/** Options of {@link toCsr}. Strict: a wrong value or an unknown key throws a `KernelOptionsError` (a `RangeError`) naming it. */
export const CsrOptionsSchema = z.strictObject({
  /** Edge attribute holding the weight; missing or non-positive values count as 1. Default `'weight'`. */
  weightAttribute: z.string().default('weight'),
  /**
   * Restrict to these node keys (in this order, each once). Edges to nodes
   * outside the set are dropped. Default: every node, in graph order.
   */
  nodes: z
    .array(z.string())
    .readonly()
    .refine((nodes) => new Set(nodes).size === nodes.length, refusal('options.nodeTwice'))
    .optional(),
});
/** Options of {@link toCsr}, as given (see {@link CsrOptionsSchema}). */
export type CsrOptions = z.input<typeof CsrOptionsSchema>;

/**
 * Build a CSR view of an undirected graph. Self-loops are ignored, and
 * parallel edges (in a multigraph) are merged by summing their weights.
 */
export function toCsr(
  graph: AbstractGraph<Attributes, Attributes, Attributes>,
  options: CsrOptions = {},
): Csr {
  const o = parseKernelOptions(CsrOptionsSchema, options, 'toCsr');
  const weightAttribute = o.weightAttribute;
  const ids = o.nodes ? [...o.nodes] : graph.nodes();
  const index = new Map<string, number>();
  ids.forEach((id, i) => index.set(id, i));
  const ends = new Int32Array(2 * graph.size);
  const weights = new Float64Array(graph.size);
  let e = 0;
  graph.forEachEdge((_edge, attributes, source, target) => {
    const s = index.get(source);
    const t = index.get(target);
    if (s === undefined || t === undefined) return;
    ends[2 * e] = s;
    ends[2 * e + 1] = t;
    const raw: unknown = attributes[weightAttribute];
    weights[e++] = typeof raw === 'number' ? raw : NaN; // read as 1
  });
  return csrFromEdges(ids, ends.subarray(0, 2 * e), weights.subarray(0, e), index);
}

/**
 * The position of `v` in `u`'s (sorted) neighbour list, or -1: a binary
 * search, for the common neighbours of a tie seen from its smaller end.
 */
export function arcIndex(csr: Csr, u: number, v: number): number {
  let lo = csr.offsets[u]!;
  let hi = csr.offsets[u + 1]! - 1;
  const t = csr.targets;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const x = t[mid]!;
    if (x === v) return mid;
    if (x < v) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Degree (number of distinct neighbours) of node `i`. */
export function csrDegree(csr: Csr, i: number): number {
  return csr.offsets[i + 1]! - csr.offsets[i]!;
}

/**
 * The subgraph induced by the nodes `keep` (indices into `csr`, in the order
 * they should have in the result): edges between kept nodes, with their
 * weights. Neighbour lists stay sorted by the new indices.
 */
export function inducedCsr(csr: Csr, keep: readonly number[]): Csr {
  const position = new Int32Array(csr.n).fill(-1);
  keep.forEach((old, i) => (position[old] = i));
  const n = keep.length;
  const offsets = new Int32Array(n + 1);
  const lists: [number, number][][] = keep.map((old) => {
    const list: [number, number][] = [];
    for (let j = csr.offsets[old]!; j < csr.offsets[old + 1]!; j++) {
      const t = position[csr.targets[j]!]!;
      if (t >= 0) list.push([t, csr.weights[j]!]);
    }
    return list.sort((a, b) => a[0] - b[0]);
  });
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i]! + lists[i]!.length;
  const targets = new Int32Array(offsets[n]!);
  const weights = new Float64Array(offsets[n]!);
  lists.forEach((list, i) => list.forEach(([t, w], k) => ((targets[offsets[i]! + k] = t), (weights[offsets[i]! + k] = w))));
  const ids = keep.map((old) => csr.ids[old]!);
  return { n, m: offsets[n]! / 2, ids, index: new Map(ids.map((id, i) => [id, i])), offsets, targets, weights };
}
