/**
 * The on-page toolbar and the article first, with the Firefox add-on at 1280 x 800: what
 * tests/extension/toolbar.node.test.ts proves in Chromium. Clicks are real mouse clicks at screen points (the
 * toolbar's root is closed: its boxes are read in the add-on's content-script world).
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GOV_HOST, startPages, type Pages } from '../support/extension-site';
import { TOOLBAR_PAGES, articleTop, chromeAndArticleZoom, toolbarFromThePage } from '../support/reader-probes';
import { focusControl, focusedControl, onToolbar, toolbarShape } from '../support/toolbar-probes';
import { SLOW, clearStore, clickToolbar, inContentScript, launch, openPage, store, stored, toolbarControl, waitFor, type Launched } from './harness';

const VIEWPORT = { width: 1280, height: 800 };
const BIG = { fontScale: 2, contrast: 'high', spacing: 'off', font: 'page', hideClutter: false, toolbar: true, minFontSize: 20, minContrast: 4.5 };

let pages: Pages;
let ff: Launched;

beforeAll(async () => {
  pages = await startPages();
  ff = await launch();
}, 120_000);
afterAll(async () => {
  await ff?.close();
  pages?.close();
});
beforeEach(async () => {
  await clearStore(ff);
  for (const p of await ff.browser.pages()) if (p !== ff.control && !p.url().startsWith('about:')) await p.close();
});

async function open(file: string): Promise<Page> {
  const { page } = await openPage(ff, pages.url(GOV_HOST, file));
  await page.setViewport(VIEWPORT);
  // The toolbar's root is closed to the page: its host is what the page can see.
  await page.waitForFunction(() => !!document.querySelector('[data-ar-toolbar]'), { timeout: 15_000 });
  return page;
}

const fontScale = async () => ((await stored(ff)).defaults as { fontScale: number } | undefined)?.fontScale;
const waitForScale = (scale: number) => waitFor(async () => (await fontScale()) === scale, `the size ${scale * 100} % to be saved`);

describe('the toolbar', SLOW, () => {
  it.each(TOOLBAR_PAGES)('is one compact row with a visible name on %s, and a page script can neither see nor drive it', async (file) => {
    const page = await open(file);
    const bar = (await inContentScript(ff, page, onToolbar(toolbarShape)))!;
    expect(bar.name).toBe('Công cụ đọc');
    expect(bar.size).toEqual(['A-', 'A', 'A+']);
    // One row where the article's column is at least as wide as the sample portals' (SharePoint: 780 px); two
    // at most in narrower ones.
    expect(bar.rows, `${file}: ${bar.width} px wide`).toBe(bar.width >= 780 ? 1 : 2);
    expect(bar.height).toBeLessThanOrEqual(bar.rows === 1 ? 60 : 110);
    // Closed to the page; its own script finds no way in and its clicks on the host change nothing.
    expect(await toolbarFromThePage(page)).toEqual({ host: true, root: false });
    expect(await fontScale()).toBeUndefined();
    await page.close();
  });

  it('A+ stays under the hand: ten clicks on one screen point reach the largest size', async () => {
    const page = await open('vhv-portal-article.html');
    const start = (await toolbarControl(ff, page, 'A+'))!;
    const seen: number[] = [];
    for (let i = 0; i < 10; i++) {
      await page.mouse.click(start.x, start.y);
      const now = (await toolbarControl(ff, page, 'A+'))!;
      seen.push(Math.round(Math.hypot(now.x - start.x, now.y - start.y)));
    }
    console.log(`A+ moved after each click (px): ${seen.join(', ')}`);
    for (const d of seen) expect(d).toBeLessThanOrEqual(3);
    await waitForScale(3);
    // A- comes back the same way.
    const minus = (await toolbarControl(ff, page, 'A-'))!;
    for (let i = 0; i < 3; i++) await page.mouse.click(minus.x, minus.y);
    const after = (await toolbarControl(ff, page, 'A-'))!;
    expect(Math.abs(after.y - minus.y)).toBeLessThanOrEqual(3);
    await waitForScale(2.25);
    await page.close();
  });

  it('with the keyboard, focus stays on A+ and Enter enlarges each time', async () => {
    const page = await open('nukeviet45-default-news-detail.html');
    await page.bringToFront();
    expect(await inContentScript(ff, page, onToolbar(focusControl, 'A+'))).toBe(true);
    for (let i = 0; i < 4; i++) await page.keyboard.press('Enter');
    await waitForScale(2);
    expect((await inContentScript(ff, page, onToolbar(focusedControl)))?.startsWith('A+')).toBe(true);
    await page.close();
  });

  it('folds to its name, is turned off for the site from itself, and keeps "only this site"', async () => {
    const page = await open('vhv-portal-article.html');
    await clickToolbar(ff, page, 'Thêm');
    await clickToolbar(ff, page, 'Chỉ dùng cho trang web này');
    await waitFor(async () => !!((await stored(ff))[`site:${GOV_HOST}`] as { settings?: object } | undefined)?.settings, 'the site to keep its own settings');
    await clickToolbar(ff, page, 'Công cụ đọc');
    expect(await toolbarControl(ff, page, 'A+')).toMatchObject({ width: 0 });
    await page.reload();
    await page.waitForFunction(() => !!document.querySelector('[data-ar-toolbar]'));
    expect(await toolbarControl(ff, page, 'A+')).toMatchObject({ width: 0 });
    await clickToolbar(ff, page, 'Công cụ đọc');
    await clickToolbar(ff, page, 'Thêm');
    await clickToolbar(ff, page, 'Tắt trên trang web này');
    await page.waitForFunction(() => !document.querySelector('[data-ar-toolbar]') && !document.documentElement.hasAttribute('data-ar-min'));
    expect((await stored(ff))[`site:${GOV_HOST}`]).toMatchObject({ enabled: false });
    await page.close();
  });
});

describe('the article first', SLOW, () => {
  it.each(TOOLBAR_PAGES)('opening %s with 200 % stored: the title and the first paragraph are on the first screen', async (file) => {
    await store(ff, { defaults: BIG });
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
    for (let i = 0; i < 4; i++) await clickToolbar(ff, page, 'A+');
    await waitForScale(2);
    const top = await articleTop(page, 'sharepoint2013-mic-news-detail.html');
    expect(top.title).toBeGreaterThanOrEqual(0);
    expect(top.paragraph).toBeLessThan(VIEWPORT.height - 40);
    await page.close();
  });

  it('with side content hidden, the site’s header and menu keep their own size while the article grows', async () => {
    await store(ff, { defaults: { ...BIG, hideClutter: true } });
    const page = await open('vhv-portal-article.html');
    const zooms = await chromeAndArticleZoom(page);
    expect(zooms.chrome.length).toBeGreaterThan(0);
    for (const z of zooms.chrome) expect(z).toBeLessThan(2);
    expect(zooms.article).toBeGreaterThanOrEqual(2);
    await page.close();
  });
});
