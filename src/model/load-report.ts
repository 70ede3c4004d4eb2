import { z } from 'zod';
import { LangSchema, message, type Lang, type MessageKey } from './i18n/index.js';
import { knownProblemCode, messageText, type ProblemMessage, type ProblemParam, type ProblemParams } from './i18n/problem.js';
import { parseOptions } from './options.js';
import { clipText, visibleText } from './text.js';

const ProblemParamSchema: z.ZodType<ProblemParam> = z.lazy(() => z.union([z.string(), z.number(), z.object({ code: z.string(), params: ProblemParamsSchema.optional() }).strict(), z.object({ en: z.string(), sv: z.string().optional() }).strict()]));
const ProblemParamsSchema: z.ZodType<ProblemParams> = z.lazy(() => z.record(z.string(), ProblemParamSchema));

/** One problem with one input row (or a whole file), as the loader reports it. */
export const ProblemSchema = z.object({
  /** File name, or a label such as `(actors rows)` for in-memory input. */
  file: z.string(),
  /**
   * Row as a spreadsheet shows it: the header is row 1, the first data row is
   * row 2. For arrays of rows, the 1-based position in the array. 0 when the
   * problem concerns the whole file.
   */
  row: z.number().int().nonnegative(),
  /**
   * What `row` counts when the input is a graph file (GEXF, GraphML, JSON):
   * `node` (the N-th node of the file, 1-based, in document order) or `edge`.
   * Absent for tables, where `row` is a spreadsheet row.
   */
  element: z.enum(['node', 'edge']).optional(),
  /** Line in the file, when known (graph files: the line of the element's start tag, or of a syntax error). */
  line: z.number().int().positive().optional(),
  /** Column name as written in the file's header (for graph files, the attribute name), when the problem is in one cell. */
  column: z.string().optional(),
  /** The offending value as written (a value over 200 characters is clipped, with its length: see `clipText`). */
  value: z.string().optional(),
  /** Why the row was rejected, in plain language (English: `problemText(p, 'en')`, always the same text). */
  reason: z.string(),
  /**
   * What kind of problem this is, stable across versions and languages
   * (`weight.not_number`, `municipality.unknown`): the key of its message in
   * the catalogues' `problem` section. Absent on problems made by hand.
   */
  code: z.string().optional(),
  /** The values the message of `code` is built from (file names, values, rows, hints), when it has any. */
  params: ProblemParamsSchema.optional(),
  /** `error` rejects the row (or file); `warning` keeps it and tells you what was assumed. */
  severity: z.enum(['error', 'warning']),
});
export type Problem = z.infer<typeof ProblemSchema>;

/** What happened to every row of one input. `loaded + merged + rejected + blank === rows`. */
export const FileReportSchema = z.object({
  file: z.string(),
  /** `actors` or `links` (for a graph file: its nodes or its edges), `kinds` (a kinds file extending the vocabulary) or `capabilities` (a capabilities file, `loadCapabilities`). */
  role: z.enum(['actors', 'links', 'kinds', 'capabilities']),
  /** Data rows read (not counting the header). */
  rows: z.number().int().nonnegative(),
  /** Rows that became a new actor or link. */
  loaded: z.number().int().nonnegative(),
  /**
   * Rows folded into something that already existed: an actor row repeating an
   * earlier one with the same attributes, a municipality row adding attributes
   * to the geography's municipality, or a link repeating a pair that already
   * had a link (kept as data, aggregated in the graph).
   */
  merged: z.number().int().nonnegative(),
  /** Rows rejected, each with at least one error in `problems`. */
  rejected: z.number().int().nonnegative(),
  /** Empty lines, skipped. */
  blank: z.number().int().nonnegative(),
  /** Field delimiter detected (`,` `;` or tab), when the input was text. */
  delimiter: z.string().optional(),
  /** Text encoding detected, when the input was bytes. */
  encoding: z.string().optional(),
  /**
   * Format of a graph file (`gexf`, `graphml` or `json`); absent for CSV and
   * rows. A graph file gives two reports: its nodes (role `actors`, one row
   * per node) and its edges (role `links`, one row per edge).
   */
  format: z.enum(['gexf', 'graphml', 'json']).optional(),
});
export type FileReport = z.infer<typeof FileReportSchema>;

export const LoadReportSchema = z.object({
  files: z.array(FileReportSchema),
  problems: z.array(ProblemSchema),
});
export type LoadReport = z.infer<typeof LoadReportSchema>;

export { because, hint, knownProblemCode, type ProblemCode, type ProblemMessage, type ProblemParam, type ProblemParams, type ProblemReason, type ProblemWords } from './i18n/problem.js';

/**
 * A problem's message in `lang`, from its `code` and `params` (English: its
 * `reason`, the same text); a problem without a code, or with a code the
 * catalogues do not have, is its `reason` as written.
 */
export function problemText(p: Pick<Problem, 'reason' | 'code' | 'params'>, lang: Lang): string {
  if (p.code === undefined || !knownProblemCode(p.code)) return p.reason;
  return messageText({ code: p.code, ...(p.params !== undefined && { params: p.params }) }, lang);
}

const EMPTY: FormatProblemOptions = Object.freeze({});

/** Options of {@link formatProblem}. */
export const FormatProblemOptionsSchema = z
  .object({
    /** The language of the line (default `en`, the problem's `reason` as written). */
    lang: LangSchema.optional(),
  })
  .strict();
export type FormatProblemOptions = z.infer<typeof FormatProblemOptionsSchema>;

/**
 * Format one problem as a line a person can act on. The line is safe to
 * print: a value is clipped to 200 characters with its length (`clipText`),
 * and control characters, bidi overrides and characters that take no space
 * are shown by their code point, `<U+200B>` (`visibleText`), wherever they
 * are (a file name, a column, a value, a reason quoting the data).
 *
 * In English (the default) the line holds the problem's `reason`; with
 * `{ lang: 'sv' }` it is written in Swedish from its `code` and `params`
 * (a problem without a code keeps its reason). A second argument that is a
 * number is ignored, so `problems.map(formatProblem)` still works.
 */
export function formatProblem(p: Problem, options: FormatProblemOptions | number = EMPTY): string {
  // Parsed only when given (validate formats every problem of a file); a number is the index `problems.map(formatProblem)` passes.
  const lang = options === EMPTY || typeof options === 'number' ? 'en' : (parseOptions(FormatProblemOptionsSchema, options, 'formatProblem').lang ?? 'en');
  const say = (key: MessageKey, values: Record<string, string>) => message(lang, key, values);
  const row = p.row > 0 ? say(`load.where.${p.element ?? 'row'}`, { n: String(p.row) }) : undefined;
  const line = p.line !== undefined ? say('load.where.line', { n: String(p.line) }) : undefined;
  const where = [p.file, row, line, p.column ? say(p.element ? 'load.where.attribute' : 'load.where.column', { name: clipText(p.column, 60) }) : undefined]
    .filter(Boolean)
    .join(', ');
  const value = p.value !== undefined ? say('load.where.value', { value: JSON.stringify(clipText(p.value)) }) : '';
  const reason = lang === 'en' ? p.reason : problemText(p, lang);
  return visibleText(`${where}: ${clipText(reason, 2000)}${value}`);
}
