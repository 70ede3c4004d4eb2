/**
 * A vitest reporter that says, at the very end of a run, when the browser
 * tests were skipped because Chromium is missing (see test/helpers/chromium.ts),
 * and the one command that enables them. Loud on purpose: a green run that
 * did not open a browser must not pass for one that did.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Reporter, TestModule } from 'vitest/node';
import { CHROMIUM_PATH, INSTALL_CHROMIUM, isCi } from './chromium.js';

/** The skipped tests of the files that use the Chromium harness. */
function skippedBrowserTests(modules: ReadonlyArray<TestModule>): { files: string[]; tests: number } {
  const files: string[] = [];
  let tests = 0;
  for (const module of modules) {
    const file = module.moduleId;
    if (!existsSync(file) || !readFileSync(file, 'utf8').includes('itInChromium(')) continue;
    let skipped = 0;
    for (const test of module.children.allTests()) if (test.result().state === 'skipped') skipped++;
    if (skipped > 0) {
      files.push(module.relativeModuleId);
      tests += skipped;
    }
  }
  return { files, tests };
}

export default class BrowserNotice implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    if (existsSync(CHROMIUM_PATH) || isCi()) return;
    const { files, tests } = skippedBrowserTests(modules);
    if (tests === 0) return;
    const rule = '═'.repeat(78);
    process.stdout.write(
      [
        '',
        rule,
        `  BROWSER TESTS SKIPPED: ${tests} test${tests === 1 ? '' : 's'} did not run, because Chromium is not at ${CHROMIUM_PATH}`,
        `  (${files.join(', ')}).`,
        '  The HTML report and the maps were NOT checked in a browser. Enable those tests with:',
        '',
        `      ${INSTALL_CHROMIUM}`,
        '',
        '  (or set CHROMIUM_PATH to a Chromium binary). Under CI (CI=true) a missing browser fails the run.',
        rule,
        '',
      ].join('\n'),
    );
  }
}
