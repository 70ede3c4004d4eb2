import { cmp, findCounty, findMunicipality, findMunicipalityBy, indexGeography, isPlainGeography, NO_GEOGRAPHY, normaliseName } from '../model/geography.js';
import { ArgumentError, describeValue, SamverkanError, ScopeError } from '../model/errors.js';
import { formatProblem, type FileReport, type LoadReport, type Problem } from '../model/load-report.js';
import { checkHeap, HEAP_RESERVE_PER_ROW } from '../model/runtime.js';
import { clipText, describeLookalike, visibleText } from '../model/text.js';
import { CooperationNetwork, MAX_LINK_WEIGHT } from '../model/network.js';
import { IsoDateSchema, type Actor, type Geography, type Link } from '../model/schema.js';
import { ScopeOptionSchema } from '../model/scope.js';
import { ProgressSchema, parseOptions } from '../model/options.js';
import { z } from 'zod';
import { ACTOR_COLUMNS, LINK_COLUMNS, MEMBERSHIP_COLUMNS, normaliseHeader, normaliseKind, type ColumnMap } from './columns.js';
import { DEFAULT_KINDS, foldKind, KindVocabulary, kindWord, VOCABULARY_KINDS } from '../model/kinds.js';
import { closestWords } from '../model/suggest.js';
import { loadGeography } from './geography.js';
import { readGraphFile, type GraphFile, type GraphFormat, type GraphSource } from './graph-import.js';
import { swedenGeography } from './sweden.js';
import { decimalPoint, type TableRecord } from './csv.js';
import { checkHeader, showCell } from './header.js';
import { ambiguousMunicipality, excelHint, lookalikeIdHint, lookalikeMunicipality, Lookalikes, municipalitySuggestion } from './hints.js';
import { checkTableSource, issueProblem, readTable, type Table, type TableSource } from './source.js';
import { setOwn } from '../model/own.js';

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
   * ({@link swedenGeography}) when the data names a municipality (an
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
   * Words for organisation types beyond the built-in vocabulary (see
   * `KIND_VOCABULARY`): a table (file, text or rows) with a `word` column
   * (or `term`, `ord`, `typ`) and a `kind` column, or an object word → kind.
   * `Lokal brottsförebyggande rådet,authority` makes that word an authority.
   */
  kinds: z
    .custom<TableSource | Readonly<Record<string, string>>>((v) => typeof v === 'string' || v instanceof URL || (typeof v === 'object' && v !== null), 'expected a kinds table (a path, { path }, { text }, { bytes } or rows) or an object word → kind')
    .optional(),
});
export type LoadNetworkOptions = z.input<typeof LoadNetworkOptionsSchema>;

/** Accepted header names of a kinds file. */
export const KIND_FILE_COLUMNS = {
  word: ['word', 'term', 'ord', 'typ', 'type', 'name', 'namn', 'text'],
  kind: ['kind', 'samverkan_kind', 'maps_to', 'kategori', 'category'],
} as const;

/**
 * The vocabulary of a load: the built-in words plus the `kinds` option's. A
 * kinds file's rows are accounted for like any input's (a file report of
 * role `kinds`); an empty word or kind rejects its row.
 */
export function kindVocabularyOf(kinds: LoadNetworkOptions['kinds'], problems: Problem[], files: FileReport[]): KindVocabulary {
  if (kinds === undefined) return DEFAULT_KINDS;
  if (typeof kinds === 'object' && !Array.isArray(kinds) && !(kinds instanceof Uint8Array) && !(kinds instanceof URL) && !('text' in kinds) && !('bytes' in kinds) && !('path' in kinds)) {
    return new KindVocabulary(kinds as Readonly<Record<string, string>>);
  }
  const table = readTable(kinds as TableSource, '(kinds)');
  const report: FileReport = { file: table.file, role: 'kinds', rows: 0, loaded: 0, merged: 0, rejected: 0, blank: table.blankRows.length };
  report.rows += table.blankRows.length;
  const columns = checkHeader<keyof typeof KIND_FILE_COLUMNS>(table, KIND_FILE_COLUMNS, ['word', 'kind'], problems);
  const words = new Map<string, string>();
  const seen = new Map<string, number>();
  for (const record of table.records) {
    report.rows++;
    if (!columns) {
      report.rejected++;
      continue;
    }
    const { cell, error: err, errors } = readRecord(table, columns, record, problems);
    const word = cell('word');
    const kind = kindWord(cell('kind'));
    if (word === '') err('word', undefined, 'the word is empty');
    if (kind === '') err('kind', cell('kind') || undefined, `the kind is empty; use one of ${VOCABULARY_KINDS.join(', ')} or a kind of your own`);
    const earlier = seen.get(foldKind(word));
    if (errors.length === 0 && earlier !== undefined && words.get(foldKind(word)) !== kind) err('word', word, `the word is already mapped to ${JSON.stringify(words.get(foldKind(word)))} on row ${earlier}`);
    if (errors.length > 0) {
      problems.push(...errors);
      report.rejected++;
      continue;
    }
    if (earlier !== undefined) report.merged++;
    else {
      seen.set(foldKind(word), record.row);
      words.set(foldKind(word), kind);
      report.loaded++;
    }
  }
  files.push(report);
  return new KindVocabulary(words);
}

/** Thrown in strict mode when input rows are rejected. `problems` holds all of them; `report` the full load report. */
export class LoadError extends SamverkanError {
  readonly problems: Problem[];
  readonly report: LoadReport;
  /** `unreadable`: files that cannot be read at all, which `--lenient` cannot help with (no advice to use it). */
  constructor(report: LoadReport, maxListed: number, unreadable = false) {
    const errors = report.problems.filter((p) => p.severity === 'error');
    const listed = errors.slice(0, maxListed).map((p) => `  - ${formatProblem(p)}`);
    const rest = errors.length - listed.length;
    super(
      'LOAD',
      [
        `samverkan could not load the input: ${errors.length} problem${errors.length === 1 ? '' : 's'}`,
        ...listed,
        ...(rest > 0 ? [`  … and ${rest} more`] : []),
        ...(unreadable
          ? ['A file that cannot be read has no rows to load: give a file that exists and is readable.']
          : [
              'To see every problem: samverkan validate with the same input (in code: load with { mode: \'lenient\' } and read net.loadReport).',
              'To load the rows that are fine and leave these out: --lenient (in code: { mode: \'lenient\' }).',
            ]),
      ].join('\n'),
      // The first problem's place, for code that shows one.
      errors[0] ? { file: errors[0].file, row: errors[0].row, ...(errors[0].column !== undefined && { column: errors[0].column }) } : {},
    );
    this.name = 'LoadError';
    this.problems = errors;
    this.report = report;
  }
}

