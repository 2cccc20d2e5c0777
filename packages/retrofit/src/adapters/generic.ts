import { bodyOf, commonAncestor, hasOwnText, isOwn, linkTextLength, query, queryAll, rootOf, textOf, walkerIn } from '../dom.js';
import type { Adapter, Article, Found } from '../types.js';
import { fallbackTitle, findByline, findPublished, findTitleElement, readJsonLd, type JsonLdArticle } from './metadata.js';
import { findWidgets, type WidgetHints } from './widgets.js';

const ARTICLE_SCOPE = ['NewsArticle', 'Article', 'ReportageNewsArticle', 'BlogPosting']
  .map((t) => `[itemscope][itemtype*="schema.org/${t}" i]`)
  .join(', ');

/** Blocks that carry paragraph text. Divs and cells count only for the text directly inside them. */
const PARA = 'p, pre, blockquote, li, td, dd, div, section, article, font, center';
const OWN_TEXT_ONLY = new Set(['li', 'td', 'dd', 'div', 'section', 'article', 'font', 'center']);

function directTextLength(el: Element): number {
  let n = 0;
  for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === 3) n += (c.nodeValue ?? '').replace(/\s+/g, ' ').trim().length;
  return n;
}

/** Weights already known during one `find()`: densestBlock and proseScore weigh the same paragraphs. */
let weights: Map<Element, number> | undefined;

/** Prose weight of a paragraph-like block (0 when it is not prose: short, or mostly links). */
function proseWeight(el: Element): number {
  const known = weights?.get(el);
  if (known !== undefined) return known;
  const w = weigh(el);
  weights?.set(el, w);
  return w;
}

function weigh(el: Element): number {
  if (isOwn(el)) return 0;
  const own = OWN_TEXT_ONLY.has(el.localName);
  const full = own ? '' : textOf(el);
  const len = own ? (hasOwnText(el) ? directTextLength(el) : 0) : full.length;
  if (len < 40) return 0;
  const density = linkTextLength(el) / ((own ? textOf(el).length : full.length) || 1);
  return density > 0.3 ? 0 : len * (1 - density);
}

/** Prose minus everything else (menus, link lists, widgets) inside `el`. */
export function proseScore(el: Element): number {
  let prose = proseWeight(el);
  for (const p of el.querySelectorAll(PARA)) prose += proseWeight(p);
  return prose - (textOf(el).length - prose);
}

/**
 * The block of `scope` that holds the article text, by text density: each paragraph (40+ characters, few
 * links) votes its length to every ancestor; an ancestor scores its paragraph text minus all its other text
 * (menus, link lists, widgets), so the winner is the block with most prose and least else.
 */
export function densestBlock(scope: Element): Element | undefined {
  const votes = new Map<Element, number>();
  for (const el of scope.querySelectorAll(PARA)) {
    const weight = proseWeight(el);
    if (!weight) continue;
    for (let a: Element | null = OWN_TEXT_ONLY.has(el.localName) ? el : el.parentElement; a; a = a.parentElement) {
      votes.set(a, (votes.get(a) ?? 0) + weight);
      if (a === scope) break;
    }
  }
  let best: Element | undefined;
  let bestScore = -Infinity;
  let bestProse = 0;
  // A score is at most the prose: candidates with less prose than the best score so far cannot win, so the
  // costly total text is measured for few of them. Nor can an ancestor of the best with no more prose (it
  // only adds other text): on a big page those are <body> and the page's wrappers, the costliest to measure.
  for (const [el, prose] of [...votes].sort((a, b) => b[1] - a[1])) {
    if (prose < 140 || prose < bestScore) break;
    if (best && prose <= bestProse && el.contains(best)) continue;
    const score = prose - (textOf(el).length - prose);
    if (score > bestScore || (score === bestScore && best?.contains(el))) [best, bestScore, bestProse] = [el, score, prose];
  }
  return best;
}

/** The element whose text starts like the JSON-LD articleBody. */
function locateText(doc: Document, text: string): Element | undefined {
  const probe = text.replace(/\s+/g, ' ').trim().slice(0, 60);
  if (probe.length < 20) return undefined;
  const walker = walkerIn(doc, bodyOf(doc), 4);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const start = probe.slice(0, 20);
    if (!(n.nodeValue ?? '').includes(start)) continue;
    // Climb to the block that holds most of the body text.
    let el = n.parentElement;
    while (el && el.parentElement && textOf(el).length < text.length * 0.8 && el !== bodyOf(doc)) el = el.parentElement;
    return el ?? undefined;
  }
  return undefined;
}

