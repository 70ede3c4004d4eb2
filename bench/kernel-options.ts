/**
 * What parsing a kernel's options costs: each kernel's strict zod schema is
 * parsed once per call, at its entry (never per source, per pair or per
 * iteration). This times, in the same run, a call of each kernel on a small
 * graph (where the parse weighs most) and the parse of the same options
 * alone, and prints parse / call.
 *
 *   npx tsx bench/kernel-options.ts [--nodes 290] [--degree 6] [--calls 2000] [--runs 5]
 *
 * The graph is a seeded random graph of `nodes` nodes with mean degree
 * `degree` (the default is about a municipality projection of one country).
 * Times are medians over `runs` batches of `calls` calls each, after one
 * warm-up batch. `linkScores, 1 pair` is the worst case: one pair per call.
 */
import { UndirectedGraph } from 'graphology';
import { parseKernelOptions } from '../src/model/options.js';
import { ArticulationOptionsSchema, articulationPoints } from '../src/metrics/articulation.js';
import { BetweennessOptionsSchema, betweennessCentrality } from '../src/metrics/betweenness.js';
import { BrokerageRoleOptionsSchema, brokerageRoles } from '../src/metrics/brokerage-roles.js';
import { ClosenessOptionsSchema, closenessCentrality } from '../src/metrics/closeness.js';
import { LouvainOptionsSchema, louvainCommunities } from '../src/metrics/communities.js';
import { csrFromEdges, CsrOptionsSchema, toCsr } from '../src/metrics/csr.js';
import { EigenvectorOptionsSchema, eigenvectorCentrality } from '../src/metrics/eigenvector.js';
import { LinkScoresArgumentsSchema, linkScores } from '../src/metrics/link-prediction.js';
import { PagerankOptionsSchema, pagerank } from '../src/metrics/pagerank.js';
import { createRng } from '../src/metrics/random.js';
import { StructuralHoleOptionsSchema, burtConstraint } from '../src/metrics/structural-holes.js';
import { formatTable, median, positiveArg } from './lib/measure.js';
import type { z } from 'zod';

const NODES = Math.floor(positiveArg('nodes', 290));
const DEGREE = positiveArg('degree', 6);
const CALLS = Math.floor(positiveArg('calls', 2000));
const RUNS = Math.floor(positiveArg('runs', 5));

// A seeded random graph (Erdős–Rényi with the given mean degree).
const rng = createRng(1);
const ends: number[] = [];
const weights: number[] = [];
const p = DEGREE / (NODES - 1);
for (let u = 0; u < NODES; u++) {
  for (let v = u + 1; v < NODES; v++) {
    if (rng() < p) {
      ends.push(u, v);
      weights.push(1 + Math.floor(rng() * 10));
    }
  }
}
const ids = Array.from({ length: NODES }, (_, i) => `n${i}`);
const csr = csrFromEdges(ids, Int32Array.from(ends), Float64Array.from(weights));
const graph = new UndirectedGraph();
for (const id of ids) graph.addNode(id);
for (let e = 0; e < weights.length; e++) graph.addEdge(ids[ends[2 * e]!]!, ids[ends[2 * e + 1]!]!, { weight: weights[e]! });
const groups = ids.map((_, i) => `g${i % 21}`);
const pairs: [number, number][] = Array.from({ length: NODES }, (_, i) => [i, (i * 7 + 3) % NODES]);
const countable = ids.map((_, i) => i % 3 !== 0);

/** Median milliseconds per call of `fn`, over `RUNS` batches of `calls` calls, after a warm-up batch. */
function perCall(fn: () => unknown, calls: number): number {
  for (let i = 0; i < calls; i++) fn();
  const batches: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    for (let i = 0; i < calls; i++) fn();
    batches.push((performance.now() - t0) / calls);
  }
  return median(batches);
}

interface Case {
  kernel: string;
  call: () => unknown;
  schema: z.ZodType;
  options: unknown;
  /** Fewer calls for the slow kernels (a whole sweep per call). */
  calls?: number;
}

const CASES: Case[] = [
  { kernel: 'pagerank', call: () => pagerank(csr, { alpha: 0.85 }), schema: PagerankOptionsSchema, options: { alpha: 0.85 } },
  { kernel: 'eigenvectorCentrality', call: () => eigenvectorCentrality(csr, { maxIterations: 1000 }), schema: EigenvectorOptionsSchema, options: { maxIterations: 1000 } },
  { kernel: 'betweennessCentrality', call: () => betweennessCentrality(csr, { weighted: true }), schema: BetweennessOptionsSchema, options: { weighted: true }, calls: 20 },
  { kernel: 'closenessCentrality', call: () => closenessCentrality(csr, { weighted: false }), schema: ClosenessOptionsSchema, options: { weighted: false }, calls: 20 },
  { kernel: 'louvainCommunities', call: () => louvainCommunities(csr, { seed: 7 }), schema: LouvainOptionsSchema, options: { seed: 7 }, calls: 200 },
  { kernel: 'burtConstraint', call: () => burtConstraint(csr, { weighted: true }), schema: StructuralHoleOptionsSchema, options: { weighted: true } },
  { kernel: 'brokerageRoles', call: () => brokerageRoles(csr, groups, { ungrouped: 'skip' }), schema: BrokerageRoleOptionsSchema, options: { ungrouped: 'skip' } },
  { kernel: 'articulationPoints', call: () => articulationPoints(csr, { countable }), schema: ArticulationOptionsSchema, options: { countable } },
  { kernel: 'toCsr', call: () => toCsr(graph, { weightAttribute: 'weight' }), schema: CsrOptionsSchema, options: { weightAttribute: 'weight' } },
  { kernel: `linkScores, ${NODES} pairs`, call: () => linkScores(csr, pairs, 'jaccard'), schema: LinkScoresArgumentsSchema, options: { method: 'jaccard' } },
  { kernel: 'linkScores, 1 pair', call: () => linkScores(csr, [pairs[0]!], 'jaccard'), schema: LinkScoresArgumentsSchema, options: { method: 'jaccard' }, calls: 20 * CALLS },
];

console.log(`graph: ${csr.n} nodes, ${csr.m} links; median of ${RUNS} batches per row after a warm-up batch; node ${process.version}`);
const rows = CASES.map(({ kernel, call, schema, options, calls }) => {
  const n = calls ?? CALLS;
  const callMs = perCall(call, n);
  const parseMs = perCall(() => parseKernelOptions(schema, options, kernel), Math.max(n, CALLS));
  return {
    kernel,
    'call µs': (callMs * 1000).toFixed(1),
    'parse µs': (parseMs * 1000).toFixed(2),
    'parse / call': `${((100 * parseMs) / callMs).toFixed(2)} %`,
  };
});
console.log(formatTable(rows));
