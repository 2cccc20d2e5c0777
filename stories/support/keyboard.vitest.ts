import { userEvent } from 'vitest/browser';
import type { Key } from './keyboard';

/**
 * Presses `key` on the focused element with a real keyboard (Playwright, through Vitest browser mode), so the
 * story tests check what Chromium itself does: native radio-group arrows, Space and Enter on buttons.
 * .storybook/main.ts puts this file in place of keyboard.ts when Storybook's config is loaded by Vitest.
 */
export async function press(key: Key): Promise<void> {
  await userEvent.keyboard(key === 'Space' ? ' ' : `{${key}}`);
}
