/**
 * Which pages the reader's two scripts run in: every government site the reader has not turned off, and each
 * other site they turned on (and allowed). Registered at run time rather than listed in the manifest, so that a
 * site the reader turned off gets no script at all: the page cannot tell the extension is there, and is not
 * held back while the settings are read.
 */
import { browser, type Browser } from 'wxt/browser';
import { CONTENT_SCRIPT, EARLY_SCRIPT, hasSitePermission, injectReader } from './commands';
import { hostOfUrl, hostPattern, isEnabled, isGovHost, type Sites } from './settings';
import { getAll } from './store';

/** Government portals: `gov.vn` and every host under it (the manifest's host permissions). */
export const GOV_MATCHES = ['*://*.gov.vn/*', '*://gov.vn/*'];
/** Ids: `gov` and `gov|engine`, `site:<host>` and `site:<host>|reader` (the same two stages for one host). */
const GOV_ID = 'gov';
const SITE_PREFIX = 'site:';

type Registration = Browser.scripting.RegisteredContentScript;

/** The registrations the stored sites call for (pure: the tests check it without a browser). */
export function wantedRegistrations(sites: Sites, allowed: ReadonlySet<string>, persistAcrossSessions: boolean): Registration[] {
  const off = Object.keys(sites).filter((h) => isGovHost(h) && !isEnabled(h, sites[h])).sort().map(hostPattern);
  const stages = (id: string, matches: string[], excludeMatches: string[]): Registration[] => {
    const scope = { matches, ...(excludeMatches.length ? { excludeMatches } : {}), allFrames: false, persistAcrossSessions };
    return [
      { id, js: [EARLY_SCRIPT], runAt: 'document_start', ...scope },
      { id: `${id}|${id === GOV_ID ? 'engine' : 'reader'}`, js: [CONTENT_SCRIPT], runAt: 'document_end', ...scope },
    ];
  };
  const others = Object.keys(sites).filter((h) => !isGovHost(h) && isEnabled(h, sites[h]) && allowed.has(h)).sort();
  return [...stages(GOV_ID, GOV_MATCHES, off), ...others.flatMap((h) => stages(SITE_PREFIX + h, [hostPattern(h)], []))];
}

const ours = (id: string) => id === GOV_ID || id.startsWith(`${GOV_ID}|`) || id.startsWith(SITE_PREFIX);
const same = (a: Registration, b: Registration) =>
  JSON.stringify([a.matches, a.excludeMatches ?? [], a.js, a.runAt]) === JSON.stringify([b.matches, b.excludeMatches ?? [], b.js, b.runAt]);

let syncing: Promise<void> = Promise.resolve();

/** Makes the registered scripts what the stored sites call for. One run at a time; never throws. */
export function syncRegistrations(): Promise<void> {
  syncing = syncing.then(syncOnce);
  return syncing;
}

async function syncOnce(): Promise<void> {
  try {
    const { sites } = await getAll();
    const candidates = Object.keys(sites).filter((h) => !isGovHost(h) && isEnabled(h, sites[h]));
    const granted = await Promise.all(candidates.map(hasSitePermission));
    const allowed = new Set(candidates.filter((_, i) => granted[i]));
    // Firefox forgets registrations when it closes: the background registers them again at each start.
    const wanted = wantedRegistrations(sites, allowed, !import.meta.env.FIREFOX);
    const registered = (await browser.scripting.getRegisteredContentScripts()).filter((s) => ours(s.id));
    const stale = registered.filter((r) => !wanted.some((w) => w.id === r.id && same(w, r))).map((r) => r.id);
    if (stale.length) await browser.scripting.unregisterContentScripts({ ids: stale });
    const have = new Set(registered.map((r) => r.id).filter((id) => !stale.includes(id)));
    const missing = wanted.filter((w) => !have.has(w.id));
    if (missing.length) await browser.scripting.registerContentScripts(missing);
  } catch (error) {
    console.warn('Accessible Reader: could not update the sites the reader runs on.', error);
  }
}

/**
 * Starts the reader in government tabs that were open before the scripts were registered (install, or a
 * browser start that restored its tabs before the background ran). A tab where it already runs ignores it.
 */
export async function startInOpenTabs(): Promise<void> {
  const { sites } = await getAll().catch(() => ({ sites: {} as Sites }));
  const tabs = await browser.tabs.query({ url: GOV_MATCHES }).catch(() => []);
  await Promise.all(
    tabs.map((tab) => {
      const host = hostOfUrl(tab.url);
      if (tab.id === undefined || !host || !isEnabled(host, sites[host])) return undefined;
      return injectReader(tab.id).catch(() => undefined);
    }),
  );
}
