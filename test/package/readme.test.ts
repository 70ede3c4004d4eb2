import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands/index.js';
import { message } from '../../src/model/i18n/index.js';

/**
 * The README and the API reference pages under docs/api/ are tested like
 * code (a function's heading is `## \`name(…)\`` on its page):
 *
 * - every export of the package's entries (read with the TypeScript
 *   compiler, so `export *` is followed): the root `src/index.ts` and the
 *   subpaths `samverkan/io` (`src/io.ts`) and `samverkan/format`
 *   (`src/format.ts`) are documented: a function by a heading
 *   `#### \`name(…)\``, a class by `#### \`class Name\``, and every constant,
 *   schema and type at least by name in backticks; a kernel of
 *   `samverkan/kernels` (`src/kernels.ts`) by a table row with
 *   `` `kernels.name(…)` ``;
 * - every CLI subcommand (COMMANDS) has a heading `### \`samverkan <name>\``
 *   and each of its options is named in its section or under "Common options";
 * - every ```ts block is marked `<!-- runnable -->` (a whole module, importing
 *   from 'samverkan') or `<!-- example -->` (a fragment run with `net` = the
 *   demo network, `geo` = Sweden, `kernels`, and in scope the root's exports,
 *   those of the entry its section's `*Import from …*` names and those of its
 *   own `import` lines: see exampleModule); blocks marked
 *   `<!-- file: path -->` are written to disk first, so examples can read
 *   them. All are run with tsx and typechecked with the project's options.
 */

const root = resolve('.');
/** The pages of docs/ beside the API reference: the CLI reference, input formats, reliability, benchmarks. */
const PAGES = ['docs/cli.md', 'docs/input.md', 'docs/reliability.md', 'docs/benchmarks.md'];
/** The API reference pages, one per layer. */
const API = readdirSync(join(root, 'docs', 'api')).filter((f) => f.endsWith('.md')).sort().map((f) => `docs/api/${f}`);
/**
 * The documents tested: the README, the pages of docs/ and the API reference,
 * read as one text whose lines map back to their file (`origin`).
 */
const DOCS = ['README.md', ...PAGES, ...API];
const texts = DOCS.map((file) => readFileSync(join(root, file), 'utf8'));
const readme = texts.join('\n');
const lines = readme.split('\n');
/** The API reference pages alone. */
const reference = texts.slice(1 + PAGES.length).join('\n');
/** The CLI reference alone. */
const cliReference = texts[DOCS.indexOf('docs/cli.md')]!;
const firstLine: number[] = [];
texts.reduce((line, text, i) => ((firstLine[i] = line), line + text.split('\n').length), 1);
/** `file:line` of a line of the joined text (1-based). */
function origin(line: number): string {
  let i = firstLine.length - 1;
  while (i > 0 && firstLine[i]! > line) i--;
  return `${DOCS[i]}:${line - firstLine[i]! + 1}`;
}
const index = join(root, 'src', 'index.ts');
/** The package's entries whose exports the API reference documents by name, as the README imports them. */
const ENTRIES: Readonly<Record<string, string>> = {
  samverkan: index,
  'samverkan/model': join(root, 'src', 'model.ts'),
  'samverkan/io': join(root, 'src', 'io.ts'),
  'samverkan/geo': join(root, 'src', 'geo.ts'),
  'samverkan/report': join(root, 'src', 'report.ts'),
  'samverkan/recommend': join(root, 'src', 'recommend.ts'),
  'samverkan/format': join(root, 'src', 'format.ts'),
};
const KERNELS = join(root, 'src', 'kernels.ts');

/** Subcommands whose sections exist before their code lands (filled in by the recommendation module). */
const PLANNED_COMMANDS = ['recommend', 'plan', 'evaluate'];

type ExportKind = 'function' | 'class' | 'value' | 'namespace' | 'type';
interface Export {
  name: string;
  kind: ExportKind;
}

