/**
 * WCAG 2 contrast of what the browser really paints, for tests of themes and text transforms.
 *
 * - `drawnTextColor(el)`: the colour text is painted with. Chromium paints with `-webkit-text-fill-color`,
 *   which equals `color` unless something set it (contrast.css does, to beat inline `!important` colours).
 * - `drawnBackground(el)`: the solid colour behind the element's text. Walks up the flat tree (slots, shadow
 *   hosts) composing each box's `background-color` and any inset `box-shadow` that covers the whole box,
 *   until the result is opaque; the page canvas below everything is white. Layout is not considered: an
 *   absolutely positioned element is assumed to sit on its ancestors.
 * - `contrastRatio(fg, bg)`: the WCAG ratio of two `rgb()`/`rgba()` strings (a translucent `fg` is first
 *   composed over `bg`).
 * - `paintedContrast(pngBase64)`: the same measured from a screenshot's pixels, as an independent check.
 */
type Rgba = [number, number, number, number];

/** Parses `rgb(1, 2, 3)`, `rgba(1, 2, 3, 0.5)`, `rgb(1 2 3 / 50%)` and `transparent`. */
export function parseColor(value: string): Rgba {
  if (value.trim() === 'transparent') return [0, 0, 0, 0];
  const m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+)(%?))?\s*\)$/.exec(value.trim());
  if (!m) throw new Error(`contrast: cannot parse colour "${value}"`);
  const alpha = m[4] === undefined ? 1 : Number(m[4]) / (m[5] ? 100 : 1);
  return [Number(m[1]), Number(m[2]), Number(m[3]), alpha];
}

const toCss = ([r, g, b, a]: Rgba): string =>
  a >= 1 ? `rgb(${Math.round(r)}, ${Math.round(g)}, ${Math.round(b)})` : `rgba(${Math.round(r)}, ${Math.round(g)}, ${Math.round(b)}, ${a})`;

/** `top` painted over `bottom` (source-over). */
function over(top: Rgba, bottom: Rgba): Rgba {
  const a = top[3] + bottom[3] * (1 - top[3]);
  if (a === 0) return [0, 0, 0, 0];
  const mix = (i: number) => (top[i]! * top[3] + bottom[i]! * bottom[3] * (1 - top[3])) / a;
  return [mix(0), mix(1), mix(2), a];
}

/** WCAG 2 relative luminance of an opaque colour. */
export function relativeLuminance([r, g, b]: Rgba): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG 2 contrast ratio (1–21) of text colour `fg` on background `bg`. */
export function contrastRatio(fg: string, bg: string): number {
  const back = over(parseColor(bg), [255, 255, 255, 1]);
  const front = over(parseColor(fg), back);
  const [hi, lo] = [relativeLuminance(front), relativeLuminance(back)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The colour Chromium paints the element's own text with. */
export function drawnTextColor(el: Element): string {
  const style = getComputedStyle(el);
  return style.webkitTextFillColor || style.color;
}

/** The parent in the flat (rendered) tree: the assigned slot, the parent element, or the shadow host. */
function renderedParent(el: Element): Element | null {
  if (el.assignedSlot) return el.assignedSlot;
  if (el.parentElement) return el.parentElement;
  const root = el.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

/** An inset, unblurred, unshifted box-shadow whose spread fills the whole box, topmost first. */
function coveringInsetShadow(el: Element, shadow: string): Rgba | undefined {
  if (!shadow || shadow === 'none') return undefined;
  const box = el.getBoundingClientRect();
  const pattern = /(rgba?\([^)]*\))\s+(-?[\d.]+)px\s+(-?[\d.]+)px\s+([\d.]+)px\s+(-?[\d.]+)px\s+inset/g;
  for (const m of shadow.matchAll(pattern)) {
    const [, color, x, y, blur, spread] = m;
    if (Number(x) === 0 && Number(y) === 0 && Number(blur) === 0 && Number(spread) * 2 >= Math.max(box.width, box.height)) {
      return parseColor(color!);
    }
  }
  return undefined;
}

/** The opaque colour painted behind `el`'s text, as `rgb(r, g, b)`. */
export function drawnBackground(el: Element): string {
  // Layers from the top (the element's own box) down to the first opaque one.
  const layers: Rgba[] = [];
  for (let node: Element | null = el; node; node = renderedParent(node)) {
    const style = getComputedStyle(node);
    const shadow = coveringInsetShadow(node, style.boxShadow);
    if (shadow) layers.push(shadow);
    layers.push(parseColor(style.backgroundColor));
    if (layers.some((layer) => layer[3] >= 1)) break;
  }
  let result: Rgba = [255, 255, 255, 1];
  for (const layer of layers.reverse()) result = over(layer, result);
  return toCss(result);
}

/**
 * Contrast measured from the pixels of a PNG screenshot of some text: the most frequent colour is taken as
 * the background and the pixel farthest from it in luminance as the text (the core of a glyph stem).
 */
export async function paintedContrast(pngBase64: string): Promise<{ background: string; text: string; ratio: number }> {
  const blob = await (await fetch(`data:image/png;base64,${pngBase64}`)).blob();
  const bitmap = await createImageBitmap(blob);
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const ctx = canvas.getContext('2d')!;
  ctx.drawImage(bitmap, 0, 0);
  const { data } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
  const counts = new Map<number, number>();
  for (let i = 0; i < data.length; i += 4) {
    const key = (data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const rgb = (key: number): Rgba => [(key >> 16) & 255, (key >> 8) & 255, key & 255, 1];
  const bgKey = [...counts].sort((x, y) => y[1] - x[1])[0]![0];
  const background = toCss(rgb(bgKey));
  let text = background;
  let ratio = 1;
  for (const key of counts.keys()) {
    const candidate = toCss(rgb(key));
    const r = contrastRatio(candidate, background);
    if (r > ratio) [text, ratio] = [candidate, r];
  }
  return { background, text, ratio };
}
