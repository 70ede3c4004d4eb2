import type { Group } from '../model/groups.js';
import type { ChoiceCase } from './conditional-logit.js';
import { candidatesOf, featureMatrix, tieGraph, type FeatureSpec, type TieEvidence, type TieGraph } from './pair-features.js';

/**
 * One case of the body-level protocol: group `group` is hidden, and its
 * member `m` asks for partners. The candidates are every municipality not
 * tied to `m` by the remaining evidence; the hits are the co-members of the
 * hidden group among them (the members no other tie joins to `m`).
 */
export interface GroupCase extends ChoiceCase {
  /** Index of the hidden group in the evidence. */
  readonly group: number;
  /** The member asking, as a municipality index. */
  readonly m: number;
  readonly cands: Int32Array;
  /** `y[r] = 1` when `cands[r]` is a hit. */
  readonly y: Uint8Array;
  /** Feature rows (`cands.length × features`), row-major; empty when no features were asked for. */
  readonly x: Float64Array;
  readonly rows: number;
  /** The tie graph the case was computed on (the evidence without the hidden group). */
  readonly ties: TieGraph;
}

/** Which groups of the evidence can be hidden and which count as ties. */
export interface GroupRoles {
  /** Groups that can be hidden (cases are made for them). */
  readonly eligible: (index: number) => boolean;
  /** Groups whose ties are evidence. */
  readonly evidence: (index: number) => boolean;
}

/**
 * The default roles: a group is evidence unless it is a proposal (not a
 * membership) or county-wide (an obligation, with `countyWide: 'ignore'`);
 * it is eligible to be hidden when it is evidence and has at least two
 * members.
 */
export function groupRoles(ev: TieEvidence, countyWide: 'ignore' | 'count' = 'ignore'): GroupRoles {
  const isEvidence = ev.groups.map(({ group }) => group.status !== 'proposal' && (countyWide === 'count' || !group.countyWide));
  return {
    evidence: (i) => isEvidence[i]!,
    eligible: (i) => isEvidence[i]! && ev.groups[i]!.members.length >= 2,
  };
}

/** Fields that say something about a group's work (not `other`). */
export function knownFields(group: Group): string[] {
  return group.fields.filter((f) => f !== 'other');
}

/** Per municipality: 1 when it is a member of a group (for which `use` holds) sharing a field with `fields`. */
export function fieldMembership(ev: TieEvidence, fields: readonly string[], use: (index: number) => boolean): Uint8Array {
  const out = new Uint8Array(ev.geo.n);
  if (fields.length === 0) return out;
  ev.groups.forEach((g, i) => {
    if (!use(i) || !g.group.fields.some((f) => fields.includes(f))) return;
    for (const m of g.members) out[m] = 1;
  });
  return out;
}

/**
 * The cases of hiding group `g`: the evidence is the groups for which
 * `useGroup` holds, minus `g` itself, plus the direct ties. One case per
 * member with at least one hit, in member order. With `specs`, each case
 * gets its feature rows; `field: true` fills `candidateHasField` from the
 * hidden group's own fields (what a user asking for that field would give).
 */
export function groupCases(ev: TieEvidence, g: number, useGroup: (index: number) => boolean, specs: readonly FeatureSpec[] = [], field = false): GroupCase[] {
  const use = (i: number) => i !== g && useGroup(i);
  const ties = tieGraph(ev, use);
  const group = ev.groups[g]!;
  const inField = field ? fieldMembership(ev, knownFields(group.group), use) : undefined;
  const members = new Set(group.members);
  const cases: GroupCase[] = [];
  for (const m of group.members) {
    // Candidates are untied, so a co-member among them is one no other tie joins to m.
    const cands = candidatesOf(ties, m, ev.inScope);
    const y = Uint8Array.from(cands, (c) => (members.has(c) ? 1 : 0));
    if (!y.some((v) => v === 1)) continue;
    const x = specs.length > 0 ? featureMatrix(inField ? { geo: ev.geo, ties, inField } : { geo: ev.geo, ties }, m, cands, specs) : new Float64Array(0);
    cases.push({ group: g, m, cands, y, x, rows: cands.length, ties });
  }
  return cases;
}
