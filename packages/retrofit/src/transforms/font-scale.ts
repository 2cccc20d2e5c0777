import type { Context, EngineStyle, PageChanges, Transform } from '../context.js';
import { HTML_NS, NON_TEXT, OWN, bodyOf, queryAll, rootOf } from '../dom.js';

/** `data-ar-fs="15"` or, with a line height, `data-ar-fs="15,1.5"`: size in px and line height as a ratio. */
const TAG = 'data-ar-fs';
/** On <html> while the scale is not 1: the generated rules apply only then. */
const SCALED = 'data-ar-scaled';
/** Inline declarations that beat any stylesheet when !important, so they are taken off (and restored). */
const INLINE = ['font-size', 'line-height'] as const;

const round = (n: number) => String(Math.round(n * 1000) / 1000);
type Reads = Array<[Element, string]>;

/**
 * Text that really enlarges. Every element's computed font size (and line height, as a ratio) is measured
 * once and written as a tag; one generated stylesheet maps each tag to `calc(15px * var(--ar-scale))`, so
 * changing the scale afterwards rewrites one custom property, whatever the page size. Each element gets an
 * absolute size, so nothing compounds, and px, pt, rem and !important sizes all scale alike.
 *
 * Cost: the measurement runs when the browser is first idle after `retrofit()` (or at once when text must
 * grow before that). Tags are written before the stylesheet exists, so they cost no style recalculation; at
 * scale 1 the rules do not apply (the page keeps its own, even responsive, sizes). Inline `!important` sizes,
 * which no stylesheet can beat, are taken off while text is scaled and put back exactly afterwards. Elements
 * the page adds later are measured at scale 1 when the observer reports them.
 */
