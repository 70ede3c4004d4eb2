import { describe, expect, it } from 'vitest';
import { brokerageRoles, type BrokerageRoles } from '../../src/metrics/brokerage-roles.js';
import type { Csr } from '../../src/metrics/csr.js';
import { createRng } from '../../src/metrics/random.js';
import { csrOf, randomEdges, small, withIds } from './structure-graphs.js';

type Role = 'coordinator' | 'gatekeeper' | 'representative' | 'consultant' | 'liaison';
const ROLES: Role[] = ['coordinator', 'gatekeeper', 'representative', 'consultant', 'liaison'];

/** Role counts of node `i` as a plain object (zeros included). */
function at(r: BrokerageRoles, i: number) {
  return {
    coordinator: r.coordinator[i],
    gatekeeper: r.gatekeeper[i],
    representative: r.representative[i],
    consultant: r.consultant[i],
    liaison: r.liaison[i],
    total: r.total[i],
    openTwoPaths: r.openTwoPaths[i],
  };
}
const zero = { coordinator: 0, gatekeeper: 0, representative: 0, consultant: 0, liaison: 0, total: 0, openTwoPaths: 0 };
const only = (o: Partial<typeof zero>) => ({ ...zero, ...o });

describe('brokerageRoles: path a–b–c', () => {
  const path3 = csrOf(3, [[0, 1], [1, 2]]);
  it.each([
    // groups of (a, b, c) → role of b
    [['X', 'X', 'X'], only({ coordinator: 1, total: 1, openTwoPaths: 1 })],
    [['X', 'Y', 'X'], only({ consultant: 1, total: 1, openTwoPaths: 1 })],
    [['X', 'Y', 'Z'], only({ liaison: 1, total: 1, openTwoPaths: 1 })],
    // a in b's group, c outside: a→b→c representative, c→b→a gatekeeper.
    [['X', 'X', 'Y'], only({ gatekeeper: 1, representative: 1, total: 2, openTwoPaths: 1 })],
    [['Y', 'X', 'X'], only({ gatekeeper: 1, representative: 1, total: 2, openTwoPaths: 1 })],
  ])('groups %j', (groups, expected) => {
    const r = brokerageRoles(path3, groups);
    expect(at(r, 1)).toEqual(expected);
    expect(at(r, 0)).toEqual(zero); // an end node brokers nothing
    expect(at(r, 2)).toEqual(zero);
  });

  it('a closed triangle brokers nothing', () => {
    const r = brokerageRoles(small('triangle'), ['X', 'X', 'Y']);
    for (let i = 0; i < 3; i++) expect(at(r, i)).toEqual(zero);
  });
});

