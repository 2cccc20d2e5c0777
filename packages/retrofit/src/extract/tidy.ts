/**
 * Last pass over the clean copy: short lines that are page furniture rather than article (date lines, view
 * counters, share and print labels, "Tin liên quan" with its list of links) are taken out, and the byline
 * when it closes the text.
 */
import { findByline, MONTH_NAME, textBefore } from '../adapters/metadata.js';
import { FILE, isTeaser } from '../adapters/teasers.js';
import { linkShare, textOf } from '../dom.js';
import { hasLetterOrDigit, WORDS } from '../letters.js';
import { readingBlocks, type ReadingBlock } from './blocks.js';
import { isBlank, isBreak, splitAtBlankLines } from './paragraphs.js';

const DATE_LINE =
  /^(?:(?:cập nhật|ngày đăng|đăng lúc|đăng ngày|ngày cập nhật|thời gian|posted|published|updated)\s*:?\s*)?(?:\d{1,2}\s*[:hg]\s*\d{2}\s*[,-]?\s*)?(?:(?:thứ\s+\S+|chủ nhật)\s*[,-]?\s*)?(?:ngày\s*)?\d{1,2}[/.-]\d{1,2}[/.-]\d{4}(?:\s*[-|,]?\s*\d{1,2}\s*[:hg]\s*\d{2}(?:\s*(?:SA|CH|AM|PM))?)?(?:\s*\(?GMT\s*[+-]\d{1,2}\)?)?(?:\s*[-|,]\s*(?:đã xem|lượt xem|lượt đọc|xem)\s*:?\s*[\d.,]+)?$/i;
const FURNITURE =
  /^(?:lượt xem|số lượt xem|lượt đọc|lượt truy cập|đã xem|chia sẻ|share|in bài|in trang|bản in|gửi email|gửi bài|lưu bài|đánh giá bài viết|tổng số điểm|click để đánh giá|bình chọn|bình luận|ý kiến bạn đọc|từ khóa|từ khoá|tags?|quay lại|về đầu trang|trở về|facebook|zalo|twitter|cỡ chữ|tương phản)(?:\s|:|$)/i;
/**
 * The site's lines in other languages: a row of share buttons' labels ("teilen twittern E-Mail"), "follow us"
 * lines, "back to the start page", an ad slot's "Advertisement" label, a photo gallery's buttons. (Whole short
 * lines only: "Print copies are available…" is a sentence.)
 */
const SITE_LINE =
  /^(?:(?:teilen|twittern|tweet|drucken|pinnen|pin it|share|print|e-?mail|facebook|twitter|whatsapp|linkedin|xing|telegram|pinterest|flipboard|reddit|messenger|zalo)\b[\s|,·•/]*){2,}$|^(?:síguenos|siguenos|follow us|folge uns|folgen sie uns)\b|^(?:zur startseite|zurück zur übersicht|zur übersicht|back to top|nach oben|back to home)$|^(?:advertisement|advertising|advert|anzeige|werbung|publicité|publicidad|pubblicità|quảng cáo|sponsored content)$|^(?:caption|close|back to gallery|view gallery|chú thích|đóng|xem bộ ảnh|quay lại bộ ảnh|(?:image|photo|ảnh) \d+ ?(?:of|\/) ?\d+)$/i;
/** Words a date line may hold besides the date: weekdays, "Published", "Updated", "on", "at", a.m./p.m. */
const DATE_WORD = /^(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|published|updated|posted|last|modified|on|at|am|pm|a|p|m|uk|us)$/i;
/** "Updated" or "Published:" alone, its date on the next line. */
const DATE_LABEL = /^(?:published|updated|posted|last updated|modified)\s*:?$/i;
/**
 * A line that is a date written with the month's name and nothing else but its time, time zone, weekday and
 * label ("Published 11:34 PM EST Nov 19, 2019", "3:27 am PST, Wednesday, November 20, 2019"). A date in
 * brackets belongs to the sentence around it, and a date with a colon heads what follows (a timeline's entry).
 */
