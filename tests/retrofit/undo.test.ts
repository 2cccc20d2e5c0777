import { describe, expect, it, vi } from 'vitest';
import { frame, openPage, sleep } from './support/page';
import { ALL, SAMPLES } from './pages';

const EVERYTHING = { fontScale: 2, contrast: 'high', spacing: 'wcag', font: 'legible', hideClutter: true, toolbar: true } as const;
const shown = (el: Element | null) => !!el && el.getClientRects().length > 0;

describe('undo', () => {
  for (const c of ALL) {
    it(`${c.name}: undo restores document.documentElement.outerHTML exactly`, async () => {
      const { doc, engine, win } = await openPage(c.html);
      if (c.name === 'dynamic') await sleep(600); // its late changes are the page's, not ours
      const before = doc.documentElement.outerHTML;
      const session = engine.retrofit(doc, EVERYTHING);
      expect(session.active).toBe(true);
      await frame(win);
      expect(doc.documentElement.outerHTML).not.toBe(before);
      session.update({ fontScale: 3, contrast: 'yellow' });
      session.update({ fontScale: 1.5, contrast: 'dark', spacing: 'off', hideClutter: false, font: 'page' });
      await frame(win);
      session.undo();
      expect(session.active).toBe(false);
      expect(doc.documentElement.outerHTML).toBe(before);
      // Twice is harmless; updates after undo do nothing.
      session.undo();
      session.update({ fontScale: 2 });
      expect(doc.documentElement.outerHTML).toBe(before);
    });
  }

  it("the site's own tools are hidden while active and work again after undo (VHV A+)", async () => {
    const { doc, engine } = await openPage(SAMPLES[0]!.html);
    const aPlus = doc.querySelectorAll<HTMLElement>('a.custom-font')[2]!;
    expect(shown(aPlus)).toBe(true);
    const session = engine.retrofit(doc, { fontScale: 2 });
    expect(shown(aPlus)).toBe(false);
    session.undo();
    expect(shown(aPlus)).toBe(true);
    aPlus.click(); // runs the page's own onclick: VHV.App.modules[14].fontCustom('large')
    expect((doc.querySelector('.content-detail') as HTMLElement).style.fontSize).toBe('1.25em');
  });

  it("the site's own tools are hidden while active and work again after undo (SharePoint contrast)", async () => {
    const { doc, engine, win } = await openPage(SAMPLES[2]!.html);
    const less = doc.getElementById('giamtuongphan')!;
    const plus = doc.querySelector('a[href*="fontPlus"]')!;
    expect(shown(less) && shown(plus)).toBe(true);
    const session = engine.retrofit(doc, { contrast: 'high' });
    expect(shown(less) || shown(plus)).toBe(false);
    session.undo();
    expect(shown(less) && shown(plus)).toBe(true);
    less.click(); // the listener the page's script assigned
    await frame(win);
    expect((doc.getElementById('news_content') as HTMLElement).style.backgroundColor).toBe('rgb(248, 248, 255)');
  });

  it('a second session on the same page is refused until the first is undone', async () => {
    const { doc, engine, win } = await openPage(SAMPLES[0]!.html);
    const warn = vi.spyOn(win.console, 'warn').mockImplementation(() => {});
    const first = engine.retrofit(doc, { fontScale: 2 });
    const second = engine.retrofit(doc, { fontScale: 3 });
    expect(second.active).toBe(false);
    expect(second.article).toBeNull();
    expect(warn).toHaveBeenCalledTimes(1);
    first.undo();
    const third = engine.retrofit(doc, { fontScale: 3 });
    expect(third.active).toBe(true);
    third.undo();
  });

  it("the page's own rating handler still runs after undo (NukeViet)", async () => {
    const { doc, engine } = await openPage(SAMPLES[1]!.html);
    engine.retrofit(doc, EVERYTHING).undo();
    doc.querySelectorAll<HTMLInputElement>('.hover-star')[2]!.click();
    expect(doc.getElementById('stringrating')!.textContent).toBe('Tổng số điểm của bài viết là: 3 trong 1 đánh giá');
  });
});

describe('never break the page', () => {
  for (const c of SAMPLES) {
    it(`${c.name}: an exception inside the engine is reported once and the page is left as it was`, async () => {
      const { doc, engine, win } = await openPage(c.html);
      const before = doc.documentElement.outerHTML;
      const error = vi.spyOn(win.console, 'error').mockImplementation(() => {});
      // A hostile page: setAttribute throws for the clutter mark, after scaling, theme and widgets are applied.
      const original = win.Element.prototype.setAttribute;
      win.Element.prototype.setAttribute = function (this: Element, name: string, value: string) {
        if (name === 'data-ar-clutter') throw new Error('hostile page');
        return original.call(this, name, value);
      };
      const session = engine.retrofit(doc, EVERYTHING);
      win.Element.prototype.setAttribute = original;
      expect(session.active).toBe(false);
      expect(error).toHaveBeenCalledTimes(1);
      expect(String(error.mock.calls[0]![0])).toMatch(/^Accessible Reader: /);
      expect(doc.documentElement.outerHTML).toBe(before);
    });
  }

  it('an exception during update rolls back everything applied before it', async () => {
    const { doc, engine, win } = await openPage(SAMPLES[1]!.html);
    const before = doc.documentElement.outerHTML;
    const error = vi.spyOn(win.console, 'error').mockImplementation(() => {});
    const session = engine.retrofit(doc, { fontScale: 2, hideClutter: true });
    expect(session.active).toBe(true);
    const original = win.Element.prototype.setAttribute;
    win.Element.prototype.setAttribute = function (this: Element, name: string, value: string) {
      if (name === 'data-ar-theme') throw new Error('hostile page');
      return original.call(this, name, value);
    };
    session.update({ contrast: 'dark' });
    win.Element.prototype.setAttribute = original;
    expect(session.active).toBe(false);
    expect(error).toHaveBeenCalledTimes(1);
    expect(doc.documentElement.outerHTML).toBe(before);
    session.update({ contrast: 'high' });
    expect(error).toHaveBeenCalledTimes(1);
  });

  it('an exception in a later page change (observer) rolls back too', async () => {
    const { doc, engine, win } = await openPage(SAMPLES[0]!.html);
    const before = doc.documentElement.outerHTML;
    const error = vi.spyOn(win.console, 'error').mockImplementation(() => {});
    // With a minimum size, each new paragraph's text size is measured (a call the hostile page breaks).
    const session = engine.retrofit(doc, { fontScale: 2, minFontSize: 20 });
    const original = win.getComputedStyle;
    win.getComputedStyle = () => {
      throw new Error('hostile page');
    };
    const p = doc.createElement('p');
    p.textContent = 'Đoạn mới';
    doc.querySelector('.content-detail')!.append(p);
    await sleep(0);
    win.getComputedStyle = original;
    expect(session.active).toBe(false);
    expect(error).toHaveBeenCalledTimes(1);
    p.remove();
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});
