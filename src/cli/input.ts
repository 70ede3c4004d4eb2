import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_COUNTRY } from '../countries/default.js';
import { COUNTRIES, knownCountry } from '../countries/index.js';
import { countryDataset, countryDatasetCapabilities, countryGeography, loadCountry } from '../io/country.js';
import { loadCapabilities } from '../io/capabilities.js';
import type { CapabilitySet } from '../model/capabilities.js';
import type { Country } from '../model/country.js';
import { isPlainGeography } from '../model/geography.js';
import type { ScopeOption } from '../model/scope.js';
import { didYouMean } from '../model/suggest.js';
import { ScopeError } from '../model/errors.js';
import { LoadError, loadNetwork, type LoadNetworkInput } from '../io/load/index.js';
// From the old module on purpose: a test watches this import to see which path a large links file takes.
import { loadNetworkInChunks } from '../io/load-network-stream.js';
import { filePathOf, readFileBytes } from '../io/source.js';
import { decodeText, NotTextError } from '../io/text.js';
import { progressBar } from './progress.js';
import type { CooperationNetwork } from '../model/network.js';
import { formatProblem, type Problem } from '../model/load-report.js';
import { IsoDateSchema } from '../model/schema.js';
import { UsageError, type CliIO, type OptionSpec, type ParsedArgs } from './context.js';

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

/** Set by `validate`, which prints the whole load report itself. */
export const QUIET_LOAD = '\u0000quiet-load';

/** Options every command that reads a network accepts. */
export const INPUT_OPTIONS: OptionSpec = {
  actors: { type: 'string' },
  links: { type: 'string' },
  graph: { type: 'string' },
  geography: { type: 'string' },
  dataset: { type: 'string' },
  'as-of': { type: 'string' },
  lenient: { type: 'boolean' },
  county: { type: 'string', short: 'c' },
  municipalities: { type: 'string' },
  ids: { type: 'string' },
  'kinds-file': { type: 'string' },
  capabilities: { type: 'string' },
  census: { type: 'boolean' },
  'custom-capabilities': { type: 'string' },
};

/** The shipped countries' names as `--geography` takes them (`sweden`). */
const COUNTRY_NAMES = COUNTRIES.map((c) => c.name.toLowerCase()).join(', ');
const DEFAULT_NAME = DEFAULT_COUNTRY.name.toLowerCase();

export const INPUT_HELP = `Input (default: the embedded demo dataset):
  --actors FILE       actors CSV (id, name, kind, municipality, county, …)
  --links FILE        links CSV (source, target, kind, weight, since, until);
                      a file over 16 MiB is read in chunks, not whole
  --graph FILE        a GEXF, GraphML or graphology JSON file instead (from
                      Gephi, NetworkX or igraph); node attributes kind,
                      municipality and county map to actor fields
  --geography DIR     folder with municipalities.csv, counties.csv, adjacency.csv,
                      or ${COUNTRY_NAMES} (default: ${DEFAULT_COUNTRY.name}'s when the data names a
                      municipality, else none: a plain graph)
  --county C[,C…]     the area the data covers: these counties (code or name),
                      or all (default: inferred from the data, said on stderr)
  --municipalities L  … or these municipalities
  --ids HOW           link ends that are not actor ids: auto (default; names,
                      and codes when an actors file or --geography speaks
                      them), municipality-codes (2480 is Umeå), or actors
  --dataset NAME      an embedded dataset: demo (synthetic) or bodies (the real
                      cooperation bodies in data/${DEFAULT_NAME})
  --kinds-file FILE   more words for organisation types (columns word, kind)
  --as-of DATE        only the links active on DATE (YYYY-MM-DD)
  --capabilities FILE capability records: one row per (municipality or actor,
                      capability) with status yes, no or planned (see samverkan
                      capabilities); the demo dataset has synthetic ones, read by
                      default (--capabilities none: without them). A command
                      that has no use for them says so (exit 2)
  --census            the capabilities file is complete: a municipality without
                      a row lacks the capability (default: absence is unknown)
  --custom-capabilities LIST  capabilities of your own (codes)
  --lenient           load what can be loaded and report the rest (on stderr),
                      instead of stopping with the list of every problem`;

