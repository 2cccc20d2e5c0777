/**
 * Read-aloud's voices and comforts, with a stubbed speechSynthesis: sentences kept whole at abbreviations, text
 * prepared for the ear with the highlight on the page's words, the best voice first and the next one when it
 * fails or stalls, the reader's voice and speed remembered, an extra engine (the extension's built-in voice)
 * for computers without a voice, the keys, and SVG icons only.
 */
import { describe, expect, it } from 'vitest';
import { StubSynth, stubSpeech, type StubVoice } from './speech-stub';
import { openReaderPage, sleep, type ReaderPage } from './support';

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
const settle = () => sleep(20);
type HighlightWindow = Window & { CSS: { highlights: Map<string, Set<Range>> } };
const highlight = (page: ReaderPage, name = 'ar-read-aloud') => [...((page.win as unknown as HighlightWindow).CSS.highlights.get(name) ?? [])];
const voice = (name: string, lang = 'vi-VN', local = true, isDefault = false): StubVoice => ({ name, lang, localService: local, default: isDefault, voiceURI: name });

const PAGE = `<!doctype html><html lang="vi"><head><title>t</title></head><body>
<header><nav><a href="/">Trang chủ</a></nav></header>
<main><article><h1>UBND phường tổ chức hội nghị tổng kết năm</h1>
<p>Sáng 15/10, tại Hội trường UBND TP. Hồ Chí Minh, ThS. Nguyễn Văn An báo cáo kết quả thực hiện Kế hoạch số 112/KH-UBND của UBND P. Bến Nghé, Q. 1. Tổng kinh phí là 1.250.000.000 đồng, đạt 98,5% kế hoạch.</p>
<p>Hội nghị kết thúc lúc 11h30 cùng ngày. Các đại biểu thống nhất phương hướng năm 2025.</p>
<p>Đoạn thứ ba có một câu. Và thêm một câu nữa để đọc.</p>
</article></main><footer>Bản quyền</footer></body></html>`;

function button(root: ShadowRoot, label: string): HTMLButtonElement {
  const b = [...root.querySelectorAll('button')].find((el) => norm(el.textContent ?? '').endsWith(label));
  if (!b) throw new Error(`no button "${label}"`);
  return b;
}

describe('sentences and the text a voice is given', () => {
  it('keeps a sentence whole at TP., P., Q., ThS. and PGS.TS. (Intl.Segmenter cuts there), with and without Segmenter', async () => {
    const { win, x } = await openReaderPage(PAGE);
    const text = 'Hội nghị tại UBND TP. Hồ Chí Minh và UBND P. Bến Nghé, Q. 1. ThS. Nguyễn Văn An và PGS.TS. Lê Bình phát biểu. Sau đó bế mạc.';
    const parts = () => x.splitSentences(text, 'vi').map(([a, b]) => text.slice(a, b));
    const expected = ['Hội nghị tại UBND TP. Hồ Chí Minh và UBND P. Bến Nghé, Q. 1.', 'ThS. Nguyễn Văn An và PGS.TS. Lê Bình phát biểu.', 'Sau đó bế mạc.'];
    expect(parts()).toEqual(expected);
    // What the guard corrects: the browser's own segmenter cuts after "TP." and "P.".
    const raw = [...new Intl.Segmenter('vi', { granularity: 'sentence' }).segment('UBND TP. Hồ Chí Minh họp.')].map((s) => s.segment.trim());
    expect(raw).toEqual(['UBND TP.', 'Hồ Chí Minh họp.']);
    const intl = win.Intl as unknown as { Segmenter?: unknown };
    const saved = intl.Segmenter;
    delete intl.Segmenter;
    try {
      expect(parts()).toEqual(expected);
    } finally {
      intl.Segmenter = saved;
    }
  });

  it('gives the voice the words for dates, numbers and short forms, and highlights the page text they came from', async () => {
    const page = await openReaderPage(PAGE);
    const synth = new StubSynth();
    const session = page.x.readAloud(page.doc, { speech: stubSpeech(synth) })!;
    await settle();
    expect(synth.current!.text).toBe(
      'Sáng ngày mười lăm tháng mười, tại Hội trường Ủy ban nhân dân thành phố Hồ Chí Minh, thạc sĩ Nguyễn Văn An báo cáo kết quả thực hiện Kế hoạch số một trăm mười hai, kế hoạch Ủy ban nhân dân của Ủy ban nhân dân phường Bến Nghé, quận một.',
    );
    // The sentence highlight is the page's own text, abbreviations and all.
    expect(norm(highlight(page)[0]!.toString())).toBe('Sáng 15/10, tại Hội trường UBND TP. Hồ Chí Minh, ThS. Nguyễn Văn An báo cáo kết quả thực hiện Kế hoạch số 112/KH-UBND của UBND P. Bến Nghé, Q. 1.');
    // A voice that reports words: the word highlight covers the original token, not a piece of it.
    const spoken = synth.current!.text;
    synth.boundary(spoken.indexOf('mười lăm'), 'mười lăm'.length);
    expect(highlight(page, 'ar-read-aloud-word')[0]!.toString()).toBe('15/10');
    synth.boundary(spoken.indexOf('Ủy ban'), 'Ủy'.length);
    expect(highlight(page, 'ar-read-aloud-word')[0]!.toString()).toBe('UBND');
    synth.boundary(spoken.indexOf('Nguyễn'), 'Nguyễn'.length);
    expect(highlight(page, 'ar-read-aloud-word')[0]!.toString()).toBe('Nguyễn');
    synth.finish();
    await settle();
    expect(synth.current!.text).toBe('Tổng kinh phí là một tỷ hai trăm năm mươi triệu đồng, đạt chín mươi tám phẩy năm phần trăm kế hoạch.');
    // A new sentence starts without a word highlighted.
    expect(highlight(page, 'ar-read-aloud-word')).toEqual([]);
    session.close();
  });
});