function compilerOptions(): ts.CompilerOptions {
  const config = ts.readConfigFile(join(root, 'tsconfig.json'), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  return { ...parsed.options, noEmit: true, allowImportingTsExtensions: true };
}

function exportsOf(checker: ts.TypeChecker, module: ts.Symbol): Export[] {
  return checker.getExportsOfModule(module).map((symbol) => {
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    const f = target.flags;
    const kind: ExportKind =
      f & ts.SymbolFlags.Class
        ? 'class'
        : f & ts.SymbolFlags.Function
          ? 'function'
          : f & ts.SymbolFlags.ValueModule
            ? 'namespace'
            : f & ts.SymbolFlags.Variable
              ? 'value'
              : 'type';
    return { name: symbol.name, kind };
  });
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Block {
  /** Marker comment before the fence: `runnable`, `example`, `file: …`, or undefined. */
  marker: string | undefined;
  lang: string;
  /** README line (1-based) of the first line inside the fence. */
  line: number;
  code: string;
}

function codeBlocks(): Block[] {
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\w*)\s*$/.exec(lines[i]!);
    if (!open || open[1] === '') continue;
    let j = i + 1;
    while (j < lines.length && lines[j] !== '```') j++;
    let k = i - 1;
    while (k >= 0 && lines[k]!.trim() === '') k--;
    const marker = k >= 0 ? /^<!-- (runnable|example|file: .+?) -->$/.exec(lines[k]!)?.[1] : undefined;
    blocks.push({ marker, lang: open[1]!, line: i + 2, code: lines.slice(i + 1, j).join('\n') });
    i = j;
  }
  return blocks;
}

