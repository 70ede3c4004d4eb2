/**
 * The analysis API at network level against NetworkX: the graphs of
 * test/fixtures/networkx/{centrality,structure}.json are loaded as networks
 * (fixture nodes = actors of a kind of their own, fixture edges = links with
 * their weights) and every row is compared BY ID with the fixture's value.
 *
 * The kernels are already tested on these graphs (test/metrics); what this
 * adds is the wrapper: the kind filter, the index ↔ id mapping (actors are
 * declared in a shuffled order, so network order ≠ fixture order), the
 * aggregation of repeated links, the options and the row shape.
 */
import { describe, expect, it } from 'vitest';
import { brokerage } from '../../src/analysis/brokerage.js';
import { centrality, type CentralityRow } from '../../src/analysis/centrality.js';
import { articulationPoints, bridges, components, kCore } from '../../src/analysis/structure.js';
import { networkxFixture, type MeasureKey } from '../metrics/centrality-helpers.js';
import { structureFixture } from '../metrics/structure-graphs.js';
import { byId, close, network, type ActorSpec, type LinkSpec } from './helpers.js';

// The same fixture files and types as the kernel tests (test/metrics).
const CENTRALITY = networkxFixture();
const STRUCTURE = structureFixture();

const KIND = 'nx_node';
const TOL = 1e-9;

/** The loader trims cells and rejects empty ids: give those two fixture ids a name it can take. */
const loadableId = (id: string) => (id === '' ? '(empty)' : id.trim() === '' ? '(blank)' : id);

/** A fixed permutation of 0..n-1 (stride coprime with n), so actors are not declared in fixture order. */
function shuffled(n: number): number[] {
  let stride = 7;
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  while (gcd(stride, n) !== 1) stride++;
  return Array.from({ length: n }, (_, i) => (i * stride + 3) % n);
}

/**
 * The fixture graph as links: every edge once, except that every fourth edge
 * is written target→source and every fifth is split into two links whose
 * weights add up to the edge weight (the network sums repeated links).
 */
function fixtureLinks(ids: readonly string[], edges: readonly [number, number, number][]): LinkSpec[] {
  const links: LinkSpec[] = [];
  edges.forEach(([u, v, w], k) => {
    const [s, t] = k % 4 === 3 ? [ids[v]!, ids[u]!] : [ids[u]!, ids[v]!];
    if (k % 5 === 2) {
      links.push([s, t, w / 4, 'part']);
      links.push([t, s, w - w / 4, 'part']);
    } else {
      links.push([s, t, w]);
    }
  });
  return links;
}

/**
 * Actors of another kind, tied to fixture nodes and to municipalities, so the
 * `kinds` filter has something to leave out. Without the filter they change
 * every value; with it they must not matter.
 */
function distractors(ids: readonly string[]): { actors: ActorSpec[]; links: LinkSpec[] } {
  return {
    actors: [
      { id: 'distractor-a', kind: 'civil_society', municipality: '0180' },
      { id: 'distractor-b', kind: 'authority' },
    ],
    links: [
      ['distractor-a', ids[0]!, 5],
      ['distractor-a', ids[ids.length - 1]!, 2],
      ['distractor-b', ids[1]!, 1],
      ['distractor-b', '0180', 1],
      ['0180', ids[2]!, 3],
      ['Umeå', ids[3]!, 1],
    ],
  };
}

