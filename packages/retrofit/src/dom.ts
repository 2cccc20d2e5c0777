/**
 * DOM helpers that work across realms: the engine may run in one window (a test page, an extension's
 * isolated world) on a document of another, so nothing here uses `instanceof` or the global constructors.
 */

/** Marks every node the engine adds; such nodes are skipped by every measurement and removed by undo. */
export const OWN = 'data-ar-own';

export const isElement = (n: unknown): n is Element => !!n && (n as Node).nodeType === 1;

export const isOwn = (el: Element): boolean => el.closest(`[${OWN}]`) !== null;

/** Text with whitespace runs collapsed. */
export const textOf = (n: Node | null | undefined): string => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Length of the text inside links, for link density. */
export function linkTextLength(el: Element): number {
  let n = 0;
  for (const a of el.querySelectorAll('a')) n += textOf(a).length;
  return n;
}

export function windowOf(doc: Document): Window & typeof globalThis {
  const win = doc.defaultView;
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

/** Whether `el` is shown (has a box). Cheap check through layout. */
export const isRendered = (el: Element): boolean => (el as HTMLElement).getClientRects().length > 0;

/**
 * The text of a small element (a label, a heading, a button), or '' when the element holds more than
 * `max` characters or more than a few nodes. Bounded: costs the same on <body> as on a <span>.
 */
export function shortText(el: Element, max: number): string {
  let text = '';
  let nodes = 0;
  const walk = (n: Node): boolean => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (++nodes > 16) return false;
      if (c.nodeType === 3) {
        text += c.nodeValue;
        if (text.length > max * 2 + 40) return false;
      } else if (c.nodeType === 1 && !walk(c)) return false;
    }
    return true;
  };
  if (!walk(el)) return '';
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : '';
}
