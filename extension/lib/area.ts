/** Which storage area holds the settings, and the key of a site: shared by every context, kept tiny. */
import { browser } from 'wxt/browser';
import { SITE_PREFIX } from './settings';

export type Area = 'sync' | 'local';

/** `sync` unless the browser has no sync storage (some Chromium forks, Firefox with storage.sync disabled). */
export const AREA: Area = typeof browser.storage?.sync?.get === 'function' ? 'sync' : 'local';

export const siteKey = (host: string) => SITE_PREFIX + host;
