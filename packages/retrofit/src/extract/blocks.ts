/**
 * Reading blocks: the article's text cut where a reader pauses (paragraphs, headings, list items, cells,
 * captions), each with the text nodes that make it up, so that read-aloud can map a sentence back to a DOM
 * range and `text` is the same words in the same order.
 */

export const BLOCK = 'p,h1,h2,h3,h4,h5,h6,li,dt,dd,blockquote,pre,figcaption,caption,td,th,figure,article,section,div,ul,ol,dl,table,tr,body,main';

/** A text node, or a line break between two of them. */
export type Part = Text | '\n';

export interface ReadingBlock {
  /** The element the text belongs to (a paragraph, heading, list item…). */
  el: Element;
  /** Its text nodes in order, with '\n' where a <br> breaks the line. */
  parts: Part[];
  /** The text, whitespace collapsed (line breaks kept). */
  text: string;
}

const collapse = (s: string) =>
  s
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');

/**
 * The text of `parts`: a line break where a <br> is, and, in a <pre> (`pre`), where the source has one; elsewhere a
 * newline of the page's source is a space, as the browser shows it (an old page writes a paragraph over many lines).
 */
export const partsText = (parts: Part[], pre = false): string => collapse(parts.map((p) => (p === '\n' ? '\n' : pre ? p.data : p.data.replace(/\n/g, ' '))).join(''));

/**
 * The blocks of `root` in reading order. A new block starts wherever the nearest block ancestor of the text
 * changes, so a list item's own text and the nested list inside it are separate blocks.
 */
export function readingBlocks(root: Element): ReadingBlock[] {
  const out: ReadingBlock[] = [];
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, 5 /* elements and text */);
  let current: ReadingBlock | undefined;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.nodeType === 1) {
      if ((n as Element).localName === 'br' && current) current.parts.push('\n');
      continue;
    }
    const text = n as Text;
    const el = text.parentElement?.closest(BLOCK) ?? root;
    if (!current || current.el !== el) {
      if (!/\S/.test(text.data)) continue;
      current = { el, parts: [], text: '' };
      out.push(current);
    }
    current.parts.push(text);
  }
  for (const b of out) b.text = partsText(b.parts, b.el.closest('pre') !== null);
  return out.filter((b) => b.text);
}

/** Plain text of blocks, one per line. */
export const blocksText = (blocks: ReadingBlock[]): string => blocks.map((b) => b.text).join('\n');
