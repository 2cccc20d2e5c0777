import { describe, expect, it, vi } from 'vitest';
import { openPage } from './support/page';
import { ALL, SAMPLES } from './pages';

const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('finding the article', () => {
  for (const c of ALL) {
    it(`${c.name}: ${c.platform} adapter finds title, body, byline and date`, async () => {
      const { doc, engine } = await openPage(c.html);
      const found = engine.findArticle(doc)!;
      expect(found).not.toBeNull();
      const a = found.article;
      expect(a.platform).toBe(c.platform);
      expect(a.title).toBe(c.title);
      expect(a.byline).toBe(c.byline);
      expect(a.published).toBe(c.published);
      expect(a.root.contains(a.body)).toBe(true);
      const body = text(a.body);
      if (c.exact) {
        expect(body.startsWith(c.bodyStart)).toBe(true);
        expect(body.endsWith(c.bodyEnd)).toBe(true);
      } else {
        expect(body).toContain(c.bodyStart);
        expect(body).toContain(c.bodyEnd);
      }
    });
  }

  for (const c of SAMPLES) {
    it(`${c.name}: the generic adapter alone finds the same article (no class names needed)`, async () => {
      const { doc, engine } = await openPage(c.html);
      const a = engine.findArticle(doc, [])!.article;
      expect(a.platform).toBe('generic');
      expect(a.title).toBe(c.title);
      expect(text(a.body)).toContain(c.bodyStart);
      expect(text(a.body)).toContain(c.bodyEnd);
      expect(a.published?.slice(0, 10)).toBe(c.published.slice(0, 10));
      expect(a.byline).toBe(c.byline);
    });
  }

  it('an adapter that throws hands over to the generic one, with one warning', async () => {
    const { doc, engine, win } = await openPage(SAMPLES[0]!.html);
    const warn = vi.spyOn(win.console, 'warn').mockImplementation(() => {});
    const broken = { name: 'broken', detect: () => true, find: () => { throw new Error('boom'); } };
    const session = engine.retrofit(doc, { fontScale: 2 }, { adapters: [broken] });
    expect(session.article?.platform).toBe('generic');
    expect(session.article?.title).toBe(SAMPLES[0]!.title);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toMatch(/broken adapter failed/);
    session.undo();
  });

  it('an adapter that finds nothing hands over to the generic one', async () => {
    const { doc, engine } = await openPage(SAMPLES[1]!.html);
    const session = engine.retrofit(doc, {}, { adapters: [{ name: 'empty', detect: () => true, find: () => null }] });
    expect(session.article?.platform).toBe('generic');
    session.undo();
  });

  it('a page without an article is left untouched and the session is inert', async () => {
    const html = '<!DOCTYPE html><html lang="vi"><head><title>Trang chủ</title></head><body><nav><a href="#">Trang chủ</a> <a href="#">Tin tức</a></nav><p>Xin chào.</p></body></html>';
    const { doc, engine } = await openPage(html);
    const before = doc.documentElement.outerHTML;
    const session = engine.retrofit(doc, { fontScale: 2, contrast: 'high', toolbar: true });
    expect(session.article).toBeNull();
    expect(session.active).toBe(false);
    session.update({ fontScale: 3 });
    session.undo();
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});
