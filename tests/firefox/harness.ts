/**
 * Firefox with the built add-on (.output/firefox-mv2, made by `npm run build:extension`), driven by
 * puppeteer-core over WebDriver BiDi, on the sample government pages (tests/support/extension-site.ts).
 * The counterpart of tests/extension/harness.ts (Chromium): where Chromium's suite evaluates in the service
 * worker, this one evaluates in an extension page kept open, with the same `browser.*` APIs.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Browser as WebExtensionBrowser } from '@wxt-dev/browser';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { AXE_TAGS, axeSource, extensionStrings } from '../support/extension-site';
import { firefoxArgs, firefoxPath, firefoxPrefs } from '../support/firefox';
import { onToolbar, controlBox, type Box, type Probe } from '../support/toolbar-probes';

declare global {
  /** The WebExtension API inside extension pages (Firefox's `browser`). */
  const browser: typeof WebExtensionBrowser;
}

export const EXT_DIR = fileURLToPath(new URL('../../.output/firefox-mv2', import.meta.url));
export const WEB_EXT = fileURLToPath(new URL('../../node_modules/web-ext/bin/web-ext.js', import.meta.url));
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
  /**
   * Quits Firefox as a person does (File > Quit): the open tabs are saved for session restore, and the
   * add-on, if installed for good, starts again with the next launch on this profile.
   */
  quit: () => Promise<void>;
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
 * How the add-on gets into this Firefox. `temporary`: as `about:debugging` does (Firefox removes it when it
 * closes; the next launch with the same profile installs it again and finds the settings the profile kept).
 * `permanent`: for good, as a signed add-on from addons.mozilla.org is (its file, unsigned here: Firefox ESR
 * accepts that with `xpinstall.signatures.required` off). `none`: already in the profile, from a permanent
 * install in an earlier launch: Firefox starts it by itself, as at any start of a reader's browser.
 */
export type Install = 'temporary' | 'permanent' | 'none';

/**
 * Firefox with the add-on. `prefs` adds preferences for one test (e.g. to answer permission prompts, or to
 * restore the previous session).
 */
export async function launch(options: { profileDir?: string; prefs?: Record<string, string | number | boolean>; install?: Install } = {}): Promise<Launched> {
  if (!existsSync(join(EXT_DIR, 'manifest.json'))) throw new Error(`No built add-on in ${EXT_DIR}: run \`npm run build:extension\` first.`);
  if (!existsSync(firefoxPath)) throw new Error(`No Firefox at ${firefoxPath}: install firefox-esr or set FIREFOX_PATH.`);
  const install = options.install ?? 'temporary';
  const id = addonId();
  const xpi = install === 'permanent' ? await packedAddon() : undefined;
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
      // The add-on installed for good is unsigned: Firefox ESR would turn it off at the next start otherwise.
      'xpinstall.signatures.required': false,
      'browser.download.dir': downloads,
      ...options.prefs,
    },
  });
  const cleanUp = () => {
    endSpeechDispatcher(runtime);
    sound?.kill();
    rmSync(downloads, { recursive: true, force: true });
    rmSync(runtime, { recursive: true, force: true });
  };
  try {
    if (install !== 'none') {
      const bidi = (browser as unknown as { connection: Bidi }).connection;
      const { result } = await bidi.send('webExtension.install', {
        extensionData: xpi ? { type: 'archivePath', path: xpi } : { type: 'path', path: EXT_DIR },
        ...(xpi ? { 'moz:permanent': true } : {}),
      });
      if (result.extension !== id) throw new Error(`Firefox installed the add-on as ${String(result.extension)}, not ${id}.`);
    }
    const page = (path: string) => `moz-extension://${EXTENSION_UUID}/${path}`;
    const launched: Launched = {
      browser,
      id,
      control: undefined as unknown as Page,
      page,
      downloads,
      requests: [],
      close: async () => {
        await browser.close().catch(() => undefined);
        cleanUp();
      },
      quit: async () => {
        const process = browser.process();
        const exited = process && process.exitCode === null ? new Promise((resolve) => process.once('exit', resolve)) : Promise.resolve();
        // Later, so that the evaluation returns before Firefox starts quitting.
        await inFirefoxItself(launched, 'setTimeout(() => Services.startup.quit(Ci.nsIAppStartup.eAttemptQuit), 100); "quitting"');
        await exited;
        await browser.close().catch(() => undefined);
        cleanUp();
      },
    };
    launched.control = await openExtensionPage(launched, 'options.html');
    await scriptsRegistered(launched);
    return launched;
  } catch (error) {
    await browser.close().catch(() => undefined);
    cleanUp();
    throw error;
  }
}

let packed: Promise<string> | undefined;
/** The add-on as one file (what addons.mozilla.org distributes), made once per test file from the build. */
function packedAddon(): Promise<string> {
  return (packed ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arx-xpi-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    await promisify(execFile)(process.execPath, [WEB_EXT, 'build', '--source-dir', EXT_DIR, '--artifacts-dir', dir, '--filename', 'accessible-reader.xpi', '--overwrite-dest']);
    return join(dir, 'accessible-reader.xpi');
  })());
}

/**
 * Waits until the background has registered the reader's scripts for government sites: it does so when the
 * add-on is installed and at each start of Firefox, which forgets them when it closes. A page opened
 * before would get no reader (the background starts it in tabs already open, once).
 */
