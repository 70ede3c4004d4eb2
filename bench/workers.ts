/**
 * Worker threads for the shortest-path sweep: the time of
 * `kernels.pathCentralities` (betweenness, closeness and harmonic, exact)
 * with 1, 2, … threads on the same synthetic network, as ratios against one
 * thread measured in the same run, and the largest difference between the
 * threaded and the single-thread values (they differ only by rounding).
 *
 *   npx tsx bench/workers.ts [--links 40000] [--threads 1,2] [--runs 1]
 *
 * The gain needs free cores: on a 2-core machine that is busy with other
 * work, two threads cannot be twice as fast.
 */
import { availableParallelism } from 'node:os';
import { actorView } from '../src/analysis/view.js';
import { loadNetwork } from '../src/io/load-network.js';
import { pathCentralities, PATH_MEASURES } from '../src/metrics/path-centralities.js';
import { syntheticNetwork } from '../src/synthetic/network.js';
import { formatTable, positiveArg, timeRuns } from './lib/measure.js';

const links = positiveArg('links', 40_000);
const threadsAt = process.argv.indexOf('--threads');
const threads = (threadsAt >= 0 ? process.argv[threadsAt + 1]! : '1,2').split(',').map(Number);
const runs = positiveArg('runs', 1);

const net = loadNetwork(syntheticNetwork({ links, seed: 1 }));
const { csr } = actorView(net);
console.log(`synthetic network: ${csr.n} nodes, ${csr.m} edges; ${availableParallelism()} cores available; exact sweep, median of ${runs} run(s)`);

const single = timeRuns(() => pathCentralities(csr), { runs, warmup: 0 });
const rows = threads.map((workers) => {
  const timed = workers === 1 ? single : timeRuns(() => pathCentralities(csr, { workers }), { runs, warmup: 0 });
  let diff = 0;
  for (const m of PATH_MEASURES) {
    const a = single.value[m]!;
    const b = timed.value[m]!;
    for (let i = 0; i < csr.n; i++) diff = Math.max(diff, Math.abs(a[i]! - b[i]!) / Math.max(1, Math.abs(a[i]!)));
  }
  return {
    threads: workers,
    seconds: timed.seconds.toFixed(2),
    'time ÷ one thread': (timed.seconds / single.seconds).toFixed(2),
    'speed-up': (single.seconds / timed.seconds).toFixed(2),
    'max relative |Δ|': diff.toExponential(1),
  };
});
console.log(formatTable(rows));
