import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { COUNTRIES } from '../countries/index.js';
import { countryDataset, countryDatasetCapabilities, countryGeography } from '../io/country.js';
import { loadCapabilities, LoadCapabilitiesOptionsSchema } from '../io/capabilities.js';
import type { CapabilitySet } from '../model/capabilities.js';
import { countryWordsIn, type Country } from '../model/country.js';
import { geographyName, isPlainGeography } from '../model/geography.js';
import { describeScope, describeScopeBasis, type ScopeOption } from '../model/scope.js';
import { ScopeError } from '../model/errors.js';
import { LoadError, loadNetwork, type LoadNetworkInput } from '../io/load/index.js';
// From the old module on purpose: a test watches this import to see which path a large links file takes.
import { loadNetworkInChunks } from '../io/load-network-stream.js';
import { filePathOf, readFileBytes } from '../io/source.js';
import { decodeText, NotTextError } from '../io/text.js';
import { progressBar } from './progress.js';
import type { CooperationNetwork } from '../model/network.js';
import { formatProblem, problemText, type Problem } from '../model/load-report.js';
import { IsoDateSchema } from '../model/schema.js';
import { CLI_DEFAULT_COUNTRY, countryOf, UsageError, type CliIO, type FlagArgs, type ParsedArgs } from './context.js';
import { cliFlag, libraryFlag, splitList, type FlagGroup, type FlagTable } from './flags.js';
import { LoadNetworkOptionsSchema } from '../io/load/options.js';
import { message, messageCount, type Lang } from '../model/i18n/index.js';
import { dataLang, messageLang, setDataLang } from './lang.js';

/**
 * A `--links` file larger than this many bytes (16 MiB) is read in chunks,
 * decoded, parsed and validated as it comes (`loadNetworkStream`'s reading,
 * with `fs.readSync`), instead of as one text in memory; the result and the
 * messages are the same. The environment variable
 * `SAMVERKAN_STREAM_LINKS_BYTES` sets another threshold (0: every non-empty file).
 */
export const STREAM_LINKS_BYTES = 16 * 1024 * 1024;

/** Whether the links file is large enough to be read in chunks. */
function streamLinks(input: LoadNetworkInput, env: Record<string, string | undefined>): boolean {
  const file = input.links !== undefined && typeof input.links === 'object' && 'path' in input.links ? filePathOf(input.links) : undefined;
  if (!file) return false;
  const set = env.SAMVERKAN_STREAM_LINKS_BYTES;
  const threshold = set !== undefined && set.trim() !== '' && Number.isFinite(Number(set)) ? Number(set) : STREAM_LINKS_BYTES;
  try {
    const stat = statSync(file.path, { throwIfNoEntry: false });
    return stat !== undefined && stat.isFile() && stat.size > threshold;
  } catch {
    return false; // loadNetwork says why the file cannot be read
  }
}

/** A whole-file error: the file could not be read at all (row 0 is the whole file). */
const unreadable = (p: Problem) => p.severity === 'error' && p.row === 0;

/**
 * How {@link loadInput} loads, beyond the flags: `lenient` whatever
 * `--lenient` says, and `quiet` for `validate`, which prints the whole load
 * report itself (no notes, and an unreadable file is a problem it lists).
 */
export interface LoadHow {
  readonly lenient?: boolean;
  readonly quiet?: boolean;
}

/** The shipped countries' names as `--geography` takes them (`sweden`). */
const COUNTRY_NAMES = COUNTRIES.map((c) => c.name.toLowerCase()).join(', ');
const DEFAULT_NAME = CLI_DEFAULT_COUNTRY.name.toLowerCase();

