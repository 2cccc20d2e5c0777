import { bodyOf, commonAncestor, isOwn, isRendered, queryAll, rootOf, textOf, viewOf, walkerIn } from '../dom.js';
import type { Adapter, Article, Found } from '../types.js';
import { fallbackTitle, findByline, findPublished, type BylineMatch, findTitleElement, firstShown, headingBefore, readJsonLd, type JsonLdArticle } from './metadata.js';
import { isBoilerplate, measureProse, proseScore, UNSEEN, type BlockStats, type ProseMap } from './prose.js';
import { findWidgets, type WidgetHints } from './widgets.js';

const ARTICLE_SCOPE = ['NewsArticle', 'Article', 'ReportageNewsArticle', 'BlogPosting']
  .map((t) => `[itemscope][itemtype*="schema.org/${t}" i]`)
  .join(', ');

/** The page measured during one `find()`. */
let measured: ProseMap | undefined;
/** How the page was measured when the generic adapter found `found`: extraction reuses its boilerplate boxes. */
const measuredFor = new WeakMap<Found, ProseMap>();
export const proseMapOf = (found: Found): ProseMap | undefined => measuredFor.get(found);
/** The byline completeArticle() found for `found`: extraction needs the same one, and looking again costs. */
const signedFor = new WeakMap<Found, BylineMatch | undefined>();

/** The byline of `found`'s article: as completeArticle() found it, else looked for now (a Found made elsewhere). */
export function bylineOf(found: Found): BylineMatch | undefined {
  return signedFor.has(found) ? signedFor.get(found) : findByline(found.article.root, found.article.body);
}

/** Prose (weighted characters) a block needs to be a candidate for the article's body, or a column of one. */
const MIN_BLOCK_PROSE = 140;

const statsOf = (el: Element): BlockStats | undefined => measured?.blocks.get(el);
const scoreOf = (el: Element): number => {
  const s = statsOf(el);
  return s ? proseScore(s) : -Infinity;
};

/**
 * The block of the page that holds the article text, by text density: the block with most prose and least of
 * everything else (menus, link lists, widgets, comments), among those a reader can see.
 */
function densest(map: ProseMap, doc: Document): Element | undefined {
  const ranked: [Element, number][] = [];
  for (const [el, s] of map.blocks) {
    if (s.prose < MIN_BLOCK_PROSE) continue;
    ranked.push([el, proseScore(s)]);
  }
  // Best first; on a tie the inner block (a wrapper adds nothing but its box).
  ranked.sort((a, b) => b[1] - a[1] || (a[0].contains(b[0]) ? 1 : b[0].contains(a[0]) ? -1 : 0));
  // A page hidden whole until a script shows it (anti-flicker snippets) has no boxes yet: rank by text alone.
  const live = !!viewOf(doc) && isRendered(bodyOf(doc));
  // Asked only of the blocks the rules below look at, not of every ranked one (each asks for layout boxes).
  const shown = (el: Element) => !live || isRendered(el);
  const best = ranked.find(([el]) => shown(el));
  if (!best) return undefined;
  const around = together(best, ranked, shown);
  const chosen = narrow(map, around === best[0] ? best : [around, scoreOf(around)], ranked, shown);
  return outweighed(map, chosen, ranked, shown) ?? chosen;
}

/** The boxes around `el`, nearest first, up to three levels up and below the page's <body>. */
function boxesAbove(el: Element): Element[] {
  const doc = el.ownerDocument;
  const out: Element[] = [];
  for (let up = el.parentElement; up && out.length < 3 && up !== bodyOf(doc) && up !== rootOf(doc); up = up.parentElement) out.push(up);
  return out;
}

/**
 * The box around the best block and several others nearly as good: the sections of one article (a list of
 * reviews, of events, of answers, each in a box of its own) rather than one section of it. Readability's rule:
 * the nearest ancestor, up to three levels up, holding two or more other blocks scoring three quarters of the
 * best's or more.
 */
function together(best: [Element, number], ranked: [Element, number][], shown: (el: Element) => boolean): Element {
  const [chosen, score] = best;
  if (score <= 0) return chosen;
  const others = ranked.filter(([el, s]) => s >= 0.75 * score && el !== chosen && !el.contains(chosen) && !chosen.contains(el)).map(([el]) => el);
  // Blocks in blocks count once: the outer.
  const apart = others.filter((el) => !others.some((o) => o !== el && o.contains(el)));
  if (apart.length < 2) return chosen;
  const box = boxesAbove(chosen).find((el) => apart.filter((o) => el.contains(o)).length >= 2);
  return !box || isBoilerplate(box) || !shown(box) ? chosen : box;
}

/**
 * A block apart from the chosen one (neither inside nor around it) with twice its prose or more, not mostly
 * links, that opens with the page's title: the article, whose own list of links (related stories set inside
 * its box) cost it the ranking. (Opening with the title keeps a column of teasers from ever being taken.)
 */
