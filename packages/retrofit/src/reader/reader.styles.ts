import { PLAYER_CSS } from '../read-aloud/player.js';
import { BASE_CSS } from '../ui/theme.styles.js';

/**
 * The reader view's own stylesheet, in its shadow root: nothing of the page's CSS reaches it. The article's
 * size, spacing and line width are custom properties, so a change is one style recalculation; the sentence
 * read aloud is a CSS custom highlight (no layout change).
 */
export const READER_CSS = `${BASE_CSS}${PLAYER_CSS}
.scroller{position:absolute;inset:0;overflow:auto;overscroll-behavior:contain;scroll-padding:7rem 0 2rem}
.tools,.player{padding:.6rem 1rem;border-bottom:2px solid var(--line);background:var(--bg)}
.tools,.group,fieldset{display:flex;flex-wrap:wrap;align-items:center;gap:.4rem .8rem}
.player{position:sticky;top:0;z-index:1}
.pct{font-weight:700;min-width:3.5em}
fieldset{margin:0;padding:.2rem .6rem .4rem;border:1px solid var(--line);border-radius:.4rem}
legend{font-weight:700;padding:0 .3rem}
label{display:inline-flex;align-items:center;gap:.4em;min-height:44px;cursor:pointer}
input{appearance:none;width:1.25em;height:1.25em;margin:0;border:2px solid;border-radius:50%;display:grid;place-content:center}
input:checked::before{content:"";width:.6em;height:.6em;border-radius:50%;background:currentColor}
button.back,button[aria-pressed=true]{background:var(--fg);color:var(--bg)}
button.back{font-weight:700}
button[aria-pressed]::before{content:"";width:.6em;height:.6em;border:2px solid}
button[aria-pressed=true]::before{width:.3em;border-width:0 3px 3px 0;transform:rotate(45deg)}
h1:focus{outline:none}
main{padding:1.5rem 1rem 3rem}
article,.after{margin:0 auto;max-width:min(var(--measure),100%)}
article{font-size:calc(20px * var(--scale));line-height:1.65;overflow-wrap:break-word}
.after{font-size:calc(18px * var(--scale))}
.w-narrow{--measure:42ch}.w-medium{--measure:60ch}.w-wide{--measure:80ch}
h1{font-size:1.6em;line-height:1.25;margin:0 0 .5em}h2{font-size:1.3em;line-height:1.3}h3{font-size:1.15em}h4,h5,h6{font-size:1em}
.meta,figcaption{color:var(--muted)}
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
@media (forced-colors:active){input{appearance:auto}::highlight(ar-read-aloud){background-color:Highlight;color:HighlightText}}
`;
