import { didYouMean } from '../model/suggest.js';
import { GeographyError } from '../io/geography.js';
import { LoadError } from '../io/load/index.js';
import { CapacityError, SamverkanError } from '../model/errors.js';
import { OptionsError } from '../model/options.js';
import { visibleText } from '../model/text.js';
import { COMMANDS } from './commands/index.js';
import type { Command } from './commands/shared.js';
import { parse, UsageError, type CliIO } from './context.js';
import { OutputError } from './output.js';

const VERSION = '0.1.0';

function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `samverkan: analyse cross-municipal cooperation networks

Usage: samverkan <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Run \`samverkan <command> --help\` for a command's options and an example.
With no --actors, --links, --graph or --dataset, commands run on the
embedded demo dataset (synthetic) and say so.

Exit codes: 0 success, 1 bad input (row-level messages on stderr),
2 bad usage.`;
}

/** Library options whose flag is not their kebab-case name. */
const FLAG_OF_OPTION: Readonly<Record<string, string>> = {
  smallPopulation: 'small',
  maxIterations: 'max-iterations',
  countyPreference: 'county-preference',
};

/** The flag of a library option that the command has (`smallPopulation` → `--small`), if any. */
function flagOf(option: string, flags: Readonly<Record<string, unknown>>): string | undefined {
  const top = option.split('.')[0]!;
  const flag = FLAG_OF_OPTION[top] ?? top.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  return Object.hasOwn(flags, flag) ? `--${flag}` : undefined;
}

/** A flag the command renamed is bad usage that names the new flag (`--kinds` → `--partner-kinds`). */
function refuseRenamedFlags(command: Command, args: readonly string[]): void {
  for (const [old, now] of Object.entries(command.renamedFlags ?? {})) {
    if (args.some((a) => a === `--${old}` || a.startsWith(`--${old}=`))) {
      throw new UsageError(`--${old} is now --${now} in samverkan ${command.name}`, `see: samverkan ${command.name} --help`);
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
  const args = argv.filter((a) => a !== '--debug');
  const [name, ...rest] = args;
  try {
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      io.stdout.write(mainHelp() + '\n');
      return name === undefined ? 2 : 0;
    }
    if (name === '--version' || name === '-v') {
      io.stdout.write(`${VERSION}\n`);
      return 0;
    }
    const command = COMMANDS.find((c) => c.name === name);
    if (!command) throw new UsageError(`unknown command ${JSON.stringify(name)}${didYouMean(name ?? '', COMMANDS.map((c) => c.name))}`, `commands: ${COMMANDS.map((c) => c.name).join(', ')}`);
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout.write(command.help + '\n');
      return 0;
    }
    refuseRenamedFlags(command, rest);
    const parsed = parse(rest, command.options, command.name);
    if (parsed.positionals.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(parsed.positionals[0])}`, `see: samverkan ${command.name} --help`);
    try {
      return await command.run(parsed, io);
    } catch (error) {
      // A value the library's option schema refuses came from a flag: bad usage, named by its flag
      // (options that conflict: by each of their flags).
      if (error instanceof OptionsError && flagOf(error.option, command.options)) {
        const flags = error.options.flatMap((o) => flagOf(o, command.options) ?? []);
        throw new UsageError(`${flags.join(', ')}: ${error.reason}`, `see: samverkan ${command.name} --help`);
      }
      throw error;
    }
  } catch (error) {
    // Messages quote the input (names, values, paths): what would act on the terminal is shown by its code point.
    const shown = (text: string) => text.split('\n').map(visibleText).join('\n');
    if (error instanceof UsageError) {
      io.stderr.write(`samverkan: ${shown(error.message)}\n${error.hint ? `hint: ${shown(error.hint)}\n` : ''}`);
      return 2;
    }
    // samverkan's own errors (bad input, too large, wrong arguments) and output failures: the message alone.
    if (error instanceof SamverkanError || error instanceof OutputError) {
      const bare = error instanceof LoadError || error instanceof GeographyError || error instanceof CapacityError;
      io.stderr.write(`${bare ? '' : 'samverkan: '}${shown(error.message)}\n`);
      if (debug) io.stderr.write(`${error.stack}\n`);
      return 1;
    }
    io.stderr.write(`samverkan: ${shown((error as Error).message ?? String(error))}\n`);
    if (debug) io.stderr.write(`${(error as Error).stack}\n`);
    else io.stderr.write('(run with --debug for details)\n');
    return 1;
  }
}
