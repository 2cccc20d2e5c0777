import type { PageContext, Transform } from '../context.js';
import { followPage } from '../page-follower.js';
import { BOOSTS, BOOST_TAG, ZOOMED_SELECTOR, ZOOM_TAG, boostFor, dominantTextPx, findZoomed, insideZoomed, type Found } from './text-blocks.js';

/** On <html> while text is zoomed (scale above 1, or text raised to the minimum size). */
const SCALED = 'data-ar-scaled';
/** On <html> while the minimum size applies. */
const MIN = 'data-ar-min';

/**
 * The scale rules, the same text on every page: which elements are zoomed (text-blocks.ts) and by how much.
 * `--ar-scale` is the reader's choice; `--ar-boost`, set per element by its tag, raises small text to the
 * minimum size. Sizes are never written per element, so a press of A+ changes one custom property.
 */
export const SCALE_CSS =
  `@layer ar-scale{html[${SCALED}] :is(${ZOOMED_SELECTOR}){zoom:calc(var(--ar-scale,1) * var(--ar-boost,1))!important}` +
  // A zoomed box with a fixed width would grow past its column: its width is capped to the column instead.
  `html[${SCALED}] :is(${ZOOMED_SELECTOR}){max-width:100%!important;box-sizing:border-box!important}` +
  BOOSTS.map((b) => `html[${MIN}] [${BOOST_TAG}="${b}"]{--ar-boost:${b}}`).join('') +
  '}';

/**
 * Text that really enlarges and reflows: the reader's scale times, for text below the minimum size, the boost
 * that brings it there. A size change rewrites one custom property, whatever the page size; nothing compounds
 * (only outermost elements are zoomed), and px, pt, rem and `!important` sizes, inline ones included, all grow
 * alike without being touched. Text the page adds later is zoomed by the same selector, or tagged when it sits
 * outside every block.
 *
 * Measurement (the boost needs each block's own text size; the tags need only the DOM) runs once, in
 * `prepare`, when first needed; when the scale stays 1 and no minimum applies, it waits for idle time.
 */
export function fontScale(): Transform<PageContext> {
  let ctx: PageContext | undefined;
  let vars: HTMLStyleElement | undefined;
  let rules: HTMLStyleElement | undefined;
  let scaleRule: CSSStyleDeclaration | undefined;
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

  /** New content: scanned unless it sits inside text that is zoomed already. */
  function onAdded(c: PageContext, roots: Element[]): void {
    const fresh = roots.filter((el) => !(el.parentElement && insideZoomed(el.parentElement)));
    if (fresh.length) write(c, measure(c, fresh, Math.max(0, measuredFor)));
  }

  const body = (c: PageContext) => (c.doc.body ? [c.doc.body] : []);
  const setScale = (s: number) => {
    if (scaleRule?.getPropertyValue('--ar-scale').trim() !== String(s)) scaleRule?.setProperty('--ar-scale', String(s), 'important');
  };

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
        unwatch ??= followPage(c, (roots) => onAdded(c, roots));
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
          unwatch ??= followPage(c, (roots) => onAdded(c, roots));
        });
      }
      const min = settings.minFontSize;
      const on = settings.fontScale !== 1 || min > 0;
      if (on && !rules) {
        vars = c.addStyle(':root{--ar-scale:1!important}');
        scaleRule = (vars.sheet!.cssRules[0] as CSSStyleRule).style;
        rules = c.addStyle(SCALE_CSS);
      }
      setScale(settings.fontScale);
      c.flag(MIN, min > 0 ? '' : null);
      c.flag(SCALED, on ? '' : null);
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
      ctx?.flag(SCALED, null);
      ctx?.flag(MIN, null);
      vars?.remove();
      rules?.remove();
      vars = rules = scaleRule = ctx = plan = unwatch = cancelIdle = undefined;
      measuredFor = -1;
      tagsWritten = false;
    },
  };
}
