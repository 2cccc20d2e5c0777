/** Opens the welcome page once per installation (see entrypoints/welcome). */
import { browser } from 'wxt/browser';

export const WELCOME_PAGE = '/welcome.html';
/** Kept in local storage: the welcome page was opened on this computer. Erased with the extension. */
const WELCOMED_KEY = 'welcomed';

/**
 * Opens the welcome page unless it was opened before. `onInstalled` says "install" only once in a real browser, but
 * Chromium re-installs an extension loaded from its command line at every start: the mark makes "once" hold there too.
 */
export async function openWelcomeOnce(): Promise<void> {
  const seen = await browser.storage.local.get(WELCOMED_KEY).catch(() => ({}) as Record<string, unknown>);
  if (seen[WELCOMED_KEY]) return;
  await browser.storage.local.set({ [WELCOMED_KEY]: true });
  await browser.tabs.create({ url: browser.runtime.getURL(WELCOME_PAGE) });
}
