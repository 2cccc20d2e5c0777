/**
 * Which elements the text zoom is put on, and how much each must grow to reach the minimum text size. Shared by
 * the font-scale transform and the first-paint stage, which must tag the page the same way.
 *
 * Text is enlarged with CSS `zoom` on the outermost text blocks (paragraphs, headings, list items…) and on the
 * outermost elements that hold text outside any such block (a `<div>` date line, a rich-text editor's
 * `<div><span>` paragraph): an auto-width block still fits its column, everything inside it grows alike
 * whatever its unit or `!important`, and `getComputedStyle().fontSize` keeps the page's own size, so the page
 * can be measured while it is enlarged.
 */
import { HTML_NS, NON_TEXT, OWN } from '../dom.js';

/** Outermost elements of these kinds are zoomed by a selector alone (no tag, nothing to measure). */
export const BLOCK_TAGS = ['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'dd', 'dt', 'blockquote', 'figcaption', 'pre', 'caption', 'address', 'legend', 'summary', 'label'];
const BLOCKS = new Set(BLOCK_TAGS.map((t) => t.toUpperCase()));
/** An element that holds text outside every block: zoomed by this tag. */
export const ZOOM_TAG = 'data-ar-z';
/** How much a zoomed element grows beyond the scale to reach the minimum size: `data-ar-boost="1.45"`. */
export const BOOST_TAG = 'data-ar-boost';
/** Boosts are rounded up to this step, so that a few rules cover every page. */
const STEP = 0.05;
export const MAX_BOOST = 3;

/** Elements that lay out blocks: a text holder containing one is a container, not a line of text. */
const CONTAINERS = 'div,table,ul,ol,dl,section,article,nav,aside,header,footer,form,main,figure';
/** A container whose own text is at least this long is running text (an old editor's `<br>` paragraphs). */
const RUNNING_TEXT = 40;

const BLOCK_LIST = BLOCK_TAGS.join(',');
/** Outermost blocks and outermost tagged holders, outside the engine's own nodes. */
export const ZOOMED_SELECTOR =
  `:is(${BLOCK_LIST}):not(:is(${BLOCK_LIST},[${ZOOM_TAG}],[${OWN}]) *):not([${OWN}]),` +
  `[${ZOOM_TAG}]:not(:is(${BLOCK_LIST},[${ZOOM_TAG}],[${OWN}]) *)`;

/** Boost values that rules exist for: 1.05, 1.1 … 3. */
export const BOOSTS: readonly string[] = Array.from({ length: Math.round((MAX_BOOST - 1) / STEP) }, (_, i) => round(1 + (i + 1) * STEP));

function round(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/** Length of the text directly inside `el` (not in its children). */
function ownTextLength(el: Element): number {
  let n = 0;
  for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === 3) n += (c.nodeValue ?? '').trim().length;
  return n;
}

export interface Found {
  /** Outermost blocks (zoomed by selector). */
  blocks: Element[];
  /** Outermost text holders outside blocks (to tag). */
  holders: Element[];
}

/**
 * Walks `root` (document order, without callbacks into the page) and collects the elements the zoom applies
 * to. Subtrees of a block or a holder are not entered: what is inside grows with them.
 */
export function findZoomed(root: Element, out: Found = { blocks: [], holders: [] }): Found {
  const visit = (el: Element): void => {
    if (el.namespaceURI !== HTML_NS || NON_TEXT.has(el.tagName) || el.hasAttribute(OWN)) return;
    if (BLOCKS.has(el.tagName)) {
      out.blocks.push(el);
      return;
    }
    if (el.hasAttribute(ZOOM_TAG)) {
      out.holders.push(el);
      return;
    }
    const own = ownTextLength(el);
    // <body> and <html> are never zoomed as a whole: a fixed-width page would become twice as wide.
    if (own > 0 && el.tagName !== 'BODY' && el.tagName !== 'HTML' && (own >= RUNNING_TEXT || !el.querySelector(CONTAINERS))) {
      out.holders.push(el);
      return;
    }
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) visit(c);
  };
  visit(root);
  return out;
}

/** Whether `el` is inside (or is) an element the zoom already applies to. */
export function insideZoomed(el: Element): boolean {
  for (let a: Element | null = el; a; a = a.parentElement) if (BLOCKS.has(a.tagName) || a.hasAttribute(ZOOM_TAG)) return true;
  return false;
}

/**
 * The size most of the text in `el` is written in, in px at the page's own scale: the computed size of the
 * element around each text run, weighted by its length (a paragraph of 13px spans inside a 16px `<p>` reads as
 * 13px). Null when `el` has no visible text.
 */
export function dominantTextPx(el: Element, win: Window): number | null {
  const weight = new Map<number, number>();
  const sizes = new Map<Element, number>();
  const walk = (node: Element): void => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) {
        const len = (c.nodeValue ?? '').trim().length;
        if (!len) continue;
        let px = sizes.get(node);
        if (px === undefined) sizes.set(node, (px = parseFloat(win.getComputedStyle(node).fontSize)));
        if (px > 0) weight.set(px, (weight.get(px) ?? 0) + len);
      } else if (c.nodeType === 1 && !NON_TEXT.has((c as Element).tagName)) walk(c as Element);
    }
  };
  walk(el);
  let best: number | null = null;
  let most = 0;
  for (const [px, n] of weight) if (n > most) [best, most] = [px, n];
  return best;
}

/** The boost that takes text of `px` to at least `min` px, rounded up to a step; null when none is needed. */
export function boostFor(px: number | null, min: number): string | null {
  if (!px || !min || px >= min) return null;
  const steps = Math.ceil((min / px - 1) / STEP - 1e-9);
  return round(Math.min(MAX_BOOST, 1 + steps * STEP));
}