function outweighed(map: ProseMap, chosen: Element, ranked: [Element, number][], shown: (el: Element) => boolean): Element | undefined {
  const prose = map.blocks.get(chosen)?.prose ?? 0;
  // The page's title without the site's name ("Title -- Site", "Site | Title"): its longest part.
  const title = fallbackTitle(chosen.ownerDocument)
    .split(/\s*(?:--|[|–—»])\s*|\s+-\s+/)
    .reduce((a, b) => (b.length > a.length ? b : a), '');
  if (title.length < 6) return undefined;
  let best: Element | undefined;
  let bestProse = 0;
  for (const [el] of ranked) {
    const s = map.blocks.get(el)!;
    if (s.prose < 2 * prose || s.links >= s.text / 2 || el.contains(chosen) || chosen.contains(el)) continue;
    // The most prose; on a tie the inner block.
    if (best && (s.prose < bestProse || (s.prose === bestProse && !best.contains(el)))) continue;
    if (!shown(el) || !(el.textContent ?? '').slice(0, 1000).replace(/\s+/g, ' ').includes(title)) continue;
    best = el;
    bestProse = s.prose;
  }
  return best;
}

/**
 * A wrapper around several columns of prose (the article beside a column of teasers, a feed of more stories
 * under it) wins by adding them all up: when it holds two or more unlike blocks of prose side by side, the best
 * block inside it is the article if it scores nearly as well on its own and no column of prose comes before it.
 * Paragraphs of its own, or blocks alike (two rich-text boxes of one editor), are parts of one article and keep
 * it whole.
 */
function narrow(map: ProseMap, [wrapper, score]: [Element, number], ranked: [Element, number][], shown: (el: Element) => boolean): Element {
  const kinds = new Set<string>();
  let columns = 0;
  for (const child of wrapper.children) {
    const prose = map.blocks.get(child)?.prose ?? 0;
    if (!prose) continue;
    if (child.localName === 'p') return wrapper;
    if (prose < MIN_BLOCK_PROSE) continue;
    const name = child.getAttribute('class')?.trim();
    if (name) {
      if (kinds.has(`${child.localName}.${name}`)) return wrapper;
      kinds.add(`${child.localName}.${name}`);
    }
    columns++;
  }
  if (columns < 2) return wrapper;
  const inner = ranked.find(([el]) => el !== wrapper && wrapper.contains(el) && shown(el));
  if (!inner || inner[1] < 0.7 * score) return wrapper;
  // Prose before the inner block's column is where the article starts (its opening paragraphs above a long
  // annex), not a column of teasers, which come beside or after it. Cells of a table row are side by side:
  // one before the article's is a column beside it (an old layout's menu and introduction).
  if (wrapper.localName === 'tr') return inner[0];
  for (let child = wrapper.firstElementChild; child && !child.contains(inner[0]); child = child.nextElementSibling) {
    if ((map.blocks.get(child)?.prose ?? 0) >= MIN_BLOCK_PROSE) return wrapper;
  }
  return inner[0];
}

/**
 * A lone paragraph is a part of the article, not the article (Readability likewise scores a paragraph's parent,
 * never the paragraph): the nearest block around it holding more paragraphs, when they add prose and the
 * block is not mostly links.
 */
function widen(map: ProseMap, body: Element): Element {
  const own = map.blocks.get(body);
  // A <p> is one paragraph however many <br><br> breaks it holds.
  if (!own || (own.paras > 1 && body.localName !== 'p')) return body;
  // A <p> of several paragraphs widens to its parent or grandparent only (Readability's reach): higher up, a few
  // lines of a side column would be a tenth more prose and take the whole row.
  let reach = own.paras > 1 ? 2 : Infinity;
  for (let el = body.parentElement; el && el !== rootOf(body.ownerDocument) && reach-- > 0; el = el.parentElement) {
    const around = map.blocks.get(el);
    // (Past the wrappers that hold no paragraph but its own.)
    if (!around || around.paras <= Math.max(1, own.paras)) continue;
    // Not into a list of links (a directory page around one notice) nor a box of boilerplate.
    return around.prose >= 1.1 * own.prose && around.links < (around.text * 2) / 3 && !isBoilerplate(el) ? el : body;
  }
  return body;
}

/**
 * The article's own box, when the block chosen is a box set inside it: an inset, a list, a quote whose box
 * scored best because the article's box also holds a comment thread or a table of links that count against it.
 * The box up to three levels above whose paragraphs close under it (`near`, links discounted) make one and a
 * half times all of the chosen block's prose is the article (Readability's measure: a paragraph counts for its
 * parent and grandparent).
 * Comments and other boilerplate inside it are left out of the text later.
 */
