import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/web-components-vite';
import { mergeConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * Stories import the components from source through the same aliases as vitest.config.ts, so an edit shows up
 * without a package build. The one build output Storybook needs is custom-elements.json (see preview.ts).
 */
const sourceAliases = [
  { find: /^@accessible-reader\/components$/, replacement: here('../packages/components/src/index.ts') },
  { find: /^@accessible-reader\/components\/(.*)\.js$/, replacement: here('../packages/components/src/$1.ts') },
];

/**
 * Under Vitest (the `storybook` project of `npm test`), play functions press real keys: see
 * stories/support/keyboard.ts for why the Storybook UI cannot, and what it does instead.
 */
const realKeyboard = process.env.VITEST
  ? [{ find: /^\.\/support\/keyboard$/, replacement: here('../stories/support/keyboard.vitest.ts') }]
  : [];

const config: StorybookConfig = {
  framework: '@storybook/web-components-vite',
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  // Files the stories fetch at run time (the related-articles JSON feed), served next to iframe.html as data/.
  staticDirs: [{ from: '../stories/data', to: '/data' }],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  // The project promises "no analytics"; the tool that documents it sends none either.
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  docs: { defaultName: 'API' },
  viteFinal: (viteConfig) =>
    mergeConfig(viteConfig, {
      resolve: { alias: [...sourceAliases, ...realKeyboard] },
      // Pre-bundled once: otherwise Vite discovers them mid-run (a reload in the Vitest project) or serves
      // Lit twice (the components' copy and the directives' copy), which breaks Lit's template checks.
      optimizeDeps: {
        include: ['lit', 'lit/directive-helpers.js', 'lit/directives/live.js', 'lit/directives/if-defined.js', 'axe-core'],
      },
      // Storybook's own UI and axe-core make chunks over Vite's 500 KB hint; a local docs site loads them once.
      build: { chunkSizeWarningLimit: 2048 },
    }),
};

export default config;
