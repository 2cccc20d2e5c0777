import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', '.output/**', '.wxt/**', 'storybook-static/**', 'tests/fixtures/**', 'bench-results/**', '.cache/**'],
  },
  ...tseslint.configs.recommended,
  {
    files: ['packages/components/src/**/*.ts', 'packages/retrofit/src/**/*.ts', 'extension/**/*.ts', 'stories/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['packages/components/src/**/*.ts', 'packages/retrofit/src/**/*.ts', 'extension/**/*.ts'],
    ...wc.configs['flat/best-practice'],
  },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // Page data is text: markup from a page or a feed must never reach innerHTML (see DESIGN.md, Minimal trust).
      'no-restricted-properties': ['error', { property: 'innerHTML', message: 'Page data is text: use textContent or Lit bindings.' }, { property: 'outerHTML', message: 'Page data is text: use textContent or Lit bindings.' }],
      'no-restricted-imports': ['error', { paths: [{ name: 'lit/directives/unsafe-html.js', message: 'Page data is text, never HTML.' }] }],
    },
  },
  {
    // Tests build fixtures from trusted literals and compare snapshots of the whole page.
    files: ['tests/**/*.ts', 'stories/**/*.ts', '**/*.test.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
);
