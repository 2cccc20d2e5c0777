import type { Context, EngineStyle, Transform } from '../context.js';

const MARK = 'data-ar-clutter';

/**
 * Visitor counters, side lists, share bars, banners and sidebars found by the adapter step aside
 * (display:none from one rule, toggled by an attribute on <html>). Nothing is removed from the page.
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
      }
      c.flag('data-ar-hide-clutter', settings.hideClutter ? '' : null);
    },
    remove() {
      ctx?.flag('data-ar-hide-clutter', null);
      for (const el of marked) el.removeAttribute(MARK);
      marked.length = 0;
      style?.remove();
      style = ctx = undefined;
    },
  };
}
