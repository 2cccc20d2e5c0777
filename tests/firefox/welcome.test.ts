/**
 * The welcome page of the Firefox add-on, installed for good as from addons.mozilla.org: what
 * tests/extension/welcome.node.test.ts proves in Chromium. It opens once when the add-on is installed (not
 * again at the next start of Firefox), in the language Firefox gave the add-on; choosing a size and colours
 * there changes the live sample and saves the settings of every government site; it is axe-clean, with large
 * text, 44 px targets and a visible focus ring, also with Firefox's own colours forced on pages.
 */
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { GOV_HOST, startPages } from '../support/extension-site';
import { NUKEVIET, theme } from '../support/reader-probes';
import { axe, inFirefoxItself, launch, newProfile, openPage, stored, uiStrings, waitFor, type Launched } from './harness';

const SLOW = { timeout: 120_000 };

/**
 * The tab showing the welcome page, if one does. Read from each tab's own document: WebDriver BiDi reports no
 * navigation of extension pages (see `openExtensionPage`), so Puppeteer's `page.url()` says about:blank there.
 */
async function welcomeTab(ff: Launched): Promise<Page | undefined> {
  for (const page of await ff.browser.pages()) if ((await page.evaluate(() => location.href).catch(() => '')) === ff.page('welcome.html')) return page;
  return undefined;
}

describe('the welcome page', () => {
  it('opens by itself on install, once; the choice made there holds on every government site', SLOW, async () => {
    const pages = await startPages();
    const profile = newProfile();
    let ff = await launch({ profileDir: profile.dir, install: 'permanent' });
    try {
      const { lang, t } = await uiStrings(ff);
      let page: Page | undefined;
      await waitFor(async () => !!(page = await welcomeTab(ff)), 'the welcome page to open');
      await waitFor(() => page!.evaluate(() => !!document.querySelector('.size-value')?.textContent).catch(() => false), 'the welcome page to be ready');
      const welcome = page!;
      expect(await welcome.evaluate(() => document.documentElement.lang)).toBe(lang);
      expect(await welcome.$eval('h1', (h) => h.textContent)).toBe(t('welcomeTitle'));
      const headings = await welcome.$$eval('h2', (hs) => hs.map((h) => h.textContent));
      for (const key of ['welcomeDoesHeading', 'welcomeNotHeading', 'welcomePinHeading']) expect(headings).toContain(t(key));
      // Honest claims: nothing collected, no "compliance"; how to pin the button in Firefox.
      const main = await welcome.$eval('main', (m) => m.textContent);
      for (const key of ['welcomeNot1', 'welcomeNot2', 'welcomePinFirefox']) expect(main).toContain(t(key));
      expect(await axe(welcome)).toEqual([]);

      // Readable by a 75-year-old: body text of 20 px or more, every target 44 x 44 px or more.
      const sizes = await welcome.evaluate(() => [...document.querySelectorAll('main p, main li, main label')].map((e) => parseFloat(getComputedStyle(e).fontSize)));
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(20);
      const small = await welcome.evaluate(() =>
        [...document.querySelectorAll('button, label.choice'), ...(document.querySelector('arx-font-size')?.shadowRoot?.querySelectorAll('button') ?? [])]
          .map((b) => b.getBoundingClientRect())
          .filter((r) => r.width < 44 || r.height < 44).length,
      );
      expect(small).toBe(0);

      // The live sample follows the choice, which is saved for every government site.
      const sample = () =>
        welcome.evaluate(() => {
          const p = document.querySelector('#preview p:last-child')!;
          return { size: parseFloat(getComputedStyle(p).fontSize), color: getComputedStyle(p).color, background: getComputedStyle(document.getElementById('preview')!).backgroundColor };
        });
      const before = await sample();
      await welcome.click('arx-font-size >>> button ::-p-text(A+)');
      await welcome.click('arx-font-size >>> button ::-p-text(A+)');
      await welcome.click('label:has(> input[name=contrast][value=yellow])');
      await waitFor(async () => (await sample()).color === 'rgb(255, 255, 0)', 'the sample in yellow');
      const after = await sample();
      expect(after.size / before.size).toBeCloseTo(1.5, 1);
      expect(after).toMatchObject({ color: 'rgb(255, 255, 0)', background: 'rgb(0, 0, 0)' });
      await waitFor(async () => {
        const d = (await stored(ff)).defaults as { fontScale?: number; contrast?: string } | undefined;
        return d?.fontScale === 1.5 && d.contrast === 'yellow';
      }, 'the choice to be saved for every government site');
      expect(await axe(welcome)).toEqual([]);

      // The focus ring shows on the control reached with the keyboard.
      await welcome.bringToFront();
      await welcome.focus('input[name=contrast][value=yellow]');
      await welcome.keyboard.press('Tab');
      const ring = await welcome.evaluate(() => {
        const s = getComputedStyle(document.activeElement!);
        return { id: document.activeElement!.id, style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
      });
      expect(ring.id).toBe('more');
      expect(ring.style).not.toBe('none');
      expect(ring.width).toBeGreaterThanOrEqual(2);

      // Firefox's own high contrast ("Override the colours specified by the page: Always"): forced colours on
      // every page. Still axe-clean; the swatches keep their own colours.
      await inFirefoxItself(ff, 'Services.prefs.setIntPref("browser.display.document_color_use", 2)');
      try {
        await waitFor(() => welcome.evaluate(() => matchMedia('(forced-colors: active)').matches), 'forced colours');
        expect(await axe(welcome)).toEqual([]);
        expect(await welcome.evaluate(() => getComputedStyle(document.querySelector('.swatch.yellow')!).color)).toBe('rgb(255, 255, 0)');
      } finally {
        await inFirefoxItself(ff, 'Services.prefs.clearUserPref("browser.display.document_color_use")');
      }

      const site = await openPage(ff, pages.url(GOV_HOST, NUKEVIET.file));
      await waitFor(async () => (await theme(site.page)) === 'yellow', 'the government page in yellow');

      // The next start of Firefox opens no welcome page (closed first, so that no session restore brings it back).
      await welcome.close();
      await ff.quit();
      ff = await launch({ profileDir: profile.dir, install: 'none' });
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      expect(await welcomeTab(ff)).toBeUndefined();
    } finally {
      await ff.close();
      pages.close();
      profile.remove();
    }
  });
});
