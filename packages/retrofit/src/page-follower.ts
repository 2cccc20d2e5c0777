/**
 * Runs a scan over what the page adds, the way each phase of loading needs it. While the parser is still
 * adding the page, an element's own text and children arrive after it: the whole body is scanned once before
 * each frame (scans skip what they already decided) and once more at DOMContentLoaded. Afterwards, each batch
 * of added elements is scanned as the MutationObserver reports it.
 */
import type { PageChanges, PageContext } from './context.js';
import { bodyOf, isOwn } from './dom.js';

/** `scan(roots)` with the elements to look at: the body during loading, new elements afterwards. */
export type Scan = (roots: Element[]) => void;

export function followPage(c: PageContext, scan: Scan): () => void {
  let frame: number | undefined;
  let stopped = false;
  const body = () => (bodyOf(c.doc) ? [bodyOf(c.doc)] : []);
  const safely = (fn: () => void) => {
    try {
      if (!stopped) c.quietly(fn);
    } catch (error) {
      c.fail(error);
    }
  };
  const onLoaded = () => {
    if (frame !== undefined) c.win.cancelAnimationFrame(frame);
    frame = undefined;
    safely(() => scan(body()));
  };
  const unwatch = c.watch(({ added }: PageChanges) => {
    if (c.doc.readyState === 'loading') {
      frame ??= c.win.requestAnimationFrame(() => {
        frame = undefined;
        safely(() => scan(body()));
      });
      return;
    }
    const roots = added.filter((el) => el.isConnected && !isOwn(el));
    if (roots.length) scan(roots);
  });
  if (c.doc.readyState === 'loading') c.doc.addEventListener('DOMContentLoaded', onLoaded, { once: true });
  return () => {
    stopped = true;
    unwatch();
    c.doc.removeEventListener('DOMContentLoaded', onLoaded);
    if (frame !== undefined) c.win.cancelAnimationFrame(frame);
  };
}
