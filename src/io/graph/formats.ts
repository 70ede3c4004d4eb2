/**
 * The one list of graph file formats: for each, its name, extensions,
 * description, how it is read (when samverkan reads it) and how it is
 * written. Format detection, `readGraphFile`, `writeGraph`, the loaders'
 * `graphFormat` check and the command line's format help all come from it,
 * so a new format is one file (`io/graph/<format>.ts`) and one entry here.
 */
import { because, hint, type ProblemParam } from '../../model/load-report.js';
import type { CooperationNetwork } from '../../model/network.js';
import { parseXml, type XmlElement } from '../xml.js';
import type { z } from 'zod';
import { CsvTablesOptionsSchema, toCsvTables, type CsvTablesOptions } from './csv.js';
import { parseGexf, toGexf } from './gexf.js';
import { parseGraphml, toGraphml } from './graphml.js';
import { GraphologyJsonOptionsSchema, parseJsonGraph, toGraphologyJson, type GraphologyJsonOptions } from './json.js';
import { GraphExportOptionsSchema } from './model.js';
import { GraphFormatError, type RawGraph } from './raw.js';

/** The node and edge tables the CSV writer gives. */
export interface CsvTables {
  nodes: string;
  edges: string;
}

/** The options every writer accepts (each reads its own: `indent` is JSON's, `delimiter` and `bom` are CSV's). */
export type GraphWriteOptions = GraphologyJsonOptions & CsvTablesOptions;

/** One graph file format. */
export interface GraphFormatSpec {
  readonly name: string;
  /** How messages write its name (`GraphML`). */
  readonly label: string;
  /** File name extensions (lower case, no dot) that mean this format when reading. */
  readonly extensions: readonly string[];
  readonly description: string;
  /** How it is read: from its text (JSON), or from the XML root element named `xmlRoot`. Absent: samverkan writes it only. */
  readonly read?: { readonly text: (text: string) => RawGraph } | { readonly xmlRoot: string; readonly xml: (root: XmlElement) => RawGraph };
  readonly write: (net: CooperationNetwork, options?: GraphWriteOptions) => string | CsvTables;
  /** The writer's options (a strict schema): `writeGraph` hands it those of {@link GraphWriteOptions} it has. */
  readonly options: z.ZodObject;
}

export const GRAPH_FORMATS = [
  { name: 'gexf', label: 'GEXF', extensions: ['gexf'], description: 'GEXF 1.3 (Gephi; NetworkX nx.read_gexf)', read: { xmlRoot: 'gexf', xml: parseGexf }, write: toGexf, options: GraphExportOptionsSchema },
  { name: 'graphml', label: 'GraphML', extensions: ['graphml'], description: 'GraphML (Cytoscape, yEd, NetworkX, igraph)', read: { xmlRoot: 'graphml', xml: parseGraphml }, write: toGraphml, options: GraphExportOptionsSchema },
  { name: 'json', label: 'JSON', extensions: ['json'], description: "graphology's JSON (NetworkX node-link JSON is read too)", read: { text: parseJsonGraph }, write: toGraphologyJson, options: GraphologyJsonOptionsSchema },
  { name: 'csv', label: 'CSV', extensions: [], description: 'CSV node and edge tables (spreadsheets)', write: toCsvTables, options: CsvTablesOptionsSchema },
] as const satisfies readonly GraphFormatSpec[];

/** A format samverkan writes. */
export type GraphWriteFormat = (typeof GRAPH_FORMATS)[number]['name'];

type Readable = Extract<(typeof GRAPH_FORMATS)[number], { read: object }>;

/** A format samverkan reads (`readGraphFile`, `loadNetwork({ graph })`). */
export type GraphFormat = Readable['name'];

const READABLE: readonly Readable[] = GRAPH_FORMATS.filter((f): f is Readable => 'read' in f);

/** The names of the formats samverkan reads, in list order. */
export const GRAPH_READ_FORMAT_NAMES = READABLE.map((f) => f.name) as [GraphFormat, ...GraphFormat[]];

/** The names of the formats samverkan writes, in list order. */
export const GRAPH_WRITE_FORMAT_NAMES = GRAPH_FORMATS.map((f) => f.name) as [GraphWriteFormat, ...GraphWriteFormat[]];

/** The format a file name's extension names, if samverkan reads it. */
export function formatNamed(file: string): GraphFormat | undefined {
  const m = /\.([A-Za-z]+)$/.exec(file);
  const extension = m?.[1]!.toLowerCase();
  return extension === undefined ? undefined : READABLE.find((f) => (f.extensions as readonly string[]).includes(extension))?.name;
}

/**
 * A graph file's text as its format gives it: `format` (else JSON when the
 * text starts with `{` or `[`, else the XML format whose root element it
 * has). Throws `GraphFormatError` or `XmlError`.
 */
export function parseGraph(text: string, format: GraphFormat | undefined): { format: GraphFormat; raw: RawGraph } {
  const wanted = format ?? (/^\uFEFF?\s*[{[]/.test(text) ? READABLE.find((f) => 'text' in f.read)?.name : undefined);
  const spec = READABLE.find((f) => f.name === wanted);
  if (spec && 'text' in spec.read) return { format: spec.name, raw: spec.read.text(text) };
  const root = parseXml(text);
  const xmlFormats = READABLE.filter((f) => 'xmlRoot' in f.read);
  const kind = xmlFormats.find((f) => 'xmlRoot' in f.read && f.read.xmlRoot === root.local);
  if (kind === undefined || !('xml' in kind.read)) throw new GraphFormatError(because('graph.root_unknown', { formats: xmlFormats.map((f): ProblemParam => f.label).reduce((a, b) => hint('or', { a, b })), root: root.name }), root.line);
  if (wanted !== undefined && wanted !== kind.name) throw new GraphFormatError(because('graph.root_other', { format: wanted.toUpperCase(), root: root.name }), root.line);
  return { format: kind.name, raw: kind.read.xml(root) };
}

/**
 * Write the network in a format of {@link GRAPH_FORMATS}: the text of the
 * file, or for `csv` the node and edge tables.
 */
export function writeGraph(net: CooperationNetwork, format: 'csv', options?: GraphWriteOptions): CsvTables;
export function writeGraph(net: CooperationNetwork, format: Exclude<GraphWriteFormat, 'csv'>, options?: GraphWriteOptions): string;
export function writeGraph(net: CooperationNetwork, format: GraphWriteFormat, options?: GraphWriteOptions): string | CsvTables;
export function writeGraph(net: CooperationNetwork, format: GraphWriteFormat, options: GraphWriteOptions = {}): string | CsvTables {
  // Each writer takes its own options only (they are strict): `indent` goes to JSON, `delimiter` and `bom` to CSV.
  const spec = GRAPH_FORMATS.find((f) => f.name === format)!;
  const own = Object.fromEntries(Object.entries(options).filter(([key]) => Object.hasOwn(spec.options.shape, key)));
  return spec.write(net, own);
}
