import type { EngineStyle, Transform } from '../context.js';

/**
 * Fonts installed with every desktop and phone system that cover all Vietnamese letters (ă â đ ê ô ơ ư and
 * the five tone marks on each): nothing is downloaded.
 */
export const LEGIBLE_FONTS = '"Noto Sans", "Segoe UI", Roboto, Arial, "Helvetica Neue", "Liberation Sans", "DejaVu Sans", sans-serif';

/** Icon fonts and code keep their own fonts: replacing them turns icons into letters. */
const KEEP = '[data-ar-own],[class*="fa-"],.fa,.fas,.far,.fab,[class*="icon"],[class*="glyph"],.material-icons,code,pre,kbd,samp,i:empty,span:empty';

/** `legible`: the page's text in a plain sans-serif with full Vietnamese coverage. */
export function font(): Transform {
  let style: EngineStyle | undefined;
  let flag: ((on: boolean) => void) | undefined;
  return {
    apply(ctx, settings) {
      const on = settings.font === 'legible';
      if (!on && !style) return;
      if (!style) {
        const s = 'html[data-ar-font="legible"]';
        style = ctx.addStyle(`@layer ar-font{${s} body,${s} body :not(${KEEP}){font-family:${LEGIBLE_FONTS}!important}}`);
        flag = (v) => ctx.flag('data-ar-font', v ? 'legible' : null);
      }
      flag!(on);
    },
    remove() {
      flag?.(false);
      style?.remove();
      style = flag = undefined;
    },
  };
}
