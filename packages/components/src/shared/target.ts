import { warnOnce } from './attributes.js';
import { query, rootOf } from './document.js';

/**
 * The element a page-wide control acts on: the one matching `selector` in the control's document, or the
 * document root. An invalid or unmatched selector falls back to the root with a warning, so the control
 * still works.
 */
export function resolveTarget(host: Element, selector: string | null | undefined): HTMLElement {
  const doc = host.ownerDocument;
  if (selector) {
    try {
      const found = query(doc, selector);
      if (found instanceof HTMLElement) return found;
      warnOnce(host, 'target', `target="${selector}" matches nothing; using the document root.`);
    } catch {
      warnOnce(host, 'target', `target="${selector}" is not a valid CSS selector; using the document root.`);
    }
  }
  return rootOf(doc);
}
