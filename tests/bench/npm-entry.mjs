// The npm entry (packages/retrofit/src/index.ts, with its Readability fallback) built as one classic script that
// sets `window.__arNpm`: for running it in pages whose own scripts are off (npm run corpus, the parity test).
import { mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Builds the script into `outDir` (default: a folder in the system's temporary directory) and returns its source. */
export async function buildNpmEntry(outDir = join(tmpdir(), 'accessible-reader-npm-entry')) {
  const { build } = await import('vite');
  mkdirSync(outDir, { recursive: true });
  await build({
    configFile: false,
    logLevel: 'warn',
    root: join(ROOT, 'packages/retrofit'),
    resolve: { alias: { '@accessible-reader/components': join(ROOT, 'packages/components/src/index.ts') } },
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      outDir,
      emptyOutDir: false,
      target: 'es2022',
      minify: true,
      lib: { entry: join(ROOT, 'packages/retrofit/src/index.ts'), formats: ['iife'], name: '__arNpm', fileName: () => 'npm-entry.js' },
    },
  });
  return readFileSync(join(outDir, 'npm-entry.js'), 'utf8');
}
