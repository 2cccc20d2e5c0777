/**
 * A project of someone who uses our npm packages: the tarballs `npm pack` makes, installed with `npm ci
 * --offline` into a temporary folder (no registry: the dependencies come from npm's cache, at the versions the
 * workspace's lockfile holds).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const WORKSPACES = ['@accessible-reader/components', '@accessible-reader/retrofit'] as const;

export interface Packed {
  name: string;
  filename: string;
  files: string[];
}

interface LockEntry {
  version?: string;
  resolved?: string;
  integrity?: string;
  dependencies?: Record<string, string>;
  link?: boolean;
  [key: string]: unknown;
}

const npm = (args: string[], cwd: string) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/** `npm pack` of each workspace package (built beforehand) into `dest`: what the registry would receive. */
export function pack(dest: string): Packed[] {
  const out = npm(['pack', '--json', '--pack-destination', dest, ...WORKSPACES.flatMap((w) => ['--workspace', w])], ROOT);
  return (JSON.parse(out) as { name: string; filename: string; files: { path: string }[] }[]).map((p) => ({ name: p.name, filename: p.filename, files: p.files.map((f) => f.path) }));
}

const integrity = (file: string) => `sha512-${createHash('sha512').update(readFileSync(file)).digest('base64')}`;

/**
 * Writes a consumer's package.json depending on the tarballs, and the package-lock.json npm would write for it:
 * the tarballs, and every dependency they pull in at the version, and with the integrity, of the workspace's
 * lockfile. `npm ci --offline` then installs it from the tarballs and npm's cache alone.
 */
export function writeConsumer(dir: string, packed: Packed[]): void {
  const workspaceLock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
  const dependencies = Object.fromEntries(packed.map((p) => [p.name, `file:${p.filename}`]));
  const packages: Record<string, LockEntry> = { '': { name: 'consumer', dependencies } };
  const queue: string[] = [];
  for (const p of packed) {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'node_modules', p.name, 'package.json'), 'utf8')) as { version: string; dependencies?: Record<string, string> };
    packages[`node_modules/${p.name}`] = { version: manifest.version, resolved: `file:${p.filename}`, integrity: integrity(join(dir, p.filename)), dependencies: manifest.dependencies };
    queue.push(...Object.keys(manifest.dependencies ?? {}));
  }
  while (queue.length > 0) {
    const name = queue.shift()!;
    const key = `node_modules/${name}`;
    if (packages[key]) continue;
    const entry = workspaceLock.packages[key];
    if (!entry?.version || entry.link) throw new Error(`${name}: not an installed registry package in the workspace's package-lock.json`);
    packages[key] = entry;
    queue.push(...Object.keys(entry.dependencies ?? {}));
  }
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module', dependencies }, null, 2));
  writeFileSync(join(dir, 'package-lock.json'), JSON.stringify({ name: 'consumer', lockfileVersion: 3, requires: true, packages }, null, 2));
}

/** `npm ci --offline` in the consumer's folder. */
export function install(dir: string): void {
  try {
    npm(['ci', '--offline', '--no-audit', '--no-fund', '--ignore-scripts'], dir);
  } catch (error) {
    const stderr = String((error as { stderr?: string }).stderr ?? '');
    if (stderr.includes('ENOTCACHED')) throw new Error(`npm's cache lacks a dependency of the packages (run \`npm ci\` at the root: it fills the cache).\n${stderr}`);
    throw error;
  }
}

/** The ```html examples of a README, in order. */
export function htmlExamples(readme: string): string[] {
  return [...readFileSync(join(ROOT, readme), 'utf8').matchAll(/^```html\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);
}
