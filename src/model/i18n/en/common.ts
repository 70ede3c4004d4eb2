/** Words every part of samverkan shares (English). */
export const common = {
  'language.name': 'English',
  'list.and': 'and',
  'list.or': 'or',
  'unknown': 'unknown',
  'yes': 'yes',
  'no': 'no',
  'part.ofTotal': '{part} of {total}',
} as const;
