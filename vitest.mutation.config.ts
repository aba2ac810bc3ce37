import { defineConfig } from 'vitest/config';

// The tests StrykerJS runs against each mutant of src/core and the worker's request answering
// (stryker.config.mjs): the unit tests of those folders. Left out because each takes tens of
// seconds and would run again for nearly every mutant: the training and generator tests under
// scripts/, the large-input tests (files of megabytes) and the property tests over random files
// and random tables scored by ONNX. Their assertions are on the same invariants the corpus and
// unit tests check on small files; `npm test` runs them all.
export default defineConfig({
  test: {
    include: ['src/core/**/*.test.ts', 'src/worker/**/*.test.ts'],
    exclude: ['src/core/read/large-input.test.ts', 'src/core/read/read-properties.test.ts', 'src/core/scoring/scoring-properties.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
