/**
 * How every context reads the settings and asks for them to be changed. Reads go straight to storage (both areas,
 * in one round); changes are sent to the background's single writer (lib/writer.ts), which coalesces them and keeps
 * within sync's quotas. Every read goes through the validators of ./settings.
 */
import { browser, type Browser } from 'wxt/browser';
import { isSettingsArea } from './area';
import {
  DEFAULTS_KEY,
  DEFAULT_SETTINGS,
  SITE_PREFIX,
  keysFor,
  pageStateFrom,
  sitesFromSnapshot,
  validateSettings,
  validateSiteEntry,
  type PageState,
  type Scope,
  type Settings,
  type SiteEntry,
  type Sites,
} from './settings';
import type { WriteOp } from './write-ops';

export { keysFor, pageStateFrom, type PageState, type Scope };

/**
 * What became of a change. `where: 'local'`: sync had no room (or refused), so the change is kept on this
 * computer only; the popup and the options page say so. `localItems`: how many settings live in local now.
 */
export type WriteResult = { ok: true; where: 'sync' | 'local'; localItems: number } | { ok: false; where: 'none'; localItems: number };

/** The message a context sends the background's writer. */
export interface WriteMessage {
  type: 'write';
  ops: WriteOp[];
}

const FAILED: WriteResult = { ok: false, where: 'none', localItems: 0 };

function isWriteResult(v: unknown): v is WriteResult {
  const r = v as Partial<WriteResult> | null;
  return typeof r === 'object' && r !== null && typeof r.ok === 'boolean' && (r.where === 'sync' || r.where === 'local' || r.where === 'none');
}

async function viaBackground(ops: WriteOp[]): Promise<WriteResult> {
  try {
    const message: WriteMessage = { type: 'write', ops };
    const result: unknown = await browser.runtime.sendMessage(message);
    return isWriteResult(result) ? result : FAILED;
  } catch (error) {
    console.warn('Accessible Reader: could not reach the background to save.', error);
    return FAILED;
  }
}

let sink: (ops: WriteOp[]) => Promise<WriteResult> = viaBackground;

/** The background hands its writer here, so that its own changes (shortcuts) skip the message. */
export function setWriteSink(write: (ops: WriteOp[]) => Promise<WriteResult>): void {
  sink = write;
}

/** Changes sent and not yet written; storage events that arrive meanwhile wait (see onSettingsChanged). */
let inFlight = 0;
/** Changes sent so far: a read that began before the latest one is stale. */
let sent = 0;
const waiting = new Set<() => void>();

/** Sends actions to the writer; resolves once they are written (or could not be). */
export async function write(...ops: WriteOp[]): Promise<WriteResult> {
  inFlight += 1;
  sent += 1;
  try {
    return await sink(ops);
  } finally {
    inFlight -= 1;
    if (inFlight === 0) {
      const run = [...waiting];
      waiting.clear();
      for (const listener of run) listener();
    }
  }
}

/**
 * When stored settings change (`keys`: only those keys; null: any), reads them with `read` and hands the result
 * to `apply`, unless this context changed something meanwhile. An echo of an older write never undoes a newer
 * press: while this context has changes on their way the read waits until they are written, and a read that a new
 * press overtook is dropped (that press's own echo brings the next read). Returns a function that stops listening.
 */
export function onSettingsChanged<T>(keys: readonly string[] | null, read: () => Promise<T>, apply: (value: T) => void): () => void {
  const listener = () => {
    const before = sent;
    void read().then((value) => {
      if (sent === before) apply(value);
    });
  };
  const handler = (changes: Record<string, unknown>, area: string) => {
    if (!isSettingsArea(area)) return;
    const names = Object.keys(changes);
    if (!names.some((k) => (keys ? keys.includes(k) : k === DEFAULTS_KEY || k.startsWith(SITE_PREFIX)))) return;
    if (inFlight > 0) waiting.add(listener);
    else listener();
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}

/** Stored values of `keys` (null: all), from both areas in one round; local's copy wins (it is the newer). */
export async function readKeys(keys: readonly string[] | null): Promise<Record<string, unknown>> {
  const get = (area: Browser.storage.StorageArea | undefined) =>
    typeof area?.get === 'function'
      ? area.get(keys ? [...keys] : null).catch((error: unknown) => {
          console.warn('Accessible Reader: could not read the settings; using the defaults.', error);
          return {};
        })
      : {};
  const [sync, local] = await Promise.all([get(browser.storage?.sync), get(browser.storage?.local)]);
  return { ...sync, ...local };
}

/** What a page needs (on or off, settings, scope), in one round of reads. */
export async function readPage(host: string): Promise<PageState> {
  return pageStateFrom(await readKeys(keysFor(host)), host);
}

export async function getDefaults(): Promise<Settings> {
  return validateSettings((await readKeys([DEFAULTS_KEY]))[DEFAULTS_KEY]);
}

export async function getSite(host: string): Promise<SiteEntry> {
  const raw = await readKeys(keysFor(host));
  return validateSiteEntry(raw[SITE_PREFIX + host], validateSettings(raw[DEFAULTS_KEY]));
}

/** Everything, in one read: what the options page lists and what export writes; `localItems` kept off sync. */
export async function getAll(): Promise<{ defaults: Settings; sites: Sites; localItems: number }> {
  const [all, local] = await Promise.all([readKeys(null), browser.storage.local.get(null).catch(() => ({}))]);
  const defaults = validateSettings(all[DEFAULTS_KEY]);
  const localItems = Object.keys(local).filter((k) => k === DEFAULTS_KEY || k.startsWith(SITE_PREFIX)).length;
  return { defaults, sites: sitesFromSnapshot(all, defaults), localItems };
}

/** The settings shared by every government site (and the start for other sites). */
export const setDefaults = (settings: Settings) => write({ op: 'defaults', settings });
/** A site's whole entry; `{}` removes the site. */
export const setSite = (host: string, entry: SiteEntry) => write({ op: 'site', host, entry });
export const setEnabled = (host: string, enabled: boolean) => write({ op: 'enabled', host, enabled });
/** "Only this site" (`site`) or every government site (`government`). */
export const setScope = (host: string, scope: Scope) => write({ op: 'scope', host, scope });
/** A size or colour chosen on a site, kept where its scope says (or `scope`, chosen at the same time). */
export const choose = (host: string, settings: Settings, scope?: Scope) => write(scope ? { op: 'choose', host, settings, scope } : { op: 'choose', host, settings });
/** Replaces everything (import, reset): new values written before the old ones go. Callers validate first. */
export const replaceAll = (defaults: Settings, sites: Sites) => write({ op: 'replace', defaults, sites });
export const resetAll = () => replaceAll({ ...DEFAULT_SETTINGS }, {});

/**
 * Saves a change made with the on-page toolbar (content script): the background accepts it for the page's own
 * site only. `scope` when the reader chose "only this site" (or undid it) at the same time.
 */
export function saveFromPage(host: string, settings: Settings, scope?: Scope): Promise<WriteResult> {
  return choose(host, settings, scope);
}
