import { fireEvent, userEvent } from 'storybook/test';

/** Keys the play functions press. */
export type Key = 'Enter' | 'Space' | 'Tab' | 'ArrowRight' | 'ArrowLeft' | 'ArrowUp' | 'ArrowDown';

const STEP: Partial<Record<Key, 1 | -1>> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

/**
 * Presses `key` on the focused element, in the Storybook UI.
 *
 * The UI has no real keyboard: Testing Library dispatches synthetic events, and a synthetic arrow key cannot
 * trigger the browser's own radio-group navigation (user-event's emulation of it looks for the radios in the
 * document and misses those in a shadow root). So for an arrow on a radio the keydown is dispatched (the
 * component sees it and may handle it), and unless it is cancelled, the next radio of the group in the same
 * root is focused and chosen, as Chromium does.
 *
 * `npm test` does not use this file: under Vitest, .storybook/main.ts swaps in keyboard.vitest.ts, which
 * presses real keys through Playwright, so the story tests prove the browser's real behaviour.
 */
export async function press(key: Key): Promise<void> {
  const target = deepActiveElement();
  const step = STEP[key];
  if (step && target instanceof HTMLInputElement && target.type === 'radio') {
    const proceed = await fireEvent.keyDown(target, { key, code: key, bubbles: true, composed: true });
    if (proceed) walkRadio(target, step);
    await fireEvent.keyUp(deepActiveElement() ?? target, { key, code: key, bubbles: true, composed: true });
    return;
  }
  await userEvent.keyboard(key === 'Space' ? ' ' : `{${key}}`);
}

function deepActiveElement(): Element | null {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

function walkRadio(from: HTMLInputElement, step: 1 | -1): void {
  const root = from.getRootNode() as Document | ShadowRoot;
  const group = [...root.querySelectorAll<HTMLInputElement>('input[type=radio]')].filter((r) => r.name === from.name && r.form === from.form && !r.disabled);
  const next = group[(group.indexOf(from) + step + group.length) % group.length];
  if (!next || next === from) return;
  next.focus();
  next.click();
}
