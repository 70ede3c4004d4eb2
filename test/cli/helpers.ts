import { run } from '../../src/cli/run.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run the CLI in-process with captured output (not a terminal, as when piped). */
export async function cli(args: string[], options: { cwd?: string; tty?: boolean } = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    stdout: { write: (t: string) => (stdout += t), isTTY: options.tty ?? false, columns: 120 },
    stderr: { write: (t: string) => (stderr += t), isTTY: options.tty ?? false },
    env: { CI: '1' },
    ...(options.cwd !== undefined && { cwd: options.cwd }),
  });
  return { code, stdout, stderr };
}
