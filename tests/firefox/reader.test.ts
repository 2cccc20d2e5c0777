/**
 * The reader view and read-aloud of the built Firefox add-on: what tests/reader/extension-reader.node.test.ts
 * proves in Chromium (opened from the popup's button and from the `reader-view` command, Esc gives the page
 * back exactly, also where the reader is off), and read-aloud with the voice Firefox offers, or none.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOV_HOST, axeSource, startPages, type Pages, AXE_TAGS } from '../support/extension-site';
import { onReaderView, viewControlBox } from '../support/toolbar-probes';
import { SLOW, addonErrors, clearStore, clickToolbar, command, inContentScript, launch, openExtensionPage, openPage, store, tabIdOf, uiStrings, waitFor, type Launched } from './harness';

const TITLE = 'Đảng uỷ phường Duy Tân tổ chức Tọa đàm kỷ niệm 95 năm Ngày truyền thống công tác Dân vận của Đảng';
/** The player's words (packages/retrofit/src/read-aloud/read-aloud.strings.ts): the article is Vietnamese. */
const PLAYING = 'Đang đọc.';
const STOPPED = 'Đã dừng.';
const NO_VOICE = /^Máy chưa có giọng đọc tiếng Việt/;

let pages: Pages;
let ff: Launched;

/** Evaluates inside the reader view's shadow root (closed: only the add-on's world reaches it). */
const inView = async <R, A>(page: Page, fn: (root: ShadowRoot, arg: A) => R, arg?: A) => (await inContentScript(ff, page, onReaderView(fn, arg)))!;
const waitForView = (page: Page) => waitFor(async () => !!(await inContentScript(ff, page, onReaderView((root) => !!root.querySelector('h1')))), 'the reader view', 15_000);
/** Clicks a control of the view with the mouse (the view answers trusted input only), found by its visible words. */
async function clickView(page: Page, words: string): Promise<void> {
  const box = await inContentScript(ff, page, onReaderView(viewControlBox, words));
  if (!box) throw new Error(`no control "${words}" in the reader view`);
  await page.mouse.click(box.x, box.y);
}
/** Keyboard focus on the view's title, then Esc: the reader's way back to the page. */
async function escapeFromView(page: Page): Promise<void> {
  await inView(page, (root) => (root.querySelector('h1') as HTMLElement).focus());
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('[data-ar-reader]'));
}

/**
 * axe-core in the add-on's content-script world, where `shadowRoot` is made to return closed roots too: the
 * view is audited as the reader meets it, with the page (inert) around it.
 */
async function axeInAddon(page: Page): Promise<string[]> {
  await inContentScript(
    ff,
    page,
    `(() => { ${axeSource};
      Object.defineProperty(HTMLElement.prototype, 'shadowRoot', { configurable: true, get() { return this.openOrClosedShadowRoot ?? null; } });
      return true; })()`,
  );
  // axe must see inside the view, or it would audit nothing of it.
  expect(await inContentScript<number>(ff, page, `document.querySelector('[data-ar-reader]')?.shadowRoot?.querySelectorAll('button').length ?? 0`)).toBeGreaterThan(3);
  return inContentScript<string[]>(
    ff,
    page,
    `axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(AXE_TAGS)} } }).then((r) => r.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', ')))`,
  );
}

/**
 * How many Vietnamese voices Firefox offers the page. On Linux it lists speech-dispatcher's voices some seconds
 * after a page first asks (its daemon starts then): read once the list is in, or after 45 s without one.
 */
const vietnameseVoices = (page: Page) =>
  page.evaluate(async () => {
    for (let waited = 0; waited < 45_000 && !speechSynthesis.getVoices().length; waited += 250) await new Promise((r) => setTimeout(r, 250));
    return speechSynthesis.getVoices().filter((v) => /^vi\b/i.test(v.lang)).length;
  });
