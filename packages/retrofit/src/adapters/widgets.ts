import { bodyOf, isOwn, linkShare, queryAll, rootOf, shortText, textOf, viewOf, walkerIn } from '../dom.js';
import type { Article, LegacyRating, LegacyWidgets } from '../types.js';
import { EMBEDDED_POST } from './prose.js';

/** What a platform adapter already knows; everything else is found by the generic rules below. */
export interface WidgetHints {
  fontControls?: Element[];
  contrastControls?: Element[];
  ratingInputs?: Element[];
  related?: Element | null;
  clutter?: Element[];
  keep?: Element[];
}

/** Script-driven controls: the site's tools never navigate to another page. */
const CONTROLS = 'a:not([href]), a[href^="javascript" i], a[href^="#"], a[href=""], [onclick], button, [role="button"], input[type="button"]';
const FONT_CODE = /font[-_]?(custom|plus|minus|size|up|down|zoom|resize|larger|smaller|change)|text[-_]?size|zoom[-_]?(in|out|text)|co[-_]?chu|setfont|changefont|increasefont|decreasefont/i;
const FONT_WORDS = /cỡ chữ|kích (thước|cỡ) chữ|phóng to chữ|thu nhỏ chữ|tăng cỡ|giảm cỡ|font size|text size|larger text|smaller text/i;
const CONTRAST_WORDS = /tương phản|tuong[-_ ]?phan|contrast|setcontrast|high[-_ ]?contrast/i;

/** While extraction reads a page: the site's tools and clutter matter inside the article only (see `forExtraction`). */
let articleOnly = false;

/**
 * Runs `fn` (which finds an article) for extraction: tools and clutter are then looked for inside the article's
 * root only, and the columns beside it are not measured; the rating and related lists are found as ever (the
 * reader view shows them). Extraction leaves out of the text only what is inside the article.
 */
export function forExtraction<T>(fn: () => T): T {
  articleOnly = true;
  try {
    return fn();
  } finally {
    articleOnly = false;
  }
}

/**
 * Outermost elements of a list (drop those inside another). Each element looks up its ancestors in a set: per-paragraph
 * share widgets or in-text ad slots by the thousand cost a walk up from each, not every pair (2,000 boxes: 265 ms).
 */
export function outermost(list: Iterable<Element>): Element[] {
  const all = new Set(list);
  const inside = (el: Element) => {
    for (let up = el.parentElement; up; up = up.parentElement) if (all.has(up)) return true;
    return false;
  };
  return [...all].filter((el) => !inside(el));
}

/**
 * The site's own text-size and contrast tools, in one pass over its controls: recognised by their code
 * (`fontPlus()`, `setContrast('inc')`), names and titles ("Tăng tương phản", "cỡ chữ"), or an "A-"/"A+" text.
 */
export function findTools(doc: Document, article: Article): { font: Element[]; contrast: Element[] } {
  const font: Element[] = [];
  const contrast: Element[] = [];
  const { body, root } = article;
  for (const el of articleOnly ? root.querySelectorAll(CONTROLS) : queryAll(doc, CONTROLS)) {
    const code = `${el.id} ${el.getAttribute('class') ?? ''} ${el.getAttribute('href') ?? ''} ${el.getAttribute('onclick') ?? ''} ${el.getAttribute('name') ?? ''}`;
    const label = `${el.getAttribute('title') ?? ''} ${el.getAttribute('aria-label') ?? ''}`;
    let kind: 'font' | 'contrast' | undefined;
    if (FONT_CODE.test(code) || FONT_WORDS.test(label)) kind = 'font';
    else if (CONTRAST_WORDS.test(code) || CONTRAST_WORDS.test(label)) kind = 'contrast';
    else if (el.childElementCount <= 2) {
      const t = shortText(el, 40);
      if (/^A\s*[-+−]?$/.test(t)) kind = 'font';
      else if (CONTRAST_WORDS.test(t)) kind = 'contrast';
      else {
        const img = el.querySelector('img[alt], img[title]');
        const alt = img ? `${img.getAttribute('alt') ?? ''} ${img.getAttribute('title') ?? ''}` : '';
        if (alt && CONTRAST_WORDS.test(alt)) kind = 'contrast';
        else if (alt && FONT_WORDS.test(alt)) kind = 'font';
      }
    }
    if (!kind || isOwn(el) || (body !== root && body.contains(el))) continue;
    (kind === 'font' ? font : contrast).push(el);
  }
  return { font: outermost(font), contrast: outermost(contrast) };
}

