/**
 * Shows one of the extension's own pages (popup, options, welcome) in a story: its real markup and styles, started by
 * its real code, on the fake browser of ./fake-browser.ts in the story's state. Writes go through the real writer,
 * as in the background.
 */
import { setWorld, type FakeWorld } from './fake-browser';
import { setWriteSink } from '../../extension/lib/store';
import { createWriter } from '../../extension/lib/writer';

/** The parts of a story the pages read: the fake world (without the language, which the toolbar's globals give). */
export type PageWorld = Omit<FakeWorld, 'lang'>;

export interface ExtensionPage extends HTMLElement {
  /** Resolves when the page's code has started (its first render done). */
  ready: Promise<void>;
}

/** The page's `<main>` from its index.html, parsed as a document (never innerHTML), and its stylesheet. */
export function mountPage(html: string, css: string, lang: 'vi' | 'en', world: PageWorld, start: () => Promise<void>): ExtensionPage {
  setWorld({ ...world, lang });
  setWriteSink(createWriter().enqueue);
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  const container = document.createElement('div') as unknown as ExtensionPage;
  container.className = 'ext-page';
  // The page's own root size (its stylesheet's :root), not the story page's.
  container.style.fontSize = '1rem';
  container.append(document.importNode(parsed.querySelector('main')!, true));
  for (const old of document.querySelectorAll('style[data-ext-page]')) old.remove();
  const style = document.createElement('style');
  style.dataset.extPage = '';
  style.textContent = css;
  document.head.append(style);
  container.ready = (async () => {
    // The page code finds its elements by id in the document: wait until the story is in it.
    while (!container.isConnected) await new Promise((resolve) => requestAnimationFrame(resolve));
    await start();
    await new Promise((resolve) => setTimeout(resolve, 60));
  })();
  return container;
}

/** Removes a page's stylesheet when its story is left (its :root and body rules must not reach other stories). */
export function removePageStyles(): void {
  for (const old of document.querySelectorAll('style[data-ext-page]')) old.remove();
}

/** Waits until the writer has written (it coalesces presses for 0.4 s). */
export const written = () => new Promise((resolve) => setTimeout(resolve, 700));
