/**
 * Page markup never drives the add-on (issue 14, point 3), in Firefox: the same pages and checks as
 * tests/extension/markup.node.test.ts in Chromium. Only elements the engine created are the extension's
 * components; no URL written by a page is fetched by the add-on.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOV_HOST, startPages, type Pages } from '../support/extension-site';
import { fetchedFromMarkup, imitations, markupPages } from '../support/markup-pages';
import { toolbar } from '../support/reader-probes';
import { SLOW, launch, openPage, waitFor, type Launched } from './harness';

let pages: Pages;
let ff: Launched;
const settle = () => new Promise((r) => setTimeout(r, 1000));
const waitForToolbar = (page: Page) => page.waitForFunction(() => document.querySelector('[data-ar-toolbar]')?.shadowRoot?.querySelector('button'), { timeout: 15_000 });

beforeAll(async () => {
  pages = await startPages(markupPages());
  ff = await launch();
}, 120_000);

afterAll(async () => {
  await ff?.close();
  pages?.close();
});

describe('page markup never drives the add-on (Firefox)', SLOW, () => {
  it('markup alone: the extension’s tag names in a page stay plain elements, and no URL they name is fetched', async () => {
    const { page, errors } = await openPage(ff, pages.url(GOV_HOST, 'markup-only.html'));
    await waitForToolbar(page);
    // The engine's own components do work on this page.
    await page.waitForSelector('arx-rating:not([id]) >>> fieldset');
    expect(await toolbar(page)).toMatchObject({ sizeControl: true });
    await settle();
    expect(await imitations(page)).toEqual(['fake-related', 'fake-rating', 'fake-size', 'fake-contrast'].map((id) => ({ id, upgraded: false })));
    expect(await page.evaluate(() => document.documentElement.getAttribute('data-ar-theme'))).toBeNull();
    expect(fetchedFromMarkup(pages.requests)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('a page script that makes them, or writes a URL on the reader’s own element, gets nothing either', async () => {
    const { page, errors } = await openPage(ff, pages.url(GOV_HOST, 'markup-script.html'));
    await waitForToolbar(page);
    await waitFor(() => page.evaluate(() => (window as unknown as { pageActed?: boolean }).pageActed === true), 'the page script to act');
    await settle();
    expect(await imitations(page)).toEqual([
      { id: 'made-related', upgraded: false },
      { id: 'parsed-related', upgraded: false },
    ]);
    // The reader's own element kept its list (the empty state), whatever `src` the page wrote on it.
    expect(await page.evaluate(() => document.querySelector('arx-related-articles:not([id])')!.getAttribute('status'))).toBe('empty');
    expect(fetchedFromMarkup(pages.requests)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('a page that defines one of the tag names keeps it: the toolbar uses plain buttons, and the page’s class gets none of the reader’s attributes', async () => {
    const { page, errors } = await openPage(ff, pages.url(GOV_HOST, 'defines-tag.html'));
    await waitForToolbar(page);
    expect(await toolbar(page)).toEqual({ sizeControl: false, buttons: [] });
    const plain = await page.evaluate(() => [...document.querySelector('[data-ar-toolbar]')!.shadowRoot!.querySelectorAll('button')].map((b) => b.textContent!.replace(/\s+/g, ' ').trim()));
    expect(plain.slice(0, 3).map((b) => b.split(' ')[0])).toEqual(['A-', 'A', 'A+']);
    // At most an empty, detached element of the page's class was made while the name was checked.
    expect(await page.evaluate(() => (window as unknown as { seen: string[] }).seen.filter((s) => s !== 'constructed'))).toEqual([]);
    expect(errors).toEqual([]);
  });
});
