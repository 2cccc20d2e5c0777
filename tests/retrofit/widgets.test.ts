import { describe, expect, it } from 'vitest';
import { axeCount, frame, openPage, sleep, type TestPage } from './support/page';
import { ALL, DERIVED, SAMPLES } from './pages';

type RatingEl = HTMLElement & { average: number; count: number; value: number; updateComplete: Promise<unknown> };
const shown = (el: Element | null) => !!el && el.getClientRects().length > 0;

/** Votes `value` stars in our rating component as a reader would: choose the star, press the send button. */
async function vote(page: TestPage, rating: RatingEl, value: number): Promise<void> {
  await rating.updateComplete;
  const done = new Promise((resolve, reject) => {
    rating.addEventListener('ar-rating-success', resolve, { once: true });
    rating.addEventListener('ar-rating-error', reject, { once: true });
  });
  rating.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="radio"]')[value - 1]!.click();
  await rating.updateComplete;
  rating.shadowRoot!.querySelector<HTMLButtonElement>('button')!.click();
  await done;
  await rating.updateComplete;
  await frame(page.win);
}

describe('legacy widget takeover', () => {
  it("NukeViet: the rating component replaces the bare radios and the vote goes through the site's sendrating()", async () => {
    const page = await openPage(SAMPLES[1]!.html);
    const { doc, engine } = page;
    const session = engine.retrofit(doc, {});
    const rating = doc.querySelector('ar-rating') as RatingEl;
    expect(rating).not.toBeNull();
    expect(rating.shadowRoot).not.toBeNull(); // upgraded: defined in the page's own registry
    const site = doc.getElementById('form3B')!;
    expect(shown(site)).toBe(false);
    expect(shown(rating)).toBe(true);
    await vote(page, rating, 4);
    // The site's own handler ran: its summary changed and it disabled its radios.
    expect(doc.getElementById('stringrating')!.textContent).toBe('Tổng số điểm của bài viết là: 4 trong 1 đánh giá');
    expect([...doc.querySelectorAll<HTMLInputElement>('.hover-star')].every((r) => r.disabled)).toBe(true);
    expect([rating.average, rating.count]).toEqual([4, 1]);
    session.undo();
    expect(doc.querySelector('ar-rating')).toBeNull();
    expect(shown(site)).toBe(true);
  });

  it("VHV: the vote clicks the site's own radio, whatever handler the site bound to it", async () => {
    const page = await openPage(SAMPLES[0]!.html);
    const { doc, engine } = page;
    const radio = doc.querySelectorAll<HTMLInputElement>('#star-rating .hover-star')[4]!;
    let marker = '';
    radio.addEventListener('click', () => (marker = `site handler got ${radio.value}`));
    const session = engine.retrofit(doc, {});
    expect(shown(doc.querySelector('.rating'))).toBe(false);
    await vote(page, doc.querySelector('ar-rating') as RatingEl, 5);
    expect(marker).toBe('site handler got 5');
    expect(radio.checked).toBe(true);
    session.undo();
  });

  it('unknown layout: a bare radio rating is found and delegated too; the summary comes back from the page', async () => {
    const page = await openPage(DERIVED.find((d) => d.name === 'unknown-article')!.html);
    const { doc, engine } = page;
    const session = engine.retrofit(doc, {});
    const rating = doc.querySelector('ar-rating') as RatingEl;
    await vote(page, rating, 4);
    expect(doc.getElementById('vote-summary')!.textContent).toBe('Tổng số điểm: 4 trong 1 đánh giá');
    expect([rating.average, rating.count]).toEqual([4, 1]);
    session.undo();
  });

  it('SharePoint: the existing count is shown and the vote checks the site radio', async () => {
    const page = await openPage(SAMPLES[2]!.html);
    const { doc, engine } = page;
    const session = engine.retrofit(doc, {});
    const rating = doc.querySelector('ar-rating') as RatingEl;
    expect(rating.getAttribute('count')).toBe('3');
    await vote(page, rating, 4);
    expect(doc.querySelector<HTMLInputElement>('#rattingdanhgia input[value="4"]')!.checked).toBe(true);
    session.undo();
  });

  it('an empty "Bài viết liên quan" box becomes the related-articles component with its empty state', async () => {
    for (const [c, heading] of [[SAMPLES[0]!, 'Bài viết liên quan'], [DERIVED.find((d) => d.name === 'unknown-article')!, 'Tin liên quan']] as const) {
      const { doc, engine, win } = await openPage(c.html);
      const session = engine.retrofit(doc, {});
      const related = doc.querySelector('ar-related-articles') as HTMLElement & { updateComplete: Promise<unknown> };
      await related.updateComplete;
      await frame(win);
      expect(related.getAttribute('status')).toBe('empty');
      expect(related.shadowRoot!.querySelector('h2')!.textContent).toBe(heading);
      expect(shown(related)).toBe(true);
      session.undo();
      expect(doc.querySelector('ar-related-articles')).toBeNull();
    }
    // A filled related list (NukeViet) is left as it is.
    const { doc, engine } = await openPage(SAMPLES[1]!.html);
    const session = engine.retrofit(doc, { hideClutter: true });
    expect(doc.querySelector('ar-related-articles')).toBeNull();
    expect(shown(doc.querySelector('.other-news'))).toBe(true);
    session.undo();
  });

  it('components take the embedder’s tag prefix', async () => {
    const { doc, engine } = await openPage(SAMPLES[1]!.html);
    const session = engine.retrofit(doc, { toolbar: true }, { tagPrefix: 'xr' });
    expect(doc.querySelector('xr-rating')?.shadowRoot).toBeTruthy();
    expect(doc.querySelector('ar-rating')).toBeNull();
    session.undo();
  });
});

