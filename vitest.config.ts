import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (pkg: string) => fileURLToPath(new URL(`./packages/${pkg}/src/index.ts`, import.meta.url));

// Tests import workspace packages from source, so `vitest` needs no build step.
export const alias = {
  '@vigil/core': src('core'),
  '@vigil/io': src('io'),
  '@vigil/report': src('report'),
  '@vigil/server': src('server'),
  '@vigil/client': src('client'),
};

export default defineConfig({
  resolve: { alias },
  test: {
    // CI (.ci/run) sets VIGIL_TEST_JSON to collect counts for its closing line.
    reporters: process.env.VIGIL_TEST_JSON ? ['default', 'json'] : ['default'],
    outputFile: process.env.VIGIL_TEST_JSON
      ? { json: `${process.env.VIGIL_TEST_JSON}/unit.json` }
      : undefined,
    include: ['packages/*/test/**/*.test.ts'],
    exclude: ['**/*.data.test.ts', '**/*.soak.test.ts', '**/node_modules/**'],
    testTimeout: 30_000,
  },
});
