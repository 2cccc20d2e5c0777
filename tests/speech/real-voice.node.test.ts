/**
 * Read-aloud with a real voice: the built extension in Chromium with speech-dispatcher and eSpeak NG (the
 * computer's own Vietnamese voices, as on Linux), playing in real time into a silent sound card. Sentences take
 * as long as they take to say; the highlight follows them; pause, resume, stop, speed and the sentence buttons
 * act on the voice; reading goes on past 15 seconds, with another tab in front.
 *
 * Timing bounds are generous on purpose (a loaded 2-core machine): what they catch is a voice that "speaks" a
 * sentence in a few milliseconds, one that stops, or controls that do nothing.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOV_HOST, launchReader, missingSpeechTools, newProfile, pressReadAloud, readingState, startPages, startSpeechServices, type Browser, type SpeechServices } from './support';

const SLOW = { timeout: 240_000 };
const missing = missingSpeechTools();
if (missing.length && process.env.CI) throw new Error(`Real speech needs ${missing.join(', ')}: .ci/run installs them.`);
if (missing.length) console.warn(`Skipping the real-voice tests: install ${missing.join(', ')} (see .ci/run).`);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Records, every 100 ms, which sentence is highlighted, and when it changed. */
function recorder(page: Page) {
  const changes: Array<{ at: number; sentence: string; status: string }> = [];
  let running = true;
  const done = (async () => {
    while (running) {
      const s = await readingState(page).catch(() => null);
      if (s && s.sentence !== changes.at(-1)?.sentence) changes.push({ at: Date.now(), sentence: s.sentence, status: s.status });
      await sleep(100);
    }
  })();
  return {
    changes,
    /** Waits until the highlighted sentence is another than `sentence`. */
    async next(sentence: string, timeout = 90_000): Promise<{ at: number; sentence: string }> {
      const end = Date.now() + timeout;
      while (Date.now() < end) {
        const c = changes.at(-1);
        if (c && c.sentence && c.sentence !== sentence) return c;
        await sleep(100);
      }
      throw new Error(`the highlight stayed on "${sentence.slice(0, 60)}…" for ${timeout / 1000} s`);
    },
    stop: async () => {
      running = false;
      await done;
    },
  };
}

const button = (page: Page, name: string) => page.locator('[data-ar-read-aloud]').getByRole('button', { name, exact: true });
/** Where a sentence is in the page's text: reading goes forward through the article. */
const position = (page: Page, sentence: string) => page.evaluate((s) => document.body.textContent!.replace(/\s+/g, ' ').indexOf(s), sentence);

