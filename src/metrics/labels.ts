/**
 * Labels numbered by first appearance: the dense ids the community and
 * brokerage kernels work with. Internal.
 */

/**
 * Number the labels `0, 1, …` in the order they first appear among the
 * first `n` entries (default: all); entries that are `undefined` (or beyond
 * `labels.length`) get -1. Equal labels (`Map` key equality) get one id.
 */
export function firstSeenIds<T>(labels: ArrayLike<T | undefined>, n = labels.length): { ids: Int32Array; count: number } {
  const seen = new Map<T, number>();
  const ids = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const label = i < labels.length ? labels[i] : undefined;
    if (label === undefined) {
      ids[i] = -1;
      continue;
    }
    let id = seen.get(label);
    if (id === undefined) seen.set(label, (id = seen.size));
    ids[i] = id;
  }
  return { ids, count: seen.size };
}