type ActorField = keyof typeof ACTOR_COLUMNS;
type LinkField = keyof typeof LINK_COLUMNS;


/**
 * What a record reader needs of a table before its records: file, header,
 * delimiter, encoding and whole-file problems, and whether any data record
 * follows the header (a header alone is a warning). A streamed file knows
 * this at its first record; a table in memory at once.
 */
export type TableHead = Omit<Table, 'records' | 'blankRows'> & { hasRecords: boolean };

/**
 * Reads a table's records one at a time, so that a table in memory and a
 * file streamed in chunks are validated by the same code: `add` each data
 * record in order, `blank` each blank row, then `finish`.
 */
export interface RecordReader<T> {
  add(record: TableRecord): void;
  blank(): void;
  finish(): { items: T[]; report: FileReport };
}

/** The head of a table in memory. */
function headOf(table: Table): TableHead {
  const { records, blankRows: _blank, ...head } = table;
  return { ...head, hasRecords: records.length > 0 };
}

/** Read a whole table in memory through a reader. */
function readAll<T>(reader: RecordReader<T>, table: Table): { items: T[]; report: FileReport } {
  for (const record of table.records) reader.add(record);
  for (let i = 0; i < table.blankRows.length; i++) reader.blank();
  return reader.finish();
}

/** The header check of {@link checkHeader} for a table head (it only asks the records whether there are any). */
function checkHead<F extends string>(
  head: TableHead,
  spec: Readonly<Record<F, readonly string[]>>,
  required: readonly F[],
  problems: Problem[],
): ColumnMap<F> | undefined {
  const { hasRecords, ...rest } = head;
  return checkHeader<F>({ ...rest, records: [], blankRows: [] }, spec, required, problems, { warnNoRows: !hasRecords });
}

/** A header of memberships (`group`, `municipality`) with no source or target column: see MEMBERSHIP_COLUMNS. */
function isMembershipHeader(header: readonly string[]): boolean {
  const cells = new Set(header.map(normaliseHeader));
  const has = (names: readonly string[]) => names.some((n) => cells.has(n));
  return !has(LINK_COLUMNS.source) && !has(LINK_COLUMNS.target) && has(MEMBERSHIP_COLUMNS.source) && has(MEMBERSHIP_COLUMNS.target);
}

/** A file report with no rows yet: readers count them as they come. */
function emptyReport(head: TableHead, role: 'actors' | 'links'): FileReport {
  const report: FileReport = { file: head.file, role, rows: 0, loaded: 0, merged: 0, rejected: 0, blank: 0 };
  if (head.delimiter !== undefined) report.delimiter = head.delimiter;
  if (head.encoding !== undefined) report.encoding = head.encoding;
  return report;
}

const WIDE = 'the row has more fields than the header';

function tooWide(table: Pick<Table, 'header'>, record: { fields: string[] }): boolean {
  return record.fields.length > table.header.length && record.fields.slice(table.header.length).some((f) => f !== '');
}

/**
 * One data record read through a column map: `cell(field)` is the field's
 * text ('' when the column is absent), `error(…)` records a problem naming
 * file, row, column and value (clipped, see `clipText`), and a row wider
 * than the header, and what the CSV parser found wrong in the record (a
 * quote never closed, text after a quote), are already errors; the parser's
 * warnings are pushed to `problems` at once. Actors and links read their
 * records the same way.
 */
function readRecord<F extends string>(table: Pick<Table, 'file' | 'header'>, columns: ColumnMap<F>, record: TableRecord, problems: Problem[]) {
  const { fields } = columns;
  const errors: Problem[] = [];
  const cell = (field: F) => (fields[field] === undefined ? '' : (record.fields[fields[field]!] ?? ''));
  const error = (field: F | undefined, value: string | undefined, reason: string) => {
    const p: Problem = { file: table.file, row: record.row, reason, severity: 'error' };
    if (field !== undefined && fields[field] !== undefined) p.column = showCell(table.header[fields[field]!]!);
    if (value !== undefined) p.value = clipText(value);
    errors.push(p);
  };
  for (const issue of record.issues ?? []) (issue.severity === 'error' ? errors : problems).push(issueProblem(table.file, table.header, record.row, issue));
  if (tooWide(table, record)) error(undefined, undefined, WIDE);
  return { cell, error, errors };
}

/**
 * The record's extra columns (those that are not a known field) as
 * attributes; `undefined` when all are empty. The first value in a column
 * without a header is a warning (its name is made up: `column_4`):
 * `unnamed` holds the columns not yet warned about ({@link unnamedColumns}).
 */
function extraAttributes(table: Pick<Table, 'file'>, columns: ColumnMap<string>, record: TableRecord, problems: Problem[], unnamed: Set<number>): Record<string, string> | undefined {
  let attributes: Record<string, string> | undefined;
  for (const { index, name } of columns.extra) {
    const value = record.fields[index] ?? '';
    if (value === '') continue;
    attributes ??= {};
    setOwn(attributes, name, value);
    if (unnamed.has(index)) {
      unnamed.delete(index);
      problems.push({ file: table.file, row: record.row, column: name, value: clipText(value), reason: `column ${index + 1} has no name in the header; its values are kept as the attribute "${name}"`, severity: 'warning' });
    }
  }
  return attributes;
}

/** The columns without a header, for {@link extraAttributes}'s warning. */
function unnamedColumns(columns: ColumnMap<string> | undefined): Set<number> {
  return new Set((columns?.renamed ?? []).filter((r) => r.header === '').map((r) => r.index));
}

