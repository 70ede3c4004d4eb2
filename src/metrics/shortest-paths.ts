import type { Csr } from './csr.js';

/**
 * Internal single-source shortest-path machinery shared by the centrality
 * kernels (betweenness, closeness, harmonic). Not part of the public API.
 *
 * Everything works on preallocated typed arrays that are reused from one
 * source to the next, so an all-pairs sweep allocates O(n + m) once.
 *
 * ## Exact NetworkX replication
 *
 * NetworkX's Dijkstra (`_dijkstra_multisource`,
 * `_single_source_dijkstra_path_basic`) keeps a binary heap of
 * `(distance, insertion counter, …)` tuples, pushes a node again whenever a
 * strictly shorter tentative distance is found (lazy deletion), and compares
 * path lengths with exact floating-point `<` / `==`. {@link DistanceHeap}
 * orders entries by `(key, insertion counter)` in the same way, and the
 * searches below push and compare exactly as NetworkX does. Because CSR
 * neighbour lists are sorted by node index (and NetworkX graphs built with
 * sorted adjacency iterate in the same order), both implementations pop nodes
 * in the same order and compute bit-identical distances.
 */

/**
 * Binary min-heap keyed by `(key, insertion order)` with two integer payloads
 * (`node`, `pred`). Fixed capacity; typed-array backed.
 */
export class DistanceHeap {
  private readonly keys: Float64Array;
  private readonly seqs: Float64Array;
  private readonly nodes: Int32Array;
  private readonly preds: Int32Array;
  private length = 0;
  private counter = 0;
  /** Key of the entry returned by the last {@link pop}. */
  key = 0;
  /** Node of the entry returned by the last {@link pop}. */
  node = 0;
  /** Predecessor payload of the entry returned by the last {@link pop}. */
  pred = 0;

  constructor(capacity: number) {
    const c = Math.max(1, capacity);
    this.keys = new Float64Array(c);
    this.seqs = new Float64Array(c);
    this.nodes = new Int32Array(c);
    this.preds = new Int32Array(c);
  }

  get size(): number {
    return this.length;
  }

  /** Empty the heap and restart the insertion counter. */
  clear(): void {
    this.length = 0;
    this.counter = 0;
  }

  push(key: number, node: number, pred: number): void {
    const keys = this.keys;
    const seqs = this.seqs;
    const nodes = this.nodes;
    const preds = this.preds;
    const seq = this.counter++;
    let i = this.length++;
    // Sift up.
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pk = keys[parent]!;
      if (pk < key || (pk === key && seqs[parent]! < seq)) break;
      keys[i] = pk;
      seqs[i] = seqs[parent]!;
      nodes[i] = nodes[parent]!;
      preds[i] = preds[parent]!;
      i = parent;
    }
    keys[i] = key;
    seqs[i] = seq;
    nodes[i] = node;
    preds[i] = pred;
  }

  /** Remove the smallest entry; read it from `key`, `node`, `pred`. */
  pop(): void {
    const keys = this.keys;
    const seqs = this.seqs;
    const nodes = this.nodes;
    const preds = this.preds;
    this.key = keys[0]!;
    this.node = nodes[0]!;
    this.pred = preds[0]!;
    const last = --this.length;
    if (last === 0) return;
    const key = keys[last]!;
    const seq = seqs[last]!;
    const node = nodes[last]!;
    const pred = preds[last]!;
    let i = 0;
    // Sift down.
    for (;;) {
      let child = 2 * i + 1;
      if (child >= last) break;
      const right = child + 1;
      if (right < last) {
        const ck = keys[child]!;
        const rk = keys[right]!;
        if (rk < ck || (rk === ck && seqs[right]! < seqs[child]!)) child = right;
      }
      const ck = keys[child]!;
      if (key < ck || (key === ck && seq < seqs[child]!)) break;
      keys[i] = ck;
      seqs[i] = seqs[child]!;
      nodes[i] = nodes[child]!;
      preds[i] = preds[child]!;
      i = child;
    }
    keys[i] = key;
    seqs[i] = seq;
    nodes[i] = node;
    preds[i] = pred;
  }
}

