/**
 * Link rows, validated one at a time: ends resolved ({@link EndResolver}),
 * weight and dates parsed, repeats of a pair counted as merged. A file of
 * memberships (`group,municipality`) is read as links from each group to
 * its members.
 */
import { geographyWords } from '../../model/geography.js';
import { because, type FileReport, type Problem } from '../../model/load-report.js';
import { LinkColumnsBuilder } from '../../model/link-columns.js';
import { clipText } from '../../model/text.js';
import { LINK_COLUMNS, MEMBERSHIP_COLUMNS, normaliseHeader, type ColumnMap } from '../columns.js';
import { asciiText, type TableRecord } from '../csv.js';
import { showCell } from '../header.js';
import { municipalitySuggestionHint } from '../hints.js';
import type { Table } from '../source.js';
import { linkCells, parseDate, weightFromBytes } from './cells.js';
import { ByteInterner } from './intern.js';
import { EndResolver, type EndResolution, type LinkReadResult, type LinkRecordReader } from './ends.js';
import { checkHead, countRow, extraAttributes, headOf, readAll, RecordCells, hasUnreadCell, unnamedColumns, unreadCells, type TableHead, type UnreadCells } from './record.js';
import { countBlank, emptyReport } from './report.js';

export type LinkField = keyof typeof LINK_COLUMNS;

/** A row that used an implicit end: rejected instead if the file turns out to name municipalities. */
interface ImplicitUse {
  row: number;
  field: 'source' | 'target';
  value: string;
  column: string | undefined;
}

/** A header of memberships (`group`, `municipality`) with no source or target column: see MEMBERSHIP_COLUMNS. */
function isMembershipHeader(header: readonly string[]): boolean {
  const cells = new Set(header.map(normaliseHeader));
  const has = (names: readonly string[]) => names.some((n) => cells.has(n));
  return !has(LINK_COLUMNS.source) && !has(LINK_COLUMNS.target) && has(MEMBERSHIP_COLUMNS.source) && has(MEMBERSHIP_COLUMNS.target);
}

/** Load a links table in memory (CSV or rows, or a graph file's edges with `preset` columns). */
export function loadLinks(table: Table, resolution: EndResolution, problems: Problem[], preset?: ColumnMap<LinkField>, tick?: () => void): LinkReadResult {
  return readAll(linkReader(headOf(table), resolution, problems, preset, tick), table);
}

/**
 * Validates link records one at a time (see `RecordReader`), for a table in
 * memory and for a file read in chunks alike: the header is checked at
 * once, problems are pushed to `problems` as rows come. Ends resolve as
 * {@link EndResolution} says.
 */
export function linkReader(table: TableHead, resolution: EndResolution, problems: Problem[], preset?: ColumnMap<LinkField>, tick?: () => void): LinkRecordReader {
  return new LinkReader(table, resolution, problems, preset, tick);
}

/** What the byte-level reader keeps per distinct end: -1 when it names no actor (the text path says why), else ordinal × 4 + flags (an implicit end: see `implicitEnds`). */
const NO_ACTOR = -1;
const IMPLICIT = 1;
const MUNICIPALITY = 2;
/** A kind or date cell the byte-level reader leaves to the text path (a date that does not parse). */
const NOT_READ = -2;

/** Years {@link dayKey} numbers: 1800 to 2199 (other years go by the table of words). */
const FIRST_YEAR = 1800;
const DAY_KEYS = 400 * 12 * 31;

/**
 * A cell `YYYY-MM-DD` of ASCII digits with a year from {@link FIRST_YEAR}
 * (400 years on), a month 01–12 and a day 01–31, as a number below
 * {@link DAY_KEYS} (one per such text: calendar days and impossible ones
 * such as 02-30 alike); -1 for any other cell.
 */
