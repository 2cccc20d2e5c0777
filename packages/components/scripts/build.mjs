// Builds @accessible-reader/components into dist/:
//   ES modules + .d.ts (tsc, one file per source module, so importing a component has no side effect),
//   custom-elements.json (from the JSDoc), contrast.css, and the CDN bundle dist/cdn/accessible-reader.js
//   (Lit inlined, defines all four tags), and THIRD_PARTY_NOTICES.txt for what that bundle carries.
//   Prints gzip sizes against the budgets in size-budgets.json.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { minifyLitCss } from './minify-lit-css.mjs';
import { build } from 'vite';
import { bundledPackages, thirdPartyNotices } from '../../../scripts/notices/index.mjs';

const pkg = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = resolve(pkg, 'dist');
const bin = (name) => resolve(pkg, '../../node_modules/.bin', name);
const budgets = JSON.parse(readFileSync(resolve(pkg, 'size-budgets.json'), 'utf8'));
const components = ['font-size', 'contrast-toggle', 'rating', 'related-articles'];

rmSync(dist, { recursive: true, force: true });
execFileSync(bin('tsc'), ['-p', 'tsconfig.build.json'], { cwd: pkg, stdio: 'inherit' });
execFileSync(bin('custom-elements-manifest'), ['analyze', '--config', 'custom-elements-manifest.config.mjs', '--quiet'], { cwd: pkg, stdio: 'inherit' });
copyFileSync(resolve(pkg, 'src/contrast-toggle/contrast.css'), resolve(dist, 'contrast.css'));

/** Minified single-file build of `entry`; `external` keeps Lit out when measuring a component's own code. */
async function bundle(entry, { external = [], outFile, plugins = [] } = {}) {
  const result = await build({
    configFile: false,
    logLevel: 'warn',
    plugins: [minifyLitCss(resolve(pkg, 'src')), ...plugins],
    build: {
      write: false,
      minify: true,
      target: 'es2022',
      lib: { entry: resolve(pkg, entry), formats: ['es'], fileName: () => 'bundle.js' },
      // Vite keeps whitespace in ES library builds; the CDN file and the size report want the minified truth.
      rolldownOptions: { external, output: { minify: true } },
    },
  });
  const code = [result].flat()[0].output[0].code;
  if (outFile) {
    mkdirSync(dirname(outFile), { recursive: true });
    writeFileSync(outFile, code);
  }
  return code;
}

const kb = (bytes) => `${(bytes / 1024).toFixed(2)} KB`;
const rows = [];
const inCdn = bundledPackages();
const cdn = await bundle('src/define.ts', { outFile: resolve(dist, 'cdn/accessible-reader.js'), plugins: [inCdn.plugin()] });
// The ES modules import Lit (the consumer installs it); the CDN file carries it, so its licence ships too.
const notices = thirdPartyNotices({
  product: '@accessible-reader/components',
  outputs: new Map([['dist/cdn/accessible-reader.js', new Set([...inCdn.outputs.values()].flatMap((dirs) => [...dirs]))]]),
  forbid: /GPL/,
});
writeFileSync(resolve(dist, 'THIRD_PARTY_NOTICES.txt'), notices);
rows.push(['CDN bundle (Lit + all four)', gzipSync(cdn).length, budgets.cdnBundle]);
// A component's own code: its folder only. Lit and the shared helpers are counted once, separately.
const sharedOrLit = [/^lit/, /[\\/]shared[\\/]/];
for (const name of components) {
  const code = await bundle(`src/${name}/define.ts`, { external: sharedOrLit });
  rows.push([`<ar-${name}> own code`, gzipSync(code).length, budgets.componentOwnCode]);
}

const report = rows.map(([name, gzip, budget]) => ({ name, gzipBytes: gzip, budgetBytes: budget, withinBudget: gzip <= budget }));
writeFileSync(resolve(dist, 'size-report.json'), JSON.stringify(report, null, 2) + '\n');
console.log('\nGzip sizes (budget):');
for (const r of report) console.log(`  ${r.withinBudget ? 'ok  ' : 'OVER'} ${r.name.padEnd(32)} ${kb(r.gzipBytes).padStart(9)}  (${kb(r.budgetBytes)})`);
