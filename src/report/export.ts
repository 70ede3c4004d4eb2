import { z } from 'zod';
import type { CooperationNetwork } from '../model/network.js';
import { type AttributeType, type CellValue, type NodeColumn } from '../io/graph/index.js';
import { GRAPH_WRITE_FORMAT_NAMES, writeGraph } from '../io/graph/formats.js';
import { brokerage, BROKERAGE_ROLES } from '../analysis/brokerage.js';
import { centrality, CENTRALITY_MEASURES, SamplesSchema, WorkersSchema } from '../analysis/centrality.js';
import { communities } from '../analysis/communities.js';
import { kCore } from '../analysis/structure.js';
import { ProgressSchema, parseOptions } from '../model/options.js';
import { CapabilitySet } from '../model/capabilities.js';

/** The metrics of `brokerage`, with its `total` named `brokerage`. */
const BROKERAGE_METRICS = ['constraint', 'effectiveSize', ...BROKERAGE_ROLES, 'brokerage'] as const;

/**
 * Node metrics {@link exportNetwork} can add as columns, in column order:
 * the seven centrality measures of `centrality`, Burt's `constraint` and
 * `effectiveSize` and the Gould–Fernandez role counts of `brokerage` (their
 * sum as `brokerage`), the `core` number of `kCore` and the Louvain
 * `community` of `communities`.
 */
export const EXPORT_METRICS = [...CENTRALITY_MEASURES, ...BROKERAGE_METRICS, 'core', 'community'] as const;
export type ExportMetric = (typeof EXPORT_METRICS)[number];

const INTEGER_METRICS: ReadonlySet<ExportMetric> = new Set(['degree', 'core', 'community']);

export const MetricColumnsOptionsSchema = z.strictObject({
  /** Seed of the Louvain communities, so the same network gives the same `community` column. Default 1. */
  seed: z.number().int().default(1),
  /** Sources of the shortest-path searches behind `betweenness`, `closeness` and `harmonic`, as `centrality`'s `samples`. Default `'auto'`. */
  samples: SamplesSchema,
  /** Worker threads for those searches, as `centrality`'s `workers`. Default `'auto'`. */
  workers: WorkersSchema,
  /** Progress of the costly part (betweenness), `(done, total)`, for progress bars. */
  onProgress: ProgressSchema,
});
export type MetricColumnsOptions = z.input<typeof MetricColumnsOptionsSchema>;

export const ExportOptionsSchema = z.strictObject({
  /** `gexf` (GEXF 1.3, Gephi), `graphml` (Cytoscape, yEd, NetworkX, igraph), `json` (graphology) or `csv` (node and edge tables). */
  format: z.enum(GRAPH_WRITE_FORMAT_NAMES),
  /**
   * Metric columns on the nodes: `true` (default) for all of
   * {@link EXPORT_METRICS}, `false` for none, or a list of them.
   */
  metrics: z.union([z.boolean(), z.array(z.enum(EXPORT_METRICS))]).default(true),
  /** `'pairs'` (default): one edge per linked pair, weights summed; `'links'`: one edge per link. */
  edges: z.enum(['pairs', 'links']).default('pairs'),
  /** Seed of the Louvain communities. Default 1. */
  seed: z.number().int().default(1),
  /** Sources of the shortest-path searches behind the path measures, as `centrality`'s `samples` (`'auto'`: every actor on small networks, a seeded sample on large ones, as `centrality(net, { samples }).sampling` then says). Default `'auto'`. */
  samples: SamplesSchema,
  /** Worker threads for those searches, as `centrality`'s `workers`. Default `'auto'`. */
  workers: WorkersSchema,
  /** CSV field delimiter: `,` (default), `;` (Swedish Excel, decimal commas) or tab. */
  delimiter: z.enum([',', ';', '\t']).default(','),
  /** CSV: prefix a UTF-8 byte-order mark for Excel. Default false. */
  bom: z.boolean().default(false),
  /** JSON indentation in spaces, 0 for one line. Default 2. */
  indent: z.number().int().min(0).max(10).default(2),
  /** Progress of the metrics' costly part (betweenness), `(done, total)`, for progress bars. */
  onProgress: ProgressSchema,
  /** Capability records (`loadCapabilities`): a text column `capability_<code>` per capability, each node's state (`yes`, `planned`, `no`, `unknown`), read on the network's date. */
  capabilities: z.instanceof(CapabilitySet, { message: 'expected a CapabilitySet (from loadCapabilities)' }).optional(),
});
export type ExportOptions = z.input<typeof ExportOptionsSchema>;

/** The two CSV tables of an export. */
export interface CsvExport {
  nodes: string;
  edges: string;
}

/**
 * Metric node columns for the graph writers (`toGexf`, `toGraphml`,
 * `toGraphologyJson`, `nodeTable`, `toCsvTables`): computed with the
 * analysis functions' defaults (NetworkX's conventions; see `centrality`,
 * `brokerage`, `kCore`, `communities`), typed `integer` for `degree`,
 * `core` and `community` and `double` otherwise. `constraint` is absent for
 * actors without ties.
 */
