/**
 * The joint bodies stage, for every configuration of the generator.
 *
 * @module
 */
import type { DemoWords } from '../model/demo-words.js';
import { cmp } from '../model/geography.js';
import { shuffled } from '../metrics/random.js';
import type { Authorities, AuthorityRow } from './authorities.js';
import { dayIndex, type EdgeList, MEMBER } from './edges.js';
import type { Gaps, Places } from './gaps.js';
import { between, type Locals, pickOf } from './links.js';
import type { NodeSink } from './rows.js';
import { JOINT_BODY_SIZE, POLICE_REGIONS_SINCE } from './shape.js';

/** A county with at least this many municipalities gets a second body. */
const BIG_COUNTY = 30;

/** What a configuration asks of the joint bodies stage. */
export interface BodyPlan {
  /** Counties (each at most once, drawn among those with 4 or more municipalities) that get a body; the big ones get a second. */
  readonly count: number;
  /** Bodies named after their centre (`DemoWords.bodyNames`), else numbered in their county (`countyBodyName`). */
  readonly named: boolean;
  /** The probability that the police region, the board, and each member's civil-society organisation (needs `locals`) is a member too. */
  readonly police: number;
  readonly board: number;
  readonly civilMembers: number;
  /** One more body across a county border. */
  readonly crossBorder: boolean;
  /** Fill `focus`, `founded` and (across the border) `counties`. */
  readonly attributes: boolean;
}

/** What the bodies stage reads: the places and their gaps, the nodes, the authorities, the locals when there are any, the edge list. */
export type BodyFrame = Places &
  Gaps & {
    readonly nodes: NodeSink<AuthorityRow & { founded?: string }>;
    readonly authorities: Authorities;
    readonly locals: Locals | undefined;
    readonly edges: EdgeList;
  };

/**
 * The joint bodies stage (the demo's stage 8): multi-municipality
 * associations within a county, grown from a large centre to its nearest
 * municipalities by border steps that the gaps allow, with the police region,
 * the board and local organisations as members at times; and, when the plan
 * asks, one body across a county border. `tie` hears of each pair of members.
 */
