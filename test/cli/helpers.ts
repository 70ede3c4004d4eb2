import { run } from '../../src/cli/run.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Run the CLI in-process with captured output (not a terminal, as when piped).
 * The tests assert English text, so they ask for English (`--lang en`, appended)
 * unless the arguments name a language or `lang: null` asks for the default:
 * the data's language, Swedish for the embedded data.
 */
export async function cli(args: string[], options: { cwd?: string; tty?: boolean; lang?: 'sv' | 'en' | null } = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const lang = options.lang === undefined ? 'en' : options.lang;
  const named = args.some((a) => a === '--lang' || a.startsWith('--lang='));
  const code = await run(lang === null || named ? args : [...args, '--lang', lang], {
    stdout: { write: (t: string) => (stdout += t), isTTY: options.tty ?? false, columns: 120 },
    stderr: { write: (t: string) => (stderr += t), isTTY: options.tty ?? false },
    env: { CI: '1' },
    ...(options.cwd !== undefined && { cwd: options.cwd }),
  });
  return { code, stdout, stderr };
}
