/**
 * Issue 12: constraint, effective size and brokerage roles were quadratic in
 * a hub's degree (3 s per kernel at 40 000 leaves, 4× per doubling). They now
 * find each tie's common neighbours from its smaller end. Their speed is
 * measured in bench/hardening.ts; here: the values on hubs, exactly.
 */
import { describe, expect, it } from 'vitest';
import { csrFromEdges, type Csr } from '../../src/metrics/csr.js';
import { burtConstraint, effectiveSize } from '../../src/metrics/structural-holes.js';
import { brokerageRoles } from '../../src/metrics/brokerage-roles.js';
import { createRng } from '../../src/metrics/random.js';

function graph(n: number, edges: [number, number, number][]): Csr {
  const ends = new Int32Array(edges.flatMap(([a, b]) => [a, b]));
  return csrFromEdges(
    Array.from({ length: n }, (_, i) => `n${i}`),
    ends,
    Float64Array.from(edges, (e) => e[2]),
  );
}

/** A hub (node 0) tied to every other node, plus random ties among the others, with weights 1–4. */
function hub(leaves: number, extra: number, seed: number): Csr {
  const rng = createRng(seed);
  const edges: [number, number, number][] = [];
  for (let i = 1; i <= leaves; i++) edges.push([0, i, 1 + Math.floor(rng() * 4)]);
  for (let k = 0; k < extra; k++) {
    const a = 1 + Math.floor(rng() * leaves);
    const b = 1 + Math.floor(rng() * leaves);
    if (a !== b) edges.push([a, b, 1 + Math.floor(rng() * 4)]);
  }
  return graph(leaves + 1, edges);
}

/** The definitions, term by term in the order of v's neighbour list (as the kernels summed before), with Maps. */
function reference(csr: Csr, weighted: boolean) {
  const w = new Map<string, number>();
  const nbrs: number[][] = [];
  for (let u = 0; u < csr.n; u++) {
    nbrs.push([]);
    for (let k = csr.offsets[u]!; k < csr.offsets[u + 1]!; k++) {
      nbrs[u]!.push(csr.targets[k]!);
      w.set(`${u},${csr.targets[k]}`, weighted ? csr.weights[k]! : 1);
    }
  }
  const s = nbrs.map((list, u) => list.reduce((acc, v) => acc + w.get(`${u},${v}`)!, 0));
  const max = nbrs.map((list, u) => Math.max(0, ...list.map((v) => w.get(`${u},${v}`)!)));
  const constraint: (number | null)[] = [];
  const size: number[] = [];
  for (let u = 0; u < csr.n; u++) {
    if (nbrs[u]!.length === 0) {
      constraint.push(null);
      size.push(0);
      continue;
    }
    const p = (a: number, b: number) => (w.get(`${a},${b}`) ?? 0) / s[a]!;
    let c = 0;
    let e = 0;
    for (const v of nbrs[u]!) {
      let indirect = 0;
      let r = 0;
      for (const x of nbrs[v]!) {
        if (!w.has(`${u},${x}`)) continue;
        indirect += (p(u, x) * w.get(`${x},${v}`)!) / s[x]!;
        r += (p(u, x) * w.get(`${v},${x}`)!) / max[v]!;
      }
      c += (p(u, v) + indirect) ** 2;
      e += 1 - r;
    }
    constraint.push(c);
    size.push(e);
  }
  return { constraint, size };
}

describe('structural holes and brokerage on hubs', () => {
  it('a star of 50 000 leaves: the closed forms (centre: constraint 1/L, effective size L, every pair of leaves brokered)', () => {
    const L = 50_000;
    const csr = graph(L + 1, Array.from({ length: L }, (_, i) => [0, i + 1, 1] as [number, number, number]));
    const constraint = burtConstraint(csr);
    expect(constraint[0]).toBeCloseTo(1 / L, 15);
    expect(constraint.slice(1).every((c) => c === 1)).toBe(true);
    const size = effectiveSize(csr);
    expect(size[0]).toBe(L);
    expect(size.slice(1).every((e) => e === 1)).toBe(true);
    const roles = brokerageRoles(csr, Array.from({ length: L + 1 }, (_, i) => (i === 0 ? 'hub' : `g${i % 2}`)));
    // Leaves in two groups, the hub in a third: pairs of one group are consultant, mixed pairs liaison.
    const half = L / 2;
    expect(roles.consultant[0]).toBe(2 * ((half * (half - 1)) / 2));
    expect(roles.liaison[0]).toBe(half * half);
    expect(roles.openTwoPaths[0]).toBe((L * (L - 1)) / 2);
    expect(roles.total.slice(1).every((t) => t === 0)).toBe(true);
  });

  for (const weighted of [false, true]) {
    it(`hubs with ties among their leaves: bit-for-bit the definitions (${weighted ? 'weighted' : 'unweighted'})`, () => {
      for (const [leaves, extra, seed] of [
        [300, 900, 1],
        [40, 600, 2],
        [1000, 200, 3],
      ] as const) {
        const csr = hub(leaves, extra, seed);
        const ref = reference(csr, weighted);
        expect(burtConstraint(csr, { weighted })).toEqual(ref.constraint);
        expect([...effectiveSize(csr, { weighted })]).toEqual(ref.size);
      }
    });
  }

  it('brokerage roles on hubs with ties among their leaves equal a count over every pair of neighbours', () => {
    for (const [leaves, extra, seed] of [
      [300, 900, 4],
      [60, 800, 5],
    ] as const) {
      const csr = hub(leaves, extra, seed);
      const groups = Array.from({ length: csr.n }, (_, i) => (i % 7 === 0 ? undefined : `g${i % 3}`));
      const roles = brokerageRoles(csr, groups);
      const adjacent = new Set<string>();
      for (let u = 0; u < csr.n; u++) for (let k = csr.offsets[u]!; k < csr.offsets[u + 1]!; k++) adjacent.add(`${u},${csr.targets[k]}`);
      const g = (i: number) => groups[i] ?? `own${i}`;
      for (let b = 0; b < csr.n; b++) {
        const list = [...csr.targets.subarray(csr.offsets[b]!, csr.offsets[b + 1]!)];
        const count = { coordinator: 0, mixed: 0, consultant: 0, liaison: 0 };
        for (let i = 0; i < list.length; i++) {
          for (let j = i + 1; j < list.length; j++) {
            const [a, c] = [list[i]!, list[j]!];
            if (adjacent.has(`${a},${c}`)) continue;
            if (g(a) === g(b) && g(c) === g(b)) count.coordinator++;
            else if (g(a) === g(b) || g(c) === g(b)) count.mixed++;
            else if (g(a) === g(c)) count.consultant++;
            else count.liaison++;
          }
        }
        expect([roles.coordinator[b], roles.gatekeeper[b], roles.consultant[b], roles.liaison[b]], `node ${b}`).toEqual([count.coordinator, count.mixed, count.consultant, count.liaison]);
      }
    }
  });
});