/** The largest top-level <article> by prose, ignoring teaser lists (many small articles). */
function mainArticleElement(doc: Document): Element | undefined {
  const articles = [...queryAll(doc, 'article')].filter((a) => !isOwn(a) && !a.parentElement?.closest('article'));
  let best: Element | undefined;
  let bestLen = 0;
  for (const a of articles) {
    let prose = 0;
    for (const p of a.querySelectorAll('p')) prose += textOf(p).length;
    if (prose > bestLen) [best, bestLen] = [a, prose];
  }
  return bestLen >= 200 ? best : undefined;
}

/**
 * Root and body of the article on any layout: schema.org microdata, JSON-LD articleBody, <article>, <main>,
 * then text density over the whole page.
 */
function locate(doc: Document, ld: JsonLdArticle | undefined): { root?: Element; body: Element } | undefined {
  const scope = query(doc, ARTICLE_SCOPE);
  if (scope && !isOwn(scope) && textOf(scope).length >= 200) {
    return { root: scope, body: scope.querySelector('[itemprop="articleBody"]') ?? densestBlock(scope) ?? scope };
  }
  const fromLd = ld?.articleBody ? locateText(doc, ld.articleBody) : undefined;
  if (fromLd) return { body: fromLd };
  const article = mainArticleElement(doc);
  if (article) return { root: article, body: article.querySelector('[itemprop="articleBody"]') ?? densestBlock(article) ?? article };
  const main = query(doc, 'main, [role="main"]');
  const inMain = main ? densestBlock(main) : undefined;
  if (inMain) return { body: inMain };
  const anywhere = bodyOf(doc) ? densestBlock(bodyOf(doc)) : undefined;
  return anywhere ? { body: anywhere } : undefined;
}

/** Shared by every adapter: metadata and widgets once root and body are known. */
export function completeArticle(doc: Document, platform: string, root: Element, body: Element, titleEl: Element | undefined, hints: WidgetHints = {}, extra: Partial<Article> = {}): Found {
  const ld = readJsonLd(doc);
  const byline = findByline(root, body);
  const article: Article = {
    title: extra.title ?? (titleEl ? textOf(titleEl) : ld?.headline ?? fallbackTitle(doc)),
    root,
    body,
    platform,
  };
  const published = extra.published ?? findPublished(doc, root, body, ld);
  if (published) article.published = published;
  const name = extra.byline ?? ld?.author ?? byline?.name;
  if (name) article.byline = name;
  return { article, widgets: findWidgets(doc, article, titleEl, byline?.el, hints) };
}

export const generic: Adapter = {
  name: 'generic',
  detect: () => true,
  find(doc) {
    weights = new Map();
    try {
      return findIn(doc);
    } finally {
      weights = undefined;
    }
  },
};

/** The generic adapter's search (weights are remembered meanwhile). */
function findIn(doc: Document): Found | null {
  if (!bodyOf(doc)) return null;
  const ld = readJsonLd(doc);
  const found = locate(doc, ld);
  if (!found) return null;
  const { body } = found;
  let root = found.root;
  let titleEl = root ? root.querySelector('[itemprop="headline"], h1') ?? undefined : undefined;
  if (!titleEl) titleEl = findTitleElement(doc, body);
  let title = titleEl ? textOf(titleEl) : '';
  if (!root) {
    // The article is the body plus its title, when the title sits close by.
    const lca = titleEl ? commonAncestor(titleEl, body) : undefined;
    // Near: the common ancestor adds a title block, not other columns of the page (it keeps most of the
    // body's prose-over-rest score).
    const near = !!lca && lca !== bodyOf(doc) && lca !== rootOf(doc) && proseScore(lca) >= 0.6 * proseScore(body);
    root = near ? lca! : body;
    if (!near && titleEl && !body.contains(titleEl)) {
      // A heading far from the text is more likely the site's name than the article's title.
      title = ld?.headline ?? (fallbackTitle(doc) || title);
      titleEl = undefined;
    }
  }
  if (!title) title = ld?.headline ?? fallbackTitle(doc);
  if (!title) return null;
  return completeArticle(doc, 'generic', root, body, titleEl, {}, { title });
}
