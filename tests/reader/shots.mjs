// Screenshots of the reader view (and read-aloud on the page) from the one-file bundle, for looking at:
//   npm run build -w @accessible-reader/retrofit && node tests/reader/shots.mjs [outDir]
// Each sample page at 1280 x 800 at 100, 200 and 300 % text, in the default theme and in high contrast, with
// the bar's panels open, reading (no voice here), in forced colours, on a phone and at 200 % browser zoom;
// and the page with the read-aloud bar. Not a test: it writes PNGs (default /tmp/reader-shots).
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const out = process.argv[2] ?? '/tmp/reader-shots';
mkdirSync(out, { recursive: true });
const bundle = readFileSync(`${repo}packages/retrofit/dist/accessible-reader-retrofit.js`, 'utf8');
// Its reader script, which the bundle would load from beside itself (here it is added after it).
const readerScript = readFileSync(`${repo}packages/retrofit/dist/accessible-reader-reader.js`, 'utf8');
const pages = {
  vhv: 'tests/fixtures/gov-pages/vhv-portal-article.html',
  nukeviet: 'tests/fixtures/gov-pages/nukeviet45-default-news-detail.html',
  sharepoint: 'tests/fixtures/gov-pages/sharepoint2013-mic-news-detail.html',
  province: 'tests/fixtures/corpus/province-tables.html',
};
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-dev-shm-usage'],
});
const shots = [];
for (const [name, path] of Object.entries(pages)) {
  for (const [label, settings, extra = {}] of [
    ['100', { fontScale: 1 }],
    ['200', { fontScale: 2 }],
    ['300', { fontScale: 3 }],
    ['200-high', { fontScale: 2, contrast: 'high' }],
    ['200-high-colours', { fontScale: 2, contrast: 'high' }, { open: 'Màu chữ và nền' }],
    ['200-yellow-wide-more', { fontScale: 2, contrast: 'yellow', width: 'wide', spacing: 'wcag' }, { open: 'Thêm' }],
    ['200-reading', { fontScale: 2 }, { open: 'Đọc to' }],
    ['200-forced-colors', { fontScale: 2 }, { open: 'Thêm', forcedColors: 'active' }],
    ['300-dark-mobile', { fontScale: 3, contrast: 'dark' }, { viewport: { width: 412, height: 900 } }],
    // Browser zoom 200 % on a 1280 x 800 screen: a 640 x 400 CSS px window.
    ['zoom200', { fontScale: 1 }, { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 }],
  ]) {
    const context = await browser.newContext({ viewport: extra.viewport ?? { width: 1280, height: 800 }, deviceScaleFactor: extra.deviceScaleFactor ?? 1 });
    const page = await context.newPage();
    if (extra.forcedColors) await page.emulateMedia({ forcedColors: extra.forcedColors });
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`file://${repo}${path}`);
    await page.addScriptTag({ content: bundle });
    await page.addScriptTag({ content: readerScript });
    await page.evaluate(
      async ([s, open]) => {
        window.scrollTo(0, 0);
        const view = await window.AccessibleReader.openReader(document, { settings: s });
        const button = open && [...view.root.querySelectorAll('.bar button')].find((b) => b.textContent.trim() === open);
        button?.click();
        button?.focus();
      },
      [settings, extra.open],
    );
    await page.waitForTimeout(extra.open === 'Đọc to' ? 2500 : 150);
    const file = `${out}/${name}-${label}.png`;
    await page.screenshot({ path: file });
    shots.push(file);
    if (errors.length) console.log(name, label, errors);
    await context.close();
  }
}
// The page itself reading aloud (no voice here: the bar explains how to add one), with the engine on.
{
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`file://${repo}${pages.vhv}`);
  await page.addScriptTag({ content: bundle });
  await page.addScriptTag({ content: readerScript });
  await page.evaluate(() => {
    window.AccessibleReader.retrofit(document, { fontScale: 2, contrast: 'high', toolbar: true });
    window.AccessibleReader.readAloud(document);
  });
  await page.waitForTimeout(2500);
  await page.screenshot({ path: `${out}/vhv-page-read-aloud.png` });
  shots.push(`${out}/vhv-page-read-aloud.png`);
  await context.close();
}
await browser.close();
console.log(shots.join('\n'));
