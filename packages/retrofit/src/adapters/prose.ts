/**
 * Where a page's prose is: one walk over the page measuring, for every block, the text a reader reads as
 * paragraphs against all the other text it holds (menus, link lists, widgets, comments). The generic adapter
 * picks its article from these numbers; extraction uses the boilerplate boxes it marks.
 *
 * The walk is by hand (no TreeWalker filter, no callback the page's realm could refuse to run when its
 * scripts are disabled) and touches each node once: cost grows with the page, not with its nesting.
 */

import { hiddenByClass, isRendered, stylesMissing, viewOf } from '../dom.js';

/** Elements whose content a reader never sees as text. */
export const UNSEEN = new Set(
  'script style noscript template svg math head title iframe frame object embed canvas select option textarea button input video audio map datalist'.split(' '),
);

/** Elements that start a new block of text: the text directly inside them (not in a nested block) is one paragraph. */
const BLOCK = new Set(
  'address article aside blockquote body center dd details dialog div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup li main nav ol p pre section summary table tbody thead tfoot td th tr ul caption'.split(
    ' ',
  ),
);

/** Class or id words of boxes around an article that are not the article: comments, sidebars, sharing, related… */
const BOILERPLATE =
  /(?:^|[\s_-])(?:comments?|commentlist|comment-?body|respond|disqus|sidebar|side-?bar|widget|widgets|footer|related|relatedposts|share|sharing|sharedaddy|social|socials|newsletter|subscribe|subscription|signup|promo|promos|sponsor|sponsored|advert|advertisement|ads?|adsense|banner|popup|pop-?up|flyout|modal|recirculation|disclosure|donate|donation|donations|spenden|cookie|breadcrumbs?|pagination|pager|paging|navigation|nav|navbar|menu|tags|tagcloud|author-?bio|author-?box|about-?author|bio|byline-?box|post-?nav|nav-?links|prev|next|previous|most-?popular|popular|trending|recommended|more-?stories|read-?more|toolbar|masthead|copyright|cot-?phai|cot-?trai|ben-?phai|ben-?trai|col-?right|col-?left|right-?col(?:umn)?|left-?col(?:umn)?|tin-?lien-?quan|cac-?tin-?khac|tin-?khac|lien-?quan)(?:$|[\s_-])/i;
/** Words that mark the article's own box: a box named both ways (`content-sidebar-wrap`) is not boilerplate. */
const ARTICLE_WORDS = /(?:^|[\s_-])(?:article|content|entry|post|story|body|text|main|detail|news|blog)(?:$|[\s_-])/i;
/** Comments are never the article, whatever else their box is called (`comment-body`). */
const COMMENTS = /(?:^|[\s_-])(?:comments?|commentlist|comment-?body|comment-?content|comment-?text|respond|disqus)(?:$|[\s_-])/i;
/** Captions are the article's when they are in it, but a gallery's captions must not outweigh its text. */
const CAPTION = /(?:^|[\s_-])(?:caption|wp-caption-text|credit|photo-?credit|gallery)(?:$|[\s_-])/i;

/** A paragraph is prose from this length (a CJK character counts three: it carries a word's meaning). */
export const MIN_PARAGRAPH = 25;
/** The longest a teaser's excerpt runs (characters). */
const EXCERPT = 300;
/** Elements a teaser's headline is written in, and its excerpt. */
const HEADLINE = /^(?:dt|h[2-6])$/;
const EXCERPT_TAG = /^(?:dd|p|div)$/;
/** Share of a paragraph's text inside links above which it is navigation, not prose. */
const LINKS = 0.5;

/** What the walk learnt about one block. */
export interface BlockStats {
  /** Weighted length of its prose paragraphs (link text taken off). */
  prose: number;
  /** Length of all its visible text, links included. */
  text: number;
  /** Length of the text inside links, outside boilerplate boxes. */
  links: number;
  /** Length of the text inside boilerplate boxes. */
  boiler: number;
  /** How many prose paragraphs it holds (outside boilerplate boxes). */
  paras: number;
  /**
   * Prose of the paragraphs close under it: its own and its child blocks' in full, its grandchildren's in half
   * (Readability credits a paragraph to its parent and grandparent). What lies deeper, in a box set inside it,
   * is not counted: a page's wrapper has little of it, the article's own box has most.
   */
  near: number;
}

/** The measured page. */
export interface ProseMap {
  /** Blocks that hold prose, with their numbers. */
  blocks: Map<Element, BlockStats>;
  /** Boxes named as boilerplate (comments, related, share, bio, newsletter…) that are not page wrappers. */
  boilerplate: Element[];
}

