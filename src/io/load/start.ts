/** What every load starts with, before any row of actors or links: the geography, the kind vocabulary, the accounting. */
import type { KindVocabulary } from '../../model/kinds.js';
import type { FileReport, Problem } from '../../model/load-report.js';
import type { Actor, Geography } from '../../model/schema.js';
import { readTable, tableBytes, type TableSource } from '../source.js';
import { actorReader, loadActors } from './actors.js';
import { resolutionFor, type DeclaredIds, type EndResolution, type IdTrail } from './ends.js';
import { memoryChunks } from './files.js';
import { chunkedRows, drive, wholeFileProblem, type ReaderFactory } from './rows.js';
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

/** The actors table (read in memory), and how the link ends of the load resolve given it. */
export function startActors(
  start: LoadStart,
  actorsTable: ReturnType<typeof readTable> | undefined,
  options: LoadNetworkOptions,
  tick?: () => void,
): { actors: Actor[]; resolution: EndResolution } {
  let actors: Actor[] = [];
  let rejected: Map<string, IdTrail> | undefined;
  let declared: DeclaredIds | undefined;
  if (actorsTable) {
    const result = loadActors(actorsTable, start.geography, start.problems, undefined, tick, start.vocabulary);
    actors = result.actors;
    rejected = result.rejected;
    declared = result.declared;
    start.files.push(result.report);
  }
  const resolution = resolutionFor(start.geography, actors, options, { explicit: start.explicit, actorsTable: actorsTable !== undefined, ...(rejected && { rejected }), ...(declared && { declared }) });
  return { actors, resolution };
}

/**
 * {@link startActors} from the actors source itself: a file or bytes are
 * read by the row loop (`rows.ts`) straight into the actors reader, their
 * simple lines from the bytes and no table of records held (issue 16);
 * other sources (CSV text, rows) as a table in memory. The actors, the
 * problems and the report are the same either way.
 */
export function startActorsFrom(start: LoadStart, source: TableSource | undefined, options: LoadNetworkOptions): { actors: Actor[]; resolution: EndResolution } {
  const bytes = source !== undefined ? tableBytes(source, '(actors)') : undefined;
  if (bytes === undefined) return startActors(start, source !== undefined ? readTable(source, '(actors)', { recordIssues: true }) : undefined, options);
  const rejected = new Map<string, IdTrail>();
  const makeReader: ReaderFactory<ReturnType<typeof actorReader>> = (head, problems) => actorReader(head, start.geography, problems, rejected, start.vocabulary);
  const read = 'reason' in bytes ? wholeFileProblem(bytes.file, bytes, makeReader) : drive(chunkedRows(bytes.file, makeReader, bytes.bytes.length, undefined, true), memoryChunks(bytes.bytes));
  start.problems.push(...read.problems);
  start.files.push(read.result.report);
  const actors = read.result.items;
  return { actors, resolution: resolutionFor(start.geography, actors, options, { explicit: start.explicit, actorsTable: true, rejected, declared: read.result.declared }) };
}
