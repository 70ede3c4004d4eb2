import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    pool: 'forks',
    // The second reporter says at the end of the run when the browser tests were skipped (no Chromium).
    reporters: ['default', './test/helpers/browser-notice.ts'],
  },
});