describe.skipIf(missing.length > 0)('a real voice (speech-dispatcher, eSpeak NG)', () => {
  let services: SpeechServices;
  let pages: Awaited<ReturnType<typeof startPages>>;
  let profile: ReturnType<typeof newProfile>;
  let browser: Browser;

  beforeAll(async () => {
    services = await startSpeechServices();
    pages = await startPages();
    profile = newProfile();
    browser = await launchReader(profile.dir, services);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await services?.stop();
    pages?.close();
    profile?.remove();
  });

  it('reads the article sentence by sentence in real time; pause, resume, speed, next and previous, past 15 s with another tab in front, stop', SLOW, async () => {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(pages.url(GOV_HOST));
    // The computer's Vietnamese voices are there: eSpeak's, through speech-dispatcher.
    // Chromium lists speech-dispatcher's voices some seconds after start on a busy machine.
    const vietnamese = () => page.evaluate(() => speechSynthesis.getVoices().filter((v) => v.lang.toLowerCase().startsWith('vi')).map((v) => v.name));
    await expect.poll(async () => (await vietnamese()).length, { timeout: 30_000 }).toBeGreaterThan(0);
    const voices = await vietnamese();
    console.log(`Vietnamese voices seen: ${voices.length} (${voices.filter((v) => !v.includes('+')).join(', ')})`);
    expect(voices.length).toBeGreaterThan(0);

    const rec = recorder(page);
    const pressed = Date.now();
    await pressReadAloud(page);
    const first = await rec.next('');
    expect(first.sentence).toMatch(/^Sáng 15\/10, Đảng uỷ phường Duy Tân/);
    // The system's voice reads, not the built-in one (which comes after every voice of the computer).
    const voice = await page.locator('[data-ar-read-aloud] label', { hasText: 'Giọng đọc' }).locator('select').evaluate((s: HTMLSelectElement) => s.selectedOptions[0]!.text);
    expect(voice).toMatch(/espeak/i);
    expect((await readingState(page)).status).toBe('Đang đọc.');

    // Real timing: the first sentence (about 60 words said) takes seconds, not the 80 ms of a voice without sound.
    const second = await rec.next(first.sentence);
    const firstTook = second.at - first.at;
    console.log(`first sentence: highlighted ${first.at - pressed} ms after "Đọc to", said in ${firstTook} ms`);
    expect(firstTook).toBeGreaterThan(4000);
    expect(await position(page, second.sentence)).toBeGreaterThan(await position(page, first.sentence));

    // Pause: the highlight stays, nothing moves on; resume reads that sentence again and goes on.
    await button(page, 'Tạm dừng').click();
    expect((await readingState(page)).status).toBe('Đã tạm dừng.');
    const paused = (await readingState(page)).sentence;
    await sleep(3000);
    expect((await readingState(page)).sentence).toBe(paused);
    expect(await page.evaluate(() => speechSynthesis.speaking)).toBe(false);
    await button(page, 'Đọc tiếp').click();
    await expect.poll(async () => (await readingState(page)).status).toBe('Đang đọc.');
    expect(await page.evaluate(() => speechSynthesis.speaking)).toBe(true);

    // Next and previous sentence, at once (not when the voice finishes).
    const before = (await readingState(page)).sentence;
    await button(page, 'Câu sau').click();
    const after = await rec.next(before, 5000);
    expect(await position(page, after.sentence)).toBeGreaterThan(await position(page, before));
    await button(page, 'Câu trước').click();
    await expect.poll(async () => (await readingState(page)).sentence, { timeout: 5000 }).toBe(before);

    // Speed: at 2× the same sentence is said in well under the time it took at 1×.
    for (let i = 0; i < 5 && (await readingState(page)).sentence !== first.sentence; i++) {
      const here = (await readingState(page)).sentence;
      await button(page, 'Câu trước').click();
      await rec.next(here, 5000);
    }
    expect((await readingState(page)).sentence).toBe(first.sentence);
    await page.locator('[data-ar-read-aloud] label', { hasText: 'Tốc độ' }).locator('select').selectOption('2');
    const fast = Date.now();
    const afterFast = await rec.next(first.sentence);
    const fastTook = afterFast.at - fast;
    console.log(`the same sentence at 2×: ${fastTook} ms`);
    expect(fastTook).toBeLessThan(firstTook * 0.8);
    expect(fastTook).toBeGreaterThan(1000);

    // Past 15 seconds of continuous reading, with another tab in front: the sentences keep coming. (Headless
    // Chromium keeps every tab "visible", so timer throttling of hidden tabs is not exercised here; nothing on
    // the reading path waits on a timer: each sentence starts from the voice's end event.)
    const other = await browser.context.newPage();
    await other.goto('about:blank');
    await other.bringToFront();
    const since = Date.now();
    let last = afterFast;
    while (Date.now() - since < 16_000) last = await rec.next(last.sentence);
    const later = await rec.next(last.sentence);
    expect(later.at - since).toBeGreaterThan(15_000);
    expect(await position(page, later.sentence)).toBeGreaterThan(await position(page, afterFast.sentence));
    await page.bringToFront();
    await other.close();

    // Stop: silence, no highlight, the bar says so.
    await button(page, 'Dừng').click();
    await expect.poll(async () => (await readingState(page)).status).toBe('Đã dừng.');
    expect((await readingState(page)).sentence).toBe('');
    expect(await page.evaluate(() => speechSynthesis.speaking)).toBe(false);
    await rec.stop();
    const order = await Promise.all(rec.changes.filter((c) => c.sentence).map((c) => position(page, c.sentence)));
    expect(order.every((p) => p >= 0)).toBe(true);
    console.log(`sentences highlighted: ${rec.changes.filter((c) => c.sentence).length}`);
    expect(errors).toEqual([]);
  });
});
