/** Where settings live and the key of a site: shared by every context, kept tiny. */
import { SITE_PREFIX } from './settings';

/**
 * Settings are kept in `sync` (they follow the reader to their other computers) and, for whatever sync has no room
 * for, in `local` (see lib/quota.ts). A key is in one area at a time; where both hold it for a moment (during a
 * move), `local` is the newer copy.
 */
export type Area = 'sync' | 'local';
export const AREAS: readonly Area[] = ['sync', 'local'];

export const isSettingsArea = (area: string): area is Area => area === 'sync' || area === 'local';

export const siteKey = (host: string) => SITE_PREFIX + host;
