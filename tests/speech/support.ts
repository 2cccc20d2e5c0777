/**
 * Real speech for the tests: the built extension in Chromium, with the computer's voices (speech-dispatcher and
 * eSpeak NG playing into a silent PulseAudio sink, all started here in a temporary folder and ended by their
 * process ids) or with no voice at all. `.ci/run` installs the packages; on a machine without them the tests
 * that need them say what to install.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../support/chromium';
import { EXT_DIR, GOV_HOST, clickToolbar } from '../extension/harness';

export { GOV_HOST, newProfile, startPages } from '../extension/harness';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** What real speech needs that is missing on this machine (empty: all there). */
export function missingSpeechTools(): string[] {
  return ['pulseaudio', 'pactl', 'speech-dispatcher', 'espeak-ng'].filter((tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0);
}

export interface SpeechServices {
  /** Environment for Chromium: where its speech-dispatcher is. */
  env: Record<string, string>;
  /** Ends the processes started here, by id, and removes their folder. */
  stop(): Promise<void>;
}

/**
 * A PulseAudio server with one silent sink (speech-dispatcher needs a sound card, or every utterance "ends" at
 * once) and a speech-dispatcher using it, both on sockets in a fresh folder: nothing is shared with other
 * programs of the machine, and nothing is left running.
 */
export async function startSpeechServices(): Promise<SpeechServices> {
  const dir = mkdtempSync(join(tmpdir(), 'arx-speech-'));
  const pulseSocket = join(dir, 'pulse', 'native');
  const speechSocket = join(dir, 'speechd.sock');
  const started: ChildProcess[] = [];
  const run = (cmd: string, args: string[], env: Record<string, string>) => {
    const p = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: 'ignore' });
    started.push(p);
    return p;
  };
  const stop = async () => {
    for (const p of started.reverse()) if (p.exitCode === null && p.pid) p.kill('SIGTERM');
    await sleep(200);
    for (const p of started) if (p.exitCode === null && p.pid) p.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    run('pulseaudio', ['-n', '--daemonize=no', '--exit-idle-time=-1', '--use-pid-file=no', '--disallow-exit', '-L', 'module-null-sink sink_name=silent', '-L', `module-native-protocol-unix socket=${pulseSocket} auth-anonymous=1`], {
      PULSE_RUNTIME_PATH: join(dir, 'pulse'),
      HOME: dir,
    });
    const pulse = { PULSE_SERVER: `unix:${pulseSocket}` };
    for (let i = 0; i < 100 && spawnSync('pactl', ['info'], { env: { ...process.env, ...pulse } }).status !== 0; i++) await sleep(100);
    if (spawnSync('pactl', ['info'], { env: { ...process.env, ...pulse } }).status !== 0) throw new Error('PulseAudio did not start');
    // -s: a single session, -t 0: no idle exit (it is ended here), -P: its own pid file (one already running for
    // the user does not stop this one); its modules (sd_espeak-ng) end with it.
    run('speech-dispatcher', ['-s', '-t', '0', '-c', 'unix_socket', '-S', speechSocket, '-L', dir, '-P', join(dir, 'speechd.pid')], pulse);
    for (let i = 0; i < 100 && !existsSync(speechSocket); i++) await sleep(100);
    if (!existsSync(speechSocket)) throw new Error('speech-dispatcher did not start');
    return { env: { SPEECHD_ADDRESS: `unix_socket:${speechSocket}` }, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

export interface Browser {
  context: BrowserContext;
  worker: Worker;
  close(): Promise<void>;
}

/**
 * Chromium with the built extension. `speech: 'system'` lets it use speech-dispatcher (the voices of the
 * computer); `'none'`: Chromium on Linux without it has no voice at all, the case of a computer with none.
 */
export async function launchReader(profileDir: string, speech: { env: Record<string, string> } | 'none'): Promise<Browser> {
  if (!existsSync(join(EXT_DIR, 'manifest.json'))) throw new Error(`No built extension in ${EXT_DIR}: run \`npm run build:extension\` first.`);
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1280, height: 900 },
    locale: 'vi-VN',
    env: { ...process.env, ...(speech === 'none' ? {} : speech.env) },
    // Media plays without a click first, as after the reader's click on "Đọc to".
    args: [
      ...chromiumArgs,
      ...(speech === 'none' ? [] : ['--enable-speech-dispatcher']),
      '--autoplay-policy=no-user-gesture-required',
      `--disable-extensions-except=${EXT_DIR}`,
      `--load-extension=${EXT_DIR}`,
      `--host-resolver-rules=MAP ${GOV_HOST} 127.0.0.1`,
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return { context, worker, close: () => context.close() };
}

/** Where read-aloud is on the page: its state (from the bar), the sentence and the word highlighted. */
export async function readingState(page: Page): Promise<{ status: string; sentence: string; word: string; main: string }> {
  return page.evaluate(() => {
    const h = (name: string) => {
      const set = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get(name);
      return set ? [...set].map((r) => r.toString()).join(' ') : '';
    };
    const bar = document.querySelector('[data-ar-read-aloud]')?.shadowRoot;
    return {
      status: bar?.querySelector('[role="status"]')?.textContent ?? '',
      main: bar?.querySelector('button')?.textContent?.trim() ?? '',
      sentence: h('ar-read-aloud').replace(/\s+/g, ' ').trim(),
      word: h('ar-read-aloud-word'),
    };
  });
}

/** Presses the engine toolbar's "Đọc to" on the page with the mouse, as the reader does (its root is closed). */
export async function pressReadAloud(page: Page): Promise<void> {
  await page.waitForFunction(() => !!document.querySelector('[data-ar-toolbar]'));
  await clickToolbar(page, 'Đọc to');
}
