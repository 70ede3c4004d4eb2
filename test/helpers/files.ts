/** Temporary files and child processes for tests. */
import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** A fresh temporary folder. */
export function tmpDir(prefix = 'samverkan-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A file with this name and content in a fresh temporary folder; its path. */
export function tmpFile(name: string, content: string | Uint8Array): string {
  const path = join(tmpDir(), name);
  writeFileSync(path, content);
  return path;
}

const ROOT = resolve(import.meta.dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const TSX_LOADER = pathToFileURL(join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;

/**
 * Run the CLI from the sources in a child process (a real process: its own
 * stdout, exit code and signals), with tsx's loader in that process, so
 * `node` options such as `--max-old-space-size` apply to it.
 */
export function cliProcess(
  args: string[],
  options: { env?: Record<string, string>; stdout?: number | 'pipe'; timeout?: number; cwd?: string; node?: string[] } = {},
): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [...(options.node ?? []), '--import', TSX_LOADER, join(ROOT, 'src', 'cli', 'main.ts'), ...args], {
    cwd: options.cwd ?? ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...options.env },
    stdio: ['ignore', options.stdout ?? 'pipe', 'pipe'],
    timeout: options.timeout ?? 60_000,
  });
}

/** Run a TypeScript file with tsx in a child process; its stdout. */
export function tsxScript(code: string, env: Record<string, string> = {}): string {
  const file = join(tmpDir('samverkan-script-'), 'script.mts');
  writeFileSync(file, code);
  return execFileSync(process.execPath, [TSX, file], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** The project root (for imports in {@link tsxScript} code). */
export const PROJECT_ROOT = ROOT;
