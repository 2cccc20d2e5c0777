/**
 * What is left of the site's own reading tools once the engine takes them over: its read-aloud button ("Đọc
 * bài", which the toolbar's "Đọc to" replaces), and the labels and separators around its size and contrast
 * links ("Cỡ chữ:", "Tương phản:", a lone "|"), which would otherwise stand there with nothing after them.
 */
import { isOwn, shortText } from '../dom.js';
import type { Article } from '../types.js';

/** Script-driven controls: the site's tools never navigate to another page. */
const CONTROLS = 'a:not([href]), a[href^="javascript" i], a[href^="#"], a[href=""], [onclick], button, [role="button"], input[type="button"]';
const READ_CODE = /read[-_]?arti|readarticle|speak|\btts\b|text[-_]?to[-_]?speech|responsivevoice|doc[-_]?bai|nghe[-_]?doc/i;
const READ_WORDS = /^(đọc bài( viết)?|nghe (đọc|bài( viết)?|tin)|đọc tin|đọc to|nghe|listen|read aloud|read this article)$/i;
/** Text that only labels or separates tools. */
const FURNITURE = /^[\s|/·•:–—-]*((cỡ chữ|kích (cỡ|thước) chữ|tương phản|độ tương phản|màu (chữ|nền)|font( size)?|text size|contrast|size)\s*:?)?[\s|/·•:–—-]*$/i;

/** The site's own read-aloud controls (outside the article's text). */
export function siteReadAloud(doc: Document, article: Article): Element[] {
  const out: Element[] = [];
  for (const el of doc.querySelectorAll(CONTROLS)) {
    if (isOwn(el) || (article.body !== article.root && article.body.contains(el))) continue;
    const code = `${el.getAttribute('class') ?? ''} ${el.getAttribute('onclick') ?? ''} ${el.getAttribute('href') ?? ''} ${el.id}`;
    const text = shortText(el, 30) || `${el.getAttribute('title') ?? ''}`.trim();
    if (READ_CODE.test(code) ? READ_WORDS.test(text) || !text : READ_WORDS.test(text)) out.push(el);
  }
  return out;
}

/**
 * Boxes around the hidden `tools` that hold nothing else than labels and separators, and such boxes next to
 * them: hidden too, so that nothing of the site's tools is left standing. Never a box with the article in it.
 */
export function furnitureAround(tools: Element[], article: Article): Element[] {
  const hidden = new Set(tools);
  const keep = (el: Element) => el.contains(article.body) || el.contains(article.root) || el === el.ownerDocument.body;
  /** Whether what `el` shows, once the hidden tools are left out, is only labels and separators. */
  const furniture = (el: Element, depth = 0): boolean => {
    if (hidden.has(el)) return true;
    if (depth > 3 || keep(el) || el.querySelector('img, input, select, textarea, iframe, video, svg')) return false;
    for (let n = el.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 3 && !FURNITURE.test(n.nodeValue ?? '')) return false;
      if (n.nodeType === 1 && !furniture(n as Element, depth + 1)) return false;
    }
    return true;
  };
  const added: Element[] = [];
  const add = (el: Element) => {
    if (hidden.has(el)) return;
    hidden.add(el);
    added.push(el);
  };
  for (const tool of tools) {
    // Up: a box that held only the tools and their labels goes with them.
    let box = tool;
    for (let p = tool.parentElement; p && !keep(p) && furniture(p); p = p.parentElement) {
      add(p);
      box = p;
    }
    // Beside: labels and separators next to what was hidden ("Tương phản:", "|").
    for (const step of ['previousElementSibling', 'nextElementSibling'] as const) {
      // Only boxes that show something: an empty one (a float-clearing div) is layout, not a leftover.
      for (let s = box[step]; s && !isOwn(s) && !keep(s) && (hidden.has(s) || (furniture(s) && /\S/.test(s.textContent ?? ''))); s = s[step]) add(s);
    }
  }
  return added;
}
