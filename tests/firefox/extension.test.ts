/**
 * The built Firefox add-on (.output/firefox-mv2) in real Firefox ESR, on the sample government pages served
 * under a `*.gov.vn` host name: what tests/extension/extension.node.test.ts proves in Chromium, in Firefox.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GOV_HOST, OTHER_HOST, startPages, type Pages } from '../support/extension-site';
import { BIG, MIN_PX, NUKEVIET, VHV, atScale, fontSize, lowestContrast, theme, toolbar } from '../support/reader-probes';
import { SLOW, addonErrors, clearStore, command, launch, newProfile, openPage, store, stored, tabIdOf, waitFor, type Launched } from './harness';

const SIZE_BUTTONS = ['A- Giảm cỡ chữ', 'A Cỡ chữ mặc định', 'A+ Tăng cỡ chữ'];

let pages: Pages;
let ff: Launched;
/** The article paragraph's font size on a host where the add-on does nothing. */
let baseSize: number;
/** The same paragraph at 100 % on a government host: raised to the minimum size (the site's own when larger). */
let readable: number;
const scaled = async (page: Page, scale: number) => atScale(await fontSize(page), scale, readable);

const waitForReader = (page: Page) => page.waitForFunction(() => document.querySelector('[data-ar-toolbar]')?.shadowRoot?.querySelector('arx-font-size')?.shadowRoot?.querySelector('button'), { timeout: 15_000 });
/** The settings in force for a host: its own, else the defaults (what the pages open with). */
const savedFor = async (host = GOV_HOST, from: Launched = ff) => {
  const all = await stored(from);
  return ((all[`site:${host}`] as { settings?: typeof BIG } | undefined)?.settings ?? all.defaults) as Partial<typeof BIG> | undefined;
};
/** Clicks a button of the toolbar's text-size component, as a reader does (a real click through WebDriver). */
const pressSize = async (page: Page, label: 'A+' | 'A-' | 'A') => {
  const button = await page.waitForSelector(`[data-ar-toolbar] >>> arx-font-size >>> button ::-p-text(${label})`);
  await button!.click();
};

beforeAll(async () => {
  pages = await startPages();
  ff = await launch();
  const { page } = await openPage(ff, pages.url(OTHER_HOST, NUKEVIET.file));
  baseSize = await fontSize(page);
  readable = Math.max(baseSize, MIN_PX);
  await page.close();
}, 120_000);

afterAll(async () => {
  await ff?.close();
  pages?.close();
});

beforeEach(async () => {
  await clearStore(ff);
  for (const p of await ff.browser.pages()) if (p !== ff.control && !p.url().startsWith('about:')) await p.close();
});

