/** The views' shared look: colour themes, buttons and focus. */

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
button svg{flex:none;width:1.25em;height:1.25em}
button[disabled]{border-style:dashed;cursor:default;color:var(--muted)}
:focus-visible{outline:3px solid var(--focus);outline-offset:3px}
@media (forced-colors:active){button,fieldset,select{border-color:ButtonText}}
`;
