/**
 * The built extension (.output/chrome-mv3, made by `npm run build:extension`) in real headless Chromium, on the
 * sample government pages served under a `*.gov.vn` host name.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  GOV_HOST,
  OTHER_HOST,
  axe,
  clearStore,
  clickToolbar,
  grantOriginOffline,
  inContentScript,
  launch,
  newProfile,
  openPage,
  startPages,
  store,
  stored,
  tabIdOf,
  uiStrings,
  type Launched,
} from './harness';

const ARTICLE = 'nukeviet45-default-news-detail.html';
/** A second government portal: a choice made on one holds on the other. */
const GOV_HOST_2 = 'so-khac.tinh-test.gov.vn';
const PARAGRAPH = '#news-bodyhtml p';
const BIG = { fontScale: 2, contrast: 'yellow', spacing: 'off', font: 'page', hideClutter: false, toolbar: true, minFontSize: 20, minContrast: 4.5 };
/** Government pages are readable untouched: their body text is raised to at least this size at 100 %. */
const MIN_PX = 20;
const EARLY_MARK = 'accessible-reader:early-styles';
/** Each test drives whole browsers: seconds, not milliseconds. */
const SLOW = { timeout: 60_000 };

let pages: Awaited<ReturnType<typeof startPages>>;
let profile: ReturnType<typeof newProfile>;
let ext: Launched;
/** The extension's strings in the browser's language, to name its controls as a screen reader hears them. */
let t: Awaited<ReturnType<typeof uiStrings>>['t'];
/** The article paragraph's font size on a host where the extension does nothing. */
let baseSize: number;
/** The same paragraph at 100 % on a government host: raised to the minimum size (the site's own when larger). */
let readable: number;
/** Requests to anything but the local sample pages: the extension must make none of its own. */
const foreign: string[] = [];

/** The size text is drawn at: computed size times the zoom the engine puts on text blocks. */
const fontSize = (page: Page, selector = PARAGRAPH) =>
  page.evaluate((s) => {
    const el = document.querySelector(s)! as Element & { currentCSSZoom: number };
    return Math.round(parseFloat(getComputedStyle(el).fontSize) * el.currentCSSZoom * 100) / 100;
  }, selector);
/** Whether `px` is `scale` times the readable size (boosts are rounded up to 5 %, so a little above is right). */
const atScale = (px: number, scale: number) => px >= scale * readable - 0.05 && px <= scale * readable * 1.05 + 0.05;
/** The reader's toolbar as the content script sees it (its root is closed to the page). */
const toolbar = async (page: Page) =>
  (await page.evaluate(() => !!document.querySelector('[data-ar-toolbar]')))
    ? inContentScript<{ sizeControl: boolean }>(page, `({ sizeControl: chrome.dom.openOrClosedShadowRoot(document.querySelector('[data-ar-toolbar]')).querySelectorAll('.size button').length === 3 })`)
    : null;
const waitForReader = (page: Page) => page.waitForFunction(() => !!document.querySelector('[data-ar-toolbar]'), null, { timeout: 10_000 });
const theme = (page: Page) => page.evaluate(() => document.documentElement.getAttribute('data-ar-theme'));
const siteEntry = async (host = GOV_HOST) => (await stored(ext.worker))[`site:${host}`] as { enabled?: boolean; settings?: typeof BIG } | undefined;

async function openPopup(tabId: number): Promise<{ page: Page; errors: string[] }> {
  const opened = await openPage(ext.context, ext.page(`popup.html?tab=${tabId}`));
  await opened.page.setViewportSize({ width: 420, height: 900 });
  await opened.page.waitForFunction(() => !document.getElementById('controls')?.hidden || !document.getElementById('unavailable')?.hidden);
  return opened;
}

beforeAll(async () => {
  pages = await startPages();
  profile = newProfile();
  ext = await launch(profile.dir, 'vi');
  t = (await uiStrings(ext.worker)).t;
  const local = [`http://${GOV_HOST}:${pages.port}/`, `http://${GOV_HOST_2}:${pages.port}/`, `http://${OTHER_HOST}:${pages.port}/`, 'chrome-extension://', 'data:', 'blob:', 'about:'];
  ext.context.on('request', (r) => !local.some((prefix) => r.url().startsWith(prefix)) && foreign.push(r.url()));
  const { page } = await openPage(ext.context, pages.url(OTHER_HOST, ARTICLE));
  baseSize = await fontSize(page);
  readable = Math.max(baseSize, MIN_PX);
  await page.close();
}, 60_000);