export function jointBodies(c: BodyFrame, words: DemoWords, plan: BodyPlan, tie: (x: string, y: string) => void) {
  const { geography, ix, counties, countyName, stream, stepsTo, dist, borders, countyOf, mun, weak, isolated, noCross, dependentHub, crossAllowed, nodes, authorities, locals, edges } = c;
  const node = (code: string) => c.msIndex.get(code)!;
  const add = (u: number, v: number, weight: number, since: string) => edges.put(u, v, MEMBER, weight, dayIndex(since), -1);
  const bodies: { id: string; members: string[] }[] = [];
  // Each pair of a body's members is tied.
  const tieAll = (members: readonly string[]) => {
    for (let i = 0; i < members.length; i++) for (let j = i + 1; j < members.length; j++) tie(members[i]!, members[j]!);
  };
  {
    const r = stream(8);
    const bodyCounties = shuffled(
      counties.filter((c) => !weak.has(c.code) && (ix.municipalitiesOf.get(c.code)?.length ?? 0) >= 4),
      r,
    ).slice(0, plan.count);
    // the largest counties by number of municipalities get a second body
    const bigOnes = counties.filter((c) => (ix.municipalitiesOf.get(c.code)?.length ?? 0) >= BIG_COUNTY && !weak.has(c.code));
    const planned = [...bodyCounties.map((c) => c.code), ...bigOnes.map((c) => c.code)];
    const inBody = new Set<string>();
    const usedNames = new Set<string>();
    let n = 0;
    for (const county of planned) {
      const pool = ix.municipalitiesOf
        .get(county)!
        .filter((m) => !isolated.has(m.code) && !noCross.has(m.code) && !dependentHub.has(m.code) && !inBody.has(m.code));
      if (pool.length < JOINT_BODY_SIZE.min) continue;
      const top = [...pool].sort((p, q) => q.population - p.population || cmp(p.code, q.code)).slice(0, 3);
      const centre = pickOf(r, top);
      const size = JOINT_BODY_SIZE.min + Math.floor(r() * (JOINT_BODY_SIZE.max - JOINT_BODY_SIZE.min + 1));
      const steps = stepsTo(centre.code, pool.map((m) => m.code));
      const near = pool
        .filter((m) => m.code !== centre.code)
        .sort(
          (p, q) =>
            (steps(p.code) ?? 99) - (steps(q.code) ?? 99) ||
            dist(centre.code, p.code) - dist(centre.code, q.code) ||
            cmp(p.code, q.code),
        );
      const members = [centre.code];
      for (const m of near) {
        if (members.length >= size) break;
        if (members.every((x) => crossAllowed(x, m.code))) members.push(m.code);
      }
      if (members.length < JOINT_BODY_SIZE.min) continue;
      n++;
      let name = plan.named ? pickOf(r, words.bodyNames)(centre.name) : words.countyBodyName(n, countyName(county));
      if (usedNames.has(name)) name = words.numberedBody(name, n);
      usedNames.add(name);
      const id = `jb-${county}-${n}`;
      const focus = pickOf(r, ['crime-prevention', 'violence-prevention', 'social-cohesion']);
      const founded = between(r, '2011-01-01', '2018-12-31');
      const body = nodes.add({ id, name, kind: 'joint_body', county, ...(plan.attributes && { focus, founded: founded.slice(0, 4) }) });
      members.sort(cmp);
      for (const c of members) {
        add(body, node(c), 1, r() < 0.8 ? founded : between(r, founded, '2024-12-31'));
        inBody.add(c);
      }
      // police regions exist since 2015-01-01
      const k = c.county[node(centre.code)]!;
      if (r() < plan.police) add(body, authorities.police[k]!, 1, founded >= POLICE_REGIONS_SINCE ? founded : between(r, POLICE_REGIONS_SINCE, '2016-12-31'));
      if (r() < plan.board) add(body, authorities.board[k]!, 1, founded);
      for (const c of members) {
        if (r() < plan.civilMembers) {
          // a civil-society organisation of the member (the locals' nodes after its religious ones)
          const m = node(c);
          const from = locals!.start[m]! + locals!.religious[m]!;
          add(body, from + Math.floor(r() * (locals!.start[m + 1]! - from)), 0.5, between(r, founded, '2025-06-30'));
        }
      }
      bodies.push({ id, members });
      tieAll(members);
    }

    // One body across a county border.
    const crossPairs = !plan.crossBorder
      ? []
      : geography.borders
      .map((bp) => [bp.a, bp.b] as const)
      .filter(([x, y]) => countyOf(x) !== countyOf(y) && !weak.has(countyOf(x)) && !weak.has(countyOf(y)) && crossAllowed(x, y) && !inBody.has(x) && !inBody.has(y))
      .sort((p, q) => cmp(p[0], q[0]) || cmp(p[1], q[1]));
    if (crossPairs.length > 0) {
      const [x, y] = pickOf(r, crossPairs);
      const members = [x, y];
      for (const c of [...borders(x), ...borders(y)].sort(cmp)) {
        if (members.length >= 4) break;
        if (members.includes(c) || inBody.has(c) || weak.has(countyOf(c))) continue;
        if (members.every((m) => crossAllowed(m, c))) members.push(c);
      }
      members.sort(cmp);
      const id = 'jb-x-1';
      const founded = between(r, '2013-01-01', '2019-12-31');
      const body = nodes.add({
        id,
        name: words.crossBorderBodyName(mun(x).name, mun(y).name),
        kind: 'joint_body',
        ...(plan.attributes && { counties: [...new Set(members.map(countyOf))].sort(cmp).join(';'), focus: 'crime-prevention', founded: founded.slice(0, 4) }),
      });
      for (const c of members) add(body, node(c), 1, founded);
      bodies.push({ id, members });
      tieAll(members);
    }
  }
  return bodies;
}