describe(`centrality() on the NetworkX ${CENTRALITY.networkx} fixture graphs, row by row by id`, () => {
  it('the fixture covers disconnected graphs, isolated nodes and awkward ids', () => {
    expect(CENTRALITY.graphs.some((g) => g.components > 1 && g.isolates > 0)).toBe(true);
    expect(CENTRALITY.graphs.some((g) => g.nodes.includes('') && g.nodes.includes('prototype'))).toBe(true);
  });

  for (const g of CENTRALITY.graphs) {
    describe(g.name, () => {
      const ids = g.nodes.map(loadableId);
      const order = shuffled(ids.length);
      const extra = distractors(ids);
      const actors: ActorSpec[] = [...order.map((i) => ({ id: ids[i]!, name: `Node ${ids[i]}`, kind: KIND })), ...extra.actors];
      const net = network(actors, [...fixtureLinks(ids, g.edges), ...extra.links]);
      const kinds = [KIND];

      const check = (rows: CentralityRow[], columns: Partial<Record<keyof CentralityRow, MeasureKey>>) => {
        expect(rows).toHaveLength(ids.length);
        const rowOf = byId(rows);
        ids.forEach((id, i) => {
          const row = rowOf.get(id);
          expect(row, `row for ${id}`).toBeDefined();
          expect(row!.kind).toBe(KIND);
          expect(row!.name).toBe(`Node ${id}`);
          for (const [column, key] of Object.entries(columns)) {
            close(row![column as keyof CentralityRow] as number, g.expected[key!]![i]!, `${g.name} ${column} (${key}) of ${JSON.stringify(id)}`, TOL);
          }
        });
      };

      it('defaults = NetworkX defaults (degree, strength, betweenness, closeness, harmonic, eigenvector, pagerank)', () => {
        const rows = centrality(net, { kinds });
        // Network order is the declaration order, not the fixture order.
        expect(rows.map((r) => r.id)).toEqual(order.map((i) => ids[i]));
        check(rows, {
          degree: 'degree',
          strength: 'strength',
          betweenness: 'betweenness',
          closeness: 'closeness',
          harmonic: 'harmonic',
          eigenvector: 'eigenvector',
          pagerank: 'pagerank',
        });
      });

      it('weighted: true (distance = 1/weight for the path measures, weights in eigenvector)', () => {
        check(centrality(net, { kinds, weighted: true }), {
          degree: 'degree',
          strength: 'strength',
          betweenness: 'betweenness_weighted',
          closeness: 'closeness_weighted',
          harmonic: 'harmonic_weighted',
          eigenvector: 'eigenvector_weighted',
          pagerank: 'pagerank',
        });
      });

      it('normalized: false, pagerankWeighted: false, alpha', () => {
        check(centrality(net, { kinds, normalized: false, pagerankWeighted: false }), {
          betweenness: 'betweenness_unnormalized',
          pagerank: 'pagerank_unweighted',
        });
        check(centrality(net, { kinds, normalized: false, weighted: true, measures: ['betweenness'] }), {
          betweenness: 'betweenness_weighted_unnormalized',
        });
        check(centrality(net, { kinds, alpha: 0.6, pagerankWeighted: false, measures: ['pagerank'] }), {
          pagerank: 'pagerank_alpha_0_6_unweighted',
        });
      });

      it('without a kind filter, the 290 municipalities are in the graph: NetworkX values rescaled to N = n + 290', () => {
        // Same graph without the distractors, so the fixture nodes' own
        // component structure is unchanged and only n grows.
        const plain = network(
          order.map((i) => ({ id: ids[i]!, kind: KIND })),
          fixtureLinks(ids, g.edges),
        );
        const n = ids.length;
        const N = n + 290;
        const rows = centrality(plain, { measures: ['degree', 'betweenness', 'closeness', 'harmonic'] });
        expect(rows).toHaveLength(N);
        expect(rows.filter((r) => r.kind === 'municipality')).toHaveLength(290);
        const raw = centrality(plain, { measures: ['betweenness'], normalized: false });
        const rowOf = byId(rows);
        const rawOf = byId(raw);
        ids.forEach((id, i) => {
          const what = `${g.name} ${JSON.stringify(id)}`;
          close(rowOf.get(id)!.degree, g.expected.degree![i]!, `${what} degree`);
          // Harmonic and unnormalised betweenness ignore isolated nodes.
          close(rowOf.get(id)!.harmonic, g.expected.harmonic![i]!, `${what} harmonic`);
          close(rawOf.get(id)!.betweenness, g.expected.betweenness_unnormalized![i]!, `${what} raw betweenness`);
          // Normalised betweenness: pairs / ((N−1)(N−2)/2).
          close(rowOf.get(id)!.betweenness, (2 * g.expected.betweenness_unnormalized![i]!) / ((N - 1) * (N - 2)), `${what} betweenness`, 1e-9);
          // Wasserman–Faust closeness is scaled by (r−1)/(N−1) instead of (r−1)/(n−1).
          close(rowOf.get(id)!.closeness, (g.expected.closeness![i]! * (n - 1)) / (N - 1), `${what} closeness`, 1e-9);
        });
        for (const r of rows.filter((x) => x.kind === 'municipality')) {
          expect([r.degree, r.betweenness, r.closeness, r.harmonic]).toEqual([0, 0, 0, 0]);
        }
      });
    });
  }
});

