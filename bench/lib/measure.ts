/**
 * Small shared helpers for the benchmarks:
 *
 * - {@link time} / {@link timeRuns}: median wall-clock seconds of a function;
 * - {@link runInChild}: run a TypeScript script with tsx in a child Node
 *   process, return its JSON stdout and the child's peak RSS;
 * - {@link formatTable}: rows → Markdown table;
 * - {@link machine}: CPU, cores, memory, Node and OS, for bench/README.md.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';

// --- arguments --------------------------------------------------------------

/** `--name N` from the command line, a positive number; `fallback` when absent. */
export function positiveArg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const raw = i >= 0 ? process.argv[i + 1] : undefined;
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
}

// --- timing -----------------------------------------------------------------

export interface TimeOptions {
  /** Timed runs; the median is reported. @defaultValue 3 */
  runs?: number;
  /** Untimed runs first (JIT warm-up). @defaultValue 1 */
  warmup?: number;
}

export interface Timed<T> {
  /** Median of the timed runs, in seconds. */
  seconds: number;
  /** Every timed run, in seconds, in run order. */
  all: number[];
  /** The value returned by the last run. */
  value: T;
}

/** Median of a list of numbers (the upper median for an even count). */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) throw new Error('median of an empty list');
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Runs `fn` `warmup` times untimed, then `runs` times timed. */
export function timeRuns<T>(fn: () => T, options: TimeOptions = {}): Timed<T> {
  const runs = Math.max(1, Math.floor(options.runs ?? 3));
  const warmup = Math.max(0, Math.floor(options.warmup ?? 1));
  for (let i = 0; i < warmup; i++) fn();
  const all: number[] = [];
  let value!: T;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    value = fn();
    all.push((performance.now() - t0) / 1000);
  }
  return { seconds: median(all), all, value };
}

/** Median seconds of `runs` timed runs of `fn` after `warmup` untimed ones. */
export function time(fn: () => unknown, options: TimeOptions = {}): number {
  return timeRuns(fn, options).seconds;
}

/**
 * Times `fn` as bench/scale.ts reports it: one run; if it took under 0.5 s
 * (and `repeatable`), 21 more runs under 10 ms, 7 under 0.1 s, else 3, and
 * the median of those.
 */
export function adaptiveTime<T>(fn: () => T, repeatable = true): { figure: { seconds: number; runs: number }; value: T } {
  let t0 = performance.now();
  let value = fn();
  const first = (performance.now() - t0) / 1000;
  if (!repeatable || first >= 0.5) return { figure: { seconds: first, runs: 1 }, value };
  // Millisecond tasks are at the mercy of a GC pause or a context switch:
  // more runs for shorter tasks.
  const runs = first < 0.01 ? 21 : first < 0.1 ? 7 : 3;
  const all: number[] = [];
  for (let r = 0; r < runs; r++) {
    t0 = performance.now();
    value = fn();
    all.push((performance.now() - t0) / 1000);
  }
  return { figure: { seconds: median(all), runs }, value };
}

// --- child processes ----------------------------------------------------------

/** Absolute file URL of tsx's loader (tsx is a devDependency: node_modules/tsx, "." → dist/loader.mjs). */
export function tsxLoaderUrl(): string {
  const require = createRequire(import.meta.url);
  return pathToFileURL(require.resolve('tsx')).href;
}

const RSS_PRELOAD = fileURLToPath(new URL('./rss-preload.mjs', import.meta.url));
const RSS_MARKER = '__BENCH_MAXRSS_KB=';
const TIME_MARKER = /^\s*Maximum resident set size \(kbytes\): (\d+)\s*$/m;

/** `/usr/bin/time` accepting `-v` (GNU time), or null. */
let gnuTime: string | null | undefined;
export function gnuTimePath(): string | null {
  if (gnuTime !== undefined) return gnuTime;
  gnuTime = null;
  for (const p of ['/usr/bin/time']) {
    if (!existsSync(p)) continue;
    const r = spawnSync(p, ['-v', 'true'], { encoding: 'utf8' });
    if (r.status === 0 && TIME_MARKER.test(r.stderr)) gnuTime = p;
  }
  return gnuTime;
}

