/**
 * Actor rows, validated one at a time: a row of kind municipality adds
 * attributes to the geography's municipality, a repeated row is merged (or
 * rejected when it conflicts), and a kind outside the vocabulary is said
 * once per kind at the end.
 */
import { cmp, findCounty, findMunicipality, geographyWords, indexGeography, normaliseName } from '../../model/geography.js';
import { DEFAULT_KINDS, type KindVocabulary, normaliseKind, VOCABULARY_KINDS } from '../../model/kinds.js';
import { because, hint, type FileReport, type Problem, type ProblemReason } from '../../model/load-report.js';
import { ActorColumns } from '../../model/actor-columns.js';
import { grown, int32s, uint8s } from '../../model/grown.js';
import type { Actor, Geography, Municipality } from '../../model/schema.js';
import { closestWords } from '../../model/suggest.js';
import { clipText, lookalikeHint, visibleText } from '../../model/text.js';
import { ACTOR_COLUMNS, type ColumnMap } from '../columns.js';
import { asciiText, cellText, type TableRecord } from '../csv.js';
import { showCell } from '../header.js';
import { ambiguousMunicipality, excelHint, lookalikeMunicipality, Lookalikes, municipalitySuggestionHint } from '../hints.js';
import type { Table } from '../source.js';
import type { DeclaredIds, IdTrail } from './ends.js';
import { ByteInterner, isPrintableAscii } from './intern.js';
import { checkHead, countRow, extraAttributes, headOf, readAll, RecordCells, hasUnreadCell, unnamedColumns, unreadCells, type RecordReader, type UnreadCells, type TableHead } from './record.js';
import { countBlank, emptyReport } from './report.js';

export type ActorField = keyof typeof ACTOR_COLUMNS;

interface ActorRowOutcome {
  actor: Actor;
  row: number;
  /** The actor's place among the actors kept. */
  place: number;
}

/**
 * The ids of the actors kept, as the reader's tables hold them (see
 * `DeclaredIds`): in the actors' order, each with its place, without a
 * set of their own.
 */
class KeptIds implements DeclaredIds {
  constructor(
    private readonly ids: ActorIds,
    private readonly municipalityRows: ReadonlyMap<string, ActorRowOutcome>,
    private readonly actors: ActorColumns,
  ) {}

  placeOf(id: string): number | undefined {
    return this.ids.placeOf(id) ?? this.municipalityRows.get(id)?.place;
  }

  has(id: string): boolean {
    return this.placeOf(id) !== undefined;
  }

  /** The ids of printable ASCII by their bytes, each with `value(place, id)` (see `DeclaredIds.byBytes`). */
  byBytes(value: (place: number, id: string) => number): ByteInterner {
    // The values made in the actors' order, then copied by place: the table's slots come in hash order, and reading half a million id strings in that order was a cache miss each.
    const ids = this.actors.ids;
    const values = new Int32Array(ids.length);
    for (let place = 0; place < ids.length; place++) values[place] = value(place, ids[place]!);
    const table = this.ids.ascii.copy((place) => values[place]!);
    for (const [code, { place }] of this.municipalityRows) table.setAscii(code, value(place, code));
    return table;
  }

  get size(): number {
    return this.actors.count;
  }

  /** The ids in the actors' order, as an array (a resolver copies them without iterating a set). */
  get list(): readonly string[] {
    return this.actors.ids;
  }

  forEach(callback: (id: string, again: string, set: ReadonlySet<string>) => void, thisArg?: unknown): void {
    for (const id of this.actors.ids) callback.call(thisArg, id, id, this);
  }

  *keys(): SetIterator<string> {
    yield* this.actors.ids;
  }

  values(): SetIterator<string> {
    return this.keys();
  }

  *entries(): SetIterator<[string, string]> {
    for (const id of this.actors.ids) yield [id, id];
  }

  [Symbol.iterator](): SetIterator<string> {
    return this.keys();
  }
}

/**
 * The ids of the actors kept that are not municipality rows, each with its
 * place among the actors (issue 16): those of printable ASCII in an
 * interning table by their bytes (no map of half a million strings), the
 * others in a map. Read by the lookalike check as the ids known so far.
 */
