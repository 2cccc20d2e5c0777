import type { EngineStyle, PageContext, Transform } from '../context.js';
import { bodyOf } from '../dom.js';
import { followPage } from '../page-follower.js';

/**
 * Colours of each theme. Every text colour is at least 7:1 against its background (WCAG 1.4.6):
 * high: #000 on #fff 21:1, links #0000c8 11.5:1, visited #5a0096 11.2:1.
 * dark: #fff on #000 21:1, links #9fd5ff 13.4:1, visited #e2b8ff 12.5:1.
 * yellow: #ff0 on #000 19.6:1, links #0ff 16.7:1, visited #ffb8ff 13.6:1.
 * Focus rings and borders are at least 3:1 (WCAG 1.4.11).
 */
const THEMES = {
  high: { bg: '#fff', fg: '#000', link: '#0000c8', visited: '#5a0096', hint: '#4d4d4d', focus: '#c00000', line: '#595959', star: '#8a4a00', scheme: 'light' },
  dark: { bg: '#000', fg: '#fff', link: '#9fd5ff', visited: '#e2b8ff', hint: '#bdbdbd', focus: '#ffd400', line: '#a3a3a3', star: '#ffd400', scheme: 'dark' },
  yellow: { bg: '#000', fg: '#ff0', link: '#0ff', visited: '#ffb8ff', hint: '#d4d400', focus: '#fff', line: '#d4d400', star: '#ff0', scheme: 'dark' },
} as const;

/** On links without a letter or digit of text (icons only). */
const ICON_LINK = 'data-ar-icon-link';

/** Media keep their own pixels: no forced background, no filter, nothing inverted. */
const MEDIA = 'img,video,picture,canvas,svg,svg *,iframe,object,embed,audio';

function themeCss(): string {
  const h = 'html[data-ar-theme]';
  const all = `${h},${h} body,${h} body :not(${MEDIA})`;
  let css = '@layer ar-theme{';
  for (const [name, t] of Object.entries(THEMES)) {
    css +=
      `html[data-ar-theme="${name}"]{--ar-c-bg:${t.bg};--ar-c-fg:${t.fg};--ar-c-link:${t.link};--ar-c-visited:${t.visited};--ar-c-hint:${t.hint};--ar-c-focus:${t.focus};--ar-c-line:${t.line};` +
      // The components take their colours from these custom properties.
      `--ar-control-bg:${t.bg};--ar-control-color:${t.fg};--ar-control-border:${t.fg};--ar-focus-color:${t.focus};--ar-focus-halo:${t.bg};--ar-star-color:${t.star};--ar-pressed-bg:${t.fg};--ar-pressed-color:${t.bg};--ar-star-empty-color:${t.fg};--ar-error-color:${t.fg};` +
      `--ar-related-bg:${t.bg};--ar-related-color:${t.fg};--ar-related-border:${t.line};--ar-related-divider:${t.line};--ar-link-color:${t.link};--ar-link-visited-color:${t.visited};color-scheme:${t.scheme}}`;
  }
  css +=
    // Every box gets the theme background, so text is always drawn on a known colour; background images
    // go (they sit behind text), except on empty elements, which are icons.
    `${all}{background-color:var(--ar-c-bg)!important;color:var(--ar-c-fg)!important;text-shadow:none!important;filter:none!important;accent-color:var(--ar-c-link)!important}` +
    `${h} body :not(${MEDIA}):not(:empty){background-image:none!important}` +
    // Inline "!important" colours beat any stylesheet: they are painted over instead.
    `${h} body [style*="color" i]:not(${MEDIA}){-webkit-text-fill-color:var(--ar-c-fg)!important}` +
    `${h} body [style*="background" i]:not(${MEDIA}){box-shadow:inset 0 0 0 99999px var(--ar-c-bg)!important}` +
    `${h} ::before,${h} ::after{background:transparent!important;color:inherit!important;-webkit-text-fill-color:inherit!important;text-shadow:none!important}` +
    `${h} a[href]:not([data-ar-own]){color:var(--ar-c-link)!important;-webkit-text-fill-color:var(--ar-c-link)!important;text-decoration:underline!important;text-decoration-thickness:max(1px,.08em)!important;text-underline-offset:.15em!important}` +
    `${h} a[href]:visited:not([data-ar-own]){color:var(--ar-c-visited)!important;-webkit-text-fill-color:var(--ar-c-visited)!important}` +
    `${h} a[href] *{color:inherit!important;-webkit-text-fill-color:inherit!important}` +
    // A link with nothing to read (an icon whose font may not have loaded) would show an underline under a blank.
    `${h} a[href][${ICON_LINK}]:not([data-ar-own]){text-decoration:none!important}` +
    `${h} :is(input,select,textarea,button){border:2px solid var(--ar-c-fg)!important}` +
    `${h} :is(fieldset,table,th,td,hr){border-color:var(--ar-c-line)!important}` +
    `${h} ::placeholder{color:var(--ar-c-hint)!important;-webkit-text-fill-color:var(--ar-c-hint)!important;opacity:1!important}` +
    `${h} :focus-visible{outline:3px solid var(--ar-c-focus)!important;outline-offset:2px!important}` +
    // On <body> only: selection colours inherit from there (CSS highlight inheritance). On every element the
    // rule made the browser compute a selection style for each one: +50 % style time on a big page.
    `${h} body::selection{background-color:var(--ar-c-fg)!important;color:var(--ar-c-bg)!important;-webkit-text-fill-color:var(--ar-c-bg)!important}` +
    '}';
  return `@media (forced-colors: none){${css}}`;
}

/**
 * High, dark and yellow-on-black themes from one generated stylesheet keyed on `html[data-ar-theme]`.
 * Under Windows High Contrast (forced colours) the reader's system colours already apply: nothing here runs.
 */
export function contrast(): Transform<PageContext> {
  let style: EngineStyle | undefined;
  let flag: ((v: string | null) => void) | undefined;
  let unfollow: (() => void) | undefined;
  const tagged: Element[] = [];

  /** Links that show no text of their own (icon fonts, background images). */
  const findIconLinks = (roots: Element[]) => {
    const found: Element[] = [];
    for (const r of roots) for (const a of [...(r.matches('a[href]') ? [r] : []), ...r.querySelectorAll('a[href]')]) {
      if (!a.hasAttribute(ICON_LINK) && !/[\p{L}\p{N}]/u.test(a.textContent ?? '') && !a.querySelector('img[alt]:not([alt=""])')) found.push(a);
    }
    return found;
  };
  const tag = (found: Element[]) => {
    for (const a of found) {
      a.setAttribute(ICON_LINK, '');
      tagged.push(a);
    }
  };

  return {
    apply(ctx, settings) {
      const theme = settings.contrast === 'off' ? null : settings.contrast;
      if (!theme && !style) return;
      if (!style) {
        style = ctx.addStyle(themeCss());
        flag = (v) => ctx.flag('data-ar-theme', v);
        const body = bodyOf(ctx.doc);
        if (body) ctx.quietly(() => tag(findIconLinks([body])));
        unfollow = followPage(ctx, { read: findIconLinks, write: tag });
      }
      flag!(theme);
    },
    remove() {
      unfollow?.();
      for (const a of tagged) a.removeAttribute(ICON_LINK);
      tagged.length = 0;
      flag?.(null);
      style?.remove();
      style = flag = unfollow = undefined;
    },
  };
}
