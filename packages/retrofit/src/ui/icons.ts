/**
 * The views' icons as inline SVG: a font glyph (⏮ ⏭ ⏸ ✕) shows as an empty box where the reader's fonts
 * lack it, an SVG path never does. Filled with currentColor, so they follow the theme and forced colours.
 */
// On a 12 x 12 grid: short paths (the one-file bundle counts every byte).
const PATHS = {
  play: 'M3 1v10l8-5z',
  pause: 'M2 1h3v10H2zm5 0h3v10H7z',
  stop: 'M2 2h8v8H2z',
  previous: 'M2 2h2v8H2zm8 0v8L5 6z',
  next: 'M8 2h2v8H8zM2 2v8l5-4z',
  close: 'M2 3l1-1 3 3 3-3 1 1-3 3 3 3-1 1-3-3-3 3-1-1 3-3z',
  back: 'M1 6l4-4v3h6v2H5v3z',
} as const;

export type IconName = keyof typeof PATHS;

import { ONE_FILE } from '../one-file.js';

const SVG = 'http://www.w3.org/2000/svg';

/** A decorative icon, hidden from assistive technology. */
export function icon(doc: Document, name: IconName): SVGSVGElement {
  const svg = doc.createElementNS(SVG, 'svg');
  // Its size is the button's (BASE_CSS): 1.25em.
  svg.setAttribute('viewBox', '0 0 12 12');
  svg.setAttribute('aria-hidden', 'true');
  // Which icon it is, for the tests (the one-file bundle has no room for it).
  if (!ONE_FILE) svg.setAttribute('data-icon', name);
  const path = doc.createElementNS(SVG, 'path');
  path.setAttribute('d', PATHS[name]);
  path.setAttribute('fill', 'currentColor');
  svg.append(path);
  return svg;
}