/** The flags every command that reads a network accepts. */
export const INPUT_FLAGS = {
  actors: cliFlag({ type: 'string', value: 'FILE', help: 'cli.flag.actors' }),
  links: cliFlag({ type: 'string', value: 'FILE', help: 'cli.flag.links' }),
  graph: cliFlag({
    type: 'string',
    value: 'FILE',
    help: 'cli.flag.graph',
  }),
  geography: cliFlag({
    type: 'string',
    value: 'DIR',
    help: 'cli.flag.geography',
    helpParams: { countries: COUNTRY_NAMES, country: (lang: Lang) => geographyName(CLI_DEFAULT_COUNTRY, lang) },
  }),
  county: cliFlag({ type: 'string', short: 'c', value: 'C[,C…]', help: 'cli.flag.county' }),
  municipalities: cliFlag({ type: 'string', value: 'L', help: 'cli.flag.municipalities' }),
  ids: libraryFlag(LoadNetworkOptionsSchema, 'ids', {
    value: 'HOW',
    help: 'cli.flag.ids',
    default: 'auto',
  }),
  dataset: cliFlag({
    type: 'string',
    value: 'NAME',
    help: 'cli.flag.dataset',
    // The datasets of the country the command runs in (`--geography`, else the default).
    helpParams: { datasets: (lang, country) => datasetList(country, lang) },
    default: (country) => Object.keys(country.datasets ?? {})[0] ?? false,
  }),
  'kinds-file': cliFlag({ type: 'string', value: 'FILE', help: 'cli.flag.kinds-file' }),
  'as-of': cliFlag({
    type: 'string',
    value: 'DATE',
    help: 'cli.flag.as-of',
    parse: (raw, _flag, lang) => {
      if (!IsoDateSchema.safeParse(raw).success) throw new UsageError(message(lang, 'cli.error.date', { flag: '--as-of', value: JSON.stringify(raw) }));
      return raw;
    },
  }),
  // The capability records: read by loadInput (the flag's, else the dataset's), used or refused by each command (`CapabilityUse`).
  capabilities: cliFlag({ type: 'string', value: 'FILE', help: 'cli.flag.capabilities' }),
  census: libraryFlag(LoadCapabilitiesOptionsSchema, 'census', { help: 'cli.flag.census' }),
  'custom-capabilities': libraryFlag(LoadCapabilitiesOptionsSchema, 'custom', { type: 'list', value: 'LIST', help: 'cli.flag.custom-capabilities' }),
  lenient: cliFlag({ type: 'boolean', help: 'cli.flag.lenient' }),
} as const satisfies FlagTable;

/** The datasets a country ships, `name, what it is` each, for the help; or a sentence saying it has none. */
function datasetList(country: Country, lang: Lang): string {
  const datasets = Object.entries(country.datasets ?? {});
  if (datasets.length === 0) return message(lang, 'cli.help.noDatasets', { country: geographyName(country, lang) });
  return datasets.map(([name, d]) => `${name}, ${countryWordsIn(d.description, lang)}`).join('; ');
}

/** The input flags as a help group. */
export const INPUT_GROUP: FlagGroup = { title: 'cli.help.input', flags: INPUT_FLAGS };


/**
 * What the loader left out or assumed, on stderr: a line of counts, then the
 * first problems. Every command says it, so a lenient run or a warning (a
 * Windows-1252 file, a guessed kind) is never silent; `validate` lists all.
 */
export function reportLoadProblems(net: CooperationNetwork, io: CliIO, lang: Lang, shown = 5): void {
  const report = net.loadReport;
  if (!report || report.problems.length === 0) return;
  const rejected = report.files.reduce((s, f) => s + f.rejected, 0);
  const rows = report.files.reduce((s, f) => s + f.rows - f.blank, 0);
  const errors = report.problems.filter((p) => p.severity === 'error').length;
  const warnings = report.problems.length - errors;
  const parts = [
    rejected > 0 ? message(lang, 'cli.note.rowsRejected', { rejected, rows }) : errors > 0 ? messageCount(lang, 'cli.note.errors', errors) : undefined,
    warnings > 0 ? messageCount(lang, 'cli.note.warnings', warnings) : undefined,
  ];
  io.stderr.write(`samverkan: ${message(lang, 'cli.note.loadCounts', { counts: parts.filter(Boolean).join(', ') })}\n`);
  for (const p of report.problems.slice(0, shown)) io.stderr.write(`  ${problemLine(p, lang)}\n`);
  if (report.problems.length > shown) io.stderr.write(`  ${message(lang, 'cli.note.moreProblems', { n: report.problems.length - shown })}\n`);
}

/** A problem as the command line lists it: its severity and the line of `formatProblem`, in `lang`. */
export function problemLine(p: Problem, lang: Lang): string {
  return `${message(lang, `load.severity.${p.severity}`)}: ${formatProblem(p, { lang })}`;
}

