// Builds @accessible-reader/retrofit:
//   dist/index.js                      ESM for bundlers (lit and @accessible-reader/components stay imports)
//   dist/settings.js                   the settings model alone (no DOM, no Lit): for storage and options pages
//   dist/core.js                       the engine without reader view, read-aloud and extraction
//   dist/first-paint.js                the page-wide part (no Lit, no adapters): styles a page before its article is known
//   dist/accessible-reader-retrofit.js one classic script: engine + Lit + components, window.AccessibleReader
//   dist/accessible-reader-reader.js   its reader view, read-aloud and extraction, loaded on first use
//   dist/*.d.ts                        declarations (tsc)
//   dist/THIRD_PARTY_NOTICES.txt       the licences of the packages the bundles carry (scripts/notices)
// and prints the bundle's gzip size against its budget.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build as viteBuild } from 'vite';
import { minifyLitCss } from '../../components/scripts/minify-lit-css.mjs';
import { bundledPackages, thirdPartyNotices } from '../../../scripts/notices/index.mjs';

const pkg = fileURLToPath(new URL('..', import.meta.url));
const repo = fileURLToPath(new URL('../../..', import.meta.url));
const BUDGET = 40 * 1024;
// The components from source, as the tests use them: no need to build them first.
const alias = { '@accessible-reader/components': fileURLToPath(new URL('../../components/src/index.ts', import.meta.url)) };

rmSync(`${pkg}dist`, { recursive: true, force: true });

// Every build below records the npm packages it bundles into each file, for dist/THIRD_PARTY_NOTICES.txt.
const bundled = bundledPackages();
const build = (config) => viteBuild(bundled.with(config));
// The ES modules import every dependency instead of carrying a copy: one copy each in a consumer's bundle.
const { dependencies } = JSON.parse(readFileSync(`${pkg}package.json`, 'utf8'));
const asImports = Object.keys(dependencies).map((name) => new RegExp(`^${name.replaceAll('.', '\\.')}($|/)`));

const common = { configFile: false, logLevel: 'warn', root: pkg, define: { 'process.env.NODE_ENV': '"production"' } };

await build({
  ...common,
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2022',
    minify: false,
    lib: { entry: { index: 'src/index.ts', core: 'src/core.ts', settings: 'src/settings.ts', 'first-paint': 'src/first-paint.ts' }, formats: ['es'], fileName: (_format, name) => `${name}.js` },
    rolldownOptions: { external: [/^lit($|\/)/, /^@lit\//, ...asImports] },
  },
});

await build({
  ...common,
  resolve: { alias },
  // The components' styles ride along in this bundle: minify their CSS as the components' own bundle does.
  plugins: [minifyLitCss(fileURLToPath(new URL('../../components/src', import.meta.url)))],
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2022',
    minify: true,
    lib: { entry: 'src/bundle.ts', formats: ['iife'], name: 'AccessibleReaderBundle', fileName: () => 'accessible-reader-retrofit.js' },
  },
});

// The reader script: extraction, reader view and read-aloud, loaded by the bundle on first use. It uses the
// components the bundle provided (components-source.ts), so neither Lit nor the components are in it twice.
await build({
  ...common,
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2022',
    minify: true,
    lib: { entry: 'src/bundle-reader.ts', formats: ['iife'], name: 'AccessibleReaderReader', fileName: () => 'accessible-reader-reader.js' },
  },
});

execFileSync(process.execPath, [`${repo}node_modules/typescript/bin/tsc`, '-p', `${pkg}tsconfig.build.json`, '--emitDeclarationOnly'], { stdio: 'inherit' });

const outputs = new Map([...bundled.outputs].map(([file, dirs]) => [`dist/${file}`, dirs]));
writeFileSync(`${pkg}dist/THIRD_PARTY_NOTICES.txt`, thirdPartyNotices({ product: '@accessible-reader/retrofit', outputs, forbid: /GPL/ }));

const bundle = readFileSync(`${pkg}dist/accessible-reader-retrofit.js`);
const gzip = gzipSync(bundle, { level: 9 }).length;
const reader = gzipSync(readFileSync(`${pkg}dist/accessible-reader-reader.js`), { level: 9 }).length;
const esm = gzipSync(readFileSync(`${pkg}dist/index.js`), { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(`dist/accessible-reader-retrofit.js  ${kb(bundle.length)} minified, ${kb(gzip)} gzip (budget ${kb(BUDGET)})`);
console.log(`dist/accessible-reader-reader.js     ${kb(reader)} gzip (loaded on first use)`);
console.log(`dist/index.js (engine only, unminified) ${kb(esm)} gzip`);
if (gzip > BUDGET) {
  console.error(`Accessible Reader: the retrofit bundle is over its gzip budget by ${kb(gzip - BUDGET)}.`);
  process.exit(1);
}
