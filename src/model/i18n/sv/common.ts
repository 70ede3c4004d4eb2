import type { Section } from '../types.js';
import type { common as en } from '../en/common.js';

/** Words every part of samverkan shares (Swedish). */
export const common: Section<typeof en> = {
  'language.name': 'svenska',
  'list.and': 'och',
  'list.or': 'eller',
  'unknown': 'okänt',
  'yes': 'ja',
  'no': 'nej',
  'scope.words.plain': 'en ren graf (utan geografi)',
  'scope.words.national': 'hela {name}',
  'scope.words.counties': '{n} län: {counties}',
  'scope.words.municipalities.one': '{n} kommun ({names}) i {counties}',
  'scope.words.municipalities.other': '{n} kommuner ({names}) i {counties}',
  'scope.words.more': '{names} och {n} till',
  'scope.basis.actors': 'var datans aktörer finns',
  'scope.basis.links': 'kommunerna som dess länkar nämner',
  'part.ofTotal': '{part} av {total}',
};
