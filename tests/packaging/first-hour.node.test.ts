/**
 * A newcomer's first commands: `npm test` says at once, in one line, what the computer lacks (before any build);
 * `npm start` builds each thing once and says in one line when its port is taken.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CHROMIUM, DEFAULT_FIREFOX } from '../../scripts/preflight.mjs';
import { ROOT } from './consumer';

const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
const PREFLIGHT = join(ROOT, 'scripts/preflight.mjs');
const SERVE = join(ROOT, 'packages/demo-site/serve.mjs');

/** Runs a script of ours in a fresh environment; everything it printed, as lines. */
function run(script: string, env: Record<string, string>, args: string[] = []) {
  const base = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' };
  const result = spawnSync(process.execPath, [script, ...args], { env: { ...base, ...env }, encoding: 'utf8', timeout: 30_000 });
  return { status: result.status, lines: `${result.stdout}${result.stderr}`.split('\n').filter(Boolean) };
}

/** Every command a script runs, with `npm run x` replaced by what x runs. */
function commands(name: string): string[] {
  return scripts[name]!.split(' && ').flatMap((step) => {
    const sub = /^npm run ([\w:-]+)$/.exec(step.trim());
    return sub ? commands(sub[1]!) : [step.trim()];
  });
}

describe('npm test, on a computer that lacks something', () => {
  it('checks the computer first, before the build; builds Storybook for the docs pages\' test', () => {
    expect(scripts.test).toMatch(/^node scripts\/preflight\.mjs && /);
    expect(commands('test').indexOf('storybook build -o storybook-static --quiet')).toBeLessThan(commands('test').indexOf('vitest run'));
    expect(commands('test')).toContain('storybook build -o storybook-static --quiet');
  });

  it('without Chromium: one line naming CHROMIUM_PATH and how to install it on Debian/Ubuntu, macOS and Windows', () => {
    const { status, lines } = run(PREFLIGHT, { CHROMIUM_PATH: '/nowhere/chromium' });
    expect(status).toBe(1);
    const errors = lines.filter((l) => !l.includes('tests/speech'));
    expect(errors).toHaveLength(1);
    for (const word of ['CHROMIUM_PATH', '/nowhere/chromium', 'Debian', 'Ubuntu', 'macOS', 'Windows', 'apt-get install chromium']) expect(errors[0]).toContain(word);
  });

  it('without Firefox: one line naming FIREFOX_PATH', () => {
    const { status, lines } = run(PREFLIGHT, { FIREFOX_PATH: '/nowhere/firefox' });
    expect(status).toBe(1);
    const errors = lines.filter((l) => !l.includes('tests/speech'));
    expect(errors).toHaveLength(1);
    for (const word of ['FIREFOX_PATH', '/nowhere/firefox', 'Debian', 'macOS', 'Windows']) expect(errors[0]).toContain(word);
  });

  it('without the speech tools: one line saying which and how, the tests go on; under CI it stops', () => {
    const nodeOnly = dirname(process.execPath);
    const local = run(PREFLIGHT, { PATH: nodeOnly });
    expect(local.status).toBe(0);
    expect(local.lines).toHaveLength(1);
    expect(local.lines[0]).toMatch(/tests\/speech.*speech-dispatcher.*apt-get install .*skipped/);
    const ci = run(PREFLIGHT, { PATH: nodeOnly, CI: 'true' });
    expect(ci.status).toBe(1);
    expect(ci.lines).toHaveLength(1);
    expect(ci.lines[0]).toMatch(/Under CI they are required/);
  });

  it('looks where the tests look', () => {
    expect(readFileSync(join(ROOT, 'tests/support/chromium.ts'), 'utf8')).toContain(`process.env.CHROMIUM_PATH || '${DEFAULT_CHROMIUM}'`);
    expect(readFileSync(join(ROOT, '.ci/run'), 'utf8')).toContain(`FIREFOX_PATH="\${FIREFOX_PATH:-${DEFAULT_FIREFOX}}"`);
  });
});

describe('npm start', () => {
  it('builds each thing once: the two packages, Storybook, and each extension (its zip builds it)', () => {
    const steps = commands('start');
    const count = (pattern: RegExp) => steps.filter((s) => pattern.test(s)).length;
    expect(count(/--workspace @accessible-reader\/components$/)).toBe(1);
    expect(count(/--workspace @accessible-reader\/retrofit$/)).toBe(1);
    expect(count(/^storybook build/)).toBe(1);
    expect(count(/^wxt (build|zip)$/)).toBe(1);
    expect(count(/^wxt (build|zip) -b firefox$/)).toBe(1);
    // The port is checked before the builds, then the server starts after them.
    expect(steps[0]).toBe('node packages/demo-site/serve.mjs --check-port');
    expect(steps.at(-1)).toBe('node packages/demo-site/serve.mjs');
  });

  describe('when its port is taken', () => {
    let other: Server;
    let port: number;
    beforeAll(async () => {
      other = createServer();
      await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
      port = (other.address() as { port: number }).port;
    });
    afterAll(() => other.close());

    it('says so in one line, with the PORT to use instead, before building (--check-port) and at start', () => {
      for (const args of [['--check-port'], []]) {
        const { status, lines } = run(SERVE, { PORT: String(port) }, args);
        expect(status).toBe(1);
        expect(lines).toEqual([`Accessible Reader demo: port ${port} on 127.0.0.1 is already in use (another npm start?). Stop that program, or choose another port: PORT=${port + 1} npm start`]);
      }
    });

    it('a PORT that is not a number is refused in one line', () => {
      const { status, lines } = run(SERVE, { PORT: 'huit' }, ['--check-port']);
      expect(status).toBe(1);
      expect(lines).toEqual(['Accessible Reader demo: PORT=huit is not a port number (0 to 65535).']);
    });
  });

  it('--check-port on a free port ends at once and serves nothing', async () => {
    const child = spawn(process.execPath, [SERVE, '--check-port'], { env: { ...process.env, PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    // A server that stays up is the failure: it is ended here rather than left running.
    const serving = setTimeout(() => child.kill(), 3_000);
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    clearTimeout(serving);
    expect(code).toBe(0);
    expect(output).toBe('');
  });
});
