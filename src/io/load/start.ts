/** What every load starts with, before any row of actors or links: the geography, the kind vocabulary, the accounting. */
import type { KindVocabulary } from '../../model/kinds.js';
import type { FileReport, Problem } from '../../model/load-report.js';
import type { Actor, Geography } from '../../model/schema.js';
import { readTable } from '../source.js';
import { loadActors } from './actors.js';
import { resolutionFor, type EndResolution, type IdTrail } from './ends.js';
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
  return { geography, explicit, problems, files, vocabulary: kindVocabularyOf(options.kinds, problems, files, geography) };
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
  if (actorsTable) {
    const result = loadActors(actorsTable, start.geography, start.problems, undefined, tick, start.vocabulary);
    actors = result.actors;
    rejected = result.rejected;
    start.files.push(result.report);
  }
  const resolution = resolutionFor(start.geography, actors, options, { explicit: start.explicit, actorsTable: actorsTable !== undefined, ...(rejected && { rejected }) });
  return { actors, resolution };
}
