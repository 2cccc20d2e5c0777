/**
 * Firefox with the built add-on (.output/firefox-mv2, made by `npm run build:extension`), driven by
 * puppeteer-core over WebDriver BiDi, on the sample government pages (tests/support/extension-site.ts).
 * The counterpart of tests/extension/harness.ts (Chromium): where Chromium's suite evaluates in the service
 * worker, this one evaluates in an extension page kept open, with the same `browser.*` APIs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser as WebExtensionBrowser } from '@wxt-dev/browser';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { AXE_TAGS, axeSource, extensionStrings } from '../support/extension-site';
import { firefoxArgs, firefoxPath, firefoxPrefs } from '../support/firefox';

declare global {
  /** The WebExtension API inside extension pages (Firefox's `browser`). */
  const browser: typeof WebExtensionBrowser;
}

export const EXT_DIR = fileURLToPath(new URL('../../.output/firefox-mv2', import.meta.url));
/**
 * The `moz-extension://` host is random per profile; `extensions.webextensions.uuids` fixes it, so the tests
 * know the address of the popup and the options page.
 */
const EXTENSION_UUID = '6d3c9e0a-5b1f-4a52-9c2e-7f04b1a8d3e6';
/** Each step that drives the browser takes seconds on a loaded machine. */
export const SLOW = { timeout: 60_000 };

export interface Launched {
  browser: Browser;
  /** The add-on id, as Firefox installed it. */
  id: string;
  /** An extension page kept open: storage, tabs and messages are reached through it. */
  control: Page;
  /** The address of an extension page: `page('popup.html?tab=3')`. */
  page: (path: string) => string;
  /** Where Firefox saves downloads (the settings export). */
  downloads: string;
  /** Every request of the pages and extension pages opened through this harness, content scripts' included. */
  requests: string[];
  close: () => Promise<void>;
}

/** The add-on id the build declares (browser_specific_settings.gecko.id). */
export function addonId(): string {
  const manifest = JSON.parse(readFileSync(join(EXT_DIR, 'manifest.json'), 'utf8')) as { browser_specific_settings: { gecko: { id: string } } };
  return manifest.browser_specific_settings.gecko.id;
}

export function newProfile(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'arx-firefox-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Firefox with the add-on installed. It is installed as a temporary add-on (what `about:debugging` does):
 * Firefox removes it when it closes, and the next launch with the same profile installs it again, finding the
 * settings the profile kept. `prefs` adds preferences for one test (e.g. to answer permission prompts).
 */
export async function launch(options: { profileDir?: string; prefs?: Record<string, string | number | boolean> } = {}): Promise<Launched> {
  if (!existsSync(join(EXT_DIR, 'manifest.json'))) throw new Error(`No built add-on in ${EXT_DIR}: run \`npm run build:extension\` first.`);
  if (!existsSync(firefoxPath)) throw new Error(`No Firefox at ${firefoxPath}: install firefox-esr or set FIREFOX_PATH.`);
  const id = addonId();
  const downloads = mkdtempSync(join(tmpdir(), 'arx-downloads-'));
  // Firefox on Linux speaks through speech-dispatcher, which it starts when a page first asks for voices. A
  // runtime folder of this launch's own gives that daemon, and a silent sound card for it, sockets of their
  // own: nothing is shared with other runs, and both end when this Firefox does.
  const runtime = mkdtempSync(join(tmpdir(), 'arx-firefox-run-'));
  chmodSync(runtime, 0o700);
  const sound = await startSilentSoundCard(runtime);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath,
    headless: true,
    args: firefoxArgs,
    env: { ...process.env, XDG_RUNTIME_DIR: runtime },
    ...(options.profileDir ? { userDataDir: options.profileDir } : {}),
    defaultViewport: { width: 1280, height: 900 },
    extraPrefsFirefox: {
      ...firefoxPrefs,
      'extensions.webextensions.uuids': JSON.stringify({ [id]: EXTENSION_UUID }),
      'browser.download.dir': downloads,
      ...options.prefs,
    },
  });
  try {
    const installed = await browser.installExtension(EXT_DIR);
    if (installed !== id) throw new Error(`Firefox installed the add-on as ${installed}, not ${id}.`);
    const page = (path: string) => `moz-extension://${EXTENSION_UUID}/${path}`;
    const launched: Launched = {
      browser,
      id,
      control: undefined as unknown as Page,
      page,
      downloads,
      requests: [],
      close: async () => {
        await browser.close();
        endSpeechDispatcher(runtime);
        sound?.kill();
        rmSync(downloads, { recursive: true, force: true });
        rmSync(runtime, { recursive: true, force: true });
      },
    };
    launched.control = await openExtensionPage(launched, 'options.html');
    return launched;
  } catch (error) {
    await browser.close();
    endSpeechDispatcher(runtime);
    sound?.kill();
    throw error;
  }
}

