/**
 * Speed of the hardened paths (GitHub issue 12), each as a ratio against a
 * baseline measured in the same run (no timing is asserted in the tests):
 *
 *   npx tsx bench/hardening.ts [--leaves N]     # default 40 000 leaves
 *
 * - **Hub**: constraint, effective size and brokerage roles on a star with
 *   N leaves (one hub of degree N), against the same kernels on a path with
 *   the same number of edges (every degree ≤ 2), and on a star of 2N leaves.
 *   Near-linear kernels give about 1× the path's time and 2× per doubling;
 *   the old quadratic ones took 3 s each at 40 000 leaves and 4× per doubling.
 * - **XML on one line**: `parseXml` of the demo network as GraphML, against
 *   the same document with its line breaks removed (the old reader was
 *   quadratic in the length of a line: 27× slower).
 * - **Frozen networks**: building a network from the demo's links
 *   (`CooperationNetwork.create`), against the `Object.freeze` of as many
 *   actor and link objects (the share of construction spent freezing).
 */
import { csrFromEdges } from '../src/metrics/csr.js';
import { burtConstraint, effectiveSize } from '../src/metrics/structural-holes.js';
import { brokerageRoles } from '../src/metrics/brokerage-roles.js';
import { parseXml } from '../src/io/xml.js';
import { toGraphml } from '../src/io/graph-export.js';
import { demoDataset, loadNetwork } from '../src/index.js';
import { CooperationNetwork } from '../src/model/network.js';
import { formatTable, positiveArg, timeRuns } from './lib/measure.js';

const LEAVES = positiveArg('leaves', 40_000);

function star(leaves: number) {
  const ids = Array.from({ length: leaves + 1 }, (_, i) => `n${i}`);
  const ends = new Int32Array(2 * leaves);
  for (let i = 0; i < leaves; i++) {
    ends[2 * i] = 0;
    ends[2 * i + 1] = i + 1;
  }
  return csrFromEdges(ids, ends, null);
}

function path(edges: number) {
  const ids = Array.from({ length: edges + 1 }, (_, i) => `n${i}`);
  const ends = new Int32Array(2 * edges);
  for (let i = 0; i < edges; i++) {
    ends[2 * i] = i;
    ends[2 * i + 1] = i + 1;
  }
  return csrFromEdges(ids, ends, null);
}

const rows: Record<string, string | number>[] = [];
const small = star(LEAVES);
const big = star(2 * LEAVES);
const line = path(LEAVES);
const groups = (n: number) => Array.from({ length: n }, (_, i) => `g${i % 21}`);
const kernels = {
  constraint: (c: typeof small) => burtConstraint(c),
  'constraint (weighted)': (c: typeof small) => burtConstraint(c, { weighted: true }),
  'effective size': (c: typeof small) => effectiveSize(c),
  'brokerage roles': (c: typeof small) => brokerageRoles(c, groups(c.n)),
};
for (const [name, kernel] of Object.entries(kernels)) {
  const base = timeRuns(() => kernel(line), { runs: 5 }).seconds;
  const hub = timeRuns(() => kernel(small), { runs: 5 }).seconds;
  const hub2 = timeRuns(() => kernel(big), { runs: 3 }).seconds;
  rows.push({ case: `${name}: star of ${LEAVES} leaves vs a path of as many edges`, baseline: base, measured: hub, ratio: hub / base });
  rows.push({ case: `${name}: star of ${2 * LEAVES} leaves vs ${LEAVES}`, baseline: hub, measured: hub2, ratio: hub2 / hub });
}

const net = loadNetwork(demoDataset());
const graphml = toGraphml(net, { edges: 'links' });
const oneLine = graphml.replace(/\n\s*/g, ' ');
const lines = timeRuns(() => parseXml(graphml), { runs: 5 }).seconds;
const flat = timeRuns(() => parseXml(oneLine), { runs: 5 }).seconds;
rows.push({ case: `parseXml: the demo GraphML (${(graphml.length / 2 ** 20).toFixed(1)} MiB) on one line vs with its line breaks`, baseline: lines, measured: flat, ratio: flat / lines });

const parts = { geography: net.geography, actors: net.actors().filter((a) => a.kind !== 'municipality'), links: net.links.map((l) => ({ source: l.source, target: l.target, weight: l.weight })) };
const build = timeRuns(() => CooperationNetwork.create(parts), { runs: 5 }).seconds;
const count = net.order + net.links.length;
const freeze = timeRuns(
  () => {
    for (let i = 0; i < count; i++) Object.freeze({ source: 'a', target: 'b', weight: 1, index: i, crossMunicipal: false, crossCounty: false });
  },
  { runs: 5 },
).seconds;
rows.push({ case: `Object.freeze of ${count} actor and link objects vs CooperationNetwork.create of the demo`, baseline: build, measured: freeze, ratio: freeze / build });

console.log(formatTable(rows, { columns: ['case', 'baseline', 'measured', 'ratio'], format: (v, c) => (c === 'ratio' ? `${v.toFixed(2)}×` : `${(v * 1000).toFixed(1)} ms`) }));
