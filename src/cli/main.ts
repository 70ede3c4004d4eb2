#!/usr/bin/env node
import { run } from './run.js';

/** Standard output failed: `… | head` closing the pipe early is not an error; anything else (a full disk) is said in one line, exit 1. */
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  const reason = error.code === 'ENOSPC' ? 'no space left on the device' : error.code === 'EDQUOT' ? 'the disk quota is exceeded' : error.message;
  try {
    process.stderr.write(`samverkan: cannot write to standard output: ${reason}${error.code ? ` (${error.code})` : ''}\n`);
  } finally {
    process.exit(1);
  }
});
// Nothing can be said when standard error itself fails: exit without a stack trace.
process.stderr.on('error', () => process.exit(process.exitCode || 1));

run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`samverkan: ${String(error)}\n`);
    process.exitCode = 1;
  },
);
