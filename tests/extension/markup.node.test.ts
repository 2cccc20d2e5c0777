/**
 * Page markup never drives the extension (issue 14, point 3), in Chromium with .output/chrome-mv3: the same
 * pages and checks as tests/firefox/markup.test.ts. Only elements the engine created are the extension's
 * components; no URL written by a page is fetched by the extension.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOV_HOST, startPages, type Pages } from '../support/extension-site';
import { fetchedFromMarkup, imitations, markupPages } from '../support/markup-pages';
import { inContentScript, launch, newProfile, openPage, type Launched } from './harness';

let pages: Pages;
let profile: ReturnType<typeof newProfile>;
let ext: Launched;
const waitForToolbar = (page: Page) => page.waitForFunction(() => !!document.querySelector('[data-ar-toolbar]'), null, { timeout: 15_000 });
/** The toolbar's text-size buttons, read in the content script's world (its root is closed to the page). */
const sizeButtons = (page: Page) =>
  inContentScript<string[]>(page, `[...chrome.dom.openOrClosedShadowRoot(document.querySelector('[data-ar-toolbar]')).querySelectorAll('.size button')].map((b) => b.textContent.replace(/\\s+/g, ' ').trim().split(' ')[0])`);

beforeAll(async () => {
  pages = await startPages(markupPages());
  profile = newProfile();
  ext = await launch(profile.dir);
}, 60_000);

afterAll(async () => {
  await ext?.context.close();
  pages?.close();
  profile?.remove();
});

describe('page markup never drives the extension (Chromium)', { timeout: 60_000 }, () => {
  it('markup alone: the extension’s tag names in a page stay plain elements, and no URL they name is fetched', async () => {
    const { page, errors } = await openPage(ext.context, pages.url(GOV_HOST, 'markup-only.html'));
    await waitForToolbar(page);
    await page.locator('arx-rating:not([id]) fieldset').waitFor();
    expect(await sizeButtons(page)).toEqual(['A-', 'A', 'A+']);
    await page.waitForTimeout(1000);
    expect(await imitations(page)).toEqual(['fake-related', 'fake-rating', 'fake-size', 'fake-contrast'].map((id) => ({ id, upgraded: false })));
    expect(await page.evaluate(() => document.documentElement.getAttribute('data-ar-theme'))).toBeNull();
    expect(fetchedFromMarkup(pages.requests)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('a page script that makes them, or writes a URL on the reader’s own element, gets nothing either', async () => {
    const { page, errors } = await openPage(ext.context, pages.url(GOV_HOST, 'markup-script.html'));
    await waitForToolbar(page);
    await page.waitForFunction(() => (window as unknown as { pageActed?: boolean }).pageActed === true);
    await page.waitForTimeout(1000);
    expect(await imitations(page)).toEqual([
      { id: 'made-related', upgraded: false },
      { id: 'parsed-related', upgraded: false },
    ]);
    expect(await page.evaluate(() => document.querySelector('arx-related-articles:not([id])')!.getAttribute('status'))).toBe('empty');
    expect(fetchedFromMarkup(pages.requests)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('a page that defines one of the tag names keeps it: the toolbar still works, and the page’s class gets none of the reader’s attributes', async () => {
    const { page, errors } = await openPage(ext.context, pages.url(GOV_HOST, 'defines-tag.html'));
    await waitForToolbar(page);
    expect(await sizeButtons(page)).toEqual(['A-', 'A', 'A+']);
    expect(await page.evaluate(() => (window as unknown as { seen: string[] }).seen.filter((s) => s !== 'constructed'))).toEqual([]);
    expect(errors).toEqual([]);
  });
});
