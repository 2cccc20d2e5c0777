/**
 * What the keyboard shortcuts do. The background's `commands.onCommand` and the extension pages' `command`
 * message both end here, so the tests (which cannot press a browser shortcut in headless Chromium) exercise the
 * same code as a real key press.
 */
import { browser, type Browser } from 'wxt/browser';
import { applyCommand, effectiveSettings, hostOfUrl, hostPattern, isEnabled, isGovHost } from './settings';
import type { ContentMessage } from './messages';
import { choose, getDefaults, getSite, setEnabled } from './store';

export type CommandName = 'increase-text' | 'decrease-text' | 'toggle-contrast' | 'toggle-site' | 'reader-view';
/** The two stages of the reader on a page (see lib/early.ts), in the order they run. */
export const EARLY_SCRIPT = '/page-early.js';
export const CONTENT_SCRIPT = '/page-engine.js';

/** Whether the browser lets the extension work on `host` (for .gov.vn too: the user may withhold it). */
export async function hasSitePermission(host: string): Promise<boolean> {
  return browser.permissions.contains({ origins: [hostPattern(host)] }).catch(() => false);
}

/** Starts the reader in a tab that is already open (the content script ignores a second start). */
export async function injectReader(tabId: number): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId }, files: [EARLY_SCRIPT, CONTENT_SCRIPT] });
}

export async function runCommand(command: CommandName, tab: Browser.tabs.Tab | undefined): Promise<void> {
  const host = hostOfUrl(tab?.url);
  if (!host || tab?.id === undefined) return;
  if (command === 'reader-view') return toggleReaderView(tab.id);
  const [defaults, entry] = await Promise.all([getDefaults(), getSite(host)]);
  const enabled = isEnabled(host, entry);
  if (command === 'toggle-site') {
    if (!enabled && !(await hasSitePermission(host))) {
      // A site's permission can only be asked from a click in the popup: open it where the browser allows.
      const action = (browser.action ?? (browser as unknown as { browserAction?: typeof browser.action }).browserAction) as
        | { openPopup?: () => Promise<void> }
        | undefined;
      await action?.openPopup?.().catch(() => undefined);
      return;
    }
    await setEnabled(host, !enabled);
    if (!enabled && !isGovHost(host)) await injectReader(tab.id).catch(() => undefined);
    return;
  }
  if (!enabled) return;
  // Kept where this site's choices go: every government site, or this site only.
  await choose(host, applyCommand(effectiveSettings(defaults, entry), command));
}

/**
 * Opens (or closes) the reader view in a tab, on any site: the shortcut or the popup button is the reader's
 * gesture, so `activeTab` lets the content script in where it is not yet (it stays idle there otherwise).
 */
async function toggleReaderView(tabId: number): Promise<void> {
  const message: ContentMessage = { type: 'reader-view' };
  try {
    await browser.tabs.sendMessage(tabId, message);
  } catch {
    // No content script in this tab yet.
    await injectReader(tabId).catch(() => undefined);
    await browser.tabs.sendMessage(tabId, message).catch(() => undefined);
  }
}
