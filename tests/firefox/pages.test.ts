/**
 * The add-on's own pages in Firefox (moz-extension://…): the popup, opened as a page for a tab; the options
 * page; settings export and import; and turning the reader on for a site outside .gov.vn, with Firefox's own
 * permission machinery. What tests/extension/extension.node.test.ts proves for these in Chromium.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Locator, Page } from 'puppeteer-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GOV_HOST, OTHER_HOST, startPages, type Pages } from '../support/extension-site';
import { BIG, MIN_PX, NUKEVIET, atScale, fontSize, theme } from '../support/reader-probes';
import { onToolbar, toolbarShape } from '../support/toolbar-probes';
import {
  SLOW,
  addonErrors,
  axe,
  clearStore,
  grantActiveTab,
  inContentScript,
  launch,
  openExtensionPage,
  openPage,
  store,
  stored,
  tabIdOf,
  uiStrings,
  waitFor,
  type Launched,
} from './harness';


let pages: Pages;
let ff: Launched;
let t: Awaited<ReturnType<typeof uiStrings>>['t'];
let baseSize: number;
/** The paragraph at 100 % on a government host (raised to the minimum size). */
let readable: number;

// The toolbar's root is closed to the page: its host is what the page can see.
const waitForReader = (page: Page) => page.waitForFunction(() => !!document.querySelector('[data-ar-toolbar]'), { timeout: 15_000 });
const hasToolbar = (page: Page) => page.evaluate(() => !!document.querySelector('[data-ar-toolbar]'));
const text = (page: Page, selector: string) => page.$eval(selector, (el) => el.textContent!.trim());
const visible = (page: Page, selector: string) => page.$eval(selector, (el) => !(el as HTMLElement).hidden && el.getClientRects().length > 0);
const isChecked = (page: Page, selector: string) => page.$eval(selector, (el) => (el as HTMLInputElement).checked);
/** Clicks the labelled row of a checkbox or radio, the reader's whole target. */
const choose = (page: Page, input: string) => page.click(`label:has(> ${input})`);
const siteEntry = async (host = GOV_HOST) => (await stored(ff))[`site:${host}`] as { enabled?: boolean; settings?: Partial<typeof BIG> } | undefined;
const defaults = async () => (await stored(ff)).defaults as Partial<typeof BIG> | undefined;

/**
 * A control in the options page's row of `host` (its on/off `label` or its remove `button`), as a locator: found
 * again, and the click retried, when the list is drawn anew in between.
 */
function inSiteRow(page: Page, host: string, control: 'label' | 'button'): Locator<HTMLElement> {
  const find = new Function(
    `return [...document.querySelectorAll('#sites li')].find((li) => li.querySelector('h3')?.textContent === ${JSON.stringify(host)})?.querySelector(${JSON.stringify(control)}) ?? null;`,
  ) as () => HTMLElement;
  return page.locator(find);
}

async function openPopup(run: Launched, tabId: number): Promise<Page> {
  const page = await openExtensionPage(run, `popup.html?tab=${tabId}`);
  await page.setViewport({ width: 420, height: 900 });
  await waitFor(() => page.evaluate(() => !document.getElementById('controls')!.hidden || !document.getElementById('unavailable')!.hidden), 'the popup to know its tab');
  return page;
}

