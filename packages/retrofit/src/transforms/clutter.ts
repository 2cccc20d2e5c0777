import type { Context, EngineStyle, Transform } from '../context.js';
import { bodyOf } from '../dom.js';

const MARK = 'data-ar-clutter';
/** The site's header, menu and breadcrumb: what comes before the article, outside it. */
export const CHROME = 'data-ar-chrome';

/** Elements before the article at each level of its ancestors (header, menu, breadcrumb), rendered ones. */
function chromeOf(article: Element, body: Element): Element[] {
  const out: Element[] = [];
  for (let a: Element | null = article; a && a !== body; a = a.parentElement) {
    for (let s = a.previousElementSibling; s; s = s.previousElementSibling) {
      if (!/^(SCRIPT|STYLE|LINK|META|TEMPLATE|NOSCRIPT)$/.test(s.tagName) && !s.hasAttribute('data-ar-own')) out.push(s);
    }
  }
  return out;
}

/**
 * Visitor counters, side lists, share bars, banners and sidebars found by the adapter step aside
 * (display:none from one rule, toggled by an attribute on <html>), and the site's header, menu and breadcrumb
 * keep their own size instead of growing with the text (font-scale.ts reads the mark). Nothing is removed.
 */
export function clutter(): Transform {
  let ctx: Context | undefined;
  let style: EngineStyle | undefined;
  const marked: Element[] = [];
  return {
    apply(c, settings) {
      if (!settings.hideClutter && !style) return;
      if (!style) {
        ctx = c;
        style = c.addStyle(`@layer ar-ui{html[data-ar-hide-clutter] [${MARK}]{display:none!important}}`);
        for (const el of c.widgets.clutter) {
          marked.push(el);
          el.setAttribute(MARK, '');
        }
        if (bodyOf(c.doc)) {
          for (const el of chromeOf(c.article.root, bodyOf(c.doc))) {
            if (el.hasAttribute(MARK)) continue;
            marked.push(el);
            el.setAttribute(CHROME, '');
          }
        }
      }
      c.flag('data-ar-hide-clutter', settings.hideClutter ? '' : null);
    },
    remove() {
      ctx?.flag('data-ar-hide-clutter', null);
      for (const el of marked) {
        el.removeAttribute(MARK);
        el.removeAttribute(CHROME);
      }
      marked.length = 0;
      style?.remove();
      style = ctx = undefined;
    },
  };
}
