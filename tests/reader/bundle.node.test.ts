/**
 * The one-file bundle (`npm run build -w @accessible-reader/retrofit` first): `window.AccessibleReader` has
 * extract, openReader and readAloud, which load the reader script beside the bundle on first use and work on a
 * sample page loaded from disk. The bundle (engine, Lit, components) stays inside 40 KB gzip.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const BUNDLE = `${repo}packages/retrofit/dist/accessible-reader-retrofit.js`;
const READER = `${repo}packages/retrofit/dist/accessible-reader-reader.js`;

describe('the one-file bundle', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it('stays within 40 KB gzip; the reader script beside it carries no second copy of Lit or the components', () => {
    const code = readFileSync(BUNDLE);
    const gzip = gzipSync(code, { level: 9 }).length;
    console.log(`accessible-reader-retrofit.js: ${(gzip / 1024).toFixed(1)} KB gzip`);
    expect(gzip).toBeLessThanOrEqual(40 * 1024);
    const reader = readFileSync(READER, 'utf8');
    // Lit's and the components' own markers: present in the bundle, absent from the reader script.
    for (const marker of ['litElementVersions', 'reactiveElementVersions']) {
      expect(code.toString()).toContain(marker);
      expect(reader).not.toContain(marker);
    }
  });

  it('exposes extract, openReader and readAloud on window.AccessibleReader, working on a sample page', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`file://${repo}tests/fixtures/gov-pages/sharepoint2013-mic-news-detail.html`);
    // From its URL, as a portal's <script src> loads it: the reader script is found beside it.
    await page.addScriptTag({ url: `file://${BUNDLE}` });
    const result = await page.evaluate(async () => {
      const AR = (window as unknown as { AccessibleReader: Record<string, (...a: unknown[]) => Promise<unknown>> }).AccessibleReader;
      const article = (await AR.extract!(document)) as { title: string; text: string; platform: string; byline: string };
      const before = document.documentElement.outerHTML.replace(/<script src="[^"]*accessible-reader-reader\.js"><\/script>/, '');
      const view = (await AR.openReader!(document, { settings: { fontScale: 2, contrast: 'high' } })) as { root: ShadowRoot; close(): void };
      const shown = view.root.querySelector('h1')!.textContent;
      // The site's rating, as the component the bundle defined (the view's size buttons are plain buttons).
      const upgraded = !!view.root.querySelector('ar-rating')!.shadowRoot;
      view.close();
      const restored = document.documentElement.outerHTML.replace(/<script src="[^"]*accessible-reader-reader\.js"><\/script>/, '') === before;
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
    const bar = await page.evaluate(async () => {
      const AR = (window as unknown as { AccessibleReader: { readAloud(d: Document, o: unknown): Promise<{ root: ShadowRoot; close(): void }> } }).AccessibleReader;
      const s = await AR.readAloud(document, { autoplay: false });
      const label = s.root.querySelector('section')!.getAttribute('aria-label');
      s.close();
      return label;
    });
    expect(bar).toBe('Đọc to');
    expect(errors).toEqual([]);
    await page.close();
  });
});
