import { PLAYER_CSS } from '../read-aloud/player.js';
import { BAR_CSS } from '../ui/bar.js';
import { BASE_CSS } from '../ui/theme.styles.js';

/**
 * The reader view's own stylesheet, in its shadow root: nothing of the page's CSS reaches it. The article's
 * size, spacing and line width are custom properties, so a change is one style recalculation; the sentence
 * read aloud is a CSS custom highlight (no layout change). The bar is the toolbar's (ui/bar.ts) at 20 px (the article's own size at 100 %), and
 * stays at the top while the article scrolls, except in short windows (a phone held sideways, 300 % zoom),
 * where it would cover too much of the text.
 */
export const READER_CSS = `${BASE_CSS}${PLAYER_CSS}${BAR_CSS}
.scroller{position:absolute;inset:0;overflow:auto;overscroll-behavior:contain;overflow-anchor:none;scroll-padding:calc(var(--top,0px) + .5rem) 0 2rem}
.top{position:sticky;top:0;z-index:1;background:var(--bg);border-bottom:2px solid var(--line)}
.bar{--bar-fg:var(--fg);--bar-bg:var(--bg);--bar-focus:var(--focus);font-size:20px;padding:4px 1rem}
.bar .row,.bar .panel{justify-content:center}.bar .row{gap:6px}
.bar .back{font-weight:700}
.bar .s-off{background:#fdfbf3;color:#1a1a1a}
.bar .panel fieldset{flex-wrap:wrap}
.player{padding:.4rem 1rem .5rem;border-top:2px solid var(--line);justify-content:center}
.player[hidden]{display:none}
@media (max-height:32rem){.top{position:static}.scroller{scroll-padding-top:.5rem}}
.back{font-weight:700}
h1:focus{outline:none}
main{padding:1.5rem 1rem 3rem}
article,.after{margin:0 auto;max-width:min(var(--measure),100%)}
article{font-size:calc(20px * var(--scale));line-height:1.65;overflow-wrap:break-word}
.after{font-size:calc(18px * var(--scale))}
.w-narrow{--measure:42ch}.w-medium{--measure:60ch}.w-wide{--measure:80ch}
h1{font-size:max(1em,min(calc(1em + 10px + 2px * var(--scale)),9vw));line-height:1.25;margin:0 0 .5em}h2{font-size:1.3em;line-height:1.3}h3{font-size:1.15em}h4,h5,h6{font-size:1em}
.meta,figcaption{color:var(--muted)}.meta{font-size:.85em}
.lead{font-weight:700}
p,ul,ol,dl,blockquote,figure,pre,.table{margin:0 0 1em}
blockquote{margin-inline:0;padding-inline-start:1em;border-inline-start:4px solid var(--line)}
a{color:var(--link);text-underline-offset:.15em}a:visited{color:var(--visited)}
img{display:block;max-width:100%;height:auto;margin:0 auto}
figcaption,.source{font-style:italic;margin-top:.3em}
.table{overflow-x:auto}
table{border-collapse:collapse}th,td{border:1px solid var(--line);padding:.3em .6em;text-align:start;vertical-align:top}caption{font-weight:700;text-align:start}
.s-wcag :is(article,.after){line-height:1.8;letter-spacing:.12em;word-spacing:.16em}
.s-wcag article :is(p,li,figure){margin-bottom:2em}
::highlight(ar-read-aloud){background-color:var(--mark);color:#000}
::highlight(ar-read-aloud-word){background-color:var(--mark);color:#000;text-decoration:underline .15em}
@media (forced-colors:active){.top{border-color:CanvasText}::highlight(ar-read-aloud){background-color:Highlight;color:HighlightText}}
`;