function dayKey(bytes: Uint8Array, start: number, end: number): number {
  if (end - start !== 10 || bytes[start + 4] !== 45 || bytes[start + 7] !== 45) return -1;
  let year = 0;
  for (let k = 0; k < 4; k++) {
    const c = bytes[start + k]! - 48;
    if (c < 0 || c > 9) return -1;
    year = year * 10 + c;
  }
  const m1 = bytes[start + 5]! - 48;
  const m2 = bytes[start + 6]! - 48;
  const d1 = bytes[start + 8]! - 48;
  const d2 = bytes[start + 9]! - 48;
  if (m1 < 0 || m1 > 9 || m2 < 0 || m2 > 9 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return -1;
  const month = m1 * 10 + m2;
  const day = d1 * 10 + d2;
  if (year < FIRST_YEAR || year >= FIRST_YEAR + 400 || month < 1 || month > 12 || day < 1 || day > 31) return -1;
  return ((year - FIRST_YEAR) * 12 + month - 1) * 31 + day - 1;
}

/** The columns of a links file the byte-level reader reads, or `undefined` when it reads none of its rows (memberships, a graph file's edges). */
interface ByteColumns {
  source: number;
  target: number;
  weight: number;
  kind: number;
  since: number;
  until: number;
  /** The cells it does not read: a row with one of them non-empty is read as text. */
  unread: UnreadCells;
}

class LinkReader implements LinkRecordReader {
  private readonly report: FileReport;
  /** `group,municipality`: memberships of groups that need no actors table (see MEMBERSHIP_COLUMNS). */
  private readonly memberships: boolean;
  private readonly columns: ColumnMap<LinkField> | undefined;
  private readonly ends: EndResolver;
  /** The links, as columns (the network keeps them so). */
  private readonly links: LinkColumnsBuilder;
  private municipalityEnds = 0;
  private readonly implicitRows: ImplicitUse[] = [];
  private readonly unnamed: Set<number>;
  private readonly cells: RecordCells<LinkField> | undefined;

  constructor(
    private readonly table: TableHead,
    resolution: EndResolution,
    private readonly problems: Problem[],
    preset: ColumnMap<LinkField> | undefined,
    private readonly tick: (() => void) | undefined,
  ) {
    this.report = emptyReport(table, 'links');
    this.links = new LinkColumnsBuilder(table.file);
    this.memberships = preset === undefined && isMembershipHeader(table.header);
    this.columns = preset ?? checkHead<LinkField>(table, this.memberships ? MEMBERSHIP_COLUMNS : LINK_COLUMNS, ['source', 'target'], problems);
    this.ends = new EndResolver(resolution, preset !== undefined);
    this.unnamed = unnamedColumns(this.columns);
    if (this.columns) this.cells = new RecordCells(table, this.columns, problems);
    // Made by seedEnds when the byte-level reader reads this file's rows (a small one that stays empty otherwise).
    this.endCodes = new ByteInterner(16);
    if (this.columns && !this.memberships && preset === undefined) {
      const f = this.columns.fields;
      this.byteColumns = {
        source: f.source!,
        target: f.target!,
        weight: f.weight ?? -1,
        kind: f.kind ?? -1,
        since: f.since ?? -1,
        until: f.until ?? -1,
        unread: unreadCells(this.columns, table),
      };
      this.seedEnds();
    }
  }

  /**
   * The declared actor ids, numbered by the resolver, in the table of ends
   * by their bytes (those of printable ASCII): a simple row's ends then
   * resolve by one lookup of their bytes, without a string made or looked
   * up (issue 16). Each has the code {@link byteEnd} would give it: a
   * declared id is never implicit, and resolves to itself.
   */
  private seedEnds(): void {
    const resolver = this.ends;
    const { municipalityCodes } = resolver;
    const code = (o: number, id: string) => o * 4 + (municipalityCodes.has(id) ? MUNICIPALITY : 0);
    // The actors reader's own table of ids, copied with these codes (no id hashed again), else each id set.
    const table = resolver.numberDeclared(code);
    if (table !== undefined) {
      this.endCodes = table;
      return;
    }
    const { ids } = resolver;
    this.endCodes = new ByteInterner(4096 + ids.length);
    for (let o = 0; o < ids.length; o++) this.endCodes.setAscii(ids[o]!, code(o, ids[o]!));
  }

  private readonly byteColumns: ByteColumns | undefined;
  /** Ends, kinds and dates by their bytes (see {@link byteRow}). */
  private endCodes: ByteInterner;
  /** Ends that landed on an implicit actor, by their spelling: their code in {@link endCodes} is index × 4 + {@link IMPLICIT}. */
  private readonly implicitEnds: { ordinal: number; raw: string }[] = [];
  private readonly kindCodes = new ByteInterner(64);
  private readonly dateCodes = new ByteInterner(4096);
  /** Dates by {@link dayKey}: code + 2 (0: not seen; 1: NOT_READ, a date the calendar has not). Made at the first such date. */
  private dayCodes: Int32Array | undefined;

  /**
   * A simple row as byte ranges (issue 16; see `TableStream.pushSimpleLines`):
   * read here without making strings when it is a valid link whose every
   * cell this reader reads from bytes (ends seen before resolve by their
   * bytes through one interning table, a weight of digits, dates and kinds
   * seen before), so that it is loaded exactly as {@link add} would load it.
   * Any other row (an error, attributes, a weight or date written another
   * way) returns `false`, before anything is counted, and is read as text by
   * {@link add}, with its messages.
   */
  byteRow(row: number, bytes: Uint8Array, starts: Int32Array, ends: Int32Array, count: number): boolean {
    const c = this.byteColumns;
    if (c === undefined) return false;
    if (hasUnreadCell(c.unread, starts, ends, count)) return false;
    const source = this.byteEnd(c.source, bytes, starts, ends, count);
    if (source < 0) return false;
    const target = this.byteEnd(c.target, bytes, starts, ends, count);
    if (target < 0) return false;
    const s = (source & IMPLICIT) !== 0 ? this.implicitEnds[source >> 2]!.ordinal : source >> 2;
    const t = (target & IMPLICIT) !== 0 ? this.implicitEnds[target >> 2]!.ordinal : target >> 2;
    if (s === t) return false;
    let weight = 1;
    if (c.weight >= 0 && c.weight < count && ends[c.weight]! > starts[c.weight]!) {
      weight = weightFromBytes(bytes, starts[c.weight]!, ends[c.weight]!);
      if (Number.isNaN(weight)) return false;
    }
    const since = this.byteWord(c.since, bytes, starts, ends, count, true);
    if (since === NOT_READ) return false;
    const until = this.byteWord(c.until, bytes, starts, ends, count, true);
    if (until === NOT_READ) return false;
    if (since >= 0 && until >= 0 && this.links.word(until) < this.links.word(since)) return false;
    const kind = this.byteWord(c.kind, bytes, starts, ends, count, false);
    // A valid link: counted and kept as add() would.
    const { report, table } = this;
    this.tick?.();
    countRow(report, table.file, row);
    if ((source & IMPLICIT) !== 0) this.implicitRows.push({ row, field: 'source', value: this.implicitEnds[source >> 2]!.raw, column: showCell(table.header[c.source]!) });
    else if ((source & MUNICIPALITY) !== 0) this.municipalityEnds++;
    if ((target & IMPLICIT) !== 0) this.implicitRows.push({ row, field: 'target', value: this.implicitEnds[target >> 2]!.raw, column: showCell(table.header[c.target]!) });
    else if ((target & MUNICIPALITY) !== 0) this.municipalityEnds++;
    this.links.addCoded(s, t, weight, kind, since, until, row);
    return true;
  }

  /** An end cell by its bytes: ordinal × 4 + flags, or -1 (empty, or no actor: for the text path). */
  private byteEnd(column: number, bytes: Uint8Array, starts: Int32Array, ends: Int32Array, count: number): number {
    if (column >= count) return NO_ACTOR;
    const start = starts[column]!;
    const end = ends[column]!;
    if (end === start) return NO_ACTOR;
    const known = this.endCodes.get(bytes, start, end);
    if (known !== undefined) return known;
    const resolver = this.ends;
    const id = resolver.end(asciiText(bytes, start, end));
    let code = NO_ACTOR;
    if (id !== undefined) {
      // Whether an id is implicit or a municipality is settled when it is first numbered (see EndResolver.end).
      const idText = resolver.ids[id]!;
      if (resolver.implicitSet.size > 0 && resolver.implicitSet.has(idText)) {
        // The row's spelling is in the problem should the implicit ends be rejected (a name of the municipality an implicit id is the code of, say).
        code = this.implicitEnds.length * 4 + IMPLICIT;
        this.implicitEnds.push({ ordinal: id, raw: asciiText(bytes, start, end) });
      } else code = id * 4 + (resolver.municipalityCodes.has(idText) ? MUNICIPALITY : 0);
    }
    this.endCodes.set(bytes, start, end, code);
    return code;
  }

  /** A kind or date cell by its bytes: its code in the links' table of words, -1 when absent or empty, {@link NOT_READ} for a date that does not parse. */
  private byteWord(column: number, bytes: Uint8Array, starts: Int32Array, ends: Int32Array, count: number, date: boolean): number {
    if (column < 0 || column >= count) return -1;
    const start = starts[column]!;
    const end = ends[column]!;
    if (end === start) return -1;
    if (date) {
      // A date written YYYY-MM-DD, its month 01–12 and its day 01–31, by its number of days in a table (no hash).
      const day = dayKey(bytes, start, end);
      if (day >= 0) {
        const dayCodes = (this.dayCodes ??= new Int32Array(DAY_KEYS));
        const known = dayCodes[day]!;
        if (known !== 0) return known - 2;
        const code = this.dateCode(asciiText(bytes, start, end));
        dayCodes[day] = code + 2;
        return code;
      }
    }
    const table = date ? this.dateCodes : this.kindCodes;
    const known = table.get(bytes, start, end);
    if (known !== undefined) return known;
    const raw = asciiText(bytes, start, end);
    const code = date ? this.dateCode(raw) : this.links.code(raw);
    table.set(bytes, start, end, code);
    return code;
  }

  /** A date cell's first reading, by `parseDate`: its code in the links' table of words, or {@link NOT_READ}. */
  private dateCode(raw: string): number {
    const parsed = parseDate(raw, 'since');
    return typeof parsed === 'string' ? this.links.code(parsed) : NOT_READ;
  }



  add(record: TableRecord): void {
    const { table, columns, report, ends, memberships } = this;
    this.tick?.();
    countRow(report, table.file, record.row);
    if (!columns) {
      report.rejected++;
      return;
    }
    const { cell, error: err, errors } = this.cells!.read(record);
    const source = this.endOf('source', record.row);
    const target = this.endOf('target', record.row);
    if (source !== undefined && source === target) err('target', cell('target'), because('link.self_loop'));
    const { weight, since, until } = linkCells(cell, err, table.delimiter);

    if (errors.length > 0) {
      this.problems.push(...errors);
      report.rejected++;
      return;
    }

    if (this.implicitHere.length > 0) {
      this.implicitRows.push(...this.implicitHere);
      this.implicitHere = [];
    }
    const kind = cell('kind') || (memberships ? 'member' : '');
    const attributes = extraAttributes(table, columns, record, this.problems, this.unnamed);
    this.links.add(source!, target!, weight, kind === '' ? undefined : kind, since, until, record.row, attributes);
  }

  /** Implicit ends used by the current row. */
  private implicitHere: ImplicitUse[] = [];

  /** One end of the current row, resolved (an error recorded when it names no actor). */
  private endOf(field: 'source' | 'target', row: number): number | undefined {
    const { cell, error: err } = this.cells!;
    const { ends, memberships, columns, table } = this;
    if (field === 'source') this.implicitHere.length = 0;
    const raw = cell(field);
    if (raw === '') {
      err(field, undefined, because('end.empty', { field }));
      return undefined;
    }
    const id = !memberships ? ends.end(raw) : field === 'source' ? ends.group(raw) : ends.member(raw);
    if (id === undefined) err(field, raw, memberships && field === 'target' ? because('member.unknown', { geography: geographyWords(ends.geography), suggestion: municipalitySuggestionHint(ends.geography, raw) }) : ends.unresolved(raw));
    else if (ends.implicitSet.size > 0 && ends.implicitSet.has(ends.ids[id]!)) this.implicitHere.push({ row, field, value: raw, column: columns!.fields[field] === undefined ? undefined : showCell(table.header[columns!.fields[field]!]!) });
    else if (ends.municipalityCodes.has(ends.ids[id]!)) this.municipalityEnds++;
    return id;
  }

  blank(): void {
    countBlank(this.report);
  }

  /**
   * If any end was a municipality, the implicit ends were not actors of
   * their own but names that match nothing: their rows are rejected, and
   * the counts of the kept links are made again.
   */
  finish(): LinkReadResult {
    const { ends, report, municipalityEnds } = this;
    const groups = ends.groupIds;
    const rejectImplicit = ends.implicitIds.length > 0 && municipalityEnds > 0;
    if (rejectImplicit) this.rejectImplicit();
    else if (ends.implicitIds.length > 0 && !ends.by.codes) {
      const warning = ends.codeLookalikes(this.table.file, ends.implicitIds);
      if (warning) this.problems.push(warning);
    }
    // Each link kept is loaded, the first of its pair, or merged, a repeat of one.
    const links = this.links.build(ends.ids);
    report.loaded += links.pairs;
    report.merged += links.count - links.pairs;
    return { links, report, implicit: rejectImplicit ? [] : ends.implicitIds, groups, municipalityEnds };
  }

  /** The links without the rows that used an implicit end (each now an error). */
  private rejectImplicit(): void {
    const { report, links } = this;
    const rows = new Set(this.implicitRows.map((r) => r.row));
    for (const r of this.implicitRows) {
      const p: Problem = { file: this.table.file, row: r.row, value: clipText(r.value), ...this.ends.unresolved(r.value), severity: 'error' };
      if (r.column !== undefined) p.column = r.column;
      this.problems.push(p);
    }
    const before = links.count;
    links.filter((i) => !rows.has(links.rowOf(i)));
    report.rejected += before - links.count;
  }
}