function gather(map: ProseMap, body: Element): Element {
  const linkless = (s: BlockStats) => 1 - s.links / Math.max(1, s.text);
  const own = map.blocks.get(body);
  if (!own) return body;
  let best = body;
  // Against all of the chosen block's prose, however deep its paragraphs sit (1.5: measured on the tuning halves).
  let most = 1.5 * own.prose * linkless(own);
  for (const el of boxesAbove(body)) {
    const s = map.blocks.get(el);
    const weight = s ? s.near * linkless(s) : 0;
    if (!s || isBoilerplate(el) || weight < most) continue;
    best = el;
    most = weight;
  }
  return best;
}

/** The element whose text starts like the JSON-LD articleBody (never the JSON-LD script itself). */
function locateText(doc: Document, text: string): Element | undefined {
  const probe = text.replace(/\s+/g, ' ').trim().slice(0, 20);
  if (probe.length < 20) return undefined;
  const walker = walkerIn(doc, bodyOf(doc), 4);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!(n.nodeValue ?? '').includes(probe) || UNSEEN.has(n.parentElement?.localName ?? '')) continue;
    // Climb to the block that holds most of the body text.
    let el = n.parentElement;
    while (el && el.parentElement && textOf(el).length < text.length * 0.8 && el !== bodyOf(doc)) el = el.parentElement;
    return el ?? undefined;
  }
  return undefined;
}

/**
 * Root and body of the article on any layout: the densest block of prose, unless the page marks its body
 * (`itemprop=articleBody`, the JSON-LD articleBody) and that box holds at least half as much prose; the root is
 * the schema.org article or <article> around the body when it adds little else.
 */
function locate(doc: Document, ld: JsonLdArticle | undefined, map: ProseMap): { root?: Element; body: Element } | undefined {
  let body = densest(map, doc);
  if (body) body = widen(map, body);
  const prose = (el: Element | undefined) => (el && statsOf(el)?.prose) || 0;
  const marked = [...queryAll(doc, '[itemprop="articleBody"]'), ...(ld?.articleBody ? [locateText(doc, ld.articleBody)] : [])]
    .filter((el): el is Element => !!el && prose(el) >= MIN_BLOCK_PROSE)
    .sort((a, b) => prose(b) - prose(a))[0];
  if (marked && (!body || prose(marked) >= prose(body) / 2)) body = marked;
  if (!body) return undefined;
  body = gather(map, body);
  const box = body.parentElement?.closest(`${ARTICLE_SCOPE}, article`);
  const root = box && !isOwn(box) && scoreOf(box) >= 0.6 * scoreOf(body) ? box : undefined;
  return root ? { root, body } : { body };
}

/** The first words of `text`, up to about 80 characters, cut between words. */
function firstWords(text: string): string {
  return text.length <= 80 ? text : `${text.slice(0, 80).replace(/\s+\S*$/, '')}…`;
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
  const found = { article, widgets: findWidgets(doc, article, titleEl, byline?.el, hints) };
  signedFor.set(found, byline);
  return found;
}

export const generic: Adapter = {
  name: 'generic',
  detect: () => true,
  find(doc) {
    if (!bodyOf(doc)) return null;
    try {
      // Captions are not prose, unless they are all the text there is (a gallery page).
      for (const captions of [false, true]) {
        measured = measureProse(bodyOf(doc), captions);
        const found = findIn(doc, measured);
        if (found) {
          measuredFor.set(found, measured);
          return found;
        }
      }
      return null;
    } finally {
      measured = undefined;
    }
  },
};

/** The generic adapter's search over the measured page. */
function findIn(doc: Document, map: ProseMap): Found | null {
  const ld = readJsonLd(doc);
  const found = locate(doc, ld, map);
  if (!found) return null;
  const { body } = found;
  let root = found.root;
  let titleEl = root ? firstShown(root, '[itemprop="headline"], h1') : undefined;
  if (!titleEl) titleEl = findTitleElement(doc, body);
  let title = titleEl ? textOf(titleEl) : '';
  if (!root) {
    // The article is the body plus its title, when the title sits close by.
    const lca = titleEl ? commonAncestor(titleEl, body) : undefined;
    // Near: the common ancestor adds a title block, not other columns of the page (it keeps most of the
    // body's prose-over-rest score).
    const near = !!lca && lca !== bodyOf(doc) && lca !== rootOf(doc) && scoreOf(lca) >= 0.6 * scoreOf(body);
    root = near ? lca! : body;
    if (!near && titleEl && !body.contains(titleEl)) {
      // A heading far from the text is more likely the site's name than the article's title.
      title = ld?.headline ?? (fallbackTitle(doc) || title);
      titleEl = undefined;
    }
  }
  // A page without any title (a bare document): its first heading, else the start of its text.
  title ||= ld?.headline ?? (fallbackTitle(doc) || headingBefore(doc, body) || firstWords(textOf(body)));
  if (!title) return null;
  return completeArticle(doc, 'generic', root, body, titleEl, {}, { title });
}