/**
 * A PulseAudio server with one null sink, in `runtime`: speech then takes the time it takes to say the words,
 * and stopping it works, as with a real sound card (without one, speech-dispatcher never finishes an
 * utterance). Undefined where PulseAudio is not installed: speech then behaves as on such a machine.
 */
async function startSilentSoundCard(runtime: string): Promise<ChildProcess | undefined> {
  if (!existsSync('/usr/bin/pulseaudio')) return undefined;
  const args = ['-n', '--daemonize=no', '--exit-idle-time=-1', '--use-pid-file=false', '-L', 'module-null-sink sink_name=null', '-L', 'module-native-protocol-unix auth-anonymous=1'];
  const server = spawn('/usr/bin/pulseaudio', args, { env: { ...process.env, XDG_RUNTIME_DIR: runtime, HOME: runtime }, stdio: 'ignore' });
  server.on('error', () => undefined);
  const socket = join(runtime, 'pulse', 'native');
  for (let waited = 0; waited < 10_000 && !existsSync(socket) && server.exitCode === null; waited += 50) await new Promise((r) => setTimeout(r, 50));
  if (existsSync(socket)) return server;
  server.kill();
  return undefined;
}

/** Ends the speech-dispatcher this launch's Firefox started, if it did (found by its pid file in `runtime`). */
function endSpeechDispatcher(runtime: string): void {
  const file = join(runtime, 'speech-dispatcher', 'pid', 'speech-dispatcher.pid');
  if (!existsSync(file)) return;
  const pid = Number(readFileSync(file, 'utf8').trim());
  try {
    // Only that daemon: its command line names this launch's socket.
    if (Number.isInteger(pid) && pid > 0 && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(runtime)) process.kill(pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

export interface Opened {
  page: Page;
  /** Uncaught errors and console errors of the page, the content scripts' included. */
  errors: string[];
}

function watch(ff: Launched, page: Page): string[] {
  page.on('request', (r) => void ff.requests.push(r.url()));
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e instanceof Error ? e.message : String(e)));
  page.on('console', (m) => m.type() === 'error' && !/favicon/.test(m.text()) && errors.push(m.text()));
  return errors;
}

/** Opens a web page and collects its errors. */
export async function openPage(ff: Launched, url: string): Promise<Opened> {
  const page = await ff.browser.newPage();
  const errors = watch(ff, page);
  await page.goto(url);
  return { page, errors };
}

/**
 * Opens an extension page (popup.html?tab=…, options.html) in a tab. Firefox loads it in the extension's own
 * process, and WebDriver BiDi reports no navigation or console events for it: the page is ready when its own
 * document says so, and its errors are read with `addonErrors`.
 */
export async function openExtensionPage(ff: Launched, path: string): Promise<Page> {
  const page = await ff.browser.newPage();
  page.on('request', (r) => void ff.requests.push(r.url()));
  const url = ff.page(path);
  // Never settles for these pages (see above); the poll below is what waits.
  page.goto(url, { timeout: 0 }).catch(() => undefined);
  await waitFor(() => page.evaluate((u) => location.href === u && document.readyState === 'complete', url).catch(() => false), `${path} to load`);
  return page;
}

/** Polls `check` until it is true, every 100 ms, for at most `ms`. */
export async function waitFor(check: () => Promise<boolean> | boolean, what: string, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    if (await check()) return;
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** What the add-on stored (storage.sync: Firefox keeps it in the profile, and syncs it with a Firefox account). */
export function stored(ff: Launched): Promise<Record<string, unknown>> {
  return ff.control.evaluate(() => browser.storage.sync.get(null));
}

export function store(ff: Launched, values: Record<string, unknown>): Promise<void> {
  return ff.control.evaluate((v) => browser.storage.sync.set(v), values);
}

export function clearStore(ff: Launched): Promise<void> {
  return ff.control.evaluate(() => browser.storage.sync.clear());
}

/** The id of the tab showing `url`. */
export function tabIdOf(ff: Launched, url: string): Promise<number> {
  return ff.control.evaluate(async (u) => {
    const tabs = await browser.tabs.query({});
    const tab = tabs.find((t) => t.url === u);
    if (!tab?.id) throw new Error(`no tab for ${u}: ${tabs.map((t) => t.url).join(', ')}`);
    return tab.id;
  }, url);
}

/**
 * Runs a keyboard shortcut's command for a tab. WebDriver's key presses reach the page, not Firefox's own
 * shortcut handling, so this takes the extension pages' message path to the same `runCommand()` the
 * `commands.onCommand` listener calls (as the Chromium suite does).
 */
export function command(ff: Launched, name: string, tabId: number): Promise<unknown> {
  return ff.control.evaluate(([c, id]) => browser.runtime.sendMessage({ type: 'command', command: c, tabId: id }), [name, tabId] as const);
}

/** The add-on's strings in the language Firefox gave it (Debian's Firefox ESR without a language pack: English). */
export async function uiStrings(ff: Launched): Promise<{ lang: 'vi' | 'en'; t: (key: string, ...subs: string[]) => string }> {
  const lang = (await ff.control.evaluate(() => browser.i18n.getMessage('lang'))) === 'en' ? 'en' : 'vi';
  return { lang, t: extensionStrings(lang) };
}

/** axe-core on a page (evaluated, not tagged in: extension pages forbid inline scripts), WCAG 2.2 A/AA. */
export async function axe(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, AXE_TAGS);
}

/** The raw WebDriver BiDi session (Puppeteer's own is not typed on the public `Browser`). */
interface Bidi {
  send(method: string, params: object): Promise<{ result: Record<string, unknown> }>;
}

/**
 * Evaluates `expression` in Firefox's own browser window, with its privileges (reachable because of
 * `--remote-allow-system-access`), and returns its string result. For what no page can do: what a click on
 * the toolbar button grants, and what the Browser Console holds.
 */
async function inFirefoxItself(ff: Launched, expression: string): Promise<string> {
  const bidi = (ff.browser as unknown as { connection: Bidi }).connection;
  const { result: tree } = await bidi.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const window = (tree.contexts as { context: string; url: string }[]).find((c) => c.url === 'chrome://browser/content/browser.xhtml');
  if (!window) throw new Error('no Firefox browser window found');
  const { result } = await bidi.send('script.evaluate', { expression, target: { context: window.context }, awaitPromise: false });
  const outcome = result as { type: string; result?: { value?: unknown }; exceptionDetails?: { text?: string } };
  if (outcome.type !== 'success') throw new Error(`Firefox refused: ${outcome.exceptionDetails?.text ?? JSON.stringify(result)}`);
  return String(outcome.result?.value);
}

/**
 * What a click on the add-on's toolbar button grants: `activeTab` for the tab in front, so the popup may read
 * that tab's address. WebDriver cannot click Firefox's toolbar; this makes the very call Firefox's browser
 * action makes on a click (`tabManager.addActiveTabPermission`).
 */
export async function grantActiveTab(ff: Launched, page: Page): Promise<void> {
  await page.bringToFront();
  const front = await inFirefoxItself(
    ff,
    `(() => {
      WebExtensionPolicy.getByID(${JSON.stringify(ff.id)}).extension.tabManager.addActiveTabPermission(gBrowser.selectedTab);
      return gBrowser.selectedBrowser.currentURI.spec;
    })()`,
  );
  if (front !== page.url()) throw new Error(`activeTab went to ${front}, not ${page.url()}`);
}

/**
 * Uncaught errors the add-on's own files reported so far, from Firefox's Browser Console: the background
 * page's, the popup's, the options page's and the content scripts'. (WebDriver reports no console events for
 * extension pages; their `console.error` calls stay in the extension process and are not read here.)
 */
export async function addonErrors(ff: Launched): Promise<string[]> {
  const base = ff.page('');
  const json = await inFirefoxItself(
    ff,
    `JSON.stringify(Services.console.getMessageArray()
      .filter((m) => m instanceof Ci.nsIScriptError && !(m.flags & Ci.nsIScriptError.warningFlag) && (m.sourceName || '').startsWith(${JSON.stringify(base)}))
      .map((m) => m.errorMessage + ' (' + m.sourceName.slice(${base.length}) + ':' + m.lineNumber + ')'))`,
  );
  return JSON.parse(json) as string[];
}
