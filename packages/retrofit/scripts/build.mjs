// Builds @accessible-reader/retrofit:
//   dist/index.js                      ESM for bundlers (lit and @accessible-reader/components stay imports)
//   dist/settings.js                   the settings model alone (no DOM, no Lit): for storage and options pages
//   dist/accessible-reader-retrofit.js one classic script: engine + Lit + components, window.AccessibleReader
//   dist/accessible-reader-reading.js  the reader view, read-aloud and Readability, which that script loads
//                                      from beside itself (they do not fit in its 40 KB budget)
//   dist/*.d.ts                        declarations (tsc)
// and prints the bundle's gzip size against its budget.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { minifyLitCss } from '../../components/scripts/minify-lit-css.mjs';

const pkg = fileURLToPath(new URL('..', import.meta.url));
const repo = fileURLToPath(new URL('../../..', import.meta.url));
const BUDGET = 40 * 1024;
// The components from source, as the tests use them: no need to build them first.
const alias = { '@accessible-reader/components': fileURLToPath(new URL('../../components/src/index.ts', import.meta.url)) };

rmSync(`${pkg}dist`, { recursive: true, force: true });

const common = { configFile: false, logLevel: 'warn', root: pkg, define: { 'process.env.NODE_ENV': '"production"' } };

await build({
  ...common,
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2022',
    minify: false,
    lib: { entry: { index: 'src/index.ts', settings: 'src/settings.ts' }, formats: ['es'], fileName: (_format, name) => `${name}.js` },
    rolldownOptions: { external: [/^lit($|\/)/, /^@lit\//, /^@accessible-reader\/components($|\/)/] },
  },
});

const src = (path) => fileURLToPath(new URL(`../src/${path}`, import.meta.url));
/** Resolves imports whose path ends like a key of `map` to its value (a file, or an external module id). */
const redirect = (map) => ({
  name: 'accessible-reader-redirect',
  enforce: 'pre',
  resolveId(source) {
    for (const [end, to] of Object.entries(map)) if (source.endsWith(end)) return to;
    return null;
  },
});

await build({
  ...common,
  resolve: { alias },
  plugins: [
    // The components' styles ride along in this bundle: minify their CSS as the components' own bundle does.
    minifyLitCss(fileURLToPath(new URL('../../components/src', import.meta.url))),
    // The reader view and read-aloud come from the reading chunk: the engine (its toolbar) gets stand-ins.
    redirect({ '/reader/reader.js': src('chunks/load.ts'), '/read-aloud/page.js': src('chunks/load.ts') }),
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2022',
    // Terser packs this bundle about 1 KB (gzip) smaller than the default minifier.
    minify: 'terser',
    terserOptions: { ecma: 2020, compress: { passes: 2 }, format: { comments: false } },
    lib: { entry: 'src/bundle.ts', formats: ['iife'], name: 'AccessibleReaderBundle', fileName: () => 'accessible-reader-retrofit.js' },
  },
});

// The reading chunk. Its imports of extract/extract.js and of the components are the bundle's modules, found
// on a global at run time: one extraction state, one class per custom element.
const shared = (name) => ({ id: `accessible-reader:${name}`, external: true });
await build({
  ...common,
  plugins: [redirect({ '/extract/extract.js': shared('extract'), './extract.js': shared('extract'), '@accessible-reader/components': shared('components') })],
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2022',
    minify: 'terser',
    lib: { entry: 'src/chunks/reading.ts', formats: ['iife'], name: 'AccessibleReaderReading', fileName: () => 'accessible-reader-reading.js' },
    rolldownOptions: { output: { globals: { 'accessible-reader:extract': 'AccessibleReaderChunks.extract', 'accessible-reader:components': 'AccessibleReaderChunks.components' } } },
  },
});

execFileSync(process.execPath, [`${repo}node_modules/typescript/bin/tsc`, '-p', `${pkg}tsconfig.build.json`, '--emitDeclarationOnly'], { stdio: 'inherit' });

const bundle = readFileSync(`${pkg}dist/accessible-reader-retrofit.js`);
const gzip = gzipSync(bundle, { level: 9 }).length;
const esm = gzipSync(readFileSync(`${pkg}dist/index.js`), { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(`dist/accessible-reader-retrofit.js  ${kb(bundle.length)} minified, ${kb(gzip)} gzip (budget ${kb(BUDGET)})`);
console.log(`dist/accessible-reader-reading.js    ${kb(gzipSync(readFileSync(`${pkg}dist/accessible-reader-reading.js`), { level: 9 }).length)} gzip, loaded beside it`);
console.log(`dist/index.js (engine only, unminified) ${kb(esm)} gzip`);
if (gzip > BUDGET) {
  console.error(`Accessible Reader: the retrofit bundle is over its gzip budget by ${kb(gzip - BUDGET)}.`);
  process.exit(1);
}