describe('brokerageRoles: hand-computed fixtures', () => {
  it('star: centre X with leaves X, X, Y', () => {
    // 3 leaf pairs, none tied: {1,2} both X = centre's group → 1 coordinator;
    // {1,3}, {2,3} exactly one endpoint in X → 2 gatekeeper + 2 representative.
    // total = 1 + 2 + 2 = 5; open two-paths = 3.
    const r = brokerageRoles(small('star'), ['X', 'X', 'X', 'Y']);
    expect(at(r, 0)).toEqual(only({ coordinator: 1, gatekeeper: 2, representative: 2, total: 5, openTwoPaths: 3 }));
    for (let i = 1; i < 4; i++) expect(at(r, i)).toEqual(zero);
  });

  it('star: centre X with leaves X, X, Y, Z', () => {
    // 6 leaf pairs, none tied:
    //   {1,2} both X = centre's group → 1 coordinator
    //   {1,3},{1,4},{2,3},{2,4} exactly one in X → 4 gatekeeper + 4 representative
    //   {3,4} Y, Z, centre X → 1 liaison
    // total = 1 + 4 + 4 + 1 = 10; open two-paths = 6.
    const star4 = csrOf(5, [[0, 1], [0, 2], [0, 3], [0, 4]]);
    const r4 = brokerageRoles(star4, ['X', 'X', 'X', 'Y', 'Z']);
    expect(at(r4, 0)).toEqual(only({ coordinator: 1, gatekeeper: 4, representative: 4, liaison: 1, total: 10, openTwoPaths: 6 }));
    for (let i = 1; i < 5; i++) expect(at(r4, i)).toEqual(zero);
  });

  it('path 0–1–2–3 with groups A, A, B, B', () => {
    // 1: {0,2}: 0 in A (own), 2 in B → 1 gatekeeper + 1 representative; 2 likewise.
    const r = brokerageRoles(small('path'), ['A', 'A', 'B', 'B']);
    expect(at(r, 1)).toEqual(only({ gatekeeper: 1, representative: 1, total: 2, openTwoPaths: 1 }));
    expect(at(r, 2)).toEqual(only({ gatekeeper: 1, representative: 1, total: 2, openTwoPaths: 1 }));
    expect(at(r, 0)).toEqual(zero);
  });

  it('barbell K4(A) – 4(B) – K4(C)', () => {
    // Node 3: neighbours 0,1,2 (A, mutually tied) and 4 (B): open pairs {0,4},{1,4},{2,4},
    //   each with exactly one endpoint in A → 3 gatekeeper + 3 representative.
    // Node 4: {3,5}: A, C, broker B → 1 liaison. Node 5 mirrors node 3. Clique nodes: 0.
    const groups = ['A', 'A', 'A', 'A', 'B', 'C', 'C', 'C', 'C'];
    const r = brokerageRoles(small('barbell'), groups);
    expect(at(r, 3)).toEqual(only({ gatekeeper: 3, representative: 3, total: 6, openTwoPaths: 3 }));
    expect(at(r, 4)).toEqual(only({ liaison: 1, total: 1, openTwoPaths: 1 }));
    expect(at(r, 5)).toEqual(at(r, 3));
    for (const i of [0, 1, 2, 6, 7, 8]) expect(at(r, i)).toEqual(zero);
  });

  it('two triangles (X) – (Y) joined by a bridge', () => {
    // Node 2: pairs {0,1} closed; {0,3},{1,3} open with 0/1 in X (own), 3 in Y → 2 + 2.
    const r = brokerageRoles(small('twoTriangles'), ['X', 'X', 'X', 'Y', 'Y', 'Y']);
    expect(at(r, 2)).toEqual(only({ gatekeeper: 2, representative: 2, total: 4, openTwoPaths: 2 }));
    expect(at(r, 3)).toEqual(at(r, 2));
    for (const i of [0, 1, 4, 5]) expect(at(r, i)).toEqual(zero);
  });

  it('two pairs, single node, empty graph: nothing to broker', () => {
    const r = brokerageRoles(small('twoPairs'), ['X', 'Y', 'X', 'Y']);
    for (let i = 0; i < 4; i++) expect(at(r, i)).toEqual(zero);
    expect(at(brokerageRoles(small('single'), ['X']), 0)).toEqual(zero);
    const e = brokerageRoles(small('empty'), []);
    for (const key of [...ROLES, 'total', 'openTwoPaths'] as const) expect(e[key].length).toBe(0);
  });
});

describe('brokerageRoles: ungrouped nodes', () => {
  const path3 = csrOf(3, [[0, 1], [1, 2]]);
  it("'own' (default): each ungrouped node is a group of its own", () => {
    // b ungrouped, a and c in X → consultant.
    expect(at(brokerageRoles(path3, ['X', undefined, 'X']), 1)).toEqual(only({ consultant: 1, total: 1, openTwoPaths: 1 }));
    // a, c ungrouped → two different singleton groups, b in X → liaison.
    expect(at(brokerageRoles(path3, [undefined, 'X', undefined]), 1)).toEqual(only({ liaison: 1, total: 1, openTwoPaths: 1 }));
    // All ungrouped → liaison (three different singleton groups).
    expect(at(brokerageRoles(path3, [undefined, undefined, undefined]), 1)).toEqual(only({ liaison: 1, total: 1, openTwoPaths: 1 }));
    // groups shorter than n: missing entries are ungrouped.
    expect(at(brokerageRoles(path3, ['X', 'X']), 1)).toEqual(only({ gatekeeper: 1, representative: 1, total: 2, openTwoPaths: 1 }));
  });

  it("'skip': two-paths touching an ungrouped node are ignored", () => {
    const skip = { ungrouped: 'skip' } as const;
    expect(at(brokerageRoles(path3, ['X', undefined, 'X'], skip), 1)).toEqual(zero);
    expect(at(brokerageRoles(path3, [undefined, 'X', 'X'], skip), 1)).toEqual(zero);
    // Star centre X, leaves X, undefined, Y: only {1,3} counts (mixed).
    const star = small('star');
    expect(at(brokerageRoles(star, ['X', 'X', undefined, 'Y'], skip), 0)).toEqual(
      only({ gatekeeper: 1, representative: 1, total: 2, openTwoPaths: 1 }),
    );
  });

  it('group labels such as __proto__ and constructor are ordinary labels', () => {
    const csr = withIds(csrOf(3, [[0, 1], [1, 2]]), ['__proto__', 'constructor', 'toString']);
    expect(at(brokerageRoles(csr, ['__proto__', 'constructor', '__proto__']), 1)).toEqual(
      only({ consultant: 1, total: 1, openTwoPaths: 1 }),
    );
    expect(at(brokerageRoles(csr, ['constructor', 'constructor', 'toString']), 1)).toEqual(
      only({ gatekeeper: 1, representative: 1, total: 2, openTwoPaths: 1 }),
    );
  });
});

