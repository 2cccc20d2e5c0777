/**
 * A government site the reader turned off, in Firefox: the page cannot tell the add-on is there (no script of
 * ours runs in it: no style, no attribute, no message, no mark) and is never held back. Checked against the
 * same page with the reader on, where the same records show the add-on at work (so they can see it). What
 * tests/extension/turned-off.node.test.ts proves in Chromium, on the same `watched.html` page.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOV_HOST, startPages, type Pages } from '../support/extension-site';
import { SLOW, clearStore, launch, openPage, store, type Launched } from './harness';

interface Seen {
  styles: string[];
  attributes: string[];
  messages: string[];
  marks: string[];
}

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

async function seen(page: Page): Promise<Seen> {
  await page.waitForFunction(() => (window as unknown as { __seen: { done?: boolean } }).__seen.done, { timeout: 15_000 });
  return page.evaluate(() => (window as unknown as { __seen: Seen }).__seen);
}

describe('a government site turned off', SLOW, () => {
  it('with the reader on, the records show it (the check can see the add-on)', async () => {
    await clearStore(ff);
    const { page } = await openPage(ff, pages.url(GOV_HOST, 'watched.html'));
    const s = await seen(page);
    expect(s.attributes.some((a) => a.startsWith('data-ar-'))).toBe(true);
    expect(s.marks).toContain('accessible-reader:early-styles');
    await page.close();
  });

  it('turned off: no style, attribute, message or mark of ours; the page is never hidden', async () => {
    await clearStore(ff);
    // Stored, and followed by the background: the scripts are registered without this host.
    await store(ff, { [`site:${GOV_HOST}`]: { enabled: false } });
    const registered = await ff.control.evaluate(async () => (await browser.scripting.getRegisteredContentScripts()).map((s) => [s.id, s.excludeMatches ?? []]));
    expect(registered).toEqual([
      ['gov', [`*://${GOV_HOST}/*`]],
      ['gov|engine', [`*://${GOV_HOST}/*`]],
    ]);
    const { page, errors } = await openPage(ff, pages.url(GOV_HOST, 'watched.html'));
    const s = await seen(page);
    expect(s.styles.filter((t) => t.startsWith('html:') || /opacity|@layer ar/.test(t))).toEqual([]);
    expect(s.attributes.filter((a) => a.startsWith('data-ar'))).toEqual([]);
    expect(s.messages).toEqual([]);
    expect(s.marks.filter((m) => m.startsWith('accessible-reader'))).toEqual([]);
    expect(await page.evaluate(() => document.querySelector('[data-ar-toolbar]'))).toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  });
});
