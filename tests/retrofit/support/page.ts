import axe from 'axe-core';
import type * as EngineModule from '@accessible-reader/retrofit';

export type Engine = typeof EngineModule;
export type PageWindow = Window & typeof globalThis & { axe?: typeof axe };

/** The engine's source as the Vitest server serves it, for loading into the page's own window. */
const ENGINE_URL = '/packages/retrofit/src/index.ts';

export interface TestPage {
  iframe: HTMLIFrameElement;
  doc: Document;
  win: PageWindow;
  /** The engine loaded in the page's own window, as a site's <script> or the bundle would run it. */
  engine: Engine;
}

/**
 * Opens `html` in a 1280 x 900 iframe (its own scripts run) and loads the engine into that page's window, so
 * that the components it inserts are defined in the page's own registry. `realm: 'test'` instead uses the
 * engine imported by the test file: another window, as in an extension's isolated world.
 */
export async function openPage(html: string, { width = 1280, height = 900, realm = 'page' as 'page' | 'test' } = {}): Promise<TestPage> {
  for (const old of document.querySelectorAll('iframe[data-test-page]')) old.remove();
  const iframe = document.createElement('iframe');
  iframe.setAttribute('data-test-page', '');
  iframe.style.cssText = `position:absolute;left:0;top:0;width:${width}px;height:${height}px;border:0`;
  const loaded = new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
  iframe.srcdoc = html;
  document.body.append(iframe);
  await loaded;
  const win = iframe.contentWindow as PageWindow;
  const doc = iframe.contentDocument!;
  const engine: Engine =
    realm === 'page'
      ? await (win as unknown as { eval(code: string): Promise<Engine> }).eval(`import(${JSON.stringify(ENGINE_URL)})`)
      : await import('@accessible-reader/retrofit');
  await frame(win);
  return { iframe, doc, win, engine };
}

/** Waits for the next two frames of `win` (style, layout and paint settled). */
export function frame(win: Window): Promise<void> {
  return new Promise((resolve) => win.requestAnimationFrame(() => win.requestAnimationFrame(() => resolve())));
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Elements that show text of their own inside `root` (rendered, not the engine's). */
export function textElements(root: Element): HTMLElement[] {
  const out: HTMLElement[] = [];
  for (const el of [root, ...root.querySelectorAll('*')] as HTMLElement[]) {
    if (el.closest('[data-ar-own]') || /^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE|TITLE)$/.test(el.tagName)) continue;
    let own = false;
    for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 3 && /\S/.test(n.nodeValue ?? '')) own = true;
    if (!own || !el.getClientRects().length) continue;
    if (el.ownerDocument.defaultView!.getComputedStyle(el).visibility !== 'visible') continue;
    out.push(el);
  }
  return out;
}

/**
 * The size text of `el` is drawn at, in CSS px: its computed size times the zoom on it and its ancestors (the
 * engine enlarges text with `zoom`, which leaves computed sizes as the page wrote them).
 */
export function fontPx(el: Element): number {
  const zoom = (el as Element & { currentCSSZoom?: number }).currentCSSZoom ?? 1;
  return Math.round(parseFloat(el.ownerDocument.defaultView!.getComputedStyle(el).fontSize) * zoom * 1000) / 1000;
}

/** How far the page scrolls sideways (0 when it does not). */
export function horizontalOverflow(doc: Document): number {
  const s = doc.scrollingElement!;
  return s.scrollWidth - s.clientWidth;
}

/** The deepest elements that stick out past the right edge of the window (what makes it scroll sideways). */
export function sticking(doc: Document): string[] {
  const width = doc.scrollingElement!.clientWidth;
  const out: string[] = [];
  for (const el of doc.body.querySelectorAll('*')) {
    if (el.getBoundingClientRect().right <= width + 0.5) continue;
    if ([...el.children].some((c) => c.getBoundingClientRect().right > width + 0.5)) continue;
    out.push(`${describe(el)} right=${Math.round(el.getBoundingClientRect().right)}`);
  }
  return out.slice(0, 10);
}

/**
 * Text elements inside `root` that an ancestor with `overflow` other than visible cuts off: their box reaches
 * outside the ancestor's box, or the ancestor itself scrolls (scrollHeight > clientHeight).
 */
export function clippedText(root: Element): string[] {
  const win = root.ownerDocument.defaultView!;
  const problems: string[] = [];
  for (const el of textElements(root)) {
    const r = el.getBoundingClientRect();
    for (let a: Element | null = el; a && a !== root.ownerDocument.documentElement; a = a.parentElement) {
      const cs = win.getComputedStyle(a);
      if (cs.overflowX === 'visible' && cs.overflowY === 'visible') continue;
      const ar = a.getBoundingClientRect();
      const cut = r.bottom > ar.bottom + 1 || r.right > ar.right + 1 || r.top < ar.top - 1 || r.left < ar.left - 1;
      const scrolls = a.scrollHeight > a.clientHeight + 1 || a.scrollWidth > a.clientWidth + 1;
      if (cut || (a === el && scrolls)) problems.push(`${describe(el)} clipped by ${describe(a)}`);
    }
  }
  return problems;
}

export function describe(el: Element): string {
  const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
  return `<${el.localName}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${[...el.classList].join('.')}` : ''}> "${text}"`;
}

/** Number of axe-core violation nodes in `context` of the page (axe injected into the page's window). */
export async function axeCount(win: PageWindow, context: Element): Promise<{ count: number; ids: string[] }> {
  if (!win.axe) (win as unknown as { eval(code: string): void }).eval(axe.source);
  const result = await win.axe!.run(context, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    resultTypes: ['violations'],
  });
  const ids = result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
  return { count: ids.length, ids };
}