function isWrittenDateLine(t: string): boolean {
  if (t.length > 80 || t.startsWith('(') || t.endsWith(':') || !/\b(?:19|20)\d{2}\b/.test(t)) return false;
  const words = t.match(WORDS) ?? [];
  return words.some((w) => MONTH_NAME.test(w)) && words.every((w) => MONTH_NAME.test(w) || DATE_WORD.test(w) || /^\d+(?:st|nd|rd|th)?$/i.test(w) || /^[A-Z]{1,3}T$/.test(w));
}
/** A line of nothing but separators and symbols ("|", "»", "-"), left when the links around it are gone. */
const hasNoWords = (t: string): boolean => !hasLetterOrDigit(t);
const RELATED = /^(?:(?:tin|bài|bài viết|các tin|các bài)\s+)?(?:liên quan|khác|cùng chuyên mục)$|^(?:tin|bài|bài viết|các tin|các bài)\s+(?:liên quan|khác|cùng chuyên mục)|^(?:xem thêm|related)\b/i;

/**
 * Titles sites put over links to their other pages, in the languages of the pages we meet ("Mehr zum Thema",
 * "Lesen Sie auch", "Explore further", "À lire aussi", "Czytaj też", 相关阅读…), the whole line.
 */
const ELSEWHERE_TITLES = [
  'related(?: articles| stories| posts| news| content| links| topics| reading| coverage)?',
  'read (?:more|also|next)',
  'more (?:on|about) (?:this|the) (?:topic|story|subject)',
  'explore further',
  'you (?:may|might) also (?:like|enjoy|be interested in)',
  'recommended(?: for you| articles| stories| reading)?',
  'more (?:stories|news|articles)',
  'more from',
  'trending(?: now| news| stories| articles)?',
  'most (?:popular|read|viewed|shared)',
  'top stories',
  "(?:don['’]t|do not) miss",
  'mehr zum thema',
  'mehr (?:dazu|aus der rubrik)',
  'lesen sie (?:auch|mehr|weiter)',
  'weiterlesen',
  'auch interessant',
  '(?:das )?könnte (?:sie|dich) auch interessieren',
  'verwandte (?:themen|themenbereiche|artikel|beiträge|inhalte|nachrichten)',
  'ähnliche (?:artikel|beiträge|themen)',
  'weitere (?:artikel|beiträge|meldungen|nachrichten|themen)',
  'aktuelle (?:meldungen|nachrichten|beiträge)',
  '(?:à )?lire aussi',
  'à lire (?:également|aussi)',
  'sur le même (?:sujet|thème)',
  'articles? (?:similaires|liés|connexes)',
  '(?:artículos|noticias|notas|notícias|matérias) relacionad[ao]s',
  'te puede interesar',
  '(?:lee|leer|leia|veja|leggi) (?:también|também|anche)',
  'articoli correlati',
  '(?:czytaj|przeczytaj|zobacz) (?:też|także|również)',
  'powiązane(?: artykuły| tematy)?',
  'đọc thêm',
  'đọc nhiều(?: nhất)?',
  'xem nhiều(?: nhất)?',
  'có thể bạn quan tâm',
  '相关(?:阅读|新闻|文章|链接|报道)',
  '延伸阅读',
  '推荐阅读',
].join('|');
/** "More:" over links is such a title only alone ("More: http://…" and "More Cheap Shots…" are the text's). */
const ELSEWHERE = new RegExp(`^(?:${ELSEWHERE_TITLES}|more)\\s*[:…]?$`, 'i');
/** The same title alone or opening a longer line ("Mehr zum Thema So heizen Sie…", "Artículos relacionados el Nuevo Herald"). */
const ELSEWHERE_OPENING = new RegExp(`^(?:${ELSEWHERE_TITLES})\\s*[:…]?(?:\\s|$)`, 'i');

/**
 * Titles of the author's box after an article ("About the author", "Über den Autor", "Về tác giả"…): the bio,
 * "see full bio" and "all posts by" lines under them are the site's, not the article's.
 */
const ABOUT_AUTHOR =
  /^(?:about the (?:authors?|reviewers?|writers?|contributors?|experts?)|über (?:den autor|die autorin|die autoren|die autorinnen)|zum autor|zur autorin|à propos de l'auteur|à propos de l’auteur|sobre (?:el|la|o|a) autora?|o autorze|informazioni sull['’]autore|về tác giả|giới thiệu tác giả|thông tin tác giả|作者简介|关于作者)\s*:?$/i;

