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

// The makers of grown()'s arrays, made once: an arrow written at the call is a
// closure allocated on every call, a hundred megabytes of garbage at a million rows.
export const int32s = (n: number): Int32Array<ArrayBuffer> => new Int32Array(n);
export const float64s = (n: number): Float64Array<ArrayBuffer> => new Float64Array(n);
export const uint8s = (n: number): Uint8Array<ArrayBuffer> => new Uint8Array(n);
