import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { chromiumArgs, chromiumPath } from './tests/support/chromium.ts';
import { testServer } from './tests/support/test-server.ts';

/** Real Chromium for everything that touches the DOM: components, the engine, axe-core. */
const chromium = playwright({
  launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
});

/** Tests and stories use the packages' sources, so no build is needed between an edit and a test run. */
const sourceAliases = [
  { find: /^@accessible-reader\/components$/, replacement: fileURLToPath(new URL('./packages/components/src/index.ts', import.meta.url)) },
  { find: /^@accessible-reader\/components\/(.*)\.js$/, replacement: fileURLToPath(new URL('./packages/components/src/$1.ts', import.meta.url)) },
  { find: /^@accessible-reader\/retrofit$/, replacement: fileURLToPath(new URL('./packages/retrofit/src/index.ts', import.meta.url)) },
  { find: /^@accessible-reader\/retrofit\/([a-z-]+)\.js$/, replacement: fileURLToPath(new URL('./packages/retrofit/src/$1.ts', import.meta.url)) },
];

export default defineConfig({
  resolve: { alias: sourceAliases },
  plugins: [testServer()],
  // Pre-bundled once so that Vitest does not discover them mid-run and reload the page.
  optimizeDeps: { include: ['lit', 'lit/directives/live.js', 'lit/directives/if-defined.js', 'axe-core'] },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/**/*.test.ts'],
          setupFiles: ['tests/support/lit-dev-mode.ts'],
          exclude: ['tests/**/*.node.test.ts', 'tests/extension/**', 'tests/firefox/**'],
          browser: {
            enabled: true,
            provider: chromium,
            headless: true,
            instances: [{ browser: 'chromium' }],
            screenshotFailures: false,
          },
        },
      },
      {
        extends: true,
        test: {
          name: 'node',
          include: ['tests/**/*.node.test.ts'],
          environment: 'node',
        },
      },
      {
        // The built Firefox add-on in Firefox ESR (puppeteer-core over WebDriver BiDi). After every other
        // project and one file at a time: two browsers' worth of load at once makes slow machines flaky.
        extends: true,
        test: {
          name: 'firefox',
          include: ['tests/firefox/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
      {
        // Every story is a test: it renders, its play function passes, and axe finds nothing (parameters.a11y.test
        // = 'error' in .storybook/preview.ts). Stories and globs come from .storybook/main.ts.
        extends: true,
        plugins: [storybookTest({ configDir: fileURLToPath(new URL('./.storybook', import.meta.url)) })],
        test: {
          name: 'storybook',
          setupFiles: ['tests/support/lit-dev-mode.ts'],
          browser: {
            enabled: true,
            provider: chromium,
            headless: true,
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});
