/**
 * Hostile pages, round two (issue 14): an old library that replaces the globals (MooTools), a page that fights
 * the engine over an inline !important size, DOM clobbering, and a page that swaps its <body> (pjax,
 * Turbolinks). Each opened in an iframe with its own scripts, the engine loaded into its window.
 */
import { describe, expect, it } from 'vitest';
import clobbering from '../fixtures/hostile/clobbering.html?raw';
import fight from '../fixtures/hostile/fight.html?raw';
import mootoolsPage from '../fixtures/hostile/mootools.html?raw';
import pjax from '../fixtures/hostile/pjax.html?raw';
import mootools from '../fixtures/hostile/vendor/mootools-core-1.4.5-compat.js?raw';
import { fontPx } from '../retrofit/support/page';
import { EVERYTHING, countObservers, frame, openHostile, sleep, text, traces, type PageWindow } from './support';

const TITLE = 'Phường Duy Tân tổ chức hội nghị chuyển đổi số năm 2025';
const toolbarRoot = (doc: Document) => doc.querySelector('[data-ar-toolbar]')?.shadowRoot ?? null;
/** The vendored MooTools, inlined: a srcdoc page cannot load the fixture's relative script. */
const withMooTools = (html: string) => html.replace('<script src="vendor/mootools-core-1.4.5-compat.js"></script>', () => `<script>${mootools}</script>`);

async function pageScriptsWork(win: PageWindow, doc: Document): Promise<void> {
  const { ticks, clicks } = win.__page!;
  await sleep(160);
  expect(win.__page!.ticks).toBeGreaterThan(ticks);
  (doc.getElementById('site-button') as HTMLElement).click();
  expect(win.__page!.clicks).toBe(clicks + 1);
}

describe('old libraries: MooTools 1.4.5 with its compatibility code', () => {
  it('the engine and its toolbar work under replaced Event, Element, Array.from and Function#bind; A+ still changes the size', async () => {
    const p = await openHostile(withMooTools(mootoolsPage));
    const { win, doc, engine } = p;
    expect(win.__page!.eventReplaced).toBe(true);
    expect(win.__page!.arrayFromReplaced).toBe(true);
    const before = doc.documentElement.outerHTML;
    const session = engine.retrofit(doc, EVERYTHING);
    expect(session.article?.title).toBe(TITLE);
    await frame(win);
    const size = toolbarRoot(doc)!.querySelectorAll('.size button');
    expect(size).toHaveLength(3);
    (size[2] as HTMLElement).click();
    expect(session.settings.fontScale).toBe(2.25);
    (toolbarRoot(doc)!.querySelectorAll('input[type=radio]')[2] as HTMLInputElement).click();
    expect(session.settings.contrast).toBe('dark');
    await pageScriptsWork(win, doc);
    // MooTools' own events on the page keep working.
    (doc.getElementById('site-button') as HTMLElement).click();
    expect(win.__page!.mooClicks).toBe(2);
    session.undo();
    expect(doc.documentElement.outerHTML).toBe(before);
    expect(p.errors).toEqual([]);
    expect(p.consoleErrors).toEqual([]);
  }, 60_000);

  it('the components on such a page fire their change events (font size, contrast toggle, rating)', async () => {
    const p = await openHostile(withMooTools(mootoolsPage), { engine: false });
    const { win, doc } = p;
    await (win as unknown as { eval(code: string): Promise<unknown> }).eval(`import(${JSON.stringify(new URL('/packages/components/src/define.ts', location.href).href)})`);
    const host = doc.createElement('div');
    host.innerHTML = '<ar-font-size></ar-font-size><ar-contrast-toggle></ar-contrast-toggle><ar-rating name="vote"></ar-rating>';
    doc.querySelector('.news-detail')!.append(host);
    const changes: string[] = [];
    host.addEventListener('change', (e) => changes.push((e.target as Element).localName));
    const [size, toggle, rating] = [...host.children] as Array<HTMLElement & { updateComplete: Promise<unknown>; value: number }>;
    await Promise.all([size!.updateComplete, toggle!.updateComplete, rating!.updateComplete]);
    (size!.shadowRoot!.querySelectorAll('button')[2] as HTMLElement).click();
    expect(size!.value).toBe(110);
    (toggle!.shadowRoot!.querySelector('button') as HTMLElement).click();
    (rating!.shadowRoot!.querySelectorAll('input[type=radio]')[3] as HTMLElement).click();
    expect(changes).toEqual(['ar-font-size', 'ar-contrast-toggle', 'ar-rating']);
    host.remove();
    expect(p.errors).toEqual([]);
    expect(p.consoleErrors).toEqual([]);
  }, 60_000);
});

