import { css } from 'lit';

export const contrastStyles = css`
  :host {
    display: inline-block;
  }
  button {
    display: inline-flex;
    align-items: center;
    gap: 0.5em;
  }
  [aria-pressed='true'] {
    background: var(--ar-pressed-bg, var(--ar-c-fg, #111));
    color: var(--ar-pressed-color, var(--ar-c-bg, #fff));
  }
  /* The state is shown by shape as well as colour: an empty box, or a box with a check mark. */
  [part='indicator'] {
    position: relative;
    flex: none;
    box-sizing: border-box;
    width: 1.1em;
    height: 1.1em;
    border: 2px solid currentColor;
    border-radius: 0.2em;
  }
  [aria-pressed='true'] [part='indicator']::after {
    content: '';
    position: absolute;
    left: 0.3em;
    top: 0.05em;
    width: 0.25em;
    height: 0.55em;
    border: solid currentColor;
    border-width: 0 0.16em 0.16em 0;
    transform: rotate(45deg);
  }
  @media (forced-colors: active) {
    [aria-pressed='true'] {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
      border-color: ButtonText;
    }
  }
`;
