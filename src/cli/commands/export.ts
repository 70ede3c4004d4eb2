import { resolve } from 'node:path';
import { EXPORT_METRICS, exportNetwork, type ExportMetric } from '../../report/export.js';
import { formatNamed, GRAPH_WRITE_FORMAT_NAMES, orList } from '../../io/graph/formats.js';
import { UsageError } from '../context.js';
import { INPUT_HELP, INPUT_OPTIONS, loadInput, noteCapabilities } from '../input.js';
import { inputFiles, writeOutput, writeOutputs } from '../output.js';
import { progressBar } from '../progress.js';
import { announce, choiceOption, integerOption, listOption, type Command } from './shared.js';

export const exportCommand: Command = {
  name: 'export',
  summary: 'the network as GEXF, GraphML, graphology JSON or CSV tables, with metrics',
  options: {
    ...INPUT_OPTIONS,
    to: { type: 'string' },
    out: { type: 'string', short: 'o' },
    edges: { type: 'string' },
    metrics: { type: 'string' },
    seed: { type: 'string' },
    delimiter: { type: 'string' },
    bom: { type: 'boolean' },
  },
  help: `samverkan export --to FORMAT [options]

Writes the network for Gephi (GEXF 1.3), Cytoscape, yEd, NetworkX or igraph
(GraphML), graphology (JSON), or spreadsheets (CSV node and edge tables).
Nodes carry the actor fields and, by default, the computed metrics
(centralities, constraint, brokerage roles, k-core, community), and with
capability records (--capabilities, or the demo's synthetic ones) a column
capability_<code> per capability: each node's state (yes, planned, no,
unknown).
CSV cells that a spreadsheet would run as a formula are neutralised.

Options:
  --to FORMAT         ${orList(GRAPH_WRITE_FORMAT_NAMES)} (required)
  --out, -o FILE      where to write (default: standard output; for csv,
                      FILE-nodes.csv and FILE-edges.csv, default samverkan-nodes.csv …)
  --edges HOW         pairs (default: one edge per pair, weights summed) or
                      links (one edge per link, with kind and dates)
  --metrics LIST      all (default), none, or a comma-separated list of
                      ${EXPORT_METRICS.join(', ')}
  --seed N            seed of the communities (default 1)
  --delimiter D       csv: comma (default), semicolon or tab
  --bom               csv: start with a byte-order mark (for Excel)

${INPUT_HELP}

Example:
  samverkan export --to gexf --out network.gexf`,
  run({ values }, io) {
    const format = choiceOption(values, 'to', GRAPH_WRITE_FORMAT_NAMES);
    if (format === undefined) throw new UsageError('--to is required', `formats: ${GRAPH_WRITE_FORMAT_NAMES.join(', ')}`);
    const edges = choiceOption(values, 'edges', ['pairs', 'links'] as const);
    const seed = integerOption(values, 'seed', -2147483648);
    const delimiterName = choiceOption(values, 'delimiter', ['comma', 'semicolon', 'tab', ',', ';'] as const);
    const delimiter: ',' | ';' | '\t' | undefined =
      delimiterName === undefined ? undefined : delimiterName === 'semicolon' || delimiterName === ';' ? ';' : delimiterName === 'tab' ? '\t' : ',';
    const list = listOption(values, 'metrics');
    let metrics: boolean | ExportMetric[] = true;
    if (list?.length === 1 && list[0] === 'none') metrics = false;
    else if (list && !(list.length === 1 && list[0] === 'all')) {
      for (const m of list) if (!(EXPORT_METRICS as readonly string[]).includes(m)) throw new UsageError(`unknown metric ${JSON.stringify(m)}`, `metrics: ${EXPORT_METRICS.join(', ')}`);
      metrics = list as ExportMetric[];
    }
    const input = loadInput(values, io, 'use');
    const { net, description, capabilities } = input;
    announce(description, values, io);
    noteCapabilities(input, io);
    const bar = progressBar(io, 'Computing metrics');
    const options = { metrics, ...(capabilities && { capabilities }), onProgress: (done: number, total: number) => bar.update(done, total), ...(edges && { edges }), ...(seed !== undefined && { seed }), ...(delimiter && { delimiter }), bom: values.bom === true };
    const cwd = io.cwd ?? process.cwd();
    if (format === 'csv') {
      const tables = exportNetwork(net, { ...options, format });
      bar.finish();
      const base = ((values.out as string | undefined) ?? 'samverkan').replace(/\.csv$/i, '');
      // Both tables are complete before either replaces an old one: never nodes without their edges.
      const files = (['nodes', 'edges'] as const).map((t) => ({ path: resolve(cwd, `${base}-${t}.csv`), text: tables[t] }));
      writeOutputs(files, inputFiles(values, cwd));
      io.stderr.write(`Wrote ${files.map((f) => f.path).join(' and ')}\n`);
      return 0;
    }
    const text = exportNetwork(net, { ...options, format });
    bar.finish();
    // The format --graph would read the file as, by its extension.
    const named = formatNamed(String(values.out ?? ''));
    if (named !== undefined && named !== format) {
      const extension = /\.([A-Za-z]+)$/.exec(String(values.out))![1]!.toLowerCase();
      io.stderr.write(`samverkan: warning: writing ${format.toUpperCase()} to a .${extension} file; --graph reads files by their extension\n`);
    }
    if (values.out === undefined) io.stdout.write(text);
    else {
      const path = resolve(cwd, values.out as string);
      writeOutput(path, text, inputFiles(values, cwd));
      io.stderr.write(`Wrote ${path}\n`);
    }
    return 0;
  },
};
