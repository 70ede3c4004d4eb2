import { closeSync, fsyncSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { toCsv, type CsvOptions } from '../io/write-csv.js';
import { formatMarkdownTable, formatTextTable } from '../report/table.js';
import { message, type Lang, type MessageKey } from '../model/i18n/index.js';
import { messageLang } from './lang.js';
import { UsageError, type CliIO, type ParsedArgs } from './context.js';
import { cliFlag, type FlagGroup, type FlagTable } from './flags.js';

export type Format = 'text' | 'json' | 'csv' | 'md';
const FORMATS: readonly Format[] = ['text', 'json', 'csv', 'md'];

/** `--delimiter`'s names, and the characters themselves. */
const DELIMITERS: Readonly<Record<string, ',' | ';' | '\t'>> = { comma: ',', ',': ',', semicolon: ';', ';': ';', tab: '\t', '\t': '\t' };

/** `--format`'s value, or bad usage naming it. */
function checkFormat(raw: string, lang: Lang): Format {
  if (!(FORMATS as readonly string[]).includes(raw)) throw new UsageError(message(lang, 'cli.error.unknownFormat', { value: JSON.stringify(raw) }), message(lang, 'cli.hint.choices', { choices: FORMATS.join(', ') }));
  return raw as Format;
}

/** `--delimiter`'s value, or bad usage naming it. */
function checkDelimiter(raw: string, lang: Lang): string {
  if (!Object.hasOwn(DELIMITERS, raw)) throw new UsageError(message(lang, 'cli.error.unknownDelimiter', { value: JSON.stringify(raw) }), message(lang, 'cli.hint.choices', { choices: 'comma, semicolon, tab' }));
  return raw;
}

/** The flags of the commands that print rows or a table. */
export const OUTPUT_FLAGS = {
  format: cliFlag({ type: 'choice', choices: FORMATS, short: 'f', value: 'FMT', help: 'cli.flag.format', showChoices: false, default: 'text', parse: (raw, _flag, lang) => checkFormat(raw, lang) }),
  out: cliFlag({ type: 'string', short: 'o', value: 'FILE', help: 'cli.flag.out' }),
  delimiter: cliFlag({ type: 'string', value: 'D', help: 'cli.flag.delimiter', parse: (raw, _flag, lang) => checkDelimiter(raw, lang) }),
  bom: cliFlag({ type: 'boolean', help: 'cli.flag.bom' }),
} as const satisfies FlagTable;

export const OUTPUT_GROUP: FlagGroup = { title: 'cli.help.output', flags: OUTPUT_FLAGS };

/** `--format` as `run` checked it (the flag's own check), `text` by default. */
export function formatOf(flags: Readonly<Record<string, unknown>>): Format {
  return (flags.format as Format | undefined) ?? 'text';
}

/** `--delimiter` and `--bom` as CSV options (`comma`, `semicolon`, `tab`, or the character itself), as `run` checked them. */
export function csvOptions(flags: Readonly<Record<string, unknown>>): CsvOptions {
  const delimiter = flags.delimiter as string | undefined;
  return { ...(delimiter !== undefined && { delimiter: DELIMITERS[delimiter]! }), bom: flags.bom === true };
}

/** Render tidy rows in the chosen format. JSON is exactly the rows, with no wrapper. */
export function renderRows(rows: readonly object[], format: Format, csv: CsvOptions = {}): string {
  switch (format) {
    case 'json':
      return JSON.stringify(rows, null, 2) + '\n';
    case 'csv':
      return toCsv(rows, csv);
    case 'md':
      return formatMarkdownTable(rows);
    case 'text':
      return formatTextTable(rows);
  }
}

/** An output file could not be written (exit 1, the message says why; nothing to debug). `message` is English; `describe(lang)` says it in a language. */
export class OutputError extends Error {
  constructor(private readonly say: (lang: Lang) => string) {
    super(say('en'));
    this.name = 'OutputError';
  }

  describe(lang: Lang): string {
    return this.say(lang);
  }
}

/** Why a file system operation failed, in words: the known codes from the catalogue, others as the system says them. */
export function fileErrorReason(error: unknown, lang: Lang): string {
  const code = (error as NodeJS.ErrnoException).code;
  const key: MessageKey | undefined =
    code === 'ENOENT'
      ? 'output.reason.folderMissing'
      : code === 'EISDIR'
        ? 'output.reason.isFolder'
        : code === 'EACCES' || code === 'EPERM'
          ? 'output.reason.permission'
          : code === 'ENOSPC'
            ? 'output.reason.noSpace'
            : code === 'EDQUOT'
              ? 'output.reason.quota'
              : undefined;
  return key !== undefined ? message(lang, key) : (error as Error).message;
}

/** Why a file cannot be written, in words. */
function cannotWrite(path: string, error: unknown): OutputError {
  const code = (error as NodeJS.ErrnoException).code;
  return new OutputError((lang) =>
    message(lang, 'output.cannotWrite', { path, reason: fileErrorReason(error, lang), unchanged: code === 'ENOENT' || code === 'EISDIR' ? '' : message(lang, 'output.unchanged') }),
  );
}

/** The real path of a file (symbolic links resolved), or of the file it would be (its folder resolved) when it does not exist. */
function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    try {
      return join(realpathSync(dirname(path)), basename(path));
    } catch {
      return resolve(path);
    }
  }
}