/** `--county` / `--municipalities` as a scope option (undefined: infer). */
export function scopeOption(values: ParsedArgs['values']): ScopeOption | undefined {
  const county = values.county as string | undefined;
  const municipalities = values.municipalities as string | undefined;
  if (county !== undefined && splitList(county).some((c) => c.toLowerCase() === 'all')) {
    if (splitList(county).length > 1 || municipalities !== undefined) throw new UsageError(message(messageLang(values), 'cli.error.countyAll'));
    return 'all';
  }
  if (county === undefined && municipalities === undefined) return undefined;
  return { ...(county !== undefined && { counties: splitList(county) }), ...(municipalities !== undefined && { municipalities: splitList(municipalities) }) };
}

/**
 * Say on stderr what the data was read as, when it was inferred: a plain
 * graph (no geography), or an area smaller than the country, with how to
 * change it.
 */
export function noteScope(net: CooperationNetwork, io: CliIO, lang: Lang): void {
  if (isPlainGeography(net.geography)) {
    io.stderr.write(`samverkan: ${message(lang, 'cli.note.plainGraph', { country: geographyName(CLI_DEFAULT_COUNTRY, lang), name: DEFAULT_NAME })}\n`);
    return;
  }
  const scope = net.scope;
  if (scope.source !== 'inferred' || scope.national) return;
  io.stderr.write(`samverkan: ${message(lang, 'cli.note.scope', { area: describeScope(scope, net.geography, lang), basis: describeScopeBasis(scope, lang) ?? message(lang, 'cli.note.scopeBasis') })}\n`);
}

export interface LoadedInput {
  net: CooperationNetwork;
  /** What was loaded, in words, for messages. */
  description: string;
  /** The language of messages about this data: `--lang`, else the geography's (see `dataLang`). */
  lang: Lang;
  /** The country `--geography` gave: a shipped one by name, or one read from a folder (`loadCountry`). */
  country?: Country;
  /** The capability records: `--capabilities FILE`, else the dataset's own (the demo's synthetic ones), unless `--capabilities none`. */
  capabilities?: CapabilitySet;
  /** Where `capabilities` come from: the flag, or the dataset by default (then `capabilitiesDescription` says what they are). */
  capabilitiesFrom?: 'flag' | 'dataset';
  capabilitiesDescription?: string;
}

/**
 * What a command does with capability records (`--capabilities`): `use`
 * them (explicit or the dataset's), use only an explicit file
 * (`flag`: the dataset's would change a measurement), or `refuse` them,
 * with why, as bad usage naming the flag (the dataset's are then not read).
 */
export type CapabilityUse = 'use' | 'flag' | { refuse: string };

/** The flags of the capability records, all refused together. */
const CAPABILITY_FLAGS = ['capabilities', 'census', 'custom-capabilities'] as const;

/**
 * The capability records the options name, read over `net`: `--capabilities
 * FILE` (strict unless --lenient; warnings and rejected rows said on
 * stderr), else the dataset's own when `use` is `use`; undefined when
 * there are none or `--capabilities none`.
 */
function inputCapabilities({ values, flags }: FlagArgs, io: CliIO, net: CooperationNetwork, dataset: { country: Country; name: string } | undefined, use: CapabilityUse, lang: Lang, mode: 'strict' | 'lenient', quiet: boolean): Pick<LoadedInput, 'capabilities' | 'capabilitiesFrom' | 'capabilitiesDescription'> {
  const file = values.capabilities;
  if (typeof use === 'object') {
    const given = CAPABILITY_FLAGS.find((f) => values[f] !== undefined && !(f === 'capabilities' && file === 'none'));
    if (given) throw new UsageError(`--${given}: ${use.refuse}`, message(lang, 'cli.hint.capabilityCommands'));
    return {};
  }
  const custom = flags['custom-capabilities'] as string[] | undefined;
  const options = { mode, census: values.census === true, ...(custom && { custom }) };
  if (file === 'none') {
    for (const flag of ['census', 'custom-capabilities']) if (values[flag] !== undefined) throw new UsageError(message(lang, 'cli.error.needsCapabilitiesNotNone', { flag: `--${flag}` }));
    return {};
  }
  if (file === undefined) {
    const own = use === 'use' && dataset !== undefined ? countryDatasetCapabilities(dataset.country, dataset.name, lang) : undefined;
    if (!own) {
      for (const flag of ['census', 'custom-capabilities']) if (values[flag] !== undefined) throw new UsageError(message(lang, 'cli.error.needsCapabilities', { flag: `--${flag}` }));
      return {};
    }
    return { capabilities: loadCapabilities(own.source, net, options), capabilitiesFrom: 'dataset', capabilitiesDescription: own.description };
  }
  if (typeof file !== 'string' || file === '') throw new UsageError(message(lang, 'cli.error.missingValue', { flag: '--capabilities' }));
  const caps = loadCapabilities({ path: resolve(io.cwd ?? process.cwd(), file), name: file }, net, options);
  const report = caps.loadReport!;
  const rows = report.files[0]!;
  if (!quiet) {
    // Warnings (a Windows-1252 file, a repeated row with another source) are said, as the loader's are for actors and links.
    for (const p of report.problems.filter((p) => p.severity === 'warning')) io.stderr.write(`samverkan: ${message(lang, 'cli.warning.prefix', { message: formatProblem(p, { lang }) })}\n`);
    if (rows.rejected > 0) io.stderr.write(`samverkan: ${message(lang, 'cli.note.capabilityRowsRejected', { rejected: rows.rejected, rows: rows.rows })}\n`);
  }
  return { capabilities: caps, capabilitiesFrom: 'flag', capabilitiesDescription: message(lang, 'input.capabilities', { file }) };
}

