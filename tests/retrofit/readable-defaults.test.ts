/**
 * Readable untouched: a minimum text size and a minimum contrast raise what is below them and keep the rest of
 * the site's look; A+ and the themes work on top. And the first paint: the page-wide session started before the
 * article is known is taken over by retrofit() without a second stylesheet or a restyle.
 */
import { describe, expect, it } from 'vitest';
import { drawnContrast } from './support/contrast';
import { describe as name, fontPx, frame, openPage, sleep, textElements } from './support/page';
import { ALL } from './pages';

const MIN = { minFontSize: 20, minContrast: 4.5 };

/** Text elements of the article body holding running text (a sentence or more). */
const runningText = (root: Element) => textElements(root).filter((el) => (el.textContent ?? '').trim().length >= 60);

describe('readable by default', () => {
  for (const c of ALL) {
    it(`${c.name}: running text reaches 20 px and every text 4.5:1; larger text and good colours stay the site's`, async () => {
      const { doc, engine, win } = await openPage(c.html);
      // The dynamic page changes itself for 700 ms after load: compared once it is done.
      if (c.name === 'dynamic') await sleep(800);
      const before = doc.documentElement.outerHTML;
      const root = engine.findArticle(doc)!.article.root;
      const texts = textElements(root);
      const original = new Map(texts.map((el) => [el, { px: fontPx(el), contrast: drawnContrast(el), color: win.getComputedStyle(el).color }]));
      expect(runningText(root).length).toBeGreaterThan(2);

      const session = engine.retrofit(doc, MIN);
      await frame(win);
      const small = runningText(root).filter((el) => fontPx(el) < 20 - 0.05).map((el) => `${name(el)} ${fontPx(el)}px`);
      expect(small).toEqual([]);
      for (const [el, was] of original) {
        if (!el.getClientRects().length) continue;
        // Large text keeps its size; nothing shrinks.
        if (was.px >= 20) expect(fontPx(el), name(el)).toBeCloseTo(was.px, 1);
        expect(fontPx(el), name(el)).toBeGreaterThanOrEqual(was.px - 0.05);
        // Every text reaches 4.5:1 where its background is known; colours that did already are untouched.
        if (was.contrast === 0) continue;
        expect(drawnContrast(el), name(el)).toBeGreaterThanOrEqual(4.5);
        if (was.contrast >= 4.5) expect(win.getComputedStyle(el).color, name(el)).toBe(was.color);
      }

      // A+ works on top: twice the readable size.
      const para = runningText(root)[0]!;
      const readable = fontPx(para);
      session.update({ fontScale: 2 });
      await frame(win);
      expect(fontPx(para)).toBeCloseTo(readable * 2, 1);
      // A theme wins over the corrected colours, and they come back with the theme off.
      session.update({ contrast: 'high' });
      await frame(win);
      for (const el of texts) if (el.getClientRects().length && original.get(el)!.contrast) expect(drawnContrast(el), name(el)).toBeGreaterThanOrEqual(7);
      session.update({ contrast: 'off', fontScale: 1 });
      await frame(win);
      for (const el of texts) if (el.getClientRects().length && original.get(el)!.contrast) expect(drawnContrast(el), name(el)).toBeGreaterThanOrEqual(4.5);
      expect(fontPx(para)).toBeCloseTo(readable, 1);
      // Minimums off: the page's own sizes (nothing zoomed; the dynamic page changes some itself meanwhile).
      session.update({ minFontSize: 0, minContrast: 0 });
      await frame(win);
      for (const el of original.keys()) expect((el as Element & { currentCSSZoom: number }).currentCSSZoom, name(el)).toBe(1);
      session.undo();
      expect(doc.documentElement.outerHTML).toBe(before);
    });
  }

  it('the VHV sample really needed it: grey 14 px text before', async () => {
    const { doc, engine } = await openPage(ALL.find((c) => c.name === 'vhv')!.html);
    const root = engine.findArticle(doc)!.article.root;
    expect(runningText(root).some((el) => fontPx(el) < 20)).toBe(true);
    expect(textElements(root).some((el) => drawnContrast(el) > 0 && drawnContrast(el) < 4.5)).toBe(true);
  });
});

describe('first paint, then the engine', () => {
  it('retrofit() takes the first paint over: the same session, no second stylesheet, no restyle; undo is exact', async () => {
    const { doc, engine, win } = await openPage(ALL[0]!.html);
    const before = doc.documentElement.outerHTML;
    const settings = { fontScale: 2, contrast: 'yellow' as const, ...MIN };
    const early = engine.firstPaint(doc, settings)!;
    expect(early.active).toBe(true);
    await frame(win);
    const para = runningText(doc.body)[0]!;
    const painted = fontPx(para);
    const sheets = [...doc.querySelectorAll('style[data-ar-own]')];
    const tagged = doc.querySelectorAll('[data-ar-z], [data-ar-boost], [data-ar-ink]').length;
    expect(doc.documentElement.getAttribute('data-ar-theme')).toBe('yellow');

    // Changes of computed style caused by the hand-over would show up as style recalculations on these.
    const watched = [...doc.querySelectorAll('p, h1, a')].slice(0, 50);
    const styles = watched.map((el) => win.getComputedStyle(el));
    const snapshot = () => styles.map((s) => `${s.zoom}|${s.color}|${s.backgroundColor}|${s.fontSize}|${s.getPropertyValue('--ar-boost')}`).join(';');
    const look = snapshot();

    const session = engine.retrofit(doc, settings, { from: early, tagPrefix: 'arx' });
    expect(session).toBe(early);
    expect(session.article?.title).toBe(ALL[0]!.title);
    // The page-wide sheets are the same elements; the article's parts added theirs after them.
    const after = [...doc.querySelectorAll('style[data-ar-own]')];
    expect(after.slice(0, sheets.length)).toEqual(sheets);
    expect(doc.querySelectorAll('[data-ar-z], [data-ar-boost], [data-ar-ink]').length).toBe(tagged);
    await frame(win);
    expect(snapshot()).toBe(look);
    expect(fontPx(para)).toBeCloseTo(painted, 2);
    // The toolbar uses the prefix given at the hand-over.
    expect(doc.querySelector('[data-ar-toolbar]')).toBeNull();
    session.update({ toolbar: true });
    expect(doc.querySelector('[data-ar-toolbar]')!.shadowRoot!.querySelector('arx-font-size, button')).not.toBeNull();
    session.undo();
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('a first paint on a page without an article stays as it is; undo puts the page back', async () => {
    const { doc, engine, win } = await openPage('<!doctype html><html lang="vi"><body><nav><a href="/">Trang chủ</a></nav><p style="color:#aaa;font-size:12px">Chào mừng</p></body></html>');
    const before = doc.documentElement.outerHTML;
    const early = engine.firstPaint(doc, { fontScale: 1.5, ...MIN })!;
    await frame(win);
    const session = engine.retrofit(doc, { fontScale: 1.5, ...MIN }, { from: early });
    expect(session.active).toBe(false);
    expect(early.active).toBe(true);
    const p = doc.querySelector('p')!;
    expect(fontPx(p)).toBeGreaterThanOrEqual(1.5 * 20 - 0.05);
    expect(drawnContrast(p)).toBeGreaterThanOrEqual(4.5);
    early.undo();
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});