/** The text between a heading line and the next heading of the same or a higher level, in `source` (by default every document). */
function section(heading: string, source: readonly string[] = lines): string | undefined {
  const start = source.indexOf(heading);
  if (start < 0) return undefined;
  const level = /^#+/.exec(heading)![0].length;
  let end = start + 1;
  while (end < source.length && !(/^#+ /.test(source[end]!) && /^#+/.exec(source[end]!)![0].length <= level)) end++;
  return source.slice(start, end).join('\n');
}

const entryFile = (entry: string) => (entry === 'samverkan/kernels' ? KERNELS : ENTRIES[entry]);
/** A module's `from 'samverkan…'` specifiers pointed at the sources. */
const fromIndex = (code: string) => code.replace(/from '(samverkan(?:\/\w+)?)'/g, (whole, entry: string) => (entryFile(entry) ? `from ${JSON.stringify(entryFile(entry))}` : whole));

/** Headings of the documents outside code fences: index into `lines`, level. */
const headings: { at: number; level: number }[] = [];
for (let i = 0, fenced = false; i < lines.length; i++) {
  if (/^```/.test(lines[i]!)) fenced = !fenced;
  else if (!fenced && /^#+ /.test(lines[i]!)) headings.push({ at: i, level: /^#+/.exec(lines[i]!)![0].length });
}

/**
 * The entry an example's section tells its reader to import from: the
 * `*Import from \`samverkan/…\`.*` line under the nearest heading above it
 * that has one, looking outward through the enclosing headings up to its
 * page's title; `samverkan` (the root) when none says.
 */
function sectionEntry(blockLine: number): string {
  let level = Infinity;
  for (let h = headings.length - 1; h >= 0; h--) {
    const { at, level: own } = headings[h]!;
    if (at >= blockLine - 1 || own >= level) continue;
    level = own;
    const said = /^\*Import from `([^`]+)`\.\*$/.exec(lines.slice(at + 1).find((l) => l.trim() !== '') ?? '')?.[1];
    if (said) return said;
    if (level === 1) break;
  }
  return 'samverkan';
}

/** `import { … } from 'samverkan…';` lines an example writes itself. */
const OWN_IMPORT = /^import\s+(?:type\s+)?\{([^}]*)\}\s+from\s+'(samverkan(?:\/\w+)?)';?\s*$/;

/**
 * An example as a module: in scope are the root's exports, those of the
 * entry its section names (`entry`), what its own import lines bring, the
 * kernels as `kernels`, and `net` and `geo` from the prelude; nothing else,
 * so an example using a name its reader would not have imported fails to
 * typecheck. Its code starts after `offset` lines.
 */
function exampleModule(block: Pick<Block, 'code' | 'line'>, entry: string): { text: string; offset: number } {
  if (!byEntry.has(entry)) throw new Error(`${origin(block.line)}: the section says to import from ${entry}, which is no entry`);
  const own = new Set<string>();
  const header: string[] = [];
  const code = block.code.split('\n').map((line) => {
    const m = OWN_IMPORT.exec(line);
    if (!m) return line;
    for (const name of m[1]!.split(',')) own.add(name.trim().replace(/^type\s+/, '').split(/\s+as\s+/).pop()!);
    header.push(fromIndex(line));
    return '';
  });
  const seen = new Set([...own, 'net', 'geo', 'failures', 'kernels', 'writeFileSync']);
  for (const from of new Set(['samverkan', entry])) {
    const names = byEntry.get(from)!.filter((e) => !seen.has(e.name) && seen.add(e.name)).map((e) => (e.kind === 'type' ? `type ${e.name}` : e.name));
    header.push(`import { ${names.join(', ')} } from ${JSON.stringify(ENTRIES[from])};`);
  }
  if (!own.has('writeFileSync')) header.push("import { writeFileSync } from 'node:fs';");
  if (!own.has('kernels')) header.push(`import * as kernels from ${JSON.stringify(KERNELS)};`);
  header.push("import { failures, net, geo } from './prelude.mts';");
  const text = [...header, 'try {', ...code, `} catch (error) { failures.push({ line: ${block.line}, error: String((error as Error)?.stack ?? error) }); }`].join('\n') + '\n';
  return { text, offset: header.length + 1 };
}

let program: ts.Program;
let top: Export[];
/** Exports per entry (`samverkan`, `samverkan/io`, …). */
let byEntry: Map<string, Export[]>;
let kernels: Export[];

beforeAll(() => {
  program = ts.createProgram([...Object.values(ENTRIES), KERNELS], compilerOptions());
  const checker = program.getTypeChecker();
  const of = (file: string) => exportsOf(checker, checker.getSymbolAtLocation(program.getSourceFile(file)!)!);
  byEntry = new Map(Object.entries(ENTRIES).map(([entry, file]) => [entry, of(file)]));
  top = [...byEntry.values()].flat();
  kernels = of(KERNELS);
}, 60_000);

describe('README: the API reference', () => {
  it('finds the exports of every entry, each name in one entry only', () => {
    const rootFunctions = byEntry.get('samverkan')!.filter((e) => e.kind === 'function').length;
    expect(rootFunctions).toBeGreaterThan(20);
    // The root is the headline workflow, about 30 functions; a tool around it goes to its layer's subpath.
    expect(rootFunctions, 'root functions: move a tool to its subpath (CONTRIBUTING, "Where an export goes")').toBeLessThanOrEqual(32);
    expect(byEntry.get('samverkan/io')!.some((e) => e.name === 'readGraphFile')).toBe(true);
    expect(byEntry.get('samverkan/format')!.some((e) => e.name === 'toCsv')).toBe(true);
    expect(kernels.some((e) => e.name === 'betweennessCentrality')).toBe(true);
    // A type may be named by two entries (a subpath function's input); a value means one thing.
    const values = top.filter((e) => e.kind !== 'type').map((e) => e.name);
    expect(values.filter((n, i) => values.indexOf(n) !== i)).toEqual([]);
  });

  it('says how many headline functions the root has, as it has them', () => {
    const functions = byEntry.get('samverkan')!.filter((e) => e.kind === 'function').length;
    const said = /the root has the (\d+) headline functions/.exec(readFileSync('README.md', 'utf8'));
    expect(said, 'README: "the root has the N headline functions"').not.toBeNull();
    expect(Number(said![1])).toBe(functions);
    expect(readFileSync('CONTRIBUTING.md', 'utf8')).toContain(`(\`samverkan\`, ${functions} functions)`);
  });

  it('has a heading for every exported function and class', () => {
    const missing = top
      .filter((e) => e.kind === 'function' || e.kind === 'class')
      .filter((e) => {
        const heading = e.kind === 'class' ? `^## \`class ${escape(e.name)}\`` : `^## \`${escape(e.name)}\\(`;
        return !new RegExp(heading, 'm').test(reference);
      })
      .map((e) => (e.kind === 'class' ? `## \`class ${e.name}\`` : `## \`${e.name}(…)\``));
    expect(missing, 'exported but not documented: add these headings to a page of docs/api/').toEqual([]);
  });

  it('names every exported constant, schema and type in backticks', () => {
    const missing = top
      .filter((e) => e.kind === 'value' || e.kind === 'type')
      .filter((e) => !new RegExp(`\`${escape(e.name)}[\`<.(\\[]`).test(readme))
      .map((e) => e.name);
    expect(missing, 'exported but not named in README.md or docs/api/').toEqual([]);
  });

  it('has a row in the kernels table for every kernel, and names the kernel constants and types', () => {
    const rows = lines.filter((l) => l.startsWith('|')).join('\n');
    const missing = kernels.filter((e) =>
      e.kind === 'function'
        ? !rows.includes(`\`kernels.${e.name}(`)
        : !new RegExp(`\`kernels\\.${escape(e.name)}[\`<.(\\[]`).test(readme),
    );
    expect(missing.map((e) => `kernels.${e.name}`), 'kernels not documented in docs/api/metrics-kernels.md').toEqual([]);
  });

  it('says under the heading of a function or class of a subpath which entry to import it from, and nothing under a root one', () => {
    const entryOf = new Map([...byEntry].flatMap(([entry, exports]) => exports.filter((e) => e.kind === 'function' || e.kind === 'class').map((e) => [e.name, entry] as const)));
    const wrong: string[] = [];
    lines.forEach((line, i) => {
      const name = /^## `(?:class )?(?!kernels\.)([A-Za-z_$][\w$]*)/.exec(line)?.[1];
      const entry = name === undefined ? undefined : entryOf.get(name);
      if (entry === undefined) return;
      const said = /^\*Import from `([^`]+)`\.\*$/.exec(lines.slice(i + 1).find((l) => l.trim() !== '') ?? '')?.[1] ?? 'samverkan';
      if (said !== entry) wrong.push(`${origin(i + 1)}: ${name} is exported by ${entry}, the page says ${said}`);
    });
    expect(wrong, 'a subpath function\'s heading is followed by "*Import from `samverkan/…`.*"; a root one by none').toEqual([]);
  });

  it('documents nothing that is not exported', () => {
    const names = new Set(top.map((e) => e.name));
    const documented = [...reference.matchAll(/^## `(?:class )?(?!kernels\.)([A-Za-z_$][\w$]*)/gm)].map((m) => m[1]!);
    expect(documented.filter((n) => !names.has(n)), 'headings for names src/index.ts does not export').toEqual([]);
    const kernelNames = new Set(kernels.map((e) => e.name));
    const rows = [...readme.matchAll(/`kernels\.([A-Za-z_$][\w$]*)/g)].map((m) => m[1]!);
    expect(rows.filter((n) => !kernelNames.has(n)), 'kernels.* names that do not exist').toEqual([]);
  });

  it('keeps the placeholder sections of the recommendation module until it lands', () => {
    expect(section('# Recommendations'), 'the API reference needs a "# Recommendations" page').toBeDefined();
    for (const name of PLANNED_COMMANDS) {
      if (COMMANDS.some((c) => c.name === name)) continue;
      expect(section(`### \`samverkan ${name}\``), `missing placeholder for samverkan ${name}`).toBeDefined();
    }
  });
});

