/**
 * Chromium with the built extension (.output/chrome-mv3) loaded, and the sample government pages served on
 * 127.0.0.1 under made-up host names (a host-resolver rule maps them), so that `*.gov.vn` matching is real.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from '@wxt-dev/browser';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../support/chromium';

declare global {
  /** The extension API inside `worker.evaluate` and extension pages. */
  const chrome: typeof Browser;
}

export const EXT_DIR = fileURLToPath(new URL('../../.output/chrome-mv3', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../fixtures/gov-pages/', import.meta.url));
export const GOV_HOST = 'portal.phuong-test.gov.vn';
export const OTHER_HOST = 'other-site.test';
export const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Serves the sample pages (and, under `retrofit/` and `corpus/`, the pages of other platforms), plus two variants of the NukeViet one: `/own-script.html` with a button of the
 * site's own, and `/slow.html`, whose last script takes a second to arrive, so that the page is painted well
 * before DOMContentLoaded (when the engine starts): what is on screen then is the early stylesheet's work.
 */
export async function startPages(): Promise<{ port: number; url: (host: string, page?: string) => string; close: () => void }> {
  const pages = new Map(readdirSync(FIXTURES).filter((f) => f.endsWith('.html')).map((f) => [f, readFileSync(join(FIXTURES, f), 'utf8')]));
  // Pages of other platforms (the engine's and the extraction corpus's fixtures), under their folder's name.
  for (const dir of ['retrofit', 'corpus']) {
    const path = fileURLToPath(new URL(`../fixtures/${dir}/`, import.meta.url));
    if (existsSync(path)) for (const f of readdirSync(path).filter((n) => n.endsWith('.html'))) pages.set(`${dir}/${f}`, readFileSync(join(path, f), 'utf8'));
  }
  const nukeviet = pages.get('nukeviet45-default-news-detail.html')!;
  pages.set('slow.html', nukeviet.replace('</body>', '<script src="/slow.js"></script></body>'));
  pages.set(
    'own-script.html',
    nukeviet.replace(
      '</body>',
      `<p><button type="button" id="site-own">Số lượt bấm: 0</button></p>
<script>var n = 0; document.getElementById('site-own').addEventListener('click', function () { n++; this.textContent = 'Số lượt bấm: ' + n; });</script>
</body>`,
    ),
  );
  const server: Server = createServer((req, res) => {
    const name = (req.url ?? '/').split('?')[0]!.slice(1) || 'vhv-portal-article.html';
    if (name === 'slow.js') {
      setTimeout(() => res.writeHead(200, { 'content-type': 'text/javascript' }).end('window.slowLoaded = true;'), 1000);
      return;
    }
    const body = pages.get(name);
    if (!body) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    port,
    url: (host, page = 'vhv-portal-article.html') => `http://${host}:${port}/${page}`,
    close: () => server.close(),
  };
}

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
  return { context, worker, id, page: (path) => `chrome-extension://${id}/${path}` };
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

export function clearStore(worker: Worker): Promise<void> {
  return worker.evaluate(() => chrome.storage.sync.clear());
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

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

/**
 * The extension's strings in the language the browser actually gave it (Debian's Chromium without its l10n
 * package only has en-US), filled the way `chrome.i18n.getMessage` fills them: tests name controls by these.
 */
export async function uiStrings(worker: Worker): Promise<{ lang: 'vi' | 'en'; t: (key: string, ...subs: string[]) => string }> {
  const lang = (await worker.evaluate(() => chrome.i18n.getMessage('lang'))) === 'en' ? 'en' : 'vi';
  const file = fileURLToPath(new URL(`../../extension/public/_locales/${lang}/messages.json`, import.meta.url));
  const messages = JSON.parse(readFileSync(file, 'utf8')) as Messages;
  const t = (key: string, ...subs: string[]) => {
    const m = messages[key];
    if (!m) throw new Error(`no message ${key}`);
    return m.message
      .replace(/\$([a-z0-9_@]+)\$/gi, (_, name: string) => m.placeholders?.[name.toLowerCase()]?.content ?? '')
      .replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
  };
  return { lang, t };
}

/**
 * Evaluates `expression` in the content scripts' isolated world of `page` (Chromium), where the reader's UI is:
 * its toolbar's shadow root is closed, so the page (and Playwright's selectors) cannot reach it, and only
 * `chrome.dom.openOrClosedShadowRoot` there can. Returns the JSON value of the expression.
 */
export async function inContentScript<T>(page: Page, expression: string): Promise<T> {
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
export function toolbarControl(page: Page, text: string): Promise<{ x: number; y: number; width: number; height: number } | null> {
  return inContentScript(
    page,
    `(() => {
      const host = document.querySelector('[data-ar-toolbar]');
      const root = host && chrome.dom.openOrClosedShadowRoot(host);
      if (!root) return null;
      const el = [...root.querySelectorAll('button, label')].find((b) => b.textContent.trim().replace(/^Aa/, '').startsWith(${JSON.stringify(text)}));
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2, width: r.width, height: r.height };
    })()`,
  );
}

/** Clicks a toolbar control with the mouse, as the reader does (a trusted click). */
export async function clickToolbar(page: Page, text: string): Promise<void> {
  const box = await toolbarControl(page, text);
  if (!box) throw new Error(`no toolbar control "${text}"`);
  await page.mouse.click(box.x, box.y);
}