/**
 * Gould & Fernandez's directed definition by brute force on the symmetrised
 * digraph: every ordered triple a → b → c (a ≠ c, arcs a→b and b→c) with no
 * arc a → c, classified by groups.
 */
function directedCounts(csr: Csr, group: (string | undefined)[], skip: boolean): Record<Role | 'total', number>[] {
  const { n } = csr;
  const adj = Array.from({ length: n }, () => new Set<number>());
  for (let u = 0; u < n; u++) {
    for (let k = csr.offsets[u]!; k < csr.offsets[u + 1]!; k++) adj[u]!.add(csr.targets[k]!);
  }
  // 'own': give each ungrouped node a unique label no real group uses.
  const g = group.map((x, i) => (x === undefined ? (skip ? undefined : `\u0000own:${i}`) : x));
  const out = Array.from({ length: n }, () => ({ coordinator: 0, gatekeeper: 0, representative: 0, consultant: 0, liaison: 0, total: 0 }));
  for (let b = 0; b < n; b++) {
    for (const a of adj[b]!) {
      for (const c of adj[b]!) {
        if (a === c || adj[a]!.has(c)) continue;
        const [ga, gb, gc] = [g[a], g[b], g[c]];
        if (ga === undefined || gb === undefined || gc === undefined) continue;
        const o = out[b]!;
        if (ga === gb && gb === gc) o.coordinator++;
        else if (ga === gc) o.consultant++; // a, c together, b elsewhere: itinerant
        else if (ga === gb) o.representative++; // b carries its group's flow out to c
        else if (gb === gc) o.gatekeeper++; // b lets a's flow into its group
        else o.liaison++;
        o.total++;
      }
    }
  }
  return out;
}

describe('brokerageRoles equals the directed Gould–Fernandez counts on the symmetrised digraph', () => {
  it('on 60 small random graphs with random groups, both ungrouped modes', () => {
    const rng = createRng(20240611);
    const labels = ['A', 'B', 'C', undefined];
    let nonTrivial = 0;
    for (let trial = 0; trial < 60; trial++) {
      const n = 3 + Math.floor(rng() * 10);
      const p = 0.15 + rng() * 0.6;
      const csr = csrOf(n, randomEdges(n, p, rng));
      const groups = Array.from({ length: n }, () => labels[Math.floor(rng() * labels.length)]);
      for (const mode of ['own', 'skip'] as const) {
        const fast = brokerageRoles(csr, groups, { ungrouped: mode });
        const slow = directedCounts(csr, groups, mode === 'skip');
        for (let b = 0; b < n; b++) {
          const d = slow[b]!;
          const msg = `trial ${trial} mode ${mode} broker ${b}`;
          // Symmetric roles: both readings of a pair agree → halve.
          expect(fast.coordinator[b], msg).toBe(d.coordinator / 2);
          expect(fast.consultant[b], msg).toBe(d.consultant / 2);
          expect(fast.liaison[b], msg).toBe(d.liaison / 2);
          // Gatekeeper/representative: one of each per pair → the directed counts as they are.
          expect(fast.gatekeeper[b], msg).toBe(d.gatekeeper);
          expect(fast.representative[b], msg).toBe(d.representative);
          expect(d.gatekeeper, msg).toBe(d.representative);
          expect(fast.openTwoPaths[b], msg).toBe(d.total / 2);
          expect(fast.total[b], msg).toBe(
            fast.coordinator[b]! + fast.gatekeeper[b]! + fast.representative[b]! + fast.consultant[b]! + fast.liaison[b]!,
          );
          if (d.total > 0) nonTrivial++;
        }
      }
    }
    expect(nonTrivial).toBeGreaterThan(200); // the comparison is not vacuous
  });
});
