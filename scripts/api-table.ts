// The public API table (docs/api-table.md): every public options object (function,
// option, type, default) and every result row type (key columns, columns). Built
// from the code itself, so test/package/api-table.test.ts can compare it with the
// committed file and check the vocabulary is consistent.
//
//   npm run docs:api-table     regenerate docs/api-table.md

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import type { z } from 'zod';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SRC = join(ROOT, 'src');
export const API_TABLE_FILE = join(ROOT, 'docs', 'api-table.md');

/**
 * The key column(s) of every public row type: what identifies a row. A new row
 * type needs an entry here (the test says so). Rules in the README's "Row
 * conventions": `municipality`, `county` or `id` for rows about one
 * municipality, county or actor; `source`/`target` for pairs.
 */
export const ROW_KEYS: Readonly<Record<string, readonly string[]>> = {
  ArticulationRow: ['scope', 'id'],
  BodyCaseRow: ['method', 'group', 'municipality'],
  BodyEvaluationRow: ['method'],
  BridgeRow: ['source', 'target'],
  CapabilityCoverageRow: ['county', 'capability'],
  CapabilityStateCountRow: ['county', 'municipality'],
  SyntheticCapabilityRow: ['municipality', 'actor', 'capability', 'since'],
  CapabilityGapRow: ['municipality'],
  CompetenceReachRow: ['municipality', 'capability'],
  MunicipalityCapabilityRow: ['municipality', 'capability'],
  BrokerageRow: ['id'],
  CentralityRow: ['id'],
  CommunityAssignmentRow: ['id'],
  CommunityCountyRow: ['community', 'county'],
  CommunitySummaryRow: ['community'],
  ComponentRow: ['component'],
  CountyCoverageRow: ['county'],
  CountySummaryRow: ['county'],
  EvaluationRow: ['method'],
  GapRow: ['type', 'subject', 'kind'],
  GraphEdgeRow: ['source', 'target'],
  GraphNodeRow: ['id'],
  KCoreRow: ['id'],
  LinkScoreRow: ['source', 'target', 'method'],
  MunicipalityCentralityRow: ['municipality'],
  MunicipalityCoverageRow: ['municipality'],
  NeighbourRow: ['municipality', 'neighbour'],
  PlanStepRow: ['step'],
  RecommendationRow: ['municipality', 'candidate'],
  SmallMunicipalityRow: ['municipality'],
};

/**
 * Functions that parse their options through a shared helper (`parseOptions(schema, options, fn)`
 * with `schema` or `fn` a parameter of the helper), with the schema each passes, and where it is
 * declared when its name alone is ambiguous.
 */
const PARSED_BY_HELPER: readonly { fn: string; schema: string }[] = [
  { fn: 'coverageByMunicipality', schema: 'CoverageOptionsSchema' },
  { fn: 'coverageByCounty', schema: 'CoverageOptionsSchema' },
  { fn: 'recommendForCounty', schema: 'BatchOptionsSchema' },
  { fn: 'recommendAll', schema: 'BatchOptionsSchema' },
  { fn: 'loadNetwork', schema: 'LoadNetworkOptionsSchema' },
  { fn: 'loadNetworkStream', schema: 'LoadNetworkStreamOptionsSchema' },
  { fn: 'competenceReach', schema: 'CompetenceReachOptionsSchema' },
  { fn: 'capabilityGaps', schema: 'CapabilityGapsOptionsSchema' },
  { fn: 'toGexf', schema: 'GraphExportOptionsSchema' },
  { fn: 'toGraphml', schema: 'GraphExportOptionsSchema' },
  { fn: 'nodeTable', schema: 'GraphExportOptionsSchema' },
  { fn: 'edgeTable', schema: 'GraphExportOptionsSchema' },
  { fn: 'renderReport', schema: 'ReportOptionsSchema' },
  { fn: 'renderReportMarkdown', schema: 'ReportOptionsSchema' },
  { fn: 'syntheticNetwork', schema: 'SyntheticNetworkOptionsSchema' },
  { fn: 'writeSyntheticNetwork', schema: 'SyntheticNetworkOptionsSchema' },
];

/**
 * Public functions that take an `options` argument and are in no row of the table, each with
 * why (the test requires every other one to be there).
 */
export const OPTIONS_NOT_TABLED: Readonly<Record<string, string>> = {};

export interface OptionEntry {
  fn: string;
  schema: string;
  option: string;
  type: string;
  default: string;
}

export interface RowColumn {
  name: string;
  type: string;
}

export interface RowEntry {
  row: string;
  key: readonly string[];
  columns: RowColumn[];
}

