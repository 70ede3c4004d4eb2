/**
 * The command line's flags, declared once: each flag names the library option
 * it sets and that option's zod schema (`GapsOptionsSchema.shape.smallPopulation`),
 * its value name and its help line. From that table come the `parseArgs`
 * configuration, the conversion of each value (a list, a whole number, a
 * number, one of the choices an enum lists), its check against the option's
 * schema, the Options block of `--help` (choices and defaults read from the
 * schema) and, for a value the library refuses, the flag that gave it.
 */
import { z } from 'zod';
import { issueReason } from '../model/options.js';
import { CATALOGUES, message, type Lang, type MessageKey } from '../model/i18n/index.js';
import { didYouMean } from '../model/suggest.js';
import type { Country } from '../model/country.js';
import { CLI_DEFAULT_COUNTRY, UsageError, type OptionSpec } from './context.js';

/** How a flag's text becomes a value. */
export type FlagType = 'boolean' | 'string' | 'integer' | 'number' | 'list' | 'choice';

/**
 * One flag. `V` is the type of its value after conversion and `O` the name
 * of the library option it sets (`never` for a flag of the command line only).
 */
export interface Flag<V = unknown, O extends string = string> {
  readonly type: FlagType;
  /** The library option the value goes to (`smallPopulation` for `--small`). */
  readonly option?: O;
  /** The schema the value must pass: the library option's own, so the command line refuses what the library would. */
  readonly schema?: z.ZodType;
  /**
   * A flag of the command line only whose value the command passes on to
   * this library option itself (`--methods` → `methods`): an `OptionsError`
   * about the option names the flag, as for a flag that sets one.
   */
  readonly about?: string;
  /** One-letter alias (`-o`). */
  readonly short?: string;
  /** The value's name in the help (`N`, `LIST`, `FILE`); none for a boolean flag. */
  readonly value?: string;
  /**
   * The help line (wrapped when printed): a key of the catalogue's cli
   * section (`cli.flag.actors`), said in the help's language, or English text.
   */
  readonly help: MessageKey | (string & {});
  /** The values of the help key's placeholders: text, or text in the help's language and of the country the command runs in (`--geography`, else the default). */
  readonly helpParams?: Readonly<Record<string, string | ((lang: Lang, country: Country) => string)>>;
  /** The values a `choice` (or each item of a `list`) may take: read from the schema's enum unless given. */
  readonly choices?: readonly string[];
  /** List the choices in the help (default: for a `choice` of at most eight values). */
  readonly showChoices?: boolean;
  /** A whole number's least value, checked with its conversion (a library option's range is its schema's). */
  readonly min?: number;
  /** The default shown in the help: text (or text of the country the command runs in), or false for none (default: the schema's default). */
  readonly default?: string | false | ((country: Country) => string | false);
  /** A conversion of its own (`--samples auto|exact|N`): text to value, or a {@link UsageError}. */
  readonly parse?: (raw: string, flag: string, lang: Lang) => V;
  /** Phantom: the value's type. */
  readonly __value?: V;
}

/** The flags of a command or of a group of flags, by flag name (without `--`). */
export type FlagTable = Readonly<Record<string, Flag<any, any>>>;

/** The converted values of a table's flags: absent when not given. */
export type FlagValues<T extends FlagTable> = { -readonly [K in keyof T]?: T[K] extends Flag<infer V, any> ? V : never };

/** The library options a table's flags set, by option name. */
export type OptionsOf<T extends FlagTable> = {
  -readonly [K in keyof T as T[K] extends Flag<any, infer O> ? ([O] extends [never] ? never : string extends O ? never : O) : never]?: T[K] extends Flag<infer V, any> ? V : never;
};

