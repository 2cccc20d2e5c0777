// Screenshots for the README and for looking at what we built: the components demo at 100%, 200% text and 200% +
// high contrast, and a sample portal page before and after the engine.
// Usage: node packages/demo-site/screenshots.mjs [outDir]   (serves the demo itself; needs `npm run build` first)
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const outDir = resolve(process.argv[2] ?? fileURLToPath(new URL('./screenshots', import.meta.url)));
mkdirSync(outDir, { recursive: true });
const port = 18000 + Math.floor(Math.random() * 1000);
const server = spawn(process.execPath, [fileURLToPath(new URL('./serve.mjs', import.meta.url))], { env: { ...process.env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise((ok) => server.stdout.once('data', ok));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`http://127.0.0.1:${port}/components-demo.html`);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.waitForFunction(() => document.querySelector('ar-related-articles')?.shadowRoot?.querySelector('a'));
  await page.screenshot({ path: `${outDir}/components-demo.png`, fullPage: true });
  for (let i = 0; i < 10; i++) await page.getByRole('button', { name: /^A\+/ }).click();
  await page.screenshot({ path: `${outDir}/components-demo-200.png`, fullPage: true });
  await page.getByRole('button', { name: /tương phản/i }).click();
  await page.screenshot({ path: `${outDir}/components-demo-200-high.png`, fullPage: true });
  // A portal page as it is, and with the one-tag engine (200% text, high contrast, clutter aside).
  const sample = 'vhv-portal-article.html';
  const portal = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await portal.goto(`http://127.0.0.1:${port}/samples/${sample}`);
  await portal.screenshot({ path: `${outDir}/portal-before.png` });
  await portal.goto(`http://127.0.0.1:${port}/retrofitted/${sample}`);
  await portal.waitForSelector('[data-ar-toolbar]');
  await portal.screenshot({ path: `${outDir}/portal-after.png` });
  console.log(`screenshots in ${outDir}`);
} finally {
  await browser.close();
  server.kill();
}
