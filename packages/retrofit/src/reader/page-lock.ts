import { OWN } from '../dom.js';

/**
 * Puts the page behind the reader view: every other child of <body> becomes `inert` (hidden from assistive
 * technology, out of the tab order, also children the page adds while the view is open), the page stops
 * scrolling under it, and its scroll position is kept. The returned function undoes exactly that: only
 * the `inert` attributes added here are removed, and the scroll position is put back.
 */
export function lockPage(doc: Document, host: Element): () => void {
  const win = doc.defaultView!;
  const [x, y] = [win.scrollX, win.scrollY];
  const made: Element[] = [];
  const mark = (n: Node) => {
    if (n.nodeType !== 1 || n === host) return;
    const el = n as Element;
    if (el.hasAttribute('inert')) return;
    el.setAttribute('inert', '');
    made.push(el);
  };
  for (const el of doc.body.children) mark(el);
  const style = doc.createElement('style');
  style.setAttribute(OWN, '');
  style.textContent = 'html,body{overflow:hidden!important}';
  (doc.head ?? doc.documentElement).append(style);
  const observer = new win.MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) if (n.parentNode === doc.body) mark(n);
  });
  observer.observe(doc.body, { childList: true });
  return () => {
    observer.disconnect();
    for (const el of made) el.removeAttribute('inert');
    style.remove();
    win.scrollTo(x, y);
  };
}
