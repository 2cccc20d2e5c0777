/**
 * The pieces of an article page around its body that extraction treats apart: the title element, the lead
 * (sapo), the source line, and pictures placed between the title and the body.
 */
import { namesSomeoneElse, shown, textBefore } from '../adapters/metadata.js';
import { inTeaser } from '../adapters/teasers.js';
import { inFigure, isOwn, nextAfter, shortText, textOf } from '../dom.js';

/** Class, id or itemprop names that editors give the lead paragraph. */
const LEAD_NAME = /brief|sapo|abstract|hometext|summary|description|excerpt|chapeau|tomtat|tom-tat|trichyeu|trich-yeu|teaser|standfirst|(?:^|[\s_-])(?:lead|intro|desc|mota|mo-ta)(?:$|[\s_-])/i;
const SOURCE_LINE = /^nguồn(?:\s+tin)?\s*:\s*(.{2,120})$/i;

const before = (a: Node, b: Node) => (a.compareDocumentPosition(b) & 4) !== 0;

/**
 * The text of `el` (whitespace collapsed) when it has at most `max` characters, else '': the walk stops as soon
 * as it is longer, so asking this of a wrapper of the whole page costs no more than of a heading.
 */
function textUpTo(el: Element, max: number): string {
  let out = '';
  for (let n: Node | null = el.firstChild; n; ) {
    if (n.nodeType === 3 && (out += (n as Text).data).length > max * 2 + 200) return '';
    if (n.nodeType === 1 && n.firstChild && !/^(script|style|template)$/.test((n as Element).localName)) n = n.firstChild;
    else n = nextAfter(n, el);
  }
  const t = out.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : '';
}

/** Class names old layouts give the title they set in a styled <b>, <span> or <div> ("tieude" is Vietnamese). */
const TITLE_CLASS = '[class*="title" i], [class*="tieude" i], [class*="tieu-de" i], [class*="headline" i]';

/**
 * A page with no h1 or h2 near its text (an old table layout): the last element named as a title that comes
 * before the body's text (in the body, under a breadcrumb at most, or just before it), holding a line of text
 * and no link.
 */
export function styledTitle(body: Element): Element | undefined {
  const box = body.parentElement?.parentElement ?? body;
  let found: Element | undefined;
  for (const el of box.querySelectorAll(TITLE_CLASS)) {
    if (el.contains(body) || isOwn(el) || el.closest('a, nav, footer') || el.querySelector('a, p, div, table')) continue;
    const inBody = body.contains(el);
    if (!inBody && !(el.compareDocumentPosition(body) & 4)) break;
    if (inBody && textBefore(body, el) > 200) break;
    const length = textOf(el).length;
    if (length >= 10 && length <= 200 && shown(el)) found = el;
  }
  return found;
}

/** The heading that shows `title` in `root` (or anywhere in the document), else the element whose text it is. */
export function titleElement(doc: Document, root: Element, title: string): Element | undefined {
  const pick = (scope: ParentNode) =>
    [...scope.querySelectorAll('h1, h2, h3, [itemprop="headline"], [class*="title" i]')].find((h) => h.localName !== 'meta' && textUpTo(h, title.length) === title && !isOwn(h));
  const found = pick(root) ?? pick(doc);
  if (found || !doc.body) return found;
  // A styled <span> or <div> holding the title as its only text.
  const walker = doc.createTreeWalker(doc.body, 4);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (el && (n.nodeValue ?? '').trim() === title && textOf(el) === title && !isOwn(el) && !el.closest('title, script, a')) return el;
  }
  return undefined;
}

const AUTHOR = '[rel="author"], .author, .byline, .vcard .fn, [class*="author" i]';
/** An author named by markup only (`.byline .author`, `rel=author`), without "bởi" / "by", and its element. */
export function findAuthor(root: Element): { name: string; el: Element } | undefined {
  for (const el of root.querySelectorAll(AUTHOR)) {
    const name = textOf(el).replace(/^(?:bởi|by|tác giả|người viết)\s*:?\s*/i, '');
    if (name.length >= 2 && name.length <= 60 && !/\d{3,}/.test(name) && !isOwn(el) && !namesSomeoneElse(el, root) && !inTeaser(el) && shown(el)) return { name, el };
  }
  return undefined;
}