/** Gould–Fernandez roles counted by brute force from the definition in brokerage.ts (undirected reading). */
function bruteRoles(n: number, edges: readonly [number, number, number][], groupOf: (i: number) => string | undefined, ungrouped: 'own' | 'skip') {
  const adj = Array.from({ length: n }, () => new Set<number>());
  for (const [u, v] of edges) {
    adj[u]!.add(v);
    adj[v]!.add(u);
  }
  const group = (i: number) => groupOf(i) ?? (ungrouped === 'own' ? `own:${i}` : undefined);
  const zero = () => ({ coordinator: 0, gatekeeper: 0, representative: 0, consultant: 0, liaison: 0 });
  return Array.from({ length: n }, (_, b) => {
    const r = zero();
    const nb = [...adj[b]!].sort((x, y) => x - y);
    for (let x = 0; x < nb.length; x++) {
      for (let y = x + 1; y < nb.length; y++) {
        const [a, c] = [nb[x]!, nb[y]!];
        if (adj[a]!.has(c)) continue; // closed: not brokered
        const [ga, gb, gc] = [group(a), group(b), group(c)];
        if (ga === undefined || gb === undefined || gc === undefined) continue;
        if (ga === gb && gc === gb) r.coordinator++;
        else if (ga === gc) r.consultant++;
        else if (ga !== gb && gc !== gb) r.liaison++;
        else {
          r.gatekeeper++;
          r.representative++;
        }
      }
    }
    return r;
  });
}

