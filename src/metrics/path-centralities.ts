import { sweep, SWEEP, type SweepJob, type SweepOutput } from './brandes-sweep.js';
import { connectedComponents } from './components.js';
import type { Csr } from './csr.js';
import { createRng } from './random.js';
import { nodeBuiltin } from '../model/runtime.js';
import { KernelOptionsError, parseKernelOptions, ProgressSchema, said, SampleCountSchema, SeedSchema, ThreadCountSchema } from '../model/options.js';
import { WorkerError } from '../model/errors.js';
import { z } from 'zod';

/** The three shortest-path measures one sweep computes. */
export const PATH_MEASURES = ['betweenness', 'closeness', 'harmonic'] as const;
export type PathMeasure = (typeof PATH_MEASURES)[number];

/**
 * Above this much work, `samples: 'auto'` samples sources instead of
 * searching from every node. The work of an exact sweep is counted as
 * `n × m` (nodes × links); a sweep costs about 20–40 ns per unit on one core
 * of a 2020s machine, so 100 million is 2–4 s (a 10 000-node, 40 000-link
 * graph, 4 × 10^8, takes about 9 s).
 */
export const AUTO_EXACT_WORK = 100_000_000;

/**
 * From this much work (sources × links) on, `workers: 'auto'` uses
 * {@link AUTO_WORKERS} threads: below it, starting the threads costs about as
 * much as they save (bench/README.md: 1.3× faster on the demo's 10 million,
 * 1.75× from 50 million up, on 2 cores).
 */
export const AUTO_WORKERS_WORK = 20_000_000;

/**
 * Threads `workers: 'auto'` uses on large graphs: always this many, whatever
 * the machine, so that results are the same on every machine (the partial
 * sums depend on the number of threads, not on the cores).
 */
export const AUTO_WORKERS = 2;

/** The fewest sources `samples: 'auto'` uses when it samples. */
export const AUTO_MIN_SAMPLES = 500;

/**
 * Components of at most this many nodes are always searched from every node,
 * also when sampling: they cost little, and a sample of two or three sources
 * would estimate their nodes badly.
 */
export const SMALL_COMPONENT = 64;

/**
 * Options of {@link pathCentralities} (strict: a wrong value or an unknown
 * key throws a `KernelOptionsError`, a `RangeError` naming the option). The
 * single-measure kernels take parts of it: `BetweennessOptionsSchema` (all
 * but `measures`), `DistanceCentralitiesOptionsSchema` (`weighted`,
 * `workers`), `ClosenessOptionsSchema` and `HarmonicOptionsSchema`
 * (`weighted`).
 */
export const PathCentralitiesOptionsSchema = z.strictObject({
  /** Which measures to compute. Default all three. Each costs little once the searches are done. */
  measures: z.array(z.enum(PATH_MEASURES)).readonly().default([...PATH_MEASURES]),
  /**
   * Edge length `1 / weight` (weights are strengths: strong ties are short)
   * instead of 1. Default `false`, as NetworkX's `weight=None`; `true` equals
   * NetworkX with a `distance = 1 / weight` attribute (which, like
   * graphology-metrics, reads its weight attribute as a distance).
   */
  weighted: z.boolean().default(false),
  /**
   * Betweenness divided by `(n − 1)(n − 2)` ordered pairs, as NetworkX
   * (`normalized=True`). Default `true`. When `false`, each unordered pair
   * `{s, t}` counts once.
   */
  normalized: z.boolean().default(true),
  /**
   * Search from a seeded sample of about this many source nodes instead of
   * every node, and scale the sums up (see {@link pathCentralities}).
   * `'exact'` (default): every node is a source. `'auto'`: exact up to
   * {@link AUTO_EXACT_WORK}, otherwise `max(AUTO_MIN_SAMPLES, AUTO_EXACT_WORK / m)`
   * sources. A number at least `n` means exact.
   */
  samples: SampleCountSchema.default('exact'),
  /** Seed of the source sample (an integer). Default 1. Ignored when exact. */
  seed: SeedSchema,
  /**
   * Worker threads to spread the sources over (Node.js only). Default 1: the
   * calling thread does everything. `'auto'`: {@link AUTO_WORKERS} threads
   * when the sweep's work (sources × links) is at least
   * {@link AUTO_WORKERS_WORK}, else 1, and 1 where `node:worker_threads` is
   * missing (browsers). Results are deterministic for a given number of
   * threads, and differ from one thread's only in the last bits of
   * floating-point sums (partial sums are added in thread order).
   */
  workers: ThreadCountSchema.default(1),
  /** Called with `(done, total)` sources as the sweep advances (about 100 times in all). */
  onProgress: ProgressSchema,
});
/** Options of {@link pathCentralities}, as given (see {@link PathCentralitiesOptionsSchema}). */
export type PathCentralitiesOptions = z.input<typeof PathCentralitiesOptionsSchema>;
/** Options of the sweep, parsed: every default filled in. Internal. */
export type PathSweepOptions = z.output<typeof PathCentralitiesOptionsSchema>;
/** The parsed defaults, for the kernels that take a part of the options. Internal. */
export const PATH_DEFAULTS: PathSweepOptions = PathCentralitiesOptionsSchema.parse({});