export function fontScale(): Transform {
  let ctx: Context | undefined;
  let rules: EngineStyle | undefined;
  let vars: EngineStyle | undefined;
  let scaleRule: CSSStyleDeclaration | undefined;
  let scale = 1;
  let measured = false;
  let pending: Reads | undefined;
  let cancelIdle: (() => void) | undefined;
  let unwatch: (() => void) | undefined;
  const tags = new Set<string>();
  const tagged: Element[] = [];
  /** Tagged elements with an inline !important (font-size or line-height perhaps). */
  const forced = new Set<Element>();
  /** The engine's own nodes (toolbar, components) and everything inside them, skipped by measurement. */
  let own = new Set<Element>();

  const taggable = (el: Element) => el.namespaceURI === HTML_NS && !NON_TEXT.has(el.tagName) && !el.hasAttribute(TAG) && !own.has(el);
  const collectOwn = (doc: Document) => {
    own = new Set();
    for (const o of queryAll(doc, `[${OWN}]`)) {
      own.add(o);
      for (const d of o.querySelectorAll('*')) own.add(d);
    }
  };
  const setScale = (s: number) => scaleRule?.setProperty('--ar-scale', String(s), 'important');
  const everything = (doc: Document) => (bodyOf(doc) ? [bodyOf(doc), ...bodyOf(doc).querySelectorAll('*')] : []);

  function writeRules(): void {
    if (!rules) return;
    let css = '@layer ar-scale{';
    for (const tag of tags) {
      const [size, ratio] = tag.split(',');
      const sel = `html[${SCALED}] [${TAG}="${tag}"]`;
      css += `${sel}{font-size:calc(${size}px * var(--ar-scale,1))!important${ratio ? `;line-height:${ratio}!important` : ''}}`;
      // Lines tighter than their letters overlap and clip once text grows.
      if (ratio && Number(ratio) < 1.2) css += `html[data-ar-relax]${sel.slice(4)}{line-height:1.2!important}`;
    }
    rules.textContent = `${css}}`;
  }

  /** Reads the page's own size of each element (one style recalculation at most, then plain reads). */
  function read(list: Iterable<Element>): Reads {
    const win = ctx!.win;
    const reads: Reads = [];
    // WCAG spacing sets every line height: measured without it, or it would stick after spacing is off.
    const html = rootOf(ctx!.doc);
    const spacing = html.getAttribute('data-ar-spacing');
    if (spacing !== null) html.removeAttribute('data-ar-spacing');
    for (const el of list) {
      if (!taggable(el)) continue;
      const cs = win.getComputedStyle(el);
      const fs = parseFloat(cs.fontSize);
      if (!(fs >= 0)) continue;
      const lh = cs.lineHeight;
      reads.push([el, lh.endsWith('px') && fs > 0 ? `${round(fs)},${round(parseFloat(lh) / fs)}` : round(fs)]);
    }
    if (spacing !== null) html.setAttribute('data-ar-spacing', spacing);
    return reads;
  }

  function write(reads: Reads): void {
    const before = tags.size;
    for (const [el, tag] of reads) {
      tags.add(tag);
      tagged.push(el);
      el.setAttribute(TAG, tag);
      if (/important/i.test(el.getAttribute('style') ?? '')) forced.add(el);
    }
    if (tags.size !== before) writeRules();
    if (scale !== 1) for (const [el] of reads) if (forced.has(el)) ctx!.inline.take(el, 'font-scale', INLINE);
  }

  function measureAll(c: Context): void {
    cancelIdle?.();
    cancelIdle = undefined;
    collectOwn(c.doc);
    const reads = read(everything(c.doc));
    c.quietly(() => write(reads));
    measured = true;
    unwatch ??= c.watch(onChange);
  }

  function onChange({ added, restyled }: PageChanges): void {
    const c = ctx!;
    c.quietly(() => {
      const fresh: Element[] = [];
      for (const root of added) fresh.push(root, ...root.querySelectorAll('*'));
      if (fresh.length) {
        collectOwn(c.doc);
        // Measured at scale 1: a new paragraph would inherit the scaled size of its parent otherwise.
        if (scale !== 1) setScale(1);
        const reads = read(fresh);
        if (scale !== 1) setScale(scale);
        write(reads);
      }
      for (const el of restyled) {
        if (!el.hasAttribute(TAG)) continue;
        if (c.inline.has(el)) c.inline.pageRewrote(el);
        else if (/important/i.test(el.getAttribute('style') ?? '')) {
          forced.add(el);
          if (scale !== 1) c.inline.take(el, 'font-scale', INLINE);
        }
      }
    });
  }

  return {
    prepare(c, settings) {
      ctx = c;
      if (settings.fontScale === 1 || measured || pending) return;
      collectOwn(c.doc);
      pending = read(everything(c.doc));
    },
    apply(c, settings) {
      if (pending) {
        const reads = pending;
        pending = undefined;
        cancelIdle?.();
        c.quietly(() => write(reads));
        measured = true;
        unwatch ??= c.watch(onChange);
      }
      if (!measured && !cancelIdle) cancelIdle = c.whenIdle(() => measured || measureAll(c));
      const next = settings.fontScale;
      if (next !== 1 && !rules) {
        vars = c.addStyle(':root{--ar-scale:1!important}');
        scaleRule = (vars.sheet!.cssRules[0] as CSSStyleRule).style;
        rules = c.addStyle('');
        writeRules();
      }
      if (next === scale) return;
      if ((next === 1) !== (scale === 1)) {
        c.flag(SCALED, next === 1 ? null : '');
        c.quietly(() => {
          if (next === 1) c.inline.release('font-scale');
          else for (const el of forced) c.inline.take(el, 'font-scale', INLINE);
        });
      }
      setScale((scale = next));
    },
    remove() {
      cancelIdle?.();
      unwatch?.();
      for (const el of tagged) el.removeAttribute(TAG);
      ctx?.inline.release('font-scale');
      ctx?.flag(SCALED, null);
      vars?.remove();
      rules?.remove();
      rules = vars = scaleRule = ctx = pending = unwatch = cancelIdle = undefined;
      tagged.length = 0;
      tags.clear();
      forced.clear();
      measured = false;
      scale = 1;
    },
  };
}