describe(`brokerage() and structure on the NetworkX ${STRUCTURE.networkx} fixture graphs, row by row by id`, () => {
  it('the fixture has articulation points, bridges, isolated nodes and several components', () => {
    expect(STRUCTURE.graphs.reduce((s, g) => s + g.articulation_points.length, 0)).toBeGreaterThan(20);
    expect(STRUCTURE.graphs.some((g) => g.isolates.length > 0 && g.n_components > 1)).toBe(true);
  });

  for (const g of STRUCTURE.graphs) {
    describe(g.name, () => {
      // Ids whose string order differs from the fixture order; counties 24, 25 or none.
      const ids = Array.from({ length: g.n }, (_, i) => `${g.name}:${(i * 13) % 100}-${i}`);
      const countyOf = (i: number) => (['24', '25', undefined] as const)[i % 3];
      const order = shuffled(g.n);
      const extra = distractors(ids);
      const net = network(
        [...order.map((i) => ({ id: ids[i]!, kind: KIND, ...(countyOf(i) && { county: countyOf(i) }) })), ...extra.actors],
        [...fixtureLinks(ids, g.edges), ...extra.links],
      );
      const kinds = [KIND];

      it('constraint and effective size = nx.constraint / nx.effective_size (null / 0 for isolated actors)', () => {
        for (const weighted of [false, true]) {
          const rows = brokerage(net, { kinds, weighted });
          expect(rows).toHaveLength(g.n);
          const rowOf = byId(rows);
          const constraint = weighted ? g.constraint_weighted : g.constraint_unweighted;
          const size = weighted ? g.effective_size_weighted : g.effective_size_unweighted;
          ids.forEach((id, i) => {
            const row = rowOf.get(id)!;
            const what = `${g.name} ${weighted ? 'weighted' : 'unweighted'} ${id}`;
            if (constraint[i] === null) {
              // NetworkX: NaN for an isolated node; samverkan: null and 0.
              expect(g.isolates).toContain(i);
              expect(row.constraint, what).toBeNull();
              expect(row.effectiveSize, what).toBe(0);
            } else {
              close(row.constraint, constraint[i]!, `${what} constraint`);
              close(row.effectiveSize, size[i]!, `${what} effective size`);
            }
          });
        }
      });

      it('Gould–Fernandez roles with counties as groups = brute-force count (own and skip)', () => {
        for (const ungrouped of ['own', 'skip'] as const) {
          const expected = bruteRoles(g.n, g.edges, countyOf, ungrouped);
          const rowOf = byId(brokerage(net, { kinds, ungrouped }));
          ids.forEach((id, i) => {
            const row = rowOf.get(id)!;
            const e = expected[i]!;
            expect(
              { coordinator: row.coordinator, gatekeeper: row.gatekeeper, representative: row.representative, consultant: row.consultant, liaison: row.liaison },
              `${g.name} ${ungrouped} ${id}`,
            ).toEqual(e);
            expect(row.total).toBe(e.coordinator + e.gatekeeper + e.representative + e.consultant + e.liaison);
          });
        }
      });

      it('kCore = nx.core_number', () => {
        const rowOf = byId(kCore(net, { kinds }));
        ids.forEach((id, i) => expect(rowOf.get(id)!.core, `${g.name} core of ${id}`).toBe(g.core_number[i]));
      });

      it('components = nx.connected_components', () => {
        const rows = components(net, { kinds });
        expect(rows.map((r) => r.size)).toEqual([...g.component_sizes].sort((a, b) => b - a));
        expect(rows.reduce((s, r) => s + r.members.length, 0)).toBe(g.n);
        expect(rows.every((r) => r.municipalityCount === 0)).toBe(true);
      });

      it('articulationPoints(within network) = nx.articulation_points, with parts and cut-off actors by brute force', () => {
        const rows = articulationPoints(net, { within: 'network', kinds });
        expect(rows.map((r) => r.id).sort()).toEqual(g.articulation_points.map((i) => ids[i]!).sort());
        const adj = Array.from({ length: g.n }, () => [] as number[]);
        for (const [u, v] of g.edges) adj[u]!.push(v), adj[v]!.push(u);
        const pieces = (removed: number, from: number[]) => {
          const seen = new Set<number>([removed]);
          const sizes: number[] = [];
          for (const s of from) {
            if (seen.has(s)) continue;
            let size = 0;
            const stack = [s];
            seen.add(s);
            while (stack.length > 0) {
              const x = stack.pop()!;
              size++;
              for (const y of adj[x]!) if (!seen.has(y)) seen.add(y), stack.push(y);
            }
            sizes.push(size);
          }
          return sizes;
        };
        const index = new Map(ids.map((id, i) => [id, i]));
        for (const row of rows) {
          const x = index.get(row.id)!;
          const parts = pieces(x, adj[x]!);
          const rest = parts.reduce((s, p) => s + p, 0);
          expect(row.scope).toBe('network');
          expect(row.componentSize, row.id).toBe(rest + 1);
          expect(row.parts, row.id).toBe(parts.length);
          expect(row.cutOffActors, row.id).toBe(rest - Math.max(...parts));
          expect(row.cutOffMunicipalities).toBe(0);
        }
      });

      it('bridges = nx.bridges, by id, with the number of links behind each', () => {
        const rows = bridges(net, { kinds });
        const key = (a: string, b: string) => [a, b].sort().join(' | ');
        expect(rows.map((r) => key(r.source, r.target)).sort()).toEqual(g.bridges.map(([u, v]) => key(ids[u]!, ids[v]!)).sort());
        const edgeIndex = new Map(g.edges.map(([u, v], k) => [key(ids[u]!, ids[v]!), k]));
        const index = new Map(ids.map((id, i) => [id, i]));
        for (const r of rows) {
          // Edges split into two links (see fixtureLinks) are bridges of 2 links.
          expect(r.linkCount, key(r.source, r.target)).toBe(edgeIndex.get(key(r.source, r.target))! % 5 === 2 ? 2 : 1);
          // Fixture actors have no municipality; counties 24, 25 or none (see countyOf).
          const [u, w] = [index.get(r.source)!, index.get(r.target)!];
          const crossCounty = countyOf(u) !== undefined && countyOf(w) !== undefined && countyOf(u) !== countyOf(w);
          expect([r.crossMunicipal, r.crossCounty], key(r.source, r.target)).toEqual([false, crossCounty]);
        }
      });
    });
  }
});