/** How often (in rows) the readers check that the heap has room (see `checkHeap`). */
const HEAP_CHECK_ROWS = 16384;

interface ActorRowOutcome {
  actor: Actor;
  row: number;
}

function sameActor(a: Actor, b: Actor): boolean {
  const attrs = (x: Actor) => JSON.stringify(Object.entries(x.attributes ?? {}).sort(([p], [q]) => cmp(p, q)));
  return a.name === b.name && a.kind === b.kind && a.municipality === b.municipality && a.county === b.county && attrs(a) === attrs(b);
}

function describeDifference(a: Actor, b: Actor): string {
  const diffs: string[] = [];
  for (const key of ['name', 'kind', 'municipality', 'county'] as const) {
    if (a[key] !== b[key]) diffs.push(`${key} ${JSON.stringify(a[key] ?? '')} vs ${JSON.stringify(b[key] ?? '')}`);
  }
  const keys = new Set([...Object.keys(a.attributes ?? {}), ...Object.keys(b.attributes ?? {})]);
  for (const k of [...keys].sort(cmp)) {
    const x = a.attributes?.[k];
    const y = b.attributes?.[k];
    if (x !== y) diffs.push(`${k} ${JSON.stringify(x ?? '')} vs ${JSON.stringify(y ?? '')}`);
  }
  return diffs.join('; ');
}

/** Load an actors table in memory (CSV or rows, or a graph file's nodes with `preset` columns). */
export function loadActors(
  table: Table,
  geography: Geography,
  problems: Problem[],
  preset?: ColumnMap<ActorField>,
  tick?: () => void,
  vocabulary: KindVocabulary = DEFAULT_KINDS,
): { actors: Actor[]; report: FileReport; rejected: Map<string, IdTrail> } {
  const rejected = new Map<string, IdTrail>();
  const { items, report } = readAll(actorReader(headOf(table), geography, problems, preset, tick, rejected, vocabulary), table);
  return { actors: items, report, rejected };
}

/**
 * Validates actor records one at a time (see {@link RecordReader}): the
 * header is checked at once, problems are pushed to `problems` as rows come.
 */
