import { PLAYER_CSS } from '../read-aloud/player.js';

/**
 * What the reader view and the page's read-aloud bar share: themes (every text at least 7:1), 44 px buttons,
 * visible focus, forced colours. Custom properties also theme the components inside.
 */
export const BASE_CSS = `
.theme{--muted:var(--fg);--line:var(--fg);--focus:var(--link);--star:var(--fg);--mark:#ffd966}
.t-off{--bg:#fdfbf3;--fg:#1a1a1a;--muted:#333;--link:#0b4a8f;--visited:#5b2a86;--line:#555;--star:#8a4b00}
.t-high{--bg:#fff;--fg:#000;--link:#00009e;--visited:#4b0f80}
.t-dark{--bg:#000;--fg:#fff;--link:#9fd3ff;--visited:#e6c6ff;--focus:#ffd23f;--star:#ffd23f}
.t-yellow{--bg:#000;--fg:#ff0;--link:#9ff;--visited:#fcf;--focus:#fff;--mark:#fff}
.t-dark,.t-yellow{color-scheme:dark}
.theme{background:var(--bg);color:var(--fg);font-family:"Noto Sans","Segoe UI",Roboto,Arial,sans-serif;font-size:18px;line-height:1.5;
  text-align:start;letter-spacing:normal;word-spacing:normal;
  --ar-control-bg:var(--bg);--ar-control-color:var(--fg);--ar-control-border:var(--fg);--ar-focus-color:var(--focus);
  --ar-related-bg:var(--bg);--ar-related-color:var(--fg);--ar-related-border:var(--line);--ar-link-color:var(--link);
  --ar-link-visited-color:var(--visited);--ar-star-color:var(--star);--ar-error-color:var(--fg);--ar-pressed-bg:var(--fg);--ar-pressed-color:var(--bg)}
button,select{font:inherit;min-width:44px;min-height:44px;padding:.3em .8em;border:2px solid var(--fg);border-radius:.4rem;background:var(--bg);color:var(--fg);cursor:pointer}
button{display:inline-flex;align-items:center;gap:.4em}
button[disabled]{border-style:dashed;cursor:default;color:var(--muted)}
:focus-visible{outline:3px solid var(--focus);outline-offset:3px}
${PLAYER_CSS}
@media (forced-colors:active){button,fieldset,select{border-color:ButtonText}button.back,button[aria-pressed=true]{background:Highlight;color:HighlightText}}
`;

/**
 * The reader view's own stylesheet, in its shadow root: nothing of the page's CSS reaches it. The article's
 * size, spacing and line width are custom properties, so a change is one style recalculation; the sentence
 * read aloud is a CSS custom highlight (no layout change).
 */
export const READER_CSS = `${BASE_CSS}
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
button[aria-pressed]::before{content:"☐"}button[aria-pressed=true]::before{content:"☑"}
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
@media (forced-colors:active){input{appearance:auto}::highlight(ar-read-aloud){background-color:Highlight;color:HighlightText}}
`;