/** Elements a short title line is written in (a heading, or a paragraph, box or bold line on its own). */
const TITLE_TAG = /^(?:h\d|p|div|strong|b)$/;
/** A heading element (the clean copy has h2-h6 only). */
const HEADING = /^h[1-6]$/;

/** Takes out a title (its box, see `removable`) and the siblings after it for as long as `goesWith` says they belong to it. */
function dropWithFollowing(title: Element, content: Element, goesWith: (next: Element) => boolean): void {
  const head = removable(title, content);
  let next = head.nextElementSibling;
  head.remove();
  while (next && goesWith(next)) {
    const after = next.nextElementSibling;
    next.remove();
    next = after;
  }
}

/** The author's box goes with its title, up to the next title of another kind. */
const inAuthorBox = (next: Element) => !(HEADING.test(next.localName) && !ABOUT_AUTHOR.test((next.textContent ?? '').trim()));

/** The element to remove for a block: the block, or its list item / paragraph when that holds nothing else. */
function removable(el: Element, root: Element): Element {
  let box = el;
  while (box.parentElement && box.parentElement !== root && (box.parentElement.textContent ?? '').trim() === (box.textContent ?? '').trim()) box = box.parentElement;
  return box;
}

/** A heading that is a link to another page: the title of a teaser (more stories, other posts, author boxes). */
const linkedHeading = (h: Element) => /\S/.test(h.textContent ?? '') && (!!h.closest('a') || linkShare(h) > 0.9);

/**
 * A teaser list after the article: from a heading that is a link to the end, only headings that are links (two
 * or more), each followed by short blocks (excerpt, byline, "read more"). All of it goes. A page that is a list
 * of teasers (nothing much before the first one) keeps them: they are its content.
 */
function dropTeasers(content: Element): void {
  const headings = [...content.querySelectorAll('h2, h3, h4, h5, h6')];
  // The tail of headings that are all links.
  let from = headings.length;
  while (from > 0 && linkedHeading(headings[from - 1]!)) from--;
  const first = headings[from];
  if (headings.length - from < 2 || !first || textBefore(content, first) < 500) return;
  // Each teaser (a heading and what follows it up to the next heading) is short: text that goes on after a
  // linked heading (an inline "related story" box) is the article continuing.
  const range = content.ownerDocument.createRange();
  for (let i = from; i < headings.length; i++) {
    range.setStartAfter(headings[i]!);
    if (headings[i + 1]) range.setEndBefore(headings[i + 1]!);
    else range.setEnd(content, content.childNodes.length);
    if (range.toString().replace(/\s+/g, ' ').length > 500) return;
  }
  range.setStartBefore(first);
  range.setEnd(content, content.childNodes.length);
  range.deleteContents();
}

/** A block that reads as a sentence of the article: long enough, punctuated, not mostly links. */
const SENTENCE = /[.!?;:\u3002\uff01\uff1f\uff1b]/;

/**
 * Lists of teasers ("More stories", "Breaking News", "Trending") before, inside or after the article: three or
 * more items in a row that are each a linked headline and a line or two. They go with the list's title. A page
 * that is such a list (less than 500 characters outside it) keeps it: it is the page's content.
 */
function dropTeaserLists(content: Element, site: Set<string>): void {
  const total = textOf(content).length;
  for (const list of [...content.querySelectorAll('ul, ol')]) {
    if (!content.contains(list)) continue;
    const items = [...list.children];
    let run: Element[] = [];
    const runs: Element[][] = [];
    for (const item of [...items, null]) {
      if (item?.localName === 'li' && isTeaser(item, site)) run.push(item);
      else {
        if (run.length >= 3) runs.push(run);
        run = [];
      }
    }
    const inRuns = runs.flat().reduce((n, item) => n + textOf(item).length, 0);
    if (!runs.length || total - inRuns < 500) continue;
    for (const item of runs.flat()) item.remove();
    if (/\S/.test(list.textContent ?? '')) continue;
    // The emptied list goes, and the title over it.
    const box = removable(list, content);
    const title = box.previousElementSibling;
    box.remove();
    if (isListTitle(title)) title!.remove();
  }
}