export interface ChildOptions {
  /** Kill the child (its whole process group) after this many ms. */
  timeoutMs?: number;
  /** Extra `node` flags, e.g. `['--expose-gc', '--max-old-space-size=8192']`. */
  nodeFlags?: string[];
  /** Forward the child's stderr to ours as it arrives. @defaultValue true */
  forwardStderr?: boolean;
  /**
   * `'auto'`: GNU `/usr/bin/time -v` when present, else the child's own
   * report; `'child'`: always the child's own report (no `time` wrapper).
   * @defaultValue 'auto'
   */
  rssFrom?: 'auto' | 'child';
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

export interface ChildResult<T = unknown> {
  /** stdout parsed as JSON (the last line that parses, if stdout has several); null if none parses. */
  json: T | null;
  stdout: string;
  /** stderr without the RSS report lines. */
  stderr: string;
  /** Exit code (null when killed by a signal). */
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  /** Wall-clock seconds of the whole child, including Node start-up and tsx compilation. */
  wallSeconds: number;
  /** Peak resident set size of the child in MB, or null when unknown. */
  peakRssMb: number | null;
  /** Where `peakRssMb` comes from: GNU `/usr/bin/time -v`, or the child's own `process.resourceUsage().maxRSS` at exit. */
  rssSource: 'time -v' | 'child' | null;
}

function parseJson<T>(stdout: string): T | null {
  const text = stdout.trim();
  if (!text) return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    // Fall back to the last line that is JSON on its own.
    const lines = text.split('\n');
    for (let i = lines.length - 1; i >= 0; i--) {
      try {
        return JSON.parse(lines[i]!) as T;
      } catch {
        /* next */
      }
    }
    return null;
  }
}

/**
 * Runs `node --import tsx <modulePath> ...args` in a child process and
 * resolves with its JSON stdout and its peak RSS.
 *
 * Peak RSS: from GNU `/usr/bin/time -v` when present ("Maximum resident set
 * size"), else from a preload (bench/lib/rss-preload.mjs) that prints
 * `process.resourceUsage().maxRSS` to stderr when the child exits. Both are in
 * KB on Linux and are reported in MB (1024 KB). The child is started in its own
 * process group so a timeout kills it and not only the `time` wrapper.
 */
export function runInChild<T = unknown>(
  modulePath: string,
  args: readonly string[] = [],
  options: ChildOptions = {},
): Promise<ChildResult<T>> {
  const node = [
    ...(options.nodeFlags ?? []),
    '--import',
    tsxLoaderUrl(),
    '--import',
    pathToFileURL(RSS_PRELOAD).href,
    modulePath,
    ...args,
  ];
  return runCommand<T>(process.execPath, node, options);
}

/**
 * Runs any command (e.g. `node dist/cli.js report`) in its own process group
 * and resolves with its wall time, exit status, JSON stdout (if any) and peak
 * RSS from GNU `/usr/bin/time -v` when present (else the child's own
 * `__BENCH_MAXRSS_KB=` report, which only Node children started with
 * bench/lib/rss-preload.mjs print). `options.nodeFlags` is ignored here.
 */
export function runCommand<T = unknown>(
  executable: string,
  argv: readonly string[],
  options: ChildOptions = {},
): Promise<ChildResult<T>> {
  const timeBin = options.rssFrom === 'child' ? null : gnuTimePath();
  const command = timeBin ?? executable;
  const commandArgs = timeBin ? ['-v', executable, ...argv] : [...argv];
  const forward = options.forwardStderr ?? true;
  const t0 = performance.now();

  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, commandArgs, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true, // own process group, see kill below
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (d: string) => (stdout += d));
    let pending = '';
    let inTimeReport = false;
    child.stderr.on('data', (d: string) => {
      stderr += d;
      if (!forward) return;
      // Forward whole lines, except our RSS marker and GNU time's report
      // (which starts with "Command being timed" and comes last).
      pending += d;
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const l of lines) {
        if (timeBin && /^\s*Command being timed:/.test(l)) inTimeReport = true;
        if (!inTimeReport && !l.startsWith(RSS_MARKER)) process.stderr.write(`${l}\n`);
      }
    });
    const timer =
      options.timeoutMs !== undefined
        ? setTimeout(() => {
            timedOut = true;
            try {
              process.kill(-child.pid!, 'SIGKILL');
            } catch {
              child.kill('SIGKILL');
            }
          }, options.timeoutMs)
        : null;
    child.on('error', (e) => {
      if (timer) clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (forward && pending && !inTimeReport && !pending.startsWith(RSS_MARKER)) process.stderr.write(pending);
      const wallSeconds = (performance.now() - t0) / 1000;
      let peakRssMb: number | null = null;
      let rssSource: ChildResult['rssSource'] = null;
      let cleaned = stderr;
      if (timeBin) {
        const i = cleaned.search(/^\s*Command being timed:/m);
        const report = i >= 0 ? cleaned.slice(i) : cleaned;
        const m = TIME_MARKER.exec(report);
        if (m) {
          peakRssMb = Number(m[1]) / 1024;
          rssSource = 'time -v';
        }
        if (i >= 0) cleaned = cleaned.slice(0, i);
      }
      const own = new RegExp(`^${RSS_MARKER}(\\d+)\\s*$`, 'm').exec(cleaned);
      if (own && peakRssMb === null) {
        peakRssMb = Number(own[1]) / 1024;
        rssSource = 'child';
      }
      cleaned = cleaned.replace(new RegExp(`^${RSS_MARKER}\\d+\\s*\\n?`, 'gm'), '');
      resolvePromise({
        json: parseJson<T>(stdout),
        stdout,
        stderr: cleaned,
        code,
        signal,
        timedOut,
        wallSeconds,
        peakRssMb: peakRssMb === null ? null : Math.round(peakRssMb * 10) / 10,
        rssSource,
      });
    });
  });
}

