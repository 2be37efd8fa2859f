import { defineConfig } from 'vitest/config';
import { alias } from './vitest.config.js';

// Tests on the real data sets in ../shared/data (not part of a user's clone).
export default defineConfig({
  resolve: { alias },
  test: {
    include: ['packages/*/test/**/*.data.test.ts'],
    testTimeout: 120_000,
  },
});