export function metricColumns(net: CooperationNetwork, metrics: readonly ExportMetric[] = EXPORT_METRICS, options: MetricColumnsOptions = {}): NodeColumn[] {
  const o = parseOptions(MetricColumnsOptionsSchema, options, 'metricColumns', net);
  const wanted = new Set(metrics);
  const values = new Map<ExportMetric, Map<string, CellValue>>();
  const put = (metric: ExportMetric, id: string, value: CellValue) => {
    let m = values.get(metric);
    if (!m) values.set(metric, (m = new Map()));
    m.set(id, value);
  };
  const measures = CENTRALITY_MEASURES.filter((m) => wanted.has(m));
  if (measures.length > 0) {
    for (const row of centrality(net, { measures, samples: o.samples, workers: o.workers, ...(o.onProgress && { onProgress: o.onProgress }) })) for (const m of measures) put(m, row.id, row[m]);
  }
  if (BROKERAGE_METRICS.some((m) => wanted.has(m))) {
    for (const row of brokerage(net)) {
      const all = { ...row, brokerage: row.total };
      for (const m of BROKERAGE_METRICS) if (wanted.has(m)) put(m, row.id, all[m]);
    }
  }
  if (wanted.has('core')) for (const row of kCore(net)) put('core', row.id, row.core);
  if (wanted.has('community')) for (const row of communities(net, { seed: o.seed }).assignments) put('community', row.id, row.community);
  return EXPORT_METRICS.filter((m) => wanted.has(m)).map((name) => {
    const type: AttributeType = INTEGER_METRICS.has(name) ? 'integer' : 'double';
    return { name, type, values: values.get(name) ?? new Map() };
  });
}

/** One text column per capability of the records: every node's state, unknown apart from no. */
function capabilityColumns(net: CooperationNetwork, capabilities: CapabilitySet): NodeColumn[] {
  const caps = capabilities.onNetworkDate(net.date, 'exportNetwork');
  const nodes = net.actors();
  // A municipality's records are under its code; its node id is the actor id.
  const subject = (a: (typeof nodes)[number]) => (a.kind === 'municipality' ? (a.municipality ?? a.id) : a.id);
  return caps.capabilities().map((code) => ({ name: `capability_${code}`, type: 'string' as const, values: new Map<string, CellValue>(nodes.map((a) => [a.id, caps.state(subject(a), code)])) }));
}

/**
 * Export a network for Gephi, Cytoscape, NetworkX, igraph, R or a
 * spreadsheet, with computed metrics as node columns.
 *
 * - `gexf`: GEXF 1.3 (`toGexf`); `graphml`: GraphML with `<key>`
 *   declarations (`toGraphml`); `json`: graphology's serialisation
 *   (`toGraphologyJson`). Each returns the file's text.
 * - `csv`: `{ nodes, edges }`, two tables (`toCsvTables`) where text cells a
 *   spreadsheet would run as a formula are neutralised and numbers stay
 *   numbers.
 *
 * Node ids are the actor ids; nodes carry name, kind, municipality and
 * county codes, the actors' attributes and the metric columns (see
 * {@link metricColumns}; a metric replaces an actor attribute of the same
 * name), and with `capabilities` a `capability_<code>` column per capability
 * (each node's state). Output is byte-identical for the same network and options.
 *
 * @example
 * writeFileSync('network.gexf', exportNetwork(net, { format: 'gexf' }));
 * const { nodes, edges } = exportNetwork(net, { format: 'csv', metrics: ['betweenness', 'community'] });
 */
export function exportNetwork(net: CooperationNetwork, options: ExportOptions & { format: 'csv' }): CsvExport;
export function exportNetwork(net: CooperationNetwork, options: ExportOptions & { format: 'gexf' | 'graphml' | 'json' }): string;
export function exportNetwork(net: CooperationNetwork, options: ExportOptions): string | CsvExport;
export function exportNetwork(net: CooperationNetwork, options: ExportOptions): string | CsvExport {
  const o = parseOptions(ExportOptionsSchema, options, 'exportNetwork', net);
  const metrics = o.metrics === true ? EXPORT_METRICS : o.metrics === false ? [] : o.metrics;
  const columns = metrics.length > 0 ? metricColumns(net, metrics, { seed: o.seed, samples: o.samples, workers: o.workers, ...(o.onProgress && { onProgress: o.onProgress }) }) : [];
  if (o.capabilities) columns.push(...capabilityColumns(net, o.capabilities));
  // Every option goes to writeGraph, which hands each format's writer (GRAPH_FORMATS, the one list) its own.
  return writeGraph(net, o.format, { edges: o.edges, columns, indent: o.indent, delimiter: o.delimiter, bom: o.bom });}