/** The dataset of `country` a command without files reads (`--dataset NAME`, else the country's first), or bad usage naming the country's datasets. */
function datasetOfCountry(country: Country, dataset: string | undefined, lang: Lang): string {
  const names = Object.keys(country.datasets ?? {});
  const name = dataset ?? names[0];
  const where = geographyName(country, lang);
  if (name === undefined) throw new UsageError(message(lang, 'cli.error.noDatasets', { country: where }), message(lang, 'cli.hint.ownData'));
  if (!names.includes(name)) {
    throw new UsageError(
      message(lang, 'cli.error.unknownDataset', { value: JSON.stringify(name), country: where }),
      names.length > 0 ? message(lang, 'cli.hint.datasets', { datasets: names.join(', ') }) : message(lang, 'cli.hint.ownData'),
    );
  }
  return name;
}

/**
 * Load the network the options describe, and its capability records
 * (`use`: what the command does with them; default: refused). Bad input
 * throws the loader's errors (exit 1).
 */
export function loadInput({ values, flags }: FlagArgs, io: CliIO, use: CapabilityUse = { refuse: message(messageLang(values), 'cli.error.noCapabilityUse') }, how: LoadHow = {}): LoadedInput {
  const cwd = io.cwd ?? process.cwd();
  const path = (v: unknown) => (typeof v === 'string' ? resolve(cwd, v) : undefined);
  const actors = path(values.actors);
  const links = path(values.links);
  const geography = path(values.geography);
  const graph = path(values.graph);
  const dataset = values.dataset as string | undefined;
  const mode = values.lenient || how.lenient ? 'lenient' : 'strict';
  const quiet = how.quiet === true;
  // --as-of and --ids were checked with their flags (INPUT_FLAGS).
  const asOf = values['as-of'];
  const ids = values.ids as 'auto' | 'actors' | 'municipality-codes' | undefined;
  const lang0 = messageLang(values);
  const scope = scopeOption(values);
  const kindsFile = path(values['kinds-file']);
  let net: CooperationNetwork;
  let describe: (lang: Lang) => string;
  let datasetOf: { country: Country; name: string } | undefined;
  if (dataset !== undefined && (actors || links || graph)) throw new UsageError(message(lang0, 'cli.error.datasetWithFiles'));
  if (graph && (actors || links)) throw new UsageError(message(lang0, 'cli.error.graphWithFiles'), message(lang0, 'cli.hint.graphFile'));
  // The country the command runs in: `--geography sweden` (a shipped country by its name), a folder, else the default.
  const inUse = countryOf(values, io);
  // Without files, a dataset of the country in use: --dataset NAME, else its first; checked before its geography is read.
  const datasetName = actors || links || graph ? undefined : datasetOfCountry(inUse, dataset, lang0);
  // Given (so link ends may be municipality codes) only when --geography says so.
  const country = geography ? inUse : undefined;
  const geo = country && countryGeography(country);
  const bar = progressBar(io, message(lang0, 'cli.progress.loading'));
  const load = (input: LoadNetworkInput) => {
    let loaded: CooperationNetwork;
    try {
      const options = {
        mode,
        onProgress: (done: number, total: number) => bar.update(done, total),
        ...(scope && { scope }),
        ...(ids && { ids }),
        // --kinds-file: more words, over those of the country's (its kinds.csv, kept with its geography).
        ...(kindsFile && { kindsFile: { path: kindsFile, name: String(values['kinds-file']) } }),
      } as const;
      loaded = streamLinks(input, io.env ?? process.env) ? loadNetworkInChunks(input, options) : loadNetwork(input, options);
    } catch (error) {
      // A county or municipality of --county/--municipalities the geography does not have: a wrong command (exit 2).
      if (error instanceof ScopeError) throw new UsageError(`--county/--municipalities: ${error.describe(lang0)}`, message(lang0, 'cli.hint.scope'));
      throw error;
    } finally {
      bar.finish();
    }
    // --lenient loads what it can of each file; a file that cannot be read at all (missing, a folder, not text) is not a
    // partial result but a wrong command: it fails as in strict mode, whatever `validate` would make of it.
    const report = loaded.loadReport;
    if (mode === 'lenient' && !quiet && report?.problems.some(unreadable)) {
      throw new LoadError({ files: report.files, problems: report.problems.filter(unreadable) }, 20, true);
    }
    return loaded;
  };
  // Paths as { path }: a file name is never read as CSV text, whatever characters it has.
  if (graph) {
    net = load({ graph: { path: graph, name: graph }, ...(geo && { geography: geo }) });
    describe = (l) => message(l, 'input.graph', { file: String(values.graph) });
  } else if (actors || links) {
    net = load({ ...(actors && { actors: { path: actors } }), ...(links && { links: { path: links } }), ...(geo && { geography: geo }) });
    describe = (l) => {
      const parts = [actors && message(l, 'input.actors', { file: String(values.actors) }), links && message(l, 'input.links', { file: String(values.links) })].filter((p): p is string => Boolean(p));
      return parts.length === 2 ? message(l, 'input.and', { a: parts[0]!, b: parts[1]! }) : parts[0]!;
    };
  } else {
    const name = datasetName!;
    net = load({ ...countryDataset(inUse, name)!, ...(geo && { geography: geo }) });
    describe = (l) => countryWordsIn(inUse.datasets![name]!.description, l);
    datasetOf = { country: inUse, name };
  }
  const lang = dataLang(values, net);
  setDataLang(values, lang);
  // The user's files (or the dataset) in the language of the messages about them.
  let description = describe(lang);
  const capabilities = inputCapabilities({ values, flags }, io, net, datasetOf, use, lang, mode, quiet);
  if (!quiet) {
    reportLoadProblems(net, io, lang);
    noteScope(net, io, lang);
  }
  if (typeof asOf === 'string') {
    net = net.asOf(asOf);
    description = message(lang, 'cli.note.asOf', { description, date: asOf });
  }
  // Without input files the command runs on a dataset: said once here, for every command.
  if (!quiet && !values.actors && !values.links && !values.dataset && !values.graph) io.stderr.write(`samverkan: ${message(messageLang(values), 'cli.note.noInput', { description })}\n`);
  return { net, description, lang, ...(country && { country }), ...capabilities };
}