afterAll(async () => {
  await ext?.context.close();
  pages?.close();
  profile?.remove();
});

beforeEach(async () => {
  await clearStore(ext.worker);
  for (const p of ext.context.pages()) if (p.url() !== 'about:blank') await p.close();
});

describe('the extension on government pages', SLOW, () => {
  it('starts by itself on a .gov.vn host, with its toolbar (extension tag prefix), and does nothing on another host', async () => {
    const gov = await openPage(ext.context, pages.url(GOV_HOST, ARTICLE));
    await waitForReader(gov.page);
    expect(await toolbar(gov.page)).toEqual({ sizeControl: true });
    expect(gov.errors).toEqual([]);

    const other = await openPage(ext.context, pages.url(OTHER_HOST, ARTICLE));
    await other.page.waitForTimeout(500);
    expect(await toolbar(other.page)).toBeNull();
    expect(await other.page.evaluate((m) => performance.getEntriesByName(m).length, EARLY_MARK)).toBe(0);
    expect(await fontSize(other.page)).toBe(baseSize);
  });

  it.each(['vhv-portal-article.html', 'nukeviet45-default-news-detail.html', 'sharepoint2013-mic-news-detail.html'])(
    'works on every sample platform: %s',
    async (file) => {
      const { page, errors } = await openPage(ext.context, pages.url(GOV_HOST, file));
      await waitForReader(page);
      expect(await toolbar(page)).toEqual({ sizeControl: true });
      expect(errors).toEqual([]);
    },
  );

  it('applies the stored settings before the first contentful paint', async () => {
    await store(ext.worker, { defaults: BIG });
    const { page, errors } = await openPage(ext.context, pages.url(GOV_HOST, ARTICLE));
    await waitForReader(page);
    const timing = await page.evaluate(async (mark) => {
      const fcp = await new Promise<number>((resolve) =>
        new PerformanceObserver((list) => {
          const entry = list.getEntriesByName('first-contentful-paint')[0];
          if (entry) resolve(entry.startTime);
        }).observe({ type: 'paint', buffered: true }),
      );
      return { early: performance.getEntriesByName(mark)[0]?.startTime ?? Infinity, fcp };
    }, EARLY_MARK);
    expect(timing.early).toBeLessThan(timing.fcp);
    expect(await theme(page)).toBe('yellow');
    expect(atScale(await fontSize(page), 2)).toBe(true);
    expect(errors).toEqual([]);
  });

  it('paints the page large and in the chosen colours before the engine starts (slow page: painted before DOMContentLoaded)', async () => {
    await store(ext.worker, { defaults: BIG });
    const page = await ext.context.newPage();
    await page.goto(pages.url(GOV_HOST, 'slow.html'), { waitUntil: 'commit' });
    await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, null, { timeout: 10_000 });
    const atFirstPaint = await page.evaluate((sel) => {
      const p = document.querySelector(sel)! as Element & { currentCSSZoom: number };
      return {
        loading: document.readyState === 'loading',
        drawn: parseFloat(getComputedStyle(p).fontSize) * p.currentCSSZoom,
        background: getComputedStyle(document.body).backgroundColor,
        color: getComputedStyle(p).color,
      };
    }, PARAGRAPH);
    expect(atFirstPaint).toMatchObject({ loading: true, background: 'rgb(0, 0, 0)', color: 'rgb(255, 255, 0)' });
    expect(atScale(atFirstPaint.drawn, 2)).toBe(true);
    // Then the engine takes the same session over: the text keeps the size it was first painted at.
    await waitForReader(page);
    expect(await fontSize(page)).toBeCloseTo(atFirstPaint.drawn, 2);
  });

  it('a change made with the toolbar on one government site holds on every government site', async () => {
    const { page } = await openPage(ext.context, pages.url(GOV_HOST, ARTICLE));
    await waitForReader(page);
    await clickToolbar(page, 'A+');
    await expect.poll(async () => ((await stored(ext.worker)).defaults as typeof BIG | undefined)?.fontScale).toBe(1.25);
    await clickToolbar(page, 'Màu chữ và nền');
    await clickToolbar(page, 'Vàng trên đen');
    await expect.poll(async () => (await stored(ext.worker)).defaults).toMatchObject({ fontScale: 1.25, contrast: 'yellow' });
    expect(await siteEntry()).toBeUndefined();

    const next = await openPage(ext.context, pages.url(GOV_HOST_2, 'vhv-portal-article.html'));
    await waitForReader(next.page);
    expect(await theme(next.page)).toBe('yellow');
    const other = await openPage(ext.context, pages.url(OTHER_HOST, ARTICLE));
    await other.page.waitForTimeout(300);
    expect(await fontSize(other.page)).toBe(baseSize);
  });

  it('a keyboard shortcut changes the size (the command handler, reached through the extension page message path)', async () => {
    const commands = await ext.worker.evaluate(() => chrome.commands.getAll());
    expect(commands.filter((c) => c.shortcut).map((c) => c.name).sort()).toEqual(['decrease-text', 'increase-text', 'toggle-contrast', 'toggle-site']);

    const url = pages.url(GOV_HOST, ARTICLE);
    const { page } = await openPage(ext.context, url);
    await waitForReader(page);
    const tabId = await tabIdOf(ext.worker, url);
    // Headless Chromium cannot press a browser shortcut; the extension pages reach the same runCommand().
    const sender = (await openPage(ext.context, ext.page('options.html'))).page;
    const command = (name: string) => sender.evaluate(([c, id]) => chrome.runtime.sendMessage({ type: 'command', command: c, tabId: id }), [name, tabId] as const);
    await command('increase-text');
    await command('increase-text');
    await expect.poll(async () => atScale(await fontSize(page), 1.5)).toBe(true);
    await command('toggle-contrast');
    await page.waitForFunction(() => document.documentElement.getAttribute('data-ar-theme') === 'high');
    await command('toggle-site');
    await page.waitForFunction(() => !document.querySelector('[data-ar-toolbar]'));
    expect(await fontSize(page)).toBe(baseSize);
    expect(await siteEntry()).toEqual({ enabled: false });
    expect((await stored(ext.worker)).defaults).toMatchObject({ fontScale: 1.5, contrast: 'high' });
  });

  it('keeps the page’s own scripts working', async () => {
    await store(ext.worker, { defaults: BIG });
    const { page, errors } = await openPage(ext.context, pages.url(GOV_HOST, 'own-script.html'));
    await waitForReader(page);
    const own = page.locator('#site-own');
    await own.click();
    await own.click();
    await expect.poll(() => own.textContent()).toBe('Số lượt bấm: 2');
    expect(await page.evaluate(() => typeof (window as unknown as { nv_base_siteurl?: string }).nv_base_siteurl)).toBe('string');
    expect(errors).toEqual([]);
  });

  it('a corrupt stored value does not break the page, and the other sites keep their settings', async () => {
    const otherGov = { enabled: true, settings: BIG };
    await store(ext.worker, { defaults: 'not settings', [`site:${GOV_HOST}`]: { enabled: 'maybe', settings: [1, 2] }, 'site:khac.gov.vn': otherGov });
    const { page, errors } = await openPage(ext.context, pages.url(GOV_HOST, ARTICLE));
    await waitForReader(page);
    // The defaults apply: the page at 100 %, readable, no theme.
    expect(atScale(await fontSize(page), 1)).toBe(true);
    expect(await theme(page)).toBeNull();
    expect(errors).toEqual([]);

    const options = await openPage(ext.context, ext.page('options.html'));
    await options.page.getByRole('heading', { name: 'khac.gov.vn' }).waitFor();
    expect(await options.page.getByRole('heading', { name: GOV_HOST }).count()).toBe(1);
    expect(options.errors).toEqual([]);
    expect((await stored(ext.worker))['site:khac.gov.vn']).toEqual(otherGov);
  });
});