export async function scriptsRegistered(ff: Launched): Promise<void> {
  await waitFor(() => ff.control.evaluate(async () => (await browser.scripting.getRegisteredContentScripts()).some((s) => s.id === 'gov')).catch(() => false), 'the reader’s scripts to be registered');
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

/**
 * Stores `values` as the add-on's pages do, and waits until the background has followed the change: which
 * sites get the reader's scripts is settled before the test opens its next page (a page opened while the
 * background re-registers them would get no reader, as it would for a person).
 */
export async function store(ff: Launched, values: Record<string, unknown>): Promise<void> {
  await ff.control.evaluate((v) => browser.storage.sync.set(v), values);
  await registrationsFollowed(ff);
}

export async function clearStore(ff: Launched): Promise<void> {
  await ff.control.evaluate(() => Promise.all([browser.storage.sync.clear(), browser.storage.local.clear()]));
  await registrationsFollowed(ff);
}

/** The background's own `sync` message (extension pages may send it): resolves once the registrations are done. */
export async function registrationsFollowed(ff: Launched): Promise<void> {
  await ff.control.evaluate(() => browser.runtime.sendMessage({ type: 'sync' }));
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

const tabIds = new WeakMap<Page, number>();

/**
 * The id of the tab a Puppeteer page is (the add-on's tab ids are not WebDriver's). Several tabs may show the
 * same address: the page's `performance.timeOrigin`, which the content script's world reads too, tells them apart.
 */
export async function tabOf(ff: Launched, page: Page): Promise<number> {
  const known = tabIds.get(page);
  if (known !== undefined) return known;
  const url = page.url();
  const ids = await ff.control.evaluate(async (u) => (await browser.tabs.query({})).filter((t) => t.url === u && t.id !== undefined).map((t) => t.id!), url);
  let id = ids.length === 1 ? ids[0] : undefined;
  if (ids.length > 1) {
    const origin = await page.evaluate(() => performance.timeOrigin);
    for (const candidate of ids) if ((await runInTab<number>(ff, candidate, 'performance.timeOrigin')) === origin) id = candidate;
  }
  if (id === undefined) throw new Error(`no tab of the add-on's shows ${url}`);
  tabIds.set(page, id);
  return id;
}

/** `expression`'s value in the add-on's content-script world of a tab's top frame (scripting.executeScript). */
async function runInTab<T>(ff: Launched, tabId: number, expression: string): Promise<T> {
  // Written into the control page's own code, so that the function handed to executeScript is a real one
  // (an extension page may not make functions from strings).
  const [frame] = (await ff.control.evaluate(
    `browser.scripting.executeScript({ target: { tabId: ${tabId} }, func: async () => (${expression}) }).then((r) => r.map((f) => ({ result: f.result, error: f.error === undefined ? undefined : String(f.error) })))`,
  )) as { result?: T; error?: string }[];
  if (!frame) throw new Error(`nothing ran in tab ${tabId}`);
  if (frame.error !== undefined) throw new Error(`in the content script's world: ${frame.error}`);
  return frame.result as T;
}

/**
 * Evaluates `expression` in the add-on's content-script world of `page`, where the reader's UI lives: the
 * toolbar's shadow root is closed, so the page (and Puppeteer's selectors) cannot reach it; there,
 * `element.openOrClosedShadowRoot` can (Firefox gives it to add-ons' content scripts). The counterpart of
 * Chromium's `inContentScript` (tests/extension/harness.ts, CDP and `chrome.dom.openOrClosedShadowRoot`).
 */
export async function inContentScript<T>(ff: Launched, page: Page, expression: Probe<T> | string): Promise<T> {
  return runInTab<T>(ff, await tabOf(ff, page), expression);
}

/** Where a control of the reader's toolbar is on the screen (CSS px of the viewport), by the start of its text. */
export function toolbarControl(ff: Launched, page: Page, text: string): Promise<Box | null> {
  return inContentScript(ff, page, onToolbar(controlBox, text));
}

/** Clicks a control of the reader's toolbar with the mouse, as the reader does (a trusted click). */
export async function clickToolbar(ff: Launched, page: Page, text: string): Promise<void> {
  const box = await toolbarControl(ff, page, text);
  if (!box || !box.width) throw new Error(`no toolbar control "${text}" on the screen`);
  await page.mouse.click(box.x, box.y);
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
export async function inFirefoxItself(ff: Launched, expression: string): Promise<string> {
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
 * Takes note of the reader's scripts Firefox has registered right now (its own objects, in its parent process);
 * the function returned tells whether the same ones are still registered, none taken down and made again since.
 */
export async function noteRegistrations(ff: Launched): Promise<() => Promise<boolean>> {
  const policy = `WebExtensionPolicy.getByID(${JSON.stringify(ff.id)})`;
  const count = await inFirefoxItself(ff, `(window.__arxNoted = [...${policy}.contentScripts]).length`);
  if (!(Number(count) >= 2)) throw new Error(`Firefox has ${count} scripts of the add-on registered`);
  return async () => (await inFirefoxItself(ff, `(() => { const now = ${policy}.contentScripts; return now.length === window.__arxNoted.length && now.every((s, i) => s === window.__arxNoted[i]); })()`)) === 'true';
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
