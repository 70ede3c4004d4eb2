import { availableParallelism, cpus } from 'node:os';
import { describeSampling } from '../../analysis/centrality.js';
import { normaliseKind } from '../../io/columns.js';
import type { PathSampling } from '../../metrics/path-centralities.js';
import type { CooperationNetwork } from '../../model/network.js';
import { UsageError, type CliIO, type OptionSpec, type ParsedArgs } from '../context.js';
import { DEFAULT_COUNTRY } from '../../countries/default.js';
import { LANGUAGES, type Lang } from '../../model/i18n/index.js';
import { csvOptions, emit, formatOf, renderRows } from '../output.js';

export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Full help text, with an example. */
  help: string;
  options: OptionSpec;
  /**
   * Flags renamed, old name → new name. The old name is refused with the new
   * one (not read as an alias): `--kinds` means an actor filter elsewhere, so
   * a script that still says `--kinds` here should fail loudly, not silently.
   */
  renamedFlags?: Readonly<Record<string, string>>;
  run(args: ParsedArgs, io: CliIO): number | Promise<number>;
}

/** Options every command that prints rows accepts. */
export const ROWS_OPTIONS: OptionSpec = {
  sort: { type: 'string' },
  top: { type: 'string' },
};

export const ROWS_HELP = `Rows:
  --sort COLUMN       sort by COLUMN (numbers largest first, text A–Ö)
  --top N             keep the first N rows`;

/** Tell the user which data ran when they gave none (stderr, so piped output stays clean). */
export function announce(description: string, values: ParsedArgs['values'], io: CliIO): void {
  if (!values.actors && !values.links && !values.dataset && !values.graph) io.stderr.write(`samverkan: no input given; using ${description}\n`);
}

export function integerOption(values: ParsedArgs['values'], name: string, min = 0): number | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (typeof raw !== 'string' || !/^-?\d+$/.test(raw) || n < min) throw new UsageError(`--${name} needs a whole number ≥ ${min}, got ${JSON.stringify(raw)}`);
  return n;
}

export function numberOption(values: ParsedArgs['values'], name: string): number | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (typeof raw !== 'string' || raw.trim() === '' || !Number.isFinite(n)) throw new UsageError(`--${name} needs a number, got ${JSON.stringify(raw)}`);
  return n;
}

export function listOption(values: ParsedArgs['values'], name: string): string[] | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  const list = String(raw)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (list.length === 0) throw new UsageError(`--${name} needs a comma-separated list`);
  return list;
}

export function choiceOption<T extends string>(values: ParsedArgs['values'], name: string, choices: readonly T[]): T | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  if (!choices.includes(raw as T)) throw new UsageError(`--${name} must be one of ${choices.join(', ')}, got ${JSON.stringify(raw)}`);
  return raw as T;
}

/** `--lang sv|en` as the `lang` option of the sentences' language (absent: the library's default, the data's language). */
export function langOf(values: ParsedArgs['values']): { lang?: Lang } {
  const lang = choiceOption(values, 'lang', LANGUAGES);
  return lang ? { lang } : {};
}

/** Apply --sort and --top, keeping the rows' `columns`. */
export function shapeRows<T extends object>(rows: readonly T[], values: ParsedArgs['values']): T[] {
  const columns = (rows as { columns?: string[] }).columns;
  let out = [...rows];
  const sort = values.sort as string | undefined;
  if (sort !== undefined) {
    if (columns && !columns.includes(sort)) throw new UsageError(`cannot sort by ${JSON.stringify(sort)}`, `columns: ${columns.join(', ')}`);
    const value = (r: T) => (r as Record<string, unknown>)[sort];
    // Text in the default country's alphabetical order (Swedish: Å, Ä, Ö last), for people reading the table.
    const collator = new Intl.Collator(DEFAULT_COUNTRY.names?.locale);
    out.sort((p, q) => {
      const [a, b] = [value(p), value(q)];
      if (typeof a === 'number' && typeof b === 'number') return b - a;
      if (a === null || a === undefined) return b === null || b === undefined ? 0 : 1;
      if (b === null || b === undefined) return -1;
      return collator.compare(String(a), String(b));
    });
  }
  const top = integerOption(values, 'top', 1);
  if (top !== undefined) out = out.slice(0, top);
  if (columns) Object.defineProperty(out, 'columns', { value: columns, enumerable: false });
  return out;
}

