/**
 * The popup fits Chrome's popup limit (800 x 600 px) without scrolling, at its own width, in Vietnamese and English,
 * in every state: government site on (shared settings, and "only this site"), off, another site off and on, a page
 * the reader cannot work on, a save that failed, and settings kept on this computer because sync is full.
 * The built extension (.output/chrome-mv3) in real Chromium.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOV_HOST, OTHER_HOST, axe, clearStore, launch, newProfile, openPage, startPages, store, tabIdOf, uiStrings, type Launched } from './harness';

const LIMIT = { width: 800, height: 600 };
const ARTICLE = 'nukeviet45-default-news-detail.html';
const SLOW = { timeout: 120_000 };

interface PopupOptions {
  /** What the popup is told the tab shows (the click on the toolbar button lets it see the address). */
  url?: string;
  /** The site's permission, as the browser would answer. */
  permitted?: boolean;
  /** What the background answers a save with (a failure, or "kept on this computer"). */
  saveAnswer?: { ok: boolean; where: string; localItems: number };
}

async function openPopup(ext: Launched, tabId: number, options: PopupOptions = {}): Promise<Page> {
  const page = await ext.context.newPage();
  await page.addInitScript((o: PopupOptions) => {
    const c = (globalThis as unknown as { chrome: typeof chrome }).chrome;
    if (o.url) {
      const get = c.tabs.get.bind(c.tabs);
      c.tabs.get = (async (id: number) => ({ ...(await get(id)), url: o.url })) as typeof c.tabs.get;
    }
    if (o.permitted !== undefined) c.permissions.contains = (async () => o.permitted) as typeof c.permissions.contains;
    if (o.saveAnswer) c.runtime.sendMessage = (async () => o.saveAnswer) as typeof c.runtime.sendMessage;
  }, options);
  // Wide first: the popup's width is its body's, whatever the window; then exactly that width, and 600 px tall.
  await page.setViewportSize({ width: LIMIT.width, height: LIMIT.height });
  await page.goto(ext.page(`popup.html?tab=${tabId}`));
  await page.waitForFunction(() => !document.getElementById('controls')?.hidden || !document.getElementById('unavailable')?.hidden);
  await page.evaluate(() => document.fonts.ready);
  const width = await page.evaluate(() => Math.ceil(document.body.getBoundingClientRect().width));
  expect(width).toBeLessThanOrEqual(LIMIT.width);
  await page.setViewportSize({ width, height: LIMIT.height });
  return page;
}

/**
 * How far the popup's content reaches, at its width: Chrome sizes a popup to its content (up to the limit), so the
 * content's own height is the popup's; the document's scroll size says whether a 600 px window would scroll.
 */
const extent = (page: Page) =>
  page.evaluate(() => ({
    height: Math.ceil(document.body.getBoundingClientRect().height),
    scrollHeight: document.documentElement.scrollHeight,
    width: document.documentElement.scrollWidth,
    viewport: window.innerWidth,
  }));

describe.each(['vi', 'en'] as const)('the popup in %s', (lang) => {
  let pages: Awaited<ReturnType<typeof startPages>>;
  let profile: ReturnType<typeof newProfile>;
  let ext: Launched;
  let t: Awaited<ReturnType<typeof uiStrings>>['t'];
  let govTab: number;
  let optionsTab: number;
  const heights: Record<string, number> = {};

  beforeAll(async () => {
    pages = await startPages();
    profile = newProfile();
    ext = await launch(profile.dir, lang);
    t = (await uiStrings(ext.worker)).t;
    const gov = pages.url(GOV_HOST, ARTICLE);
    await openPage(ext.context, gov);
    govTab = await tabIdOf(ext.worker, gov);
    await openPage(ext.context, ext.page('options.html'));
    optionsTab = await tabIdOf(ext.worker, ext.page('options.html'));
  }, 60_000);

  afterAll(async () => {
    console.log(`popup heights (${lang}, px, limit ${LIMIT.height}):`, JSON.stringify(heights));
    await ext?.context.close();
    pages?.close();
    profile?.remove();
  });

  const fits = async (state: string, page: Page) => {
    const e = await extent(page);
    heights[state] = e.height;
    expect(e.height, `${state}: ${e.height} px tall`).toBeLessThanOrEqual(LIMIT.height);
    expect(e.scrollHeight, `${state}: scrolls`).toBeLessThanOrEqual(LIMIT.height);
    expect(e.width, `${state}: ${e.width} px wide`).toBeLessThanOrEqual(e.viewport);
    expect(await axe(page), state).toEqual([]);
  };

  it('government site, on, shared settings at 300 %, then "only this site"', SLOW, async () => {
    await clearStore(ext.worker);
    await store(ext.worker, { defaults: { fontScale: 3, contrast: 'yellow', spacing: 'wcag', font: 'page', hideClutter: true, toolbar: true } });
    const page = await openPopup(ext, govTab);
    expect(await page.getByRole('switch', { name: t('siteOn') }).isChecked()).toBe(true);
    await fits('gov-on', page);
    await page.getByRole('checkbox', { name: t('scopeSite') }).check();
    await expect.poll(() => page.locator('#status').textContent()).toBe(t('scopeOnNow'));
    await fits('gov-only-this-site', page);
    await page.close();
  });

  it('government site, off', SLOW, async () => {
    await clearStore(ext.worker);
    await store(ext.worker, { [`site:${GOV_HOST}`]: { enabled: false } });
    const page = await openPopup(ext, govTab);
    expect(await page.getByRole('switch', { name: t('siteOn') }).isChecked()).toBe(false);
    await fits('gov-off', page);
    await page.close();
  });

  it('another site, off (the browser will ask) and on', SLOW, async () => {
    await clearStore(ext.worker);
    const url = pages.url(OTHER_HOST, ARTICLE);
    let page = await openPopup(ext, govTab, { url, permitted: false });
    expect(await page.locator('#enabled-hint').isVisible()).toBe(true);
    await fits('other-off', page);
    await page.close();
    await store(ext.worker, { [`site:${OTHER_HOST}`]: { enabled: true } });
    page = await openPopup(ext, govTab, { url, permitted: true });
    expect(await page.locator('#scope-other').isVisible()).toBe(true);
    await fits('other-on', page);
    await page.close();
  });

  it('a page the reader cannot work on', SLOW, async () => {
    const page = await openPopup(ext, optionsTab);
    expect(await page.locator('#unavailable').isVisible()).toBe(true);
    await fits('unavailable', page);
    await page.close();
  });

  it('a save that failed, and settings kept on this computer only', SLOW, async () => {
    await clearStore(ext.worker);
    let page = await openPopup(ext, govTab, { saveAnswer: { ok: false, where: 'none', localItems: 0 } });
    await page.getByRole('button', { name: /^A\+/ }).click();
    await expect.poll(() => page.locator('#status').textContent()).toBe(t('saveFailed'));
    await fits('error', page);
    await page.close();
    page = await openPopup(ext, govTab, { saveAnswer: { ok: true, where: 'local', localItems: 3 } });
    await page.getByRole('radio', { name: t('contrastYellow') }).check();
    await expect.poll(() => page.locator('#status').textContent()).toBe(t('savedLocal'));
    await fits('sync-full', page);
    await page.close();
  });
});
