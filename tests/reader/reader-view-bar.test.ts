/**
 * The reader view's first screen and its bar, in real Chromium at 1280 x 800: the title in the top half at
 * 100, 200 and 300 % on the sample portals and on pages of other platforms; one compact row of the toolbar's
 * controls, in the toolbar's words and order, that opens for more; settings handed to an embedder to remember
 * and given back when the view opens again; the keyboard; axe-core in every state; the guarded mode.
 */
import axe from 'axe-core';
import { userEvent } from 'vitest/browser';
import { describe, expect, it } from 'vitest';
import { toolbarStrings } from '../../packages/retrofit/src/transforms/toolbar.strings';
import { CORPUS } from './corpus';
import { StubSynth, stubSpeech } from './speech-stub';
import { frame, openReaderPage, sleep, type ReaderPage } from './support';

const VIEWPORT = { width: 1280, height: 800 };
const corpus = (name: string) => CORPUS.find((c) => c.name === name)!;
const text = (n: Node | null | undefined) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();
type Settings = { fontScale: number; contrast: 'off' | 'high' | 'dark' | 'yellow'; spacing: 'off' | 'wcag'; width: 'narrow' | 'medium' | 'wide' };

/** The visible words of a control (without its visually hidden rest). */
function visible(el: Element): string {
  const copy = el.cloneNode(true) as Element;
  for (const hidden of copy.querySelectorAll('.vh')) hidden.remove();
  return text(copy);
}

function button(root: ShadowRoot, selector: string, words: string): HTMLButtonElement {
  const b = [...root.querySelectorAll<HTMLButtonElement>(`${selector} button`)].find((el) => visible(el) === words);
  if (!b) throw new Error(`no button "${words}" (have: ${[...root.querySelectorAll(`${selector} button`)].map(visible).join(' | ')})`);
  return b;
}
const barButton = (root: ShadowRoot, words: string) => button(root, '.bar', words);

/** The words of the controls a bar shows, in order: buttons, legends and labels (sample "Aa" left out). */
function words(root: ParentNode, selector: string): string[] {
  return [...root.querySelectorAll(selector)].map((el) => (el.localName === 'label' ? text(el).replace(/^Aa ?/, '') : visible(el)));
}

