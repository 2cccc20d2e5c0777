import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { contrastRatio, drawnBackground, textColor } from '../retrofit/support/contrast';
import { CORPUS } from './corpus';
import { frame, openReaderPage, sleep, type ReaderPage } from './support';

const corpus = (name: string) => CORPUS.find((c) => c.name === name)!;
const text = (n: Node | null | undefined) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();
type Lit = HTMLElement & { updateComplete: Promise<unknown>; value: number };

/** The visible words of a control (without its visually hidden rest). */
function visible(el: Element): string {
  const copy = el.cloneNode(true) as Element;
  for (const hidden of copy.querySelectorAll('.vh')) hidden.remove();
  return text(copy);
}

/** A button of the reader view's bar by its visible words. */
function barButton(root: ShadowRoot, words: string): HTMLButtonElement {
  const b = [...root.querySelectorAll<HTMLButtonElement>('.bar button')].find((el) => visible(el) === words);
  if (!b) throw new Error(`no bar button "${words}" (have: ${[...root.querySelectorAll('.bar button')].map(visible).join(' | ')})`);
  return b;
}

/** The radio or checkbox of the bar whose label says `words`. */
function barLabel(root: ShadowRoot, words: string): HTMLInputElement {
  const l = [...root.querySelectorAll('.bar label')].find((el) => text(el).replace(/^Aa ?/, '') === words);
  if (!l) throw new Error(`no bar label "${words}"`);
  return l.querySelector('input')!;
}

/** What each sample's page shows around the article, which the reader view must not. */
const SAMPLES = [
  { name: 'vhv', first: 'Dự Tọa đàm có đồng chí Nguyễn Văn Hùng', last: 'kịp thời giải quyết những vấn đề bức xúc ngay từ cơ sở.', furniture: ['Giới thiệu', 'Thống kê truy cập', 'Văn bản mới', 'Cơ quan chủ quản', 'Click để đánh giá', 'Hôm qua'] },
  { name: 'nukeviet', first: 'Tham dự Hội nghị có các đồng chí', last: 'nhiệm kỳ 2025 - 2030.', furniture: ['Trang nhất', 'Đang truy cập', 'Tổng lượt truy cập', 'Văn bản mới', 'Click để đánh giá'] },
  { name: 'sharepoint', first: 'Tham dự buổi làm việc có đại diện', last: 'trong quá trình chuyển đổi số.', furniture: ['Lượt xem', 'ĐÁNH GIÁ BÀI VIẾT', 'Xem cỡ chữ', 'Trang chủ'] },
];

