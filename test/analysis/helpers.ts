/**
 * Helpers for the network-level tests of `src/analysis`: build small
 * networks through the public loader (so ids go through the same path as
 * users' data), compare rows by id, and check the tidy-row contract.
 */
import { expect } from 'vitest';
import { OptionsError } from '../../src/model/options.js';
import { loadNetwork } from '../../src/io/load-network.js';
import { swedenGeography } from '../../src/io/sweden.js';
import type { ScopeOption } from '../../src/model/scope.js';
import type { CooperationNetwork } from '../../src/model/network.js';
import type { Geography } from '../../src/model/schema.js';

export interface ActorSpec {
  id: string;
  kind: string;
  name?: string;
  municipality?: string;
  county?: string;
}

/** A link `[source, target, weight?, kind?]`; ends may be actor ids or municipality codes. */
export type LinkSpec = readonly [string, string, number?, string?];

/**
 * Load a network from actor and link rows (arrays of plain objects, read
 * like CSV rows by `loadNetwork`) over the Swedish geography, or `geography`,
 * given explicitly (so link ends may be municipality codes), covering the
 * whole geography unless `scope` says otherwise: these tests are about the
 * measures' definitions on all municipalities.
 */
export function network(actors: readonly ActorSpec[], links: readonly LinkSpec[], geography?: Geography, scope: ScopeOption = 'all'): CooperationNetwork {
  return loadNetwork(
    {
      ...(actors.length > 0 && {
        actors: actors.map((a) => ({ id: a.id, name: a.name ?? a.id, kind: a.kind, municipality: a.municipality ?? '', county: a.county ?? '' })),
      }),
      ...(links.length > 0 && {
        links: links.map(([source, target, weight, kind]) => ({ source, target, weight: weight ?? 1, kind: kind ?? '' })),
      }),
      geography: geography ?? swedenGeography(),
    },
    { scope },
  );
}

/** The empty network over Sweden, every municipality in scope (an empty input alone is an empty plain graph). */
export function emptySweden(): CooperationNetwork {
  return loadNetwork({ geography: swedenGeography() }, { scope: 'all' });
}

/** Rows keyed by `id`, failing on a duplicate id. */
export function byId<T extends { id: string }>(rows: readonly T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const r of rows) {
    expect(map.has(r.id), `duplicate row for ${r.id}`).toBe(false);
    map.set(r.id, r);
  }
  return map;
}

/** |actual − expected| ≤ tol, with a message naming the value. */
export function close(actual: number | null | undefined, expected: number, what: string, tol = 1e-6): void {
  expect(typeof actual, `${what}: ${actual}`).toBe('number');
  expect(Math.abs((actual as number) - expected), `${what}: got ${actual}, expected ${expected}`).toBeLessThanOrEqual(tol);
}

/**
 * The tidy-row contract: `columns` lists exactly the keys of every row, in
 * order, and is not enumerable (so `Object.keys`, spreading and JSON do not
 * see it).
 */
export function expectTidy(rows: readonly object[] & { columns?: readonly string[] }, label = 'rows'): void {
  expect(Array.isArray(rows), label).toBe(true);
  const columns = rows.columns;
  expect(Array.isArray(columns), `${label}.columns`).toBe(true);
  const descriptor = Object.getOwnPropertyDescriptor(rows, 'columns');
  expect(descriptor?.enumerable, `${label}.columns enumerable`).toBe(false);
  expect(Object.keys(rows).includes('columns'), `${label}: columns in Object.keys`).toBe(false);
  expect(JSON.parse(JSON.stringify(rows)), `${label}: JSON is a plain array`).toHaveLength(rows.length);
  rows.forEach((row, i) => {
    expect(Object.getPrototypeOf(row), `${label}[${i}] is a plain record`).toBe(Object.prototype);
    expect(Object.keys(row), `${label}[${i}] keys`).toEqual(columns);
  });
}

/** No NaN, ±Infinity or undefined anywhere in a JSON-able value (JSON would turn them into null or drop them). */
export function expectNoSurprises(value: unknown, path = '$'): void {
  if (value === undefined) throw new Error(`${path} is undefined`);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`${path} is ${value}`);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => expectNoSurprises(v, `${path}[${i}]`));
    return;
  }
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) expectNoSurprises(v, `${path}.${k}`);
  }
}

/** `f` throws an OptionsError naming `fn` and an option whose path starts with `field`. */
export function expectOptionsError(f: () => unknown, fn: string, field: string): void {
  let error: unknown;
  try {
    f();
  } catch (e) {
    error = e;
  }
  expect(error, `expected an OptionsError for ${field}`).toBeInstanceOf(OptionsError);
  const { option, message } = error as OptionsError;
  expect(option === field || option.startsWith(`${field}.`), `option ${option}`).toBe(true);
  expect(message.startsWith(`${fn}: option ${option}: `), message).toBe(true);
}
