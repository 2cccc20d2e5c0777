/**
 * A computer with no voice at all (Chromium on Linux without speech-dispatcher): the built extension reads the
 * article with its built-in Vietnamese voice (eSpeak NG in WebAssembly, played in Chrome's offscreen document),
 * sentence by sentence and word by word, with the same controls.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOV_HOST, launchReader, newProfile, pressReadAloud, readingState, startPages, type Browser } from './support';

const SLOW = { timeout: 120_000 };

describe('the built-in voice, on a computer without one', () => {
  let pages: Awaited<ReturnType<typeof startPages>>;
  let profile: ReturnType<typeof newProfile>;
  let browser: Browser;

  beforeAll(async () => {
    pages = await startPages();
    profile = newProfile();
    browser = await launchReader(profile.dir, 'none');
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    pages?.close();
    profile?.remove();
  });

  it('reads with the built-in voice: the sentence and the word highlighted move on, pause and resume', SLOW, async () => {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(pages.url(GOV_HOST));
    expect(await page.evaluate(() => speechSynthesis.getVoices().length)).toBe(0);
    await pressReadAloud(page);
    const seen: Array<Awaited<ReturnType<typeof readingState>>> = [];
    await expect
      .poll(async () => {
        seen.push(await readingState(page));
        return seen.at(-1)!.word;
      }, { timeout: 30_000, interval: 100 })
      .not.toBe('');
    const first = seen.at(-1)!;
    console.log(JSON.stringify(first));
    expect(first.status).toContain('giọng có sẵn của Accessible Reader');
  });
});
