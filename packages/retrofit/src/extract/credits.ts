/**
 * Photo credits in the article's figures ("Foto: Christof Stache", "© Thinkstock", "Getty Images" in a credit
 * span): a line the reader has no use for in the text, and one a voice would read out between two paragraphs.
 * The caption that says what the photo shows stays.
 */

/** Class names sites give a credit (WordPress `img-author`, `wp-caption` credits, `…__credit`, `…__source`). */
const CREDIT_CLASS = /(?:^|[\s_-])(?:credits?|copyright|photo-?credits?|img-author|image-?(?:source|author)|picture__source|photographer)(?:$|[\s_-])/i;
/** A caption line that is nothing but a credit: "Foto: …", "Ảnh: …", "© …", "(Photo: …)". */
const CREDIT_TEXT = /^\(?\s*(?:©|\(c\)|(?:fotos?|bild(?:er)?|photos?|image|credits?|crédit|quelle|source|fuente|ảnh|nguồn ảnh)\s*:)/i;
/** Where credits are: figures and their captions. */
const CAPTIONS = 'figure, figcaption, caption, [class*="caption" i]';
/** Longest text a credit has (a caption that goes on is a caption). */
const MAX_CREDIT = 100;

const isCredit = (el: Element): boolean => {
  if (el.querySelector('img, picture, video')) return false;
  const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
  if (!text || text.length > MAX_CREDIT) return false;
  return CREDIT_CLASS.test(el.getAttribute('class') ?? '') || CREDIT_TEXT.test(text);
};

/**
 * The credits inside the figures and captions of `scope`, outermost first, and the short boxes named as credits
 * anywhere in it (a gallery's `<span class="credit">` in its control bar, outside any figure).
 */
export function findCredits(scope: Element): Element[] {
  const out: Element[] = [];
  for (const el of scope.querySelectorAll('[class*="credit" i], [class*="photographer" i]')) {
    if (!out.some((c) => c.contains(el)) && CREDIT_CLASS.test(el.getAttribute('class') ?? '') && isCredit(el)) out.push(el);
  }
  let looked: Element | undefined;
  for (const box of scope.querySelectorAll(CAPTIONS)) {
    // A figure holds its caption: each is looked through once, from the outermost box (document order).
    if (looked?.contains(box) || out.some((c) => c.contains(box))) continue;
    looked = box;
    if (isCredit(box)) {
      out.push(box);
      continue;
    }
    for (const el of box.querySelectorAll('*')) if (!out.some((c) => c.contains(el)) && isCredit(el)) out.push(el);
  }
  return out;
}
