import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (pkg: string) => fileURLToPath(new URL(`./packages/${pkg}/src/index.ts`, import.meta.url));

// Tests import workspace packages from source, so `vitest` needs no build step.
export const alias = {
  '@vigil/core': src('core'),
  '@vigil/io': src('io'),
  '@vigil/report': src('report'),
};

export default defineConfig({
  resolve: { alias },
  test: {
    include: ['packages/*/test/**/*.test.ts'],
    exclude: ['**/*.data.test.ts', '**/node_modules/**'],
    testTimeout: 30_000,
  },
});
