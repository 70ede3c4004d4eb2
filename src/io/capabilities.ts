import { z } from 'zod';
import {
  CapabilitySet,
  CapabilityVocabulary,
  CustomCapabilitySchema,
  type CapabilityRecord,
  type CapabilityStatus,
} from '../model/capabilities.js';
import { findMunicipality } from '../model/geography.js';
import { because, hint, type FileReport, type LoadReport, type Problem, type ProblemReason } from '../model/load-report.js';
import type { CooperationNetwork } from '../model/network.js';
import { parseOptions } from '../model/options.js';
import { ownRecord } from '../model/own.js';
import { foldWord, municipalitySuggestionHint, suggestionHint } from '../model/suggest.js';
import { clipText } from '../model/text.js';
import { LINK_COLUMNS } from './columns.js';
import { checkHeader } from './header.js';
import { LoadError } from './load/report.js';
import { parseDate } from './load/cells.js';
import { checkTableSource, readTable, type TableSource } from './source.js';

/** Accepted header names (after normalisation, see `normaliseHeader`) for each capability field. */
export const CAPABILITY_COLUMNS = {
  municipality: ['municipality', 'municipality_code', 'kommun', 'kommunkod', 'kommun_kod', 'kommunnamn', 'kommun_namn', 'kn_kod', 'knkod', 'code', 'kod'],
  actor: ['actor', 'actor_id', 'aktör', 'aktor', 'aktörs_id', 'aktor_id', 'aktörsid', 'id'],
  capability: ['capability', 'förmåga', 'formaga', 'kapacitet', 'kompetens', 'competence', 'indicator', 'indikator'],
  status: ['status', 'state', 'value', 'värde', 'varde', 'läge', 'lage'],
  since: [...LINK_COLUMNS.since, 'från', 'fran', 'date', 'datum'],
  until: [...LINK_COLUMNS.until, 'till'],
  source: ['source', 'källa', 'kalla', 'source_url', 'url', 'reference', 'referens'],
} as const;

type CapabilityField = keyof typeof CAPABILITY_COLUMNS;

/** Status words, Swedish and English (folded: case and diacritics ignored). */
// A Map, not an object: a cell reading `constructor` or `__proto__` must not find Object.prototype's.
const STATUS_WORDS: ReadonlyMap<string, CapabilityStatus> = new Map(Object.entries({
  yes: 'yes', y: 'yes', ja: 'yes', j: 'yes', true: 'yes', '1': 'yes', x: 'yes', har: 'yes', finns: 'yes',
  no: 'no', n: 'no', nej: 'no', false: 'no', '0': 'no', saknas: 'no', saknar: 'no',
  planned: 'planned', planerad: 'planned', planerat: 'planned', planering: 'planned', 'pagar': 'planned', 'in preparation': 'planned', 'under framtagande': 'planned',
} satisfies Record<string, CapabilityStatus>));

export const LoadCapabilitiesOptionsSchema = z.strictObject({
  /** `strict` (default): any rejected row throws a `LoadError` listing every problem. `lenient`: rejected rows are left out and reported. */
  mode: z.enum(['strict', 'lenient']).optional(),
  /** Problems listed in a `LoadError`'s message (all are in its `problems`). Default 20. */
  maxListed: z.number().int().nonnegative().optional(),
  /**
   * The file is a complete census: a municipality without a record for a
   * capability lacks it (`no`) instead of being `unknown`. Default `false`:
   * absence is unknown.
   */
  census: z.boolean().optional(),
  /** User-defined capabilities: codes, or `{ code, sv?, en?, aliases? }`. A capability outside the standard vocabulary and this list is an error. */
  custom: z.array(CustomCapabilitySchema).optional(),
});
export type LoadCapabilitiesOptions = z.input<typeof LoadCapabilitiesOptionsSchema>;

/**
 * Date cells: what the links loader reads (`YYYY-MM-DD`, a spreadsheet's
 * midnight), or a month `YYYY-MM` or a year `YYYY` (since: the first day;
 * until: the last day), as evidence is often dated no finer.
 */
function parseDay(raw: string, field: 'since' | 'until'): string | { error: ProblemReason } {
  const month = /^(\d{4})-(\d{2})$/.exec(raw);
  if (month && Number(month[2]) >= 1 && Number(month[2]) <= 12) {
    if (field === 'since') return `${raw}-01`;
    const last = new Date(Date.UTC(Number(month[1]), Number(month[2]), 0)).getUTCDate();
    return `${raw}-${String(last).padStart(2, '0')}`;
  }
  if (/^\d{4}$/.test(raw)) return field === 'since' ? `${raw}-01-01` : `${raw}-12-31`;
  const day = parseDate(raw, field);
  return typeof day === 'string' ? day : { error: because('capabilities.date', { date: hint(day.error.code, day.error.params) }) };
}