const CJK = /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff]/g;

/** Text length without whitespace; CJK characters count three. */
function weigh(s: string): number {
  if (!/\S/.test(s)) return 0;
  const n = s.replace(/\s+/g, '').length;
  return /[\u2e80-\uffff]/.test(s) ? n + 2 * (s.match(CJK)?.length ?? 0) : n;
}

/** A run of text this long is prose even without punctuation; a shorter one must have some (not a title or a date line). */
const PUNCT_FREE = 80;
const PUNCTUATION = /[.,;!?\u3001\u3002\uff01\uff0c\uff1b\uff1f]/;

/**
 * Characters of program code: a run dense with them is a script printed as text (a page whose markup broke
 * inside a <script>), never prose. Counted only in text holding one of the first kind, which prose never has.
 */
const CODE_MARK = /[{}=_]/;
const CODE = /[{}=;()_]/g;
/** Code characters per character of text from which a run is code (prose has a bracket or a semicolon now and then). */
const CODE_SHARE = 1 / 25;

/** Adds a text node's length to the current run of `block`. */
function addText(block: Frame, data: string, link: boolean): void {
  const len = weigh(data);
  if (!len) return;
  // Text after two or more line breaks starts a paragraph of its own (old pages write paragraphs as <br><br>).
  if (block.breaks >= 2 && block.inline > 0) {
    if (block.inline - block.segment >= MIN_PARAGRAPH) block.segments++;
    block.segment = block.inline;
  }
  block.breaks = 0;
  if (CODE_MARK.test(data)) block.code += data.match(CODE)?.length ?? 0;
  block.inline += len;
  if (link) block.inlineLinks += len;
  else if (!block.punct && PUNCTUATION.test(data)) block.punct = true;
}

