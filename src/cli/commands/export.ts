import { resolve } from 'node:path';
import { EXPORT_METRICS, exportNetwork, ExportOptionsSchema, type ExportMetric } from '../../report/export.js';
import { formatNamed, GRAPH_WRITE_FORMAT_NAMES, type GraphWriteFormat } from '../../io/graph/formats.js';
import { formatList, message, type Lang } from '../../model/i18n/index.js';
import { UsageError } from '../context.js';
import { cliFlag, flagsOf, libraryFlag, listItems, optionsOf, type FlagTable } from '../flags.js';
import { INPUT_GROUP, loadInput, noteCapabilities } from '../input.js';
import { inputFiles, OUTPUT_FLAGS, writeOutput, writeOutputs } from '../output.js';
import { progressBar } from '../progress.js';
import { centrality } from '../../analysis/centrality.js';
import { defineCommand, messageLang, noteSampling, PATH_GROUP, pathOptions } from './shared.js';

/** `--metrics all|none|LIST`: every metric, none, or these. */
function parseMetrics(raw: string, flag: string, lang: Lang): boolean | ExportMetric[] {
  const list = listItems(raw, flag, lang);
  if (list.length === 1 && list[0] === 'none') return false;
  if (list.length === 1 && list[0] === 'all') return true;
  for (const m of list) if (!(EXPORT_METRICS as readonly string[]).includes(m)) throw new UsageError(message(lang, 'cli.error.unknownMetric', { value: JSON.stringify(m) }), message(lang, 'cli.hint.choices', { choices: EXPORT_METRICS.join(', ') }));
  return list as ExportMetric[];
}

/** `--delimiter`'s names and characters, as the export's delimiter. */
const DELIMITERS = { comma: ',', ',': ',', semicolon: ';', ';': ';', tab: '\t' } as const;

const EXPORT_FLAGS = {
  to: libraryFlag(ExportOptionsSchema, 'format', { value: 'FORMAT', help: 'cli.flag.export.to', helpParams: { formats: (lang: Lang) => formatList(lang, GRAPH_WRITE_FORMAT_NAMES, 'or') }, showChoices: false }),
  out: cliFlag({ type: 'string', short: 'o', value: 'FILE', help: 'cli.flag.export.out' }),
  edges: libraryFlag(ExportOptionsSchema, 'edges', { value: 'HOW', help: 'cli.flag.export.edges', showChoices: false }),
  metrics: libraryFlag(ExportOptionsSchema, 'metrics', { type: 'string', value: 'LIST', help: 'cli.flag.export.metrics', helpParams: { metrics: EXPORT_METRICS.join(', ') }, default: 'all', parse: parseMetrics }),
  seed: libraryFlag(ExportOptionsSchema, 'seed', { value: 'N', help: 'cli.flag.export.seed' }),
  delimiter: libraryFlag(ExportOptionsSchema, 'delimiter', {
    type: 'choice',
    choices: Object.keys(DELIMITERS),
    value: 'D',
    help: 'cli.flag.export.delimiter',
    showChoices: false,
    default: 'comma',
    parse: (raw, flag, lang) => {
      if (!Object.hasOwn(DELIMITERS, raw)) throw new UsageError(message(lang, 'cli.error.choice', { flag: `--${flag}`, choices: Object.keys(DELIMITERS).join(', '), value: JSON.stringify(raw) }));
      return DELIMITERS[raw as keyof typeof DELIMITERS];
    },
  }),
  bom: libraryFlag(ExportOptionsSchema, 'bom', { help: OUTPUT_FLAGS.bom.help }),
} as const satisfies FlagTable;

export const exportCommand = defineCommand({
  name: 'export',
  usage: '--to FORMAT [options]',
  groups: [{ title: 'cli.help.options', flags: EXPORT_FLAGS }, PATH_GROUP, INPUT_GROUP],
  examples: ['samverkan export --to gexf --out network.gexf'],
  run({ values, flags }, io) {
    const { out } = flagsOf(EXPORT_FLAGS, flags);
    const { format, ...rest } = optionsOf(EXPORT_FLAGS, flags);
    if (format === undefined) {
      const lang = messageLang(values);
      throw new UsageError(message(lang, 'cli.error.required', { flag: '--to' }), message(lang, 'cli.hint.formats', { formats: GRAPH_WRITE_FORMAT_NAMES.join(', ') }));
    }
    const input = loadInput({ values, flags }, io, 'use');
    const { net, lang, capabilities } = input;
    noteCapabilities(input, io);
    const bar = progressBar(io, message(lang, 'cli.progress.metrics'));
    const paths = pathOptions({ values, flags }, io);
    const options = { ...rest, ...paths, ...(capabilities && { capabilities }), onProgress: (done: number, total: number) => bar.update(done, total) };
    // The path measures of the export, when estimated from a sample, are said so (the same cached searches: nothing is run twice).
    const metrics = rest.metrics ?? true;
    const pathMetrics = metrics === true || (metrics !== false && metrics.some((m) => m === 'betweenness' || m === 'closeness' || m === 'harmonic'));
    const notePaths = () => {
      if (pathMetrics) noteSampling(centrality(net, { measures: ['betweenness'], ...paths }).sampling, io, lang);
    };
    const cwd = io.cwd ?? process.cwd();
    if (format === 'csv') {
      const tables = exportNetwork(net, { ...options, format });
      bar.finish();
      notePaths();
      const base = (out ?? 'samverkan').replace(/\.csv$/i, '');
      // Both tables are complete before either replaces an old one: never nodes without their edges.
      const files = (['nodes', 'edges'] as const).map((t) => ({ path: resolve(cwd, `${base}-${t}.csv`), text: tables[t] }));
      writeOutputs(files, inputFiles(values, cwd), lang);
      io.stderr.write(`${message(lang, 'cli.note.wroteBoth', { first: files[0]!.path, second: files[1]!.path })}\n`);
      return 0;
    }
    const text: string = exportNetwork(net, { ...options, format: format as Exclude<GraphWriteFormat, 'csv'> });
    bar.finish();
    notePaths();
    // The format --graph would read the file as, by its extension.
    const named = formatNamed(out ?? '');
    if (named !== undefined && named !== format) {
      const extension = /\.([A-Za-z]+)$/.exec(out!)![1]!.toLowerCase();
      io.stderr.write(`samverkan: ${message(lang, 'cli.warning.extension', { format: format.toUpperCase(), extension })}\n`);
    }
    if (out === undefined) io.stdout.write(text);
    else {
      const path = resolve(cwd, out);
      writeOutput(path, text, inputFiles(values, cwd), lang);
      io.stderr.write(`${message(lang, 'cli.note.wrote', { path })}\n`);
    }
    return 0;
  },
});
