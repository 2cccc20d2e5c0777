/**
 * The reader view in the built extension (.output/chrome-mv3: `npm run build:extension` first), at 1280 x 800:
 * opened from the popup's button, the `reader-view` command (reached, as a shortcut would, through the extension
 * page message path) and the toolbar's "Chế độ đọc"; guarded like the toolbar (a closed shadow root, read here in
 * the content scripts' world); its settings remembered across closing, a reload and another page; a corrupt
 * stored value read as the defaults; axe-core clean in every state; Esc closes and gives focus back.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GOV_HOST, axeSource, clearStore, inContentScript, launch, newProfile, openPage, startPages, store, tabIdOf, toolbarControl, uiStrings, type Launched } from '../extension/harness';
import { onReaderView, viewControlBox } from '../support/toolbar-probes';

const SLOW = { timeout: 90_000 };
const VIEWPORT = { width: 1280, height: 800 };
const TITLE = 'Đảng uỷ phường Duy Tân tổ chức Tọa đàm kỷ niệm 95 năm Ngày truyền thống công tác Dân vận của Đảng';
/** The view's closed shadow root, as the content scripts' world reaches it. */
const ROOT = `chrome.dom.openOrClosedShadowRoot(document.querySelector('[data-ar-reader]'))`;

interface ViewState {
  open: boolean;
  title: string;
  titleTop: number;
  barHeight: number;
  pct: string;
  contrast: string;
  spacing: boolean;
  width: string;
  theme: string;
  fontSize: number;
}

let ext: Launched;
let pages: Awaited<ReturnType<typeof startPages>>;
let profile: ReturnType<typeof newProfile>;

beforeAll(async () => {
  pages = await startPages();
  profile = newProfile();
  ext = await launch(profile.dir);
}, 60_000);

afterAll(async () => {
  await ext?.context.close();
  pages?.close();
  profile?.remove();
});

beforeEach(async () => {
  await clearStore(ext.worker);
  await ext.worker.evaluate(() => chrome.storage.local.clear());
  for (const p of ext.context.pages()) if (p.url() !== 'about:blank') await p.close();
});

async function open(file = 'vhv-portal-article.html'): Promise<{ page: Page; errors: string[] }> {
  const opened = await openPage(ext.context, pages.url(GOV_HOST, file));
  await opened.page.setViewportSize(VIEWPORT);
  await opened.page.waitForFunction(() => !!document.querySelector('[data-ar-toolbar]'), null, { timeout: 15_000 });
  return opened;
}

/** What the reader sees of the view: read in the content scripts' world (the page's own script cannot). */
function viewState(page: Page): Promise<ViewState | null> {
  return inContentScript(
    page,
    `(() => {
      const host = document.querySelector('[data-ar-reader]');
      if (!host) return null;
      const root = ${ROOT};
      const checked = (name) => root.querySelector('input[name="' + name + '"]:checked')?.value ?? '';
      const h1 = root.querySelector('h1');
      return {
        open: !!root, title: h1.textContent, titleTop: h1.getBoundingClientRect().top,
        barHeight: root.querySelector('.bar').getBoundingClientRect().height,
        pct: root.querySelector('.pct').textContent, contrast: checked('contrast'), width: checked('width'),
        spacing: root.querySelector('#more input[type="checkbox"]').checked,
        theme: root.querySelector('.scroller').className,
        fontSize: parseFloat(getComputedStyle(root.querySelector('article p:not(.meta)')).fontSize),
      };
    })()`,
  );
}

/** Clicks a control of the view with the mouse (a trusted click), found by its visible words. */
async function clickView(page: Page, words: string): Promise<void> {
  const box = await inContentScript(page, onReaderView(viewControlBox, words));
  if (!box) throw new Error(`no control "${words}" in the reader view`);
  await page.mouse.click(box.x, box.y);
}

/** Opens the view with the toolbar's "Chế độ đọc" (a real click) and waits for it. */
async function openFromToolbar(page: Page): Promise<ViewState> {
  // After a reload Chrome puts back the scroll position, which can leave the toolbar just above the screen:
  // the reader scrolls up to it first.
  await page.evaluate(() => {
    const bar = document.querySelector('[data-ar-toolbar]')!.getBoundingClientRect();
    if (bar.top < 0 || bar.bottom > innerHeight) scrollBy(0, bar.top - 8);
  });
  const box = (await toolbarControl(page, 'Chế độ đọc'))!;
  await page.mouse.click(box.x, box.y);
  await page.waitForFunction(() => !!document.querySelector('[data-ar-reader]'), null, { timeout: 15_000 });
  return (await viewState(page))!;
}

/**
 * axe-core in the content scripts' world, where `shadowRoot` is made to return closed roots too: the view and
 * the toolbar are audited as the reader meets them, with the page around them.
 */