/**
 * What the loader left out or assumed, on stderr: a line of counts, then the
 * first problems. Every command says it, so a lenient run or a warning (a
 * Windows-1252 file, a guessed kind) is never silent; `validate` lists all.
 */
export function reportLoadProblems(net: CooperationNetwork, io: CliIO, shown = 5): void {
  const report = net.loadReport;
  if (!report || report.problems.length === 0) return;
  const rejected = report.files.reduce((s, f) => s + f.rejected, 0);
  const rows = report.files.reduce((s, f) => s + f.rows - f.blank, 0);
  const errors = report.problems.filter((p) => p.severity === 'error').length;
  const warnings = report.problems.length - errors;
  const parts = [
    rejected > 0 ? `${rejected} of ${rows} rows rejected` : errors > 0 ? `${errors} error${errors === 1 ? '' : 's'}` : undefined,
    warnings > 0 ? `${warnings} warning${warnings === 1 ? '' : 's'}` : undefined,
  ];
  io.stderr.write(`samverkan: ${parts.filter(Boolean).join(', ')} while loading:\n`);
  for (const p of report.problems.slice(0, shown)) io.stderr.write(`  ${p.severity}: ${formatProblem(p)}\n`);
  if (report.problems.length > shown) io.stderr.write(`  … and ${report.problems.length - shown} more (samverkan validate lists them all)\n`);
}

/** `--county` / `--municipalities` as a scope option (undefined: infer). */
export function scopeOption(values: ParsedArgs['values']): ScopeOption | undefined {
  const county = values.county as string | undefined;
  const municipalities = values.municipalities as string | undefined;
  const list = (v: string) => v.split(',').map((x) => x.trim()).filter(Boolean);
  if (county !== undefined && list(county).some((c) => c.toLowerCase() === 'all')) {
    if (list(county).length > 1 || municipalities !== undefined) throw new UsageError('--county all means the whole country: give it alone');
    return 'all';
  }
  if (county === undefined && municipalities === undefined) return undefined;
  return { ...(county !== undefined && { counties: list(county) }), ...(municipalities !== undefined && { municipalities: list(municipalities) }) };
}

/**
 * Say on stderr what the data was read as, when it was inferred: a plain
 * graph (no geography), or an area smaller than the country, with how to
 * change it.
 */
export function noteScope(net: CooperationNetwork, io: CliIO): void {
  if (isPlainGeography(net.geography)) {
    io.stderr.write(`samverkan: the input names no municipality, so it is read as a plain graph (no geography); to read it over ${DEFAULT_COUNTRY.name}: --geography ${DEFAULT_NAME} (and --ids municipality-codes if its ids are municipality codes)\n`);
    return;
  }
  const scope = net.scope;
  if (scope.source !== 'inferred' || scope.national) return;
  io.stderr.write(`samverkan: the data covers ${scope.description} (inferred from ${scope.basis ?? 'the data'}); every table, gap list, map and report is about it. --county NAME[,NAME…] or --county all to change it\n`);
}

