/**
 * The Brandes sweep: one shortest-path search per source, shared by
 * betweenness, closeness and harmonic centrality (see
 * `path-centralities.ts`, which plans the sources and runs this either in the
 * calling thread or in worker threads).
 *
 * `sweep` is deliberately **self-contained**: it imports nothing and refers
 * to nothing outside its own body, because worker threads run its source text
 * (`sweep.toString()`). Keep it that way: no helpers from other modules, no
 * classes (bundlers add helpers for class fields), only typed arrays and
 * inner functions.
 *
 * Internal; not part of the public API.
 */

/** Which sums a sweep computes (bit flags). */
export const SWEEP = {
  /** Brandes dependencies `δ_s(v)`, times the source's weight, summed into `betweenness`. */
  betweenness: 1,
  /** Per source `s`: its own closeness (Wasserman–Faust, from its own search) into `selfCloseness[s]`. */
  selfCloseness: 2,
  /** Per reached node `u ≠ s`: `1 / d(s, u)` summed into `inverseDistance[u]` (harmonic, NetworkX's order). */
  inverseDistance: 4,
  /** Per reached node `u`: `d(s, u)` summed into `distance[u]` (sampled closeness). */
  distance: 8,
  /** Per source `s`: `Σ_u 1 / d(s, u)` into `selfHarmonic[s]` (sampled harmonic: sources are exact). */
  selfHarmonic: 16,
} as const;

/** The graph and the sources of one sweep. Arrays may live in SharedArrayBuffers. */
export interface SweepJob {
  /** Number of nodes of the whole graph (closeness scales by `n − 1`). */
  n: number;
  offsets: Int32Array;
  targets: Int32Array;
  /** Edge lengths aligned with `targets` (Dijkstra), or `null` for breadth-first search. */
  lengths: Float64Array | null;
  /** Source nodes, in the order they are searched. */
  sources: Int32Array;
  /** Weight of each source's dependencies (sampling scale), or `null` for 1. */
  sourceWeights: Float64Array | null;
  /** This sweep handles `sources[i]` for `i = first, first + stride, …` below `sources.length`. */
  first: number;
  stride: number;
  /** `SWEEP` flags. */
  flags: number;
}

/** Output sums, each of length `n`, zero-filled by the caller. */
export interface SweepOutput {
  betweenness: Float64Array;
  selfCloseness: Float64Array;
  inverseDistance: Float64Array;
  distance: Float64Array;
  selfHarmonic: Float64Array;
}

/**
 * Run Brandes' algorithm from each source of `job` (U. Brandes, "A faster
 * algorithm for betweenness centrality", J. Math. Sociology 25(2), 2001):
 * breadth-first search when `lengths` is null, otherwise Dijkstra with an
 * indexed binary heap, then dependency accumulation in reverse settling
 * order. Ties and float comparisons follow NetworkX exactly (see
 * `betweenness.ts`), so exact results are bit-identical to NetworkX's.
 * `tick(done)` is called after each source with the number done so far.
 */
