import { css } from 'lit';

export const fontSizeStyles = css`
  :host {
    display: inline-block;
  }
  [part='group'] {
    display: inline-flex;
    gap: var(--ar-gap, 0.5rem);
    flex-wrap: wrap;
  }
  button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.55;
  }
  [part~='decrease'] {
    font-size: 0.9em;
  }
  [part~='increase'] {
    font-size: 1.2em;
  }
  @media (forced-colors: active) {
    button[aria-disabled='true'] {
      color: GrayText;
      border-color: GrayText;
      opacity: 1;
    }
  }
`;