/**
 * Edge lengths for the weighted shortest-path measures: `1 / weight`, aligned
 * with `csr.targets`. Weights are strengths (bigger = closer).
 */
export function inverseWeightLengths(csr: Csr): Float64Array {
  const lengths = new Float64Array(csr.weights.length);
  for (let k = 0; k < lengths.length; k++) lengths[k] = 1 / csr.weights[k]!;
  return lengths;
}

/**
 * Reusable single-source distance search (BFS when `lengths` is null,
 * Dijkstra otherwise). After `run(s)` returns `count`, `order[0 .. count)`
 * lists the reached nodes in the order NetworkX's
 * `single_source_shortest_path_length` / `single_source_dijkstra_path_length`
 * would list them (source first), and `dist[v]` holds their distances.
 * Unreached nodes have `dist[v] === Infinity`.
 */
export class DistanceSearch {
  readonly dist: Float64Array;
  readonly order: Int32Array;
  private count = 0;
  private readonly done: Uint8Array;
  private readonly seen: Uint8Array;
  private readonly heap: DistanceHeap | null;

  constructor(
    private readonly csr: Csr,
    private readonly lengths: Float64Array | null,
  ) {
    this.dist = new Float64Array(csr.n).fill(Infinity);
    this.order = new Int32Array(csr.n);
    this.done = new Uint8Array(lengths ? csr.n : 0);
    this.seen = new Uint8Array(lengths ? csr.n : 0);
    this.heap = lengths ? new DistanceHeap(csr.targets.length + 1) : null;
  }

  run(source: number): number {
    this.reset();
    return this.lengths ? this.dijkstra(source, this.lengths) : this.bfs(source);
  }

  private reset(): void {
    const { dist, order, done, seen } = this;
    const weighted = this.lengths !== null;
    for (let i = 0; i < this.count; i++) {
      const v = order[i]!;
      dist[v] = Infinity;
      if (weighted) {
        done[v] = 0;
        seen[v] = 0;
      }
    }
    this.count = 0;
  }

  private bfs(source: number): number {
    const { offsets, targets } = this.csr;
    const { dist, order } = this;
    dist[source] = 0;
    order[0] = source;
    let head = 0;
    let tail = 1;
    while (head < tail) {
      const v = order[head++]!;
      const next = dist[v]! + 1;
      const end = offsets[v + 1]!;
      for (let k = offsets[v]!; k < end; k++) {
        const w = targets[k]!;
        if (dist[w] === Infinity) {
          dist[w] = next;
          order[tail++] = w;
        }
      }
    }
    this.count = tail;
    return tail;
  }

  private dijkstra(source: number, lengths: Float64Array): number {
    const { offsets, targets } = this.csr;
    const { dist, order, done, seen } = this;
    const heap = this.heap!;
    // `dist` doubles as NetworkX's `seen` map (tentative distances) until a
    // node is popped; `done` marks popped nodes (NetworkX's `dist` map).
    heap.clear();
    dist[source] = 0;
    seen[source] = 1;
    heap.push(0, source, source);
    let count = 0;
    while (heap.size > 0) {
      heap.pop();
      const v = heap.node;
      if (done[v] === 1) continue;
      const d = heap.key;
      done[v] = 1;
      dist[v] = d;
      order[count++] = v;
      const end = offsets[v + 1]!;
      for (let k = offsets[v]!; k < end; k++) {
        const w = targets[k]!;
        if (done[w] === 1) continue;
        const vw = d + lengths[k]!;
        if (seen[w] === 0 || vw < dist[w]!) {
          seen[w] = 1;
          dist[w] = vw;
          heap.push(vw, w, v);
        }
      }
    }
    this.count = count;
    return count;
  }
}