function statusOf(raw: string): CapabilityStatus | undefined {
  return STATUS_WORDS.get(foldWord(raw));
}

/**
 * Load a capabilities table: one row per (municipality or actor, capability),
 * with `status` (`yes`, `no` or `planned`; `ja`/`nej`/`planerad` too) and
 * optional `since`, `until` and `source`. Other columns are kept as the
 * record's attributes. Every row is loaded, merged into an identical earlier
 * row (counted in `merged`) or rejected with a reason naming the file, row
 * and column; strict mode (the default) throws a `LoadError` when any row is
 * rejected.
 *
 * A row names its subject in a `municipality` column (code or name of one of
 * `net`'s geography) or an `actor` column (an actor id of `net`). Two rows of
 * one subject and capability with the same `since` but another status or end
 * contradict each other: the later one is rejected. The same CSV tolerance
 * as actors and links applies (`;` and tab delimiters, byte-order marks,
 * Windows-1252 from Excel).
 *
 * Absence is unknown: a municipality without a row is `unknown` for that
 * capability, unless `census: true` declares the file complete.
 *
 * @example
 * const caps = loadCapabilities({ text: 'municipality,capability,status,since\n2480,coordinator,yes,2021-03-01\n', name: 'capabilities.csv' }, net);
 * caps.state('2480', 'coordinator'); // 'yes'
 * caps.state('2403', 'coordinator'); // 'unknown'
 */
export function loadCapabilities(source: TableSource, net: CooperationNetwork, options: LoadCapabilitiesOptions = {}): CapabilitySet {
  const o = parseOptions(LoadCapabilitiesOptionsSchema, options, 'loadCapabilities');
  checkTableSource(source, 'loadCapabilities');
  const vocabulary = new CapabilityVocabulary(o.custom ?? []);
  const table = readTable(source, '(capabilities rows)');
  const problems: Problem[] = [];
  const report: FileReport = { file: table.file, role: 'capabilities', rows: table.records.length + table.blankRows.length, loaded: 0, merged: 0, rejected: 0, blank: table.blankRows.length };
  if (table.delimiter !== undefined) report.delimiter = table.delimiter;
  if (table.encoding !== undefined) report.encoding = table.encoding;
  const columns = checkHeader<CapabilityField>(table, CAPABILITY_COLUMNS, ['capability', 'status'], problems);
  if (columns && columns.fields.municipality === undefined && columns.fields.actor === undefined) {
    problems.push({
      file: table.file,
      row: table.headerRow,
      ...because('capabilities.no_subject_column', { municipality: CAPABILITY_COLUMNS.municipality.join(', '), actor: CAPABILITY_COLUMNS.actor.join(', ') }),
      severity: 'error',
    });
  }
  const records: CapabilityRecord[] = [];
  if (!problems.some((p) => p.severity === 'error') && columns) {
    const seen = new Map<string, { record: CapabilityRecord; row: number }>();
    for (const { row, fields } of table.records) {
      const cell = (f: CapabilityField) => (columns.fields[f] === undefined ? '' : (fields[columns.fields[f]!] ?? '').trim());
      const rowProblems: Problem[] = [];
      const fail = (column: CapabilityField, value: string, reason: ProblemReason) => {
        const header = table.header[columns.fields[column] ?? -1];
        rowProblems.push({ file: table.file, row, column: header ?? column, ...(value !== '' && { value: clipText(value, 200) }), ...reason, severity: 'error' });
      };
      const record = readRow(cell, net, vocabulary, fail);
      if (record && rowProblems.length === 0) {
        const extra = columns.extra.filter(({ index }) => (fields[index] ?? '') !== '');
        if (extra.length > 0) record.attributes = ownRecord(extra.map(({ index, name }) => [name, fields[index]!] as const));
        record.origin = { file: table.file, row };
        const k = `${record.subject}\u0000${record.capability}\u0000${record.since ?? ''}`;
        const earlier = seen.get(k);
        if (earlier === undefined) {
          seen.set(k, { record, row });
          records.push(record);
          report.loaded++;
        } else if (earlier.record.status === record.status && earlier.record.until === record.until) {
          report.merged++;
          // The same statement again: counted as merged; another source or note is said, not dropped in silence.
          if (record.source !== earlier.record.source || JSON.stringify(record.attributes ?? {}) !== JSON.stringify(earlier.record.attributes ?? {})) {
            problems.push({ file: table.file, row, ...because('capabilities.repeat', { row: earlier.row }), severity: 'warning' });
          }
        } else {
          const until = earlier.record.until ? hint('capabilities.contradicts.until', { until: earlier.record.until }) : '';
          fail('status', cell('status'), because('capabilities.contradicts', { row: earlier.row, status: earlier.record.status, until, subject: hint(`capabilities.subject.${record.subjectType}`) }));
        }
      }
      if (rowProblems.length > 0) {
        report.rejected++;
        problems.push(...rowProblems);
      }
    }
  } else {
    report.rejected = table.records.length;
  }
  const loadReport: LoadReport = { files: [report], problems };
  if ((o.mode ?? 'strict') === 'strict' && problems.some((p) => p.severity === 'error')) throw new LoadError(loadReport, o.maxListed ?? 20);
  return new CapabilitySet(records, { vocabulary, census: o.census ?? false, loadReport });
}

