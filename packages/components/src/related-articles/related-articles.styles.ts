import { css } from 'lit';

// One rule per line: this text ships as is (no CSS minifier runs on css``).
// The box has its own colours so that the link colours keep their contrast on any page background; under
// contrast.css it takes that theme's colours (--ar-c-*), and it resets -webkit-text-fill-color, which that
// theme may set on an ancestor and which would otherwise inherit into this shadow root.
// a::after stretches each link over its item: thumbnail and date are part of the target, while the link's
// name stays the title alone.
export const relatedStyles = css`
:host{display:block}
section{padding:1rem;border:1px solid var(--ar-related-border,var(--ar-c-fg,#6b7280));border-radius:var(--ar-radius,.375rem);background:var(--ar-related-bg,var(--ar-c-bg,#fff));color:var(--ar-related-color,var(--ar-c-fg,#111));-webkit-text-fill-color:currentColor;line-height:1.6}
[part=heading]{margin:0 0 .5em;font-size:1.25em;line-height:1.3}
ul{margin:0;padding:0;list-style:none}
li{position:relative;display:flex;gap:.75em;min-height:var(--_target);padding:.5em 0;box-sizing:border-box}
li+li{border-top:1px solid #d1d5db}
a{color:var(--ar-link-color,var(--ar-c-link,#1d4ed8));font-weight:600;text-underline-offset:.2em}
a:visited{color:var(--ar-link-visited-color,var(--ar-c-visited,#6b21a8))}
a:hover{text-decoration-thickness:3px}
a::after{content:'';position:absolute;inset:0}
[part=date]{display:block;font-size:.9em}
img{flex:none;width:var(--ar-related-thumb-width,6rem);aspect-ratio:4/3;object-fit:cover}
button{padding:0 1em}
@media (forced-colors:active){a{color:LinkText}a:visited{color:VisitedText}}
`;
