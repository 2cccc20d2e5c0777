/** Paragraphs a site wrote as blank lines (`text<br><br>text`) become paragraphs of their own in the clean copy. */

const isBreak = (n: Node): boolean => n.nodeType === 1 && (n as Element).localName === 'br';
const isBlank = (n: Node): boolean => n.nodeType === 3 && !/\S/.test(n.textContent ?? '');

/**
 * Splits each `<p>` of `content` where two or more line breaks in a row (blank text between them aside) separate
 * its text, dropping those breaks. Old editors and WebForms skins write whole articles this way: in the reader view
 * each blank line was a full line of large type, wider than the gap between real paragraphs, and read-aloud could
 * not move from one such paragraph to the next. A single `<br>` stays: it is a line break within the paragraph
 * (an address, a verse). The text nodes are moved, not copied, so the page's text each one came from is still known.
 */
export function splitAtBlankLines(content: Element): void {
  for (const p of [...content.querySelectorAll('p')]) {
    const pieces: Node[][] = [[]];
    let pending: Node[] = [];
    for (const n of [...p.childNodes]) {
      if (isBreak(n) || (pending.length && isBlank(n))) {
        pending.push(n);
        continue;
      }
      const piece = pieces[pieces.length - 1]!;
      if (pending.filter(isBreak).length >= 2 && piece.some((m) => !isBlank(m))) {
        for (const m of pending) m.parentNode?.removeChild(m);
        pieces.push([n]);
      } else {
        piece.push(...pending, n);
      }
      pending = [];
    }
    if (pieces.length < 2) continue;
    // Breaks after the last text: nothing follows them in a paragraph of its own.
    for (const m of pending) if (pending.filter(isBreak).length >= 2) m.parentNode?.removeChild(m);
    let after: Element = p;
    for (const piece of pieces.slice(1)) {
      const next = p.ownerDocument.createElement('p');
      for (const { name, value } of [...p.attributes]) next.setAttribute(name, value);
      next.append(...piece);
      after.after(next);
      after = next;
    }
  }
}
