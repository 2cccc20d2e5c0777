/**
 * The stored format's versions and how to move stored data from one to the next, as pure functions (unit-tested
 * in plain Node). The background runs them at install and update (lib/writer.ts): new values are written first,
 * old keys removed after, so an interrupted migration loses nothing and simply runs again.
 *
 * - Version 1 (0.1): `defaults` for every site without its own, `site:<host>` per site, and a `<key>$` version
 *   item next to every key (written by @wxt-dev/storage): two storage items per site, so sync's 512 items were
 *   full at about 255 sites.
 * - Version 2: `defaults` are the settings shared by every government site (a choice made on one portal holds on
 *   all of them); a government site keeps its own settings only when the reader chose "only this site". No
 *   per-key version items: one `schema` key says the version, written only by a migration.
 */
import { DEFAULTS_KEY, DEFAULT_SETTINGS, SITE_PREFIX, isGovHost, sitesFromSnapshot, validateSettings, type Settings } from './settings';
import { storedEntry } from './write-ops';

export const STORAGE_VERSION = 2;
export const SCHEMA_KEY = 'schema';

/** A migration's work: values to write first, then keys to remove. */
export interface Migration {
  set: Record<string, unknown>;
  remove: string[];
}

/**
 * The version of a stored snapshot: its `schema`, else 1 when it has version-1 `$` items, else the current one
 * (empty, or written by this version without a migration to record).
 */
export function versionOf(snapshot: Readonly<Record<string, unknown>>): number {
  const v = snapshot[SCHEMA_KEY];
  if (typeof v === 'number' && Number.isInteger(v) && v > 0) return v;
  return Object.keys(snapshot).some((k) => k.endsWith('$')) ? 1 : STORAGE_VERSION;
}

/** `MIGRATIONS[n]` takes a version-n snapshot to version n+1. */
export const MIGRATIONS: Record<number, (snapshot: Readonly<Record<string, unknown>>) => Migration> = {
  1: fromVersion1,
};

/** Everything to do to bring a snapshot to STORAGE_VERSION, as one write then one removal. */
export function migrate(snapshot: Readonly<Record<string, unknown>>): Migration | null {
  let version = versionOf(snapshot);
  if (version >= STORAGE_VERSION) return null;
  let current: Record<string, unknown> = { ...snapshot };
  const removed = new Set<string>();
  while (version < STORAGE_VERSION) {
    const step = MIGRATIONS[version];
    if (!step) break;
    const { set, remove } = step(current);
    for (const key of remove) {
      delete current[key];
      removed.add(key);
    }
    current = { ...current, ...set };
    for (const key of Object.keys(set)) removed.delete(key);
    version += 1;
  }
  const set: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(current)) if (JSON.stringify(snapshot[key]) !== JSON.stringify(value)) set[key] = value;
  set[SCHEMA_KEY] = STORAGE_VERSION;
  return { set, remove: [...removed] };
}

/**
 * Version 1 to 2. When the reader never chose defaults, the settings they chose most often on government sites
 * become the shared ones (ties: the first site in alphabetical order): the size they picked on their portals now
 * holds on every portal. Government sites whose settings equal the shared ones stop keeping a copy; the others
 * keep theirs as "only this site", so every site that had settings shows exactly what it showed before.
 */
function fromVersion1(snapshot: Readonly<Record<string, unknown>>): Migration {
  const set: Record<string, unknown> = {};
  const remove = Object.keys(snapshot).filter((k) => k.endsWith('$'));
  const stored = snapshot[DEFAULTS_KEY];
  let defaults: Settings = validateSettings(stored);
  const sites = sitesFromSnapshot(snapshot, defaults);
  const hosts = Object.keys(sites).sort();
  const chosenDefaults = stored !== undefined && !sameSettings(defaults, DEFAULT_SETTINGS);
  if (!chosenDefaults) {
    const count = new Map<string, number>();
    for (const host of hosts) {
      const s = sites[host]!.settings;
      if (s && isGovHost(host)) count.set(JSON.stringify(s), (count.get(JSON.stringify(s)) ?? 0) + 1);
    }
    let best: string | null = null;
    for (const [key, n] of count) if (best === null || n > count.get(best)!) best = key;
    if (best !== null) {
      defaults = validateSettings(JSON.parse(best));
      set[DEFAULTS_KEY] = defaults;
    }
  }
  for (const host of hosts) {
    const entry = { ...sites[host]! };
    if (isGovHost(host) && entry.settings && sameSettings(entry.settings, defaults)) delete entry.settings;
    const clean = storedEntry(host, entry);
    const key = SITE_PREFIX + host;
    if (!clean) remove.push(key);
    else if (JSON.stringify(clean) !== JSON.stringify(snapshot[key])) set[key] = clean;
  }
  return { set, remove };
}

function sameSettings(a: Readonly<Settings>, b: Readonly<Settings>): boolean {
  return (Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]).every((k) => a[k] === b[k]);
}