/** Whether the reader script (extraction, reader view, read-aloud) is in the add-on's world of the page yet. */
const readerScriptLoaded = async (page: Page) => (await inContentScript<string>(ff, page, "typeof globalThis[Symbol.for('accessible-reader.reader')]")) === 'object';

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
    // The size control is the bar's own buttons; the site's rating is the extension's component (its own
    // prefix), working; the page is hidden from assistive technology.
    expect(await inView(page, (root) => [...root.querySelectorAll('button')].map((b) => {
      const seen = b.cloneNode(true) as Element;
      seen.querySelectorAll('.vh').forEach((v) => v.remove());
      return seen.textContent!.trim();
    }).filter((t) => /^A[-+]?$/.test(t)))).toEqual(['A-', 'A', 'A+']);
    expect(await inView(page, (root) => [...root.querySelectorAll('arx-font-size, arx-rating')].map((el) => `${el.localName}:${!!el.shadowRoot?.querySelector('button')}`))).toEqual(['arx-rating:true']);
    expect(await page.evaluate(() => [...document.body.children].filter((c) => !c.hasAttribute('data-ar-reader') && c.localName !== 'script').every((c) => c.hasAttribute('inert')))).toBe(true);
    const article = await inView(page, (root) => root.querySelector('article')!.textContent!);
    expect(article).toContain('Dự Tọa đàm có đồng chí Nguyễn Văn Hùng');
    for (const f of ['Thống kê truy cập', 'Văn bản mới', 'Trang chủ']) expect(article).not.toContain(f);
    // axe-core on the whole page: the view is clean, the page underneath is inert.
    expect(await axeInAddon(page)).toEqual([]);
    await escapeFromView(page);
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
    const offered = await vietnameseVoices(page);
    console.log(`Firefox offers ${offered} Vietnamese voices`);
    await command(ff, 'reader-view', await tabIdOf(ff, url));
    await waitForView(page);
    const status = () => inView(page, (root) => root.querySelector('.player [role=status]')!.textContent!.trim());
    // "Đọc to", the bar's last control, reads; its label is its visible text.
    await clickView(page, 'Đọc to');
    if (offered) {
      await waitFor(async () => (await status()) === PLAYING, 'the player to read');
      // Firefox has the utterance (pending, then speaking): the article goes to the voice.
      await waitFor(() => page.evaluate(() => speechSynthesis.speaking), 'Firefox to speak');
      await clickView(page, 'Dừng');
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

  it('from the toolbar (mouse clicks): the reader script loads on first use and the view opens; read-aloud reads on the page, the sentence highlighted', async () => {
    await clearStore(ff);
    const { page, errors } = await openPage(ff, pages.url(GOV_HOST, 'vhv-portal-article.html?toolbar'));
    await page.waitForFunction(() => !!document.querySelector('[data-ar-toolbar]'));
    // Every government page loads the small engine; the reader script comes when the reader first asks for it.
    expect(await readerScriptLoaded(page)).toBe(false);
    await clickToolbar(ff, page, 'Chế độ đọc');
    await waitForView(page);
    expect(await readerScriptLoaded(page)).toBe(true);
    expect(await inView(page, (root) => root.querySelector('h1')!.textContent)).toBe(TITLE);
    await escapeFromView(page);

    const offered = await vietnameseVoices(page);
    await clickToolbar(ff, page, 'Đọc to');
    const status = () => page.evaluate(() => document.querySelector('[data-ar-read-aloud]')?.shadowRoot?.querySelector('[role=status]')?.textContent?.trim() ?? '');
    if (offered) {
      await waitFor(async () => (await status()) === PLAYING, 'the player to read');
      // The sentence being read is highlighted in the page's own text (CSS Custom Highlight API), in the article.
      const highlighted = await page.evaluate(() => {
        const h = (CSS as unknown as { highlights: Map<string, Iterable<Range>> }).highlights.get('ar-read-aloud');
        const range = h && [...h][0];
        return range ? { text: range.toString().trim(), inArticle: !!range.startContainer.parentElement?.closest('[itemtype="http://schema.org/NewsArticle"]') } : null;
      });
      expect(highlighted?.text.length).toBeGreaterThan(10);
      expect(highlighted?.inArticle).toBe(true);
      await page.evaluate(() => (document.querySelector('[data-ar-read-aloud]')!.shadowRoot!.querySelectorAll('.player button')[1] as HTMLButtonElement).click());
      await waitFor(async () => (await status()) === STOPPED, 'the player to stop');
    } else {
      await waitFor(async () => NO_VOICE.test(await status()), 'the player to explain that there is no voice');
    }
    expect(errors).toEqual([]);
    expect(await addonErrors(ff)).toEqual([]);
  });
});