/** How a {@link pathCentralities} result was computed: exactly, or from a sample of sources. */
export interface PathSampling {
  /** True when every node was a source. */
  exact: boolean;
  /** Number of source nodes searched. */
  sources: number;
  /** Number of nodes in the graph. */
  nodes: number;
  /** Seed of the sample; `null` when exact. */
  seed: number | null;
  /**
   * Hoeffding bound on the absolute error of each normalised betweenness
   * value at 95 % confidence (see {@link pathCentralities}); 0 when exact.
   * It holds per node; typical errors are much smaller (bench/README.md).
   */
  betweennessErrorBound: number;
}

/** Result of {@link pathCentralities}: one array per requested measure, aligned with `csr.ids`. */
export interface PathCentralities {
  betweenness?: Float64Array;
  closeness?: Float64Array;
  harmonic?: Float64Array;
  sampling: PathSampling;
  /** Threads the sweep ran on (1: the calling thread only). */
  threads: number;
}

/** The sources `samples: 'auto'` would search on this graph, or `null` for exact. */
export function autoSamples(csr: Pick<Csr, 'n' | 'm'>): number | null {
  if (csr.n * csr.m <= AUTO_EXACT_WORK) return null;
  const k = Math.max(AUTO_MIN_SAMPLES, Math.floor(AUTO_EXACT_WORK / Math.max(1, csr.m)));
  return k >= csr.n ? null : k;
}

/**
 * Betweenness, closeness and harmonic centrality from one shortest-path
 * search per source (Brandes 2001): the search that gives a source's
 * dependencies also gives its distances, so asking for all three costs one
 * sweep, where libraries that compute them separately make three. See
 * `betweennessCentrality`, `closenessCentrality` and `harmonicCentrality`
 * for the definitions; exact results are bit-identical to those kernels and
 * to NetworkX (one thread).
 *
 * **Sampling** (`samples: k`): sources are drawn per connected component,
 * stratified: a component `C` of `|C| > SMALL_COMPONENT` nodes gets
 * `k_C = max(2, round(k·|C|/n))` sources drawn uniformly without
 * replacement with the seeded generator (smaller components, and components
 * with `k_C ≥ |C|`, are searched from every node). Then:
 * - betweenness: `b̂(v) = Σ_{s ∈ S_C} (|C| / k_C) δ_s(v)`, the unbiased
 *   estimator of Brandes & Pich ("Centrality estimation in large networks",
 *   Int. J. Bifurcation and Chaos 17(7), 2007; NetworkX's `k=` uses the same
 *   scaling, `n / k`, without the strata). Each normalised term lies in
 *   `[0, R]` with `R = |C|(|C| − 2) / ((n − 1)(n − 2))`, so by Hoeffding's
 *   inequality (which holds for sampling without replacement, Hoeffding
 *   1963) `|b̂(v) − b(v)| ≤ R √(ln(2/0.05) / (2 k_C))` with probability 95 %
 *   for each node: {@link PathSampling.betweennessErrorBound}.
 * - harmonic and closeness (Eppstein & Wang, "Fast approximation of
 *   centrality", J. Graph Algorithms Appl. 8(1), 2004): a source's own
 *   value is exact (its search gives all its distances). For any other node
 *   `u`, the `k_C` sources are a uniform sample of `C \ {u}`, so
 *   `((|C| − 1) / k_C) Σ_{s} 1/d(s, u)` is an unbiased estimate of its
 *   harmonic centrality, and `((|C| − 1) / k_C) Σ_{s} d(s, u)` of its distance
 *   sum, whose inverse (Wasserman–Faust scaled, with the exact component
 *   size) is its closeness estimate. Nodes in small components are exact.
 *
 * Sources are searched in ascending index order, so the same graph, options
 * and seed give bit-identical output.
 *
 * @returns The requested measures and how they were computed.
 */
