import { defineConfig } from 'vitest/config';

// The tests StrykerJS runs against each mutant of src/core and the worker's pure modules
// (stryker.config.mjs): the unit and property tests of those folders. The training and
// generator tests under scripts/ exercise the same code far more slowly and add no assertion
// on it that these lack.
export default defineConfig({
  test: {
    include: ['src/core/**/*.test.ts', 'src/worker/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
