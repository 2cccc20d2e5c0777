import type { Context, EngineStyle, Transform } from '../context.js';
import { bodyOf, isOwn, rootOf, walkerIn } from '../dom.js';
import { FIX } from './relax.js';
import { BOOST_TAG } from './text-blocks.js';

const COL = 'data-ar-col';
const LINEAR = 'data-ar-linear';
/** Columns are stacked up to the first box at least this wide (CSS px). */
const WIDE = 900;

const COLUMNS_CSS =
  `@layer ar-scale{` +
  `html[${LINEAR}] [${COL}~="col"]{float:none!important;width:auto!important;max-width:100%!important;min-width:0!important;flex:none!important;margin-left:0!important;margin-right:0!important}` +
  `html[${LINEAR}] [${COL}~="block"]{display:block!important;width:auto!important}` +
  // The outermost column keeps a margin, which also holds boxes that stick out of their container by their
  // padding (width:100% plus padding, common on these portals).
  `html[${LINEAR}] [${COL}~="outer"]{padding-left:max(16px,1em)!important;padding-right:max(16px,1em)!important;box-sizing:border-box!important}` +
  `}`;

/**
 * When the text is so large that the article column would hold only a few words per line (or the columns
 * beside it are hidden as clutter), the page's columns stack (floats, flex and grid rows, table cells) and the
 * article gets the full width. The article's ancestors and the columns beside them are found once; switching
 * is one attribute on <html>.
 */
export function columns(): Transform {
  let ctx: Context | undefined;
  let style: EngineStyle | undefined;
  let plan: Array<[Element, string]> | undefined;
  let columnPx = 0;
  let textPx = 16;
  const tagged: Element[] = [];

  /** The article's ancestors and the columns beside them, to stack when the text is very large. Reads only. */
  function find(c: Context): Array<[Element, string]> {
    const { doc, win, article } = c;
    const out: Array<[Element, string]> = [];
    let outer: Element | undefined;
    const cell = (el: Element) => /^t[dh]$/i.test(el.tagName);
    const fixedWidth = (el: Element) => (el.getAttribute(FIX) ?? '').split(' ').includes('w');
    for (let a: Element | null = article.root; a && a !== bodyOf(doc) && a.parentElement; a = a.parentElement) {
      // A box this wide already gives the article room: what holds it (and the toolbar above) stays in place.
      if (a.getBoundingClientRect().width >= WIDE) break;
      const parent: Element = a.parentElement;
      if (win.getComputedStyle(a).float !== 'none' || fixedWidth(a) || cell(a)) {
        out.push([a, 'col']);
        outer = a;
      }
      const pd = win.getComputedStyle(parent).display;
      if (/flex|grid/.test(pd) || /^(table|table-row|table-row-group)$/.test(pd)) out.push([parent, 'block']);
      if (cell(a)) out.push([a, 'block']);
      for (const s of parent.children) {
        if (s === a || isOwn(s)) continue;
        if (cell(s)) out.push([s, 'col'], [s, 'block']);
        else if (win.getComputedStyle(s).float !== 'none') out.push([s, 'col']);
      }
    }
    if (outer) out.push([outer, 'outer']);
    return out;
  }

  /** Size of the article's running text, in px at scale 1 (raised to the minimum size when one applies). */
  function runningTextPx(c: Context): number {
    const walker = walkerIn(c.doc, c.article.body, 4);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || (n.nodeValue ?? '').trim().length < 40) continue;
      // The page's own size (zoom leaves computed sizes alone), raised by the boost to the minimum size.
      const boost = parseFloat(el.closest(`[${BOOST_TAG}]`)?.getAttribute(BOOST_TAG) ?? '') || 1;
      return (parseFloat(c.win.getComputedStyle(el).fontSize) || 16) * (rootOf(c.doc).hasAttribute('data-ar-min') ? boost : 1);
    }
    return 16;
  }

  const tag = (el: Element, token: string) => {
    const now = el.getAttribute(COL);
    if (now?.split(' ').includes(token)) return;
    tagged.push(el);
    el.setAttribute(COL, now ? `${now} ${token}` : token);
  };

  return {
    prepare(c, settings) {
      ctx = c;
      if (settings.fontScale <= 1 || style || plan) return;
      plan = find(c);
      columnPx = c.article.root.getBoundingClientRect().width;
      textPx = runningTextPx(c);
    },
    apply(c, settings) {
      if (plan) {
        style = c.addStyle(COLUMNS_CSS);
        const todo = plan;
        plan = undefined;
        c.quietly(() => {
          for (const [el, token] of todo) tag(el, token);
        });
      }
      if (!style) return;
      // Fewer than about 60 characters per line, or the columns beside it hidden as clutter.
      const linear = settings.fontScale > 1 && (settings.hideClutter || columnPx / (textPx * settings.fontScale) < 30);
      c.flag(LINEAR, linear ? '' : null);
    },
    remove() {
      for (const el of tagged) el.removeAttribute(COL);
      tagged.length = 0;
      style?.remove();
      ctx?.flag(LINEAR, null);
      style = ctx = plan = undefined;
    },
  };
}