/*
 * Ids that name Object.prototype members. Reference values from NetworkX 3.6.1:
 *
 *   G = nx.Graph()
 *   G.add_weighted_edges_from([('__proto__','constructor',2), ('constructor','toString',1),
 *       ('toString','__proto__',3), ('toString','hasOwnProperty',1), ('hasOwnProperty','valueOf',0.5)])
 *   for u, v, d in G.edges(data=True): d['distance'] = 1 / d['weight']
 *   nx.betweenness_centrality(G, weight='distance'), nx.closeness_centrality(G, distance='distance'),
 *   nx.harmonic_centrality(G, distance='distance'), nx.eigenvector_centrality(G[, weight='weight']),
 *   nx.pagerank(G), nx.constraint(G[, weight='weight']), nx.effective_size(G, nodes=list(G)[, weight='weight'])
 *
 * Unweighted values by hand (a triangle __proto__–constructor–toString with
 * a tail toString–hasOwnProperty–valueOf; n = 5, 6 pairs of other nodes):
 *   betweenness(toString) = 4 pairs {hasOwnProperty, valueOf} × {__proto__, constructor} / 6 = 2/3
 *   betweenness(hasOwnProperty) = 3 pairs (valueOf with the three others) / 6 = 1/2
 *   closeness(toString) = 4 / (1 + 1 + 1 + 2) = 0.8;   harmonic(toString) = 1 + 1 + 1 + 1/2 = 3.5
 *   closeness(valueOf) = 4 / (1 + 2 + 3 + 3) = 4/9;    harmonic(valueOf) = 1 + 1/2 + 1/3 + 1/3 = 13/6
 *   constraint(hasOwnProperty) = 2 · (1/2)² = 1/2 (two unconnected contacts); constraint(valueOf) = 1
 *   constraint(__proto__): p(__proto__, ·) = 1/2 each, p(toString, constructor) = 1/3, p(constructor, toString) = 1/2:
 *     ℓ(__proto__, constructor) = (1/2 + 1/2 · 1/3)² = 4/9, ℓ(__proto__, toString) = (1/2 + 1/2 · 1/2)² = 9/16,
 *     c = 4/9 + 9/16 = 145/144 = 1.0069444…
 *   constraint(toString): p = 1/3 each; ℓ to __proto__ and to constructor = (1/3 + 1/3 · 1/2)² = 1/4,
 *     ℓ to hasOwnProperty = (1/3)² = 1/9; c = 1/2 + 1/9 = 11/18
 *   effective size(toString) = 3 − 2·1/3 = 7/3 (Borgatti: n − 2t/n with t = 1 tie among 3 contacts)
 *   core numbers: triangle 2, tail 1; articulation points toString, hasOwnProperty; both tail edges are bridges.
 */