class ActorIds {
  readonly ascii = new ByteInterner(1024);
  private readonly other = new Map<string, number>();

  constructor(
    private readonly rows: readonly number[],
  ) {}

  /** The place of an id kept, if any. */
  placeOf(id: string): number | undefined {
    return this.ascii.getText(id) ?? this.other.get(id);
  }

  /**
   * The place of an id kept before, or `undefined` after keeping it at
   * `place`. `bytes[start … end - 1]`, when given, are the id's own bytes
   * (a simple row's cell), printable ASCII (the caller checked): its key,
   * looked up without reading the string again (issue 16).
   */
  claim(id: string, place: number, bytes?: Uint8Array, start = 0, end = 0): number | undefined {
    if (bytes !== undefined) {
      const known = this.ascii.get(bytes, start, end);
      if (known !== undefined) return known;
      this.ascii.set(bytes, start, end, place);
      return undefined;
    }
    const known = this.ascii.internText(id, place);
    if (known >= 0) return known;
    if (known === -1) return undefined;
    const before = this.other.get(id);
    if (before === undefined) this.other.set(id, place);
    return before;
  }

  /** As a map of the ids known so far to their rows, for `Lookalikes`. */
  get(id: string): { row: number } | undefined {
    const place = this.placeOf(id);
    return place === undefined ? undefined : { row: this.rows[place]! };
  }

  has(id: string): boolean {
    return this.placeOf(id) !== undefined;
  }
}

/**
 * The names of simple rows as bytes (issue 16): copied into one arena as
 * the rows come (the chunk they came in may be reused), made into text by
 * the cell reader of their row when the network first asks for them.
 */
class NameBytes {
  #arena = new Uint8Array(1 << 16);
  #used = 0;
  /** Per actor row whose name is kept here: its start and end in the arena, and whether it reads as UTF-8 (1) or ASCII (0). */
  #start = new Int32Array(1024);
  #end = new Int32Array(1024);
  #utf8 = new Uint8Array(1024);

  /** Keep the name of actor row `row`: `bytes[start … end - 1]`. */
  keep(row: number, bytes: Uint8Array, start: number, end: number, utf8: boolean): void {
    const length = end - start;
    this.#arena = grown(this.#arena, this.#used + length, uint8s);
    this.#start = grown(this.#start, row + 1, int32s);
    this.#end = grown(this.#end, row + 1, int32s);
    this.#utf8 = grown(this.#utf8, row + 1, uint8s);
    const at = this.#used;
    const arena = this.#arena;
    for (let k = 0; k < length; k++) arena[at + k] = bytes[start + k]!;
    this.#used += length;
    this.#start[row] = at;
    this.#end[row] = at + length;
    this.#utf8[row] = utf8 ? 1 : 0;
  }

