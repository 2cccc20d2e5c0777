import type { EngineStyle, PageContext, Transform } from '../context.js';
import { HTML_NS, NON_TEXT, bodyOf, fragmentIn, hasOwnText, isOwn, styleSheetsOf } from '../dom.js';
import { followPage } from '../page-follower.js';

/** `data-ar-fix="h w j l"`: a fixed height, a fixed width, justified text, lines tighter than their letters. */
export const FIX = 'data-ar-fix';
/** On <html> while boxes are relaxed. */
export const RELAX = 'data-ar-relax';

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

/** Whether text may grow past the boxes the page sized for it: then they are relaxed. */
export const relaxNeeded = (s: { fontScale: number; spacing: string; minFontSize: number }) => s.fontScale > 1 || s.spacing === 'wcag' || s.minFontSize > 0;

const RELAX_CSS =
  `@layer ar-scale{` +
  `html[${RELAX}] [${FIX}~="h"]{height:auto!important;max-height:none!important}` +
  `html[${RELAX}] [${FIX}~="w"]{max-width:100%!important;min-width:0!important}` +
  `html[${RELAX}] [${FIX}~="j"]{text-align:start!important}` +
  `html[${RELAX}] [${FIX}~="l"]{line-height:1.2!important}` +
  `html[${RELAX}] body{overflow-wrap:break-word!important}` +
  // Form fields are as wide as their text size makes them: keep them inside their box.
  `html[${RELAX}] :is(input,select,textarea){max-width:100%!important;box-sizing:border-box!important}` +
  `}`;

/**
 * Lets enlarged or spaced text reflow instead of overflowing: boxes whose height the page fixed grow with their
 * text, boxes with a fixed width shrink to their container, justified text is aligned to the start (large
 * justified text opens rivers of space: WCAG 1.4.8), and lines tighter than their letters are opened up. Which
 * boxes are fixed is read from the page's CSS rules and inline styles, as the page loads and as it changes;
 * turning it on and off then only toggles one attribute on <html>. It needs no article, so it runs from the
 * first paint.
 */
export function relax(): Transform<PageContext> {
  let ctx: PageContext | undefined;
  let style: EngineStyle | undefined;
  let heightSel = '';
  let widthSel = '';
  let justifySel = '';
  let sheetsRead = -1;
  let plan: Array<[Element, string, string]> | undefined;
  const tagged: Element[] = [];
  let unfollow: (() => void) | undefined;
  let relaxed = false;
  const INLINE = ['height', 'max-height', 'min-width', 'line-height'];

  const tag = (el: Element, token: string) => {
    const now = el.getAttribute(FIX);
    if (now?.split(' ').includes(token)) return false;
    tagged.push(el);
    el.setAttribute(FIX, now ? `${now} ${token}` : token);
    return true;
  };

  /** The page's fixed-size selectors, read again when its stylesheets changed (while it loads). */
  function readSheets(doc: Document): void {
    const count = styleSheetsOf(doc).length;
    if (count === sheetsRead) return;
    sheetsRead = count;
    const { heights, widths, justified } = fixedSelectors(doc);
    heightSel = matcher(doc, heights);
    widthSel = matcher(doc, widths);
    justifySel = matcher(doc, justified);
  }

  /** Which elements have a fixed height (with text in them) or a fixed width: one query per kind. Reads only. */
  function fixedBoxes(roots: Element[], out: Array<[Element, string, string]>): void {
    const all = (selector: string) => (selector ? roots.flatMap((r) => [...(r.matches(selector) ? [r] : []), ...r.querySelectorAll(selector)]) : []);
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

  /**
   * Inside boxes with a fixed height (which clip), text whose lines are tighter than its letters: once the box
   * grows with its text, the letters would still be cut at the edge. Reads only; a few small boxes per page.
   */
  function tightLines(c: PageContext, fixed: Array<[Element, string, string]>): void {
    const seen = new Set<Element>();
    for (const [box, , token] of [...fixed]) {
      if (token !== 'h') continue;
      const els = [box, ...box.querySelectorAll('*')].slice(0, 200);
      for (const el of els) {
        if (seen.has(el) || NON_TEXT.has(el.tagName) || !hasOwnText(el)) continue;
        seen.add(el);
        const cs = c.win.getComputedStyle(el);
        const lh = parseFloat(cs.lineHeight);
        if (cs.lineHeight.endsWith('px') && lh < 1.2 * parseFloat(cs.fontSize)) fixed.push([el, FIX, 'l']);
      }
    }
  }

  function measure(c: PageContext, roots: Element[]): Array<[Element, string, string]> {
    readSheets(c.doc);
    const out: Array<[Element, string, string]> = [];
    fixedBoxes(roots, out);
    tightLines(c, out);
    return out;
  }

  function write(c: PageContext, found: Array<[Element, string, string]>): void {
    c.quietly(() => {
      for (const [el, , token] of found) {
        // Inline !important heights and minimum widths would win over the relaxed rules.
        if (tag(el, token) && relaxed) c.inline.take(el, 'relax', INLINE);
      }
    });
  }

  return {
    prepare(c, settings) {
      ctx = c;
      if (!relaxNeeded(settings) || style || plan) return;
      plan = measure(c, bodyOf(c.doc) ? [bodyOf(c.doc)] : []);
    },
    apply(c, settings) {
      const needed = relaxNeeded(settings);
      if (plan) {
        style = c.addStyle(RELAX_CSS);
        write(c, plan);
        plan = undefined;
        unfollow = followPage(c, { read: (roots) => measure(c, roots), write: (found) => write(c, found) });
      }
      if (!style) return;
      if (needed !== relaxed) {
        relaxed = needed;
        c.quietly(() => {
          if (needed) for (const el of tagged) c.inline.take(el, 'relax', INLINE);
          else c.inline.release('relax');
        });
      }
      c.flag(RELAX, needed ? '' : null);
    },
    remove() {
      unfollow?.();
      ctx?.inline.release('relax');
      relaxed = false;
      for (const el of tagged) el.removeAttribute(FIX);
      tagged.length = 0;
      style?.remove();
      ctx?.flag(RELAX, null);
      style = ctx = plan = unfollow = undefined;
      sheetsRead = -1;
    },
  };
}