function actorReader(
  table: TableHead,
  geography: Geography,
  problems: Problem[],
  preset?: ColumnMap<ActorField>,
  tick?: () => void,
  rejectedIds?: Map<string, IdTrail>,
  vocabulary: KindVocabulary = DEFAULT_KINDS,
): RecordReader<Actor> {
  const report = emptyReport(table, 'actors');
  // Kinds outside the vocabulary, with the rows that use them: said once per kind at the end.
  const unknownKinds = new Map<string, { written: string; rows: number[] }>();
  const columns = preset ?? checkHead<ActorField>(table, ACTOR_COLUMNS, ['id', 'kind'], problems);
  const ix = indexGeography(geography);
  const byId = new Map<string, ActorRowOutcome>();
  const municipalityRows = new Map<string, ActorRowOutcome>();
  const actors: Actor[] = [];
  const lookalikes = new Lookalikes();
  const unnamed = unnamedColumns(columns);
  /** A problem with a row's id (the columns are known when one is made). */
  const idProblem = (row: number, id: string, reason: string, severity: Problem['severity']): Problem => ({
    file: table.file,
    row,
    column: showCell(table.header[columns!.fields.id!]!),
    value: clipText(id),
    reason,
    severity,
  });
  const add = (record: TableRecord): void => {
    tick?.();
    if (++report.rows % HEAP_CHECK_ROWS === 0) checkHeap(() => `samverkan stopped loading ${table.file} at row ${record.row}`, report.rows * HEAP_RESERVE_PER_ROW);
    if (!columns) {
      report.rejected++;
      return;
    }
    const { cell, error: err, errors } = readRecord(table, columns, record, problems);

    const id = cell('id');
    const rawKind = cell('kind');
    if (id === '') err('id', undefined, 'the id is empty');
    const kind = normaliseKind(rawKind, vocabulary);
    if (kind !== '' && vocabulary.lookup(rawKind) === undefined) {
      let entry = unknownKinds.get(kind);
      if (!entry) unknownKinds.set(kind, (entry = { written: rawKind, rows: [] }));
      entry.rows.push(record.row);
    }
    if (kind === '') err('kind', rawKind || undefined, 'the kind is empty; use municipality, county, authority, religious, civil_society, joint_body, other or a kind of your own');

    const rawMunicipality = cell('municipality');
    let municipality: string | undefined;
    if (rawMunicipality !== '') {
      municipality = findMunicipality(geography, rawMunicipality)?.code;
      if (municipality === undefined) err('municipality', rawMunicipality, unknownMunicipality(geography, rawMunicipality));
    }
    const rawCounty = cell('county');
    let county: string | undefined;
    if (rawCounty !== '') {
      county = findCounty(geography, rawCounty)?.code;
      if (county === undefined) err('county', rawCounty, `unknown county: not a code or name in the ${geography.name} geography`);
    }
    if (municipality !== undefined && county !== undefined) {
      const expected = ix.municipality.get(municipality)!.county;
      if (expected !== county) {
        err('county', rawCounty, `the county does not match the municipality: ${ix.municipality.get(municipality)!.name} is in ${ix.county.get(expected)?.name ?? expected}`);
      }
    }
    if (municipality !== undefined && county === undefined) county = ix.municipality.get(municipality)!.county;

    const attributes = extraAttributes(table, columns, record, problems, unnamed);

    // A municipality column that names nothing is the row's one problem: the id need not be a municipality then.
    if (kind === 'municipality' && id !== '' && !(rawMunicipality !== '' && municipality === undefined)) {
      // A municipality row adds attributes to the geography's municipality.
      const m = municipality !== undefined ? ix.municipality.get(municipality) : findMunicipality(geography, id);
      if (!m) {
        err('id', id, ambiguousMunicipality(geography, id) ?? `unknown municipality: a row of kind municipality must name a municipality of the ${geography.name} geography by code or name${excelHint(id)}${lookalikeMunicipality(geography, id)}`);
      } else if (municipality === undefined && errors.length === 0) {
        municipality = m.code;
        county = m.county;
      }
    } else if (id !== '' && ix.municipality.has(id)) {
      err('id', id, `the id is the code of the municipality ${ix.municipality.get(id)!.name}; municipalities come from the geography, so choose another id for this ${kind || 'actor'}`);
    }

    if (errors.length > 0) {
      problems.push(...errors);
      report.rejected++;
      // A link to this id is then a link to a rejected actor, not to an unknown one.
      if (id !== '' && !rejectedIds?.has(id)) rejectedIds?.set(id, { file: table.file, row: record.row });
      return;
    }

    const name = cell('name') || id;
    const actor: Actor = { id, name, kind };
    if (municipality !== undefined) actor.municipality = municipality;
    if (county !== undefined) actor.county = county;
    if (attributes) actor.attributes = attributes;

    if (kind === 'municipality') {
      const code = actor.municipality!;
      const m = ix.municipality.get(code)!;
      const merged: Actor = { id: code, name: m.name, kind, municipality: code, county: m.county };
      if (attributes) merged.attributes = attributes;
      const previous = municipalityRows.get(code);
      if (previous && !sameActor(previous.actor, merged)) {
        problems.push(idProblem(record.row, id, `duplicate row for the municipality ${m.name} with conflicting attributes (row ${previous.row}): ${describeDifference(previous.actor, merged)}`, 'error'));
        report.rejected++;
        return;
      }
      if (!previous) {
        municipalityRows.set(code, { actor: merged, row: record.row });
        actors.push(merged);
      }
      // `vindeln-kommun` (municipality Vindeln) is merged into 2404: links may still use the row's own id.
      if (id !== code && !rejectedIds?.has(id)) rejectedIds?.set(id, { file: table.file, row: record.row, municipality: code });
      report.merged++;
      return;
    }

    const previous = byId.get(id);
    if (previous) {
      if (sameActor(previous.actor, actor)) {
        report.merged++;
      } else {
        problems.push(idProblem(record.row, id, `duplicate actor id with conflicting attributes (first seen on row ${previous.row}): ${describeDifference(previous.actor, actor)}`, 'error'));
        report.rejected++;
      }
      return;
    }
    byId.set(id, { actor, row: record.row });
    actors.push(actor);
    report.loaded++;
    const twin = lookalikes.add(id, record.row);
    if (twin) {
      const reason = `the id looks the same as the id "${visibleText(clipText(twin.id))}" of row ${twin.row} but is a different id: ${describeLookalike(id, twin.id)}. Links must spell it exactly as meant`;
      problems.push(idProblem(record.row, id, reason, 'warning'));
    }
    const namesake = ix.municipalityByName.get(normaliseName(id));
    if (namesake) {
      const reason = `the id is also the name of the municipality ${namesake.name}: links that name "${id}" go to this actor, not to the municipality (write ${namesake.code} for the municipality)`;
      problems.push(idProblem(record.row, id, reason, 'warning'));
    }
  };
  /** One warning per kind outside the vocabulary: the rows, what it means for the measures, and the closest known word. */
  const finish = () => {
    for (const [kind, { written, rows }] of unknownKinds) {
      const column = columns?.fields.kind === undefined ? undefined : showCell(table.header[columns.fields.kind]!);
      const shown = rows.length <= 5 ? rows.join(', ') : `${rows.slice(0, 5).join(', ')} and ${rows.length - 5} more`;
      const entries = vocabulary.entries();
      const byWord = new Map(entries);
      const close = closestWords(written, [...byWord.keys()])[0];
      const suggestion = close !== undefined ? `; did you mean "${close}" (${byWord.get(close)})?` : '';
      const p: Problem = {
        file: table.file,
        row: rows[0]!,
        value: clipText(written),
        reason:
          `the kind "${visibleText(clipText(written))}" is not in samverkan's vocabulary (${rows.length === 1 ? 'row' : 'rows'} ${shown}): kept as the kind "${kind}", ` +
          `so ${rows.length === 1 ? 'this actor does' : `these ${rows.length} actors do`} not count as religious, civil-society or authority partners in coverage and gaps; ` +
          `map the word in a kinds file (kinds option, CLI --kinds-file), or write one of ${VOCABULARY_KINDS.join(', ')}${suggestion}`,
        severity: 'warning',
      };
      if (column !== undefined) p.column = column;
      problems.push(p);
    }
    return { items: actors, report };
  };
  return {
    add,
    blank() {
      report.rows++;
      report.blank++;
    },
    finish,
  };
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** Parse a weight cell. A decimal comma is accepted when commas cannot be the field delimiter. */
function parseWeight(raw: string, delimiter: string | undefined): number | string {
  const text = decimalPoint(raw, delimiter);
  if (!NUMBER.test(text)) {
    return delimiter === ',' && /^[+-]?\d*,\d+$/.test(raw)
      ? 'the weight is not a number (a decimal comma is ambiguous in a comma-separated file; write 1.5)'
      : 'the weight is not a number';
  }
  const value = Number(text);
  if (!Number.isFinite(value)) return 'the weight is not a finite number';
  if (value <= 0) return 'the weight must be a positive number';
  if (value > MAX_LINK_WEIGHT) return `the weight is too large: at most 1e15 (weights add up per pair and per actor, and larger ones would overflow to Infinity or lose all precision)`;
  return value;
}

/**
 * A date cell: `YYYY-MM-DD` (checked against the calendar by the schema), or
 * a spreadsheet's `YYYY-MM-DD 00:00[:00]`, whose midnight is only its way of
 * writing a date. Any other time of day is an error, not silently dropped.
 */
function parseDate(raw: string, field: 'since' | 'until'): string | { error: string } {
  const midnight = /^(\d{4}-\d{2}-\d{2})[ T]00:00(:00(\.0+)?)?Z?$/.exec(raw);
  const date = midnight ? midnight[1]! : raw;
  if (IsoDateSchema.safeParse(date).success) return date;
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(raw)) {
    return { error: `the ${field} date has a time of day (expected a date YYYY-MM-DD; a Date object must be at midnight UTC, as new Date('2023-05-01') is: a local midnight east of Greenwich is the day before in UTC, so pass such dates as text)` };
  }
  if (/^\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}/.test(raw)) return { error: `the ${field} date has a time of day (expected a date YYYY-MM-DD)` };
  return { error: `the ${field} date is not a valid date (expected YYYY-MM-DD)` };
}

