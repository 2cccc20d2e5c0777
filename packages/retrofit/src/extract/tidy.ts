/**
 * Last pass over the clean copy: short lines that are page furniture rather than article (date lines, view
 * counters, share and print labels, "Tin liên quan" with its list of links) are taken out, and the byline
 * when it closes the text.
 */
import { findByline } from '../adapters/metadata.js';
import { readingBlocks } from './blocks.js';

const DATE_LINE =
  /^(?:(?:cập nhật|ngày đăng|đăng lúc|đăng ngày|ngày cập nhật|thời gian|posted|published|updated)\s*:?\s*)?(?:(?:thứ\s+\S+|chủ nhật)\s*[,-]?\s*)?(?:ngày\s*)?\d{1,2}[/.-]\d{1,2}[/.-]\d{4}(?:\s*[-|,]?\s*\d{1,2}\s*[:hg]\s*\d{2}(?:\s*(?:SA|CH|AM|PM))?)?$/i;
const FURNITURE =
  /^(?:lượt xem|số lượt xem|lượt đọc|lượt truy cập|chia sẻ|share|in bài|in trang|bản in|gửi email|gửi bài|lưu bài|đánh giá bài viết|tổng số điểm|click để đánh giá|bình chọn|bình luận|ý kiến bạn đọc|từ khóa|từ khoá|tags?|quay lại|về đầu trang|trở về|facebook|zalo|twitter)(?:\s|:|$)/i;
const RELATED = /^(?:(?:tin|bài|bài viết|các tin|các bài)\s+)?(?:liên quan|khác|cùng chuyên mục)$|^(?:tin|bài|bài viết|các tin|các bài)\s+(?:liên quan|khác|cùng chuyên mục)|^(?:xem thêm|related)\b/i;

function linkShare(el: Element): number {
  const all = (el.textContent ?? '').replace(/\s+/g, '').length || 1;
  let linked = 0;
  for (const a of el.querySelectorAll('a')) linked += (a.textContent ?? '').replace(/\s+/g, '').length;
  return linked / all;
}

/** The element to remove for a block: the block, or its list item / paragraph when that holds nothing else. */
function removable(el: Element, root: Element): Element {
  let box = el;
  while (box.parentElement && box.parentElement !== root && (box.parentElement.textContent ?? '').trim() === (box.textContent ?? '').trim()) box = box.parentElement;
  return box;
}

/**
 * Cleans `content` in place. Returns the byline's name when a byline line was taken out of the text, and the
 * first date line's text.
 */
export function tidy(content: Element): { byline?: string; date?: string } {
  const out: { byline?: string; date?: string } = {};
  const blocks = readingBlocks(content);
  // Where the text starts: lone links before it (a category, a breadcrumb) are not the article; when there
  // is no prose at all (an attachment link) they are all there is.
  const start = blocks.findIndex((b) => b.text.length >= 80);
  blocks.forEach((block, i) => {
    const t = block.text;
    if (t.length > 120 || !content.contains(block.el)) return;
    if (DATE_LINE.test(t)) {
      out.date ??= t;
      removable(block.el, content).remove();
    } else if (FURNITURE.test(t) || (i < start && t.length <= 60 && linkShare(block.el) > 0.9)) {
      removable(block.el, content).remove();
    } else if (RELATED.test(t) && /^(h\d|p|div|strong|b)$/.test(block.el.localName)) {
      // The heading and the link lists after it.
      const head = removable(block.el, content);
      let next = head.nextElementSibling;
      head.remove();
      while (next && linkShare(next) > 0.6) {
        const after = next.nextElementSibling;
        next.remove();
        next = after;
      }
    }
  });
  const byline = findByline(content, content);
  if (byline && (byline.el.textContent ?? '').trim().length <= 100) {
    removable(byline.el, content).remove();
    out.byline = byline.name;
  }
  return out;
}
