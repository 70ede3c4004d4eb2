#!/usr/bin/env node
import { run, scanLang } from './run.js';
import { message } from '../model/i18n/index.js';
import { fileErrorReason } from './output.js';
import { startLang } from './lang.js';


/** Standard output failed: `… | head` closing the pipe early is not an error; anything else (a full disk) is said in one line, exit 1. */
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  try {
    let lang = startLang({});
    try {
      lang = scanLang(process.argv.slice(2)) ?? lang;
    } catch {
      // A bad --lang was said already.
    }
    process.stderr.write(`samverkan: ${message(lang, 'output.stdout', { reason: fileErrorReason(error, lang), code: error.code ? ` (${error.code})` : '' })}\n`);
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
