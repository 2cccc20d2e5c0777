import { css } from 'lit';

/**
 * Styles every component shares: a focus ring that survives any theme, 44 px targets, a visually hidden
 * helper for text that belongs in the accessible name, and the forced-colors / reduced-motion adaptations.
 */
export const sharedStyles = css`
  :host {
    font: inherit;
    color: inherit;
    --_focus: var(--ar-focus-color, #1d4ed8);
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
    cursor: pointer;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
    box-shadow: 0 0 0 5px var(--ar-focus-halo, #fff);
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
