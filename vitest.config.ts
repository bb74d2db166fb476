import { resolve } from 'node:path';

import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          alias: { '@': resolve(import.meta.dirname) },
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One Chromium at a time: these machines have two cores.
          fileParallelism: false,
          // A change soon after a read shows after the content script's read interval (lib/readPace.ts: 1 s, 3 s
          // while no alert is near) plus a frame: a poll's default 1 s is shorter than what the overlay promises.
          expect: { poll: { timeout: 5000 } },
        },
      },
    ],
  },
});
