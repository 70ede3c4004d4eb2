/** The kind vocabulary of a load: the model's words, the geography's (its country's) and a kinds file's. */
import { because, type FileReport, type Problem } from '../../model/load-report.js';
import { foldKind, geographyKindVocabulary, kindWord, type KindVocabulary, VOCABULARY_KINDS } from '../../model/kinds.js';
import type { Geography, KindWord } from '../../model/schema.js';
import { checkHeader } from '../header.js';
import { readTable, type TableSource } from '../source.js';
import type { LoadNetworkOptions } from './options.js';
import { readRecord } from './record.js';

/** Accepted header names of a kinds file. */
export const KIND_FILE_COLUMNS = {
  word: ['word', 'term', 'ord', 'typ', 'type', 'name', 'namn', 'text'],
  kind: ['kind', 'samverkan_kind', 'maps_to', 'kategori', 'category'],
} as const;

/**
 * The vocabulary of a load: the geography's (the model's words and its
 * country's, {@link geographyKindVocabulary}) plus the `kindsFile` option's, which
 * win. A kinds file's rows are accounted for like any input's (a file
 * report of role `kinds`); an empty word or kind rejects its row.
 */
export function kindVocabularyOf(kinds: LoadNetworkOptions['kindsFile'], problems: Problem[], files: FileReport[], geography: Geography): KindVocabulary {
  const base = geographyKindVocabulary(geography);
  if (kinds === undefined) return base;
  if (typeof kinds === 'object' && !Array.isArray(kinds) && !(kinds instanceof Uint8Array) && !(kinds instanceof URL) && !('text' in kinds) && !('bytes' in kinds) && !('path' in kinds)) {
    return base.with(kinds as Readonly<Record<string, string>>);
  }
  const { words, report } = readKindsFile(kinds as TableSource, problems);
  files.push(report);
  return base.with(words);
}

/**
 * The rows of a kinds file (columns word, kind; see {@link KIND_FILE_COLUMNS}):
 * each word as written with its kind (snake_case), a word given twice with
 * the same kind merged; the problems of its rows pushed to `problems`, and
 * the file's accounting.
 */
export function readKindsFile(source: TableSource, problems: Problem[]): { words: KindWord[]; report: FileReport } {
  const table = readTable(source, '(kinds)');
  const report: FileReport = { file: table.file, role: 'kinds', rows: 0, loaded: 0, merged: 0, rejected: 0, blank: table.blankRows.length };
  report.rows += table.blankRows.length;
  const columns = checkHeader<keyof typeof KIND_FILE_COLUMNS>(table, KIND_FILE_COLUMNS, ['word', 'kind'], problems);
  const words: KindWord[] = [];
  const seen = new Map<string, { row: number; kind: string }>();
  for (const record of table.records) {
    report.rows++;
    if (!columns) {
      report.rejected++;
      continue;
    }
    const { cell, error: err, errors } = readRecord(table, columns, record, problems);
    const word = cell('word');
    const kind = kindWord(cell('kind'));
    if (word === '') err('word', undefined, because('kinds.word_empty'));
    if (kind === '') err('kind', cell('kind') || undefined, because('kinds.kind_empty', { kinds: VOCABULARY_KINDS.join(', ') }));
    const earlier = seen.get(foldKind(word));
    if (errors.length === 0 && earlier !== undefined && earlier.kind !== kind) err('word', word, because('kinds.word_mapped', { kind: JSON.stringify(earlier.kind), row: earlier.row }));
    if (errors.length > 0) {
      problems.push(...errors);
      report.rejected++;
      continue;
    }
    if (earlier !== undefined) report.merged++;
    else {
      seen.set(foldKind(word), { row: record.row, kind });
      words.push({ word, kind });
      report.loaded++;
    }
  }
  return { words, report };
}