describe('voices', () => {
  it('ranks natural voices, then standard local ones, then eSpeak, then an engine fallback; eSpeak variants left out', async () => {
    const { x } = await openReaderPage(PAGE);
    const system = [
      voice('Vietnamese (Northern) espeak-ng', 'vi'),
      voice('Vietnamese (Northern)+Alex espeak-ng', 'vi'),
      voice('Microsoft An - Vietnamese (Vietnam)', 'vi-VN'),
      voice('Google US English', 'en-US', false, true),
      voice('Microsoft HoaiMy Online (Natural) - Vietnamese (Vietnam)', 'vi-VN', false),
      voice('Linh', 'vi-VN'),
    ] as unknown as SpeechSynthesisVoice[];
    const builtIn = [voice('Giọng có sẵn (eSpeak NG)', 'vi-VN')] as unknown as SpeechSynthesisVoice[];
    const s = stubSpeech();
    const fallback = { ...stubSpeech(), fallback: true };
    const ranked = x.rankVoices([{ speech: s, voices: system }, { speech: fallback, voices: builtIn }], 'vi');
    expect(ranked.map((c) => [c.voice.name, c.tier])).toEqual([
      ['Microsoft HoaiMy Online (Natural) - Vietnamese (Vietnam)', 0],
      ['Microsoft An - Vietnamese (Vietnam)', 1],
      ['Linh', 1],
      ['Vietnamese (Northern) espeak-ng', 2],
      ['Giọng có sẵn (eSpeak NG)', 3],
    ]);
    expect(ranked[4]!.speech).toBe(fallback);
    // Only variants: they are kept.
    expect(x.rankVoices([{ speech: s, voices: [system[1]!] }], 'vi').length).toBe(1);
  });

  it('falls to the next voice on an error and on a stall, reading the same sentence again; reports when none is left', async () => {
    const page = await openReaderPage(PAGE);
    const synth = new StubSynth([voice('Natural Online', 'vi-VN', false), voice('Local', 'vi-VN'), voice('Other', 'vi-VN')]);
    synth.failing.set('Natural Online', 'synthesis-failed');
    const warnings: string[] = [];
    const warn = page.win.console.warn;
    page.win.console.warn = (m: string) => warnings.push(String(m));
    try {
      const session = page.x.readAloud(page.doc, { speech: stubSpeech(synth), patience: { start: 1500 } })!;
      const root = session.root;
      synth.starting.add('Local').add('Other');
      await expect.poll(() => synth.spoken.map((u) => u.voice!.name)).toEqual(['Natural Online', 'Local']);
      // The natural voice failed at once: the local one reads the same first sentence.
      expect(synth.spoken[1]!.text).toBe(synth.spoken[0]!.text);
      // The local voice stalls on the second sentence (it never starts speaking): after the patience, the
      // next voice reads it.
      synth.starting.delete('Local');
      session.speaker.skip(1);
      const second = synth.current!.text;
      expect(synth.current!.voice!.name).toBe('Local');
      await expect.poll(() => synth.current?.voice?.name, { timeout: 10_000 }).toBe('Other');
      expect(synth.current!.text).toBe(second);
      expect(warnings.some((w) => w.includes('"Local" failed (did not start)'))).toBe(true);
      // The last voice fails too: reading pauses and says so.
      synth.failing.set('Other', 'audio-busy');
      synth.current!.onerror!({ error: 'audio-busy' });
      await settle();
      expect(session.speaker.state).toBe('paused');
      expect(session.speaker.problem).toBe('failed');
      expect(root.querySelector('[role="status"]')!.textContent).toBe('Giọng đọc bị lỗi. Bấm "Đọc tiếp" để thử lại.');
      // Pressing "Đọc tiếp" gives every voice another chance.
      synth.failing.clear();
      button(root, 'Đọc tiếp').click();
      await settle();
      expect(synth.current!.voice!.name).toBe('Natural Online');
      expect(synth.current!.text).toBe(second);
      session.close();
    } finally {
      page.win.console.warn = warn;
    }
  });

  it('a voice that "speaks" a sentence in a few ms (no audio output) counts as failed', async () => {
    const page = await openReaderPage(PAGE);
    const synth = new StubSynth([voice('Broken', 'vi-VN'), voice('Good', 'vi-VN')]);
    const session = page.x.readAloud(page.doc, { speech: stubSpeech(synth) })!;
    await settle();
    const u = synth.current!;
    u.onstart!({});
    synth.finish();
    await settle();
    expect(synth.current!.voice!.name).toBe('Good');
    expect(synth.current!.text).toBe(u.text);
    session.close();
  });

  it('someone else cancelling the voice (the page\'s own reader) pauses, it does not fail the voice', async () => {
    const page = await openReaderPage(PAGE);
    const synth = new StubSynth([voice('Only', 'vi-VN')]);
    const session = page.x.readAloud(page.doc, { speech: stubSpeech(synth) })!;
    await settle();
    synth.cancel();
    await settle();
    expect(session.speaker.state).toBe('paused');
    expect(session.speaker.problem).toBeUndefined();
    session.close();
  });

  it('the reader chooses a voice and a speed; both are remembered and come back in the next session', async () => {
    const page = await openReaderPage(PAGE);
    const saved: unknown[] = [];
    let prefs: { voice?: string; rate?: number } = {};
    page.x.configureReadAloud(page.doc, { prefs: () => prefs, savePrefs: (p) => saved.push((prefs = p)) });
    const synth = new StubSynth();
    let session = page.x.readAloud(page.doc, { speech: stubSpeech(synth) })!;
    await settle();
    const voices = [...session.root.querySelectorAll('label')].find((l) => l.textContent!.startsWith('Giọng đọc'))!.querySelector('select')!;
    expect([...voices.options].map((o) => o.textContent)).toEqual(['Google Tiếng Việt', 'Microsoft An']);
    voices.value = 'vi-local';
    voices.dispatchEvent(new Event('change'));
    expect(synth.current!.voice!.name).toBe('Microsoft An');
    const speed = [...session.root.querySelectorAll('label')].find((l) => l.textContent!.startsWith('Tốc độ'))!.querySelector('select')!;
    speed.value = '1.5';
    speed.dispatchEvent(new Event('change'));
    expect(synth.current!.rate).toBe(1.5);
    expect(saved.at(-1)).toEqual({ voice: 'vi-local', rate: 1.5 });
    session.close();
    session = page.x.readAloud(page.doc, { speech: stubSpeech(synth) })!;
    await settle();
    expect(synth.current!.voice!.name).toBe('Microsoft An');
    expect(synth.current!.rate).toBe(1.5);
    session.close();
  });

  it('with no system voice, an extra engine (the built-in voice) reads, and the bar says so in one line', async () => {
    const page = await openReaderPage(PAGE);
    const system = new StubSynth([voice('Google US English', 'en-US', false, true)]);
    const builtIn = new StubSynth([voice('Giọng có sẵn của Accessible Reader (eSpeak NG)', 'vi-VN')]);
    page.x.configureReadAloud(page.doc, { speech: [{ ...stubSpeech(builtIn), fallback: true }] });
    const session = page.x.readAloud(page.doc, { speech: stubSpeech(system) })!;
    await settle();
    expect(system.spoken).toEqual([]);
    expect(builtIn.current!.text).toMatch(/^Sáng ngày mười lăm/);
    const status = session.root.querySelector('[role="status"]')!.textContent!;
    expect(status).toBe('Máy chưa có giọng đọc tiếng Việt, nên đang đọc bằng giọng có sẵn của Accessible Reader (eSpeak NG). Đang đọc.');
    session.close();
  });
});

