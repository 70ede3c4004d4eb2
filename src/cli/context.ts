import { resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { DEFAULT_COUNTRY } from '../countries/default.js';
import { knownCountry } from '../countries/index.js';
import { loadCountry } from '../io/country.js';
import { cached } from '../model/cache.js';
import type { Country } from '../model/country.js';
import { message, type Lang } from '../model/i18n/index.js';
import { didYouMean } from '../model/suggest.js';

/**
 * The country a command runs in when `--geography` names none: the one
 * place the command line names the default country. The library takes the
 * country from the network's geography; the command line needs one before
 * any data is read (its datasets, the help's language and examples).
 */
export const CLI_DEFAULT_COUNTRY: Country = DEFAULT_COUNTRY;

/**
 * The country a command's `--geography` gives: a shipped one by name
 * (`sweden`, without case), else the folder read as one (`loadCountry`,
 * relative to the working directory); without the flag, the default.
 */
export function countryOf(values: Readonly<Record<string, unknown>>, io: Pick<CliIO, 'cwd'>): Country {
  const given = values.geography;
  if (typeof given !== 'string') return CLI_DEFAULT_COUNTRY;
  // Read once per command's flags: a folder's polygons are read with it.
  return cached(values, 'cli:country', () => knownCountry(given) ?? loadCountry(resolve(io.cwd ?? process.cwd(), given)));
}

/** The `--geography` of an argument list not yet parsed (for `--help`), as `countryOf` reads it. */
export function scanCountry(args: readonly string[], io: Pick<CliIO, 'cwd'>): Country {
  const at = args.findIndex((a) => a === '--geography' || a.startsWith('--geography='));
  const value = at < 0 ? undefined : args[at] === '--geography' ? args[at + 1] : args[at]!.slice('--geography='.length);
  return countryOf(value === undefined ? {} : { geography: value }, io);
}

/** Where the command writes: injectable so tests run commands in-process. */
export interface CliIO {
  stdout: { write(text: string): unknown; isTTY?: boolean; columns?: number };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  /** Environment (for CI detection). Default `process.env`. */
  env?: Record<string, string | undefined>;
  /** Working directory for relative paths. Default `process.cwd()`. */
  cwd?: string;
}

/** Bad usage: unknown command or option, missing value. Exit code 2, with a hint. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export interface ParsedArgs {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

/** A command's flags as written (`values`: paths as given, the language) and as `run` converted and checked them (`flags`). */
export interface FlagArgs {
  values: ParsedArgs['values'];
  /** The given flags converted and checked (a list is an array, a number a number), by flag name. */
  flags: Record<string, unknown>;
}

/** Parse arguments strictly; unknown options become a {@link UsageError}. */
export function parse(args: readonly string[], options: OptionSpec, command: string, lang: Lang = 'en'): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
    return { values: { ...values } as ParsedArgs['values'], positionals };
  } catch (error) {
    const text = parseErrorText((error as Error).message.replace(/\. To specify a positional argument.*$/s, ''), lang);
    // "Unknown option '--lenint'": say which option was most likely meant.
    const unknown = /^Unknown option '(--?[^']+)'/.exec((error as Error).message)?.[1];
    const known = Object.entries(options).flatMap(([name, spec]) => [`--${name}`, ...(spec.short ? [`-${spec.short}`] : [])]);
    const suggestion = unknown === undefined ? '' : didYouMean(unknown.replace(/^-+/, ''), known.filter((k) => k.startsWith('--')).map((k) => k.slice(2)), (k) => `--${k}`, lang);
    throw new UsageError(`${text}${suggestion}`, message(lang, 'cli.hint.seeHelp', { command }));
  }
}

/**
 * Node's `parseArgs` error in `lang`: an unknown option, an option without
 * its value (or followed by a flag), a switch given a value; any other
 * text as Node wrote it.
 */
function parseErrorText(text: string, lang: Lang): string {
  const unknown = /^Unknown option '(--?[^']+)'/.exec(text);
  if (unknown) return message(lang, 'cli.error.unknownOption', { flag: unknown[1]! });
  const missing = /^Option '(?:-\w, )?(--[^' ]+)(?: <value>)?' argument missing/.exec(text);
  if (missing) return message(lang, 'cli.error.missingValue', { flag: missing[1]! });
  const ambiguous = /^Option '(?:-\w, )?(--[^' ]+)' argument is ambiguous/.exec(text);
  if (ambiguous) return message(lang, 'cli.error.dashValue', { flag: ambiguous[1]! });
  const switchValue = /^Option '(?:-\w, )?(--[^' ]+)' does not take an argument/.exec(text);
  if (switchValue) return message(lang, 'cli.error.noValueTaken', { flag: switchValue[1]! });
  return text;
}
