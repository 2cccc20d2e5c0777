import type { Context, EngineStyle, PageChanges, Transform } from '../context.js';
import { HTML_NS, NON_TEXT, bodyOf, fragmentIn, isOwn, styleSheetsOf, walkerIn } from '../dom.js';

const FIX = 'data-ar-fix';
const COL = 'data-ar-col';

/** A length that fixes a box: px, pt, em, vh… and not 0 (zero-height boxes are aspect-ratio tricks). */
const FIXED = /^\d*\.?\d+(px|pt|pc|cm|mm|in|q|em|rem|ex|ch|vh|vw|vmin|vmax|svh|lvh|dvh)$/i;
const isFixed = (v: string | undefined) => !!v && FIXED.test(v.trim()) && parseFloat(v) > 0;
/** Selectors that depend on a state or a pseudo-element cannot be matched ahead of time. */
const STATEFUL = /::|:(before|after|first-line|first-letter|hover|focus|active|visited|target|placeholder|marker|selection|-webkit-|-moz-)/i;

/** Splits a selector list at top-level commas. */
function splitSelectors(list: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    const ch = list[i];
    if (ch === '(' || ch === '[') depth++;
    else if (ch === ')' || ch === ']') depth--;
    else if (ch === ',' && depth === 0) {
      out.push(list.slice(start, i).trim());
      start = i + 1;
    }
  }
  out.push(list.slice(start).trim());
  return out.filter((s) => s && !STATEFUL.test(s));
}

/**
 * Selectors of the page's rules that fix heights and widths, or justify text (large justified text opens
 * rivers of space between words: WCAG 1.4.8). Cross-origin sheets cannot be read: skipped.
 */
function fixedSelectors(doc: Document): { heights: string[]; widths: string[]; justified: string[] } {
  const heights: string[] = [];
  const widths: string[] = [];
  const justified: string[] = [];
  const visit = (list: CSSRuleList) => {
    for (const rule of list) {
      const style = (rule as CSSStyleRule).style;
      const selector = (rule as CSSStyleRule).selectorText;
      if (style && typeof selector === 'string') {
        if (isFixed(style.height) || isFixed(style.maxHeight)) heights.push(...splitSelectors(selector));
        if (isFixed(style.width) || isFixed(style.minWidth)) widths.push(...splitSelectors(selector));
        if (style.textAlign === 'justify') justified.push(...splitSelectors(selector));
      } else if ((rule as CSSGroupingRule).cssRules) visit((rule as CSSGroupingRule).cssRules);
    }
  };
  for (const sheet of styleSheetsOf(doc)) {
    if (sheet.ownerNode && (sheet.ownerNode as Element).nodeType === 1 && isOwn(sheet.ownerNode as Element)) continue;
    try {
      visit(sheet.cssRules);
    } catch {
      // Cross-origin stylesheet: its rules are not readable.
    }
  }
  return { heights, widths, justified };
}

/** A matcher for a list of selectors; invalid ones are dropped one by one rather than losing all. */
function matcher(doc: Document, selectors: string[]): string {
  const valid: string[] = [];
  // Checked against an empty fragment: as strict as the document, without searching it once per selector.
  const probe = fragmentIn(doc);
  for (const s of new Set(selectors)) {
    try {
      probe.querySelector(s);
      valid.push(s);
    } catch {
      // Selector this browser does not understand.
    }
  }
  return valid.join(',');
}

/**
 * Lets enlarged or spaced text reflow instead of overflowing: boxes whose height the page fixed grow with
 * their text, boxes with a fixed width shrink to their container, and, when the text is so large that the
 * article column would hold only a few words per line (or the columns beside it are hidden as clutter), the
 * page's columns stack (floats, flex and grid rows, table cells) so the article gets the full width. Which
 * boxes are fixed is read once from the page's CSS rules and inline styles; turning it on and off then only
 * toggles two attributes on <html>.
 */
