/**
 * The reader view's own settings (size, colours, spacing, line width), remembered on this computer (`local`, like
 * the voice): one small item apart from the page settings, so that the view opens as the reader left it, on
 * every site. Read once when a page starts and followed when another tab changes it, so that opening the view
 * never waits for storage.
 */
import { READER_DEFAULTS, resolveReaderSettings, type ReaderSettings } from '@accessible-reader/retrofit/core.js';
import { browser } from 'wxt/browser';

const KEY = 'reader';

/**
 * The stored value, made valid: nothing stored is null (the view then starts from the page's settings); anything
 * else gives full settings, each missing or bad field at its default (a corrupt item never breaks the view).
 */
export function validateReaderPrefs(value: unknown): ReaderSettings | null {
  if (value === null || value === undefined) return null;
  return resolveReaderSettings(value, READER_DEFAULTS);
}

let current: ReaderSettings | null = null;
let loading: Promise<ReaderSettings | null> | undefined;

export const readerPrefs = {
  /** Reads the item once per page (and follows changes from other tabs from then on). */
  load(): Promise<ReaderSettings | null> {
    return (loading ??= browser.storage.local.get(KEY).then(
      (got) => {
        browser.storage.onChanged.addListener((changes, area) => {
          if (area === 'local' && KEY in changes) current = validateReaderPrefs(changes[KEY]!.newValue);
        });
        return (current = validateReaderPrefs(got[KEY]));
      },
      () => null,
    ));
  },
  /** What was remembered, at once (null before load() or when nothing is). */
  now: (): ReaderSettings | null => current,
  async set(settings: Readonly<ReaderSettings>): Promise<void> {
    current = validateReaderPrefs(settings);
    await browser.storage.local.set({ [KEY]: current }).catch((error: unknown) => console.warn('Accessible Reader: could not remember the reader view.', error));
  },
};