  /** The name of row `row` (kept here), `id` when it reads as empty (a no-break space), as the text path reads it. */
  text(row: number, id: string): string {
    const read = this.#utf8[row] === 1 ? cellText : asciiText;
    return read(this.#arena, this.#start[row]!, this.#end[row]!) || id;
  }
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
): { actors: ActorColumns; report: FileReport; rejected: Map<string, IdTrail>; declared: DeclaredIds } {
  const rejected = new Map<string, IdTrail>();
  const { items, report, declared } = readAll(new ActorReader(headOf(table), geography, problems, preset, tick, rejected, vocabulary), table);
  return { actors: items, report, rejected, declared };
}

/** What an actors reader gives: the actors kept (as columns, in order), the report, and their ids (see `DeclaredIds`). */
export interface ActorReadResult {
  items: ActorColumns;
  report: FileReport;
  declared: DeclaredIds;
}

/** A reader of actor records (as a {@link RecordReader}) whose `finish` also gives the actors' ids. */
export interface ActorRecordReader extends Omit<RecordReader<never>, 'finish'> {
  finish(): ActorReadResult;
}

/**
 * A reader of actor records for the row loop (`rows.ts`), given the
 * table's head: the same validation as {@link loadActors}, rows validated
 * as they come (a file's simple lines from their bytes, see
 * `ActorReader.byteRow`), the ids of rejected rows in `rejected`.
 */
export function actorReader(head: TableHead, geography: Geography, problems: Problem[], rejected: Map<string, IdTrail>, vocabulary: KindVocabulary = DEFAULT_KINDS, tick?: () => void): ActorRecordReader {
  return new ActorReader(head, geography, problems, undefined, tick, rejected, vocabulary);
}

/** The columns of an actors file the byte-level reader reads (see `ActorReader.byteRow`). */
interface ActorByteColumns {
  id: number;
  name: number;
  kind: number;
  municipality: number;
  county: number;
  /** The cells it does not read: a row with one of them non-empty is read as text. */
  unread: UnreadCells;
}

/** A kind cell as the byte-level reader knows it: the stored kind (and its code in the actors' columns), and whether the vocabulary knows the word. */
interface ByteKind {
  kind: string;
  code: number;
  raw: string;
  known: boolean;
}

/**
 * Validates actor records one at a time (see {@link RecordReader}): the
 * header is checked at once, problems are pushed to `problems` as rows come.
 */
class ActorReader implements ActorRecordReader {
  private readonly report: FileReport;
  /** Kinds outside the vocabulary, with the rows that use them: said once per kind at the end. */
  private readonly unknownKinds = new Map<string, { written: string; rows: number[] }>();
  private readonly columns: ColumnMap<ActorField> | undefined;
  private readonly ix: ReturnType<typeof indexGeography>;
  private readonly municipalityRows = new Map<string, ActorRowOutcome>();
  /** The actors kept, as columns (issue 16: no object per actor), the names of simple rows as bytes. */
  private readonly actors = new ActorColumns();
  private readonly names = new NameBytes();
  /** The row of each actor kept, by place. */
  private readonly rows: number[] = [];
  private readonly ids = new ActorIds(this.rows);
  private readonly lookalikes = new Lookalikes(this.ids);
  private readonly namesakes: Namesakes;
  private readonly unnamed: Set<number>;
  private readonly cells: RecordCells<ActorField> | undefined;
  private readonly byteColumns: ActorByteColumns | undefined;
  /** Kind, municipality and county cells by their bytes: an index into {@link byteKinds} (or of a code of the geography into {@link bytePlaces}), -1 for a cell the text path reads (with its message). */
  private readonly kindCodes = new ByteInterner(64);
  private readonly municipalityCodes = new ByteInterner(1024);
  private readonly countyCodes = new ByteInterner(64);
  private readonly byteKinds: ByteKind[] = [];
  /** Per code of the geography seen in a simple row: its place code in the actors' columns, and for a municipality's the code of its county there (-1 for a county's). */
  private readonly bytePlaces: number[] = [];
  private readonly byteCounties: number[] = [];
  /** The name cell of the simple row {@link keepActor} is given with a name `undefined`: its range in the row's bytes, and whether it reads as UTF-8. */
  private nameStart = 0;
  private nameEnd = 0;
  private nameUtf8 = false;

  constructor(
    private readonly table: TableHead,
    private readonly geography: Geography,
    private readonly problems: Problem[],
    preset: ColumnMap<ActorField> | undefined,
    private readonly tick: (() => void) | undefined,
    private readonly rejectedIds: Map<string, IdTrail> | undefined,
    private readonly vocabulary: KindVocabulary,
  ) {
    this.report = emptyReport(table, 'actors');
    this.columns = preset ?? checkHead<ActorField>(table, ACTOR_COLUMNS, ['id', 'kind'], problems);
    this.ix = indexGeography(geography);
    this.namesakes = new Namesakes(this.ix);
    const { actors, names } = this;
    actors.setNameReader((i) => names.text(i, actors.ids[i]!));
    this.unnamed = unnamedColumns(this.columns);
    if (this.columns) this.cells = new RecordCells(table, this.columns, problems);
    if (this.columns && preset === undefined) {
      const f = this.columns.fields;
      this.byteColumns = {
        id: f.id!,
        name: f.name ?? -1,
        kind: f.kind!,
        municipality: f.municipality ?? -1,
        county: f.county ?? -1,
        unread: unreadCells(this.columns, table),
      };
    }
  }

