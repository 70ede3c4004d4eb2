import { cmp, findCounty, findMunicipality, indexGeography, normaliseName } from '../model/geography.js';
import { ArgumentError, describeValue } from '../model/errors.js';
import { formatProblem, type FileReport, type LoadReport, type Problem } from '../model/load-report.js';
import { checkHeap, HEAP_RESERVE_PER_ROW } from '../model/runtime.js';
import { clipText, describeLookalike, visibleText } from '../model/text.js';
import { CooperationNetwork, MAX_LINK_WEIGHT } from '../model/network.js';
import { IsoDateSchema, type Actor, type Geography, type Link } from '../model/schema.js';
import { ACTOR_COLUMNS, LINK_COLUMNS, normaliseKind, type ColumnMap } from './columns.js';
import { loadGeography } from './geography.js';
import { readGraphFile, type GraphFile, type GraphFormat, type GraphSource } from './graph-import.js';
import { swedenGeography } from './sweden.js';
import { decimalPoint, type TableRecord } from './csv.js';
import { checkHeader, showCell } from './header.js';
import { ambiguousMunicipality, excelHint, lookalikeIdHint, lookalikeMunicipality, Lookalikes } from './hints.js';
import { checkTableSource, issueProblem, readTable, type Table, type TableSource } from './source.js';

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
  /** A geography object, or a folder with `municipalities.csv`, `counties.csv` and `adjacency.csv`. Default: {@link swedenGeography}. */
  geography?: Geography | string;
}

export interface LoadNetworkOptions {
  /**
   * `'strict'` (default) throws a {@link LoadError} listing every problem when
   * any row is rejected. `'lenient'` loads what it can and returns the network
   * with its `loadReport` saying what happened to every row.
   */
  mode?: 'strict' | 'lenient';
  /** How many problems the strict error message lists before "… and N more". Default 20. */
  maxListed?: number;
  /** Called with `(done, total)` input rows as they are processed (every 1 000 rows and at the end), for progress bars. */
  onProgress?: (done: number, total: number) => void;
}

/** Thrown in strict mode when input rows are rejected. `problems` holds all of them; `report` the full load report. */
export class LoadError extends Error {
  readonly problems: Problem[];
  readonly report: LoadReport;
  constructor(report: LoadReport, maxListed: number) {
    const errors = report.problems.filter((p) => p.severity === 'error');
    const listed = errors.slice(0, maxListed).map((p) => `  - ${formatProblem(p)}`);
    const rest = errors.length - listed.length;
    super(
      [
        `samverkan could not load the input: ${errors.length} problem${errors.length === 1 ? '' : 's'}`,
        ...listed,
        ...(rest > 0 ? [`  … and ${rest} more`] : []),
      ].join('\n'),
    );
    this.name = 'LoadError';
    this.problems = errors;
    this.report = report;
  }
}

type ActorField = keyof typeof ACTOR_COLUMNS;
type LinkField = keyof typeof LINK_COLUMNS;

