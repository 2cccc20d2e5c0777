import { browser, type Browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { CONTENT_SCRIPT, EARLY_SCRIPT, hasSitePermission, injectReader, runCommand, type CommandName } from '../lib/commands';
import { hostOfUrl, hostPattern, isEnabled, isGovHost } from '../lib/settings';
import { isSettingsArea } from '../lib/area';
import { getAll, setWriteSink, type WriteMessage, type WriteResult } from '../lib/store';
import { isTrustedSender, type Message } from '../lib/messages';
import { serveBuiltInVoice } from '../lib/builtin-voice/background';
import { injectReaderScript } from '../lib/reader-loader';
import { openWelcomeOnce } from '../lib/welcome';
import { createWriter } from '../lib/writer';
import { hostsOf, parseOps } from '../lib/write-ops';

/** Registration ids: `site:<host>` (stage one, document_start) and `site:<host>|reader` (the engine). */
const ID_PREFIX = 'site:';
const hostOfId = (id: string) => id.slice(ID_PREFIX.length).split('|')[0]!;

export default defineBackground({
  // Firefox (MV2): an event page, woken by events like Chrome's service worker, not a page kept alive.
  persistent: false,
  main,
});

function main(): void {
  serveBuiltInVoice();
  const writer = createWriter();
  setWriteSink(writer.enqueue);
  browser.runtime.onInstalled.addListener((details) => {
    void writer.migrate().catch(() => false).then(syncRegistrations);
    // The welcome page: on install only, not on update, not at each start.
    if (details.reason === 'install') void openWelcomeOnce().catch(() => undefined);
  });
  // Again at each start: a migration cut short by the browser closing (or data synced from an older version
  // on another computer) is finished here. Nothing to do costs one read.
  browser.runtime.onStartup.addListener(() => void writer.migrate().catch(() => false).then(syncRegistrations));
  // Sites turned on or off (popup, options, import, shortcut) and permissions granted or taken back.
  browser.storage.onChanged.addListener((_changes, area) => isSettingsArea(area) && scheduleSync());
  browser.permissions.onAdded.addListener((added) => {
    scheduleSync();
    // Firefox closes the popup when it shows the permission prompt: the open tabs of the site start here.
    void injectIntoOpenTabs(added.origins ?? []);
  });
  browser.permissions.onRemoved.addListener(() => scheduleSync());

  browser.commands.onCommand.addListener((command, tab) => void runCommand(command as CommandName, tab));

  browser.runtime.onMessage.addListener((message: Message | WriteMessage, sender: Browser.runtime.MessageSender, sendResponse: (r: WriteResult) => void) => {
    // A content script may ask for the reader script, in its own frame.
    const reader = injectReaderScript(message, sender);
    if (reader) return reader;
    if (message?.type === 'write') {
      const ops = parseOps(message.ops);
      // A content script lives in a page: it may change its own site's settings (and, on a government site, the
      // shared ones through `choose`), never another site's, never everything at once.
      const pageHost = isTrustedSender(sender) ? null : hostOfUrl(sender.url ?? sender.tab?.url);
      const allowed =
        ops && sender.id === browser.runtime.id && (isTrustedSender(sender) || (pageHost && ops.every((op) => ['choose', 'scope', 'enabled'].includes(op.op) && hostsOf(op).every((h) => h === pageHost))));
      if (!allowed || !ops) return undefined;
      void writer.enqueue(ops).then(sendResponse);
      return true;
    }
    // Only the extension's own pages (popup, options) may drive it; content scripts live in untrusted pages.
    if (!isTrustedSender(sender)) return undefined;
    if (message?.type === 'command') {
      return browser.tabs.get(message.tabId).then((tab) => runCommand(message.command, tab));
    }
    if (message?.type === 'sync') return syncRegistrations();
    return undefined;
  });
}

async function injectIntoOpenTabs(origins: string[]): Promise<void> {
  for (const origin of origins) {
    const tabs = await browser.tabs.query({ url: origin }).catch(() => []);
    // The content script starts once per page and stays idle where the reader is off.
    await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : injectReader(tab.id).catch(() => undefined))));
  }
}

let timer: ReturnType<typeof setTimeout> | undefined;
function scheduleSync(): void {
  clearTimeout(timer);
  timer = setTimeout(() => void syncRegistrations(), 50);
}

/**
 * Makes the dynamic content scripts match the sites the reader is turned on for, outside `*.gov.vn` (which the
 * manifest covers), and only where the browser has granted that site's permission. Re-run on every start:
 * Firefox forgets registrations when it closes.
 */
let syncing: Promise<void> = Promise.resolve();
function syncRegistrations(): Promise<void> {
  // One at a time: two overlapping runs would register the same id twice.
  syncing = syncing.then(syncOnce);
  return syncing;
}

async function syncOnce(): Promise<void> {
  try {
    const { sites } = await getAll();
    const candidates = Object.keys(sites).filter((host) => !isGovHost(host) && isEnabled(host, sites[host]));
    const allowed = await Promise.all(candidates.map(hasSitePermission));
    const wanted = new Set(candidates.filter((_, i) => allowed[i]));
    const registered = (await browser.scripting.getRegisteredContentScripts()).filter((s) => s.id.startsWith(ID_PREFIX));
    const stale = registered.filter((s) => !wanted.has(hostOfId(s.id))).map((s) => s.id);
    if (stale.length) await browser.scripting.unregisterContentScripts({ ids: stale });
    const have = new Set(registered.map((s) => s.id));
    const persistAcrossSessions = !import.meta.env.FIREFOX;
    const missing = [...wanted].flatMap((host) => [
      { id: ID_PREFIX + host, matches: [hostPattern(host)], js: [EARLY_SCRIPT], runAt: 'document_start' as const, allFrames: false, persistAcrossSessions },
      { id: `${ID_PREFIX}${host}|reader`, matches: [hostPattern(host)], js: [CONTENT_SCRIPT], runAt: 'document_end' as const, allFrames: false, persistAcrossSessions },
    ]).filter((s) => !have.has(s.id));
    if (missing.length) await browser.scripting.registerContentScripts(missing);
  } catch (error) {
    console.warn('Accessible Reader: could not update the sites the reader runs on.', error);
  }
}