describe('the popup', SLOW, () => {
  it('has big, labelled controls for this site, passes axe, and changes the page', async () => {
    const url = pages.url(GOV_HOST, ARTICLE);
    const site = await openPage(ext.context, url);
    await waitForReader(site.page);
    const { page, errors } = await openPopup(await tabIdOf(ext.worker, url));

    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(t('popupTitle'));
    expect(await page.locator('#site').textContent()).toContain(GOV_HOST);
    const onOff = page.getByRole('switch', { name: t('siteOn') });
    expect(await onOff.isChecked()).toBe(true);
    expect(await axe(page)).toEqual([]);

    // Every control is at least 44 × 44 CSS px (the whole labelled row is the target of a checkbox or radio).
    const small = await page.evaluate(() => {
      const boxes = [...document.querySelectorAll('button, label.choice'), ...(document.querySelector('arx-font-size')?.shadowRoot?.querySelectorAll('button') ?? [])];
      return boxes.map((b) => b.getBoundingClientRect()).filter((r) => r.width > 0 && (r.width < 44 || r.height < 44)).length;
    });
    expect(small).toBe(0);

    await page.getByRole('button', { name: /^A\+/ }).click();
    await page.getByRole('button', { name: /^A\+/ }).click();
    await expect.poll(() => page.locator('#size-heading').textContent()).toMatch(/150/);
    await expect.poll(async () => atScale(await fontSize(site.page), 1.5)).toBe(true);
    await page.getByRole('radio', { name: t('contrastYellow') }).check();
    await site.page.waitForFunction(() => document.documentElement.getAttribute('data-ar-theme') === 'yellow');
    await page.getByRole('checkbox', { name: t('spacing') }).check();
    // Chosen for every government site: kept in the shared settings, nothing of this site's own.
    await expect.poll(async () => (await stored(ext.worker)).defaults).toMatchObject({ fontScale: 1.5, contrast: 'yellow', spacing: 'wcag' });
    expect(await siteEntry()).toBeUndefined();
    expect(await page.locator('#scope-hint').textContent()).toBe(t('scopeHintShared'));
    expect(await axe(page)).toEqual([]);

    // "Only this site": the site keeps a copy; what is chosen next stays there, the shared settings do not move.
    await page.getByRole('checkbox', { name: t('scopeSite') }).check();
    await expect.poll(async () => (await siteEntry())?.settings).toMatchObject({ fontScale: 1.5, contrast: 'yellow' });
    await page.getByRole('radio', { name: t('contrastHigh') }).check();
    await site.page.waitForFunction(() => document.documentElement.getAttribute('data-ar-theme') === 'high');
    await expect.poll(async () => (await siteEntry())?.settings?.contrast).toBe('high');
    expect((await stored(ext.worker)).defaults).toMatchObject({ contrast: 'yellow' });
    await page.getByRole('checkbox', { name: t('scopeSite') }).uncheck();
    await site.page.waitForFunction(() => document.documentElement.getAttribute('data-ar-theme') === 'yellow');
    await expect.poll(() => siteEntry()).toBeUndefined();

    await onOff.uncheck();
    await site.page.waitForFunction(() => !document.querySelector('[data-ar-toolbar]') && !document.documentElement.hasAttribute('data-ar-theme'));
    expect(await fontSize(site.page)).toBe(baseSize);
    expect(await page.locator('#settings').isHidden()).toBe(true);
    expect(await axe(page)).toEqual([]);
    await onOff.check();
    await waitForReader(site.page);
    expect(await theme(site.page)).toBe('yellow');
    expect(errors).toEqual([]);
  });

  it('says so on a page the reader cannot work on', async () => {
    const opts = await openPage(ext.context, ext.page('options.html'));
    const tabId = await tabIdOf(ext.worker, ext.page('options.html'));
    const { page } = await openPopup(tabId);
    expect(await page.locator('#unavailable').isVisible()).toBe(true);
    expect(await page.locator('#controls').isHidden()).toBe(true);
    expect(await axe(page)).toEqual([]);
    await opts.page.close();
  });
});

