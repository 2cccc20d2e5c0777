import { ADAPTERS, findArticle } from '../adapters/index.js';
import { sameByline, textBefore, vietnameseDate, writtenDate } from '../adapters/metadata.js';
import { bylineOf, proseMapOf } from '../adapters/generic.js';
import { measureProse } from '../adapters/prose.js';
import { cardRows, siteOf } from '../adapters/teasers.js';
import { forExtraction } from '../adapters/widgets.js';
import { commonAncestor, linkShare, textOf } from '../dom.js';
import { articleDocument } from '../frames.js';
import type { Found } from '../types.js';
import { BLOCK, blocksText, readingBlocks, type Part, type ReadingBlock } from './blocks.js';
import { Cleaner, now, type Budget } from './clean.js';
import { findCredits } from './credits.js';
import { findAuthor, findLead, findSource, picturesBeforeBody, styledTitle, titleElement } from './parts.js';
import { tidy } from './tidy.js';
import type { ExtractedArticle, ExtractOptions, ExtractResult } from './types.js';

/** Below this many characters of body text, what an adapter found is probably not the article. */
const MIN_BODY = 250;

/** What extraction knows beyond the public result: the page's widgets and where each text came from. */
export interface Extraction extends ExtractResult {
  found: Found | null;
}

/** Where an article's text came from: clean text node -> the page's, and a clean copy of the lead. */
interface Provenance {
  origin: Map<Text, Text>;
  lead?: Element;
}
const provenance = new WeakMap<ExtractedArticle, Provenance>();

/**
 * The article's reading blocks (lead first) made of the page's own text nodes, for reading aloud on the
 * page with the highlight where the reader is looking. Blocks whose text cannot be traced are left out.
 */
export function pageBlocks(article: ExtractedArticle): ReadingBlock[] {
  const p = provenance.get(article);
  if (!p) return [];
  const out: ReadingBlock[] = [];
  for (const b of [...(p.lead ? readingBlocks(p.lead) : []), ...readingBlocks(article.content)]) {
    const parts = b.parts.map((part) => (part === '\n' ? part : p.origin.get(part))).filter((part): part is Part => !!part);
    const first = parts.find((part): part is Text => part !== '\n');
    const el = first?.parentElement?.closest(BLOCK);
    if (el) out.push({ el, parts, text: b.text });
  }
  return out;
}

export interface Candidate extends Provenance {
  article: ExtractedArticle;
  /** Body text length (without the lead) and the share of it inside links. */
  length: number;
  links: number;
}

export function candidate(article: Omit<ExtractedArticle, 'text'>, origin: Map<Text, Text>, lead?: Element): Candidate {
  const blocks = readingBlocks(article.content);
  const body = blocksText(blocks);
  const text = [article.lead, body].filter(Boolean).join('\n');
  const length = body.replace(/\s+/g, '').length;
  let linked = 0;
  for (const a of article.content.querySelectorAll('a')) linked += (a.textContent ?? '').replace(/\s+/g, '').length;
  return { article: { ...article, text }, origin, ...(lead ? { lead } : {}), length, links: length ? linked / length : 1 };
}

const looksWrong = (c: Candidate | null) => !c || c.length < MIN_BODY || c.links > 0.5;

/**
 * The author's name element, or the `<address>` around it: by HTML's meaning the author's box ("By", the name, a
 * role, a desk), which would otherwise leave "By ," and the role in the text.
 */
function authorBox(el: Element, body: Element): Element {
  const box = el.closest('address');
  return box && !box.contains(body) && textOf(box).length <= 300 ? box : el;
}