export type LoadedLink = Link & { origin: { file: string; row: number } };


/**
 * How a link reader reads the ends of links: actor ids first (`declared`),
 * then municipality codes (when `codes`) and names (when `names`) of the
 * geography. With `implicit` (an edge list without an actors table, and no
 * geography given), an end that is neither may be an actor of its own: if
 * no end of the file turns out to be a municipality, the file is a plain
 * graph and those ends are its actors; if some end is a municipality, they
 * are errors (most likely misspelt municipalities).
 */
export interface EndResolution {
  readonly geography: Geography;
  readonly declared: ReadonlySet<string>;
  readonly codes: boolean;
  readonly names: boolean;
  readonly implicit: boolean;
  /** Ids of actor rows that are not actors of their own (see {@link IdTrail}). */
  readonly rejected?: ReadonlyMap<string, IdTrail>;
}

/**
 * Where an id of the actors table went when it is not an actor's id: its
 * row was rejected (a link to it says so and names the row), or it was a
 * municipality row merged into its municipality (`municipality`: the code;
 * a link to the id is a link to that municipality).
 */
export interface IdTrail {
  file: string;
  row: number;
  municipality?: string;
}

/** A link reader's outcome: the links, their report, the implicit actor ids and how many ends were municipalities. */
export interface LinkReadResult {
  items: LoadedLink[];
  report: FileReport;
  /** Ends that are actors of their own (a plain graph), in first-seen order. */
  implicit: string[];
  /** Groups of a memberships file (`group,municipality`) that are not declared actors: joint bodies, in first-seen order. */
  groups?: string[];
  /** Link ends (counted per row and end) that were municipalities. */
  municipalityEnds: number;
}

/** A {@link RecordReader} of links, whose `finish` also says what the ends were. */
export interface LinkRecordReader extends RecordReader<LoadedLink> {
  finish(): LinkReadResult;
}

/** Load a links table in memory (CSV or rows, or a graph file's edges with `preset` columns). */
function loadLinks(table: Table, resolution: EndResolution, problems: Problem[], preset?: ColumnMap<LinkField>, tick?: () => void): LinkReadResult {
  const reader = linkReader(headOf(table), resolution, problems, preset, tick);
  for (const record of table.records) reader.add(record);
  for (let i = 0; i < table.blankRows.length; i++) reader.blank();
  return reader.finish();
}

/**
 * Validates link records one at a time (see {@link RecordReader}), for a
 * table in memory and for a streamed file alike: the header is checked at
 * once, problems are pushed to `problems` as rows come. Ends resolve as
 * {@link EndResolution} says.
 */
