/**
 * The reader view and read-aloud of the built Firefox add-on: what tests/reader/extension-reader.node.test.ts
 * proves in Chromium (opened from the popup's button and from the `reader-view` command, Esc gives the page
 * back exactly, also where the reader is off), and read-aloud with the voice Firefox offers, or none.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOV_HOST, axeSource, startPages, type Pages, AXE_TAGS } from '../support/extension-site';
import { SLOW, addonErrors, clearStore, command, launch, openExtensionPage, openPage, store, tabIdOf, uiStrings, waitFor, type Launched } from './harness';

const TITLE = 'Đảng uỷ phường Duy Tân tổ chức Tọa đàm kỷ niệm 95 năm Ngày truyền thống công tác Dân vận của Đảng';
/** The player's words (packages/retrofit/src/read-aloud/read-aloud.strings.ts): the article is Vietnamese. */
const PLAYING = 'Đang đọc.';
const STOPPED = 'Đã dừng.';
const NO_VOICE = /^Máy chưa có giọng đọc tiếng Việt/;

let pages: Pages;
let ff: Launched;

/** Evaluates inside the reader view's shadow root. */
const inView = <R, A>(page: Page, fn: (root: ShadowRoot, arg: A) => R, arg?: A) =>
  page.evaluate(
    (source, a) => {
      const root = document.querySelector('[data-ar-reader]')!.shadowRoot!;
      return (0, eval)(`(${source})`)(root, a) as R;
    },
    fn.toString(),
    arg as A,
  );
const waitForView = (page: Page) => page.waitForFunction(() => document.querySelector('[data-ar-reader]')?.shadowRoot?.querySelector('h1'), { timeout: 15_000 });

beforeAll(async () => {
  pages = await startPages();
  ff = await launch();
}, 120_000);

afterAll(async () => {
  await ff?.close();
  pages?.close();
});

describe('reader view in the Firefox add-on', SLOW, () => {
  it('the popup button opens it over the page; Esc gives the page back exactly', async () => {
    await clearStore(ff);
    const url = pages.url(GOV_HOST);
    const { page, errors } = await openPage(ff, url);
    await page.waitForFunction(() => !!document.querySelector('[data-ar-toolbar]'));
    const before = await page.evaluate(() => document.documentElement.outerHTML);
    const { t } = await uiStrings(ff);
    const popup = await openExtensionPage(ff, `popup.html?tab=${await tabIdOf(ff, url)}`);
    await waitFor(() => popup.evaluate(() => !document.getElementById('controls')!.hidden), 'the popup');
    expect(await popup.$eval('#reader-view', (b) => b.textContent)).toBe(t('readerView'));
    await popup.click('#reader-view');
    await waitForView(page);
    expect(await inView(page, (root) => root.querySelector('h1')!.textContent)).toBe(TITLE);
    // Components under the extension's own prefix, working; the page hidden from assistive technology.
    expect(await inView(page, (root) => [...root.querySelectorAll('arx-font-size, arx-rating')].map((el) => `${el.localName}:${!!el.shadowRoot?.querySelector('button')}`))).toEqual([
      'arx-font-size:true',
      'arx-rating:true',
    ]);
    expect(await page.evaluate(() => [...document.body.children].filter((c) => !c.hasAttribute('data-ar-reader') && c.localName !== 'script').every((c) => c.hasAttribute('inert')))).toBe(true);
    const article = await inView(page, (root) => root.querySelector('article')!.textContent!);
    expect(article).toContain('Dự Tọa đàm có đồng chí Nguyễn Văn Hùng');
    for (const f of ['Thống kê truy cập', 'Văn bản mới', 'Trang chủ']) expect(article).not.toContain(f);
    // axe-core on the whole page: the view is clean, the page underneath is inert.
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async (tags) => {
      const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
      const r = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
      return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    }, AXE_TAGS);
    expect(violations).toEqual([]);
    await page.evaluate(() => delete (window as unknown as { axe?: unknown }).axe);
    await page.evaluate(() => (document.querySelector('[data-ar-reader]')!.shadowRoot!.querySelector('h1') as HTMLElement).focus());
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('[data-ar-reader]'));
    expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(before);
    expect(errors).toEqual([]);
  });

  it('the reader-view command toggles it, also where the reader is turned off for the site', async () => {
    await store(ff, { [`site:${GOV_HOST}`]: { enabled: false } });
    const url = pages.url(GOV_HOST, 'nukeviet45-default-news-detail.html');
    const { page, errors } = await openPage(ff, url);
    const tabId = await tabIdOf(ff, url);
    await command(ff, 'reader-view', tabId);
    await waitForView(page);
    expect(await page.$$eval('[data-ar-toolbar]', (els) => els.length)).toBe(0); // the engine stays off here
    expect(await inView(page, (root) => root.querySelector('article')!.textContent)).toContain('Tham dự Hội nghị có các đồng chí');
    await command(ff, 'reader-view', tabId);
    await page.waitForFunction(() => !document.querySelector('[data-ar-reader]'));
    expect(errors).toEqual([]);
    await clearStore(ff);
  });

  it('reads aloud with a Vietnamese voice Firefox offers, or says plainly that there is none', async () => {
    const url = pages.url(GOV_HOST, 'vhv-portal-article.html?read-aloud');
    const { page, errors } = await openPage(ff, url);
    await page.waitForFunction(() => !!document.querySelector('[data-ar-toolbar]'));
    // Firefox on Linux lists speech-dispatcher's voices some seconds after a page first asks (its daemon
    // starts then): what it offers is read once the list is in, or after 45 s without one.
    const offered = await page.evaluate(async () => {
      const vi = () => speechSynthesis.getVoices().filter((v) => /^vi\b/i.test(v.lang)).length;
      for (let waited = 0; waited < 45_000 && !speechSynthesis.getVoices().length; waited += 250) await new Promise((r) => setTimeout(r, 250));
      return vi();
    });
    await command(ff, 'reader-view', await tabIdOf(ff, url));
    await waitForView(page);
    const status = () => inView(page, (root) => root.querySelector('.player [role=status]')!.textContent!.trim());
    // The player's first button reads; its label is its visible text.
    await inView(page, (root) => (root.querySelector('.player button') as HTMLButtonElement).click());
    if (offered) {
      await waitFor(async () => (await status()) === PLAYING, 'the player to read');
      // Firefox has the utterance (pending, then speaking): the article goes to the voice.
      await waitFor(() => page.evaluate(() => speechSynthesis.speaking), 'Firefox to speak');
      await inView(page, (root) => (root.querySelectorAll('.player button')[1] as HTMLButtonElement).click());
      await waitFor(async () => (await status()) === STOPPED, 'the player to stop');
      await waitFor(() => page.evaluate(() => !speechSynthesis.speaking && !speechSynthesis.pending), 'the voice to stop');
    } else {
      await waitFor(async () => NO_VOICE.test(await status()), 'the player to explain that there is no voice');
      expect(await inView(page, (root) => root.querySelector('.player [role=status]')!.classList.contains('problem'))).toBe(true);
      expect(await page.evaluate(() => speechSynthesis.speaking)).toBe(false);
    }
    expect(errors).toEqual([]);
    expect(await addonErrors(ff)).toEqual([]);
  });
});