  /**
   * A simple row as byte ranges (issue 16; see `TableStream.pushSimpleLines`):
   * read here, with two strings made (id and name), when it is a valid
   * actor that is not a municipality and has no attributes: its kind,
   * municipality and county cells are looked up by their bytes (each
   * spelling resolved once, by the text path's rules), so that it is kept
   * exactly as {@link add} would keep it. Any other row returns `false`,
   * before anything is counted, and is read as text by {@link add}, with its
   * messages.
   */
  byteRow(row: number, bytes: Uint8Array, starts: Int32Array, ends: Int32Array, count: number): boolean {
    return this.simpleRow(row, bytes, starts, ends, count, asciiText);
  }

  /** A simple row with UTF-8 cells (see `ByteRowSink.utf8Row`): read as {@link byteRow} reads an ASCII one, its cells by `cellText`. */
  utf8Row(row: number, bytes: Uint8Array, starts: Int32Array, ends: Int32Array, count: number): boolean {
    return this.simpleRow(row, bytes, starts, ends, count, cellText);
  }

  /**
   * {@link byteRow} and {@link utf8Row}: `text` reads a cell. A cell that
   * is empty as text though not as bytes (a no-break space) is read as
   * empty, as the text path reads it (a row without an id is left to it).
   */
  private simpleRow(row: number, bytes: Uint8Array, starts: Int32Array, ends: Int32Array, count: number, text: (bytes: Uint8Array, start: number, end: number) => string): boolean {
    const c = this.byteColumns;
    if (c === undefined) return false;
    if (hasUnreadCell(c.unread, starts, ends, count)) return false;
    if (c.id >= count || ends[c.id]! === starts[c.id]!) return false;
    if (c.kind >= count || ends[c.kind]! === starts[c.kind]!) return false;
    const kindCode = this.byteCell(this.kindCodes, bytes, starts[c.kind]!, ends[c.kind]!, text, this.resolveKind);
    if (kindCode < 0) return false;
    let municipality: number | undefined;
    let county: number | undefined;
    if (c.municipality >= 0 && c.municipality < count && ends[c.municipality]! > starts[c.municipality]!) {
      const code = this.byteCell(this.municipalityCodes, bytes, starts[c.municipality]!, ends[c.municipality]!, text, this.resolveMunicipality);
      if (code < 0) return false;
      municipality = code;
    }
    if (c.county >= 0 && c.county < count && ends[c.county]! > starts[c.county]!) {
      const code = this.byteCell(this.countyCodes, bytes, starts[c.county]!, ends[c.county]!, text, this.resolveCounty);
      if (code < 0) return false;
      county = code;
    }
    const { ix, bytePlaces } = this;
    let countyPlace = county === undefined ? -1 : bytePlaces[county]!;
    if (municipality !== undefined) {
      // Place codes are equal for equal codes.
      const expected = this.byteCounties[municipality]!;
      if (countyPlace < 0) countyPlace = expected;
      else if (countyPlace !== expected) return false;
    }
    const id = text(bytes, starts[c.id]!, ends[c.id]!);
    if (id === '' || ix.municipality.has(id)) return false;
    // A valid actor: counted and kept as add() would.
    this.tick?.();
    countRow(this.report, this.table.file, row);
    const { kind, code, raw, known } = this.byteKinds[kindCode]!;
    if (!known) this.noteUnknownKind(kind, raw, row);
    // The name stays bytes until it is asked for (an empty cell is the id).
    const named = c.name >= 0 && c.name < count && ends[c.name]! > starts[c.name]!;
    if (named) {
      this.nameStart = starts[c.name]!;
      this.nameEnd = ends[c.name]!;
      this.nameUtf8 = text === cellText;
    }
    this.keepActor(id, named ? undefined : id, code, municipality === undefined ? -1 : bytePlaces[municipality]!, countyPlace, undefined, row, bytes, starts[c.id]!, ends[c.id]!);
    return true;
  }

  // The first readings of a kind, municipality or county cell of a simple row (see byteCell): made once, not a closure per row.
  private readonly resolveKind = (raw: string): number => {
    const kind = normaliseKind(raw, this.vocabulary);
    if (kind === '' || kind === 'municipality') return -1;
    this.byteKinds.push({ kind, code: this.actors.kindCode(kind), raw, known: this.vocabulary.lookup(raw) !== undefined });
    return this.byteKinds.length - 1;
  };
  private readonly resolveMunicipality = (raw: string): number => this.codeIndex(findMunicipality(this.geography, raw)?.code);
  private readonly resolveCounty = (raw: string): number => this.codeIndex(findCounty(this.geography, raw)?.code);