/** The title over a list: a short line that is not a sentence ("Related:" is a title) nor a link. */
function isListTitle(el: Element | null): boolean {
  const t = textOf(el).replace(/:$/, '');
  return !!el && !!t && t.length <= 60 && !SENTENCE.test(t) && linkShare(el) < 0.5;
}

/** A block that is only a link (or links) to other pages: not to a place on this page, not to a file. */
function isLinkOnly(el: Element): boolean {
  const hrefs = [...el.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')!);
  if (!hrefs.length || hrefs.some((href) => /^#./.test(href) || FILE.test(href))) return false;
  return linkShare(el) >= 0.9;
}

/**
 * Lists of links set inside or after the text ("follow the story", "Stories", "Photo Essays", a row of tags):
 * three or more list items, or headings in a row, each only a link to another page. They go with the title over
 * them and a "See all" link under them, as Readability drops a list dense with links. Lists of files (the
 * attachments) and of places on the page (a table of contents) are the article's, and so is a list that is most
 * of the text.
 */
function dropLinkLists(content: Element): void {
  const runs: Element[][] = [];
  for (const list of content.querySelectorAll('ul, ol')) {
    const items = [...list.children].filter((item) => /\S/.test(item.textContent ?? ''));
    if (items.length >= 3 && items.every((item) => item.localName === 'li' && isLinkOnly(item))) runs.push([list]);
  }
  // (Not `linkedHeading`: a heading linking to a file or a place on the page is the article's here.)
  const headingLink = (el: Element | null): el is Element => !!el && HEADING.test(el.localName) && isLinkOnly(el);
  for (const h of content.querySelectorAll('h2, h3, h4, h5, h6')) {
    if (!headingLink(h) || headingLink(h.previousElementSibling)) continue;
    const run = [h];
    for (let next = h.nextElementSibling; headingLink(next); next = next.nextElementSibling) run.push(next);
    if (run.length >= 3) runs.push(run);
  }
  let total = textOf(content).length;
  for (const run of runs) {
    if (!content.contains(run[0]!)) continue;
    const size = run.reduce((n, el) => n + textOf(el).length, 0);
    if (total - size < 500) continue;
    total -= size;
    // A list goes with the box that holds nothing else; headings go one by one.
    const boxes = run.length === 1 ? [removable(run[0]!, content)] : run;
    const title = boxes[0]!.previousElementSibling;
    const after = boxes[boxes.length - 1]!.nextElementSibling;
    for (const el of boxes) el.remove();
    if (isListTitle(title)) title!.remove();
    if (after && textOf(after).length <= 40 && isLinkOnly(after) && !HEADING.test(after.localName)) after.remove();
  }
}

/**
 * A block saying word for word what one just before it said goes: a gallery's caption kept in two or three copies
 * (under the photo, again for the full-screen viewer), a pull quote repeating a paragraph next to it. A reader
 * would hear it twice. What is said again after other text (each day's warm-up in a training plan, each
 * webcam's credit) belongs to what it follows and stays; so do short lines (a tweet's signature), lines of
 * short lines and short list items (the same feature or shop link of two products).
 */
function dropRepeats(content: Element, blocks: ReadingBlock[]): void {
  const kept = blocks.filter((b) => content.contains(b.el));
  // Blocks long enough, and of one line, to count as said again.
  const said = new Set(kept.filter((b) => b.text.length >= (b.el.closest('li') ? 120 : 80) && !b.text.includes('\n')));
  const times = new Map<string, number>();
  for (const b of said) times.set(b.text, (times.get(b.text) ?? 0) + 1);
  const again = [...times.values()].filter((n) => n > 1).length;
  // A run of paragraphs said again is the page's own doing (a letter quoted twice, a copy for small screens its
  // stylesheet would hide): it stays, as the page has it.
  if (!again || again > 3) return;
  // How much text said once came before each block, and where each repeated text was last said.
  let once = 0;
  const lastSaid = new Map<string, number>();
  for (const b of kept) {
    if (!said.has(b) || times.get(b.text)! < 2) {
      once += b.text.length;
      continue;
    }
    const last = lastSaid.get(b.text);
    lastSaid.set(b.text, once);
    if (last !== undefined && once - last < 40) removable(b.el, content).remove();
  }
}

const isProse = (b: ReadingBlock) => b.text.length >= 50 && SENTENCE.test(b.text) && linkShare(b.el) < 0.5;

/**
 * Lists of links after the article's last sentence ("Recent articles", "Previously posted", 今日推荐) are the
 * site's, not the article's: from the last sentence on, when what follows is a titled list, mostly links to
 * other pages (three or more), all of it goes. Links to files are the article's attachments and stay.
 */
function dropTrailingLinks(content: Element, all: ReadingBlock[]): void {
  const blocks = all.filter((b) => content.contains(b.el));
  let last = blocks.length - 1;
  while (last >= 0 && !isProse(blocks[last]!)) last--;
  if (last < 0) return;
  const tail = blocks.slice(last + 1).filter((b) => !b.el.contains(blocks[last]!.el));
  const links = tail.flatMap((b) => [...b.el.querySelectorAll('a')]);
  if (links.length < 3 || links.some((a) => FILE.test(a.getAttribute('href') ?? ''))) return;
  // Under a title of its own (a short line, or a heading, that is not a link): a list that goes on from the
  // text is the text. A heading may be longer ("Average costs for cleaning services in the USA").
  const titled = (b: ReadingBlock) => b.text.length <= (HEADING.test(b.el.localName) ? 100 : 40) && !SENTENCE.test(b.text) && linkShare(b.el) < 0.5;
  if (!tail.some(titled)) return;
  const size = (el: Element) => (el.textContent ?? '').replace(/\s+/g, '').length;
  const text = tail.reduce((n, b) => n + b.text.replace(/\s+/g, '').length, 0);
  const linked = links.reduce((n, a) => n + size(a), 0);
  if (linked < text * 0.6) return;
  for (const b of tail) if (content.contains(b.el)) removable(b.el, content).remove();
}

/** What comes after a title is links (the list it heads), or nothing: a title that text follows is the text's. */
function linksFollow(head: Element): boolean {
  // A title inside the link it names (a teaser box that is one link).
  if (head.closest('a[href]')) return true;
  const next = head.nextElementSibling;
  if (next) return next.localName === 'a' || !!next.querySelector('a[href]');
  let after = '';
  for (let n = head.nextSibling; n; n = n.nextSibling) after += n.textContent ?? '';
  return !/\S/.test(after);
}

/** Takes the furniture lines (a date line, "Tương phản:", a lone "|") out of a block made of <br>-separated lines. */
function tidyLines(block: ReadingBlock, out: { date?: string }, isDateLine: (t: string) => boolean): void {
  let line: Text[] = [];
  let removed = false;
  const judge = () => {
    const t = line.map((n) => n.data).join('').replace(/\s+/g, ' ').trim();
    if (t && t.length <= 120 && (isDateLine(t) || DATE_LABEL.test(t) || FURNITURE.test(t) || SITE_LINE.test(t) || hasNoWords(t))) {
      if (isDateLine(t)) out.date ??= t;
      for (const n of line) n.remove();
      removed = true;
    }
    line = [];
  };
  for (const part of block.parts) {
    if (part === '\n') judge();
    else line.push(part);
  }
  judge();
  if (removed) trimBreaks(block.el);
}

/** Elements that show something without text: an emptied inline element holding one of them stays. */
const SHOWS = 'img, picture, video, audio, iframe, svg, canvas, object, input';

/**
 * What taking lines out of a <br>-separated block leaves: emptied inline elements (the <i> that held the date), the
 * line breaks before the first line and after the last, and more than two in a row. In the reader view at 200 %,
 * each left-over break is an empty line of large type above the text.
 */
function trimBreaks(el: Element): void {
  for (const inline of [...el.querySelectorAll('i, b, em, strong, span, font, small, u')]) {
    if (!/\S/.test(inline.textContent ?? '') && !inline.querySelector(SHOWS)) inline.remove();
  }
  // From each end: blank text is skipped, breaks go, the first thing shown stops it.
  for (const [first, next] of [['firstChild', 'nextSibling'], ['lastChild', 'previousSibling']] as const) {
    for (let n = el[first]; n && (isBlank(n) || isBreak(n)); ) {
      const after: ChildNode | null = n[next];
      if (isBreak(n)) n.remove();
      n = after;
    }
  }
  // Inside: two breaks end a paragraph; a third is an empty line.
  let run = 0;
  for (const n of [...el.childNodes]) {
    if (isBreak(n)) {
      if (++run > 2) n.remove();
    } else if (!isBlank(n)) run = 0;
  }
}

/**
 * Cleans `content` in place (`site`: the page's domains, see `siteOf`), and makes its blank-line paragraphs
 * paragraphs (`splitAtBlankLines`). Returns the byline's name when a byline line was taken out of the text, and the
 * first date line's text.
 */
export function tidy(content: Element, site: Set<string>): { byline?: string; date?: string } {
  const out: { byline?: string; date?: string } = {};
  // First, so that the teasers' own dates are not counted among the article's below.
  dropTeaserLists(content, site);
  const blocks = readingBlocks(content);
  // Where the text starts: lone links before it (a category, a breadcrumb) are not the article; when there
  // is no prose at all (an attachment link) they are all there is.
  const start = blocks.findIndex((b) => b.text.length >= 80);
  // A date written in words is the article's date above its text, or one or two lines among it (published,
  // updated); many of them are the text's own (a timeline, a calendar of events).
  const written = blocks.filter((b) => isWrittenDateLine(b.text)).length;
  const isDateLine = (t: string, i: number) => DATE_LINE.test(t) || (isWrittenDateLine(t) && (i < start || written <= 2));
  blocks.forEach((block, i) => {
    const t = block.text;
    if (!content.contains(block.el)) return;
    // Teasers that are links under their title, in one block ("Mehr zum Thema" and the story's headline, "READ
    // MORE: <a>…</a>", "DON'T MISS" over lines of links tagged "[INSIGHT]").
    const first = t.split('\n', 1)[0]!;
    if (ELSEWHERE_OPENING.test(first) && linkShare(block.el) > 0.6) return void removable(block.el, content).remove();
    // Lines of one block split by <br> (old editors, WebForms skins): each is judged as a line of its own.
    if (t.includes('\n')) return void tidyLines(block, out, (line) => isDateLine(line, i));
    if (t.length > 120) return;
    // After the article's text (not a box under its title, before the text starts).
    if (ABOUT_AUTHOR.test(t) && TITLE_TAG.test(block.el.localName) && textBefore(content, block.el) >= 500) return void dropWithFollowing(block.el, content, inAuthorBox);
    if (isDateLine(t, i)) {
      out.date ??= t;
      removable(block.el, content).remove();
    } else if (DATE_LABEL.test(t) || FURNITURE.test(t) || SITE_LINE.test(t) || hasNoWords(t) || (i < start && t.length <= 60 && linkShare(block.el) > 0.9)) {
      removable(block.el, content).remove();
    } else if (
      (RELATED.test(t) && TITLE_TAG.test(block.el.localName)) ||
      ((ELSEWHERE.test(t) || (ELSEWHERE_OPENING.test(t) && HEADING.test(block.el.localName))) && linksFollow(removable(block.el, content)))
    ) {
      // The heading and the link lists after it.
      dropWithFollowing(block.el, content, (next) => linkShare(next) > 0.6);
    }
  });
  dropTeasers(content);
  // The blocks found above, less those taken out since.
  dropTrailingLinks(content, blocks);
  // After the trailing links: a tag list taken out first would leave its title and fewer links than they ask for.
  dropLinkLists(content);
  dropRepeats(content, blocks);
  const byline = findByline(content, content);
  if (byline && (byline.el.textContent ?? '').trim().length <= 100) {
    removable(byline.el, content).remove();
    out.byline = byline.name;
  }
  // Last, on the text as it stands once the lines above are taken out.
  splitAtBlankLines(content);
  return out;
}
