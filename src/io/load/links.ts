/**
 * Link rows, validated one at a time: ends resolved ({@link EndResolver}),
 * weight and dates parsed, repeats of a pair counted as merged. A file of
 * memberships (`group,municipality`) is read as links from each group to
 * its members.
 */
import type { FileReport, Problem } from '../../model/load-report.js';
import { LinkColumnsBuilder } from '../../model/link-columns.js';
import { PairIndex } from '../../model/pair-index.js';
import { clipText } from '../../model/text.js';
import { LINK_COLUMNS, MEMBERSHIP_COLUMNS, normaliseHeader, type ColumnMap } from '../columns.js';
import type { TableRecord } from '../csv.js';
import { showCell } from '../header.js';
import { municipalitySuggestion } from '../hints.js';
import type { Table } from '../source.js';
import { linkCells } from './cells.js';
import { EndResolver, type EndResolution, type LinkReadResult, type LinkRecordReader } from './ends.js';
import { checkHead, countRow, extraAttributes, headOf, readAll, RecordCells, unnamedColumns, type TableHead } from './record.js';
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

class LinkReader implements LinkRecordReader {
  private readonly report: FileReport;
  /** `group,municipality`: memberships of groups that need no actors table (see MEMBERSHIP_COLUMNS). */
  private readonly memberships: boolean;
  private readonly columns: ColumnMap<LinkField> | undefined;
  private readonly ends: EndResolver;
  /** The links, as columns (the network keeps them so). */
  private readonly links: LinkColumnsBuilder;
  private readonly pairs = new PairIndex();
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
  }

  add(record: TableRecord): void {
    const { table, columns, report, ends, memberships } = this;
    this.tick?.();
    countRow(report, table.file, record);
    if (!columns) {
      report.rejected++;
      return;
    }
    const { cell, error: err, errors } = this.cells!.read(record);
    const source = this.endOf('source', record.row);
    const target = this.endOf('target', record.row);
    if (source !== undefined && source === target) err('target', cell('target'), 'self-loop: the link joins an actor to itself');
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
    const pairs = this.pairs.size;
    this.pairs.add(source!, target!);
    if (this.pairs.size === pairs) report.merged++;
    else report.loaded++;
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
      err(field, undefined, `the ${field} is empty`);
      return undefined;
    }
    const id = !memberships ? ends.end(raw) : field === 'source' ? ends.group(raw) : ends.member(raw);
    if (id === undefined) err(field, raw, memberships && field === 'target' ? `not a municipality code or name of the ${ends.geography.name} geography${municipalitySuggestion(ends.geography, raw)}` : ends.unresolved(raw));
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
    if (ends.implicitIds.length > 0 && municipalityEnds > 0) {
      this.rejectImplicit();
      return { links: this.links.build(ends.ids), report, implicit: [], groups, municipalityEnds };
    }
    if (ends.implicitIds.length > 0 && !ends.by.codes) {
      const warning = ends.codeLookalikes(this.table.file, ends.implicitIds);
      if (warning) this.problems.push(warning);
    }
    return { links: this.links.build(ends.ids), report, implicit: ends.implicitIds, groups, municipalityEnds };
  }

  /** The links without the rows that used an implicit end (each now an error), counted again. */
  private rejectImplicit(): void {
    const { report, links } = this;
    const rows = new Set(this.implicitRows.map((r) => r.row));
    for (const r of this.implicitRows) {
      const p: Problem = { file: this.table.file, row: r.row, value: clipText(r.value), reason: this.ends.unresolved(r.value), severity: 'error' };
      if (r.column !== undefined) p.column = r.column;
      this.problems.push(p);
    }
    const before = links.count;
    links.filter((i) => !rows.has(links.rowOf(i)));
    report.rejected += before - links.count;
    report.loaded = 0;
    report.merged = 0;
    const seen = new PairIndex();
    for (let i = 0; i < links.count; i++) {
      const pairs = seen.size;
      seen.add(links.sourceOf(i), links.targetOf(i));
      if (seen.size === pairs) report.merged++;
      else report.loaded++;
    }
  }
}
