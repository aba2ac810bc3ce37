// Mutation testing of the pure code: `npm run test:mutation` (not part of `npm test`: a full run
// takes long on this machine). A surviving mutant is a missing assertion; the ones judged
// equivalent are listed, with reasons, in docs/equivalent-mutants.md.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: [
    'src/core/**/*.ts',
    '!src/core/**/*.test.ts',
    '!src/core/**/*.test-support.ts',
    // The workers' request answering: everything except the two message routers, which need a
    // worker (the browser tests drive them).
    'src/worker/*.ts',
    '!src/worker/*.test.ts',
    '!src/worker/*.test-support.ts',
    '!src/worker/churn.worker.ts',
    '!src/worker/train.worker.ts',
    '!src/worker/protocol.ts',
  ],
  coverageAnalysis: 'perTest',
  // Later runs test only mutants whose code or tests changed. The file stays on the machine
  // (reports/ is git-ignored): every branch would rewrite it, and it holds nothing a review needs.
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 85, low: 75, break: null },
  // The machine is shared: one test process unless asked for more (--concurrency N).
  concurrency: 1,
  // Added to 1.5 × a mutant's normal test time: a mutant that loops forever is caught in seconds.
  timeoutMS: 5_000,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
