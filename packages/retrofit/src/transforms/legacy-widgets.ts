import type { Context, Transform } from '../context.js';
import { OWN } from '../dom.js';
import type { LegacyRating } from '../types.js';
import { componentsReady } from './components.js';
import { furnitureAround, siteReadAloud } from './site-tools.js';

export const HIDDEN = 'data-ar-hidden';

interface RatingSubmitEvent extends Event {
  detail: { value: number; respondWith(p: Promise<{ average: number; count: number } | void>): void };
}

/**
 * The rating component for the site's rating: its summary, read-only once the reader voted, and votes handed
 * to the site's own radios so that they still reach the site. Also used by the reader view.
 */
export function ratingComponent(doc: Document, prefix: string, lang: string, rating: LegacyRating): Element {
  const radios = rating.radios as HTMLInputElement[];
  const el = doc.createElement(`${prefix}-rating`);
  const attrs: Record<string, string> = { lang, max: String(radios.length) };
  if (rating.count) Object.assign(attrs, { average: String(rating.average ?? 0), count: String(rating.count) });
  if (radios.every((r) => r.disabled)) attrs.readonly = '';
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.addEventListener('ar-rating-submit', (event) => {
    const { detail } = event as RatingSubmitEvent;
    let result: Promise<{ average: number; count: number } | void>;
    try {
      result = rating.submit(detail.value);
    } catch (error) {
      result = Promise.reject(error);
    }
    detail.respondWith(result);
  });
  return el;
}

/**
 * The site's own tools, taken over while the engine is active: its A-/A/A+ and contrast links are hidden
 * (they fight the engine: on these portals A+ can even shrink text), with their labels and separators, and its
 * own read-aloud button (the toolbar has one); its star rating is replaced by the
 * rating component, whose votes are handed to the site's own radios so that they still reach the site; an
 * empty "Bài viết liên quan" box becomes the related-articles component with its empty state. The originals
 * are hidden, never removed, and come back with undo.
 */
export function legacyWidgets(): Transform {
  let ctx: Context | undefined;
  const hidden: Element[] = [];
  const inserted: Element[] = [];

  const hide = (el: Element) => {
    if (el.hasAttribute(HIDDEN)) return;
    hidden.push(el);
    el.setAttribute(HIDDEN, '');
  };

  const create = (c: Context, name: string, attrs: Record<string, string>) => {
    const el = c.doc.createElement(`${c.prefix}-${name}`);
    el.setAttribute(OWN, '');
    el.setAttribute('lang', c.lang);
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    return el;
  };

  function replaceRating(c: Context): void {
    const rating = c.widgets.rating!;
    const el = ratingComponent(c.doc, c.prefix, c.lang, rating);
    el.setAttribute(OWN, '');
    rating.container.after(el);
    inserted.push(el);
    hide(rating.container);
  }

  function replaceRelated(c: Context): void {
    const box = c.widgets.related!;
    const el = create(c, 'related-articles', {
      heading: c.widgets.relatedHeading || (c.lang === 'vi' ? 'Bài viết liên quan' : 'Related articles'),
      'heading-level': '2',
    });
    (el as HTMLElement & { items: unknown[] | null }).items = [];
    box.after(el);
    inserted.push(el);
    hide(box);
  }

  return {
    apply(c) {
      if (ctx) return;
      ctx = c;
      // The site's size, contrast and read-aloud tools, and the labels and separators they leave behind.
      const tools = [...c.widgets.fontControls, ...c.widgets.contrastControls, ...siteReadAloud(c.doc, c.article)];
      tools.forEach(hide);
      furnitureAround(tools, c.article).forEach(hide);
      if (!(c.widgets.rating || c.widgets.related) || !componentsReady(c)) return;
      if (c.widgets.rating) replaceRating(c);
      if (c.widgets.related) replaceRelated(c);
    },
    remove() {
      for (const el of inserted) el.remove();
      for (const el of hidden) el.removeAttribute(HIDDEN);
      inserted.length = hidden.length = 0;
      ctx = undefined;
    },
  };
}
