import { defineConfig } from 'vitest/config';
import { alias } from './vitest.config.js';

// Tests on the real data sets in ../shared/data (not part of a user's clone).
export default defineConfig({
  resolve: { alias },
  test: {
    // CI (.ci/run) sets VIGIL_TEST_JSON to collect counts for its closing line.
    reporters: process.env.VIGIL_TEST_JSON ? ['default', 'json'] : ['default'],
    outputFile: process.env.VIGIL_TEST_JSON
      ? { json: `${process.env.VIGIL_TEST_JSON}/data.json` }
      : undefined,
    include: ['packages/*/test/**/*.data.test.ts'],
    testTimeout: 120_000,
  },
});
