// Browser end-to-end suite: each file starts the real app in-process on a seeded in-memory
// database, serving the built SPA (run `vite build` first; `npm test` does), and drives
// Debian's Chromium through playwright-core. Files run one at a time: the machine is small and
// each file already runs a server and a browser.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
    // The app debounces inputs and loads screens on demand: give expectations time to settle.
    expect: { poll: { timeout: 10_000, interval: 100 } },
  },
});
