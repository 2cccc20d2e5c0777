import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { startDemoServer } from '../support/demo-server';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const tags = ['ar-font-size', 'ar-contrast-toggle', 'ar-rating', 'ar-related-articles'];

let browser: Browser;
let server: Awaited<ReturnType<typeof startDemoServer>>;
beforeAll(async () => {
  server = await startDemoServer();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  server?.stop();
});

async function open(path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(server.origin + path);
  return { page, errors };
}

describe('demo site (npm start)', () => {
  it('the components demo loads the CDN bundle from a plain script tag and defines all four tags', async () => {
    const { page, errors } = await open('/components-demo.html');
    await page.waitForFunction((names) => names.every((n) => customElements.get(n)), tags);
    await page.waitForFunction(() => document.querySelector('ar-related-articles')?.shadowRoot?.querySelectorAll('a').length === 3);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the demo article passes axe-core (WCAG 2.2 A/AA + best practices), before and after A+ and high contrast', async () => {
    const { page } = await open('/components-demo.html');
    await page.waitForFunction((names) => names.every((n) => customElements.get(n)), tags);
    await page.addScriptTag({ content: axeSource });
    const audit = () =>
      page.evaluate(async () => {
        const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
        const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
        return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      });
    expect(await audit()).toEqual([]);
    const before = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('main p')!).fontSize));
    for (let i = 0; i < 10; i++) await page.getByRole('button', { name: /^A\+/ }).click();
    await page.getByRole('button', { name: /tương phản/i }).click();
    const after = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('main p')!).fontSize));
    expect(after / before).toBeCloseTo(2, 1);
    expect(await page.evaluate(() => document.documentElement.dataset.arContrast)).toBe('high');
    expect(await audit()).toEqual([]);
    await page.close();
  });

  it('the legacy page works with the webcomponentsjs loader in front', async () => {
    const { page, errors } = await open('/legacy.html');
    await page.waitForFunction(() => customElements.get('ar-rating') && document.querySelector('ar-rating')?.shadowRoot?.textContent?.includes('3,5'));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('serves each sample portal page as it is and with the one-tag engine: twice the text size, high contrast', async () => {
    const size = async (path: string) => {
      const { page, errors } = await open(path);
      // The size text is drawn at: computed size times the zoom the engine puts on text blocks.
      const px = await page.evaluate(() => {
        const el = document.querySelector('.content-detail p, .font-size-text p, .content-detail')!;
        return parseFloat(getComputedStyle(el).fontSize) * (el as Element & { currentCSSZoom: number }).currentCSSZoom;
      });
      const theme = await page.evaluate(() => document.documentElement.getAttribute('data-ar-theme'));
      await page.close();
      return { px, theme, errors };
    };
    const before = await size('/samples/vhv-portal-article.html');
    const after = await size('/retrofitted/vhv-portal-article.html');
    expect(before.theme).toBeNull();
    expect(after.theme).toBe('high');
    expect(after.px / before.px).toBeCloseTo(2, 1);
    expect(after.errors, after.errors.join('\n')).toEqual([]);
  });

  it('does not serve files outside its folders', async () => {
    const res = await fetch(`${server.origin}/%2e%2e/%2e%2e/package.json`);
    expect(res.status).toBe(404);
  });
});
