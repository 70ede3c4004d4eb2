/**
 * Numbers, lists and kinds in words, for the plain-language reasons of gaps,
 * recommendations and plans, and for reports. One place, so every sentence
 * samverkan writes formats numbers the same way.
 */

/** A whole number with a no-break space between thousands, as Swedish style writes it: `130 224`. */
export function formatCount(n: number): string {
  const sign = n < 0 ? '-' : '';
  return sign + String(Math.round(Math.abs(n))).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
}

/** `a`, `a and b`, `a, b and c`. */
export function joinNames(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** `1 partner`, `3 partners` (the count formatted with {@link formatCount}). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

const KIND_WORDS: Readonly<Record<string, readonly [string, string]>> = {
  religious: ['religious community', 'religious communities'],
  civil_society: ['civil-society organisation', 'civil-society organisations'],
  authority: ['authority', 'authorities'],
  joint_body: ['joint body', 'joint bodies'],
  county: ['regional actor', 'regional actors'],
  municipality: ['municipality', 'municipalities'],
};

/** An actor kind in words, singular (`count` 1) or plural: `civil_society` → `civil-society organisation(s)`. */
export function kindWords(kind: string, count = 1): string {
  const plain = kind.replace(/_/g, ' ');
  const words = Object.prototype.hasOwnProperty.call(KIND_WORDS, kind) ? KIND_WORDS[kind]! : ([`${plain} actor`, `${plain} actors`] as const);
  return count === 1 ? words[0] : words[1];
}
