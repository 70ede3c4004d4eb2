import { readFileSync } from 'node:fs';
/**
 * Small graphs shared by the structure-metric tests. Node `i` has key
 * `String(i)` and is inserted in index order, so CSR index = node number.
 */
import { UndirectedGraph } from 'graphology';
import { toCsr, type Csr } from '../../src/metrics/csr.js';

export type Edge = readonly [number, number] | readonly [number, number, number];

/** Build a graphology graph with nodes 0..n-1 and the given (optionally weighted) edges. */
export function graphOf(n: number, edges: readonly Edge[]): UndirectedGraph {
  const g = new UndirectedGraph();
  for (let i = 0; i < n; i++) g.addNode(String(i));
  for (const [u, v, w] of edges) {
    g.addEdge(String(u), String(v), w === undefined ? {} : { weight: w });
  }
  return g;
}

export function csrOf(n: number, edges: readonly Edge[]): Csr {
  return toCsr(graphOf(n, edges));
}

const clique = (nodes: number[]): Edge[] =>
  nodes.flatMap((a, i) => nodes.slice(i + 1).map((b) => [a, b] as const));

/** The hand-computed fixtures (see the tests for the arithmetic). */
export const SMALL = {
  /** 0 – 1 – 2 – 3 */
  path: { n: 4, edges: [[0, 1], [1, 2], [2, 3]] as Edge[] },
  /** centre 0, leaves 1, 2, 3 */
  star: { n: 4, edges: [[0, 1], [0, 2], [0, 3]] as Edge[] },
  /** 0, 1, 2 all tied */
  triangle: { n: 3, edges: [[0, 1], [1, 2], [0, 2]] as Edge[] },
  /** K4 {0,1,2,3} – 3–4–5 – K4 {5,6,7,8} (nx.barbell_graph(4, 1), renumbered) */
  barbell: { n: 9, edges: [...clique([0, 1, 2, 3]), [3, 4], [4, 5], ...clique([5, 6, 7, 8])] as Edge[] },
  /** triangles {0,1,2} and {3,4,5}, bridge 2–3 */
  twoTriangles: { n: 6, edges: [...clique([0, 1, 2]), [2, 3], ...clique([3, 4, 5])] as Edge[] },
  /** 0 – 1   2 – 3 */
  twoPairs: { n: 4, edges: [[0, 1], [2, 3]] as Edge[] },
  single: { n: 1, edges: [] as Edge[] },
  empty: { n: 0, edges: [] as Edge[] },
} as const;

export type SmallName = keyof typeof SMALL;

export function small(name: SmallName): Csr {
  const { n, edges } = SMALL[name];
  return csrOf(n, edges);
}

/** Deterministic G(n, p) edge list from a seeded RNG. */
export function randomEdges(n: number, p: number, rng: () => number): Edge[] {
  const edges: Edge[] = [];
  for (let u = 0; u < n; u++) for (let v = u + 1; v < n; v++) if (rng() < p) edges.push([u, v]);
  return edges;
}

/** The same CSR with other node keys (e.g. `__proto__`), which graphology cannot always hold. */
export function withIds(csr: Csr, ids: readonly string[]): Csr {
  return { ...csr, ids: [...ids], index: new Map(ids.map((id, i) => [id, i])) };
}

/** One graph of the NetworkX structure fixture: edges, expected values, partitions with their modularity. */
export interface StructureFixtureGraph {
  name: string;
  n: number;
  edges: [number, number, number][];
  constraint_unweighted: (number | null)[];
  constraint_weighted: (number | null)[];
  effective_size_unweighted: (number | null)[];
  effective_size_weighted: (number | null)[];
  articulation_points: number[];
  bridges: [number, number][];
  core_number: number[];
  n_components: number;
  component_sizes: number[];
  isolates: number[];
  partitions: {
    name: string;
    labels: number[];
    modularity: { weighted: boolean; resolution: number; value: number }[];
  }[];
}

export interface StructureFixture {
  networkx: string;
  graphs: StructureFixtureGraph[];
}

let cachedStructure: StructureFixture | undefined;

/** test/fixtures/networkx/structure.json (scripts/networkx_structure.py), read once. */
export function structureFixture(): StructureFixture {
  cachedStructure ??= JSON.parse(readFileSync(new URL('../fixtures/networkx/structure.json', import.meta.url), 'utf8')) as StructureFixture;
  return cachedStructure;
}
