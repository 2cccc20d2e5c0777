import { browser, type Browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { injectReader, runCommand, type CommandName } from '../lib/commands';
import { startInOpenTabs, syncRegistrations } from '../lib/registrations';
import { hostOfUrl } from '../lib/settings';
import { isSettingsArea } from '../lib/area';
import { setWriteSink, type WriteMessage, type WriteResult } from '../lib/store';
import { isTrustedSender, type Message } from '../lib/messages';
import { serveBuiltInVoice } from '../lib/builtin-voice/background';
import { injectReaderScript } from '../lib/reader-loader';
import { openWelcomeOnce } from '../lib/welcome';
import { createWriter } from '../lib/writer';
import { hostsOf, parseOps } from '../lib/write-ops';

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
    void writer.migrate().catch(() => false).then(syncRegistrations).then(startInOpenTabs);
    // The welcome page: on install only, not on update, not at each start.
    if (details.reason === 'install') void openWelcomeOnce().catch(() => undefined);
  });
  // Again at each start: a migration cut short by the browser closing (or data synced from an older version
  // on another computer) is finished here. Nothing to do costs one read.
  browser.runtime.onStartup.addListener(() => void writer.migrate().catch(() => false).then(syncRegistrations).then(startInOpenTabs));
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