/** What a schema holds under its `default`, `optional`, `nullable` and `pipe` wrappers. */
function unwrap(schema: z.ZodType): { core: z.ZodType; fallback?: unknown } {
  let s: z.ZodType = schema;
  let fallback: unknown;
  for (let depth = 0; depth < 10; depth++) {
    const def = (s as unknown as { def: { type: string; innerType?: z.ZodType; in?: z.ZodType; defaultValue?: unknown } }).def;
    if (def.type === 'default' || def.type === 'prefault') {
      if (fallback === undefined) fallback = def.defaultValue;
      s = def.innerType!;
    } else if (def.type === 'optional' || def.type === 'nullable' || def.type === 'readonly') s = def.innerType!;
    else if (def.type === 'pipe') s = def.in!;
    else break;
  }
  return { core: s, ...(fallback !== undefined && { fallback }) };
}

/** The choices of an enum schema (through wrappers), if it is one. */
function enumChoices(schema: z.ZodType): readonly string[] | undefined {
  const { core } = unwrap(schema);
  return core instanceof z.ZodEnum ? (core.options as string[]) : undefined;
}

/** The flag type a schema's values read as. */
function typeOfSchema(schema: z.ZodType): { type: FlagType; choices?: readonly string[] } {
  const { core } = unwrap(schema);
  if (core instanceof z.ZodBoolean) return { type: 'boolean' };
  if (core instanceof z.ZodNumber) return { type: core.isInt ? 'integer' : 'number' };
  if (core instanceof z.ZodEnum) return { type: 'choice', choices: core.options as string[] };
  if (core instanceof z.ZodArray) {
    const choices = enumChoices(core.element as z.ZodType);
    return { type: 'list', ...(choices && { choices }) };
  }
  return { type: 'string' };
}

/** The value a flag gives when absent, by the schema, as the help shows it. */
function schemaDefault(schema: z.ZodType | undefined): string | undefined {
  if (!schema) return undefined;
  const { fallback } = unwrap(schema);
  if (fallback === undefined || typeof fallback === 'boolean') return undefined;
  if (Array.isArray(fallback)) return fallback.join(',');
  return typeof fallback === 'object' ? undefined : String(fallback);
}

type Spec<V> = Omit<Flag<V>, 'type' | 'option' | 'schema' | '__value'> & { type?: FlagType };

/** Values of a schema, as the command line writes them: an array of its items for a list. */
type CliValue<T> = Exclude<T, undefined>;

/**
 * A flag that sets the library option `key` of `schema` (an object schema):
 * its type, choices, least value and default come from the option's schema.
 *
 * @example
 * small: libraryFlag(GapsOptionsSchema, 'smallPopulation', { value: 'N', help: 'population below which a municipality is small' })
 */
export function libraryFlag<S extends z.ZodObject, K extends keyof S['shape'] & string, V = CliValue<z.input<S['shape'][K]>>>(schema: S, key: K, spec: Spec<V>): Flag<V, K> {
  const option = schema.shape[key] as z.ZodType;
  // A value out of the option's range is refused by its schema, in the schema's words (`--links: Too small: expected number to be >=1000`).
  return {
    ...typeOfSchema(option),
    ...spec,
    option: key,
    schema: option,
  } as Flag<V, K>;
}

type ValueOfType<T extends FlagType, C extends string> = T extends 'boolean' ? boolean : T extends 'integer' | 'number' ? number : T extends 'list' ? string[] : T extends 'choice' ? C : string;

/**
 * A flag of the command line only (`--format`, `--out`, `--top`): no library option.
 *
 * @example
 * top: cliFlag({ type: 'integer', min: 1, value: 'N', help: 'keep the first N rows' })
 */
export function cliFlag<T extends FlagType, const C extends string = string, V = ValueOfType<T, C>>(spec: Spec<V> & { type: T; choices?: readonly C[] }): Flag<V, never> {
  return spec as unknown as Flag<V, never>;
}

/** The `parseArgs` options of a table. */
export function parseArgsOptions(table: FlagTable): OptionSpec {
  const options: OptionSpec = {};
  for (const [name, flag] of Object.entries(table)) options[name] = { type: flag.type === 'boolean' ? 'boolean' : 'string', ...(flag.short && { short: flag.short }) };
  return options;
}

