/**
 * Builds a clean copy of article markup: only elements and attributes known to be harmless, made with
 * createElement/createTextNode in an inert document (never innerHTML), so nothing the page wrote can run,
 * style or track. Text nodes remember the page's text node they were copied from, for highlighting on the page.
 */

import { baseOf, hiddenByClass, nextAfter, stylesMissing } from '../dom.js';

const words = (s: string) => s.split(' ');
/** Allowed elements and their allowed attributes (`lang` and `dir` are allowed on all of them). */
const KEEP: Record<string, readonly string[]> = { ol: ['start', 'reversed'], th: ['colspan', 'rowspan', 'scope'], td: ['colspan', 'rowspan'], abbr: ['title'] };
for (const tag of words('p h2 h3 h4 h5 h6 ul li dl dt dd blockquote pre figure figcaption hr table caption thead tbody tfoot tr strong b em i u s sub sup br code mark small q cite')) KEEP[tag] ??= [];
/** Elements dropped with everything inside them. */
const DROP = new Set(
  words('script style noscript template iframe frame object embed form input button select textarea option nav aside svg math canvas video audio source map link meta head title dialog menu amp-sidebar amp-social-share amp-ad ins'),
);
/** Containers whose own box is dropped: a block of inline content becomes a paragraph, others are unwrapped. */
const CONTAINERS = new Set(words('div section article main header footer center address hgroup details summary'));
const HEADINGS = new Set(words('h1 h2 h3 h4 h5 h6'));
/** Blocks that start a new line when found inside phrasing content (where they are unwrapped). */
const LINE_BREAKING = new Set(words('p div section article header footer h1 h2 h3 h4 h5 h6 li dt dd ul ol dl blockquote figure figcaption address center main'));
/** Elements that hold only phrasing content: a container inside them is unwrapped, not made a paragraph. */
const PHRASING = new Set(words('p h2 h3 h4 h5 h6 pre dt caption figcaption'));
const BLOCK_SELECTOR = 'p,div,section,article,h1,h2,h3,h4,h5,h6,ul,ol,dl,table,blockquote,pre,figure,hr,li,header,footer,address,center';
const NUMBER = /^\d{1,5}$/;