  /** A cell by its bytes in `table`, resolved by `resolve` (from its text, read by `text`) the first time it is seen. */
  private byteCell(table: ByteInterner, bytes: Uint8Array, start: number, end: number, text: (bytes: Uint8Array, start: number, end: number) => string, resolve: (raw: string) => number): number {
    const known = table.get(bytes, start, end);
    if (known !== undefined) return known;
    const code = resolve(text(bytes, start, end));
    table.set(bytes, start, end, code);
    return code;
  }

  /** A code of the geography as an index into {@link bytePlaces}, -1 for none. */
  private codeIndex(code: string | undefined): number {
    if (code === undefined) return -1;
    const county = this.ix.municipality.get(code)?.county;
    this.bytePlaces.push(this.actors.placeCode(code));
    this.byteCounties.push(county === undefined ? -1 : this.actors.placeCode(county));
    return this.bytePlaces.length - 1;
  }

  add(record: TableRecord): void {
    this.tick?.();
    countRow(this.report, this.table.file, record.row);
    if (!this.columns) {
      this.report.rejected++;
      return;
    }
    const read = this.validate(record, this.columns);
    if (!read) return;
    const { actor } = read;
    if (actor.kind === 'municipality') this.keepMunicipality(actor, read.id, record.row);
    else {
      const { actors } = this;
      this.keepActor(actor.id, actor.name, actors.kindCode(actor.kind), actors.placeCode(actor.municipality), actors.placeCode(actor.county), actor.attributes, record.row);
    }
  }

  blank(): void {
    countBlank(this.report);
  }

  finish(): ActorReadResult {
    this.warnUnknownKinds();
    return { items: this.actors, report: this.report, declared: new KeptIds(this.ids, this.municipalityRows, this.actors) };
  }

  /** A problem with a row's id (the columns are known when one is made). */
  private idProblem(row: number, id: string, reason: ProblemReason, severity: Problem['severity']): Problem {
    const { table, columns } = this;
    return { file: table.file, row, column: showCell(table.header[columns!.fields.id!]!), value: clipText(id), ...reason, severity };
  }

  private noteUnknownKind(kind: string, rawKind: string, row: number): void {
    let entry = this.unknownKinds.get(kind);
    if (!entry) this.unknownKinds.set(kind, (entry = { written: rawKind, rows: [] }));
    entry.rows.push(row);
  }

  /** The actor a record describes (and the row's own id), or `undefined` when the row is rejected (its problems pushed). */
  private validate(record: TableRecord, columns: ColumnMap<ActorField>): { actor: Actor; id: string } | undefined {
    const { table, geography, problems, ix, vocabulary, report, rejectedIds, unnamed } = this;
    const { cell, error: err, errors } = this.cells!.read(record);

    const id = cell('id');
    const rawKind = cell('kind');
    if (id === '') err('id', undefined, because('id.empty'));
    const kind = normaliseKind(rawKind, vocabulary);
    if (kind !== '' && vocabulary.lookup(rawKind) === undefined) this.noteUnknownKind(kind, rawKind, record.row);
    if (kind === '') err('kind', rawKind || undefined, because('kind.empty'));

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
      if (county === undefined) err('county', rawCounty, because('county.unknown', { geography: geographyWords(geography) }));
    }
    if (municipality !== undefined && county !== undefined) {
      const expected = ix.municipality.get(municipality)!.county;
      if (expected !== county) {
        err('county', rawCounty, because('county.mismatch', { municipality: ix.municipality.get(municipality)!.name, county: ix.county.get(expected)?.name ?? expected }));
      }
    }
    if (municipality !== undefined && county === undefined) county = ix.municipality.get(municipality)!.county;

    const attributes = extraAttributes(table, columns, record, problems, unnamed);