beforeAll(async () => {
  pages = await startPages();
  ff = await launch();
  t = (await uiStrings(ff)).t;
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

describe('the popup', SLOW, () => {
  it('has big, labelled controls for this site, passes axe, and changes the page', async () => {
    const url = pages.url(GOV_HOST, NUKEVIET.file);
    const site = await openPage(ff, url);
    await waitForReader(site.page);
    const page = await openPopup(ff, await tabIdOf(ff, url));

    expect(await text(page, 'h1')).toBe(t('popupTitle'));
    expect(await text(page, '#site')).toContain(GOV_HOST);
    expect(await isChecked(page, '#enabled')).toBe(true);
    expect(await axe(page)).toEqual([]);
    // Every control is at least 44 × 44 CSS px (the whole labelled row is the target of a checkbox or radio).
    const small = await page.evaluate(() => {
      const boxes = [...document.querySelectorAll('button, label.choice'), ...(document.querySelector('arx-font-size')?.shadowRoot?.querySelectorAll('button') ?? [])];
      return boxes.map((b) => b.getBoundingClientRect()).filter((r) => r.width > 0 && (r.width < 44 || r.height < 44)).length;
    });
    expect(small).toBe(0);

    await page.click('arx-font-size >>> button ::-p-text(A+)');
    await page.click('arx-font-size >>> button ::-p-text(A+)');
    await waitFor(async () => /150/.test(await text(page, '#size-heading')), 'the popup to say 150 %');
    await waitFor(async () => atScale(await fontSize(site.page), 1.5, readable), 'the page’s text to grow to 150 %');
    await choose(page, 'input[name=contrast][value=yellow]');
    await waitFor(async () => (await theme(site.page)) === 'yellow', 'the yellow theme on the page');
    await choose(page, 'input[name=spacing]');
    // Chosen for every government site: kept in the shared settings, nothing of this site's own.
    await waitFor(async () => (await defaults())?.spacing === 'wcag', 'wider spacing to be saved');
    expect(await defaults()).toMatchObject({ fontScale: 1.5, contrast: 'yellow', spacing: 'wcag' });
    expect(await siteEntry()).toBeUndefined();
    expect(await text(page, '#scope-hint')).toBe(t('scopeHintShared'));
    expect(await axe(page)).toEqual([]);

    // "Only this site": the site keeps a copy; what is chosen next stays there, the shared settings do not move.
    await choose(page, '#scope');
    await waitFor(async () => (await siteEntry())?.settings?.contrast === 'yellow', 'the site to keep its own copy');
    expect((await siteEntry())?.settings).toMatchObject({ fontScale: 1.5, contrast: 'yellow' });
    await choose(page, 'input[name=contrast][value=high]');
    await waitFor(async () => (await theme(site.page)) === 'high', 'the high theme on the page');
    await waitFor(async () => (await siteEntry())?.settings?.contrast === 'high', 'the site’s own colours to be saved');
    expect(await defaults()).toMatchObject({ contrast: 'yellow' });
    await choose(page, '#scope');
    await waitFor(async () => (await theme(site.page)) === 'yellow', 'the shared colours back on the page');
    await waitFor(async () => (await siteEntry()) === undefined, 'the site’s own copy to be dropped');

    await choose(page, '#enabled');
    await waitFor(async () => !(await hasToolbar(site.page)) && (await theme(site.page)) === null, 'the reader to turn off');
    expect(await fontSize(site.page)).toBe(baseSize);
    expect(await page.$eval('#settings', (el) => (el as HTMLElement).hidden)).toBe(true);
    expect(await axe(page)).toEqual([]);
    await choose(page, '#enabled');
    await waitForReader(site.page);
    expect(await theme(site.page)).toBe('yellow');
    expect(site.errors).toEqual([]);
    expect(await addonErrors(ff)).toEqual([]);
  });

  it('says so on a page the reader cannot work on', async () => {
    const options = await openExtensionPage(ff, 'options.html');
    const page = await openPopup(ff, await tabIdOf(ff, ff.page('options.html')));
    expect(await visible(page, '#unavailable')).toBe(true);
    expect(await page.$eval('#controls', (el) => (el as HTMLElement).hidden)).toBe(true);
    expect(await axe(page)).toEqual([]);
    await options.close();
    expect(await addonErrors(ff)).toEqual([]);
  });
});

describe('the options page', SLOW, () => {
  it('edits the defaults, lists, turns off and removes sites, resets everything; passes axe in every state', async () => {
    await store(ff, { [`site:${GOV_HOST}`]: { settings: BIG }, 'site:a.gov.vn': { enabled: false } });
    const page = await openExtensionPage(ff, 'options.html');
    const siteCount = () => page.$$eval('#sites li', (li) => li.length);
    const siteRow = (host: string) => `#sites li:has(h3) ::-p-text(${host})`;
    await page.waitForSelector(siteRow('a.gov.vn'));
    expect(await axe(page)).toEqual([]);
    expect(await siteCount()).toBe(2);
    const summary = await page.evaluate((host) => [...document.querySelectorAll('#sites li')].find((li) => li.querySelector('h3')?.textContent === host)?.querySelector('.summary')?.textContent, GOV_HOST);
    expect(summary).toMatch(new RegExp(`200\\s?%.*${t('contrastYellow')}`));

    await choose(page, 'input[name=contrast][value=dark]');
    await choose(page, 'input[name=font]');
    await waitFor(async () => ((await stored(ff)).defaults as typeof BIG | undefined)?.font === 'legible', 'the defaults to be saved');
    expect((await stored(ff)).defaults).toMatchObject({ contrast: 'dark', font: 'legible' });

    // The list is drawn again after every storage change: each control is found anew when it is used.
    expect(await inSiteRow(page, GOV_HOST, 'label').map((l) => l.textContent!.trim()).wait()).toBe(t('siteOnFor', GOV_HOST));
    await inSiteRow(page, GOV_HOST, 'label').click();
    await waitFor(async () => ((await stored(ff))[`site:${GOV_HOST}`] as { enabled?: boolean } | undefined)?.enabled === false, 'the site to be turned off');

    const remove = inSiteRow(page, 'a.gov.vn', 'button');
    expect(await remove.map((b) => b.textContent!.replace(/\s+/g, ' ').trim()).wait()).toBe(`${t('remove')} a.gov.vn`);
    await remove.click();
    await waitFor(async () => (await stored(ff))['site:a.gov.vn'] === undefined, 'the site to be removed');
    await waitFor(async () => (await text(page, '#status')) === t('removed', 'a.gov.vn'), 'the removal to be announced');
    expect(await siteCount()).toBe(1);
    expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe('BODY');

    await page.click('#reset');
    expect(await page.$eval('#confirm-reset', (d) => (d as HTMLDialogElement).open)).toBe(true);
    expect(await axe(page)).toEqual([]);
    await page.click('#confirm-reset button[value=cancel]');
    expect(await siteCount()).toBe(1);
    await page.click('#reset');
    await page.click('#confirm-reset button[value=reset]');
    await waitFor(async () => (await siteCount()) === 0, 'every site to be erased');
    expect(await visible(page, '#no-sites')).toBe(true);
    expect(await text(page, '#no-sites')).toBe(t('noSites'));
    expect(Object.keys(await stored(ff)).filter((k) => k.startsWith('site:'))).toEqual([]);
    expect(await axe(page)).toEqual([]);
    expect(await addonErrors(ff)).toEqual([]);
  });

  it('exports all settings to a file and imports it back; a bad file is refused with a clear message and changes nothing', async () => {
    const before = { defaults: BIG, [`site:${GOV_HOST}`]: { enabled: false }, 'site:example.org': { enabled: true, settings: { ...BIG, contrast: 'high' } } };
    await store(ff, before);
    const page = await openExtensionPage(ff, 'options.html');
    await page.waitForSelector('#sites h3 ::-p-text(example.org)');
    await page.click('#export');
    // Firefox saves it in its download folder, under the name the page gave it.
    const saved = join(ff.downloads, 'accessible-reader-settings.json');
    await waitFor(() => existsSync(saved) && readFileSync(saved, 'utf8').endsWith('\n'), 'the export to be saved');
    const file = readFileSync(saved, 'utf8');
    expect(JSON.parse(file)).toMatchObject({ format: 'accessible-reader-settings', version: 1, defaults: BIG, sites: { [GOV_HOST]: { enabled: false } } });

    await clearStore(ff);
    const input = (await page.$('input#import')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(saved);
    await waitFor(async () => (await text(page, '#status')) === t('imported', 'accessible-reader-settings.json'), 'the import to be announced');
    const values = (all: Record<string, unknown>) => Object.fromEntries(Object.entries(all).filter(([k]) => !k.endsWith('$')));
    expect(values(await stored(ff))).toEqual(before);
    await page.waitForSelector('#sites h3 ::-p-text(example.org)');

    const bad = mkdtempSync(join(tmpdir(), 'arx-bad-'));
    try {
      for (const [name, content, reason] of [
        ['anh.jpg', 'GIF89a\u0000\u0001', 'errNotJson'],
        ['cai-dat.json', JSON.stringify({ hello: 'world' }), 'errNotOurs'],
        ['hong.json', file.replace('"yellow"', '"neon"'), 'errBadDefaults'],
      ] as const) {
        writeFileSync(join(bad, name), content);
        await input.uploadFile(join(bad, name));
        await waitFor(async () => (await text(page, '#status')) === t('importRejected', name, t(reason)), `"${name}" to be refused`);
        expect(await page.$eval('#status', (s) => s.className)).toContain('error');
        expect(values(await stored(ff))).toEqual(before);
      }
    } finally {
      rmSync(bad, { recursive: true, force: true });
    }
    expect(await axe(page)).toEqual([]);
    expect(await addonErrors(ff)).toEqual([]);
  });
});

describe('another site', SLOW, () => {
  it('is off until turned on from the popup, which asks Firefox for that one site; then the reader runs there', async () => {
    // Firefox answers its own permission prompt with "Allow" when this preference is off (its test setting):
    // the request, the grant and everything after it are Firefox's own.
    const run = await launch({ prefs: { 'extensions.webextOptionalPermissionPrompts': false } });
    try {
      const manifest = await run.control.evaluate(() => browser.runtime.getManifest());
      expect(manifest.permissions).toEqual(expect.arrayContaining(['*://*.gov.vn/*', '*://gov.vn/*']));
      expect(manifest.optional_permissions).toEqual(['*://*/*']);

      const url = pages.url(OTHER_HOST, NUKEVIET.file);
      const site = await openPage(run, url);
      await new Promise((r) => setTimeout(r, 300));
      expect(await hasToolbar(site.page)).toBe(false);
      // Without the reader's click, the add-on cannot even see which site the tab shows.
      expect(await run.control.evaluate(async (u) => (await browser.tabs.query({})).some((tab) => tab.url === u), url)).toBe(false);

      await grantActiveTab(run, site.page);
      const popup = await openPopup(run, await tabIdOf(run, url));
      const { lang, t } = await uiStrings(run);
      expect(await popup.evaluate(() => document.documentElement.lang)).toBe(lang);
      expect(await text(popup, 'h1')).toBe(t('popupTitle'));
      expect(await isChecked(popup, '#enabled')).toBe(false);
      expect(await text(popup, '#enabled-hint')).toBe(t('siteOnHintOther'));
      expect(await axe(popup)).toEqual([]);

      await choose(popup, '#enabled');
      await waitFor(async () => (await popup.evaluate(() => browser.permissions.getAll())).origins?.includes(`*://${OTHER_HOST}/*`) ?? false, 'Firefox to grant the site');
      expect((await popup.evaluate(() => browser.permissions.getAll())).origins).toEqual(['*://*.gov.vn/*', '*://gov.vn/*', `*://${OTHER_HOST}/*`]);
      await waitFor(async () => ((await run.control.evaluate(() => browser.storage.sync.get(null)))[`site:${OTHER_HOST}`] as { enabled?: boolean } | undefined)?.enabled === true, 'the site to be saved as on');
      // The tab already open gets the reader at once; new pages of the site get it from the registered scripts.
      await waitForReader(site.page);
      // The government sites' two stages, and the same two for this one site.
      const registered = async () => (await run.control.evaluate(() => browser.scripting.getRegisteredContentScripts())).map((s) => [s.id, s.matches, s.runAt]).sort();
      await waitFor(async () => (await registered()).length === 4, 'the content scripts to be registered');
      expect(await registered()).toEqual([
        ['gov', ['*://*.gov.vn/*', '*://gov.vn/*'], 'document_start'],
        ['gov|engine', ['*://*.gov.vn/*', '*://gov.vn/*'], 'document_end'],
        [`site:${OTHER_HOST}`, [`*://${OTHER_HOST}/*`], 'document_start'],
        [`site:${OTHER_HOST}|reader`, [`*://${OTHER_HOST}/*`], 'document_end'],
      ]);
      const again = await openPage(run, url);
      await waitForReader(again.page);
      expect((await inContentScript(run, again.page, onToolbar(toolbarShape)))?.size).toEqual(['A-', 'A', 'A+']);
      expect([...site.errors, ...again.errors]).toEqual([]);
      expect(await addonErrors(run)).toEqual([]);
    } finally {
      await run.close();
    }
  });
});