/** What the site adapter found, as a clean article. */
function fromAdapter(doc: Document, found: Found, budget: Budget): Candidate {
  const { article, widgets } = found;
  const { root, body } = article;
  const skipped = new Set<Element>([
    ...widgets.fontControls,
    ...widgets.contrastControls,
    ...widgets.clutter,
    // Kept lists (related articles) are the page's, not the article's; the byline and title are shown apart.
    ...widgets.keep.filter((k) => !k.contains(body)),
    ...(widgets.rating ? [widgets.rating.container] : []),
    ...(widgets.related ? [widgets.related] : []),
  ]);
  // Boxes the widget rules set aside inside the text that hold a good part of it are the text itself, unless
  // they are lists of links (a related list set inside the article's box).
  const size = (el: Element) => (el.textContent ?? '').length;
  const bodyText = size(body);
  for (const el of skipped) if (body.contains(el) && size(el) > bodyText / 4 && linkShare(el) <= 0.8) skipped.delete(el);
  // Comments, related lists, share bars, author bios, newsletter boxes inside the text are not the article.
  // (Measured already when the generic adapter found the article: the page's own boxes inside the body.)
  for (const box of (proseMapOf(found) ?? measureProse(body)).boilerplate) if (body.contains(box) && box !== body) skipped.add(box);
  // So are rows of teaser cards (their headlines in no link, an empty link over each card).
  for (const card of cardRows(body)) skipped.add(card);
  // A page with no heading near its text (an old table layout) shows its title as a styled line named for it.
  const shownTitle = titleElement(doc, root, article.title);
  const styled = shownTitle || article.platform !== 'generic' ? undefined : styledTitle(body);
  const title = shownTitle ?? styled;
  if (title && !title.contains(body)) skipped.add(title);
  const signed = bylineOf(found);
  if (signed && textOf(signed.el).length <= 100) skipped.add(authorBox(signed.el, body));
  const source = findSource(root);
  if (source) skipped.add(source.el);
  // A block that only names the author (`.news-detail__author`) is the byline, not text.
  const author = findAuthor(root);
  // The byline as the reader sees it, when the page's metadata names the same people in other letters.
  const seen = author && article.byline && sameByline(author.name, article.byline) ? author.name : undefined;
  if (author && textOf(author.el).length <= 80 && (!article.byline || seen)) skipped.add(authorBox(author.el, body));
  const skip = (el: Element) => skipped.has(el);
  // The lead sits between the title and the body: look from their common ancestor when the root is smaller.
  const scope = title && !root.contains(title) ? commonAncestor(title, body) ?? root : root;
  for (const credit of findCredits(scope)) skipped.add(credit);
  const lead = findLead(scope, body, skip);
  if (lead) skipped.add(lead);
  const cleaner = new Cleaner(doc, budget, skip, true);
  // The lead's own copy: its page text nodes are known, to highlight it when read aloud on the page.
  const leadCopy = lead ? cleaner.article([...lead.childNodes]) : undefined;
  const content = cleaner.article(picturesBeforeBody(scope, body, skip));
  // A title inside the body marks where the article starts: what comes before it is another column, unless
  // that is most of the text (then the "title" is a heading further down).
  // (Both lengths with whitespace collapsed: an indented page's raw text is mostly spaces.)
  const start = title && body.contains(title) && textBefore(body, title) < textOf(body).length / 2 ? title : undefined;
  cleaner.startFrom(start).article([body], content);
  const tidied = tidy(content, siteOf(doc));
  const byline = seen ?? article.byline ?? tidied.byline ?? findAuthor(scope)?.name;
  const published = article.published ?? vietnameseDate(tidied.date ?? '') ?? writtenDate(tidied.date ?? '');
  return candidate(
    {
      title: styled ? textOf(styled) : article.title,
      ...(published ? { published } : {}),
      ...(byline ? { byline } : {}),
      ...(source ? { source: source.name } : {}),
      lead: lead ? textOf(lead) : '',
      content,
      platform: article.platform,
    },
    cleaner.origin,
    leadCopy,
  );
}

