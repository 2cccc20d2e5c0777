/**
 * Whether the reader folded the on-page toolbar to its name: a preference of this computer (local storage),
 * the same on every site. A corrupt value reads as unfolded.
 */
import { browser } from 'wxt/browser';

const KEY = 'ui:toolbarFolded';

export const toolbarFolded = {
  async get(): Promise<boolean> {
    try {
      return (await browser.storage.local.get(KEY))[KEY] === true;
    } catch {
      return false;
    }
  },
  async set(folded: boolean): Promise<void> {
    await browser.storage.local.set({ [KEY]: folded }).catch((error: unknown) => console.warn('Accessible Reader: could not remember the toolbar.', error));
  },
};