async function axeIn(page: ReaderPage, context: Element | Document): Promise<string[]> {
  const win = page.win as typeof page.win & { axe?: typeof axe };
  if (!win.axe) (win as unknown as { eval(code: string): void }).eval(axe.source);
  const result = await win.axe!.run(context as Element, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    resultTypes: ['violations'],
  });
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary}`));
}

/** A button of the page's own that opens the view, as the toolbar or a site would. */
function invoker(doc: Document): HTMLButtonElement {
  const b = doc.createElement('button');
  b.textContent = 'Mở chế độ đọc';
  doc.body.prepend(b);
  b.focus();
  return b;
}

describe('reader view: exactly the article, over the page', () => {
  for (const s of SAMPLES) {
    it(`${s.name}: title, body first to last, no menus, counters or footer; focus on the title`, async () => {
      const page = await openReaderPage(corpus(s.name).html);
      const { doc, x } = page;
      const view = x.openReader(doc)!;
      expect(view).not.toBeNull();
      const root = view.root;
      const h1 = root.querySelector('h1')!;
      expect(text(h1)).toBe(corpus(s.name).expected.title);
      expect(root.activeElement).toBe(h1);
      const article = text(root.querySelector('article'));
      expect(article).toContain(s.first);
      expect(article.endsWith(s.last) || article.includes(`${s.last} `) || article.includes(s.last)).toBe(true);
      expect(text(root.querySelector('article')!.lastElementChild)).not.toBe('');
      const everything = text(root as unknown as Node);
      for (const f of s.furniture) expect(everything, f).not.toContain(f);
      // The page underneath is out of reach of assistive technology and the keyboard.
      for (const child of doc.body.children) if (!child.hasAttribute('data-ar-reader')) expect(child.hasAttribute('inert'), child.tagName).toBe(true);
      view.close();
    });
  }

  it('opened by the reader, it waits up to a second for the whole article, where extract() stops at 200 ms', async () => {
    const paragraphs = Array.from({ length: 300 }, (_, i) => `<p>Đoạn thứ ${i + 1} của bản tin phường Duy Tân.</p>`).join('');
    const page = await openReaderPage(`<!DOCTYPE html><html lang="vi"><head><title>Tin</title></head><body><article><h1>Bản tin phường Duy Tân</h1>${paragraphs}</article></body></html>`);
    const { doc, win, x } = page;
    // A site adapter that spends 300 ms before giving up (the generic one then finds the article): a slow computer.
    const slow = {
      name: 'slow',
      detect: () => true,
      find: () => {
        const until = win.performance.now() + 300;
        while (win.performance.now() < until);
        return null;
      },
    };
    const cut = x.tryExtract(doc, { adapters: [slow] });
    expect(cut.truncated).toBe('timeout');
    const view = x.openReader(doc, { extract: { adapters: [slow] } })!;
    expect(text(view.root.querySelector('article')).endsWith('Đoạn thứ 300 của bản tin phường Duy Tân.')).toBe(true);
    view.close();
    const session = x.readAloud(doc, { extract: { adapters: [slow] }, autoplay: false })!;
    expect(session.speaker.sentences.at(-1)!.text).toBe('Đoạn thứ 300 của bản tin phường Duy Tân.');
    session.close();
  });

  it('"Xem trang gốc" gives the page back exactly: DOM, scroll position, focus on the invoking control', async () => {
    const page = await openReaderPage(corpus('nukeviet').html, { height: 600 });
    const { doc, win, x } = page;
    const button = invoker(doc);
    doc.body.children[1]!.setAttribute('inert', ''); // the page's own inert stays as it is
    win.scrollTo(0, 400);
    await frame(win);
    const before = doc.documentElement.outerHTML;
    const y = win.scrollY;
    expect(y).toBeGreaterThan(300);
    const view = x.openReader(doc)!;
    await frame(win);
    expect(doc.documentElement.outerHTML).not.toBe(before);
    // The page's scripts add something while the view is open: it is inert too, and untouched after.
    const late = doc.createElement('div');
    late.textContent = 'Quảng cáo thêm vào sau';
    doc.body.append(late);
    await sleep(0);
    expect(late.hasAttribute('inert')).toBe(true);
    late.remove();
    const back = [...view.root.querySelectorAll('button')].find((b) => text(b).endsWith('Xem trang gốc'))!;
    back.click();
    await frame(win);
    expect(view.open).toBe(false);
    expect(doc.documentElement.outerHTML).toBe(before);
    expect(win.scrollY).toBe(y);
    expect(doc.activeElement).toBe(button);
  });

  it('Esc closes it too, and focus goes back to the control inside the engine toolbar that opened it', async () => {
    const page = await openReaderPage(corpus('vhv').html);
    const { doc, win, x } = page;
    const session = x.retrofit(doc, { fontScale: 1.5, contrast: 'high', toolbar: true });
    await frame(win);
    const before = doc.documentElement.outerHTML;
    const bar = doc.querySelector('[data-ar-toolbar]')!.shadowRoot!;
    const open = [...bar.querySelectorAll('button')].find((b) => text(b) === 'Chế độ đọc')!;
    open.focus();
    open.click();
    const view = x.readerOf(doc)!;
    expect(view).toBeTruthy();
    // It starts with the engine's settings.
    expect(view.settings).toMatchObject({ fontScale: 1.5, contrast: 'high' });
    expect(view.root.activeElement).toBe(view.root.querySelector('h1'));
    // The engine's page theme does not leak into the view's own (inherited colours, fill colour, fonts).
    view.update({ contrast: 'yellow' });
    const p = view.root.querySelector('article p:not(.meta)')!;
    expect(textColor(p).slice(0, 3)).toEqual([255, 255, 0]);
    expect(contrastRatio(textColor(p), drawnBackground(p)!)).toBeGreaterThanOrEqual(7);
    view.root.querySelector('h1')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    expect(view.open).toBe(false);
    expect(bar.activeElement).toBe(open);
    expect(doc.documentElement.outerHTML).toBe(before);
    session.undo();
  });

  it('text size up to 300%, colour themes at 7:1 or more, wider spacing and line width', async () => {
    const page = await openReaderPage(corpus('sharepoint').html);
    const { doc, win, x } = page;
    const view = x.openReader(doc)!;
    const root = view.root;
    const article = root.querySelector('article')!;
    const para = article.querySelector('p:not(.meta)')!;
    const px = (el: Element) => parseFloat(win.getComputedStyle(el).fontSize);
    const base = px(para);
    expect(base).toBe(20);
    const larger = barButton(root, 'A+');
    for (let i = 0; i < 10; i++) larger.click();
    expect(view.settings.fontScale).toBe(3);
    expect(px(para)).toBe(60);
    expect(text(root.querySelector('.pct'))).toBe('300%');
    expect(larger.getAttribute('aria-disabled')).toBe('true');
    expect(text(root.querySelector('.bar [role=status]'))).toBe('Cỡ chữ 300%');
    // No sideways scrolling of the view, even at 300%.
    const scroller = root.querySelector('.scroller')!;
    expect(scroller.scrollWidth).toBeLessThanOrEqual(scroller.clientWidth + 1);
    barButton(root, 'Màu chữ và nền').click();
    for (const theme of ['off', 'high', 'dark', 'yellow'] as const) {
      const radio = root.querySelector<HTMLInputElement>(`input[name="contrast"][value="${theme}"]`)!;
      radio.click();
      expect(view.settings.contrast).toBe(theme);
      for (const el of [para, root.querySelector('h1')!, root.querySelector('.meta')!, root.querySelector('legend')!, barButton(root, 'Thêm')]) {
        const ratio = contrastRatio(textColor(el), drawnBackground(el)!);
        expect(ratio, `${theme} ${el.localName}`).toBeGreaterThanOrEqual(7);
      }
    }
    barButton(root, 'Thêm').click();
    const spacing = barLabel(root, 'Giãn dòng');
    spacing.click();
    expect(spacing.checked).toBe(true);
    expect(view.settings.spacing).toBe('wcag');
    expect(parseFloat(win.getComputedStyle(para).letterSpacing)).toBeCloseTo(0.12 * 60, 1);
    view.update({ fontScale: 1 });
    const widths = Object.fromEntries(
      (['narrow', 'wide'] as const).map((w) => {
        root.querySelector<HTMLInputElement>(`input[name="width"][value="${w}"]`)!.click();
        return [w, article.getBoundingClientRect().width];
      }),
    );
    expect(widths.narrow!).toBeLessThan(widths.wide!);
    view.close();
  });

  it("keeps the page's rating (votes reach the site's own handler) and related articles", async () => {
    const page = await openReaderPage(corpus('unknown-article').html);
    const { doc, x } = page;
    const view = x.openReader(doc)!;
    const rating = view.root.querySelector('ar-rating') as Lit;
    expect(rating).not.toBeNull();
    await rating.updateComplete;
    const done = new Promise((resolve) => rating.addEventListener('ar-rating-success', resolve, { once: true }));
    rating.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="radio"]')[3]!.click();
    await rating.updateComplete;
    rating.shadowRoot!.querySelector<HTMLButtonElement>('button')!.click();
    await done;
    expect(doc.getElementById('vote-summary')!.textContent).toBe('Tổng số điểm: 4 trong 1 đánh giá');
    view.close();

    const nv = await openReaderPage(corpus('nukeviet').html);
    const related = nv.x.openReader(nv.doc)!.root.querySelector('ar-related-articles') as unknown as Lit;
    await related.updateComplete;
    const links = [...related.shadowRoot!.querySelectorAll('a')].map((a) => [text(a), a.getAttribute('href')]);
    expect(links).toEqual([
      ['Phường Hòa Bình ra quân tổng vệ sinh môi trường', new URL('/news/tin-hoat-dong/ra-quan-tong-ve-sinh-moi-truong-125.html', nv.doc.baseURI).href],
      ['Hội nghị đối thoại giữa người đứng đầu cấp ủy, chính quyền với Nhân dân', new URL('/news/tin-hoat-dong/hoi-nghi-doi-thoai-voi-nhan-dan-118.html', nv.doc.baseURI).href],
    ]);
  });

  it('is keyboard-operable and axe-clean in Vietnamese and English, in every theme', async () => {
    for (const lang of ['vi', 'en'] as const) {
      let html = corpus('vhv').html;
      if (lang === 'en') html = html.replace('<html lang="vi">', '<html lang="en">').replace(/Đảng uỷ phường Duy Tân tổ chức Tọa đàm[^<]*<\/h1>/, 'Ward committee holds a talk on mass mobilisation work</h1>');
      const page = await openReaderPage(html);
      const { doc, x } = page;
      const view = x.openReader(doc)!;
      const root = view.root;
      const back = root.querySelector('button.back')!;
      expect(back.querySelector('span:not([aria-hidden])')!.textContent).toBe(lang === 'vi' ? 'Xem trang gốc' : 'View original');
      expect(root.querySelector('.bar')!.getAttribute('aria-label')).toBe(lang === 'vi' ? 'Công cụ đọc' : 'Reading tools');
      expect(root.querySelector('.player')!.getAttribute('aria-label')).toBe(lang === 'vi' ? 'Đọc to' : 'Read aloud');
      // Every control is a native, focusable element with a name that includes its visible text.
      for (const b of root.querySelectorAll('button')) {
        expect(b.tabIndex).toBe(0);
        // The player's own buttons are hidden until reading starts.
        if (b.closest('.player')) continue;
        expect(b.getBoundingClientRect().height).toBeGreaterThanOrEqual(44);
      }
      for (const theme of ['off', 'high', 'dark', 'yellow'] as const) {
        view.update({ contrast: theme, spacing: theme === 'dark' ? 'wcag' : 'off', fontScale: theme === 'yellow' ? 2 : 1 });
        await frame(page.win);
        expect(await axeIn(page, doc), `${lang} ${theme}`).toEqual([]);
      }
      view.close();
    }
  });

  it('returns null (and changes nothing) where there is no article; never throws', async () => {
    const { doc, x } = await openReaderPage('<!DOCTYPE html><html lang="vi"><head><title>Trang chủ</title></head><body><p>Xin chào.</p></body></html>');
    const before = doc.documentElement.outerHTML;
    expect(x.openReader(doc)).toBeNull();
    expect(x.openReader(null as unknown as Document)).toBeNull();
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});
