import { css } from 'lit';

// One rule per line, because Lit's css ships as written and this component has a tight size budget.
// The real radio covers its label (opacity 0), so clicks, taps and screen-reader focus all land on it; the label
// shows its focus. In forced colours the characters (★ chosen, ☆ not) carry the state, Highlight marks it too.
export const ratingStyles = css`
  :host { display: block; }
  p { margin: 0 0 0.5em; }
  fieldset { margin: 0; padding: 0; border: 0; min-width: 0; }
  legend { padding: 0; }
  [part='stars'] { display: inline-flex; flex-wrap: wrap; vertical-align: middle; margin-inline-end: 0.5em; }
  [part='star'] { position: relative; display: inline-grid; place-content: center; min-width: var(--_target); min-height: var(--_target); cursor: pointer; }
  [part='star'], [part='rated'] > span { font-size: var(--ar-star-size, 1.75em); line-height: 1; vertical-align: middle; }
  input { position: absolute; inset: 0; width: 100%; height: 100%; margin: 0; opacity: 0; cursor: inherit; }
  [part='star']:focus-within { outline: 3px solid var(--_focus); outline-offset: -3px; }
  .on { color: var(--ar-star-color, #b45309); }
  button { vertical-align: middle; }
  button:disabled, :disabled + span { cursor: not-allowed; opacity: 0.6; }
  .error { color: var(--ar-error-color, #b91c1c); }
  @media (forced-colors: active) {
    .on { color: Highlight; }
    [part='star']:focus-within { outline-color: Highlight; }
  }
`;
