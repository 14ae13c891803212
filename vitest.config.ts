import { defineConfig } from 'vitest/config';

/**
 * Two projects:
 * - `unit`: pure code in node (data/, utils/ without a browser), fast, run on every change;
 * - `e2e`: drives Debian's Chromium and Firefox ESR with the built extensions (`npm run build` and
 *   `npm run build:firefox` first; tests/e2e/browsers.ts), and a real Etherpad; slow, one file at a
 *   time so two browsers never compete for the 2 CPU cores.
 */
export default defineConfig({
  test: {
    reporters: ['default', './tests/summaryReporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          // Building the search index takes about a second; on two cores shared with a browser
          // build it can take several. A limit is for hung tests, not a speed target (npm run bench).
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          maxWorkers: 1,
        },
      },
    ],
  },
});