async function axeInExtension(page: Page): Promise<string[]> {
  const loaded = await inContentScript<boolean>(page, `typeof axe !== 'undefined'`);
  if (!loaded) {
    await inContentScript(page, `${axeSource};
      Object.defineProperty(HTMLElement.prototype, 'shadowRoot', { configurable: true, get() { return chrome.dom.openOrClosedShadowRoot(this) ?? null; } });
      true`);
  }
  return inContentScript<string[]>(
    page,
    `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } })
      .then((r) => r.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', ')))`,
  );
}

const storedReader = () => ext.worker.evaluate(() => chrome.storage.local.get('reader').then((r) => r.reader));

describe('reader view in the extension', SLOW, () => {
  it('the popup button opens it over the page, guarded; Esc gives the page back exactly', async () => {
    const url = pages.url(GOV_HOST);
    const { page, errors } = await open();
    const before = await page.evaluate(() => document.documentElement.outerHTML);
    const tabId = await tabIdOf(ext.worker, url);
    const { t } = await uiStrings(ext.worker);
    const popup = (await openPage(ext.context, ext.page(`popup.html?tab=${tabId}`))).page;
    await popup.getByRole('button', { name: t('readerView') }).click();
    await page.waitForFunction(() => !!document.querySelector('[data-ar-reader]'));
    await popup.close();
    const view = (await viewState(page))!;
    expect(view.title).toBe(TITLE);
    // Closed to the page's own script, like the toolbar.
    expect(await page.evaluate(() => document.querySelector('[data-ar-reader]')!.shadowRoot)).toBeNull();
    // Components under the extension's own prefix, the page hidden from assistive technology.
    expect(await inContentScript(page, `${ROOT}.querySelectorAll('arx-rating').length`)).toBe(1);
    expect(await page.evaluate(() => [...document.body.children].filter((c) => !c.hasAttribute('data-ar-reader') && c.localName !== 'script').every((c) => c.hasAttribute('inert')))).toBe(true);
    const article = await inContentScript<string>(page, `${ROOT}.querySelector('article').textContent`);
    expect(article).toContain('Dự Tọa đàm có đồng chí Nguyễn Văn Hùng');
    for (const f of ['Thống kê truy cập', 'Văn bản mới', 'Trang chủ']) expect(article).not.toContain(f);
    await page.bringToFront();
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('[data-ar-reader]'));
    expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(before);
    expect(errors).toEqual([]);
  });

  it('the reader-view command toggles it, also where the reader is turned off for the site', async () => {
    await store(ext.worker, { [`site:${GOV_HOST}`]: { enabled: false } });
    const url = pages.url(GOV_HOST, 'nukeviet45-default-news-detail.html');
    const { page, errors } = await openPage(ext.context, url);
    const tabId = await tabIdOf(ext.worker, url);
    const sender = (await openPage(ext.context, ext.page('options.html'))).page;
    const command = () => sender.evaluate((id) => chrome.runtime.sendMessage({ type: 'command', command: 'reader-view', tabId: id }), tabId);
    await command();
    await page.waitForFunction(() => !!document.querySelector('[data-ar-reader]'));
    expect(await page.locator('[data-ar-toolbar]').count()).toBe(0); // the engine stays off here
    expect(await inContentScript(page, `${ROOT}.querySelector('article').textContent`)).toContain('Tham dự Hội nghị có các đồng chí');
    await command();
    await page.waitForFunction(() => !document.querySelector('[data-ar-reader]'));
    expect(errors).toEqual([]);
  });

  it('remembers its settings: across closing, a reload, another page and the popup path; the page keeps its own', async () => {
    // The page at 150 %: the first time, the view starts from the page's size.
    await store(ext.worker, { defaults: { fontScale: 1.5, contrast: 'off', spacing: 'off', font: 'page', hideClutter: false, toolbar: true, minFontSize: 20, minContrast: 4.5 } });
    const { page, errors } = await open();
    let view = await openFromToolbar(page);
    expect(view).toMatchObject({ pct: '150%', contrast: 'off', spacing: false, width: 'medium' });
    expect(await storedReader()).toBeUndefined();
    // The reader's own clicks: A+ twice, yellow on black, spacing and a narrow line.
    await clickView(page, 'A+');
    await clickView(page, 'A+');
    await clickView(page, 'Màu chữ và nền');
    await clickView(page, 'Vàng trên đen');
    await clickView(page, 'Thêm');
    await clickView(page, 'Giãn dòng');
    await clickView(page, 'Hẹp');
    const chosen = { fontScale: 2, contrast: 'yellow', spacing: 'wcag', width: 'narrow' };
    await expect.poll(storedReader, { timeout: 10_000 }).toEqual(chosen);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('[data-ar-reader]'));
    // Focus is back on the toolbar's "Chế độ đọc".
    const focused = await inContentScript<string>(page, `chrome.dom.openOrClosedShadowRoot(document.querySelector('[data-ar-toolbar]')).activeElement?.textContent ?? ''`);
    expect(focused).toBe('Chế độ đọc');
    // The page keeps its own settings.
    expect(((await ext.worker.evaluate(() => chrome.storage.sync.get('defaults'))) as { defaults: { fontScale: number; contrast: string } }).defaults).toMatchObject({ fontScale: 1.5, contrast: 'off' });
    const expected = { pct: '200%', contrast: 'yellow', spacing: true, width: 'narrow', fontSize: 40 };
    view = await openFromToolbar(page);
    expect(view).toMatchObject(expected);
    expect(view.theme).toContain('t-yellow');
    await page.keyboard.press('Escape');
    // After a reload.
    await page.reload();
    await page.waitForFunction(() => !!document.querySelector('[data-ar-toolbar]'));
    expect(await openFromToolbar(page)).toMatchObject(expected);
    await page.keyboard.press('Escape');
    // On another government page, from the popup.
    const other = (await open('sharepoint2013-mic-news-detail.html')).page;
    const tabId = await tabIdOf(ext.worker, pages.url(GOV_HOST, 'sharepoint2013-mic-news-detail.html'));
    const { t } = await uiStrings(ext.worker);
    const popup = (await openPage(ext.context, ext.page(`popup.html?tab=${tabId}`))).page;
    await popup.getByRole('button', { name: t('readerView') }).click();
    await other.waitForFunction(() => !!document.querySelector('[data-ar-reader]'));
    expect(await viewState(other)).toMatchObject(expected);
    expect(errors).toEqual([]);
  });

  it('a corrupt stored value opens the view with the defaults (and the next change writes a good one)', async () => {
    await ext.worker.evaluate(() => chrome.storage.local.set({ reader: { fontScale: 'huge', contrast: 7, spacing: 'yes', width: null, extra: '<script>' } }));
    const { page, errors } = await open();
    expect(await openFromToolbar(page)).toMatchObject({ pct: '100%', contrast: 'off', spacing: false, width: 'medium', fontSize: 20 });
    await clickView(page, 'A+');
    await expect.poll(storedReader, { timeout: 10_000 }).toEqual({ fontScale: 1.25, contrast: 'off', spacing: 'off', width: 'medium' });
    await page.keyboard.press('Escape');
    await ext.worker.evaluate(() => chrome.storage.local.set({ reader: 'not settings' }));
    await page.reload();
    await page.waitForFunction(() => !!document.querySelector('[data-ar-toolbar]'));
    expect(await openFromToolbar(page)).toMatchObject({ pct: '100%', contrast: 'off' });
    expect(errors).toEqual([]);
  });

  it('the title is in the top half of the first screen at 100, 200 and 300 %, on the sample portals and other platforms', async () => {
    const seen: string[] = [];
    for (const file of ['vhv-portal-article.html', 'nukeviet45-default-news-detail.html', 'sharepoint2013-mic-news-detail.html', 'corpus/wordpress-theme.html', 'corpus/province-tables.html', 'retrofit/unknown-divsoup.html']) {
      for (const fontScale of [1, 2, 3]) {
        await ext.worker.evaluate((s) => chrome.storage.local.set({ reader: { fontScale: s, contrast: 'off', spacing: 'off', width: 'medium' } }), fontScale);
        const { page } = await open(file);
        const view = await openFromToolbar(page);
        seen.push(`${file} ${fontScale * 100}%: bar ${Math.round(view.barHeight)}, title ${Math.round(view.titleTop)}`);
        expect(view.pct).toBe(`${fontScale * 100}%`);
        expect(view.barHeight).toBeLessThanOrEqual(60);
        expect(view.titleTop).toBeGreaterThanOrEqual(0);
        expect(view.titleTop, `${file} at ${fontScale * 100}%`).toBeLessThan(VIEWPORT.height / 2);
        await page.close();
      }
    }
    console.log(seen.join('\n'));
  });

  it('axe-core finds nothing in the view, folded, with each panel open and in every theme', async () => {
    const { page } = await open('nukeviet45-default-news-detail.html');
    await openFromToolbar(page);
    const results: Record<string, string[]> = {};
    results.folded = await axeInExtension(page);
    await clickView(page, 'Màu chữ và nền');
    results.colours = await axeInExtension(page);
    for (const theme of ['Đen trên trắng', 'Trắng trên đen', 'Vàng trên đen']) {
      await clickView(page, theme);
      results[theme] = await axeInExtension(page);
    }
    await clickView(page, 'Thêm');
    await clickView(page, 'Giãn dòng');
    await clickView(page, 'A+');
    results.more = await axeInExtension(page);
    // axe did see inside the closed roots: it reports the view's controls as checked elements.
    const checked = await inContentScript<number>(page, `axe.run(${ROOT}.querySelector('.bar'), { runOnly: ['button-name'] }).then((r) => r.passes.reduce((n, p) => n + p.nodes.length, 0))`);
    expect(checked).toBeGreaterThanOrEqual(7);
    for (const [state, violations] of Object.entries(results)) expect(violations, state).toEqual([]);
  });
});
