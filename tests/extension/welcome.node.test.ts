/**
 * The welcome page, with the built extension (.output/chrome-mv3) in real Chromium: it opens once when the extension
 * is installed (not again at the next start), in the browser's language; choosing a size and colours there changes
 * the live sample and saves the settings of every government site; it is axe-clean, with large text, 44 px targets,
 * a visible focus ring, and works with forced colours.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { GOV_HOST, axe, launch, newProfile, openPage, startPages, stored, uiStrings, type Launched } from './harness';

const SLOW = { timeout: 120_000 };

async function welcomeTab(ext: Launched): Promise<Page> {
  const find = () => ext.context.pages().find((p) => p.url() === ext.page('welcome.html'));
  await expect.poll(() => !!find(), { timeout: 10_000 }).toBe(true);
  const page = find()!;
  await page.waitForLoadState();
  await page.waitForFunction(() => document.querySelector('.size-value')?.textContent);
  return page;
}

describe.each(['vi', 'en'] as const)('the welcome page (%s)', (lang) => {
  it('opens by itself on install, once; the choice made there holds on every government site', SLOW, async () => {
    const pages = await startPages();
    const profile = newProfile();
    let ext = await launch(profile.dir, lang);
    try {
      const { lang: shown, t } = await uiStrings(ext.worker);
      expect(shown).toBe(lang);
      const page = await welcomeTab(ext);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(t('welcomeTitle'));
      for (const key of ['welcomeDoesHeading', 'welcomeNotHeading', 'welcomePinHeading']) await page.getByRole('heading', { name: t(key), exact: true }).waitFor();
      // Honest claims: nothing collected, no "compliance".
      expect(await page.locator('main').textContent()).toContain(t('welcomeNot1'));
      expect(await page.locator('main').textContent()).toContain(t('welcomeNot2'));
      expect(await axe(page)).toEqual([]);

      // Readable by a 75-year-old: body text of 20 px or more, every target 44 x 44 px or more.
      const sizes = await page.evaluate(() => [...document.querySelectorAll('main p, main li, main label')].map((e) => parseFloat(getComputedStyle(e).fontSize)));
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(20);
      const small = await page.evaluate(() =>
        [...document.querySelectorAll('button, label.choice'), ...(document.querySelector('arx-font-size')?.shadowRoot?.querySelectorAll('button') ?? [])]
          .map((b) => b.getBoundingClientRect())
          .filter((r) => r.width < 44 || r.height < 44).length,
      );
      expect(small).toBe(0);

      // The live sample follows the choice, which is saved for every government site.
      const sample = () => page.evaluate(() => {
        const p = document.querySelector('#preview p:last-child')!;
        return { size: parseFloat(getComputedStyle(p).fontSize), color: getComputedStyle(p).color, background: getComputedStyle(document.getElementById('preview')!).backgroundColor };
      });
      const before = await sample();
      await page.getByRole('button', { name: /^A\+/ }).click();
      await page.getByRole('button', { name: /^A\+/ }).click();
      await page.getByRole('radio', { name: t('contrastYellow') }).check();
      const after = await sample();
      expect(after.size / before.size).toBeCloseTo(1.5, 1);
      expect(after).toMatchObject({ color: 'rgb(255, 255, 0)', background: 'rgb(0, 0, 0)' });
      await expect.poll(async () => (await stored(ext.worker)).defaults).toMatchObject({ fontScale: 1.5, contrast: 'yellow' });
      expect(await axe(page)).toEqual([]);

      // The focus ring shows on the control reached with the keyboard.
      await page.getByRole('radio', { name: t('contrastYellow') }).focus();
      await page.keyboard.press('Tab');
      const ring = await page.evaluate(() => {
        const s = getComputedStyle(document.activeElement!);
        return { id: document.activeElement!.id, style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
      });
      expect(ring.id).toBe('more');
      expect(ring.style).not.toBe('none');
      expect(ring.width).toBeGreaterThanOrEqual(2);

      // Forced colours (Windows high contrast): still axe-clean, the swatches keep their own colours.
      await page.emulateMedia({ forcedColors: 'active' });
      expect(await axe(page)).toEqual([]);
      expect(await page.evaluate(() => getComputedStyle(document.querySelector('.swatch.yellow')!).color)).toBe('rgb(255, 255, 0)');
      await page.emulateMedia({ forcedColors: 'none' });

      const site = await openPage(ext.context, pages.url(GOV_HOST, 'nukeviet45-default-news-detail.html'));
      await site.page.waitForFunction(() => document.documentElement.getAttribute('data-ar-theme') === 'yellow');

      // The next start of the browser opens no welcome page (closed first, so that no session restore brings it back).
      await page.close();
      await ext.context.close();
      ext = await launch(profile.dir, lang);
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      expect(ext.context.pages().map((p) => p.url())).not.toContain(ext.page('welcome.html'));
    } finally {
      await ext.context.close();
      pages.close();
      profile.remove();
    }
  });
});
