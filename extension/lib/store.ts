/**
 * Where settings live: `browser.storage.sync` when the browser has it (the reader's settings follow them to
 * their other computers), `local` otherwise. One key for the defaults and one key per site, so that a site's
 * entry stays far below sync's 8 KB-per-item quota, two tabs saving two sites never overwrite each other, and a
 * corrupt entry is confined to its own site. Every read goes through the validators of ./settings.
 */
import { storage, type WxtStorageItem } from '@wxt-dev/storage';
import { browser } from 'wxt/browser';
import { AREA, siteKey } from './area';
import {
  DEFAULTS_KEY,
  DEFAULT_SETTINGS,
  SITE_PREFIX,
  compactEntry,
  sitesFromSnapshot,
  validateSettings,
  validateSiteEntry,
  type Settings,
  type SiteEntry,
  type Sites,
} from './settings';

export { AREA, siteKey, type Area } from './area';

/**
 * Storage format version of every item. Bump it and add `MIGRATIONS[n]` (old value -> new value) when the shape
 * changes; WXT runs the migrations when an item is defined (the background defines all of them at start-up).
 * Readers that see an unmigrated value still get valid settings: validation repairs field by field.
 */
export const STORAGE_VERSION = 1;
export const MIGRATIONS: Record<number, (old: unknown) => unknown> = {};

const items = new Map<string, WxtStorageItem<unknown, Record<string, never>>>();
function item(key: string): WxtStorageItem<unknown, Record<string, never>> {
  let it = items.get(key);
  if (!it) {
    it = storage.defineItem<unknown, Record<string, never>>(`${AREA}:${key}`, { version: STORAGE_VERSION, migrations: MIGRATIONS });
    items.set(key, it);
  }
  return it;
}

export async function getDefaults(): Promise<Settings> {
  return validateSettings(await item(DEFAULTS_KEY).getValue().catch(() => null));
}

export async function setDefaults(settings: Settings): Promise<void> {
  await item(DEFAULTS_KEY).setValue(validateSettings(settings));
}

export async function getSite(host: string): Promise<SiteEntry> {
  const defaults = await getDefaults();
  return validateSiteEntry(await item(siteKey(host)).getValue().catch(() => null), defaults);
}

/** Saves a site's entry; an entry that says nothing is removed rather than stored. */
export async function setSite(host: string, entry: SiteEntry): Promise<void> {
  const clean = compactEntry(entry);
  if (clean) await item(siteKey(host)).setValue(clean);
  else await item(siteKey(host)).removeValue({ removeMeta: true });
}

/** Everything, in one read: what the options page lists and what export writes. */
export async function getAll(): Promise<{ defaults: Settings; sites: Sites }> {
  const snap = await storage.snapshot(AREA).catch(() => ({}) as Record<string, unknown>);
  const defaults = validateSettings(snap[DEFAULTS_KEY]);
  return { defaults, sites: sitesFromSnapshot(snap, defaults) };
}

/** Replaces everything (import, reset). Callers validate first: nothing here can half-apply a bad file. */
export async function replaceAll(defaults: Settings, sites: Sites): Promise<void> {
  await storage.clear(AREA);
  const values: Record<string, unknown> = { [DEFAULTS_KEY]: defaults, [`${DEFAULTS_KEY}$`]: { v: STORAGE_VERSION } };
  for (const [host, entry] of Object.entries(sites)) {
    const clean = compactEntry(entry);
    if (!clean) continue;
    values[siteKey(host)] = clean;
    values[`${siteKey(host)}$`] = { v: STORAGE_VERSION };
  }
  await browser.storage[AREA].set(values);
}

export async function resetAll(): Promise<void> {
  await replaceAll({ ...DEFAULT_SETTINGS }, {});
}

/** Runs pending migrations of every stored item (background start-up). */
export async function migrateAll(): Promise<void> {
  const snap = await storage.snapshot(AREA).catch(() => ({}) as Record<string, unknown>);
  const keys = Object.keys(snap).filter((k) => !k.endsWith('$') && (k === DEFAULTS_KEY || k.startsWith(SITE_PREFIX)));
  await Promise.all(keys.map((k) => item(k).migrate().catch((e: unknown) => console.warn('Accessible Reader: migration failed for', k, e))));
}