/** Numbers the site shows next to its rating: "Tổng số điểm … là: 12 trong 3 đánh giá", "ĐÁNH GIÁ (3)". */
export function parseRatingSummary(text: string, checked?: number): { average: number; count: number } | undefined {
  let m = /(\d+(?:[.,]\d+)?)\s*(?:điểm\s*)?trong\s*(\d+)\s*(?:lượt\s*)?đánh giá/i.exec(text);
  if (m) {
    const total = Number(m[1]!.replace(',', '.'));
    const count = Number(m[2]);
    // NukeViet and VHV show the total of all stars, not the average.
    const average = count ? Math.min(5, Math.round((total / count) * 10) / 10) : 0;
    return { average, count };
  }
  m = /đánh giá[^\d]{0,30}\(\s*(\d+)\s*\)/i.exec(text) ?? /(\d+)\s*(?:lượt\s*)?đánh giá/i.exec(text);
  if (m) {
    const count = Number(m[1]);
    return { average: count && checked ? checked : 0, count };
  }
  return undefined;
}

/**
 * The site's star-rating radios, grouped: 3–10 radios with values 1..n (by `name`, else by parent), or the
 * stars of the jQuery rating plugin.
 */
export function findRatingInputs(doc: Document): Element[] | undefined {
  const groups = new Map<unknown, HTMLInputElement[]>();
  for (const input of (queryAll(doc, 'input[type="radio"]') as NodeListOf<HTMLInputElement>)) {
    if (isOwn(input)) continue;
    const key = input.name ? `${input.form ? 'f' : ''}${input.name}` : input.parentElement;
    groups.set(key, [...(groups.get(key) ?? []), input]);
  }
  for (const radios of groups.values()) {
    const values = radios.map((r) => Number(r.value));
    if (radios.length >= 3 && radios.length <= 10 && values.every((v, i) => v === i + 1)) return radios;
  }
  const stars = [...queryAll(doc, 'div.star-rating:not(.rating-cancel)')].filter((s) => !isOwn(s));
  return stars.length >= 3 && stars.length <= 10 ? stars : undefined;
}

/** Climbs from `el` while the parent adds no more than `extra` characters and stays clear of `avoid`. */
function climb(el: Element, avoid: Element[], extra: number): Element {
  const doc = el.ownerDocument;
  const base = textOf(el).length;
  let box = el;
  for (let p = el.parentElement; p && p !== bodyOf(doc) && p !== rootOf(doc); p = p.parentElement) {
    if (avoid.some((a) => p.contains(a))) break;
    if (textOf(p).length > base + extra) break;
    box = p;
  }
  return box;
}

function ratingFrom(inputs: Element[], article: Article, titleEl: Element | undefined): LegacyRating {
  const doc = inputs[0]!.ownerDocument;
  let lca: Element = inputs[0]!.parentElement ?? inputs[0]!;
  while (!inputs.every((i) => lca.contains(i)) && lca.parentElement) lca = lca.parentElement;
  const avoid = [article.body, ...(titleEl ? [titleEl] : [])];
  const container = climb(lca, avoid, 300);
  const checkedValue = () => {
    const checked = inputs.find((i) => (i as HTMLInputElement).checked);
    return checked ? Number((checked as HTMLInputElement).value) : undefined;
  };
  const read = () => parseRatingSummary(textOf(container), checkedValue());
  const now = read();
  return {
    container,
    radios: inputs,
    ...(now ? { average: now.average, count: now.count } : {}),
    submit(value: number) {
      const target = inputs[value - 1];
      if (!target || (target as HTMLInputElement).disabled) return Promise.reject(new Error('Accessible Reader: the site no longer takes this vote.'));
      const before = textOf(container);
      // The plugin's stars listen on their link; bare radios on themselves. Either way the site's own
      // handler runs, exactly as if the reader had clicked it.
      const clickable = (target.querySelector('a') ?? target) as HTMLElement;
      clickable.click();
      if (textOf(container) !== before) return Promise.resolve(read());
      const win = viewOf(doc);
      if (!win) return Promise.resolve();
      return new Promise((resolve) => {
        const done = () => {
          observer.disconnect();
          win.clearTimeout(timer);
          resolve(textOf(container) !== before ? read() : undefined);
        };
        const observer = new win.MutationObserver(done);
        observer.observe(container, { subtree: true, childList: true, characterData: true });
        const timer = win.setTimeout(done, 3000);
      });
    },
  };
}

