import { CapacityError } from './errors.js';

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

const GIB = 1024 ** 3;

/**
 * Throw a {@link CapacityError} when the heap is more than {@link HEAP_FULL}
 * full: a clear message while the process can still give one, instead of a
 * crash ("JavaScript heap out of memory", exit 134) that nothing can catch.
 * `where` says what was being done. Loaders call it every few thousand rows;
 * it costs a microsecond. Outside Node.js it does nothing.
 */
export function checkHeap(where: () => string): void {
  const v8 = nodeBuiltin('node:v8');
  if (!v8) return;
  const { used_heap_size: used, heap_size_limit: limit } = v8.getHeapStatistics();
  if (used <= HEAP_FULL * limit) return;
  const gib = (n: number) => `${(n / GIB).toFixed(1)} GiB`;
  throw new CapacityError(
    `${where()}: the JavaScript heap is ${Math.round((used / limit) * 100)}% full (${gib(used)} of ${gib(limit)}), so the input is too large for this process. ` +
      `Give Node.js more memory (NODE_OPTIONS=--max-old-space-size=${Math.ceil((limit * 2) / 1024 ** 2)}), or load fewer links (a date range, one county)`,
  );
}