/**
 * `options` for an extraction the reader asked for (reader view, read-aloud), whose time limit defaults to 1 s: a
 * second is worth waiting for after a click, and an old computer under load can take more than the 200 ms of a
 * call nobody waits on. Cut at 200 ms, the view would show part of the article without saying so (a 130 KB ward
 * page on a loaded 2-core machine: F1 0.95 instead of 0.98).
 */
export const onRequest = (options: ExtractOptions = {}): ExtractOptions => ({ ...options, timeLimit: options.timeLimit ?? 1000 });

/** A second way to find the article (Readability), installed by `useReadability()`. */
export type Fallback = (doc: Document, found: Found | null, options: ExtractOptions, budget: Budget) => Candidate | null;
let registered: Fallback | undefined;
export const setFallback = (fn: Fallback): void => {
  registered = fn;
};

/**
 * The article of `doc` as clean, detached data, with everything an extraction run learnt. Never throws.
 */
export function extractFrom(doc: Document, options: ExtractOptions = {}): Extraction {
  const start = now();
  const timeLimit = Number.isFinite(options.timeLimit) && options.timeLimit! > 0 ? options.timeLimit! : 200;
  const maxNodes = Number.isInteger(options.maxElements) && options.maxElements! > 0 ? options.maxElements! : 20_000;
  const budget: Budget = { nodes: 0, maxNodes, deadline: start + timeLimit };
  try {
    if (!doc?.documentElement || !doc.body) return { article: null, reason: 'no-document', found: null };
    // Adapters that throw are skipped inside findArticle (with a warning). The article may be in a frame.
    const find = (d: Document) => forExtraction(() => findArticle(d, options.adapters ?? ADAPTERS));
    let found: Found | null;
    ({ doc, found } = articleDocument(doc, find(doc), find));
    let best = found ? fromAdapter(doc, found, budget) : null;
    const rest = budget.cut;
    // Registered here (the npm entry), or brought by the reading chunk beside the one-file bundle.
    const fallback = registered ?? (globalThis as typeof globalThis & { AccessibleReaderChunks?: { fallback?: Fallback } }).AccessibleReaderChunks?.fallback;
    if (fallback && looksWrong(best) && !budget.cut && now() < budget.deadline && doc.getElementsByTagName('*').length <= maxNodes) {
      budget.nodes = 0;
      let theirs: Candidate | null = null;
      try {
        theirs = fallback(doc, found, options, budget);
      } catch (error) {
        console.warn('Accessible Reader: Readability failed.', error);
      }
      if (theirs && !looksWrong(theirs) && (!best || theirs.length > best.length)) best = theirs;
    } else if (!best && doc.getElementsByTagName('*').length > maxNodes) budget.cut = 'too-large';
    if (!best || !best.length) return { article: null, reason: budget.cut ?? 'no-article', found };
    provenance.set(best.article, { origin: best.origin, ...(best.lead ? { lead: best.lead } : {}) });
    const truncated = rest ?? (best.article.platform === 'readability' ? budget.cut : undefined);
    return { article: best.article, ...(truncated ? { truncated } : {}), found };
  } catch (error) {
    console.error('Accessible Reader: extraction failed.', error);
    return { article: null, reason: 'error', found: null };
  }
}

/** The article with the reason when there is none, and whether the limits cut it short. Never throws. */
export function tryExtract(doc: Document, options?: ExtractOptions): ExtractResult {
  const { article, reason, truncated } = extractFrom(doc, options);
  return { article, ...(reason ? { reason } : {}), ...(truncated ? { truncated } : {}) };
}

/**
 * The article of `doc`: title, date, byline, lead, a clean detached copy of the body and its plain text,
 * from the site adapter, or from Readability where the adapter finds nothing or something that looks wrong
 * (too short, mostly links). Bounded by a time limit and an element cap; null when there is no article.
 *
 * ```ts
 * const article = extract(document);
 * article?.text; // lead and body, one block per line
 * ```
 */
export function extract(doc: Document, options?: ExtractOptions): ExtractedArticle | null {
  return extractFrom(doc, options).article;
}
