import { availableParallelism, cpus } from 'node:os';
import { CentralityOptionsSchema, describeSampling } from '../../analysis/centrality.js';
import { isUnknownKindWord, normaliseKind } from '../../model/kinds.js';
import type { PathSampling } from '../../metrics/path-centralities.js';
import type { CooperationNetwork } from '../../model/network.js';
import { LANGUAGES, message, messageCount, textCollator, type Lang, type MessageKey } from '../../model/i18n/index.js';
import { messageLang } from '../lang.js';
export { dataLang, givenLang, messageLang, startLang } from '../lang.js';
import { CLI_DEFAULT_COUNTRY, UsageError, type CliIO, type OptionSpec, type FlagArgs, type ParsedArgs } from '../context.js';
import type { Country } from '../../model/country.js';
import { cliFlag, flagsOf, groupHelp, libraryFlag, parseArgsOptions, wholeNumber, wrap, valueIn, type FlagGroup, type FlagTable } from '../flags.js';
import { csvOptions, emit, formatOf, renderRows } from '../output.js';

export interface Command {
  name: string;
  /** The help in a language, generated from the flag tables: usage, summary, description, the flag groups and the examples; the country (`--geography`, else the default) says which datasets `--dataset` offers. */
  help(lang: Lang, country?: Country): string;
  /** The `parseArgs` options, generated from `flags`. */
  options: OptionSpec;
  /** Every flag of the command, by name: conversions, help and the flag of a library option come from it. */
  flags: FlagTable;
  /**
   * Flags renamed, old name → new name. The old name is refused with the new
   * one (not read as an alias): `--kinds` means an actor filter elsewhere, so
   * a script that still says `--kinds` here should fail loudly, not silently.
   */
  renamedFlags?: Readonly<Record<string, string>>;
  run(args: CommandArgs, io: CliIO): number | Promise<number>;
}

/** What a command runs with: the parsed flags as written (`values`), and as converted by the flag table (`flags`). */
export interface CommandArgs extends ParsedArgs, FlagArgs {}

/** Flags every command accepts. */
export const GLOBAL_FLAGS = {
  lang: cliFlag({
    type: 'choice',
    choices: LANGUAGES,
    value: 'LANG',
    help: 'cli.flag.lang',
    showChoices: true,
  }),
} as const satisfies FlagTable;

/** A command of the flag tables: what `defineCommand` reads. */
export interface CommandSpec {
  name: string;
  /** The arguments after `samverkan <name>` in the usage line; `[options]` is said in the help's language. Default `[options]`. */
  usage?: string;
  /** The flag groups, in help order: the command's own first (title `cli.help.options`), then shared ones. */
  groups: readonly FlagGroup[];
  /** Example command lines. */
  examples: readonly string[];
  renamedFlags?: Readonly<Record<string, string>>;
  run(args: CommandArgs, io: CliIO): number | Promise<number>;
}

/** The catalogue key of a command's summary line (its description paragraphs: `cli.description.<name>`). */
const summaryKey = (name: string) => `cli.summary.${name}` as MessageKey;

/**
 * A command from its flag groups: its flags (the groups' and the global
 * ones), the `parseArgs` options, and the help in each language, with the
 * summary line from the catalogue, the description, the groups' flag lines
 * and the examples.
 */
export function defineCommand(spec: CommandSpec): Command {
  const flags: FlagTable = Object.assign({}, GLOBAL_FLAGS, ...spec.groups.map((g) => g.flags));
  // A command whose own --lang goes to the library (explore) lists it among its options; the others under "Every command".
  const groups = spec.groups.some((g) => 'lang' in g.flags) ? spec.groups : [...spec.groups, { title: 'cli.help.global' as MessageKey, flags: GLOBAL_FLAGS }];
  return {
    name: spec.name,
    options: parseArgsOptions(flags),
    flags,
    ...(spec.renamedFlags && { renamedFlags: spec.renamedFlags }),
    help(lang: Lang, country: Country = CLI_DEFAULT_COUNTRY) {
      const usage = `samverkan ${spec.name} ${valueIn(spec.usage ?? '[options]', lang).replace('[options]', message(lang, 'cli.help.optionsArg'))}`;
      return [
        usage,
        wrap(sentence(message(lang, summaryKey(spec.name))), 76).join('\n'),
        ...message(lang, `cli.description.${spec.name}` as MessageKey)
          .split('\n\n')
          .map((paragraph) => wrap(paragraph, 76).join('\n')),
        ...groups.map((g) => groupHelp(g, lang, country)),
        `${message(lang, 'cli.help.example')}:\n${spec.examples.map((e) => `  ${e}`).join('\n')}`,
      ].join('\n\n');
    },
    run: spec.run,
  };
}

/** A summary line as a sentence: capitalised, with a full stop unless it ends with one or an ellipsis. */
const sentence = (text: string) => text.replace(/^./, (c) => c.toUpperCase()) + (/[.…]$/.test(text) ? '' : '.');

/** The summary line of a command in a language (the command list of `samverkan --help`). */
export function commandSummary(command: Command, lang: Lang): string {
  return message(lang, summaryKey(command.name));
}