export function sweep(job: SweepJob, out: SweepOutput, tick: ((done: number) => void) | null): void {
  const n = job.n;
  const offsets = job.offsets;
  const targets = job.targets;
  const lengths = job.lengths;
  const sources = job.sources;
  const sourceWeights = job.sourceWeights;
  const flags = job.flags;
  const wantBetweenness = (flags & 1) !== 0;
  const wantSelfCloseness = (flags & 2) !== 0;
  const wantInverse = (flags & 4) !== 0;
  const wantDistance = (flags & 8) !== 0;
  const wantSelfHarmonic = (flags & 16) !== 0;
  const bc = out.betweenness;

  // Workspace, allocated once: the stack S (settling order), path counts,
  // dependencies, predecessor lists stored CSR-style (node w has at most
  // deg(w) predecessors, at offsets[w] .. offsets[w] + predCount[w]).
  const stack = new Int32Array(n);
  const sigma = new Float64Array(n);
  const delta = new Float64Array(n);
  const preds = new Int32Array(targets.length);
  const predCount = new Int32Array(n);
  // Distances: BFS levels as integers (cheaper to compare and to move through
  // the cache), Dijkstra lengths as floats.
  const weighted = lengths !== null;
  const level = new Int32Array(weighted ? 0 : n).fill(-1);
  const dist = new Float64Array(weighted ? n : 0);

  // Dijkstra only: NetworkX's `seen` (tentative distance, here `dist`), `D`
  // (settled, here `done`), the insertion counter of each node's live heap
  // entry, and the predecessor that last improved it.
  const seen = new Uint8Array(weighted ? n : 0);
  const done = new Uint8Array(weighted ? n : 0);
  const seq = new Float64Array(weighted ? n : 0);
  const heapPred = new Int32Array(weighted ? n : 0);
  // Indexed binary min-heap on (dist, seq) with decrease-key. It pops nodes in
  // the order of NetworkX's lazy-deletion heap of (distance, counter, …).
  const heap = new Int32Array(weighted ? n : 0);
  const heapKey = new Float64Array(weighted ? n : 0);
  const heapSeq = new Float64Array(weighted ? n : 0);
  const pos = new Int32Array(weighted ? n : 0).fill(-1);
  let heapSize = 0;

  /** Clear what a search wrote for node `w`, so the next search starts clean without a full fill. */
  function reset(w: number): void {
    sigma[w] = 0;
    delta[w] = 0;
    predCount[w] = 0;
    if (weighted) {
      seen[w] = 0;
      done[w] = 0;
    } else level[w] = -1;
  }

  /** Put node `v` with key (`k`, `q`) in heap slot `i`. */
  function place(i: number, v: number, k: number, q: number): void {
    heap[i] = v;
    heapKey[i] = k;
    heapSeq[i] = q;
    pos[v] = i;
  }

  function heapUpdate(v: number): void {
    let i = pos[v]!;
    if (i < 0) i = heapSize++;
    const k = dist[v]!;
    const q = seq[v]!;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pk = heapKey[parent]!;
      if (pk < k || (pk === k && heapSeq[parent]! < q)) break;
      place(i, heap[parent]!, pk, heapSeq[parent]!);
      i = parent;
    }
    place(i, v, k, q);
  }

  function heapPop(): number {
    const top = heap[0]!;
    pos[top] = -1;
    const size = --heapSize;
    if (size === 0) return top;
    const v = heap[size]!;
    const k = heapKey[size]!;
    const q = heapSeq[size]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      let ck = heapKey[child]!;
      const right = child + 1;
      if (right < size) {
        const rk = heapKey[right]!;
        if (rk < ck || (rk === ck && heapSeq[right]! < heapSeq[child]!)) {
          child = right;
          ck = rk;
        }
      }
      if (k < ck || (k === ck && q < heapSeq[child]!)) break;
      place(i, heap[child]!, ck, heapSeq[child]!);
      i = child;
    }
    place(i, v, k, q);
    return top;
  }

  /** Dijkstra from s (a port of NetworkX's `_single_source_dijkstra_path_basic`). */
  function searchWeighted(s: number, lens: Float64Array): number {
    let counter = 0;
    sigma[s] = 1;
    seen[s] = 1;
    dist[s] = 0;
    seq[s] = counter++;
    heapPred[s] = s;
    heapUpdate(s);
    let size = 0;
    while (heapSize > 0) {
      const v = heapPop();
      // NetworkX adds the popping predecessor's count here (for the source it
      // doubles sigma[s] to 2, which scales every sigma by 2 and cancels out
      // exactly in the ratios sigma[v] / sigma[w]).
      sigma[v]! += sigma[heapPred[v]!]!;
      stack[size++] = v;
      done[v] = 1;
      const dv = dist[v]!;
      const end = offsets[v + 1]!;
      for (let k = offsets[v]!; k < end; k++) {
        const w = targets[k]!;
        const vw = dv + lens[k]!;
        if (done[w] === 0 && (seen[w] === 0 || vw < dist[w]!)) {
          seen[w] = 1;
          dist[w] = vw;
          seq[w] = counter++;
          heapPred[w] = v;
          heapUpdate(w);
          sigma[w] = 0;
          preds[offsets[w]!] = v;
          predCount[w] = 1;
        } else if (seen[w] === 1 && vw === dist[w]) {
          // Another shortest path (exact float equality, as NetworkX).
          sigma[w]! += sigma[v]!;
          preds[offsets[w]! + predCount[w]!++] = v;
        }
      }
    }
    return size;
  }

  let count = 0;
  for (let i = job.first; i < sources.length; i += job.stride) {
    const s = sources[i]!;
    let size: number;
    if (lengths === null) {
      // Breadth-first search, inline (not a closure: the arrays stay in
      // registers). The stack doubles as the FIFO queue: BFS visiting order
      // is S's order.
      sigma[s] = 1;
      level[s] = 0;
      stack[0] = s;
      let head = 0;
      let tail = 1;
      if (wantBetweenness) {
        while (head < tail) {
          const v = stack[head++]!;
          const dv1 = level[v]! + 1;
          const sv = sigma[v]!;
          const end = offsets[v + 1]!;
          for (let k = offsets[v]!; k < end; k++) {
            const w = targets[k]!;
            const dw = level[w]!;
            if (dw < 0) {
              stack[tail++] = w;
              level[w] = dv1;
              sigma[w] = sv;
              preds[offsets[w]!] = v;
              predCount[w] = 1;
            } else if (dw === dv1) {
              sigma[w]! += sv;
              preds[offsets[w]! + predCount[w]!++] = v;
            }
          }
        }
      } else {
        // Distances only (closeness, harmonic): no path counts, no predecessors.
        while (head < tail) {
          const v = stack[head++]!;
          const dv1 = level[v]! + 1;
          const end = offsets[v + 1]!;
          for (let k = offsets[v]!; k < end; k++) {
            const w = targets[k]!;
            if (level[w]! < 0) {
              stack[tail++] = w;
              level[w] = dv1;
            }
          }
        }
      }
      size = tail;
    } else size = searchWeighted(s, lengths);

    if (wantSelfCloseness) {
      // Distances summed in settling order (the source's 0 first), as
      // NetworkX's `sum(sp.values())`; Wasserman–Faust scaling.
      let total = 0;
      for (let j = 0; j < size; j++) total += weighted ? dist[stack[j]!]! : level[stack[j]!]!;
      if (total > 0 && n > 1) {
        const reached = size - 1;
        out.selfCloseness[s] = (reached / total) * (reached / (n - 1));
      }
    }
    if (wantInverse || wantDistance || wantSelfHarmonic) {
      let own = 0;
      for (let j = 1; j < size; j++) {
        const u = stack[j]!;
        const d = weighted ? dist[u]! : level[u]!;
        if (wantInverse) out.inverseDistance[u]! += 1 / d;
        if (wantDistance) out.distance[u]! += d;
        if (wantSelfHarmonic) own += 1 / d;
      }
      if (wantSelfHarmonic) out.selfHarmonic[s] = own;
    }

    if (wantBetweenness) {
      const weight = sourceWeights === null ? 1 : sourceWeights[i]!;
      for (let j = size - 1; j >= 0; j--) {
        const w = stack[j]!;
        const coeff = (1 + delta[w]!) / sigma[w]!;
        const start = offsets[w]!;
        const end = start + predCount[w]!;
        for (let k = start; k < end; k++) {
          const v = preds[k]!;
          delta[v]! += sigma[v]! * coeff;
        }
        if (w !== s) bc[w]! += weight === 1 ? delta[w]! : weight * delta[w]!;
        // Nothing reads w's entries again in this search: reset them now, while in cache.
        reset(w);
      }
    }

    // Reset only what this search touched (done above when accumulating).
    if (!wantBetweenness) for (let j = 0; j < size; j++) reset(stack[j]!);
    count++;
    if (tick !== null) tick(count);
  }
}