describe('the options page', SLOW, () => {
  it('edits the defaults, lists, turns off and removes sites, resets everything; passes axe in every state', async () => {
    await store(ext.worker, { [`site:${GOV_HOST}`]: { settings: BIG }, 'site:a.gov.vn': { enabled: false } });
    const { page, errors } = await openPage(ext.context, ext.page('options.html'));
    await page.getByRole('heading', { name: 'a.gov.vn' }).waitFor();
    expect(await axe(page)).toEqual([]);
    expect(await page.locator('#sites li').count()).toBe(2);
    expect(await page.locator('#sites li', { hasText: GOV_HOST }).locator('.summary').textContent()).toMatch(
      new RegExp(`200\\s?%.*${t('contrastYellow')}`),
    );

    await page.getByRole('radio', { name: t('contrastDark') }).check();
    await page.getByRole('checkbox', { name: t('font') }).check();
    await expect.poll(async () => (await stored(ext.worker)).defaults).toMatchObject({ contrast: 'dark', font: 'legible' });

    await page.getByRole('checkbox', { name: t('siteOnFor', GOV_HOST) }).uncheck();
    await expect.poll(async () => (await siteEntry())?.enabled).toBe(false);

    await page.getByRole('button', { name: `${t('remove')} a.gov.vn` }).click();
    await expect.poll(async () => (await stored(ext.worker))['site:a.gov.vn']).toBeUndefined();
    await expect.poll(() => page.locator('#status').textContent()).toBe(t('removed', 'a.gov.vn'));
    expect(await page.locator('#sites li').count()).toBe(1);
    expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe('BODY');

    await page.getByRole('button', { name: t('resetButton') }).click();
    expect(await page.getByRole('dialog').isVisible()).toBe(true);
    expect(await axe(page)).toEqual([]);
    await page.getByRole('button', { name: t('cancel') }).click();
    expect(await page.locator('#sites li').count()).toBe(1);
    await page.getByRole('button', { name: t('resetButton') }).click();
    await page.getByRole('button', { name: t('resetConfirm'), exact: true }).click();
    await expect.poll(() => page.locator('#sites li').count()).toBe(0);
    expect(await page.getByText(t('noSites')).isVisible()).toBe(true);
    expect(Object.keys(await stored(ext.worker)).filter((k) => k.startsWith('site:'))).toEqual([]);
    expect(await axe(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('exports all settings to a file and imports it back; a bad file is refused with a clear message and changes nothing', async () => {
    const before = { defaults: BIG, [`site:${GOV_HOST}`]: { enabled: false }, 'site:example.org': { enabled: true, settings: { ...BIG, contrast: 'high' } } };
    await store(ext.worker, before);
    const { page, errors } = await openPage(ext.context, ext.page('options.html'));
    await page.getByRole('heading', { name: 'example.org' }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: t('exportButton') }).click()]);
    expect(download.suggestedFilename()).toBe('accessible-reader-settings.json');
    const file = readFileSync((await download.path())!, 'utf8');
    expect(JSON.parse(file)).toMatchObject({ format: 'accessible-reader-settings', version: 1, defaults: BIG, sites: { [GOV_HOST]: { enabled: false } } });

    await clearStore(ext.worker);
    const input = page.getByLabel(t('importLabel'));
    await input.setInputFiles({ name: 'accessible-reader-settings.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    await expect.poll(() => page.locator('#status').textContent()).toBe(t('imported', 'accessible-reader-settings.json'));
    const values = (all: Record<string, unknown>) => Object.fromEntries(Object.entries(all).filter(([k]) => !k.endsWith('$')));
    expect(values(await stored(ext.worker))).toEqual(before);
    await page.getByRole('heading', { name: 'example.org' }).waitFor();

    for (const [name, content, reason] of [
      ['anh.jpg', 'GIF89a\u0000\u0001', 'errNotJson'],
      ['cai-dat.json', JSON.stringify({ hello: 'world' }), 'errNotOurs'],
      ['hong.json', file.replace('"yellow"', '"neon"'), 'errBadDefaults'],
    ] as const) {
      await input.setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content) });
      await expect.poll(() => page.locator('#status').textContent()).toBe(t('importRejected', name, t(reason)));
      expect(await page.locator('#status').getAttribute('class')).toContain('error');
      expect(values(await stored(ext.worker))).toEqual(before);
    }
    expect(await axe(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});

describe('memory and other sites', SLOW, () => {
  it('settings survive a reload and a browser restart with the same profile', async () => {
    const own = newProfile();
    let run = await launch(own.dir, 'vi');
    try {
      const url = pages.url(GOV_HOST, ARTICLE);
      const site = await openPage(run.context, url);
      await waitForReader(site.page);
      const tabId = await run.worker.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)!.id!, url);
      const popup = await openPage(run.context, run.page(`popup.html?tab=${tabId}`));
      await popup.page.getByRole('button', { name: /^A\+/ }).click();
      await popup.page.getByRole('radio', { name: t('contrastHigh') }).check();
      await site.page.waitForFunction(() => document.documentElement.getAttribute('data-ar-theme') === 'high');
      await site.page.reload();
      await waitForReader(site.page);
      expect(await theme(site.page)).toBe('high');
      expect(atScale(await fontSize(site.page), 1.25)).toBe(true);
      await run.context.close();

      run = await launch(own.dir, 'vi');
      const again = await openPage(run.context, url);
      await waitForReader(again.page);
      expect(await theme(again.page)).toBe('high');
      expect(atScale(await fontSize(again.page), 1.25)).toBe(true);
    } finally {
      await run.context.close();
      own.remove();
    }
  });

  it('on another site: off until turned on from the popup, which asks permission for that one site only', async () => {
    const own = newProfile();
    let run = await launch(own.dir, 'en');
    const url = pages.url(OTHER_HOST, ARTICLE);
    try {
      const manifest = await run.worker.evaluate(() => chrome.runtime.getManifest());
      expect(manifest.host_permissions).toEqual(['*://*.gov.vn/*', '*://gov.vn/*']);
      expect(manifest.optional_host_permissions).toEqual(['*://*/*']);

      const site = await openPage(run.context, url);
      await site.page.waitForTimeout(300);
      expect(await toolbar(site.page)).toBeNull();
      // The extension cannot see this tab's address: it has no permission for the site.
      const tabId = await run.worker.evaluate(async () => (await chrome.tabs.query({})).find((t) => !t.url)!.id!);

      // Headless Chromium has no toolbar button to click and no permission prompt to answer. The two things
      // the browser does for a real user are simulated in the popup page: the click on the toolbar button
      // (activeTab: the popup may read the tab's address) and "Allow" on the prompt (recorded, not granted).
      const popup = await run.context.newPage();
      await popup.addInitScript((siteUrl) => {
        const c = (globalThis as unknown as { chrome: typeof chrome }).chrome;
        const get = c.tabs.get.bind(c.tabs);
        c.tabs.get = (async (id: number) => ({ ...(await get(id)), url: siteUrl })) as typeof c.tabs.get;
        const w = window as unknown as { requested: unknown[] };
        w.requested = [];
        c.permissions.request = (async (p: unknown) => (w.requested.push(p), true)) as typeof c.permissions.request;
      }, url);
      await popup.goto(run.page(`popup.html?tab=${tabId}`));
      await popup.setViewportSize({ width: 420, height: 900 });
      await popup.waitForFunction(() => !document.getElementById('controls')?.hidden);
      const { lang, t } = await uiStrings(run.worker);
      expect(await popup.evaluate(() => document.documentElement.lang)).toBe(lang);
      expect(await popup.getByRole('heading', { level: 1 }).textContent()).toBe(t('popupTitle'));
      const onOff = popup.getByRole('switch', { name: t('siteOn') });
      expect(await onOff.isChecked()).toBe(false);
      expect(await popup.locator('#enabled-hint').textContent()).toBe(t('siteOnHintOther'));
      expect(await axe(popup)).toEqual([]);
      await onOff.check();
      await expect.poll(() => popup.evaluate(() => (window as unknown as { requested: unknown[] }).requested)).toEqual([{ origins: [`*://${OTHER_HOST}/*`] }]);
      await expect.poll(async () => (await run.worker.evaluate(() => chrome.storage.sync.get(null)))[`site:${OTHER_HOST}`]).toEqual({ enabled: true });
      await run.context.close();

      // The user allowed it: the browser keeps the grant in the profile. At the next start the extension
      // registers its content script for that one site, and the reader runs there.
      grantOriginOffline(own.dir, run.id, `*://${OTHER_HOST}/*`);
      run = await launch(own.dir, 'en');
      await expect
        .poll(() => run.worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).map((s) => [s.id, s.matches, s.runAt]).sort()))
        .toEqual([
          ['gov', ['*://*.gov.vn/*', '*://gov.vn/*'], 'document_start'],
          ['gov|engine', ['*://*.gov.vn/*', '*://gov.vn/*'], 'document_end'],
          [`site:${OTHER_HOST}`, [`*://${OTHER_HOST}/*`], 'document_start'],
          [`site:${OTHER_HOST}|reader`, [`*://${OTHER_HOST}/*`], 'document_end'],
        ]);
      const again = await openPage(run.context, url);
      await waitForReader(again.page);
      expect(await toolbar(again.page)).toEqual({ sizeControl: true });
      expect(again.errors).toEqual([]);
    } finally {
      await run.context.close();
      own.remove();
    }
  });
});

describe('network', () => {
  it('the extension made no request of its own during all of the above', () => {
    expect(foreign).toEqual([]);
  });
});