export interface LoadedInput {
  net: CooperationNetwork;
  /** What was loaded, in words, for messages. */
  description: string;
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
function inputCapabilities(values: ParsedArgs['values'], io: CliIO, net: CooperationNetwork, dataset: string | undefined, use: CapabilityUse): Pick<LoadedInput, 'capabilities' | 'capabilitiesFrom' | 'capabilitiesDescription'> {
  const file = values.capabilities;
  if (typeof use === 'object') {
    const given = CAPABILITY_FLAGS.find((f) => values[f] !== undefined && !(f === 'capabilities' && file === 'none'));
    if (given) throw new UsageError(`--${given}: ${use.refuse}`, 'capability records are read by capabilities, reach, capability-gaps, summary, coverage, gaps, recommend, plan, evaluate, report, map, export and validate');
    return {};
  }
  const custom = typeof values['custom-capabilities'] === 'string' ? values['custom-capabilities'].split(',').map((x) => x.trim()).filter(Boolean) : undefined;
  const options = { mode: values.lenient ? ('lenient' as const) : ('strict' as const), census: values.census === true, ...(custom && custom.length > 0 && { custom }) };
  if (file === 'none') {
    for (const flag of ['census', 'custom-capabilities']) if (values[flag] !== undefined) throw new UsageError(`--${flag} needs --capabilities FILE, not none`);
    return {};
  }
  if (file === undefined) {
    const own = use === 'use' && dataset !== undefined ? countryDatasetCapabilities(DEFAULT_COUNTRY, dataset) : undefined;
    if (!own) {
      for (const flag of ['census', 'custom-capabilities']) if (values[flag] !== undefined) throw new UsageError(`--${flag} needs --capabilities FILE`);
      return {};
    }
    return { capabilities: loadCapabilities(own.source, net, options), capabilitiesFrom: 'dataset', capabilitiesDescription: own.description };
  }
  if (typeof file !== 'string' || file === '') throw new UsageError('--capabilities needs a file');
  const caps = loadCapabilities({ path: resolve(io.cwd ?? process.cwd(), file), name: file }, net, options);
  const report = caps.loadReport!;
  const rows = report.files[0]!;
  if (!values[QUIET_LOAD]) {
    // Warnings (a Windows-1252 file, a repeated row with another source) are said, as the loader's are for actors and links.
    for (const p of report.problems.filter((p) => p.severity === 'warning')) io.stderr.write(`samverkan: warning: ${formatProblem(p)}\n`);
    if (rows.rejected > 0) io.stderr.write(`samverkan: ${rows.rejected} of ${rows.rows} capability rows rejected (--lenient); run without --lenient to see why\n`);
  }
  return { capabilities: caps, capabilitiesFrom: 'flag', capabilitiesDescription: `the capabilities in ${file}` };
}

/**
 * Load the network the options describe, and its capability records
 * (`use`: what the command does with them; default: refused). Bad input
 * throws the loader's errors (exit 1).
 */
export function loadInput(values: ParsedArgs['values'], io: CliIO, use: CapabilityUse = { refuse: 'this command does not read capability records' }): LoadedInput {
  const cwd = io.cwd ?? process.cwd();
  const path = (v: unknown) => (typeof v === 'string' ? resolve(cwd, v) : undefined);
  const actors = path(values.actors);
  const links = path(values.links);
  const geography = path(values.geography);
  const graph = path(values.graph);
  const dataset = values.dataset as string | undefined;
  const mode = values.lenient ? 'lenient' : 'strict';
  const asOf = values['as-of'];
  if (asOf !== undefined && (typeof asOf !== 'string' || !IsoDateSchema.safeParse(asOf).success)) {
    throw new UsageError(`--as-of needs a date YYYY-MM-DD, got ${JSON.stringify(asOf)}`);
  }
  const ids = values.ids as string | undefined;
  if (ids !== undefined && !['auto', 'actors', 'municipality-codes'].includes(ids)) throw new UsageError(`unknown --ids ${JSON.stringify(ids)}${didYouMean(ids, ['auto', 'actors', 'municipality-codes'])}`, '--ids auto, actors or municipality-codes');
  const scope = scopeOption(values);
  const kindsFile = path(values['kinds-file']);
  let net: CooperationNetwork;
  let description: string;
  let datasetName: string | undefined;
  if (dataset !== undefined && (actors || links || graph)) throw new UsageError('--dataset cannot be combined with --actors, --links or --graph');
  if (geography && !actors && !links && !graph) {
    throw new UsageError(`--geography needs your own --links (or --actors, or --graph): the embedded datasets are ${DEFAULT_COUNTRY.name}'s`);
  }
  if (graph && (actors || links)) throw new UsageError('--graph cannot be combined with --actors or --links', 'a graph file holds both actors and links');
  // `--geography sweden`: a shipped country by its name; else a folder. Given either way (so link ends may be municipality codes).
  const country = typeof values.geography === 'string' ? (knownCountry(values.geography) ?? loadCountry(geography!)) : undefined;
  const geo = country && countryGeography(country);
  const bar = progressBar(io, 'Loading');
  const load = (input: LoadNetworkInput) => {
    let loaded: CooperationNetwork;
    try {
      const options = {
        mode,
        onProgress: (done: number, total: number) => bar.update(done, total),
        ...(scope && { scope }),
        ...(ids && { ids: ids as 'auto' | 'actors' | 'municipality-codes' }),
        // --kinds-file, else the words of the country's folder (kinds.csv).
        ...(kindsFile ? { kinds: { path: kindsFile, name: String(values['kinds-file']) } } : country?.kinds !== undefined && { kinds: country.kinds }),
      } as const;
      loaded = streamLinks(input, io.env ?? process.env) ? loadNetworkInChunks(input, options) : loadNetwork(input, options);
    } catch (error) {
      // A county or municipality of --county/--municipalities the geography does not have: a wrong command (exit 2).
      if (error instanceof ScopeError) throw new UsageError(error.message.replace(/^scope: /, '').replace(/^unknown (county|municipality)/, '--county/--municipalities: unknown $1'), '--county takes county codes or names (24, Västerbotten), --municipalities municipality codes or names');
      throw error;
    } finally {
      bar.finish();
    }
    // --lenient loads what it can of each file; a file that cannot be read at all (missing, a folder, not text) is not a
    // partial result but a wrong command: it fails as in strict mode, whatever `validate` would make of it.
    const report = loaded.loadReport;
    if (mode === 'lenient' && !values[QUIET_LOAD] && report?.problems.some(unreadable)) {
      throw new LoadError({ files: report.files, problems: report.problems.filter(unreadable) }, 20, true);
    }
    return loaded;
  };
  // Paths as { path }: a file name is never read as CSV text, whatever characters it has.
  if (graph) {
    net = load({ graph: { path: graph, name: graph }, ...(geo && { geography: geo }) });
    description = `graph ${values.graph}`;
  } else if (actors || links) {
    net = load({ ...(actors && { actors: { path: actors } }), ...(links && { links: { path: links } }), ...(geo && { geography: geo }) });
    description = [actors && `actors ${values.actors}`, links && `links ${values.links}`].filter(Boolean).join(', ');
  } else {
    // The embedded datasets are the default country's.
    const name = dataset ?? 'demo';
    const input = countryDataset(DEFAULT_COUNTRY, name);
    if (!input) throw new UsageError(`unknown dataset ${JSON.stringify(name)}`, `datasets: ${Object.keys(DEFAULT_COUNTRY.datasets ?? {}).join(', ')}`);
    net = load(input);
    description = DEFAULT_COUNTRY.datasets![name]!.description;
    datasetName = name;
  }
  const capabilities = inputCapabilities(values, io, net, datasetName, use);
  if (!values[QUIET_LOAD]) {
    reportLoadProblems(net, io);
    noteScope(net, io);
  }
  if (typeof asOf === 'string') {
    net = net.asOf(asOf);
    description += ` as of ${asOf}`;
  }
  return { net, description, ...(country && { country }), ...capabilities };
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
  if ('reason' in read) throw new UsageError(`cannot read --${flag} ${JSON.stringify(file)}: ${read.reason}`, hint);
  // The loaders' decoder: byte-order marks, UTF-16, Windows-1252, and binary data refused.
  try {
    return decodeText(read.bytes).text;
  } catch (error) {
    if (error instanceof NotTextError) throw new UsageError(`cannot read --${flag} ${JSON.stringify(file)}: ${error.message}`, hint);
    throw error;
  }
}

/**
 * Say on stderr that a command reads the dataset's own capability records
 * (the demo's are synthetic), so a default is never silent.
 */
export function noteCapabilities(input: LoadedInput, io: CliIO): void {
  if (input.capabilitiesFrom === 'dataset') io.stderr.write(`samverkan: with ${input.capabilitiesDescription} (--capabilities FILE for your own, --capabilities none for none)\n`);
}
