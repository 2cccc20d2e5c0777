/**
 * What the reader's actions change in storage, as pure functions: each action (`WriteOp`) becomes a set of key
 * changes computed from the current stored values. The background applies them one at a time (lib/writer.ts),
 * so two tabs, the popup and a shortcut never overwrite each other's change with a stale copy.
 */
import {
  DEFAULTS_KEY,
  SITE_PREFIX,
  compactEntry,
  isGovHost,
  normalizeHost,
  scopeOf,
  validateSettings,
  validateSiteEntry,
  type Scope,
  type Settings,
  type SiteEntry,
  type Sites,
} from './settings';

/** One action of the reader, in the terms they chose it. */
export type WriteOp =
  /** The shared settings of every government site (options page, welcome page). */
  | { op: 'defaults'; settings: Settings }
  /** A site's whole entry (options page: `{}` removes the site). */
  | { op: 'site'; host: string; entry: SiteEntry }
  /** The reader on or off for a site (popup, options, shortcut, on-page toolbar). */
  | { op: 'enabled'; host: string; enabled: boolean }
  /**
   * A size or colour chosen on a site (on-page toolbar, popup, shortcut): kept where the site's scope says,
   * or where `scope` says when the reader chose it at the same time.
   */
  | { op: 'choose'; host: string; settings: Settings; scope?: Scope }
  /** "Only this site" on (`site`: the site keeps a copy of the shared settings) or off (`government`). */
  | { op: 'scope'; host: string; scope: Scope }
  /** Everything at once (import, reset). */
  | { op: 'replace'; defaults: Settings; sites: Sites };

/** A key's new value; `null` removes it. */
export type Changes = Map<string, unknown>;

const siteKey = (host: string) => SITE_PREFIX + host;

/**
 * The entry as it is worth storing: without `enabled: true` on government sites (they are on anyway), so that the
 * government sites a reader only visits take no storage item of their own.
 */
export function storedEntry(host: string, entry: SiteEntry): SiteEntry | null {
  const out: SiteEntry = { ...entry };
  // Elsewhere `enabled: false` stays: the options page lists the site, whose permission "Remove" gives back.
  if (out.enabled === true && isGovHost(host)) delete out.enabled;
  return compactEntry(out);
}

/**
 * The key changes of one action. `read(key)` gives the current value (stored, or changed by an earlier action
 * not yet written); `storedKeys` lists every settings key stored now (for `replace`, which removes the others).
 */
export function changesFor(op: WriteOp, read: (key: string) => unknown, storedKeys: readonly string[] = []): Changes {
  const changes: Changes = new Map();
  const defaults = () => validateSettings(read(DEFAULTS_KEY));
  const entryOf = (host: string) => validateSiteEntry(read(siteKey(host)), defaults());
  const putSite = (host: string, entry: SiteEntry) => changes.set(siteKey(host), storedEntry(host, entry));
  switch (op.op) {
    case 'defaults':
      changes.set(DEFAULTS_KEY, { ...op.settings });
      break;
    case 'site':
      putSite(op.host, op.entry);
      break;
    case 'enabled':
      putSite(op.host, { ...entryOf(op.host), enabled: op.enabled });
      break;
    case 'choose': {
      const entry = entryOf(op.host);
      const scope = isGovHost(op.host) ? (op.scope ?? scopeOf(op.host, entry)) : 'site';
      if (scope === 'government') {
        changes.set(DEFAULTS_KEY, { ...op.settings });
        // Chosen for every government site: this one stops keeping its own.
        if (entry.settings) putSite(op.host, { ...entry, settings: undefined });
      } else {
        putSite(op.host, { ...entry, settings: { ...op.settings } });
      }
      break;
    }
    case 'scope': {
      const entry = entryOf(op.host);
      if (op.scope === 'site') putSite(op.host, { ...entry, settings: entry.settings ?? defaults() });
      else if (isGovHost(op.host)) putSite(op.host, { ...entry, settings: undefined });
      break;
    }
    case 'replace': {
      const next = new Map<string, unknown>([[DEFAULTS_KEY, { ...op.defaults }]]);
      for (const [host, entry] of Object.entries(op.sites)) {
        const clean = storedEntry(host, entry);
        if (clean) next.set(siteKey(host), clean);
      }
      for (const key of storedKeys) if (!next.has(key)) changes.set(key, null);
      for (const [key, value] of next) changes.set(key, value);
      break;
    }
  }
  return changes;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Actions from a message (anything): hosts normalised, settings validated, anything odd dropped. Null when the
 * message holds nothing valid. Never throws.
 */
export function parseOps(value: unknown): WriteOp[] | null {
  if (!Array.isArray(value)) return null;
  const ops: WriteOp[] = [];
  for (const raw of value.slice(0, 10)) {
    if (!isRecord(raw)) continue;
    const host = normalizeHost(raw.host);
    const settings = isRecord(raw.settings) ? validateSettings(raw.settings) : null;
    const scope = raw.scope === 'site' || raw.scope === 'government' ? raw.scope : undefined;
    if (raw.op === 'defaults' && settings) ops.push({ op: 'defaults', settings });
    else if (raw.op === 'site' && host) ops.push({ op: 'site', host, entry: validateSiteEntry(raw.entry) });
    else if (raw.op === 'enabled' && host && typeof raw.enabled === 'boolean') ops.push({ op: 'enabled', host, enabled: raw.enabled });
    else if (raw.op === 'choose' && host && settings) ops.push(scope ? { op: 'choose', host, settings, scope } : { op: 'choose', host, settings });
    else if (raw.op === 'scope' && host && scope) ops.push({ op: 'scope', host, scope });
    else if (raw.op === 'replace' && settings === null && isRecord(raw.defaults) && isRecord(raw.sites)) {
      const sites: Sites = {};
      for (const [h, e] of Object.entries(raw.sites)) {
        const n = normalizeHost(h);
        if (n) sites[n] = validateSiteEntry(e);
      }
      ops.push({ op: 'replace', defaults: validateSettings(raw.defaults), sites });
    }
  }
  return ops.length ? ops : null;
}

/** The hosts an action touches (a content script may only change its own site). */
export function hostsOf(op: WriteOp): string[] {
  return 'host' in op ? [op.host] : [];
}
