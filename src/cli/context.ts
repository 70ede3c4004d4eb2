import { parseArgs, type ParseArgsConfig } from 'node:util';
import { message, type Lang } from '../model/i18n/index.js';
import { didYouMean } from '../model/suggest.js';

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

/** Parse arguments strictly; unknown options become a {@link UsageError}. */
export function parse(args: readonly string[], options: OptionSpec, command: string, lang: Lang = 'en'): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
    return { values: { ...values } as ParsedArgs['values'], positionals };
  } catch (error) {
    const text = (error as Error).message.replace(/\. To specify a positional argument.*$/s, '');
    // "Unknown option '--lenint'": say which option was most likely meant.
    const unknown = /^Unknown option '(--?[^']+)'/.exec(text)?.[1];
    const known = Object.entries(options).flatMap(([name, spec]) => [`--${name}`, ...(spec.short ? [`-${spec.short}`] : [])]);
    const suggestion = unknown === undefined ? '' : didYouMean(unknown.replace(/^-+/, ''), known.filter((k) => k.startsWith('--')).map((k) => k.slice(2)), (k) => `--${k}`);
    throw new UsageError(`${text}${suggestion}`, message(lang, 'cli.hint.seeHelp', { command }));
  }
}
