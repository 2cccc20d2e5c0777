import { bodyOf, commonAncestor, inFigure, isElement, isOwn, nextAfter, OWN, query, queryAll, rootOf, shortText, textOf, titleOf, viewOf } from '../dom.js';
import { WORDS } from '../letters.js';
import { hiddenByMarkup, inComments } from './prose.js';
import { inTeaser } from './teasers.js';

/** "By" / "Bởi" before an author's name. */
export const BY = /^(?:by|bởi)\s+/i;

/** What schema.org JSON-LD says about the article, when the page has it. */
export interface JsonLdArticle {
  headline?: string;
  datePublished?: string;
  author?: string;
  articleBody?: string;
}

const ARTICLE_TYPES = /^(NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|BlogPosting|Report|WebPageElement)$/;

/** The first article object in the page's JSON-LD scripts (including `@graph` and arrays). */
export function readJsonLd(doc: Document): JsonLdArticle | undefined {
  for (const script of queryAll(doc, 'script[type="application/ld+json" i]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    const queue: unknown[] = [data];
    while (queue.length) {
      const item = queue.shift();
      if (Array.isArray(item)) queue.push(...item);
      else if (item && typeof item === 'object') {
        const o = item as Record<string, unknown>;
        if (Array.isArray(o['@graph'])) queue.push(...o['@graph']);
        const types = ([] as unknown[]).concat(o['@type']);
        if (types.some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t))) {
          const str = (v: unknown) => (typeof v === 'string' ? v.trim() : undefined);
          const authors = ([] as unknown[]).concat(o.author ?? []);
          const author = authors
            .map((a) => str(a) ?? (a && typeof a === 'object' ? str((a as Record<string, unknown>).name) : undefined))
            .filter(Boolean)
            .join(', ')
            // "By STEVE PEOPLES, AP National Political Writer": the reader labels the name itself.
            .replace(BY, '');
          return { headline: str(o.headline) ?? str(o.name), datePublished: str(o.datePublished), author: author || undefined, articleBody: str(o.articleBody) };
        }
      }
    }
  }
  return undefined;
}

const pad = (n: number | string) => String(n).padStart(2, '0');

