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
 * path lengths with exact floating-point `<` / `==`. {@link IndexedHeap}
 * orders nodes by `(distance, counter of the last improvement)`, which pops
 * them in the same order, and the searches below compare exactly as NetworkX
 * does. Because CSR
 * neighbour lists are sorted by node index (and NetworkX graphs built with
 * sorted adjacency iterate in the same order), both implementations pop nodes
 * in the same order and compute bit-identical distances.
 */

/**
 * Indexed binary min-heap of node ids, ordered by `(key[v], seq[v])`, with
 * decrease-key. `key` and `seq` are node-indexed arrays owned by the caller:
 * the caller writes a node's new tentative distance into `key[v]` and a fresh
 * insertion counter into `seq[v]`, then calls {@link update}.
 *
 * This pops nodes in exactly the order of NetworkX's lazy-deletion heap of
 * `(distance, counter, …)` tuples: there, a strict improvement pushes a new
 * tuple with a new counter and the older tuple for the node is skipped when
 * popped (it always pops after the newer one, having a larger distance). Here
 * the improvement overwrites the node's `(key, seq)` in place, so the heap
 * never holds more than `n` entries and never pops stale ones.
 */
export class IndexedHeap {
  /** Node at each heap position, with its key and seq copied alongside (cache-friendly sifts). */
  private readonly heap: Int32Array;
  private readonly heapKey: Float64Array;
  private readonly heapSeq: Float64Array;
  /** Position of each node in `heap`, or -1 when absent. */
  private readonly pos: Int32Array;
  private length = 0;

  constructor(
    private readonly key: Float64Array,
    private readonly seq: Float64Array,
  ) {
    this.heap = new Int32Array(key.length);
    this.heapKey = new Float64Array(key.length);
    this.heapSeq = new Float64Array(key.length);
    this.pos = new Int32Array(key.length).fill(-1);
  }

  get size(): number {
    return this.length;
  }

  /** Insert `v`, or move it up after its `(key, seq)` decreased. */
  update(v: number): void {
    const { heap, heapKey, heapSeq, pos } = this;
    let i = pos[v]!;
    if (i < 0) i = this.length++;
    const k = this.key[v]!;
    const q = this.seq[v]!;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pk = heapKey[parent]!;
      if (pk < k || (pk === k && heapSeq[parent]! < q)) break;
      const p = heap[parent]!;
      heap[i] = p;
      heapKey[i] = pk;
      heapSeq[i] = heapSeq[parent]!;
      pos[p] = i;
      i = parent;
    }
    heap[i] = v;
    heapKey[i] = k;
    heapSeq[i] = q;
    pos[v] = i;
  }

  /** Remove and return the node with the smallest `(key, seq)`. */
  pop(): number {
    const { heap, heapKey, heapSeq, pos } = this;
    const top = heap[0]!;
    pos[top] = -1;
    const size = --this.length;
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
      const c = heap[child]!;
      heap[i] = c;
      heapKey[i] = ck;
      heapSeq[i] = heapSeq[child]!;
      pos[c] = i;
      i = child;
    }
    heap[i] = v;
    heapKey[i] = k;
    heapSeq[i] = q;
    pos[v] = i;
    return top;
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
  private readonly seq: Float64Array;
  private readonly heap: IndexedHeap | null;

  constructor(
    private readonly csr: Csr,
    private readonly lengths: Float64Array | null,
  ) {
    this.dist = new Float64Array(csr.n).fill(Infinity);
    this.order = new Int32Array(csr.n);
    this.done = new Uint8Array(lengths ? csr.n : 0);
    this.seen = new Uint8Array(lengths ? csr.n : 0);
    this.seq = new Float64Array(lengths ? csr.n : 0);
    this.heap = lengths ? new IndexedHeap(this.dist, this.seq) : null;
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
    const { dist, order, done, seen, seq } = this;
    const heap = this.heap!;
    // `dist` doubles as NetworkX's `seen` map (tentative distances) until a
    // node is popped; `done` marks popped nodes (NetworkX's `dist` map).
    let counter = 0;
    dist[source] = 0;
    seen[source] = 1;
    seq[source] = counter++;
    heap.update(source);
    let count = 0;
    while (heap.size > 0) {
      const v = heap.pop();
      const d = dist[v]!;
      done[v] = 1;
      order[count++] = v;
      const end = offsets[v + 1]!;
      for (let k = offsets[v]!; k < end; k++) {
        const w = targets[k]!;
        if (done[w] === 1) continue;
        const vw = d + lengths[k]!;
        if (seen[w] === 0 || vw < dist[w]!) {
          seen[w] = 1;
          dist[w] = vw;
          seq[w] = counter++;
          heap.update(w);
        }
      }
    }
    this.count = count;
    return count;
  }
}