/**
 * Whether a block of prose (a paragraph of 80+ characters with punctuation) of `body` comes before a given element
 * of it, outside it. Asked for each lead-named box of the text in document order, it reads each block's text at
 * most once: a page whose CSS modules name 94 boxes `_summary_…` paid a pass over the body's text for each (45 ms).
 */
function proseBefore(body: Element): (el: Element) => boolean {
  let blocks: Element[] | undefined;
  let next = 0;
  const prose: Element[] = [];
  return (el) => {
    // Prose blocks found so far first (in document order): the first not around `el` answers.
    for (const p of prose) {
      if (!before(p, el)) return false;
      if (!p.contains(el)) return true;
    }
    blocks ??= [...body.querySelectorAll('p, div, h2, h3, li')];
    while (next < blocks.length && before(blocks[next]!, el)) {
      const p = blocks[next++]!;
      const t = textOf(p);
      if (t.length < 80 || !/[.,;!?](?:\s|$)/.test(t)) continue;
      prose.push(p);
      if (!p.contains(el)) return true;
    }
    return false;
  };
}

/**
 * The lead: an element named like a lead (`.brief`, `.sapo`, `.hometext`, `#divArticleDescription`,
 * `[itemprop=description]`) with 30-1,200 characters, in the article before the body or as its first block.
 */
export function findLead(root: Element, body: Element, skip: (el: Element) => boolean): Element | undefined {
  let bodyLength: number | undefined;
  const earlierProse = proseBefore(body);
  for (const el of root.querySelectorAll('[class], [id], [itemprop="description"]')) {
    // The name first: it rules out almost every element, and costs no layout query.
    const names = `${el.getAttribute('class') ?? ''} ${el.id} ${el.getAttribute('itemprop') ?? ''}`;
    // A photo's caption ("…-caption-description") says what the photo shows, not what the article says.
    if (!LEAD_NAME.test(names) || inFigure(el)) continue;
    // Only a lead a reader can see: themes keep a hidden copy of the title as itemprop=description.
    if (el.localName === 'meta' || isOwn(el) || skip(el) || el.contains(body) || !shown(el)) continue;
    const len = textUpTo(el, 1200).length;
    // A lead is a paragraph or two: not a header holding the title, not a box of paragraphs.
    if (len < 30 || el.querySelectorAll('p').length > 3 || el.querySelector('h1, h2')) continue;
    if (body.contains(el)) {
      // Inside the body only as its first prose (no paragraph of text comes before it), never most of it.
      if (len > (bodyLength ??= textOf(body).length) / 2) continue;
      // (Prose: sentences, not the title, a date line or a meta line that may come first.)
      if (earlierProse(el)) continue;
    } else if (!before(el, body)) continue;
    return el;
  }
  return undefined;
}

/** A short "Nguồn: …" / "Nguồn tin: …" line in the article, and the source it names. */
export function findSource(root: Element): { el: Element; name: string } | undefined {
  for (const el of root.querySelectorAll('p, div, span')) {
    // Bounded: a big block costs no more than a short one.
    const t = shortText(el, 130);
    if (!t || el.querySelector('p, div')) continue;
    const m = SOURCE_LINE.exec(t);
    if (m) return { el, name: m[1]!.trim() };
  }
  return undefined;
}

/** Pictures (figures, or images shown at 100 px or more) between the title and the body, outside it. */
export function picturesBeforeBody(root: Element, body: Element, skip: (el: Element) => boolean): Element[] {
  const out: Element[] = [];
  for (const el of root.querySelectorAll('figure, img')) {
    if (body.contains(el) || !before(el, body) || skip(el) || isOwn(el) || out.some((o) => o.contains(el))) continue;
    if (el.localName === 'img') {
      const w = Number(el.getAttribute('width')) || (el as HTMLImageElement).width || 0;
      if (w < 100) continue;
    }
    out.push(el);
  }
  return out;
}