/** A bad value of a flag: bad usage naming the flag. */
function refuse(lang: Lang, key: MessageKey, params: Record<string, string>): never {
  throw new UsageError(message(lang, key, params));
}

/** A whole number of at least `min`, or bad usage naming `--flag`. */
export function wholeNumber(raw: string, flag: string, min: number | undefined, lang: Lang): number {
  const n = Number(raw);
  if (!/^-?\d+$/.test(raw) || (min !== undefined && n < min)) {
    refuse(lang, min === undefined ? 'cli.error.integer' : 'cli.error.integerMin', { flag: `--${flag}`, ...(min !== undefined && { min: String(min) }), value: JSON.stringify(raw) });
  }
  return n;
}

/** The items of a comma-separated value, trimmed, empty ones dropped (`'a, b,'` → `['a', 'b']`). */
export function splitList(raw: string): string[] {
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The items of a comma-separated flag value, trimmed; an empty list is refused, naming the flag. */
export function listItems(raw: string, name: string, lang: Lang): string[] {
  const list = splitList(raw);
  if (list.length === 0) refuse(lang, 'cli.error.list', { flag: `--${name}` });
  return list;
}

/** One flag's text as its value: converted by its type, then checked against its schema. */
export function convertFlag(name: string, flag: Flag, raw: string | boolean, lang: Lang): unknown {
  const shown = JSON.stringify(raw);
  const flagName = `--${name}`;
  let value: unknown;
  if (flag.type === 'boolean' || typeof raw === 'boolean') value = raw;
  else if (flag.parse) value = flag.parse(raw, name, lang);
  else if (flag.type === 'integer') value = wholeNumber(raw, name, flag.min, lang); else if (flag.type === 'number') {
    const n = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(n)) refuse(lang, 'cli.error.number', { flag: flagName, value: shown });
    value = n;
  } else if (flag.type === 'list') {
    const list = listItems(raw, name, lang);
    if (flag.choices) {
      const unknown = list.find((item) => !flag.choices!.includes(item));
      if (unknown !== undefined) {
        throw new UsageError(message(lang, 'cli.error.unknownItem', { flag: flagName, value: JSON.stringify(unknown) }) + didYouMean(unknown, flag.choices, undefined, lang), message(lang, 'cli.hint.choices', { choices: flag.choices.join(', ') }));
      }
    }
    value = list;
  } else if (flag.type === 'choice') {
    const choices = flag.choices ?? [];
    if (!choices.includes(raw)) throw new UsageError(message(lang, 'cli.error.choice', { flag: flagName, choices: choices.join(', '), value: shown }) + didYouMean(raw, choices, undefined, lang));
    value = raw;
  } else value = raw;
  // The library option's own schema: what the library would refuse is refused here, naming the flag.
  if (flag.schema) {
    const result = flag.schema.safeParse(value);
    if (!result.success) {
      const issue = result.error.issues[0]!;
      throw new UsageError(`${flagName}: ${issueReason(issue, value, lang)}`);
    }
  }
  return value;
}

/** Every given flag of `table` converted (see {@link convertFlag}), by flag name. */
export function convertFlags(table: FlagTable, values: Readonly<Record<string, unknown>>, lang: Lang): Record<string, unknown> {
  const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const [name, flag] of Object.entries(table)) {
    const raw = values[name];
    if (raw === undefined) continue;
    out[name] = convertFlag(name, flag, raw as string | boolean, lang);
  }
  return out;
}

/** The converted values of `table`'s flags among a command's `flags`. */
export function flagsOf<T extends FlagTable>(table: T, flags: Readonly<Record<string, unknown>>): FlagValues<T> {
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(table)) if (flags[name] !== undefined) out[name] = flags[name];
  return out as FlagValues<T>;
}

/** The library options `table`'s given flags set, by option name (`{ smallPopulation: 5000 }` for `--small 5000`). */
export function optionsOf<T extends FlagTable>(table: T, flags: Readonly<Record<string, unknown>>): OptionsOf<T> {
  const out: Record<string, unknown> = {};
  for (const [name, flag] of Object.entries(table)) if (flag.option !== undefined && flags[name] !== undefined) out[flag.option] = flags[name];
  return out as OptionsOf<T>;
}

