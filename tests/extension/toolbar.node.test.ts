/**
 * The on-page toolbar and the article first, with the built extension in Chromium at 1280 x 800: what an
 * elderly reader sees and touches on a government page. Clicks are real mouse clicks at screen points (the
 * toolbar's root is closed: its boxes are read in the content script's world).
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GOV_HOST, clearStore, clickToolbar, inContentScript, launch, newProfile, openPage, startPages, store, stored, toolbarControl, type Launched } from './harness';

const SLOW = { timeout: 90_000 };
const VIEWPORT = { width: 1280, height: 800 };
/** The sample portals and pages of other platforms the engine knows no adapter for. */
const PAGES = [
  'vhv-portal-article.html',
  'nukeviet45-default-news-detail.html',
  'sharepoint2013-mic-news-detail.html',
  'retrofit/unknown-article.html',
  'retrofit/unknown-divsoup.html',
  'corpus/wordpress-theme.html',
  'corpus/province-tables.html',
];
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

/** The expected title and first text of a page (from the extraction corpus's hand-checked answers). */
function expected(file: string): { title: string; first: string } {
  const name = file.replace(/^(retrofit|corpus)\//, '').replace('-portal-article', '').replace('45-default-news-detail', '').replace('2013-mic-news-detail', '').replace('.html', '');
  const e = JSON.parse(readFileSync(new URL(`../fixtures/corpus/${name}.expected.json`, import.meta.url), 'utf8')) as { title: string; lead: string; text: string };
  return { title: e.title, first: (e.lead || e.text).slice(0, 30) };
}

/** Where the article's title and the start of its text are on the screen (CSS px), found by their words. */
function articleTop(page: Page, file: string): Promise<{ title: number; paragraph: number; toolbar: number }> {
  return page.evaluate(({ title, first }) => {
    const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
    // The innermost shown element whose text starts with `text`.
    const find = (text: string) =>
      [...document.querySelectorAll('body *')].filter((el) => el.getClientRects().length && norm(el.textContent ?? '').startsWith(text)).at(-1)!;
    const toolbar = document.querySelector('[data-ar-toolbar]')!;
    return { title: find(title).getBoundingClientRect().top, paragraph: find(first).getBoundingClientRect().top, toolbar: toolbar.getBoundingClientRect().top };
  }, expected(file));
}

const settingsOf = async () => (await stored(ext.worker)).defaults as { fontScale: number } | undefined;

describe('the toolbar', SLOW, () => {
  it.each(PAGES)('is one compact row with a visible name on %s, and a page script can neither see nor drive it', async (file) => {
    const page = await open(file);
    const bar = await inContentScript<{ height: number; width: number; name: string; rows: number }>(
      page,
      `(() => {
        const root = chrome.dom.openOrClosedShadowRoot(document.querySelector('[data-ar-toolbar]'));
        const section = root.querySelector('section');
        const tops = new Set([...root.querySelectorAll('.row > button, .row .tools > *')].map((b) => Math.round(b.getBoundingClientRect().top)));
        return { height: section.getBoundingClientRect().height, width: section.getBoundingClientRect().width, name: root.querySelector('.name').textContent, rows: tops.size };
      })()`,
    );
    expect(bar.name).toBe('Công cụ đọc');
    // One row where the article's column is at least as wide as the sample portals' (SharePoint: 780 px); two
    // at most in narrower ones.
    expect(bar.rows, `${file}: ${bar.width} px wide`).toBe(bar.width >= 780 ? 1 : 2);
    expect(bar.height).toBeLessThanOrEqual(bar.rows === 1 ? 60 : 110);
    // Closed to the page; its own script finds no way in and its clicks on the host change nothing.
    const seen = await page.evaluate(() => {
      const host = document.querySelector('[data-ar-toolbar]')!;
      host.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      return host.shadowRoot;
    });
    expect(seen).toBeNull();
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
    const zooms = await page.evaluate(() => {
      const z = (el: Element | null) => (el as (Element & { currentCSSZoom: number }) | null)?.currentCSSZoom ?? 0;
      const chrome = [...document.querySelectorAll('[data-ar-chrome]')];
      const text = (root: Element) => [...root.querySelectorAll('a, li, p, span')].find((e) => e.getClientRects().length && (e.textContent ?? '').trim());
      return { chrome: chrome.map((c) => z(text(c) ?? c)), article: z(document.querySelector('h1')) };
    });
    expect(zooms.chrome.length).toBeGreaterThan(0);
    for (const z of zooms.chrome) expect(z).toBeLessThan(2);
    expect(zooms.article).toBeGreaterThanOrEqual(2);
    await page.close();
  });
});
