/**
 * The built Firefox add-on (.output/firefox-mv2) in real Firefox ESR, on the sample government pages served
 * under a `*.gov.vn` host name: what tests/extension/extension.node.test.ts proves in Chromium, in Firefox.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GOV_HOST, OTHER_HOST, startPages, type Pages } from '../support/extension-site';
import { NUKEVIET, VHV, earlyAndFirstPaint, fontSize, lowestContrast, theme, toolbar } from '../support/reader-probes';
import { SLOW, addonErrors, clearStore, command, launch, newProfile, openPage, store, stored, tabIdOf, waitFor, type Launched } from './harness';

const BIG = { fontScale: 2, contrast: 'yellow', spacing: 'off', font: 'page', hideClutter: false, toolbar: true };
const SIZE_BUTTONS = ['A- Giảm cỡ chữ', 'A Cỡ chữ mặc định', 'A+ Tăng cỡ chữ'];

let pages: Pages;
let ff: Launched;
/** The article paragraph's font size on a host where the add-on does nothing. */
let baseSize: number;

const waitForReader = (page: Page) => page.waitForFunction(() => document.querySelector('[data-ar-toolbar]')?.shadowRoot?.querySelector('arx-font-size')?.shadowRoot?.querySelector('button'), { timeout: 15_000 });
/** The settings in force for a host: its own, else the defaults (what the pages open with). */
const savedFor = async (host = GOV_HOST) => {
  const all = await stored(ff);
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
    await waitFor(async () => (await fontSize(page)) / baseSize > 1.45, 'the text to grow to 150 %');
    expect((await fontSize(page)) / baseSize).toBeCloseTo(1.5, 1);
    await waitFor(async () => (await savedFor())?.fontScale === 1.5, 'the size to be saved');
    await pressSize(page, 'A-');
    await waitFor(async () => (await savedFor())?.fontScale === 1.25, 'the smaller size to be saved');
    expect((await fontSize(page)) / baseSize).toBeCloseTo(1.25, 1);
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
    expect({ ...first, fontSize: Math.round((first.fontSize / baseSize) * 10) / 10 }).toEqual({ fontSize: 2, color: 'rgb(255, 255, 0)', background: 'rgb(0, 0, 0)' });
    // The stage that read the settings started before anything was painted.
    const timing = await earlyAndFirstPaint(page, 'accessible-reader:start');
    expect(timing.early).toBeLessThan(timing.fcp);
    expect(await theme(page)).toBe('yellow');
    expect((await fontSize(page)) / baseSize).toBeCloseTo(2, 1);
    expect(errors).toEqual([]);
  });

  it('paints the page large and in the chosen colours before the engine starts (slow page: painted before DOMContentLoaded)', async () => {
    await store(ff, { defaults: BIG });
    const page = await ff.browser.newPage();
    // Do not wait for the load: the page's last script takes a second to come.
    void page.goto(pages.url(GOV_HOST, 'slow.html')).catch(() => undefined);
    await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, { timeout: 10_000 });
    const atFirstPaint = await page.evaluate((sel) => {
      const p = document.querySelector(sel)!;
      return {
        loading: document.readyState === 'loading',
        zoom: getComputedStyle(p).zoom,
        background: getComputedStyle(document.body).backgroundColor,
        color: getComputedStyle(p).color,
      };
    }, NUKEVIET.paragraph);
    expect(atFirstPaint).toEqual({ loading: true, zoom: '2', background: 'rgb(0, 0, 0)', color: 'rgb(255, 255, 0)' });
    await waitForReader(page);
    expect(await page.evaluate((sel) => getComputedStyle(document.querySelector(sel)!).zoom, NUKEVIET.paragraph)).toBe('1');
    expect((await fontSize(page)) / baseSize).toBeCloseTo(2, 1);
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
    await waitFor(async () => (await fontSize(page)) / baseSize > 1.45, 'the text to grow');
    expect((await fontSize(page)) / baseSize).toBeCloseTo(1.5, 1);
    await command(ff, 'toggle-contrast', tabId);
    await waitFor(async () => (await theme(page)) === 'high', 'high contrast');
    await command(ff, 'toggle-site', tabId);
    await waitFor(async () => (await toolbar(page)) === null, 'the reader to turn off');
    expect(await fontSize(page)).toBe(baseSize);
    expect(await theme(page)).toBeNull();
    expect((await stored(ff))[`site:${GOV_HOST}`]).toMatchObject({ enabled: false });
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
    expect(await fontSize(page)).toBe(baseSize);
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
      await site.page.reload();
      await waitForReader(site.page);
      expect(await theme(site.page)).toBe('high');
      expect((await fontSize(site.page)) / baseSize).toBeCloseTo(1.25, 1);
      await run.close();

      // The profile keeps storage.sync; the add-on (temporary here) is installed again at the next start.
      run = await launch({ profileDir: profile.dir });
      const again = await openPage(run, url);
      await waitForReader(again.page);
      expect(await theme(again.page)).toBe('high');
      expect((await fontSize(again.page)) / baseSize).toBeCloseTo(1.25, 1);
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
