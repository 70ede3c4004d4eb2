/** Words every part of samverkan shares (English). */
export const common = {
  'language.name': 'English',
  'list.and': 'and',
  'list.or': 'or',
  'unknown': 'unknown',
  'yes': 'yes',
  'no': 'no',
  // A scope in words (Scope.description is the English; describeScope says it in a language).
  'scope.words.plain': 'a plain graph (no geography)',
  'scope.words.national': 'all of {name}',
  'scope.words.counties': '{n} counties: {counties}',
  'scope.words.municipalities.one': '{n} municipality ({names}) in {counties}',
  'scope.words.municipalities.other': '{n} municipalities ({names}) in {counties}',
  'scope.words.more': '{names} and {n} more',
  'scope.basis.actors': 'where the actors of the data are',
  'scope.basis.links': 'the municipalities its links name',
  'part.ofTotal': '{part} of {total}',
} as const;
