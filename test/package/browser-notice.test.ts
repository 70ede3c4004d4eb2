/**
 * The fresh-machine contract of the test command: without Chromium the
 * browser tests are skipped and the run ends with a loud notice and the
 * command that enables them; under CI a missing browser fails the run. Runs
 * vitest on one browser test file in a child process, with CHROMIUM_PATH
 * pointing nowhere.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { INSTALL_CHROMIUM } from '../helpers/chromium.js';

function vitest(env: Record<string, string>) {
  const { CI: _ci, GITHUB_ACTIONS: _gh, ...rest } = process.env;
  return spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', 'test/report/browser.test.ts'], {
    env: { ...rest, CHROMIUM_PATH: '/nonexistent/chromium', NO_COLOR: '1', ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
}

describe('browser tests on a machine without Chromium', () => {
  it('pass as skipped, with the notice at the end naming the command that enables them', () => {
    const r = vitest({});
    expect(r.status, r.stderr).toBe(0);
    const tail = r.stdout.slice(r.stdout.lastIndexOf('BROWSER TESTS SKIPPED'));
    expect(r.stdout).toMatch(/BROWSER TESTS SKIPPED: \d+ tests? did not run, because Chromium is not at \/nonexistent\/chromium/);
    expect(tail).toContain(INSTALL_CHROMIUM);
  }, 150_000);

  it('fail under CI (CI=true)', () => {
    const r = vitest({ CI: 'true' });
    expect(r.status).toBe(1);
    expect(r.stdout).not.toContain('BROWSER TESTS SKIPPED');
    expect(r.stdout + r.stderr).toMatch(/Chromium not found/);
  }, 150_000);
});