const RELATED_TITLE = /^(?:bài viết|tin(?: tức)?|tin bài|các tin|các bài)\s+(?:liên quan|cùng (?:chuyên mục|danh mục|loại)|khác)|^những (?:tin|bài) (?:mới|cũ) hơn|^tin khác$|^xem thêm$|^related (?:articles|news|posts|stories)$/i;
/** The whole text is a box title: a link that only starts like one ("Tin liên quan đến …") is an article. */
const RELATED_TITLE_ONLY = new RegExp(`(?:${RELATED_TITLE.source})\\s*:?$`, 'i');

/** Boxes titled "Bài viết liên quan" and the like: empty ones are replaced, others are kept. */
function findRelatedBoxes(labels: Label[], article: Article): { empty?: Element; heading?: string; lists: Element[] } {
  const lists: Element[] = [];
  let empty: Element | undefined;
  let heading: string | undefined;
  // Links per box, counted once: a "Xem thêm" under every teaser of one big box asked the box for its links each time.
  const linksIn = new Map<Element, number>();
  for (const [el, t] of labels) {
    if (!RELATED_TITLE.test(t) || el.querySelector('p, div, h2, h3, h4, h5, h6')) continue;
    if (el.closest('a[href]') && !RELATED_TITLE_ONLY.test(t)) continue;
    if (isOwn(el) || (article.body !== article.root && article.body.contains(el))) continue;
    const box = boxAround(el, [article.root]) ?? climb(el, [article.root], 1200);
    if (box === el) continue;
    // The box's links other than the title's own (the title is inside its box).
    let all = linksIn.get(box);
    if (all === undefined) linksIn.set(box, (all = box.querySelectorAll('a[href]').length));
    const links = all - el.querySelectorAll('a[href]').length - (el.matches('a[href]') ? 1 : 0);
    // A title whose list comes right after its box (the parser closes a <p> before a <table>) is not an empty
    // box to fill: the two are the related list.
    const next = links === 0 ? box.nextElementSibling : null;
    if (next && next.querySelectorAll('a[href]').length >= 2 && linkShare(next) > 0.8) lists.push(box, next);
    else if (links === 0 && textOf(box).length - t.length < 80) {
      if (!empty) [empty, heading] = [box, t];
    } else lists.push(box);
  }
  return { empty, heading, lists: outermost(lists) };
}

type Label = [Element, string];
/** Words that can start a box title, a counter or a share label: a cheap filter over every text node. */
const LABEL_WORDS = /liên quan|chuyên mục|danh mục|tin khác|xem thêm|những (?:tin|bài)|related|truy cập|lượt xem|online|viếng thăm|visitor|page views|văn bản|tin mới|nổi bật|đọc nhiều|xem nhiều|liên kết|lịch công tác|thăm dò|thư viện|hình ảnh|video|chia sẻ|share/i;

/**
 * Label-like elements of the page (box titles, counters, share labels) with their text, found in one pass
 * over the text nodes: the cost is one regular expression test per text node.
 */