export function linkReader(table: TableHead, resolution: EndResolution, problems: Problem[], preset?: ColumnMap<LinkField>, tick?: () => void): LinkRecordReader {
  const { geography, declared } = resolution;
  const report = emptyReport(table, 'links');
  // `group,municipality`: memberships of groups that need no actors table (see MEMBERSHIP_COLUMNS).
  const memberships = preset === undefined && isMembershipHeader(table.header);
  const columns = preset ?? checkHead<LinkField>(table, memberships ? MEMBERSHIP_COLUMNS : LINK_COLUMNS, ['source', 'target'], problems);
  // A graph file's edge ends are actor ids already: no municipality lookup, so
  // an edge to a rejected node "180" does not land on Stockholm (0180).
  const graphEnds = preset !== undefined;
  const by = { codes: resolution.codes && !graphEnds, names: resolution.names && !graphEnds };
  const links: LoadedLink[] = [];
  // Every id, kind and date is stored once, not once per link (a million
  // links repeat a few hundred thousand ids and a few thousand dates), and
  // each id gets a number so that pairs are counted with numeric keys.
  const ordinal = new Map<string, number>();
  const ids: string[] = [];
  const pairs = new Set<number>();
  const words = new Map<string, string>();
  const intern = (text: string): string => {
    const known = words.get(text);
    if (known !== undefined) return known;
    words.set(text, text);
    return text;
  };
  let municipalityEnds = 0;
  const municipalityCodes = indexGeography(geography).municipality;
  // Ends taken as implicit actors, and the rows that used one (rejected instead if the file turns out to name municipalities).
  const implicitIds: string[] = [];
  const implicitSet = new Set<string>();
  const implicitRows: { row: number; field: 'source' | 'target'; value: string; column: string | undefined }[] = [];
  let lookalikes: Lookalikes | undefined;
  const unnamed = unnamedColumns(columns);
  /** Why a link end names no actor, with what it most likely is. */
  const unresolved = (value: string): string => {
    if (graphEnds) return 'edge to a node that is not in the file or was rejected (see its problem)';
    const rejected = resolution.rejected?.get(value);
    if (rejected && rejected.municipality === undefined) return `link to the actor "${visibleText(clipText(value))}", whose row ${rejected.row} in ${rejected.file} was rejected (see its problem)`;
    const ambiguous = ambiguousMunicipality(geography, value);
    if (ambiguous) return ambiguous;
    if (!lookalikes) {
      lookalikes = new Lookalikes();
      for (const id of declared) lookalikes.add(id, 0);
    }
    const twin = lookalikes.find(value);
    const what = by.codes ? 'nor a municipality code or name' : by.names ? 'nor a municipality name' : 'and ids are not read as municipalities';
    const codeHint = !by.codes && by.names && findMunicipalityBy(geography, value, { codes: true, names: false }) ? ` (it is the code of ${findMunicipalityBy(geography, value, { codes: true, names: false })!.name}: codes in a links file alone are read as municipalities with ids: 'municipality-codes', CLI --ids municipality-codes)` : '';
    const lookalike = twin !== undefined ? lookalikeIdHint(value, twin) : lookalikeMunicipality(geography, value);
    return `link to an undeclared actor: not an id in the actors file, ${what} of the ${geography.name} geography${codeHint}${excelHint(value)}${lookalike || (by.names ? municipalitySuggestion(geography, value) : '')}`;
  };
  /** The number of an actor id, given the first time it is seen. */
  const ordinalOf = (id: string): number => {
    let o = ordinal.get(id);
    if (o === undefined) {
      o = ids.length;
      ids.push(id);
      ordinal.set(id, o);
    }
    return o;
  };
  // Groups of a memberships file that are not declared actors: joint bodies of their own, in first-seen order.
  const groupIds: string[] = [];
  const groupSet = new Set<string>();
  const resolveGroup = (value: string): number | undefined => {
    if (!declared.has(value) && !groupSet.has(value)) {
      if (resolution.rejected?.has(value)) return undefined;
      groupSet.add(value);
      groupIds.push(value);
    }
    return ordinalOf(value);
  };
  /** A member of a memberships file: a municipality by code or name (never an implicit actor). */
  const resolveMember = (value: string): number | undefined => {
    const code = resolution.rejected?.get(value)?.municipality ?? (declared.has(value) && municipalityCodes.has(value) ? value : findMunicipalityBy(geography, value, { codes: true, names: true })?.code);
    return code === undefined ? undefined : ordinalOf(code);
  };
  const resolve = (value: string): number | undefined => {
    let o = ordinal.get(value);
    if (o !== undefined) return o;
    let id: string | undefined = declared.has(value) ? value : (resolution.rejected?.get(value)?.municipality ?? findMunicipalityBy(geography, value, by)?.code);
    if (id === undefined && resolution.implicit && !graphEnds) {
      id = value;
      if (!implicitSet.has(id)) {
        implicitSet.add(id);
        implicitIds.push(id);
      }
    }
    if (id === undefined) return undefined;
    o = ordinalOf(id);
    // The raw spelling (a name, a code without its zero) resolves the same way next time.
    if (value !== id) ordinal.set(value, o);
    return o;
  };

  const add = (record: TableRecord): void => {
    tick?.();
    if (++report.rows % HEAP_CHECK_ROWS === 0) checkHeap(() => `samverkan stopped loading ${table.file} at row ${record.row}`, report.rows * HEAP_RESERVE_PER_ROW);
    if (!columns) {
      report.rejected++;
      return;
    }
    const { cell, error: err, errors } = readRecord(table, columns, record, problems);

    const ends: (number | undefined)[] = [];
    const implicitHere: typeof implicitRows = [];
    for (const field of ['source', 'target'] as const) {
      const raw = cell(field);
      if (raw === '') {
        err(field, undefined, `the ${field} is empty`);
        ends.push(undefined);
        continue;
      }
      const id = !memberships ? resolve(raw) : field === 'source' ? resolveGroup(raw) : resolveMember(raw);
      if (id === undefined) err(field, raw, memberships && field === 'target' ? `not a municipality code or name of the ${geography.name} geography${municipalitySuggestion(geography, raw)}` : unresolved(raw));
      else if (implicitSet.has(ids[id]!)) implicitHere.push({ row: record.row, field, value: raw, column: columns.fields[field] === undefined ? undefined : showCell(table.header[columns.fields[field]!]!) });
      else if (municipalityCodes.has(ids[id]!)) municipalityEnds++;
      ends.push(id);
    }
    const [source, target] = ends;
    if (source !== undefined && source === target) err('target', cell('target'), 'self-loop: the link joins an actor to itself');

    let weight = 1;
    const rawWeight = cell('weight');
    if (rawWeight !== '') {
      const parsed = parseWeight(rawWeight, table.delimiter);
      if (typeof parsed === 'string') err('weight', rawWeight, parsed);
      else weight = parsed;
    }
    const dates: Partial<Record<'since' | 'until', string>> = {};
    for (const field of ['since', 'until'] as const) {
      const raw = cell(field);
      if (raw === '') continue;
      const parsed = parseDate(raw, field);
      if (typeof parsed === 'string') dates[field] = parsed;
      else err(field, raw, parsed.error);
    }
    if (dates.since !== undefined && dates.until !== undefined && dates.until < dates.since) {
      err('until', dates.until, `until is before since (${dates.since})`);
    }

    if (errors.length > 0) {
      problems.push(...errors);
      report.rejected++;
      return;
    }

    implicitRows.push(...implicitHere);
    const link: LoadedLink = { source: ids[source!]!, target: ids[target!]!, weight, origin: { file: table.file, row: record.row } };
    const kind = cell('kind') || (memberships ? 'member' : '');
    if (kind !== '') link.kind = intern(kind);
    if (dates.since !== undefined) link.since = intern(dates.since);
    if (dates.until !== undefined) link.until = intern(dates.until);
    const attributes = extraAttributes(table, columns, record, problems, unnamed);
    if (attributes) link.attributes = attributes;
    links.push(link);
    // Ordinals stay below 2^26 for any input that fits in memory, so the key is exact.
    const key = source! < target! ? source! * 67108864 + target! : target! * 67108864 + source!;
    if (pairs.has(key)) report.merged++;
    else {
      pairs.add(key);
      report.loaded++;
    }
  };
  /**
   * If any end was a municipality, the implicit ends were not actors of
   * their own but names that match nothing: their rows are rejected, and
   * the counts of the kept links are made again.
   */
  const finish = (): LinkReadResult => {
    if (implicitIds.length > 0 && municipalityEnds > 0) {
      const rows = new Set(implicitRows.map((r) => r.row));
      for (const r of implicitRows) {
        const p: Problem = { file: table.file, row: r.row, value: clipText(r.value), reason: unresolved(r.value), severity: 'error' };
        if (r.column !== undefined) p.column = r.column;
        problems.push(p);
      }
      const kept = links.filter((l) => !rows.has(l.origin.row));
      report.rejected += links.length - kept.length;
      report.loaded = 0;
      report.merged = 0;
      const seen = new Set<string>();
      for (const l of kept) {
        const key = l.source < l.target ? `${l.source}\u0000${l.target}` : `${l.target}\u0000${l.source}`;
        if (seen.has(key)) report.merged++;
        else {
          seen.add(key);
          report.loaded++;
        }
      }
      return { items: kept, report, implicit: [], groups: groupIds, municipalityEnds };
    }
    if (implicitIds.length > 0 && !by.codes) codeLookalikes(implicitIds);
    return { items: links, report, implicit: implicitIds, groups: groupIds, municipalityEnds };
  };
  /** A plain edge list whose ids are also municipality codes: say how to read them as municipalities. */
  const codeLookalikes = (implicit: readonly string[]) => {
    const codes = implicit.map((id) => [id, findMunicipalityBy(geography, id, { codes: true, names: false })] as const).filter(([, m]) => m !== undefined);
    if (codes.length === 0) return;
    const shown = codes.slice(0, 3).map(([id, m]) => `${id} ${m!.name}`).join(', ');
    problems.push({
      file: table.file,
      row: 0,
      reason: `${codes.length} of the ${implicit.length} ids are also municipality codes of the ${geography.name} geography (${shown}${codes.length > 3 ? ', …' : ''}) but are read as actor ids of a plain graph; to read them as municipalities, load with ids: 'municipality-codes' (CLI --ids municipality-codes)`,
      severity: 'warning',
    });
  };
  return {
    add,
    blank() {
      report.rows++;
      report.blank++;
    },
    finish,
  };
}