export function reflow(): Transform {
  let ctx: Context | undefined;
  let style: EngineStyle | undefined;
  let heightSel = '';
  let widthSel = '';
  let justifySel = '';
  let columnPx = 0;
  let textPx = 16;
  /** Tags decided in `prepare`, written in `apply`. */
  let plan: Array<[Element, string, string]> | undefined;
  const tagged: Element[] = [];
  let unwatch: (() => void) | undefined;
  let relaxed = false;
  const INLINE = ['height', 'max-height', 'min-width'];

  const tag = (el: Element, attr: string, token: string) => {
    const now = el.getAttribute(attr);
    if (now?.split(' ').includes(token)) return;
    tagged.push(el);
    el.setAttribute(attr, now ? `${now} ${token}` : token);
  };

  /** Which elements have a fixed height (with text in them) or a fixed width: one query per kind. Reads only. */
  function fixedBoxes(scope: ParentNode, out: Array<[Element, string, string]>, roots?: Element[]): void {
    const all = (selector: string) => {
      if (!selector) return [];
      if (!roots) return [...scope.querySelectorAll(selector)];
      return roots.flatMap((r) => [...(r.matches(selector) ? [r] : []), ...r.querySelectorAll(selector)]);
    };
    const usable = (el: Element) => el.namespaceURI === HTML_NS && !isOwn(el);
    const hasText = (el: Element) => !NON_TEXT.has(el.tagName) && /\S/.test(el.textContent ?? '');
    for (const el of all(heightSel)) if (usable(el) && hasText(el)) out.push([el, FIX, 'h']);
    for (const el of all(widthSel)) if (usable(el)) out.push([el, FIX, 'w']);
    for (const el of all(justifySel)) if (usable(el)) out.push([el, FIX, 'j']);
    for (const el of all('[style*="height" i], [style*="width" i], [style*="justify" i]')) {
      const inline = (el as HTMLElement).style;
      if (!inline || !usable(el)) continue;
      if ((isFixed(inline.height) || isFixed(inline.maxHeight)) && hasText(el)) out.push([el, FIX, 'h']);
      if (isFixed(inline.width) || isFixed(inline.minWidth)) out.push([el, FIX, 'w']);
      if (inline.textAlign === 'justify') out.push([el, FIX, 'j']);
    }
  }

  /** The article's ancestors and the columns beside them, to stack when the text is very large. Reads only. */
  function columns(c: Context, fixed: Set<Element>, out: Array<[Element, string, string]>): void {
    const { doc, win, article } = c;
    let outer: Element | undefined;
    const cell = (el: Element) => /^t[dh]$/i.test(el.tagName);
    for (let a: Element | null = article.root; a && a !== bodyOf(doc) && a.parentElement; a = a.parentElement) {
      const parent: Element = a.parentElement;
      if (win.getComputedStyle(a).float !== 'none' || fixed.has(a) || cell(a)) {
        out.push([a, COL, 'col']);
        outer = a;
      }
      const pd = win.getComputedStyle(parent).display;
      if (/flex|grid/.test(pd) || /^(table|table-row|table-row-group)$/.test(pd)) out.push([parent, COL, 'block']);
      if (cell(a)) out.push([a, COL, 'block']);
      for (const s of parent.children) {
        if (s === a || isOwn(s)) continue;
        if (cell(s)) out.push([s, COL, 'col'], [s, COL, 'block']);
        else if (win.getComputedStyle(s).float !== 'none') out.push([s, COL, 'col']);
      }
    }
    if (outer) out.push([outer, COL, 'outer']);
  }

  /** Size of the article's running text, in px at scale 1. */
  function runningTextPx(c: Context): number {
    const walker = walkerIn(c.doc, c.article.body, 4);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || (n.nodeValue ?? '').trim().length < 40) continue;
      const measured = parseFloat(el.getAttribute('data-ar-fs') ?? '');
      return measured > 0 ? measured : parseFloat(c.win.getComputedStyle(el).fontSize) || 16;
    }
    return 16;
  }

  function onChange({ added }: PageChanges): void {
    const c = ctx!;
    const found: Array<[Element, string, string]> = [];
    fixedBoxes(c.doc, found, added);
    c.quietly(() => {
      for (const [el, attr, token] of found) {
        tag(el, attr, token);
        if (relaxed) c.inline.take(el, 'reflow', INLINE);
      }
    });
  }

  return {
    prepare(c, settings) {
      const needed = settings.fontScale > 1 || settings.spacing === 'wcag';
      if (!needed || style || plan) return;
      ctx = c;
      const { doc } = c;
      const { heights, widths, justified } = fixedSelectors(doc);
      heightSel = matcher(doc, heights);
      widthSel = matcher(doc, widths);
      justifySel = matcher(doc, justified);
      plan = [];
      if (bodyOf(doc)) fixedBoxes(bodyOf(doc), plan);
      columns(c, new Set(plan.filter((p) => p[2] === 'w').map((p) => p[0])), plan);
      columnPx = c.article.root.getBoundingClientRect().width;
      textPx = runningTextPx(c);
    },
    apply(c, settings) {
      const needed = settings.fontScale > 1 || settings.spacing === 'wcag';
      if (plan) {
        style = c.addStyle(
          `@layer ar-scale{` +
            `html[data-ar-relax] [${FIX}~="h"]{height:auto!important;max-height:none!important}` +
            `html[data-ar-relax] [${FIX}~="w"]{max-width:100%!important;min-width:0!important}` +
            `html[data-ar-relax] [${FIX}~="j"]{text-align:start!important}` +
            `html[data-ar-relax] body{overflow-wrap:break-word!important}` +
            // Form fields are as wide as their text size makes them: keep them inside their box.
            `html[data-ar-relax] :is(input,select,textarea){max-width:100%!important;box-sizing:border-box!important}` +
            `html[data-ar-linear] [${COL}~="col"]{float:none!important;width:auto!important;max-width:100%!important;min-width:0!important;flex:none!important;margin-left:0!important;margin-right:0!important}` +
            `html[data-ar-linear] [${COL}~="block"]{display:block!important;width:auto!important}` +
            // The outermost column keeps a margin, which also holds boxes that stick out of their container
            // by their padding (width:100% plus padding, common on these portals).
            `html[data-ar-linear] [${COL}~="outer"]{padding-left:max(16px,1em)!important;padding-right:max(16px,1em)!important;box-sizing:border-box!important}` +
            `}`,
        );
        const todo = plan;
        plan = undefined;
        c.quietly(() => {
          for (const [el, attr, token] of todo) tag(el, attr, token);
        });
        unwatch = c.watch(onChange);
      }
      if (!style) return;
      if (needed !== relaxed) {
        relaxed = needed;
        // Inline !important heights and minimum widths would win over the relaxed rules.
        c.quietly(() => {
          if (needed) for (const el of tagged) c.inline.take(el, 'reflow', INLINE);
          else c.inline.release('reflow');
        });
      }
      c.flag('data-ar-relax', needed ? '' : null);
      // Fewer than about 60 characters per line, or the columns beside it hidden as clutter: stack the
      // columns and give the article the width.
      const linear = settings.fontScale > 1 && (settings.hideClutter || columnPx / (textPx * settings.fontScale) < 30);
      c.flag('data-ar-linear', linear ? '' : null);
    },
    remove() {
      unwatch?.();
      ctx?.inline.release('reflow');
      relaxed = false;
      for (const el of tagged) {
        el.removeAttribute(FIX);
        el.removeAttribute(COL);
      }
      tagged.length = 0;
      style?.remove();
      if (ctx) {
        ctx.flag('data-ar-relax', null);
        ctx.flag('data-ar-linear', null);
      }
      style = ctx = plan = unwatch = undefined;
    },
  };
}