export interface ApiTable {
  options: OptionEntry[];
  rows: RowEntry[];
  /** Every public function (root and subpaths, not the kernels) with a parameter named `options`: each should have rows in `options`. */
  takesOptions: string[];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

/** The names the package root exports, the kernels' names (`samverkan/kernels`), and the program to read their types from. */
function rootExports(): { names: Set<string>; kernelNames: Set<string>; checker: ts.TypeChecker; symbols: ts.Symbol[] } {
  const entries = ['index.ts', 'model.ts', 'io.ts', 'geo.ts', 'report.ts', 'recommend.ts', 'format.ts'].map((f) => join(SRC, f));
  const kernels = join(SRC, 'kernels.ts');
  const program = ts.createProgram([...entries, kernels], {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: ['node'],
  });
  const checker = program.getTypeChecker();
  // The root and the subpaths whose functions take options; the kernels' options are listed as `kernels.<name>` (their types hold no rows).
  const exportsOf = (file: string) => checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(file)!)!);
  const symbols = entries.flatMap(exportsOf);
  return { names: new Set(symbols.map((s) => s.name)), kernelNames: new Set(exportsOf(kernels).map((s) => s.name)), checker, symbols };
}

type Def = { type: string; [key: string]: unknown };
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

/** A zod schema's input type, in TypeScript-like words. */
function typeName(schema: unknown): string {
  const def = defOf(schema);
  switch (def.type) {
    case 'default':
    case 'prefault':
    case 'optional':
    case 'nullable':
    case 'readonly':
      return typeName(def.innerType) + (def.type === 'nullable' ? ' | null' : '');
    case 'pipe':
      return typeName(def.in);
    case 'enum':
      return Object.values(def.entries as Record<string, string>).map((v) => `'${v}'`).join(' | ');
    case 'literal':
      return (def.values as unknown[]).map((v) => (typeof v === 'string' ? `'${v}'` : String(v))).join(' | ');
    case 'array':
      return `${typeName(def.element).includes(' ') ? `(${typeName(def.element)})` : typeName(def.element)}[]`;
    case 'union':
      return (def.options as unknown[]).map(typeName).join(' | ');
    case 'record':
      return `Record<${typeName(def.keyType)}, ${typeName(def.valueType)}>`;
    case 'object':
      return 'object';
    case 'custom':
      return 'custom';
    default:
      return def.type;
  }
}

/** A schema's default, as written in the table (`—` for none). */
function defaultOf(schema: unknown): string {
  let def = defOf(schema);
  while (def.type === 'optional' || def.type === 'nullable' || def.type === 'pipe') def = defOf(def.type === 'pipe' ? def.in : def.innerType);
  if (def.type !== 'default' && def.type !== 'prefault') return '—';
  const value = def.defaultValue;
  return typeof value === 'function' ? 'function' : JSON.stringify(value);
}

/** The keys of an object schema, through wrappers. */
function shapeOf(schema: unknown): Record<string, unknown> {
  let def = defOf(schema);
  for (let depth = 0; depth < 8 && def.type !== 'object'; depth++) def = defOf(def.innerType ?? def.in ?? def.schema);
  if (def.type !== 'object') throw new Error('not an object schema');
  return def.shape as Record<string, unknown>;
}

/**
 * Every `parseOptions(Schema, options, 'fn')` (or `…, 'fn', net)`) of a public function, with its
 * schema object, and every `parseKernelOptions(…)` of a kernel, as `kernels.fn` (or `fn`, exported elsewhere).
 */
async function optionEntries(publicNames: ReadonlySet<string>, kernelNames: ReadonlySet<string>): Promise<OptionEntry[]> {
  const calls: { fn: string; schema: string; file?: string; picked?: string[] }[] = [...PARSED_BY_HELPER];
  const declaredIn = new Map<string, string[]>();
  const texts = new Map<string, string>();
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    texts.set(file, text);
    // The function's name as a literal, or as a constant of the file (`const FN = 'renderCountyMap'`); a `.pick({ a: true })` of the schema keeps those keys.
    const constants = new Map([...text.matchAll(/^const (\w+) = '(\w+)';/gm)].map((m) => [m[1]!, m[2]!]));
    for (const m of text.matchAll(/parseOptions\((\w+)(\.pick\(\{[^}]*\}\))?, \w+, (?:'(\w+)'|([A-Z_]+))(?:, \w+)?\)/g)) {
      const fn = m[3] ?? constants.get(m[4]!);
      if (fn === undefined) continue;
      const picked = m[2] ? [...m[2].matchAll(/(\w+): true/g)].map((k) => k[1]!) : undefined;
      calls.push({ schema: m[1]!, fn, file, ...(picked && { picked }) });
    }
    // A kernel of samverkan/kernels as kernels.fn; one exported elsewhere (the recommender's fitConditionalLogit) by its name.
    for (const m of text.matchAll(/parseKernelOptions\((\w+), \w+, '(\w+)'\)/g)) {
      if (kernelNames.has(m[2]!)) calls.push({ schema: m[1]!, fn: `kernels.${m[2]!}`, file });
      else if (publicNames.has(m[2]!)) calls.push({ schema: m[1]!, fn: m[2]!, file });
    }
    for (const m of text.matchAll(/^export const (\w+Schema)\b/gm)) declaredIn.set(m[1]!, [...(declaredIn.get(m[1]!) ?? []), file]);
  }
  /** The file declaring `schema` as the calling file sees it: itself, the module it imports the name from, or the one declaration. */
  const resolveSchema = (schema: string, from: string | undefined): string | undefined => {
    const files = declaredIn.get(schema) ?? [];
    if (files.length <= 1 || from === undefined) return files.length === 1 ? files[0] : undefined;
    if (files.includes(from)) return from;
    const imported = new RegExp(`import \\{[^}]*\\b${schema}\\b[^}]*\\} from '(\\.[^']+)\\.js'`).exec(texts.get(from)!);
    const target = imported && join(dirname(from), `${imported[1]!}.ts`);
    return target && files.includes(target) ? target : undefined;
  };
  const entries: OptionEntry[] = [];
  const seen = new Set<string>();
  for (const { fn, schema, file: from, picked } of calls) {
    if (!(publicNames.has(fn) || fn.startsWith('kernels.')) || seen.has(fn)) continue;
    seen.add(fn);
    const file = resolveSchema(schema, from);
    if (!file) throw new Error(`${fn}: its schema ${schema} is not one exported const of src/ (declared in ${(declaredIn.get(schema) ?? []).map((f) => relative(ROOT, f)).join(', ') || 'no file'})`);
    const module = (await import(pathToFileURL(file).href)) as Record<string, z.ZodType>;
    for (const [option, s] of Object.entries(shapeOf(module[schema]))) if (!picked || picked.includes(option)) entries.push({ fn, schema, option, type: typeName(s), default: defaultOf(s) });
  }
  return entries.sort((a, b) => (a.fn < b.fn ? -1 : a.fn > b.fn ? 1 : 0));
}

