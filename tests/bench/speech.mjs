// `npm run bench` (SECTIONS=speech): the extension's built-in voice on a computer without one. Time from the
// reader's click on "Đọc to" (the click event's time) to the first sound (the built-in voice marks
// `accessible-reader:builtin-voice-first-sound` when its first audio chunk is scheduled to play), cold (a fresh
// browser: the offscreen document and eSpeak load) and warm (the same browser, a new page). Plus the sizes
// the voice adds to the extension.
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { toolbarControl } from './content-world.mjs';

const FIRST_SOUND = 'accessible-reader:builtin-voice-first-sound';

async function firstSound(context, url) {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  let box = null;
  for (const end = Date.now() + 30_000; !box && Date.now() < end; await page.waitForTimeout(100)) box = await toolbarControl(context, page, 'Đọc to');
  if (!box) throw new Error('no "Đọc to" on the toolbar');
  await page.evaluate(() => {
    // The click's own time stamp, on the page's clock (the same clock as the mark).
    document.addEventListener('click', (e) => (window.__pressed ??= e.timeStamp), true);
  });
  // A trusted click, as the reader's: the toolbar answers no other.
  await page.mouse.click(box.x, box.y);
  await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, FIRST_SOUND, { timeout: 60_000 });
  const ms = await page.evaluate((name) => performance.getEntriesByName(name)[0].startTime - window.__pressed, FIRST_SOUND);
  await page.close();
  return ms;
}

/** Runs the measurements; returns { cold: [ms], warm: [ms], sizes }. */
export async function benchSpeech({ executablePath, args, extDir, url, host, runs = 3, log = console.log }) {
  const cold = [];
  const warm = [];
  for (let run = 0; run < runs; run++) {
    const profile = mkdtempSync(join(tmpdir(), 'ar-bench-speech-'));
    try {
      const context = await chromium.launchPersistentContext(profile, {
        executablePath,
        headless: true,
        viewport: { width: 1280, height: 900 },
        locale: 'vi-VN',
        // No --enable-speech-dispatcher: Chromium on Linux has no voice, the built-in one reads.
        args: [...args, '--autoplay-policy=no-user-gesture-required', `--disable-extensions-except=${extDir}`, `--load-extension=${extDir}`, `--host-resolver-rules=MAP ${host} 127.0.0.1`],
      });
      cold.push(await firstSound(context, url));
      warm.push(await firstSound(context, url));
      await context.close();
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
    log(`built-in voice, run ${run + 1}: first sound ${cold.at(-1).toFixed(0)} ms cold, ${warm.at(-1).toFixed(0)} ms warm`);
  }
  const dir = join(extDir, 'espeak');
  const files = Object.fromEntries(readdirSync(dir).map((f) => [f, statSync(join(dir, f)).size]));
  const total = (d) => readdirSync(d, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? total(join(d, e.name)) : statSync(join(d, e.name)).size), 0);
  return { cold, warm, sizes: { espeak: files, extension: total(extDir) }, load: readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ') };
}
