import { defineConfig } from 'vitest/config';

// The tests StrykerJS runs against each mutant of src/core and the worker's request answering
// (stryker.config.mjs): the unit tests of those folders. Left out because each takes tens of
// seconds and would run again for nearly every mutant: the training and generator tests under
// scripts/, the large-input tests (files of megabytes) and the property tests over random files
// and random tables scored by ONNX. Their assertions are on the same invariants the corpus and
// unit tests check on small files; `npm test` runs them all.
//
// MUTATION_TESTS (comma-separated globs) narrows the tests, say to one folder's own: a mutant of
// a module-level constant (a zod schema, a table of file signatures) reruns every test, about a
// minute each on this machine, so spec/ alone would take hours with all of them. Fewer tests can
// only kill fewer mutants: the score is then a lower bound.
const narrowed = process.env.MUTATION_TESTS?.split(',').filter(Boolean);

export default defineConfig({
  test: {
    include: narrowed?.length ? narrowed : ['src/core/**/*.test.ts', 'src/worker/**/*.test.ts'],
    exclude: [
      'src/core/read/large-input.test.ts',
      'src/core/read/read-properties.test.ts',
      'src/core/scoring/scoring-properties.test.ts',
    ],
    environment: 'node',
    setupFiles: ['scripts/property-seed.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
