import { didYouMean } from '../model/suggest.js';
import { GeographyError } from '../io/geography.js';
import { LoadError } from '../io/load/index.js';
import { CapacityError, SamverkanError } from '../model/errors.js';
import { OptionsError } from '../model/options.js';
import { visibleText } from '../model/text.js';
import { LANGUAGES, message, type Lang } from '../model/i18n/index.js';
import { COMMANDS } from './commands/index.js';
import { commandSummary, startLang, type Command } from './commands/shared.js';
import { convertFlags, flagOfOption } from './flags.js';
import { parse, scanCountry, UsageError, type CliIO } from './context.js';
import { OutputError } from './output.js';
import { messageLang } from './lang.js';

const VERSION = '0.1.0';

function mainHelp(lang: Lang): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return message(lang, 'cli.main.help', { commands: COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${commandSummary(c, lang)}`).join('\n') });
}

/**
 * `--lang` as given anywhere on the line (for the main help and errors
 * before a command is known); a language the catalogues do not have is bad
 * usage naming the flag.
 */
export function scanLang(args: readonly string[]): Lang | undefined {
  const at = args.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (at < 0) return undefined;
  const raw = args[at] === '--lang' ? args[at + 1] : args[at]!.slice('--lang='.length);
  if (raw !== undefined && (LANGUAGES as readonly string[]).includes(raw)) return raw as Lang;
  const lang = startLang({});
  throw new UsageError(
    raw === undefined ? message(lang, 'cli.error.missingValue', { flag: '--lang' }) : message(lang, 'cli.error.choice', { flag: '--lang', choices: LANGUAGES.join(', '), value: JSON.stringify(raw) }),
    message(lang, 'cli.hint.lang'),
  );
}

/** A flag the command renamed is bad usage that names the new flag (`--kinds` → `--partner-kinds`). */
function refuseRenamedFlags(command: Command, args: readonly string[], lang: Lang): void {
  for (const [old, now] of Object.entries(command.renamedFlags ?? {})) {
    if (args.some((a) => a === `--${old}` || a.startsWith(`--${old}=`))) {
      throw new UsageError(message(lang, 'cli.error.renamed', { old: `--${old}`, now: `--${now}`, command: command.name }), message(lang, 'cli.hint.seeHelp', { command: command.name }));
    }
  }
}

/**
 * Run the command line in-process. Returns the exit code: 0 on success, 1 on
 * bad input (the loader's row-level messages on stderr, no stack trace unless
 * `--debug`), 2 on bad usage (with a hint).
 */
export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  const debug = argv.includes('--debug');
  let args = argv.filter((a) => a !== '--debug');
  // `samverkan --lang en gaps …`: a leading --lang goes with the command (or the main help).
  if (args[0] === '--lang' || args[0]?.startsWith('--lang=')) {
    const n = args[0] === '--lang' ? 2 : 1;
    args = [...args.slice(n), ...args.slice(0, n)];
  }
  const [name, ...rest] = args;
  // The language of an error: the command's once its flags are read (the data's once it is loaded), else --lang or the default's.
  let errorLang = (): Lang => startLang({});
  try {
    // --lang, else the default country's language: until the command's flags are read.
    const lang0 = scanLang(args) ?? startLang({});
    errorLang = () => lang0;
    if (name === undefined || name === '--help' || name === '-h' || name === 'help' || name === '--lang' || name.startsWith('--lang=')) {
      io.stdout.write(mainHelp(lang0) + '\n');
      return name === undefined || name.startsWith('--lang') ? 2 : 0;
    }
    if (name === '--version' || name === '-v') {
      io.stdout.write(`${VERSION}\n`);
      return 0;
    }
    const command = COMMANDS.find((c) => c.name === name);
    if (!command) throw new UsageError(message(lang0, 'cli.error.unknownCommand', { name: JSON.stringify(name) }) + didYouMean(name ?? '', COMMANDS.map((c) => c.name), undefined, lang0), message(lang0, 'cli.hint.commands', { commands: COMMANDS.map((c) => c.name).join(', ') }));
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout.write(command.help(lang0, scanCountry(rest, io)) + '\n');
      return 0;
    }
    refuseRenamedFlags(command, rest, lang0);
    const parsed = parse(rest, command.options, command.name, lang0);
    const lang = startLang(parsed.values);
    errorLang = () => messageLang(parsed.values);
    const seeHelp = message(lang, 'cli.hint.seeHelp', { command: command.name });
    if (parsed.positionals.length > 0) throw new UsageError(message(lang, 'cli.error.positional', { value: JSON.stringify(parsed.positionals[0]) }), seeHelp);
    let flags: Record<string, unknown>;
    try {
      flags = convertFlags(command.flags, parsed.values, lang);
    } catch (error) {
      if (error instanceof UsageError && error.hint === undefined) throw new UsageError(error.message, seeHelp);
      throw error;
    }
    try {
      return await command.run({ ...parsed, flags }, io);
    } catch (error) {
      // A value the library's option schema refuses came from a flag: bad usage, named by its flag
      // (options that conflict: by each of their flags).
      if (error instanceof OptionsError && flagOfOption(command.flags, error.option)) {
        const named = error.options.flatMap((o) => flagOfOption(command.flags, o) ?? []);
        throw new UsageError(`${named.join(', ')}: ${error.reasonIn(errorLang())}`, seeHelp);
      }
      throw error;
    }
  } catch (error) {
    // Messages quote the input (names, values, paths): what would act on the terminal is shown by its code point.
    const shown = (text: string) => text.split('\n').map(visibleText).join('\n');
    if (error instanceof UsageError) {
      io.stderr.write(`samverkan: ${shown(error.message)}\n${error.hint ? `${message(errorLang(), 'cli.hint.prefix', { hint: shown(error.hint) })}\n` : ''}`);
      return 2;
    }
    // samverkan's own errors (bad input, too large, wrong arguments) and output failures: the message alone.
    if (error instanceof SamverkanError || error instanceof OutputError) {
      const bare = error instanceof LoadError || error instanceof GeographyError || error instanceof CapacityError;
      // In the command's language (`message` is English); a class only counted as a SamverkanError may have no describe.
      const said = typeof (error as Partial<SamverkanError>).describe === 'function' ? error.describe(errorLang()) : error.message;
      io.stderr.write(`${bare ? '' : 'samverkan: '}${shown(said)}\n`);
      if (debug) io.stderr.write(`${error.stack}\n`);
      return 1;
    }
    io.stderr.write(`samverkan: ${shown((error as Error).message ?? String(error))}\n`);
    if (debug) io.stderr.write(`${(error as Error).stack}\n`);
    else io.stderr.write(`${message(errorLang(), 'errors.debugHint')}\n`);
    return 1;
  }
}
