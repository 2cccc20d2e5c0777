/**
 * The reader view in the built extension (.output/chrome-mv3: `npm run build:extension` first): opened from the
 * popup's button and from the `reader-view` command (reached, as a shortcut would, through the extension page
 * message path), closed with Esc, the page given back exactly. Also on a site the reader is turned off for.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOV_HOST, axeSource, clearStore, launch, newProfile, openPage, startPages, store, tabIdOf, uiStrings, type Launched } from '../extension/harness';

const TITLE = 'Đảng uỷ phường Duy Tân tổ chức Tọa đàm kỷ niệm 95 năm Ngày truyền thống công tác Dân vận của Đảng';

describe('reader view in the extension', () => {
  let ext: Launched;
  let pages: Awaited<ReturnType<typeof startPages>>;
  let profile: ReturnType<typeof newProfile>;

  beforeAll(async () => {
    pages = await startPages();
    profile = newProfile();
    ext = await launch(profile.dir);
  }, 60_000);

  afterAll(async () => {
    await ext?.context.close();
    pages?.close();
    profile?.remove();
  });

  it('the popup button opens it over the page; Esc gives the page back exactly', async () => {
    await clearStore(ext.worker);
    const url = pages.url(GOV_HOST);
    const { page, errors } = await openPage(ext.context, url);
    await page.waitForFunction(() => !!document.querySelector('[data-ar-toolbar]'));
    const before = await page.evaluate(() => document.documentElement.outerHTML);
    const tabId = await tabIdOf(ext.worker, url);
    const { t } = await uiStrings(ext.worker);
    const popup = (await openPage(ext.context, ext.page(`popup.html?tab=${tabId}`))).page;
    await popup.getByRole('button', { name: t('readerView') }).click();
    const title = page.locator('[data-ar-reader] h1');
    await title.waitFor();
    expect(await title.textContent()).toBe(TITLE);
    // Components under the extension's own prefix, the page hidden from assistive technology.
    expect(await page.locator('[data-ar-reader] arx-font-size').count()).toBe(1);
    expect(await page.locator('[data-ar-reader] arx-rating').count()).toBe(1);
    expect(await page.evaluate(() => [...document.body.children].filter((c) => !c.hasAttribute('data-ar-reader') && c.localName !== 'script').every((c) => c.hasAttribute('inert')))).toBe(true);
    const article = (await page.locator('[data-ar-reader] article').textContent())!;
    expect(article).toContain('Dự Tọa đàm có đồng chí Nguyễn Văn Hùng');
    for (const f of ['Thống kê truy cập', 'Văn bản mới', 'Trang chủ']) expect(article).not.toContain(f);
    // axe-core on the whole page: the view is clean, the page underneath is inert.
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
      const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
      return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
    expect(violations).toEqual([]);
    await page.evaluate(() => (window as unknown as { axe?: unknown }).axe && delete (window as unknown as { axe?: unknown }).axe);
    await page.locator('[data-ar-reader] h1').press('Escape');
    await page.waitForFunction(() => !document.querySelector('[data-ar-reader]'));
    // axe-core left its own script tag? No: it was evaluated, not tagged in.
    expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(before);
    expect(errors).toEqual([]);
  });

  it('the reader-view command toggles it, also where the reader is turned off for the site', async () => {
    await store(ext.worker, { [`site:${GOV_HOST}`]: { enabled: false } });
    const url = pages.url(GOV_HOST, 'nukeviet45-default-news-detail.html');
    const { page, errors } = await openPage(ext.context, url);
    const tabId = await tabIdOf(ext.worker, url);
    const sender = (await openPage(ext.context, ext.page('options.html'))).page;
    const command = () => sender.evaluate((id) => chrome.runtime.sendMessage({ type: 'command', command: 'reader-view', tabId: id }), tabId);
    await command();
    await page.locator('[data-ar-reader] h1').waitFor();
    expect(await page.locator('[data-ar-toolbar]').count()).toBe(0); // the engine stays off here
    expect(await page.locator('[data-ar-reader] article').textContent()).toContain('Tham dự Hội nghị có các đồng chí');
    await command();
    await page.waitForFunction(() => !document.querySelector('[data-ar-reader]'));
    expect(errors).toEqual([]);
  });
});