async function axeIn(page: ReaderPage): Promise<string[]> {
  const win = page.win as typeof page.win & { axe?: typeof axe };
  if (!win.axe) (win as unknown as { eval(code: string): void }).eval(axe.source);
  const result = await win.axe!.run(page.doc, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    resultTypes: ['violations'],
  });
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary}`));
}

/** Pages the view opens on: the three sample portals and every page of other platforms in the corpus. */
const PAGES = CORPUS.map((c) => c.name);

/** The top of the title: right under one row of controls (the view's old tools took 255 px and more). */
const TITLE_TOP = 120;

describe('the article first: the title in the top half of the first screen at 1280 x 800', () => {
  for (const name of PAGES) {
    it(`${name}: under one row of controls at 100, 200 and 300 %, and the text starts on the first screen`, async () => {
      const page = await openReaderPage(corpus(name).html, VIEWPORT);
      if (name === 'dynamic') await expect.poll(() => page.doc.documentElement.getAttribute('data-late'), { timeout: 3000 }).toBe('done');
      const seen: string[] = [];
      for (const fontScale of [1, 2, 3]) {
        const view = page.x.openReader(page.doc, { settings: { fontScale } })!;
        expect(view, name).not.toBeNull();
        await frame(page.win);
        const root = view.root;
        const h1 = root.querySelector('h1')!;
        const first = root.querySelector('article > :not(h1, .meta)')!;
        const title = h1.getBoundingClientRect().top;
        const body = first.getBoundingClientRect().top;
        const bar = root.querySelector('.bar')?.getBoundingClientRect().height ?? NaN;
        seen.push(`${fontScale * 100}%: bar ${Math.round(bar)}, title ${Math.round(title)}, text ${Math.round(body)}`);
        expect(title, `${name} at ${fontScale * 100}%`).toBeGreaterThanOrEqual(0);
        expect(title, `${name} at ${fontScale * 100}%`).toBeLessThan(Math.min(TITLE_TOP, VIEWPORT.height / 2));
        expect(body, `${name} at ${fontScale * 100}%: the text`).toBeLessThan(VIEWPORT.height - 40);
        view.close();
      }
      console.log(`${name}: ${seen.join('; ')}`);
    });
  }
});

describe("the bar: the toolbar's controls in one row, more on demand", () => {
  it('one row of at most 60 px (back, A- A A+, colours, more, read aloud) that stays the same at every size', async () => {
    const page = await openReaderPage(corpus('vhv').html, VIEWPORT);
    const view = page.x.openReader(page.doc)!;
    const root = view.root;
    const bar = root.querySelector('.bar')!;
    expect(words(root, '.bar .row button')).toEqual(['Xem trang gốc', 'A-', 'A', 'A+', 'Màu chữ và nền', 'Thêm', 'Đọc to']);
    // The player's other controls wait until reading starts.
    expect(root.querySelector<HTMLElement>('.player')!.hidden).toBe(true);
    for (const fontScale of [1, 2, 3]) {
      view.update({ fontScale });
      await frame(page.win);
      const rows = new Set([...root.querySelectorAll('.bar .row button')].map((b) => Math.round(b.getBoundingClientRect().top)));
      expect(rows.size, `${fontScale * 100}%`).toBe(1);
      expect(bar.getBoundingClientRect().height, `${fontScale * 100}%`).toBeLessThanOrEqual(60);
      // The whole top of the view (bar and, hidden, the player) is that one row.
      expect(root.querySelector('.top')!.getBoundingClientRect().height).toBeLessThanOrEqual(62);
      for (const b of root.querySelectorAll('.bar .row button')) expect(b.getBoundingClientRect().height).toBeGreaterThanOrEqual(44);
    }
    // It stays at the top while the article scrolls.
    const scroller = root.querySelector('.scroller')!;
    scroller.scrollTop = 2000;
    await frame(page.win);
    expect(Math.round(bar.getBoundingClientRect().top)).toBe(0);
    view.close();
  });

  it('"Màu chữ và nền" and "Thêm" open under the row, one at a time; "Thêm" holds spacing and line width', async () => {
    const page = await openReaderPage(corpus('nukeviet').html, VIEWPORT);
    const view = page.x.openReader(page.doc)!;
    const root = view.root;
    const colours = barButton(root, 'Màu chữ và nền');
    const more = barButton(root, 'Thêm');
    const panel = (b: HTMLButtonElement) => root.getElementById(b.getAttribute('aria-controls')!)!;
    expect(panel(colours).hidden).toBe(true);
    expect(panel(more).hidden).toBe(true);
    // Closed panels take no room and no Tab stop.
    expect(panel(more).getBoundingClientRect().height).toBe(0);
    more.click();
    expect(more.getAttribute('aria-expanded')).toBe('true');
    expect(panel(more).hidden).toBe(false);
    expect(words(panel(more), 'legend, label')).toEqual(['Giãn dòng', 'Độ rộng dòng', 'Hẹp', 'Vừa', 'Rộng']);
    const row = root.querySelector('.bar .row')!.getBoundingClientRect();
    expect(panel(more).getBoundingClientRect().top).toBeGreaterThanOrEqual(row.bottom - 1);
    colours.click();
    expect(more.getAttribute('aria-expanded')).toBe('false');
    expect(panel(more).hidden).toBe(true);
    expect(words(panel(colours), 'legend, label')).toEqual(['Màu chữ và nền', 'Nền kem, chữ đen', 'Đen trên trắng', 'Trắng trên đen', 'Vàng trên đen']);
    // The title is still in the top half with a panel open.
    expect(root.querySelector('h1')!.getBoundingClientRect().top).toBeLessThan(VIEWPORT.height / 2);
    colours.click();
    expect(panel(colours).hidden).toBe(true);
    view.close();
  });

  it("names every option as the toolbar does, in the toolbar's order (vi and en)", async () => {
    for (const lang of ['vi', 'en'] as const) {
      const page = await openReaderPage(corpus('vhv').html, VIEWPORT);
      const session = page.x.retrofit(page.doc, { toolbar: true });
      const toolbar = page.doc.querySelector('[data-ar-toolbar]')!.shadowRoot!;
      const view = page.x.openReader(page.doc, { lang })!;
      const root = view.root;
      // The toolbar follows the page (Vietnamese here): compare with a toolbar in the same language.
      if (lang === 'en') expect(text(toolbar.querySelector('.name'))).toBe('Công cụ đọc');
      const fullNames = (r: ParentNode) => [...r.querySelectorAll('.row button')].map((b) => text(b));
      const en = toolbarStrings.en;
      const theirs = lang === 'vi' ? fullNames(toolbar) : [en.region, `A- ${en.smaller}`, `A ${en.reset}`, `A+ ${en.larger}`, en.contrast, en.more, en.reader, en.readAloud];
      const ours = fullNames(root);
      // Every control of the view but the way back is one of the toolbar's, with its full name, in its order.
      const shared = ours.slice(1);
      expect(shared.every((n) => theirs.includes(n)), `${lang}: ${shared.join(' | ')}`).toBe(true);
      expect(shared.map((n) => theirs.indexOf(n))).toEqual([...shared.map((n) => theirs.indexOf(n))].sort((a, b) => a - b));
      expect(root.querySelector('.bar .size')!.getAttribute('aria-label')).toBe(lang === 'vi' ? 'Cỡ chữ' : 'Text size');
      // Colours: the same names for the same themes; the first is the view's own (it never shows the page's).
      const themes = (r: ParentNode) => Object.fromEntries([...r.querySelectorAll('input[name="contrast"]')].map((i) => [(i as HTMLInputElement).value, text(i.closest('label')).replace(/^Aa ?/, '')]));
      const viewThemes = themes(root);
      expect(Object.keys(viewThemes)).toEqual(['off', 'high', 'dark', 'yellow']);
      if (lang === 'vi') {
        const barThemes = themes(toolbar);
        for (const v of ['high', 'dark', 'yellow']) expect(viewThemes[v]).toBe(barThemes[v]);
        expect(viewThemes.off).toBe('Nền kem, chữ đen');
        // "More" starts with spacing in both.
        expect(words(toolbar, '#more label')[0]).toBe(words(root, '#more label')[0]);
      } else {
        expect(viewThemes).toEqual({ off: 'Black on cream', high: 'Black on white', dark: 'White on black', yellow: 'Yellow on black' });
        expect(words(root, '#more legend, #more label')).toEqual(['Wider spacing', 'Line width', 'Narrow', 'Medium', 'Wide']);
      }
      view.close();
      session.undo();
    }
  });
});

describe('the reader keeps their place', () => {
  it('A+ and A- in the middle of the article keep the paragraph being read at the top of the view', async () => {
    const page = await openReaderPage(corpus('large-nukeviet').html, VIEWPORT);
    const view = page.x.openReader(page.doc)!;
    const root = view.root;
    const scroller = root.querySelector('.scroller')!;
    const barBottom = () => root.querySelector('.top')!.getBoundingClientRect().bottom;
    const paragraphs = [...root.querySelectorAll('article p')];
    paragraphs[12]!.scrollIntoView({ block: 'start' });
    await frame(page.win);
    // The paragraph the reader is on: the first one whose text shows under the bar.
    const reading = paragraphs.find((p) => p.getBoundingClientRect().bottom > barBottom() + 20)!;
    const before = reading.getBoundingClientRect().top;
    const moved: number[] = [];
    for (const press of ['A+', 'A+', 'A+', 'A-']) {
      barButton(root, press).click();
      await frame(page.win);
      moved.push(Math.round(reading.getBoundingClientRect().top - before));
    }
    console.log(`the paragraph being read moved (px) after A+ A+ A+ A-: ${moved.join(', ')}; scrolled to ${Math.round(scroller.scrollTop)}`);
    for (const m of moved) expect(Math.abs(m)).toBeLessThanOrEqual(40);
    view.close();
  });
});

describe('settings remembered by the embedder', () => {
  it('every change reaches onChange; opened again from the toolbar, the view is as the reader left it', async () => {
    const page = await openReaderPage(corpus('sharepoint').html, VIEWPORT);
    const { doc, x, win } = page;
    let saved: Settings | undefined;
    const changes: Settings[] = [];
    const session = x.retrofit(doc, { toolbar: true, fontScale: 1.25 }, { ui: { reader: { settings: () => saved, onChange: (s) => changes.push((saved = { ...s })) } } });
    await frame(win);
    const toolbar = doc.querySelector('[data-ar-toolbar]')!.shadowRoot!;
    const openFromToolbar = () => {
      [...toolbar.querySelectorAll('button')].find((b) => text(b) === 'Chế độ đọc')!.click();
      return x.readerOf(doc)!;
    };
    // Nothing remembered yet: the page's size.
    let view = openFromToolbar();
    expect(view.settings).toEqual({ fontScale: 1.25, contrast: 'off', spacing: 'off', width: 'medium' });
    let root = view.root;
    barButton(root, 'A+').click();
    barButton(root, 'A+').click();
    barButton(root, 'Màu chữ và nền').click();
    root.querySelector<HTMLInputElement>('input[name="contrast"][value="yellow"]')!.click();
    barButton(root, 'Thêm').click();
    root.querySelector<HTMLInputElement>('#more input[type="checkbox"]')!.click();
    root.querySelector<HTMLInputElement>('input[name="width"][value="narrow"]')!.click();
    // One call per change, none for a press that changes nothing.
    barButton(root, 'A+').click();
    barButton(root, 'A+').click();
    barButton(root, 'A+').click();
    barButton(root, 'A+').click();
    barButton(root, 'A+').click();
    expect(changes.map((c) => c.fontScale)).toEqual([1.5, 1.75, 1.75, 1.75, 1.75, 2, 2.25, 2.5, 2.75, 3]);
    expect(saved).toEqual({ fontScale: 3, contrast: 'yellow', spacing: 'wcag', width: 'narrow' });
    view.root.querySelector('h1')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    expect(view.open).toBe(false);
    // The page keeps its own settings: the view's are apart.
    expect(session.settings).toMatchObject({ fontScale: 1.25, contrast: 'off' });
    view = openFromToolbar();
    root = view.root;
    expect(view.settings).toEqual(saved);
    expect(text(root.querySelector('.pct'))).toBe('300%');
    expect(root.querySelector<HTMLInputElement>('input[name="contrast"][value="yellow"]')!.checked).toBe(true);
    expect(root.querySelector<HTMLInputElement>('#more input[type="checkbox"]')!.checked).toBe(true);
    expect(root.querySelector<HTMLInputElement>('input[name="width"][value="narrow"]')!.checked).toBe(true);
    expect(root.querySelector('.scroller')!.className).toContain('t-yellow');
    expect(parseFloat(win.getComputedStyle(root.querySelector('article p:not(.meta)')!).fontSize)).toBe(60);
    view.close();
    session.undo();
  });

  it('bad settings from storage never break it: each bad field is the default', async () => {
    const page = await openReaderPage(corpus('vhv').html, VIEWPORT);
    for (const [given, expected] of [
      ['nonsense', { fontScale: 1, contrast: 'off', spacing: 'off', width: 'medium' }],
      [{ fontScale: 'big', contrast: 'pink', spacing: true, width: 3 }, { fontScale: 1, contrast: 'off', spacing: 'off', width: 'medium' }],
      [{ fontScale: 9, contrast: 'dark', width: 'wide' }, { fontScale: 3, contrast: 'dark', spacing: 'off', width: 'wide' }],
    ] as const) {
      const view = page.x.openReader(page.doc, { settings: given as never })!;
      expect(view.settings).toEqual(expected);
      view.close();
    }
  });
});

describe('keyboard', () => {
  it('Tab goes through the bar in order; Enter on A+ keeps focus there; Esc closes and focus goes back', async () => {
    const page = await openReaderPage(corpus('nukeviet').html, VIEWPORT);
    const { doc, x } = page;
    const invoker = doc.createElement('button');
    invoker.textContent = 'Mở chế độ đọc';
    doc.body.prepend(invoker);
    invoker.focus();
    const view = x.openReader(doc)!;
    const root = view.root;
    expect(root.activeElement).toBe(root.querySelector('h1'));
    // From the title, Shift+Tab goes back into the bar: its controls, last to first.
    const order: string[] = [];
    for (let i = 0; i < 7; i++) {
      await userEvent.keyboard('{Shift>}{Tab}{/Shift}');
      order.push(visible(root.activeElement!));
    }
    expect(order.reverse()).toEqual(['Xem trang gốc', 'A-', 'A', 'A+', 'Màu chữ và nền', 'Thêm', 'Đọc to']);
    barButton(root, 'A+').focus();
    for (let i = 0; i < 3; i++) await userEvent.keyboard('{Enter}');
    expect(view.settings.fontScale).toBe(1.75);
    expect(visible(root.activeElement!)).toBe('A+');
    // "Thêm" with the keyboard: the panel opens, Tab goes into it, Space ticks spacing.
    barButton(root, 'Thêm').focus();
    await userEvent.keyboard('{Enter}');
    expect(barButton(root, 'Thêm').getAttribute('aria-expanded')).toBe('true');
    await userEvent.keyboard('{Tab}');
    // After "Thêm" comes "Đọc to" in the row, then the panel.
    expect(visible(root.activeElement!)).toBe('Đọc to');
    await userEvent.keyboard('{Tab}');
    expect(root.activeElement!.closest('label')?.textContent).toBe('Giãn dòng');
    await userEvent.keyboard(' ');
    expect(view.settings.spacing).toBe('wcag');
    // The colours are one radio group: the arrow keys choose.
    barButton(root, 'Màu chữ và nền').click();
    root.querySelector<HTMLInputElement>('input[name="contrast"]:checked')!.focus();
    await userEvent.keyboard('{ArrowRight}');
    expect(view.settings.contrast).toBe('high');
    await userEvent.keyboard('{ArrowRight}');
    expect(view.settings.contrast).toBe('dark');
    await userEvent.keyboard('{Escape}');
    expect(view.open).toBe(false);
    expect(doc.activeElement).toBe(invoker);
  });

});

describe('browser zoom', () => {
  it('at 200 % browser zoom (a 640 x 400 window) the title is still in the top half, under the bar in two rows', async () => {
    const seen: string[] = [];
    for (const name of ['vhv', 'nukeviet', 'sharepoint', 'wordpress-theme', 'province-tables']) {
      const page = await openReaderPage(corpus(name).html, { width: 640, height: 400 });
      const view = page.x.openReader(page.doc)!;
      await frame(page.win);
      const title = view.root.querySelector('h1')!.getBoundingClientRect().top;
      const bar = view.root.querySelector('.bar')!.getBoundingClientRect().height;
      seen.push(`${name}: bar ${Math.round(bar)}, title ${Math.round(title)}`);
      expect(bar, name).toBeLessThanOrEqual(110);
      expect(title, name).toBeLessThan(200);
      view.close();
    }
    console.log(`640 x 400: ${seen.join('; ')}`);
  });

  it('in short windows (browser zoom 300 %: 427 x 267) the bar scrolls away with the text instead of covering it', async () => {
    const page = await openReaderPage(corpus('vhv').html, { width: 427, height: 267 });
    const view = page.x.openReader(page.doc, { settings: { fontScale: 1 } })!;
    const root = view.root;
    await frame(page.win);
    expect(page.win.getComputedStyle(root.querySelector('.top')!).position).toBe('static');
    root.querySelector('.scroller')!.scrollTop = 600;
    await frame(page.win);
    expect(root.querySelector('.bar')!.getBoundingClientRect().bottom).toBeLessThan(0);
    view.close();
  });
});

describe('axe-core finds nothing in any state', () => {
  for (const lang of ['vi', 'en'] as const) {
    it(`${lang}: every theme folded, with each panel open, and reading; at 100, 200 and 300 %`, async () => {
      let html = corpus('vhv').html;
      if (lang === 'en') html = html.replace('<html lang="vi">', '<html lang="en">').replace(/Đảng uỷ phường Duy Tân tổ chức Tọa đàm[^<]*<\/h1>/, 'Ward committee holds a talk on mass mobilisation work</h1>');
      const page = await openReaderPage(html, VIEWPORT);
      const synth = new StubSynth();
      const view = page.x.openReader(page.doc, { speech: stubSpeech(synth) })!;
      const root = view.root;
      const t = lang === 'vi' ? { colours: 'Màu chữ và nền', more: 'Thêm', read: 'Đọc to' } : { colours: 'Text and background colours', more: 'More', read: 'Read aloud' };
      const states = ['folded', 'colours', 'more', 'reading'] as const;
      for (const [i, theme] of (['off', 'high', 'dark', 'yellow'] as const).entries()) {
        view.update({ contrast: theme, fontScale: 1 + (i % 3) });
        for (const state of states) {
          if (state === 'colours') barButton(root, t.colours).click();
          if (state === 'more') barButton(root, t.more).click();
          if (state === 'reading' && synth.spoken.length === 0) {
            barButton(root, t.more).click(); // closes "more"
            barButton(root, t.read).click();
            await sleep(20);
          }
          if (state === 'reading') expect(root.querySelector<HTMLElement>('.player')!.hidden).toBe(false);
          await frame(page.win);
          expect(await axeIn(page), `${lang} ${theme} ${state}`).toEqual([]);
        }
      }
      view.close();
    });
  }
});

describe('guarded (the extension)', () => {
  it('a closed shadow root; events a page script makes change nothing', async () => {
    const page = await openReaderPage(corpus('sharepoint').html, VIEWPORT);
    const changes: unknown[] = [];
    const view = page.x.openReader(page.doc, { guard: true, onChange: (s) => changes.push(s) })!;
    const host = page.doc.querySelector('[data-ar-reader]')!;
    expect(host.shadowRoot).toBeNull();
    // Even with the root in hand (a page cannot get it), synthetic clicks and keys do nothing.
    barButton(view.root, 'A+').click();
    view.root.querySelector<HTMLInputElement>('input[name="contrast"][value="dark"]')!.click();
    view.root.querySelector<HTMLInputElement>('input[name="width"][value="wide"]')!.closest('label')!.click();
    view.root.querySelector<HTMLInputElement>('#more input[type="checkbox"]')!.click();
    view.root.querySelector('h1')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    barButton(view.root, 'Xem trang gốc').click();
    expect(view.open).toBe(true);
    expect(view.settings).toEqual({ fontScale: 1, contrast: 'off', spacing: 'off', width: 'medium' });
    expect(changes).toEqual([]);
    // The reader's own input (trusted) works.
    barButton(view.root, 'A+').focus();
    await userEvent.keyboard('{Enter}');
    expect(view.settings.fontScale).toBe(1.25);
    expect(changes).toHaveLength(1);
    await userEvent.keyboard('{Escape}');
    expect(view.open).toBe(false);
  });
});
