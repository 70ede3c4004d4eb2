import { describe, expect, it } from 'vitest';
import { burtConstraint, effectiveSize } from '../../src/metrics/structural-holes.js';
import { csrOf, small, withIds } from './structure-graphs.js';

function close(actual: ArrayLike<number | null>, expected: (number | null)[]): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i]!;
    const a = actual[i]!;
    if (e === null) expect(a, `index ${i}`).toBeNull();
    else expect(a, `index ${i}`).toBeCloseTo(e, 12);
  }
}

describe('burtConstraint (unweighted, hand-computed)', () => {
  it('path 0–1–2–3', () => {
    // End node: p(0,1) = 1, no common neighbours → ℓ = 1² → c = 1.
    // Inner node 1: p = 1/2 to 0 and 2, no common neighbours → c = 2 · (1/2)² = 1/2.
    close(burtConstraint(small('path')), [1, 0.5, 0.5, 1]);
  });

  it('star: centre 1/deg, leaves 1', () => {
    // Centre: 3 · (1/3)² = 1/3 (leaves are not tied: no indirect terms).
    // Leaf: single contact → (1)² = 1.
    close(burtConstraint(small('star')), [1 / 3, 1, 1, 1]);
  });

  it('triangle: 9/8', () => {
    // p = 1/2 everywhere; ℓ(u,v) = (1/2 + p(u,w)p(w,v))² = (1/2 + 1/4)² = 9/16;
    // c = 2 · 9/16 = 9/8.
    close(burtConstraint(small('triangle')), [9 / 8, 9 / 8, 9 / 8]);
  });

  it('two triangles joined by a bridge', () => {
    // Node 0 (N = {1, 2}, p = 1/2; node 2 has degree 3 so p(2,·) = 1/3):
    //   ℓ(0,1) = (1/2 + p(0,2)p(2,1))² = (1/2 + 1/6)² = 4/9
    //   ℓ(0,2) = (1/2 + p(0,1)p(1,2))² = (1/2 + 1/4)² = 9/16
    //   c(0) = 4/9 + 9/16 = 145/144
    // Node 2 (N = {0, 1, 3}, p = 1/3):
    //   ℓ(2,0) = (1/3 + p(2,1)p(1,0))² = (1/3 + 1/6)² = 1/4, same for 1
    //   ℓ(2,3) = (1/3)² = 1/9 (no common neighbour)
    //   c(2) = 1/2 + 1/9 = 11/18
    const a = 145 / 144;
    const b = 11 / 18;
    close(burtConstraint(small('twoTriangles')), [a, a, b, b, a, a]);
  });

  it('barbell K4 – 4 – K4', () => {
    // Node 0 (N = {1,2,3}, p = 1/3; p(2,1) = 1/3, p(3,1) = 1/4):
    //   ℓ(0,1) = (1/3 + 1/3·1/3 + 1/3·1/4)² = (19/36)² = 361/1296, same for 2
    //   ℓ(0,3) = (1/3 + 1/3·1/3 + 1/3·1/3)² = (5/9)² = 400/1296
    //   c(0) = 1122/1296 = 187/216
    // Node 3 (N = {0,1,2,4}, p = 1/4):
    //   ℓ(3,0) = (1/4 + 2 · 1/4·1/3)² = (5/12)² = 25/144, ×3
    //   ℓ(3,4) = (1/4)² = 9/144 → c(3) = 84/144 = 7/12
    // Node 4 (N = {3,5}, untied): 2 · (1/2)² = 1/2.
    const k = 187 / 216;
    close(burtConstraint(small('barbell')), [k, k, k, 7 / 12, 0.5, 7 / 12, k, k, k]);
  });

  it('two disconnected pairs, single node, empty graph', () => {
    close(burtConstraint(small('twoPairs')), [1, 1, 1, 1]);
    close(burtConstraint(small('single')), [null]); // isolated: null, not NaN
    expect(burtConstraint(small('empty'))).toEqual([]);
  });

  it('isolated nodes next to a component are null', () => {
    close(burtConstraint(csrOf(4, [[0, 1]])), [1, 1, null, null]);
  });
});

