import { defineConfig } from 'vitest/config';
import { alias } from './vitest.config.js';

// Soak tests (minutes of load on a server in a child process): run alone after the unit tests, so their load does
// not slow the timing-sensitive unit tests beside them, and theirs are not disturbed either.
export default defineConfig({
  resolve: { alias },
  test: {
    reporters: process.env.VIGIL_TEST_JSON ? ['default', 'json'] : ['default'],
    outputFile: process.env.VIGIL_TEST_JSON
      ? { json: `${process.env.VIGIL_TEST_JSON}/soak.json` }
      : undefined,
    include: ['packages/*/test/**/*.soak.test.ts'],
    testTimeout: 300_000,
  },
});
