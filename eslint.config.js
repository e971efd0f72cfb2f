import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'generated/', 'out/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // A suite asserts a refusal only through its family's refusal check, which runs the positive control first.
    files: ['families/*/suites/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/oracles/refusal.ts', '**/refusal-oracles.ts'], message: 'assert refusals through the refusal check (control first)' }] },
      ],
    },
  },
);