describe('a page that fights the engine over its inline !important sizes', () => {
  it('the engine backs off the fought elements after a few rounds, spaces the rest, and the tab stays responsive', async () => {
    const p = await openHostile(fight);
    const { win, doc, engine } = p;
    const fought = [...doc.querySelectorAll('p.guarded'), doc.getElementById('timed')!] as HTMLElement[];
    const free = doc.querySelectorAll('.content-detail p')[1]!;
    const ratio = (el: Element) => parseFloat(getComputedStyle(el).lineHeight) / parseFloat(getComputedStyle(el).fontSize);
    const before = doc.documentElement.outerHTML;
    const counts = countObservers(win);
    const warnings: string[] = [];
    const warn = win.console.warn;
    win.console.warn = (...args: unknown[]) => {
      warnings.push(String(args[0]));
      warn.apply(win.console, args);
    };
    const session = engine.retrofit(doc, { fontScale: 2, spacing: 'wcag' });
    expect(session.active).toBe(true);
    await sleep(600);
    await pageScriptsWork(win, doc);
    // A few rounds each, then the page keeps its own line height there.
    expect(win.__page!.puts).toBeLessThanOrEqual(2 * 3);
    expect(win.__page!.timerPuts).toBeLessThanOrEqual(3);
    for (const el of fought) {
      expect(el.style.getPropertyPriority('line-height')).toBe('important');
      expect(getComputedStyle(el).lineHeight).toBe('18px');
    }
    // The rest of the page is spaced and scaled.
    expect(ratio(free)).toBeCloseTo(1.5, 1);
    expect(fontPx(free)).toBeCloseTo(13 * 2, 0);
    expect(warnings.filter((w) => /keeps putting back its own/.test(w))).toHaveLength(1);
    // Bounded work: no observer keeps answering once the engine has backed off.
    const settled = counts.callbacks;
    await sleep(500);
    expect(counts.callbacks - settled).toBeLessThanOrEqual(2);
    expect(session.active).toBe(true);
    session.update({ fontScale: 3 });
    await frame(win);
    expect(fontPx(free)).toBeCloseTo(13 * 3, 0);
    session.undo();
    expect(doc.documentElement.outerHTML).toBe(before);
    expect(p.errors).toEqual([]);
    expect(p.consoleErrors).toEqual([]);
  }, 60_000);
});

describe('DOM clobbering: elements named like the document\'s members', () => {
  it('nothing the page can clobber is trusted: the article is found, text scales, contrast applies, undo is exact', async () => {
    const p = await openHostile(clobbering);
    const { win, doc, engine } = p;
    expect(win.__page!.clobbered).toBe(true);
    // The test reads the page through the prototype too: `doc.querySelector` is an <form> here.
    const $ = (selector: string) => Document.prototype.querySelector.call(doc, selector);
    // Sizes through this window's getComputedStyle: the page's `document.defaultView` is an <img> too.
    const fontPx = (el: Element) => parseFloat(getComputedStyle(el).fontSize) * ((el as Element & { currentCSSZoom?: number }).currentCSSZoom ?? 1);
    const html = () => Object.getOwnPropertyDescriptor(Document.prototype, 'documentElement')!.get!.call(doc) as HTMLElement;
    const first = $('.content-detail p')!;
    const size = fontPx(first);
    const before = html().outerHTML;
    const session = engine.retrofit(doc, EVERYTHING);
    expect(p.consoleErrors).toEqual([]);
    expect(session.active).toBe(true);
    expect(session.article?.title).toBe(TITLE);
    expect(text(session.article!.body)).toContain('Sáng ngày 12/10/2025');
    await frame(win);
    expect(fontPx(first)).toBeCloseTo(size * 2, 0);
    expect(html().getAttribute('data-ar-theme')).toBe('high');
    expect($('[data-ar-toolbar]')?.shadowRoot?.querySelectorAll('.size button')).toHaveLength(3);
    await pageScriptsWork(win, doc);
    session.update({ fontScale: 3, contrast: 'dark' });
    await frame(win);
    expect(fontPx(first)).toBeCloseTo(size * 3, 0);
    session.undo();
    expect(html().outerHTML).toBe(before);
    expect(p.errors).toEqual([]);
    expect(p.consoleErrors).toEqual([]);
  }, 60_000);
});

describe('pjax / Turbolinks: the page swaps its <body> for the next article', () => {
  it('the session follows each swap: the new article is found, scaled and themed, the toolbar comes back; undo is exact', async () => {
    type Swapper = PageWindow & { swapBody(n: number): void };
    // The same page without the engine, after the same swaps: what undo must give back.
    const twin = await openHostile(pjax, { engine: false });
    for (const n of [1, 0, 2]) (twin.win as Swapper).swapBody(n);
    const expected = twin.doc.documentElement.outerHTML;

    const p = await openHostile(pjax);
    const { doc, engine } = p;
    const win = p.win as Swapper;
    const session = engine.retrofit(doc, EVERYTHING);
    expect(session.article?.title).toBe(TITLE);
    await frame(win);
    const articleOn = async (title: string) => {
      await frame(win);
      expect(session.active).toBe(true);
      expect(session.article?.title).toBe(title);
      expect(session.article!.root.isConnected).toBe(true);
      expect(toolbarRoot(doc)?.querySelectorAll('.size button')).toHaveLength(3);
      expect(doc.documentElement.getAttribute('data-ar-theme')).toBe('high');
      expect(fontPx(doc.querySelector('.content-detail p')!)).toBeCloseTo(13 * 2, 0);
    };
    win.swapBody(1);
    await articleOn('Bài thứ hai: phường Duy Tân mở lớp hướng dẫn dịch vụ công cho người cao tuổi');
    await pageScriptsWork(win, doc);
    // A page with no article: nothing of the engine on it; the session waits for the next one.
    win.swapBody(0);
    await frame(win);
    expect(session.article).toBeNull();
    expect(traces(doc)).toEqual([]);
    expect(doc.querySelector('[data-ar-own]')).toBeNull();
    session.update({ fontScale: 2.5 });
    win.swapBody(2);
    await frame(win);
    expect(session.article?.title).toBe('Bài thứ ba: phường Duy Tân tổng kết tháng cao điểm cải cách hành chính');
    expect(fontPx(doc.querySelector('.content-detail p')!)).toBeCloseTo(13 * 2.5, 0);
    expect(toolbarRoot(doc)?.querySelectorAll('.size button')).toHaveLength(3);
    session.update({ fontScale: 2 });
    await articleOn('Bài thứ ba: phường Duy Tân tổng kết tháng cao điểm cải cách hành chính');
    session.undo();
    expect(doc.documentElement.outerHTML).toBe(expected);
    await pageScriptsWork(win, doc);
    expect(p.errors).toEqual([]);
    expect(p.consoleErrors).toEqual([]);
  }, 60_000);
});
