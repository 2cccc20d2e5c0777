import type { Context, EngineStyle, Transform } from '../context.js';
import { queryAll } from '../dom.js';

const PROPS = ['line-height', 'letter-spacing', 'word-spacing', 'margin-bottom', 'margin-block-end'] as const;
const INLINE_IMPORTANT = '[style*="important" i]';

/**
 * WCAG 1.4.12 text spacing on the whole page, from one stylesheet toggled by an attribute on <html>: line
 * height 1.5, paragraphs 2 font sizes apart, letters 0.12em and words 0.16em. Boxes that would clip the taller
 * text are relaxed by the reflow transform.
 */
export function spacing(): Transform {
  let style: EngineStyle | undefined;
  let flag: ((on: boolean) => void) | undefined;
  let unwatch: (() => void) | undefined;
  let ctx: Context | undefined;

  /** Inline !important spacing would win over the rule: taken off while spacing is on (few elements). */
  const takeInline = (c: Context, list: Iterable<Element>) => {
    for (const el of list) c.inline.take(el, 'spacing', PROPS);
  };

  return {
    apply(c, settings) {
      const on = settings.spacing === 'wcag';
      if (!on && !style) return;
      if (!style) {
        const s = 'html[data-ar-spacing="wcag"]';
        style = c.addStyle(
          `@layer ar-spacing{${s} body,${s} body :not([data-ar-own]){line-height:1.5!important;letter-spacing:0.12em!important;word-spacing:0.16em!important}` +
            `${s} body p:not([data-ar-own]){margin-block-end:2em!important}}`,
        );
        flag = (v) => c.flag('data-ar-spacing', v ? 'wcag' : null);
      }
      if (on && !unwatch) {
        ctx = c;
        c.quietly(() => takeInline(c, queryAll(c.doc, INLINE_IMPORTANT)));
        unwatch = c.watch(({ added, restyled }) =>
          c.quietly(() => takeInline(c, [...restyled, ...added.flatMap((el) => [el, ...el.querySelectorAll(INLINE_IMPORTANT)])])),
        );
      } else if (!on && unwatch) {
        unwatch();
        unwatch = undefined;
        c.quietly(() => c.inline.release('spacing'));
      }
      flag!(on);
    },
    remove() {
      unwatch?.();
      ctx?.inline.release('spacing');
      unwatch = ctx = undefined;
      flag?.(false);
      style?.remove();
      style = flag = undefined;
    },
  };
}