/**
 * The files a command reads, as options name them (`--actors`, `--links`,
 * `--graph`, `--features`, `--kinds-file`, `--model`, and the three files of
 * a `--geography` folder), resolved against `cwd`: no output may be written
 * over one of them.
 */
export function inputFiles(values: ParsedArgs['values'], cwd: string): string[] {
  const files: string[] = [];
  for (const name of ['actors', 'links', 'graph', 'features', 'kinds-file', 'model', 'capabilities']) if (typeof values[name] === 'string') files.push(resolve(cwd, values[name] as string));
  if (typeof values.geography === 'string') for (const f of ['municipalities.csv', 'counties.csv', 'adjacency.csv']) files.push(resolve(cwd, values.geography as string, f));
  return files;
}

/**
 * A file written whole or not at all: the text goes to a temporary file in
 * the same folder, which then replaces the target in one rename, so a write
 * that fails half-way (a full disk) leaves what was there before, and a
 * reader never sees half a file. Refused: a target that is one of the
 * command's `inputs` (the same file by any path), which would be destroyed.
 * Targets that are not regular files (`/dev/stdout`, a pipe) are written to
 * directly. Several files are written as a group: all are complete before
 * the first is renamed into place.
 */
export function writeOutputs(files: readonly { path: string; text: string }[], inputs: readonly string[] = [], lang: Lang = 'en'): void {
  const inputReal = new Set(inputs.map(realPath));
  for (const { path } of files) {
    if (inputReal.has(realPath(path))) throw new UsageError(message(lang, 'output.refuseInput', { path }), message(lang, 'output.hint.otherOut'));
  }
  const temps: { temp: string; path: string }[] = [];
  try {
    for (const { path, text } of files) {
      let special = false;
      try {
        special = !statSync(path).isFile();
      } catch {
        // Does not exist yet: written through a temporary file.
      }
      if (special) {
        writeWhole(path, text, false);
        continue;
      }
      const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`);
      temps.push({ temp, path });
      writeWhole(temp, text, true, path);
    }
    for (const { temp, path } of temps) {
      try {
        renameSync(temp, path);
      } catch (error) {
        throw cannotWrite(path, error);
      }
    }
  } catch (error) {
    for (const { temp } of temps) {
      try {
        unlinkSync(temp);
      } catch {
        // Renamed already, or never created.
      }
    }
    throw error;
  }
}

/** Write `text` to `target` (created exclusively when it is a temporary file), flushed to disk; errors name `shown`. */
function writeWhole(target: string, text: string, exclusive: boolean, shown = target): void {
  let fd: number;
  try {
    fd = openSync(target, exclusive ? 'wx' : 'w');
  } catch (error) {
    throw cannotWrite(shown, error);
  }
  try {
    const bytes = Buffer.from(text, 'utf8');
    for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
    if (exclusive) fsyncSync(fd);
  } catch (error) {
    throw cannotWrite(shown, error);
  } finally {
    closeSync(fd);
  }
}

/** Write one file whole or not at all (see {@link writeOutputs}), turning file-system errors into a clear message (exit 1). */
export function writeOutput(path: string, text: string, inputs: readonly string[] = [], lang: Lang = 'en'): void {
  writeOutputs([{ path, text }], inputs, lang);
}

/** Write output to `--out` or stdout. Returns the path written, if any. */
export function emit(text: string, values: ParsedArgs['values'], io: CliIO): string | undefined {
  const out = values.out as string | undefined;
  if (out === undefined) {
    io.stdout.write(text);
    return undefined;
  }
  const cwd = io.cwd ?? process.cwd();
  const path = resolve(cwd, out);
  writeOutput(path, text, inputFiles(values, cwd), messageLang(values));
  return path;
}