/** Set an own, enumerable property, even for keys such as `__proto__`. */
function defineOwn(target: Record<string, string>, key: string, value: string): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

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
    defineOwn(attributes, name, value);
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
): { actors: Actor[]; report: FileReport } {
  const { items, report } = readAll(actorReader(headOf(table), geography, problems, preset, tick), table);
  return { actors: items, report };
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
): RecordReader<Actor> {
  const report = emptyReport(table, 'actors');
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
    const kind = normaliseKind(rawKind);
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

    if (kind === 'municipality' && id !== '') {
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
  return {
    add,
    blank() {
      report.rows++;
      report.blank++;
    },
    finish: () => ({ items: actors, report }),
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


/** Load a links table in memory (CSV or rows, or a graph file's edges with `preset` columns). */
function loadLinks(
  table: Table,
  geography: Geography,
  declared: ReadonlySet<string>,
  problems: Problem[],
  preset?: ColumnMap<LinkField>,
  tick?: () => void,
): { links: LoadedLink[]; report: FileReport } {
  const { items, report } = readAll(linkReader(headOf(table), geography, declared, problems, preset, tick), table);
  return { links: items, report };
}

/**
 * Validates link records one at a time (see {@link RecordReader}), for a
 * table in memory and for a streamed file alike: the header is checked at
 * once, problems are pushed to `problems` as rows come. Ends resolve to the
 * `declared` actor ids, else (for CSV) to municipality codes or names.
 */
export function linkReader(
  table: TableHead,
  geography: Geography,
  declared: ReadonlySet<string>,
  problems: Problem[],
  preset?: ColumnMap<LinkField>,
  tick?: () => void,
): RecordReader<LoadedLink> {
  const report = emptyReport(table, 'links');
  const columns = preset ?? checkHead<LinkField>(table, LINK_COLUMNS, ['source', 'target'], problems);
  // A graph file's edge ends are actor ids already: no municipality lookup, so
  // an edge to a rejected node "180" does not land on Stockholm (0180).
  const graphEnds = preset !== undefined;
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
  let lookalikes: Lookalikes | undefined;
  const unnamed = unnamedColumns(columns);
  /** Why a link end names no actor, with what it most likely is. */
  const unresolved = (value: string): string => {
    if (graphEnds) return 'edge to a node that is not in the file or was rejected (see its problem)';
    const ambiguous = ambiguousMunicipality(geography, value);
    if (ambiguous) return ambiguous;
    if (!lookalikes) {
      lookalikes = new Lookalikes();
      for (const id of declared) lookalikes.add(id, 0);
    }
    const twin = lookalikes.find(value);
    return `link to an undeclared actor: not an id in the actors file, nor a municipality code or name of the ${geography.name} geography${excelHint(value)}${twin !== undefined ? lookalikeIdHint(value, twin) : lookalikeMunicipality(geography, value)}`;
  };
  const resolve = (value: string): number | undefined => {
    let o = ordinal.get(value);
    if (o !== undefined) return o;
    const id = declared.has(value) ? value : graphEnds ? undefined : findMunicipality(geography, value)?.code;
    if (id === undefined) return undefined;
    o = ordinal.get(id);
    if (o === undefined) {
      o = ids.length;
      ids.push(id);
      ordinal.set(id, o);
    }
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
    for (const field of ['source', 'target'] as const) {
      const raw = cell(field);
      if (raw === '') {
        err(field, undefined, `the ${field} is empty`);
        ends.push(undefined);
        continue;
      }
      const id = resolve(raw);
      if (id === undefined) err(field, raw, unresolved(raw));
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

    const link: LoadedLink = { source: ids[source!]!, target: ids[target!]!, weight, origin: { file: table.file, row: record.row } };
    const kind = cell('kind');
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
  return {
    add,
    blank() {
      report.rows++;
      report.blank++;
    },
    finish: () => ({ items: links, report }),
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
  const geography = geographyOf(input);
  const problems: Problem[] = [];
  const files: FileReport[] = [];
  const declared = new Set<string>(indexGeography(geography).municipality.keys());
  let actors: Actor[] = [];
  let links: LoadedLink[] = [];
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
    const graph = readGraphFile(input.graph, input.graphFormat !== undefined ? { geography, format: input.graphFormat } : { geography });
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
    const a = loadActors(tables.nodes, geography, problems, tables.nodeColumns, tick);
    mark(from, 'node', tables.nodeLines);
    actors = a.actors;
    for (const actor of actors) declared.add(actor.id);
    from = problems.length;
    const l = loadLinks(tables.edges, geography, declared, problems, tables.edgeColumns, tick);
    mark(from, 'edge', tables.edgeLines);
    links = l.links;
    for (const report of [a.report, l.report]) {
      if (graph.format !== undefined) report.format = graph.format;
      if (graph.encoding !== undefined) report.encoding = graph.encoding;
      files.push(report);
    }
  } else {
    const actorTable = input.actors !== undefined ? readTable(input.actors, '(actors)', { recordIssues: true }) : undefined;
    const linkTable = input.links !== undefined ? readTable(input.links, '(links)', { recordIssues: true }) : undefined;
    total = (actorTable?.records.length ?? 0) + (linkTable?.records.length ?? 0);
    if (actorTable) {
      const result = loadActors(actorTable, geography, problems, undefined, tick);
      actors = result.actors;
      files.push(result.report);
    }
    for (const a of actors) declared.add(a.id);
    if (linkTable) {
      const result = loadLinks(linkTable, geography, declared, problems, undefined, tick);
      links = result.links;
      files.push(result.report);
    }
  }

  return finishLoad(geography, actors, links, files, problems, options);
}

/**
 * The arguments of `loadNetwork` and `loadNetworkStream`, checked before
 * anything is read: wrong types are an {@link ArgumentError} naming the
 * argument, not a TypeError from deep inside.
 */
export function checkLoadArguments(fn: string, input: unknown, options: unknown): asserts input is LoadNetworkInput {
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
  if (typeof options !== 'object' || options === null || Array.isArray(options)) throw new ArgumentError(`${fn}: options: expected an object, got ${describeValue(options)}`);
  const o = options as Record<string, unknown>;
  if (o.mode !== undefined && o.mode !== 'strict' && o.mode !== 'lenient') throw new ArgumentError(`${fn}: options.mode: expected 'strict' or 'lenient', got ${describeValue(o.mode)}`);
  if (o.onProgress !== undefined && typeof o.onProgress !== 'function') throw new ArgumentError(`${fn}: options.onProgress: expected a function, got ${describeValue(o.onProgress)}`);
  if (o.maxListed !== undefined && !(Number.isInteger(o.maxListed) && (o.maxListed as number) >= 0)) throw new ArgumentError(`${fn}: options.maxListed: expected a whole number ≥ 0, got ${describeValue(o.maxListed)}`);
}

/** Why a municipality cell names no municipality: ambiguous, or unknown with what it most likely is. */
function unknownMunicipality(geography: Geography, raw: string): string {
  return ambiguousMunicipality(geography, raw) ?? `unknown municipality: not a code or name in the ${geography.name} geography${excelHint(raw)}${lookalikeMunicipality(geography, raw)}`;
}

/** The input's geography: the object, the folder loaded, or Sweden. */
export function geographyOf(input: LoadNetworkInput): Geography {
  return input.geography === undefined ? swedenGeography() : typeof input.geography === 'string' ? loadGeography(input.geography) : input.geography;
}

/** The end of every load: strict mode throws a {@link LoadError} for rejected rows, else the network with its report. */
export function finishLoad(
  geography: Geography,
  actors: Actor[],
  links: LoadedLink[],
  files: FileReport[],
  problems: Problem[],
  options: LoadNetworkOptions,
): CooperationNetwork {
  const report: LoadReport = { files, problems };
  if ((options.mode ?? 'strict') === 'strict' && problems.some((p) => p.severity === 'error')) throw new LoadError(report, options.maxListed ?? 20);
  return CooperationNetwork.fromValidated({ geography, actors, links, loadReport: report });
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