describe('docs/cli.md: the CLI reference', () => {
  const cliLines = cliReference.split('\n');
  it('has a section for every subcommand, and no section for an unknown one', () => {
    const missing = COMMANDS.filter((c) => section(`### \`samverkan ${c.name}\``, cliLines) === undefined).map((c) => c.name);
    expect(missing, 'subcommands without a "### `samverkan <name>`" section in docs/cli.md').toEqual([]);
    const known = new Set([...COMMANDS.map((c) => c.name), ...PLANNED_COMMANDS]);
    const headed = [...readme.matchAll(/^### `samverkan ([\w-]+)`/gm)].map((m) => m[1]!);
    expect(headed.filter((n) => !known.has(n))).toEqual([]);
  });

  it("names every option of every subcommand in the subcommand's section or under Common options", () => {
    const common = section('## Common options', cliLines)!;
    expect(common).toBeDefined();
    const missing: string[] = [];
    for (const command of COMMANDS) {
      const own = section(`### \`samverkan ${command.name}\``, cliLines) ?? '';
      for (const option of Object.keys(command.options)) {
        const re = new RegExp(`\`--${escape(option)}[\` ,]`);
        if (!re.test(own) && !re.test(common)) missing.push(`${command.name} --${option}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('names the exit codes and --debug', () => {
    for (const text of ['| 0 |', '| 1 |', '| 2 |', '`--debug`']) expect(cliReference).toContain(text);
  });

  it("the README's summary has a row per subcommand, in the help's order, with its summary and a link to its section", () => {
    const summary = section('## Command line', readFileSync('README.md', 'utf8').split('\n'));
    expect(summary, 'README: "## Command line"').toBeDefined();
    const rows = [...summary!.matchAll(/^\| \[`samverkan ([\w-]+)`\]\(docs\/cli\.md#([\w-]+)\) \| (.+) \|$/gm)];
    expect(rows.map((r) => r[1])).toEqual(COMMANDS.map((c) => c.name));
    for (const [, name, anchor, said] of rows) {
      expect(anchor, name).toBe(`samverkan-${name}`);
      expect(said, name).toBe(message('en', `cli.summary.${name!}` as never));
    }
  });
});

describe('README: the commands of a fresh machine', () => {
  it('gives the two commands and every npm script', () => {
    expect(readme).toContain('npm install && npm start');
    expect(readme).toContain('npm test');
    const scripts = Object.keys((JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts);
    const named = (s: string) => (s === 'start' || s === 'test' ? readme.includes(`npm ${s}`) : readme.includes(`npm run ${s}`));
    expect(scripts.filter((s) => !named(s))).toEqual([]);
  });
});

describe('README: the examples', () => {
  const blocks = codeBlocks();
  const runnable = blocks.filter((b) => b.marker === 'runnable');
  const examples = blocks.filter((b) => b.marker === 'example');
  const files = blocks.filter((b) => b.marker?.startsWith('file: '));
  let dir: string;
  /** Generated file → README line of its first line, and for the examples module, per-line README lines. */
  const lineMap = new Map<string, (line: number) => number>();

  it('marks every TypeScript block as runnable or as an example', () => {
    const unmarked = blocks.filter((b) => b.lang === 'ts' && b.marker !== 'runnable' && b.marker !== 'example').map((b) => b.line);
    expect(unmarked, 'README lines of ```ts blocks without <!-- runnable --> or <!-- example -->').toEqual([]);
    expect(runnable.length).toBeGreaterThan(2);
    expect(examples.length).toBeGreaterThan(50);
  });

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'samverkan-readme-'));
    for (const b of files) {
      const path = join(dir, b.marker!.slice('file: '.length));
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, b.code + '\n');
    }
    runnable.forEach((b, i) => {
      const file = join(dir, `runnable-${i + 1}.mts`);
      writeFileSync(file, fromIndex(b.code) + '\n');
      lineMap.set(file, (line) => b.line + line - 1);
    });

    // One module per example, in the page's order, with what a reader of its section has
    // in scope (exampleModule); `net`, `geo` and the failures list come from one prelude.
    writeFileSync(
      join(dir, 'prelude.mts'),
      [
        `import { loadNetwork, demoDataset, swedenGeography } from ${JSON.stringify(ENTRIES.samverkan)};`,
        'export const failures: { line: number; error: string }[] = ((globalThis as Record<string, unknown>).readmeFailures ??= []) as never;',
        'export const net = loadNetwork(demoDataset());',
        'export const geo = swedenGeography();',
      ].join('\n') + '\n',
    );
    const exampleFiles = examples.map((b, i) => {
      const file = join(dir, `example-${i + 1}.mts`);
      const module = exampleModule(b, sectionEntry(b.line));
      writeFileSync(file, module.text);
      lineMap.set(file, (line) => (line > module.offset ? b.line + line - module.offset - 1 : 0));
      return file;
    });

    const runner = [
      "import { writeFileSync } from 'node:fs';",
      'const failures: { line: number; error: string }[] = [];',
      '(globalThis as Record<string, unknown>).readmeFailures = failures;',
      `for (const [line, url] of ${JSON.stringify([...runnable.map((b, i) => [b.line, pathToFileURL(join(dir, `runnable-${i + 1}.mts`)).href]), ...examples.map((b, i) => [b.line, pathToFileURL(exampleFiles[i]!).href])])} as [number, string][]) {`,
      '  try { await import(url); } catch (error) { failures.push({ line, error: String((error as Error)?.stack ?? error) }); }',
      '}',
      "writeFileSync('failures.json', JSON.stringify(failures, null, 2));",
    ];
    writeFileSync(join(dir, 'runner.mts'), runner.join('\n') + '\n');
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('runs every runnable block and every example without an error', () => {
    execFileSync(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'runner.mts'], {
      cwd: dir,
      env: { ...process.env, SAMVERKAN_NO_PROGRESS: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
      maxBuffer: 64 * 2 ** 20,
    });
    const failures = JSON.parse(readFileSync(join(dir, 'failures.json'), 'utf8')) as { line: number; error: string }[];
    expect(failures.map((f) => `${origin(f.line)}: ${f.error.split('\n').slice(0, 3).join(' ')}`)).toEqual([]);
  }, 180_000);

  it('typechecks every runnable block and every example', () => {
    const rootNames = [...lineMap.keys()];
    const checked = ts.createProgram(rootNames, compilerOptions(), undefined, program);
    const problems = rootNames.flatMap((file) =>
      ts.getPreEmitDiagnostics(checked, checked.getSourceFile(file)).map((d) => {
        const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0;
        const where = d.file?.fileName && lineMap.has(d.file.fileName) ? origin(lineMap.get(d.file.fileName)!(line)) : (d.file?.fileName ?? '');
        return `${where}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
      }),
    );
    expect(problems).toEqual([]);
  }, 120_000);

  it("gives an example what its section's reader imports and nothing else (a self-test of the scope)", () => {
    const under = (code: string) => examples.find((b) => b.code.includes(code))!;
    expect(sectionEntry(under('swedenMapFeatures().features.length').line)).toBe('samverkan/geo');
    expect(sectionEntry(under('countyBorderLines(').line)).toBe('samverkan/report');
    expect(sectionEntry(examples[0]!.line)).toBe('samverkan');
    // A report example using a name of samverkan/geo fails to typecheck, until it imports it.
    const wrong = join(dir, 'scope-wrong.mts');
    const right = join(dir, 'scope-right.mts');
    writeFileSync(wrong, exampleModule({ code: 'swedenMapFeatures();', line: 1 }, 'samverkan/report').text);
    writeFileSync(right, exampleModule({ code: "import { swedenMapFeatures } from 'samverkan/geo';\nswedenMapFeatures();", line: 1 }, 'samverkan/report').text);
    const checked = ts.createProgram([wrong, right], compilerOptions(), undefined, program);
    const said = (file: string) => ts.getPreEmitDiagnostics(checked, checked.getSourceFile(file)).map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' '));
    expect(said(wrong)).toEqual(["Cannot find name 'swedenMapFeatures'."]);
    expect(said(right)).toEqual([]);
  }, 120_000);
});
