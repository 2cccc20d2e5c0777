/**
 * The views' icons as inline SVG: a font glyph (⏮ ⏭ ⏸ ✕) shows as an empty box where the reader's fonts
 * lack it, an SVG path never does. Filled with currentColor, so they follow the theme and forced colours.
 */
const PATHS = {
  play: 'M7 4.5v15L20 12z',
  pause: 'M6 4.5h4v15H6zm8 0h4v15h-4z',
  stop: 'M6 6h12v12H6z',
  previous: 'M5 5h3v14H5zm15 0v14L9 12z',
  next: 'M16 5h3v14h-3zM4 5v14l11-7z',
  close: 'M5.6 4.2 12 10.6l6.4-6.4 1.4 1.4-6.4 6.4 6.4 6.4-1.4 1.4-6.4-6.4-6.4 6.4-1.4-1.4 6.4-6.4-6.4-6.4z',
  back: 'M10.6 5 3.6 12l7 7 1.4-1.4L7.4 13H21v-2H7.4L12 6.4z',
} as const;

export type IconName = keyof typeof PATHS;

const SVG = 'http://www.w3.org/2000/svg';

/** A decorative icon, hidden from assistive technology. */
export function icon(doc: Document, name: IconName): SVGSVGElement {
  const svg = doc.createElementNS(SVG, 'svg');
  // Its size is the button's (BASE_CSS): 1.25em.
  for (const [k, v] of [['viewBox', '0 0 24 24'], ['aria-hidden', 'true'], ['data-icon', name]]) svg.setAttribute(k!, v!);
  const path = doc.createElementNS(SVG, 'path');
  path.setAttribute('d', PATHS[name]);
  path.setAttribute('fill', 'currentColor');
  svg.append(path);
  return svg;
}