function findLabels(doc: Document): Label[] {
  const out: Label[] = [];
  const seen = new Set<Element>();
  const walker = walkerIn(doc, bodyOf(doc), 4);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const v = n.nodeValue ?? '';
    if (v.length > 160 || !LABEL_WORDS.test(v)) continue;
    const el = n.parentElement;
    if (!el || seen.has(el) || /^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE|TEXTAREA|OPTION)$/.test(el.tagName)) continue;
    seen.add(el);
    const t = shortText(el, 60);
    if (t) out.push([el, t]);
  }
  return out;
}

const COUNTER = /thống kê truy cập|đang truy cập|lượt truy cập|số lượt truy cập|lượt xem|đang online|khách viếng thăm|thành viên online|visitors? (?:online|today|counter)|page views/i;
const SIDE_LIST = /^(?:văn bản mới|văn bản mới ban hành|văn bản chỉ đạo điều hành|tin mới|tin mới nhất|tin nổi bật|tin đọc nhiều|tin xem nhiều|đọc nhiều|xem nhiều nhất|liên kết website|liên kết web|lịch công tác|thăm dò ý kiến|thư viện ảnh|thư viện video|hình ảnh hoạt động|video clip)$/i;
const BOX_CLASS = /(?:^|\s)(?:panel|block|box|widget|portlet|frame|card|module|webpart)(?:$|\s)/i;
const SHARE_LABEL = /^(?:chia sẻ|chia sẻ bài viết|chia sẻ trên mạng xã hội|share|share this)\s*:?$/i;
const SHARE = /(?:^|[\s_-])(?:share|sharing|social|addthis|sharethis|zalo-share-button|fb-share-button|fb-like|chia-?se|mxh)(?:[\s_-]|$)/i;
const AD = /(?:^|[\s_-])(?:ads?|adv|advert\w*|adsbygoogle|quang-?cao|qc|sponsor\w*|banner-?(?:ads?|qc|quangcao))(?:[\s_-]|$)/i;
/** Cheap first test before the precise ones below. */
const ANY_NAME = /share|social|addthis|zalo|fb-|chia|mxh|ad|qc|quang|sponsor|side|col-right|col-left/i;
const SIDEBAR = /(?:^|[\s_-])(?:sidebar|side-bar|sidebox|sidenav|right-?col(?:umn)?|left-?col(?:umn)?|col-right|col-left-menu)(?:[\s_-]|$)/i;

/** The smallest box around a matched label: a panel/block ancestor, else the nearest list item or paragraph. */
function boxAround(el: Element, avoid: Element[]): Element | undefined {
  for (let p: Element | null = el; p && p !== el.ownerDocument.body; p = p.parentElement) {
    if (avoid.some((a) => p.contains(a))) break;
    if (p.localName === 'aside' || p.localName === 'section' || BOX_CLASS.test(p.getAttribute('class') ?? '')) return p;
  }
  const near = el.closest('li, p, tr, dl, div');
  return near && !avoid.some((a) => near.contains(a)) ? near : undefined;
}

/**
 * Page parts around the article that compete with it: visitor counters, side lists, share bars, banners and
 * sidebars. Never the article, its title, text, images, captions or byline, nor the related lists.
 */