/** The flag of a table that sets a library option (`smallPopulation` → `--small`), if any; a dotted option is its first part's. */
export function flagOfOption(table: FlagTable, option: string): string | undefined {
  const top = option.split('.')[0]!;
  const found = Object.entries(table).find(([, flag]) => flag.option === top || flag.about === top);
  return found && `--${found[0]}`;
}

/** Text wrapped to `width` columns (words kept whole). */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/ +/)) {
      if (line !== '' && line.length + 1 + word.length > width) {
        lines.push(line);
        line = word;
      } else line = line === '' ? word : `${line} ${word}`;
    }
    lines.push(line);
  }
  return lines;
}

/** A help text: the catalogue's message when it is a key, else the text as written. */
function say(text: string, lang: Lang, params?: Flag['helpParams'], country: Country = CLI_DEFAULT_COUNTRY): string {
  const values = params && Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'function' ? v(lang, country) : v]));
  // A key the catalogue lacks is a bug (`message` says so), not text to print.
  return Object.hasOwn(CATALOGUES.en, text) || /^cli\.[\w.-]+$/.test(text) ? message(lang, text as MessageKey, values) : text;
}

/** A flag's value placeholder in `lang`: each word the catalogue names (`cli.value.FILE`: FIL) said in it, letters (`N`, `C[,C…]`) as written. */
export function valueIn(value: string, lang: Lang): string {
  return value.replace(/[A-Z]{2,}/g, (word) => (Object.hasOwn(CATALOGUES.en, `cli.value.${word}`) ? message(lang, `cli.value.${word}` as MessageKey) : word));
}

/** Help columns: flags in the first 20 (after two spaces), text after, 79 in all. */
const LEFT = 20;
const WIDTH = 79;

/** The help line of one flag: `  --small N           population below which … (default 15000)`. */
export function flagHelp(name: string, flag: Flag, lang: Lang, country: Country = CLI_DEFAULT_COUNTRY): string {
  const left = `--${name}${flag.short ? `, -${flag.short}` : ''}${flag.value ? ` ${valueIn(flag.value, lang)}` : ''}`;
  const shown = typeof flag.default === 'function' ? flag.default(country) : flag.default;
  const fallback = shown === false ? undefined : (shown ?? schemaDefault(flag.schema));
  const choices = (flag.showChoices ?? (flag.type === 'choice' && (flag.choices?.length ?? 0) <= 8)) ? flag.choices : undefined;
  const extra = [choices && choices.join(' | '), fallback !== undefined && message(lang, 'cli.help.default', { value: fallback })].filter(Boolean);
  const text = `${say(flag.help, lang, flag.helpParams, country)}${extra.length > 0 ? ` (${extra.join('; ')})` : ''}`;
  const indent = ' '.repeat(2 + LEFT);
  const lines = wrap(text, WIDTH - indent.length);
  const first = left.length < LEFT ? `  ${left.padEnd(LEFT)}${lines[0]}` : `  ${left}  ${lines[0]}`;
  return [first, ...lines.slice(1).map((l) => indent + l)].join('\n');
}

/** A group of flags as the help prints it: a title, a line per flag, then an optional note. */
export interface FlagGroup {
  /** The group's title in the catalogue (`cli.help.options`, `cli.help.input`). */
  readonly title: MessageKey;
  readonly flags: FlagTable;
  /** A last line under the flags: a catalogue key or English text. */
  readonly note?: MessageKey | (string & {});
}

/** The help block of a group. */
export function groupHelp(group: FlagGroup, lang: Lang, country: Country = CLI_DEFAULT_COUNTRY): string {
  const lines = Object.entries(group.flags).map(([name, flag]) => flagHelp(name, flag, lang, country));
  return [`${message(lang, group.title)}:`, ...lines, ...(group.note ? wrap(say(group.note, lang), WIDTH - 2).map((l) => `  ${l}`) : [])].join('\n');
}
