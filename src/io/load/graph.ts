/**
 * A graph file as loader input: its nodes are validated as the file's
 * `actors` rows and its edges as its `links` rows, by the same readers as
 * CSV rows, with each problem marked with its element and line.
 */
import { indexGeography } from '../../model/geography.js';
import type { Problem } from '../../model/load-report.js';
import type { CooperationNetwork } from '../../model/network.js';
import type { ColumnMap } from '../columns.js';
import { readGraphFile, type GraphFile } from '../graph/read.js';
import type { Table } from '../source.js';
import { loadActors, type ActorField } from './actors.js';
import { resolutionFor } from './ends.js';
import { finishLoad } from './finish.js';
import type { LinkField } from './links.js';
import { loadLinks } from './links.js';
import type { LoadNetworkInput, LoadNetworkOptions } from './options.js';
import type { LoadStart, RowProgress } from './start.js';

/** Mark the problems pushed since `from` that are the graph file's rows with their element and line. */
function markElements(problems: readonly Problem[], from: number, file: string, element: 'node' | 'edge', lines: ReadonlyMap<number, number>): void {
  for (const p of problems.slice(from)) {
    if (p.file !== file || p.row === 0) continue;
    p.element = element;
    const line = lines.get(p.row);
    if (line !== undefined) p.line = line;
  }
}

/** Load `input.graph`: without a geography given, a graph is geographic only when its nodes say where they are. */
export function loadGraphInput(input: LoadNetworkInput & { graph: NonNullable<LoadNetworkInput['graph']> }, start: LoadStart, options: LoadNetworkOptions, progress: RowProgress): CooperationNetwork {
  const { problems, files } = start;
  const graph = readGraphFile(input.graph, { geography: start.explicit ? start.geography : 'auto', ...(input.graphFormat !== undefined && { format: input.graphFormat }) });
  const geography = graph.geography;
  problems.push(...graph.problems);
  const tables = graphTables(graph);
  progress.total = tables.nodes.records.length + tables.edges.records.length;
  let from = problems.length;
  const a = loadActors(tables.nodes, geography, problems, tables.nodeColumns, progress.tick, start.vocabulary);
  markElements(problems, from, graph.file, 'node', tables.nodeLines);
  from = problems.length;
  // A graph that speaks geography may have edges to a municipality by its exact code, listed as a node or not.
  const resolution = resolutionFor(geography, a.actors, options, { explicit: true, actorsTable: true, rejected: a.rejected });
  const declared = new Set([...resolution.declared, ...indexGeography(geography).municipality.keys()]);
  const l = loadLinks(tables.edges, { ...resolution, declared }, problems, tables.edgeColumns, progress.tick);
  markElements(problems, from, graph.file, 'edge', tables.edgeLines);
  for (const report of [a.report, l.report]) {
    if (graph.format !== undefined) report.format = graph.format;
    if (graph.encoding !== undefined) report.encoding = graph.encoding;
    files.push(report);
  }
  return finishLoad(geography, a.actors, l, files, problems, options, true, start.vocabulary);
}

/**
 * A graph file's rows as loader tables with their columns fixed (the file's
 * attribute names head the field columns, so problems name them; the other
 * attributes are extra columns, whatever their names).
 */
function graphTables(graph: GraphFile): {
  nodes: Table;
  nodeColumns: ColumnMap<ActorField>;
  nodeLines: Map<number, number>;
  edges: Table;
  edgeColumns: ColumnMap<LinkField>;
  edgeLines: Map<number, number>;
} {
  const build = <F extends string, R extends { row: number; line?: number; attributes: Record<string, string> }>(
    rows: readonly R[],
    fields: readonly F[],
    names: Readonly<Record<F, string>>,
    cell: (row: R, field: F) => string,
  ) => {
    const extraNames: string[] = [];
    const seen = new Set<string>();
    for (const r of rows) {
      for (const k of Object.keys(r.attributes)) {
        if (!seen.has(k)) {
          seen.add(k);
          extraNames.push(k);
        }
      }
    }
    const header = [...fields.map((f) => names[f]), ...extraNames];
    const columns: ColumnMap<F> = { fields: {}, extra: extraNames.map((name, i) => ({ index: fields.length + i, name })), duplicates: [] };
    fields.forEach((f, i) => (columns.fields[f] = i));
    const lines = new Map<number, number>();
    const records = rows.map((r) => {
      if (r.line !== undefined) lines.set(r.row, r.line);
      const own = (k: string) => (Object.prototype.hasOwnProperty.call(r.attributes, k) ? r.attributes[k]! : '');
      return { row: r.row, fields: [...fields.map((f) => cell(r, f)), ...extraNames.map(own)] };
    });
    const table: Table = { file: graph.file, header, headerRow: 0, records, blankRows: [], problems: [] };
    return { table, columns, lines };
  };
  const nodes = build(graph.nodes, ['id', 'name', 'kind', 'municipality', 'county'] as const, graph.nodeFields, (r, f) => r[f]);
  const edges = build(graph.edges, ['source', 'target', 'kind', 'weight', 'since', 'until'] as const, graph.edgeFields, (r, f) => r[f]);
  return {
    nodes: nodes.table,
    nodeColumns: nodes.columns,
    nodeLines: nodes.lines,
    edges: edges.table,
    edgeColumns: edges.columns,
    edgeLines: edges.lines,
  };
}

