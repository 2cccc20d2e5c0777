/**
 * A computer with no voice at all (Chromium on Linux without speech-dispatcher): the built extension reads the
 * article with its built-in Vietnamese voice (eSpeak NG in WebAssembly, played in Chrome's offscreen document),
 * sentence by sentence and word by word, with the same controls.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { GOV_HOST, launchReader, newProfile, pressReadAloud, readingState, startPages, type Browser } from './support';

const SLOW = { timeout: 180_000 };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const button = (page: Page, name: string) => page.locator('[data-ar-read-aloud]').getByRole('button', { name, exact: true });

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

  it('reads with the built-in voice, offline: sentence and word highlighted move on; pause, resume, next sentence, speed, stop', SLOW, async () => {
    const requests: string[] = [];
    browser.context.on('request', (r) => requests.push(r.url()));
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(pages.url(GOV_HOST));
    expect(await page.evaluate(() => speechSynthesis.getVoices().length)).toBe(0);
    await pressReadAloud(page);
    // The voice marks its first sound (for the bench); the words are highlighted as they are heard.
    await page.waitForFunction(() => performance.getEntriesByName('accessible-reader:builtin-voice-first-sound').length > 0, null, { timeout: 30_000 });
    await expect.poll(async () => (await readingState(page)).word, { timeout: 30_000, interval: 50 }).not.toBe('');
    const state = await readingState(page);
    expect(state.sentence).toMatch(/^Sáng 15\/10, Đảng uỷ phường Duy Tân/);
    expect(state.status).toBe('Máy chưa có giọng đọc tiếng Việt, nên đang đọc bằng giọng có sẵn của tiện ích (miền Bắc). Đang đọc.');
    // The word highlight moves through the sentence, forward, over the page's own words.
    const words: string[] = [];
    const sentenceText = state.sentence;
    const until = Date.now() + 4000;
    while (Date.now() < until) {
      const w = (await readingState(page)).word;
      if (w && w !== words.at(-1)) words.push(w);
      await sleep(50);
    }
    expect(new Set(words).size).toBeGreaterThanOrEqual(3);
    for (const w of words) expect(sentenceText).toContain(w);
    // Pause: the word stops moving; resume: it moves again.
    await button(page, 'Tạm dừng').click();
    await expect.poll(async () => (await readingState(page)).status).toContain('Đã tạm dừng.');
    const still = await readingState(page);
    await sleep(1500);
    expect((await readingState(page)).word).toBe(still.word);
    await button(page, 'Đọc tiếp').click();
    await expect.poll(async () => (await readingState(page)).word, { timeout: 20_000 }).not.toBe(still.word);
    // The next sentence at once; then at 2× it is read to its end and the one after comes.
    await button(page, 'Câu sau').click();
    await expect.poll(async () => (await readingState(page)).sentence, { timeout: 10_000 }).not.toBe(sentenceText);
    const second = (await readingState(page)).sentence;
    await page.locator('[data-ar-read-aloud] label', { hasText: 'Tốc độ' }).locator('select').selectOption('2');
    await expect.poll(async () => (await readingState(page)).sentence, { timeout: 90_000, interval: 200 }).not.toBe(second);
    await button(page, 'Dừng').click();
    await expect.poll(async () => (await readingState(page)).status).toContain('Đã dừng.');
    expect((await readingState(page)).sentence).toBe('');
    // Offline: nothing but the page itself and the extension's own files was requested.
    const origin = new URL(pages.url(GOV_HOST)).origin;
    expect(requests.filter((u) => !u.startsWith(origin) && !u.startsWith('chrome-extension://'))).toEqual([]);
    expect(errors).toEqual([]);
  });
});
