/** Paragraphs a site wrote as blank lines (`text<br><br>text`) become paragraphs of their own in the clean copy. */

/** A `<br>`. */
export const isBreak = (n: Node | null): n is Element => n?.nodeType === 1 && (n as Element).localName === 'br';
/** Text of nothing but white space. */
export const isBlank = (n: Node): boolean => n.nodeType === 3 && !/\S/.test(n.textContent ?? '');

/**
 * Splits each `<p>` of `content` where two or more line breaks in a row (blank text between them aside) separate
 * its text, dropping those breaks. Old editors and WebForms skins write whole articles this way: in the reader view
 * each blank line was a full line of large type, wider than the gap between real paragraphs, and read-aloud could
 * not move from one such paragraph to the next. A single `<br>` stays: it is a line break within the paragraph
 * (an address, a verse). The text nodes are moved, not copied, so the page's text each one came from is still known.
 */
export function splitAtBlankLines(content: Element): void {
  for (const p of [...content.querySelectorAll('p')]) {
    const pieces: ChildNode[][] = [[]];
    // The breaks (and blank text between them) since the last text, and how many breaks they are.
    let pending: ChildNode[] = [];
    let breaks = 0;
    for (const n of [...p.childNodes]) {
      if (isBreak(n) || (breaks && isBlank(n))) {
        pending.push(n);
        if (isBreak(n)) breaks++;
        continue;
      }
      const piece = pieces[pieces.length - 1]!;
      if (breaks >= 2 && piece.some((m) => !isBlank(m))) {
        for (const m of pending) m.remove();
        pieces.push([n]);
      } else {
        piece.push(...pending, n);
      }
      pending = [];
      breaks = 0;
    }
    if (pieces.length < 2) continue;
    // Breaks after the last text: nothing follows them in a paragraph of its own.
    if (breaks >= 2) for (const m of pending) m.remove();
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