/**
 * Load a cooperation network from actors and links (file paths, CSV text,
 * bytes or arrays of rows) over a geography (Sweden by default).
 *
 * Every input row is accounted for: loaded, merged (a repeat, counted) or
 * rejected with a reason naming file, row, column and value. CSV may be
 * comma-, semicolon- or tab-separated (detected), UTF-8 with or without BOM
 * (UTF-16 and Windows-1252 are read too), with CRLF line ends and quoted
 * fields. Header names are matched case-insensitively with Swedish and
 * English aliases (see `ACTOR_COLUMNS`, `LINK_COLUMNS`).
 *
 * Or from a graph file: `loadNetwork({ graph: 'network.gexf' })` reads GEXF,
 * GraphML or JSON (graphology, NetworkX node-link) with `readGraphFile`;
 * nodes are reported as the file's `actors` rows and edges as its `links`
 * rows (`node 3`, `edge 12`, with the line), validated exactly as CSV rows.
 *
 * @example
 * const net = loadNetwork({ actors: 'actors.csv', links: 'links.csv' });
 * const fromGephi = loadNetwork({ graph: 'gephi-export.gexf' }, { mode: 'lenient' });
 * const lenient = loadNetwork({ links: 'links.csv' }, { mode: 'lenient' });
 * console.table(lenient.loadReport?.files);
 */
export function loadNetwork(input: LoadNetworkInput, options: LoadNetworkOptions = {}): CooperationNetwork {
  checkLoadArguments('loadNetwork', input, options);
  const { geography: given, explicit } = geographyOf(input);
  const problems: Problem[] = [];
  const files: FileReport[] = [];
  const vocabulary = kindVocabularyOf(options.kinds, problems, files);
  let done = 0;
  let total = 0;
  const onProgress = options.onProgress;
  const tick = onProgress
    ? () => {
        done++;
        if (done % 1000 === 0 || done === total) onProgress(done, total);
      }
    : undefined;

  if (input.graph !== undefined) {
    // Without a geography given, a graph is geographic only when its nodes say where they are.
    const graph = readGraphFile(input.graph, { geography: explicit ? given : 'auto', ...(input.graphFormat !== undefined && { format: input.graphFormat }) });
    const geography = graph.geography;
    problems.push(...graph.problems);
    const tables = graphTables(graph);
    total = tables.nodes.records.length + tables.edges.records.length;
    const mark = (from: number, element: 'node' | 'edge', lines: ReadonlyMap<number, number>) => {
      for (const p of problems.slice(from)) {
        if (p.file !== graph.file || p.row === 0) continue;
        p.element = element;
        const line = lines.get(p.row);
        if (line !== undefined) p.line = line;
      }
    };
    let from = problems.length;
    const a = loadActors(tables.nodes, geography, problems, tables.nodeColumns, tick, vocabulary);
    mark(from, 'node', tables.nodeLines);
    from = problems.length;
    // A graph that speaks geography may have edges to a municipality by its exact code, listed as a node or not.
    const resolution = resolutionFor(geography, a.actors, options, { explicit: true, actorsTable: true, rejected: a.rejected });
    const declared = new Set([...resolution.declared, ...indexGeography(geography).municipality.keys()]);
    const l = loadLinks(tables.edges, { ...resolution, declared }, problems, tables.edgeColumns, tick);
    mark(from, 'edge', tables.edgeLines);
    for (const report of [a.report, l.report]) {
      if (graph.format !== undefined) report.format = graph.format;
      if (graph.encoding !== undefined) report.encoding = graph.encoding;
      files.push(report);
    }
    return finishLoad(geography, a.actors, l, files, problems, options, true);
  }
  const actorTable = input.actors !== undefined ? readTable(input.actors, '(actors)', { recordIssues: true }) : undefined;
  const linkTable = input.links !== undefined ? readTable(input.links, '(links)', { recordIssues: true }) : undefined;
  total = (actorTable?.records.length ?? 0) + (linkTable?.records.length ?? 0);
  let actors: Actor[] = [];
  let rejected: Map<string, IdTrail> | undefined;
  if (actorTable) {
    const result = loadActors(actorTable, given, problems, undefined, tick, vocabulary);
    actors = result.actors;
    rejected = result.rejected;
    files.push(result.report);
  }
  let links: LinkReadResult = { items: [], report: { file: '', role: 'links', rows: 0, loaded: 0, merged: 0, rejected: 0, blank: 0 }, implicit: [], municipalityEnds: 0 };
  if (linkTable) {
    links = loadLinks(linkTable, resolutionFor(given, actors, options, { explicit, actorsTable: actorTable !== undefined, ...(rejected && { rejected }) }), problems, undefined, tick);
    files.push(links.report);
  }
  return finishLoad(given, actors, links, files, problems, options, explicit);
}

/**
 * How the link ends of a load resolve (see {@link EndResolution}): names
 * always (unless `ids: 'actors'`); codes when a geography was given, when
 * `ids: 'municipality-codes'`, or when the actors table names
 * municipalities; implicit actors for an edge list without an actors table
 * and without a geography.
 */
