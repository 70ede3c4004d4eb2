/**
 * Read-only at run time, not only in the types: what a cache hands out as
 * is (see cache.ts) is shared by every later call, so a caller's change to
 * it would change their results. `Object.freeze` does this for objects and
 * arrays; a `Map` needs its writers replaced as well.
 */

function refuse(): never {
  throw new TypeError('samverkan: this map is shared by later calls and cannot be changed (copy it: new Map(map))');
}

/** `map`, with `set`, `delete` and `clear` throwing a `TypeError`, frozen. */
export function frozenMap<K, V>(map: Map<K, V>): ReadonlyMap<K, V> {
  for (const name of ['set', 'delete', 'clear'] as const) Object.defineProperty(map, name, { value: refuse, enumerable: false, writable: false, configurable: false });
  return Object.freeze(map);
}

/** A map whose values are arrays, with the arrays and the map frozen. */
export function frozenListMap<K, V>(map: Map<K, V[]>): ReadonlyMap<K, readonly V[]> {
  for (const list of map.values()) Object.freeze(list);
  return frozenMap(map);
}

/** `value` with every plain object and array reachable from it frozen (for shared data such as an embedded geography). */
export function deepFrozen<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value) || ArrayBuffer.isView(value) || value instanceof Map || value instanceof Set) return value;
  for (const key of Object.keys(value)) deepFrozen((value as Record<string, unknown>)[key]);
  return Object.freeze(value);
}
