/**
 * Replaced widgets leave nothing behind: the site's own size, contrast and read-aloud tools go with their labels
 * and separators while the engine is on, and come back exactly on undo. Icon-only links are not underlined
 * blanks in the themes.
 */
import { describe, expect, it } from 'vitest';
import siteTools from '../fixtures/retrofit/site-tools.html?raw';
import { frame, openPage } from './support/page';
import { SAMPLES } from './pages';

/** The visible text of `root`, read as the reader sees it (innerText of a box not shown is its whole text). */
const visibleText = (root: HTMLElement) => (root.getClientRects().length ? root.innerText.replace(/\s+/g, ' ').trim() : '');

describe('what is left of the site’s own tools', () => {
  it('labels, separators and the site’s read-aloud button go with the tools it replaced; undo brings all back', async () => {
    const { doc, engine, win } = await openPage(siteTools);
    const before = doc.documentElement.outerHTML;
    const tools = doc.querySelector<HTMLElement>('.tools')!;
    expect(visibleText(tools)).toBe('Cỡ chữ: A-AA+ Tương phản: Cao | Bình thường Nghe đọc');
    const session = engine.retrofit(doc, { toolbar: true });
    expect(session.article?.title).toBe('Huyện tổ chức Ngày hội đọc sách cho học sinh vùng cao');
    await frame(win);
    expect(visibleText(tools)).toBe('');
    // The article itself, its links and the site's share links stay.
    expect(visibleText(doc.querySelector('article')!)).toContain('trang của thư viện huyện');
    expect(doc.querySelector('.share')!.getClientRects().length).toBeGreaterThan(0);
    session.undo();
    expect(doc.documentElement.outerHTML).toBe(before);
    expect(visibleText(tools)).toBe('Cỡ chữ: A-AA+ Tương phản: Cao | Bình thường Nghe đọc');
  });

  it('VHV: the site’s "Đọc bài" and its A- A A+ | row are hidden, its "Lưu" button stays', async () => {
    const { doc, engine, win } = await openPage(SAMPLES[0]!.html);
    const read = [...doc.querySelectorAll('a')].find((a) => a.textContent === 'Đọc bài')!;
    const save = [...doc.querySelectorAll('a')].find((a) => a.textContent?.trim() === 'Lưu')!;
    const session = engine.retrofit(doc, { toolbar: true });
    await frame(win);
    expect(read.getClientRects().length).toBe(0);
    expect(save.getClientRects().length).toBeGreaterThan(0);
    expect(doc.querySelector('.block_share .drash')!.getClientRects().length).toBe(0);
    // The separator inside the date line is the page's own text and stays.
    expect(doc.querySelector('.post-date .drash')!.getClientRects().length).toBeGreaterThan(0);
    session.undo();
    expect(read.getClientRects().length).toBeGreaterThan(0);
  });

  it('in a theme, links with nothing to read are not underlined; links with text are', async () => {
    const { doc, engine, win } = await openPage(siteTools);
    const session = engine.retrofit(doc, { contrast: 'yellow' });
    await frame(win);
    for (const a of doc.querySelectorAll('.share a')) expect(win.getComputedStyle(a).textDecorationLine).toBe('none');
    const text = [...doc.querySelectorAll('article a')].find((a) => a.textContent === 'trang của thư viện huyện')!;
    expect(win.getComputedStyle(text).textDecorationLine).toContain('underline');
    session.undo();
    expect(doc.querySelector('[data-ar-icon-link]')).toBeNull();
  });
});