/**
 * The text of a file an option names (`--features`, `--model`): a
 * regular file of at most 256 MiB, or bad usage naming the flag (a pipe,
 * a device or a missing file is refused at once, never read for ever).
 */
export function readOptionFile(values: ParsedArgs['values'], flag: string, io: CliIO, hint?: string): string | undefined {
  const file = values[flag] as string | undefined;
  if (file === undefined) return undefined;
  const read = readFileBytes(resolve(io.cwd ?? process.cwd(), file), `--${flag}`);
  const lang = messageLang(values);
  if ('reason' in read) throw new UsageError(message(lang, 'cli.error.cannotRead', { flag: `--${flag}`, value: JSON.stringify(file), reason: problemText(read, lang) }), hint);
  // The loaders' decoder: byte-order marks, UTF-16, Windows-1252, and binary data refused.
  try {
    return decodeText(read.bytes).text;
  } catch (error) {
    if (error instanceof NotTextError) throw new UsageError(message(lang, 'cli.error.cannotRead', { flag: `--${flag}`, value: JSON.stringify(file), reason: problemText(error.problem, lang) }), hint);
    throw error;
  }
}

/**
 * Say on stderr that a command reads the dataset's own capability records
 * (the demo's are synthetic), so a default is never silent.
 */
export function noteCapabilities(input: LoadedInput, io: CliIO): void {
  if (input.capabilitiesFrom === 'dataset') io.stderr.write(`samverkan: ${message(input.lang, 'cli.note.withCapabilities', { description: input.capabilitiesDescription ?? '' })}\n`);
}