/** The flags of every command that prints rows. */
export const ROWS_FLAGS = {
  sort: cliFlag({ type: 'string', value: 'COLUMN', help: 'cli.flag.sort' }),
  top: cliFlag({ type: 'integer', min: 1, value: 'N', help: 'cli.flag.top' }),
} as const satisfies FlagTable;
export const ROWS_GROUP: FlagGroup = { title: 'cli.help.rows', flags: ROWS_FLAGS };

/** Apply --sort and --top (as converted), keeping the rows' `columns`. */
export function shapeRows<T extends object>(rows: readonly T[], { values, flags }: FlagArgs): T[] {
  const columns = (rows as { columns?: string[] }).columns;
  let out = [...rows];
  const { sort, top } = flagsOf(ROWS_FLAGS, flags);
  if (sort !== undefined) {
    const lang = messageLang(values);
    if (columns && !columns.includes(sort)) throw new UsageError(message(lang, 'cli.error.sortColumn', { value: JSON.stringify(sort) }), message(lang, 'cli.hint.columns', { columns: columns.join(', ') }));
    const value = (r: T) => (r as Record<string, unknown>)[sort];
    // Text in the alphabetical order of the table's language (Swedish: Å, Ä, Ö last), for people reading it.
    const collator = textCollator(lang);
    out.sort((p, q) => {
      const [a, b] = [value(p), value(q)];
      if (typeof a === 'number' && typeof b === 'number') return b - a;
      if (a === null || a === undefined) return b === null || b === undefined ? 0 : 1;
      if (b === null || b === undefined) return -1;
      return collator.compare(String(a), String(b));
    });
  }
  if (top !== undefined) out = out.slice(0, top);
  if (columns) Object.defineProperty(out, 'columns', { value: columns, enumerable: false });
  return out;
}

/** Print rows in the chosen format after --sort/--top. */
export function printRows(rows: readonly object[], args: FlagArgs, io: CliIO): void {
  emit(renderRows(shapeRows(rows, args), formatOf(args.flags), csvOptions(args.flags)), args.values, io);
}

/**
 * Warn (stderr) about kinds given in an option that no actor of the network
 * has: likely a typo. A word the library refuses (capitals, not a word of the
 * geography's) is left to its error.
 */
export function warnUnknownKinds(net: CooperationNetwork, kinds: readonly string[] | undefined, option: string, io: CliIO, lang: Lang): void {
  if (!kinds) return;
  const present = new Set(net.actors().map((a) => a.kind));
  const vocabulary = net.kindVocabulary;
  const unknown = kinds
    .filter((k) => !isUnknownKindWord(k, vocabulary))
    .map((k) => normaliseKind(k, vocabulary))
    .filter((k) => k !== '' && !present.has(k));
  if (unknown.length > 0) {
    io.stderr.write(`samverkan: ${message(lang, 'cli.warning.unknownKinds', { kinds: unknown.map((k) => JSON.stringify(k)).join(', '), flag: `--${option}`, present: [...present].sort().join(', ') })}\n`);
  }
}

/** The flags of the commands whose results rest on shortest-path searches (betweenness). */
export const PATH_FLAGS = {
  samples: libraryFlag(CentralityOptionsSchema, 'samples', {
    value: 'N',
    help: 'cli.flag.samples',
    parse: (raw, flag, lang) => (raw === 'auto' || raw === 'exact' ? raw : wholeNumber(raw, flag, 1, lang)),
  }),
  workers: libraryFlag(CentralityOptionsSchema, 'workers', {
    value: 'N',
    help: 'cli.flag.workers',
    parse: (raw, flag, lang) => (raw === 'auto' ? raw : wholeNumber(raw, flag, 1, lang)),
  }),
} as const satisfies FlagTable;
export const PATH_GROUP: FlagGroup = { title: 'cli.help.paths', flags: PATH_FLAGS };

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
export function pathOptions({ values, flags }: FlagArgs, io?: CliIO): { samples?: 'auto' | 'exact' | number; workers?: 'auto' | number } {
  const { samples } = flagsOf(PATH_FLAGS, flags);
  let { workers } = flagsOf(PATH_FLAGS, flags);
  const cores = availableCores();
  if (typeof workers === 'number' && workers > cores) {
    if (io && !workersNoted.has(values)) {
      io.stderr.write(`samverkan: ${messageCount(messageLang(values), 'cli.note.workers', cores, { asked: String(workers) })}\n`);
      workersNoted.add(values);
    }
    workers = cores;
  }
  return { ...(samples !== undefined && { samples }), ...(workers !== undefined && { workers }) };
}

/** Set once the --workers notice is written, so a command that reads the options twice says it once. */
const workersNoted = new WeakSet<ParsedArgs['values']>();

/** Say on stderr, in `lang`, when path measures were estimated from a sample (the library's sentence). */
export function noteSampling(sampling: PathSampling | null, io: CliIO, lang: Lang): void {
  const note = describeSampling(sampling, lang);
  if (note) io.stderr.write(`samverkan: ${note}\n`);
}