export function pathCentralities(csr: Csr, options: PathCentralitiesOptions = {}): PathCentralities {
  return sweepCentralities(csr, parseKernelOptions(PathCentralitiesOptionsSchema, options, 'pathCentralities'));
}

/** {@link pathCentralities} on parsed options: what the kernels built on it call, once parsed at their own entry. Internal. */
export function sweepCentralities(csr: Csr, options: PathSweepOptions): PathCentralities {
  const n = csr.n;
  const measures = new Set(options.measures);
  const normalized = options.normalized;
  let workers = options.workers === 'auto' ? 1 : options.workers;
  const seed = options.seed;
  const requested = options.samples === 'auto' ? autoSamples(csr) : options.samples === 'exact' ? null : options.samples;
  const plan = planSources(csr, requested, seed);
  const exact = plan.exact;

  let flags = 0;
  if (measures.has('betweenness')) flags |= SWEEP.betweenness;
  if (measures.has('closeness')) flags |= exact ? SWEEP.selfCloseness : SWEEP.selfCloseness | SWEEP.distance;
  if (measures.has('harmonic')) flags |= exact ? SWEEP.inverseDistance : SWEEP.inverseDistance | SWEEP.selfHarmonic;

  const job: SweepJob = {
    n,
    offsets: csr.offsets,
    targets: csr.targets,
    lengths: options.weighted ? inverseLengths(csr.weights) : null,
    sources: plan.sources,
    sourceWeights: plan.weights,
    first: 0,
    stride: 1,
    flags,
  };
  const total = plan.sources.length;
  if (options.workers === 'auto' && total * csr.m >= AUTO_WORKERS_WORK && hasWorkerThreads()) workers = AUTO_WORKERS;
  const sums = n === 0 ? emptyOutput(0) : workers > 1 && total > 1 ? sweepInWorkers(job, Math.min(workers, total), options.onProgress) : sweepHere(job, options.onProgress);

  const threads = n > 0 && workers > 1 && total > 1 ? Math.min(workers, total) : 1;
  const result: PathCentralities = {
    threads,
    sampling: {
      exact,
      sources: total,
      nodes: n,
      seed: exact ? null : seed,
      betweennessErrorBound: exact ? 0 : plan.errorBound,
    },
  };
  if (measures.has('betweenness')) result.betweenness = rescaleBetweenness(sums.betweenness, n, normalized);
  if (exact) {
    if (measures.has('closeness')) result.closeness = sums.selfCloseness;
    if (measures.has('harmonic')) result.harmonic = sums.inverseDistance;
  } else {
    const { isSource, componentSize, componentSources } = plan;
    if (measures.has('closeness')) {
      const closeness = sums.selfCloseness;
      for (let u = 0; u < n; u++) {
        if (isSource[u] || sums.distance[u]! === 0) continue;
        // closeness = ((r−1)/(n−1)) · (r−1)/Ŝ with Ŝ = ((r−1)/k)·Σd.
        const r = componentSize[u]!;
        closeness[u] = ((r - 1) * componentSources[u]!) / ((n - 1) * sums.distance[u]!);
      }
      result.closeness = closeness;
    }
    if (measures.has('harmonic')) {
      const harmonic = sums.selfHarmonic;
      for (let u = 0; u < n; u++) {
        if (isSource[u]) continue;
        harmonic[u] = ((componentSize[u]! - 1) / componentSources[u]!) * sums.inverseDistance[u]!;
      }
      result.harmonic = harmonic;
    }
  }
  return result;
}

/** NetworkX's `_rescale(endpoints=False)`: with N = n − 1 candidate targets, nothing is done when N < 2. */
function rescaleBetweenness(bc: Float64Array, n: number, normalized: boolean): Float64Array {
  const N = n - 1;
  if (N >= 2) {
    const scale = normalized ? 1 / (N * (N - 1)) : N / (N * 2);
    if (scale !== 1) for (let i = 0; i < n; i++) bc[i]! *= scale;
  }
  return bc;
}