describe('burtConstraint (weighted, hand-computed)', () => {
  it('path with strengths 1 and 3', () => {
    // Node 1: p(1,0) = 1/4, p(1,2) = 3/4 → c = 1/16 + 9/16 = 5/8. Ends: 1.
    const csr = csrOf(3, [[0, 1, 1], [1, 2, 3]]);
    close(burtConstraint(csr, { weighted: true }), [1, 5 / 8, 1]);
    close(burtConstraint(csr), [1, 1 / 2, 1]); // unweighted ignores the strengths
  });

  it('triangle with w(0,1) = w(0,2) = 1, w(1,2) = 2', () => {
    // Strengths s = (2, 3, 3).
    // Node 0: p(0,1) = p(0,2) = 1/2; p(2,1) = p(1,2) = 2/3
    //   ℓ(0,1) = (1/2 + 1/2·2/3)² = (5/6)² = 25/36, same for 2 → c(0) = 25/18
    // Node 1: p(1,0) = 1/3, p(1,2) = 2/3; p(2,0) = 1/3, p(0,2) = 1/2
    //   ℓ(1,0) = (1/3 + 2/3·1/3)² = (5/9)² = 25/81
    //   ℓ(1,2) = (2/3 + 1/3·1/2)² = (5/6)² = 25/36 → c(1) = 325/324
    const csr = csrOf(3, [[0, 1, 1], [0, 2, 1], [1, 2, 2]]);
    close(burtConstraint(csr, { weighted: true }), [25 / 18, 325 / 324, 325 / 324]);
  });

  it('is invariant to scaling all weights', () => {
    const a = csrOf(4, [[0, 1, 1], [1, 2, 2], [0, 2, 4], [2, 3, 0.5]]);
    const b = csrOf(4, [[0, 1, 10], [1, 2, 20], [0, 2, 40], [2, 3, 5]]);
    const ca = burtConstraint(a, { weighted: true });
    const cb = burtConstraint(b, { weighted: true });
    ca.forEach((x, i) => expect(cb[i]).toBeCloseTo(x!, 12));
  });
});

describe('effectiveSize (hand-computed)', () => {
  it('unweighted: Borgatti n − 2t/n', () => {
    // Path: ends 1, inner 2 (no ties among contacts).
    expect([...effectiveSize(small('path'))]).toEqual([1, 2, 2, 1]);
    // Star: centre 3 − 0 = 3, leaves 1.
    expect([...effectiveSize(small('star'))]).toEqual([3, 1, 1, 1]);
    // Triangle: n = 2, t = 1 → 2 − 2/2 = 1.
    expect([...effectiveSize(small('triangle'))]).toEqual([1, 1, 1]);
    // Two triangles: node 0: 2 − 2·1/2 = 1; node 2: n = 3, t = 1 → 3 − 2/3 = 7/3.
    const tt = effectiveSize(small('twoTriangles'));
    [1, 1, 7 / 3, 7 / 3, 1, 1].forEach((e, i) => expect(tt[i]).toBeCloseTo(e, 12));
    // Barbell: K4 node: n = 3, t = 3 → 3 − 2 = 1; node 3: n = 4, t = 3 → 4 − 6/4 = 5/2; node 4: 2.
    const bb = effectiveSize(small('barbell'));
    [1, 1, 1, 2.5, 2, 2.5, 1, 1, 1].forEach((e, i) => expect(bb[i]).toBeCloseTo(e, 12));
    expect([...effectiveSize(small('twoPairs'))]).toEqual([1, 1, 1, 1]);
    expect([...effectiveSize(small('single'))]).toEqual([0]); // isolated: 0, not NaN
    expect(effectiveSize(small('empty')).length).toBe(0);
  });

  it('weighted triangle w(0,1) = w(0,2) = 1, w(1,2) = 2', () => {
    // e(u) = Σ_v (1 − Σ_w p(u,w) m(v,w)), m(v,w) = w(v,w) / max_x w(v,x).
    // Node 0: v=1: 1 − p(0,2)·m(1,2) = 1 − 1/2·(2/2) = 1/2; v=2 likewise → e(0) = 1.
    // Node 1: v=0: 1 − p(1,2)·m(0,2) = 1 − 2/3·(1/1) = 1/3;
    //         v=2: 1 − p(1,0)·m(2,0) = 1 − 1/3·(1/2) = 5/6 → e(1) = 7/6.
    // (NetworkX ≤ 3.6.1's default path returns 4/3 here: see the module doc.)
    const csr = csrOf(3, [[0, 1, 1], [0, 2, 1], [1, 2, 2]]);
    const e = effectiveSize(csr, { weighted: true });
    [1, 7 / 6, 7 / 6].forEach((x, i) => expect(e[i]).toBeCloseTo(x, 12));
  });
});

describe('structural holes: robustness', () => {
  it('does not depend on node keys (__proto__, constructor), never NaN', () => {
    // graphology 0.26 itself cannot hold edges to nodes named after
    // Object.prototype members, so the CSR gets those keys afterwards.
    const ids = ['__proto__', 'constructor', 'toString', 'lonely'];
    const csr = withIds(csrOf(4, [[0, 1, 2], [1, 2, 1]]), ids);
    const c = burtConstraint(csr, { weighted: true });
    expect(c[csr.index.get('__proto__')!]).toBe(1);
    expect(c[csr.index.get('lonely')!]).toBeNull();
    // constructor: p = 2/3 and 1/3, no common neighbours → 4/9 + 1/9 = 5/9
    expect(c[csr.index.get('constructor')!]).toBeCloseTo(5 / 9, 12);
    for (const x of effectiveSize(csr, { weighted: true })) expect(Number.isNaN(x)).toBe(false);
  });
});
