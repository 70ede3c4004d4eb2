/** The Node.js built-in modules samverkan uses, by id. */
interface NodeBuiltins {
  'node:fs': typeof import('node:fs');
  'node:worker_threads': typeof import('node:worker_threads');
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
