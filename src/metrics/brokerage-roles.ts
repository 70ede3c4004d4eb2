import { z } from 'zod';
import { parseKernelOptions } from '../model/options.js';
import { arcIndex, type Csr } from './csr.js';
import { firstSeenIds } from './labels.js';

/**
 * Gould & Fernandez brokerage roles on an undirected graph with one group
 * per node (for samverkan: the county of each actor).
 *
 * Reference: Gould, R. V. & Fernandez, R. M. (1989), "Structures of
 * mediation: a formal approach to brokerage in transaction networks",
 * *Sociological Methodology* 19:89–126.
 *
 * A broker `b` brokers every **open two-path** `a – b – c`: an unordered
 * pair `{a, c}` of neighbours of `b` that are not adjacent to each other.
 * Each open two-path is classified by the groups `g(·)`:
 *
 * | role | groups | per open two-path |
 * | --- | --- | --- |
 * | coordinator | `g(a) = g(b) = g(c)` | 1 coordinator |
 * | consultant (itinerant) | `g(a) = g(c) ≠ g(b)` | 1 consultant |
 * | liaison | `g(a)`, `g(b)`, `g(c)` all different | 1 liaison |
 * | gatekeeper / representative | exactly one of `a`, `c` in `g(b)` | 1 gatekeeper **and** 1 representative |
 *
 * The last row reflects that an undirected tie carries flow both ways: with
 * `a` in `b`'s group and `c` outside it, reading `a → b → c` makes `b` a
 * representative (it carries its group's flow out) and reading
 * `c → b → a` makes `b` a gatekeeper (it controls what comes in).
 *
 * **Relation to the directed definition.** Gould & Fernandez count ordered
 * triples `a → b → c` with no tie `a → c`. On the symmetrised digraph (each
 * undirected tie as two arcs) every open two-path `{a, c}` is exactly two
 * such triples, `a → b → c` and `c → b → a`. Hence:
 * - coordinator, consultant and liaison here = the directed counts ÷ 2
 *   (both readings get the same role);
 * - gatekeeper and representative here = the directed counts themselves
 *   (each of the two readings contributes one of the two roles, so the
 *   combined directed gatekeeper + representative count is halved as a
 *   whole and split evenly between the two roles);
 * - {@link BrokerageRoles.openTwoPaths} = the directed total ÷ 2.
 * The test-suite checks this against a brute-force directed count.
 *
 * Conventions:
 * - **Weights** are ignored (roles are about the presence of ties).
 * - **Ungrouped nodes** (`groups[i] === undefined`): with
 *   `ungrouped: 'own'` (default) each one forms a group of its own,
 *   different from every other node's; with `'skip'` every two-path that
 *   touches an ungrouped node (as broker or endpoint) is ignored, and such
 *   nodes get all-zero counts.
 * - **Isolated and degree-1 nodes**, and nodes in a clique, broker nothing:
 *   all counts 0. Disconnected graphs need nothing special (two-paths are
 *   local). Empty graph → empty arrays.
 * - Counts are integers stored in `Float64Array` (exact below 2^53, no
 *   overflow for hubs with tens of thousands of neighbours).
 * - **Cost:** `O(Σ_{(a,b) ∈ E} min(deg a, deg b) · log Δ)` time (Δ the
 *   largest degree; `O(m^1.5 log Δ)` at worst, linear on a star, however
 *   big its hub), `O(n + groups)` memory; open pairs are counted
 *   combinatorially from the group counts of each neighbourhood, then
 *   closed pairs (triangles) are subtracted, each found from the smaller of
 *   the two neighbour lists involved.
 *
 * @module
 */

/** Options of {@link brokerageRoles}. Strict: a wrong value or an unknown key throws a `KernelOptionsError` (a `RangeError`) naming it. */
export const BrokerageRoleOptionsSchema = z.strictObject({
  /**
   * How to treat nodes whose group is `undefined`: `'own'` (default) puts
   * each in a singleton group of its own; `'skip'` ignores every two-path
   * touching one.
   */
  ungrouped: z.enum(['own', 'skip']).default('own'),
});
/** Options of {@link brokerageRoles}, as given (see {@link BrokerageRoleOptionsSchema}). */
export type BrokerageOptions = z.input<typeof BrokerageRoleOptionsSchema>;

/** Role counts per node, each aligned with `csr.ids`. */
export interface BrokerageRoles {
  /** `a`, `b`, `c` all in one group. */
  readonly coordinator: Float64Array;
  /** Exactly one endpoint in `b`'s group, read as flow into `b`'s group. */
  readonly gatekeeper: Float64Array;
  /** Exactly one endpoint in `b`'s group, read as flow out of `b`'s group. */
  readonly representative: Float64Array;
  /** Both endpoints in one group, `b` in another (itinerant broker). */
  readonly consultant: Float64Array;
  /** Three different groups. */
  readonly liaison: Float64Array;
  /**
   * Sum of the five role counts. Because a gatekeeper/representative pair
   * counts in both roles, this is `openTwoPaths` plus the number of open
   * two-paths with exactly one endpoint in `b`'s group.
   */
  readonly total: Float64Array;
  /**
   * Number of open two-paths brokered (each unordered non-adjacent
   * neighbour pair once) = directed Gould–Fernandez total ÷ 2.
   */
  readonly openTwoPaths: Float64Array;
}

