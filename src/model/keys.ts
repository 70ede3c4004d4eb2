/**
 * graphology keeps each node's neighbours in plain objects, so a node key
 * that names an `Object.prototype` member (`constructor`, `toString`,
 * `__proto__`…) makes it see edges that do not exist. samverkan accepts any
 * string as an actor id, so graph keys go through {@link nodeKey}: ordinary
 * ids are their own key; the dozen prototype names (and ids that begin with
 * the escape mark) get the mark `␛` in front. The actor id is always the
 * node's `id` attribute, and {@link actorIdOf} reverses the mapping.
 */
export const KEY_ESCAPE = '\u241B';

/**
 * The names of `Object.prototype`'s properties. A set, not `id in
 * Object.prototype`: `in` makes V8 internalise every id it is asked about,
 * a second of a million-actor network's load (issue 16).
 */
const PROTOTYPE_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype));

/** The graphology node key for an actor id. */
export function nodeKey(id: string): string {
  return PROTOTYPE_NAMES.has(id) || id.startsWith(KEY_ESCAPE) ? KEY_ESCAPE + id : id;
}

/** The actor id for a graphology node key made by {@link nodeKey}. */
export function actorIdOf(key: string): string {
  return key.startsWith(KEY_ESCAPE) ? key.slice(KEY_ESCAPE.length) : key;
}