export function resolutionFor(
  geography: Geography,
  actors: readonly Actor[],
  options: LoadNetworkOptions,
  context: { explicit: boolean; actorsTable: boolean; rejected?: ReadonlyMap<string, IdTrail> },
): EndResolution {
  const ids = options.ids ?? 'auto';
  const speaks = actors.some((a) => a.kind === 'municipality' || a.municipality !== undefined || a.county !== undefined);
  const declared = new Set<string>();
  for (const a of actors) declared.add(a.id);
  return {
    geography,
    declared,
    codes: ids === 'municipality-codes' || (ids === 'auto' && (context.explicit || speaks)),
    names: ids !== 'actors',
    implicit: !context.actorsTable && !context.explicit && ids !== 'municipality-codes',
    ...(context.rejected && { rejected: context.rejected }),
  };
}

/**
 * The arguments of `loadNetwork` and `loadNetworkStream`, checked before
 * anything is read: wrong types are an {@link ArgumentError} naming the
 * argument, not a TypeError from deep inside.
 */
export function checkLoadArguments(fn: string, input: unknown, options: unknown, schema: z.ZodType = LoadNetworkOptionsSchema): asserts input is LoadNetworkInput {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new ArgumentError(`${fn}: expected an object { actors?, links?, graph?, geography? }, got ${describeValue(input)}`);
  }
  const i = input as Record<string, unknown>;
  for (const key of ['actors', 'links'] as const) if (i[key] !== undefined) checkTableSource(i[key], `${fn}: ${key}`);
  if (i.graph !== undefined) {
    const g = i.graph as { path?: unknown; text?: unknown; bytes?: unknown } | null;
    const ok = typeof g === 'string' || g instanceof URL || g instanceof Uint8Array || (typeof g === 'object' && g !== null && (typeof g.path === 'string' || g.path instanceof URL || typeof g.text === 'string' || g.bytes instanceof Uint8Array));
    if (!ok) throw new ArgumentError(`${fn}: graph: expected a file path, { path }, { text }, { bytes } or bytes; got ${describeValue(i.graph)}`);
    if (i.actors !== undefined || i.links !== undefined) {
      throw new ArgumentError(`${fn}: \`graph\` cannot be combined with \`actors\` or \`links\`: a graph file holds both the actors (its nodes) and the links (its edges)`);
    }
  }
  if (i.graphFormat !== undefined && !['gexf', 'graphml', 'json'].includes(i.graphFormat as string)) {
    throw new ArgumentError(`${fn}: graphFormat: expected 'gexf', 'graphml' or 'json', got ${describeValue(i.graphFormat)}`);
  }
  if (i.geography !== undefined && typeof i.geography !== 'string' && (typeof i.geography !== 'object' || i.geography === null || !Array.isArray((i.geography as { municipalities?: unknown }).municipalities))) {
    throw new ArgumentError(`${fn}: geography: expected a geography object or the path of a folder, got ${describeValue(i.geography)}`);
  }
  parseOptions(schema, options, fn);
}

/** Why a municipality cell names no municipality: ambiguous, or unknown with what it most likely is. */
function unknownMunicipality(geography: Geography, raw: string): string {
  return ambiguousMunicipality(geography, raw) ?? `unknown municipality: not a code or name in the ${geography.name} geography${excelHint(raw)}${lookalikeMunicipality(geography, raw) || municipalitySuggestion(geography, raw)}`;
}

/** The input's geography (the object, the folder loaded, or Sweden), and whether it was given. */
export function geographyOf(input: LoadNetworkInput): { geography: Geography; explicit: boolean } {
  if (input.geography === undefined) return { geography: swedenGeography(), explicit: false };
  return { geography: typeof input.geography === 'string' ? loadGeography(input.geography) : input.geography, explicit: true };
}

/**
 * The end of every load: strict mode throws a {@link LoadError} for rejected
 * rows, else the network with its report. Without a geography given, data
 * that names no municipality is a plain graph: its geography is
 * `NO_GEOGRAPHY`, and the link ends that are not declared actors are actors
 * of kind `other` (an edge list needs no actors table).
 */
export function finishLoad(
  geography: Geography,
  actors: Actor[],
  links: LinkReadResult,
  files: FileReport[],
  problems: Problem[],
  options: LoadNetworkOptions,
  explicit: boolean,
): CooperationNetwork {
  // In file order, then in the order of the file (the line of a graph file's element, else the row): some
  // problems (an end that names nothing) are only known once every row is read.
  const fileOrder = new Map(files.map((f, i) => [f.file, i]));
  const position = new Map(problems.map((p, i) => [p, i]));
  const place = (p: Problem) => (p.element !== undefined ? (p.line ?? 0) : p.row);
  problems.sort((p, q) => (fileOrder.get(p.file) ?? files.length) - (fileOrder.get(q.file) ?? files.length) || place(p) - place(q) || position.get(p)! - position.get(q)!);
  const report: LoadReport = { files, problems };
  if ((options.mode ?? 'strict') === 'strict' && problems.some((p) => p.severity === 'error')) throw new LoadError(report, options.maxListed ?? 20);
  const named = links.municipalityEnds > 0 || actors.some((a) => a.kind === 'municipality' || a.municipality !== undefined || a.county !== undefined);
  const plain = (!explicit && options.ids !== 'municipality-codes' && !named) || geography.municipalities.length === 0;
  if (plain && typeof options.scope === 'object') {
    throw new ScopeError('scope: this network is a plain graph (it names no municipality and no geography was given), so it covers no county or municipality; give a geography (CLI --geography sweden), or no scope');
  }
  const all = [
    ...actors,
    ...links.implicit.map((id): Actor => ({ id, name: id, kind: 'other' })),
    ...(links.groups ?? []).map((id): Actor => ({ id, name: id, kind: 'joint_body' })),
  ];
  if (plain) return CooperationNetwork.fromValidated({ geography: isPlainGeography(geography) ? geography : NO_GEOGRAPHY, actors: all, links: links.items, loadReport: report, scope: 'all' });
  return CooperationNetwork.fromValidated({ geography, actors: all, links: links.items, loadReport: report, scope: options.scope ?? 'infer' });
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
