/**
 * The on-page toolbar and the article first, with the built extension in Chromium at 1280 x 800: what an
 * elderly reader sees and touches on a government page. Clicks are real mouse clicks at screen points (the
 * toolbar's root is closed: its boxes are read in the content script's world).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TOOLBAR_PAGES as PAGES, articleTop, chromeAndArticleZoom, toolbarFromThePage } from '../support/reader-probes';
import { onToolbar, toolbarShape, type ToolbarShape } from '../support/toolbar-probes';
import { GOV_HOST, clearStore, clickToolbar, inContentScript, launch, newProfile, openPage, startPages, store, stored, toolbarControl, type Launched } from './harness';

const SLOW = { timeout: 90_000 };
const VIEWPORT = { width: 1280, height: 800 };
const BIG = { fontScale: 2, contrast: 'high', spacing: 'off', font: 'page', hideClutter: false, toolbar: true, minFontSize: 20, minContrast: 4.5 };

let pages: Awaited<ReturnType<typeof startPages>>;
let profile: ReturnType<typeof newProfile>;
let ext: Launched;

beforeAll(async () => {
  pages = await startPages();
  profile = newProfile();
  ext = await launch(profile.dir, 'vi');
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

async function open(file: string): Promise<Page> {
  const { page } = await openPage(ext.context, pages.url(GOV_HOST, file));
  await page.setViewportSize(VIEWPORT);
  await page.waitForFunction(() => !!document.querySelector('[data-ar-toolbar]'), null, { timeout: 15_000 });
  return page;
}

const settingsOf = async () => (await stored(ext.worker)).defaults as { fontScale: number } | undefined;

describe('the toolbar', SLOW, () => {
  it.each(PAGES)('is one compact row with a visible name on %s, and a page script can neither see nor drive it', async (file) => {
    const page = await open(file);
    const bar = (await inContentScript<ToolbarShape | null>(page, onToolbar(toolbarShape)))!;
    expect(bar.name).toBe('Công cụ đọc');
    // One row where the article's column is at least as wide as the sample portals' (SharePoint: 780 px); two
    // at most in narrower ones.
    expect(bar.rows, `${file}: ${bar.width} px wide`).toBe(bar.width >= 780 ? 1 : 2);
    expect(bar.height).toBeLessThanOrEqual(bar.rows === 1 ? 60 : 110);
    // Closed to the page; its own script finds no way in and its clicks on the host change nothing.
    expect(await toolbarFromThePage(page)).toEqual({ host: true, root: false });
    expect(await settingsOf()).toBeUndefined();
    await page.close();
  });

  it('A+ stays under the hand: ten clicks on one screen point reach the largest size', async () => {
    const page = await open('vhv-portal-article.html');
    const start = (await toolbarControl(page, 'A+'))!;
    const seen: number[] = [];
    for (let i = 0; i < 10; i++) {
      await page.mouse.click(start.x, start.y);
      const now = (await toolbarControl(page, 'A+'))!;
      seen.push(Math.round(Math.hypot(now.x - start.x, now.y - start.y)));
    }
    console.log(`A+ moved after each click (px): ${seen.join(', ')}`);
    for (const d of seen) expect(d).toBeLessThanOrEqual(3);
    await expect.poll(async () => (await settingsOf())?.fontScale, { timeout: 10_000 }).toBe(3);
    // A- comes back the same way.
    const minus = (await toolbarControl(page, 'A-'))!;
    for (let i = 0; i < 3; i++) await page.mouse.click(minus.x, minus.y);
    const after = (await toolbarControl(page, 'A-'))!;
    expect(Math.abs(after.y - minus.y)).toBeLessThanOrEqual(3);
    await expect.poll(async () => (await settingsOf())?.fontScale, { timeout: 10_000 }).toBe(2.25);
    await page.close();
  });

  it('with the keyboard, focus stays on A+ and Enter enlarges each time', async () => {
    const page = await open('nukeviet45-default-news-detail.html');
    await inContentScript(page, `chrome.dom.openOrClosedShadowRoot(document.querySelector('[data-ar-toolbar]')).querySelectorAll('.size button')[2].focus()`);
    for (let i = 0; i < 4; i++) await page.keyboard.press('Enter');
    const focused = await inContentScript<string>(page, `chrome.dom.openOrClosedShadowRoot(document.querySelector('[data-ar-toolbar]')).activeElement?.textContent ?? ''`);
    expect(focused.startsWith('A+')).toBe(true);
    await expect.poll(async () => (await settingsOf())?.fontScale, { timeout: 10_000 }).toBe(2);
    await page.close();
  });

  it('folds to its name, is turned off for the site from itself, and keeps "only this site"', async () => {
    const page = await open('vhv-portal-article.html');
    await clickToolbar(page, 'Thêm');
    await clickToolbar(page, 'Chỉ dùng cho trang web này');
    await expect.poll(async () => (await stored(ext.worker))[`site:${GOV_HOST}`]).toMatchObject({ settings: expect.any(Object) });
    await clickToolbar(page, 'Công cụ đọc');
    expect(await toolbarControl(page, 'A+')).toMatchObject({ width: 0 });
    await page.reload();
    await page.waitForFunction(() => !!document.querySelector('[data-ar-toolbar]'));
    expect(await toolbarControl(page, 'A+')).toMatchObject({ width: 0 });
    await clickToolbar(page, 'Công cụ đọc');
    await clickToolbar(page, 'Thêm');
    await clickToolbar(page, 'Tắt trên trang web này');
    await page.waitForFunction(() => !document.querySelector('[data-ar-toolbar]') && !document.documentElement.hasAttribute('data-ar-min'));
    expect((await stored(ext.worker))[`site:${GOV_HOST}`]).toMatchObject({ enabled: false });
    await page.close();
  });
});

describe('the article first', SLOW, () => {
  it.each(PAGES)('opening %s with 200 % stored: the title and the first paragraph are on the first screen', async (file) => {
    await store(ext.worker, { defaults: BIG });
    const page = await open(file);
    const top = await articleTop(page, file);
    console.log(`${file} at 200 %: toolbar ${Math.round(top.toolbar)}, title ${Math.round(top.title)}, first paragraph ${Math.round(top.paragraph)}`);
    expect(top.title).toBeGreaterThanOrEqual(0);
    expect(top.title).toBeLessThan(VIEWPORT.height / 2);
    expect(top.paragraph).toBeLessThan(VIEWPORT.height - 40);
    await page.close();
  });

  it('after A+ to 200 % from the top of the page, the title and the first paragraph are still on the first screen', async () => {
    const page = await open('sharepoint2013-mic-news-detail.html');
    for (let i = 0; i < 4; i++) await clickToolbar(page, 'A+');
    await expect.poll(async () => (await settingsOf())?.fontScale, { timeout: 10_000 }).toBe(2);
    const top = await articleTop(page, 'sharepoint2013-mic-news-detail.html');
    expect(top.title).toBeGreaterThanOrEqual(0);
    expect(top.paragraph).toBeLessThan(VIEWPORT.height - 40);
    await page.close();
  });

  it('with side content hidden, the site’s header and menu keep their own size while the article grows', async () => {
    await store(ext.worker, { defaults: { ...BIG, hideClutter: true } });
    const page = await open('vhv-portal-article.html');
    const zooms = await chromeAndArticleZoom(page);
    expect(zooms.chrome.length).toBeGreaterThan(0);
    for (const z of zooms.chrome) expect(z).toBeLessThan(2);
    expect(zooms.article).toBeGreaterThanOrEqual(2);
    await page.close();
  });
});
