import type { CooperationNetwork } from '../model/network.js';
import { csrFromEdges, type Csr } from '../metrics/csr.js';
import { linkScores as linkScoresKernel, type LinkPredictionMethod } from '../metrics/link-prediction.js';
import { createRng, shuffled, type Rng } from '../metrics/random.js';
import { ArgumentError } from '../model/errors.js';
import { said, saidIn } from '../model/options.js';

/** The methods of the tie protocols on a plain graph: the neighbourhood indices and random (no geography, no municipality model). */
export const PLAIN_METHODS = ['common_neighbours', 'jaccard', 'adamic_adar', 'resource_allocation', 'preferential_attachment', 'random'] as const;
export type PlainMethod = (typeof PLAIN_METHODS)[number];

/** At most this many candidate pairs (every pair of actors not tied in training) in one split. */
export const PLAIN_MAX_PAIRS = 5_000_000;

/**
 * One held-out split of a plain graph: the actor graph with the hidden
 * edges removed, and every pair of actors that is not a training edge,
 * labelled 1 when it is a hidden edge.
 */
export interface PlainSplit {
  readonly training: Csr;
  readonly pairs: readonly (readonly [number, number])[];
  readonly labels: Uint8Array;
  readonly hiddenCount: Int32Array;
  readonly outside: number;
  readonly rng: Rng;
}

/** The actor graph's edges as index pairs (`i < j`), in index order, and the actor ids. */
function edgesOf(net: CooperationNetwork): { ids: string[]; edges: [number, number][] } {
  const ids = net.actors().map((a) => a.id);
  const index = new Map(ids.map((id, i) => [id, i]));
  const keys = new Set<number>();
  const edges: [number, number][] = [];
  const n = ids.length;
  for (const l of net.links) {
    const a = index.get(l.source)!;
    const b = index.get(l.target)!;
    const [i, j] = a < b ? [a, b] : [b, a];
    const key = i * n + j;
    if (keys.has(key)) continue;
    keys.add(key);
    edges.push([i, j]);
  }
  return { ids, edges: edges.sort((p, q) => p[0] - q[0] || p[1] - q[1]) };
}

/** A split from the edges kept for training and the hidden ones. */
function splitOf(ids: readonly string[], kept: readonly (readonly [number, number])[], hidden: readonly (readonly [number, number])[], rng: Rng): PlainSplit {
  const n = ids.length;
  if ((n * (n - 1)) / 2 > PLAIN_MAX_PAIRS) {
    throw new ArgumentError(saidIn('evaluateRecommender', said('errors.evaluate.tooManyPairs', { n, pairs: (n * (n - 1)) / 2, max: PLAIN_MAX_PAIRS })));
  }
  const ends = new Int32Array(kept.length * 2);
  kept.forEach(([i, j], e) => {
    ends[2 * e] = i;
    ends[2 * e + 1] = j;
  });
  const training = csrFromEdges([...ids], ends, null);
  const isKept = new Set(kept.map(([i, j]) => i * n + j));
  const isHidden = new Set(hidden.map(([i, j]) => i * n + j));
  const pairs: [number, number][] = [];
  const labels: number[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (isKept.has(i * n + j)) continue;
      pairs.push([i, j]);
      labels.push(isHidden.has(i * n + j) ? 1 : 0);
    }
  }
  const hiddenCount = new Int32Array(n);
  for (const [i, j] of hidden) {
    hiddenCount[i]!++;
    hiddenCount[j]!++;
  }
  return { training, pairs, labels: Uint8Array.from(labels), hiddenCount, outside: 0, rng };
}

/**
 * The splits of the tie protocols on a plain graph (no geography): each
 * repeat hides a seeded random `fraction` of the actor graph's edges (at
 * least one hidden, one kept); with `since`, training is the graph of the
 * links active on that date and the hidden edges are those of the links
 * still running after it that it lacks. The candidates are every pair of
 * actors that is not a training edge.
 */
export function plainSplits(net: CooperationNetwork, o: { fraction: number; repeats: number; seed: number; since?: string | undefined }): PlainSplit[] {
  const { ids, edges } = edgesOf(net);
  if (o.since !== undefined) {
    const since = o.since;
    const before = new Set(edgesOf(net.asOf(since)).edges.map(([i, j]) => `${i},${j}`));
    const later = edgesOf(net.filterLinks((l) => l.until === undefined || l.until > since)).edges.filter(([i, j]) => !before.has(`${i},${j}`));
    if (later.length === 0) throw new ArgumentError(saidIn('evaluateRecommender', said('errors.evaluate.noEdgeSince', { date: since })));
    const kept = edgesOf(net.asOf(since)).edges;
    return Array.from({ length: o.repeats }, (_, r) => splitOf(ids, kept, later, createRng(o.seed + r)));
  }
  if (edges.length < 2) throw new ArgumentError(saidIn('evaluateRecommender', said('errors.evaluate.tooFewEdges', { n: edges.length })));
  return Array.from({ length: o.repeats }, (_, r) => {
    const rng = createRng(o.seed + r);
    const count = Math.min(edges.length - 1, Math.max(1, Math.round(o.fraction * edges.length)));
    const order = shuffled(edges, rng);
    const hidden = order.slice(0, count).sort((p, q) => p[0] - q[0] || p[1] - q[1]);
    const kept = order.slice(count).sort((p, q) => p[0] - q[0] || p[1] - q[1]);
    return splitOf(ids, kept, hidden, rng);
  });
}

/** A method's symmetric scores of a plain split's pairs (per pair, and per direction for each actor's list). */
export function plainScores(split: PlainSplit, method: PlainMethod): { pair: Float64Array; directed: Float64Array } {
  const pair = method === 'random' ? Float64Array.from(split.pairs, () => split.rng()) : linkScoresKernel(split.training, split.pairs, method satisfies LinkPredictionMethod);
  const directed = new Float64Array(pair.length * 2);
  for (let e = 0; e < pair.length; e++) directed[2 * e] = directed[2 * e + 1] = pair[e]!;
  return { pair, directed };
}
