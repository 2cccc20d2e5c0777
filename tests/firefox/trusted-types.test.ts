/**
 * The Firefox add-on on a government page with a strict Content-Security-Policy and Trusted Types, served as a
 * header: the Firefox twin of the extension tests in tests/hostile/served.node.test.ts. Firefox (153 ESR)
 * enforces Trusted Types, for the page and for the add-on's content scripts alike: the page's allowlist
 * refuses the content script's `lit-html` policy as it refuses the page's own. The add-on's Lit templates are
 * compiled (no markup parsed at run time), so its components render all the same.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOV_HOST, OTHER_HOST, startPages, type Pages } from '../support/extension-site';
import { readFileSync } from 'node:fs';
import { STRICT_CSP, TT_ALLOWLIST_CSP, TT_ONLY_ALLOWLIST_CSP, clickSiteButton, pageMarker, trustedTypesEnforced, withCsp } from '../support/hostile-served';
import { NUKEVIET } from '../support/reader-probes';
import { onReaderView } from '../support/toolbar-probes';
import { SLOW, clearStore, clickToolbar, inContentScript, launch, openPage, store, stored, waitFor, type Launched } from './harness';

const EVERYTHING = { fontScale: 2, contrast: 'high', spacing: 'wcag', font: 'legible', hideClutter: true, toolbar: true };
/** How Firefox reports, on the page's console, a Trusted Types policy the page's allowlist refused. */
const POLICY_REFUSED = /blocked creating a Trusted Types policy/;

let pages: Pages;
let ff: Launched;

beforeAll(async () => {
  pages = await startPages({
    'csp-extension.html': withCsp('csp-trusted-types.html', STRICT_CSP),
    'csp-tt-allowlist-extension.html': withCsp('csp-trusted-types.html', TT_ALLOWLIST_CSP),
    // The NukeViet sample, whose rating box the reader takes over with its rating component.
    'tt-allowlist-portal.html': withCsp(NUKEVIET.file, TT_ONLY_ALLOWLIST_CSP, readFileSync(new URL(`../fixtures/gov-pages/${NUKEVIET.file}`, import.meta.url), 'utf8')),
  });
  ff = await launch();
}, 120_000);
afterAll(async () => {
  await ff?.close();
  pages?.close();
});

const outer = (page: Page) => page.evaluate(() => document.documentElement.outerHTML);
const readerOn = (page: Page) => page.waitForFunction(() => !!document.querySelector('[data-ar-toolbar]'), { timeout: 15_000 });
const drawnSize = (page: Page) =>
  page.evaluate(() => ((el) => parseFloat(getComputedStyle(el).fontSize) * ((el as Element & { currentCSSZoom?: number }).currentCSSZoom ?? 1))(document.querySelector('.content-detail p')!));

/** The page's own timer and click handler work. */
async function pageScriptsWork(page: Page): Promise<void> {
  const before = await pageMarker(page);
  expect(before.ready).toBe(true);
  await new Promise((r) => setTimeout(r, 150));
  await clickSiteButton(page);
  const after = await pageMarker(page);
  expect(after.ticks).toBeGreaterThan(before.ticks);
  expect(after.clicks).toBe(before.clicks + 1);
}