    // A municipality column that names nothing is the row's one problem: the id need not be a municipality then.
    if (kind === 'municipality' && id !== '' && !(rawMunicipality !== '' && municipality === undefined)) {
      // A municipality row adds attributes to the geography's municipality.
      const m = municipality !== undefined ? ix.municipality.get(municipality) : findMunicipality(geography, id);
      if (!m) {
        err('id', id, ambiguousMunicipality(geography, id) ?? because('municipality.unknown_row', { geography: geographyWords(geography), excel: excelHint(id), lookalike: lookalikeMunicipality(geography, id) }));
      } else if (municipality === undefined && errors.length === 0) {
        municipality = m.code;
        county = m.county;
      }
    } else if (id !== '' && ix.municipality.has(id)) {
      err('id', id, because('id.municipality_code', { name: ix.municipality.get(id)!.name, kind: kind || hint('id.municipality_code.actor') }));
    }

    if (errors.length > 0) {
      problems.push(...errors);
      report.rejected++;
      // A link to this id is then a link to a rejected actor, not to an unknown one.
      if (id !== '' && !rejectedIds?.has(id)) rejectedIds?.set(id, { file: table.file, row: record.row });
      return undefined;
    }

    const name = cell('name') || id;
    const actor: Actor = { id, name, kind };
    if (municipality !== undefined) actor.municipality = municipality;
    if (county !== undefined) actor.county = county;
    if (attributes) actor.attributes = attributes;

    return { actor, id };
  }

  /** A valid row of kind municipality: merged into the geography's municipality. */
  private keepMunicipality(actor: Actor, id: string, row: number): void {
    const { table, problems, ix, report, rejectedIds, municipalityRows, actors } = this;
    const { kind, attributes } = actor;
    const code = actor.municipality!;
    const m = ix.municipality.get(code)!;
    const merged: Actor = { id: code, name: m.name, kind, municipality: code, county: m.county };
    if (attributes) merged.attributes = attributes;
    const previous = municipalityRows.get(code);
    if (previous && !sameActor(previous.actor, merged)) {
      problems.push(this.idProblem(row, id, because('municipality.duplicate', { name: m.name, row: previous.row, difference: describeDifference(previous.actor, merged) }), 'error'));
      report.rejected++;
      return;
    }
    if (!previous) {
      municipalityRows.set(code, { actor: merged, row, place: actors.count });
      actors.addActor(merged);
      this.rows.push(row);
    }
    // `vindeln-kommun` (municipality Vindeln) is merged into 2404: links may still use the row's own id.
    if (id !== code && !rejectedIds?.has(id)) rejectedIds?.set(id, { file: table.file, row, municipality: code });
    report.merged++;
  }

  /**
   * A valid row of any other kind, by its fields and its codes in the
   * actors' columns: a new actor, a repeat (merged), or a conflicting
   * repeat (rejected).
   */
  private keepActor(id: string, name: string | undefined, kind: number, municipality: number, county: number, attributes: Record<string, string> | undefined, row: number, bytes?: Uint8Array, start?: number, end?: number): void {
    const { problems, report, actors, lookalikes } = this;
    // Printable ASCII bytes are the id's key in the id table and spare the lookalike check (isPrintableAscii is textHash's rule).
    const printable = bytes !== undefined && isPrintableAscii(bytes, start!, end!);
    const place = this.ids.claim(id, actors.count, printable ? bytes : undefined, start, end);
    if (place !== undefined) {
      const previous = actors.row(place);
      const given = name ?? ((this.nameUtf8 ? cellText : asciiText)(bytes!, this.nameStart, this.nameEnd) || id);
      const actor = actors.actorOf(id, given, kind, municipality, county, attributes);
      if (sameActor(previous, actor)) {
        report.merged++;
      } else {
        problems.push(this.idProblem(row, id, because('id.duplicate', { row: this.rows[place]!, difference: describeDifference(previous, actor) }), 'error'));
        report.rejected++;
      }
      return;
    }
    if (name === undefined) this.names.keep(actors.count, bytes!, this.nameStart, this.nameEnd, this.nameUtf8);
    actors.add(id, name, kind, municipality, county, attributes);
    this.rows.push(row);
    report.loaded++;
    const twin = lookalikes.add(id, row, printable);
    if (twin) {
      problems.push(this.idProblem(row, id, because('id.lookalike', { id: visibleText(clipText(twin.id)), row: twin.row, lookalike: lookalikeHint(id, twin.id) }), 'warning'));
    }
    const namesake = printable ? this.namesakes.byBytes(bytes!, start!, end!) : this.namesakes.of(id);
    if (namesake) {
      problems.push(this.idProblem(row, id, because('id.municipality_name', { name: namesake.name, id, code: namesake.code }), 'warning'));
    }
  }