describe('the add-on on government pages', SLOW, () => {
  it('starts by itself on a .gov.vn host, with the toolbar’s own text-size component, and does nothing on another host', async () => {
    const gov = await openPage(ff, pages.url(GOV_HOST, NUKEVIET.file));
    await waitForReader(gov.page);
    expect(await toolbar(gov.page)).toEqual({ sizeControl: true, buttons: SIZE_BUTTONS });
    expect(gov.errors).toEqual([]);

    const other = await openPage(ff, pages.url(OTHER_HOST, NUKEVIET.file));
    await new Promise((r) => setTimeout(r, 500));
    expect(await toolbar(other.page)).toBeNull();
    expect(await fontSize(other.page)).toBe(baseSize);
  });

  it.each(['vhv-portal-article.html', 'nukeviet45-default-news-detail.html', 'sharepoint2013-mic-news-detail.html'])(
    'works on every sample platform: %s',
    async (file) => {
      const { page, errors } = await openPage(ff, pages.url(GOV_HOST, file));
      await waitForReader(page);
      expect(await toolbar(page)).toEqual({ sizeControl: true, buttons: SIZE_BUTTONS });
      expect(errors).toEqual([]);
    },
  );

  it('takes over the site’s rating with the rating component, whose vote still reaches the site', async () => {
    const { page, errors } = await openPage(ff, pages.url(GOV_HOST, NUKEVIET.file));
    await waitForReader(page);
    const takeover = await page.evaluate(() => {
      const form = document.querySelector('.hover-star')!.closest('[data-ar-hidden]');
      const rating = document.querySelector('arx-rating');
      return { siteHidden: !!form && getComputedStyle(form).display === 'none', stars: rating?.shadowRoot?.querySelectorAll('input[type=radio]').length ?? 0 };
    });
    expect(takeover).toEqual({ siteHidden: true, stars: 5 });
    // The site's own vote function sees the reader's vote: four stars, then "send".
    await page.evaluate(() => {
      (window as unknown as { votes: string[] }).votes = [];
      (window as unknown as { sendrating: (...a: string[]) => void }).sendrating = (...a) => (window as unknown as { votes: string[] }).votes.push(a.join(','));
    });
    await page.waitForSelector('arx-rating >>> input[type=radio]');
    await (await page.$$('arx-rating >>> input[type=radio]'))[3]!.click();
    await (await page.waitForSelector('arx-rating >>> button[part~=submit]'))!.click();
    await waitFor(() => page.evaluate(() => (window as unknown as { votes: string[] }).votes.length > 0), 'the vote to reach the site');
    expect(await page.evaluate(() => (window as unknown as { votes: string[] }).votes)).toEqual(['123,4,a1b2c3']);
    expect(errors).toEqual([]);
  });

  it('takes over the site’s empty "Bài viết liên quan" box with the related-articles component and its empty state', async () => {
    const { page, errors } = await openPage(ff, pages.url(GOV_HOST, VHV.file));
    await waitForReader(page);
    await page.waitForSelector('arx-related-articles >>> section');
    const related = await page.evaluate(() => {
      const el = document.querySelector('arx-related-articles')!;
      const hidden = [...document.querySelectorAll('[data-ar-hidden]')].filter((h) => /liên quan/i.test(h.textContent ?? ''));
      return {
        heading: el.shadowRoot!.querySelector('h2')!.textContent,
        state: el.getAttribute('status'),
        text: el.shadowRoot!.querySelector('[role=status]')!.textContent!.trim(),
        siteBoxHidden: hidden.length > 0 && hidden.every((h) => getComputedStyle(h).display === 'none'),
      };
    });
    expect(related).toEqual({ heading: 'Bài viết liên quan', state: 'empty', text: 'Nội dung đang cập nhật...', siteBoxHidden: true });
    expect(errors).toEqual([]);
  });

  it('A+ and A- on the toolbar resize the text, and the change is saved for the site', async () => {
    const { page, errors } = await openPage(ff, pages.url(GOV_HOST, NUKEVIET.file));
    await waitForReader(page);
    await pressSize(page, 'A+');
    await pressSize(page, 'A+');
    await waitFor(() => scaled(page, 1.5), 'the text to grow to 150 %');
    await waitFor(async () => (await savedFor())?.fontScale === 1.5, 'the size to be saved');
    await pressSize(page, 'A-');
    await waitFor(async () => (await savedFor())?.fontScale === 1.25, 'the smaller size to be saved');
    expect(await scaled(page, 1.25)).toBe(true);
    expect(errors).toEqual([]);
  });

  it.each(['high', 'dark', 'yellow'] as const)('the %s theme keeps every text of the article at 7:1 or more', async (mode) => {
    await store(ff, { defaults: { ...BIG, fontScale: 1, contrast: mode } });
    const { page, errors } = await openPage(ff, pages.url(GOV_HOST, VHV.file));
    await waitForReader(page);
    expect(await theme(page)).toBe(mode);
    const { count, lowest, worst } = await lowestContrast(page, VHV.article);
    expect(count).toBeGreaterThan(5);
    expect(lowest, worst.join('; ')).toBeGreaterThanOrEqual(7);
    expect(errors).toEqual([]);
  });

  it('without a theme the sample’s own colours fall below 7:1 (what the themes are for)', async () => {
    const { page } = await openPage(ff, pages.url(GOV_HOST, VHV.file));
    await waitForReader(page);
    expect(await theme(page)).toBeNull();
    expect((await lowestContrast(page, VHV.article)).lowest).toBeLessThan(5);
  });

  it('applies the stored settings before the first contentful paint: the first frame with the article is already large and yellow', async () => {
    await store(ff, { defaults: BIG });
    const { page, errors } = await openPage(ff, pages.url(GOV_HOST, 'first-frame.html'));
    await waitForReader(page);
    const first = (await page.evaluate(() => (window as unknown as { firstFrame: { fontSize: number; color: string; background: string } | null }).firstFrame))!;
    expect(first).toMatchObject({ color: 'rgb(255, 255, 0)', background: 'rgb(0, 0, 0)' });
    expect(atScale(first.fontSize, 2, readable), `${first.fontSize} px`).toBe(true);
    expect(await theme(page)).toBe('yellow');
    expect(await scaled(page, 2)).toBe(true);
    expect(errors).toEqual([]);
  });

  it('paints the page large and in the chosen colours before the engine starts (slow page: painted before DOMContentLoaded)', async () => {
    await store(ff, { defaults: BIG });
    const page = await ff.browser.newPage();
    // Do not wait for the load: the page's last script takes a second to come.
    void page.goto(pages.url(GOV_HOST, 'slow.html')).catch(() => undefined);
    await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, { timeout: 10_000 });
    const atFirstPaint = await page.evaluate((sel) => {
      const p = document.querySelector(sel)! as Element & { currentCSSZoom?: number };
      return {
        loading: document.readyState === 'loading',
        drawn: parseFloat(getComputedStyle(p).fontSize) * (p.currentCSSZoom ?? 1),
        background: getComputedStyle(document.body).backgroundColor,
        color: getComputedStyle(p).color,
      };
    }, NUKEVIET.paragraph);
    expect(atFirstPaint).toMatchObject({ loading: true, background: 'rgb(0, 0, 0)', color: 'rgb(255, 255, 0)' });
    expect(atScale(atFirstPaint.drawn, 2, readable)).toBe(true);
    // Then the engine takes the same session over: the text keeps the size it was first painted at.
    await waitForReader(page);
    expect(await fontSize(page)).toBeCloseTo(atFirstPaint.drawn, 2);
  });

  it('keyboard shortcuts: their keys are declared, and each command acts on the tab', async () => {
    const commands = await ff.control.evaluate(() => browser.commands.getAll());
    expect(Object.fromEntries(commands.map((c) => [c.name, c.shortcut]))).toEqual({
      'increase-text': 'Alt+Shift+Up',
      'decrease-text': 'Alt+Shift+Down',
      'toggle-contrast': 'Alt+Shift+H',
      'toggle-site': 'Alt+Shift+O',
      'reader-view': '',
    });
    const url = pages.url(GOV_HOST, NUKEVIET.file);
    const { page } = await openPage(ff, url);
    await waitForReader(page);
    const tabId = await tabIdOf(ff, url);
    await command(ff, 'increase-text', tabId);
    await command(ff, 'increase-text', tabId);
    await waitFor(() => scaled(page, 1.5), 'the text to grow to 150 %');
    await command(ff, 'toggle-contrast', tabId);
    await waitFor(async () => (await theme(page)) === 'high', 'high contrast');
    await command(ff, 'toggle-site', tabId);
    await waitFor(async () => (await toolbar(page)) === null, 'the reader to turn off');
    expect(await fontSize(page)).toBe(baseSize);
    expect(await theme(page)).toBeNull();
    // Off for this site; the size and colours chosen stay the shared government settings.
    expect((await stored(ff))[`site:${GOV_HOST}`]).toEqual({ enabled: false });
    expect((await stored(ff)).defaults).toMatchObject({ fontScale: 1.5, contrast: 'high' });
  });

  it('keeps the page’s own scripts working', async () => {
    await store(ff, { defaults: BIG });
    const { page, errors } = await openPage(ff, pages.url(GOV_HOST, 'own-script.html'));
    await waitForReader(page);
    await page.click('#site-own');
    await page.click('#site-own');
    await waitFor(async () => (await page.$eval('#site-own', (b) => b.textContent)) === 'Số lượt bấm: 2', 'the site’s own button to count two clicks');
    expect(await page.evaluate(() => typeof (window as unknown as { nv_base_siteurl?: string }).nv_base_siteurl)).toBe('string');
    expect(errors).toEqual([]);
  });

  it('a corrupt stored value does not break the page, and the other sites keep their settings', async () => {
    const otherGov = { enabled: true, settings: BIG };
    await store(ff, { defaults: 'not settings', [`site:${GOV_HOST}`]: { enabled: 'maybe', settings: [1, 2] }, 'site:khac.gov.vn': otherGov });
    const { page, errors } = await openPage(ff, pages.url(GOV_HOST, NUKEVIET.file));
    await waitForReader(page);
    // The defaults apply: the page at 100 %, readable, no theme.
    expect(await scaled(page, 1)).toBe(true);
    expect(await theme(page)).toBeNull();
    expect(errors).toEqual([]);
    expect((await stored(ff))['site:khac.gov.vn']).toEqual(otherGov);
  });
});