function inverseLengths(weights: Float64Array): Float64Array {
  const lengths = new Float64Array(weights.length);
  for (let k = 0; k < lengths.length; k++) lengths[k] = 1 / weights[k]!;
  return lengths;
}

/** The sources of a sweep: every node when `samples` is null or at least `n`, else a stratified sample. Internal (exported for tests). */
export function planSources(csr: Csr, samples: number | null, seed: number): SourcePlan {
  return samples === null || samples >= csr.n ? exactPlan(csr.n) : samplePlan(csr, samples, seed);
}

export interface SourcePlan {
  exact: boolean;
  sources: Int32Array;
  weights: Float64Array | null;
  errorBound: number;
  isSource: Uint8Array;
  /** Per node: the size of its component. */
  componentSize: Int32Array;
  /** Per node: the number of sources drawn from its component. */
  componentSources: Int32Array;
}

function exactPlan(n: number): SourcePlan {
  const sources = new Int32Array(n);
  for (let i = 0; i < n; i++) sources[i] = i;
  return { exact: true, sources, weights: null, errorBound: 0, isSource: new Uint8Array(0), componentSize: new Int32Array(0), componentSources: new Int32Array(0) };
}

/** Stratified sample: per component, `k_C` sources drawn without replacement (partial Fisher–Yates). */
function samplePlan(csr: Csr, k: number, seed: number): SourcePlan {
  const n = csr.n;
  const rng = createRng(seed);
  const { components, labels } = connectedComponents(csr);
  const isSource = new Uint8Array(n);
  const sourceWeight = new Float64Array(n);
  const perComponent = new Int32Array(components.length);
  let errorBound = 0;
  let sampled = false;
  components.forEach((nodes, c) => {
    const size = nodes.length;
    const kc = Math.max(2, Math.round((k * size) / n));
    if (size <= SMALL_COMPONENT || kc >= size) {
      for (const v of nodes) {
        isSource[v] = 1;
        sourceWeight[v] = 1;
      }
      perComponent[c] = size;
      return;
    }
    sampled = true;
    const pool = Int32Array.from(nodes);
    for (let i = 0; i < kc; i++) {
      const j = i + Math.floor(rng() * (size - i));
      const t = pool[i]!;
      pool[i] = pool[j]!;
      pool[j] = t;
      isSource[pool[i]!] = 1;
      sourceWeight[pool[i]!] = size / kc;
    }
    perComponent[c] = kc;
    const range = (size * (size - 2)) / ((n - 1) * (n - 2));
    errorBound = Math.max(errorBound, range * Math.sqrt(Math.log(2 / 0.05) / (2 * kc)));
  });
  if (!sampled) return exactPlan(n);
  const list: number[] = [];
  for (let v = 0; v < n; v++) if (isSource[v]) list.push(v);
  const sources = Int32Array.from(list);
  const weights = Float64Array.from(list, (v) => sourceWeight[v]!);
  const componentSize = new Int32Array(n);
  const componentSources = new Int32Array(n);
  for (let v = 0; v < n; v++) {
    componentSize[v] = components[labels[v]!]!.length;
    componentSources[v] = perComponent[labels[v]!]!;
  }
  return { exact: false, sources, weights, errorBound, isSource, componentSize, componentSources };
}

function emptyOutput(n: number, allocate: (bytes: number) => ArrayBufferLike = (b) => new ArrayBuffer(b)): SweepOutput {
  const array = () => new Float64Array(allocate(n * 8));
  return { betweenness: array(), selfCloseness: array(), inverseDistance: array(), distance: array(), selfHarmonic: array() };
}

function progressTicker(total: number, onProgress: ((done: number, total: number) => void) | undefined) {
  if (!onProgress) return null;
  const step = Math.max(1, Math.floor(total / 100));
  return (done: number) => {
    if (done % step === 0 || done === total) onProgress(done, total);
  };
}

function sweepHere(job: SweepJob, onProgress: PathSweepOptions['onProgress']): SweepOutput {
  const out = emptyOutput(job.n);
  sweep(job, out, progressTicker(job.sources.length, onProgress));
  return out;
}

type WorkerThreads = typeof import('node:worker_threads');

