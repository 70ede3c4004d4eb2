/**
 * The one cache of everything derived from an immutable object (or once per
 * process, {@link PROCESS}): a network
 * (projections, views, coverage, recommender features), a geography
 * (indexes, border graphs, distances), a country's kind words (their
 * vocabulary), a map's feature collection (prepared, its frames and subsets)
 * or one feature (its label position). Entries live as long as their owner
 * (a `WeakMap`), and a key names the function and its options
 * (`'projection:[["joint_body"],"any"]'`), so two functions never share one.
 * What is cached is shared: the functions that hand results to callers give
 * them copies (a test mutates every result and calls again).
 */
const caches = new WeakMap<object, Map<string, unknown>>();

/**
 * The owner of what is derived once per process, from no object (a number
 * format, the shipped model): `cached(PROCESS, key, …)`, so a global memo is
 * keyed and kept by the same rule as the others.
 */
export const PROCESS: object = Object.freeze({});

/** The value of `key` for `owner`, computed once. */
export function cached<T>(owner: object, key: string, compute: () => T): T {
  let cache = caches.get(owner);
  if (!cache) caches.set(owner, (cache = new Map()));
  if (cache.has(key)) return cache.get(key) as T;
  const value = compute();
  cache.set(key, value);
  return value;
}