/** Whether the element's own attributes hide it (the live style is checked later, for the winner only). */
export function hiddenByMarkup(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  return !!style && /(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

/** Names an element by: class, id and ARIA role. */
const nameOf = (el: Element): string => `${el.getAttribute('class') ?? ''} ${el.id} ${el.getAttribute('role') ?? ''}`;
/**
 * A name with its camelCase words apart (`commentsDiv`, `relatedLinks`: the names of hand-written and ASP.NET
 * pages), for the word patterns; the article's words too (`articleWidgetHTML_root`, a CSS module's name, is the
 * article's own box, whatever "widget" says).
 */
const wordsOf = (name: string): string => name.replace(/([a-z])(?=[A-Z])/g, '$1-');

/** Inside a comment thread (below `root`). */
export function inComments(el: Element, root: Element): boolean {
  for (let e: Element | null = el; e && e !== root; e = e.parentElement) if (COMMENTS.test(wordsOf(nameOf(e)))) return true;
  return false;
}

/** Whether `el` is a box of boilerplate (by tag, role, class or id). Page wrappers (html, body) never are. */
export function isBoilerplate(el: Element): boolean {
  const tag = el.localName;
  if (tag === 'body' || tag === 'html' || tag === 'main') return false;
  if (tag === 'aside' || tag === 'nav' || tag === 'footer') return true;
  const name = wordsOf(nameOf(el));
  if (COMMENTS.test(name)) return true;
  if (/\b(?:navigation|complementary|contentinfo|banner|search)\b/.test(el.getAttribute('role') ?? '')) return true;
  // A post the article quotes (a tweet, an Instagram post) in a box named "social-media-embed" is the article's.
  return BOILERPLATE.test(name) && !ARTICLE_WORDS.test(name) && !el.querySelector(EMBEDDED_POST);
}

/** Posts from social networks embedded as quotes, as their embed codes write them. */
export const EMBEDDED_POST = 'blockquote.twitter-tweet, blockquote.instagram-media, blockquote.tiktok-embed, blockquote.bluesky-embed, blockquote.threads-post';

/** The page's footer: a <footer> or `contentinfo` box outside any article (an article's own footer is small). */
const isFooter = (el: Element): boolean => (el.localName === 'footer' || el.getAttribute('role') === 'contentinfo') && !el.closest('article, main');

interface Frame {
  el: Element;
  block: Frame;
  /** The current run of text directly in this block (not in a nested block), the part of it inside links, and
   * whether it has sentence punctuation. */
  inline: number;
  inlineLinks: number;
  punct: boolean;
  /** Code characters in the run. */
  code: number;
  /** Line breaks since the run's last text; where in the run the current <br><br> paragraph starts; how many
   * such paragraphs of prose length came before it. */
  breaks: number;
  segment: number;
  segments: number;
  text: number;
  links: number;
  boil: number;
  prose: number;
  /** Prose counting boilerplate boxes too: a box named "sidebar" that holds most of it is the page's wrapper. */
  raw: number;
  /** How many paragraphs that raw prose is made of, and how many of them are outside boilerplate. */
  paras: number;
  proseParas: number;
  /** Prose of this block's own paragraphs (not nested blocks'), and the `near` prose credited to it so far. */
  own: number;
  near: number;
  /** The block around this one. */
  up?: Frame;
  /** Inside a link, a boilerplate box, a caption. */
  link: boolean;
  boiler: boolean;
  caption: boolean;
  /** The excerpts among its children: how many, and the prose they brought. */
  excerpts?: { count: number; prose: number; paras: number; own: number };
}

/**
 * Measures every block under `root`: its prose (paragraphs of 25+ characters with few links, outside
 * boilerplate boxes), its text and its link text. Captions count neither way, unless `captions` is set (a
 * gallery page whose only text is its captions).
 */
export function measureProse(root: Element, captions = false, wrappers = new Set<Element>()): ProseMap {
  const blocks = new Map<Element, BlockStats>();
  // On a laid-out page, a box the site's stylesheet hides (a closed modal, a mobile menu, an error template)
  // holds no text a reader sees: left out, or its words would make the whole page look like the article.
  const view = viewOf(root.ownerDocument);
  const computed = view && isRendered(root) ? (el: Element) => view.getComputedStyle(el).display === 'none' : () => false;
  // Without the page's stylesheets, the class names that hide are read as they would have been.
  const hiddenByStyle = stylesMissing(root.ownerDocument) ? (el: Element) => hiddenByClass(el) || computed(el) : computed;
  const boxes: Frame[] = [];
  // Headings (<dt>, <h2>-<h6>) whose text is all a link to another page: the headlines of teasers.
  const headlines = new Set<Element>();
  const top = { el: root, inline: 0, inlineLinks: 0, punct: false, code: 0, breaks: 0, segment: 0, segments: 0, text: 0, links: 0, boil: 0, prose: 0, raw: 0, paras: 0, proseParas: 0, own: 0, near: 0, link: false, boiler: false, caption: false } as Frame;
  top.block = top;
  const stack: Frame[] = [top];
  /**
   * Ends the run of inline text of block `f` (at a nested block or at its end): one paragraph. Its prose is
   * its text outside links, when that reads as a sentence (punctuated, or long) and links are not most of it
   * (a menu item, a teaser title): links inside a sentence do not make it less the article's.
   */
  const flush = (f: Frame) => {
    const inline = f.inline;
    f.text += inline;
    f.links += f.inlineLinks;
    const words = inline - f.inlineLinks;
    if (words >= MIN_PARAGRAPH && (f.punct || words >= PUNCT_FREE) && f.inlineLinks < inline * LINKS && !f.caption && f.code < inline * CODE_SHARE) {
      const paras = Math.max(1, f.segments + (inline - f.segment >= MIN_PARAGRAPH ? 1 : 0));
      f.raw += words;
      f.paras += paras;
      if (!f.boiler) {
        f.prose += words;
        f.own += words;
        f.proseParas += paras;
      }
    }
    f.inline = f.inlineLinks = f.code = f.breaks = f.segment = f.segments = 0;
    f.punct = false;
  };
  const close = (f: Frame) => {
    if (f.block === f) {
      flush(f);
      // Two or more headlines linking elsewhere, each with a short paragraph under it (a list of other stories:
      // <dt><a>…</a></dt><dd>…</dd>): the paragraphs are those stories' excerpts, read as their links, not as prose.
      const ex = f.excerpts;
      if (ex && ex.count >= 2) {
        f.prose -= ex.prose;
        f.raw -= ex.prose;
        f.paras -= ex.paras;
        f.proseParas -= ex.paras;
        f.near -= ex.own;
        f.links += ex.prose;
      }
      if (HEADLINE.test(f.el.localName) && f.text >= MIN_PARAGRAPH && f.links === f.text && !/^(?:#|javascript:)/i.test(f.el.querySelector('a[href]')?.getAttribute('href') ?? '#')) headlines.add(f.el);
      f.near += f.own;
      if (f.up) {
        f.up.near += f.own;
        if (f.up.up) f.up.up.near += f.own / 2;
      }
      if (f.prose > 0) blocks.set(f.el, { prose: f.prose, text: f.text, links: f.links, boiler: f.boil, paras: f.proseParas, near: f.near });
    }
    const parent = stack[stack.length - 1];
    if (parent && f !== top) {
      // Right after a headline that links to another page, short: a teaser's excerpt.
      if (f.block === f && f.prose > 0 && f.prose === f.raw && f.text <= EXCERPT && EXCERPT_TAG.test(f.el.localName) && headlines.has(f.el.previousElementSibling!)) {
        const ex = (parent.excerpts ??= { count: 0, prose: 0, paras: 0, own: 0 });
        ex.count++;
        ex.prose += f.prose;
        ex.paras += f.proseParas;
        ex.own += f.own;
      }
      parent.text += f.text;
      parent.prose += f.prose;
      parent.raw += f.raw;
      parent.paras += f.paras;
      parent.proseParas += f.proseParas;
      // A boilerplate box's text (links and all) counts as boilerplate.
      if (f.boiler && !parent.boiler) parent.boil += f.text;
      else {
        parent.links += f.links;
        parent.boil += f.boil;
      }
    }
  };
  let n: Node | null = root.firstChild;
  while (n) {
    let entered = false;
    const parent = stack[stack.length - 1]!;
    if (n.nodeType === 3) {
      if (!parent.caption) addText(parent.block, (n as Text).data, parent.link);
    } else if (n.nodeType === 1) {
      const el = n as Element;
      const tag = el.localName;
      const first = el.firstChild;
      if (tag === 'br') parent.block.breaks++;
      const plain = !el.hasAttributes();
      // A link is an <a href>: an <a name> left open (old pages) holds text, not a link.
      const link = tag === 'a' && el.hasAttribute('href');
      if (first && first === el.lastChild && first.nodeType === 3 && (plain || link) && !BLOCK.has(tag)) {
        // The common leaf (`<a href>text</a>`, `<b>text</b>`): its text joins the block's, no frame needed.
        if (!parent.caption && !UNSEEN.has(tag)) addText(parent.block, (first as Text).data, parent.link || link);
      } else if (first && !UNSEEN.has(tag) && (plain || (!hiddenByMarkup(el) && !el.hasAttribute('data-ar-own') && !hiddenByStyle(el)))) {
        const boiler = parent.boiler || ((!plain || tag === 'aside' || tag === 'nav' || tag === 'footer') && !wrappers.has(el) && isBoilerplate(el) && !el.querySelector('h1, main'));
        const frame = {
          el,
          inline: 0,
          inlineLinks: 0,
          punct: false,
          code: 0,
          breaks: 0,
          segment: 0,
          segments: 0,
          text: 0,
          links: 0,
          boil: 0,
          prose: 0,
          raw: 0,
          paras: 0,
          proseParas: 0,
          own: 0,
          near: 0,
          link: parent.link || link,
          boiler,
          caption: !captions && (parent.caption || tag === 'figcaption' || tag === 'caption' || (!plain && CAPTION.test(el.getAttribute('class') ?? ''))),
        } as Frame;
        if (BLOCK.has(tag)) {
          flush(parent.block);
          frame.block = frame;
          frame.up = parent.block;
        } else frame.block = parent.block;
        if (boiler && !parent.boiler) boxes.push(frame);
        stack.push(frame);
        n = el.firstChild;
        entered = true;
      }
    }
    if (entered) continue;
    // Next node: the next sibling, else climb (closing the frames left) to an ancestor's next sibling.
    while (n && !n.nextSibling) {
      n = n.parentNode;
      if (!n || n === root) {
        n = null;
        break;
      }
      close(stack.pop()!);
    }
    if (n) n = n.nextSibling;
  }
  while (stack.length > 1) close(stack.pop()!);
  close(top);
  // A "boilerplate" box holding most of the page's prose, in several paragraphs, is a wrapper badly named
  // (`#sticky-sidebar` around the main column): measure again with it taken for what it is. A long copyright
  // notice is one paragraph; comments are comments however long the thread.
  // The page's footer is the footer however much it says (an ebook form and its disclaimer under a short notice).
  const misnamed = boxes.filter((b) => b.raw > top.raw / 2 && b.paras >= 3 && !COMMENTS.test(wordsOf(nameOf(b.el))) && !isFooter(b.el));
  if (misnamed.length) return measureProse(root, captions, new Set([...wrappers, ...misnamed.map((b) => b.el)]));
  return { blocks, boilerplate: boxes.map((b) => b.el) };
}

/**
 * Prose minus everything else: the block with most of the first and least of the second is the article. Link
 * text and boilerplate count fully against a block; other short text (headings, date lines, list lines,
 * labels) half, since articles have some of it too.
 */
export const proseScore = (s: BlockStats): number => s.prose - s.links - s.boiler - (s.text - s.prose - s.links - s.boiler) / 2;

