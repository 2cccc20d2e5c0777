/**
 * DOM helpers that work across realms: the engine may run in one window (a test page, an extension's
 * isolated world) on a document of another, so nothing here uses `instanceof` or the global constructors.
 */

/*
 * Document members, read through Document.prototype and never through the document object. A page's
 * `<img name="body">` or `<form name="querySelectorAll">` shadows `document.body` or
 * `document.querySelectorAll` (a document's named elements beat its own members: DOM clobbering), and user
 * content on a portal can carry such names. Captured once, when the engine loads.
 */
const call = Reflect.apply;
// From a document's own prototype chain, not from `window.Document`, which old libraries replace (MooTools).
const DOC_PROTO: object | null = typeof document === 'object' ? Object.getPrototypeOf(document) : null;
function member(name: string): PropertyDescriptor {
  for (let p = DOC_PROTO; p; p = Object.getPrototypeOf(p)) {
    const d = Object.getOwnPropertyDescriptor(p, name);
    if (d) return d;
  }
  return {};
}
const reader = <T>(name: string) => {
  const get = member(name).get;
  return (doc: Document): T => (get ? call(get, doc, []) : undefined) as T;
};
const method = <A extends unknown[], R>(name: string) => {
  const fn = member(name).value as (...args: A) => R;
  return (doc: Document, ...args: A): R => call(fn, doc, args);
};

/** `doc.body`: null while the page has none, whatever lib.dom says. */
export const bodyOf = reader<HTMLElement>('body');
export const rootOf = reader<HTMLElement>('documentElement');
export const headOf = reader<HTMLHeadElement | null>('head');
export const viewOf = reader<(Window & typeof globalThis) | null>('defaultView');
export const titleOf = reader<string>('title');
export const baseOf = reader<string>('baseURI');
export const styleSheetsOf = reader<StyleSheetList>('styleSheets');
/** `doc.adoptedStyleSheets`, or undefined where the browser has none. */
export const adoptedSheets = reader<CSSStyleSheet[] | undefined>('adoptedStyleSheets');
const adoptedSetter = member('adoptedStyleSheets').set;
export const setAdoptedSheets = (doc: Document, sheets: CSSStyleSheet[]): void => void (adoptedSetter && call(adoptedSetter, doc, [sheets]));
export const queryAll: (doc: Document, selectors: string) => NodeListOf<Element> = method('querySelectorAll');
export const query: (doc: Document, selectors: string) => Element | null = method('querySelector');
const createElement = method<[string], HTMLElement>('createElement');
export function createIn<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K): HTMLElementTagNameMap[K];
export function createIn(doc: Document, tag: string): HTMLElement;
export function createIn(doc: Document, tag: string): HTMLElement {
  return createElement(doc, tag);
}
export const fragmentIn: (doc: Document) => DocumentFragment = method('createDocumentFragment');
export const createTextIn: (doc: Document, text: string) => Text = method('createTextNode');
export const walkerIn: (doc: Document, root: Node, whatToShow?: number, filter?: NodeFilter | null) => TreeWalker = method('createTreeWalker');

/** Marks every node the engine adds; such nodes are skipped by every measurement and removed by undo. */
export const OWN = 'data-ar-own';

export const isElement = (n: unknown): n is Element => !!n && (n as Node).nodeType === 1;

export const isOwn = (el: Element): boolean => el.closest(`[${OWN}]`) !== null;

/** Inside a figure or a caption: what it says is about a picture (or a table), not the article. */
export const inFigure = (el: Element): boolean => el.closest('figure, figcaption, caption') !== null;

/** Text with whitespace runs collapsed. */
export const textOf = (n: Node | null | undefined): string => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Share of an element's text (whitespace left out) that is inside links: 0 to 1. */
export function linkShare(el: Element): number {
  const all = (el.textContent ?? '').replace(/\s+/g, '').length || 1;
  let linked = 0;
  for (const a of el.querySelectorAll('a')) linked += (a.textContent ?? '').replace(/\s+/g, '').length;
  return linked / all;
}

