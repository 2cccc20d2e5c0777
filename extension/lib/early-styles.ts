/**
 * The stylesheet put on the page at `document_start`, before the page has any content, so that its first paint
 * is already large and high-contrast. It is a stand-in: the engine measures the page's own sizes when the DOM is
 * ready, so this sheet is removed in the same task that starts the engine (no frame is painted in between).
 *
 * Portals size their text in px (often `!important`), which a root font-size cannot change; `zoom` on the
 * outermost text blocks scales their text whatever its unit, and an auto-width block still fits its column.
 */
import type { Settings } from './settings';

const TEXT_BLOCKS = 'p, li, dd, dt, blockquote, figcaption, h1, h2, h3, h4, h5, h6, pre';

export function earlyCss(s: Readonly<Settings>): string {
  const rules: string[] = [];
  if (s.fontScale > 1) {
    rules.push(`:is(${TEXT_BLOCKS}):not(:is(${TEXT_BLOCKS}) *) { zoom: ${s.fontScale} !important; }`);
  }
  if (s.spacing === 'wcag') {
    rules.push(
      'body, body * { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }',
      'p { margin-block-end: 2em !important; }',
    );
  }
  return rules.join('\n');
}
