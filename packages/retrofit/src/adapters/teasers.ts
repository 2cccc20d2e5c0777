/**
 * Teasers: the items of a list of the site's other stories (a headline linking to another page of the same site
 * and a line or two). Tidying takes such lists out of the text; the metadata search skips their bylines and dates.
 */
import { baseOf, query, textOf } from '../dom.js';

/** Links to files (the article's attachments), not to other pages. */
export const FILE = /\.(?:pdf|docx?|xlsx?|pptx?|odt|ods|rtf|zip|rar|7z)(?:[?#]|$)/i;
/** Elements that make a line of their own: the headline's line is the nearest of them around its link. */
const LINE = /^(?:h[1-6]|p|div|li|blockquote|figcaption|dt|dd)$/;

/** A link's domain, its host less the labels before the last two ("news.example.com" -> "example.com"). */
function domainOf(href: string, base?: string): string {
  try {
    return new URL(href, base).hostname.split('.').slice(-2).join('.');
  } catch {
    return '';
  }
}

/**
 * The domains the page belongs to: its address's, and its canonical address's (a saved copy, a page served
 * from a mirror or a cache still names the site it is from).
 */
export function siteOf(doc: Document): Set<string> {
  // Through dom.ts: a page's <img name="baseURI"> or <form name="querySelector"> shadows the document's own.
  const base = baseOf(doc);
  const urls = [base, query(doc, 'link[rel~="canonical" i]')?.getAttribute('href'), query(doc, 'meta[property="og:url" i]')?.getAttribute('content')];
  // What is not an address names no site ('').
  const site = new Set(urls.map((url) => (url ? domainOf(url, base) : '')));
  site.delete('');
  return site;
}

/**
 * A teaser in a list: an item that opens with a headline (four words or more) linking to another page of the site, on a
 * line of its own or before a cut-off excerpt ("…"), and says little more (an excerpt, a byline, a date). A
 * link that opens a sentence ("<a>Book title</a> by its author – why it is good") is an entry of the article's
 * own list; links to files and to places on the page (a table of contents) are the article's too.
 */
export function isTeaser(item: Element, site: Set<string>): boolean {
  const text = textOf(item);
  if (text.length > 800) return false;
  const link = [...item.querySelectorAll('a[href]')].find((a) => /\S/.test(a.textContent ?? ''));
  const href = link?.getAttribute('href') ?? '#';
  if (!link || href.startsWith('#') || FILE.test(href) || !site.has(domainOf(href, baseOf(item.ownerDocument)))) return false;
  const title = textOf(link);
  if (title.length < 20 || title.split(' ').length < 4 || !text.startsWith(title) || text === title) return false;
  if (/(?:\.\.\.|…)$/.test(text)) return true;
  let line: Element = link;
  while (line !== item && line.parentElement && !LINE.test(line.localName)) line = line.parentElement;
  return line !== item && textOf(line) === title;
}

/**
 * Whether `el` is inside a teaser of a list of them (its item and the one before or after it are teasers): the
 * author or date it shows is another story's, not the article's.
 */
export function inTeaser(el: Element): boolean {
  const item = el.closest('li');
  if (!item) return false;
  const site = siteOf(el.ownerDocument);
  const teaser = (li: Element | null) => li?.localName === 'li' && isTeaser(li, site);
  return teaser(item) && (teaser(item.previousElementSibling) || teaser(item.nextElementSibling));
}

/** A link laid over a card: an `<a href>` with nothing inside it, going to another page. */
const isOverlayLink = (a: Element) => !a.firstElementChild && !/\S/.test(a.textContent ?? '') && !/^(?:#|javascript:)/i.test(a.getAttribute('href') ?? '#');

/**
 * Teaser cards in a row (a "Most read" rail, a carousel of other stories): three or more boxes side by side, each
 * a kicker and a headline or two (300 characters at most) under an empty link stretched over the whole box.
 * Their text is in no link, so they do not read as links; a click on any of them opens another page.
 */
export function cardRows(root: Element): Element[] {
  const rows = new Map<Element, Set<Element>>();
  for (const a of root.querySelectorAll('a[href]')) {
    const card = a.parentElement;
    const row = card?.parentElement;
    if (!card || !row || card === root || !isOverlayLink(a)) continue;
    const text = textOf(card);
    if (!text || text.length > 300) continue;
    if (!rows.has(row)) rows.set(row, new Set());
    rows.get(row)!.add(card);
  }
  return [...rows.values()].filter((cards) => cards.size >= 3).flatMap((cards) => [...cards]);
}