function readRow(
  cell: (f: CapabilityField) => string,
  net: CooperationNetwork,
  vocabulary: CapabilityVocabulary,
  fail: (column: CapabilityField, value: string, reason: ProblemReason) => void,
): CapabilityRecord | undefined {
  const subject = readSubject(cell('municipality'), cell('actor'), net, fail);
  const rawCapability = cell('capability');
  const capability = rawCapability === '' ? undefined : vocabulary.codeOf(rawCapability);
  if (rawCapability === '') fail('capability', '', because('capabilities.capability_empty'));
  else if (capability === undefined) {
    fail('capability', rawCapability, because('capabilities.capability_unknown', { suggestion: suggestionHint(rawCapability, vocabulary.definitions.flatMap((d) => [d.code, d.sv, d.en])), codes: vocabulary.codes.join(', ') }));
  }
  const rawStatus = cell('status');
  const status = statusOf(rawStatus);
  if (status === undefined) fail('status', rawStatus, because(rawStatus === '' ? 'capabilities.status_empty' : 'capabilities.status_unknown'));
  const dates: { since?: string; until?: string } = {};
  for (const field of ['since', 'until'] as const) {
    const raw = cell(field);
    if (raw === '') continue;
    const day = parseDay(raw, field);
    if (typeof day === 'string') dates[field] = day;
    else fail(field, raw, day.error);
  }
  if (dates.since !== undefined && dates.until !== undefined && dates.until < dates.since) fail('until', cell('until'), because('capabilities.until_before_since', { since: dates.since }));
  if (!subject || capability === undefined || status === undefined) return undefined;
  const sourceText = cell('source');
  return { ...subject, capability, status, ...dates, ...(sourceText !== '' && { source: sourceText }) };
}

function readSubject(
  municipality: string,
  actor: string,
  net: CooperationNetwork,
  fail: (column: CapabilityField, value: string, reason: ProblemReason) => void,
): Pick<CapabilityRecord, 'subject' | 'subjectType'> | undefined {
  if (municipality === '' && actor === '') {
    fail('municipality', '', because('capabilities.no_subject'));
    return undefined;
  }
  let fromMunicipality: string | undefined;
  if (municipality !== '') {
    fromMunicipality = findMunicipality(net.geography, municipality)?.code;
    if (fromMunicipality === undefined) {
      fail('municipality', municipality, because('capabilities.municipality_unknown', { suggestion: municipalitySuggestionHint(net.geography, municipality) }));
      return undefined;
    }
  }
  if (actor === '') return { subject: fromMunicipality!, subjectType: 'municipality' };
  const found = net.actor(actor);
  if (!found) {
    fail('actor', actor, because('capabilities.actor_unknown', { suggestion: suggestionHint(actor, net.actors().map((a) => a.id)) }));
    return undefined;
  }
  const asMunicipality = found.kind === 'municipality' ? (found.municipality ?? found.id) : undefined;
  if (fromMunicipality !== undefined && asMunicipality !== fromMunicipality) {
    fail('actor', actor, because('capabilities.two_subjects', { municipality: fromMunicipality, actor }));
    return undefined;
  }
  return asMunicipality !== undefined ? { subject: asMunicipality, subjectType: 'municipality' } : { subject: found.id, subjectType: 'actor' };
}
