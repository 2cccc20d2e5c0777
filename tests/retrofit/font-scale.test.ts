import { describe, expect, it } from 'vitest';
import { clippedText, describe as name, fontPx, frame, horizontalOverflow, openPage, sticking, sleep, textElements } from './support/page';
import { ALL, DERIVED } from './pages';

/** Computed sizes may differ from the exact product by rounding only. */
const TOLERANCE = 0.05;

function sizes(els: Element[]): Map<Element, number> {
  return new Map(els.map((el) => [el, fontPx(el)]));
}

/** Elements whose size is below `scale` x their original size. */
function tooSmall(original: Map<Element, number>, scale: number): string[] {
  const out: string[] = [];
  for (const [el, px] of original) {
    if (!el.isConnected || !(el as HTMLElement).getClientRects().length) continue; // hidden by the engine (site's own tools)
    const now = fontPx(el);
    if (now < px * scale - TOLERANCE) out.push(`${name(el)}: ${px}px -> ${now}px`);
  }
  return out;
}

describe('text scaling', () => {
  for (const c of ALL) {
    it(`${c.name}: every text element renders at s x its original size, reflows and is not clipped`, async () => {
      const { doc, engine } = await openPage(c.html);
      // The dynamic page changes its own sizes for 700 ms after load (its own test follows that): measured after.
      if (c.name === 'dynamic') await sleep(800);
      const root = engine.findArticle(doc)!.article.root;
      const article = sizes(textElements(root));
      const page = sizes(textElements(doc.body));
      expect(article.size).toBeGreaterThan(3);
      const session = engine.retrofit(doc, { fontScale: 1.5 });
      expect(session.active).toBe(true);
      for (const s of [1.5, 2, 3]) {
        session.update({ fontScale: s });
        await frame(doc.defaultView!);
        expect(tooSmall(article, s), `article at ${s}`).toEqual([]);
        expect(tooSmall(page, s), `page at ${s}`).toEqual([]);
        expect(clippedText(root), `clipped at ${s}`).toEqual([]);
        if (s === 2) expect(horizontalOverflow(doc), `horizontal scroll at 2: ${sticking(doc).join('; ')}`).toBeLessThanOrEqual(0);
      }
      // The reading setup of the screenshots: large text, clutter aside (the article takes the width).
      session.update({ fontScale: 2, hideClutter: true, contrast: 'high' });
      await frame(doc.defaultView!);
      expect(tooSmall(article, 2), 'article at 2 without clutter').toEqual([]);
      expect(clippedText(root), 'clipped at 2 without clutter').toEqual([]);
      expect(horizontalOverflow(doc), `horizontal scroll at 2 without clutter: ${sticking(doc).join('; ')}`).toBeLessThanOrEqual(0);
      // Back to 1: the page's own sizes.
      session.update({ fontScale: 1, hideClutter: false, contrast: 'off' });
      await frame(doc.defaultView!);
      for (const [el, px] of article) if (el.getClientRects().length) expect(Math.abs(fontPx(el) - px)).toBeLessThan(TOLERANCE);
      session.undo();
    });
  }

  it('inline px and !important sizes (inline and in stylesheets) scale too', async () => {
    for (const c of DERIVED.filter((d) => d.name === 'inline-px' || d.name === 'important')) {
      const { doc, engine } = await openPage(c.html);
      const body = engine.findArticle(doc)!.article.body;
      const forced = [...body.querySelectorAll<HTMLElement>('[style*="font-size"]')];
      expect(forced.length).toBeGreaterThan(0);
      const before = sizes(forced);
      const session = engine.retrofit(doc, { fontScale: 2 });
      await frame(doc.defaultView!);
      expect(tooSmall(before, 2)).toEqual([]);
      session.undo();
      for (const [el, px] of before) expect(fontPx(el)).toBe(px);
    }
  });

  it('paragraphs the page adds later are scaled from their own size; later inline sizes of the page are scaled, not fought', async () => {
    const c = DERIVED.find((d) => d.name === 'dynamic')!;
    // Reference: the same page without the engine, after its late changes.
    const ref = await openPage(c.html);
    await sleep(700);
    const refLate = [...ref.doc.querySelectorAll('.content-detail p.late')].map(fontPx);
    const refPanel = fontPx([...ref.doc.querySelectorAll('.col-right .panel-title')].at(-1)!);
    expect(refLate).toEqual([12, 13]);
    const refSpanStyle = ref.doc.querySelector('.content-detail p span span')!.getAttribute('style');
    expect(refSpanStyle).toContain('10px !important');

    const { doc, engine, win } = await openPage(c.html);
    const span = doc.querySelector('.content-detail p span span')!;
    const spanPx = fontPx(span);
    const session = engine.retrofit(doc, { fontScale: 2 });
    await sleep(700);
    expect(doc.documentElement.getAttribute('data-late')).toBe('done');
    await frame(win);
    const late = [...doc.querySelectorAll('.content-detail p.late')].map(fontPx);
    expect(late).toEqual(refLate.map((px) => px * 2));
    expect(fontPx([...doc.querySelectorAll('.col-right .panel-title')].at(-1)!)).toBeCloseTo(refPanel * 2, 2);
    // The page set 10px !important on it after the engine started: the engine does not fight the page (a
    // fight never ends, see the hostile pages); the reader's scale applies on top of the page's new size.
    expect(spanPx).toBeGreaterThan(10);
    expect(fontPx(span)).toBeCloseTo(10 * 2, 2);
    session.update({ fontScale: 3 });
    await frame(win);
    expect([...doc.querySelectorAll('.content-detail p.late')].map(fontPx)).toEqual(refLate.map((px) => px * 3));
    session.undo();
    // Undo keeps what the page itself did meanwhile.
    expect(span.getAttribute('style')).toBe(refSpanStyle);
    expect(fontPx(span)).toBe(10);
    expect(doc.querySelectorAll('[data-ar-z], [data-ar-boost], [data-ar-own]').length).toBe(0);
  });

  it('works from another window (extension isolated world): same scaling, undo exact', async () => {
    const c = ALL[0]!;
    const { doc, engine } = await openPage(c.html, { realm: 'test' });
    const before = doc.documentElement.outerHTML;
    const root = engine.findArticle(doc)!.article.root;
    const original = sizes(textElements(root));
    const session = engine.retrofit(doc, { fontScale: 2, contrast: 'dark', spacing: 'wcag', hideClutter: true, toolbar: true });
    await frame(doc.defaultView!);
    expect(tooSmall(original, 2)).toEqual([]);
    // The toolbar falls back to native buttons when the components cannot be defined in that window.
    const toolbar = doc.querySelector('[data-ar-toolbar]')!.shadowRoot!;
    const larger = [...toolbar.querySelectorAll('button')].find((b) => b.textContent!.startsWith('A+'))!;
    larger.click();
    expect(session.settings.fontScale).toBe(2.25);
    session.undo();
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});