/** ISO date (and time) from an ISO-like string: `2024-10-10T16:05:00+07:00` -> `2024-10-10T16:05`. */
export function isoDate(value: string | null | undefined): string | undefined {
  const m = /(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/.exec(value ?? '');
  // A CMS's empty date ("0001-01-01T00:00:00") is no date.
  if (!m || Number(m[1]) < 1900) return undefined;
  return m[4] ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}` : `${m[1]}-${m[2]}-${m[3]}`;
}

/**
 * A date written the Vietnamese way: `16/10/2024`, `Thứ tư, 16/10/2024 | 09:12`, `Ngày 12/10/2025`,
 * `16/10/2024 09:30 SA`, `ngày 12 tháng 10 năm 2025`. Day first, always.
 */
export function vietnameseDate(text: string): string | undefined {
  // SA/CH (AM/PM) only as a word of its own: "09:12 Chính phủ…" is 9 in the morning. The letters that can follow
  // are Latin ones (Vietnamese's are in Latin-1, Extended-A/B and Extended Additional): no \p{L}, whose class costs
  // a millisecond to build on a page's first extraction (see letters.ts).
  let m = /(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[^\d]{0,6}?(\d{1,2})\s*[:hg]\s*(\d{2})(?:\s*(SA|CH|AM|PM)(?![0-9a-z\u00c0-\u024f\u1e00-\u1eff]))?)?/i.exec(text);
  let day: number, month: number, year: string;
  let time = '';
  if (m) {
    [day, month, year] = [Number(m[1]), Number(m[2]), m[3]!];
    if (m[4]) {
      let h = Number(m[4]);
      if (/CH|PM/i.test(m[6] ?? '') && h < 12) h += 12;
      if (/SA|AM/i.test(m[6] ?? '') && h === 12) h = 0;
      if (h < 24 && Number(m[5]) < 60) time = `T${pad(h)}:${m[5]}`;
    }
  } else {
    m = /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/i.exec(text);
    if (!m) return undefined;
    [day, month, year] = [Number(m[1]), Number(m[2]), m[3]!];
  }
  // The time written before the date ("14:30 | 27/08/2025", as some portals print it).
  const before = !time && /(\d{1,2})\s*[:h]\s*(\d{2})\s*[|,-]?\s*(?:(?:thứ\s+\S+|chủ nhật)\s*[,-]?\s*)?(?:ngày\s*)?$/i.exec(text.slice(0, m.index));
  if (before && Number(before[1]) < 24 && Number(before[2]) < 60) time = `T${pad(before[1]!)}:${before[2]}`;
  if (day < 1 || day > 31 || month < 1 || month > 12) return undefined;
  return `${year}-${pad(month)}-${pad(day)}${time}`;
}

/** English month names and their short forms, in order. */
export const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** A month's name or short form ("November", "Nov.", "Sept"). */
export const MONTH_NAME = /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)$/i;

/** A date written with the month's English name: "November 20th, 2019", "Nov. 19, 2019", "20 November 2019". */
export function writtenDate(text: string): string | undefined {
  const words = text.match(WORDS) ?? [];
  for (let i = 0; i < words.length; i++) {
    if (!MONTH_NAME.test(words[i]!)) continue;
    const month = MONTHS.indexOf(words[i]!.slice(0, 3).toLowerCase()) + 1;
    // Month, day, year ("November 20th, 2019") or day, month, year ("20 November 2019").
    const [day, year] = /^\d{1,2}(?:st|nd|rd|th)?$/i.test(words[i + 1] ?? '') ? [words[i + 1]!, words[i + 2]] : [words[i - 1] ?? '', words[i + 1]];
    const d = Number.parseInt(day, 10);
    if (d >= 1 && d <= 31 && /^(?:19|20)\d{2}$/.test(year ?? '')) return `${year}-${pad(month)}-${pad(d)}`;
  }
  return undefined;
}

/** Elements whose text a reader never sees. */
const NOT_SHOWN = new Set(['script', 'style', 'noscript', 'template']);

/** Text nodes of `scope` that are not inside `skip`, in document order, up to `limit` characters. */
function textOutside(scope: Element, skip: Element | null, limit = 2000): string {
  if (skip?.contains(scope)) return '';
  // A walk by hand, not a TreeWalker with a filter: a filter is a callback the page's realm may refuse to run
  // (pages with scripts disabled). `skip` is passed over whole, so the article text is never walked.
  let out = '';
  for (let n: Node | null = scope.firstChild; n && out.length < limit; ) {
    if (n.nodeType === 3) out += ` ${n.nodeValue}`;
    // Another story's teaser (its date, its author) says nothing of this article.
    const enter = n.nodeType === 1 && n !== skip && !NOT_SHOWN.has((n as Element).localName) && !(n as Element).hasAttribute(OWN) && !((n as Element).localName === 'li' && inTeaser(n as Element));
    if (enter && n.firstChild) n = n.firstChild;
    else n = nextAfter(n, scope);
  }
  return out;
}

/**
 * The publication date. What the reader sees near the title decides the day when the page shows one; the
 * page's metadata (JSON-LD, itemprop, meta tags, <time>) gives the time when it agrees, or the date when none
 * is shown.
 */
export function findPublished(doc: Document, root: Element, body: Element, ld?: JsonLdArticle): string | undefined {
  const meta = metaDate(doc, root, ld);
  const seen = shownDate(doc, root, body);
  return seen && meta?.slice(0, 10) !== seen.slice(0, 10) ? seen : meta ?? seen;
}

/**
 * The date the page's metadata gives (hidden fields included): JSON-LD, itemprop, meta tags, <time>, first found
 * first; with the time of a later one when the first has none and they agree on the day.
 */
function metaDate(doc: Document, root: Element, ld?: JsonLdArticle): string | undefined {
  // Not the dates of the teasers of other stories listed around the article.
  // (The document through dom.ts: a page's <img name="querySelectorAll"> shadows its own.)
  const first = (found: Iterable<Element>) => [...found].find((el) => !inTeaser(el));
  const prop = first(root.querySelectorAll('[itemprop="datePublished"]')) ?? first(queryAll(doc, '[itemprop="datePublished"]'));
  const meta = query(doc, 'meta[property="article:published_time"], meta[name="pubdate"], meta[name="publishdate"], meta[name="date"]');
  const found = [
    isoDate(ld?.datePublished),
    prop ? isoDate(prop.getAttribute('content') ?? prop.getAttribute('datetime') ?? prop.textContent) ?? vietnameseDate(prop.textContent ?? '') : undefined,
    isoDate(meta?.getAttribute('content')),
    isoDate(first(root.querySelectorAll('time[datetime]'))?.getAttribute('datetime')),
  ].filter((d): d is string => !!d);
  const day = found[0];
  return day && (day.length > 10 ? day : found.find((d) => d.length > 10 && d.startsWith(day)) ?? day);
}

/** A Vietnamese date written near the title: in the article around its text, or in a short block before it. */
function shownDate(doc: Document, root: Element, body: Element): string | undefined {
  const near = vietnameseDate(textOutside(root, body));
  if (near) return near;
  // The date line often sits just before the text block, outside it: look at a few short preceding blocks.
  let seen = 0;
  for (let el: Element | null = body; el && el !== bodyOf(doc) && seen < 6; el = el.parentElement) {
    for (let p = el.previousElementSibling; p && seen < 6; p = p.previousElementSibling, seen++) {
      // Bounded: a big block before the text (a whole side column) is not read.
      const found = vietnameseDate(shortText(p, 120));
      if (found) return found;
    }
  }
  // Or at the top of the body itself, when the body holds its title and date line too.
  return vietnameseDate(textOutside(body, null, 250));
}

/** Whether a reader can see `el` (on a page that is laid out; otherwise, whether its markup hides it). */
export function shown(el: Element): boolean {
  if (hiddenByMarkup(el)) return false;
  const doc = el.ownerDocument;
  // A page hidden whole until a script shows it has no boxes yet: markup is all there is to go by.
  return !viewOf(doc) || el.getClientRects().length > 0 || bodyOf(doc).getClientRects().length === 0;
}

/** The first element of `scope` matching `selector` that a reader can see, else the first one. */
export function firstShown(scope: ParentNode, selector: string): Element | undefined {
  const all = [...scope.querySelectorAll(selector)];
  return all.find(shown) ?? all[0];
}

/** Whether two bylines name the same people, however written ("By STEVE PEOPLES, AP …" and "Steve Peoples, Ap …"). */
export const sameByline = (a: string, b: string) => a.replace(BY, '').toLowerCase() === b.replace(BY, '').toLowerCase();

const BYLINE = /^(?:tin,?\s*(?:và\s*)?ảnh|bài,?\s*(?:và\s*)?ảnh|tin\s*\/\s*ảnh|bài\s*\/\s*ảnh|tác giả(?: bài viết)?|người viết|phóng viên|nhóm phóng viên|bài|tin|ảnh|by|author)\s*:\s*(.{2,80})$/i;

/**
 * A name below `root` that is not the article's author: a photo's credit ("Ảnh: …", `.img-author` in its caption)
 * names the photographer, a name in the comment thread a reader who commented.
 */
export const namesSomeoneElse = (el: Element, root: Element): boolean => inFigure(el) || inComments(el, root);

/** Author name and the element showing it. */
export interface BylineMatch {
  name: string;
  el: Element;
}

/**
 * The byline: a "Tin, ảnh: …" / "Tác giả: …" line, else a short all-bold paragraph at the end of the text
 * (the portals' usual signature), in `body` or just after it inside `root`.
 */
export function findByline(root: Element, body: Element): BylineMatch | undefined {
  const blocks = [...root.querySelectorAll('p, div, span, em, strong, b, address, [rel="author"], [class*="author" i]')];
  // Search from the end: the signature closes the article.
  for (let i = blocks.length - 1; i >= 0; i--) {
    const el = blocks[i]!;
    // The line's words first: they rule out almost every element, and cost the least to check.
    const m = BYLINE.exec(shortText(el, 90));
    if (m && !isOwn(el) && !namesSomeoneElse(el, root) && !inTeaser(el)) return { name: m[1]!.trim(), el: el.closest('p') ?? el };
  }
  const author = ['[itemprop="author"] [itemprop="name"]', '[itemprop="author"]', '[rel="author"]'].map((s) => root.querySelector(s)).find((el) => el && textOf(el) && shown(el) && !inComments(el, root) && !inTeaser(el));
  if (author) return { name: textOf(author).replace(/^(?:viết bởi|đăng bởi|bởi|by|tác giả)\s*:?\s*/i, ''), el: author };
  // Trailing bold paragraph: the last non-empty paragraph from the body onwards whose text is all bold.
  const paras = root.querySelectorAll('p, div');
  for (let i = paras.length - 1; i >= 0; i--) {
    const p = paras[i]!;
    // Blocks of blocks are looked at through their own blocks (and their text is not read: it can be most of
    // the page); the walk stops at the first long paragraph of the text itself.
    // A heading in bold is a heading (a list's title after the text), not a signature.
    if (p.querySelector('p, div, h1, h2, h3, h4, h5, h6') || !(body.contains(p) || (body.compareDocumentPosition(p) & 4) !== 0) || isOwn(p)) continue;
    const t = textOf(p);
    if (!t) continue;
    const bold = [...p.querySelectorAll('strong, b')].map(textOf).join(' ').trim();
    if (bold === t && t.length <= 60 && !/\d{3,}/.test(t)) return { name: t.replace(/^[-–(]+|[-–)]+$/g, '').trim(), el: p };
    if (t.length > 60 && body.contains(p)) break; // reached the text itself
  }
  return undefined;
}

/**
 * The title element: the h1 (else h2) closest to the body in the tree, when it is near enough to belong to
 * it; a heading whose text is the page's og:title (or its document title without the site name) wins outright.
 */
export function findTitleElement(doc: Document, body: Element): Element | undefined {
  // A heading (h1-h3) that says what og:title or the document title says is the title.
  // og:title often carries the site's name too ("Title | Site"): its first part counts as well.
  const named = fallbackTitle(doc);
  const names = new Set([named, withoutSiteName(named)].filter(Boolean));
  const same = named && [...queryAll(doc, 'h1, h2, h3')].find((h) => names.has(textOf(h)) && !isOwn(h) && shown(h));
  if (same) return same;
  for (const selector of ['h1', 'h2']) {
    const headings = [...queryAll(doc, selector)].filter((h) => !isOwn(h) && textOf(h).length > 3 && !h.closest('nav, footer'));
    let best: Element | undefined;
    let bestDepth = Infinity;
    for (const h of headings) {
      const lca = commonAncestor(h, body);
      if (!lca || lca === rootOf(doc) || lca === bodyOf(doc)) continue;
      // Distance: how far above the body the common ancestor is.
      let depth = 0;
      for (let el: Element | null = body; el && el !== lca; el = el.parentElement) depth++;
      if (depth < bestDepth) [best, bestDepth] = [h, depth];
    }
    if (best) return best;
  }
  return undefined;
}

/** Length of the text in `scope` before `el` (whitespace runs counted as one). */
export function textBefore(scope: Element, el: Element): number {
  const range = scope.ownerDocument.createRange();
  range.setStart(scope, 0);
  range.setEndBefore(el);
  return range.toString().replace(/\s+/g, ' ').trim().length;
}

/** The first heading (h1-h3) that comes before the body's text: the title of a page that names none. */
export function headingBefore(doc: Document, body: Element): string {
  for (const h of queryAll(doc, 'h1, h2, h3')) {
    const t = textOf(h);
    if (t.length < 4 || isOwn(h) || h.closest('nav, footer')) continue;
    if (body.contains(h) ? textBefore(body, h) < 200 : h.compareDocumentPosition(body) & 4) return t;
  }
  return '';
}

/** The title text when no heading holds it: og:title, else the document title without the site name. */
export function fallbackTitle(doc: Document): string {
  const og = query(doc, 'meta[property="og:title"]')?.getAttribute('content')?.trim();
  if (og) return og;
  return withoutSiteName(titleOf(doc) || '');
}

/** A page title's first part, before the site's name ("Title - Site", "Title | Site", "Title -- Site"). */
const withoutSiteName = (title: string): string => title.split(/\s+[-|–]\s+|\s*--\s*/)[0]!.trim();

export const elementOrUndefined = (n: unknown): Element | undefined => (isElement(n) ? n : undefined);
