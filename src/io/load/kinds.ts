/** The kind vocabulary of a load: the built-in words plus a kinds file's. */
import { because, type FileReport, type Problem } from '../../model/load-report.js';
import { DEFAULT_KINDS, foldKind, KindVocabulary, kindWord, VOCABULARY_KINDS } from '../../model/kinds.js';
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
    if (word === '') err('word', undefined, because('kinds.word_empty'));
    if (kind === '') err('kind', cell('kind') || undefined, because('kinds.kind_empty', { kinds: VOCABULARY_KINDS.join(', ') }));
    const earlier = seen.get(foldKind(word));
    if (errors.length === 0 && earlier !== undefined && words.get(foldKind(word)) !== kind) err('word', word, because('kinds.word_mapped', { kind: JSON.stringify(words.get(foldKind(word))), row: earlier }));
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
