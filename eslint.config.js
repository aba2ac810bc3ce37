import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// Imports flow one way: core <- worker, core <- features <- app.
const boundaries = [
  {
    files: ['src/core/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['react', 'react-dom', 'react/*'], message: 'The scoring core is framework-free.' },
          { group: ['**/app/**', '**/features/**', '**/worker/**', '**/components/**'], message: 'The core must not depend on the worker or the UI.' },
        ],
      }],
    },
  },
  {
    files: ['src/worker/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['react', 'react-dom'], message: 'The worker renders nothing.' },
          { group: ['**/app/**', '**/features/**', '**/components/**'], message: 'The worker only routes messages to the core.' },
        ],
      }],
    },
  },
  {
    files: ['src/features/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/app/**'], message: 'Features do not import the app shell.' }],
      }],
    },
  },
];

export default tseslint.config(
  { ignores: ['dist', 'dist-single', 'dist-cli', 'node_modules', 'test-results', 'playwright-report', '.bench'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, globals: { ...globals.browser, ...globals.node } },
  },
  {
    files: ['src/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  ...boundaries,
);
