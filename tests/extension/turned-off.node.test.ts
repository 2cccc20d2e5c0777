/**
 * A government site the reader turned off: the page cannot tell the extension is there (no script of ours
 * runs in it: no style, no attribute, no message, no mark) and is never held back. Checked against the same
 * page with the reader on, where the same records show the extension at work (so they can see it).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOV_HOST, clearStore, launch, newProfile, openPage, startPages, store, type Launched } from './harness';

interface Seen {
  styles: string[];
  attributes: string[];
  messages: string[];
  marks: string[];
}

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

async function seen(page: Page): Promise<Seen> {
  await page.waitForFunction(() => (window as unknown as { __seen: { done?: boolean } }).__seen.done, null, { timeout: 15_000 });
  return page.evaluate(() => (window as unknown as { __seen: Seen }).__seen);
}

describe('a government site turned off', { timeout: 60_000 }, () => {
  it('with the reader on, the records show it (the check can see the extension)', async () => {
    await clearStore(ext.worker);
    const { page } = await openPage(ext.context, pages.url(GOV_HOST, 'watched.html'));
    const s = await seen(page);
    expect(s.attributes.some((a) => a.startsWith('data-ar-'))).toBe(true);
    expect(s.marks).toContain('accessible-reader:early-styles');
    await page.close();
  });

  it('turned off: no style, attribute, message or mark of ours; the page is never hidden', async () => {
    await clearStore(ext.worker);
    await store(ext.worker, { [`site:${GOV_HOST}`]: { enabled: false } });
    // The background follows the change: the scripts are registered without this host.
    await expect
      .poll(() => ext.worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).find((s) => s.id === 'gov')?.excludeMatches))
      .toEqual([`*://${GOV_HOST}/*`]);
    const { page, errors } = await openPage(ext.context, pages.url(GOV_HOST, 'watched.html'));
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