/** Print rows in the chosen format after --sort/--top. */
export function printRows(rows: readonly object[], values: ParsedArgs['values'], io: CliIO): void {
  emit(renderRows(shapeRows(rows, values), formatOf(values), csvOptions(values)), values, io);
}

/** Warn (stderr) about kinds given in an option that no actor of the network has: likely a typo. */
export function warnUnknownKinds(net: CooperationNetwork, kinds: readonly string[] | undefined, option: string, io: CliIO): void {
  if (!kinds) return;
  const present = new Set(net.actors().map((a) => a.kind));
  const unknown = kinds.map((k) => normaliseKind(k)).filter((k) => k !== '' && !present.has(k));
  if (unknown.length > 0) {
    io.stderr.write(`samverkan: warning: no actor of kind ${unknown.map((k) => JSON.stringify(k)).join(', ')} in this network (--${option}); kinds here: ${[...present].sort().join(', ')}\n`);
  }
}

/** Options of the commands whose results rest on shortest-path searches (betweenness). */
export const PATH_OPTIONS: OptionSpec = {
  samples: { type: 'string' },
  workers: { type: 'string' },
};

export const PATH_HELP = `Shortest paths (betweenness, closeness, harmonic):
  --samples N         search from a seeded sample of about N actors: auto
                      (default: every actor up to nodes × links = 100
                      million, else a sample), exact, or a number
  --workers N         worker threads for the searches: auto (default: 2 on
                      large networks, else 1) or a number (1: none), at
                      most the number of cores`;

/** The cores this process may use (`os.availableParallelism`), at least 1. */
export function availableCores(): number {
  return Math.max(1, typeof availableParallelism === 'function' ? availableParallelism() : cpus().length);
}

/**
 * `--samples` and `--workers`, for the analysis options. More workers than
 * cores only cost memory and time (each thread holds a copy of the graph
 * and they take turns on the cores), so `--workers` is capped at the number
 * of cores, with a notice on stderr when it was more.
 */
export function pathOptions(values: ParsedArgs['values'], io?: CliIO): { samples?: 'auto' | 'exact' | number; workers?: 'auto' | number } {
  const raw = values.samples;
  let samples: 'auto' | 'exact' | number | undefined;
  if (raw === 'auto' || raw === 'exact') samples = raw;
  else if (raw !== undefined) {
    samples = integerOption(values, 'samples', 1);
  }
  let workers: 'auto' | number | undefined = values.workers === 'auto' ? 'auto' : integerOption(values, 'workers', 1);
  const cores = availableCores();
  if (typeof workers === 'number' && workers > cores) {
    if (io && !values[WORKERS_NOTED]) {
      io.stderr.write(`samverkan: --workers ${workers} is more than the ${cores} core${cores === 1 ? '' : 's'} this machine has; using ${cores} (more threads would only take turns on them, each with its own copy of the graph)\n`);
      values[WORKERS_NOTED] = true;
    }
    workers = cores;
  }
  return { ...(samples !== undefined && { samples }), ...(workers !== undefined && { workers }) };
}

/** Set once the --workers notice is written, so a command that reads the options twice says it once. */
const WORKERS_NOTED = '\u0000workers-noted';

/** Say on stderr when path measures were estimated from a sample. */
export function noteSampling(sampling: PathSampling | null, io: CliIO): void {
  const note = describeSampling(sampling);
  if (note) io.stderr.write(`samverkan: ${note}\n`);
}
