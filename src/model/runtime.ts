import { CapacityError } from './errors.js';
import { said, type Said } from './options.js';

/** The Node.js built-in modules samverkan uses, by id. */
interface NodeBuiltins {
  'node:fs': typeof import('node:fs');
  'node:worker_threads': typeof import('node:worker_threads');
  'node:v8': typeof import('node:v8');
}

/**
 * A Node.js built-in module, looked up at run time with
 * `process.getBuiltinModule`, or `undefined` where there is none (a browser):
 * bundlers then do not pull in `fs` or `worker_threads`, and what needs no
 * file or thread (text, rows, one-thread analyses) works everywhere.
 */
export function nodeBuiltin<K extends keyof NodeBuiltins>(id: K): NodeBuiltins[K] | undefined {
  return (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule?.(id) as NodeBuiltins[K] | undefined;
}

/**
 * How full the JavaScript heap may be (a share of its limit) before a load
 * stops with a {@link CapacityError}. V8 collects garbage well before this,
 * so a heap this full holds live data, and what is left would not hold the
 * rest of a large input.
 */
export const HEAP_FULL = 0.85;

/** Bytes of room a loader keeps per row read so far: its tables grow by doubling, so the next growth needs about a copy of them. */
export const HEAP_RESERVE_PER_ROW = 128;

const GIB = 1024 ** 3;
const YOUNG = 48 * 1024 * 1024;

/**
 * Throw a {@link CapacityError} when the heap is more than {@link HEAP_FULL}
 * full, or has less room left than `reserve` bytes (what the caller's tables
 * may need to grow once more: see {@link HEAP_RESERVE_PER_ROW}): a clear
 * message while the process can still give one, instead of a crash
 * ("JavaScript heap out of memory", exit 134) that nothing can catch.
 * `where` says what was being done (a catalogue sentence, so a Swedish
 * message is Swedish throughout), made by the caller when a check is due:
 * not a closure, which over a loop's row number costs a context allocated
 * every row (issue 16: a fifth of a million-link load's garbage). Loaders
 * call it every few thousand rows; it costs a microsecond. Outside Node.js
 * it does nothing.
 */
export function checkHeap(where: Said, reserve = 0): void {
  const v8 = nodeBuiltin('node:v8');
  if (!v8) return;
  const { used_heap_size: used, heap_size_limit: total } = v8.getHeapStatistics();
  // The limit counts V8's young generation (three semi-spaces of 16 MiB on 64-bit), which the long-lived tables cannot use.
  const limit = total > 4 * YOUNG ? total - YOUNG : total / 2;
  if (limit - used >= Math.max((1 - HEAP_FULL) * limit, reserve)) return;
  const gib = (n: number) => `${(n / GIB).toFixed(2)} GiB`;
  throw new CapacityError(
    said('errors.capacity.heapFull', { where, percent: Math.round((used / limit) * 100), used: gib(used), limit: gib(limit), mb: Math.ceil((limit * 2) / 1024 ** 2) }),
  );
}
