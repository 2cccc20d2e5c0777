/**
 * The one-file bundle (`npm run build -w @accessible-reader/retrofit` first): `window.AccessibleReader` has
 * extract, openReader and readAloud and they work on a sample page loaded from disk, with Lit, the components
 * and the reader view inside 41 KB gzip (Readability is not in it: the package entry and the extension have it).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const BUNDLE = `${repo}packages/retrofit/dist/accessible-reader-retrofit.js`;

describe('the one-file bundle', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it('stays within 41 KB gzip with extraction, reader view and read-aloud, and without Readability', () => {
    const code = readFileSync(BUNDLE);
    const gzip = gzipSync(code, { level: 9 }).length;
    console.log(`accessible-reader-retrofit.js: ${(gzip / 1024).toFixed(1)} KB gzip`);
    // 40 KB (issue 4) + 1 KB for issue 14's fixes for hostile pages (packages/retrofit/scripts/build.mjs).
    expect(gzip).toBeLessThanOrEqual(41 * 1024);
    expect(code.toString()).not.toContain('readability-page');
  });

  it('exposes extract, openReader and readAloud on window.AccessibleReader, working on a sample page', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`file://${repo}tests/fixtures/gov-pages/sharepoint2013-mic-news-detail.html`);
    await page.addScriptTag({ path: BUNDLE });
    const result = await page.evaluate(() => {
      const AR = (window as unknown as { AccessibleReader: Record<string, (...a: unknown[]) => unknown> }).AccessibleReader;
      const article = AR.extract!(document) as { title: string; text: string; platform: string; byline: string };
      const before = document.documentElement.outerHTML;
      const view = AR.openReader!(document, { settings: { fontScale: 2, contrast: 'high' } }) as { root: ShadowRoot; close(): void };
      const shown = view.root.querySelector('h1')!.textContent;
      const upgraded = !!view.root.querySelector('ar-font-size')!.shadowRoot;
      view.close();
      const restored = document.documentElement.outerHTML === before;
      return { title: article.title, platform: article.platform, byline: article.byline, start: article.text.slice(0, 40), shown, upgraded, restored, api: Object.keys(AR).sort() };
    });
    expect(result).toMatchObject({
      title: 'Bộ trưởng làm việc với Sở Thông tin và Truyền thông các tỉnh miền Trung',
      platform: 'sharepoint',
      byline: 'Minh Đức',
      shown: 'Bộ trưởng làm việc với Sở Thông tin và Truyền thông các tỉnh miền Trung',
      upgraded: true,
      restored: true,
    });
    expect(result.start).toMatch(/^Chiều 15\/10, tại Đà Nẵng, Bộ trưởng/);
    expect(result.api).toEqual(expect.arrayContaining(['extract', 'openReader', 'readAloud', 'retrofit']));
    const bar = await page.evaluate(() => {
      const AR = (window as unknown as { AccessibleReader: { readAloud(d: Document, o: unknown): { root: ShadowRoot; close(): void } } }).AccessibleReader;
      const s = AR.readAloud(document, { autoplay: false });
      const label = s.root.querySelector('section')!.getAttribute('aria-label');
      s.close();
      return label;
    });
    expect(bar).toBe('Đọc to');
    expect(errors).toEqual([]);
    await page.close();
  });
});
