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

/**
 * The samverkan error classes whose first argument is the message
 * (`constructor(message: string | ErrorSentence, …)`, own or inherited), in
 * `sources` (path → text): built from a string literal, one of these says
 * English in every language. Classes on another base (OTHER_BASES) are left out.
 */
export function messageFirstClasses(sources: readonly string[]): Set<string> {
  const classes = new Map<string, { base: string; first: string | undefined }>();
  for (const text of sources) {
    const decls = [...text.matchAll(/class (\w+) extends (\w+)/g)];
    decls.forEach((m, k) => {
      const body = text.slice(m.index!, decls[k + 1]?.index ?? text.length);
      classes.set(m[1]!, { base: m[2]!, first: /constructor\(\s*(?:readonly\s+)?(\w+)/.exec(body)?.[1] });
    });
  }
  const isSamverkan = (name: string): boolean => name === 'SamverkanError' || (classes.has(name) && isSamverkan(classes.get(name)!.base));
  const first = (name: string): string | undefined => { const c = classes.get(name); return c === undefined ? undefined : c.first ?? first(c.base); };
  return new Set([...classes.keys()].filter((name) => isSamverkan(name) && !Object.hasOwn(OTHER_BASES, name) && first(name) === 'message'));
}

/** The samverkan errors `text` builds from a string literal or template (English only): the class and the first characters. */
export function literalThrows(text: string, classes: ReadonlySet<string>): string[] {
  return [...text.matchAll(/new (\w+)\(\s*(['"`][^\n]{0,40})/g)]
    .filter((m) => classes.has(m[1]!) && !/^['"`]unreachable:/.test(m[2]!))
    .map((m) => `${m[1]}(${m[2]}`);
}

/** Samverkan errors that are built from a literal and stay so, per file, with how many and why (none yet). */
const LITERAL_ALLOWED: Readonly<Record<string, { count: number; why: string }>> = {};

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

  const sources = files('src').map((path) => [relative('.', path).split('\\').join('/'), readFileSync(path, 'utf8')] as const);
  const messageFirst = messageFirstClasses(sources.map(([, text]) => text));
  const literal = new Map(sources.map(([path, text]) => [path, literalThrows(text, messageFirst)] as const).filter(([, t]) => t.length > 0));

  it('the literal scanner knows the classes built from a message, and sees one built from a literal, over lines too', () => {
    expect([...messageFirst].sort()).toEqual(['ArgumentError', 'CapacityError', 'FitError', 'WorkerError']);
    expect(messageFirst.has('OptionsError'), 'OptionsError takes the function first').toBe(false);
    expect(messageFirst.has('SamverkanError'), 'SamverkanError takes the code first').toBe(false);
    expect(messageFirst.has('UsageError'), 'a class on another base').toBe(false);
    const classes = new Set(['ArgumentError', 'CapacityError']);
    expect(literalThrows("throw new ArgumentError('bad');\nthrow new CapacityError(\n  `full ${x}`,\n);", classes)).toEqual(["ArgumentError('bad');", 'CapacityError(`full ${x}`,']);
    expect(literalThrows("throw new ArgumentError(said('errors.x')); throw new OptionsError('fn', 'o', said('y')); new ArgumentError('unreachable: z');", classes)).toEqual([]);
  });

  it('are said in every language: no samverkan error built from a string literal or template (English only)', () => {
    const unexpected = [...literal].filter(([path]) => !Object.hasOwn(LITERAL_ALLOWED, path)).map(([path, throws]) => `${path}: ${throws.join(' | ')}`);
    expect(unexpected, 'build the message with said/saidIn (src/model/options.ts) from keys of the errors catalogues (src/model/i18n/*/errors.ts)').toEqual([]);
    const counts = Object.fromEntries(Object.keys(LITERAL_ALLOWED).map((path) => [path, literal.get(path)?.length ?? 0]));
    expect(counts).toEqual(Object.fromEntries(Object.entries(LITERAL_ALLOWED).map(([path, a]) => [path, a.count])));
  });

  it('each file of the allow-list still has exactly its count (a new throw there is not allowed by it, a mended one leaves the list)', () => {
    const counts = Object.fromEntries(Object.keys(ALLOWED).map((path) => [path, found.get(path)?.length ?? 0]));
    expect(counts).toEqual(Object.fromEntries(Object.entries(ALLOWED).map(([path, a]) => [path, a.count])));
  });
});
