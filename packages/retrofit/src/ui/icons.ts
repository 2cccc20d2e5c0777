/**
 * The engine's icons as inline SVG: a font glyph (⏮ ⏭ ⏸ ✕ ▾) shows as an empty box where the reader's fonts
 * lack it, an SVG path never does. Filled with currentColor, so they follow the theme and forced colours.
 */
// On a 12 x 12 grid: short paths.
const PATHS = {
  play: 'M3 1v10l8-5z',
  pause: 'M2 1h3v10H2zm5 0h3v10H7z',
  stop: 'M2 2h8v8H2z',
  previous: 'M2 2h2v8H2zm8 0v8L5 6z',
  next: 'M8 2h2v8H8zM2 2v8l5-4z',
  close: 'M2 3l1-1 3 3 3-3 1 1-3 3 3 3-1 1-3-3-3 3-1-1 3-3z',
  back: 'M1 6l4-4v3h6v2H5v3z',
  expand: 'M1 4l1-1 4 4 4-4 1 1-5 5z',
  collapse: 'M1 8l1 1 4-4 4 4 1-1-5-5z',
  reader: 'M1 2h4l1 1 1-1h4v8H7l-1 1-1-1H1zm1 1v6h3l.5.5V3.5L5 3zm8 0H7l-.5.5v6L7 9h3z',
  speak: 'M1 4h2l3-3v10L3 8H1zm7 0a3 3 0 010 4l-.7-.7a2 2 0 000-2.6zm1.5-1.5a5 5 0 010 7l-.7-.7a4 4 0 000-5.6z',
  off: 'M5.2 1h1.6v5H5.2zM3 2.6l1 1.2a3.5 3.5 0 104 0l1-1.2a5 5 0 11-6 0z',
} as const;

export type IconName = keyof typeof PATHS;

const SVG = 'http://www.w3.org/2000/svg';

/** A decorative icon, hidden from assistive technology; `data-icon` names it (for the tests). */
export function icon(doc: Document, name: IconName): SVGSVGElement {
  const svg = doc.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 12 12');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('data-icon', name);
  const path = doc.createElementNS(SVG, 'path');
  path.setAttribute('d', PATHS[name]);
  path.setAttribute('fill', 'currentColor');
  path.setAttribute('fill-rule', 'evenodd');
  svg.append(path);
  return svg;
}
