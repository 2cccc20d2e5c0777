/**
 * Loading the reader script into a page on first use: the content script asks, the background injects
 * `/reader.js` into the asking frame (only its own file, only into the tab that asked), and the script hands
 * its features over in the isolated world (see @accessible-reader/retrofit's chunk/handoff.ts).
 */
import { awaitReader, type ReaderChunk } from '@accessible-reader/retrofit/core.js';
import { browser, type Browser } from 'wxt/browser';

export const READER_SCRIPT = '/reader.js';

/** The message a content script sends to have the reader script injected. */
export interface LoadReader {
  type: 'load-reader';
}

let loading: Promise<ReaderChunk> | undefined;

/** In the content script: the reader features, loaded once per page. */
export function loadReader(): Promise<ReaderChunk> {
  return (loading ??= awaitReader(() => {
    const message: LoadReader = { type: 'load-reader' };
    void browser.runtime.sendMessage(message).catch((error: unknown) => console.warn('Accessible Reader: could not load the reader view.', error));
  }));
}

/** In the background: injects the reader script into the frame that asked, if the message is ours. */
export function injectReaderScript(message: unknown, sender: Browser.runtime.MessageSender): Promise<void> | undefined {
  if ((message as LoadReader | null)?.type !== 'load-reader' || sender.id !== browser.runtime.id) return undefined;
  const tabId = sender.tab?.id;
  if (tabId === undefined) return undefined;
  return browser.scripting
    .executeScript({ target: { tabId, frameIds: [sender.frameId ?? 0] }, files: [READER_SCRIPT] })
    .then(() => undefined);
}