describe('ids __proto__, constructor, toString, hasOwnProperty, valueOf', () => {
  const ids = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'] as const;
  type Id = (typeof ids)[number];
  const net = network(
    [...ids].reverse().map((id) => ({ id, kind: 'proto' })),
    [
      ['__proto__', 'constructor', 2],
      ['constructor', 'toString', 1],
      ['toString', '__proto__', 3],
      ['toString', 'hasOwnProperty', 1],
      ['hasOwnProperty', 'valueOf', 0.5],
    ],
  );
  const kinds = ['proto'];
  // Values in the order of `ids`. (Not an object literal: `{ __proto__: 1 }` sets the prototype.)
  const v = (...values: number[]) => new Map<Id, number>(ids.map((id, i) => [id, values[i]!]));
  const expected: Record<string, Map<Id, number>> = {
    degree: v(2, 2, 3, 2, 1),
    strength: v(5, 3, 5, 1.5, 0.5),
    betweenness: v(0, 0, 2 / 3, 0.5, 0),
    closeness: v(4 / 7, 4 / 7, 0.8, 2 / 3, 4 / 9),
    harmonic: v(17 / 6, 17 / 6, 3.5, 3, 13 / 6),
    eigenvector: v(0.4971525984525413, 0.4971525984525413, 0.6037035301706529, 0.34248744909850964, 0.15467056143060928),
    pagerank: v(0.2923784040070734, 0.18241291162755005, 0.3117884220304786, 0.14292470079190883, 0.07049556154298978),
    betweennessW: v(0.5, 0, 2 / 3, 0.5, 0),
    closenessW: v(0.7272727272727273, 0.5714285714285714, 0.7741935483870969, 0.6486486486486487, 0.3287671232876712),
    harmonicW: v(6.05, 4.006324110671937, 5.533333333333333, 2.7954545454545454, 1.3942028985507247),
    eigenvectorW: v(0.6438042889524995, 0.44977272830544407, 0.6015129906612724, 0.14527072019178816, 0.017293649693891328),
    constraint: v(145 / 144, 145 / 144, 11 / 18, 0.5, 1),
    effectiveSize: v(1, 1, 7 / 3, 2, 1),
    constraintW: v(0.8081777777777779, 1.2888888888888892, 0.7713777777777779, 0.5555555555555556, 1),
    effectiveSizeW: v(1.5666666666666667, 1, 2.2666666666666666, 2, 1),
    core: v(2, 2, 2, 1, 1),
  };

  it('centrality, unweighted and weighted', () => {
    const plain = byId(centrality(net, { kinds }));
    const weighted = byId(centrality(net, { kinds, weighted: true }));
    expect(plain.size).toBe(5);
    for (const id of ids) {
      for (const m of ['degree', 'strength', 'betweenness', 'closeness', 'harmonic', 'eigenvector', 'pagerank'] as const) {
        close(plain.get(id)![m], expected[m]!.get(id)!, `${m} of ${id}`);
      }
      close(weighted.get(id)!.betweenness, expected.betweennessW!.get(id)!, `weighted betweenness of ${id}`);
      close(weighted.get(id)!.closeness, expected.closenessW!.get(id)!, `weighted closeness of ${id}`);
      close(weighted.get(id)!.harmonic, expected.harmonicW!.get(id)!, `weighted harmonic of ${id}`);
      close(weighted.get(id)!.eigenvector, expected.eigenvectorW!.get(id)!, `weighted eigenvector of ${id}`);
    }
  });

  it('brokerage, k-core, articulation points, bridges, components', () => {
    const plain = byId(brokerage(net, { kinds }));
    const weighted = byId(brokerage(net, { kinds, weighted: true }));
    const core = byId(kCore(net, { kinds }));
    for (const id of ids) {
      close(plain.get(id)!.constraint, expected.constraint!.get(id)!, `constraint of ${id}`);
      close(plain.get(id)!.effectiveSize, expected.effectiveSize!.get(id)!, `effective size of ${id}`);
      close(weighted.get(id)!.constraint, expected.constraintW!.get(id)!, `weighted constraint of ${id}`);
      close(weighted.get(id)!.effectiveSize, expected.effectiveSizeW!.get(id)!, `weighted effective size of ${id}`);
      expect(core.get(id)!.core).toBe(expected.core!.get(id)!);
      // No group at all: no role counts.
      expect(plain.get(id)!.liaison).toBeNull();
    }
    const points = articulationPoints(net, { kinds, within: 'network' });
    expect(points.map((r) => [r.id, r.componentSize, r.parts, r.cutOffActors])).toEqual([
      // toString cuts off {hasOwnProperty, valueOf} (2) from the triangle's other two; hasOwnProperty cuts off valueOf.
      ['toString', 5, 2, 2],
      ['hasOwnProperty', 5, 2, 1],
    ]);
    // In network order (declared in reverse): valueOf, hasOwnProperty, toString, constructor, __proto__.
    expect(bridges(net, { kinds }).map((b) => [b.source, b.target])).toEqual([
      ['valueOf', 'hasOwnProperty'],
      ['hasOwnProperty', 'toString'],
    ]);
    expect(components(net, { kinds }).map((c) => c.members)).toEqual([['valueOf', 'hasOwnProperty', 'toString', 'constructor', '__proto__']]);
  });
});
