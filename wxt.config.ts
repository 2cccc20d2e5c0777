import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';
import { buildVietnameseVoice } from './extension/scripts/espeak-vietnamese.mjs';
import { compileLitTemplates } from './extension/build/compile-lit-templates';
import { readabilityWithoutMarkup } from './extension/build/readability-without-markup';
import { bundledPackages, thirdPartyNotices } from './scripts/notices/index.mjs';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const require = createRequire(import.meta.url);

/** Host patterns the extension works on without asking: Vietnamese government portals. */
const GOV_MATCHES = ['*://*.gov.vn/*', '*://gov.vn/*'];

/** The npm packages each entrypoint's build bundles, for THIRD_PARTY_NOTICES.txt (see scripts/notices). */
const bundled = bundledPackages();

/**
 * The browser extension (sources in extension/). The engine and the components are bundled from their
 * TypeScript sources, so `npm run build:extension` needs no package build first.
 */
export default defineConfig({
  srcDir: 'extension',
  publicDir: 'extension/public',
  outDir: '.output',
  // Explicit imports only: the code reads the same with or without WXT's generated globals.
  imports: false,
  // `wxt` (dev mode) must not try to open a browser on machines without a display.
  webExt: { disabled: true },
  vite: () => ({
    // No markup is parsed at run time: Lit templates are compiled at build time, Readability copies nodes.
    plugins: [compileLitTemplates(), readabilityWithoutMarkup(), bundled.plugin()],
    resolve: {
      alias: [
        { find: /^@accessible-reader\/components$/, replacement: here('./packages/components/src/index.ts') },
        { find: /^@accessible-reader\/components\/(.*)\.js$/, replacement: here('./packages/components/src/$1.ts') },
        { find: /^@accessible-reader\/retrofit$/, replacement: here('./packages/retrofit/src/index.ts') },
        { find: /^@accessible-reader\/retrofit\/([a-z-]+)\.js$/, replacement: here('./packages/retrofit/src/$1.ts') },
      ],
    },
    build: {
      // Minified: every government page parses the content scripts at load (measured in tests/bench). Store
      // reviewers get the readable sources in the sources zip (zip.includeSources below).
      minify: true,
    },
  }),
  hooks: {
    'build:before': () => bundled.reset(),
    // The built-in voice (eSpeak NG, Vietnamese data only; GPL-3.0, see extension/README.md), made from its npm
    // package at each build and never committed.
    'build:publicAssets': (_wxt, files) => {
      const voice = buildVietnameseVoice();
      files.push(
        { absoluteSrc: voice.js, relativeDest: 'espeak/espeak-ng.js' },
        { absoluteSrc: voice.data, relativeDest: 'espeak/espeak-ng.data' },
        { absoluteSrc: voice.licence, relativeDest: 'espeak/COPYING' },
      );
      // Public assets are copied after every entrypoint is built: the notices see all that was bundled.
      const notices = thirdPartyNotices({
        product: 'Accessible Reader (browser extension)',
        outputs: bundled.outputs,
        extra: [
          {
            dir: dirname(require.resolve('@echogarden/espeak-ng-emscripten/package.json')),
            in: 'espeak/',
            about: 'eSpeak NG, the built-in Vietnamese voice (Vietnamese data only), compiled to WebAssembly',
          },
        ],
      });
      files.push({ contents: notices, relativeDest: 'THIRD_PARTY_NOTICES.txt' });
    },
  },
  zip: {
    artifactTemplate: 'accessible-reader-{{version}}-{{browser}}.zip',
    sourcesTemplate: 'accessible-reader-{{version}}-sources.zip',
    // Sources for Mozilla's review: everything that makes the bundle, nothing else.
    includeSources: ['extension/**', 'packages/components/src/**', 'packages/retrofit/src/**', 'packages/*/package.json', 'scripts/notices/**', 'wxt.config.ts', 'package.json', 'package-lock.json', 'tsconfig.base.json', 'LICENSE'],
    excludeSources: ['extension/public/icon/**'],
  },
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'vi',
    // offscreen: Chrome plays the built-in voice in an offscreen document (Firefox in its background page).
    permissions: ['storage', 'scripting', 'activeTab', ...(browser === 'firefox' ? [] : ['offscreen'])],
    host_permissions: GOV_MATCHES,
    // Any other site only when the user turns the reader on for it, one origin at a time.
    ...(manifestVersion === 3
      ? { optional_host_permissions: ['*://*/*'] }
      : { optional_permissions: ['*://*/*'] }),
    action: { default_title: '__MSG_actionTitle__' },
    // Four suggested keys at most (Chrome's limit). Checked free in Chromium: Alt+Shift+C, R and X are refused.
    commands: {
      'increase-text': { suggested_key: { default: 'Alt+Shift+Up' }, description: '__MSG_cmdIncrease__' },
      'decrease-text': { suggested_key: { default: 'Alt+Shift+Down' }, description: '__MSG_cmdDecrease__' },
      'toggle-contrast': { suggested_key: { default: 'Alt+Shift+H' }, description: '__MSG_cmdContrast__' },
      'toggle-site': { suggested_key: { default: 'Alt+Shift+O' }, description: '__MSG_cmdToggleSite__' },
      // Chrome allows four suggested keys; the reader assigns this one in chrome://extensions/shortcuts.
      'reader-view': { description: '__MSG_cmdReaderView__' },
    },
    ...(browser === 'firefox'
      ? {
          // WebAssembly for the built-in voice (Chrome's MV3 default already allows it).
          content_security_policy: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self';",
          browser_specific_settings: {
            gecko: {
              // The add-on's id for good: a signed version, its updates and the reader's settings (kept under it) follow it.
              id: 'accessible-reader@accessible-reader.github.io',
              strict_min_version: '140.0',
              // The extension collects and sends nothing (this key needs Firefox 140).
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
