import { browser, type Browser } from 'wxt/browser';
import type { CommandName } from './commands';

/** What the extension's own pages send the background. */
export type Message = { type: 'command'; command: CommandName; tabId: number } | { type: 'sync' };

/** What the background sends the content script of a tab. */
export type ContentMessage = { type: 'reader-view' };

/** A message from the popup or the options page, not from a content script running inside a web page. */
export function isTrustedSender(sender: Browser.runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id && typeof sender.url === 'string' && sender.url.startsWith(browser.runtime.getURL('/'));
}