/** http(s) URL of `value` resolved against `base`, or undefined (javascript:, data:, mailto:, fragments…). */
export function safeUrl(value: string | null | undefined, base: string): string | undefined {
  const v = value?.trim();
  if (!v || v.startsWith('#')) return undefined;
  try {
    const url = new URL(v, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Work limits shared by every step of one extraction. */
export interface Budget {
  nodes: number;
  readonly maxNodes: number;
  readonly deadline: number;
  cut?: 'timeout' | 'too-large';
}

export const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** Counts one node; false once the element cap or the time limit is reached (checked every 128 nodes). */
export function spend(budget: Budget): boolean {
  if (budget.cut) return false;
  if (++budget.nodes > budget.maxNodes) budget.cut = 'too-large';
  else if ((budget.nodes & 127) === 0 && now() > budget.deadline) budget.cut = 'timeout';
  return !budget.cut;
}

/** A table used for layout (old portals wrap whole articles in them): its cells are unwrapped. */
function isLayoutTable(t: Element): boolean {
  if (t.getAttribute('role') === 'presentation' || t.querySelector('table')) return true;
  let widest = 0;
  for (const row of t.querySelectorAll('tr')) widest = Math.max(widest, row.children.length);
  if (widest <= 1) return true;
  for (const cell of t.querySelectorAll('td, th')) if ((cell.textContent ?? '').length > 400) return true;
  return false;
}

/**
 * A form around paragraphs of prose is the page's wrapper, not a form to fill in: ASP.NET WebForms pages hold the
 * whole page, article and all, in one `<form>`. (A comment or newsletter form's notes are a line or two.)
 */
function wrapsProse(form: Element): boolean {
  let paragraphs = 0;
  for (const p of form.querySelectorAll('p')) if ((p.textContent ?? '').trim().length >= 80 && !p.querySelector('input, textarea, select') && ++paragraphs >= 2) return true;
  return false;
}

export class Cleaner {
  /** Inert document: images do not load and nothing upgrades while the copy is built. */
  readonly out: Document;
  /** Clean text node -> the page's text node it copies. */
  readonly origin = new Map<Text, Text>();
  /** Nodes before this one (the title inside the body) are not the article: a column before it, a date line. */
  private startAt: Node | undefined;

  private readonly base: string;
  /** The page's stylesheets did not load: class names that hide are read as they would have been. */
  private readonly classHides: boolean;

  constructor(
    doc: Document,
    private readonly budget: Budget,
    /** Source elements left out: title, lead, byline, the site's widgets, clutter. */
    private readonly skip: (el: Element) => boolean,
    /** The source document has a window: hidden elements (display:none) are left out too. */
    private readonly live: boolean,
  ) {
    this.base = baseOf(doc);
    this.classHides = stylesMissing(doc);
    this.out = doc.implementation.createHTMLDocument('');
  }

  /** Leaves out everything before `node` in document order (the walk is in that order). */
  startFrom(node: Node | undefined): this {
    this.startAt = node;
    return this;
  }

  /** A new `<article>` holding the clean copy of each of `sources`, in order. */
  article(sources: Node[], into: Element = this.out.createElement('article')): Element {
    for (const s of sources) {
      const tag = s.nodeType === 1 ? (s as Element).localName : '';
      // A body that is a cell or a row of a layout table (old portals) is a box, not a table of the article's: its
      // cells' content only, so that loose lines in it (a date line) become paragraphs of their own.
      if (tag === 'td' || tag === 'th') this.cell(s as Element, into, false);
      else if (tag === 'tr' || tag === 'tbody' || tag === 'thead' || tag === 'tfoot') this.cells(s as Element, (s as Element).closest('table'), into, false);
      else this.node(s, into, false);
    }
    this.paragraphs(into);
    return into;
  }

  private make(tag: string, from: Element): Element {
    const el = this.out.createElement(tag);
    for (const name of ['lang', 'dir', ...(KEEP[tag] ?? [])]) {
      const v = from.getAttribute(name);
      if (v === null) continue;
      if ((name === 'colspan' || name === 'rowspan' || name === 'start') && !NUMBER.test(v.trim())) continue;
      if (name === 'dir' && !/^(ltr|rtl|auto)$/i.test(v)) continue;
      if (name === 'scope' && !/^(row|col|rowgroup|colgroup)$/i.test(v)) continue;
      el.setAttribute(name, v.trim().slice(0, 200));
    }
    return el;
  }

  private hidden(el: Element): boolean {
    if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true' || el.hasAttribute('data-ar-own')) return true;
    if (this.classHides && hiddenByClass(el)) return true;
    if (!this.live) return /display\s*:\s*none/i.test(el.getAttribute('style') ?? '');
    const view = el.ownerDocument.defaultView;
    if (!view) return false;
    const cs = view.getComputedStyle(el);
    return cs.display === 'none' || cs.visibility === 'hidden';
  }

  private children(src: Node, parent: Element, phrasing: boolean): void {
    for (let c = src.firstChild; c; c = c.nextSibling) this.node(c, parent, phrasing);
  }

  private node(src: Node, parent: Element, phrasing: boolean): void {
    if (!spend(this.budget)) return;
    if (this.startAt) {
      if (src === this.startAt) this.startAt = undefined;
      else if (!src.contains(this.startAt)) return;
    }
    if (src.nodeType === 3) {
      const text = this.out.createTextNode((src as Text).data);
      this.origin.set(text, src as Text);
      parent.append(text);
      return;
    }
    if (src.nodeType !== 1) return;
    const el = src as Element;
    const tag = el.localName.toLowerCase();
    if ((DROP.has(tag) && !(tag === 'form' && wrapsProse(el))) || this.skip(el) || this.hidden(el)) {
      // The start mark inside a part left out: the article starts after that part.
      if (this.startAt && el.contains(this.startAt)) this.startAt = undefined;
      return;
    }
    if (tag === 'img' || tag === 'amp-img') return this.image(el, parent);
    if (tag === 'a') {
      const href = safeUrl(el.getAttribute('href'), this.base);
      if (!href) return this.children(el, parent, phrasing);
      const a = this.make('a', el);
      a.setAttribute('href', href);
      return this.keep(a, el, parent, true);
    }
    if (phrasing && LINE_BREAKING.has(tag)) return this.unwrapLine(el, parent);
    if (HEADINGS.has(tag)) {
      return this.keep(this.make(tag === 'h1' ? 'h2' : tag, el), el, parent, true);
    }
    if (tag === 'table' && isLayoutTable(el)) return this.cells(el, el, parent, phrasing);
    if (tag in KEEP) {
      // A block inside a paragraph (invalid, but editors write it) keeps only its content.
      if (phrasing && !(tag in INLINE)) return this.children(el, parent, true);
      return this.keep(this.make(tag, el), el, parent, phrasing || PHRASING.has(tag));
    }
    if (CONTAINERS.has(tag) && !phrasing && !el.querySelector(BLOCK_SELECTOR)) {
      return this.keep(this.make('p', el), el, parent, true);
    }
    // span, font, unknown elements, containers of blocks: their content only.
    this.children(el, parent, phrasing);
  }

  /**
   * A block inside phrasing content (a teaser link holding a label and a headline, a heading in a paragraph) keeps
   * only its content, on a line of its own: its words must not run into the next block's ("quan tâmBến phà").
   */
  private unwrapLine(el: Element, parent: Element): void {
    const last = parent.lastChild;
    if (last && (last.nodeType !== 1 || (last as Element).localName !== 'br') && hasContent(parent, false)) parent.append(this.out.createElement('br'));
    this.children(el, parent, true);
  }

  /** The cells of `table` under `scope` (not those of tables nested in them), each as `cell()` takes it. */
  private cells(scope: Element, table: Element | null, parent: Element, phrasing: boolean): void {
    for (const cell of scope.querySelectorAll('td, th')) if (cell.closest('table') === table) this.cell(cell, parent, phrasing);
  }

  /** A cell of a layout table: its content only (a paragraph when inline), under the same rules as any element (start mark, skip, hidden). */
  private cell(cell: Element, parent: Element, phrasing: boolean): void {
    const start = this.startAt;
    if (start && cell !== start && !cell.contains(start)) return;
    if (cell === start) this.startAt = undefined;
    if (this.skip(cell) || this.hidden(cell)) {
      if (this.startAt && cell.contains(this.startAt)) this.startAt = undefined;
      return;
    }
    // A cell of inline content is a paragraph of its own, as a <div> would be: the cells of a list laid out
    // as a one-column table must not run together into one line.
    if (!phrasing && !cell.querySelector(BLOCK_SELECTOR)) return this.keep(this.make('p', cell), cell, parent, true);
    this.children(cell, parent, phrasing);
  }

  /** Fills `made` from `el` and keeps it unless it ends up empty. */
  private keep(made: Element, el: Element, parent: Element, phrasing: boolean): void {
    if (made.localName === 'br' || made.localName === 'hr') {
      parent.append(made);
      return;
    }
    this.children(el, made, phrasing);
    const tag = made.localName;
    if (tag !== 'td' && tag !== 'th' && tag !== 'tr' && !hasContent(made)) return;
    parent.append(made);
  }

  private image(el: Element, parent: Element): void {
    const lazy = ['data-src', 'data-original', 'data-lazy-src', 'src'].map((a) => safeUrl(el.getAttribute(a), this.base)).find(Boolean);
    if (!lazy) return;
    const w = el.getAttribute('width') ?? '';
    const h = el.getAttribute('height') ?? '';
    // Icons and spacers are not part of the article.
    if (NUMBER.test(w) && NUMBER.test(h) && Number(w) <= 32 && Number(h) <= 32) return;
    const img = this.out.createElement('img');
    img.setAttribute('src', lazy);
    img.setAttribute('alt', (el.getAttribute('alt') ?? '').replace(/\s+/g, ' ').trim().slice(0, 500));
    if (NUMBER.test(w)) img.setAttribute('width', w);
    if (NUMBER.test(h)) img.setAttribute('height', h);
    parent.append(img);
  }

  /** Loose text and inline elements directly in the article are grouped into paragraphs. */
  private paragraphs(root: Element): void {
    let run: Element | null = null;
    for (const child of [...root.childNodes]) {
      const inline = child.nodeType === 3 || (child.nodeType === 1 && (child as Element).localName in INLINE);
      if (!inline) {
        run = null;
        continue;
      }
      if (!run) {
        if (child.nodeType === 3 && !/\S/.test(child.nodeValue ?? '')) {
          child.remove();
          continue;
        }
        run = this.out.createElement('p');
        root.insertBefore(run, child);
      }
      run.append(child);
    }
  }
}

/**
 * Whether a copy holds words, or a picture unless `pictures` is false. Walks to the first of either rather than
 * reading its text whole: asked of every element kept, a nested one's text would be read again at each level above
 * it; asked for each line of a block made of <div> lines, the whole copy's (4,000 lines: 1 s).
 */
function hasContent(el: Element, pictures = true): boolean {
  let n: Node | null = el.firstChild;
  while (n) {
    if (n.nodeType === 3 ? /\S/.test(n.nodeValue!) : pictures && (n as Element).localName === 'img') return true;
    if (n.firstChild) {
      n = n.firstChild;
      continue;
    }
    n = nextAfter(n, el);
  }
  return false;
}

/** Phrasing elements the cleaner makes (as a lookup object, like KEEP). */
const INLINE: Record<string, true> = Object.fromEntries(words('a strong b em i u s sub sup br code mark small q cite abbr img').map((t) => [t, true]));
