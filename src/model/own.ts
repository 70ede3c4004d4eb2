/**
 * Own properties from user data. `record[key] = value` with a key such as
 * `__proto__` sets the object's prototype instead of a property (and
 * `constructor` shadows what it should not); `Object.defineProperty` always
 * makes an own, enumerable property, whatever the key.
 */

/** Set an own, enumerable, writable property, even for keys such as `__proto__`. */
export function setOwn<T>(target: Record<string, T>, key: string, value: NoInfer<T>): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A record of own properties from key–value pairs (see {@link setOwn}). */
export function ownRecord<T>(entries: Iterable<readonly [string, T]>): Record<string, T> {
  const record: Record<string, T> = {};
  for (const [key, value] of entries) setOwn(record, key, value);
  return record;
}
