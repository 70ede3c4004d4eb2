import type { CliIO } from './context.js';

export interface Progress {
  /** Report `done` of `total` units. */
  update(done: number, total: number): void;
  /** Clear the bar. */
  finish(): void;
}

const QUIET: Progress = { update() {}, finish() {} };

/**
 * A progress bar on stderr for long work. Only on a terminal: when stderr is
 * piped or redirected, or under CI (`CI` set), it stays silent so logs and
 * piped output are clean. Redraws at most every 100 ms.
 */
export function progressBar(io: CliIO, label: string): Progress {
  const env = io.env ?? process.env;
  if (!io.stderr.isTTY || env.CI || env.SAMVERKAN_NO_PROGRESS) return QUIET;
  let last = 0;
  let drawn = false;
  return {
    update(done, total) {
      const now = Date.now();
      if (done < total && now - last < 100) return;
      last = now;
      const width = 30;
      const share = total > 0 ? Math.min(1, done / total) : 0;
      const filled = Math.round(share * width);
      io.stderr.write(`\r${label} [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${Math.round(share * 100)}% `);
      drawn = true;
    },
    finish() {
      if (drawn) io.stderr.write('\r\u001b[2K');
    },
  };
}