  /** One warning per kind outside the vocabulary: the rows, what it means for the measures, and the closest known word. */
  private warnUnknownKinds(): void {
    const { table, columns, vocabulary, problems, unknownKinds } = this;
    for (const [kind, { written, rows }] of unknownKinds) {
      const column = columns?.fields.kind === undefined ? undefined : showCell(table.header[columns.fields.kind]!);
      const shown = rows.length <= 5 ? rows.join(', ') : hint('rows.more', { rows: rows.slice(0, 5).join(', '), more: rows.length - 5 });
      const entries = vocabulary.entries();
      const byWord = new Map(entries);
      const close = closestWords(written, [...byWord.keys()])[0];
      const suggestion = close !== undefined ? hint('suggest.1', { a: `"${close}" (${byWord.get(close)})` }) : '';
      const p: Problem = {
        file: table.file,
        row: rows[0]!,
        value: clipText(written),
        ...because('kind.unknown', { word: visibleText(clipText(written)), n: rows.length, rows: shown, kind, kinds: VOCABULARY_KINDS.join(', '), suggestion }),
        severity: 'warning',
      };
      if (column !== undefined) p.column = column;
      problems.push(p);
    }
  }
}

/**
 * The municipality an actor id is the name of (`normaliseName` of the id a
 * key of `municipalityByName`), for the warning that says so. An id of
 * printable ASCII without a space, read from its bytes, is looked up by its
 * lowered bytes in a table of the keys of printable ASCII (issue 16: the
 * string, lowered and hashed, cost a twentieth of a million-link load), when
 * the rules' locale lowers ASCII as ASCII (not Turkish, say).
 */
class Namesakes {
  readonly #keys = new ByteInterner(1024);
  readonly #municipalities: Municipality[] = [];
  readonly #plain: boolean;
  #scratch = new Uint8Array(64);

  constructor(private readonly ix: ReturnType<typeof indexGeography>) {
    const upper = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    const lowered = ix.names.locale ? upper.toLocaleLowerCase(ix.names.locale) : upper.toLowerCase();
    this.#plain = lowered === upper.toLowerCase();
    for (const [key, m] of ix.municipalityByName) if (this.#keys.setAscii(key, this.#municipalities.length)) this.#municipalities.push(m);
  }

  /** The municipality the id is the name of, if any. */
  of(id: string): Municipality | undefined {
    return this.ix.municipalityByName.get(normaliseName(id, this.ix.names));
  }

  /** {@link of} for an id of printable ASCII given as its bytes. */
  byBytes(bytes: Uint8Array, start: number, end: number): Municipality | undefined {
    const length = end - start;
    if (!this.#plain) return this.of(asciiText(bytes, start, end));
    if (length > this.#scratch.length) this.#scratch = new Uint8Array(2 * length);
    const scratch = this.#scratch;
    for (let k = 0; k < length; k++) {
      const b = bytes[start + k]!;
      // A space: the text's rules (spaces folded, a suffix dropped).
      if (b === 0x20) return this.of(asciiText(bytes, start, end));
      scratch[k] = b >= 0x41 && b <= 0x5a ? b + 0x20 : b;
    }
    const m = this.#keys.get(scratch, 0, length);
    return m === undefined ? undefined : this.#municipalities[m];
  }
}

/** Why a municipality cell names no municipality: ambiguous, or unknown with what it most likely is. */
function unknownMunicipality(geography: Geography, raw: string): ProblemReason {
  return ambiguousMunicipality(geography, raw) ?? because('municipality.unknown', { geography: geographyWords(geography), excel: excelHint(raw), suggestion: lookalikeMunicipality(geography, raw) || municipalitySuggestionHint(geography, raw) });
}
