/** What every load starts with, before any row of actors or links: the geography, the kind vocabulary, the accounting. */
import type { KindVocabulary } from '../../model/kinds.js';
import type { FileReport, Problem } from '../../model/load-report.js';
import { ActorColumns } from '../../model/actor-columns.js';
import type { Geography } from '../../model/schema.js';
import { readTable, tableBytes, type Table, type TableSource } from '../source.js';
import { READINGS } from '../text.js';
import { actorReader, loadActors } from './actors.js';
import { resolutionFor, type DeclaredIds, type EndResolution, type IdTrail } from './ends.js';
import { memoryChunks } from './files.js';
import { chunkedRows, drive, wholeFileProblem, type PassResult, type ReaderFactory, type RowSink } from './rows.js';
import { resolveGeography } from './geography.js';
import { kindVocabularyOf } from './kinds.js';
import type { LoadNetworkInput, LoadNetworkOptions } from './options.js';

export interface LoadStart {
  geography: Geography;
  /** Whether the input gave the geography. */
  explicit: boolean;
  problems: Problem[];
  files: FileReport[];
  vocabulary: KindVocabulary;
}

export function startLoad(input: LoadNetworkInput, options: LoadNetworkOptions): LoadStart {
  const { geography, explicit } = resolveGeography(input.geography);
  const problems: Problem[] = [];
  const files: FileReport[] = [];
  return { geography, explicit, problems, files, vocabulary: kindVocabularyOf(options.kindsFile, problems, files, geography) };
}

/** Progress in rows, for input in memory: `(done, total)` every 1 000 rows and at the end (`total` set once the tables are read). */
export interface RowProgress {
  total: number;
  tick: (() => void) | undefined;
}

export function rowProgress(onProgress: ((done: number, total: number) => void) | undefined): RowProgress {
  let done = 0;
  const progress: RowProgress = { total: 0, tick: undefined };
  if (onProgress) {
    progress.tick = () => {
      done++;
      if (done % 1000 === 0 || done === progress.total) onProgress(done, progress.total);
    };
  }
  return progress;
}

/**
 * A table source as a load reads it: a file or bytes by the chunked loop
 * (`bytes`, or the problem of reading them, with the readings to try), CSV
 * text and rows as a table in memory (`table`).
 */
export type TableInput = { bytes: NonNullable<ReturnType<typeof tableBytes>>; readings: readonly boolean[] } | { table: Table };

/**
 * A table source prepared for a load, with its number of records when
 * `counted` (row progress needs the total before the first row): a table's
 * records, or for bytes the records the loop gives (counted by the loop
 * itself, once more, with a sink that counts), whose reading that settles
 * is then the only one tried (a Windows-1252 file counts its rows once).
 */
export function prepareTable(source: TableSource | undefined, label: string, counted: boolean): { input: TableInput | undefined; records: number } {
  if (source === undefined) return { input: undefined, records: 0 };
  const bytes = tableBytes(source, label);
  if (bytes === undefined) {
    const table = readTable(source, label, { recordIssues: true });
    return { input: { table }, records: table.records.length };
  }
  if (!counted || 'reason' in bytes) return { input: { bytes, readings: READINGS }, records: 0 };
  let records = 0;
  let windows1252 = false;
  const count = () => {
    records++;
    return true;
  };
  const counter = { add: count, blank() {}, finish() {}, byteRow: count, utf8Row: count };
  readInLoop({ bytes, readings: READINGS }, (head) => {
    // A new reading counts from 0 (the last one settles).
    records = 0;
    windows1252 = head.encoding === 'windows-1252';
    return counter;
  });
  return { input: { bytes, readings: windows1252 ? [true] : READINGS }, records };
}

/** A file or bytes through the chunked loop, in one chunk, its simple lines read from the bytes (issue 16). */
export function readInLoop<R extends RowSink>(input: Extract<TableInput, { bytes: unknown }>, makeReader: ReaderFactory<R>): PassResult<ReturnType<R['finish']>> {
  const { bytes, readings } = input;
  return 'reason' in bytes ? wholeFileProblem(bytes.file, bytes, makeReader) : drive(chunkedRows(bytes.file, makeReader, bytes.bytes.length, undefined, true, readings), memoryChunks(bytes.bytes));
}

/**
 * The actors of a load (a file or bytes read by the row loop straight into
 * the actors reader, their simple lines from the bytes and no table of
 * records held; CSV text and rows from a table in memory), and how the link
 * ends of the load resolve given them. `tick`: row progress. The actors,
 * the problems and the report are the same either way.
 */
export function startActors(start: LoadStart, input: TableInput | undefined, options: LoadNetworkOptions, tick?: () => void): { actors: ActorColumns; resolution: EndResolution } {
  let actors = new ActorColumns();
  let rejected: Map<string, IdTrail> | undefined;
  let declared: DeclaredIds | undefined;
  if (input !== undefined && 'table' in input) {
    const result = loadActors(input.table, start.geography, start.problems, undefined, tick, start.vocabulary);
    actors = result.actors;
    rejected = result.rejected;
    declared = result.declared;
    start.files.push(result.report);
  } else if (input !== undefined) {
    rejected = new Map<string, IdTrail>();
    const trail = rejected;
    const read = readInLoop(input, (head, problems) => actorReader(head, start.geography, problems, trail, start.vocabulary, tick));
    start.problems.push(...read.problems);
    start.files.push(read.result.report);
    actors = read.result.items;
    declared = read.result.declared;
  }
  const resolution = resolutionFor(start.geography, actors, options, { explicit: start.explicit, actorsTable: input !== undefined, ...(rejected && { rejected }), ...(declared && { declared }) });
  return { actors, resolution };
}
