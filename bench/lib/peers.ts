/**
 * Runs the peer benchmarks (bench/peers/igraph_bench.py,
 * bench/peers/networkx_bench.py) on an edge-list file and returns their
 * JSON result, or `{ skipped }` when no Python interpreter can import the
 * library.
 *
 * Interpreters tried, in order (the first that can `import` the module wins):
 * - igraph: `/usr/bin/python3` (Debian's python3-igraph), then `python3`;
 * - networkx: `python3` (e.g. pyenv with NetworkX), then `/usr/bin/python3`.
 * `options.python` overrides the search.
 */
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export type PeerLibrary = 'igraph' | 'networkx';

export type PeerTask =
  | 'load'
  | 'betweenness'
  | 'closeness'
  | 'harmonic'
  | 'eigenvector'
  | 'pagerank'
  | 'louvain'
  | 'components'
  | 'articulation'
  | 'kcore'
  | 'all_centralities';

export const PEER_TASKS: readonly PeerTask[] = [
  'load',
  'betweenness',
  'closeness',
  'harmonic',
  'eigenvector',
  'pagerank',
  'louvain',
  'components',
  'articulation',
  'kcore',
  'all_centralities',
];

/** The two files of the benchmark graph (see bench/peers/*.py). */
export interface PeerFiles {
  /** One undirected edge `u v w` per line (0-based node indices, integer weight ≥ 1). */
  edges: string;
  /** One actor id per line; line i = node i, so n = number of lines. */
  nodes: string;
}

export interface PeerOptions {
  /** Runs per task; the median is reported. @defaultValue 3 */
  repeat?: number;
  /** Seconds; a task still running is killed and reported as `{ skipped }`. @defaultValue 600 */
  timeoutPerTask?: number;
  /** A task whose first run takes longer than this (s) is not repeated. @defaultValue 5 */
  slow?: number;
  /** values_sample covers nodes 0..sample-1. @defaultValue 10 */
  sample?: number;
  /** igraph only: `ncol` (Graph.Read_Ncol, default), `python` or `numpy`. */
  loadMethod?: string;
  /** Python interpreter to use instead of searching. */
  python?: string;
  /** Forward the script's progress lines (stderr) to ours. @defaultValue true */
  progress?: boolean;
  /** Extra environment, e.g. `{ NX_BENCH_TOL: '1e-12' }`. */
  env?: Record<string, string>;
}

export interface PeerTaskResult {
  /** Median seconds of the timed runs. */
  seconds?: number;
  /** load: median CPU seconds of the process over the timed runs (`time.process_time`). */
  cpu_seconds?: number;
  runs?: number;
  all_seconds?: number[];
  /** Values of nodes 0..sample-1, in NetworkX's (= samverkan's) convention; for all_centralities one list per measure. */
  values_sample?: number[] | Record<string, number[]>;
  /** all_centralities: seconds per measure. */
  parts?: Record<string, number>;
  /** Task killed by the per-task timeout ("timeout after S s"). */
  skipped?: string;
  error?: string;
  /** Peak RSS of the forked child that ran the task (includes the inherited graph). */
  peak_rss_mb?: number;
  /** load: how the file was read. */
  method?: string;
  /** louvain */
  communities?: number;
  modularity?: number;
  /** components: count, largest, isolated; articulation: count, first (smallest ids). */
  count?: number;
  largest?: number;
  isolated?: number;
  first?: number[];
  /** kcore: largest core number. */
  max?: number;
}

export interface PeerResult {
  library: PeerLibrary;
  version: string;
  python: string;
  python_executable: string;
  n: number;
  m: number;
  nodes_file_count: number;
  repeat: number;
  timeout_per_task: number;
  tasks: Partial<Record<PeerTask, PeerTaskResult>>;
  /** Peak RSS of the script and its task children, MB. */
  peak_rss_mb: number;
  /** Conventions and methods, per task. */
  notes: Record<string, string>;
}

export interface PeerSkipped {
  skipped: string;
}

export function isSkipped(r: PeerResult | PeerSkipped): r is PeerSkipped {
  return 'skipped' in r;
}

const SCRIPTS: Record<PeerLibrary, string> = {
  igraph: fileURLToPath(new URL('../peers/igraph_bench.py', import.meta.url)),
  networkx: fileURLToPath(new URL('../peers/networkx_bench.py', import.meta.url)),
};

