/**
 * The background's part of the built-in voice: Chrome plays sound only in an offscreen document, which it opens
 * when a page asks for the voice; Firefox's background page plays it itself.
 */
import { browser } from 'wxt/browser';
import { hostBuiltInVoice } from './host';
import { VOICE_HOST_MESSAGE } from './protocol';

interface Offscreen {
  createDocument(o: { url: string; reasons: string[]; justification: string }): Promise<void>;
}

let opening: Promise<void> | undefined;

/** Whether Chrome's offscreen document is open (it closes itself after a while without sound). */
async function offscreenOpen(url: string): Promise<boolean> {
  const runtime = browser.runtime as unknown as { getContexts?: (f: { contextTypes: string[]; documentUrls: string[] }) => Promise<unknown[]> };
  return ((await runtime.getContexts?.({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [url] })) ?? []).length > 0;
}

async function openHost(): Promise<boolean> {
  if (import.meta.env.FIREFOX) return true;
  const url = browser.runtime.getURL('/offscreen.html');
  if (await offscreenOpen(url)) return true;
  const offscreen = (browser as unknown as { offscreen: Offscreen }).offscreen;
  opening ??= offscreen
    .createDocument({ url, reasons: ['AUDIO_PLAYBACK'], justification: 'Reads the article aloud with the built-in voice on computers without a Vietnamese voice.' })
    .finally(() => (opening = undefined));
  await opening;
  return true;
}

/** Call once in the background's main(). */
export function serveBuiltInVoice(): void {
  if (import.meta.env.FIREFOX) hostBuiltInVoice();
  // Asked by content scripts (pages are not trusted, but all they can do is have the voice host opened).
  browser.runtime.onMessage.addListener((message: { type?: string } | undefined) => {
    if (message?.type !== VOICE_HOST_MESSAGE) return undefined;
    return openHost().catch((error: unknown) => {
      console.warn('Accessible Reader: could not open the built-in voice.', error);
      return false;
    });
  });
}
