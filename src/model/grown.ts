/**
 * `array` with room for `needed` items, its items kept: the same array when
 * it has the room, else a new one of `make`, at least twice as long (so
 * appending n items copies O(n) in all). The growth of every typed column.
 */
export function grown<A extends Int32Array | Float64Array | Uint8Array>(array: A, needed: number, make: (n: number) => A): A {
  if (needed <= array.length) return array;
  const bigger = make(Math.max(array.length * 2, needed));
  bigger.set(array);
  return bigger;
}
