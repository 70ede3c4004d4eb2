/** The input and options of the loaders, and their checks before anything is read. */
import { formatList } from '../../model/i18n/index.js';
import { z } from 'zod';
import { ArgumentError, describeValue } from '../../model/errors.js';
import { ProgressSchema, parseOptions, said, saidIn } from '../../model/options.js';
import { ScopeOptionSchema } from '../../model/scope.js';
import type { Geography } from '../../model/schema.js';
import { GRAPH_READ_FORMAT_NAMES, type GraphFormat } from '../graph/formats.js';
import { checkGraphSource, type GraphSource } from '../graph/source.js';
import { checkTableSource, type TableSource } from '../source.js';

export interface LoadNetworkInput {
  /** Actors other than municipalities (which come from the geography). Optional: a links file alone is valid input. */
  actors?: TableSource;
  /** Cooperation links. Ends may name actor ids, municipality codes or unambiguous municipality names. */
  links?: TableSource;
  /**
   * A graph file instead of `actors` and `links` (which it cannot be
   * combined with): GEXF, GraphML or JSON as a path, text or bytes, read by
   * {@link readGraphFile} (see there how node attributes map to actor
   * fields). Nodes are reported as the file's `actors` rows and edges as its
   * `links` rows, numbered by position (`node 3`, `edge 12`).
   */
  graph?: GraphSource;
  /** Format of `graph`; default: from the extension, else the content. */
  graphFormat?: GraphFormat;
  /**
   * A geography object, or a folder with `municipalities.csv`,
   * `counties.csv` and `adjacency.csv`. Default: Sweden's
   * (`defaultGeography()`, the default country's) when the data names a municipality (an
   * actor's `municipality` or `county`, a row of kind municipality, a link
   * end that is a municipality's name, a graph node with such attributes),
   * else none: the network is a plain graph, and no municipality is added.
   * Giving a geography also lets link ends be municipality codes.
   */
  geography?: Geography | string;
}

export const LoadNetworkOptionsSchema = z.strictObject({
  /**
   * `'strict'` (default) throws a {@link LoadError} listing every problem when
   * any row is rejected. `'lenient'` loads what it can and returns the network
   * with its `loadReport` saying what happened to every row.
   */
  mode: z.enum(['strict', 'lenient']).optional(),
  /** How many problems the strict error message lists before "… and N more". Default 20. */
  maxListed: z.number().int().nonnegative().optional(),
  /** Called with `(done, total)` input rows as they are processed (every 1 000 rows and at the end), for progress bars. */
  onProgress: ProgressSchema,
  /**
   * The area the data covers (see `Scope`): `'infer'` (default: the counties
   * where the data's own actors are, else those its links name; see
   * `inferScope`), `'all'`, or `{ counties, municipalities }` by code or
   * name. Every analysis, table, gap list, map and report is restricted to
   * it; the network's `scope` says what was chosen and why.
   */
  scope: ScopeOptionSchema.optional(),
  /**
   * How link ends that are not actor ids are read: `'auto'` (default) as a
   * municipality's name, or as its code when the data says it speaks
   * codes (a geography given, or an actors table that names municipalities);
   * `'municipality-codes'` also as codes in a links file alone (`2480` is
   * Umeå); `'actors'` never as municipalities. An edge list of integer ids
   * is never read as municipality codes unless this says so.
   */
  ids: z.enum(['auto', 'actors', 'municipality-codes']).optional(),
  /**
   * Words for organisation types beyond the geography's vocabulary (the
   * model's `KIND_VOCABULARY` and the country's words, `Geography.kinds`),
   * winning over them: a table (file, text or rows) with a `word` column
   * (or `term`, `ord`, `typ`) and a `kind` column, or an object word → kind.
   * `Lokal brottsförebyggande rådet,authority` makes that word an authority.
   * (Named `kinds` before 0.2.0, where `kinds` is a list of actor kinds; the
   * name of `loadGeography`'s option and the CLI's `--kinds-file`.)
   */
  kindsFile: z
    .custom<TableSource | Readonly<Record<string, string>>>((v) => typeof v === 'string' || v instanceof URL || (typeof v === 'object' && v !== null), 'expected a kinds table (a path, { path }, { text }, { bytes } or rows) or an object word → kind')
    .optional(),
});
export type LoadNetworkOptions = z.input<typeof LoadNetworkOptionsSchema>;

export const LoadNetworkStreamOptionsSchema = LoadNetworkOptionsSchema.extend({
  /**
   * Called with `(done, total)` as the input is processed. For a streamed
   * links file: bytes of the file read so far and its size, after each
   * mebibyte and at the end (a Windows-1252 file, read twice, counts from 0
   * again on its second reading). For input loaded in memory: rows, as
   * `loadNetwork` reports them.
   */
  onProgress: ProgressSchema,
  /** Bytes read from the links file at a time (`fs.createReadStream`'s `highWaterMark`). Default 65 536. */
  highWaterMark: z.number().int().positive().optional(),
});
export type LoadNetworkStreamOptions = z.input<typeof LoadNetworkStreamOptionsSchema>;

/**
 * The arguments of `loadNetwork` and `loadNetworkStream`, checked before
 * anything is read: wrong types are an {@link ArgumentError} naming the
 * argument, not a TypeError from deep inside.
 */
export function checkLoadArguments(fn: string, input: unknown, options: unknown, schema: z.ZodType = LoadNetworkOptionsSchema): asserts input is LoadNetworkInput {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new ArgumentError(saidIn(fn, said('errors.load.expectedInput', { value: (lang) => describeValue(input, lang) })));
  }
  const i = input as Record<string, unknown>;
  for (const key of ['actors', 'links'] as const) if (i[key] !== undefined) checkTableSource(i[key], `${fn}: ${key}`);
  if (i.graph !== undefined) {
    checkGraphSource(i.graph, `${fn}: graph`);
    if (i.actors !== undefined || i.links !== undefined) {
      throw new ArgumentError(saidIn(fn, said('errors.load.graphWithTables')));
    }
  }
  if (i.graphFormat !== undefined && !(GRAPH_READ_FORMAT_NAMES as readonly unknown[]).includes(i.graphFormat)) {
    throw new ArgumentError(
      saidIn(fn, said('errors.load.graphFormat', { formats: (lang) => formatList(lang, GRAPH_READ_FORMAT_NAMES.map((f) => `'${f}'`), 'or'), value: (lang) => describeValue(i.graphFormat, lang) })),
    );
  }
  if (i.geography !== undefined && typeof i.geography !== 'string' && (typeof i.geography !== 'object' || i.geography === null || !Array.isArray((i.geography as { municipalities?: unknown }).municipalities))) {
    throw new ArgumentError(saidIn(fn, said('errors.load.geography', { value: (lang) => describeValue(i.geography, lang) })));
  }
  parseOptions(schema, options, fn);
}