/** Every public type named `…Row` that has named columns, with its columns in declaration order. */
function rowEntries(checker: ts.TypeChecker, symbols: readonly ts.Symbol[]): RowEntry[] {
  const rows: RowEntry[] = [];
  for (const symbol of symbols) {
    if (!/Row$/.test(symbol.name)) continue;
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    if (!(target.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.TypeAlias))) continue;
    const type = checker.getDeclaredTypeOfSymbol(target);
    const columns = checker.getPropertiesOfType(type).map((p) => ({
      name: p.name,
      type: checker.typeToString(checker.getTypeOfSymbol(p), undefined, ts.TypeFormatFlags.NoTruncation),
    }));
    if (columns.length === 0) continue; // a plain record (`Row`, `NodeTableRow`): no columns of its own
    rows.push({ row: symbol.name, key: ROW_KEYS[symbol.name] ?? [], columns });
  }
  return rows.sort((a, b) => (a.row < b.row ? -1 : 1));
}

/** The exported functions any of whose declarations (overloads included) has a parameter named `options`. */
function functionsTakingOptions(checker: ts.TypeChecker, symbols: readonly ts.Symbol[]): string[] {
  const out = new Set<string>();
  for (const symbol of symbols) {
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    if (!(target.flags & ts.SymbolFlags.Function)) continue;
    if ((target.declarations ?? []).some((d) => ts.isFunctionDeclaration(d) && d.parameters.some((p) => ts.isIdentifier(p.name) && p.name.text === 'options'))) out.add(symbol.name);
  }
  return [...out].sort();
}

export async function buildApiTable(): Promise<ApiTable> {
  const { names, kernelNames, checker, symbols } = rootExports();
  return { options: await optionEntries(names, kernelNames), rows: rowEntries(checker, symbols), takesOptions: functionsTakingOptions(checker, symbols) };
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

export function renderApiTable(table: ApiTable): string {
  const lines = [
    '# Public API table',
    '',
    'Generated by `npm run docs:api-table` (scripts/api-table.ts) from the option schemas and',
    'the row types; `test/package/api-table.test.ts` checks it is current and consistent: one',
    'option name has one type and one default across functions (or a documented exception),',
    'and the key column of a row about a municipality is `municipality`. Conventions: the',
    "README's \"Row conventions\" and \"Weights are strengths\".",
    '',
    '## Options',
    '',
    '| function | option | type | default |',
    '| --- | --- | --- | --- |',
    ...table.options.map((o) => `| \`${o.fn}\` | \`${o.option}\` | ${cell(o.type)} | ${o.default === '—' ? '—' : `\`${cell(o.default)}\``} |`),
    '',
    '## Row types',
    '',
    '| row type | key | columns |',
    '| --- | --- | --- |',
    ...table.rows.map((r) => `| \`${r.row}\` | ${r.key.map((k) => `\`${k}\``).join(', ')} | ${r.columns.map((c) => c.name).join(', ')} |`),
    '',
  ];
  return lines.join('\n');
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (isMain) {
  const text = renderApiTable(await buildApiTable());
  writeFileSync(API_TABLE_FILE, text);
  console.log(`wrote ${relative(process.cwd(), API_TABLE_FILE)}`);
}