function hasWorkerThreads(): boolean {
  return nodeBuiltin('node:worker_threads') !== undefined;
}

function workerThreads(): WorkerThreads {
  // Looked up at run time (browsers have none; there, `workers` must stay 1).
  const module = nodeBuiltin('node:worker_threads');
  if (!module) throw new KernelOptionsError('pathCentralities', 'workers', said('errors.workers.noThreads'));
  return module;
}

function shared<T extends Int32Array | Float64Array>(array: T): T {
  const copy = new (array.constructor as new (buffer: SharedArrayBuffer) => T)(new SharedArrayBuffer(array.byteLength));
  copy.set(array);
  return copy;
}

/** The worker's program: the sweep's own source text, run on the shared arrays it is given. */
function workerSource(): string {
  return `
'use strict';
const { workerData } = require('node:worker_threads');
// Bundlers that keep function names wrap inner functions in __name(…).
var __name = (fn) => fn;
const sweep = ${sweep.toString()};
const { job, out, control, index } = workerData;
try {
  sweep(job, out, (done) => Atomics.store(control, 2 + 2 * index + 1, done));
  Atomics.store(control, 2 + 2 * index, 1);
} catch (error) {
  Atomics.store(control, 2 + 2 * index, 2);
  const bytes = new TextEncoder().encode(String(error && error.stack || error));
  new Uint8Array(workerData.message).set(bytes.subarray(0, workerData.message.byteLength));
}
Atomics.add(control, 0, 1);
Atomics.notify(control, 0);
`;
}

/**
 * Spread the sources over `count` worker threads (source `i` goes to thread
 * `i mod count`, which balances components of different sizes) and wait for
 * them synchronously (`Atomics.wait`), so the API stays synchronous. Each
 * thread sums into its own arrays; they are added in thread order, so the
 * result is deterministic for a given `count`.
 */
function sweepInWorkers(job: SweepJob, count: number, onProgress: PathSweepOptions['onProgress']): SweepOutput {
  const { Worker } = workerThreads();
  const common = {
    ...job,
    offsets: shared(job.offsets),
    targets: shared(job.targets),
    lengths: job.lengths && shared(job.lengths),
    sources: shared(job.sources),
    sourceWeights: job.sourceWeights && shared(job.sourceWeights),
    stride: count,
  };
  // control[0]: threads finished; control[2 + 2i]: thread i's status (1 ok, 2 failed); control[3 + 2i]: its sources done.
  const control = new Int32Array(new SharedArrayBuffer(4 * (2 + 2 * count)));
  const outputs: SweepOutput[] = [];
  const messages: SharedArrayBuffer[] = [];
  const threads = [];
  const source = workerSource();
  for (let index = 0; index < count; index++) {
    const out = emptyOutput(job.n, (bytes) => new SharedArrayBuffer(bytes));
    const message = new SharedArrayBuffer(4096);
    outputs.push(out);
    messages.push(message);
    threads.push(new Worker(source, { eval: true, workerData: { job: { ...common, first: index }, out, control, index, message } }));
  }
  const total = job.sources.length;
  const ticker = progressTicker(total, onProgress);
  let reported = 0;
  while (Atomics.load(control, 0) < count) {
    Atomics.wait(control, 0, Atomics.load(control, 0), 100);
    if (ticker) {
      let done = 0;
      for (let i = 0; i < count; i++) done += Atomics.load(control, 3 + 2 * i);
      if (done > reported && done < total) onProgress!((reported = done), total);
    }
  }
  for (const thread of threads) void thread.terminate();
  const failed = outputs.findIndex((_, i) => Atomics.load(control, 2 + 2 * i) !== 1);
  if (failed >= 0) {
    const text = new TextDecoder().decode(new Uint8Array(messages[failed]!)).replace(/\0+$/, '');
    throw new WorkerError(said('errors.workers.failed', { reason: text }));
  }
  ticker?.(total);

  // Add the threads' partial sums in thread order (into fresh, unshared arrays).
  const sums = emptyOutput(job.n);
  for (const key of Object.keys(sums) as (keyof SweepOutput)[]) {
    const target = sums[key];
    for (const out of outputs) {
      const part = out[key];
      for (let v = 0; v < job.n; v++) target[v]! += part[v]!;
    }
  }
  return sums;
}