export function windowOf(doc: Document): Window & typeof globalThis {
  const win = viewOf(doc);
  if (!win) throw new Error('the document has no window');
  return win as Window & typeof globalThis;
}

/** Elements that never hold text of their own, or whose text is not page text. */
export const NON_TEXT = new Set([
  'SCRIPT', 'STYLE', 'LINK', 'META', 'TEMPLATE', 'NOSCRIPT', 'BR', 'WBR', 'IMG', 'VIDEO', 'AUDIO', 'SOURCE',
  'TRACK', 'CANVAS', 'IFRAME', 'OBJECT', 'EMBED', 'PICTURE', 'HEAD', 'TITLE', 'BASE', 'PARAM', 'AREA', 'MAP', 'HR',
]);

export const HTML_NS = 'http://www.w3.org/1999/xhtml';

/** Whether the element has a non-blank text node child: what a reader sees as "text here". */
export function hasOwnText(el: Element): boolean {
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 3 && /\S/.test(n.nodeValue ?? '')) return true;
  return false;
}

/** Lowest common ancestor of two elements. */
export function commonAncestor(a: Element, b: Element): Element | null {
  for (let el: Element | null = a; el; el = el.parentElement) if (el.contains(b)) return el;
  return null;
}

/** Class names that hide an element wherever a stylesheet defines them ("hidden", "hide", Bootstrap's "d-none"). */
const HIDING_CLASS = /(?:^|\s)(?:hidden|hide|d-none|is-hidden)(?=\s|$)/i;
/** A class that shows the element again at some width (Tailwind's "md:block", Bootstrap's "d-md-block"). */
const SHOWN_AT_WIDTH = /(?:^|\s)(?:\S+:\S+|d-(?:sm|md|lg|xl|xxl)-\S+)/;

/**
 * Whether the page's stylesheets are missing (an offline or saved copy, a blocked server): it has boxes whose
 * class names hide them, and not one of the first five is hidden. Its reader would then see what its author hid.
 */
export function stylesMissing(doc: Document): boolean {
  const view = viewOf(doc);
  if (!view) return false;
  // The first few are enough to tell, and extraction asks on every pass: a page may mark thousands.
  const marked = [...queryAll(doc, '.hidden, .hide, .d-none, .is-hidden')].filter(hiddenByClass).slice(0, 5);
  return marked.length > 0 && marked.every((el) => view.getComputedStyle(el).display !== 'none');
}

/** Hidden by its class name ("gallery-overlay hidden"), as the missing stylesheet would have hidden it. */
export function hiddenByClass(el: Element): boolean {
  const names = el.getAttribute('class');
  return !!names && HIDING_CLASS.test(names) && !SHOWN_AT_WIDTH.test(names);
}

/** Whether `el` is shown (has a box). Cheap check through layout. */
export const isRendered = (el: Element): boolean => (el as HTMLElement).getClientRects().length > 0;

/** The node after `n` inside `root` in document order, past `n`'s own children: a hand-made walk's next step. */
export function nextAfter(n: Node, root: Node): Node | null {
  while (n !== root && !n.nextSibling) n = n.parentNode!;
  return n === root ? null : n.nextSibling;
}

/**
 * The text of a small element (a label, a heading, a button), or '' when the element holds more than
 * `max` characters or more than a few nodes. Bounded: costs the same on <body> as on a <span>.
 */
export function shortText(el: Element, max: number): string {
  let text = '';
  let nodes = 0;
  // Depth first, by hand (no closure, no recursion): it runs on every block of a page.
  let n: Node | null = el.firstChild;
  while (n) {
    if (++nodes > 16) return '';
    if (n.nodeType === 3) {
      text += n.nodeValue;
      if (text.length > max * 2 + 40) return '';
    } else if (n.nodeType === 1 && n.firstChild) {
      n = n.firstChild;
      continue;
    }
    n = nextAfter(n, el);
  }
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : '';
}
