import type { EngineStyle, PageContext, Transform } from '../context.js';
import { followPage } from '../page-follower.js';
import { CHROME } from './clutter.js';
import { BOOSTS, BOOST_TAG, ZOOMED_SELECTOR, ZOOM_TAG, boostFor, dominantTextPx, findZoomed, insideZoomed, type Found } from './text-blocks.js';
import { bodyOf } from '../dom.js';

/** On <html> while the minimum size applies. */
const MIN = 'data-ar-min';

const round = (n: number) => String(Math.round(n * 10000) / 10000);

/**
 * The scale rules for `scale` (and the boosts, when a minimum size applies): which elements are zoomed
 * (text-blocks.ts) and by how much, as plain numbers. A size change rewrites this one small sheet, which
 * restyles the zoomed elements only; a custom property on the root would restyle every element of the page.
 */
export function scaleCss(scale: number, min: number): string {
  if (scale === 1 && !min) return '';
  const zoomed = `:is(${ZOOMED_SELECTOR})`;
  // With side content hidden, the site's header and menu above the article keep the page's own size (raised
  // to the minimum): the article comes first on the screen (see clutter.ts).
  const chrome = `html[data-ar-hide-clutter] [${CHROME}]`;
  // A zoomed box with a fixed width would grow past its column: its width is capped to the column instead.
  let css = `@layer ar-scale{${zoomed}{zoom:${round(scale)}!important;max-width:100%!important;box-sizing:border-box!important}`;
  css += `${chrome} ${zoomed},${chrome}${zoomed}{zoom:1!important}`;
  if (min) {
    for (const b of BOOSTS) {
      const boosted = `[${BOOST_TAG}="${b}"]${zoomed}`;
      css += `${boosted}{zoom:${round(scale * Number(b))}!important}${chrome} ${boosted},${chrome}${boosted}{zoom:${b}!important}`;
    }
  }
  return `${css}}`;
}

/**
 * Text that really enlarges and reflows: the reader's scale times, for text below the minimum size, the boost
 * that brings it there. A size change rewrites one small stylesheet, whatever the page size; nothing compounds
 * (only outermost elements are zoomed), and px, pt, rem and `!important` sizes, inline ones included, all grow
 * alike without being touched. Text the page adds later is zoomed by the same selector, or tagged when it sits
 * outside every block.
 *
 * Measurement (the boost needs each block's own text size; the tags need only the DOM) runs once, in
 * `prepare`, when first needed; when the scale stays 1 and no minimum applies, it waits for idle time.
 */
export function fontScale(): Transform<PageContext> {
  let ctx: PageContext | undefined;
  let rules: EngineStyle | undefined;
  /** The minimum size the boost tags were computed for (0: not measured). */
  let measuredFor = -1;
  let tagsWritten = false;
  let plan: Plan | undefined;
  let cancelIdle: (() => void) | undefined;
  let unwatch: (() => void) | undefined;
  const tagged = new Set<Element>();
  /** Elements whose boost is decided (for the minimum size measured). */
  let sized = new WeakSet<Element>();

  interface Plan {
    holders: Element[];
    boosts: Array<[Element, string]>;
    min: number;
  }

  /** Reads: which elements to tag, and (with a minimum size) how much each must grow. */
  function measure(c: PageContext, roots: Element[], min: number): Plan {
    const found: Found = { blocks: [], holders: [] };
    for (const r of roots) findZoomed(r, found);
    const boosts: Array<[Element, string]> = [];
    if (min > 0) {
      for (const el of [...found.blocks, ...found.holders]) {
        if (sized.has(el)) continue;
        const px = dominantTextPx(el, c.win);
        // Without text yet (still being parsed), its size is decided on a later scan.
        if (px === null) continue;
        sized.add(el);
        const b = boostFor(px, min);
        if (b) boosts.push([el, b]);
      }
    }
    return { holders: found.holders.filter((el) => !el.hasAttribute(ZOOM_TAG)), boosts, min };
  }

  function write(c: PageContext, p: Plan): void {
    c.quietly(() => {
      for (const el of p.holders) {
        el.setAttribute(ZOOM_TAG, '');
        tagged.add(el);
      }
      for (const [el, b] of p.boosts) {
        if (el.getAttribute(BOOST_TAG) !== b) el.setAttribute(BOOST_TAG, b);
        tagged.add(el);
      }
    });
  }

  function clearBoosts(c: PageContext): void {
    c.quietly(() => {
      for (const el of tagged) el.removeAttribute(BOOST_TAG);
    });
  }

  /** New content (unless it sits inside text that is zoomed already), read with the other transforms' scans. */
  const follow = (c: PageContext) =>
    followPage<Plan>(c, {
      read: (roots) => measure(c, roots.filter((el) => !(el.parentElement && insideZoomed(el.parentElement))), Math.max(0, measuredFor)),
      write: (plan) => write(c, plan),
    });

  const body = (c: PageContext) => (bodyOf(c.doc) ? [bodyOf(c.doc)] : []);

  return {
    prepare(c, settings) {
      ctx = c;
      const min = settings.minFontSize;
      const needed = settings.fontScale !== 1 || min > 0;
      // Boosts already measured stay while the minimum is off: they apply only under html[data-ar-min].
      if (!needed || plan || (tagsWritten && (measuredFor === min || min === 0))) return;
      cancelIdle?.();
      cancelIdle = undefined;
      if (measuredFor !== min) sized = new WeakSet();
      plan = measure(c, body(c), min);
    },
    apply(c, settings) {
      if (plan) {
        if (measuredFor > 0 && plan.min !== measuredFor) clearBoosts(c);
        unwatch ??= follow(c);
        write(c, plan);
        measuredFor = plan.min;
        tagsWritten = true;
        plan = undefined;
      } else if (!tagsWritten && !cancelIdle) {
        // Tags ready before the first A+, without delaying the page now.
        cancelIdle = c.whenIdle(() => {
          cancelIdle = undefined;
          if (tagsWritten) return;
          write(c, measure(c, body(c), 0));
          measuredFor = 0;
          tagsWritten = true;
          unwatch ??= follow(c);
        });
      }
      const min = settings.minFontSize;
      const css = scaleCss(settings.fontScale, min);
      if (css && !rules) rules = c.addStyle(css);
      else if (rules && rules.textContent !== css) rules.textContent = css;
      c.flag(MIN, min > 0 ? '' : null);
    },
    remove() {
      cancelIdle?.();
      unwatch?.();
      sized = new WeakSet();
      for (const el of tagged) {
        el.removeAttribute(ZOOM_TAG);
        el.removeAttribute(BOOST_TAG);
      }
      tagged.clear();
      ctx?.flag(MIN, null);
      rules?.remove();
      rules = ctx = plan = unwatch = cancelIdle = undefined;
      measuredFor = -1;
      tagsWritten = false;
    },
  };
}
