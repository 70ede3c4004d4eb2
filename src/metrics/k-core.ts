import type { Csr } from './csr.js';

/**
 * Core numbers (k-core decomposition).
 *
 * The *k-core* is the largest subgraph in which every node has degree ≥ k;
 * the *core number* of a node is the largest k whose k-core contains it
 * (Seidman 1983, "Network structure and minimum degree", Social Networks
 * 5:269–287). Computed with the bucket algorithm of Batagelj & Zaversnik
 * (2003), "An O(m) algorithm for cores decomposition of networks",
 * arXiv:cs/0310049 — the same algorithm and values as `nx.core_number(G)`.
 *
 * Conventions: weights are ignored (degree = number of distinct
 * neighbours; the CSR has no self-loops or parallel edges, which NetworkX
 * would reject or count). Isolated nodes have core number 0. Disconnected
 * graphs need nothing special. Empty graph → empty array. `O(n + m)` time.
 *
 * @module
 */

/** Core number per node, aligned with `csr.ids`. */
export function coreNumbers(csr: Csr): Int32Array {
  const { n, offsets, targets } = csr;
  const deg = new Int32Array(n);
  let maxDeg = 0;
  for (let v = 0; v < n; v++) {
    deg[v] = offsets[v + 1]! - offsets[v]!;
    if (deg[v]! > maxDeg) maxDeg = deg[v]!;
  }
  // bin[d] = start of degree-d block in vert; pos[v] = position of v in vert.
  const bin = new Int32Array(maxDeg + 2);
  for (let v = 0; v < n; v++) bin[deg[v]!]!++;
  let start = 0;
  for (let d = 0; d <= maxDeg; d++) {
    const c = bin[d]!;
    bin[d] = start;
    start += c;
  }
  const vert = new Int32Array(n);
  const pos = new Int32Array(n);
  for (let v = 0; v < n; v++) {
    const p = bin[deg[v]!]!;
    pos[v] = p;
    vert[p] = v;
    bin[deg[v]!] = p + 1;
  }
  for (let d = maxDeg; d > 0; d--) bin[d] = bin[d - 1]!;
  bin[0] = 0;

  for (let i = 0; i < n; i++) {
    const v = vert[i]!;
    const dv = deg[v]!;
    for (let j = offsets[v]!; j < offsets[v + 1]!; j++) {
      const u = targets[j]!;
      const du = deg[u]!;
      if (du > dv) {
        // Move u to the front of its bucket, then shrink the bucket.
        const pu = pos[u]!;
        const pw = bin[du]!;
        const w = vert[pw]!;
        if (u !== w) {
          pos[u] = pw;
          vert[pu] = w;
          pos[w] = pu;
          vert[pw] = u;
        }
        bin[du] = pw + 1;
        deg[u] = du - 1;
      }
    }
  }
  return deg;
}