// --- tables -------------------------------------------------------------------

export type Cell = string | number | boolean | null | undefined;

export interface TableOptions {
  /** Column order (default: keys in order of first appearance). */
  columns?: string[];
  /** Number → text (default: integers as is, others to 3 significant digits). */
  format?: (value: number, column: string) => string;
}

function defaultFormat(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (Number.isInteger(x)) return String(x);
  const a = Math.abs(x);
  if (a >= 1000) return x.toFixed(0);
  if (a !== 0 && a < 1e-3) return x.toExponential(1);
  return String(Number(x.toPrecision(3)));
}

/** Rows of objects → a Markdown table (numeric columns right-aligned; null/undefined → "—"). */
export function formatTable(rows: ReadonlyArray<Record<string, Cell>>, options: TableOptions = {}): string {
  const columns = options.columns ?? [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const format = options.format ?? defaultFormat;
  const numeric = columns.map((c) => rows.some((r) => typeof r[c] === 'number'));
  const text = (v: Cell, c: string): string => {
    if (v === null || v === undefined) return '—';
    if (typeof v === 'number') return format(v, c);
    return String(v).replace(/\|/g, '\\|').replace(/\n/g, ' ');
  };
  const body = rows.map((r) => columns.map((c) => text(r[c], c)));
  const widths = columns.map((c, j) => Math.max(3, c.length, ...body.map((b) => b[j]!.length)));
  const line = (cells: string[]) =>
    `| ${cells.map((s, j) => (numeric[j] ? s.padStart(widths[j]!) : s.padEnd(widths[j]!))).join(' | ')} |`;
  const rule = `| ${widths.map((w, j) => (numeric[j] ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w))).join(' | ')} |`;
  return [line(columns), rule, ...body.map(line)].join('\n');
}

// --- machine --------------------------------------------------------------------

export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGb: number;
  node: string;
  os: string;
  /** One line for bench/README.md. */
  summary: string;
}

/** CPU model (from /proc/cpuinfo on Linux), logical cores, total memory, Node and OS. */
export function machine(): MachineInfo {
  let cpu = os.cpus()[0]?.model?.trim() ?? 'unknown CPU';
  try {
    const info = readFileSync('/proc/cpuinfo', 'utf8');
    const m = /^model name\s*:\s*(.+)$/m.exec(info);
    if (m) cpu = m[1]!.trim();
  } catch {
    /* not Linux */
  }
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  const memoryGb = Math.round((os.totalmem() / 1024 ** 3) * 10) / 10;
  let osName = `${os.type()} ${os.release()} ${os.arch()}`;
  try {
    const rel = readFileSync('/etc/os-release', 'utf8');
    const m = /^PRETTY_NAME="?([^"\n]+)"?$/m.exec(rel);
    if (m) osName = `${m[1]} (${os.type()} ${os.release()}, ${os.arch()})`;
  } catch {
    /* no os-release */
  }
  const node = process.version;
  return {
    cpu,
    cores,
    memoryGb,
    node,
    os: osName,
    summary: `${cpu}, ${cores} cores, ${memoryGb} GB RAM, Node ${node}, ${osName}`,
  };
}
