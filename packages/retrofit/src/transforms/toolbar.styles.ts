import { BAR_CSS } from '../ui/bar.js';

/**
 * The reader toolbar's stylesheet, in its shadow root: the bars' shared look (ui/bar.ts) and what is the
 * toolbar's own. Its size is fixed (16 px): it does not grow with the page, so a press of A+ never moves the
 * buttons under the hand. Colours come from the page theme's custom properties (black on white otherwise),
 * every text at least 7:1, focus always visible.
 */
export const TOOLBAR_CSS = `${BAR_CSS}
:host{display:block}
section{--bar-fg:var(--ar-c-fg,#000);--bar-bg:var(--ar-c-bg,#fff);--bar-focus:var(--ar-c-focus,#1d4ed8);
  font-size:16px;border:2px solid currentColor;border-radius:8px;padding:3px 4px}
.tools{display:contents}
.tools[hidden]{display:none}
.bar .name{font-weight:700;border-color:transparent;padding-inline:4px}
.bar .name svg{width:12px;height:12px}
.bar .name[aria-expanded=true]{background:transparent;color:inherit}
.bar .name[aria-expanded=true] svg{transform:none}
.bar .s-off{background:#f2f2f2;color:#333}
@media (prefers-contrast:more){section{border-width:3px}}
`;
