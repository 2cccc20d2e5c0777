/**
 * Chromium with the built extension (.output/chrome-mv3) loaded, and the sample government pages served on
 * 127.0.0.1 under made-up host names (a host-resolver rule maps them), so that `*.gov.vn` matching is real.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from '@wxt-dev/browser';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../support/chromium';
import { OTHER_HOST, axeSource, extensionStrings } from '../support/extension-site';
import { controlBox, onToolbar, type Box, type Probe } from '../support/toolbar-probes';

// The sample pages and strings are shared with the Firefox suite (tests/firefox).
export { GOV_HOST, OTHER_HOST, axeSource, startPages } from '../support/extension-site';

declare global {
  /** The extension API inside `worker.evaluate` and extension pages. */
  const chrome: typeof Browser;
}

export const EXT_DIR = fileURLToPath(new URL('../../.output/chrome-mv3', import.meta.url));

export interface Launched {
  context: BrowserContext;
  worker: Worker;
  id: string;
  /** The extension page URL: `page('popup.html?tab=3')`. */
  page: (path: string) => string;
}

export function newProfile(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'arx-profile-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Chromium with the extension; `lang` sets the browser's UI language, which picks the extension's strings. */
export async function launch(profileDir: string, lang: 'vi' | 'en' = 'vi'): Promise<Launched> {
  if (!existsSync(join(EXT_DIR, 'manifest.json'))) throw new Error(`No built extension in ${EXT_DIR}: run \`npm run build:extension\` first.`);
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1280, height: 900 },
    locale: lang === 'vi' ? 'vi-VN' : 'en-US',
    env: { ...process.env, LANGUAGE: lang, LANG: lang === 'vi' ? 'vi_VN.UTF-8' : 'en_US.UTF-8' },
    args: [
      ...chromiumArgs,
      `--lang=${lang}`,
      `--disable-extensions-except=${EXT_DIR}`,
      `--load-extension=${EXT_DIR}`,
      // Every government host reaches the sample pages: one choice must hold on all of them.
      `--host-resolver-rules=MAP *.gov.vn 127.0.0.1, MAP ${OTHER_HOST} 127.0.0.1`,
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const id = new URL(worker.url()).host;
  await scriptsRegistered(worker);
  return { context, worker, id, page: (path) => `chrome-extension://${id}/${path}` };
}

/**
 * Waits until the background has registered the reader's scripts for government sites (it does so when the
 * extension is installed or the browser starts; a page opened before would get no reader, as for a person).
 * With `everySite`, until they run on every government site again, none excluded (after the settings are cleared).
 */
export async function scriptsRegistered(worker: Worker, everySite = false): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const registered = await worker
      .evaluate(async (all) => (await chrome.scripting.getRegisteredContentScripts()).some((s) => s.id === 'gov' && (!all || !(s.excludeMatches ?? []).length)), everySite)
      .catch(() => false);
    if (registered) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(everySite ? 'the reader’s scripts were not registered again for every government site within 10 s' : 'the extension did not register its scripts within 10 s');
}

/**
 * Stands in for the user clicking "Allow" on the browser's permission prompt, which headless Chromium cannot
 * show: with the browser closed, the granted origin is written into the profile the way Chromium records it.
 */
export function grantOriginOffline(profileDir: string, extensionId: string, origin: string): void {
  const file = join(profileDir, 'Default', 'Preferences');
  const prefs = JSON.parse(readFileSync(file, 'utf8'));
  const ext = prefs.extensions.settings[extensionId];
  for (const set of [ext.granted_permissions, ext.active_permissions]) {
    set.explicit_host = [...(set.explicit_host ?? []), origin];
  }
  writeFileSync(file, JSON.stringify(prefs));
}

/** Opens a page and collects its errors (uncaught exceptions and console errors other than missing favicons). */
export async function openPage(context: BrowserContext, url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && !/favicon|Failed to load resource/.test(m.text()) && errors.push(m.text()));
  await page.goto(url);
  return { page, errors };
}

/** Runs axe-core on an extension page (its CSP forbids inline scripts, so axe is evaluated, not tagged in). */
export async function axe(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

/** What the extension stored, straight from the service worker. */
export function stored(worker: Worker): Promise<Record<string, unknown>> {
  return worker.evaluate(() => chrome.storage.sync.get(null));
}

export function store(worker: Worker, values: Record<string, unknown>): Promise<void> {
  return worker.evaluate((v) => chrome.storage.sync.set(v), values);
}

/**
 * Clears the stored settings and waits until the background has registered the reader's scripts again for every
 * government site: it does so after the storage change, asynchronously, and a test that turned a site off and
 * opened a page of it right after clearing would otherwise race it (a loaded machine lost that race: no reader).
 */
export async function clearStore(worker: Worker): Promise<void> {
  await worker.evaluate(() => chrome.storage.sync.clear());
  await scriptsRegistered(worker, true);
}

/** The id of the tab showing `url` (the extension can see it: it has that host's permission). */
export function tabIdOf(worker: Worker, url: string): Promise<number> {
  return worker.evaluate(async (u) => {
    const tabs = await chrome.tabs.query({});
    const tab = tabs.find((t) => t.url === u);
    if (!tab?.id) throw new Error(`no tab for ${u}: ${tabs.map((t) => t.url).join(', ')}`);
    return tab.id;
  }, url);
}

/**
 * The extension's strings in the language the browser actually gave it (Debian's Chromium without its l10n
 * package only has en-US), filled the way `chrome.i18n.getMessage` fills them: tests name controls by these.
 */
export async function uiStrings(worker: Worker): Promise<{ lang: 'vi' | 'en'; t: (key: string, ...subs: string[]) => string }> {
  const lang = (await worker.evaluate(() => chrome.i18n.getMessage('lang'))) === 'en' ? 'en' : 'vi';
  return { lang, t: extensionStrings(lang) };
}

/**
 * Evaluates `expression` in the content scripts' isolated world of `page` (Chromium), where the reader's UI is:
 * its toolbar's shadow root is closed, so the page (and Playwright's selectors) cannot reach it, and only
 * `chrome.dom.openOrClosedShadowRoot` there can. Returns the JSON value of the expression.
 */
export async function inContentScript<T>(page: Page, expression: Probe<T> | string): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const contexts: Array<{ id: number; origin: string; auxData?: { type?: string; isDefault?: boolean } }> = [];
    cdp.on('Runtime.executionContextCreated', (e: { context: (typeof contexts)[number] }) => contexts.push(e.context));
    await cdp.send('Runtime.enable');
    const world = contexts.find((c) => c.auxData?.type === 'isolated' && c.origin.startsWith('chrome-extension://'));
    if (!world) throw new Error('no content script world in this page');
    const r = (await cdp.send('Runtime.evaluate', { contextId: world.id, expression, returnByValue: true, awaitPromise: true })) as {
      result: { value: T };
      exceptionDetails?: { exception?: { description?: string } };
    };
    if (r.exceptionDetails) throw new Error(r.exceptionDetails.exception?.description ?? 'evaluation failed');
    return r.result.value;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** Where a control of the reader's toolbar is on the screen: its box, by the start of its text. */
export function toolbarControl(page: Page, text: string): Promise<Box | null> {
  return inContentScript(page, onToolbar(controlBox, text));
}

/** Clicks a toolbar control with the mouse, as the reader does (a trusted click). */
export async function clickToolbar(page: Page, text: string): Promise<void> {
  const box = await toolbarControl(page, text);
  if (!box) throw new Error(`no toolbar control "${text}"`);
  await page.mouse.click(box.x, box.y);
}
