import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * One error base class (issue 13): an error thrown on purpose is a
 * `SamverkanError` (or a kernel's `RangeError` counted as one), with a code
 * and a sentence in every language. A plain `Error`, `TypeError` or
 * `RangeError` thrown in src/ is an internal invariant, whose message starts
 * with `unreachable:`, or one of the files below, each with how many it has
 * and why.
 */
const ALLOWED: Readonly<Record<string, { count: number; why: string }>> = {
  'src/model/i18n/index.ts': { count: 2, why: 'a catalogue key or placeholder missing: a bug in samverkan, not input' },
  'src/model/i18n/problem.ts': { count: 1, why: 'a catalogue key missing: a bug in samverkan, not input' },
  'src/model/frozen.ts': { count: 1, why: 'a shared frozen map written to: the TypeError a frozen object gives' },
  'src/model/network-storage.ts': { count: 1, why: 'the storage’s own pair numbering' },
};

/** Error classes on a base other than `SamverkanError`, each with why. */
const OTHER_BASES: Readonly<Record<string, string>> = {
  SamverkanError: 'the base itself',
  KernelOptionsError: 'a RangeError (the kernels’ contract) counted as an OptionsError (countAsSamverkanError)',
  KernelArgumentError: 'a RangeError (the kernels’ contract) counted as an ArgumentError (countAsSamverkanError)',
  UsageError: 'the CLI’s bad usage (exit 2), caught by run() and never out of the CLI',
  OutputError: 'the CLI’s failure to write its output (exit 1), caught by run()',
  ChunkReadError: 'the loader’s internal signal that a chunk could not be read, turned into a problem',
  NotUtf8Error: 'control flow of the text reader: read again as Windows-1252',
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** The plain errors `text` throws: the class and the first characters of the message, with `unreachable:` ones left out. */
export function plainThrows(text: string): string[] {
  return [...text.matchAll(/throw new (Error|TypeError|RangeError)\(\s*([^\n]{0,40})/g)]
    .filter((m) => !/^['"`]unreachable:/.test(m[2]!))
    .map((m) => `${m[1]}(${m[2]}`);
}

describe('errors thrown on purpose', () => {
  const found = new Map<string, string[]>();
  for (const path of files('src')) {
    const throws = plainThrows(readFileSync(path, 'utf8'));
    if (throws.length > 0) found.set(relative('.', path).split('\\').join('/'), throws);
  }

  it('the scanner sees a plain throw, over lines too, and lets an internal invariant pass', () => {
    expect(plainThrows("if (x) throw new Error('bad');\nthrow new TypeError(\n  `no ${x}`,\n);")).toEqual(["Error('bad');", 'TypeError(`no ${x}`,']);
    expect(plainThrows("throw new Error('unreachable: settles'); throw new ArgumentError('x'); throw new RangeErrorLike('y');")).toEqual([]);
  });

  it('are SamverkanErrors: no plain Error, TypeError or RangeError outside the internal invariants', () => {
    const unexpected = [...found].filter(([path]) => !Object.hasOwn(ALLOWED, path)).map(([path, throws]) => `${path}: ${throws.join(' | ')}`);
    expect(unexpected, 'throw a SamverkanError subclass (see src/model/errors.ts), or start an internal invariant’s message with "unreachable:"').toEqual([]);
  });

  it('error classes extend SamverkanError, or are one of the few on another base', () => {
    const classes = files('src').flatMap((path) => [...readFileSync(path, 'utf8').matchAll(/class (\w+) extends (?:Error|TypeError|RangeError)\b/g)].map((m) => m[1]!));
    expect(classes.filter((name) => !Object.hasOwn(OTHER_BASES, name))).toEqual([]);
    expect(Object.keys(OTHER_BASES).filter((name) => !classes.includes(name)), 'entries for classes that are gone').toEqual([]);
  });

  it('each file of the allow-list still has exactly its count (a new throw there is not allowed by it, a mended one leaves the list)', () => {
    const counts = Object.fromEntries(Object.keys(ALLOWED).map((path) => [path, found.get(path)?.length ?? 0]));
    expect(counts).toEqual(Object.fromEntries(Object.entries(ALLOWED).map(([path, a]) => [path, a.count])));
  });
});
