import type { EngineStyle, PageContext, Transform } from '../context.js';
import { HTML_NS, NON_TEXT, OWN, bodyOf, hasOwnText, rootOf } from '../dom.js';
import { followPage } from '../page-follower.js';

/** `data-ar-ink="3"`: this element's text is drawn in the page's 4th corrected colour. */
const TAG = 'data-ar-ink';
/** On <html> while the minimum contrast applies (and no theme is on). */
const FLAG = 'data-ar-min-contrast';

type RGBA = [number, number, number, number];

function parse(value: string): RGBA | null {
  const m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+)(%?))?\s*\)$/.exec(value.trim());
  if (!m) return value.trim() === 'transparent' ? [0, 0, 0, 0] : null;
  return [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4]) / (m[5] ? 100 : 1)];
}

/** `top` drawn over the opaque `bottom`. */
function over(top: RGBA, bottom: RGBA): RGBA {
  const a = top[3];
  return [top[0] * a + bottom[0] * (1 - a), top[1] * a + bottom[1] * (1 - a), top[2] * a + bottom[2] * (1 - a), 1];
}

/** WCAG 2 relative luminance. */
function luminance([r, g, b]: RGBA): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

export function contrastRatio(fg: RGBA, bg: RGBA): number {
  const [hi, lo] = [luminance(fg), luminance(bg)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

const hex = (c: RGBA) => `#${c.slice(0, 3).map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;

/**
 * The colour closest to `fg` (same hue, moved towards black on a light background, towards white on a dark
 * one) that reaches `min` against `bg`, with a little to spare for rounding.
 */
export function corrected(fg: RGBA, bg: RGBA, min: number): RGBA {
  const target = min + 0.05;
  const toward: RGBA = luminance(bg) > 0.18 ? [0, 0, 0, 1] : [255, 255, 255, 1];
  const mix = (t: number): RGBA => [0, 1, 2].map((i) => fg[i]! + (toward[i]! - fg[i]!) * t).concat(1) as RGBA;
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 12; i++) {
    const mid = (lo + hi) / 2;
    if (contrastRatio(mix(mid), bg) >= target) hi = mid;
    else lo = mid;
  }
  return mix(hi);
}

/**
 * Text that is too faint is darkened (or, on a dark background, lightened) just enough to reach the minimum
 * contrast, keeping its hue; every other colour stays the site's. Each element with text of its own is
 * measured once against the background actually behind it (nearest opaque background, semi-transparent ones
 * blended); text over a background image is left alone, since what is behind it cannot be known. The few
 * corrected colours become one rule each, keyed by a tag; `-webkit-text-fill-color` paints them even over
 * inline `!important` colours. A theme, when on, overrides all of it.
 */
export function ink(): Transform<PageContext> {
  let ctx: PageContext | undefined;
  let style: EngineStyle | undefined;
  let measuredFor = 0;
  let unfollow: (() => void) | undefined;
  const colours: string[] = [];
  const tagged = new Set<Element>();
  let seen = new WeakSet<Element>();
  /** Background behind each element (RGBA), or null when an image may be behind it. */
  let backgrounds = new WeakMap<Element, RGBA | null>();

  function background(win: Window, el: Element | null): RGBA | null {
    if (!el) return [255, 255, 255, 1];
    const known = backgrounds.get(el);
    if (known !== undefined) return known;
    const cs = win.getComputedStyle(el);
    let result: RGBA | null;
    if (cs.backgroundImage !== 'none') result = null;
    else {
      const own = parse(cs.backgroundColor) ?? [0, 0, 0, 0];
      if (own[3] >= 1) result = own;
      else {
        const below = background(win, el.parentElement);
        result = below && (own[3] > 0 ? over(own, below) : below);
      }
    }
    backgrounds.set(el, result);
    return result;
  }

  /** Reads: elements whose text is below the minimum, with the colour that reaches it. */
  function measure(c: PageContext, roots: Element[], min: number): Array<[Element, string]> {
    const out: Array<[Element, string]> = [];
    const visit = (el: Element): void => {
      if (el.namespaceURI !== HTML_NS || NON_TEXT.has(el.tagName) || el.hasAttribute(OWN)) return;
      if (!seen.has(el) && hasOwnText(el)) {
        seen.add(el);
        const cs = c.win.getComputedStyle(el);
        const fg = parse(cs.webkitTextFillColor && cs.webkitTextFillColor !== cs.color ? cs.webkitTextFillColor : cs.color);
        const bg = background(c.win, el);
        if (fg && bg && fg[3] > 0) {
          const drawn = over(fg, bg);
          if (contrastRatio(drawn, bg) < min) out.push([el, hex(corrected(drawn, bg, min))]);
        }
      }
      for (let k = el.firstElementChild; k; k = k.nextElementSibling) visit(k);
    };
    for (const r of roots) visit(r);
    return out;
  }

  function write(c: PageContext, found: Array<[Element, string]>): void {
    if (!found.length) return;
    const before = colours.length;
    c.quietly(() => {
      for (const [el, colour] of found) {
        let i = colours.indexOf(colour);
        if (i < 0) i = colours.push(colour) - 1;
        el.setAttribute(TAG, String(i));
        tagged.add(el);
      }
    });
    if (colours.length !== before) writeRules(c);
  }

  function writeRules(c: PageContext): void {
    style ??= c.addStyle('');
    style.textContent =
      `@layer ar-ink{` +
      colours.map((col, i) => `html[${FLAG}]:not([data-ar-theme]) [${TAG}="${i}"]{color:${col}!important;-webkit-text-fill-color:${col}!important}`).join('') +
      '}';
  }

  function clear(): void {
    for (const el of tagged) el.removeAttribute(TAG);
    tagged.clear();
    colours.length = 0;
    seen = new WeakSet();
    backgrounds = new WeakMap();
    if (style) style.textContent = '';
  }

  let pending: Array<[Element, string]> | undefined;

  return {
    prepare(c, settings) {
      ctx = c;
      const min = settings.minContrast;
      // Measured against the page's own colours: never while a theme is on (it would measure the theme).
      if (!min || settings.contrast !== 'off' || min === measuredFor) return;
      if (measuredFor) c.quietly(clear);
      pending = measure(c, bodyOf(c.doc) ? [bodyOf(c.doc)] : [], min);
    },
    apply(c, settings) {
      if (pending) {
        measuredFor = settings.minContrast;
        write(c, pending);
        pending = undefined;
        unfollow ??= followPage<Array<[Element, string]>>(c, {
          read: (roots) => {
            if (!measuredFor || !rootOf(c.doc).hasAttribute(FLAG) || rootOf(c.doc).hasAttribute('data-ar-theme')) return [];
            // Backgrounds may have changed along with the page: measured afresh for this batch.
            backgrounds = new WeakMap();
            return measure(c, roots, measuredFor);
          },
          write: (found) => write(c, found),
        });
      }
      c.flag(FLAG, settings.minContrast > 0 ? '' : null);
    },
    remove() {
      unfollow?.();
      clear();
      ctx?.flag(FLAG, null);
      style?.remove();
      style = ctx = unfollow = undefined;
      measuredFor = 0;
    },
  };
}