describe('keys and icons', () => {
  it('Space reads and pauses, ← → go by sentence, Esc stops, on the page and in the view; not in text fields', async () => {
    const page = await openReaderPage(PAGE.replace('</article>', '<form><input id="q" aria-label="Tìm"></form></article>'));
    const synth = new StubSynth();
    const session = page.x.readAloud(page.doc, { speech: stubSpeech(synth), autoplay: false })!;
    const key = (k: string, target: Element = page.doc.body) => {
      const e = new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true, composed: true });
      target.dispatchEvent(e);
      return e.defaultPrevented;
    };
    expect(session.root.querySelector('.keys')!.textContent).toBe('Phím tắt: Phím cách đọc, tạm dừng · ← → câu trước, câu sau · Esc dừng');
    expect(key(' ')).toBe(true);
    await settle();
    expect(session.speaker.state).toBe('playing');
    const first = synth.current!.text;
    expect(key('ArrowRight')).toBe(true);
    await settle();
    expect(session.speaker.index).toBe(1);
    expect(synth.current!.text).not.toBe(first);
    key('ArrowLeft');
    await settle();
    expect(synth.current!.text).toBe(first);
    // Typing in the page's own field is typing.
    expect(key(' ', page.doc.getElementById('q')!)).toBe(false);
    expect(session.speaker.state).toBe('playing');
    key(' ');
    expect(session.speaker.state).toBe('paused');
    key(' ');
    await settle();
    expect(session.speaker.state).toBe('playing');
    expect(key('Escape')).toBe(true);
    expect(session.speaker.state).toBe('idle');
    // Nothing is being read: Esc inside the bar closes it.
    button(session.root, 'Đọc to').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    expect(page.x.readAloudOf(page.doc)).toBeUndefined();
    // The buttons name their keys.
    const view = page.x.openReader(page.doc, { speech: stubSpeech(synth) })!;
    expect(button(view.root, 'Đọc to').getAttribute('aria-keyshortcuts')).toBe('Space');
    expect(button(view.root, 'Câu sau').getAttribute('aria-keyshortcuts')).toBe('ArrowRight');
    view.root.querySelector<HTMLElement>('h1')!.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true, cancelable: true, composed: true }));
    await settle();
    expect(synth.current).not.toBeNull();
    // In the view, the first Esc stops reading, the second closes the view.
    const h1 = view.root.querySelector<HTMLElement>('h1')!;
    h1.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true, composed: true }));
    expect(view.open).toBe(true);
    expect(synth.current).toBeNull();
    h1.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true, composed: true }));
    expect(view.open).toBe(false);
  });

  it('every icon in the read-aloud bar and the reader view is inline SVG, never a font glyph', async () => {
    const page = await openReaderPage(PAGE);
    const session = page.x.readAloud(page.doc, { speech: stubSpeech(), autoplay: false })!;
    const view = () => page.x.readerOf(page.doc)!;
    const glyphs = /[▶■⏮⏭⏸⏹✕✖←☐☑]/u;
    const check = (root: ShadowRoot) => {
      const buttons = [...root.querySelectorAll('button')];
      expect(buttons.length).toBeGreaterThan(3);
      for (const b of buttons) {
        const label = norm(b.textContent ?? '');
        expect(label, `button "${label}" shows a glyph`).not.toMatch(glyphs);
      }
      for (const svg of root.querySelectorAll('button svg')) {
        expect(svg.getAttribute('aria-hidden')).toBe('true');
        expect(svg.querySelector('path')!.getAttribute('d')!.length).toBeGreaterThan(10);
        const box = svg.getBoundingClientRect();
        expect(box.width).toBeGreaterThan(10);
      }
      return [...root.querySelectorAll('button svg')].map((s) => s.getAttribute('data-icon'));
    };
    expect(check(session.root)).toEqual(['play', 'stop', 'previous', 'next', 'close']);
    session.close();
    page.x.openReader(page.doc, { speech: stubSpeech() });
    // The player's row opens under the bar when reading starts: all its icons show then.
    button(view().root, 'Đọc to').click();
    await sleep(20);
    button(view().root, 'Tạm dừng').click();
    expect(check(view().root)).toEqual(expect.arrayContaining(['back', 'play', 'stop', 'previous', 'next']));
    // "Giãn dòng" is a native checkbox whose tick is drawn in CSS, not ☐ / ☑.
    const spacing = [...view().root.querySelectorAll('label')].find((l) => norm(l.textContent ?? '') === 'Giãn dòng')!.querySelector('input')!;
    expect(spacing.type).toBe('checkbox');
    spacing.click();
    expect(page.win.getComputedStyle(spacing, '::before').content).toBe('""');
    view().close();
  });
});