/** The toolbar's parts, by what they show. */
function toolbarParts(bar: ShadowRoot) {
  const buttons = [...bar.querySelectorAll('button')];
  const byText = (text: string) => buttons.find((b) => b.textContent!.trim().startsWith(text))!;
  const label = (text: string) => [...bar.querySelectorAll('label')].find((l) => l.textContent!.trim().endsWith(text))!.querySelector('input')!;
  return { byText, label, pct: bar.querySelector('.pct')!, name: bar.querySelector<HTMLButtonElement>('button.name')! };
}

describe('reader toolbar', () => {
  it('drives the session: text size, colours, spacing, clutter; Vietnamese by content even when lang says en', async () => {
    const { doc, engine } = await openPage(SAMPLES[2]!.html); // SharePoint: lang="en", Vietnamese article
    const session = engine.retrofit(doc, { toolbar: true });
    const host = doc.querySelector('[data-ar-toolbar]')!;
    // Just above the article (or above a wider box that starts with it).
    const root = session.article!.root;
    expect(host.compareDocumentPosition(root) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(root.getBoundingClientRect().top - host.getBoundingClientRect().bottom).toBeLessThan(130);
    const bar = host.shadowRoot!;
    const { byText, label, pct, name } = toolbarParts(bar);
    // A visible name that is also the section's name.
    expect(name.textContent).toBe('Công cụ đọc');
    expect(bar.querySelector('section')!.getAttribute('aria-labelledby')).toBe(name.id);
    byText('A+').click();
    byText('A+').click();
    expect(session.settings.fontScale).toBe(1.5);
    expect(pct.textContent).toBe('150%');
    expect(bar.querySelector('[role=status]')!.textContent).toBe('Cỡ chữ 150%');
    // Colours, spacing and side content are in panels that open under the row, one at a time.
    const colours = byText('Màu chữ và nền');
    const more = byText('Thêm');
    expect(colours.getAttribute('aria-expanded')).toBe('false');
    colours.click();
    expect(colours.getAttribute('aria-expanded')).toBe('true');
    expect(bar.getElementById(colours.getAttribute('aria-controls')!)!.hidden).toBe(false);
    label('Trắng trên đen').click();
    expect(session.settings.contrast).toBe('dark');
    expect(doc.documentElement.getAttribute('data-ar-theme')).toBe('dark');
    more.click();
    expect(colours.getAttribute('aria-expanded')).toBe('false');
    expect(bar.getElementById(colours.getAttribute('aria-controls')!)!.hidden).toBe(true);
    label('Giãn dòng').click();
    label('Ẩn phần phụ').click();
    expect(session.settings).toMatchObject({ spacing: 'wcag', hideClutter: true });
    // Settings changed from outside show in the toolbar.
    session.update({ fontScale: 3, contrast: 'off', hideClutter: false });
    expect(pct.textContent).toBe('300%');
    expect(byText('A+').getAttribute('aria-disabled')).toBe('true');
    expect(bar.querySelector<HTMLInputElement>('input[value="off"]')!.checked).toBe(true);
    expect(label('Ẩn phần phụ').checked).toBe(false);
    // At the largest size A+ changes nothing (and announces nothing).
    byText('A+').click();
    expect(session.settings.fontScale).toBe(3);
    // Folding it keeps the name only; unfolding gives the tools back.
    name.click();
    expect(name.getAttribute('aria-expanded')).toBe('false');
    expect(bar.getElementById(name.getAttribute('aria-controls')!)!.hidden).toBe(true);
    name.click();
    expect(bar.getElementById(name.getAttribute('aria-controls')!)!.hidden).toBe(false);
    session.update({ toolbar: false });
    expect(doc.querySelector('[data-ar-toolbar]')).toBeNull();
    session.undo();
  });

  it('guarded (the extension): a closed shadow root, and clicks the page makes change nothing', async () => {
    const { doc, engine } = await openPage(SAMPLES[2]!.html);
    let turnedOff = 0;
    const session = engine.retrofit(doc, { toolbar: true, fontScale: 2.5, contrast: 'yellow' }, { ui: { guard: true, toolbar: { turnOff: () => turnedOff++ } } });
    const host = doc.querySelector('[data-ar-toolbar]')!;
    expect(host.shadowRoot).toBeNull();
    // A page script that found the buttons anyway (it cannot, short of a browser bug) sends untrusted events.
    host.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    expect(session.settings).toMatchObject({ fontScale: 2.5, contrast: 'yellow' });
    expect(turnedOff).toBe(0);
    session.undo();
  });

  it('speaks English on an English page', async () => {
    const html = SAMPLES[2]!.html.replace(/Bộ trưởng làm việc với Sở Thông tin và Truyền thông các tỉnh miền Trung<\/h1>/, 'Minister meets provincial departments</h1>');
    const { doc, engine } = await openPage(html);
    const session = engine.retrofit(doc, { toolbar: true });
    const bar = doc.querySelector('[data-ar-toolbar]')!.shadowRoot!;
    expect(toolbarParts(bar).name.textContent).toBe('Reading tools');
    expect(bar.querySelector('legend')!.textContent).toBe('Text and background colours');
    session.undo();
  });
});

describe('accessibility (axe-core)', () => {
  for (const c of ALL) {
    it(`${c.name}: violations in the article region do not increase; the engine's own UI has none`, async () => {
      const page = await openPage(c.html);
      const { doc, engine, win } = page;
      if (c.name === 'dynamic') await sleep(600);
      const root = engine.findArticle(doc)!.article.root;
      const before = await axeCount(win, root);
      const session = engine.retrofit(doc, { fontScale: 2, contrast: 'high', toolbar: true });
      await sleep(50);
      await frame(win);
      const after = await axeCount(win, root);
      console.log(`axe ${c.name}: article region ${before.count} violation(s) before, ${after.count} after${after.count ? `: ${after.ids.join(', ')}` : ''}`);
      expect(after.count, after.ids.join('\n')).toBeLessThanOrEqual(before.count);
      for (const theme of ['high', 'dark', 'yellow', 'off'] as const) {
        session.update({ contrast: theme });
        await frame(win);
        for (const own of doc.querySelectorAll('[data-ar-own]:not(style)')) {
          const result = await axeCount(win, own);
          expect(result.ids, `${theme}: ${own.localName}`).toEqual([]);
        }
      }
      session.undo();
    }, 90_000);
  }
});
