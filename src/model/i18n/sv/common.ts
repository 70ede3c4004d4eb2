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
  'part.ofTotal': '{part} av {total}',
};