export function findClutter(doc: Document, article: Article, protect: Element[], labels: Label[] = findLabels(doc)): Element[] {
  const { root, body } = article;
  const found: Element[] = [];
  const avoid = [root, ...protect];
  const safe = (el: Element) => {
    if (isOwn(el) || el === bodyOf(doc) || el === rootOf(doc) || el.contains(body)) return false;
    if (avoid.some((a) => el.contains(a) || (a !== root && a.contains(el)))) return false;
    if (root.contains(el)) {
      // Inside the article only small tools may go: no text block, picture, caption or heading.
      if (textOf(el).length > 200 || el.querySelector(`figure, figcaption, h1, h2, video, iframe, ${EMBEDDED_POST}`)) return false;
      for (const img of el.querySelectorAll('img')) {
        const r = img.getBoundingClientRect();
        if (r.width > 80 && r.height > 80) return false;
      }
    }
    return true;
  };
  const inText = (el: Element) => body !== root && body.contains(el);
  const bars = new Set<Element>();
  for (const [el, t] of labels) {
    // Labelled boxes: counters and side lists.
    if ((COUNTER.test(t) || SIDE_LIST.test(t)) && !el.closest('a, nav') && !inText(el) && !el.querySelector('p, div, li, ul, table')) {
      const box = root.contains(el) ? el.closest('p, div, li') ?? el : boxAround(el, avoid);
      if (box && safe(box)) found.push(box);
    }
    // Share bars labelled as such, whatever their class names. Each bar judged once: a list of comments, each with
    // its "Share" link, is one bar around them all (1,000 comments: 0.35 to 1.8 s of reading its text again).
    if (SHARE_LABEL.test(t) && el.childElementCount <= 2 && !inText(el)) {
      const bar = el.parentElement?.closest('div, ul, p, section');
      if (bar && !bars.has(bar)) {
        bars.add(bar);
        if (textOf(bar).length < 120 && safe(bar)) found.push(bar);
      }
    }
  }
  // Share bars, ad banners and declared sidebars, by their names.
  for (const el of (articleOnly ? root : bodyOf(doc)).querySelectorAll('[class], [id], aside, ins')) {
    const names = `${el.getAttribute('class') ?? ''} ${el.id}`;
    if (el.localName !== 'aside' && !ANY_NAME.test(names)) continue;
    const isAd = AD.test(names) || (el.localName === 'ins' && /adsbygoogle/.test(names));
    if ((SHARE.test(names) || isAd || SIDEBAR.test(names) || el.localName === 'aside') && safe(el)) found.push(el);
  }
  if (articleOnly) return outermost(found);
  // Columns beside the article's column (Bootstrap col-md-3 next to col-md-9, floats, flex/grid items).
  const rootRect = root.getBoundingClientRect();
  for (let a: Element | null = root; a && a !== bodyOf(doc); a = a.parentElement) {
    const parent: Element | null = a.parentElement;
    if (!parent) break;
    const ar = a.getBoundingClientRect();
    for (const s of parent.children) {
      if (s === a || isOwn(s)) continue;
      const sr = s.getBoundingClientRect();
      if (!sr.width || !sr.height) continue;
      const beside = (sr.left >= ar.right - 2 || sr.right <= ar.left + 2) && sr.top < Math.max(ar.bottom, rootRect.bottom) && sr.bottom > ar.top;
      if (beside && sr.width < ar.width && safe(s)) found.push(s);
    }
  }
  return outermost(found);
}

/** All legacy widgets of the page, with the adapter's hints taking precedence. */
export function findWidgets(doc: Document, article: Article, titleEl: Element | undefined, bylineEl: Element | undefined, hints: WidgetHints = {}): LegacyWidgets {
  const inputs = hints.ratingInputs?.length ? hints.ratingInputs : findRatingInputs(doc);
  const rating = inputs ? ratingFrom(inputs, article, titleEl) : undefined;
  const labels = findLabels(doc);
  const related = findRelatedBoxes(labels, article);
  const relatedBox = hints.related === undefined ? related.empty : hints.related ?? undefined;
  const keep = outermost([...related.lists, ...(hints.keep ?? []), ...(bylineEl ? [bylineEl] : []), ...(titleEl ? [titleEl] : [])]);
  const tools = hints.fontControls && hints.contrastControls ? undefined : findTools(doc, article);
  const fontControls = hints.fontControls ?? tools!.font;
  const contrastControls = hints.contrastControls ?? tools!.contrast;
  const protect = [...keep, ...(rating ? [rating.container] : []), ...(relatedBox ? [relatedBox] : [])];
  const clutter = outermost([...(hints.clutter ?? []), ...findClutter(doc, article, protect, labels)]).filter(
    (c) => !protect.some((p) => c.contains(p)) && !c.contains(article.root),
  );
  return {
    fontControls,
    contrastControls,
    ...(rating ? { rating } : {}),
    ...(relatedBox ? { related: relatedBox, relatedHeading: related.heading ?? textOf(relatedBox.querySelector('h2,h3,h4,h5,h6,[class*="title"]')) } : {}),
    clutter,
    keep,
  };
}
