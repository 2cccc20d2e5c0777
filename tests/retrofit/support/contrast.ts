/**
 * WCAG contrast measured on what the browser actually paints: the text colour (including
 * -webkit-text-fill-color, which wins over `color` for painting) against the background drawn under the
 * element: its own and its ancestors' background colours composited, and an inset box-shadow that covers a
 * box (the trick used to paint over inline !important backgrounds). A background image under the text makes
 * the background unknown. (Written for the engine's tests; tests/support/contrast.ts did not exist yet.)
 */
export type RGBA = [number, number, number, number];

export function parseColor(value: string): RGBA | undefined {
  const m = /rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:[,\s/]+([\d.]+%?))?\s*\)/.exec(value);
  if (!m) return undefined;
  const a = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
  return [Number(m[1]), Number(m[2]), Number(m[3]), a];
}

const over = (top: RGBA, bottom: RGBA): RGBA => {
  const a = top[3] + bottom[3] * (1 - top[3]);
  if (!a) return [0, 0, 0, 0];
  const mix = (i: number) => (top[i]! * top[3] + bottom[i]! * bottom[3] * (1 - top[3])) / a;
  return [mix(0), mix(1), mix(2), a];
};

function luminance([r, g, b]: RGBA): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

export function contrastRatio(fg: RGBA, bg: RGBA): number {
  const color = over(fg, bg);
  const [l1, l2] = [luminance(color), luminance(bg)].sort((a, b) => b - a) as [number, number];
  return (l1 + 0.05) / (l2 + 0.05);
}

/** The opaque colour drawn behind `el`, or undefined when an image is part of it. */
export function drawnBackground(el: Element): RGBA | undefined {
  const win = el.ownerDocument.defaultView!;
  const layers: RGBA[] = [];
  for (let a: Element | null = el; a; a = a.parentElement) {
    const cs = win.getComputedStyle(a);
    if (cs.backgroundImage !== 'none' && !/^(IMG|VIDEO)$/.test(a.tagName)) return undefined;
    const shadow = /(rgba?\([^)]*\))\s+0px\s+0px\s+0px\s+(\d+)px\s+inset|inset.*?(rgba?\([^)]*\))/.exec(cs.boxShadow);
    const shadowColor = shadow ? parseColor(shadow[1] ?? shadow[3] ?? '') : undefined;
    if (shadowColor && shadowColor[3] === 1) {
      layers.push(shadowColor);
      break;
    }
    const bg = parseColor(cs.backgroundColor);
    if (bg && bg[3] > 0) layers.push(bg);
    if (bg && bg[3] === 1) break;
  }
  let result: RGBA = [255, 255, 255, 1]; // the canvas
  for (const layer of layers.reverse()) result = over(layer, result);
  return result;
}

/** The colour the text of `el` is painted with. */
export function textColor(el: Element): RGBA {
  const cs = el.ownerDocument.defaultView!.getComputedStyle(el);
  return parseColor(cs.webkitTextFillColor) ?? parseColor(cs.color) ?? [0, 0, 0, 1];
}

/** Contrast of `el`'s text against what is drawn behind it (0 when unknown). */
export function drawnContrast(el: Element): number {
  const bg = drawnBackground(el);
  return bg ? contrastRatio(textColor(el), bg) : 0;
}