describe('the Firefox add-on under Trusted Types', SLOW, () => {
  it("strict CSP with require-trusted-types-for 'script': the add-on works, its toolbar too, no violation; turned off, the page is as without it", async () => {
    await clearStore(ff);
    await store(ff, { defaults: EVERYTHING });
    const plain = await openPage(ff, pages.url(OTHER_HOST, 'csp-extension.html'));
    const expected = await outer(plain.page);
    await plain.page.close();

    const { page, errors } = await openPage(ff, pages.url(GOV_HOST, 'csp-extension.html'));
    await readerOn(page);
    await pageScriptsWork(page);
    expect(await page.evaluate(() => document.documentElement.getAttribute('data-ar-theme'))).toBe('high');
    await clickToolbar(ff, page, 'A+');
    await waitFor(async () => ((await stored(ff)).defaults as { fontScale?: number } | undefined)?.fontScale === 2.25, 'the toolbar’s A+ to be saved');
    expect((await pageMarker(page)).violations).toEqual([]);

    await store(ff, { [`site:${GOV_HOST}`]: { enabled: false } });
    await page.waitForFunction(() => !document.querySelector('[data-ar-own]'), { timeout: 10_000 });
    expect(await outer(page)).toBe(expected);
    await pageScriptsWork(page);
    expect((await pageMarker(page)).violations).toEqual([]);
    expect(errors).toEqual([]);
    // Trusted Types are enforced on this page (checked last: the refusal is itself a violation).
    expect(await trustedTypesEnforced(page)).toBe(true);
    await page.close();
  });

  it("a Trusted Types allowlist without Lit's policy: the content script loads, the toolbar appears and works, nothing else is refused", async () => {
    await clearStore(ff);
    await store(ff, { defaults: EVERYTHING });
    const { page, errors } = await openPage(ff, pages.url(GOV_HOST, 'csp-tt-allowlist-extension.html'));
    await readerOn(page);
    expect(await page.evaluate(() => document.documentElement.getAttribute('data-ar-theme'))).toBe('high');
    expect(await drawnSize(page)).toBeGreaterThanOrEqual(13 * 2 - 0.5);
    await pageScriptsWork(page);
    // The one refusal: the content script's `lit-html` policy, which the page's allowlist does not name.
    expect((await pageMarker(page)).violations).toEqual(['trusted-types trusted-types-policy lit-html']);
    expect(errors.filter((e) => !POLICY_REFUSED.test(e))).toEqual([]);
    expect(errors.filter((e) => POLICY_REFUSED.test(e))).toHaveLength(1);

    // The toolbar acts on the reader's click.
    await clickToolbar(ff, page, 'A-');
    await waitFor(async () => ((await stored(ff)).defaults as { fontScale?: number } | undefined)?.fontScale === 1.75, 'the toolbar’s A- to be saved');
    expect(errors.filter((e) => !POLICY_REFUSED.test(e))).toEqual([]);
    await page.close();
  });

  it("the same allowlist on a portal page: the components still render (compiled templates), the site's rating is taken over, the reader view has its own", async () => {
    await clearStore(ff);
    const { page, errors } = await openPage(ff, pages.url(GOV_HOST, 'tt-allowlist-portal.html'));
    await readerOn(page);
    expect(await trustedTypesEnforced(page)).toBe(true);
    await page.waitForFunction(() => document.querySelector('arx-rating')?.shadowRoot?.querySelectorAll('input[type=radio]').length === 5, { timeout: 15_000 });
    const siteHidden = await page.evaluate(() => {
      const form = document.querySelector('.hover-star')!.closest('[data-ar-hidden]');
      return !!form && getComputedStyle(form).display === 'none';
    });
    expect(siteHidden).toBe(true);
    await clickToolbar(ff, page, 'Chế độ đọc');
    // The view's shadow root is closed: read in the add-on's content-script world.
    await waitFor(async () => !!(await inContentScript(ff, page, onReaderView((root) => !!root.querySelector('h1')))), 'the reader view', 15_000);
    const drawn = await inContentScript(
      ff,
      page,
      onReaderView((root) => [...root.querySelectorAll('arx-font-size, arx-rating')].map((el) => `${el.localName}:${!!el.shadowRoot?.querySelector('input[type=radio]')}`)),
    );
    expect(drawn).toEqual(['arx-rating:true']);
    // Only the content script's `lit-html` policy was refused (and the probe's own innerHTML above).
    expect(errors.filter((e) => !POLICY_REFUSED.test(e) && !/injection sink/.test(e))).toEqual([]);
    await page.close();
  });
});
