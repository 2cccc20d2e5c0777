import { css } from 'lit';

/**
 * Styles every component shares: one button look, a focus ring that survives any theme, 44 px targets, a
 * visually hidden helper for text that belongs in the accessible name, and the forced-colors / reduced-motion
 * adaptations. Colours fall back to contrast.css's theme colours (--ar-c-*, inherited into shadow roots), so
 * the controls follow a dark or yellow theme instead of staying white boxes with a blue ring on black.
 */
export const sharedStyles = css`
  :host {
    font: inherit;
    color: inherit;
    --_focus: var(--ar-focus-color, var(--ar-c-focus, #1d4ed8));
    --_target: var(--ar-target-size, 44px);
  }
  :host([hidden]) {
    display: none;
  }
  button {
    font: inherit;
    /* contrast.css paints text with -webkit-text-fill-color on pages with inline !important colours; it inherits
       into shadow roots, so controls reset it to their own colour. */
    -webkit-text-fill-color: currentColor;
    min-width: var(--_target);
    min-height: var(--_target);
    padding: 0.25em 0.75em;
    border: 2px solid var(--ar-control-border, currentColor);
    border-radius: var(--ar-radius, 0.375rem);
    background: var(--ar-control-bg, var(--ar-c-bg, #fff));
    color: var(--ar-control-color, var(--ar-c-fg, #111));
    font-weight: 700;
    line-height: 1.2;
    cursor: pointer;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
    box-shadow: 0 0 0 5px var(--ar-focus-halo, var(--ar-c-bg, #fff));
  }
  .vh {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
  @media (forced-colors: active) {
    :focus-visible {
      outline-color: Highlight;
      box-shadow: none;
    }
    button {
      border: 2px solid ButtonText;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      transition: none !important;
      animation: none !important;
    }
  }
`;
