/**
 * The reader toolbar's stylesheet, in its shadow root. Its size is fixed (16 px): it does not grow with the
 * page, so a press of A+ never moves the buttons under the hand. Colours come from the page theme's custom
 * properties (black on white otherwise), every text at least 7:1, focus always visible.
 */
export const TOOLBAR_CSS = `
:host{display:block}
section{font-family:"Noto Sans","Segoe UI",Roboto,Arial,"Helvetica Neue",sans-serif;font-size:16px;line-height:1.3;
  letter-spacing:normal;word-spacing:normal;text-align:start;color:var(--ar-c-fg,#000);background:var(--ar-c-bg,#fff);
  border:2px solid currentColor;border-radius:8px;padding:3px 4px}
.row,.panel,fieldset{display:flex;flex-wrap:wrap;align-items:center;gap:3px}
.tools{display:contents}
.tools[hidden],.panel[hidden]{display:none}
button{font:inherit;min-width:44px;min-height:44px;margin:0;padding:0 6px;display:inline-flex;align-items:center;justify-content:center;gap:6px;
  border:2px solid currentColor;border-radius:6px;background:var(--ar-c-bg,#fff);color:inherit;cursor:pointer}
button svg{width:16px;height:16px;flex:none}
button[aria-expanded] svg{width:12px;height:12px}
button[aria-expanded=true]:not(.name) svg{transform:rotate(180deg)}
button[aria-expanded=true]{background:var(--ar-c-fg,#000);color:var(--ar-c-bg,#fff)}
.name{font-weight:700;border-color:transparent;padding-inline:4px}
.name svg{width:12px;height:12px}
.name[aria-expanded=true]{background:transparent;color:inherit}
.size{display:inline-flex;align-items:center;gap:3px}
.size button{font-weight:700;padding:0 6px}
.size button:disabled{border-style:dashed;cursor:default}
.pct{min-width:3em;text-align:center;font-weight:700;font-variant-numeric:tabular-nums}
.panel{margin-top:4px;padding:6px 0 2px;border-top:2px solid currentColor;gap:6px 12px}
fieldset{margin:0;padding:0;border:0;gap:4px 8px}
legend{float:left;padding:0;margin-inline-end:6px;font-weight:700}
label{display:inline-flex;align-items:center;gap:8px;min-height:44px;padding:0 8px;border:2px solid transparent;border-radius:6px;cursor:pointer}
label:has(input:checked){border-color:currentColor}
input{width:22px;height:22px;margin:0;accent-color:var(--ar-c-link,#0000c8);cursor:pointer}
.swatch{display:inline-grid;place-items:center;min-width:2.2em;height:1.6em;border:1px solid currentColor;border-radius:4px;font-weight:700}
.s-off{background:#f2f2f2;color:#333}.s-high{background:#fff;color:#000}.s-dark{background:#000;color:#fff}.s-yellow{background:#000;color:#ff0}
:focus-visible{outline:3px solid var(--ar-c-focus,#1d4ed8);outline-offset:2px}
.vh{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip-path:inset(50%);white-space:nowrap;border:0}
@media (forced-colors:active){section,button,label:has(input:checked){border-color:CanvasText}
  button[aria-expanded=true]{background:Highlight;color:HighlightText}.swatch{forced-color-adjust:none}}
@media (prefers-contrast:more){section{border-width:3px}}
`;