describe('memory', SLOW, () => {
  it('settings survive a reload and a restart of Firefox with the same profile', async () => {
    const profile = newProfile();
    let run = await launch({ profileDir: profile.dir });
    try {
      const url = pages.url(GOV_HOST, NUKEVIET.file);
      const site = await openPage(run, url);
      await waitForReader(site.page);
      await (await site.page.waitForSelector('[data-ar-toolbar] >>> arx-font-size >>> button ::-p-text(A+)'))!.click();
      await (await site.page.waitForSelector('[data-ar-toolbar] >>> input[value=high]'))!.click();
      await waitFor(async () => (await theme(site.page)) === 'high', 'high contrast');
      // Saved (the background's writer gathers presses for a moment), then the page is loaded again.
      await waitFor(async () => {
        const saved = await savedFor(GOV_HOST, run);
        return saved?.contrast === 'high' && saved.fontScale === 1.25;
      }, 'the choice to be saved');
      await site.page.reload();
      await waitForReader(site.page);
      expect(await theme(site.page)).toBe('high');
      expect(await scaled(site.page, 1.25)).toBe(true);
      await run.close();

      // The profile keeps storage.sync; the add-on (temporary here) is installed again at the next start.
      run = await launch({ profileDir: profile.dir });
      const again = await openPage(run, url);
      await waitForReader(again.page);
      expect(await theme(again.page)).toBe('high');
      expect(await scaled(again.page, 1.25)).toBe(true);
    } finally {
      await run.close();
      profile.remove();
    }
  });
});

describe('after all of the above', () => {
  it('no part of the add-on (background, pages, content scripts) had an uncaught error', async () => {
    expect(await addonErrors(ff)).toEqual([]);
  });

  it('the add-on made no request of its own', () => {
    const local = [`http://${GOV_HOST}:${pages.port}/`, `http://${OTHER_HOST}:${pages.port}/`, 'moz-extension://', 'data:', 'blob:', 'about:'];
    expect(ff.requests.length).toBeGreaterThan(10);
    expect(ff.requests.filter((url) => !local.some((prefix) => url.startsWith(prefix)))).toEqual([]);
  });
});