const CANDIDATES: Record<PeerLibrary, string[]> = {
  igraph: ['/usr/bin/python3', 'python3'],
  networkx: ['python3', '/usr/bin/python3'],
};

const MODULE: Record<PeerLibrary, string> = { igraph: 'igraph', networkx: 'networkx' };

const probeCache = new Map<string, string | null>();

/** The Python interpreter that can import the library, or why none can. */
export function findPython(library: PeerLibrary, override?: string): { python: string } | PeerSkipped {
  const tried: string[] = [];
  for (const py of override ? [override] : CANDIDATES[library]) {
    const key = `${py}\0${library}`;
    let failure = probeCache.get(key);
    if (failure === undefined) {
      const r = spawnSync(py, ['-c', `import ${MODULE[library]}`], { encoding: 'utf8', timeout: 60_000 });
      failure =
        r.error !== undefined
          ? `${py}: ${(r.error as NodeJS.ErrnoException).code ?? r.error.message}`
          : r.status === 0
            ? null
            : `${py}: ${(r.stderr.trim().split('\n').pop() ?? '').trim() || `exit ${r.status}`}`;
      probeCache.set(key, failure);
    }
    if (failure === null) return { python: py };
    tried.push(failure);
  }
  return { skipped: `${library}: no Python interpreter can import ${MODULE[library]} (${tried.join('; ')})` };
}

/**
 * Runs one peer benchmark script and returns its parsed JSON.
 *
 * Resolves with `{ skipped }` when the interpreter or module is missing
 * (also when the script itself reports `skipped`), and rejects when the
 * script fails or prints no JSON.
 */
export async function runPeer(
  library: PeerLibrary,
  files: PeerFiles,
  tasks: readonly PeerTask[],
  options: PeerOptions = {},
): Promise<PeerResult | PeerSkipped> {
  const found = findPython(library, options.python);
  if ('skipped' in found) return found;
  const args = [
    SCRIPTS[library],
    '--edges',
    files.edges,
    '--nodes',
    files.nodes,
    '--tasks',
    tasks.join(','),
    '--repeat',
    String(options.repeat ?? 3),
    '--timeout-per-task',
    String(options.timeoutPerTask ?? 600),
  ];
  if (options.slow !== undefined) args.push('--slow', String(options.slow));
  if (options.sample !== undefined) args.push('--sample', String(options.sample));
  if (options.loadMethod !== undefined) args.push('--load-method', options.loadMethod);
  const progress = options.progress ?? true;

  const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>(
    (resolve, reject) => {
      const child = spawn(found.python, args, {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, ...options.env },
      });
      let out = '';
      let err = '';
      child.stdout.setEncoding('utf8');
      child.stderr.setEncoding('utf8');
      child.stdout.on('data', (d: string) => (out += d));
      child.stderr.on('data', (d: string) => {
        err += d;
        if (progress) process.stderr.write(d);
      });
      child.on('error', reject);
      child.on('close', (c) => resolve({ code: c, stdout: out, stderr: err }));
    },
  );
  let parsed: PeerResult | PeerSkipped;
  try {
    parsed = JSON.parse(stdout.trim()) as PeerResult | PeerSkipped;
  } catch {
    const tail = stderr.trim().split('\n').slice(-8).join('\n');
    throw new Error(`${library} benchmark (${found.python}) exited ${code} without JSON output:\n${tail}`);
  }
  if ('skipped' in parsed) return { skipped: parsed.skipped };
  if (code !== 0) throw new Error(`${library} benchmark (${found.python}) exited ${code}`);
  return parsed;
}

/** A task's values_sample as a flat list (for all_centralities pass the measure). */
export function sampleOf(result: PeerResult, task: PeerTask, measure?: string): number[] | null {
  const t = result.tasks[task];
  const v = t?.values_sample;
  if (!v) return null;
  if (Array.isArray(v)) return v;
  return measure !== undefined ? (v[measure] ?? null) : null;
}

/** Largest |a[i] − b[i]| over the common length (null entries skipped); null if nothing to compare. */
export function maxAbsDiff(a: ArrayLike<number | null> | null, b: ArrayLike<number | null> | null): number | null {
  if (!a || !b) return null;
  const len = Math.min(a.length, b.length);
  if (len === 0) return null;
  let m = 0;
  for (let i = 0; i < len; i++) {
    const x = a[i];
    const y = b[i];
    if (x === null || y === null || x === undefined || y === undefined) continue;
    m = Math.max(m, Math.abs(x - y));
  }
  return m;
}