/**
 * Count Gould–Fernandez brokerage roles of every node. See the module
 * documentation for definitions and conventions.
 *
 * @param csr - The graph.
 * @param groups - Group label per node, aligned with `csr.ids`
 *   (`groups.length` must be at least `csr.n`; extra entries are ignored,
 *   missing ones read as `undefined`).
 * @param options - See {@link BrokerageOptions}.
 *
 * @example
 * // Path a–b–c with groups X, X, Y: b is 1 gatekeeper and 1 representative.
 * // With groups X, Y, X: b is 1 consultant. Triangle: nothing (closed).
 */
export function brokerageRoles(
  csr: Csr,
  groups: ArrayLike<string | undefined>,
  options: BrokerageOptions = {},
): BrokerageRoles {
  const skip = parseKernelOptions(BrokerageRoleOptionsSchema, options, 'brokerageRoles').ungrouped === 'skip';
  const { n, offsets, targets } = csr;

  // Group ids: defined labels → 0..G-1 (in first-seen order); ungrouped →
  // -1 ('skip') or a fresh id G + i ('own').
  const { ids: raw, count: G } = firstSeenIds(groups, n);
  const gid = new Int32Array(n);
  for (let i = 0; i < n; i++) gid[i] = raw[i]! >= 0 ? raw[i]! : skip ? -1 : G + i;

  const coordinator = new Float64Array(n);
  const gatekeeper = new Float64Array(n);
  const representative = new Float64Array(n);
  const consultant = new Float64Array(n);
  const liaison = new Float64Array(n);
  const total = new Float64Array(n);
  const openTwoPaths = new Float64Array(n);

  const count = new Float64Array(G + n); // neighbours per group, reset per broker
  const mark = new Int32Array(n).fill(-1); // mark[x] === b ⇔ x is an eligible neighbour of b

  for (let b = 0; b < n; b++) {
    const gb = gid[b]!;
    if (gb < 0) continue;
    const lo = offsets[b]!;
    const hi = offsets[b + 1]!;

    // Group composition of the eligible neighbourhood.
    let same = 0; // neighbours in b's group
    let other = 0; // neighbours outside it
    let samePairsOther = 0; // Σ_{g ≠ gb} C(n_g, 2)
    for (let k = lo; k < hi; k++) {
      const a = targets[k]!;
      const ga = gid[a]!;
      if (ga < 0) continue;
      mark[a] = b;
      if (ga === gb) {
        same++;
      } else {
        samePairsOther += count[ga]!;
        count[ga]!++;
        other++;
      }
    }
    for (let k = lo; k < hi; k++) {
      const ga = gid[targets[k]!]!;
      if (ga >= 0) count[ga] = 0;
    }

    // All neighbour pairs, by type.
    // (Guarded so that no count is ever -0.)
    let coord = same > 1 ? (same * (same - 1)) / 2 : 0;
    let mixed = same * other;
    let cons = samePairsOther;
    let liais = other > 1 ? (other * (other - 1)) / 2 - samePairsOther : 0;

    // Subtract closed pairs {a, c} (a < c, both eligible neighbours, a ~ c),
    // walking N(a) when it is the shorter list, else N(b) with a binary search in N(a).
    const degB = hi - lo;
    for (let k = lo; k < hi; k++) {
      const a = targets[k]!;
      if (mark[a] !== b) continue;
      const ga = gid[a]!;
      const viaA = offsets[a + 1]! - offsets[a]! <= degB;
      const from = viaA ? offsets[a]! : lo;
      for (let j = (viaA ? offsets[a + 1]! : hi) - 1; j >= from; j--) {
        const c = targets[j]!;
        if (c <= a) break; // sorted neighbour lists: only c > a
        if (mark[c] !== b) continue;
        if (!viaA && arcIndex(csr, a, c) < 0) continue;
        const gc = gid[c]!;
        if (ga === gb) {
          if (gc === gb) coord--;
          else mixed--;
        } else if (gc === gb) {
          mixed--;
        } else if (ga === gc) {
          cons--;
        } else {
          liais--;
        }
      }
    }

    coordinator[b] = coord;
    gatekeeper[b] = mixed;
    representative[b] = mixed;
    consultant[b] = cons;
    liaison[b] = liais;
    openTwoPaths[b] = coord + mixed + cons + liais;
    total[b] = coord + 2 * mixed + cons + liais;
  }

  return { coordinator, gatekeeper, representative, consultant, liaison, total, openTwoPaths };
}
