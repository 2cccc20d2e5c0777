import { OWN, textOf } from '../dom.js';
import { safeUrl } from '../extract/clean.js';
import { ratingComponent } from '../transforms/legacy-widgets.js';
import type { Found } from '../types.js';

export { componentsIn } from '../transforms/components.js';

/** The page's star rating as the rating component; votes go through the site's own radios, as on the page. */
export function ratingFor(doc: Document, found: Found | null, prefix: string, lang: string): Element | undefined {
  const rating = found?.widgets.rating;
  return rating ? ratingComponent(doc, prefix, lang, rating) : undefined;
}

/** The page's related-article lists (never the article itself) as one list of safe links. */
export function relatedFor(doc: Document, found: Found | null, prefix: string, lang: string, heading: string): Element | undefined {
  if (!found) return undefined;
  const { article, widgets } = found;
  const items: Array<{ title: string; url: string }> = [];
  const seen = new Set<string>();
  for (const box of widgets.keep) {
    if (box.contains(article.body) || article.body.contains(box) || box.closest(`[${OWN}]`)) continue;
    for (const a of box.querySelectorAll('a[href]')) {
      const url = safeUrl(a.getAttribute('href'), doc.baseURI);
      const title = textOf(a);
      if (!url || !title || seen.has(url) || items.length >= 10) continue;
      seen.add(url);
      items.push({ title, url });
    }
  }
  if (!items.length) return undefined;
  const el = doc.createElement(`${prefix}-related-articles`) as HTMLElement & { items: unknown };
  for (const [k, v] of Object.entries({ lang, heading, 'heading-level': '2' })) el.setAttribute(k, v);
  el.items = items;
  return el;
}
